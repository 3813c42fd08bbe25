/* mkformats.c — a text report rendered as the files reviewers receive: a
 * saved web page (HTML), a Word document (.docx) or a PDF, seeded, so that
 * the engine can be checked to read each exactly as it reads the text.
 *
 *   mkformats html SEED IN OUT     mkformats docx SEED IN OUT
 *   mkformats pdf  SEED IN OUT [--no-text | --word | --grid | --wide | --grid-wide]
 *
 * IN is read as the engine reads it (any encoding), and every line of it
 * becomes exactly one line of what the reader gives back, so that line
 * numbers (and so every `check` line) stay the same:
 *   - a run of lines holding tabs is a table, one row per line, one cell per
 *     tab-separated field.  A label cell followed below by empty cells of its
 *     column becomes a row span (rowspan / w:vMerge; in a PDF a label written
 *     one character per line when it is short enough), a label followed by
 *     empty cells in its row a column span (colspan / w:gridSpan), as the page
 *     it was copied from had them: the readers must expand them back.  Empty
 *     cells are written as nothing, white space or &nbsp;;
 *   - every other line is a paragraph (an empty one for an empty line; a
 *     line whose spaces matter is <pre> in HTML and kept with
 *     xml:space="preserve" in a .docx).
 * The seed picks among the equivalent ways of writing each thing:
 *   HTML — UTF-8 with <meta charset>, UTF-8 with a BOM, GB18030 under a
 *     GB2312 or GBK <meta http-equiv>, or without any declaration;
 *     entities and numeric character references; <br> for a space in a
 *     cell; scripts, styles, comments, navigation and hidden elements
 *     between the blocks; the whole page inside a layout table;
 *   DOCX — text split into several runs, proofing marks, bookmarks, hidden
 *     runs, run properties; w:br for a space in a cell;
 *   PDF — (cairo, WenQuanYi Micro Hei) a page header on every page and a
 *     page number in the footer, tables split across pages, vertical labels.
 *     With --word, tables as Word or WPS print them: label columns narrow
 *     enough that long labels wrap over two to six lines inside their cells,
 *     numbers left-aligned, centred or right-aligned in their cells, labels
 *     and headers left-aligned or centred, a row's cells at its top or in its
 *     middle (then a number stands between the lines of a wrapped label).
 *     Such a PDF has more lines than the text, and reads as it only where
 *     the text's layout can be printed so (its own errors of alignment are
 *     printed as they are).  With --grid, the same with every cell's borders
 *     drawn, as Word, WPS and browsers print a bordered table (none across a
 *     merged cell), number columns at times as narrow as one character, and
 *     at times a label's item number ("4.") on a line of its own (a line
 *     break after it in the cell); a label spanning rows is centred over
 *     them when the rows' cells are (as a browser centres it); the header's
 *     rows at times shaded grey (Word's 底纹), light to dark, and at times a
 *     browser's narrow bottom margin (a table's last row on a page in its
 *     bottom tenth, where page numbers are).  --wide and --grid-wide print
 *     --word's and --grid's tables wider than the page, as a browser prints a
 *     wide table: labels unwrapped, the type (5 to 10 points) not shrunk to
 *     the page, the table's right end 10 to 80 points past the page's edge
 *     where the type allows — the last column's numbers cut, or wholly off
 *     the page (a PDF reader gets no characters there, or parts of numbers).
 * With the same seed and input the output is byte for byte the same (a
 * .docx's zip entries carry a fixed time; a PDF's creation date is fixed). */
#include "input.h"
#include "text.h"
#include "util.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* ---- seeded choices ---------------------------------------------------------- */

static uint64_t rng_state;

static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return n ? (unsigned)(rng_state % n) : 0;
}

static int chance(unsigned percent)
{
    return rnd(100) < percent;
}

/* ---- the report as lines and tables -------------------------------------------- */

typedef struct {
    char **cell;
    int n;
} row_t;

typedef struct {
    char **line;        /* the text's lines (UTF-8) */
    size_t nlines;
    row_t *rows;        /* per line: its cells when it is a table row (n == 0 otherwise) */
    int *rowspan;       /* per line, per cell (flattened: line * MAXC + cell) */
    int *colspan;       /* 0: covered by a span, not written */
} doc_t;

#define MAXC 64

static int numeric(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == ',' || *s == '-' || *s == ' '))
            return 0;
    return 1;
}

static int is_table_line(const doc_t *d, size_t i)
{
    return i < d->nlines && d->rows[i].n > 0;
}

static int *RS(doc_t *d, size_t i, int c) { return &d->rowspan[i * MAXC + (size_t)c]; }
static int *CS(doc_t *d, size_t i, int c) { return &d->colspan[i * MAXC + (size_t)c]; }

static void load(doc_t *d, const char *path)
{
    char *buf;
    size_t len;
    const char *why = NULL;
    if (util_read_file(path, 64u << 20, &buf, &len, &why)) {
        fprintf(stderr, "mkformats: %s: %s\n", path, why);
        exit(2);
    }
    gk_text *t = text_decode(buf, len, &why);
    free(buf);
    if (!t) {
        fprintf(stderr, "mkformats: %s: %s\n", path, why);
        exit(2);
    }
    memset(d, 0, sizeof *d);
    d->nlines = t->nlines;
    d->line = xcalloc(t->nlines, sizeof *d->line);
    d->rows = xcalloc(t->nlines, sizeof *d->rows);
    d->rowspan = xcalloc(t->nlines * MAXC, sizeof *d->rowspan);
    d->colspan = xcalloc(t->nlines * MAXC, sizeof *d->colspan);
    for (size_t i = 0; i < t->nlines; i++) {
        d->line[i] = xstrdup(t->orig[i].s);
        if (!strchr(d->line[i], '\t'))
            continue;
        row_t *r = &d->rows[i];
        r->cell = xcalloc(MAXC, sizeof *r->cell);
        const char *p = d->line[i];
        for (;;) {
            const char *tab = strchr(p, '\t');
            size_t n = tab ? (size_t)(tab - p) : strlen(p);
            if (r->n < MAXC)
                r->cell[r->n++] = xstrndup(p, n);
            if (!tab)
                break;
            p = tab + 1;
        }
        for (int c = 0; c < r->n; c++)
            *RS(d, i, c) = *CS(d, i, c) = 1;
    }
    text_free(t);
}

