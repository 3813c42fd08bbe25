/* output.c — text, JSON (streamed, json_out.h) and CSV renderings of a checked report. */
#include "output.h"
#include "json_out.h"
#include "safe.h"
#include "util.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Writing at a pointer into room reserved beforehand (json_out.h): one
 * capacity check per cell or finding instead of one per piece. */
#define PUT(p, lit) (memcpy((p), lit, sizeof lit - 1), (p) + sizeof lit - 1)

static char *put_raw(char *p, const char *s, size_t n)
{
    memcpy(p, s, n);
    return p + n;
}

/* s as printf's "%s" writes it ("(null)" for NULL, as glibc does). */
static const char *str_or_null(const char *s)
{
    return s ? s : "(null)";
}

/* Each line is what safe_fprintf() writes of "%s%s: %s: %s [%s]\n" (or the
 * dismissed form), put together piece by piece — no format to parse, no
 * allocation but b's growth — and neutralised whole when it is not clean
 * but for its final newline: the file name, the message (which may quote
 * the report) and a reviewer's reason never reach a terminal raw.  Text
 * made of clean pieces is clean (safe.h passes or stops at whole
 * characters), so the file name, the same on every line, is looked at once
 * and each line from after it; a line with any piece not clean is looked
 * at whole, as before. */
void output_findings_text_buf(sbuf *b, const gk_report *r)
{
    const char *path = str_or_null(r->path);
    size_t lpath = strlen(path);
    int path_clean = r->nfindings > 0 && safe_is_clean(path, lpath, 0);
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        char a[16] = ":";              /* ":%d" of the line */
        size_t lat = x->line ? (size_t)(json_put_int(a + 1, text_file_line(r->text, x->line)) - a) : 0;
        const char *msg = str_or_null(x->message), *rule = str_or_null(x->rule);
        const char *sev = x->dismissed ? "note" : report_severity_name(x->severity);
        const char *why = x->dismissed ? str_or_null(x->dismiss_reason ? x->dismiss_reason : "") : NULL;
        size_t lmsg = strlen(msg), lrule = strlen(rule), lsev = strlen(sev), lwhy = why ? strlen(why) : 0;
        size_t start = b->len;
        sbuf_reserve(b, lpath + lat + lsev + lmsg + lrule + lwhy + 64);
        char *p = b->s + start;
        p = put_raw(p, path, lpath);
        p = put_raw(p, a, lat);
        p = PUT(p, ": ");
        p = put_raw(p, sev, lsev);
        p = PUT(p, ": ");
        p = put_raw(p, msg, lmsg);
        p = PUT(p, " [");
        p = put_raw(p, rule, lrule);
        if (why) {
            p = PUT(p, "] (已忽略：");
            p = put_raw(p, why, lwhy);
            p = PUT(p, ")\n");
        } else {
            p = PUT(p, "]\n");
        }
        b->len = (size_t)(p - b->s);
        b->s[b->len] = '\0';
        size_t n = b->len - start;
        if (!(path_clean && safe_is_clean(b->s + start + lpath, n - 1 - lpath, 0)) &&
            !safe_is_clean(b->s + start, n - 1, 0)) {   /* seldom */
            char *line = xmalloc(n);
            memcpy(line, b->s + start, n);
            b->len = start;
            safe_add(b, line, n - 1, 0);
            sbuf_addc(b, '\n');
            free(line);
        }
    }
}

/* What a renderer of a buffer writes, written to f. */
static void write_rendered(FILE *f, const gk_report *r, void (*render)(sbuf *, const gk_report *))
{
    sbuf b;
    sbuf_init(&b);
    render(&b, r);
    fwrite(b.s, 1, b.len, f);
    sbuf_free(&b);
}

void output_findings_text(FILE *f, const gk_report *r)
{
    write_rendered(f, r, output_findings_text_buf);
}

/* A string the program owns that needs no escaping (ids, names), quoted. */
static char *put_name(char *p, const char *s, size_t n)
{
    *p++ = '"';
    p = put_raw(p, s, n);
    *p++ = '"';
    return p;
}

static char *put_line(char *p, int line)
{
    return line > 0 ? json_put_uint(p, (unsigned)line) : line ? json_put_int(p, line) : PUT(p, "null");
}

