/* grid.c — layout detection and cell splitting. */
#include "grid.h"
#include "util.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Markers with their lengths, so that matching one is a length test and a
 * memcmp rather than a strlen and a strcmp per entry. */
typedef struct {
    const char *s;
    size_t len;
} marker;
#define MARKER(lit) {lit, sizeof lit - 1}

/* The blank markers, split by their first byte: a cell starting with an
 * ASCII byte can only be one of the first, a cell starting with a
 * non-ASCII byte only one of the second. */
static const marker ASCII_BLANKS[] = {
    MARKER(""), MARKER("-"), MARKER("--"), MARKER("/"), MARKER("\\"), {NULL, 0},
};
static const marker UTF8_BLANKS[] = {
    MARKER("—"), MARKER("——"), MARKER("–"), MARKER("无"), MARKER("空"), MARKER("×"), {NULL, 0},
};
/* The units a count is written with in these reports (件 mostly; 次, 件次,
 * 人次, 宗, 份 … where an office counts so), and the marks a number may
 * carry: its unit in brackets ("0（件）") and a footnote mark ("12*", "5①",
 * "3※").  A cell's tail is one of them exactly (is_unit()):
 *   one byte      *
 *   one character 元 件 条 个 项 次 宗 份 起 例 户 人 家 ※ ① .. ⑩
 *   (x)           (件) (个) (项) (条)
 *   two characters 万元 件次 人次 批次
 *   （x）         （件） （个） （项） （条） */
static const char UNIT_CHARS[] = "件元条个项次人宗份起例户家";   /* the ideographs: 件 the commonest first */
static const char BRACKETED[] = "件个项条";

/* Letters O read as 0 by num_parse() in this thread so far (grid.ocr_zeros). */
static __thread unsigned ocr_zeros_seen;
static __thread unsigned null_words_seen;   /* cells "NaN", "None" … read (null_word()) */

static const char *skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

/* The length of s[0..n) without its trailing spaces. */
static inline size_t trim_end(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    return n;
}

/* The length of s[0..n) without its trailing spaces and tabs. */
static inline size_t trim_blanks_end(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

/* s starts with m.  Stops at the NUL of a shorter s (m holds none); a plain
 * loop, so that num_parse calls nothing on its fast paths. */
static int has_prefix(const char *s, const marker *m)
{
    for (size_t i = 0; i < m->len; i++)
        if (s[i] != m->s[i])
            return 0;
    return 1;
}

/* s[0..n) is exactly one of the markers (a list ended by {NULL, 0}). */
static const marker *find_marker(const marker *list, const char *s, size_t n)
{
    for (const marker *m = list; m->s; m++)
        if (n == m->len && has_prefix(s, m))
            return m;
    return NULL;
}

/* The longest blank markers of each kind: no longer cell can be one. */
#define ASCII_BLANK_MAX (sizeof "--" - 1)
#define UTF8_BLANK_MAX (sizeof "——" - 1)

/* What a program writes for a cell without a value: a dataframe's "NaN"
 * ("nan" in markdown), Python's "None" (a PDF table extractor's merged
 * cells), SQL's "NULL", "N/A".  An empty cell, as "-" is. */
static int null_word(const char *s, size_t n)
{
    static const char *const NULLS[] = {"NaN", "nan", "NAN", "None", "none", "NULL", "null", "N/A", "n/a", "NA", NULL};
    if (n < 2 || n > 4 || (s[0] | 0x20) != 'n')
        return 0;
    for (const char *const *w = NULLS; *w; w++)
        if (strlen(*w) == n && !memcmp(s, *w, n))
            return 1;
    return 0;
}
/* The longest unit: no longer tail after a number can be one (a label such
 * as "1. 属于国家秘密" is refused without trying each unit). */
#define UNIT_MAX (sizeof "（件）" - 1)

/* s[0..3) is one of the characters of `list` (three bytes each). */
static inline int one_of3(const char *list, const char *s)
{
    for (; *list; list += 3)
        if (!memcmp(list, s, 3))
            return 1;
    return 0;
}

/* s[0..n) is exactly one of the units and marks above.  Told apart by
 * their length first: a word that is no unit (a label's last word, tried
 * for every label cell with a space) costs a few tests rather than a
 * comparison with each of the 37. */
static int is_unit(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    switch (n) {
    case 1:
        return s[0] == '*';
    case 3:
        if (u[0] == 0xE2)              /* ※, or ① .. ⑩ (U+2460 .. U+2469: E2 91 A0 .. E2 91 A9) */
            return !memcmp(s, "※", 3) || (u[1] == 0x91 && u[2] >= 0xA0 && u[2] <= 0xA9);
        return one_of3(UNIT_CHARS, s);
    case 5:
        return s[0] == '(' && s[4] == ')' && one_of3(BRACKETED, s + 1);
    case 6:
        return !memcmp(s, "万元", 6) || (!memcmp(s + 3, "次", 3) && one_of3("件人批", s));
    case 9:
        return !memcmp(s, "（", 3) && !memcmp(s + 6, "）", 3) && one_of3(BRACKETED, s + 3);
    default:
        return 0;
    }
}

/* 1 when s (three bytes or more) begins with a Chinese zero, 〇 or 零. */
static inline int chinese_zero(const char *s)
{
    return ((unsigned char)s[0] == 0xE3 && !memcmp(s, "〇", 3)) ||
           ((unsigned char)s[0] == 0xE9 && !memcmp(s, "零", 3));
}

/* 10^k for k <= 15: every one of them is exact in a double. */
static const double POW10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The number s[first..n) parse_ascii() has found, s[0] its sign when
 * first is 1.  Apart, so that the cells refused on their first bytes do
 * not pay for the registers this part needs. */
static __attribute__((noinline)) num_kind parse_digits(const char *s, size_t first, size_t n, double *value,
                                                       int *is_int)
{
    /* [+-]? digits with optional groups of ",ddd", optional ".d+".  The
     * digits accumulate in `mant` (unsigned: past 15 digits it may wrap,
     * but such a cell is refused below); `nfrac` counts those after the dot. */
    uint64_t mant = 0;
    size_t i = first;
    int neg = s[0] == '-', seen_dot = 0, ndig = 0, nfrac = 0, frac_zero = 1, group = -1;
    for (; i < n; i++) {
        char c = s[i];
        if (is_digit(c)) {
            mant = mant * 10 + (uint64_t)(c - '0');
            ndig++;
            if (seen_dot) {
                nfrac++;
                if (c != '0')
                    frac_zero = 0;
            } else if (group >= 0) {
                group++;
            }
        } else if (c == ',' && !seen_dot && ndig > 0) {
            if (group >= 0 && group != 3)
                return NUM_NONE;
            if (group < 0 && ndig > 3)
                return NUM_NONE;
            group = 0;
        } else if (c == '.' && !seen_dot && ndig > 0 && i + 1 < n) {
            if (group >= 0 && group != 3)
                return NUM_NONE;
            seen_dot = 1;
        } else {
            return NUM_NONE;
        }
    }
    if (ndig == 0 || (group >= 0 && group != 3 && !seen_dot))
        return NUM_NONE;
    if (ndig > 15)
        return NUM_NONE;               /* beyond exact arithmetic: not read as a number */
    /* mant < 10^15 < 2^53 and 10^nfrac (nfrac <= 14) are exact doubles, so
     * the one IEEE division is correctly rounded: the same double strtod
     * gives for the digit string, without strtod's cost. */
    double v = (double)mant / POW10[nfrac];
    *value = neg ? -v : v;
    *is_int = !seen_dot || frac_zero;  /* "3.0" is a whole number written as a decimal */
    return NUM_VALUE;
}

/* parse_cell past its fast paths: s[0..n) starts with an ASCII byte.  Out
 * of line, so that the common cells (counts, labels, blanks) do not pay
 * for the registers this part needs. */
static __attribute__((noinline)) num_kind parse_ascii(const char *s, size_t n, double *value, int *is_int)
{
    if (n >= 64)
        return NUM_NONE;                /* longer than any number worth reading */
    if (!is_digit(s[0])) {             /* a digit first ("1.属于…", "12件"): none of these */
        if (n == 1 && (s[0] == 'O' || s[0] == 'o')) {
            /* the letter O alone: a 0 as text recognition (OCR) reads it, so that the
             * cell holds its place as a number; extract.c reports it unread */
            ocr_zeros_seen++;
            *value = 0;
            *is_int = 1;
            return NUM_VALUE;
        }
        if (n <= ASCII_BLANK_MAX && find_marker(ASCII_BLANKS, s, n))
            return NUM_BLANK;
        if (null_word(s, n)) {
            null_words_seen++;
            return NUM_BLANK;
        }
    }
    /* A number starts with a digit after its sign (',' and '.' need a digit
     * before them): a label such as "(一)" is refused here. */
    size_t first = s[0] == '+' || s[0] == '-';
    if (!is_digit(s[first]) || (s[first] == '0' && first + 1 < n && is_digit(s[first + 1])))
        return NUM_NONE;                /* no number, or one with a leading zero: no count ("0012") */
    /* The number is s[first..k), the bytes it may hold; anything after it
     * must be one unit, after optional spaces ("12 件", "5万元").  Labels
     * such as "1. 属于国家秘密" are refused here, without a unit search. */
    size_t k = first + 1;
    while (k < n && (is_digit(s[k]) || s[k] == ',' || s[k] == '.'))
        k++;
    if (k < n) {
        size_t u = k;
        while (s[u] == ' ')
            u++;                        /* s[n - 1] is no space: u < n */
        if (!is_unit(s + u, n - u))
            return NUM_NONE;
        n = k;
    }
    return parse_digits(s, first, n, value, is_int);
}

/* parse_ascii() may read something other than NUM_NONE from a cell that
 * starts with the ASCII byte c: a digit, a sign ('+', '-': a number; '-' a
 * blank marker too), '/' or '\\' (blank markers), 'O' or 'o' (a zero OCR
 * read) or 'N' or 'n' (null_word()). */
static inline int ascii_may_read(char c)
{
    static const uint64_t LOW = 1ull << '+' | 1ull << '-' | 1ull << '/' | 0x3FFull << '0',
                          HIGH = 1ull << ('O' - 64) | 1ull << ('o' - 64) | 1ull << ('N' - 64) | 1ull << ('n' - 64) |
                                 1ull << ('\\' - 64);
    unsigned char u = (unsigned char)c;
    return u < 64 ? LOW >> u & 1 : HIGH >> (u - 64) & 1;
}

/* num_parse of s[0..n), which is not empty and neither starts nor ends
 * with a space: a cell's text, whose length is known when it is added. */
static inline num_kind parse_cell(const char *s, size_t n, double *value, int *is_int)
{
    if (is_digit(s[0])) {
        /* fast path: up to 15 digits and nothing else, the usual count */
        if (n <= 15) {
            long v = 0;
            size_t i = 0;
            for (; i < n && is_digit(s[i]); i++)
                v = v * 10 + (s[i] - '0');
            if (i == n) {
                if (s[0] == '0' && n > 1)
                    return NUM_NONE;   /* "000110": numbers run together, no count */
                *value = (double)v;
                *is_int = 1;
                return NUM_VALUE;
            }
        }
    } else if ((unsigned char)s[0] >= 0x80) {
        /* a label, unless it is a non-ASCII blank marker */
        if (n >= 3 && chinese_zero(s)) {
            size_t u = 3;              /* the Chinese zero, alone (〇 or 零) or with a unit ("零件"): 0 */
            while (u < n && s[u] == ' ')
                u++;
            if (u < n && !is_unit(s + u, n - u))
                return NUM_NONE;
            *value = 0;
            *is_int = 1;
            return NUM_VALUE;
        }
        return n <= UTF8_BLANK_MAX && find_marker(UTF8_BLANKS, s, n) ? NUM_BLANK : NUM_NONE;
    } else if (!ascii_may_read(s[0])) {
        return NUM_NONE;               /* "(一)予以公开": parse_ascii() reads nothing that starts so */
    }
    return parse_ascii(s, n, value, is_int);
}

num_kind num_parse(const char *s, double *value, int *is_int)
{
    s = skip_spaces(s);
    size_t n = trim_end(s, strlen(s));
    if (!n)
        return NUM_BLANK;               /* nothing but spaces: the marker "" */
    return parse_cell(s, n, value, is_int);
}

/* ---- building rows ------------------------------------------------------- */

struct grid_chunk {
    grid_chunk *next;
    size_t used, cap;
    char data[];
};

/* Chunk size: the texts and cell arrays of a usual table fit in one. */
#define GRID_CHUNK 16384

/* Offsets in a chunk are aligned from the start of `data`, itself aligned
 * for a cell (malloc's alignment plus this offset). */
_Static_assert(offsetof(grid_chunk, data) % _Alignof(grid_cell) == 0, "chunk data aligned for cells");

/* `size` bytes at a multiple of `align` (a power of two) in the grid's own
 * storage, which is freed with the grid in one go. */
static void *grid_alloc(grid *g, size_t size, size_t align)
{
    grid_chunk *c = g->chunks;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->cap || c->cap - at < size) {
        size_t cap = size > GRID_CHUNK ? size : GRID_CHUNK;
        c = xmalloc(sizeof *c + cap);
        c->next = g->chunks;
        c->cap = cap;
        g->chunks = c;
        at = 0;
    }
    c->used = at + size;
    return c->data + at;
}

/* grid_alloc() with the common case (it fits in the current chunk)
 * inlined at the callers: the same bytes, at the same place. */
static inline void *grid_take(grid *g, size_t size, size_t align)
{
    grid_chunk *c = g->chunks;
    if (c) {
        size_t at = (c->used + align - 1) & ~(align - 1);
        if (at <= c->cap && c->cap - at >= size) {
            c->used = at + size;
            return c->data + at;
        }
    }
    return grid_alloc(g, size, align);
}

/* Room for a text of len bytes and its NUL. */
static inline char *grid_text(grid *g, size_t len)
{
    return grid_take(g, len + 1, 1);
}

/* a[0..alen) followed by b[0..blen), in the grid's storage. */
static char *grid_concat(grid *g, const char *a, size_t alen, const char *b, size_t blen)
{
    char *p = grid_text(g, alen + blen);
    memcpy(p, a, alen);
    memcpy(p + alen, b, blen);
    p[alen + blen] = '\0';
    return p;
}

/* The fewest cells row_grow() makes room for: the room a new row is given
 * is what the rows before it left of the last such array (new_row()), so
 * that most rows cost no allocation at all. */
#define CELL_POOL 128

/* Makes room for more cells in a full row.  The cell arrays live in the
 * grid's storage too (no malloc and free per row); a full one is copied to
 * one at least twice its size, the old one staying unused until the grid
 * is freed. */
static void row_grow(grid *g, grid_row *r)
{
    int cap = 2 * r->ncells > CELL_POOL ? 2 * r->ncells : CELL_POOL;
    grid_cell *cells = grid_take(g, (size_t)cap * sizeof *cells, _Alignof(grid_cell));
    if (r->ncells)
        memcpy(cells, r->cells, (size_t)r->ncells * sizeof *cells);
    r->cells = cells;
    r->cap = cap;
}

/* The text of every empty cell.  Writable only because grid_cell.text is
 * `char *`: no cell text is ever written once its cell is added. */
static char empty_text[1];

/* Makes c an empty cell, as a row's empty cells are (and a cell joined into the
 * one above it becomes). */
static inline void cell_empty(grid_cell *c)
{
    c->text = empty_text;
    c->len = 0;
    c->num = NUM_BLANK;
    c->value = 0;
    c->is_int = 0;
}

/* Makes c a count's cell: its digits `text` (len bytes, ended), their value v. */
static inline void cell_count(grid_cell *c, char *text, size_t len, long v)
{
    c->text = text;
    c->len = (unsigned)len;
    c->num = NUM_VALUE;
    c->value = (double)v;
    c->is_int = 1;
}

/* Sets num, value and is_int of a cell whose text (len bytes, no leading or
 * trailing spaces) is new, or has just changed, to what num_parse says of
 * it, without looking for the end of the text again. */
static inline void cell_classify(grid_cell *c, size_t len)
{
    c->len = (unsigned)len;
    c->value = 0;
    c->is_int = 0;
    c->num = len ? parse_cell(c->text, len, &c->value, &c->is_int) : NUM_BLANK;
}

/* Cell c's text with [s, s + n) after it, classified again (what it holds may
 * change: "１" and "（件）" make a count, "8" and ".属于…" a label). */
static void cell_extend(grid *g, grid_cell *c, const char *s, size_t n)
{
    size_t a = strlen(c->text);
    c->text = grid_concat(g, c->text, a, s, n);
    cell_classify(c, a + n);
}

/* Adds the cells of one source line to a row.  The cells are read in the
 * line (`src`); their texts are in `dst`, the line's copy in the grid's
 * storage: a cell's text is its bytes there, ended by a NUL written in
 * place over the separator, space or line end after it, which is part of
 * no cell (one copy per region or line rather than one per cell). */