/* Spans as the page had them: row spans of labels in the first two
 * columns over the empty cells below, then column spans of labels over
 * the empty cells to their right. */
static void find_spans(doc_t *d, int percent)
{
    for (size_t i = 0; i < d->nlines; i++) {
        row_t *r = &d->rows[i];
        for (int c = 0; c < r->n && c < 2; c++) {
            if (!*CS(d, i, c) || !r->cell[c][0] || numeric(r->cell[c]) || !chance((unsigned)percent))
                continue;
            size_t k = i + 1;
            while (is_table_line(d, k) && d->rows[k].n > c && !d->rows[k].cell[c][0] && *CS(d, k, c) == 1 &&
                   (c == 0 || *CS(d, k, c - 1) == 1))
                k++;
            if (k - i < 2)
                continue;
            *RS(d, i, c) = (int)(k - i);
            for (size_t j = i + 1; j < k; j++)
                *CS(d, j, c) = 0;
        }
    }
    for (size_t i = 0; i < d->nlines; i++) {
        row_t *r = &d->rows[i];
        for (int c = 0; c < r->n; c++) {
            if (!*CS(d, i, c) || *RS(d, i, c) != 1 || !r->cell[c][0] || numeric(r->cell[c]) ||
                !chance((unsigned)percent))
                continue;
            int k = c + 1;
            while (k < r->n && !r->cell[k][0] && *CS(d, i, k) == 1 && *RS(d, i, k) == 1)
                k++;
            if (k == r->n && k - c > 1)
                k--;                   /* keep the row's last cell: where the row ends shows */
            if (k - c < 2)
                continue;
            *CS(d, i, c) = k - c;
            for (int j = c + 1; j < k; j++)
                *CS(d, i, j) = 0;
            c = k - 1;
        }
    }
}

/* 1 when a line's spaces matter (leading, trailing, doubled). */
static int spaced(const char *s)
{
    size_t n = strlen(s);
    if (!n)
        return 0;
    if (s[0] == ' ' || s[n - 1] == ' ' || strstr(s, "  ") || strstr(s, "\xC2\xA0") || strstr(s, "\xE3\x80\x80"))
        return 1;
    return 0;
}

/* ---- HTML ------------------------------------------------------------------------- */

static void html_escape(sbuf *b, const char *s, int refs, int br_for_space)
{
    const char *start = s;
    while (*s) {
        unsigned cp;
        int n = utf8_decode(s, strlen(s), &cp);
        if (n <= 0) {
            sbuf_addc(b, *s++);
            continue;
        }
        if (cp == '&')
            sbuf_adds(b, "&amp;");
        else if (cp == '<')
            sbuf_adds(b, "&lt;");
        else if (cp == '>')
            sbuf_adds(b, "&gt;");
        else if (cp == 0xA0)
            sbuf_adds(b, "&nbsp;");
        else if (cp == ' ' && br_for_space && s > start && s[1] && s[1] != ' ' && chance(50))
            sbuf_adds(b, chance(50) ? "<br>" : "<br/>\n");
        else if (cp >= 0x4E00 && cp < 0xA000 && refs && chance(3))
            sbuf_printf(b, chance(50) ? "&#x%X;" : "&#%u;", cp);
        else
            sbuf_add(b, s, (size_t)n);
        s += n;
    }
}

static void html_noise(sbuf *b)
{
    switch (rnd(12)) {
    case 0: sbuf_adds(b, "<script type=\"text/javascript\">var s = \"<p>2020年</p>\"; if (a < b && c) {}</script>\n"); break;
    case 1: sbuf_adds(b, "<!-- 一、总体情况 共收到申请99件 -->\n"); break;
    case 2: sbuf_adds(b, "<style>p { margin: 0 } td > p { x: \"</p>\" }</style>\n"); break;
    case 3: sbuf_adds(b, "<div style=\"display: none\">隐藏：本年新收政府信息公开申请数量 99</div>\n"); break;
    case 4: sbuf_adds(b, "<nav><a href=\"/\">首页</a> &gt; <a href=\"#\">政府信息公开年报</a></nav>\n"); break;
    case 5: sbuf_adds(b, "\n   \n"); break;
    default: break;
    }
}

static void html_cell_text(sbuf *b, const char *s)
{
    if (!*s) {
        static const char *const blank[] = {"", "&nbsp;", " ", "\n  ", "&nbsp; ", "<p>&nbsp;</p>"};
        sbuf_adds(b, blank[rnd(6)]);
        return;
    }
    int wrap = chance(15) ? 1 + (int)rnd(2) : 0;
    if (wrap)
        sbuf_adds(b, wrap == 1 ? "<p>" : "<span style=\"font-family:宋体\">");
    html_escape(b, s, 1, 1);
    if (wrap)
        sbuf_adds(b, wrap == 1 ? "</p>" : "</span>");
}

