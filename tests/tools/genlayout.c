/* genlayout.c — seeded layout variants of the sample reports, read back by the engine.
 *
 *   genlayout [--seed S] [--variants N] [--first K] [--dump DIR] [--dump-all DIR] [--show K] [--failures M]
 *             [--with FAMILY,...] [--without FAMILY,...] [--each] [--quiet] FILE...
 *
 * Every input report is parsed and checked by the engine; the final value of every
 * template cell is its truth (a cell missing in the original is written as 0).  A sample
 * whose sections 二 to 五 are not all found, or whose format is unknown, is skipped.
 *
 * Variant i (K .. K+N-1) depends only on (S, i): it takes sample i mod (usable samples)
 * and a random combination of layout transformations (one base layout: tab grid, one cell
 * per line with or without tabs, pipe table, pdftotext -layout runs of spaces, plain
 * pdftotext, or bordered; sub-modes of the layout; modifiers; conversion damage; an
 * encoding); it keeps the sample's lines up to section 二's heading, writes each of the
 * headings of 二, 三, 四 followed by a generated table holding the truth, and keeps the
 * sample's lines from section 五's heading on;
 * then it is encoded (UTF-8, GB18030 or UTF-16LE with BOM, sometimes CRLF).
 *
 * bordered (about one variant in seven) draws the tables as text
 * browsers and converters draw a web page's tables (w3m -dump, links -dump, pandoc grid
 * tables, tabulate's grid and fancy_grid): a rule above, between and below every row; light,
 * heavy, double, ASCII ('=' under the header or not) or double-rule-on-light-vertical
 * borders; cell text wrapped inside narrow columns (CJK two columns wide), padded with
 * spaces; numbers on the first line of their row or in its middle, left- or right-aligned;
 * group labels over several rows (centred, the rules inside the span blank in their
 * column), labels over two or three label columns; the table indented, sometimes with a
 * page's side navigation printed in the indent; in about one table 2 or 3 in four, data rows
 * whose first one or two numbers are 0 with those cells empty and merged into the label's
 * cell (merged_cells: a colspan, as pages made from Word have it; the label's box reaches
 * over their columns, the other numbers stay under their headers; an empty cell is a blank
 * one).  Its choices come from a random stream of their own (merged_cells from one of its
 * own too): without it, every variant is what it was before the family was added, and a
 * bordered variant without merged cells what it was before merged_cells was added.
 *
 * narrow_numbers (two bordered variants in five, own stream): the number columns as narrow
 * as a full-width character or their widest number's digits, as elinks and w3m draw a wide
 * table at 80 columns — the header's names down them a character or two a line, a number's
 * unit or mark wrapped under its digits ("１" over "（", "件", "）"; "12" over "件").
 *
 * extracted_pipes (about half of the pipe-table variants, from a stream of its own) writes
 * the tables as web-page text extractors write a page's tables: rows without outer pipes
 * ("a | b |"; a '|' first for an empty first cell; the last '|' there or not; a markdown
 * rule under the first row or none; rows padded to the widest or not), or each cell on a
 * line of its own after its '|' and a lone '|' ending the row (long cells' text broken over
 * two lines; an empty first cell an empty line).
 *
 * ragged_labels (about half of the tab-grid variants, own stream): a data row whose label
 * spans the label columns after it is written without their empty cells and with as many
 * after its numbers (a colspan copied by a converter that pads rows at their ends), and its
 * first number, when 0, as an empty cell: the table's rows end in different columns.
 *
 * distinct_values (about half of the variants, own stream): the tables hold values drawn at
 * random that add up (counts 0-9 in table 3's result rows and table 4's groups, the rest as
 * the equations make them, table 2's counts 0-60, amounts in 万元 such as 12.8 and 0.05),
 * kept only when the rules find no error: among the samples' zeros a number read one
 * column off reads as the right value.
 *
 * echoed_labels (about a third of the variants, own stream): a line outside a table
 * repeats one of its data rows' labels with a number — hidden text a text-mode browser
 * prints ("隐藏：…"), a caption or summary before the table, a note after it — and in a
 * third of those the row itself lost one of its numbers (in the layouts that do not keep
 * a grid).
 *
 * wrap_into_next (about half of the pdftotext -layout variants, own stream): some rows'
 * labels broken with their end printed on the next row's line after that row's label,
 * as w3m -dump prints a table without borders ("(七)" over its numbers, "总计" on the
 * line of "四、结转下年度继续办理").
 *
 * single_spaces (two in five of the pdftotext -layout variants, own stream): each run of
 * spaces in the tables one space and no indent, as a PDF viewer copies a table or
 * pdftotext -raw prints it: an empty cell leaves no trace, a wrapped label's end printed
 * after the next row's label (wrap_into_next) is one label cell with it.
 *
 * lost_headings (one variant in eight, own stream): the headings of sections 二, 三 and 四,
 * each in one of two, left out or numbered otherwise ("2.", "（三）", "四 ", "第四部分 ").
 *
 * label_colon (one variant in eight, own stream; not bordered nor column by column):
 * table 2's rows written as a list, the label, a colon and the row's first number in
 * one cell ("行政许可：15", "规章:3  0  3").
 *
 * column_order (one variant in ten, own stream; not with generic headers nor column by
 * column): table 3's five columns of 法人或其他组织 in another order, header and numbers
 * alike, or (half of them, not bordered) one of them left out of the table, header cell and
 * numbers (its cells lost, as lost_value loses one).
 *
 * ocr_zeros (about one variant in six, own stream): a quarter of the zeros written as text
 * recognition (OCR) of a scanned page gives them, the letter O or o, or the Chinese zero 〇.
 *
 * ocr_digits (about one variant in eight, own stream): about one value in twelve with one
 * of its digits written as a letter text recognition (OCR) gives for it — D, Q or U for 0,
 * l, I or i for 1, Z or z for 2, A for 4, S or s for 5, b or G for 6, T for 7, B for 8, g or
 * q for 9, O or o for a 0 beside other characters ("1O") — never read as a number, but
 * holding its place (a glued row keeps the digit: the run would not split).
 *
 * glued_headings (one variant in ten, own stream): the heading of section 三, 四 or 五
 * (each in one of two, written as the sample has it) run into the line before it when
 * that line, the table's last, ends in a digit: the last cell's number, then at once
 * "四、政府信息公开行政复议…" — as docx2txt ends a table's last cell without a line
 * break.
 *
 * csv_cells (one tab-grid variant in eight, own stream): the tables written as CSV, as a
 * spreadsheet exports them or a table is pasted with commas: commas instead of tabs; the
 * fields holding a comma or a quote quoted (a quote doubled), those and some others, every
 * one, or none (tabs replaced as `tr` does); a space after the commas or not; rows as they
 * are, padded with commas to the widest, with two more commas or without their empty cells
 * at the end; in half of the quoting variants counts of 1000 or more with thousands
 * separators ("1,130").
 *
 * dataframe (one tab-grid variant in ten, own stream; not with csv_cells nor label_colon,
 * nor where a row lost a number: padded, the loss would not show): the tables
 * as a dataframe library writes a table read from a web page: rows padded to the widest,
 * empty cells "NaN", "nan", "None" or empty, the rows numbered from 0 or 1 (headers too),
 * a line of column numbers above; as tab rows, csv, columns padded with spaces
 * (to_string) or a markdown table (to_markdown).
 *
 * list_rows (one tab-grid variant in twenty, own stream; not with csv_cells nor
 * dataframe): each table row printed as a list literal, Python's repr ("['规章', None,
 * '0']") or a JSON array (characters beyond ASCII as they are or \uXXXX escaped), empty
 * cells None / null or empty strings.
 *
 * html_tags (one tab-grid variant in twenty, own stream; not with csv_cells, dataframe,
 * list_rows): a web page's markup left in the tables — cells in inline tags with
 * attributes, labels broken by <br />, rows as <tr><td>… a line or pandoc's raw table
 * (a <td> a line).
 *
 * The variant is parsed in-process and every cell compared with what was written:
 *   right    read (extracted, blank or inferred) with the value written;
 *   flagged  missing and named by a finding, or inferred to another value with a
 *            CELL.INFERRED finding naming it where what was written was a blank marker
 *            or the tables written do not add up (the original's own error, or a cell
 *            missing in the original and written as 0, carried along);
 *   wrong    anything else: a value that differs from what the variant wrote, a missing
 *            cell no finding names, every cell when the format detected differs.
 * A cell whose number lost_value dropped is right only when inferred to its value,
 * flagged when missing and named (or inferred as above on tables that do not add up),
 * wrong otherwise (read from any other number, even an equal one).
 * Last line on stdout: "variants N, cells right N, flagged N, wrong N".  Exit 1 when any
 * cell is wrong.  On stderr (unless --quiet): the tallies per transformation.
 * --failures M: details of the first M variants with wrong cells (10).
 * --without F,... / --with F,...: the families named (bordered, lost_value, stray_value,
 * rows_joined, unit_suffix, label_numbering, column_major, extracted_pipes, ragged_labels,
 * distinct_values, echoed_labels, wrap_into_next, single_spaces, ocr_zeros, lost_headings,
 * label_colon, column_order, csv_cells, dataframe, list_rows, html_tags, ocr_digits, glued_headings,
 * narrow_numbers) are never / also
 * chosen;
 * lost_value and stray_value only with --with (the engine still reads some of their
 * cells wrong).  --each: one line per variant with its counts.
 * --show K: only variant K; its text (UTF-8, before encoding) on stdout, alone, its
 * comparison and the summary line on stderr.  --dump DIR: each variant with wrong cells, as encoded, to DIR/vNNNNN.txt;
 * --dump-all DIR: every variant. */
#include "pipeline.h"
#include "report.h"
#include "rules.h"
#include "template.h"

#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- buffers ----------------------------------------------------------------------------- */

typedef struct {
    char *p;
    size_t n, cap;
} buf;

static void die(const char *what)
{
    fprintf(stderr, "genlayout: %s\n", what);
    exit(2);
}

static void *gl_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void bgrow(buf *b, size_t more)
{
    if (b->n + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + more + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        die("out of memory");
    b->p = p;
    b->cap = cap;
}

static void bputn(buf *b, const char *s, size_t n)
{
    bgrow(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void bput(buf *b, const char *s)
{
    bputn(b, s, strlen(s));
}

static void bputc(buf *b, char c)
{
    bputn(b, &c, 1);
}

static void bspaces(buf *b, int n)
{
    for (int i = 0; i < n; i++)
        bputc(b, ' ');
}

__attribute__((format(printf, 2, 3))) static void bprintf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        die("format error");
    bputn(b, tmp, (size_t)n);
}

static char *gl_strdup(const char *s)
{
    size_t n = strlen(s);
    char *p = gl_malloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

/* ---- the random stream (splitmix64) ----------------------------------------------------- */

static uint64_t next64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static unsigned rn(uint64_t *s, unsigned n)
{
    return n ? (unsigned)(((next64(s) >> 32) * (uint64_t)n) >> 32) : 0;
}

static int pm(uint64_t *s, unsigned permille)
{
    return rn(s, 1000) < permille;
}

/* ---- transformations -------------------------------------------------------------------- */

enum {
    /* base layouts */
    X_TABS, X_CELL_PER_LINE_TAB, X_CELL_PER_LINE, X_PIPES, X_SPACES, X_PDFTOTEXT_PLAIN, X_BORDERED,
    /* sub-modes */
    X_BLANK_BETWEEN_CELLS, X_BLANK_BETWEEN_ROWS, X_PIPE_PER_GROUP, X_GENERIC_HEADERS, X_STRAY_HEADER,
    X_LABEL_AFTER, X_VERTICAL_GROUP, X_T4_INTERLEAVED,
    /* modifiers */
    X_HEADER_SPLIT, X_NOTE_SAME_LINE, X_WRAP_LABELS, X_NBSP, X_STRAY_SPACES, X_PAGE_BREAK,
    X_SPLIT_REPEAT_HEADER, X_LOST_LABEL, X_GLUED, X_THOUSANDS, X_FULLWIDTH, X_BLANK_MARKERS,
    X_GROUP_ROWS, X_ASCII_PUNCT, X_MERGED_CELLS,
    /* conversion damage and variation */
    X_LOST_VALUE, X_STRAY_VALUE, X_ROWS_JOINED, X_UNIT_SUFFIX, X_LABEL_NUMBERING, X_COLUMN_MAJOR,
    X_EXTRACTED_PIPES, X_RAGGED_LABELS, X_DISTINCT_VALUES, X_ECHOED_LABELS, X_WRAP_INTO_NEXT, X_SINGLE_SPACES,
    X_OCR_ZEROS, X_LOST_HEADINGS, X_LABEL_COLON, X_COLUMN_ORDER, X_CSV_CELLS, X_DATAFRAME, X_LIST_ROWS, X_HTML_TAGS,
    X_OCR_DIGITS, X_GLUED_HEADINGS, X_NARROW_NUMBERS,
    /* encodings */
    X_CRLF, X_BOM, X_GB18030, X_UTF16,
    NX
};

static const char *const XNAME[NX] = {
    "tabs", "cell_per_line_tab", "cell_per_line", "pipes", "spaces", "pdftotext_plain", "bordered",
    "blank_between_cells", "blank_between_rows", "pipe_per_group", "generic_headers", "stray_header",
    "label_after", "vertical_group", "t4_interleaved",
    "header_split", "note_same_line", "wrap_labels", "nbsp", "stray_spaces", "page_break",
    "split_repeat_header", "lost_label", "glued", "thousands", "fullwidth", "blank_markers",
    "group_rows", "ascii_punct", "merged_cells",
    "lost_value", "stray_value", "rows_joined", "unit_suffix", "label_numbering", "column_major",
    "extracted_pipes", "ragged_labels", "distinct_values", "echoed_labels", "wrap_into_next", "single_spaces", "ocr_zeros", "lost_headings", "label_colon", "column_order", "csv_cells", "dataframe", "list_rows", "html_tags", "ocr_digits", "glued_headings", "narrow_numbers", "crlf", "bom", "gb18030", "utf16",
};

#define HAS(v, x) (((v)->flags >> (x)) & 1ull)

/* ---- samples ------------------------------------------------------------------------------ */

typedef struct {
    const char *path;
    gk_report *r;
    double *truth;           /* per template cell */
    int inconsistent;        /* the truth's own tables do not add up (see truth_inconsistent) */
} sample;

/* ---- abstract tables ---------------------------------------------------------------------- */

enum { C_PAD, C_LABEL, C_GLABEL, C_HEAD, C_NUM, C_NOTE };
enum { R_HEAD, R_BLOCK, R_DATA, R_GROUP, R_STRAY };

typedef struct {
    char *s;
    int kind;
    int cell;        /* C_NUM: the template cell it holds; -1 a stray number */
} gcell;

typedef struct {
    gcell *c;
    int n, cap;
    int kind;
    int table;
    int wrap;        /* 0 none; 1 label broken with the numbers on its first line; 2 ... on its second */
    int glued;
    int lost;
    int label_after;
    int brk;         /* 0; 1 page break before; 2 page break and the header again */
    int newtab;      /* pipes: a new pipe table starts here */
    int joined;      /* printed on one line with the next row */
    int short_by;    /* pipes: cells lost without trace (the row is not padded for them) */
    int merged;      /* bordered: its first numbers (empty cells) are not cells, its label spans them */
    int wrapnext;    /* spaces: its last label's end printed on the next row's line (wrap_into_next) */
} grow;

typedef struct {
    grow *r;
    int n, cap;
} gtable;

static grow *row_add(gtable *t, int kind, int table)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 32;
        t->r = realloc(t->r, (size_t)t->cap * sizeof *t->r);
        if (!t->r)
            die("out of memory");
    }
    grow *g = &t->r[t->n++];
    memset(g, 0, sizeof *g);
    g->kind = kind;
    g->table = table;
    return g;
}

static void cell_add(grow *g, int kind, const char *s)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 8;
        g->c = realloc(g->c, (size_t)g->cap * sizeof *g->c);
        if (!g->c)
            die("out of memory");
    }
    g->c[g->n].s = gl_strdup(s ? s : "");
    g->c[g->n].kind = kind;
    g->c[g->n].cell = -1;
    g->n++;
}

static void table_free(gtable *t)
{
    for (int i = 0; i < t->n; i++) {
        for (int j = 0; j < t->r[i].n; j++)
            free(t->r[i].c[j].s);
        free(t->r[i].c);
    }
    free(t->r);
    t->r = NULL;
    t->n = t->cap = 0;
}

/* ---- a variant ---------------------------------------------------------------------------- */

/* bordered: the border sets (light, heavy, double, ASCII, double rules on light verticals) */
enum { BS_LIGHT, BS_HEAVY, BS_DOUBLE, BS_ASCII, BS_FANCY, BS_N };


typedef struct {
    uint64_t flags;
    uint64_t rs;                 /* random state */
    uint64_t rs2;                /* random state of the families added later (a variant without them
                                    draws from rs as it did before they were added) */
    uint64_t rs3;                /* random state of bordered: whether a variant is one, and its style */
    struct {
        int set;                 /* BS_LIGHT, BS_HEAVY, BS_DOUBLE, BS_ASCII, BS_FANCY */
        int head_rule;           /* ASCII: '=' in the rule under the header (a grid table) */
        int pad;                 /* spaces either side of a cell's text: 0 (w3m, links) or 1 (pandoc,
                                    tabulate) */
        int mid;                 /* numbers in the middle of their row (else on its first line) */
        int num_right;           /* numbers right-aligned */
        int head_centre;         /* header cells centred */
        int indent;              /* spaces before each line of a table */
        int margin;              /* a page's side navigation printed in the indent */
        int t3_note_row;         /* table 3's 勾稽 note on a row of its own (else over the label columns) */
        int t2_split;            /* table 2 as one table per block */
        int narrow;              /* narrow_numbers: number columns as narrow as their digits, a
                                    number's unit wrapped under it ("１" over "（件）", elinks at 80
                                    columns), header cells down them a character a line */
        uint64_t rs;             /* random state of merged_cells (a variant without them draws from
                                    rs3 what it drew before they were added) */
    } bd;
    struct {                     /* extracted_pipes: a pipe table as web-page text extractors write it */
        int style;               /* 0 markdown ("| a | b |"); EX_INNER "a | b |"; EX_BROKEN a cell a line */
        int trail;               /* EX_INNER: a '|' after the last cell */
        int rule;                /* EX_INNER: a "---|---|" rule under the first row */
        int pad;                 /* EX_INNER: rows padded with empty cells to the widest */
        int wrap;                /* EX_BROKEN: long cells' text broken over two lines */
    } ex;
    const sample *smp;
    const double *truth;         /* the values written: the sample's, or distinct_values' */
    int inconsistent;            /* they do not add up (the sample's own error) */
    double *own;                 /* distinct_values: the values drawn */
    const gk_template *tpl;
    int cpl_sep;                 /* cell_per_line: 0 none, 1 blank between rows, 2 between cells */
    const char *item_sep;        /* "1." / "1. " / "1、" */
    char **wtext;                /* what each template cell holds in the variant */
    unsigned char *blank;        /* written as a blank marker or an empty cell */
    unsigned char *lostcell;     /* lost_value: its number was dropped from the variant */
    int numstyle[3];             /* label_numbering: the style of each level (outer, middle, items) */
    int colmajor[3];             /* column_major: the table is written column by column */
    int t2_numbered;             /* label_numbering: table 2's rows numbered too */
    struct {                     /* echoed_labels, per table */
        int where;               /* 0 none, 1 before the table, 2 after it */
        int row;                 /* the data row whose label is echoed (index in t[]) */
        int style;               /* how the line is written (ECHO_STYLE) */
        int num;                 /* the number on it */
        int lose;                /* the row itself lost one of its numbers */
    } echo[3];
    uint64_t wrap_next_rs;       /* wrap_into_next's stream (0: left out) */
    uint64_t single_rs;          /* single_spaces' stream (0: left out) */
    uint64_t ocr_rs;             /* ocr_zeros' stream (0: not this variant) */
    uint64_t ocrd_rs;            /* ocr_digits' stream (0: not this variant) */
    int glue_heading[3];         /* glued_headings: the heading of 三, 四, 五 run into the line before */
    uint64_t colon_rs;           /* label_colon's stream (0: not this variant) */
    uint64_t order_rs;           /* column_order's stream (0: not this variant) */
    struct {                     /* csv_cells: the tables written as CSV */
        uint64_t rs;             /* its stream (0: not this variant) */
        int quote;               /* CSV_Q_*: which fields are quoted */
        int space;               /* a space after each comma */
        int trail;               /* CSV_T_*: what a row's empty cells at its end become */
        int thousands;           /* counts of 1000 or more written with thousands separators (quoted) */
    } csv;
    struct {                     /* dataframe: the tables as a dataframe library writes them */
        int style;               /* DF_*: tab rows, csv, padded columns (to_string), markdown */
        int index;               /* 0: no row numbers; 1: from 0; 2: from 1 */
        int header;              /* a line of column numbers first */
        const char *null;        /* what an empty cell is written as */
    } df;
    struct {                     /* list_rows: each row a list literal */
        int json;                /* 0: Python's repr; 1: JSON; 2: JSON with \\u escapes */
        int none;                /* an empty cell None / null rather than '' */
    } lr;
    struct {                     /* html_tags: tags a converter left */
        int rows;                /* 0: cells in inline tags only; 1: rows as <tr><td>…; 2: a <td> a line */
        uint64_t rs;             /* its stream */
    } ht;
    int heading_style[3];        /* lost_headings: how the headings of 二, 三, 四 are written (0 as
                                    the sample has them) */
    buf carry;                   /* wrap_into_next: the end of the last row's label, for the next row's line */
    int carry_col;               /* ... the display column it starts at */
    gtable t[3];
    int pageno;
    int tight_pages;             /* page_break, a cell a line without blank lines (own stream): the
                                    page's number alone last on it, then a form feed, no blank line
                                    (pdftohtml's pages read as a web page) */
    int n_blank, n_thousands, n_fullwidth, n_nbsp, n_stray, n_suffix, n_ocr, n_ocrd;
    buf text;                    /* the variant, UTF-8 */
} variant;