/* Room for n more bytes at p (the write position in b), which moves when
 * the buffer grows. */
/* ,"page":N after a line of a PDF report (the page the line is on); nothing
 * for other inputs or without a line. */
static char *put_page(const gk_report *r, char *p, int line)
{
    const gk_text *t = r->text;
    if (!t || !t->page || line <= 0 || (size_t)line > t->nlines)
        return p;
    p = PUT(p, ",\"page\":");
    return json_put_int(p, t->page[line - 1]);
}

static inline char *room(sbuf *b, char *p, size_t n)
{
    size_t used = (size_t)(p - b->s);
    if (used + n + 1 <= b->cap)
        return p;
    b->len = used;
    sbuf_reserve(b, n);
    return b->s + used;
}

static void done(sbuf *b, char *p)
{
    b->len = (size_t)(p - b->s);
    b->s[b->len] = '\0';
}

static char *put_str(sbuf *b, char *p, const char *s)
{
    size_t n = strlen(s);
    p = room(b, p, JSON_STRING_MAX(n) + 64);
    return json_put_string(p, s, n);
}

/* ---- the cells' fixed pieces, written once per template ------------------------- */

/* Each cell's `,"ID":{"value":` and each status's `,"status":"NAME","line":`
 * in slots of fixed size, so that a cell copies them with constant-size
 * memcpy() (a few moves) and steps on by their length. */
#define KEY_SLOT 64
#define STATUS_SLOT 32
#define NSTATUS (GK_ST_CORRECTED + 1)

typedef struct {
    const gk_template *tpl;
    char *key;                         /* ncells slots of KEY_SLOT bytes */
    unsigned char *keylen;             /* 0: the id does not fit (written the long way) */
    int all_fit;                       /* no keylen is 0 */
} cell_keys;

static cell_keys key_cache[8];
static pthread_mutex_t key_lock = PTHREAD_MUTEX_INITIALIZER;

static const cell_keys *keys_for(const gk_template *tpl)
{
    for (int k = 0; k < 8; k++) {
        const gk_template *t = __atomic_load_n(&key_cache[k].tpl, __ATOMIC_ACQUIRE);
        if (t == tpl)
            return &key_cache[k];
        if (!t)
            break;
    }
    pthread_mutex_lock(&key_lock);
    const cell_keys *found = NULL;
    for (int k = 0; k < 8 && !found; k++) {
        cell_keys *c = &key_cache[k];
        if (c->tpl == tpl) {
            found = c;
        } else if (!c->tpl) {
            size_t n = tpl->ncells ? (size_t)tpl->ncells : 1;
            c->key = xcalloc(n, KEY_SLOT);
            c->keylen = xcalloc(n, 1);
            c->all_fit = 1;
            for (int i = 0; i < tpl->ncells; i++) {
                int len = snprintf(c->key + (size_t)i * KEY_SLOT, KEY_SLOT, ",\"%s\":{\"value\":", tpl->cells[i].id);
                c->keylen[i] = len > 0 && len < KEY_SLOT ? (unsigned char)len : 0;
                c->all_fit &= c->keylen[i] != 0;
            }
            __atomic_store_n(&c->tpl, tpl, __ATOMIC_RELEASE);
            found = c;
        }
    }
    pthread_mutex_unlock(&key_lock);
    return found;                      /* NULL: more templates than slots (the long way) */
}

static char status_key[NSTATUS][STATUS_SLOT];
static unsigned char status_keylen[NSTATUS];
static pthread_once_t status_once = PTHREAD_ONCE_INIT;

static void status_init(void)
{
    for (int st = 0; st < NSTATUS; st++) {
        int len = snprintf(status_key[st], STATUS_SLOT, ",\"status\":\"%s\",\"line\":", report_status_name((gk_status)st));
        status_keylen[st] = len > 0 && len < STATUS_SLOT ? (unsigned char)len : 0;
    }
}

/* A cell the short way, in two halves around its value: its key and its
 * status's from the slots, no page, no original value — what nearly every
 * cell is.  Each key starts with ','; the caller makes the first one the
 * '{' that opens "cells".  Room for the whole cell: CELL_ROOM. */
