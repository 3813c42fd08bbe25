/* input_html.c — a saved web page to report text, through libxml2's HTML parser.
 *
 * The bytes' encoding: a byte order mark; else UTF-8 when they are valid
 * UTF-8 holding anything but ASCII (a page saved again by a browser keeps
 * its old <meta>); else the <meta charset> / http-equiv / <?xml encoding>
 * declaration (GB2312 and GBK read as GB18030, their superset); else
 * GB18030.  The page is converted to UTF-8 before parsing and the parser
 * told to ignore the declaration.
 *
 * Paragraphs, headings, list items and other blocks become lines; <br>
 * ends a line (two in a row leave an empty one, as a browser shows it);
 * <pre> keeps its lines and spaces.  A table whose cells hold no other table
 * is a data table: each row one line, cells separated by tabs, rowspan and
 * colspan expanded with empty cells, a cell holding only white space or
 * &nbsp; empty, <br> and blocks inside a cell a space.  A table whose cells
 * hold tables is a layout table: its cells are read as blocks.  Scripts,
 * styles, <head>, navigation, forms' controls, hidden elements and comments
 * are dropped. */
#include "input.h"
#include "input_out.h"
#include "util.h"
#include "xmllib.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Elements nested deeper than this are not read (a real page nests a few dozen). */
#define HTML_MAX_DEPTH 256

/* ---- encoding ----------------------------------------------------------------------- */

/* The charset a declaration names in the first bytes, into name (empty when none). */
static void declared_charset(const char *s, size_t len, char *name, size_t cap)
{
    name[0] = '\0';
    if (len > 8192)
        len = 8192;
    static const char *const keys[] = {"charset", "encoding"};
    for (size_t k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        for (size_t i = 0; i + kl < len; i++) {
            if (strncasecmp(s + i, keys[k], kl))
                continue;
            size_t j = i + kl;
            while (j < len && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j >= len || s[j] != '=')
                continue;
            j++;
            while (j < len && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
                j++;
            size_t n = 0;
            while (j < len && n + 1 < cap &&
                   ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9') ||
                    s[j] == '-' || s[j] == '_' || s[j] == '.' || s[j] == ':'))
                name[n++] = s[j++];
            name[n] = '\0';
            if (n)
                return;
        }
    }
}

static int gb_family(const char *name)
{
    return !strcasecmp(name, "gb2312") || !strcasecmp(name, "gbk") || !strcasecmp(name, "gb18030") ||
           !strcasecmp(name, "x-gbk") || !strcasecmp(name, "cp936") || !strcasecmp(name, "euc-cn") ||
           !strcasecmp(name, "x-euc-cn") || !strcasecmp(name, "gb_2312-80") || !strcasecmp(name, "windows-936");
}

static int has_high(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

/* The page in UTF-8, and the name of what it was. */
static char *page_utf8(const char *s, size_t len, size_t *ulen, const char **label)
{
    const unsigned char *b = (const unsigned char *)s;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        *label = "HTML UTF-8";
        return input_iconv("UTF-8", s + 3, len - 3, ulen);
    }
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        *label = b[0] == 0xFF ? "HTML UTF-16LE" : "HTML UTF-16BE";
        return input_iconv(b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", s + 2, len - 2, ulen);
    }
    if (has_high(s, len) && utf8_valid(s, len)) {
        *label = "HTML UTF-8";
        *ulen = len;
        return xstrndup(s, len);
    }
    char name[48];
    declared_charset(s, len, name, sizeof name);
    if (name[0] && !gb_family(name) && strcasecmp(name, "utf-8") && strcasecmp(name, "utf8")) {
        char *u = input_iconv(name, s, len, ulen);
        if (u) {
            *label = "HTML";
            return u;
        }
    }
    if (!has_high(s, len)) {
        *label = "HTML UTF-8";
        *ulen = len;
        return xstrndup(s, len);
    }
    *label = "HTML GB18030";
    char *u = input_iconv("GB18030", s, len, ulen);
    if (!u) {
        *label = "HTML UTF-8";
        u = input_iconv("UTF-8", s, len, ulen);
    }
    return u;
}

/* ---- the tree --------------------------------------------------------------------- */

static int name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, name);
}

static int name_in(const xmlNode *n, const char *const *names)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    for (; *names; names++)
        if (!strcasecmp((const char *)n->name, *names))
            return 1;
    return 0;
}

static const char *const SKIPPED[] = {"script", "style", "noscript", "template", "head", "title", "nav", "iframe",
                                      "object", "embed", "svg", "math", "select", "option", "button", "textarea",
                                      "input", "img", "map", "canvas", "audio", "video", "frameset", "frame",
                                      "applet", "datalist", NULL};

static const char *const BLOCKS[] = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "legend", "listing", "plaintext", "xmp", NULL};