static void set(variant *v, int x)
{
    v->flags |= 1ull << x;
}

static int base_layout(const variant *v)
{
    for (int x = X_TABS; x <= X_BORDERED; x++)
        if (HAS(v, x))
            return x;
    return X_TABS;
}

/* Display width of UTF-8 text: ASCII and NBSP one column, the rest two. */
static int dwidth(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80)
            w++;
        else if ((*p & 0xC0) == 0xC0)
            w += (p[0] == 0xC2 && p[1] == 0xA0) ? 1 : 2;
    }
    return w;
}

/* Byte offset of the character boundary nearest the middle of s (at least one char each side). */
static size_t mid_split(const char *s)
{
    size_t n = strlen(s), nch = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            nch++;
    if (nch < 2)
        return 0;
    size_t want = nch / 2, k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (k == want)
                return i;
            k++;
        }
    return 0;
}

static void put_fullwidth_digits(buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            char fw[3] = {(char)0xEF, (char)0xBC, (char)(0x90 + (*s - '0'))};
            bputn(b, fw, 3);
        } else {
            bputc(b, *s);
        }
    }
}

/* The text a value cell holds. */
static char *value_text(variant *v, int cell, double val, gk_valkind kind, int layout)
{
    buf b = {0};
    uint64_t *s = &v->rs;
    if (val == 0 && HAS(v, X_BLANK_MARKERS) && pm(s, 120)) {
        static const char *const MARK[] = {"-", "—", "/", "无", ""};
        int nm = (layout == X_TABS || layout == X_PIPES || layout == X_BORDERED) ? 5 : 4;
        const char *m = MARK[rn(s, (unsigned)nm)];
        if (!*m && HAS(v, X_NBSP) && pm(s, 500))
            m = "\xC2\xA0";
        v->blank[cell] = 1;
        v->n_blank++;
        bput(&b, m);
        if (!b.p)
            bput(&b, "");
        return b.p;
    }
    char num[64], out[96];
    report_format_value(val, num, sizeof num);
    /* thousands separators on the integer part */
    const char *digits = num;
    size_t o = 0;
    if (*digits == '-')
        out[o++] = *digits++;
    else if (kind == GK_VAL_SIGNED && val > 0 && pm(s, 500))
        out[o++] = '+';
    size_t intlen = strcspn(digits, ".");
    int sep = HAS(v, X_THOUSANDS) && fabs(val) >= 1000;
    v->n_thousands += sep;
    for (size_t i = 0; digits[i]; i++) {
        out[o++] = digits[i];
        if (sep && i + 1 < intlen && (intlen - i - 1) % 3 == 0)
            out[o++] = ',';
    }
    out[o] = '\0';
    int nb = HAS(v, X_NBSP) && pm(s, 300);
    int sp = HAS(v, X_STRAY_SPACES) && pm(s, 150);
    v->n_nbsp += nb;
    v->n_stray += sp;
    if (nb && pm(s, 500))
        bput(&b, "\xC2\xA0");
    if (sp && pm(s, 500))
        bputc(&b, ' ');
    if (HAS(v, X_FULLWIDTH) && pm(s, 120)) {
        put_fullwidth_digits(&b, out);
        v->n_fullwidth++;
    } else
        bput(&b, out);
    if (sp && pm(s, 500))
        bputc(&b, ' ');
    if (nb && pm(s, 600))
        bput(&b, "\xC2\xA0");
    if (!b.p)
        bput(&b, "");
    return b.p;
}

/* A label as printed: numbering, ASCII punctuation, stray spaces inside short labels. */
static char *label_text(variant *v, const char *num, const char *label)
{
    buf b = {0};
    int ascii = HAS(v, X_ASCII_PUNCT);
    if (num && *num) {
        if (ascii && !strncmp(num, "（", 3)) {
            /* "（三）" → "(三) " */
            const char *end = strstr(num, "）");
            bputc(&b, '(');
            bputn(&b, num + 3, end ? (size_t)(end - num - 3) : 0);
            bput(&b, ") ");
        } else {
            bput(&b, num);
        }
    }
    if (HAS(v, X_STRAY_SPACES) && dwidth(label) <= 4 && pm(&v->rs, 300)) {
        /* "总 计" */
        size_t m = mid_split(label);
        bputn(&b, label, m);
        bputc(&b, ' ');
        bput(&b, label + m);
    } else if (ascii) {
        /* full-width parentheses and commas inside the label → ASCII */
        for (const char *p = label; *p;) {
            if (!strncmp(p, "（", 3)) {
                bput(&b, " (");
                p += 3;
            } else if (!strncmp(p, "）", 3)) {
                bput(&b, ") ");
                p += 3;
            } else if (!strncmp(p, "，", 3)) {
                bput(&b, ", ");
                p += 3;
            } else {
                bputc(&b, *p++);
            }
        }
    } else {
        bput(&b, label);
    }
    if (!b.p)
        bput(&b, "");
    return b.p;
}

static void cell_take(grow *g, int kind, char *s)
{
    cell_add(g, kind, s);
    free(s);
}

/* ---- building the three tables ------------------------------------------------------------ */

static const char *t2_block(const char *key)
{
    static const struct {
        const char *key, *block;
    } B[] = {{"rule", "第二十条第（一）项"}, {"license", "第二十条第（五）项"}, {"penalty", "第二十条第（六）项"},
             {"fee", "第二十条第（八）项"}, {"procurement", "第二十条第（九）项"}};
    for (size_t i = 0; i < sizeof B / sizeof B[0]; i++)
        if (!strcmp(B[i].key, key))
            return B[i].block;
    return NULL;
}

/* unit_suffix: a number with its unit or a mark ("6件", "3 件", "12*", "5①", "0（件）"). */
static char *with_suffix(variant *v, char *s)
{
    static const char *const SUF[] = {"件", " 件", "*", "①", "（件）", "项", "※"};
    const char *suf = SUF[rn(&v->rs2, sizeof SUF / sizeof SUF[0])];
    buf b = {0};
    bput(&b, s);
    /* after the number, before a trailing NBSP or space */
    size_t n = b.n;
    while (n && (b.p[n - 1] == ' ' || ((unsigned char)b.p[n - 1] == 0xA0 && n >= 2 &&
                                       (unsigned char)b.p[n - 2] == 0xC2)))
        n -= b.p[n - 1] == ' ' ? 1 : 2;
    buf o = {0};
    bputn(&o, b.p, n);
    bput(&o, suf);
    bput(&o, b.p + n);
    free(b.p);
    free(s);
    return o.p;
}

/* ocr_digits: the letters text recognition gives for digits, each standing for
 * one digit (OCR_DIGIT[k]: OCR_LETTER[k]); 'O' and 'o' (0) only beside other
 * characters (alone: ocr_zeros). */
static const char OCR_LETTER[] = "DQUlIiZzASsbGTBgqOo";
static const char OCR_DIGIT[] = "0001112245566789900";

/* One ASCII digit of s (chosen from stream rs) replaced by a letter text
 * recognition gives for it: 1 when s had one. */
static int ocr_digit(uint64_t *rs, char *s)
{
    int pos[64], n = 0;
    for (int k = 0; s[k] && n < 64; k++)
        if (s[k] >= '0' && s[k] <= '9')
            pos[n++] = k;
    if (!n)
        return 0;
    int at = pos[rn(rs, (unsigned)n)], choice[8], nc = 0;
    for (int k = 0; OCR_LETTER[k]; k++)
        if (OCR_DIGIT[k] == s[at] && ((OCR_LETTER[k] != 'O' && OCR_LETTER[k] != 'o') || n > 1) && nc < 8)
            choice[nc++] = k;
    if (!nc)
        return 0;                      /* 3 has none */
    s[at] = OCR_LETTER[choice[rn(rs, (unsigned)nc)]];
    return 1;
}

static void add_values(variant *v, grow *g, int table, int row, int layout)
{
    const gk_template *t = v->tpl;
    const gk_table_def *td = template_table(t, table);
    /* unit_suffix: some rows carry units or marks on some of their numbers */
    int suffixed = HAS(v, X_UNIT_SUFFIX) && pm(&v->rs2, table == 4 ? 500 : 250);
    for (int c = 0; c < td->rows[row].ncols; c++) {
        int i = template_cell_at(t, table, row, c);
        if (i < 0)
            die("template cell not found");
        char *s = value_text(v, i, v->truth[i], td->rows[row].cols[c].kind, layout);
        if (suffixed && !v->blank[i] && pm(&v->rs2, 600)) {
            s = with_suffix(v, s);
            v->n_suffix++;
        } else if (v->ocr_rs && v->truth[i] == 0 && !v->blank[i] && pm(&v->ocr_rs, 250)) {
            static const char *const ZERO[] = {"O", "o", "〇"};
            free(s);
            s = gl_strdup(ZERO[rn(&v->ocr_rs, 3)]);
            v->n_ocr++;
        } else if (v->ocrd_rs && !v->blank[i] && pm(&v->ocrd_rs, 80) && ocr_digit(&v->ocrd_rs, s)) {
            v->n_ocrd++;
        }
        v->wtext[i] = gl_strdup(s);
        cell_take(g, C_NUM, s);
        g->c[g->n - 1].cell = i;
    }
}

static void numbering(const variant *v, int level, int n, const char *dflt, char *out, size_t cap);

static void build_t2(variant *v, int layout)
{
    gtable *T = &v->t[0];
    const gk_table_def *td = template_table(v->tpl, 2);
    int item = 0;
    for (int r = 0; r < td->nrows; r++) {
        const char *blk = t2_block(td->rows[r].key);
        if (blk) {
            grow *g = row_add(T, R_BLOCK, 2);
            g->newtab = 1;
            cell_take(g, C_LABEL, label_text(v, NULL, blk));
            g = row_add(T, R_HEAD, 2);
            cell_add(g, C_HEAD, "信息内容");
            for (int c = 0; c < td->rows[r].ncols; c++)
                cell_add(g, C_HEAD, td->rows[r].cols[c].label);
        }
        grow *g = row_add(T, R_DATA, 2);
        char num[32] = "";
        item = blk ? 1 : item + 1;
        if (HAS(v, X_LABEL_NUMBERING) && v->t2_numbered)
            numbering(v, 2, item, "", num, sizeof num);
        cell_take(g, C_LABEL, label_text(v, num, td->rows[r].label));
        add_values(v, g, 2, r, layout);
    }
}