typedef struct {
    grid *g;
    grid_row *r;
    const char *src;
    char *dst;
    int line;          /* 1-based */
    int marked;        /* the line holds a backslash or "]{": markdown's marks (cell_unmark()) */
} row_builder;

/* What detect() finds out about each line, kept for the builders so that
 * they test no line again. */
enum { LINE_BLANK = 1, LINE_PIPE = 2, LINE_TAB = 4, LINE_NUMBER = 8, LINE_INNER = 16, LINE_CSV = 32, LINE_RULE = 64 };

/* How a region's pipe rows are written (detect()):
 *   PIPES_OUTER  "| a | b |": a '|' first and last, as markdown writes them;
 *   PIPES_INNER  "a | b |" or "a | b": no '|' first (GitHub's tables without
 *                outer pipes; web-page text extractors write "cell | cell |"), so
 *                that a '|' first is an empty first cell;
 *   PIPES_BROKEN a row over several lines: each cell's text ends its line and the
 *                next cell's line begins with its '|' ("主动公开信息数", "| 条",
 *                "| 01", "|", "|"), as extractors write the cells of a web page
 *                whose cells hold paragraphs; a '|' closes the cell before it, a
 *                line ending in '|' followed by one that does not begin with '|'
 *                ends the row, and a cell's text goes on over the lines up to
 *                its '|'. */
enum { PIPES_OUTER, PIPES_INNER, PIPES_BROKEN };

/* The lines [from, to) a grid is built of, with what detect() found out
 * about them, and their copy in the grid's storage: the normalised lines
 * follow one another, each after the NUL of the one before (text.c's
 * split_lines()), so that one copy of all of them serves every line read;
 * where they do not, or the region is too long, each line read is copied
 * by itself.  Every line is read once: the NULs ending the cells of one
 * line are written over bytes no other line reads. */
typedef struct {
    const gk_text *t;
    size_t from, to;
    const unsigned char *facts;  /* facts[i - from]: LINE_* of line i */
    const char *src;             /* t->norm[from].s */
    char *copy;                  /* src's bytes, or NULL: each line copied by itself */
    int marks;                   /* some line may hold markdown's marks (cell_unmark()) */
} region;

/* s[0..n) holds a backslash or "]{" (cell_unmark()). */
static int has_marks(const char *s, size_t n)
{
    if (memchr(s, '\\', n))
        return 1;
    for (const char *b = s, *end = s + n; (b = memchr(b, ']', (size_t)(end - b))) != NULL; b++)
        if (b + 1 < end && b[1] == '{')
            return 1;
    return 0;
}

/* Longer regions have their lines copied one by one: only the rows read
 * (GRID_MAX_ROWS) are copied, keeping memory bounded. */
#define GRID_COPY_MAX (1u << 20)

/* A builder for the cells of line i (0-based) added to row r. */
static inline __attribute__((always_inline)) row_builder line_builder(grid *g, grid_row *r, const region *rg, size_t i)
{
    const gk_line *l = &rg->t->norm[i];
    char *dst;
    if (rg->copy) {
        dst = rg->copy + (l->s - rg->src);
    } else {
        dst = grid_text(g, l->len);
        memcpy(dst, l->s, l->len + 1);
    }
    int marked = rg->marks && has_marks(l->s, l->len);
    return (row_builder){g, r, l->s, dst, (int)i + 1, marked};
}

/* A new cell at the end of the row: its text is s[0..len) of the line, or
 * the empty text when len is 0; its number is for the caller to set.
 * Always inlined, as are row_put() and row_add_split(): they run once per
 * cell, for less work than a call, whatever the compiler guesses from the
 * number of callers. */
static inline __attribute__((always_inline)) grid_cell *row_new_cell(row_builder *rb, const char *s, size_t len)
{
    grid_row *r = rb->r;
    if (r->ncells == r->cap)
        row_grow(rb->g, r);
    grid_cell *c = &r->cells[r->ncells++];
    if (len) {
        c->text = rb->dst + (s - rb->src);
        c->text[len] = '\0';
    } else {
        c->text = empty_text;
    }
    c->len = (unsigned)len;            /* (cell_classify() sets it again when the text changed since) */
    c->line = rb->line;
    if (!r->line)
        r->line = rb->line;
    return c;
}

/* A cell's text (t[0..len), in the grid's copy) without the marks a
 * converter to markdown adds (pandoc): a span's attributes ("[0]{style=…}" is
 * 0) and the backslash before punctuation ("1\\." is "1.", "\\-" a dash);
 * its new length (the NUL written). */
static size_t cell_unmark(char *t, size_t len)
{
    if (len >= 4 && t[0] == '[' && t[len - 1] == '}') {
        char *close = memmem(t, len, "]{", 2);
        if (close) {
            len = (size_t)(close - t) - 1;
            memmove(t, t + 1, len);
            while (len && t[len - 1] == ' ')
                len--;                 /* "[2 ]{…}" */
            size_t lead = 0;
            while (lead < len && t[lead] == ' ')
                lead++;
            memmove(t, t + lead, len - lead);
            len -= lead;
        }
    }
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] == '\\' && i + 1 < len && (unsigned char)t[i + 1] < 0x80 && ispunct((unsigned char)t[i + 1]))
            i++;
        t[w++] = t[i];
    }
    t[w] = '\0';
    return w;
}

/* A cell's text without the underscores around it that draw a border
 * ("0_____", "__规章__"): its new length, *s moved past those before it; a
 * cell of underscores only is left as it is. */
static size_t trim_rule(const char **s, size_t len)
{
    size_t b = 0, e = len;
    while (e > 0 && (*s)[e - 1] == '_')
        e--;
    while (b < e && (*s)[b] == '_')
        b++;
    while (e > b && (*s)[e - 1] == ' ')
        e--;
    if (b == e)
        return len;
    *s += b;
    return e - b;
}

/* Adds the cell s[0..len) of the line, which has no trailing spaces
 * (leading ones are trimmed here). */
static inline __attribute__((always_inline)) void row_put(row_builder *rb, const char *s, size_t len)
{
    while (len && *s == ' ')
        s++, len--;
    if (len > 1 && s[len - 1] == '_')  /* "0_____": html2text draws a cell's lower border so */
        len = trim_rule(&s, len);
    grid_cell *c = row_new_cell(rb, s, len);
    if (rb->marked && len)
        len = cell_unmark(c->text, len);
    cell_classify(c, len);
}

/* Adds the cell s[0..len) without its leading and trailing spaces. */
static inline void row_add(row_builder *rb, const char *s, size_t len)
{
    row_put(rb, s, trim_end(s, len));
}

static int has_space(const char *s, size_t len)
{
    /* the cells tested are mostly short numbers: a plain loop is cheaper
     * than a call to memchr */
    for (size_t i = 0; i < len; i++)
        if (s[i] == ' ')
            return 1;
    return 0;
}

/* A blank marker that is no word of a label: a dash or a slash ("-", "——",
 * "/"), an empty cell among single-spaced numbers ("2 1 - 3"). */
static int dash_word(const char *s, size_t n)
{
    static const marker DASHES[] = {MARKER("-"), MARKER("--"), MARKER("/"), MARKER("—"), MARKER("——"),
                                    MARKER("–"), {NULL, 0}};
    return n <= UTF8_BLANK_MAX && find_marker(DASHES, s, n) != NULL;
}

/* A blank marker among single-spaced numbers, a number beside it: a dash,
 * "无" or "空" ("0 8 无 16"; alone, "无" may be a label's word). */
static int blank_word(const char *s, size_t n)
{
    return dash_word(s, n) || null_word(s, n) || (n == 3 && (!memcmp(s, "无", 3) || !memcmp(s, "空", 3)));
}

/* The first byte of a Chinese character (U+4E00..U+9FFF). */
static int ideograph_lead(unsigned char c)
{
    return c >= 0xE4 && c <= 0xE9;
}

/* s[0..n) holds a Chinese character (not only a page number's "— 3 —"). */
static int has_ideograph(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ideograph_lead((unsigned char)s[i]))
            return 1;
    return 0;
}

/* The last word of s[0..at): its start, its end in *end (start == end: none). */
static size_t word_before(const char *s, size_t at, size_t *end)
{
    size_t e = at;
    while (e && s[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b && s[b - 1] != ' ')
        b--;
    *end = e;
    return b;
}

/* The word at s[p..) (up to a space or len): its end. */
static size_t word_end(const char *s, size_t p, size_t len)
{
    while (p < len && s[p] != ' ')
        p++;
    return p;
}

/* s[b..e) is a unit written apart from its number ("3 件"). */
static inline int unit_word(const char *s, size_t b, size_t e)
{
    unsigned char c = (unsigned char)s[b];   /* 万元件条个项次宗份… (E4-E9), (件), *, ※ and ① (E2) */
    if (e - b > UNIT_MAX || !((c >= 0xE4 && c <= 0xE9) || c == '(' || c == '*' || c == 0xE2 || c == 0xEF))
        return 0;
    return is_unit(s + b, e - b);
}

/* s[b..e) is a count or an amount (units and marks allowed: "39件", "57*"). */
static int number_word(const char *s, size_t b, size_t e)
{
    char tok[64];
    double v;
    int ii;
    if (e - b == 3 && chinese_zero(s + b))
        return 1;
    char c = e > b ? s[b] : '\0';
    if (e - b >= sizeof tok || !(is_digit(c) || c == '+' || c == '-' || ((c == 'O' || c == 'o') && e - b == 1)))
        return 0;                      /* no number starts so: not worth a parse */
    memcpy(tok, s + b, e - b);
    tok[e - b] = '\0';
    return num_parse(tok, &v, &ii) == NUM_VALUE;
}

/* Where the cell of single-spaced numbers that starts at s[p] ends: after its
 * word, or after the unit written apart after it ("3 件"). */
static size_t cell_word_end(const char *s, size_t p, size_t len)
{
    size_t q = word_end(s, p, len), r = q;
    while (r < len && s[r] == ' ')
        r++;
    size_t re = word_end(s, r, len);
    return r < len && unit_word(s, r, re) && number_word(s, p, q) ? re : q;
}

/* A word that may begin a row's label after a run of numbers: Chinese text
 * other than a measure word or a date's ("5 件", "2023 年", "第 3 页"), an
 * item number ("4.保护…", "2.", "3、", "3)", "(一)", "①"; "2." is no number). */
static int label_word(const char *s, size_t b, size_t e)
{
    static const char *const MEASURE = "年月日号页件条个项元万次人家份篇位天起宗例批场种台张户笔余多";
    const unsigned char *u = (const unsigned char *)s;
    if (ideograph_lead(u[b]) && e - b >= 3) {
        for (const char *m = MEASURE; *m; m += 3)
            if (!memcmp(s + b, m, 3))
                return 0;
        return 1;
    }
    if (s[b] == '(' || (e - b >= 3 && u[b] == 0xE2 && u[b + 1] == 0x91 && u[b + 2] >= 0xA0 && u[b + 2] <= 0xA9))
        return 1;                      /* "(一)", "①" */
    size_t p = b;
    while (p < e && is_digit(s[p]))
        p++;
    return p > b && p < e &&
           (s[p] == '.' || s[p] == ')' || (e - p >= 3 && (!memcmp(s + p, "、", 3) || !memcmp(s + p, "）", 3))));
}

/* Some word after a space in s[0..len) may be a number (a digit, an O, 〇 or
 * 零 first): else add_head() would find no run of numbers. */
static int word_after_space_may_count(const char *s, size_t len)
{
    for (const char *p = s, *end = s + len; (p = memchr(p, ' ', (size_t)(end - p))) != NULL && ++p < end;) {
        unsigned char c = (unsigned char)*p;
        if (is_digit((char)c) || c == 'O' || c == 'o' || (end - p >= 3 && chinese_zero(p)))
            return 1;
    }
    return 0;
}

/* A number text recognition misread (grid_ocr_misread()) at s[p..e), a
 * number right after it: it may begin a run of numbers ("3.其他 D 9 2 …"). */
static int misread_before_number(const char *s, size_t p, size_t e, size_t len)
{
    if (!grid_ocr_misread(s + p, e - p, 1))
        return 0;
    size_t q = e;
    while (q < len && s[q] == ' ')
        q++;
    return q > e && q < len && number_word(s, q, word_end(s, q, len));
}

/* The head of a cell split by split_numbers() (s[0..len), before its
 * trailing numbers).  Two rows on one line with single spaces between all
 * their cells ("3.危及“三安全一稳定” 4 0 0 6 1 0 11 4.保护第三方合法权益",
 * as a PDF viewer copies them): a run of numbers after Chinese text (not
 * after 第 or 共) and before a word that begins a label ends the first label's
 * cell; its numbers are cells, the label after it one more cell. */
static void add_head(row_builder *rb, const char *s, size_t len, int min_run)
{
    size_t start = 0, p = 0;
    int cjk = 0;                       /* the word before p holds Chinese text */
    while (p < len) {
        while (p < len && s[p] == ' ')
            p++;
        size_t e = word_end(s, p, len);
        /* the run of numbers from p, after a word of Chinese text, or first in
         * a cell after others on its line (two or more numbers: one may be an
         * item number) */
        int lead = p == 0 && rb->r->ncells > 0, value = 0;
        if (((p > start && cjk) || lead) &&
            ((value = number_word(s, p, e)) || dash_word(s + p, e - p) || misread_before_number(s, p, e, len)) &&
            !(p >= 4 && (!memcmp(s + p - 4, "第", 3) || !memcmp(s + p - 4, "共", 3)))) {
            size_t q = e, last = e, prev = p;   /* prev: the run's last word */
            int words = 1;
            for (;;) {
                while (q < len && s[q] == ' ')
                    q++;
                size_t qe = word_end(s, q, len);
                int num = q < len && number_word(s, q, qe);
                /* a number text recognition misread ("9 Q 0 A 4"): a cell of the run, unread */
                if (num || (q < len && (blank_word(s + q, qe - q) || grid_ocr_misread(s + q, qe - q, 1)))) {
                    value |= num;
                    words++;
                    prev = q;
                    last = qe;
                    q = qe;
                    continue;
                }
                if (q < len && unit_word(s, q, qe) && cell_word_end(s, prev, len) == qe) {
                    last = qe;         /* "3 件": the number's unit */
                    q = qe;
                    continue;
                }
                if (q < len && value && words >= (lead ? 2 : min_run) && label_word(s, q, qe)) {
                    if (p > start)
                        row_add(rb, s + start, p - start);
                    for (size_t w = p; w < last;) {
                        size_t we = cell_word_end(s, w, last);
                        row_put(rb, s + w, we - w);
                        w = we;
                        while (w < last && s[w] == ' ')
                            w++;
                    }
                    start = q;
                }
                break;
            }
            p = q > e ? q : e;
            cjk = 0;
            continue;
        }
        cjk = has_ideograph(s + p, e - p);
        p = e;
    }
    row_add(rb, s + start, len - start);
}

/* s[0..len) (len > 0) ends as a number with a unit or a mark may: in '*' or
 * ')', or in 件 条 个 项 元 ※ ① … ⑩ (their last bytes: a cheap first test). */
static inline int unit_last(const char *s, size_t len)
{
    unsigned char c = (unsigned char)s[len - 1];
    if (c == '*' || c == ')')
        return 1;
    if (len < 3 || c < 0x80 || c > 0xBF)
        return 0;
    /* their last bytes (less 0x80): most labels end otherwise and are done here */
    static const uint64_t LAST = 1ull << (0xB6 - 0x80) | 1ull << (0xA1 - 0x80) | 1ull << (0xAA - 0x80) |
                                 1ull << (0xB9 - 0x80) | 1ull << (0x83 - 0x80) | 1ull << (0xBB - 0x80) |
                                 0x3FFull << (0xA0 - 0x80);
    if (!(LAST >> (c - 0x80) & 1))
        return 0;
    const char *e = s + len - 3;
    if ((unsigned char)e[0] == 0xE2)   /* ※, ① .. ⑩ (E2 91 A0 .. E2 91 A9) */
        return !memcmp(e, "※", 3) || ((unsigned char)e[1] == 0x91 && c >= 0xA0 && c <= 0xA9);
    /* 件 条 个 项 元 by their last bytes, which differ: the one it may be,
     * its first two bytes compared (rather than a memcmp with each) */
    static const char *const BY_LAST[64] = {
        [0xB6 - 0x80] = "件", [0xA1 - 0x80] = "条", [0xAA - 0x80] = "个", [0xB9 - 0x80] = "项", [0x83 - 0x80] = "元",
    };
    const char *u = BY_LAST[c - 0x80];
    return u && e[0] == u[0] && e[1] == u[1];
}

/* A number text recognition (OCR) misread: digits and the letters it gives
 * for them (D Q U for 0, l I i for 1, Z z, A, S s, b G, T, B, g q, O o),
 * some letter among them ("1O", "2S", "l"), eight characters at most; letters
 * alone ("l", "D") only when `alone` (three at most: a table's rule OCR gave as
 * "I" or "l" before a row's label is no number). */
#define OCR_LETTERS "DQUlIiZzASsbGTBgqOo"
int grid_ocr_misread(const char *s, size_t n, int alone)
{
    int digits = 0, letters = 0;
    if (n > 8)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (is_digit(s[i]))
            digits++;
        else if (s[i] && strchr(OCR_LETTERS, s[i]))
            letters++;
        else
            return 0;
    }
    return letters && (digits || (alone && n <= 3));
}