#define CELL_ROOM (KEY_SLOT + STATUS_SLOT + 64)

static inline char *put_cell_key(char *p, const cell_keys *keys, int i)
{
    memcpy(p, keys->key + (size_t)i * KEY_SLOT, KEY_SLOT);
    return p + keys->keylen[i];
}

static inline char *put_cell_status(char *p, unsigned st)
{
    memcpy(p, status_key[st], STATUS_SLOT);
    return p + status_keylen[st];
}

static inline char *put_cell_rest(char *p, unsigned st, int line)
{
    p = put_cell_status(p, st);
    p = put_line(p, line);
    *p++ = '}';
    return p;
}

static inline char *put_cell(char *p, const cell_keys *keys, int i, unsigned st, double value, int line)
{
    p = put_cell_key(p, keys, i);
    p = st == GK_ST_MISSING ? PUT(p, "null") : json_put_count(p, value);
    return put_cell_rest(p, st, line);
}

/* Whether cell c's status and original let put_cell() write it. */
static inline int status_short(const gk_cell *c)
{
    return (unsigned)c->status < NSTATUS && status_keylen[c->status] &&
           !(c->status == GK_ST_CORRECTED && c->read_status != GK_ST_MISSING);
}

/* Whether cell c of a report without pages is written by put_cell(). */
static inline int cell_short(const cell_keys *keys, int i, const gk_cell *c)
{
    return keys && keys->keylen[i] && status_short(c);
}

/* The object up to the cells: {"file":…,"format":"…","cells": */
static char *json_head(sbuf *b, char *p, const gk_report *r)
{
    p = PUT(p, "{\"file\":");
    p = put_str(b, p, r->path);
    p = PUT(p, ",\"body\":");
    if (r->body && r->body[0])
        p = put_str(b, p, r->body);
    else
        p = PUT(p, "null");
    p = PUT(p, ",\"year\":");
    p = put_line(p, r->year);
    const char *fmt = template_format_name(r->format);
    p = room(b, p, strlen(fmt) + 64);
    p = PUT(p, ",\"format\":");
    p = put_name(p, fmt, strlen(fmt));
    return PUT(p, ",\"cells\":");
}

/* The object after the cells: },"findings":[…]} and the newline. */
static char *json_tail(sbuf *b, char *p, const gk_report *r)
{
    p = room(b, p, 32);
    p = PUT(p, "},\"findings\":[");
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        const char *sev = report_severity_name(x->severity);
        p = room(b, p, strlen(x->rule) + strlen(sev) + 64);
        if (i)
            *p++ = ',';
        p = PUT(p, "{\"rule\":");
        p = put_name(p, x->rule, strlen(x->rule));
        p = PUT(p, ",\"severity\":");
        p = put_name(p, sev, strlen(sev));
        p = PUT(p, ",\"cells\":[");
        for (int k = 0; k < x->ncells; k++) {
            const char *id = r->tpl->cells[x->cells[k]].id;
            size_t idn = strlen(id);
            p = room(b, p, idn + 32);     /* the id, and "],\"message\":" after the last */
            if (k)
                *p++ = ',';
            p = put_name(p, id, idn);
        }
        p = PUT(p, "],\"message\":");
        p = put_str(b, p, x->message);
        p = PUT(p, ",\"line\":");
        p = put_line(p, text_file_line(r->text, x->line));
        p = room(b, p, 32);
        p = put_page(r, p, x->line);
        p = PUT(p, ",\"dismissed\":");
        if (x->dismissed) {
            p = PUT(p, "true,\"reason\":");
            p = put_str(b, p, x->dismiss_reason ? x->dismiss_reason : "");
        } else {
            p = PUT(p, "false");
        }
        *p++ = '}';
    }
    p = room(b, p, 4);
    return PUT(p, "]}\n");
}

/* Streamed into b member by member, in the order jansson's tree gave
 * (tests/tools/jsonref.c keeps that tree to compare against).  Ids, rule
 * and status names are the program's own ASCII and written as they are;
 * everything from a report, a file name or a sidecar is escaped. */