static const char *const CN_NUM[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/* label_numbering: the prefix of item n (from 1) at a level, in the variant's style for
 * that level; dflt (already formatted) without the family. */
static const char *const CIRCLED[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"};
#define NSTYLES 9

static void numbering(const variant *v, int level, int n, const char *dflt, char *out, size_t cap)
{
    if (!HAS(v, X_LABEL_NUMBERING) || n < 1 || n > 10) {
        snprintf(out, cap, "%s", dflt);
        return;
    }
    switch (v->numstyle[level]) {
    case 0: snprintf(out, cap, "（%s）", CN_NUM[n - 1]); break;
    case 1: snprintf(out, cap, "(%s)", CN_NUM[n - 1]); break;
    case 2: snprintf(out, cap, "%s、", CN_NUM[n - 1]); break;
    case 3: snprintf(out, cap, "%d.", n); break;
    case 4: snprintf(out, cap, "%d、", n); break;
    case 5: snprintf(out, cap, "(%d)", n); break;
    case 6: snprintf(out, cap, "%s", CIRCLED[n - 1]); break;
    case 7: snprintf(out, cap, "%d)", n); break;
    default: out[0] = '\0'; break;
    }
}

static const char *group_label(const char *key)
{
    int ng;
    const gk_group_def *gd = template_groups(&ng);
    for (int k = 0; k < ng; k++)
        if (!strcmp(gd[k].key, key))
            return gd[k].label;
    return key;
}

static void t3_headers(variant *v, gtable *T, int layout)
{
    static const char *const NOTE = "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)";
    if (HAS(v, X_GENERIC_HEADERS)) {
        grow *g = row_add(T, R_HEAD, 3);
        cell_add(g, C_HEAD, "项目");
        cell_add(g, C_PAD, "");
        for (int k = 1; k <= 7; k++) {
            char h[32];
            snprintf(h, sizeof h, "数据%d", k);
            cell_add(g, C_HEAD, h);
        }
        return;
    }
    int same = HAS(v, X_NOTE_SAME_LINE);
    if (!same) {
        grow *g = row_add(T, R_HEAD, 3);
        cell_add(g, C_NOTE, NOTE);
    }
    grow *g = row_add(T, R_HEAD, 3);
    if (same)
        cell_add(g, C_NOTE, NOTE);
    else if (layout == X_TABS || layout == X_PIPES)
        cell_add(g, C_PAD, "");
    cell_add(g, C_PAD, "");
    cell_add(g, C_HEAD, "申请人情况");
    for (int k = 0; k < 5; k++)
        cell_add(g, C_PAD, "");
    cell_add(g, C_HEAD, "总计");
    g = row_add(T, R_HEAD, 3);
    cell_add(g, C_PAD, "");
    cell_add(g, C_PAD, "");
    cell_add(g, C_HEAD, "自然人");
    cell_add(g, C_HEAD, "法人或其他组织");
    g = row_add(T, R_HEAD, 3);
    cell_add(g, C_PAD, "");
    cell_add(g, C_PAD, "");
    cell_add(g, C_PAD, "");
    static const char *const ORG[] = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
    for (int k = 0; k < 5; k++)
        cell_add(g, C_HEAD, ORG[k]);
}

static void build_t3(variant *v, int layout)
{
    gtable *T = &v->t[1];
    const gk_table_def *td = template_table(v->tpl, 3);
    t3_headers(v, T, layout);
    const char *prev_group = NULL;
    int item = 0, subgroup = 2; /* （一）（二） are granted/partial; groups start at （三） */
    int group_rows = HAS(v, X_GROUP_ROWS);
    for (int r = 0; r < td->nrows; r++) {
        const gk_row_def *rd = &td->rows[r];
        const char *grp = rd->group;
        int nin = 0;
        for (int k = 0; k < td->nrows; k++)
            if (grp && td->rows[k].group && !strcmp(td->rows[k].group, grp))
                nin++;
        char num[32];
        num[0] = '\0';
        char *glabel = NULL;   /* a group label printed before this row's label */
        int newgroup = grp && (!prev_group || strcmp(prev_group, grp) != 0);
        char dflt[32];
        if (!strcmp(rd->key, "new"))
            numbering(v, 0, 1, "一、", num, sizeof num);
        else if (!strcmp(rd->key, "carried_in"))
            numbering(v, 0, 2, "二、", num, sizeof num);
        else if (!strcmp(rd->key, "handled_total"))
            numbering(v, 1, 7, "（七）", num, sizeof num);
        else if (!strcmp(rd->key, "carried_out"))
            numbering(v, 0, 4, "四、", num, sizeof num);
        else if (grp && !strcmp(grp, "result")) {
            item++;
            snprintf(dflt, sizeof dflt, "（%s）", CN_NUM[item - 1]);
            numbering(v, 1, item, dflt, num, sizeof num);
            if (item == 1) {
                char gnum[32];
                numbering(v, 0, 3, "三、", gnum, sizeof gnum);
                glabel = label_text(v, gnum, group_label("result"));
            }
        } else if (grp && nin == 1) {
            /* 2019: （六）其他处理 is one row */
            subgroup++;
            snprintf(dflt, sizeof dflt, "（%s）", CN_NUM[subgroup - 1]);
            numbering(v, 1, subgroup, dflt, num, sizeof num);
        } else if (grp) {
            if (newgroup) {
                subgroup++;
                item = 0;
                char gnum[32];
                snprintf(dflt, sizeof dflt, "（%s）", CN_NUM[subgroup - 1]);
                numbering(v, 1, subgroup, dflt, gnum, sizeof gnum);
                glabel = label_text(v, gnum, group_label(grp));
            }
            item++;
            snprintf(dflt, sizeof dflt, "%d%s", item, v->item_sep);
            numbering(v, 2, item, dflt, num, sizeof num);
        }
        prev_group = grp;
        int inresult = grp != NULL;
        int inner = grp && strcmp(grp, "result") && nin > 1;
        if (glabel && group_rows) {
            grow *g = row_add(T, R_GROUP, 3);
            g->newtab = 1;
            if (inner && layout == X_TABS)
                cell_add(g, C_PAD, "");
            cell_take(g, C_GLABEL, glabel);
            glabel = NULL;
        }
        grow *g = row_add(T, R_DATA, 3);
        if (newgroup || !strcmp(rd->key, "handled_total"))
            g->newtab = !group_rows || !newgroup ? 1 : 0;
        /* label cells: [outer group] [inner group] label, PAD where the group was */
        if (!inresult) {
            cell_take(g, C_LABEL, label_text(v, num, rd->label));
            cell_add(g, C_PAD, "");
        } else if (!inner) {
            if (glabel && !strcmp(grp, "result"))
                cell_take(g, C_GLABEL, glabel);
            else {
                cell_add(g, C_PAD, "");
                free(glabel);
            }
            cell_take(g, C_LABEL, label_text(v, num, rd->label));
        } else {
            if (layout != X_PIPES)   /* pipe tables from converters keep two label columns */
                cell_add(g, C_PAD, "");
            if (glabel)
                cell_take(g, C_GLABEL, glabel);
            else
                cell_add(g, C_PAD, "");
            cell_take(g, C_LABEL, label_text(v, num, rd->label));
        }
        add_values(v, g, 3, r, layout);
    }
}

static void build_t4(variant *v, int layout)
{
    gtable *T = &v->t[2];
    const gk_table_def *td = template_table(v->tpl, 4);
    if (HAS(v, X_GENERIC_HEADERS)) {
        grow *g = row_add(T, R_HEAD, 4);
        for (int k = 1; k <= 15; k++) {
            char h[32];
            snprintf(h, sizeof h, "数据%d", k);
            cell_add(g, C_HEAD, h);
        }
    } else {
        grow *g = row_add(T, R_HEAD, 4);
        cell_add(g, C_HEAD, "行政复议");
        for (int k = 0; k < 4; k++)
            cell_add(g, C_PAD, "");
        cell_add(g, C_HEAD, "行政诉讼");
        g = row_add(T, R_HEAD, 4);
        for (int c = 0; c < 5; c++)
            cell_add(g, C_HEAD, td->rows[0].cols[c].label);
        cell_add(g, C_HEAD, "未经复议直接起诉");
        for (int k = 0; k < 4; k++)
            cell_add(g, C_PAD, "");
        cell_add(g, C_HEAD, "复议后起诉");
        g = row_add(T, R_HEAD, 4);
        for (int k = 0; k < 5; k++)
            cell_add(g, C_PAD, "");
        for (int grp = 1; grp < 3; grp++)
            for (int c = 0; c < 5; c++)
                cell_add(g, C_HEAD, td->rows[grp].cols[c].label);
    }
    grow *g = row_add(T, R_DATA, 4);
    for (int r = 0; r < td->nrows; r++)
        add_values(v, g, 4, r, layout);
}

/* ---- choosing the transformations ---------------------------------------------------------- */

static void choose(variant *v)
{
    uint64_t *s = &v->rs;
    int layout = X_TABS + (int)rn(s, 6);
    set(v, layout);
    switch (layout) {
    case X_CELL_PER_LINE:
        v->cpl_sep = (int)rn(s, 3);
        if (v->cpl_sep == 1)
            set(v, X_BLANK_BETWEEN_ROWS);
        if (v->cpl_sep == 2)
            set(v, X_BLANK_BETWEEN_CELLS);
        break;
    case X_PIPES:
        if (pm(s, 300))
            set(v, X_PIPE_PER_GROUP);
        if (pm(s, 250))
            set(v, X_GENERIC_HEADERS);
        break;
    case X_PDFTOTEXT_PLAIN:
        if (pm(s, 500))
            set(v, X_LABEL_AFTER);
        if (pm(s, 400))
            set(v, X_VERTICAL_GROUP);
        if (pm(s, 500))
            set(v, X_T4_INTERLEAVED);
        break;
    default:
        break;
    }
    if ((layout == X_TABS || layout == X_PIPES || layout == X_SPACES) && pm(s, 250))
        set(v, X_STRAY_HEADER);
    if (pm(s, 300))
        set(v, X_HEADER_SPLIT);
    if ((layout == X_TABS || layout == X_PIPES) && pm(s, 300))
        set(v, X_NOTE_SAME_LINE);
    if (layout != X_PIPES && pm(s, 300))
        set(v, X_WRAP_LABELS);
    if (pm(s, 250))
        set(v, X_NBSP);
    if (pm(s, 250))
        set(v, X_STRAY_SPACES);
    if (pm(s, 250))
        set(v, X_PAGE_BREAK);
    if (pm(s, 200))
        set(v, X_SPLIT_REPEAT_HEADER);
    if (pm(s, 150))
        set(v, X_LOST_LABEL);
    if (pm(s, 120))
        set(v, X_GLUED);
    if (pm(s, 300))
        set(v, X_THOUSANDS);
    if (pm(s, 250))
        set(v, X_FULLWIDTH);
    if (pm(s, 200))
        set(v, X_BLANK_MARKERS);
    if (pm(s, 300))
        set(v, X_GROUP_ROWS);
    if (pm(s, 300))
        set(v, X_ASCII_PUNCT);
    if (pm(s, 200))
        set(v, X_CRLF);
    unsigned e = rn(s, 100);
    if (e < 12)
        set(v, X_GB18030);
    else if (e < 20)
        set(v, X_UTF16);
    else if (e < 26)
        set(v, X_BOM);
    static const char *const SEP[] = {"1.", "1. ", "1、"};
    v->item_sep = SEP[rn(s, 3)] + 1;
    /* the families below draw from their own stream: a variant without them is
     * the same as before they were added */
    s = &v->rs2;
    if (pm(s, 150))
        set(v, X_LOST_VALUE);
    if (pm(s, 150))
        set(v, X_STRAY_VALUE);
    if (layout != X_PIPES && pm(s, 150))
        set(v, X_ROWS_JOINED);
    if (pm(s, 150))
        set(v, X_UNIT_SUFFIX);
    if (pm(s, 250)) {
        set(v, X_LABEL_NUMBERING);
        for (int k = 0; k < 3; k++)
            v->numstyle[k] = (int)rn(s, NSTYLES);
        v->t2_numbered = pm(s, 500);
    }
    if ((layout == X_CELL_PER_LINE || layout == X_CELL_PER_LINE_TAB || layout == X_PDFTOTEXT_PLAIN) && pm(s, 150)) {
        set(v, X_COLUMN_MAJOR);
        unsigned w = 1 + rn(s, 3);     /* table 2, table 3 or both */
        v->colmajor[0] = w & 1;
        v->colmajor[1] = (w >> 1) & 1;
    }
}

/* bordered, from its own stream: about one variant in seven has its tables drawn with borders
 * instead of the layout choose() drew; the other variants are what they were before the family
 * was added.  The layout's sub-modes and the modifiers a bordered table cannot show (a web page
 * has no pages, keeps its grid and its labels, writes no table column by column) are dropped. */
static void choose_bordered(variant *v)
{
    uint64_t *s = &v->rs3;
    v->bd.rs = *s ^ 0x3C6EF372FE94F82Bull;
    next64(&v->bd.rs);
    if (!pm(s, 150))
        return;
    static const int NOT[] = {X_TABS, X_CELL_PER_LINE_TAB, X_CELL_PER_LINE, X_PIPES, X_SPACES, X_PDFTOTEXT_PLAIN,
                              X_BLANK_BETWEEN_CELLS, X_BLANK_BETWEEN_ROWS, X_PIPE_PER_GROUP, X_GENERIC_HEADERS,
                              X_STRAY_HEADER, X_LABEL_AFTER, X_VERTICAL_GROUP, X_T4_INTERLEAVED, X_HEADER_SPLIT,
                              X_NOTE_SAME_LINE, X_WRAP_LABELS, X_PAGE_BREAK, X_SPLIT_REPEAT_HEADER, X_LOST_LABEL,
                              X_GLUED, X_LOST_VALUE, X_STRAY_VALUE, X_ROWS_JOINED, X_COLUMN_MAJOR};
    for (size_t k = 0; k < sizeof NOT / sizeof NOT[0]; k++)
        v->flags &= ~(1ull << NOT[k]);
    set(v, X_BORDERED);
    v->cpl_sep = 0;
    memset(v->colmajor, 0, sizeof v->colmajor);
    v->bd.set = (int)rn(s, BS_N);
    v->bd.head_rule = v->bd.set == BS_ASCII && pm(s, 500);
    v->bd.pad = pm(s, v->bd.set == BS_ASCII || v->bd.set == BS_FANCY ? 800 : 300);
    v->bd.mid = pm(s, 500);
    v->bd.num_right = pm(s, 300);
    v->bd.head_centre = pm(s, 400);
    static const int INDENT[] = {0, 0, 2, 4, 8, 8};
    v->bd.indent = INDENT[rn(s, sizeof INDENT / sizeof INDENT[0])];
    v->bd.margin = v->bd.indent == 8 && pm(s, 400);
    v->bd.t3_note_row = pm(s, 400);
    v->bd.t2_split = pm(s, 300);
}

static int first_num(const grow *g);

/* extracted_pipes, from its own stream (a variant without it is what it was before): about
 * half of the pipe-table variants have their tables written as web-page text extractors
 * write a page's tables: rows without outer pipes ("a | b |", a '|' first when the first
 * cell is empty, a '|' last or not, a markdown rule under the first row or none), or each
 * cell on a line of its own after its '|' with a lone '|' ending the row (cells holding
 * paragraphs: "主动公开信息数", "| 条", "| 01", "|"), long cells' text broken over two
 * lines, an empty first cell an empty line.  What a web page cannot show (pages, rows run
 * together, tables written by column) is dropped. */
enum { EX_INNER = 1, EX_BROKEN = 2 };

/* distinct_values, from its own stream (a variant without it is what it was before): in
 * about half of the variants the tables hold values drawn at random rather than the
 * sample's (mostly zeros, among which a number read one column off reads as the right
 * value): counts of 0 to 9 in the result rows of table 3 and the groups of table 4, the
 * rest as the equations of the template make them (row and group totals, the handled
 * total, carried out = new + carried in - handled), table 2's counts 0 to 60; amounts in
 * 万元 in most variants decimals (12.8, 0.05, 106.35), changes as the sample has them.
 * Kept only when the rules find the tables adding up. */
static int inconsistent(const gk_report *r);

static int cell_of(const gk_template *t, const char *row, const char *col)
{
    char id[64];
    snprintf(id, sizeof id, "%s.%s", row, col);
    return template_cell_index(t, id);
}

static void choose_values(variant *v, uint64_t rs6)
{
    uint64_t *s = &rs6;
    if (v->smp->inconsistent || !pm(s, 500))
        return;
    const gk_template *t = v->tpl;
    double *x = gl_malloc((size_t)t->ncells * sizeof *x);
    memcpy(x, v->smp->truth, (size_t)t->ncells * sizeof *x);
    static const double DEC[] = {0.5, 1.25, 12.8, 48.7, 0.05, 3, 106.35, 2.4};
    for (int i = 0; i < t->ncells; i++) {
        const gk_cell_def *c = &t->cells[i];
        if (c->coldef->kind == GK_VAL_DECIMAL && pm(s, 600))
            x[i] = DEC[rn(s, sizeof DEC / sizeof DEC[0])];   /* amounts in 万元 */
        if (c->coldef->kind != GK_VAL_COUNT)
            continue;
        if (c->table == 2)
            x[i] = pm(s, 300) ? 0 : (double)rn(s, 61);
        else
            x[i] = pm(s, 550) ? 0 : (double)(1 + rn(s, 9));
    }
    /* table 3: columns but the total; the rows named, the results all the others */
    const gk_table_def *t3 = template_table(t, 3);
    int ncol = t3->rows[0].ncols;
    for (int c = 0; c + 1 < ncol; c++) {
        const char *col = t3->rows[0].cols[c].key;
        int nw = -1, in = -1, ht = -1, out = -1;
        double handled = 0;
        for (int r = 0; r < t3->nrows; r++) {
            int k = t->first_cell[1][r] + c;
            const char *id = t->cells[k].id;
            if (strstr(id, "t3.new.") == id)
                nw = k;
            else if (strstr(id, "t3.carried_in.") == id)
                in = k;
            else if (strstr(id, "t3.handled_total.") == id)
                ht = k;
            else if (strstr(id, "t3.carried_out.") == id)
                out = k;
            else
                handled += x[k];
        }
        if (nw < 0 || in < 0 || ht < 0 || out < 0 || cell_of(t, "t3.new", col) != nw) {
            free(x);
            return;
        }
        x[ht] = handled;
        x[in] = pm(s, 500) ? 0 : (double)rn(s, 3);
        x[out] = pm(s, 500) ? 0 : (double)rn(s, 3);
        x[nw] = handled + x[out] - x[in];
        if (x[nw] < 0) {
            x[in] += x[nw];
            x[nw] = 0;
        }
    }
    /* row totals of tables 3 and 4: the last column */
    for (int tb = 3; tb <= 4; tb++) {
        const gk_table_def *td = template_table(t, tb);
        for (int r = 0; r < td->nrows; r++) {
            int k0 = t->first_cell[tb - 2][r], n = td->rows[r].ncols;
            if (n < 2 || strcmp(td->rows[r].cols[n - 1].key, "total"))
                continue;
            double sum = 0;
            for (int c = 0; c + 1 < n; c++)
                sum += x[k0 + c];
            x[k0 + n - 1] = sum;
        }
    }
    /* kept when the rules say the tables add up */
    char *why = NULL;
    gk_report *z = report_open(v->smp->path, &why);
    free(why);
    int ok = 0;
    if (z && z->tpl == t) {
        for (int i = 0; i < t->ncells; i++)
            report_correct(z, i, x[i]);
        rules_check(z);
        ok = !inconsistent(z);
    }
    report_free(z);
    if (!ok) {
        free(x);
        return;
    }
    set(v, X_DISTINCT_VALUES);
    v->own = x;
    v->truth = x;
}

/* ragged_labels, from its own stream (a variant without it is what it was before): in
 * about half of the tab-grid variants, a data row whose label spans the label columns
 * after it is written without their empty cells and with as many empty cells after its
 * numbers (a web page's colspan copied by a converter that pads every row to the table's
 * width): the rows of one table then end in different columns, rows with one label cell
 * one or two columns before the rows with three; such a row's first number, when 0, is
 * an empty cell. */
static void choose_ragged(variant *v, uint64_t rs5)
{
    uint64_t *s = &rs5;
    if (HAS(v, X_TABS) && pm(s, 500))
        set(v, X_RAGGED_LABELS);
}

/* echoed_labels, from its own stream (a variant without it is what it was before): in
 * about a third of the variants, a line outside a table repeats one of its data rows'
 * labels with a number — hidden text a text-mode browser prints ("隐藏：…"), a caption or a
 * summary line before the table, a note after it — and in a third of those the row itself
 * lost one of its numbers (a browser dropping an empty cell, a converter a lone digit).
 * Its numbers are the row's, or missing with a finding; never the echo's. */
static const char *const ECHO_STYLE[] = {"隐藏：%s %d", "%s %d", "%s：%d件", "%s\t%d", "注：%s为%d"};
#define ECHO_STYLES ((int)(sizeof ECHO_STYLE / sizeof ECHO_STYLE[0]))

static void choose_echo(variant *v, uint64_t rs7)
{
    uint64_t *s = &rs7;
    if (!pm(s, 330))
        return;
    for (int t = 0; t < 3; t++) {
        if (!pm(s, 600))
            continue;
        v->echo[t].where = pm(s, 800) ? 1 : 2;
        v->echo[t].row = pm(s, 500) ? -1 : (int)rn(s, 64);   /* -1: the first data row; else the k-th, wrapped */
        v->echo[t].style = (int)rn(s, ECHO_STYLES);
        v->echo[t].num = 1 + (int)rn(s, 99);
        v->echo[t].lose = pm(s, 330) ? 1 + (int)rn(s, 1000) : 0;   /* which number, 1-based, wrapped */
        set(v, X_ECHOED_LABELS);
    }
}

/* wrap_into_next, from its own stream (a variant without it is what it was before):
 * in about half of the pdftotext -layout variants, some data rows' labels are broken
 * with their end printed on the next row's line, in the label's column after the next
 * row's own label — as w3m -dump prints a table without borders whose label cells
 * wrap ("(七)" over its numbers, "总计" on the line of "四、结转下年度继续办理") —
 * and some group labels printed on the line of the middle row of their group, as
 * w3m centres a cell spanning rows. */
static void choose_wrap_next(variant *v, uint64_t rs8)
{
    uint64_t *s = &rs8;
    if (!HAS(v, X_SPACES) || !pm(s, 500))
        return;
    int any = 0;
    /* a group label spanning rows printed on the line of its middle row (w3m centres
     * a cell spanning rows), the other rows' label columns empty */
    for (int t = 0; t < 2; t++) {
        gtable *T = &v->t[t];
        for (int i = 0; i < T->n; i++) {
            grow *g = &T->r[i];
            int j = 0;
            while (j < g->n && g->c[j].kind != C_GLABEL)
                j++;
            if (g->kind != R_DATA || j == g->n || j >= first_num(g) || !pm(s, 500))
                continue;
            int n = 1;
            while (i + n < T->n && T->r[i + n].kind == R_DATA && j < T->r[i + n].n &&
                   T->r[i + n].c[j].kind == C_PAD && !T->r[i + n].c[j].s[0])
                n++;
            grow *m = &T->r[i + (n - 1) / 2];
            if (n < 3 || m->lost || m->glued || m->joined || m->label_after || m->wrap || g->lost)
                continue;
            gcell tmp = g->c[j];
            g->c[j] = m->c[j];
            m->c[j] = tmp;
            any = 1;
        }
    }
    for (int t = 0; t < 2; t++)
        for (int i = 0; i + 1 < v->t[t].n; i++) {
            grow *g = &v->t[t].r[i], *n = g + 1;
            if (g->kind != R_DATA || n->kind != R_DATA || g->glued || n->glued || g->lost || n->lost || g->wrap ||
                n->wrap || g->joined || g->label_after || n->label_after || n->brk || first_num(g) == 0 ||
                first_num(n) == 0 || !pm(s, 250))
                continue;
            int last = first_num(g) - 1;
            while (last >= 0 && g->c[last].kind != C_LABEL)
                last--;
            if (last < 0 || !mid_split(g->c[last].s))
                continue;
            g->wrapnext = 1;
            i++;                       /* the next row carries it: not wrapped itself */
            any = 1;
        }
    if (any)
        set(v, X_WRAP_INTO_NEXT);
}

static void choose_extracted(variant *v, uint64_t rs4)
{
    uint64_t *s = &rs4;
    if (!HAS(v, X_PIPES) || !pm(s, 500))
        return;
    static const int NOT[] = {X_PAGE_BREAK, X_SPLIT_REPEAT_HEADER, X_ROWS_JOINED, X_COLUMN_MAJOR, X_LOST_VALUE};
    for (size_t k = 0; k < sizeof NOT / sizeof NOT[0]; k++)
        v->flags &= ~(1ull << NOT[k]);
    memset(v->colmajor, 0, sizeof v->colmajor);
    set(v, X_EXTRACTED_PIPES);
    v->ex.style = pm(s, 500) ? EX_INNER : EX_BROKEN;
    v->ex.trail = pm(s, 750);
    v->ex.rule = pm(s, 250);
    v->ex.pad = pm(s, 500);
    v->ex.wrap = pm(s, 400);
}

static int is_data(const grow *g)
{
    return g->kind == R_DATA;
}

/* Cell j's number of row g lost (lost_value, echoed_labels): its template cell
 * marked; pdftotext -layout keeps the other numbers where they were (a gap), the
 * other layouts lose the cell. */
static void drop_number(variant *v, grow *g, int j, int layout)
{
    if (g->c[j].cell >= 0)
        v->lostcell[g->c[j].cell] = 1;
    free(g->c[j].s);
    if (layout == X_SPACES && !g->glued) {
        g->c[j].s = gl_strdup("");
        g->c[j].cell = -1;
    } else {
        memmove(&g->c[j], &g->c[j + 1], (size_t)(g->n - j - 1) * sizeof *g->c);
        g->n--;
        g->short_by++;
    }
}

/* lost_value, stray_value, rows_joined, column_major: from their own random stream. */
static void mark_damage(variant *v, int layout)
{
    uint64_t *s = &v->rs2;
    /* column_major: the rows of such a table keep only the modifiers that make sense
     * when labels and numbers are apart (wrapped labels) */
    if (HAS(v, X_COLUMN_MAJOR)) {
        for (int t = 0; t < 2; t++) {
            if (!v->colmajor[t])
                continue;
            gtable *T = &v->t[t];
            for (int i = 0; i < T->n; i++) {
                grow *g = &T->r[i];
                if (g->lost || g->glued || g->brk || g->label_after) {
                    g->lost = g->glued = g->brk = g->label_after = 0;
                }
                if (g->kind == R_STRAY) {     /* drop the stray header row */
                    for (int j = 0; j < g->n; j++)
                        free(g->c[j].s);
                    free(g->c);
                    memmove(g, g + 1, (size_t)(T->n - i - 1) * sizeof *g);
                    T->n--;
                    i--;
                }
            }
        }
        /* the flags of modifiers that no longer touch anything */
        static const int ROWX[] = {X_LOST_LABEL, X_GLUED, X_PAGE_BREAK, X_SPLIT_REPEAT_HEADER, X_LABEL_AFTER,
                                   X_STRAY_HEADER};
        for (size_t k = 0; k < sizeof ROWX / sizeof ROWX[0]; k++) {
            int x = ROWX[k], any = 0;
            if (!HAS(v, x))
                continue;
            for (int t = 0; t < 3; t++)
                for (int i = 0; i < v->t[t].n; i++) {
                    const grow *g = &v->t[t].r[i];
                    any |= x == X_LOST_LABEL ? g->lost
                         : x == X_GLUED ? g->glued
                         : x == X_PAGE_BREAK ? g->brk == 1
                         : x == X_SPLIT_REPEAT_HEADER ? g->brk == 2
                         : x == X_LABEL_AFTER ? g->label_after
                         : g->kind == R_STRAY;
                }
            if (!any)
                v->flags &= ~(1ull << x);
        }
    }
    /* rows a number may be lost from or added to: the data rows of tables 2 and 3, and
     * table 4's (not when its header words are interleaved with its numbers) */
    grow *cand[128], *lost_row = NULL;
    int nc = 0, nc2 = 0;               /* nc2: the first nc2 are table 2's */
    for (int t = 0; t < 3; t++) {
        if (t == 2 && layout == X_PDFTOTEXT_PLAIN && HAS(v, X_T4_INTERLEAVED) && !v->t[2].r[v->t[2].n - 1].glued)
            continue;
        for (int i = 0; i < v->t[t].n && nc < 128; i++)
            if (is_data(&v->t[t].r[i]) && first_num(&v->t[t].r[i]) < v->t[t].r[i].n)
                cand[nc++] = &v->t[t].r[i];
        if (t == 0)
            nc2 = nc;
    }
    if (HAS(v, X_LOST_VALUE) &&
        (layout == X_PIPES || v->csv.rs || HAS(v, X_DATAFRAME) || HAS(v, X_LIST_ROWS) || (HAS(v, X_HTML_TAGS) && v->ht.rows)))
        v->flags &= ~(1ull << X_LOST_VALUE);   /* a pipe table keeps its grid: a lost cell is an empty one,
                                                  which is a blank cell (blank_markers); so does a CSV
                                                  export, field for field, a dataframe, a list of a row's
                                                  cells, a web page's <td>s */
    if (HAS(v, X_LOST_VALUE)) {
        grow *g = nc ? cand[rn(s, (unsigned)nc)] : NULL;
        int fn = g ? first_num(g) : 0;
        if (!g || fn >= g->n) {
            v->flags &= ~(1ull << X_LOST_VALUE);
        } else {
            lost_row = g;
            drop_number(v, g, fn + (int)rn(s, (unsigned)(g->n - fn)), layout);
        }
    }
    if (HAS(v, X_STRAY_VALUE)) {
        static const char *const STRAY[] = {"1", "2", "3", "2023", "2022", "12", "15", "2021"};
        int k = nc ? (int)rn(s, (unsigned)nc) : 0;
        /* not beside the number lost in a row of table 2: no equation holds one of its
         * cells, so the row is one as written with another value, which no reader can
         * tell (the next row instead) */
        if (nc > 1 && cand[k] == lost_row && k < nc2)
            k = (k + 1) % nc;
        grow *g = nc ? cand[k] : NULL;
        if (!g) {
            v->flags &= ~(1ull << X_STRAY_VALUE);
        } else {
            int at = pm(s, 500) ? first_num(g) : g->n;   /* a footnote mark after the label, or a number at the end */
            cell_add(g, C_NUM, STRAY[rn(s, sizeof STRAY / sizeof STRAY[0])]);
            gcell x = g->c[g->n - 1];
            memmove(&g->c[at + 1], &g->c[at], (size_t)(g->n - 1 - at) * sizeof *g->c);
            g->c[at] = x;
        }
    }
    if (HAS(v, X_ROWS_JOINED)) {
        grow *pairs[64];
        int np = 0;
        for (int t = 0; t < 2; t++) {
            if (v->colmajor[t])
                continue;
            for (int i = 0; i + 1 < v->t[t].n && np < 64; i++) {
                grow *a = &v->t[t].r[i], *b = &v->t[t].r[i + 1];
                if (is_data(a) && is_data(b) && !a->glued && !b->glued && !a->wrap && !b->wrap && !a->lost &&
                    !b->lost && !a->label_after && !b->label_after && !b->brk && !a->joined)
                    pairs[np++] = a;
            }
        }
        int done = 0;
        for (int k = 0; k < 2 && np; k++) {
            grow *a = pairs[rn(s, (unsigned)np)];
            if (!a->joined && !(a + 1)->joined) {
                a->joined = 1;
                done = 1;
            }
        }
        if (!done)
            v->flags &= ~(1ull << X_ROWS_JOINED);
    }
}

/* Marks the rows the row-level modifiers touch; drops the flags that found nothing to touch. */
static void mark_rows(variant *v, int layout)
{
    uint64_t *s = &v->rs;
    /* data rows of tables 2 and 3 after the first of each */
    int cand[64][2], nc = 0;
    for (int t = 0; t < 2; t++) {
        int first = 1;
        for (int i = 0; i < v->t[t].n; i++)
            if (v->t[t].r[i].kind == R_DATA) {
                if (!first && nc < 64) {
                    cand[nc][0] = t;
                    cand[nc][1] = i;
                    nc++;
                }
                first = 0;
            }
    }
    if (HAS(v, X_LOST_LABEL) && nc) {
        int k = (int)rn(s, (unsigned)nc);
        v->t[cand[k][0]].r[cand[k][1]].lost = 1;
    }
    if (HAS(v, X_GLUED)) {
        int k = (int)rn(s, (unsigned)nc + 1);
        if (k == nc)
            v->t[2].r[v->t[2].n - 1].glued = 1;   /* table 4's data row */
        else
            v->t[cand[k][0]].r[cand[k][1]].glued = 1;
    }
    if (HAS(v, X_WRAP_LABELS)) {
        int any = 0;
        for (int t = 0; t < 2; t++)
            for (int i = 0; i < v->t[t].n; i++) {
                grow *g = &v->t[t].r[i];
                if (g->kind != R_DATA || g->glued || g->lost)
                    continue;
                for (int j = 0; j < g->n; j++)
                    if (g->c[j].kind == C_LABEL && dwidth(g->c[j].s) >= 24 && pm(s, 500)) {
                        g->wrap = 1 + (int)rn(s, 2);
                        any = 1;
                    }
            }
        if (!any)
            v->flags &= ~(1ull << X_WRAP_LABELS);
    }
    if (HAS(v, X_LABEL_AFTER)) {
        int any = 0;
        for (int t = 0; t < 2; t++)
            for (int i = 0; i < v->t[t].n; i++)
                if (v->t[t].r[i].kind == R_DATA && !v->t[t].r[i].glued && pm(s, 200))
                    v->t[t].r[i].label_after = any = 1;
        if (!any)
            v->flags &= ~(1ull << X_LABEL_AFTER);
    }
    for (int x = X_PAGE_BREAK; x <= X_SPLIT_REPEAT_HEADER; x++) {
        if (!HAS(v, x))
            continue;
        int t = (int)rn(s, 2);     /* table 2 or 3 */
        int k = 0, pick = -1;
        for (int i = 1; i < v->t[t].n; i++)
            if (v->t[t].r[i].kind == R_DATA && !v->t[t].r[i].brk && rn(s, (unsigned)++k) == 0)
                pick = i;
        if (pick < 0)
            v->flags &= ~(1ull << x);
        else
            v->t[t].r[pick].brk = x == X_PAGE_BREAK ? 1 : 2;
    }
    if (HAS(v, X_STRAY_HEADER)) {
        /* a header row again between two data rows of table 3 */
        gtable *T = &v->t[1];
        int k = 0, pick = -1;
        for (int i = 1; i < T->n; i++)
            if (T->r[i].kind == R_DATA && T->r[i - 1].kind == R_DATA && rn(s, (unsigned)++k) == 0)
                pick = i;
        if (pick < 0) {
            v->flags &= ~(1ull << X_STRAY_HEADER);
        } else {
            row_add(T, R_STRAY, 3);   /* may move T->r */
            memmove(&T->r[pick + 1], &T->r[pick], (size_t)(T->n - 1 - pick) * sizeof *T->r);
            grow *g = &T->r[pick];
            memset(g, 0, sizeof *g);
            g->kind = R_STRAY;
            g->table = 3;
            if (pm(s, 500)) {
                static const char *const H[] = {"项目", "本年新收件数", "上年结转", "办理结果", "结转下年度", "总计"};
                for (size_t j = 0; j < sizeof H / sizeof H[0]; j++)
                    cell_add(g, C_HEAD, H[j]);
            } else {
                static const char *const H[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
                cell_add(g, C_PAD, "");
                cell_add(g, C_PAD, "");
                for (size_t j = 0; j < sizeof H / sizeof H[0]; j++)
                    cell_add(g, C_HEAD, H[j]);
            }
        }
    }
    mark_damage(v, layout);
}

/* ---- rendering ------------------------------------------------------------------------------ */

static const char *title_text(const variant *v)
{
    const gk_report *r = v->smp->r;
    if (r->title_line > 0 && (size_t)r->title_line <= r->text->nlines)
        return r->text->orig[r->title_line - 1].s;
    return "政府信息公开工作年度报告";
}

static void page_break(variant *v, buf *o, int layout)
{
    uint64_t *s = &v->rs;
    int p = ++v->pageno + 2;
    char num[64];
    switch (rn(s, 4)) {
    case 0:
        snprintf(num, sizeof num, "- %d -", p);
        break;
    case 1:
        snprintf(num, sizeof num, "第%d页", p);
        break;
    case 2:
        snprintf(num, sizeof num, "%d/%d", p, p + 5);
        break;
    default:
        snprintf(num, sizeof num, "第 %d 页 共 %d 页", p, p + 5);
        break;
    }
    if (v->tight_pages) {
        bprintf(o, "%d\n\f", v->pageno);   /* numbered as its form feeds count the pages */
        if (pm(s, 700))
            bprintf(o, "%s\n", title_text(v));
        return;
    }
    const char *pre = layout == X_CELL_PER_LINE_TAB && pm(s, 300) ? "\t" : "";
    bput(o, "\n");
    if (layout == X_SPACES)
        bspaces(o, 40);
    bprintf(o, "%s%s\n\n", pre, num);
    if (pm(s, 300))
        bputc(o, '\f');
    if (pm(s, 700)) {
        if (layout == X_SPACES)
            bspaces(o, 20);
        bprintf(o, "%s%s\n\n", pre, title_text(v));
    }
}

static int first_num(const grow *g)
{
    for (int j = 0; j < g->n; j++)
        if (g->c[j].kind == C_NUM)
            return j;
    return g->n;
}

static const char *pad_text(const variant *v)
{
    return HAS(v, X_NBSP) ? "\xC2\xA0" : "";
}

/* A glued row: every non-empty cell with nothing between (a converter that strips
 * separators strips the spaces and NBSP around numbers too). */
static void put_glued(buf *o, const grow *g, int skip_label)
{
    for (int j = 0; j < g->n; j++) {
        if (g->c[j].kind == C_PAD || (skip_label && g->c[j].kind == C_LABEL))
            continue;
        if (g->c[j].kind != C_NUM) {
            bput(o, g->c[j].s);
            continue;
        }
        if (!strcmp(g->c[j].s, "O") || !strcmp(g->c[j].s, "o") || !strcmp(g->c[j].s, "〇")) {
            bputc(o, '0');             /* ocr_zeros: not in a run of glued digits */
            continue;
        }
        for (const char *p = g->c[j].s; *p; p++) {
            if (*p == ' ')
                continue;
            if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
                p++;
                continue;
            }
            const char *l = *p ? strchr(OCR_LETTER, *p) : NULL;
            bputc(o, l ? OCR_DIGIT[l - OCR_LETTER] : *p);   /* ocr_digits: the digit, glued */
        }
    }
}

/* Is cell j of g printed?  Lost labels print nothing. */
static const char *cell_s(const variant *v, const grow *g, int j)
{
    if (g->c[j].kind == C_PAD || (g->lost && g->c[j].kind == C_LABEL))
        return pad_text(v);
    return g->c[j].s;
}

static void put_split_head(buf *o, const char *s, const char *between)
{
    size_t m = dwidth(s) >= 8 ? mid_split(s) : 0;
    if (!m) {
        bput(o, s);
        return;
    }
    bputn(o, s, m);
    bput(o, between);
    bput(o, s + m);
}

/* ragged_labels: a data row whose label spans label columns after it (empty cells between
 * its label and its numbers) without them, as many empty cells after its numbers instead
 * (a converter that drops a spanned cell and pads the row to the table's width); its first
 * number left empty when it is 0 (then only the columns of the rows like it tell which
 * cell is empty). */
static void render_tabs_row(variant *v, buf *o, const grow *g);

/* Cell j as the variant prints it (cell_s(); header words split as the variant splits them). */
static void put_cell(variant *v, buf *o, const grow *g, int j)
{
    const char *s = cell_s(v, g, j);
    if (g->c[j].kind == C_HEAD && HAS(v, X_HEADER_SPLIT))
        put_split_head(o, s, " ");
    else
        bput(o, s);
}

/* The row with ragged_labels' changes, written as a tab row. */
static void render_ragged_row(variant *v, buf *o, const grow *g, int fn)
{
    static char empty[1];
    int last_label = -1, moved = 0;
    for (int j = 0; j < fn; j++)
        if (g->c[j].kind != C_PAD)
            last_label = j;
    grow r = *g;
    r.c = gl_malloc((size_t)(g->n + 1) * sizeof *r.c);
    r.n = 0;
    r.kind = R_BLOCK;                  /* written as it is now */
    for (int j = 0; j < g->n; j++) {
        if (j > last_label && j < fn && g->c[j].kind == C_PAD && last_label >= 0) {
            moved++;
            continue;
        }
        gcell c = g->c[j];
        if (j == fn && last_label >= 0 && c.kind == C_NUM && c.cell >= 0 && v->truth[c.cell] == 0) {
            v->blank[c.cell] = 1;      /* a 0 first among its numbers left empty: the rows' columns tell where */
            c.s = empty;
        }
        r.c[r.n++] = c;
    }
    for (int k = 0; k < moved; k++)
        r.c[r.n++] = (gcell){empty, C_PAD, -1};
    render_tabs_row(v, o, &r);
    free(r.c);
}

static void render_tabs_row(variant *v, buf *o, const grow *g)
{
    if (g->glued) {
        put_glued(o, g, 0);
        bputc(o, '\n');
        return;
    }
    int fn = first_num(g);
    if (HAS(v, X_RAGGED_LABELS) && g->kind == R_DATA && !g->lost && fn < g->n) {
        render_ragged_row(v, o, g, fn);
        return;
    }
    for (int j = 0; j < g->n; j++) {
        if (j)
            bputc(o, '\t');
        const char *s = cell_s(v, g, j);
        if (g->wrap && g->c[j].kind == C_LABEL && !g->lost) {
            size_t m = mid_split(s);
            bputn(o, s, m);
            if (g->wrap == 2) {
                bputc(o, '\n');
                bput(o, s + m);
            } else {
                /* the numbers on this line, the rest of the label on the next */
                for (int k = fn; k < g->n; k++) {
                    bputc(o, '\t');
                    bput(o, g->c[k].s);
                }
                bputc(o, '\n');
                bput(o, s + m);
                bputc(o, '\n');
                return;
            }
            continue;
        }
        put_cell(v, o, g, j);
    }
    bputc(o, '\n');
}

/* One cell per line.  tab: each line starts with a tab. */
static void render_cpl_row(variant *v, buf *o, const grow *g, int tab, int sep, int layout)
{
    const char *pre = tab ? "\t" : "";
    const char *between = sep == 2 ? "\n\n" : "\n";
    if (g->glued) {
        bput(o, pre);
        put_glued(o, g, 0);
        bputc(o, '\n');
        if (sep)
            bputc(o, '\n');
        return;
    }
    int fn = first_num(g);
    int order[64], no = 0;
    if (g->label_after) {
        for (int j = fn; j < g->n && no < 64; j++)
            order[no++] = j;
        for (int j = 0; j < fn && no < 64; j++)
            order[no++] = j;
    } else {
        for (int j = 0; j < g->n && no < 64; j++)
            order[no++] = j;
    }
    int printed = 0;
    for (int k = 0; k < no; k++) {
        int j = order[k];
        const gcell *c = &g->c[j];
        if (c->kind == C_PAD || (g->lost && c->kind == C_LABEL))
            continue;
        if (printed)
            bput(o, between);
        printed = 1;
        bput(o, pre);
        if (c->kind == C_GLABEL && HAS(v, X_VERTICAL_GROUP) && layout == X_PDFTOTEXT_PLAIN) {
            /* one character per line */
            const char *p = c->s;
            while (*p) {
                int n = 1;
                while (p[n] && ((unsigned char)p[n] & 0xC0) == 0x80)
                    n++;
                bputn(o, p, (size_t)n);
                p += n;
                if (*p)
                    bputc(o, '\n');
            }
        } else if (c->kind == C_LABEL && g->wrap) {
            size_t m = mid_split(c->s);
            bputn(o, c->s, m);
            bputc(o, '\n');
            bput(o, pre);
            bput(o, c->s + m);
        } else if ((c->kind == C_HEAD || c->kind == C_NOTE) && HAS(v, X_HEADER_SPLIT)) {
            char nl[4];
            snprintf(nl, sizeof nl, "\n%s", pre);
            put_split_head(o, c->s, nl);
        } else {
            bput(o, c->s);
        }
    }
    bputc(o, '\n');
    if (sep || tab)
        bputc(o, '\n');
}

static int pipe_cols(const gtable *T)
{
    int m = 0;
    for (int i = 0; i < T->n; i++)
        if (T->r[i].n > m)
            m = T->r[i].n;
    return m;
}

static void render_pipe_row(variant *v, buf *o, const grow *g, int ncols, int *open)
{
    bputc(o, '|');
    int n = 0;
    if (g->glued) {
        bputc(o, ' ');
        put_glued(o, g, 0);
        bput(o, " |");
        n = 1;
    } else {
        for (int j = 0; j < g->n; j++, n++) {
            bputc(o, ' ');
            put_cell(v, o, g, j);
            bput(o, " |");
        }
    }
    for (; n < ncols - g->short_by; n++)
        bput(o, "  |");
    bputc(o, '\n');
    if (!*open) {
        bputc(o, '|');
        for (int k = 0; k < ncols; k++)
            bput(o, "---|");
        bputc(o, '\n');
        *open = 1;
    }
}

/* extracted_pipes: a row "a | b |" (EX_INNER), or each cell on its own line after its '|'
 * and a lone '|' last (EX_BROKEN). */
static void render_extracted_row(variant *v, buf *o, const grow *g, int ncols, int *open)
{
    /* a row whose cells a converter ran together is one cell: no empty ones after it */
    int n = g->glued ? 1 : g->n, want = v->ex.pad && v->ex.trail && !g->glued ? ncols - g->short_by : n;
    if (v->ex.style == EX_INNER) {
        for (int j = 0; j < want; j++) {
            if (j)
                bput(o, " | ");
            if (g->glued && j == 0)
                put_glued(o, g, 0);
            else if (!g->glued && j < n)
                put_cell(v, o, g, j);
        }
        bput(o, v->ex.trail ? " |\n" : "\n");
        if (!*open && v->ex.rule) {
            for (int k = 0; k < want; k++)
                bput(o, k ? "|---" : "---");
            bput(o, "|\n");
        }
        *open = 1;
        return;
    }
    for (int j = 0; j < n; j++) {
        buf c = {0};
        if (g->glued)
            put_glued(&c, g, 0);
        else
            put_cell(v, &c, g, j);
        const char *t = c.p ? c.p : "";
        size_t m = v->ex.wrap && dwidth(t) >= 10 && g->c[j].kind != C_NUM ? mid_split(t) : 0;
        if (j)
            bput(o, *t ? "| " : "|");
        if (m) {
            bputn(o, t, m);
            bputc(o, '\n');
            bput(o, t + m);
        } else {
            bput(o, t);
        }
        bputc(o, '\n');
        free(c.p);
    }
    bput(o, "|\n");
    *open = 1;
}

/* pdftotext -layout: label area padded, numbers right-aligned in columns. */
static void render_spaces_row(variant *v, buf *o, const grow *g, int labw, int colw)
{
    int fn = first_num(g);
    if (g->glued) {
        put_glued(o, g, 0);
        bputc(o, '\n');
        return;
    }
    if (fn == g->n) {
        /* header or label-only row: cells joined by runs of spaces */
        int w = 0, lead = g->kind == R_HEAD || g->kind == R_STRAY;
        for (int j = 0; j < g->n; j++) {
            if (g->c[j].kind == C_PAD) {
                if (lead && w < labw) {
                    bspaces(o, colw);
                    w += colw;
                }
                continue;
            }
            if (w)
                bspaces(o, 3);
            if (g->c[j].kind == C_HEAD && HAS(v, X_HEADER_SPLIT))
                put_split_head(o, g->c[j].s, " ");
            else
                bput(o, g->c[j].s);
            w += dwidth(g->c[j].s) + 3;
        }
        bputc(o, '\n');
        return;
    }
    buf lab = {0}, rest = {0};
    int wrapped = 0, lastlab = fn - 1;
    while (lastlab >= 0 && g->c[lastlab].kind != C_LABEL)
        lastlab--;
    for (int j = 0; j < fn; j++) {
        const gcell *c = &g->c[j];
        if (c->kind == C_PAD) {
            bspaces(&lab, 4);
            continue;
        }
        if (g->lost && c->kind == C_LABEL)
            continue;
        if (lab.n && lab.p[lab.n - 1] != ' ')
            bspaces(&lab, 2);
        if (j == lastlab && g->wrapnext) {
            size_t m = mid_split(c->s);
            v->carry_col = dwidth(lab.p ? lab.p : "");
            v->carry.n = 0;
            bput(&v->carry, c->s + m);
            bputn(&lab, c->s, m);
        } else if (c->kind == C_LABEL && g->wrap) {
            size_t m = mid_split(c->s);
            int indent = dwidth(lab.p ? lab.p : "");
            bspaces(&rest, indent);
            bput(&rest, c->s + m);
            bputn(&lab, c->s, m);
            wrapped = 1;
        } else {
            bput(&lab, c->s);
        }
    }
    if (!g->wrapnext && v->carry.n) {  /* the end of the row above's label, in its column */
        int at = dwidth(lab.p ? lab.p : "");
        bspaces(&lab, v->carry_col > at + 2 ? v->carry_col - at : 2);
        bput(&lab, v->carry.p);
        v->carry.n = 0;
    }
    const char *ls = lab.p ? lab.p : "";
    bput(o, ls);
    int w = dwidth(ls);
    int pad = labw - w;
    if (pad < 2)
        pad = 2;
    bspaces(o, pad);
    for (int j = fn; j < g->n; j++) {
        int cw = dwidth(g->c[j].s);
        int p = colw - cw;
        if (p < 2 || j == fn)
            p = j == fn ? (colw - cw > 0 ? colw - cw : 0) : 2;
        bspaces(o, p);
        bput(o, g->c[j].s);
    }
    bputc(o, '\n');
    if (wrapped) {
        bput(o, rest.p);
        bputc(o, '\n');
    }
    free(lab.p);
    free(rest.p);
}

static void render_row(variant *v, buf *o, const grow *g, int layout, int labw, int colw, int ncols, int *open)
{
    switch (layout) {
    case X_TABS:
        render_tabs_row(v, o, g);
        break;
    case X_CELL_PER_LINE_TAB:
        render_cpl_row(v, o, g, 1, 1, layout);
        break;
    case X_CELL_PER_LINE:
        render_cpl_row(v, o, g, 0, v->cpl_sep, layout);
        break;
    case X_PDFTOTEXT_PLAIN:
        render_cpl_row(v, o, g, 0, 2, layout);
        break;
    case X_PIPES:
        if (v->ex.style)
            render_extracted_row(v, o, g, ncols, open);
        else
            render_pipe_row(v, o, g, ncols, open);
        break;
    default:
        render_spaces_row(v, o, g, labw, colw);
        break;
    }
}

/* Table 4 as plain pdftotext may give it: each header word followed by its number. */
static void render_t4_interleaved(variant *v, buf *o)
{
    const gk_table_def *td = template_table(v->tpl, 4);
    const grow *g = &v->t[2].r[v->t[2].n - 1];
    static const char *const GRP[] = {"行政复议", "未经复议直接起诉", "复议后起诉"};
    int k = 0;
    for (int grp = 0; grp < 3; grp++) {
        if (grp == 1)
            bput(o, "行政诉讼\n\n");
        bprintf(o, "%s\n\n", GRP[grp]);
        for (int c = 0; c < 5; c++, k++)
            bprintf(o, "%s\n\n%s\n\n", td->rows[grp].cols[c].label, g->c[k].s);
    }
}

/* column_major: each run of data rows written column by column, as some PDF extractors
 * give a table: the labels of the rows first, then the first number of each row, then
 * the second, ...  Header rows as they are. */
static void render_colmajor(variant *v, buf *o, const gtable *T, int layout, int labw, int colw, int ncols)
{
    int open = 0;
    for (int i = 0; i < T->n;) {
        const grow *g = &T->r[i];
        if (g->kind != R_DATA && g->kind != R_GROUP) {
            render_row(v, o, g, layout, labw, colw, ncols, &open);
            i++;
            continue;
        }
        int a = i, b = i;
        while (b < T->n && (T->r[b].kind == R_DATA || T->r[b].kind == R_GROUP))
            b++;
        int maxn = 0;
        for (int k = a; k < b; k++) {
            const grow *r = &T->r[k];
            grow lab = *r;             /* the label cells only */
            int fn = first_num(r);
            lab.n = fn;
            render_row(v, o, &lab, layout, labw, colw, ncols, &open);
            if (r->n - fn > maxn)
                maxn = r->n - fn;
        }
        for (int c = 0; c < maxn; c++)
            for (int k = a; k < b; k++) {
                const grow *r = &T->r[k];
                int fn = first_num(r);
                if (fn + c >= r->n)
                    continue;
                grow one = *r;
                one.c = &r->c[fn + c];
                one.n = 1;
                one.wrap = 0;
                render_row(v, o, &one, layout, labw, colw, ncols, &open);
            }
        i = b;
    }
}

/* ---- bordered: tables drawn with borders, as w3m -dump, links -dump, pandoc grid tables or
 * python's tabulate give a web page's tables ---------------------------------------------- */

/* The cells of one table on a grid: every cell has its row, column and spans. */
#define BG_MAXR 96
#define BG_MAXC 16

typedef struct {
    const char *s;
    int kind;                    /* C_NUM, C_LABEL, C_GLABEL, C_HEAD, C_NOTE; C_PAD an empty cell */
    int r, c, rs, cs;
} bcell;

typedef struct {
    bcell c[BG_MAXR * BG_MAXC];
    int n;
    int nrows, ncols, nlab;      /* nlab: the label columns (the rest hold numbers) */
    int own[BG_MAXR][BG_MAXC];   /* the cell covering each slot, -1 none yet */
    int head_end;                /* the first row after the header rows at the top */
} bgrid;

static void bg_init(bgrid *G, int ncols, int nlab)
{
    G->n = G->nrows = 0;
    G->ncols = ncols;
    G->nlab = nlab;
    G->head_end = 0;
    for (int r = 0; r < BG_MAXR; r++)
        for (int c = 0; c < BG_MAXC; c++)
            G->own[r][c] = -1;
}

static void bg_put(bgrid *G, const char *s, int kind, int r, int c, int rs, int cs)
{
    if (r + rs > BG_MAXR || c + cs > G->ncols || G->n >= BG_MAXR * BG_MAXC)
        die("bordered: table too large");
    bcell *b = &G->c[G->n];
    b->s = s ? s : "";
    b->kind = kind;
    b->r = r;
    b->c = c;
    b->rs = rs;
    b->cs = cs;
    for (int y = r; y < r + rs; y++)
        for (int x = c; x < c + cs; x++)
            G->own[y][x] = G->n;
    G->n++;
    if (r + rs > G->nrows)
        G->nrows = r + rs;
}

/* Grows cell k by one column, or by one row. */
static void bg_widen(bgrid *G, int k)
{
    bcell *b = &G->c[k];
    for (int y = b->r; y < b->r + b->rs; y++)
        G->own[y][b->c + b->cs] = k;
    b->cs++;
}

static void bg_deepen(bgrid *G, int k)
{
    bcell *b = &G->c[k];
    for (int x = b->c; x < b->c + b->cs; x++)
        G->own[b->r + b->rs][x] = k;
    b->rs++;
    if (b->r + b->rs > G->nrows)
        G->nrows = b->r + b->rs;
}

/* One row of the gtable's cells as a row of the grid, read the way the other layouts write
 * a merged cell: a C_PAD after a cell belongs to that cell (a column span), a C_PAD before
 * the row's first cell to the cell above it when that cell is one column wide (a row span),
 * otherwise it is an empty cell; the row's last cell spans to the last column. */
static void bg_row(bgrid *G, const gcell *c, int n)
{
    int r = G->nrows, x = 0, last = -1;
    if (r >= BG_MAXR)
        die("bordered: table too long");
    for (int j = 0; j < n && x < G->ncols; j++) {
        while (x < G->ncols && G->own[r][x] >= 0)
            x++;                 /* covered by a row span from above (not made here) */
        if (x >= G->ncols)
            break;
        if (c[j].kind == C_PAD) {
            int up = r ? G->own[r - 1][x] : -1;
            if (last >= 0) {
                bg_widen(G, last);
            } else if (up >= 0 && G->c[up].c == x && G->c[up].cs == 1 && G->c[up].r + G->c[up].rs == r) {
                bg_deepen(G, up);
            } else {
                bg_put(G, "", C_PAD, r, x, 1, 1);
                last = G->n - 1;
            }
            x++;
            continue;
        }
        bg_put(G, c[j].s, c[j].kind, r, x, 1, 1);
        last = G->n - 1;
        x++;
    }
    if (last >= 0)
        while (x < G->ncols && G->own[r][x] < 0) {
            bg_widen(G, last);
            x++;
        }
    if (G->nrows <= r)
        G->nrows = r + 1;
}

/* merged_cells, from the family's own stream: in about one table in four (2 and 3), some data
 * rows whose first one or two numbers are 0 leave them empty, and the page made those empty
 * cells part of the label's cell (a colspan, as pages made from Word have it): the label's box
 * reaches over their columns, the other numbers stay under their headers.  An empty cell is a
 * blank one (blank_markers): right when read as 0, flagged when missing and named. */
static void bd_merge(variant *v)
{
    uint64_t *s = &v->bd.rs;
    for (int t = 0; t < 2; t++) {
        if (!pm(s, 250))
            continue;
        gtable *T = &v->t[t];
        for (int i = 0; i < T->n; i++) {
            grow *g = &T->r[i];
            if (g->kind != R_DATA || !pm(s, 350))
                continue;
            int fn = first_num(g), k = 1 + (int)rn(s, 2), z = 0;
            while (z < k && fn + z + 1 < g->n && g->c[fn + z].cell >= 0 && v->truth[g->c[fn + z].cell] == 0)
                z++;               /* a zero, and a number after it */
            if (fn == 0 || !z)
                continue;
            for (int j = fn; j < fn + z; j++) {
                int c = g->c[j].cell;
                free(g->c[j].s);
                g->c[j].s = gl_strdup("");
                free(v->wtext[c]);
                v->wtext[c] = gl_strdup("");
                v->blank[c] = 1;
            }
            g->merged = z;
            set(v, X_MERGED_CELLS);
        }
    }
}

/* Cell j of g as a cell of the grid: the empty numbers merged_cells joined to the label are
 * C_PAD after it (the label's column span). */
static gcell bg_cell(const grow *g, int j)
{
    int fn = first_num(g);
    return j >= fn && j < fn + g->merged ? (gcell){"", C_PAD, -1} : g->c[j];
}

/* Table 3's header rows as government tables draw them: the 勾稽 note over the label
 * columns (or on a row of its own over the whole table), 申请人情况 over six columns,
 * 总计 down three rows, 自然人 down two, 法人或其他组织 over the five kinds. */
static void bg_t3_header(variant *v, bgrid *G, const gtable *T, int *next)
{
    const char *h[10];
    int nh = 0, i = 0;
    for (; i < T->n && T->r[i].kind == R_HEAD; i++)
        for (int j = 0; j < T->r[i].n; j++)
            if (T->r[i].c[j].kind != C_PAD && nh < 10)
                h[nh++] = T->r[i].c[j].s;
    *next = i;
    if (nh != 10)
        die("bordered: table 3's header is not the one expected");
    int r = 0;
    if (v->bd.t3_note_row) {
        bg_put(G, h[0], C_NOTE, 0, 0, 1, G->ncols);
        bg_put(G, "", C_PAD, 1, 0, 3, 3);
        r = 1;
    } else {
        bg_put(G, h[0], C_NOTE, 0, 0, 3, 3);
    }
    bg_put(G, h[1], C_HEAD, r, 3, 1, 6);
    bg_put(G, h[2], C_HEAD, r, 9, 3, 1);
    bg_put(G, h[3], C_HEAD, r + 1, 3, 2, 1);
    bg_put(G, h[4], C_HEAD, r + 1, 4, 1, 5);
    for (int k = 0; k < 5; k++)
        bg_put(G, h[5 + k], C_HEAD, r + 2, 4 + k, 1, 1);
    G->head_end = G->nrows;
}

/* The grid of rows from .. to - 1 of table ti (all of table 3). */
static void bg_build(variant *v, bgrid *G, int ti, int from, int to)
{
    const gtable *T = &v->t[ti];
    if (ti != 1) {
        int ncols = 0;
        for (int i = from; i < to; i++)
            if (T->r[i].n > ncols)
                ncols = T->r[i].n;
        bg_init(G, ncols, ti == 0);
        for (int i = from; i < to; i++) {
            const grow *g = &T->r[i];
            gcell row[BG_MAXC];
            if (g->n > BG_MAXC)
                die("bordered: row too wide");
            for (int j = 0; j < g->n; j++)
                row[j] = bg_cell(g, j);
            if (!G->head_end && g->kind == R_DATA)
                G->head_end = G->nrows;
            bg_row(G, row, g->n);
        }
        return;
    }
    /* table 3: three label columns (group, subgroup, item); a row's label spans the
     * columns its groups leave free */
    bg_init(G, 3 + 7, 3);
    int i;
    bg_t3_header(v, G, T, &i);
    for (; i < T->n; i++) {
        const grow *g = &T->r[i];
        int fn = first_num(g);
        gcell row[3 + 16];
        int n = 0;
        for (int j = 0; j < fn && n < 3; j++)
            row[n++] = g->c[j];
        if (fn == 2 && g->c[1].kind != C_PAD) {
            /* [group, label]: the label over the item column too */
            row[2] = (gcell){"", C_PAD, -1};
            n = 3;
        }
        while (n < 3 && n > 0)
            row[n++] = (gcell){"", C_PAD, -1};
        for (int j = fn; j < g->n && n < 3 + 16; j++)
            row[n++] = bg_cell(g, j);
        if (g->kind == R_GROUP)
            n = 1;               /* a group label on a row of its own: over the whole table */
        bg_row(G, row, n);
    }
}

/* UTF-8 character at s: its length in bytes; *w its display width (as dwidth counts). */
static int u8_char(const char *s, int *w)
{
    const unsigned char *p = (const unsigned char *)s;
    int n = 1;
    while (p[n] && (p[n] & 0xC0) == 0x80)
        n++;
    *w = p[0] < 0x80 || (p[0] == 0xC2 && p[1] == 0xA0) ? 1 : 2;
    return n;
}

/* The lines of text s wrapped to width w (a character at a time, as a browser breaks CJK
 * text; a line break eats the spaces after it).  Returns the number of lines; starts and
 * lengths in st[] and ln[] (up to max). */
static int bd_wrap(const char *s, int w, int *st, int *ln, int max)
{
    int n = 0;
    const char *p = s;
    while (*p && n < max) {
        if (n)
            while (*p == ' ')
                p++;
        if (!*p)
            break;
        const char *a = p;
        int used = 0;
        while (*p) {
            int cw, cl = u8_char(p, &cw);
            if (used + cw > w && used > 0)
                break;
            used += cw;
            p += cl;
        }
        st[n] = (int)(a - s);
        ln[n] = (int)(p - a);
        n++;
    }
    return n;
}

/* Junctions in the order of the arms ┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼, then the horizontal line; by the
 * style of the rule's line: light, heavy, double, double rules on light verticals (tabulate's
 * fancy_grid), ASCII, ASCII with '=' (a grid table's rule under the header). */
static const char *const BD_JUNC[6][10] = {
    {"┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "─"},
    {"┏", "┓", "┗", "┛", "┣", "┫", "┳", "┻", "╋", "━"},
    {"╔", "╗", "╚", "╝", "╠", "╣", "╦", "╩", "╬", "═"},
    {"╒", "╕", "╘", "╛", "╞", "╡", "╤", "╧", "╪", "═"},
    {"+", "+", "+", "+", "+", "+", "+", "+", "+", "-"},
    {"+", "+", "+", "+", "+", "+", "+", "+", "+", "="},
};
enum { BJ_LIGHT, BJ_HEAVY, BJ_DOUBLE, BJ_FANCY, BJ_ASCII, BJ_ASCII_EQ };
enum { ARM_U = 1, ARM_D = 2, ARM_L = 4, ARM_R = 8 };

static const char *bd_vertical(int set)
{
    return set == BS_HEAVY ? "┃" : set == BS_DOUBLE ? "║" : set == BS_ASCII ? "|" : "│";
}

/* The style of the rule above row r (r == nrows: the bottom rule). */
static int bd_rule_style(const variant *v, const bgrid *G, int r)
{
    int head = G->head_end > 0 && r == G->head_end && r < G->nrows;
    int outer = r == 0 || r == G->nrows;
    switch (v->bd.set) {
    case BS_HEAVY: return BJ_HEAVY;
    case BS_DOUBLE: return BJ_DOUBLE;
    case BS_ASCII: return head && v->bd.head_rule ? BJ_ASCII_EQ : BJ_ASCII;
    case BS_FANCY: return head || outer ? BJ_FANCY : BJ_LIGHT;
    default: return BJ_LIGHT;
    }
}

static const char *bd_junction(int style, int arms)
{
    static const int ORDER[] = {ARM_D | ARM_R, ARM_D | ARM_L, ARM_U | ARM_R, ARM_U | ARM_L, ARM_U | ARM_D | ARM_R,
                                ARM_U | ARM_D | ARM_L, ARM_D | ARM_L | ARM_R, ARM_U | ARM_L | ARM_R, 15};
    for (int k = 0; k < 9; k++)
        if (arms == ORDER[k])
            return BD_JUNC[style][k];
    return BD_JUNC[style][9];
}

/* Display width of the text between a cell's borders. */
static int bd_span_width(const variant *v, const int *w, int c, int cs)
{
    int t = 0;
    for (int x = c; x < c + cs; x++)
        t += w[x] + 2 * v->bd.pad;
    return t + cs - 1 - 2 * v->bd.pad;
}

#define BD_MAXL 32

/* narrow_numbers: the width of a number's digits, its unit or mark after them left out
 * ("12（件）": 2; "１５": 4), at least 2; a blank marker ("-", "无") whole. */
static int digits_width(const char *s)
{
    int w = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        if ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',')
            w++, p++;
        else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
            w += 2, p += 3;
        else
            break;
    }
    return !w ? dwidth(s) : w < 2 ? 2 : w;
}

static void bd_draw(variant *v, buf *o, const bgrid *g, int ti)
{
    uint64_t *s = &v->rs3;
    /* column widths: label columns narrow enough to wrap long labels over 2-4 lines,
     * number columns as wide as their widest number at least (a number never wraps) */
    int w[BG_MAXC];
    static const int LABW[3][2] = {{4, 7}, {6, 9}, {14, 17}};   /* table 3's: least width, choices */
    for (int x = 0; x < g->ncols; x++) {
        if (x < g->nlab)
            w[x] = ti == 0 ? 8 + (int)rn(s, 7) : LABW[x][0] + (int)rn(s, (unsigned)LABW[x][1]);
        else
            w[x] = 4 + (int)rn(s, 5);
    }
    if (v->bd.narrow)                  /* narrow_numbers: as narrow as a full-width character */
        for (int x = g->nlab; x < g->ncols; x++)
            w[x] = 2;
    for (int k = 0; k < g->n; k++) {
        const bcell *b = &g->c[k];
        int need = b->kind != C_NUM ? 2 : v->bd.narrow ? digits_width(b->s) : dwidth(b->s);
        int have = bd_span_width(v, w, b->c, b->cs);
        if (have < need)
            w[b->c + b->cs - 1] += need - have;
    }
    /* row heights: every cell's wrapped text fits; a row span's text may use the rules
     * inside it */
    int h[BG_MAXR];
    static int nl[BG_MAXR * BG_MAXC], st[BG_MAXR * BG_MAXC][BD_MAXL], ln[BG_MAXR * BG_MAXC][BD_MAXL];
    for (int r = 0; r < g->nrows; r++)
        h[r] = 1;
    for (int k = 0; k < g->n; k++) {
        const bcell *b = &g->c[k];
        nl[k] = bd_wrap(b->s, bd_span_width(v, w, b->c, b->cs), st[k], ln[k], BD_MAXL);
        if (b->rs == 1 && nl[k] > h[b->r])
            h[b->r] = nl[k];
    }
    for (int k = 0; k < g->n; k++) {
        const bcell *b = &g->c[k];
        if (b->rs == 1)
            continue;
        int have = b->rs - 1;
        for (int r = b->r; r < b->r + b->rs; r++)
            have += h[r];
        if (have < nl[k])
            h[b->r + b->rs - 1] += nl[k] - have;
    }
    /* positions: the border left of column x at xs[x], the rule above row r on line ys[r] */
    int xs[BG_MAXC + 1], ys[BG_MAXR + 1];
    xs[0] = 0;
    for (int x = 0; x < g->ncols; x++)
        xs[x + 1] = xs[x] + w[x] + 2 * v->bd.pad + 1;
    ys[0] = 0;
    for (int r = 0; r < g->nrows; r++)
        ys[r + 1] = ys[r] + h[r] + 1;
    int X = xs[g->ncols] + 1, Y = ys[g->nrows] + 1;
    /* the canvas: per slot the border's arms, and what else it shows: SLOT_SPACE, the
     * right half of a wide character, or the offset of its character in chars; the style
     * of each line's rule (-1 not a rule) */
    enum { SLOT_SPACE = -1, SLOT_WIDE = -2 };
    size_t nslot = (size_t)X * (size_t)Y;
    unsigned char *arm = calloc(nslot, 1);
    long *slot = gl_malloc(nslot * sizeof *slot);
    int *rstyle = gl_malloc((size_t)Y * sizeof *rstyle);
    if (!arm)
        die("out of memory");
    for (size_t k = 0; k < nslot; k++)
        slot[k] = SLOT_SPACE;
    for (int y = 0; y < Y; y++)
        rstyle[y] = -1;
    for (int r = 0; r <= g->nrows; r++)
        rstyle[ys[r]] = bd_rule_style(v, g, r);
    for (int k = 0; k < g->n; k++) {
        const bcell *b = &g->c[k];
        int x0 = xs[b->c], x1 = xs[b->c + b->cs], y0 = ys[b->r], y1 = ys[b->r + b->rs];
        for (int x = x0; x < x1; x++) {
            arm[y0 * X + x] |= ARM_R;
            arm[y0 * X + x + 1] |= ARM_L;
            arm[y1 * X + x] |= ARM_R;
            arm[y1 * X + x + 1] |= ARM_L;
        }
        for (int y = y0; y < y1; y++) {
            arm[y * X + x0] |= ARM_D;
            arm[(y + 1) * X + x0] |= ARM_U;
            arm[y * X + x1] |= ARM_D;
            arm[(y + 1) * X + x1] |= ARM_U;
        }
    }
    /* the texts: numbers on the first line or in the middle, left or right; a cell over
     * several rows in its middle; header cells centred when the variant centres them */
    buf chars = {0};             /* every character written, each NUL-terminated */
    for (int k = 0; k < g->n; k++) {
        const bcell *b = &g->c[k];
        int head = b->kind == C_HEAD || b->kind == C_NOTE;
        int x0 = xs[b->c] + 1 + v->bd.pad, y0 = ys[b->r] + 1;
        int tw = bd_span_width(v, w, b->c, b->cs), th = ys[b->r + b->rs] - y0;
        int mid = b->rs > 1 || (b->kind == C_NUM && v->bd.mid) || (head && v->bd.head_centre);
        int top = mid ? (th - nl[k]) / 2 : 0;
        for (int l = 0; l < nl[k]; l++) {
            const char *p = b->s + st[k][l], *e = p + ln[k][l];
            int lw = 0;
            for (const char *q = p; q < e;) {
                int cw;
                q += u8_char(q, &cw);
                lw += cw;
            }
            int left = b->kind == C_NUM && v->bd.num_right ? tw - lw : head && v->bd.head_centre ? (tw - lw) / 2 : 0;
            int x = x0 + left, y = y0 + top + l;
            while (p < e) {
                int cw, cl = u8_char(p, &cw);
                slot[y * X + x] = (long)chars.n;
                bputn(&chars, p, (size_t)cl);
                bputc(&chars, '\0');
                if (cw == 2)
                    slot[y * X + x + 1] = SLOT_WIDE;
                x += cw;
                p += cl;
            }
        }
    }
    /* margin text: a site's side navigation printed in the indent, a character a line */
    static const char *const NAV[] = {"机构概况", "政策文件", "政务动态", "公开指南", "依申请公开", "政府信息公开年报"};
    int nav_from = v->bd.margin && pm(s, 600) ? (int)rn(s, (unsigned)Y) : Y;
    const char *navw = NAV[rn(s, sizeof NAV / sizeof NAV[0])], *navp = navw;
    for (int y = 0; y < Y; y++) {
        if (y >= nav_from && *navp) {
            int cw, cl = u8_char(navp, &cw);
            bput(o, navp == navw ? "  • " : "    ");
            bputn(o, navp, (size_t)cl);
            bspaces(o, v->bd.indent - 4 - cw);
            navp += cl;
            if (!*navp && pm(s, 500))
                navw = navp = NAV[rn(s, sizeof NAV / sizeof NAV[0])];
        } else {
            bspaces(o, v->bd.indent);
        }
        for (int x = 0; x < X; x++) {
            int a = arm[y * X + x];
            long c = slot[y * X + x];
            if (a && (rstyle[y] < 0 || a == (ARM_U | ARM_D) || a == ARM_U || a == ARM_D))
                bput(o, bd_vertical(v->bd.set));
            else if (a)
                bput(o, bd_junction(rstyle[y], a));
            else if (c >= 0)
                bput(o, chars.p + c);
            else if (c == SLOT_SPACE)
                bputc(o, ' ');
        }
        bputc(o, '\n');
    }
    free(arm);
    free(slot);
    free(rstyle);
    free(chars.p);
}

static void render_bordered(variant *v, buf *o, int ti)
{
    static bgrid G;
    const gtable *T = &v->t[ti];
    if (ti == 0 && v->bd.t2_split) {
        /* table 2 as one table per 第二十条 block, as many pages have it */
        for (int i = 0; i < T->n;) {
            int j = i + 1;
            while (j < T->n && T->r[j].kind != R_BLOCK)
                j++;
            bg_build(v, &G, ti, i, j);
            bd_draw(v, o, &G, ti);
            if (j < T->n)
                bputc(o, '\n');
            i = j;
        }
        return;
    }
    bg_build(v, &G, ti, 0, T->n);
    bd_draw(v, o, &G, ti);
}

static void render_table(variant *v, buf *o, int ti, int layout)
{
    if (layout == X_BORDERED) {
        render_bordered(v, o, ti);
        return;
    }
    gtable *T = &v->t[ti];
    int labw = 0, colw = ti == 2 ? 6 : ti == 0 ? 12 : 8, ncols = pipe_cols(T), open = 0;
    for (int i = 0; i < T->n; i++) {
        const grow *g = &T->r[i];
        int fn = first_num(g), w = 0;
        if (fn == g->n)
            continue;
        for (int j = 0; j < fn; j++)
            w += g->c[j].kind == C_PAD ? 4 : dwidth(g->c[j].s) + 2;
        if (w > labw)
            labw = w;
    }
    labw += 4;
    if (layout == X_PDFTOTEXT_PLAIN && ti == 2 && HAS(v, X_T4_INTERLEAVED) && !T->r[T->n - 1].glued) {
        render_t4_interleaved(v, o);
        return;
    }
    if (v->colmajor[ti]) {
        render_colmajor(v, o, T, layout, labw, colw, ncols);
        return;
    }
    int last_head = -1;
    for (int i = 0; i < T->n; i++) {
        const grow *g = &T->r[i];
        if (g->joined && i + 1 < T->n) {
            /* rows_joined: this row and the next on one line */
            buf one = {0};
            render_row(v, &one, g, layout, labw, colw, ncols, &open);
            while (one.n && (one.p[one.n - 1] == '\n'))
                one.p[--one.n] = '\0';
            bput(o, one.p ? one.p : "");
            bput(o, layout == X_TABS ? "\t" : layout == X_SPACES ? "    " : "  ");
            free(one.p);
            continue;
        }
        if (g->brk) {
            if (layout == X_PIPES && open) {
                open = 0;
            }
            page_break(v, o, layout);
            if (g->brk == 2) {
                if (ti == 0 && last_head >= 0)
                    render_row(v, o, &T->r[last_head], layout, labw, colw, ncols, &open);
                else if (ti != 0)
                    for (int h = 0; h < T->n && T->r[h].kind == R_HEAD; h++)
                        render_row(v, o, &T->r[h], layout, labw, colw, ncols, &open);
            }
        } else if (layout == X_PIPES && g->newtab && HAS(v, X_PIPE_PER_GROUP) && open) {
            bputc(o, '\n');
            open = 0;
        }
        if (g->kind == R_HEAD)
            last_head = i;
        render_row(v, o, g, layout, labw, colw, ncols, &open);
    }
}

/* echoed_labels: which row each echo repeats, its label, and the number the row lost. */
static void place_echo(variant *v, int layout)
{
    for (int t = 0; t < 3; t++) {
        if (!v->echo[t].where)
            continue;
        gtable *T = &v->t[t];
        int cand[128], nc = 0;
        for (int i = 0; i < T->n && nc < 128; i++) {
            const grow *g = &T->r[i];
            int fn = first_num(g), lab = 0;
            for (int j = 0; j < fn; j++)
                lab |= (g->c[j].kind == C_LABEL || g->c[j].kind == C_GLABEL) && g->c[j].s[0];
            if (g->kind == R_DATA && !g->lost && lab && fn < g->n)
                cand[nc++] = i;
        }
        if (!nc) {
            v->echo[t].where = 0;
            continue;
        }
        int i = v->echo[t].row < 0 ? cand[0] : cand[v->echo[t].row % nc];
        v->echo[t].row = i;
        grow *g = &T->r[i];
        int fn = first_num(g);
        int plain = layout == X_TABS || layout == X_SPACES || layout == X_CELL_PER_LINE ||
                    layout == X_CELL_PER_LINE_TAB || layout == X_PDFTOTEXT_PLAIN;
        if (t == 2 && layout == X_PDFTOTEXT_PLAIN && HAS(v, X_T4_INTERLEAVED))
            plain = 0;
        if (!v->echo[t].lose || !plain || v->colmajor[t] || g->glued || g->joined || g->n - fn < 2) {
            v->echo[t].lose = 0;
            continue;
        }
        int j = fn + (v->echo[t].lose - 1) % (g->n - fn);
        if (g->c[j].kind != C_NUM) {
            v->echo[t].lose = 0;
            continue;
        }
        drop_number(v, g, j, layout);
    }
}

/* The echo line of table t's row. */
static void put_echo(const variant *v, buf *o, int t)
{
    const grow *g = &v->t[t].r[v->echo[t].row];
    buf lab = {0};
    for (int j = 0; j < g->n && g->c[j].kind != C_NUM; j++)
        if (g->c[j].kind == C_LABEL || g->c[j].kind == C_GLABEL)
            bput(&lab, g->c[j].s);
    bprintf(o, ECHO_STYLE[v->echo[t].style], lab.p ? lab.p : "", v->echo[t].num);
    bputc(o, '\n');
    free(lab.p);
}

static void put_line(buf *o, const gk_line *l)
{
    bputn(o, l->s, l->len);
    bputc(o, '\n');
}

/* label_colon: table 2's rows written as a list, "行政许可：15" — a row's first
 * number after its label and a colon in one cell (some rows, when a number,
 * not a blank marker, comes first). */
static void label_colon(variant *v)
{
    uint64_t *s = &v->colon_rs;
    gtable *T = &v->t[0];
    int any = 0;
    for (int i = 0; i < T->n; i++) {
        grow *g = &T->r[i];
        int j = first_num(g), lab = j - 1;
        while (lab >= 0 && g->c[lab].kind != C_LABEL)
            lab--;
        if (g->kind != R_DATA || j >= g->n || lab < 0 || g->glued || g->lost || g->label_after || g->wrap ||
            g->wrapnext || g->joined || g->c[j].cell < 0 || v->blank[g->c[j].cell] || !pm(s, 600))
            continue;
        const char *num = g->c[j].s;
        while (*num == ' ')
            num++;
        if (*num < '0' || *num > '9')
            continue;                  /* a blank marker, an O, NBSP first: as it was */
        buf b = {0};
        bprintf(&b, "%s%s%s", g->c[lab].s, pm(s, 500) ? "：" : ":", num);
        free(g->c[lab].s);
        g->c[lab].s = b.p;
        free(g->c[j].s);
        for (int k = lab + 1; k < j; k++)  /* the empty cells between them go too */
            free(g->c[k].s);
        memmove(&g->c[lab + 1], &g->c[j + 1], (size_t)(g->n - j - 1) * sizeof *g->c);
        g->n -= j - lab;
        any = 1;
    }
    if (any)
        set(v, X_LABEL_COLON);
}

/* glued_headings: the text so far ends without its line breaks (and the spaces
 * before them) when its last line ends in a digit (ASCII or full-width): what comes
 * next, a heading, runs into it.  Returns whether it did. */
static int glue_to_last_line(buf *o)
{
    size_t n = o->n;
    while (n > 0 && (o->p[n - 1] == '\n' || o->p[n - 1] == ' ' || o->p[n - 1] == '\t'))
        n--;
    int digit = n > 0 && o->p[n - 1] >= '0' && o->p[n - 1] <= '9';
    digit |= n >= 3 && (unsigned char)o->p[n - 3] == 0xEF && (unsigned char)o->p[n - 2] == 0xBC &&
             (unsigned char)o->p[n - 1] >= 0x90 && (unsigned char)o->p[n - 1] <= 0x99;   /* ０-９ */
    if (!digit)
        return 0;
    o->n = n;
    o->p[n] = '\0';
    return 1;
}

/* The heading of section 二, 三 or 四 (k 0-2) as lost_headings writes it: as the
 * sample has it; left out (a heading that was an image, or lost with the page's
 * styles); numbered otherwise ("2.", "（三）", "四 " without its 、, "第四部分 ");
 * run into the line before it. */
static void put_heading(variant *v, buf *o, int k, const gk_line *l)
{
    static const char *const CN[] = {"二", "三", "四"}, *const DIG[] = {"2", "3", "4"};
    const char *words = memmem(l->s, l->len < 15 ? l->len : 15, "、", 3);
    words = words ? words + 3 : NULL;  /* the heading's words after "二、" */
    int wn = words ? (int)(l->len - (size_t)(words - l->s)) : 0;
    static const char *const FORM[] = {"%s.", "（%s）", "%s ", "第%s部分 "};   /* styles 2 to 5 */
    int st = v->heading_style[k];
    if (st == 1)
        return;                        /* no heading, no line */
    if (st == 0 || !words) {
        put_line(o, l);
        return;
    }
    bprintf(o, FORM[st - 2], st == 2 ? DIG[k] : CN[k]);
    bprintf(o, "%.*s\n", wn, words);
}

/* single_spaces: the table's text from `from` on as a PDF viewer copies it or
 * pdftotext -raw prints it: each run of spaces one space, no indent (an empty
 * cell leaves no trace). */
static void single_spaced(buf *o, size_t from)
{
    size_t w = from;
    for (size_t i = from; i < o->n; i++) {
        char c = o->p[i];
        if (c == ' ' && (w == 0 || o->p[w - 1] == ' ' || o->p[w - 1] == '\n'))
            continue;
        if (c == '\n' && w > from && o->p[w - 1] == ' ')
            w--;
        o->p[w++] = c;
    }
    o->n = w;
    o->p[w] = '\0';
}

/* column_order: table 3's five columns of 法人或其他组织 in another order, header and
 * numbers alike ("社会公益组织" before "科研机构"), or one of them left out of the
 * table (its header cell and every row's number: its cells lost, as lost_value
 * loses one; not in bordered tables, whose header has its fixed shape).  Not
 * with generic headers ("数据1" …: nothing tells the order) nor column by column. */
static void column_order(variant *v, int layout)
{
    uint64_t *s = &v->order_rs;
    gtable *T = &v->t[1];
    if (HAS(v, X_GENERIC_HEADERS) || v->colmajor[1])
        return;
    int drop = layout != X_BORDERED && pm(s, 500) ? (int)rn(s, 5) : -1;
    int perm[5] = {0, 1, 2, 3, 4};
    if (drop < 0) {
        do {
            for (int k = 4; k > 0; k--) {
                int j = (int)rn(s, (unsigned)k + 1), t = perm[k];
                perm[k] = perm[j];
                perm[j] = t;
            }
        } while (perm[0] == 0 && perm[1] == 1 && perm[2] == 2 && perm[3] == 3 && perm[4] == 4);
    }
    for (int i = 0; i < T->n; i++) {
        grow *g = &T->r[i];
        int at[5], n = 0;
        if (g->kind == R_HEAD) {
            for (int j = 0; j < g->n && n < 5; j++)
                if (g->c[j].kind == C_HEAD && (n || !strcmp(g->c[j].s, "商业企业")))
                    at[n++] = j;
            if (n == 0 && drop >= 0) {     /* the row of 申请人情况 … 总计: one column fewer under it */
                for (int j = 0; j + 1 < g->n; j++)
                    if (g->c[j].kind == C_PAD && g->c[j + 1].kind == C_HEAD && !strcmp(g->c[j + 1].s, "总计")) {
                        free(g->c[j].s);
                        memmove(&g->c[j], &g->c[j + 1], (size_t)(g->n - j - 1) * sizeof *g->c);
                        g->n--;
                        break;
                    }
                continue;
            }
        } else if (g->kind == R_DATA) {
            int fn = first_num(g);
            if (fn + 7 > g->n)
                continue;
            for (int k = 0; k < 5; k++)
                at[n++] = fn + 1 + k;
        }
        if (n != 5)
            continue;
        if (drop >= 0) {
            int j = at[drop];
            if (g->kind == R_DATA && g->c[j].cell >= 0)
                v->lostcell[g->c[j].cell] = 1;
            free(g->c[j].s);
            memmove(&g->c[j], &g->c[j + 1], (size_t)(g->n - j - 1) * sizeof *g->c);
            g->n--;
        } else {
            gcell was[5];
            for (int k = 0; k < 5; k++)
                was[k] = g->c[at[k]];
            for (int k = 0; k < 5; k++)
                g->c[at[k]] = was[perm[k]];
        }
    }
    set(v, X_COLUMN_ORDER);
}

/* The text of o from `from` on, taken out of o (malloc'd): what a converter below
 * writes again in its own way; *n its length. */
static char *take_text(buf *o, size_t from, size_t *n)
{
    *n = o->n - from;
    char *text = gl_malloc(*n + 1);
    memcpy(text, o->p + from, *n);
    text[*n] = '\0';
    o->n = from;
    o->p[from] = '\0';
    return text;
}

/* csv_cells, from its own stream (a variant without it is what it was before): in about
 * one tab-grid variant in eight, each table (and the lines echoing it) is written as CSV,
 * as a spreadsheet exports it or a table is pasted with commas: commas instead of tabs;
 * quoted fields those holding a comma or a quote (a quote in them doubled), those and some
 * others, every one (empty ones too), or none at all (the tabs replaced by commas as `tr`
 * does: a label's or a number's comma then stands as it is); a space after each comma or
 * not; rows (lines with cells, not a wrapped label's end or a note) as they are, padded
 * with commas to the table's widest or with two more commas at their ends (neither when a
 * row lost one of its numbers: padded, its last cell read empty, the loss would not show
 * in any layout), or without their empty cells at the end; in half of the quoting variants
 * the counts of 1000 or more written with thousands separators ("1,130", quoted).  The
 * headings and the text around the tables stay plain lines. */
enum { CSV_Q_NEEDED, CSV_Q_SOME, CSV_Q_ALL, CSV_Q_NONE };
enum { CSV_T_ASIS, CSV_T_PAD, CSV_T_EXTRA, CSV_T_DROP };

static void choose_csv(variant *v, uint64_t rs9)
{
    uint64_t *s = &rs9;
    next64(s);
    if (!HAS(v, X_TABS) || !pm(s, 125))
        return;
    unsigned q = rn(s, 100);
    v->csv.quote = q < 40 ? CSV_Q_NEEDED : q < 65 ? CSV_Q_SOME : q < 85 ? CSV_Q_ALL : CSV_Q_NONE;
    v->csv.space = pm(s, 300);
    v->csv.trail = (int)rn(s, 4);
    for (int t = 0; t < 3; t++)
        if ((v->csv.trail == CSV_T_PAD || v->csv.trail == CSV_T_EXTRA) && v->echo[t].lose)
            v->csv.trail = CSV_T_ASIS;     /* a row one number short padded: its loss hidden in any layout */
    v->csv.thousands = v->csv.quote != CSV_Q_NONE && pm(s, 500);
    v->csv.rs = *s;
    set(v, X_CSV_CELLS);
}

/* One field of a CSV row, quoted as the variant quotes. */
static void csv_field(variant *v, buf *o, const char *f, size_t len)
{
    char num[64];
    size_t d = 0;
    while (d < len && f[d] >= '0' && f[d] <= '9')
        d++;
    if (v->csv.thousands && d == len && len >= 4 && len < 16 && f[0] != '0' && pm(&v->csv.rs, 700)) {
        size_t n = 0;                  /* a count of 1000 or more: "1,130" */
        for (size_t i = 0; i < len; i++) {
            num[n++] = f[i];
            if (i + 1 < len && (len - i - 1) % 3 == 0)
                num[n++] = ',';
        }
        f = num;
        len = n;
    }
    int needed = memchr(f, ',', len) || memchr(f, '"', len);
    int quote = v->csv.quote == CSV_Q_ALL || (needed && v->csv.quote != CSV_Q_NONE) ||
                (v->csv.quote == CSV_Q_SOME && len && pm(&v->csv.rs, 300));
    if (!quote) {
        bputn(o, f, len);
        return;
    }
    bputc(o, '"');
    for (size_t i = 0; i < len; i++) {
        if (f[i] == '"')
            bputc(o, '"');
        bputc(o, f[i]);
    }
    bputc(o, '"');
}

/* dataframe, from its own stream (a variant without it is what it was before): in about
 * one tab-grid variant in ten that is not csv_cells, each table is written as a dataframe
 * library writes a table it read from a web page (pandas' read_html, then to_csv, to_string
 * or to_markdown): every row as wide as the widest, an empty cell written "NaN", "nan" or
 * "None" (or left empty in tab and csv rows); the row's number before it, counted from 0
 * (or from 1, a 序号 column) down every row of the table, headers too; a line of column
 * numbers 0, 1, 2 … above the table; rows as tab rows (to_csv with sep='\t'), csv (quoted
 * where a field holds a comma or a quote), columns padded with spaces to their widest by
 * character count and right-aligned, the row numbers left-aligned (to_string), or a
 * markdown table with a line of column alignments under its first (to_markdown).  A line
 * without cells (a wrapped label's end, a note) stays as it is and takes no number. */
enum { DF_TSV, DF_CSV, DF_STRING, DF_MD };

static void choose_dataframe(variant *v, uint64_t rs)
{
    uint64_t *s = &rs;
    next64(s);
    if (!HAS(v, X_TABS) || HAS(v, X_CSV_CELLS) || !pm(s, 100) || v->colon_rs)
        return;                        /* label_colon: a list's lines, no table */
    for (int t = 0; t < 3; t++)
        if (v->echo[t].lose)
            return;                    /* a row one number short padded: its loss hidden in any layout */
    v->df.style = (int)rn(s, 4);
    v->df.index = (int)rn(s, 3);
    v->df.header = pm(s, 600);
    static const char *const NULLS[] = {"", "NaN", "nan", "None"};
    v->df.null = NULLS[rn(s, 4)];
    if (v->df.style == DF_STRING || v->df.style == DF_MD) {   /* these always print both */
        v->df.index = v->df.index ? v->df.index : 1;
        v->df.header = 1;
        v->df.null = v->df.style == DF_STRING ? "NaN" : "nan";
    }
    if (!v->df.index && !v->df.header && !v->df.null[0])
        v->df.null = "NaN";
    set(v, X_DATAFRAME);
}

/* Characters of UTF-8 text (what a dataframe pads by). */
static int nchars(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static void df_pad(buf *o, const char *f, size_t n, int width, int left)
{
    int pad = width - nchars(f, n);
    if (left)
        bputn(o, f, n);
    for (int i = 0; i < pad; i++)
        bputc(o, ' ');
    if (!left)
        bputn(o, f, n);
}

/* dataframe: the text of o from `from` on, a table written as tab rows, as the variant's
 * dataframe library writes it. */
static void dataframe_convert(variant *v, buf *o, size_t from)
{
    size_t n;
    char *text = take_text(o, from, &n);
    enum { MAXF = 64, MAXL = 256 };
    /* the lines: fields of the rows (index, then cells), or a line as it is */
    const char *lf[MAXL][MAXF + 1];
    size_t ll[MAXL][MAXF + 1];
    int nf[MAXL];
    char num[MAXL][16], colnum[MAXF][12];
    int nl = 0, widest = 0, rows = 0;
    for (const char *l = text; *l && nl < MAXL;) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        nf[nl] = 0;
        lf[nl][0] = l;
        ll[nl][0] = len;
        if (memchr(l, '\t', len)) {
            int k = 1;
            for (const char *p = l, *end = l + len; k <= MAXF;) {
                const char *t = memchr(p, '\t', (size_t)(end - p));
                lf[nl][k] = p;
                ll[nl][k++] = t ? (size_t)(t - p) : (size_t)(end - p);
                if (!t)
                    break;
                p = t + 1;
            }
            nf[nl] = k - 1;
            if (nf[nl] > widest)
                widest = nf[nl];
            snprintf(num[nl], sizeof num[nl], "%d", rows++ + (v->df.index == 2));
            lf[nl][0] = num[nl];
            ll[nl][0] = strlen(num[nl]);
        }
        nl++;
        l += len + (e != NULL);
    }
    for (int k = 0; k < widest; k++)
        snprintf(colnum[k], sizeof colnum[k], "%d", k);
    size_t nulls = strlen(v->df.null);
    /* a cell's text: the field, the null word for an empty one or one past the row's end */
#define DF_CELL(i, k, F, L)                                                       \
    do {                                                                          \
        if ((i) < 0) {                                                            \
            F = (k) ? colnum[(k) - 1] : "";                                       \
            L = strlen(F);                                                        \
        } else if ((k) == 0) {                                                    \
            F = lf[i][0], L = ll[i][0];                                           \
        } else if ((k) <= nf[i] && ll[i][k]) {                                    \
            F = lf[i][k], L = ll[i][k];                                           \
        } else {                                                                  \
            F = v->df.null, L = nulls;                                            \
        }                                                                         \
    } while (0)
    int first_col = v->df.index ? 0 : 1;
    int width[MAXF + 1] = {0};
    if (v->df.style == DF_STRING || v->df.style == DF_MD) {
        for (int i = -1; i < nl; i++) {
            if (i >= 0 && !nf[i])
                continue;
            for (int k = 0; k <= widest; k++) {
                const char *f;
                size_t fl;
                DF_CELL(i, k, f, fl);
                int c = nchars(f, fl);
                if (c > width[k])
                    width[k] = c;
            }
        }
    }
    int md_rule = v->df.style == DF_MD;
    for (int i = v->df.header ? -1 : 0; i < nl; i++) {
        if (i >= 0 && !nf[i]) {        /* a line without cells, as it was */
            bputn(o, lf[i][0], ll[i][0]);
        } else {
            if (v->df.style == DF_MD)
                bput(o, "|");
            for (int k = first_col; k <= widest; k++) {
                const char *f;
                size_t fl;
                DF_CELL(i, k, f, fl);
                switch (v->df.style) {
                case DF_TSV:
                case DF_CSV:
                    if (k > first_col)
                        bputc(o, v->df.style == DF_TSV ? '\t' : ',');
                    if (v->df.style == DF_CSV && (memchr(f, ',', fl) || memchr(f, '"', fl))) {
                        bputc(o, '"');
                        for (size_t j = 0; j < fl; j++) {
                            if (f[j] == '"')
                                bputc(o, '"');
                            bputc(o, f[j]);
                        }
                        bputc(o, '"');
                    } else {
                        bputn(o, f, fl);
                    }
                    break;
                case DF_STRING:
                    if (k > first_col)
                        bput(o, "  ");
                    df_pad(o, f, fl, width[k], k == 0);
                    break;
                default:
                    bputc(o, ' ');
                    df_pad(o, f, fl, width[k], 0);
                    bput(o, " |");
                }
            }
            if (md_rule) {             /* the alignment line under the first */
                bput(o, "\n|");
                for (int k = first_col; k <= widest; k++) {
                    for (int j = 0; j <= width[k]; j++)
                        bputc(o, '-');
                    bput(o, ":|");
                }
                md_rule = 0;
            }
        }
        if (i < 0 || i + 1 < nl || (n && text[n - 1] == '\n'))
            bputc(o, '\n');
    }
#undef DF_CELL
    free(text);
}

/* list_rows, from its own stream (a variant without it is what it was before): in about
 * one tab-grid variant in twenty that is neither csv_cells nor dataframe, each table's
 * rows (its lines with cells) printed as a program prints a table's rows one by one —
 * Python's repr of a list of cells ("['规章', None, '0', '3']": pdfplumber's
 * extract_table()), a quote in a cell making it "…", a backslash doubled; or a JSON array
 * ("[\"规章\", null, \"0\"]"), its characters beyond ASCII as they are or as \uXXXX
 * escapes (json.dumps' default); an empty cell None / null or an empty string.  A line
 * without cells stays as it is. */
static void choose_list_rows(variant *v, uint64_t rs)
{
    uint64_t *s = &rs;
    next64(s);
    if (!HAS(v, X_TABS) || HAS(v, X_CSV_CELLS) || HAS(v, X_DATAFRAME) || !pm(s, 50))
        return;
    v->lr.json = (int)rn(s, 3);
    v->lr.none = pm(s, 600);
    set(v, X_LIST_ROWS);
}

/* One cell of a list literal as the variant writes it. */
static void lr_cell(variant *v, buf *o, const char *f, size_t len)
{
    if (!len && v->lr.none) {
        bput(o, v->lr.json ? "null" : "None");
        return;
    }
    char q = v->lr.json || memchr(f, '\'', len) ? '"' : '\'';
    bputc(o, q);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)f[i];
        if (c == '\\' || (c == (unsigned char)q && (v->lr.json || memchr(f, '"', len)))) {
            bputc(o, '\\');
            bputc(o, (char)c);
            i++;
        } else if (c >= 0x80 && v->lr.json == 2) {
            unsigned cp;
            int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            cp = n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
            for (int k = 1; k < n && i + (size_t)k < len; k++)
                cp = cp << 6 | ((unsigned char)f[i + (size_t)k] & 0x3F);
            if (cp >= 0x10000) {       /* a surrogate pair, as JSON writes it */
                cp -= 0x10000;
                bprintf(o, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
            } else {
                bprintf(o, "\\u%04x", cp);
            }
            i += (size_t)n;
        } else {
            bputc(o, (char)c);
            i++;
        }
    }
    bputc(o, q);
}