/* A label, a colon and a number in one cell ("行政许可:15", "(2)规章:3", the
 * colon folded from "："; Chinese text before the colon), as a table written
 * as a list has them: two cells.  0 when the cell is not so. */
static int label_colon_number(row_builder *rb, const char *s, size_t len)
{
    const char *c = memrchr(s, ':', len);
    size_t at = c ? (size_t)(c - s) : 0;
    if (!c || !at || is_digit(s[at - 1]) || !has_ideograph(s, at) ||
        !(number_word(s, at + 1, len) || grid_ocr_misread(s + at + 1, len - at - 1, 1)))
        return 0;                      /* "行政处罚:2b": a number OCR misread is the row's first too */
    row_put(rb, s, at);
    row_put(rb, c + 1, len - at - 1);
    return 1;
}

/* label_colon_number() for text that holds spaces, when the label before the
 * colon holds no other colon nor ends in a digit: "行政许可:462 :6" is pieces
 * of two rows (a label, its number, a number not its own), left whole. */
static int label_colon_alone(row_builder *rb, const char *s, size_t len)
{
    const char *colon = memrchr(s, ':', len);
    size_t before = colon ? trim_end(s, (size_t)(colon - s)) : 0;
    if (!before || is_digit(s[before - 1]) || memchr(s, ':', before))
        return 0;
    return label_colon_number(rb, s, len);
}

/* row_add_split for s[0..len), which ends in a digit and holds a space. */
static void split_numbers(row_builder *rb, const char *s, size_t len)
{
    /* One word after spaces: that word is the cell the split below would
     * give — first in its row too: a field's spaces are its padding (a
     * bordered table's number centred in the first column, "│   3   │"),
     * no empty cell before it. */
    size_t lead = 0;
    while (s[lead] == ' ')
        lead++;
    if (lead && !has_space(s + lead, len - lead)) {
        if (!label_colon_number(rb, s + lead, len - lead))   /* "|   | 规章：26 |": two cells */
            row_put(rb, s + lead, len - lead);
        return;
    }
    size_t cut = len;
    int nums = 0;
    for (;;) {
        size_t e, b = word_before(s, cut, &e);
        if (b == e || b == 0)
            break;                     /* the first token stays with the label */
        if (!number_word(s, b, e) && !dash_word(s + b, e - b)) {
            int blank = blank_word(s + b, e - b), unit = !blank && unit_word(s, b, e);
            int misread = !blank && !unit && nums && grid_ocr_misread(s + b, e - b, 1);
            if (!(blank && nums) && !unit && !misread)
                break;                 /* a label's word, most often */
            size_t pe, pb = word_before(s, b, &pe);   /* the word before it */
            if (unit || misread) {     /* either only after a number: a misread one next to the label may be
                                          a table's rule ("l 2 3") */
                if (pb == pe || pb == 0 || !number_word(s, pb, pe))
                    break;
                if (unit)
                    b = pb;            /* a unit written apart from its number ("3 件"): one cell */
            }                          /* else a blank between numbers ("0 无 3"), or a number misread
                                          between numbers ("1 z 1 5"): a cell, unread */
        }
        cut = b;
        nums++;
    }
    if (nums == 0) {
        if (!label_colon_alone(rb, s + lead, len - lead))
            row_add(rb, s, len);       /* "| 行政许可:15 |": the label and the number */
        return;
    }
    /* a head that is itself a number (an all-numeric line) becomes a cell too; a
     * label, a colon and its first number ("行政规范性文件：0 0 0") two cells */
    size_t head = trim_end(s, cut);
    if (head > lead && is_digit(s[head - 1]) && label_colon_alone(rb, s + lead, head - lead))
        ;
    else if (word_after_space_may_count(s, cut))
        add_head(rb, s, cut, 1);
    else
        row_add(rb, s, cut);
    size_t p = cut;
    while (p < len) {
        while (p < len && s[p] == ' ')
            p++;
        size_t q = p < len ? cell_word_end(s, p, len) : p;
        if (q > p)
            row_add(rb, s + p, q - p);
        p = q;
    }
    grid_row *r = rb->r;
    if (r->ncells >= nums + 1 && r->cells[r->ncells - nums - 1].text[0] == '\0') {
        /* drop the empty head left by a line of numbers only — first in its row too, as one
           word alone above ("│  0 件 │" is the cell "0 件", no empty cell before it) */
        memmove(&r->cells[r->ncells - nums - 1], &r->cells[r->ncells - nums], (size_t)nums * sizeof *r->cells);
        r->ncells--;
    }
}

/* Adds a cell, splitting off trailing numbers separated by single spaces:
 * "本年新收政府信息公开申请数量 1 0 0" is a label and three numbers. */
static inline __attribute__((always_inline)) void row_add_split(row_builder *rb, const char *s, size_t len)
{
    len = trim_end(s, len);
    if (len && is_digit(s[len - 1])) {
        if (has_space(s, len))
            split_numbers(rb, s, len);
        else if ((is_digit(s[0]) && len <= 8) || !label_colon_number(rb, s, len))
            row_put(rb, s, len);       /* a short cell of digits first: a number, never a label */
        return;
    }
    /* the last word: a number (with a unit or a mark: "57*"), a dash after
     * Chinese text, a unit apart after a number ("3 件")?  Its first byte
     * tells which it may be. */
    if (len && unit_last(s, len)) {     /* "行政许可:512*", "行政强制：27 件": a label, a colon, a number? */
        const char *t = skip_spaces(s);   /* a byte not a space lies within len */
        size_t n = len - (size_t)(t - s);
        if (!(is_digit(*t) && n <= 8) && label_colon_number(rb, t, n))
            return;
    }
    if (len > 1 && (unsigned char)s[len - 1] < 0x80 && s[len - 1] && strchr(OCR_LETTERS, s[len - 1]) &&
        memchr(s, ':', len)) {
        const char *t = skip_spaces(s);   /* "行政处罚:2b": a label, a colon, a number OCR misread */
        if (label_colon_number(rb, t, len - (size_t)(t - s)))
            return;
    }
    const char *sp = len ? memrchr(s, ' ', len) : NULL;
    if (!sp) {
        row_put(rb, s, len);
        return;
    }
    size_t last = (size_t)(sp - s) + 1;
    unsigned char c0 = (unsigned char)s[last];
    int trailing = 0;
    if (is_digit((char)c0) || c0 == '+' || c0 == '-' || c0 == 'O' || c0 == 'o' || c0 == 0xE3)
        trailing = number_word(s, last, len);
    if (!trailing && (c0 == '-' || c0 == '/' || c0 == 0xE2))
        trailing = dash_word(s + last, len - last) && has_ideograph(s, last);
    if (!trailing && c0 >= 0xE3 && unit_word(s, last, len)) {
        size_t pe, pb = word_before(s, last, &pe);   /* the word before it */
        trailing = pb < pe && number_word(s, pb, pe);
    }
    if (trailing)
        split_numbers(rb, s, len);
    else if (skip_spaces(s) - s < (ptrdiff_t)last && word_after_space_may_count(s, len))
        add_head(rb, s, len, 2);       /* no trailing number to split off; numbers inside? */
    else                               /* (one word after spaces, " 1.属于国家秘密": add_head() would
                                          find no run of numbers, the word its head) */
        row_put(rb, s, len);
}

/* Where the cell that starts at s[p] ends: at the next sep, or at len.
 * Most cells are empty or a short number, so their first bytes are tested
 * here, and only a longer cell costs a call to memchr. */
static inline size_t cell_end(const char *s, size_t p, size_t len, char sep)
{
    if (p < len && (unsigned char)s[p] >= 0x80)
        goto search;                   /* a label in CJK: longer than a few bytes */
    for (size_t stop = len - p > 4 ? p + 4 : len; p < stop; p++)
        if (s[p] == sep)
            return p;
    if (p == len)
        return len;
search:;
    const char *e = memchr(s + p, sep, len - p);
    return e ? (size_t)(e - s) : len;
}

/* Where the first run of two or more spaces at or after s[p] starts, or
 * len: single spaces (inside a label, between trailing numbers) are
 * stepped over. */
static size_t gap_at(const char *s, size_t p, size_t len)
{
    for (;;) {
        size_t q = cell_end(s, p, len, ' ');
        if (q + 1 >= len)
            return len;                /* no space, or one at the very end */
        if (s[q + 1] == ' ')
            return q;
        p = q + 2;                     /* s[q + 1] is no space */
    }
}

/* Where the digits at s[p] end (at p for a leading zero before a digit,
 * which the slow path refuses): at most 15 of them, the most a count the
 * fast paths read holds; their value is added to *v (0 before, for a
 * caller that tests no other digits first).  A byte after them is no
 * digit (the line's NUL at the latest), so no length is tested. */
static inline size_t count_end(const char *s, size_t p, long *v)
{
    const unsigned char *u = (const unsigned char *)s + p;
    size_t k = 0;
    long x = *v;
    unsigned d;
    while ((d = u[k] - (unsigned)'0') <= 9 && k < 15) {   /* d wraps for bytes below '0' */
        x = x * 10 + d;
        k++;
    }
    if (k > 1 && u[0] == '0')
        return p;                      /* a leading zero before a digit: parse_cell() refuses it */
    *v = x;
    return p + k;
}

/* Where the run of spaces at s[p] ends (p itself when s[p] is none), or
 * len.  Runs that align columns are often long, and the run before a
 * column's next cell seven spaces or so: eight bytes are tested at a
 * time, the first that is no space found from the word's bits. */
static inline size_t spaces_end(const char *s, size_t p, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; len - p >= 8; p += 8) {
        uint64_t w;
        memcpy(&w, s + p, 8);
        w ^= 0x2020202020202020u;      /* a space: a zero byte */
        if (w)
            return p + (size_t)(__builtin_ctzll(w) >> 3);   /* the first byte that is no space */
    }
#endif
    while (p < len && s[p] == ' ')
        p++;
    return p;
}

/* Splits text on runs of two or more spaces, then trailing numbers.
 * s[len] may be read and is no digit (the line's NUL). */
static void split_spaces(row_builder *rb, const char *s, size_t len)
{
    size_t p = 0;
    while (p < len) {
        p = spaces_end(s, p, len);
        /* The usual cell first: a count alone before a gap (two spaces),
         * a space ending the line, or the line's end, read in the one pass
         * that finds its end; row_add_split() would add it as it is. */
        long v = 0;
        size_t e = count_end(s, p, &v);
        if (e > p && (e == len || (s[e] == ' ' && (e + 1 == len || s[e + 1] == ' ')))) {
            grid_cell *c = row_new_cell(rb, s + p, e - p);
            cell_count(c, c->text, e - p, v);
            p = e;
            continue;
        }
        size_t q = gap_at(s, p, len);
        if (q > p)
            row_add_split(rb, s + p, q - p);
        p = q;
    }
}

/* Where the first space or sep at or after s[p] is, or len.  A label's
 * bytes are read sixteen at a time (SSE2, on every x86-64) when the line
 * holds that many, the last block ending at len (those before p dropped);
 * only s[0..len) is read. */
static inline size_t space_or_sep(const char *s, size_t p, size_t len, char sep)
{
#ifdef __SSE2__
    if (len >= 16) {
        const __m128i space = _mm_set1_epi8(' '), other = _mm_set1_epi8(sep);
        for (; len - p >= 16; p += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + p));
            unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, other)));
            if (m)
                return p + (unsigned)__builtin_ctz(m);
        }
        if (p < len) {                 /* the last block ends at len, its bytes before p dropped */
            __m128i v = _mm_loadu_si128((const __m128i *)(s + len - 16));
            unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, other)));
            m >>= 16 - (len - p);
            if (m)
                return p + (unsigned)__builtin_ctz(m);
        }
        return len;
    }
#endif
    while (p < len && s[p] != ' ' && s[p] != sep)
        p++;
    return p;
}

/* A word after a space at s[x..len) that word_after_space_may_count()
 * takes for a number's start. */
static inline int may_count_at(const char *s, size_t x, size_t len)
{
    unsigned char c = (unsigned char)s[x];
    return is_digit((char)c) || c == 'O' || c == 'o' || (len - x >= 3 && chinese_zero(s + x));
}

/* The cell of split_on() at s[p..), s[b] its first byte that is no space
 * (b < len; nor sep: the cell is not empty), which ends at the next sep or
 * at len: when row_add_split() would add it as row_put() does (most
 * labels), the end of its text, the cell's end in *q; else 0, *q a place
 * in the cell from which its end is to be found.  So added: a cell that
 * ends in a byte neither ASCII (no digit, OCR letter nor '_') nor a unit's
 * or a mark's last (unit_last()), so that no label and number are split
 * off; and, when it holds a space (memrchr() finds one), whose last word
 * is no number, dash nor unit (number_word(), dash_word(), unit_word():
 * their first bytes), and no word after a space of which may begin a
 * number (add_head()'s test, word_after_space_may_count()). */
static inline __attribute__((always_inline)) size_t as_is_end(const char *s, size_t p, size_t b, size_t len, char sep,
                                                              size_t *q)
{
    if (b > p && may_count_at(s, b, len)) {
        *q = b;
        return 0;
    }
    size_t w = space_or_sep(s, b, len, sep), last = b;   /* w: the end of the word at `last` */
    while (w < len && s[w] == ' ') {
        size_t x = spaces_end(s, w, len);
        if (x == len || s[x] == sep) {
            *q = x;
            goto tail;
        }
        if (may_count_at(s, x, len)) {
            *q = x;
            return 0;
        }
        last = x;
        w = space_or_sep(s, x, len, sep);
    }
    *q = w;
tail:;
    unsigned char c = (unsigned char)s[last];
    if ((unsigned char)s[w - 1] < 0x80 || unit_last(s + p, w - p))
        return 0;
    if ((b > p || last > b) &&
        (is_digit((char)c) || c == '+' || c == '-' || c == 'O' || c == 'o' || c == 0xE3 || c == '/' || c == 0xE2 ||
         unit_word(s, last, w)))
        return 0;
    return w;
}

int grid_fast_cells = 1;             /* grid.h */

/* row_add_split() out of line for split_on(): its loop keeps its values in
 * registers, a label that as_is_end() does not take costing a call. */
static __attribute__((noinline)) void row_add_split_apart(row_builder *rb, const char *s, size_t len)
{
    row_add_split(rb, s, len);
}

/* Adds the cells of s[0..len), separated by sep.  s[len] may be read and is
 * no digit: the line's NUL, or what ends a pipe row ("|", a space, a tab).
 * Inlined at its callers (build_cells(), build_blocks(), csv_row()), where the
 * builder lives in registers rather than in memory. */
static inline __attribute__((always_inline)) void split_on(row_builder *rb, const char *s, size_t len, char sep)
{
    /* The row in locals: the NUL ending a cell's text is a char store, after
     * which the compiler would load the row through rb and r again.  The
     * cells as the next one's place and the end of their room (two values
     * rather than three: the loop needs more than there are registers).
     * The slow path (row_add_split()) works on the row itself: it is
     * written back before and read again after. */
    grid_row *r = rb->r;
    char *dst = rb->dst + (s - rb->src);   /* s[k] is dst[k] in the copy */
    int line = rb->line;
    if (!r->line)
        r->line = line;                /* as the first cell added (one always is) sets it */
    /* (a row without cells yet has none allocated: no arithmetic on NULL) */
#define SYNC_OUT() (r->ncells = r->cells ? (int)(c - r->cells) : 0)
#define SYNC_IN() (c = r->cells ? r->cells + r->ncells : NULL, room = r->cells ? r->cells + r->cap : NULL)
    grid_cell *c, *room;
    SYNC_IN();
    for (size_t p = 0;; p++) {
        /* The usual cells first, read in the one pass that finds their
         * end: an empty cell, or a count of up to 15 digits, with spaces
         * around it or not ("| 12 |"), which row_add_split() would add
         * as it is without the spaces. */
        size_t b = p, q;
        long v = 0;
        /* The commonest first: an empty cell or a count with no spaces
         * around it ("\t12\t"), its end found in the same pass. */
        size_t e = count_end(s, p, &v);
        if (e == len || s[e] == sep) {
            q = e;
        } else {
            if (e == p) {              /* no digit first (and p < len): spaces before a count? */
                if (s[p] != ' ') {
                    q = p;             /* a label: neither empty nor a count */
                    goto other;
                }
                while (b < len && s[b] == ' ')
                    b++;
                e = count_end(s, b, &v);
            }
            q = e;
            while (q < len && s[q] == ' ')
                q++;
            if (!(q == len || s[q] == sep)) {
            other:;
                /* s[b] is the cell's first byte that is no space: a cell that
                 * row_add_split() would add as it is (as_is_end(): most labels)
                 * is added here, its end found in the same pass.  (The ';' after
                 * the label: a declaration may not follow one before C23, which
                 * clang holds to.) */
                size_t w;
                q = b;
                if (!rb->marked && grid_fast_cells && (w = as_is_end(s, p, b, len, sep, &q)) != 0) {
                    if (c == room) {
                        SYNC_OUT();
                        row_grow(rb->g, r);
                        SYNC_IN();
                    }
                    c->line = line;
                    c->text = dst + b;
                    c->len = (unsigned)(w - b);
                    dst[w] = '\0';
                    if ((unsigned char)s[b] - 0xE4u <= 0xE9u - 0xE4u && w - b > UTF8_BLANK_MAX &&
                        !chinese_zero(s + b)) {
                        c->num = NUM_NONE;     /* a label in Chinese: parse_cell()'s answer, without the call */
                        c->value = 0;
                        c->is_int = 0;
                    } else {
                        cell_classify(c, w - b);
                    }
                    c++;
                    goto next;
                }
                q = cell_end(s, q, len, sep);  /* no sep before q */
                SYNC_OUT();
                row_add_split_apart(rb, s + p, q - p);
                SYNC_IN();
                goto next;
            }
        }
        if (c == room) {
            SYNC_OUT();
            row_grow(rb->g, r);
            SYNC_IN();
        }
        c->line = line;
        if (e > b) {
            cell_count(c, dst + b, e - b, v);
            dst[e] = '\0';
        } else {
            cell_empty(c);
        }
        c++;
    next:
        if (q == len)
            break;
        p = q;                         /* and past the separator */
    }
    SYNC_OUT();
#undef SYNC_OUT
#undef SYNC_IN
}