void output_json_buf(sbuf *b, const gk_report *r)
{
    /* about what a report takes (a cell is some 70 bytes): one allocation
     * for an empty buffer instead of a dozen as it grows */
    sbuf_reserve(b, (size_t)r->tpl->ncells * 80 + (size_t)r->nfindings * 256 + 1024);
    char *p = json_head(b, b->s + b->len, r);
    const cell_keys *keys = keys_for(r->tpl);
    pthread_once(&status_once, status_init);
    /* a PDF's lines carry their page, a reordered text's their file line: not in the short form */
    const int ncells = r->tpl->ncells, paged = r->text && (r->text->page || r->text->fileline);
    size_t cells_at = (size_t)(p - b->s);   /* the first key's ',', made '{' below */
    if (ncells == 0)
        *p++ = ',';
    for (int i = 0; i < ncells; i++) {
        const gk_cell *c = &r->cells[i];
        p = room(b, p, KEY_SLOT + STATUS_SLOT + 160);
        if (!paged && cell_short(keys, i, c)) {
            p = put_cell(p, keys, i, (unsigned)c->status, c->value, c->line);
            continue;
        }
        const char *id = r->tpl->cells[i].id;
        size_t idn = strlen(id);
        p = room(b, p, KEY_SLOT + STATUS_SLOT + 160 + idn);
        *p++ = ',';                    /* ",\"ID\":{\"value\":" */
        p = put_name(p, id, idn);
        p = PUT(p, ":{\"value\":");
        p = c->status == GK_ST_MISSING ? PUT(p, "null") : json_put_count(p, c->value);
        unsigned st = (unsigned)c->status < NSTATUS ? (unsigned)c->status : GK_ST_MISSING;
        if (status_keylen[st]) {
            memcpy(p, status_key[st], STATUS_SLOT);
            p += status_keylen[st];
        } else {
            p = PUT(p, ",\"status\":");
            const char *name = report_status_name(c->status);
            p = put_name(p, name, strlen(name));
            p = PUT(p, ",\"line\":");
        }
        p = put_line(p, text_file_line(r->text, c->line));
        if (paged)
            p = put_page(r, p, c->line);
        if (c->status == GK_ST_CORRECTED && c->read_status != GK_ST_MISSING) {
            p = PUT(p, ",\"original\":");
            p = json_put_number(p, c->read_value);
        }
        *p++ = '}';
    }
    b->s[cells_at] = '{';
    done(b, json_tail(b, p, r));
}

/* ---- the same kept small: the cells' variable parts only ------------------------ */

/* A packed report: the template (a pointer: templates live as long as the
 * program), the head's length (4 bytes) and bytes, then per cell a byte (its status, and how its
 * value follows: none, a whole number as a varint, or the double's 8
 * bytes; and whether its line is signed) and its line (a varint, or a
 * zigzag varint when not positive: nearly every line is, and is then read
 * back without the zigzag and written without put_line()'s tests), then
 * the tail's bytes. */
enum { PACK_NONE = 0, PACK_UINT = 1 << 4, PACK_DOUBLE = 2 << 4, PACK_LINE_SIGNED = 1 << 6 };

/* A varint at p (room: 10 bytes). */
static inline unsigned char *put_varint(unsigned char *p, uint64_t v)
{
    while (v > 0x7f) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    return p;
}

/* Reads a varint at *at (below end); 0 past the end. */
static inline uint64_t get_varint(const unsigned char **at, const unsigned char *end)
{
    if (*at < end && !(**at & 0x80))
        return *(*at)++;
    uint64_t v = 0;
    for (int shift = 0; *at < end && shift < 64; shift += 7) {
        unsigned char c = *(*at)++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            break;
    }
    return v;
}