/* list_rows: the text of o from `from` on, a table written as tab rows, each row a list
 * literal. */
static void list_rows_convert(variant *v, buf *o, size_t from)
{
    size_t n;
    char *text = take_text(o, from, &n);
    for (const char *l = text; *l;) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        if (memchr(l, '\t', len)) {
            bputc(o, '[');
            for (const char *p = l, *end = l + len;;) {
                const char *t = memchr(p, '\t', (size_t)(end - p));
                size_t fl = t ? (size_t)(t - p) : (size_t)(end - p);
                lr_cell(v, o, p, fl);
                if (!t)
                    break;
                bput(o, ", ");
                p = t + 1;
            }
            bputc(o, ']');
        } else {
            bputn(o, l, len);
        }
        if (e)
            bputc(o, '\n');
        l += len + (e != NULL);
    }
    free(text);
}

/* html_tags, from its own stream (a variant without it is what it was before): in about
 * one tab-grid variant in twenty that is none of csv_cells, dataframe, list_rows, each
 * table's cells as a converter leaves a web page's markup in its text (pandoc's gfm and
 * commonmark, a script that strips a page in part): some cells in inline tags with
 * attributes ("<span style=\"font-family:宋体\">0</span>", "<b>", "<font …>"), a label
 * broken by "<br />"; and the rows as tab rows still, or each row "<tr><td>…</td>…</tr>" on
 * its line, or pandoc's raw table — "<table>", "<tr>" and each cell "<td>…</td>" a line. */