/* A rule of a pipe table: dashes (or '=') between '|', ':' and spaces
 * ("|---|:--|"), or between '+' as grid tables draw them ("+---+===+");
 * the box-drawing rules ("├───┼───┤") are the same once normalised. */
static int pipe_separator(const char *s)
{
    int dashes = 0;
    for (; *s; s++) {
        if (*s == '-' || *s == '=')
            dashes++;
        else if (*s != '|' && *s != ':' && *s != ' ' && *s != '+')
            return 0;
    }
    return dashes > 0;
}

/* A grid table's rule: '+' first, then only what pipe_separator() allows. */
static int plus_rule(const char *s)
{
    return s[0] == '+' && pipe_separator(s);
}

/* A rule of a table drawn with borders: two borders at least and a run of three
 * dashes ("|-----|", "+---+---+"), not a row of blank markers ("| -", "| -- | - |").
 * *rule: what pipe_separator() says of s, found in the same pass. */
static int boxed_rule(const char *s, int *rule)
{
    /* pipe_separator() and the counts in one pass over the rule */
    int borders = 0, run = 0, longest = 0;
    *rule = 0;
    for (; *s; s++) {
        if (*s == '-' || *s == '=') {
            if (++run > longest)
                longest = run;
            continue;
        }
        if (*s == '|' || *s == '+')
            borders++;
        else if (*s != ':' && *s != ' ')
            return 0;
        run = 0;
    }
    *rule = longest > 0;               /* a dash at least */
    return borders >= 2 && longest >= 3;
}

/* A short line holding one number; `has_tab` says whether it has a tab. */
static int number_line(const gk_line *l, int has_tab)
{
    if (l->len >= 40 || has_tab)
        return 0;
    const char *s = skip_spaces(l->s);
    size_t n = trim_end(s, l->len - (size_t)(s - l->s));
    double v;
    int ii;
    return n && parse_cell(s, n, &v, &ii) == NUM_VALUE;
}

static int has_cjk_text(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0xE3 && *p <= 0xE9)
            return 1;
    return 0;
}

/* The layout of lines [from, to), whose facts it writes to facts[0..to-from);
 * *adjacent: 1 when each line follows the one before, after its NUL. */
static grid_layout detect(const gk_text *t, size_t from, size_t to, unsigned char *facts, int *adjacent,
                          int *pipe_style)
{
    size_t nonblank = 0, pipes = 0, single = 0, numbers = 0, tabs = 0, inner = 0, lone = 0, boxed = 0, ends = 0;
    const char *next = t->norm[from].s;
    int adj = 1;
    for (size_t i = from; i < to; i++) {
        const gk_line *l = &t->norm[i];
        adj &= l->s == next;
        next = l->s + l->len + 1;
        /* the blanks a line starts with (all of it: a blank line): a tab
         * among them is its first; the NUL ending the line is no blank */
        size_t lead = 0;
        const char *tab = NULL;
        if (l->s[0] == ' ')            /* an indent (of plain text's columns): eight bytes at a time */
            lead = spaces_end(l->s, 0, l->len);
        for (; l->s[lead] == ' ' || l->s[lead] == '\t'; lead++)
            if (l->s[lead] == '\t') {
                tab = l->s + lead;     /* the first: the rest of the blanks need no test for one */
                while (l->s[++lead] == ' ' || l->s[lead] == '\t')
                    ;
                break;
            }
        if (lead >= l->len) {
            facts[i - from] = LINE_BLANK;
            continue;
        }
        nonblank++;
        /* a pipe row: '|' is the first byte after the leading spaces
         * (a tab among them is that byte), or a grid table's rule */
        int pipe = !tab && (l->s[lead] == '|' || plus_rule(l->s + lead));
        if (!tab)                      /* one search serves all three counts */
            tab = memchr(l->s + lead, '\t', l->len - lead);
        /* no '|' first but one further on ("a | b |"); or a '|' first and no
         * other ("| 条", "|": a cell of a row written over several lines) */
        const char *bar = tab ? NULL : memchr(l->s + lead + 1, '|', l->len - lead - 1);
        int in = !pipe && bar, one = pipe && l->s[lead] == '|' && !bar;
        ends += one && trim_end(l->s, l->len) == lead + 1;   /* "|" alone: a row's end */
        /* a rule of a table drawn with borders, page text before it or not: such
         * a table's lines are no rows without outer pipes */
        int rule = 0;                  /* a pipe row that is a rule (pipe_separator()): the builder's to know */
        boxed += pipe ? boxed_rule(l->s + lead, &rule) : in && boxed_rule(bar, &rule) && !pipe_separator(l->s + lead);
        rule &= pipe;
        int number = number_line(l, tab != NULL);
        facts[i - from] = (unsigned char)((pipe ? LINE_PIPE : 0) | (tab ? LINE_TAB : 0) |
                                          (number ? LINE_NUMBER : 0) | (in ? LINE_INNER : 0) | (rule ? LINE_RULE : 0));
        inner += in;
        lone += one;
        numbers += number;
        tabs += tab != NULL;
        pipes += pipe;
        if (tab == l->s && cell_end(l->s, 1, l->len, '\t') == l->len)
            single++;                  /* no tab after the first: cell_end() tests a short rest itself */
    }
    *adjacent = adj;
    *pipe_style = boxed >= 2                           ? PIPES_OUTER
                : lone >= 3 && lone * 2 >= nonblank && ends >= 2 ? PIPES_BROKEN
                : inner >= 2                        ? PIPES_INNER
                                                    : PIPES_OUTER;
    if (pipes >= 2 || (inner >= 2 && !tabs))
        return GRID_PIPES;
    if (nonblank && single * 10 >= nonblank * 6)
        return GRID_BLOCKS;
    if (tabs)
        return GRID_TABS;
    if (nonblank && numbers * 5 >= nonblank)
        return GRID_LINES;
    return GRID_SPACES;
}

/* A real table has a few dozen rows; a region with more (a table pasted
 * ten thousand times) is read up to this bound, keeping memory bounded. */
#define GRID_MAX_ROWS 4096

/* The row array lives in the grid's storage too: a full one is copied to
 * one twice its size (the old one unused until the grid is freed). */
static void rows_grow(grid *g)
{
    int cap = g->cap ? 2 * g->cap : 32;
    grid_row *rows = grid_take(g, (size_t)cap * sizeof *rows, _Alignof(grid_row));
    if (g->nrows)
        memcpy(rows, g->rows, (size_t)g->nrows * sizeof *rows);
    g->rows = rows;
    g->cap = cap;
}

/* A new empty row at the end of the grid.  Rows are built one after the
 * other, cells being added to the last row only: a new row's cells start
 * where the row before it ends, in the room its array has left (the row
 * before keeps only the cells it has, so that a cell added to it would
 * move it rather than overwrite the new row's).  Inlined at its callers,
 * once a line: rows_grow() is the rare part. */
static inline __attribute__((always_inline)) grid_row *new_row(grid *g)
{
    if (g->nrows == g->cap)
        rows_grow(g);
    grid_row *r = &g->rows[g->nrows++];
    grid_cell *cells = NULL;
    int room = 0;
    if (g->nrows > 1 && r[-1].cap > r[-1].ncells) {
        cells = r[-1].cells + r[-1].ncells;
        room = r[-1].cap - r[-1].ncells;
        r[-1].cap = r[-1].ncells;
    }
    *r = (grid_row){.cells = cells, .cap = room};
    return r;
}

/* The builders of a region's lines in a layout. */
static void build_blocks(grid *g, const region *rg)
{
    grid_row *r = NULL;
    for (size_t i = rg->from; i < rg->to && g->nrows < GRID_MAX_ROWS; i++) {
        const gk_line *l = &rg->t->norm[i];
        if ((rg->facts[i - rg->from] & LINE_BLANK) && l->s[0] != '\t') {
            r = NULL;
            continue;
        }
        if (!r) {
            r = new_row(g);
            r->explicit = 1;
        }
        if (l->s[0] == '\t' || r->ncells == 0) {
            size_t skip = l->s[0] == '\t';
            while (skip < l->len && l->s[skip] == ' ')
                skip++;                /* an indent, not an empty cell left of a number (split_numbers()) */
            /* The usual line, a count or nothing after its tab: its cell as
             * split_on() adds it, without a builder (in the region's copy). */
            const char *s = l->s + skip;
            size_t n = l->len - skip;
            long v = 0;
            if (rg->copy && grid_fast_cells && count_end(s, 0, &v) == n) {
                if (r->ncells == r->cap)
                    row_grow(g, r);
                grid_cell *c = &r->cells[r->ncells++];
                c->line = (int)i + 1;
                if (!r->line)
                    r->line = c->line;
                if (n) {
                    cell_count(c, rg->copy + (s - rg->src), n, v);
                    c->text[n] = '\0';
                } else {
                    cell_empty(c);
                }
                continue;
            }
            row_builder rb = line_builder(g, r, rg, i);
            split_on(&rb, s, n, '\t');
        } else {                       /* continuation of the cell above */
            grid_cell *c = &r->cells[r->ncells - 1];
            const char *more = skip_spaces(l->s);
            cell_extend(g, c, more, trim_end(more, l->len - (size_t)(more - l->s)));
        }
    }
}

/* Pipe rows written over several lines (PIPES_BROKEN): a '|' closes the cell
 * before it (an empty one when no text came since the last), text after it
 * opens the next, joined over line ends until its '|'; a line that does not
 * begin with '|' after one that ended with '|' (or after a blank line there)
 * begins a row.  Text after a row's last '|' is a cell; nothing after it, none. */
static void build_broken(grid *g, const region *rg)
{
    grid_row *r = NULL;
    int open = -1;                     /* the cell taking text: its index in r, -1 none yet */
    int ended = 1;                     /* the last line with text ended with '|' */
    for (size_t i = rg->from; i < rg->to && g->nrows < GRID_MAX_ROWS; i++) {
        const gk_line *l = &rg->t->norm[i];
        if (rg->facts[i - rg->from] & LINE_BLANK) {
            if (ended)
                r = NULL;
            continue;
        }
        const char *s = skip_spaces(l->s);
        size_t len = l->len - (size_t)(s - l->s);
        len = trim_blanks_end(s, len);
        if (!r || (ended && *s != '|')) {
            r = new_row(g);
            r->explicit = 1;
            open = -1;
        }
        row_builder rb = line_builder(g, r, rg, i);
        for (size_t p = 0;;) {
            size_t e = p;
            while (e < len && s[e] != '|')
                e++;
            size_t b = p;
            while (b < e && (s[b] == ' ' || s[b] == '\t'))
                b++;
            size_t n = trim_end(s + b, e - b);
            if (n) {
                if (open < 0) {
                    row_put(&rb, s + b, n);
                    open = r->ncells - 1;
                } else {               /* the cell's text goes on from the line before */
                    cell_extend(g, &r->cells[open], s + b, n);
                }
            }
            if (e == len)
                break;
            if (open < 0)              /* '|' after nothing: an empty cell */
                cell_classify(row_new_cell(&rb, s, 0), 0);
            open = -1;
            p = e + 1;
        }
        ended = len && s[len - 1] == '|';
    }
}

/* The mark after a label's number ("6、", "6．", "6）"), alone on its line. */
static int numbering_mark(const char *s)
{
    switch ((unsigned char)s[0]) {     /* asked of every line after a row's numbers: its first byte first */
    case '.': case ')':
        return s[1] == '\0';
    case 0xE3:
        return !strcmp(s, "、");
    case 0xEF:
        return !strcmp(s, "．") || !strcmp(s, "）");
    }
    return 0;
}

/* The row so far is the number of a label printed one character per line: "6",
 * or "(" and "6", on the lines above (build_lines()). */
static int label_number(const grid_row *r)
{
    int k = r->ncells - 1;
    if (k < 0 || k > 1)
        return 0;
    const char *t = r->cells[k].text;
    size_t n = strlen(t);
    if (n < 1 || n > 2 || strspn(t, "0123456789") != n)
        return 0;
    return k == 0 || ((!strcmp(r->cells[0].text, "(") || !strcmp(r->cells[0].text, "（")) &&
                      r->cells[0].line + 1 == r->cells[1].line);
}

/* One cell per line without tabs: a row ends at a blank line, or where a
 * line with a label follows a row that already has numbers. */
static void build_lines(grid *g, const region *rg)
{
    grid_row *r = NULL;
    int has_numbers = 0;
    for (size_t i = rg->from; i < rg->to && g->nrows < GRID_MAX_ROWS; i++) {
        const gk_line *l = &rg->t->norm[i];
        unsigned f = rg->facts[i - rg->from];
        if (f & LINE_BLANK) {
            r = NULL;
            continue;
        }
        int number = (f & LINE_NUMBER) != 0;
        if (r && has_numbers && numbering_mark(l->s) && label_number(r)) {
            has_numbers = 0;           /* "6" then "、": a label's number printed one character per line */
        } else if (!r || (!number && has_numbers && has_cjk_text(l->s))) {
            r = new_row(g);
            has_numbers = 0;
        }
        row_builder rb = line_builder(g, r, rg, i);
        split_spaces(&rb, l->s, l->len);
        size_t n = trim_end(l->s, l->len);
        has_numbers |= number || (n && l->s[n - 1] >= '0' && l->s[n - 1] <= '9');
    }
}

/* Appends text [s, s + n) to cell c (a number is never joined to anything). */
static int cell_append(grid *g, grid_cell *c, const char *s, size_t n, num_kind kind)
{
    if (c->text[0] && (c->num != NUM_NONE || kind != NUM_NONE))
        return 0;
    cell_extend(g, c, s, n);
    return 1;
}

/* A cell holding an item number alone ("8") over one whose text begins with
 * the mark after such a number (".属于行政查询事项", "、…", ")…"): a label
 * cell wrapped after its number, as pandoc's grid tables break it; the
 * label joined into the upper cell ("8.属于行政查询事项"), the lower one
 * emptied. */
static void join_item_number(grid *g, grid_cell *up, grid_cell *down)
{
    const char *a = up->text, *b = down->text;
    if (up->num != NUM_VALUE || !is_digit(a[0]) || (a[1] && (!is_digit(a[1]) || a[2])))
        return;
    size_t ml = b[0] == '.' || b[0] == ')'                                              ? 1
              : !strncmp(b, "、", 3) || !strncmp(b, "）", 3) || !strncmp(b, "．", 3) ? 3
                                                                                      : 0;
    if (!ml || !b[ml])
        return;                        /* no mark, or the mark alone: no label after it */
    cell_extend(g, up, b, strlen(b));
    cell_empty(down);
}

/* 1 when a cell's text is digits only ("19"; "02", the end of a wrapped number,
 * which num_parse() reads as no number). */
static int digits_only(const grid_cell *c)
{
    const char *t = c->text;
    if (!is_digit(t[0]))
        return 0;
    while (is_digit(*t))
        t++;
    return !*t;
}

/* A number wrapped inside its cell over two lines of a bordered row ("１" over
 * "９": w3m breaks wide digits in a narrow column): the upper line holds the
 * row's numbers (two or more), the lower one this cell's digits and no other
 * number — one number ("19"), the lower cell emptied.  Text beside the digits
 * (a label's end) only where rules part the table's rows (`ruled`): else the
 * lower line is as likely a row of its own ("行政许可 | 0" under "行政规范性文件
 * | 29 | 2 | 0" in a table ruled only around its header: not 290). */
