/* input_docx.c — a Word document (.docx) to report text: libzip opens the
 * package, libxml2 reads word/document.xml.
 *
 * Each paragraph (w:p) is a line: its runs' text (w:t), w:tab a tab, w:br
 * and w:cr a line break; hidden runs (w:vanish) and deleted text are left
 * out.  Each table row (w:tr) is a line with its cells (w:tc) separated by
 * tabs: w:gridBefore gives empty cells before the first, w:gridSpan spreads
 * a cell over columns (the others empty), a w:vMerge continuation is an
 * empty cell, and a cell's paragraphs, tabs and breaks join with spaces.  A
 * table whose cells hold tables is read as blocks, as HTML layout tables
 * are.  Content controls (w:sdt), smart tags and custom XML are read
 * through. */
#include "input.h"
#include "input_out.h"
#include "util.h"
#include "xmllib.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* ---- libzip, loaded on the first Word document -----------------------------------------
 * Linked, libzip brings libcrypto, bzip2 and lzma, loaded by every run of the program
 * before its first report; so it is opened with dlopen() when a .docx comes, once per
 * process (libxml2 likewise, in xmllib.c). */

static struct {
    __typeof__(zip_error_init) *error_init;
    __typeof__(zip_error_fini) *error_fini;
    __typeof__(zip_source_buffer_create) *source_buffer_create;
    __typeof__(zip_source_free) *source_free;
    __typeof__(zip_open_from_source) *open_from_source;
    __typeof__(zip_discard) *discard;
    __typeof__(zip_name_locate) *name_locate;
    __typeof__(zip_stat_index) *stat_index;
    __typeof__(zip_fopen_index) *fopen_index;
    __typeof__(zip_fread) *fread_;
    __typeof__(zip_fclose) *fclose_;
} Z;
static int Z_ok;
static pthread_once_t Z_once = PTHREAD_ONCE_INIT;

static void load_zip(void)
{
    static const char *const NAMES[] = {"libzip.so.4", "libzip.so", NULL};
    const util_sym SYMS[] = {
        {"zip_error_init", &Z.error_init},
        {"zip_error_fini", &Z.error_fini},
        {"zip_source_buffer_create", &Z.source_buffer_create},
        {"zip_source_free", &Z.source_free},
        {"zip_open_from_source", &Z.open_from_source},
        {"zip_discard", &Z.discard},
        {"zip_name_locate", &Z.name_locate},
        {"zip_stat_index", &Z.stat_index},
        {"zip_fopen_index", &Z.fopen_index},
        {"zip_fread", &Z.fread_},
        {"zip_fclose", &Z.fclose_},
        {NULL, NULL},
    };
    Z_ok = util_dlload("libzip", NAMES, SYMS);
}

#define zip_error_init Z.error_init
#define zip_error_fini Z.error_fini
#define zip_source_buffer_create Z.source_buffer_create
#define zip_source_free Z.source_free
#define zip_open_from_source Z.open_from_source
#define zip_discard Z.discard
#define zip_name_locate Z.name_locate
#define zip_stat_index Z.stat_index
#define zip_fopen_index Z.fopen_index
#define zip_fread Z.fread_
#define zip_fclose Z.fclose_

/* ---- the document ------------------------------------------------------------------------ */

/* Largest word/document.xml read (uncompressed); a real report's is well under 1 MB. */
#define DOCX_MAX_XML (64u * 1024u * 1024u)
#define DOCX_MAX_DEPTH 256

static int is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, local);
}

static const xmlNode *child(const xmlNode *n, const char *local)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, local))
            return c;
    return NULL;
}

/* The w:val attribute, whatever its namespace prefix. */
static xmlChar *val(const xmlNode *n)
{
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcmp((const char *)a->name, "val"))
            return xmlNodeGetContent((xmlNode *)a);
    return NULL;
}

static int int_val(const xmlNode *n, int dflt, int max)
{
    if (!n)
        return dflt;
    xmlChar *v = val(n);
    if (!v)
        return dflt;
    long x = 0;
    int any = 0;
    for (const xmlChar *p = v; *p >= '0' && *p <= '9'; p++, any = 1)
        if (x < 1000000)
            x = x * 10 + (*p - '0');
    xmlFree(v);
    return !any ? dflt : x > max ? max : (int)x;
}