static void choose_html_tags(variant *v, uint64_t rs)
{
    uint64_t *s = &rs;
    next64(s);
    if (!HAS(v, X_TABS) || HAS(v, X_CSV_CELLS) || HAS(v, X_DATAFRAME) || HAS(v, X_LIST_ROWS) || !pm(s, 50))
        return;
    v->ht.rows = (int)rn(s, 3);
    v->ht.rs = *s;
    set(v, X_HTML_TAGS);
}

/* A cell's text with the tags the variant leaves around and in it. */
static void ht_cell(variant *v, buf *o, const char *f, size_t len)
{
    static const char *const OPEN[] = {"<span style=\"font-family:宋体\">", "<b>", "<font face=\"仿宋\" size=\"3\">",
                                       "<span lang=\"EN-US\">", "<strong>"};
    static const char *const CLOSE[] = {"</span>", "</b>", "</font>", "</span>", "</strong>"};
    int t = len && pm(&v->ht.rs, 300) ? (int)rn(&v->ht.rs, 5) : -1;
    if (t >= 0)
        bput(o, OPEN[t]);
    size_t cut = len > 12 && pm(&v->ht.rs, 300) ? 6 + 3 * rn(&v->ht.rs, 2) : 0;   /* after 2 or 3 characters */
    while (cut && cut < len && ((unsigned char)f[cut] & 0xC0) == 0x80)
        cut++;
    if (cut && cut < len) {
        bputn(o, f, cut);
        bput(o, "<br />");
        bputn(o, f + cut, len - cut);
    } else {
        bputn(o, f, len);
    }
    if (t >= 0)
        bput(o, CLOSE[t]);
}