static void join_wrapped_digits(grid *g, grid_row *up, grid_row *down, int ruled)
{
    int j = -1, nup = 0, text = 0;
    for (int k = 0; k < down->ncells; k++)
        if (down->cells[k].num == NUM_VALUE || digits_only(&down->cells[k])) {
            if (j >= 0)
                return;                /* two numbers below: a row of its own */
            j = k;
        } else {
            text |= down->cells[k].text[0] != '\0';
        }
    if (text && !ruled)
        return;
    for (int k = 0; k < up->ncells; k++)
        nup += up->cells[k].num == NUM_VALUE;
    if (j < 0 || j >= up->ncells || nup < 2 || up->cells[j].num != NUM_VALUE || !digits_only(&up->cells[j]) ||
        !digits_only(&down->cells[j]))
        return;
    grid_cell *a = &up->cells[j], *b = &down->cells[j];
    size_t bn = strlen(b->text);
    if (strlen(a->text) + bn > 15)
        return;
    cell_extend(g, a, b->text, bn);
    cell_empty(b);
}

#define SPREAD_LINES 4            /* lines of a row whose numbers stand on more than one */

/* Whether text holds a digit, ASCII or full-width ("０".."９": EF BC 90..99). */
static int any_digit(const char *s)
{
    for (; *s; s++)
        if (is_digit(*s) || ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
                             (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99))
            return 1;
    return 0;
}

#define COLS_MAX 64                /* the borders of a bordered table's line read at most */

static int border_cols(const char *o, size_t len, int plus, int amb, int *xs, size_t *at);

/* Cell j of bordered line `line` (1-based) of t as written (full-width brackets
 * two columns wide, as the page drew them; the normalised text has them one, and
 * marks of ambiguous width two: border_cols()): the display width its text may
 * take into *span — border to border, but a space each side when there is one (a
 * padding) — and its text's into *text.  0 when the line has no such cell. */
static int cell_as_drawn(const gk_text *t, int line, int j, int *span, int *text)
{
    const gk_line *l = &t->orig[line - 1];
    int xs[COLS_MAX];
    size_t at[COLS_MAX];
    int n = border_cols(l->s, l->len, 0, 2, xs, at);
    if (j + 1 >= n)                    /* (n -1: too many borders) */
        return 0;
    unsigned char b0 = (unsigned char)l->s[at[j]];
    size_t a = at[j] + (b0 < 0x80 ? 1 : b0 >= 0xE0 ? 3 : 2), q = at[j + 1], lead = 0, trail = 0;
    while (a + lead < q && l->s[a + lead] == ' ')
        lead++;
    while (q - trail > a + lead && l->s[q - trail - 1] == ' ')
        trail++;
    *span = xs[j + 1] - xs[j] - 1;     /* (a border one column wide) */
    *text = *span - (int)(lead + trail);
    *span -= (lead > 0) + (trail > 0); /* a space either side: the cell's padding (pandoc, tabulate) */
    return 1;
}

/* Column j of the lines rows[0..n) of a bordered row: a number's cell whose unit
 * wrapped below it in a narrow column ("１" over "（", "件", "）": elinks at 80
 * columns) — the column's top piece a number, every piece under it text without
 * a digit, and all of them joined top to bottom one number of the same value
 * ("１（件）"), the wrap forced or no label begun beside the number going on under
 * it (below).  Digits under it are not: a wrapped number or rows of their own
 * (join_wrapped_digits()).  t: the lines as written, for the column's width. */
static int unit_wrapped(const gk_text *t, const grid_row *rows, int n, int j)
{
    char joined[64];
    size_t len = 0;
    int top = -1;
    for (int k = 0; k < n; k++) {
        const grid_cell *c = &rows[k].cells[j];
        if (!c->text[0])
            continue;
        if (top < 0 ? c->num != NUM_VALUE : c->num != NUM_NONE || any_digit(c->text))
            return 0;
        if (top < 0)
            top = k;
        size_t m = strlen(c->text);
        if (len + m >= sizeof joined)
            return 0;
        memcpy(joined + len, c->text, m);
        len += m;
    }
    joined[len] = '\0';
    double v = 0;
    int is_int = 0;
    if (top < 0 || parse_cell(joined, len, &v, &is_int) != NUM_VALUE || v != rows[top].cells[j].value)
        return 0;
    /* and the wrap forced: the number and the unit's first piece wider than the column
       (a unit that would have fit beside its number, "8" over "件" in a column six wide,
       is a row's cell of its own) */
    int at = top + 1;
    while (at < n && !rows[at].cells[j].text[0])
        at++;
    int span, num, unit_span, unit;
    if (at < n && cell_as_drawn(t, rows[top].line, j, &span, &num) &&
        cell_as_drawn(t, rows[at].line, j, &unit_span, &unit) && num + unit > span)
        return 1;
    /* or the unit's line holds numbers in two other columns or more: the row's numbers
       (cells aligned to the middle of a row whose label wraps), among which a unit alone is
       no cell — it is the number's above ("0" over "件" beside "8（件）" "0" "7件" …) */
    if (at < n) {
        int others = 0;
        for (int c = 0; c < rows[at].ncells; c++)
            others += c != j && rows[at].cells[c].num == NUM_VALUE;
        if (others >= 2)
            return 1;
    }
    /* or, the unit fitting as far as the widths tell (a browser wraps a cell sooner than
       its width says: elinks's "0" over "件" in a column four wide), no label begins on the
       number's line and goes on under it: a row of its own has its label ("乙" under "甲");
       a label begun on a line above goes on over all the row's lines ("⑤属于三" "类内部"
       "事务信").  (A piece with a digit is a number's, no label: "4（" over "件" "）".) */
    for (int c = 0; c < rows[top].ncells; c++) {
        if (c == j || !rows[top].cells[c].text[0] || rows[top].cells[c].num != NUM_NONE ||
            any_digit(rows[top].cells[c].text))
            continue;
        int above = 0, below = 0;
        for (int k = 0; k < top; k++)
            above |= c < rows[k].ncells && rows[k].cells[c].text[0];
        for (int k = top + 1; k < n; k++)
            below |= c < rows[k].ncells && rows[k].cells[c].text[0] && rows[k].cells[c].num == NUM_NONE &&
                     has_cjk_text(rows[k].cells[c].text);
        if (below && !above)
            return 0;
    }
    return 1;
}

/* Whether no column of lines rows[0..n) (nc cells each) holds two numbers or
 * blank markers: a row whose cells stand in its middle, their heights
 * different (a unit wrapped under its number, "０" "（" "件" "）"), has its
 * numbers on several lines and more lines than SPREAD_LINES, rows of their own
 * a column of numbers. */
static int one_number_a_column(const grid_row *rows, int n, int nc)
{
    for (int j = 0; j < nc; j++) {
        int numbers = 0;
        for (int k = 0; k < n; k++)
            numbers += rows[k].cells[j].text[0] && rows[k].cells[j].num != NUM_NONE;
        if (numbers > 1)
            return 0;
    }
    return 1;
}

/* The rows [seg, g->nrows) are the lines between two rules of a table
 * drawn with borders (`w3m -dump`, grid tables): one row whose cells wrap
 * over several lines ("（二）部分公开" above "（区分处理的，…）").  They
 * become that one row, each cell's pieces joined top to bottom, when
 * nothing else can be meant: every line has as many cells, every number
 * or blank marker lies on one and the same line (a row's numbers share
 * it), and no other line has text in a column of a number — or, the
 * numbers on several of a few lines, each column of a number holds
 * nothing else on the other lines (below).  Otherwise
 * (a table ruled only around its header, lines of differing cells) each
 * line stays a row of its own. */
static void merge_segment(const gk_text *t, grid *g, int seg, int ruled)
{
    int n = g->nrows - seg;
    if (n < 2)
        return;
    grid_row *rows = &g->rows[seg];
    int nc = rows[0].ncells, numline = -1;
    for (int k = 0; k + 1 < n; k++) {  /* an item number wrapped apart from its label: one label */
        for (int j = 0; j < nc && j < rows[k].ncells && j < rows[k + 1].ncells; j++)
            join_item_number(g, &rows[k].cells[j], &rows[k + 1].cells[j]);
        join_wrapped_digits(g, &rows[k], &rows[k + 1], ruled);
    }
    int spread = 0;                    /* numbers on more than one line */
    for (int k = 0; k < n; k++) {
        if (rows[k].ncells != nc)
            return;
        for (int j = 0; j < nc; j++) {
            const grid_cell *c = &rows[k].cells[j];
            if (c->num == NUM_NONE || !c->text[0])
                continue;
            spread |= numline >= 0 && numline != k;
            numline = k;
        }
    }
    /* numbers on several lines (a cell whose text begins on its second line: a web
     * page's "&nbsp;<br>0", cells aligned to the middle or the bottom of a row whose
     * label wraps): one row only over a few lines (SPREAD_LINES).  Rows of their own
     * (a table ruled only around its header: all its rows between two rules) give a
     * column of numbers on several lines — each row's total at least — or more lines. */
    if (spread && n > SPREAD_LINES && !one_number_a_column(rows, n, nc))
        return;
    for (int j = 0; j < nc; j++) {     /* a column of a number holds nothing on the other lines */
        int pieces = 0, values = 0, markers = 0;
        for (int k = 0; k < n; k++) {
            const grid_cell *c = &rows[k].cells[j];
            pieces += c->text[0] != '\0';
            values += c->text[0] && c->num == NUM_VALUE;
            markers += c->text[0] && c->num == NUM_BLANK;
        }
        /* but its unit wrapped under it; and a blank marker among a name's pieces is
         * the name's ("本" "年" "增" "/" "减" down a column two wide) */
        if ((values || markers) && pieces > 1 && !unit_wrapped(t, rows, n, j) && (values || markers == pieces))
            return;
    }
    for (int k = 1; k < n; k++) {
        for (int j = 0; j < nc; j++) {
            const grid_cell *c = &rows[k].cells[j];
            grid_cell *b = &rows[0].cells[j];
            if (!c->text[0])
                continue;
            if (!b->text[0]) {
                *b = *c;               /* its text, number and line */
            } else if (b->num != NUM_NONE || c->num != NUM_NONE) {
                cell_extend(g, b, c->text, strlen(c->text));   /* a unit under its number (unit_wrapped()),
                                                                  a marker among a name's pieces */
            } else {
                cell_append(g, b, c->text, strlen(c->text), c->num);   /* text to text: both no number */
            }
        }
    }
    g->nrows = seg + 1;
}

/* Where a cell of a bordered table goes on below a rule: a cell spanning
 * rows (a group label over the rows of its group) has no rule under it
 * until its last row, and its text is printed anywhere in the span —
 * w3m centres it.  Its text belongs to the span's first row, where the
 * other layouts have a group's label.  Known by cell index, for the rows
 * with as many cells as the last rule has. */
#define SPAN_MAX 64

typedef struct {
    int n;                       /* cells of the last rule; 0: none, or more than SPAN_MAX */
    int owner[SPAN_MAX];         /* the row whose cell j goes on below it, or -1 (a rule) */
} spans;

/* A cell of a rule line: its dashes ('-' or '='), and [first, last), what
 * it holds besides them and blanks (spaces, ':', tabs); first == last:
 * nothing. */
typedef struct {
    size_t dashes, first, last;
} rule_cell;

/* Reads the cell of rule line s[0..len) that begins at b, up to the next
 * '|' or '+' or the end; returns where it ends. */
static size_t read_rule_cell(const char *s, size_t len, size_t b, rule_cell *c)
{
    *c = (rule_cell){0, b, b};
    size_t e = b, runs = grid_fast_cells ? 8 : SIZE_MAX;   /* SIZE_MAX: no runs (the tests' general path) */
    for (; e < len && s[e] != '|' && s[e] != '+'; e++) {
        if (s[e] == '-' || s[e] == '=') {
            c->dashes++;
            /* the dashes after it eight at a time ("────" is normalised to '-') */
            uint64_t w;
            while (len - e > runs && (memcpy(&w, s + e + 1, 8), w == 0x2D2D2D2D2D2D2D2Dull)) {
                c->dashes += 8;
                e += 8;
            }
        } else if (s[e] == ' ') {
            /* the spaces after it eight at a time (a cell padded to its column) */
            uint64_t w;
            while (len - e > runs && (memcpy(&w, s + e + 1, 8), w == 0x2020202020202020ull))
                e += 8;
        } else if (s[e] != ':' && s[e] != '\t') {
            if (c->last == c->first)
                c->first = e;
            c->last = e + 1;
        }
    }
    return e;
}

/* What the text of rule cell c holds (num_parse()'s kind; NUM_NONE for none). */
static num_kind rule_cell_kind(const char *s, const rule_cell *c)
{
    double v;
    int ii;
    return c->last > c->first ? parse_cell(s + c->first, c->last - c->first, &v, &ii) : NUM_NONE;
}

/* The cells of a rule s[0..len) (after its first '|' or '+'), read into sp:
 * cell j is a rule ("---") or goes on from above — from sp's owner when
 * that span went on through the rule before (a rule of as many cells),
 * else from row `above`, the
 * row of the segment just ended (-1: none).  Text in a cell that goes on
 * (w3m prints a centred label over the rule) is added to its owner.
 * `partial`: a rule with text in it; only cells of three dashes or more
 * are rules there ("-" and "--" are blank markers). */
static void read_rule(grid *g, spans *sp, int above, const char *s, size_t len, int partial)
{
    int cells = 1;                     /* a span goes on from the rule before only in the same cell */
    size_t k = 0;
#ifdef __SSE2__
    const __m128i bar = _mm_set1_epi8('|'), cross = _mm_set1_epi8('+');
    for (; len - k >= 16 && grid_fast_cells; k += 16) {   /* sixteen bytes at a time: a rule is long */
        __m128i v = _mm_loadu_si128((const __m128i *)(s + k));
        __m128i edge = _mm_or_si128(_mm_cmpeq_epi8(v, bar), _mm_cmpeq_epi8(v, cross));
        cells += __builtin_popcount((unsigned)_mm_movemask_epi8(edge));
    }
#endif
    for (; k < len; k++)
        cells += s[k] == '|' || s[k] == '+';
    int old_n = sp->n == cells ? sp->n : 0;
    int n = 0;
    for (size_t b = 0; b <= len; n++) {
        rule_cell c;
        size_t e = read_rule_cell(s, len, b, &c);
        /* in a rule with text (partial): three dashes or more, or dashes filling a narrow
           cell border to border ("┼──┼": a column two wide, w3m at 80 columns) */
        int text = c.last > c.first,
            rule = !text && (c.dashes >= (partial ? 3u : 1u) || (c.dashes && c.dashes == e - b));
        if (n < SPAN_MAX) {
            int o = -1;
            if (!rule) {
                if (old_n > n && sp->owner[n] >= 0)
                    o = sp->owner[n];  /* not yet overwritten: cell n is written here */
                else if (above >= 0 && g->rows[above].ncells > n)
                    o = above;
            }
            sp->owner[n] = o;
            if (o >= 0 && text && g->rows[o].ncells > n)
                cell_append(g, &g->rows[o].cells[n], s + c.first, c.last - c.first, rule_cell_kind(s, &c));
        }
        b = e + 1;
    }
    sp->n = n <= SPAN_MAX ? n : 0;
}

/* A rule with text in some of its cells: in a bordered table, a line all
 * of whose cells are rules of three dashes or more, empty, or text that
 * is no number ("6、其他" is text), with at least one rule — or a number,
 * when the line's first cell is a rule: the rule parts the rows' labels,
 * and a cell spanning both rows has its number printed over it, centred
 * ("├──────────┤２１４ │" between "(一)行政处罚" and "(二)行政强制", as w3m,
 * links and elinks print a cell of rowspan 2): it goes on from the row
 * above, whose cell it is (read_rule()). */
static int partial_rule(const char *s, size_t len)
{
    int rules = 0, narrow = 0, n = 0, first_rule = 0, numbers = 0;
    for (size_t b = 0; b <= len; n++) {
        rule_cell c;
        size_t e = read_rule_cell(s, len, b, &c);
        /* or two dashes filling a cell border to border ("┣━━┳━━┫": columns two wide,
         * elinks at 80 columns), two such cells at least ("--" alone is a blank marker) */
        int two = c.dashes == 2 && e - b == 2;
        int rule = (c.dashes >= 3 || two) && c.last == c.first;
        numbers += rule_cell_kind(s, &c) == NUM_VALUE;
        first_rule |= n == 0 && rule;
        rules += rule;
        narrow += rule && two;
        b = e + 1;
    }
    return (rules > narrow || narrow >= 2) && (!numbers || first_rule);
}

/* Moves the text of row r's cells that go on from above a rule (sp) to
 * the rows they belong to. */
