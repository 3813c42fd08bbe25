/* input.c — telling a file's kind, and what the readers of HTML, DOCX and
 * PDF share: the lines they write and the table grid. */
#include "input.h"
#include "input_out.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the kind of a file ------------------------------------------------------ */

/* The extension of path's last component, "" when none. */
static const char *extension(const char *path)
{
    if (!path)
        return "";
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    const char *dot = strrchr(name, '.');
    return dot ? dot : "";
}

/* Case-insensitive search of the ASCII `needle` in the first `lim` bytes. */
static int has_ci(const char *s, size_t len, size_t lim, const char *needle)
{
    size_t n = strlen(needle);
    if (len > lim)
        len = lim;
    for (size_t i = 0; i + n <= len; i++)
        if ((s[i] | 0x20) == (needle[0] | 0x20) && !strncasecmp(s + i, needle, n))
            return 1;
    return 0;
}

static int looks_html(const char *s, size_t len, int html_name)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    const char *p = s + i;
    size_t n = len - i;
    static const char *const doc[] = {"<html", "<!doctype html", "<head", "<body", "<?xml"};
    static const char *const frag[] = {"<table", "<p>", "<p ", "<div", "<br", "<meta", "<title", "<span", "<h1", "<h2"};
    if (n && p[0] == '<') {
        for (size_t k = 0; k < sizeof doc / sizeof *doc; k++)
            if (has_ci(p, n, 4096, doc[k]))
                return k < 4 || has_ci(p, n, 4096, "<html");
        if (html_name)
            return 1;
    }
    if (html_name)
        for (size_t k = 0; k < sizeof frag / sizeof *frag; k++)
            if (has_ci(p, n, 8192, frag[k]))
                return 1;
    return 0;
}

/* Whether the extension `e` (lower case, `n` bytes) is `name`. */
static int ext_is(const char *e, size_t n, const char *name)
{
    return strlen(name) == n && !memcmp(e, name, n);
}