/* html_tags: the text of o from `from` on, a table written as tab rows, with the tags. */
static void html_tags_convert(variant *v, buf *o, size_t from)
{
    size_t n;
    char *text = take_text(o, from, &n);
    if (v->ht.rows)
        bput(o, v->ht.rows == 2 ? "<table>\n<tbody>\n" : "<table>\n");
    for (const char *l = text; *l;) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        if (memchr(l, '\t', len)) {
            if (v->ht.rows)
                bput(o, v->ht.rows == 2 ? "<tr>\n" : "<tr>");
            for (const char *p = l, *end = l + len;;) {
                const char *t = memchr(p, '\t', (size_t)(end - p));
                size_t fl = t ? (size_t)(t - p) : (size_t)(end - p);
                if (v->ht.rows)
                    bput(o, "<td>");
                ht_cell(v, o, p, fl);
                if (v->ht.rows)
                    bput(o, v->ht.rows == 2 ? "</td>\n" : "</td>");
                if (!t)
                    break;
                if (!v->ht.rows)
                    bputc(o, '\t');
                p = t + 1;
            }
            if (v->ht.rows)
                bput(o, "</tr>");
        } else {
            bputn(o, l, len);
        }
        if (e)
            bputc(o, '\n');
        l += len + (e != NULL);
    }
    if (v->ht.rows)
        bput(o, v->ht.rows == 2 ? "</tbody>\n</table>\n" : "</table>\n");
    free(text);
}