int output_json_pack(sbuf *b, const gk_report *r)
{
    const cell_keys *keys = keys_for(r->tpl);
    pthread_once(&status_once, status_init);
    const int ncells = r->tpl->ncells;
    /* a key that does not fit makes its cell, and so the report, the long way */
    if (!keys || !keys->all_fit || ncells == 0 || (r->text && (r->text->page || r->text->fileline)))
        return -1;
    size_t start = b->len;
    sbuf_add(b, (const char *)&r->tpl, sizeof r->tpl);
    size_t at = b->len;                /* the head's length (4 bytes), filled in after it */
    sbuf_add(b, "\0\0\0\0", 4);
    sbuf_reserve(b, 256);
    done(b, json_head(b, b->s + b->len, r));
    uint32_t headlen = (uint32_t)(b->len - at - 4);
    memcpy(b->s + at, &headlen, 4);
    sbuf_reserve(b, (size_t)ncells * (1 + 8 + 10));
    unsigned char *p = (unsigned char *)b->s + b->len;
    for (int i = 0; i < ncells; i++) {
        const gk_cell *c = &r->cells[i];
        if (!status_short(c)) {         /* cell_short(), the key known to fit */
            b->len = start;
            b->s[start] = '\0';
            return -1;
        }
        unsigned char *tag = p++;
        double v = c->value;
        *tag = (unsigned char)c->status;
        if (c->status == GK_ST_MISSING) {
        } else if (v >= 0 && v < 4294967296.0 && (double)(uint32_t)v == v) {   /* -0 too: written "0" either way */
            *tag |= PACK_UINT;
            p = put_varint(p, (uint32_t)v);
        } else {
            *tag |= PACK_DOUBLE;
            memcpy(p, &v, sizeof v);
            p += sizeof v;
        }
        if (c->line > 0) {
            p = put_varint(p, (uint32_t)c->line);
        } else {
            *tag |= PACK_LINE_SIGNED;
            p = put_varint(p, ((uint64_t)(int64_t)c->line << 1) ^ (uint64_t)((int64_t)c->line >> 63));
        }
    }
    b->len = (size_t)((char *)p - b->s);
    sbuf_reserve(b, 64);
    done(b, json_tail(b, b->s + b->len, r));
    return 0;
}

/* get_varint() where at least PACK_VARINT_MAX bytes follow: no bounds
 * checks, the same value. */
#define PACK_VARINT_MAX 10
static inline uint64_t get_varint_fast(const unsigned char **at)
{
    const unsigned char *q = *at;
    uint64_t v = *q++;
    if (v & 0x80) {
        v &= 0x7f;
        for (int shift = 7; shift < 64; shift += 7) {
            unsigned char c = *q++;
            v |= (uint64_t)(c & 0x7f) << shift;
            if (!(c & 0x80))
                break;
        }
    }
    *at = q;
    return v;
}

/* The most a cell reads of the packed bytes: its tag and two varints (a
 * double's 8 bytes are fewer than a varint's 10). */
#define PACK_CELL_MAX (1 + 2 * PACK_VARINT_MAX)

/* Cells are written in runs of UNPACK_RUN with one capacity check a run. */
#define UNPACK_RUN 16

void output_json_unpack(sbuf *b, const char *packed, size_t len)
{
    const unsigned char *at = (const unsigned char *)packed, *end = at + len;
    const gk_template *tpl;
    memcpy(&tpl, at, sizeof tpl);
    at += sizeof tpl;
    const cell_keys *keys = keys_for(tpl);
    uint32_t headlen;
    memcpy(&headlen, at, 4);
    at += 4;
    const int ncells = tpl->ncells;
    sbuf_reserve(b, headlen + (size_t)ncells * 80 + UNPACK_RUN * CELL_ROOM + (size_t)(end - at) + 64);
    char *p = put_raw(b->s + b->len, (const char *)at, headlen);
    at += headlen;
    size_t cells_at = (size_t)(p - b->s);  /* the first key's ',', made '{' below */
    for (int i = 0; i < ncells; i++) {
        if (i % UNPACK_RUN == 0)
            p = room(b, p, UNPACK_RUN * CELL_ROOM);
        p = put_cell_key(p, keys, i);
        unsigned tag = *at++;
        /* a whole number straight to its digits: no double made and
         * checked again (what put_cell() would write of it) */
        int fast = end - at >= PACK_CELL_MAX;
        if (tag & PACK_UINT) {
            p = json_put_uint(p, (unsigned)(fast ? get_varint_fast(&at) : get_varint(&at, end)));
        } else if (tag & PACK_DOUBLE) {
            double v;
            memcpy(&v, at, sizeof v);
            at += sizeof v;
            p = json_put_count(p, v);
        } else {                       /* missing: no value packed */
            p = PUT(p, "null");
        }
        uint64_t z = fast ? get_varint_fast(&at) : get_varint(&at, end);
        p = put_cell_status(p, tag & 0x0f);
        if (tag & PACK_LINE_SIGNED)
            p = put_line(p, (int)(int64_t)((z >> 1) ^ (0 - (z & 1))));
        else
            p = json_put_uint(p, (unsigned)z);
        *p++ = '}';
    }
    b->s[cells_at] = '{';              /* ncells > 0: pack refuses an empty template */
    p = room(b, p, (size_t)(end - at));
    done(b, put_raw(p, (const char *)at, (size_t)(end - at)));
}

