/* util.h — checked allocation, a growable string buffer and file reading.
 * Owns nothing global; every function here is free of curses and of report logic. */
#ifndef GK_UTIL_H
#define GK_UTIL_H

#include <stddef.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The strings given, up to a NULL, joined in a new string: what xasprintf()
 * gives for a format of "%s"s and literal text, without the formatting
 * pass (the messages written for every cell of a report). */
char *util_concat(const char *first, ...) __attribute__((sentinel));

/* A thread's spare blocks.  A table's grid and its tokens are each one block
 * of several KB, made and freed once per table, three tables a report: past
 * the C library's per-thread cache, a malloc() and a free() of that size cost
 * some 350 instructions.  Each thread keeps the last block of each kind given
 * back for the next one taken of that kind; a thread's spares are freed as it
 * ends.  spare_block_take(): a block of at least n bytes, its size in *size (what
 * spare_block_give() wants back with it; size NULL: a kind whose blocks are all
 * of one size, n). */
enum { SPARE_GRID, SPARE_TOKENS, SPARE_SBUF, SPARE_KINDS };
void *spare_block_take(int kind, size_t n, size_t *size);
void spare_block_give(int kind, void *p, size_t size);

/* Growable NUL-terminated byte buffer. */
typedef struct {
    char *s;
    size_t len;
    size_t cap;
} sbuf;

void sbuf_init(sbuf *b);
/* sbuf_init() for a scratch buffer made and freed once per table: the
 * thread's spare one (spare_block_take()), as large as it grew; sbuf_give()
 * hands it back, in place of sbuf_free(). */
void sbuf_take(sbuf *b);
void sbuf_give(sbuf *b);
void sbuf_free(sbuf *b);
/* Room for `extra` more bytes and the terminator, without changing the text. */
void sbuf_reserve(sbuf *b, size_t extra);
void sbuf_add(sbuf *b, const char *s, size_t n);
void sbuf_adds(sbuf *b, const char *s);
void sbuf_addc(sbuf *b, char c);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sbuf_steal(sbuf *b);

/* The length of s's longest prefix of at most max bytes that does not cut
 * a UTF-8 character in two: printed with "%.*s" instead of "%.Ns", which
 * counts bytes and could end a message in half a Chinese character. */
int util_utf8_cut(const char *s, int max);

/* The first occurrence of needle[0..nlen) in hay[0..hlen), or NULL: what
 * memmem() finds, by looking for the needle's last byte with memchr() — in
 * UTF-8 Chinese that is a continuation byte, rare enough that this beats
 * glibc's memmem and strstr, whose set-up per call dominates on short
 * lines.  From 33 bytes on (a line of a few words, a whole text) it filters
 * 32 or 64 possible ends at a time by the needle's last two bytes instead,
 * where the processor has AVX2. */
const char *util_find(const char *hay, size_t hlen, const char *needle, size_t nlen);
/* The same search by memchr() on the last byte whatever the haystack's
 * length: what util_find() does on short haystacks (and on needles of one
 * byte), and the reference its test compares it with on longer ones. */
const char *util_find_scalar(const char *hay, size_t hlen, const char *needle, size_t nlen);

/* Strings that live as long as their owner and are freed together: many
 * small copies at the cost of one allocation per few kilobytes. */
typedef struct gk_arena_block gk_arena_block;
typedef struct {
    gk_arena_block *head;
} gk_arena;

char *arena_strdup(gk_arena *a, const char *s);
void arena_free(gk_arena *a);

/* Reads a whole file (at most max_bytes) into a malloc'd buffer.
 * Returns 0 on success; on failure returns an errno-like code and *why
 * points to a static Chinese description. */
int util_read_file(const char *path, size_t max_bytes, char **out, size_t *out_len, const char **why);

/* What a file's metadata says of its contents: the same device, inode,
 * size and modification and change times mean the same bytes. */
typedef struct {
    unsigned long long dev, ino, size;
    long long mtime_s, mtime_ns, ctime_s, ctime_ns;
} gk_file_id;

/* util_read_file() that also gives the file's identity as it was opened (id may be NULL). */
int util_read_file_id(const char *path, size_t max_bytes, char **out, size_t *out_len, gk_file_id *id,
                      const char **why);
/* util_read_file() for a file a directory's listing said is regular: read
 * without asking its type and size first (one system call a file fewer). */
int util_read_listed(const char *path, size_t max_bytes, char **out, size_t *out_len, const char **why);
int util_same_file(const gk_file_id *a, const gk_file_id *b);

/* Milliseconds on the monotonic clock. */
double util_now_ms(void);

/* One symbol of a loader's table: its name, and the function pointer it is
 * stored in (copied as bytes: ISO C converts no object pointer to a function
 * pointer). */
typedef struct {
    const char *name;
    void *slot;
} util_sym;
/* A library opened on first use (input_pdf.c, xmllib.c, input_docx.c,
 * workbook.c): the first of `sonames` (NULL-terminated; the versioned name
 * first, then the plain one) that dlopen() opens with RTLD_NOW | RTLD_LOCAL,
 * then every symbol of syms (ended by a NULL name) stored in its slot.  1 when
 * the library was opened and each symbol found (it stays loaded for the
 * process either way).  `lib` names the library as the environment variable
 * GK_HIDE_LIBS lists it ("libxml2", "libzip", "libxlsxwriter",
 * "libpoppler-glib", separated by spaces or commas): for the tests, a library
 * listed there counts as missing. */
int util_dlload(const char *lib, const char *const *sonames, const util_sym *syms);

#endif