static void html_table(sbuf *b, doc_t *d, size_t from, size_t to)
{
    sbuf_adds(b, chance(50) ? "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">\n" : "<table class=\"MsoNormalTable\">\n");
    int body = chance(50);
    if (body)
        sbuf_adds(b, "<tbody>\n");
    for (size_t i = from; i < to; i++) {
        sbuf_adds(b, chance(10) ? "<tr style=\"height:20px\">" : "<tr>");
        row_t *r = &d->rows[i];
        for (int c = 0; c < r->n; c++) {
            int cs = *CS(d, i, c), rs = *RS(d, i, c);
            if (!cs)
                continue;
            const char *tag = i == from && !numeric(r->cell[c]) && chance(30) ? "th" : "td";
            sbuf_printf(b, "\n  <%s", tag);
            if (rs > 1)
                sbuf_printf(b, " rowspan=\"%d\"", rs);
            if (cs > 1)
                sbuf_printf(b, " colspan=%d", cs);
            sbuf_adds(b, ">");
            html_cell_text(b, r->cell[c]);
            sbuf_printf(b, chance(90) ? "</%s>" : "", tag);   /* an end tag a browser does not need */
        }
        sbuf_adds(b, "</tr>\n");
    }
    if (body)
        sbuf_adds(b, "</tbody>\n");
    sbuf_adds(b, "</table>\n");
}

static char *to_gb18030(const char *s, size_t n, size_t *out)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 2 + 16, ol = cap;
    char *o = xmalloc(cap), *op = o, *ip = (char *)s;
    size_t il = n;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
        iconv_close(cd);
        free(o);
        return NULL;
    }
    iconv_close(cd);
    *out = (size_t)(op - o);
    return o;
}

static int write_all(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0) {
        fprintf(stderr, "mkformats: cannot write %s: %s\n", path, strerror(errno));
        return 2;
    }
    return 0;
}

static int make_html(doc_t *d, const char *out)
{
    int enc = (int)rnd(5);           /* 0 utf-8 meta, 1 BOM, 2 gb2312 http-equiv, 3 gbk meta charset, 4 none */
    int layout = chance(40);
    find_spans(d, 85);
    sbuf b;
    sbuf_init(&b);
    if (enc == 1)
        sbuf_adds(&b, "\xEF\xBB\xBF");
    sbuf_adds(&b, chance(50) ? "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
                               "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
                             : "<!doctype html>\n");
    sbuf_adds(&b, "<html>\n<head>\n");
    if (enc == 0)
        sbuf_adds(&b, "<meta charset=\"utf-8\">\n");
    else if (enc == 2)
        sbuf_adds(&b, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />\n");
    else if (enc == 3)
        sbuf_adds(&b, "<META CHARSET=GBK>\n");
    sbuf_adds(&b, "<title>政府信息公开工作年度报告 - 政务公开</title>\n"
                  "<script>function f(){return '<table><tr><td>1</td></tr></table>';}</script>\n"
                  "<style type=\"text/css\">td{border:1px solid #000}</style>\n</head>\n<body>\n");
    html_noise(&b);
    if (layout)
        sbuf_adds(&b, "<table width=\"100%\"><tr><td class=\"side\"><nav><ul><li><a href=\"#\">机构概况</a></li>"
                      "<li><a href=\"#\">政策文件</a></li></ul></nav></td>\n<td class=\"main\">\n"
                      "<table><tr><td><div id=\"content\">\n");
    for (size_t i = 0; i < d->nlines;) {
        if (is_table_line(d, i)) {
            size_t k = i;
            while (is_table_line(d, k))
                k++;
            html_table(&b, d, i, k);
            i = k;
            html_noise(&b);
            continue;
        }
        const char *s = d->line[i];
        if (!*s) {
            static const char *const empty[] = {"<p>&nbsp;</p>\n", "<p><span>&nbsp;</span></p>\n",
                                                "<div>&#160;</div>\n", "<br>\n"};
            /* <br> alone makes an empty line only where no text waits for a line end */
            sbuf_adds(&b, empty[rnd(4)]);
        } else if (spaced(s)) {
            sbuf_adds(&b, "<pre>");
            html_escape(&b, s, 0, 0);
            sbuf_adds(&b, "</pre>\n");
        } else {
            static const char *const open[] = {"<p>", "<p class=\"MsoNormal\" style=\"text-indent:2em\">", "<div>",
                                               "<h3>", "<p align=\"center\"><b>"};
            static const char *const close[] = {"</p>", "</p>", "</div>", "</h3>", "</b></p>"};
            int k = (int)rnd(5);
            sbuf_adds(&b, open[k]);
            html_escape(&b, s, 1, 0);
            sbuf_adds(&b, close[k]);
            sbuf_adds(&b, "\n");
        }
        i++;
        html_noise(&b);
    }
    if (layout)
        sbuf_adds(&b, "</div></td></tr></table>\n</td></tr></table>\n");
    sbuf_adds(&b, "<div hidden>分享到：微信 微博</div>\n</body>\n</html>\n");
    int rc;
    if (enc >= 2) {
        size_t n = 0;
        char *gb = to_gb18030(b.s, b.len, &n);
        if (!gb) {
            fprintf(stderr, "mkformats: GB18030 conversion failed\n");
            sbuf_free(&b);
            return 2;
        }
        rc = write_all(out, gb, n);
        free(gb);
    } else {
        rc = write_all(out, b.s, b.len);
    }
    sbuf_free(&b);
    return rc;
}

/* ---- DOCX ------------------------------------------------------------------------- */

static void xml_escape(sbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '&')
            sbuf_adds(b, "&amp;");
        else if (c == '<')
            sbuf_adds(b, "&lt;");
        else if (c == '>')
            sbuf_adds(b, "&gt;");
        else if (c == '"')
            sbuf_adds(b, "&quot;");
        else
            sbuf_addc(b, c);
    }
}