static void join_spans(grid *g, const spans *sp, grid_row *r)
{
    if (sp->n != r->ncells)
        return;
    for (int j = 0; j < r->ncells && j < SPAN_MAX; j++) {
        grid_cell *c = &r->cells[j];
        int o = sp->owner[j];
        if (o < 0 || !c->text[0] || &g->rows[o] == r)
            continue;
        if (cell_append(g, &g->rows[o].cells[j], c->text, strlen(c->text), c->num)) {
            c->text = empty_text;
            cell_classify(c, 0);
        }
    }
}

/* The rows [first, g->nrows) of a bordered table of rows of one or two
 * cells, text in only one column, are no table but boxes around single
 * cells (w3m draws a page's layout tables so, empty layout cells as
 * "│ │"): they become what such text is without its boxes, rows of their
 * non-empty cells with no empty cells shown.  (A table whose every value
 * is empty reads so too: its values missing rather than blank.) */
static void unbox_single_column(grid *g, int first)
{
    if (first < 0)
        return;
    int col = -1;
    for (int k = first; k < g->nrows; k++) {
        if (g->rows[k].ncells > 2)
            return;
        for (int j = 0; j < g->rows[k].ncells; j++) {
            if (!g->rows[k].cells[j].text[0])
                continue;
            if (col >= 0 && col != j)
                return;
            col = j;
        }
    }
    for (int k = first; k < g->nrows; k++) {
        grid_row *r = &g->rows[k];
        int n = 0;
        for (int j = 0; j < r->ncells; j++)
            if (r->cells[j].text[0])
                r->cells[n++] = r->cells[j];
        r->ncells = n;
        r->explicit = 0;
    }
}

/* Where the cells of a bordered table lie across the page.  A row with
 * fewer cells than the rows around it (a label over two columns, a page
 * whose empty cells the converter merged into the label before them) is
 * read by cell index as if its numbers began in the first column — unless
 * each cell is put in the column its left border stands at, as a web
 * page's reader expands a colspan (the cells it spans empty).  The
 * columns are known from the original line (display columns: CJK two
 * wide), and trusted only when every border of every row stands where a
 * border of the rule above it does; then each row's cells are spread over
 * the columns of all the table's borders.  A table begins at a top corner
 * or at a rule right after a rule (a bottom then a top). */

typedef struct {
    int sub;                     /* the table's first row, -1: none */
    int ok;                      /* every border so far where it should be */
    int rule[COLS_MAX], nrule;   /* the border columns of the last rule */
    int u[COLS_MAX], nu;         /* the border columns of the table, sorted */
    int **xs, cap;               /* per row since sub: its borders' columns */
} borders;

/* Where the run of ASCII bytes at u[p] that are no border ('|', and '+'
 * when plus) ends: at the first byte that is one, or is no ASCII, or at
 * len.  Sixteen bytes at a time (SSE2) while that many are left. */
static inline size_t plain_ascii_end(const unsigned char *u, size_t p, size_t len, int plus)
{
#ifdef __SSE2__
    const __m128i bar = _mm_set1_epi8('|'), cross = _mm_set1_epi8(plus ? '+' : '|');
    for (; len - p >= 16; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(u + p));
        /* the top bit of each byte that stops the run: no ASCII, or a border */
        __m128i edge = _mm_or_si128(_mm_cmpeq_epi8(v, bar), _mm_cmpeq_epi8(v, cross));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(v, edge));
        if (m)
            return p + (unsigned)__builtin_ctz(m);
    }
#endif
    while (p < len && u[p] < 0x80 && u[p] != '|' && !(u[p] == '+' && plus))
        p++;
    return p;
}

/* The display columns of the borders in original line o[0..len) ('+' too
 * when plus), ambiguous characters `amb` wide, and their bytes' offsets in at
 * (NULL: not wanted); -1 when more than COLS_MAX. */
static int border_cols(const char *o, size_t len, int plus, int amb, int *xs, size_t *at)
{
    /* Most of a bordered table is ASCII, Chinese characters and box drawing:
     * their columns are told from their bytes, without decoding them or
     * asking text.c their width (test_border_columns_fast checks that they
     * are what the general path finds); a run of ASCII that holds no border
     * (the spaces that pad a cell) is stepped over at once, and a box-drawing
     * character's kind asked once for its run (grid_fast_cells: both). */
    const unsigned char *u = (const unsigned char *)o;
    int x = 0, n = 0, fast = grid_fast_cells;
    unsigned last_cp = 0;              /* the last box-drawing character's kind (rules repeat theirs) */
    int last_kind = 0;
    for (size_t p = 0; p < len;) {
        unsigned char b = u[p];
        unsigned cp;
        int k, kind, width = 1;
        if (b < 0x80) {                /* ASCII: one column, '|' a border, '+' one of a rule */
            if (fast && b != '|' && !(b == '+' && plus)) {
                size_t q = plain_ascii_end(u, p, len, plus);   /* a run of columns that are no border */
                x += (int)(q - p);
                p = q;
                continue;
            }
            k = 1;
            kind = b == '|' ? 1 : b == '+' ? 2 : 0;
        } else if (len - p >= 3 && (u[p + 1] & 0xC0) == 0x80 && (u[p + 2] & 0xC0) == 0x80 &&
                   b >= 0xE4 && b <= 0xE9) {
            x += 2;                    /* a Chinese character (U+4000..U+9FFF): two columns, no border */
            p += 3;
            continue;
        } else if (len - p >= 3 && b == 0xE2 && (u[p + 1] == 0x94 || u[p + 1] == 0x95) && (u[p + 2] & 0xC0) == 0x80) {
            cp = 0x2000 | (unsigned)(u[p + 1] & 0x3F) << 6 | (u[p + 2] & 0x3F);   /* U+2500..U+257F */
            k = 3;
            if (cp != last_cp || !fast) {
                last_cp = cp;
                last_kind = text_border_kind(cp);   /* one column, not ambiguous */
            }
            kind = last_kind;
            if (fast && !kind) {       /* a run of one line-drawing character ("────"): a column each */
                size_t q = p + 3;
                while (len - q >= 3 && u[q] == 0xE2 && u[q + 1] == u[p + 1] && u[q + 2] == u[p + 2])
                    q += 3;
                x += (int)((q - p) / 3);
                p = q;
                continue;
            }
        } else {
            k = utf8_decode(o + p, len - p, &cp);
            if (!k)
                cp = '?', k = 1;
            kind = text_border_kind(cp);
            width = amb == 2 && text_cp_ambiguous(cp) ? 2 : text_cp_width(cp);
        }
        if (kind == 1 || (kind == 2 && plus)) {
            if (n == COLS_MAX)
                return -1;
            if (at)
                at[n] = p;
            xs[n++] = x;
        }
        x += width;
        p += (size_t)k;
    }
    return n;
}

static void cols_add(borders *b, const int *xs, int n)
{
    for (int k = 0; k < n && b->ok; k++) {
        int at = 0;
        while (at < b->nu && b->u[at] < xs[k])
            at++;
        if (at < b->nu && b->u[at] == xs[k])
            continue;
        if (b->nu == COLS_MAX) {
            b->ok = 0;
            break;
        }
        memmove(&b->u[at + 1], &b->u[at], (size_t)(b->nu - at) * sizeof *b->u);
        b->u[at] = xs[k];
        b->nu++;
    }
}

/* Spreads the cells of rows [b->sub, g->nrows) over the table's columns. */
static void spread_cells(grid *g, borders *b)
{
    if (b->sub < 0 || !b->ok || b->nu < 2)
        return;
    int nf = b->nu - 1, change = 0;
    for (int k = b->sub; k < g->nrows; k++) {
        if (k - b->sub >= b->cap || !b->xs[k - b->sub])
            return;
        change |= g->rows[k].ncells != nf;
    }
    for (int k = b->sub; k < g->nrows && change; k++) {
        grid_row *r = &g->rows[k];
        const int *xs = b->xs[k - b->sub];
        grid_cell *cells = grid_take(g, (size_t)nf * sizeof *cells, _Alignof(grid_cell));
        for (int f = 0, j = 0; f < nf; f++) {
            while (j < r->ncells && xs[j] < b->u[f])
                j++;
            if (j < r->ncells && xs[j] == b->u[f]) {
                cells[f] = r->cells[j];
            } else {
                cells[f] = (grid_cell){.text = empty_text, .line = r->line};
                cell_classify(&cells[f], 0);
            }
        }
        r->cells = cells;
        r->ncells = r->cap = nf;
    }
}

/* A rule, o its original line: a new table at a top corner or right after
 * a rule (1 then). */
static int borders_rule(grid *g, borders *b, const gk_line *o, int after_rule)
{
    int begun = 0;
    int xs[COLS_MAX];
    int n = border_cols(o->s, o->len, 1, 1, xs, NULL);   /* a rule holds no ambiguous character */
    const char *p = o->s;
    while (*p == ' ')
        p++;
    unsigned cp = 0;
    utf8_decode(p, o->len - (size_t)(p - o->s), &cp);
    if (b->sub < 0 || after_rule || cp == 0x250C || cp == 0x250D || cp == 0x250E || cp == 0x250F ||
        cp == 0x2552 || cp == 0x2553 || cp == 0x2554 || cp == 0x256D) {
        spread_cells(g, b);
        b->sub = g->nrows;
        b->ok = 1;
        b->nu = 0;
        begun = 1;
    }
    if (n < 0) {
        b->ok = 0;
        return begun;
    }
    memcpy(b->rule, xs, (size_t)n * sizeof *xs);
    b->nrule = n;
    cols_add(b, xs, n);
    return begun;
}

/* Whether borders xs[0..n) of a row all stand on borders of the last rule. */
static int on_rule(const borders *b, const int *xs, int n)
{
    for (int j = 0; j < n; j++) {
        int at = 0;
        while (at < b->nrule && b->rule[at] != xs[j])
            at++;
        if (at == b->nrule)
            return 0;
    }
    return 1;
}

/* Row k, just read from original line o: where its borders are — with the
 * ambiguous characters one column wide, or else two (as CJK settings draw
 * them), whichever puts every border on the rule above. */
static void borders_row(grid *g, borders *b, int k, const gk_line *o)
{
    int xs[COLS_MAX];
    int n = border_cols(o->s, o->len, 0, 1, xs, NULL);
    if (n >= 2 && !on_rule(b, xs, n))
        n = border_cols(o->s, o->len, 0, 2, xs, NULL);
    if (n < 2 || n - 1 != g->rows[k].ncells || !on_rule(b, xs, n))
        b->ok = 0;
    if (!b->ok)
        return;
    int i = k - b->sub;
    if (i >= b->cap) {
        int cap = b->cap ? 2 * b->cap : 64;
        while (cap <= i)
            cap *= 2;
        b->xs = xrealloc(b->xs, (size_t)cap * sizeof *b->xs);
        memset(b->xs + b->cap, 0, (size_t)(cap - b->cap) * sizeof *b->xs);
        b->cap = cap;
    }
    b->xs[i] = grid_take(g, (size_t)n * sizeof *xs, _Alignof(int));
    memcpy(b->xs[i], xs, (size_t)n * sizeof *xs);
    cols_add(b, xs, n);
}

/* Page text in the indent of a bordered table ("  • 机  │…": w3m prints a
 * page's side menu beside the table): where the line's first border ('|',
 * or a grid rule's '+') is, when it comes after at most MARGIN_MAX bytes
 * without a digit and at least two more follow it; else NULL. */
#define MARGIN_MAX 16

static const char *margin_end(const char *s, size_t len)
{
    size_t n = len < MARGIN_MAX ? len : MARGIN_MAX, k = 0;
    k = spaces_end(s, 0, n);           /* the indent of a page's text: eight bytes at a time */
    while (k < n && s[k] != '|' && s[k] != '+') {
        if (s[k] >= '0' && s[k] <= '9')
            return NULL;
        k++;
    }
    if (k == n)
        return NULL;
    int more = 0;                      /* a rule's '+' count as borders */
    for (size_t p = k + 1; p < len; p++)
        more += s[p] == '|' || s[p] == '+';
    return more >= 2 ? s + k : NULL;
}

/* A bordered table ends (its rows from `block`, the last segment from
 * seg): the segment made one row, the cells spread over their columns,
 * boxed single cells unboxed. */
static void end_bordered(const gk_text *t, grid *g, int seg, borders *bd, int block, int ruled)
{
    merge_segment(t, g, seg, ruled);
    spread_cells(g, bd);
    bd->sub = -1;
    unbox_single_column(g, block);
}

/* ---- comma-separated rows (GRID_CSV) -------------------------------------- */

/* A table copied as CSV (a spreadsheet exported, or pasted with commas
 * between its cells): each row a line of fields separated by commas, a
 * field in double quotes holding commas and quotes ("1,130", "a ""b"""),
 * spaces after the commas or not, rows padded with commas or not.  Its
 * rows read as a tab grid's.  Normalisation folds the full-width comma of
 * prose and labels ("，") into ',' and curly quotes into '"': only the
 * ASCII ones of the original line separate or quote fields (orig_mark()). */

/* What made a ',' or '"' of a normalised line, in its original line. */
enum { MARK_NONE, MARK_COMMA, MARK_FOLDED_COMMA, MARK_QUOTE, MARK_FOLDED_QUOTE };

/* The next character at *op (before end) of an original line that
 * normalisation turns into ',' or '"' (text_fold_cp(): U+FF0C and U+FE50
 * into a comma; U+FF02, U+201C..U+201E, U+300C and U+300D into a quote),
 * *op moved past it; MARK_NONE when none is left. */
static int orig_mark(const char **op, const char *end)
{
    const char *p = *op;
    while (p < end) {
        int k = MARK_NONE;
        if (*p == ',' || *p == '"') {
            k = *p == ',' ? MARK_COMMA : MARK_QUOTE;
            p++;
        } else if ((unsigned char)*p < 0x80) {
            p++;
        } else {
            unsigned cp;
            int used = utf8_decode(p, (size_t)(end - p), &cp);
            p += used ? used : 1;
            unsigned f = used ? text_fold_cp(cp) : 0;
            k = f == ',' ? MARK_FOLDED_COMMA : f == '"' ? MARK_FOLDED_QUOTE : MARK_NONE;
        }
        if (k) {
            *op = p;
            return k;
        }
    }
    *op = end;
    return MARK_NONE;
}

/* The comma at s[p] (of s[0..len)) may be a thousands separator: one to
 * three digits before it (not after a decimal point), exactly three after
 * it. */
static int thousands_comma(const char *s, size_t len, size_t p)
{
    size_t b = p;
    while (b > 0 && is_digit(s[b - 1]))
        b--;
    if (p - b < 1 || p - b > 3 || (b > 0 && s[b - 1] == '.') || len - p < 4)
        return 0;
    return is_digit(s[p + 1]) && is_digit(s[p + 2]) && is_digit(s[p + 3]) && (len - p == 4 || !is_digit(s[p + 4]));
}

/* A line read as comma-separated fields (csv_scan()). */
typedef struct {
    int fields;      /* every separator taken as one */
    int certain;     /* separators that cannot be thousands separators */
    int ambiguous;   /* separators that may be ("1,130" unquoted) */
    int empty;       /* fields empty or a blank marker */
    int last_empty;  /* the last field is empty (the line ends with a comma) */
    int numbers;     /* fields holding a number */
    int quoted;      /* fields in quotes */
    int zero_led;    /* fields of digits with a 0 first ("037"): no count, a number's digit group */
    int plain_big;   /* numbers of four digits or more written without separators (not a year) */
    int grouped;     /* numbers written with thousands separators (quoted: "1,130") */
    int slots;       /* fields from the first number to the last, empty ones between counted */
    int doubtful[4]; /* the fields before the first four separators that may be thousands separators */
    size_t longest;  /* the longest field's length */
} csv_line;

/* How csv_scan() takes the separators that may be thousands separators:
 * as separators; as text ("1,130" one field); or in doubt: the field before
 * the first of them and the rest of the line one field, written as they are. */
enum { CSV_SPLIT, CSV_JOIN, CSV_DOUBT };

/* The longest line read as comma-separated fields (a table's row is far shorter). */
#define CSV_LINE_MAX 4096

/* Reads s[0..len), a normalised line whose original is o, as fields
 * separated by the commas that are ASCII commas in o, writes them to out
 * (room for len + 1 bytes) separated by tabs, and counts them into cl.  A
 * field in ASCII quotes is written without them ("" in it one quote); every
 * field without the spaces around it; a comma inside brackets closed later
 * on the line is text ("部分公开(区分处理的, 只计这一情形…)", a label copied
 * without quotes).  mode says what a separator that may be a thousands
 * separator is; with CSV_DOUBT, *doubt is where the field in doubt starts
 * in out (SIZE_MAX: none).  Returns the length written, or -1 when the line
 * is no such line: a quote left open (a field over several lines), text
 * after a closing quote, its commas and quotes not those of its original. */