/* csv_cells: the text of o from `from` on, a table written as tab rows and the lines
 * echoing it, as CSV; blank lines stay blank. */
static void csv_convert(variant *v, buf *o, size_t from)
{
    size_t n;
    char *text = take_text(o, from, &n);
    int widest = 0;
    for (const char *l = text; *l;) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        int nf = 1;
        for (size_t i = 0; i < len; i++)
            nf += l[i] == '\t';
        if (nf > widest)
            widest = nf;
        l += len + (e != NULL);
    }
    for (const char *l = text; *l;) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        if (len) {
            const char *f[256];
            size_t fl[256];
            int nf = 0;
            for (const char *p = l, *end = l + len; nf < 256;) {
                const char *t = memchr(p, '\t', (size_t)(end - p));
                f[nf] = p;
                fl[nf++] = t ? (size_t)(t - p) : (size_t)(end - p);
                if (!t)
                    break;
                p = t + 1;
            }
            if (v->csv.trail == CSV_T_DROP)
                while (nf > 1 && fl[nf - 1] == 0)
                    nf--;
            int pad = nf == 1                                      ? 0   /* a line of text, no row of cells */
                    : v->csv.trail == CSV_T_PAD && widest > nf ? widest - nf
                    : v->csv.trail == CSV_T_EXTRA              ? 2
                                                               : 0;
            for (int j = 0; j < nf + pad; j++) {
                if (j)
                    bput(o, v->csv.space ? ", " : ",");
                if (j < nf)
                    csv_field(v, o, f[j], fl[j]);
                else if (v->csv.quote == CSV_Q_ALL)
                    bput(o, "\"\"");
            }
        }
        if (e)
            bputc(o, '\n');
        l += len + (e != NULL);
    }
    free(text);
}

static void build_text(variant *v)
{
    const gk_report *r = v->smp->r;
    const gk_text *tx = r->text;
    int layout = base_layout(v);
    build_t2(v, layout);
    build_t3(v, layout);
    build_t4(v, layout);
    if (v->order_rs)
        column_order(v, layout);
    mark_rows(v, layout);
    if (layout == X_BORDERED)
        bd_merge(v);
    place_echo(v, layout);
    if (v->colon_rs && layout != X_BORDERED && !v->colmajor[0])
        label_colon(v);
    if (v->wrap_next_rs)
        choose_wrap_next(v, v->wrap_next_rs);
    if (v->single_rs && layout == X_SPACES) {
        uint64_t rs = v->single_rs;
        if (pm(&rs, 400))
            set(v, X_SINGLE_SPACES);
    }
    /* a modifier that touched no value is not counted as used */
    if (!v->n_blank)
        v->flags &= ~(1ull << X_BLANK_MARKERS);
    if (!v->n_thousands)
        v->flags &= ~(1ull << X_THOUSANDS);
    if (!v->n_fullwidth)
        v->flags &= ~(1ull << X_FULLWIDTH);
    if (!v->n_suffix)
        v->flags &= ~(1ull << X_UNIT_SUFFIX);
    if (!v->n_ocr)
        v->flags &= ~(1ull << X_OCR_ZEROS);
    if (!v->n_ocrd)
        v->flags &= ~(1ull << X_OCR_DIGITS);
    buf *o = &v->text;
    for (int i = 0; i < r->section_line[1] - 1; i++)
        put_line(o, &tx->orig[i]);
    for (int k = 0; k < 3; k++) {
        if (k > 0 && v->glue_heading[k - 1] && !v->heading_style[k] && glue_to_last_line(o))
            set(v, X_GLUED_HEADINGS);
        put_heading(v, o, k, &tx->orig[r->section_line[1 + k] - 1]);
        bputc(o, '\n');
        size_t start = o->n;           /* csv_cells: the table and the lines echoing it */
        if (v->echo[k].where == 1) {
            put_echo(v, o, k);
            bputc(o, '\n');
        }
        size_t from = o->n;
        render_table(v, o, k, layout);
        if (HAS(v, X_SINGLE_SPACES))
            single_spaced(o, from);
        bputc(o, '\n');
        if (v->echo[k].where == 2) {
            put_echo(v, o, k);
            bputc(o, '\n');
        }
        if (HAS(v, X_CSV_CELLS))
            csv_convert(v, o, start);
        else if (HAS(v, X_DATAFRAME))
            dataframe_convert(v, o, from);
        else if (HAS(v, X_LIST_ROWS))
            list_rows_convert(v, o, from);
        else if (HAS(v, X_HTML_TAGS))
            html_tags_convert(v, o, from);
    }
    if (v->glue_heading[2] && glue_to_last_line(o))
        set(v, X_GLUED_HEADINGS);
    for (size_t i = (size_t)r->section_line[4] - 1; i < tx->nlines; i++)
        put_line(o, &tx->orig[i]);
}

/* ---- encoding ------------------------------------------------------------------------------ */

static int iconv_to(const char *code, const buf *in, buf *out)
{
    iconv_t cd = iconv_open(code, "UTF-8");
    if (cd == (iconv_t)-1)
        return -1;
    bgrow(out, in->n * 4 + 16);
    char *ip = in->p;
    size_t il = in->n;
    char *op = out->p + out->n;
    size_t ol = out->cap - out->n - 1;
    size_t rc = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (rc == (size_t)-1)
        return -1;
    out->n = (size_t)(op - out->p);
    out->p[out->n] = '\0';
    return 0;
}

static void encode(variant *v, buf *out)
{
    buf u = {0};
    if (HAS(v, X_CRLF)) {
        for (size_t i = 0; i < v->text.n; i++) {
            if (v->text.p[i] == '\n')
                bputc(&u, '\r');
            bputc(&u, v->text.p[i]);
        }
    } else {
        bputn(&u, v->text.p, v->text.n);
    }
    if (HAS(v, X_GB18030)) {
        if (iconv_to("GB18030", &u, out) == 0)
            goto done;
        v->flags &= ~(1ull << X_GB18030);
        out->n = 0;
    }
    if (HAS(v, X_UTF16)) {
        bputn(out, "\xFF\xFE", 2);
        if (iconv_to("UTF-16LE", &u, out) == 0)
            goto done;
        v->flags &= ~(1ull << X_UTF16);
        out->n = 0;
    }
    if (HAS(v, X_BOM))
        bputn(out, "\xEF\xBB\xBF", 3);
    bputn(out, u.p, u.n);
done:
    free(u.p);
}