/* Whether a run is hidden (w:rPr/w:vanish not switched off). */
static int hidden_run(const xmlNode *r)
{
    const xmlNode *v = child(child(r, "rPr"), "vanish");
    if (!v)
        return 0;
    xmlChar *x = val(v);
    int off = x && (!strcmp((const char *)x, "0") || !strcmp((const char *)x, "false"));
    xmlFree(x);
    return !off;
}

/* The text of a paragraph's descendants into b; in_cell: breaks and tabs
 * are spaces, else a break ends a line (written through o). */
static void runs(gk_out *o, sbuf *b, const xmlNode *n, int in_cell, int depth)
{
    if (depth > DOCX_MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, "t")) {
            xmlChar *t = xmlNodeGetContent((xmlNode *)c);
            if (t) {
                sbuf_adds(b, (const char *)t);
                xmlFree(t);
            }
        } else if (is(c, "tab") || is(c, "ptab")) {
            sbuf_addc(b, in_cell ? ' ' : '\t');
        } else if (is(c, "br") || is(c, "cr")) {
            if (in_cell) {
                sbuf_addc(b, ' ');
            } else {
                out_line(o, b->s ? b->s : "", b->len);
                b->len = 0;
                if (b->s)
                    b->s[0] = '\0';
            }
        } else if (is(c, "noBreakHyphen")) {
            sbuf_addc(b, '-');
        } else if (is(c, "r")) {
            if (!hidden_run(c))
                runs(o, b, c, in_cell, depth + 1);
        } else if (is(c, "del") || is(c, "rPr") || is(c, "pPr") || is(c, "instrText") || is(c, "delText") ||
                   is(c, "footnoteReference") || is(c, "endnoteReference") || is(c, "commentReference") ||
                   is(c, "drawing") || is(c, "pict") || is(c, "object")) {
            continue;
        } else {
            runs(o, b, c, in_cell, depth + 1);   /* w:hyperlink, w:ins, w:smartTag, w:fldSimple, w:sdt … */
        }
    }
}

static void body(gk_out *o, const xmlNode *n, int depth);

static int holds_table(const xmlNode *tbl, int depth)
{
    if (depth > DOCX_MAX_DEPTH)
        return 0;
    for (const xmlNode *c = tbl->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, "tbl") && depth > 0)
            return 1;
        if (holds_table(c, depth + 1))
            return 1;
    }
    return 0;
}

/* A cell's text: its paragraphs joined by spaces. */
static void cell_text(gk_out *o, sbuf *b, const xmlNode *n, int depth)
{
    if (depth > DOCX_MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "p")) {
            sbuf_addc(b, ' ');
            runs(o, b, c, 1, depth + 1);
        } else if (is(c, "sdt") || is(c, "sdtContent") || is(c, "customXml") || is(c, "smartTag")) {
            cell_text(o, b, c, depth + 1);
        }
    }
}

static void row_cell(gk_out *o, gk_tgrid *g, sbuf *t, const xmlNode *c, int depth)
{
    const xmlNode *pr = child(c, "tcPr");
    int span = int_val(child(pr, "gridSpan"), 1, GRID_MAX_COLS);
    const xmlNode *vm = child(pr, "vMerge");
    int cont = 0;                      /* a continuation of a vertically merged cell */
    if (vm) {
        xmlChar *v = val(vm);
        cont = !v || strcmp((const char *)v, "restart") != 0;
        xmlFree(v);
    }
    t->len = 0;
    sbuf_reserve(t, 1);
    t->s[0] = '\0';
    if (!cont)
        cell_text(o, t, c, depth + 2);
    size_t len = out_squash(t->s, t->len);
    tgrid_cell(g, t->s, len, span, 1);
}

static void table_rows(gk_out *o, gk_tgrid *g, const xmlNode *n, int depth)
{
    if (depth > DOCX_MAX_DEPTH)
        return;
    for (const xmlNode *tr = n->children; tr; tr = tr->next) {
        if (is(tr, "sdt") || is(tr, "sdtContent") || is(tr, "customXml")) {
            table_rows(o, g, tr, depth + 1);
            continue;
        }
        if (!is(tr, "tr"))
            continue;
        tgrid_row_begin(g);
        int before = int_val(child(child(tr, "trPr"), "gridBefore"), 0, GRID_MAX_COLS);
        for (int k = 0; k < before; k++)
            tgrid_cell(g, "", 0, 1, 1);
        sbuf t;
        sbuf_init(&t);
        for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
            if (is(tc, "tc")) {
                row_cell(o, g, &t, tc, depth);
            } else if (is(tc, "sdt") || is(tc, "customXml")) {   /* a content control around cells */
                const xmlNode *in = is(tc, "sdt") ? child(tc, "sdtContent") : tc;
                for (const xmlNode *c = in ? in->children : NULL; c; c = c->next)
                    if (is(c, "tc"))
                        row_cell(o, g, &t, c, depth);
            }
        }
        sbuf_free(&t);
        tgrid_row_end(g, o);
    }
}