static long csv_scan(const char *s, size_t len, const gk_line *o, int mode, char *out, csv_line *cl, size_t *doubt)
{
    memset(cl, 0, sizeof *cl);
    if (doubt)
        *doubt = SIZE_MAX;
    const char *op = o->s, *oend = o->s + o->len;
    const char *close = memrchr(s, ')', len);
    size_t w = 0, p = 0;
    int first_number = -1;
    for (;;) {
        size_t start = p, fw = w;      /* the field in s and in out */
        while (p < len && s[p] == ' ')
            p++;
        int quoted = 0;
        if (p < len && s[p] == '"') {
            const char *at = op;       /* where the field's marks start */
            size_t open = p;
            int k = orig_mark(&op, oend);
            if (k == MARK_QUOTE)
                quoted = 1;
            else if (k != MARK_FOLDED_QUOTE)
                return -1;
            if (quoted) {
                p++;
                while (p < len && s[p] == ' ')
                    p++;
                for (;; p++) {
                    if (p >= len)
                        return -1;     /* left open: a field over several lines */
                    char c = s[p];
                    if (c == ',' || c == '"') {
                        int m = orig_mark(&op, oend);
                        if (m == MARK_NONE || (c == ',') != (m == MARK_COMMA || m == MARK_FOLDED_COMMA))
                            return -1;
                        if (m == MARK_QUOTE) {
                            if (p + 1 >= len || s[p + 1] != '"') {
                                p++;   /* the closing quote */
                                break;
                            }
                            if (orig_mark(&op, oend) != MARK_QUOTE)
                                return -1;
                            p++;       /* "": one quote */
                        }
                    }
                    out[w++] = c;
                }
                while (p < len && s[p] == ' ')
                    p++;
                const char *peek = op;
                if (p < len && (s[p] != ',' || orig_mark(&peek, oend) != MARK_COMMA)) {
                    /* text after the closing quote ("三安全"相关): no quoted
                     * field but text with quotes in it, read again as such */
                    quoted = 0;
                    p = open;
                    w = fw;
                    op = at;
                }
            }
            if (!quoted) {
                if (k == MARK_QUOTE)   /* read again from `at`: its quote, text */
                    orig_mark(&op, oend);
                out[w++] = s[p++];
            }
        }
        if (quoted) {
            if (p < len)
                orig_mark(&op, oend);  /* the separator after it */
            cl->quoted++;
        } else {
            int depth = 0;
            for (; p < len; p++) {
                char c = s[p];
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth -= depth > 0;
                } else if (c == ',' || c == '"') {
                    int k = orig_mark(&op, oend);
                    if (k == MARK_NONE || (c == ',') != (k == MARK_COMMA || k == MARK_FOLDED_COMMA))
                        return -1;
                    if (k == MARK_COMMA && !(depth > 0 && close && s + p < close) &&
                        !(mode == CSV_JOIN && thousands_comma(s, len, p)))
                        break;         /* a separator */
                }
                out[w++] = c;
            }
        }
        while (w > fw && out[w - 1] == ' ')
            w--;
        if (p < len && mode == CSV_DOUBT && thousands_comma(s, len, p)) {
            /* this field and the rest of the line: as they are, one field */
            while (start < len && s[start] == ' ')
                start++;
            size_t n = trim_end(s + start, len - start);
            w = fw;
            memcpy(out + w, s + start, n);
            w += n;
            *doubt = fw;
            cl->fields++;
            break;
        }
        double v;
        int ii;
        num_kind kind = w > fw ? parse_cell(out + fw, w - fw, &v, &ii) : NUM_BLANK;
        if (kind == NUM_VALUE) {
            if (first_number < 0)
                first_number = cl->fields;
            cl->slots = cl->fields - first_number + 1;
        }
        cl->fields++;
        cl->empty += kind == NUM_BLANK;
        cl->last_empty = w == fw;
        cl->numbers += kind == NUM_VALUE;
        cl->zero_led += w - fw > 1 && out[fw] == '0' && is_digit(out[fw + 1]);
        if (kind == NUM_VALUE && (v >= 1000 || v <= -1000)) {
            int comma = memchr(out + fw, ',', w - fw) != NULL;
            cl->grouped += comma;
            cl->plain_big += !comma && (v < 1900 || v > 2100);
        }
        if (w - fw > cl->longest)
            cl->longest = w - fw;
        if (p >= len)
            break;
        int amb = thousands_comma(s, len, p);
        if (amb && cl->ambiguous < 4)
            cl->doubtful[cl->ambiguous] = cl->fields - 1;
        cl->ambiguous += amb;
        cl->certain += !amb;
        out[w++] = '\t';
        p++;                           /* past the separator */
    }
    if (orig_mark(&op, oend) != MARK_NONE && (!doubt || *doubt == SIZE_MAX))
        return -1;                     /* a comma or quote of the original not met */
    out[w] = '\0';
    return (long)w;
}

/* The longest field of a header row of text (csv_row_line()): longer, it
 * is a sentence's clause rather than a table's header ("未经复议直接起诉"). */
#define CSV_HEADER_MAX 60

/* Line s[0..len), which csv_scan() read, is a row of a comma-separated
 * table: a separator that is no thousands separator, and a field empty, a
 * number or quoted, or else short fields of text and no full stop (a header
 * row; a sentence with ASCII commas is none); or one quoted field alone (a
 * heading, a note, a wrapped label's end). */
static int csv_row_line(const csv_line *cl, const char *s, size_t len)
{
    if (cl->fields == 1)
        return cl->quoted == 1;
    return cl->certain > 0 && (cl->empty + cl->numbers + cl->quoted > 0 ||
                               (cl->longest <= CSV_HEADER_MAX && !memmem(s, len, "。", 3)));
}

/* How a comma-separated region takes the commas that may be thousands
 * separators (csv_mode()). */
enum { CSV_SLOTS_MAX = 64 };

typedef struct {
    int slots[CSV_SLOTS_MAX + 1];   /* how many rows without such a comma span k slots (csv_line) */
    int quoting;     /* some field is quoted: the writer quotes what holds a comma */
    int ungrouped;   /* numbers of 1000 or more written without thousands separators, none with */
} csv_region;

/* The commas of s[0..n) (normalised lines, each ended by its NUL) that
 * look like separators rather than a sentence's or a number's: first or
 * last on a line, next to a comma or a quote, before a number after a
 * space, or before a number and not between digits as a thousands
 * separator stands ("0,0", "规章,0"; not "1,130"). */
static size_t csv_commas(const char *s, size_t n)
{
    size_t k = 0;
    for (const char *p = s, *end = s + n; (p = memchr(p, ',', (size_t)(end - p))) != NULL; p++) {
        char prev = p > s ? p[-1] : '\0';
        const char *q = p + 1;
        while (*q == ' ')
            q++;                       /* a line's NUL ends the run */
        char next = *q;
        if (next == ',' || next == '"' || next == '\0' || prev == ',' || prev == '"' || prev == '\0')
            k++;
        else if (is_digit(next))
            k += q > p + 1 || !is_digit(prev) ||
                 !(is_digit(q[1]) && is_digit(q[2]) && !is_digit(q[3]));   /* the digits' NUL stops the reads */
    }
    return k;
}

/* Fewest separator-like commas (csv_commas()) in a region worth a closer look. */
#define CSV_MIN_COMMAS 3

/* Whether lines [from, to), which hold no tab and are no pipe table, are
 * a comma-separated table: three rows or more (csv_row_line()), one of them
 * with a number, and at least half as many rows with cells (numbers, or
 * empty cells but the one of a line ending with a comma) as lines that hold
 * a digit and may be a table's row: a line holding a comma or a run of two
 * spaces (a row of a table of spaces; not one cell alone, "行政许可：15"),
 * or, in a region of one cell per line (`lines`), any line; rows without
 * cells (a header, "行政许可," with its number left empty) are neither.
 * Those rows get LINE_CSV in facts; *cr says how to read their doubtful
 * commas.  A line of prose with a comma, a number with thousands separators
 * in a table of another layout, changes nothing. */
static __attribute__((noinline)) int csv_detect(const gk_text *t, size_t from, size_t to, unsigned char *facts, int adjacent, int lines, csv_region *cr)
{
    /* a first look, over all the lines at once when they lie one after another */
    size_t commas = 0;
    if (adjacent) {
        const char *a = t->norm[from].s;
        commas = csv_commas(a, (size_t)(t->norm[to - 1].s - a) + t->norm[to - 1].len + 1);
    } else {
        for (size_t i = from; i < to && commas < CSV_MIN_COMMAS; i++)
            commas += csv_commas(t->norm[i].s, t->norm[i].len + 1);
    }
    if (commas < CSV_MIN_COMMAS)
        return 0;
    int rows = 0, votes = 0, numbers = 0, digits = 0, quoting = 0, plain_big = 0, grouped = 0;
    memset(cr->slots, 0, sizeof cr->slots);
    char *out = xmalloc(CSV_LINE_MAX + 1);
    for (size_t i = from; i < to; i++) {
        if (facts[i - from] & LINE_BLANK)
            continue;
        const gk_line *l = &t->norm[i];
        int digit = 0;
        for (size_t k = 0; k < l->len && !digit; k++)
            digit = is_digit(l->s[k]);
        digit = digit && (lines || memchr(l->s, ',', l->len) || memmem(l->s, l->len, "  ", 2));
        const char *s = skip_spaces(l->s);
        csv_line cl;
        if (l->len > CSV_LINE_MAX || (*s != '"' && !memchr(s, ',', l->len - (size_t)(s - l->s))) ||
            csv_scan(l->s, l->len, &t->orig[i], CSV_SPLIT, out, &cl, NULL) < 0 || !csv_row_line(&cl, l->s, l->len)) {
            digits += digit;
            continue;
        }
        facts[i - from] |= LINE_CSV;
        rows++;
        quoting |= cl.quoted > 0;
        plain_big += cl.plain_big;
        grouped += cl.grouped;
        /* a row with cells: numbers, or empty ones — not only the one a line
         * of prose broken after a comma ends with */
        if (cl.certain && (cl.numbers > 0 || cl.empty > cl.last_empty)) {
            votes++;
            digits += digit;
            numbers += cl.numbers > 0;
            if (cl.numbers && !cl.ambiguous && cl.slots <= CSV_SLOTS_MAX)
                cr->slots[cl.slots]++;
        }
    }
    free(out);
    if (rows < 3 || !numbers || votes * 2 < digits) {
        for (size_t i = from; i < to; i++)
            facts[i - from] &= (unsigned char)~LINE_CSV;
        return 0;
    }
    cr->quoting = quoting;
    cr->ungrouped = plain_big > 0 && !grouped;
    return 1;
}

/* Whether the run of values holding field k of a row (out[0..n), fields
 * separated by tabs; a run: numbers and empty cells or blank markers, ended
 * by text) adds up as a row with a total column does: its last number,
 * not 0, the sum of two or more values right before it (blanks as 0). */
static int run_adds_up(const char *out, size_t n, int k)
{
    enum { RUN_MAX = 64 };
    double v[RUN_MAX];
    int kind[RUN_MAX], nf = 0;
    for (size_t b = 0; b <= n && nf < RUN_MAX;) {
        const char *e = memchr(out + b, '\t', n - b);
        size_t len = e ? (size_t)(e - out) - b : n - b;
        int ii;
        v[nf] = 0;
        kind[nf] = len ? parse_cell(out + b, len, &v[nf], &ii) : NUM_BLANK;
        nf++;
        b += len + 1;
    }
    if (k < 0 || k >= nf || kind[k] == NUM_NONE)
        return 0;
    int a = k, z = k;
    while (a > 0 && kind[a - 1] != NUM_NONE)
        a--;
    while (z + 1 < nf && kind[z + 1] != NUM_NONE)
        z++;
    while (z > a && kind[z] != NUM_VALUE)
        z--;                           /* the run's last number */
    if (kind[z] != NUM_VALUE || v[z] <= 0)
        return 0;
    double sum = 0;
    for (int i = z - 1, terms = 1; i >= a; i--, terms++) {
        sum += kind[i] == NUM_VALUE ? v[i] : 0;
        if (terms >= 2 && sum == v[z])
            return 1;
    }
    return 0;
}

/* Whether every run of row out[0..n) that holds a doubtful separator of cl
 * adds up (run_adds_up()); `joined`: out is the row with them as text,
 * each field after one of them one place nearer the start. */
static int csv_adds_up(const char *out, size_t n, const csv_line *cl, int joined)
{
    if (cl->ambiguous > 4)
        return 0;
    for (int i = 0; i < cl->ambiguous; i++)
        if (!run_adds_up(out, n, cl->doubtful[i] - (joined ? i : 0)))
            return 0;
    return 1;
}

/* How a row with commas that may be thousands separators is read, given
 * the row read with them as separators (split: out[0..n)) and as text
 * (joined: jout[0..jn)).  First the sums: the reading whose runs of values
 * add up (csv_adds_up()), the other's not.  Else the slots the rows span: a
 * reading spanning as many slots (csv_line) as two rows or more without
 * such a comma do, the other as none (three for joined), is likely (split,
 * besides, gives no more digit groups with a 0 first, "037", which is no
 * count).  A writer that quotes fields would have quoted "1,130", one that
 * writes 1130 as it is has no thousands separators.  As separators when
 * that reading is likely, or such a writer wrote the region and the other
 * reading is not likely; as text when that reading is likely and no such
 * writer did; otherwise in doubt: the row's numbers from the first such
 * comma on are left unread. */
static int csv_mode(const csv_region *cr, const csv_line *split, const char *out, size_t n,
                    const csv_line *joined, const char *jout, size_t jn)
{
    int plain = cr->quoting || cr->ungrouped;   /* the writer would not have written "1,130" so */
    int ds = csv_adds_up(out, n, split, 0), dj = csv_adds_up(jout, jn, split, 1);
    if (ds != dj)
        return ds ? CSV_SPLIT : plain ? CSV_DOUBT : CSV_JOIN;
    int s = split->slots <= CSV_SLOTS_MAX && split->zero_led <= joined->zero_led ? cr->slots[split->slots] : 0;
    int j = joined->slots <= CSV_SLOTS_MAX ? cr->slots[joined->slots] : 0;
    if (plain)
        return j >= 2 && s == 0 ? CSV_DOUBT : CSV_SPLIT;
    if (s >= 2 && j == 0)
        return CSV_SPLIT;
    if (j >= 3 && s == 0)
        return CSV_JOIN;
    return CSV_DOUBT;
}

/* Adds the row of line i, a row of a comma-separated table (LINE_CSV):
 * its fields are cells as a tab row's are, empty cells shown; one quoted
 * field alone is a line's text without its quotes, as a line without tabs
 * is in a tab grid.  Cells in doubt (csv_mode()) are one cell, unread. */
static void csv_row(grid *g, const region *rg, size_t i, const csv_region *cr)
{
    const gk_line *l = &rg->t->norm[i];
    char *src = grid_text(g, l->len), *dst = grid_text(g, l->len);
    csv_line cl;
    size_t doubt = SIZE_MAX;
    long n = csv_scan(l->s, l->len, &rg->t->orig[i], CSV_SPLIT, src, &cl, NULL);
    if (cl.ambiguous && n >= 0) {
        csv_line joined;
        long jn = csv_scan(l->s, l->len, &rg->t->orig[i], CSV_JOIN, dst, &joined, NULL);
        int mode = jn < 0 ? CSV_DOUBT : csv_mode(cr, &cl, src, (size_t)n, &joined, dst, (size_t)jn);
        if (mode != CSV_SPLIT)
            n = csv_scan(l->s, l->len, &rg->t->orig[i], mode, src, &cl, &doubt);
    }
    if (n < 0)
        n = 0;                         /* not reached: detect() read the line so */
    memcpy(dst, src, (size_t)n + 1);
    grid_row *r = new_row(g);
    row_builder rb = {g, r, src, dst, (int)i + 1, rg->marks && has_marks(src, (size_t)n)};
    if (cl.fields == 1 && cl.quoted == 1) {
        split_spaces(&rb, src, (size_t)n);
    } else {
        r->explicit = 1;
        if (doubt != 0)
            split_on(&rb, src, doubt == SIZE_MAX ? (size_t)n : doubt - 1, '\t');
        if (doubt != SIZE_MAX) {
            grid_cell *c = row_new_cell(&rb, src + doubt, (size_t)n - doubt);
            c->num = NUM_NONE;        /* a number, or two, or more: unread */
            c->value = 0;
            c->is_int = 0;
        }
    }
    if (r->ncells == 0)
        r->line = (int)i + 1;
}

/* The rows of a comma-separated region: its rows (LINE_CSV) as csv_row()
 * reads them, its other lines (headings, prose) as a tab grid's lines
 * without a tab, cells separated by runs of spaces. */