/* A run of text, in several runs split at character boundaries. */
static void docx_runs(sbuf *b, const char *s, int in_cell)
{
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        size_t take = n - i;
        if (chance(40) && take > 1) {
            take = 1 + rnd((unsigned)take);
            while (i + take < n && ((unsigned char)s[i + take] & 0xC0) == 0x80)
                take++;
        }
        if (chance(10))
            sbuf_adds(b, "<w:proofErr w:type=\"spellStart\"/>");
        if (chance(10))
            sbuf_adds(b, "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>");
        sbuf_adds(b, "<w:r>");
        if (chance(30))
            sbuf_adds(b, "<w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/></w:rPr>");
        /* a space inside a cell may be a line break */
        const char *chunk = s + i;
        size_t j = 0;
        sbuf_adds(b, "<w:t xml:space=\"preserve\">");
        while (j < take) {
            if (in_cell && chunk[j] == ' ' && i + j > 0 && i + j + 1 < n && chance(40)) {
                sbuf_adds(b, "</w:t><w:br/><w:t xml:space=\"preserve\">");
                j++;
                continue;
            }
            xml_escape(b, chunk + j, 1);
            j++;
        }
        sbuf_adds(b, "</w:t></w:r>");
        if (chance(5))
            sbuf_adds(b, "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字99</w:t></w:r>");
        i += take;
    }
}

static void docx_para(sbuf *b, const char *s, int in_cell)
{
    if (!*s) {
        sbuf_adds(b, chance(50) ? "<w:p/>" : "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:p>");
        return;
    }
    sbuf_adds(b, chance(50) ? "<w:p>" : "<w:p><w:pPr><w:ind w:firstLine=\"640\"/></w:pPr>");
    docx_runs(b, s, in_cell);
    sbuf_adds(b, "</w:p>");
}