static void paragraph(gk_out *o, const xmlNode *p, int depth)
{
    sbuf b;
    sbuf_init(&b);
    runs(o, &b, p, 0, depth + 1);
    out_line(o, b.s ? b.s : "", b.len);
    sbuf_free(&b);
}

static void body(gk_out *o, const xmlNode *n, int depth)
{
    if (depth > DOCX_MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "p")) {
            paragraph(o, c, depth);
        } else if (is(c, "tbl")) {
            if (holds_table(c, 0)) {          /* a layout table: its cells as blocks */
                for (const xmlNode *tr = c->children; tr; tr = tr->next)
                    if (is(tr, "tr"))
                        for (const xmlNode *tc = tr->children; tc; tc = tc->next)
                            if (is(tc, "tc"))
                                body(o, tc, depth + 2);
            } else {
                gk_tgrid *g = xmalloc(sizeof *g);
                tgrid_init(g);
                table_rows(o, g, c, depth + 1);
                tgrid_free(g);
                free(g);
            }
        } else if (is(c, "sdt") || is(c, "sdtContent") || is(c, "customXml") || is(c, "body") ||
                   is(c, "txbxContent")) {
            body(o, c, depth + 1);
        }
    }
}

/* word/document.xml, or the part the package's main document is. */
static char *document_xml(zip_t *z, size_t *n, char **why)
{
    zip_int64_t i = zip_name_locate(z, "word/document.xml", ZIP_FL_NOCASE);
    if (i < 0) {
        *why = xstrdup("压缩文件中没有 word/document.xml，不是 Word 文档（.docx）");
        return NULL;
    }
    zip_stat_t st;
    if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
        *why = xstrdup("Word 文档（.docx）已损坏，无法解压");
        return NULL;
    }
    if (st.size > DOCX_MAX_XML) {
        *why = xasprintf("Word 文档（.docx）的正文过大（上限 %u MB）", DOCX_MAX_XML >> 20);
        return NULL;
    }
    zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
    if (!f) {
        *why = xstrdup("Word 文档（.docx）已损坏，无法解压");
        return NULL;
    }
    size_t cap = (size_t)st.size + 1, len = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        zip_int64_t r = zip_fread(f, buf + len, cap - 1 - len);
        if (r < 0) {
            zip_fclose(f);
            free(buf);
            *why = xstrdup("Word 文档（.docx）已损坏，无法解压");
            return NULL;
        }
        if (r == 0 || (len += (size_t)r) >= cap - 1)
            break;
    }
    zip_fclose(f);
    buf[len] = '\0';
    *n = len;
    return buf;
}

int input_docx(const char *bytes, size_t len, gk_converted *out, char **why)
{
    pthread_once(&Z_once, load_zip);
    if (!Z_ok) {
        *why = xstrdup("无法读取 Word 文档（.docx）：没有找到 libzip（请安装 libzip4）");
        return -1;
    }
    if (xmllib_load() != 0) {
        *why = xstrdup("无法读取 Word 文档（.docx）：没有找到 libxml2（请安装 libxml2）");
        return -1;
    }
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!z) {
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        *why = xstrdup("Word 文档（.docx）已损坏，无法解压（zip 压缩文件不完整或已损坏）");
        return -1;
    }
    zip_error_fini(&ze);
    size_t n = 0;
    char *xml = document_xml(z, &n, why);
    zip_discard(z);                    /* frees the source too */
    if (!xml)
        return -1;
    if (n > (size_t)INT32_MAX) {
        free(xml);
        *why = xstrdup("Word 文档（.docx）的正文过大");
        return -1;
    }
    xmlDocPtr doc = xmlReadMemory(xml, (int)n, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(xml);
    if (!doc) {
        *why = xstrdup("Word 文档（.docx）的正文（word/document.xml）无法解析");
        return -1;
    }
    gk_out o;
    out_init(&o);
    xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *b = root ? child(root, "body") : NULL;
    if (b)
        body(&o, b, 0);
    xmlFreeDoc(doc);
    out_finish(&o, out, 0);
    out->label = "DOCX";
    return 0;
}
