/* text.h — bytes to normalised UTF-8 text with a line index.
 *
 * Decoding: UTF-8 (with or without BOM), UTF-16LE/BE (BOM, or detected by
 * its NUL pattern; decoded by hand as iconv would), otherwise GB18030 (a
 * table of its two-byte characters taken from iconv; iconv itself for any
 * other text).  Every source line is kept:
 * line i of `orig` and of `norm` is line i+1 of the file, so every value
 * extracted from `norm` keeps its original line number.
 *
 * `orig` is the decoded text as written (for display); `norm` is the same
 * line with full-width ASCII, ideographic/non-breaking spaces and curly
 * quotes folded, box-drawing borders read as '|' and '-', and control
 * characters blanked (for parsing). */
#ifndef GK_TEXT_H
#define GK_TEXT_H

#include <stddef.h>

/* More lines than this is not a report (a real one has a few hundred);
 * with files of at most 32 MB it bounds the line index at 160 MB. */
#define TEXT_MAX_LINES 5000000

typedef struct {
    char *s;   /* NUL-terminated, no line terminator */
    size_t len;
} gk_line;

typedef struct {
    gk_line *orig;
    gk_line *norm;
    size_t nlines;
    const char *encoding;   /* "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "GB18030"; for a
                               converted file what it was (input.h): "PDF", "DOCX", "HTML GB18030" … */
    size_t replaced;        /* invalid byte sequences shown as U+FFFD */
    int crlf;               /* 1 when CR LF line ends were seen */
    char *obuf, *nbuf;      /* storage the lines point into */
    int crlf_scan;          /* the text holds CR characters */
    int no_ff;              /* 1: the original lines are known to hold no form feed (split_plain()
                               saw every byte); 0: not known, to be searched */
    int *page;              /* PDF input: the 1-based page of each line (nlines entries); NULL otherwise */
    int row_marks;          /* a normalised line holds GK_ROW_MARK (text_strip_tags()) */
    int marks;              /* whether the normalised lines may hold '&', '<' or '[', looked for once
                               by the first of text_decode_refs(), text_strip_tags(),
                               text_list_rows() (text.c; 0: not yet) — no other pass writes them */
    int *fileline;          /* lines reordered (text_bottom_up()): the file's line (1-based) of each;
                               NULL when they are the file's, in its order */
} gk_text;

/* The file's line (1-based) of the text's line `line` (1-based): what a reader
 * looking in the file finds it at — the same but for a text text_bottom_up()
 * reordered.  0 and out-of-range lines as they are. */
static inline int text_file_line(const gk_text *t, int line)
{
    return t && t->fileline && line > 0 && (size_t)line <= t->nlines ? t->fileline[line - 1] : line;
}

/* Between two rows of a table written on one line as HTML ("<tr>…</tr><tr>…"),
 * in the normalised line once its tags are taken out (text_strip_tags()): the
 * grid makes each a row of that line. */
#define GK_ROW_MARK '\v'

/* Decodes `len` bytes.  Returns NULL on input that is not a text report and
 * sets *why to a Chinese one-line reason (empty, binary, unknown encoding). */
gk_text *text_decode(const char *bytes, size_t len, const char **why);

/* The same, but splitting and normalising lines only until stop() returns
 * nonzero for a line (given its normalised form and 0-based index; it is
 * called for every line split, the last one too): the
 * lines up to and including that one are exactly text_decode()'s first
 * lines — the encoding is still decided on all the bytes. */
typedef int (*text_stop_fn)(const gk_line *norm, size_t index, void *ctx);

/* How bytes without a byte order mark are read: the choice both decoders
 * take by scanning all of them.  Given a `verdict` that is TEXT_UNKNOWN,
 * text_decode_until() stores its choice there; given one that is known,
 * it takes that instead of scanning — for the same, unchanged bytes read
 * again (a batch peeks at every title before reading each report). */
typedef enum {
    TEXT_UNKNOWN = 0,
    TEXT_BINARY,
    TEXT_UTF16LE,
    TEXT_UTF16BE,
    TEXT_UTF8,
    TEXT_UTF8_REPAIR,
    TEXT_GB18030
} text_verdict;

gk_text *text_decode_until(const char *bytes, size_t len, text_stop_fn stop, void *ctx, text_verdict *verdict,
                           const char **why);

/* text_decode() with a verdict as text_decode_until() takes it (may be
 * NULL), that takes `bytes`: a malloc'd buffer with a NUL after its `len`
 * bytes, kept as the text's storage when it is plain UTF-8, else freed. */
gk_text *text_decode_adopt(char *bytes, size_t len, text_verdict *verdict, const char **why);
void text_free(gk_text *t);

/* A text whose pages are printed bottom up (pdf2json writes a page's lines from
 * its foot to its head, the pages in order): told by the numbering at lines'
 * starts ("六、" before "五、", "3." before "2.", "（二）" before "（一）") running
 * down far more often than up, over the pages (parted by pdf2json's
 * "----Page (N) Break----", pdf-parse's "-- N of M --" and form feeds, which
 * stay where they are).  Returns a text of the same lines with each page's in
 * the other order, fileline[] saying where each was, and frees t; t itself when
 * its pages read top down (and for a PDF's own text, t->page set). */
gk_text *text_bottom_up(gk_text *t);

/* A table copied from a browser (document.body.innerText) prints a cell's
 * paragraph (Word's web pages hold one in every cell) on a line of its own,
 * one blank line before it and one after when its row goes on ("…\t4\t" ""
 * "0" "" "\t8\t0…"), two after when it is the row's last.  Returns a text with
 * each such row on one line again (the paragraph's text in its cell),
 * fileline[] saying the file's line each began on, and frees t; t itself when
 * fewer than two rows are broken so (and for a PDF's text, or one reordered
 * already). */