/* ---- comparing ------------------------------------------------------------------------------ */

enum { RES_RIGHT, RES_FLAGGED, RES_WRONG };

static int named_by(const gk_report *r, int cell, const char *rule)
{
    for (int k = 0; k < r->nfindings; k++) {
        if (rule && strcmp(r->findings[k].rule, rule) != 0)
            continue;
        for (int j = 0; j < r->findings[k].ncells; j++)
            if (r->findings[k].cells[j] == cell)
                return 1;
    }
    return 0;
}

/* 1 when the original report's own tables do not add up: an error of a
 * table equation (T2./T3./T4. rules).  Inference is exact on tables that add
 * up; on tables that do not, a value the equations infer once the written one
 * is lost is what the tables require, not what was written (the report's own
 * error, carried along the equations): flagged by its CELL.INFERRED, not wrong. */
static int inconsistent(const gk_report *r)
{
    for (int k = 0; k < r->nfindings; k++) {
        const gk_finding *f = &r->findings[k];
        if (f->severity == GK_SEV_ERROR && f->rule[0] == 'T' && f->rule[2] == '.')
            return 1;
    }
    return 0;
}

/* 1 when the tables written as truth do not add up: the original's own error, or a
 * cell missing in the original (written as 0) that its equations need to be otherwise
 * (a glued or unplaceable cell of 018/019).  Checked by giving every cell its truth as
 * a correction on a second copy of the report and running the rules again. */
static int truth_inconsistent(const char *path, const gk_report *r, const double *truth)
{
    if (inconsistent(r))
        return 1;
    int lost = 0;
    for (int i = 0; i < r->tpl->ncells; i++)
        if (r->cells[i].status == GK_ST_MISSING)
            lost = 1;
    if (!lost)
        return 0;
    char *why = NULL;
    gk_report *z = report_open(path, &why);
    free(why);
    if (!z)
        return 1;
    rules_check(z);
    int bad = 1;
    if (z->tpl == r->tpl) {
        for (int i = 0; i < z->tpl->ncells; i++)
            report_correct(z, i, truth[i]);
        rules_check(z);
        bad = inconsistent(z);
    }
    report_free(z);
    return bad;
}

typedef struct {
    long variants, right, flagged, wrong;
    long bad;      /* variants with a wrong cell */
} tally;

typedef struct {
    long right, flagged, wrong;
    buf why;       /* up to 5 wrong cells */
    int nwhy;
} result;

static void compare(const variant *v, const gk_report *got, const char *fail, result *res)
{
    const gk_template *t = v->tpl;
    const double *truth = v->truth;
    memset(res, 0, sizeof *res);
    if (!got || got->format != v->smp->r->format) {
        res->wrong = t->ncells;
        bprintf(&res->why, "    %s\n", fail ? fail : "format detected differs from the original's");
        if (got)
            bprintf(&res->why, "    format %s, original %s\n", template_format_name(got->format),
                    template_format_name(v->smp->r->format));
        res->nwhy = 1;
        return;
    }
    for (int i = 0; i < t->ncells; i++) {
        const gk_cell *c = &got->cells[i];
        int verdict;
        if (v->lostcell[i]) {
            /* lost_value: what the cell held is not in the variant; only the equations can
             * give it back */
            if (c->status == GK_ST_MISSING)
                verdict = named_by(got, i, NULL) ? RES_FLAGGED : RES_WRONG;
            else if (c->status == GK_ST_INFERRED && fabs(c->value - truth[i]) < 1e-9)
                verdict = RES_RIGHT;
            else if (c->status == GK_ST_INFERRED && named_by(got, i, "CELL.INFERRED") && v->inconsistent)
                verdict = RES_FLAGGED;
            else
                verdict = RES_WRONG;
        } else if (c->status == GK_ST_MISSING)
            verdict = named_by(got, i, NULL) ? RES_FLAGGED : RES_WRONG;
        else if (fabs(c->value - truth[i]) < 1e-9)
            verdict = RES_RIGHT;
        else if (c->status == GK_ST_INFERRED && named_by(got, i, "CELL.INFERRED") &&
                 (v->blank[i] || v->inconsistent))
            verdict = RES_FLAGGED;
        else
            verdict = RES_WRONG;
        if (verdict == RES_RIGHT)
            res->right++;
        else if (verdict == RES_FLAGGED)
            res->flagged++;
        else {
            res->wrong++;
            if (res->nwhy < 5) {
                char tb[32], gb[32];
                report_format_value(truth[i], tb, sizeof tb);
                if (c->status == GK_ST_MISSING)
                    bprintf(&res->why, "    %s: wrote %s (\"%s\"), got missing with no finding naming it\n",
                            t->cells[i].id, tb, v->wtext[i] ? v->wtext[i] : "");
                else
                    bprintf(&res->why, "    %s: wrote %s (\"%s\"), got %s (%s, line %d)\n", t->cells[i].id, tb,
                            v->wtext[i] ? v->wtext[i] : "", report_format_value(c->value, gb, sizeof gb),
                            report_status_name(c->status), c->line);
                res->nwhy++;
            }
        }
    }
}

/* ---- main ------------------------------------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr, "usage: genlayout [--seed S] [--variants N] [--first K] [--dump DIR] [--dump-all DIR] [--show K] "
                    "[--failures M] [--with FAMILY,...] [--without FAMILY,...] [--each] [--quiet] FILE...\n");
    exit(2);
}

static void describe(const variant *v, buf *o)
{
    int first = 1;
    for (int x = 0; x < NX; x++)
        if (HAS(v, x)) {
            bprintf(o, "%s%s", first ? "" : ",", XNAME[x]);
            first = 0;
            if (x == X_CSV_CELLS)      /* its sub-modes: quoting, space, trailing cells, thousands */
                bprintf(o, "(q%d s%d t%d k%d)", v->csv.quote, v->csv.space, v->csv.trail, v->csv.thousands);
            if (x == X_HTML_TAGS)
                bprintf(o, "(r%d)", v->ht.rows);
            if (x == X_PAGE_BREAK && v->tight_pages)
                bprintf(o, "(tight)");
            if (x == X_LIST_ROWS)
                bprintf(o, "(j%d n%d)", v->lr.json, v->lr.none);
            if (x == X_DATAFRAME)
                bprintf(o, "(s%d i%d h%d %s)", v->df.style, v->df.index, v->df.header,
                        v->df.null[0] ? v->df.null : "empty");
        }
}

static void variant_free(variant *v)
{
    for (int k = 0; k < 3; k++)
        table_free(&v->t[k]);
    if (v->wtext)
        for (int i = 0; i < v->tpl->ncells; i++)
            free(v->wtext[i]);
    free(v->wtext);
    free(v->blank);
    free(v->lostcell);
    free(v->own);
    free(v->text.p);
    free(v->carry.p);
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    long nvar = 100, first = 0, show = -1;
    const char *dump = NULL;
    int quiet = 0, dump_all = 0;
    /* lost_value and stray_value still give wrong cells: chosen only with --with */
    uint64_t without = 1ull << X_LOST_VALUE | 1ull << X_STRAY_VALUE;
    int each = 0;
    long maxfail = 10;
    const char **files = gl_malloc((size_t)argc * sizeof *files);
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--variants") && i + 1 < argc)
            nvar = strtol(argv[++i], NULL, 10);
        else if (!strcmp(a, "--first") && i + 1 < argc)
            first = strtol(argv[++i], NULL, 10);
        else if (!strcmp(a, "--dump") && i + 1 < argc)
            dump = argv[++i];
        else if (!strcmp(a, "--dump-all") && i + 1 < argc)
            dump = argv[++i], dump_all = 1;
        else if (!strcmp(a, "--show") && i + 1 < argc)
            show = strtol(argv[++i], NULL, 10);
        else if (!strcmp(a, "--failures") && i + 1 < argc)
            maxfail = strtol(argv[++i], NULL, 10);
        else if ((!strcmp(a, "--without") || !strcmp(a, "--with")) && i + 1 < argc) {
            /* families of conversion damage left out / let in (a comma-separated list of names) */
            const char *w = argv[++i];
            uint64_t named = 0;
            for (int x = X_BORDERED; x <= X_NARROW_NUMBERS; x++) {
                if (x > X_BORDERED && x < X_LOST_VALUE)
                    continue;
                size_t n = strlen(XNAME[x]);
                for (const char *q = w; (q = strstr(q, XNAME[x])) != NULL; q += n)
                    if ((q == w || q[-1] == ',') && (q[n] == ',' || q[n] == '\0'))
                        named |= 1ull << x;
            }
            if (a[6] == 'o')
                without |= named;
            else
                without &= ~named;
        } else if (!strcmp(a, "--each")) {
            each = 1;
        } else if (!strcmp(a, "--quiet"))
            quiet = 1;
        else if (a[0] == '-' && a[1] == '-')
            usage();
        else
            files[nfiles++] = a;
    }
    if (!nfiles || nvar < 0 || first < 0)
        usage();
    if (show >= 0) {
        first = show;
        nvar = 1;
    }
    if (dump && mkdir(dump, 0777) != 0 && errno != EEXIST)
        die("cannot create the dump directory");

    sample *smp = gl_malloc((size_t)nfiles * sizeof *smp);
    int ns = 0;
    for (int f = 0; f < nfiles; f++) {
        char *why = NULL;
        gk_report *r = report_open(files[f], &why);
        if (!r) {
            fprintf(stderr, "genlayout: skipping %s: %s\n", files[f], why ? why : "unreadable");
            free(why);
            continue;
        }
        rules_check(r);
        if (r->format == GK_FMT_UNKNOWN || !r->tpl || !r->section_line[1] || !r->section_line[2] ||
            !r->section_line[3] || !r->section_line[4] || r->section_line[1] >= r->section_line[2] ||
            r->section_line[2] >= r->section_line[3] || r->section_line[3] >= r->section_line[4]) {
            fprintf(stderr, "genlayout: skipping %s: %s\n", files[f],
                    r->format == GK_FMT_UNKNOWN ? "format unknown" : "sections 二 to 五 not all found in order");
            report_free(r);
            continue;
        }
        smp[ns].path = files[f];
        smp[ns].r = r;
        smp[ns].truth = gl_malloc((size_t)r->tpl->ncells * sizeof(double));
        for (int i = 0; i < r->tpl->ncells; i++)
            smp[ns].truth[i] = r->cells[i].status == GK_ST_MISSING ? 0 : r->cells[i].value;
        smp[ns].inconsistent = truth_inconsistent(files[f], r, smp[ns].truth);
        ns++;
    }
    if (!ns)
        die("no usable sample report");

    tally tx[NX];
    memset(tx, 0, sizeof tx);
    tally all = {0};
    long shown_fail = 0;
    for (long vi = first; vi < first + nvar; vi++) {
        variant v;
        memset(&v, 0, sizeof v);
        v.rs = seed * 0xD1B54A32D192ED03ull ^ ((uint64_t)vi + 1) * 0x9E3779B97F4A7C15ull;
        next64(&v.rs);
        v.rs2 = v.rs ^ 0x5851F42D4C957F2Dull;
        next64(&v.rs2);
        v.rs3 = v.rs ^ 0x2545F4914F6CDD1Dull;
        next64(&v.rs3);
        v.smp = &smp[vi % ns];
        v.truth = v.smp->truth;
        v.inconsistent = v.smp->inconsistent;
        v.tpl = v.smp->r->tpl;
        v.wtext = calloc((size_t)v.tpl->ncells, sizeof *v.wtext);
        v.blank = calloc((size_t)v.tpl->ncells, 1);
        v.lostcell = calloc((size_t)v.tpl->ncells, 1);
        if (!v.wtext || !v.blank || !v.lostcell)
            die("out of memory");
        choose(&v);
        if (!(without >> X_BORDERED & 1))
            choose_bordered(&v);
        if (HAS(&v, X_BORDERED) && !(without >> X_NARROW_NUMBERS & 1)) {
            uint64_t r = v.rs ^ 0x9E3779B97F4A7C15ull;   /* narrow_numbers: a stream of its own */
            next64(&r);
            if (pm(&r, 400)) {
                v.bd.narrow = 1;
                set(&v, X_NARROW_NUMBERS);
            }
        }
        if (!(without >> X_EXTRACTED_PIPES & 1))
            choose_extracted(&v, v.rs ^ 0x94D049BB133111EBull);
        if (!(without >> X_RAGGED_LABELS & 1))
            choose_ragged(&v, v.rs ^ 0xBF58476D1CE4E5B9ull);
        if (!(without >> X_DISTINCT_VALUES & 1))
            choose_values(&v, v.rs ^ 0x632BE59BD9B4E019ull);
        if (!(without >> X_ECHOED_LABELS & 1))
            choose_echo(&v, v.rs ^ 0xA0761D6478BD642Full);
        if (!(without >> X_WRAP_INTO_NEXT & 1))
            v.wrap_next_rs = v.rs ^ 0xE7037ED1A0B428DBull;
        if (!(without >> X_SINGLE_SPACES & 1))
            v.single_rs = v.rs ^ 0x8EBC6AF09C88C6E3ull;
        if (!(without >> X_LOST_HEADINGS & 1)) {
            uint64_t r = v.rs ^ 0x7F4A7C159E3779B9ull;
            next64(&r);
            if (pm(&r, 125)) {
                for (int k = 0; k < 3; k++)
                    v.heading_style[k] = pm(&r, 500) ? 1 + (int)rn(&r, 5) : 0;
                if (v.heading_style[0] || v.heading_style[1] || v.heading_style[2])
                    set(&v, X_LOST_HEADINGS);
            }
        }
        if (!(without >> X_LABEL_COLON & 1)) {
            uint64_t r = v.rs ^ 0x1B873593CC9E2D51ull;
            next64(&r);
            if (pm(&r, 125))
                v.colon_rs = r;
        }
        if (!(without >> X_COLUMN_ORDER & 1)) {
            uint64_t r = v.rs ^ 0x2545F4914F6CDD1Dull;
            next64(&r);
            if (pm(&r, 100))
                v.order_rs = r;
        }
        if (!(without >> X_OCR_ZEROS & 1)) {
            uint64_t r = v.rs ^ 0x3C6EF372FE94F82Bull;
            next64(&r);
            if (pm(&r, 170)) {
                v.ocr_rs = r;
                set(&v, X_OCR_ZEROS);
            }
        }
        if (!(without >> X_OCR_DIGITS & 1)) {
            uint64_t r = v.rs ^ 0x1F83D9ABFB41BD6Bull;
            next64(&r);
            if (pm(&r, 120)) {
                v.ocrd_rs = r;
                set(&v, X_OCR_DIGITS);
            }
        }
        if (!(without >> X_GLUED_HEADINGS & 1)) {
            uint64_t r = v.rs ^ 0x6A09E667F3BCC909ull;
            next64(&r);
            if (pm(&r, 100))
                for (int k = 0; k < 3; k++)
                    v.glue_heading[k] = pm(&r, 500);
        }
        if (!(without >> X_CSV_CELLS & 1))
            choose_csv(&v, v.rs ^ 0x4CF5AD432745937Full);
        if (HAS(&v, X_CELL_PER_LINE) || HAS(&v, X_CELL_PER_LINE_TAB) || HAS(&v, X_PDFTOTEXT_PLAIN)) {
            /* stray_header in a table a cell a line, from its own stream: the header's
             * column names again between two data rows, each on a line of its own */
            uint64_t r = v.rs ^ 0x510E527FADE682D1ull;
            next64(&r);
            if (pm(&r, 250) && !HAS(&v, X_BORDERED))
                set(&v, X_STRAY_HEADER);
        }
        if (HAS(&v, X_CELL_PER_LINE) && v.cpl_sep == 0) {
            uint64_t r = v.rs ^ 0x9B05688C2B3E6C1Full;   /* its own stream */
            next64(&r);
            v.tight_pages = pm(&r, 400);
        }
        if (!(without >> X_DATAFRAME & 1))
            choose_dataframe(&v, v.rs ^ 0x1F83D9ABFB41BD6Bull);
        if (!(without >> X_LIST_ROWS & 1))
            choose_list_rows(&v, v.rs ^ 0x5BE0CD19137E2179ull);
        if (!(without >> X_HTML_TAGS & 1))
            choose_html_tags(&v, v.rs ^ 0x6A09E667F3BCC908ull);
        v.flags &= ~without;
        if (without >> X_COLUMN_MAJOR & 1)
            memset(v.colmajor, 0, sizeof v.colmajor);
        build_text(&v);
        buf bytes = {0};
        encode(&v, &bytes);

        char name[64];
        snprintf(name, sizeof name, "v%05ld.txt", vi);
        char *why = NULL;
        gk_report *got = report_parse(name, bytes.p ? bytes.p : "", bytes.n, &why);
        if (got)
            rules_check(got);
        result res;
        char failwhy[256];
        snprintf(failwhy, sizeof failwhy, "the engine could not read the variant: %s", why ? why : "?");
        compare(&v, got, got ? NULL : failwhy, &res);

        all.variants++;
        all.right += res.right;
        all.flagged += res.flagged;
        all.wrong += res.wrong;
        for (int x = 0; x < NX; x++)
            if (HAS(&v, x)) {
                tx[x].variants++;
                tx[x].right += res.right;
                tx[x].flagged += res.flagged;
                tx[x].wrong += res.wrong;
                tx[x].bad += res.wrong > 0;
            }
        buf desc = {0};
        describe(&v, &desc);
        if (each)
            printf("variant %ld: right %ld, flagged %ld, wrong %ld [%s]\n", vi, res.right, res.flagged, res.wrong,
                   desc.p);
        if (show >= 0) {
            fwrite(v.text.p, 1, v.text.n, stdout);
            fflush(stdout);
            fprintf(stderr, "variant %ld: %s, %s\n  right %ld, flagged %ld, wrong %ld\n", vi, v.smp->path, desc.p,
                    res.right, res.flagged, res.wrong);
            if (res.why.p)
                fputs(res.why.p, stderr);
            int nmiss = 0;
            for (int i = 0; got && i < v.tpl->ncells; i++)
                if (got->cells[i].status == GK_ST_MISSING && nmiss++ < 10)
                    fprintf(stderr, "    %s: missing%s\n", v.tpl->cells[i].id,
                            named_by(got, i, NULL) ? " (flagged)" : "");
            if (nmiss > 10)
                fprintf(stderr, "    ... %d missing in all\n", nmiss);
        }
        if (res.wrong && shown_fail < maxfail && show < 0) {
            shown_fail++;
            printf("variant %ld: %s [%s]: %ld wrong\n%s", vi, v.smp->path, desc.p, res.wrong,
                   res.why.p ? res.why.p : "");
        }
        if ((res.wrong || dump_all) && dump) {
            char path[4096];
            snprintf(path, sizeof path, "%s/v%05ld.txt", dump, vi);
            FILE *f = fopen(path, "wb");
            if (!f || fwrite(bytes.p, 1, bytes.n, f) != bytes.n || fclose(f) != 0)
                die("cannot write to the dump directory");
        }
        free(desc.p);
        free(res.why.p);
        free(why);
        report_free(got);
        free(bytes.p);
        variant_free(&v);
    }
    fflush(stdout);
    if (!quiet) {
        fprintf(stderr, "%-22s %8s %10s %9s %8s %14s\n", "transformation", "variants", "right", "flagged", "wrong",
                "wrong-variants");
        for (int x = 0; x < NX; x++)
            fprintf(stderr, "%-22s %8ld %10ld %9ld %8ld %8ld %4.0f%%\n", XNAME[x], tx[x].variants, tx[x].right,
                    tx[x].flagged, tx[x].wrong, tx[x].bad, tx[x].variants ? 100.0 * tx[x].bad / tx[x].variants : 0.0);
    }
    fprintf(show >= 0 ? stderr : stdout, "variants %ld, cells right %ld, flagged %ld, wrong %ld\n", all.variants,
            all.right, all.flagged, all.wrong);   /* (with --show, stdout holds the variant's text alone) */
    for (int s = 0; s < ns; s++) {
        report_free(smp[s].r);
        free(smp[s].truth);
    }
    free(smp);
    free(files);
    return all.wrong ? 1 : 0;
}