static int make_docx(doc_t *d, const char *out)
{
    find_spans(d, 85);
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>");
    for (size_t i = 0; i < d->nlines;) {
        if (!is_table_line(d, i)) {
            docx_para(&b, d->line[i], 0);
            i++;
            continue;
        }
        size_t k = i;
        while (is_table_line(d, k))
            k++;
        /* the grid's columns, as Word writes them (python-docx finds a row's cells by them) */
        int ncol = 0;
        for (size_t r = i; r < k; r++)
            if (d->rows[r].n > ncol)
                ncol = d->rows[r].n;
        sbuf_adds(&b, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
        for (int c = 0; c < ncol; c++)
            sbuf_adds(&b, "<w:gridCol w:w=\"1000\"/>");
        sbuf_adds(&b, "</w:tblGrid>");
        for (size_t r = i; r < k; r++) {
            sbuf_adds(&b, "<w:tr>");
            row_t *row = &d->rows[r];
            int units = 0;                 /* the grid's columns this row's cells cover */
            for (int c = 0; c < row->n; c++) {
                int cs = *CS(d, r, c);
                /* a cell covered from above is a vMerge continuation; find it */
                int covered = 0;
                if (!cs) {
                    for (size_t up = r; up-- > i;)
                        if (*RS(d, up, c) > (int)(r - up) && *CS(d, up, c)) {
                            covered = 1;
                            break;
                        }
                    if (!covered)
                        continue;      /* inside a column span */
                }
                sbuf_adds(&b, "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>");
                units += cs > 1 ? cs : 1;
                if (cs > 1)
                    sbuf_printf(&b, "<w:gridSpan w:val=\"%d\"/>", cs);
                if (covered)
                    sbuf_adds(&b, chance(50) ? "<w:vMerge/>" : "<w:vMerge w:val=\"continue\"/>");
                else if (*RS(d, r, c) > 1)
                    sbuf_adds(&b, "<w:vMerge w:val=\"restart\"/>");
                sbuf_adds(&b, "</w:tcPr>");
                if (covered || !row->cell[c][0])
                    sbuf_adds(&b, "<w:p/>");
                else
                    docx_para(&b, row->cell[c], 1);
                sbuf_adds(&b, "</w:tc>");
            }
            for (; units < ncol; units++)   /* a short row ends in empty cells, as Word fills the grid */
                sbuf_adds(&b, "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>");
            sbuf_adds(&b, "</w:tr>");
        }
        sbuf_adds(&b, "</w:tbl>");
        i = k;
    }
    sbuf_adds(&b, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>\n");

    static const char content_types[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static const char rels[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>";
    remove(out);
    int err = 0;
    zip_t *z = zip_open(out, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) {
        fprintf(stderr, "mkformats: cannot create %s\n", out);
        sbuf_free(&b);
        return 2;
    }
    const char *names[3] = {"[Content_Types].xml", "_rels/.rels", "word/document.xml"};
    const char *data[3] = {content_types, rels, b.s};
    size_t lens[3] = {sizeof content_types - 1, sizeof rels - 1, b.len};
    for (int k = 0; k < 3; k++) {
        zip_source_t *src = zip_source_buffer(z, data[k], lens[k], 0);
        zip_int64_t idx = src ? zip_file_add(z, names[k], src, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            fprintf(stderr, "mkformats: zip: %s\n", zip_strerror(z));
            zip_source_free(src);
            zip_discard(z);
            sbuf_free(&b);
            return 2;
        }
        zip_file_set_mtime(z, (zip_uint64_t)idx, 1704067200, 0);   /* 2024-01-01 */
    }
    int rc = zip_close(z) == 0 ? 0 : 2;
    if (rc)
        fprintf(stderr, "mkformats: zip_close failed\n");
    sbuf_free(&b);
    return rc;
}

/* ---- PDF ------------------------------------------------------------------------- */

int make_pdf(doc_t *d, const char *out, int no_text, int word);

/* mkformats dump FILE: the text the engine reads of FILE, "page<TAB>line" per line. */
static int dump(const char *path)
{
    char *buf;
    size_t len;
    const char *why = NULL;
    if (util_read_file(path, 64u << 20, &buf, &len, &why)) {
        fprintf(stderr, "mkformats: %s: %s\n", path, why);
        return 2;
    }
    char *reason = NULL;
    gk_text *t = input_decode(path, buf, len, NULL, &reason);
    if (!t) {
        printf("%s\n", reason);
        free(reason);
        return 1;
    }
    for (size_t i = 0; i < t->nlines; i++)
        printf("%d\t%s\n", t->page ? t->page[i] : 0, t->orig[i].s);
    text_free(t);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "dump"))
        return dump(argv[2]);
    if (argc < 5) {
        fputs("usage: mkformats html|docx|pdf SEED IN OUT [--no-text]\n", stderr);
        return 2;
    }
    rng_state = strtoull(argv[2], NULL, 10) * 0x9E3779B97F4A7C15ull + 0x1234567ull;
    if (!rng_state)
        rng_state = 1;
    doc_t d;
    load(&d, argv[3]);
    int rc = 2;
    if (!strcmp(argv[1], "html"))
        rc = make_html(&d, argv[4]);
    else if (!strcmp(argv[1], "docx"))
        rc = make_docx(&d, argv[4]);
    else if (!strcmp(argv[1], "pdf"))
        rc = make_pdf(&d, argv[4], argc > 5 && !strcmp(argv[5], "--no-text"),
                      argc <= 5                        ? 0
                      : !strcmp(argv[5], "--word")      ? 1
                      : !strcmp(argv[5], "--grid")      ? 2
                      : !strcmp(argv[5], "--wide")      ? 3
                      : !strcmp(argv[5], "--grid-wide") ? 4
                                                        : 0);
    else
        fprintf(stderr, "mkformats: unknown kind %s\n", argv[1]);
    for (size_t i = 0; i < d.nlines; i++) {
        free(d.line[i]);
        for (int c = 0; c < d.rows[i].n; c++)
            free(d.rows[i].cell[c]);
        free(d.rows[i].cell);
    }
    free(d.line);
    free(d.rows);
    free(d.rowspan);
    free(d.colspan);
    return rc;
}

/* A4 landscape in points (the tables are wide); text 10 pt on a 16 pt pitch, tables smaller when they must be. */
#define PW 842.0
#define PH 595.0
#define ML 56.0
#define MR 56.0
#define MT 64.0
#define MB 64.0
#define FS 10.0
#define PITCH 16.0
#define PAD 6.0

typedef struct {
    cairo_t *cr;
    double y;
    int page;
    int no_text;
    int footer;
    /* a table as Word or WPS prints one (from a stream of its own, so that a PDF
     * without it is what it was before): label columns no wider than maxw
     * characters, their text wrapped over several lines; numbers left-aligned,
     * centred or right-aligned in their cells (num_align 0, 1, 2), labels and
     * headers left-aligned or centred (lab_align); a row's cells at its top or
     * in its middle (valign 0, 1) */
    int word, num_align, lab_align, valign;
    double maxw;
    /* grid (--grid): every cell's borders drawn, as Word, WPS and a browser print a
     * table with borders (none across a cell spanning rows or columns); numw the
     * least width of a column, in characters: 1 packs numbers as close as a
     * narrow table has them, closer than the gap that parts two cells' text */
    int grid;
    double numw;
    int brk;                           /* grid: a label's item number on a line of its own */
    double shade;                      /* grid: the header rows' background grey (1: none) */
    double mb;                         /* the bottom margin of tables (grid: at times a browser's
                                          narrow one, the last row in the page's bottom tenth) */
    double over;                       /* --wide: how far past the page's edge a table reaches (0: not) */
} pdfw;

static void pdf_text(pdfw *w, double x, double baseline, const char *s, double size)
{
    cairo_set_font_size(w->cr, size);
    cairo_move_to(w->cr, x, baseline);
    if (w->no_text) {                  /* outlines only: a page as a scan has it, no text layer */
        cairo_text_path(w->cr, s);
        cairo_fill(w->cr);
    } else {
        cairo_show_text(w->cr, s);
    }
}

static double pdf_width(pdfw *w, const char *s, double size)
{
    cairo_text_extents_t e;
    cairo_set_font_size(w->cr, size);
    cairo_text_extents(w->cr, s, &e);
    return e.x_advance;
}

static void pdf_end_page(pdfw *w)
{
    char num[64];
    static const char *const style[] = {"- %d -", "第 %d 页", "%d", "— %d —"};
    snprintf(num, sizeof num, style[w->footer], w->page);
    pdf_text(w, (PW - pdf_width(w, num, 9)) / 2, PH - 30, num, 9);
    cairo_show_page(w->cr);
}

static void pdf_new_page(pdfw *w)
{
    if (w->page)
        pdf_end_page(w);
    w->page++;
    const char *head = "政府信息公开工作年度报告";
    pdf_text(w, (PW - pdf_width(w, head, 9)) / 2, 36, head, 9);
    cairo_move_to(w->cr, ML, 42);
    cairo_line_to(w->cr, PW - MR, 42);
    cairo_set_line_width(w->cr, 0.5);
    cairo_stroke(w->cr);
    w->y = MT;
}

static void pdf_room(pdfw *w)
{
    if (w->y + PITCH > PH - MB)
        pdf_new_page(w);
}

/* One character of s at *p, as a string. */
static int one_char(const char *p, char out[8])
{
    unsigned cp;
    int n = utf8_decode(p, strlen(p), &cp);
    if (n <= 0)
        n = 1;
    memcpy(out, p, (size_t)n);
    out[n] = '\0';
    return n;
}

static size_t nchars(const char *s)
{
    size_t n = 0;
    char c[8];
    while (*s) {
        s += one_char(s, c);
        n++;
    }
    return n;
}

/* The end of as many characters of s as fit in `avail` points at size `size`
 * (one at least). */
static const char *fit_chars(pdfw *w, const char *s, double avail, double size)
{
    const char *p = s;
    double x = 0;
    char c[8];
    while (*p) {
        int n = one_char(p, c);
        double cw = pdf_width(w, c, size);
        if (x + cw > avail && p > s)
            break;
        x += cw;
        p += n;
    }
    return p;
}

static void pdf_para(pdfw *w, const char *s)
{
    double avail = PW - ML - MR;
    if (!*s) {
        pdf_room(w);
        w->y += PITCH;
        return;
    }
    while (*s) {
        const char *p = fit_chars(w, s, avail, FS);
        char *seg = xstrndup(s, (size_t)(p - s));
        pdf_room(w);
        pdf_text(w, ML, w->y + FS, seg, FS);
        free(seg);
        w->y += PITCH;
        s = p;
    }
}

/* A table's text size (the columns of widths colw[0..nc), in units of the size, at least
 * minw, made to fit the page — or, `over` > 0, a browser's wide table: the type not
 * shrunk to the page, its right end `over` past the edge) and its columns' left
 * edges colx[0..nc]. */
static double table_columns(int nc, double *colw, double minw, double over, double *colx)
{
    double sum = 0;
    for (int c = 0; c < nc; c++) {
        if (colw[c] < minw)
            colw[c] = minw;
        sum += colw[c];
    }
    double ts;
    if (over > 0) {
        ts = sum > 0 ? (PW + over - ML - 2 * PAD * nc) / sum : FS;
        ts = ts > 10 ? 10 : ts < 5 ? 5 : ts;
    } else {
        double avail = PW - ML - MR - 2 * PAD * nc;
        ts = sum > 0 ? avail / sum : FS;
        if (ts > 9)
            ts = 9;
        if (ts < 3.5)
            ts = 3.5;
    }
    colx[0] = ML;
    for (int c = 0; c < nc; c++)
        colx[c + 1] = colx[c] + colw[c] * ts + 2 * PAD;
    return ts;
}

/* A number as a table cell holds it: digits and their marks, or a blank marker. */
static int numberish(const char *t)
{
    if (!strcmp(t, "—") || !strcmp(t, "——") || !strcmp(t, "无") || !strcmp(t, "／"))
        return 1;
    return *t && t[strspn(t, "0123456789,.+-/")] == '\0';
}

/* The length of the item number a label begins with ("4.", "4、", "(一)",
 * "（一）") and the spaces after it; 0 when it begins with none. */
static size_t item_number(const char *t)
{
    size_t n = 0;
    if (t[0] >= '0' && t[0] <= '9') {
        while (t[n] >= '0' && t[n] <= '9')
            n++;
        if (t[n] == '.' && !(t[n + 1] >= '0' && t[n + 1] <= '9'))
            n++;                       /* not a number's decimals: "1.25" */
        else if (!strncmp(t + n, "、", 3))
            n += 3;
        else
            return 0;
    } else {
        const char *open = t[0] == '(' ? "(" : !strncmp(t, "（", 3) ? "（" : NULL;
        if (!open)
            return 0;
        n = strlen(open);
        const char *a = strchr(t + n, ')'), *b = strstr(t + n, "）");
        const char *close = a && (!b || a < b) ? a : b;   /* a whole character, never a byte of one */
        if (!close || close - t > 16)
            return 0;
        n = (size_t)(close - t) + (*close == ')' ? 1 : 3);
    }
    while (t[n] == ' ')
        n++;
    return n;
}

/* The lines cell text t is wrapped into at width `avail` (points) and size ts:
 * as many characters as fit on each; at most max lines, their starts in at[]. */
static int wrap_cell(pdfw *w, const char *t, double avail, double ts, const char **at, int max)
{
    int n = 0;
    size_t num = w->brk ? item_number(t) : 0;
    if (num && t[num] && max > 1) {    /* the cell's number on a line of its own */
        at[n++] = t;
        t += num;
    }
    while (*t && n < max) {
        at[n++] = t;
        t = fit_chars(w, t, avail, ts);
    }
    return n;                          /* the rest of a longer text on the last line */
}

#define WRAP_MAX 6

/* Row i's cells wrapped in their columns (colx, size ts): each cell's lines'
 * starts in at[c], their count in nl[c] (0: no text, or a cell covered by a
 * span); the row's lines, 1 at least. */
static int wrap_row(pdfw *w, doc_t *d, size_t i, int nc, const double *colx, double ts, const char *at[][WRAP_MAX],
                    int *nl)
{
    row_t *r = &d->rows[i];
    int rows = 1;
    for (int c = 0; c < nc; c++) {
        nl[c] = 0;
        int cs = c < r->n ? *CS(d, i, c) : 0;
        if (!cs || !r->cell[c][0])
            continue;
        int e = c + cs < nc ? c + cs : nc;
        nl[c] = wrap_cell(w, r->cell[c], colx[e] - colx[c] - 2 * PAD, ts, at[c], WRAP_MAX);
        if (nl[c] > rows)
            rows = nl[c];
    }
    return rows;
}

/* The borders of row i (height h at w->y) of a table drawn with every cell's
 * borders: its left and right, and between two cells unless one spans over
 * the place (a column span); its top when it begins the table or a page; its
 * bottom under each column unless a row span goes on there into the next row
 * (`more`: a next row).  below[c] counts the rows a span still covers in
 * column c, kept from row to row. */
static void pdf_grid_row(pdfw *w, doc_t *d, size_t i, int nc, const double *colx, double h, int top_rule, int more,
                         int *below)
{
    row_t *r = &d->rows[i];
    int covered[MAXC];                 /* covered by a row span from above */
    for (int c = 0; c < nc; c++) {
        covered[c] = below[c] > 0;
        if (below[c] > 0)
            below[c]--;
        if (c < r->n && *CS(d, i, c) && *RS(d, i, c) > 1)
            below[c] = *RS(d, i, c) - 1;
    }
    int header = 1;                    /* a row holding no number: a header's, shaded as Word's 底纹 */
    for (int c = 0; c < r->n && header; c++)
        header = !(r->cell[c][0] && numberish(r->cell[c]));
    if (header && w->shade < 1) {
        cairo_set_source_rgb(w->cr, w->shade, w->shade, w->shade);
        cairo_rectangle(w->cr, colx[0], w->y, colx[nc] - colx[0], h);
        cairo_fill(w->cr);
        cairo_set_source_rgb(w->cr, 0, 0, 0);
    }
    cairo_set_line_width(w->cr, 0.5);
    if (top_rule) {
        cairo_move_to(w->cr, colx[0], w->y);
        cairo_line_to(w->cr, colx[nc], w->y);
    }
    for (int c = 0; c <= nc; c++) {
        if (c > 0 && c < nc && c < r->n && !*CS(d, i, c) && !covered[c])
            continue;                  /* inside a cell spanning columns */
        cairo_move_to(w->cr, colx[c], w->y);
        cairo_line_to(w->cr, colx[c], w->y + h);
    }
    for (int c = 0; c < nc; c++) {
        if (more && below[c] > 0)
            continue;                  /* a cell spanning rows goes on below */
        cairo_move_to(w->cr, colx[c], w->y + h);
        cairo_line_to(w->cr, colx[c + 1], w->y + h);
    }
    cairo_stroke(w->cr);
}

/* pdf_table() as Word prints a table (pdfw.word). */
static void pdf_table_word(pdfw *w, doc_t *d, size_t from, size_t to)
{
    int nc = 0;
    for (size_t i = from; i < to; i++)
        if (d->rows[i].n > nc)
            nc = d->rows[i].n;
    double colw[MAXC] = {0};
    for (size_t i = from; i < to; i++)
        for (int c = 0; c < d->rows[i].n; c++) {
            int cs = *CS(d, i, c);
            const char *t = d->rows[i].cell[c];
            if (cs != 1 || !*t)
                continue;
            double cw = pdf_width(w, t, 1);
            if (!numberish(t) && cw > w->maxw && w->over == 0)
                cw = w->maxw;             /* a label's column: its text wraps */
            if (cw > colw[c])
                colw[c] = cw;
        }
    double colx[MAXC + 1];
    /* (a number's cell is wider than the number; --wide: labels unwrapped, above) */
    double ts = table_columns(nc, colw, w->grid ? w->numw : 2.0, w->over, colx);
    double lh = ts * 1.5;              /* the pitch of a cell's lines */
    int below[MAXC] = {0};             /* rows still covered by a row span, per column */
    /* grid: each row's height beforehand, for a label spanning rows centred over them */
    double *hrow = xcalloc(to - from + 1, sizeof *hrow);
    for (size_t i = from; w->grid && i < to; i++) {
        const char *at[MAXC][WRAP_MAX];
        int nl[MAXC];
        hrow[i - from] = wrap_row(w, d, i, nc, colx, ts, at, nl) * lh + 4;
    }
    for (size_t i = from; i < to; i++) {
        row_t *r = &d->rows[i];
        const char *at[MAXC][WRAP_MAX];
        int nl[MAXC], rows = wrap_row(w, d, i, nc, colx, ts, at, nl);
        double h = rows * lh + 4;
        int top_rule = i == from;
        if (w->y + h > PH - w->mb) {
            pdf_new_page(w);
            top_rule = 1;
        }
        if (w->grid)
            pdf_grid_row(w, d, i, nc, colx, h, top_rule, i + 1 < to, below);
        for (int c = 0; c < nc && c < r->n; c++) {
            if (!nl[c])
                continue;
            int cs = *CS(d, i, c);
            int e = c + cs < nc ? c + cs : nc;
            int num = numberish(r->cell[c]);
            int align = num ? w->num_align : w->lab_align;
            double top = w->valign ? (rows - nl[c]) * lh / 2 : 0;
            if (w->grid && w->valign && *RS(d, i, c) > 1) {   /* over the rows it spans, when on this page */
                double span = 0;
                for (size_t k = i; k < i + (size_t)*RS(d, i, c) && k < to; k++)
                    span += hrow[k - from];
                if (w->y + span <= PH - w->mb && span > nl[c] * lh)
                    top = (span - 4 - nl[c] * lh) / 2;
            }
            for (int k = 0; k < nl[c]; k++) {
                const char *a = at[c][k], *b = k + 1 < nl[c] ? at[c][k + 1] : a + strlen(a);
                char *seg = xstrndup(a, (size_t)(b - a));
                double tw = pdf_width(w, seg, ts), x = colx[c] + PAD;
                if (align == 1)
                    x = (colx[c] + colx[e] - tw) / 2;
                else if (align == 2)
                    x = colx[e] - PAD - tw;
                pdf_text(w, x, w->y + 2 + top + k * lh + ts, seg, ts);
                free(seg);
            }
        }
        if (!w->grid) {
            cairo_move_to(w->cr, colx[0], w->y + h);
            cairo_line_to(w->cr, colx[nc], w->y + h);
            cairo_set_line_width(w->cr, 0.3);
            cairo_stroke(w->cr);
        }
        w->y += h;
    }
    free(hrow);
}

static void pdf_table(pdfw *w, doc_t *d, size_t from, size_t to)
{
    if (w->word) {
        pdf_table_word(w, d, from, to);
        return;
    }
    int nc = 0;
    for (size_t i = from; i < to; i++)
        if (d->rows[i].n > nc)
            nc = d->rows[i].n;
    double colw[MAXC] = {0};
    /* which row-spanning labels are written one character per line */
    int *vertical = xcalloc((to - from) * MAXC, sizeof *vertical);
    for (size_t i = from; i < to; i++)
        for (int c = 0; c < d->rows[i].n; c++) {
            int rs = *RS(d, i, c), cs = *CS(d, i, c);
            if (!cs)
                continue;
            const char *t = d->rows[i].cell[c];
            int v = rs > 1 && cs == 1 && nchars(t) >= 3 && nchars(t) <= (size_t)rs && chance(70);
            vertical[(i - from) * MAXC + (size_t)c] = v;
            if (cs == 1) {
                double cw = v ? pdf_width(w, "国", 1) : pdf_width(w, t, 1);
                if (cw > colw[c])
                    colw[c] = cw;
            }
        }
    double colx[MAXC + 1];
    double ts = table_columns(nc, colw, 0.6, 0, colx);
    /* characters of a vertical label still to write, per column */
    const char *pending[MAXC] = {0};
    for (size_t i = from; i < to; i++) {
        pdf_room(w);
        double base = w->y + (PITCH + ts) / 2 - 1;
        row_t *r = &d->rows[i];
        for (int c = 0; c < nc; c++) {
            char ch[8];
            if (pending[c] && *pending[c]) {
                pending[c] += one_char(pending[c], ch);
                pdf_text(w, colx[c] + PAD, base, ch, ts);
                continue;
            }
            if (c >= r->n || !*CS(d, i, c) || !r->cell[c][0])
                continue;
            if (vertical[(i - from) * MAXC + (size_t)c]) {
                const char *t = r->cell[c];
                t += one_char(t, ch);
                pdf_text(w, colx[c] + PAD, base, ch, ts);
                pending[c] = t;
                continue;
            }
            pdf_text(w, colx[c] + PAD, base, r->cell[c], ts);
        }
        cairo_move_to(w->cr, colx[0], w->y + PITCH);
        cairo_line_to(w->cr, colx[nc], w->y + PITCH);
        cairo_set_line_width(w->cr, 0.3);
        cairo_stroke(w->cr);
        w->y += PITCH;
    }
    free(vertical);
}

int make_pdf(doc_t *d, const char *out, int no_text, int word)
{
    find_spans(d, 100);
    cairo_surface_t *surf = cairo_pdf_surface_create(out, PW, PH);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "mkformats: cannot create %s\n", out);
        return 2;
    }
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00");
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "gkreview tests/tools/mkformats");
    pdfw w = {0};
    w.cr = cairo_create(surf);
    w.no_text = no_text;
    w.footer = (int)rnd(4);
    {
        uint64_t keep = rng_state;     /* the Word-like choices from a stream of their own */
        rng_state ^= 0x94D049BB133111EBull;
        w.word = word > 2 ? word - 2 : word;
        w.num_align = (int)rnd(3);
        w.lab_align = (int)rnd(2);
        w.valign = (int)rnd(2);
        w.maxw = 6 + rnd(9);
        w.grid = w.word == 2;
        if (w.grid) {
            w.numw = rnd(2) ? 1.0 : 2.0;
            w.brk = (int)rnd(2);
            static const double SHADES[] = {1.0, 0.85, 0.75, 0.6};
            w.shade = SHADES[rnd(4)];
            w.mb = rnd(2) ? 44.0 : MB;
        } else {
            w.mb = MB;
        }
        if (word > 2)
            w.over = 10 + (double)rnd(71);
        rng_state = keep;
    }
    cairo_select_font_face(w.cr, "WenQuanYi Micro Hei", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_source_rgb(w.cr, 0, 0, 0);
    pdf_new_page(&w);
    for (size_t i = 0; i < d->nlines;) {
        if (is_table_line(d, i)) {
            size_t k = i;
            while (is_table_line(d, k))
                k++;
            pdf_table(&w, d, i, k);
            i = k;
            continue;
        }
        pdf_para(&w, d->line[i]);
        i++;
    }
    pdf_end_page(&w);
    int drawn = cairo_status(w.cr) == CAIRO_STATUS_SUCCESS;   /* an error stops all drawing after it */
    if (!drawn)
        fprintf(stderr, "mkformats: %s: %s\n", out, cairo_status_to_string(cairo_status(w.cr)));
    cairo_destroy(w.cr);
    cairo_surface_finish(surf);
    int rc = drawn && cairo_surface_status(surf) == CAIRO_STATUS_SUCCESS ? 0 : 2;
    cairo_surface_destroy(surf);
    cairo_debug_reset_static_data();
    return rc;
}