gk_text *text_join_cell_paragraphs(gk_text *t);

/* Whether t's pages look printed bottom up (what text_bottom_up() tells by). */
int text_looks_bottom_up(const gk_text *t);

/* Whether bytes hold pdf2json's page break ("----Page (N) Break----"): a text
 * whose title a read of its first lines cannot be trusted to find (its pages may
 * be printed bottom up: the title at page 1's foot). */
int text_pdf2json_marked(const char *bytes, size_t len);

/* pdftotext's and mutool's page breaks (a form feed starting a page's first
 * line): the page number printed last on the page before — one to three digits
 * alone on a line, indented far (-layout centres it), after two blank lines, or
 * after one when it is that page's number or one of a run 1, 2, 3 … at the
 * pages' ends — and a footer ("第2页", "2/8", "- 2 -", or a piece a line) are blanked
 * in the normalised lines (its bytes spaces; the original kept), so that it is
 * no number of a table running over the break. */
void text_blank_page_numbers(gk_text *t);

/* pandoc's multiline tables, a cell holding a line break: a row over two lines
 * between blank lines or rules, the second numbers only, each under a column the
 * first leaves empty — each number written into the first line's normalised text
 * at its column, the second line blanked, so that the row's cells come in the
 * columns' order. */
void text_join_wrapped_cells(gk_text *t);

/* Numeric character references a converter left in the text ("申请人情&#x51B5;":
 * html2text keeps them) replaced in the normalised lines by the characters
 * they stand for (folded as normalisation folds them), and the named ones
 * converters leave ("&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;").  The original
 * lines are as they were. */
void text_decode_refs(gk_text *t);

/* HTML tags a converter left in the text ("<span style=…>0</span>", "<br />",
 * "<td>3</td>": pandoc's gfm and commonmark, scripts that strip a page in part)
 * taken out of the normalised lines — a table cell's begins a cell (a tab) after
 * another on its line, a block's or a line break is a space, an inline one
 * nothing, a row's after cells on its line GK_ROW_MARK.  Only tags of a web
 * page's own names ending on their line.  The original lines are as they were. */
void text_strip_tags(gk_text *t);

/* Rows a program printed as list literals ("['规章', None, '0', '3']", a table's
 * rows as Python prints them; JSON arrays alike) rewritten in the normalised
 * lines as their cells separated by tabs (None, null: an empty cell; a string's
 * escapes read).  The original lines are as they were. */
void text_list_rows(gk_text *t);

/* The first line in [from, to) whose normalised form holds `needle` (no NUL
 * in it), or `to` when none does (`to` may be past the last line).  One search over the lines' shared buffer
 * (they lie one after another, each ended by its NUL) instead of one call
 * per line: for rules that look for a word before trying a pattern. */
size_t text_norm_find(const gk_text *t, size_t from, size_t to, const char *needle, size_t nlen);

/* Nonzero (the default, 1): plain UTF-8 is checked, split and normalised in
 * one pass, 32 bytes at once where the processor has AVX2; 2 keeps to
 * sixteen (SSE2).  Tests set it to 0 to compare with the general path,
 * which gives the same results, and to 2 to compare the two widths. */
extern int text_fast_utf8;

/* Whether s[0..len) is valid UTF-8 without NUL, with then its control
 * bytes (below 0x20 but NUL, tab, LF, CR, FF and ESC) in *ctl: what the
 * choice of encoding asks first of bytes without a byte order mark.
 * text_fast_utf8 1 checks 32 bytes at once where the processor has AVX2;
 * 2 sixteen (SSE2), which declines (0) some valid sequences too (E0, ED,
 * four bytes), leaving them to the byte-by-byte scan; 0 is the reference,
 * byte by byte.  Exported for tests. */
int text_utf8_plain(const char *s, size_t len, size_t *ctl);

/* `inlen` bytes in encoding `from` through iconv to UTF-8 (NUL-terminated,
 * *outlen bytes), each invalid or cut-off sequence as U+FFFD, counted into
 * *replaced when given.  Unless `lenient`, NULL when a sequence was invalid
 * and `replaced` is NULL, or more than 1% of the bytes were; NULL also when
 * iconv does not know `from`. */
char *text_iconv_utf8(const char *from, const char *in, size_t inlen, size_t *outlen, size_t *replaced, int lenient);

/* Normalises one UTF-8 string (no newlines) into a new malloc'd string. */
char *text_normalise(const char *s, size_t len);

/* What a code point of the original text is to a table drawn with
 * borders: 1 a border between cells ('|', '｜', a box-drawing character
 * with a vertical stroke), 2 a grid rule's '+', 0 neither; and how many
 * terminal columns it takes as text-mode browsers lay tables out (East
 * Asian wide and full-width characters two, others one). */
int text_border_kind(unsigned cp);
int text_cp_width(unsigned cp);

/* The display columns of s[0..n) (UTF-8; CJK two, an invalid byte one). */
size_t text_display_width(const char *s, size_t n);

/* What normalisation folds code point cp into (full-width ASCII into ASCII,
 * curly quotes into '"', spaces into ' ' …), 0 when it drops it. */
unsigned text_fold_cp(unsigned cp);
/* East Asian "ambiguous" characters common in reports (“ ” • … ※ ① ° × ■
 * Greek, Cyrillic…): one column wide in most tools, two in CJK settings. */
int text_cp_ambiguous(unsigned cp);

/* UTF-8 helpers shared by parser and UI. */
int utf8_decode(const char *s, size_t len, unsigned *cp);  /* bytes used, 0 if invalid */
int utf8_encode(unsigned cp, char out[4]);
int utf8_valid(const char *s, size_t len);

#endif