static __attribute__((noinline)) void build_csv(grid *g, const region *rg, const csv_region *cr)
{
    for (size_t i = rg->from; i < rg->to && g->nrows < GRID_MAX_ROWS; i++) {
        unsigned f = rg->facts[i - rg->from];
        if (f & LINE_BLANK)
            continue;
        if (f & LINE_CSV) {
            csv_row(g, rg, i, cr);
            continue;
        }
        const gk_line *l = &rg->t->norm[i];
        grid_row *r = new_row(g);
        row_builder rb = line_builder(g, r, rg, i);
        split_spaces(&rb, l->s, l->len);
        if (r->ncells == 0)
            r->line = (int)i + 1;
    }
}

/* The rows of line i (s[0..len), its cells separated by tabs) of a table
 * written on one line as HTML, GK_ROW_MARK between them (text_strip_tags()):
 * each a row of that line. */
static void marked_rows(grid *g, const region *rg, size_t i, const char *s, size_t len)
{
    const char *e = s + len;
    while (s < e && g->nrows < GRID_MAX_ROWS) {
        const char *v = memchr(s, GK_ROW_MARK, (size_t)(e - s));
        size_t n = trim_blanks_end(s, (size_t)((v ? v : e) - s));
        if (n) {
            grid_row *r = new_row(g);
            row_builder rb = line_builder(g, r, rg, i);
            r->explicit = 1;
            split_on(&rb, s, n, '\t');
            if (r->ncells == 0)
                r->line = (int)i + 1;
        }
        if (!v)
            break;
        s = v + 1;
    }
}

/* Where a grid's first chunk begins in the block that holds both: most
 * tables need no other, so a grid costs one block, the thread's spare
 * (spare_block_take(): the last grid's) when it has one. */
#define GRID_HEAD ((sizeof(grid) + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1))
#define GRID_BLOCK (GRID_HEAD + sizeof(grid_chunk) + GRID_CHUNK)

static grid *build_cells(const gk_text *t, size_t from, size_t to)
{
    grid *g = spare_block_take(SPARE_GRID, GRID_BLOCK, NULL);   /* (every grid's block is GRID_BLOCK) */
    grid_chunk *first = (grid_chunk *)((char *)g + GRID_HEAD);
    first->next = NULL;
    first->used = 0;
    first->cap = GRID_CHUNK;
    *g = (grid){.rows = NULL, .nrows = 0, .cap = 0, .layout = GRID_TABS, .chunks = first, .ocr_zeros = 0, .program = 0};
    if (to > t->nlines)
        to = t->nlines;
    if (from >= to)
        return g;
    /* the facts live in the grid's storage, freed with it */
    unsigned char *facts = grid_alloc(g, to - from, 1);
    int adjacent, style;
    g->layout = detect(t, from, to, facts, &adjacent, &style);
    csv_region csv;                    /* set by csv_detect(), read only when it says so */
    if ((g->layout == GRID_SPACES || g->layout == GRID_LINES) && csv_detect(t, from, to, facts, adjacent, g->layout == GRID_LINES, &csv))
        g->layout = GRID_CSV;          /* its rows LINE_CSV; its other lines as plain text */
    region rg = {t, from, to, facts, t->norm[from].s, NULL, 1};
    size_t span = (size_t)(t->norm[to - 1].s - rg.src) + t->norm[to - 1].len + 1;
    if (adjacent)                      /* the lines one after another: one look for marks */
        rg.marks = has_marks(rg.src, span);
    if (adjacent && span <= GRID_COPY_MAX) {
        rg.copy = grid_alloc(g, span, 1);
        memcpy(rg.copy, rg.src, span);
    }
    if (g->layout == GRID_BLOCKS || g->layout == GRID_LINES) {
        (g->layout == GRID_BLOCKS ? build_blocks : build_lines)(g, &rg);
        return g;
    }
    if (g->layout == GRID_CSV) {
        build_csv(g, &rg, &csv);
        return g;
    }
    if (g->layout == GRID_PIPES && style == PIPES_BROKEN) {
        build_broken(g, &rg);
        return g;
    }
    /* A table drawn with borders begins with a rule; its rows are what
     * lies between two rules (merge_segment()).  seg: the first row since
     * the last rule of such a table, or -1 outside one. */
    int seg = -1, after_pipe = 0, block = -1;   /* block: a bordered table's first row */
    int segs = 0;                      /* its rows between rules so far (two: it rules its rows) */
    int after_rule = 0;
    spans sp;                          /* only what the rules read is ever looked at */
    sp.n = 0;
    borders bd;
    bd.sub = -1;
    bd.xs = NULL;
    bd.cap = 0;
    for (size_t i = from; i < to && g->nrows < GRID_MAX_ROWS; i++) {
        const gk_line *l = &t->norm[i];
        int line = (int)i + 1;
        unsigned f = facts[i - from];
        if (f & LINE_BLANK) {
            if (seg >= 0)
                end_bordered(t, g, seg, &bd, block, segs >= 2);
            seg = -1;
            after_pipe = 0;
            continue;
        }
        const char *s = l->s;
        size_t len = l->len;
        char sep = 0;                  /* none: cells are separated by spaces */
        /* pipe_separator() of the row from its first '|' or '+', or from
         * just after it (the same: it allows both), as detect() found it
         * for its pipe rows (LINE_RULE); -1: not known */
        int rule = f & LINE_PIPE ? (f & LINE_RULE) != 0 : -1;
        if (!(f & (LINE_PIPE | LINE_TAB))) {
            /* page text in a bordered table's indent, its top rule's too */
            const char *m = margin_end(l->s, l->len);
            if (m && (seg >= 0 || pipe_separator(m + 1))) {
                s = m;
                f |= LINE_PIPE;
            } else if ((f & LINE_INNER) && style == PIPES_INNER) {
                f |= LINE_PIPE;        /* "a | b |": its first cell from the line's start */
            }
        }
        if (f & LINE_PIPE) {
            const char *text = skip_spaces(l->s);
            /* rows without outer pipes: a '|' first is an empty first cell
             * (not in a bordered table, nor of a rule) */
            if (s == l->s && style == PIPES_INNER && seg < 0 && !(rule >= 0 ? rule : pipe_separator(text)))
                s = text;
            else
                s = (s == l->s ? text : s) + 1;
            len = l->len - (size_t)(s - l->s);
            len = trim_blanks_end(s, len);
            if (len && (s[len - 1] == '|' || s[len - 1] == '+'))
                len--;
            int partial = 0;
            if ((rule >= 0 ? rule : pipe_separator(s)) || (partial = seg >= 0 && partial_rule(s, len))) {
                int above = -1;
                if (seg >= 0) {
                    merge_segment(t, g, seg, segs >= 2);
                    segs += g->nrows > seg;
                    above = g->nrows == seg + 1 ? seg : -1;
                } else {
                    sp.n = 0;
                }
                if (seg >= 0 || !after_pipe) {
                    read_rule(g, &sp, above, s, len, partial);
                    if (seg < 0)
                        block = g->nrows;
                    seg = g->nrows;    /* a rule first: a bordered table */
                    if (borders_rule(g, &bd, &t->orig[i], after_rule))
                        segs = 0;      /* a table begins (a top corner, or a top right under a bottom) */
                }
                after_pipe = after_rule = 1;
                continue;
            }
            sep = '|';
        } else {
            if (seg >= 0)
                end_bordered(t, g, seg, &bd, block, segs >= 2);   /* the bordered table ended */
            seg = -1;
            if (f & LINE_TAB)
                sep = '\t';
        }
        after_pipe = (f & LINE_PIPE) != 0;
        after_rule = 0;
        if (sep == '\t' && t->row_marks && memchr(s, GK_ROW_MARK, len)) {
            marked_rows(g, &rg, i, s, len);
            continue;
        }
        grid_row *r = new_row(g);
        row_builder rb = line_builder(g, r, &rg, i);
        if (sep) {
            r->explicit = 1;
            split_on(&rb, s, len, sep);
        } else {
            split_spaces(&rb, s, len);
        }
        if (r->ncells == 0)
            r->line = line;
        if (seg >= 0) {
            borders_row(g, &bd, g->nrows - 1, &t->orig[i]);
            join_spans(g, &sp, r);
        }
    }
    if (seg >= 0)
        end_bordered(t, g, seg, &bd, block, segs >= 2);
    free(bd.xs);
    return g;
}

/* The count a cell holds when it is digits alone ("12", not "+1", "1.",
 * "3件"): what a row number or a column number is written as; else -1. */
static long bare_count(const grid_cell *c)
{
    if (c->num != NUM_VALUE || !c->is_int)
        return -1;
    long v = 0;
    const char *s = c->text;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (!is_digit(*s) || v > 99999)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

/* The first cell of row r holding anything, from cell k on; -1 if none. */
static int next_filled(const grid_row *r, int k)
{
    for (; k < r->ncells; k++)
        if (r->cells[k].text[0])
            return k;
    return -1;
}

/* A header of column numbers (a dataframe's columns 0, 1, 2 … written
 * above its rows): a row of `least` (four) or more bare counts going up by
 * one from 0 (one more from 1), from its first filled cell (at) on, and
 * nothing else but empty cells.  No row of a table's counts is so made (a
 * total would be the sum of the others; table 2's rows have three). */
static int column_numbers(const grid_row *r, int at, int least)
{
    int n = 0;
    long last = -1, first = 0;
    for (int k = at; k < r->ncells; k++) {
        if (!r->cells[k].text[0])
            continue;
        long v = bare_count(&r->cells[k]);
        if (v < 0 || (n > 0 && v != last + 1) || (n == 0 && v > 1))
            return 0;
        if (n == 0)
            first = v;
        n++, last = v;
    }
    return n >= least + (int)first;
}

/* Numbers a program wrote around a table's cells, which are none of its
 * cells (only rows a line each: tab, pipe, csv and space-separated rows):
 * - a header of column numbers (column_numbers()): the row is taken out;
 * - a row's number before its cells (a dataframe's index written with it,
 *   0, 1, 2 … down every row of the table, headers too; a table's 序号
 *   column): the row's first filled cell a bare count, one more than the
 *   last row's so numbered, in the same cell; lines between them holding
 *   text where the number would be (a label's end wrapped, a note) take no
 *   number.  Rows whose count is followed by text (a label, a header's
 *   name) say so: a run of three or more numbered rows, two of them so
 *   followed, is a column of row numbers — in a row whose empty cells are
 *   shown (tabs, pipes, csv) the cell is left empty, so that the columns
 *   keep their places; in a row of words the number is taken out.
 *   Numbers before numbers (a row read label-after: "0 3 5 … 本年新收")
 *   never say so: a column of counts going up by one down three rows of
 *   which two stand before a label is what a table's own cells do not make.
 *   Under a header of column numbers, rows numbered from 0 or 1 are so
 *   however few (a table cut by a page is written a dataframe a piece) when
 *   the header has an empty cell before its numbers (the index's; a header
 *   without it has no row numbers under it), or, in rows of words (whose
 *   empty cells are not seen), when each number stands before text. */
static void drop_numbering(grid *g)
{
    /* after a header of column numbers: HEAD_INDEX when an empty cell stands
     * before its numbers (to_csv's, to_markdown's index column: its rows are
     * numbered), HEAD_UNKNOWN in a row of words (its empty cells not shown) */
    enum { HEAD_NONE, HEAD_INDEX, HEAD_UNKNOWN };
    int head = HEAD_NONE;
    /* once such a header has stood over an index column (or over rows of
     * words), a program wrote the table: its pieces' headers too, however
     * few their columns (a sub-table of two, ",0,1" over "0,行政处罚,1130"
     * "1,行政强制,"), numbers from 0 with the index's cell empty before them
     * (or in rows of words) */
    int indexed = 0;
    for (int i = 0; i < g->nrows;) {
        grid_row *row = &g->rows[i];
        int at = next_filled(row, 0);
        long v = at >= 0 && row->cells[at].num == NUM_VALUE ? bare_count(&row->cells[at]) : -1;
        int under = head;
        head = HEAD_NONE;
        if (v < 0) {
            i++;
            continue;
        }
        if (v <= 1 && (column_numbers(row, at, 4) ||
                       (indexed && v == 0 && (at > 0 || !row->explicit) && column_numbers(row, at, 2)))) {
            row->ncells = 0;
            head = !row->explicit ? HEAD_UNKNOWN : at > 0 ? HEAD_INDEX : HEAD_NONE;
            indexed |= head != HEAD_NONE;
            g->program = 1;
            i++;
            continue;
        }
        int end = i + 1, counted = 0, said = 0;
        for (int j = i; j < g->nrows; j++) {
            const grid_row *r = &g->rows[j];
            int k = next_filled(r, 0);
            if (k < 0)
                break;
            if (r->cells[k].num == NUM_NONE)
                continue;              /* a line between */
            if (k != at || bare_count(&r->cells[k]) != v + counted)
                break;
            int after = next_filled(r, k + 1);
            said += after >= 0 && r->cells[after].num == NUM_NONE;
            counted++;
            end = j + 1;
        }
        /* under a header of column numbers the rows are numbered from 0 or 1
         * however few: in the header's index column, or each before text */
        int headed = v <= 1 && (under == HEAD_INDEX || (under == HEAD_UNKNOWN && said == counted));
        if ((counted >= 3 && said >= 2) || (headed && counted >= 1)) {
            for (int n = i; n < end; n++) {
                grid_row *r = &g->rows[n];
                if (next_filled(r, 0) != at || r->cells[at].num != NUM_VALUE)
                    continue;          /* a line between */
                if (r->explicit) {
                    grid_cell *c = &r->cells[at];
                    c->text += strlen(c->text);
                    c->len = 0;
                    c->num = NUM_BLANK;
                    c->value = 0;
                } else {
                    memmove(r->cells + at, r->cells + at + 1, (size_t)(r->ncells - at - 1) * sizeof *r->cells);
                    r->ncells--;
                }
            }
        }
        i = end;
    }
}

/* Cells a program wrote "NaN" or "None" into are empty cells: such a
 * program writes every cell of its grid, the empty ones so, and a row
 * holding one shows its empty cells as a tab row does (a dataframe's
 * to_string(): its columns padded with spaces, "NaN" where no value is). */
static void empty_null_words(grid *g)
{
    for (int i = 0; i < g->nrows; i++) {
        grid_row *r = &g->rows[i];
        for (int k = 0; k < r->ncells; k++) {
            grid_cell *c = &r->cells[k];
            if (c->num == NUM_BLANK && c->text[0] && null_word(c->text, strlen(c->text))) {
                c->text += strlen(c->text);
                c->len = 0;
                r->explicit = 1;
            }
        }
    }
}

/* Whether row `low`, on the line right under row `up` of a PDF's tab grid, is the
 * rest of that row: its cells no more than up's and two at least (a number alone is
 * as much a page's number),
 * one or two of them numbers, each where up's cell is empty, nothing else in them;
 * up holding three numbers or more.  Chromium prints a cell's "&nbsp;0&nbsp;" a line
 * lower than the row's other cells: the lines' cells keep their places. */
static int lower_cells(const grid_row *up, const grid_row *low)
{
    if (low->line != up->line + 1 || low->ncells > up->ncells || low->ncells < 2)
        return 0;
    int values = 0, moved = 0;
    for (int j = 0; j < up->ncells; j++)
        values += up->cells[j].num != NUM_NONE && up->cells[j].text[0];
    for (int j = 0; j < low->ncells; j++) {
        const grid_cell *c = &low->cells[j];
        if (!c->text[0])
            continue;
        if (c->num != NUM_VALUE || up->cells[j].text[0])
            return 0;
        moved++;
    }
    return values >= 3 && moved >= 1 && moved <= 2;
}

/* lower_cells() rows joined into the rows above them. */
static void join_lower_cells(grid *g)
{
    int out = 0;
    for (int i = 0; i < g->nrows; i++) {
        grid_row *r = &g->rows[i];
        if (out && lower_cells(&g->rows[out - 1], r)) {
            for (int j = 0; j < r->ncells; j++)
                if (r->cells[j].text[0])
                    g->rows[out - 1].cells[j] = r->cells[j];   /* its text, number and line */
            continue;
        }
        g->rows[out++] = *r;
    }
    g->nrows = out;
}

grid *grid_build(const gk_text *t, size_t from, size_t to)
{
    unsigned before = ocr_zeros_seen, nulls = null_words_seen;
    grid *g = build_cells(t, from, to);
    if (null_words_seen != nulls) {
        empty_null_words(g);
        g->program = 1;
    }
    if (g->layout != GRID_LINES && g->layout != GRID_BLOCKS)   /* a row a line */
        drop_numbering(g);
    if (t->page && g->layout == GRID_TABS)
        join_lower_cells(g);
    g->ocr_zeros = ocr_zeros_seen != before;
    return g;
}

void grid_free(grid *g)
{
    if (!g)
        return;
    grid_chunk *first = (grid_chunk *)((char *)g + GRID_HEAD);   /* freed with g */
    while (g->chunks) {
        grid_chunk *next = g->chunks->next;
        if (g->chunks != first)
            free(g->chunks);
        g->chunks = next;
    }
    spare_block_give(SPARE_GRID, g, GRID_BLOCK);
}