gk_input_kind input_sniff(const char *path, const char *bytes, size_t len)
{
    /* the extension in lower case (ASCII only, as strcasecmp() compares
     * it), when it is short enough to be one of those below */
    const char *ext = extension(path);
    char e[8];
    size_t n = strlen(ext);
    if (n >= sizeof e)
        n = 0;
    for (size_t i = 0; i < n; i++)
        e[i] = ext[i] >= 'A' && ext[i] <= 'Z' ? (char)(ext[i] + ('a' - 'A')) : ext[i];
    int pdf_name = ext_is(e, n, ".pdf"), docx_name = ext_is(e, n, ".docx"),
        doc_name = ext_is(e, n, ".doc") || ext_is(e, n, ".wps"),
        html_name = ext_is(e, n, ".html") || ext_is(e, n, ".htm") || ext_is(e, n, ".xhtml") ||
                    ext_is(e, n, ".shtml");
    if (len >= 5) {
        const char *pdf = util_find(bytes, len < 1024 ? len : 1024, "%PDF-", 5);
        if (pdf && (pdf == bytes || pdf_name))
            return GK_IN_PDF;
    }
    if (len >= 4 && (!memcmp(bytes, "PK\3\4", 4) || !memcmp(bytes, "PK\5\6", 4)))
        return GK_IN_DOCX;
    if (len >= 8 && !memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return GK_IN_DOC;
    if (len >= 5 && !memcmp(bytes, "{\\rtf", 5))
        return GK_IN_RTF;
    if (looks_html(bytes, len, html_name))
        return GK_IN_HTML;
    if (pdf_name)
        return GK_IN_BAD_PDF;
    if (docx_name)
        return GK_IN_BAD_DOCX;
    if (doc_name)
        return GK_IN_DOC;
    return GK_IN_TEXT;
}

int input_convert(gk_input_kind k, const char *bytes, size_t len, gk_converted *out, char **why)
{
    memset(out, 0, sizeof *out);
    switch (k) {
    case GK_IN_HTML: return input_html(bytes, len, out, why);
    case GK_IN_DOCX: return input_docx(bytes, len, out, why);
    case GK_IN_PDF: return input_pdf(bytes, len, out, why);
    case GK_IN_DOC:
        *why = xstrdup("旧版 Word 文档（.doc）无法直接读取，请另存为 .docx 或 PDF 后再审核");
        return -1;
    case GK_IN_RTF:
        *why = xstrdup("RTF 文档无法直接读取，请另存为 .docx 或 PDF 后再审核");
        return -1;
    case GK_IN_BAD_PDF:
        *why = xstrdup("不是有效的 PDF 文件（没有 %PDF 文件头）");
        return -1;
    case GK_IN_BAD_DOCX:
        *why = xstrdup("不是有效的 Word 文档（.docx 应为 zip 压缩文件）");
        return -1;
    default:
        *why = xstrdup("无法识别的文件类型");
        return -1;
    }
}

void input_converted_free(gk_converted *c)
{
    free(c->text);
    free(c->page);
    memset(c, 0, sizeof *c);
}

/* Gives t the converted file's pages and name. */
static void adopt_meta(gk_text *t, const gk_converted *c)
{
    t->encoding = c->label;
    if (c->page && c->npage && t->nlines) {
        t->page = xmalloc(t->nlines * sizeof *t->page);
        for (size_t i = 0; i < t->nlines; i++)
            t->page[i] = c->page[i < c->npage ? i : c->npage - 1];
    }
}

static char *reason_of(const char *reason)
{
    return xstrdup(reason ? reason : "无法解码");
}

gk_text *input_decode(const char *path, char *bytes, size_t len, text_verdict *verdict, char **why)
{
    const char *reason = NULL;
    gk_input_kind k = input_sniff(path, bytes, len);
    if (k == GK_IN_TEXT) {
        gk_text *t = text_decode_adopt(bytes, len, verdict, &reason);
        if (!t)
            *why = reason_of(reason);
        return t;
    }
    gk_converted c;
    int rc = input_convert(k, bytes, len, &c, why);
    free(bytes);
    if (rc)
        return NULL;
    char *text = c.text;
    c.text = NULL;
    gk_text *t = text_decode_adopt(text, c.len, NULL, &reason);
    if (t)
        adopt_meta(t, &c);
    else
        *why = reason && !strcmp(reason, "文件为空") ? xasprintf("%s 中没有文字", c.label) : reason_of(reason);
    input_converted_free(&c);
    return t;
}

gk_text *input_decode_until(const char *path, const char *bytes, size_t len, text_stop_fn stop, void *ctx,
                            text_verdict *verdict, char **why)
{
    const char *reason = NULL;
    gk_input_kind k = input_sniff(path, bytes, len);
    if (k == GK_IN_TEXT) {
        gk_text *t = text_decode_until(bytes, len, stop, ctx, verdict, &reason);
        if (!t)
            *why = reason_of(reason);
        return t;
    }
    gk_converted c;
    if (input_convert(k, bytes, len, &c, why))
        return NULL;
    gk_text *t = text_decode_until(c.text, c.len, stop, ctx, NULL, &reason);
    if (t)
        adopt_meta(t, &c);
    else
        *why = reason && !strcmp(reason, "文件为空") ? xasprintf("%s 中没有文字", c.label) : reason_of(reason);
    input_converted_free(&c);
    return t;
}

/* ---- writing lines -------------------------------------------------------------- */

void out_init(gk_out *o)
{
    memset(o, 0, sizeof *o);
    sbuf_init(&o->text);
    sbuf_init(&o->cur);
}

void out_free(gk_out *o)
{
    sbuf_free(&o->text);
    sbuf_free(&o->cur);
    free(o->pages);
    memset(o, 0, sizeof *o);
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void out_text(gk_out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_ws(c)) {
            o->space = 1;
            continue;
        }
        if (c == 0)
            continue;
        if (o->space && o->cur.len)
            sbuf_addc(&o->cur, ' ');
        o->space = 0;
        sbuf_addc(&o->cur, (char)c);
    }
}

int out_blank(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (is_ws((unsigned char)s[i]))
            i++;
        else if (i + 1 < n && !memcmp(s + i, "\xC2\xA0", 2))
            i += 2;
        else if (i + 2 < n && !memcmp(s + i, "\xE3\x80\x80", 3))
            i += 3;
        else
            return 0;
    }
    return 1;
}

size_t out_squash(char *s, size_t n)
{
    size_t w = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_ws(c) || c == 0) {
            space = 1;
            continue;
        }
        if (space && w)
            s[w++] = ' ';
        space = 0;
        s[w++] = (char)c;
    }
    if (out_blank(s, w))
        w = 0;
    s[w] = '\0';
    return w;
}

