/* util.c — checked allocation, string buffers, whole-file reading. */
#include "util.h"

#include <dlfcn.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <stdint.h>
#include <unistd.h>

#if defined(__GNUC__) && defined(__x86_64__)
/* util_find() filters haystacks of a line or more 32 or 64 bytes at a time
 * where the processor has AVX2 (asked at run time) */
#define UTIL_AVX2 1
#include <immintrin.h>
#endif

static void oom(void)
{
    fputs("gkreview: 内存不足 (out of memory)\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

/* The spares of a thread (spare_block_take()); freed by spares_free() as it ends
 * (pthread_setspecific() at the first block given back). */
typedef struct {
    void *block[SPARE_KINDS];
    size_t size[SPARE_KINDS];
    int keyed;                         /* the thread's key set: its spares are freed as it ends */
} spares;

static __thread spares tl_spares;
static pthread_key_t spares_key;
static pthread_once_t spares_once = PTHREAD_ONCE_INIT;

static void spares_free(void *arg)
{
    spares *sp = arg;
    for (int k = 0; k < SPARE_KINDS; k++) {
        free(sp->block[k]);
        sp->block[k] = NULL;
    }
}

static void spares_key_make(void)
{
    if (pthread_key_create(&spares_key, spares_free) != 0)
        abort();
}

void *spare_block_take(int kind, size_t n, size_t *size)
{
    spares *sp = &tl_spares;
    void *p = sp->block[kind];
    if (p && sp->size[kind] >= n) {
        sp->block[kind] = NULL;
        if (size)
            *size = sp->size[kind];
        return p;
    }
    if (size)
        *size = n;
    return xmalloc(n);
}

void spare_block_give(int kind, void *p, size_t size)
{
    spares *sp = &tl_spares;
    if (!p)
        return;
    if (sp->block[kind]) {             /* one kept already: the larger stays */
        if (sp->size[kind] >= size) {
            free(p);
            return;
        }
        free(sp->block[kind]);
    }
    if (!sp->keyed) {
        pthread_once(&spares_once, spares_key_make);
        pthread_setspecific(spares_key, sp);
        sp->keyed = 1;
    }
    sp->block[kind] = p;
    sp->size[kind] = size;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* One formatting pass for the short strings this is mostly for (paths,
 * messages): vsnprintf() into a buffer on the stack, then one allocation of
 * the exact size; a longer result is formatted again into its own. */
char *xasprintf(const char *fmt, ...)
{
    char stack[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(stack, sizeof stack, fmt, ap);
    va_end(ap);
    if (n < 0)
        return xstrndup("", 0);
    if ((size_t)n < sizeof stack)
        return xstrndup(stack, (size_t)n);
    char *s = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

char *util_concat(const char *first, ...)
{
    enum { MAX_PIECES = 16 };
    size_t len[MAX_PIECES], total = 0;
    const char *piece[MAX_PIECES];
    int n = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *p = first; p; p = va_arg(ap, const char *)) {
        if (n == MAX_PIECES)
            abort();                   /* a caller's mistake: the pieces are written out at each call */
        piece[n] = p;
        len[n] = strlen(p);
        total += len[n++];
    }
    va_end(ap);
    char *s = xmalloc(total + 1), *o = s;
    for (int k = 0; k < n; k++) {
        memcpy(o, piece[k], len[k]);
        o += len[k];
    }
    *o = '\0';
    return s;
}

int util_utf8_cut(const char *s, int max)
{
    size_t n = strnlen(s, max > 0 ? (size_t)max : 0);
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;                           /* s[n], the first byte left out, continues a character: leave it all out */
    return (int)n;
}

/* util_find() as first written, whatever the haystack's length: memchr()
 * on the needle's last byte, the byte before it tested first.  On short
 * haystacks (a few words) nothing is faster; the reference of the AVX2 path. */
const char *util_find_scalar(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    if (nlen == 0)
        return hay;
    if (nlen > hlen)
        return NULL;
    const char last = needle[nlen - 1];
    const char *p = hay + nlen - 1, *end = hay + hlen;
    if (nlen == 1)
        return memchr(hay, last, hlen);
    /* The byte before the last one first: in CJK text the last byte alone
     * often matches, and this test is much cheaper than a memcmp() call. */
    const char before = needle[nlen - 2];
    while (p < end) {
        const char *q = memchr(p, last, (size_t)(end - p));
        if (!q)
            return NULL;
        if (q[-1] == before && !memcmp(q - (nlen - 1), needle, nlen - 2))
            return q - (nlen - 1);
        p = q + 1;
    }
    return NULL;
}

#ifdef UTIL_AVX2
/* From this haystack length on, util_find() filters the needle's possible
 * ends 64 or 32 at a time by its last two bytes (AVX2, asked at run time),
 * the last ends in a block that ends with the haystack.  In CJK text the
 * last byte alone (a continuation byte) recurs every hundred bytes or so:
 * the memchr() call per occurrence costs more than these blocks (on a line
 * of a hundred bytes too); the two bytes together are rare.  A shorter
 * haystack is searched as before. */
#define FIND_AVX2 33

/* The needle's ends at hay[q .. q + 32) (byte k 0xFF: an end at q + k)
 * where its last two bytes are: hay[q - 1 .. q + 32) is read. */
static inline __attribute__((always_inline, target("avx2"))) __m256i ends32(const char *hay, size_t q, __m256i last,
                                                                            __m256i before)
{
    __m256i l = _mm256_loadu_si256((const __m256i *)(const void *)(hay + q));
    __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(hay + q - 1));
    return _mm256_and_si256(_mm256_cmpeq_epi8(l, last), _mm256_cmpeq_epi8(b, before));
}

/* The first start among the ends of m (bit k: an end at hay[q + k]) where
 * the rest of the needle is; NULL when none.  The rest compared byte by
 * byte (a word or two, and an end is rare): no call, so that find_avx2()
 * keeps its values in registers that need no saving. */
static inline const char *first_whole(const char *hay, size_t q, uint64_t m, const char *needle, size_t nlen)
{
    for (; m; m &= m - 1) {
        const char *start = hay + q + __builtin_ctzll(m) - (nlen - 1);
        size_t k = 0;
        while (k < nlen - 2 && start[k] == needle[k])
            k++;
        if (k == nlen - 2)
            return start;
    }
    return NULL;
}

/* util_find_scalar()'s answer for 2 <= nlen <= hlen and hlen >= FIND_AVX2:
 * the same first occurrence, the ends tested in order. */
static __attribute__((target("avx2"))) const char *find_avx2(const char *hay, size_t hlen, const char *needle,
                                                              size_t nlen)
{
    /* candidate ends q (the needle's last byte at hay[q]) from nlen - 1 on */
    const __m256i last = _mm256_set1_epi8(needle[nlen - 1]), before = _mm256_set1_epi8(needle[nlen - 2]);
    const char *found;
    size_t q = nlen - 1;
    for (; q + 64 <= hlen; q += 64) {
        __m256i m0 = ends32(hay, q, last, before), m1 = ends32(hay, q + 32, last, before), any = _mm256_or_si256(m0, m1);
        if (_mm256_testz_si256(any, any))
            continue;
        uint64_t m = (uint64_t)(uint32_t)_mm256_movemask_epi8(m0) | (uint64_t)(uint32_t)_mm256_movemask_epi8(m1) << 32;
        if ((found = first_whole(hay, q, m, needle, nlen)) != NULL)
            return found;
    }
    if (q + 32 <= hlen) {
        uint32_t m = (uint32_t)_mm256_movemask_epi8(ends32(hay, q, last, before));
        if (m && (found = first_whole(hay, q, m, needle, nlen)) != NULL)
            return found;
        q += 32;
    }
    if (q < hlen) {
        /* the ends left, in the block of the last 32 (hlen - 33 >= 0 is read),
         * those before q tested already */
        size_t b = hlen - 32;
        uint32_t m = (uint32_t)_mm256_movemask_epi8(ends32(hay, b, last, before)) >> (q - b) << (q - b);
        if (m)
            return first_whole(hay, b, m, needle, nlen);
    }
    return NULL;
}
#endif

const char *util_find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
#ifdef UTIL_AVX2
    if (hlen >= FIND_AVX2 && nlen >= 2 && nlen <= hlen && __builtin_cpu_supports("avx2"))
        return find_avx2(hay, hlen, needle, nlen);
#endif
    return util_find_scalar(hay, hlen, needle, nlen);
}

struct gk_arena_block {
    gk_arena_block *next;
    size_t used, cap;
    char data[];
};

/* arena_strdup() when the current block has no room for s: a new block.
 * Not inlined, so that the common path saves no registers. */
__attribute__((noinline)) static char *arena_strdup_new_block(gk_arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    size_t cap = n > 4000 ? n : 4000;
    gk_arena_block *b = xmalloc(sizeof *b + cap);
    b->next = a->head;
    b->used = n;
    b->cap = cap;
    a->head = b;
    return memcpy(b->data, s, n);
}

char *arena_strdup(gk_arena *a, const char *s)
{
    gk_arena_block *b = a->head;
    if (b) {                           /* one pass for the short strings this is for: copy while there is room */
        char *out = b->data + b->used;
        size_t room = b->cap - b->used, i = 0;
        /* four bytes per room test; each byte is read only after the one
         * before it is found to be no NUL */
        for (; room - i >= 4; i += 4) {
            if ((out[i] = s[i]) == '\0')
                goto copied;
            if ((out[i + 1] = s[i + 1]) == '\0') {
                i += 1;
                goto copied;
            }
            if ((out[i + 2] = s[i + 2]) == '\0') {
                i += 2;
                goto copied;
            }
            if ((out[i + 3] = s[i + 3]) == '\0') {
                i += 3;
                goto copied;
            }
        }
        for (; i < room; i++)
            if ((out[i] = s[i]) == '\0')
                goto copied;
        return arena_strdup_new_block(a, s);
    copied:
        b->used += i + 1;
        return out;
    }
    return arena_strdup_new_block(a, s);
}

void arena_free(gk_arena *a)
{
    while (a->head) {
        gk_arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}

void sbuf_init(sbuf *b)
{
    b->cap = 64;
    b->len = 0;
    b->s = xmalloc(b->cap);
    b->s[0] = '\0';
}

void sbuf_take(sbuf *b)
{
    b->s = spare_block_take(SPARE_SBUF, 64, &b->cap);
    b->len = 0;
    b->s[0] = '\0';
}

void sbuf_give(sbuf *b)
{
    spare_block_give(SPARE_SBUF, b->s, b->cap);
    b->s = NULL;
    b->len = b->cap = 0;
}

void sbuf_free(sbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void sbuf_reserve(sbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (b->len + extra + 1 > cap)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sbuf_add(sbuf *b, const char *s, size_t n)
{
    sbuf_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sbuf_adds(sbuf *b, const char *s)
{
    sbuf_add(b, s, strlen(s));
}

void sbuf_addc(sbuf *b, char c)
{
    sbuf_add(b, &c, 1);
}

/* Formatted into the room the buffer has first: a second pass only when
 * the text does not fit. */
void sbuf_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    size_t room = b->cap > b->len ? b->cap - b->len : 0;
    va_start(ap, fmt);
    int n = vsnprintf(room ? b->s + b->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n <= 0) {
        if (room)
            b->s[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        sbuf_reserve(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

char *sbuf_steal(sbuf *b)
{
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

int util_read_file(const char *path, size_t max_bytes, char **out, size_t *out_len, const char **why)
{
    return util_read_file_id(path, max_bytes, out, out_len, NULL, why);
}

int util_same_file(const gk_file_id *a, const gk_file_id *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_s == b->mtime_s &&
           a->mtime_ns == b->mtime_ns && a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns;
}

double util_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A listed file's first read: most reports are smaller; of a larger one the
 * size is asked then (refused over the limit, else read on in a buffer of
 * its size; grown twice as large each time should it grow), the room left
 * given back but READ_SLACK bytes. */
#define READ_FIRST (32u << 10)
#define READ_SLACK 4096u

static int read_open(int fd, size_t size, size_t max_bytes, char **out, size_t *out_len, const char **why);

/* Opens path for reading: a descriptor, or -1 with *e and *why set. */
static int open_file(const char *path, int *e, const char **why)
{
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *e = errno;
        *why = *e == ENOENT ? "文件不存在" : *e == EACCES ? "没有读取权限" : *e == ELOOP ? "符号链接循环" : "无法打开文件";
    }
    return fd;
}

int util_read_file_id(const char *path, size_t max_bytes, char **out, size_t *out_len, gk_file_id *id,
                      const char **why)
{
    *out = NULL;
    *out_len = 0;
    int e;
    int fd = open_file(path, &e, why);
    if (fd < 0)
        return e;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        e = errno;
        close(fd);
        *why = "无法读取文件信息";
        return e;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        *why = "是目录，不是文件";
        return EISDIR;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        *why = "不是普通文件（管道、设备或套接字）";
        return EINVAL;
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        close(fd);
        *why = "文件过大";
        return EFBIG;
    }
    if (id) {
        id->dev = (unsigned long long)st.st_dev;
        id->ino = (unsigned long long)st.st_ino;
        id->size = (unsigned long long)st.st_size;
        id->mtime_s = (long long)st.st_mtim.tv_sec;
        id->mtime_ns = (long long)st.st_mtim.tv_nsec;
        id->ctime_s = (long long)st.st_ctim.tv_sec;
        id->ctime_ns = (long long)st.st_ctim.tv_nsec;
    }
    return read_open(fd, (size_t)st.st_size, max_bytes, out, out_len, why);
}

/* Reads the open file fd to its end into a malloc'd buffer and closes it;
 * `size`: what fstat() said it holds (a short read then at that size is
 * the end), or SIZE_MAX when it was not asked (a short read is the end:
 * a regular file's read returns less only there). */
static int read_open(int fd, size_t size, size_t max_bytes, char **out, size_t *out_len, const char **why)
{
    size_t cap = size == SIZE_MAX ? READ_FIRST : size + 2, len = 0;   /* room to see a file that grew */
    char *buf = xmalloc(cap);
    for (;;) {
        if (len > max_bytes) {
            free(buf);
            close(fd);
            *why = "文件过大";
            return EFBIG;
        }
        if (len + 1 >= cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        size_t want = cap - len - 1;
        ssize_t r = read(fd, buf + len, want);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            *why = e == EISDIR ? "是目录，不是文件" : "读取失败";
            return e;
        }
        if (r == 0)
            break;
        len += (size_t)r;
        if ((size_t)r < want && (size == SIZE_MAX || len == size))
            break;                     /* short, and all there is: the end, without one more read */
        struct stat st;
        if (size == SIZE_MAX && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            /* larger than the first read: its size asked now, so that a file over the
               limit is refused without reading it all, and one under it read in one go */
            size = (size_t)st.st_size;
            if (size > max_bytes) {
                len = size;
                break;
            }
            if (size + 2 > cap) {
                cap = size + 2;
                buf = xrealloc(buf, cap);
            }
        }
    }
    if (len > max_bytes) {
        free(buf);
        close(fd);
        *why = "文件过大";
        return EFBIG;
    }
    close(fd);
    if (cap - len > READ_SLACK)
        buf = xrealloc(buf, len + 1);   /* the text keeps the buffer as long as the report */
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}

int util_read_listed(const char *path, size_t max_bytes, char **out, size_t *out_len, const char **why)
{
    *out = NULL;
    *out_len = 0;
    int e;
    int fd = open_file(path, &e, why);
    if (fd < 0)
        return e;
    return read_open(fd, SIZE_MAX, max_bytes, out, out_len, why);
}

/* Whether GK_HIDE_LIBS lists lib (a whole word). */
static int lib_hidden(const char *lib)
{
    const char *env = getenv("GK_HIDE_LIBS");
    size_t n = strlen(lib);
    for (const char *p = env; p && *p;) {
        p += strspn(p, " ,");
        size_t w = strcspn(p, " ,");
        if (w == n && !memcmp(p, lib, n))
            return 1;
        p += w;
    }
    return 0;
}

/* The first of sonames dlopen() opens, unless GK_HIDE_LIBS lists lib. */
static void *lib_open(const char *lib, const char *const *sonames)
{
    if (lib_hidden(lib))
        return NULL;
    void *h = NULL;
    for (; *sonames && !h; sonames++)
        h = dlopen(*sonames, RTLD_NOW | RTLD_LOCAL);
    return h;
}

int util_dlload(const char *lib, const char *const *sonames, const util_sym *syms)
{
    void *h = lib_open(lib, sonames);
    if (!h)
        return 0;
    int ok = 1;
    for (; syms->name; syms++) {
        void *f = dlsym(h, syms->name);
        memcpy(syms->slot, &f, sizeof f);
        ok &= f != NULL;
    }
    return ok;
}