/* Whether an element is left out: by its kind, or hidden. */
static int skipped(const xmlNode *n)
{
    if (name_in(n, SKIPPED))
        return 1;
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    if (xmlHasProp((xmlNode *)n, (const xmlChar *)"hidden"))
        return 1;
    int hide = 0;
    xmlChar *role = xmlGetProp((xmlNode *)n, (const xmlChar *)"role");
    if (role) {
        hide = !strcasecmp((const char *)role, "navigation");
        xmlFree(role);
    }
    xmlChar *style = xmlGetProp((xmlNode *)n, (const xmlChar *)"style");
    if (style) {
        char squeezed[256];
        size_t k = 0;
        for (const xmlChar *p = style; *p && k + 1 < sizeof squeezed; p++)
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                squeezed[k++] = (char)(*p | (*p >= 'A' && *p <= 'Z' ? 0x20 : 0));
        squeezed[k] = '\0';
        if (strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden"))
            hide = 1;
        xmlFree(style);
    }
    return hide;
}

static int int_prop(const xmlNode *n, const char *name, int dflt, int max)
{
    xmlChar *v = xmlGetProp((xmlNode *)n, (const xmlChar *)name);
    if (!v)
        return dflt;
    const char *p = (const char *)v;
    while (*p == ' ' || *p == '\t')
        p++;
    long x = 0;
    int any = 0;
    while (*p >= '0' && *p <= '9') {
        if (x < 1000000)
            x = x * 10 + (*p - '0');
        p++;
        any = 1;
    }
    xmlFree(v);
    if (!any)
        return dflt;
    return x > max ? max : (int)x;
}

/* Whether a table holds another table in one of its cells. */
static int holds_table(const xmlNode *n, int depth)
{
    if (depth > HTML_MAX_DEPTH)
        return 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || skipped(c))
            continue;
        if (name_is(c, "table") && depth > 0)
            return 1;
        if (holds_table(c, depth + 1))
            return 1;
    }
    return 0;
}

/* The text of a cell, as one line: every break a space. */
static void cell_text(const xmlNode *n, sbuf *b, int depth)
{
    if (depth > HTML_MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                sbuf_adds(b, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
            int block = name_is(c, "br") || name_in(c, BLOCKS) || name_is(c, "pre");
            if (block)
                sbuf_addc(b, ' ');
            cell_text(c, b, depth + 1);
            if (block)
                sbuf_addc(b, ' ');
        }
    }
}

static void flow(gk_out *o, const xmlNode *n, int depth, int pre);

/* The rows of a data table, in order: tr children of the table and of its
 * thead, tbody and tfoot (a table without them has its rows implied by the
 * parser). */
static void data_rows(gk_out *o, gk_tgrid *g, const xmlNode *n, int depth)
{
    if (depth > HTML_MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || skipped(c))
            continue;
        if (name_is(c, "tr")) {
            tgrid_row_begin(g);
            sbuf t;
            sbuf_init(&t);
            for (const xmlNode *d = c->children; d; d = d->next) {
                if (!(name_is(d, "td") || name_is(d, "th")) || skipped(d))
                    continue;
                t.len = 0;
                sbuf_reserve(&t, 1);
                t.s[0] = '\0';
                cell_text(d, &t, depth + 2);
                size_t len = out_squash(t.s, t.len);
                tgrid_cell(g, t.s, len, int_prop(d, "colspan", 1, GRID_MAX_COLS),
                          int_prop(d, "rowspan", 1, GRID_MAX_ROWSPAN));
            }
            sbuf_free(&t);
            tgrid_row_end(g, o);
        } else if (name_is(c, "caption")) {
            out_flush(o);
            flow(o, c, depth + 1, 0);
            out_flush(o);
        } else if (name_is(c, "thead") || name_is(c, "tbody") || name_is(c, "tfoot")) {
            data_rows(o, g, c, depth + 1);
        }
    }
}

static void flow(gk_out *o, const xmlNode *n, int depth, int pre)
{
    if (depth > HTML_MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (!c->content)
                continue;
            const char *s = (const char *)c->content;
            if (!pre) {
                out_text(o, s, strlen(s));
                continue;
            }
            if (pre == 2 && s[0] == '\n')     /* a newline right after <pre> is not part of its text */
                s++;
            pre = 1;
            for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1) {
                sbuf_add(&o->cur, s, (size_t)(nl - s));
                out_cur_line(o);
            }
            sbuf_adds(&o->cur, s);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || skipped(c))
            continue;
        if (name_is(c, "hr")) {
            out_page_break(o);         /* pdftohtml ends each page with one */
            continue;
        }
        if (name_is(c, "br")) {
            if (o->cur.len)
                out_flush(o);
            else
                out_line(o, "", 0);
            continue;
        }
        if (name_is(c, "table") && !holds_table(c, 0)) {
            out_flush(o);
            gk_tgrid *g = xmalloc(sizeof *g);
            tgrid_init(g);
            data_rows(o, g, c, depth + 1);
            tgrid_free(g);
            free(g);
            continue;
        }
        if (name_is(c, "pre") || name_is(c, "listing") || name_is(c, "xmp") || name_is(c, "plaintext")) {
            out_flush(o);
            flow(o, c, depth + 1, 2);
            if (o->cur.len)
                out_cur_line(o);
            continue;
        }
        int block = name_in(c, BLOCKS);
        if (block)
            out_flush(o);
        flow(o, c, depth + 1, pre);
        if (block)
            out_flush(o);
    }
}

int input_html(const char *bytes, size_t len, gk_converted *out, char **why)
{
    if (xmllib_load() != 0) {
        *why = xstrdup("无法读取 HTML：没有找到 libxml2（请安装 libxml2）");
        return -1;
    }
    const char *label = "HTML";
    size_t ulen = 0;
    char *u = page_utf8(bytes, len, &ulen, &label);
    if (!u || ulen > (size_t)INT32_MAX) {
        free(u);
        *why = xstrdup("网页的编码无法识别");
        return -1;
    }
    htmlDocPtr doc = htmlReadMemory(u, (int)ulen, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                        HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
    free(u);
    if (!doc) {
        *why = xstrdup("网页无法解析");
        return -1;
    }
    gk_out o;
    out_init(&o);
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root) {
        /* the root itself: flow() reads children, so start above it */
        xmlNode holder;
        memset(&holder, 0, sizeof holder);
        holder.type = XML_ELEMENT_NODE;
        holder.children = root;
        flow(&o, &holder, 0, 0);
    }
    xmlFreeDoc(doc);
    out_finish(&o, out, 0);
    out->label = label;
    return 0;
}