static void add_line(gk_out *o, const char *s, size_t n)
{
    if (o->nlines >= OUT_MAX_LINES)
        return;
    if (o->form_feed) {
        sbuf_addc(&o->text, '\f');
        o->form_feed = 0;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\0')
            continue;
        sbuf_addc(&o->text, c == '\n' || c == '\r' ? ' ' : c);
    }
    sbuf_addc(&o->text, '\n');
    if (o->nlines == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 256;
        o->pages = xrealloc(o->pages, o->cap * sizeof *o->pages);
    }
    o->pages[o->nlines++] = o->page;
}

void out_page_break(gk_out *o)
{
    out_flush(o);
    o->form_feed = o->nlines > 0;
}

void out_flush(gk_out *o)
{
    o->space = 0;
    if (!o->cur.len)
        return;
    size_t n = o->cur.len;
    if (out_blank(o->cur.s, n))
        n = 0;
    add_line(o, o->cur.s, n);
    o->cur.len = 0;
    o->cur.s[0] = '\0';
}

void out_cur_line(gk_out *o)
{
    add_line(o, o->cur.s ? o->cur.s : "", o->cur.len);
    o->cur.len = 0;
    if (o->cur.s)
        o->cur.s[0] = '\0';
    o->space = 0;
}

void out_line(gk_out *o, const char *s, size_t n)
{
    out_flush(o);
    add_line(o, s, n);
}

void out_finish(gk_out *o, gk_converted *c, int with_pages)
{
    out_flush(o);
    c->len = o->text.len;
    c->text = sbuf_steal(&o->text);
    if (!c->text)
        c->text = xstrdup("");
    if (with_pages) {
        c->page = o->pages;
        c->npage = o->nlines;
        o->pages = NULL;
    }
    out_free(o);
}

/* ---- the table grid ----------------------------------------------------------- */

void tgrid_init(gk_tgrid *g)
{
    memset(g, 0, sizeof *g);
    sbuf_init(&g->row);
}

void tgrid_free(gk_tgrid *g)
{
    sbuf_free(&g->row);
}

void tgrid_row_begin(gk_tgrid *g)
{
    g->row.len = 0;
    if (g->row.s)
        g->row.s[0] = '\0';
    g->col = 0;
    g->ncells = 0;
    for (int c = 0; c < GRID_MAX_COLS; c++)
        g->from_above[c] = g->left[c] > 0;
}

/* The cell at g->col: its text (or nothing). */
static void put(gk_tgrid *g, const char *s, size_t n)
{
    if (g->ncells++)
        sbuf_addc(&g->row, '\t');
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        sbuf_addc(&g->row, c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    }
    g->col++;
}

void tgrid_cell(gk_tgrid *g, const char *s, size_t n, int colspan, int rowspan)
{
    while (g->col < GRID_MAX_COLS && g->from_above[g->col])
        put(g, "", 0);
    if (g->col >= GRID_MAX_COLS)
        return;
    if (colspan < 1)
        colspan = 1;
    if (rowspan < 1)
        rowspan = 1;
    if (rowspan > GRID_MAX_ROWSPAN)
        rowspan = GRID_MAX_ROWSPAN;
    for (int k = 0; k < colspan && g->col < GRID_MAX_COLS; k++) {
        g->left[g->col] = rowspan - 1;
        if (k == 0)
            put(g, s, n);
        else
            put(g, "", 0);
    }
}

void tgrid_row_end(gk_tgrid *g, gk_out *o)
{
    int last = -1;                     /* the last column a span from above covers */
    for (int c = g->col; c < GRID_MAX_COLS; c++)
        if (g->from_above[c])
            last = c;
    while (g->col <= last)
        put(g, "", 0);
    for (int c = 0; c < GRID_MAX_COLS; c++)
        if (g->from_above[c] && g->left[c] > 0)
            g->left[c]--;
    out_line(o, g->row.s ? g->row.s : "", g->row.len);
}

/* ---- encodings ------------------------------------------------------------------- */

char *input_iconv(const char *from, const char *in, size_t inlen, size_t *outlen)
{
    return text_iconv_utf8(from, in, inlen, outlen, NULL, 1);
}