void output_json(FILE *f, const gk_report *r)
{
    write_rendered(f, r, output_json_buf);
}

/* Control characters and escape sequences become the screen's placeholders
 * (newlines and tabs stay: notes have lines); a cell a spreadsheet would run
 * as a formula gets a leading apostrophe (safe_csv_formula()). */
void output_csv_field(FILE *f, const char *raw, int last)
{
    char *own = NULL;
    const char *s = raw;
    if (!safe_is_clean(raw, strlen(raw), SAFE_KEEP_NL | SAFE_KEEP_TAB))
        s = own = safe_dup(raw, SAFE_KEEP_NL | SAFE_KEEP_TAB);
    int formula = safe_csv_formula(s);
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        if (formula)
            fputc('\'', f);
        for (const char *q; (q = strchr(s, '"')); s = q + 1) {   /* each '"' doubled */
            fwrite(s, 1, (size_t)(q - s) + 1, f);
            fputc('"', f);
        }
        fputs(s, f);
        fputc('"', f);
    } else {
        if (formula)
            fputc('\'', f);
        fputs(s, f);
    }
    fputc(last ? '\n' : ',', f);
    free(own);
}

void output_csv_header(FILE *f)
{
    fputs("\xEF\xBB\xBF", f);
    fputs("file,cell,row,column,value,status,line\n", f);
}

void output_csv_cells(FILE *f, const gk_report *r)
{
    char v[32], l[16];
    for (int i = 0; i < r->tpl->ncells; i++) {
        const gk_cell *c = &r->cells[i];
        const gk_cell_def *cd = &r->tpl->cells[i];
        output_csv_field(f, r->path, 0);
        output_csv_field(f, cd->id, 0);
        output_csv_field(f, cd->rowdef->label, 0);
        output_csv_field(f, cd->coldef->label, 0);
        output_csv_field(f, c->status == GK_ST_MISSING ? "" : report_format_value(c->value, v, sizeof v), 0);
        output_csv_field(f, report_status_name(c->status), 0);
        if (c->line)
            snprintf(l, sizeof l, "%d", text_file_line(r->text, c->line));
        else
            l[0] = '\0';
        output_csv_field(f, l, 1);
    }
}

void output_csv_findings_header(FILE *f)
{
    fputs("\xEF\xBB\xBF", f);
    fputs("file,body,year,rule,severity,cells,line,message,dismissed,reason\n", f);
}

void output_csv_findings(FILE *f, const gk_report *r)
{
    char num[32];
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        output_csv_field(f, r->path, 0);
        output_csv_field(f, r->body ? r->body : "", 0);
        snprintf(num, sizeof num, "%d", r->year);
        output_csv_field(f, r->year ? num : "", 0);
        output_csv_field(f, x->rule, 0);
        output_csv_field(f, report_severity_name(x->severity), 0);
        sbuf cells;
        sbuf_init(&cells);
        sbuf_adds(&cells, "");
        for (int k = 0; k < x->ncells; k++) {
            if (k)
                sbuf_addc(&cells, ' ');
            sbuf_adds(&cells, r->tpl->cells[x->cells[k]].id);
        }
        output_csv_field(f, cells.s, 0);
        sbuf_free(&cells);
        snprintf(num, sizeof num, "%d", text_file_line(r->text, x->line));
        output_csv_field(f, x->line ? num : "", 0);
        output_csv_field(f, x->message, 0);
        output_csv_field(f, x->dismissed ? "true" : "false", 0);
        output_csv_field(f, x->dismiss_reason ? x->dismiss_reason : "", 1);
    }
}
