/* sidecar_format.c — the text of a sidecar file: the value encoding,
 * the reader (parsing the text into entries, duplicates folded, a cut-off
 * file recognised) and the writer.  Files themselves are opened, locked and
 * written by sidecar_store.c.
 *
 * Format (INI, read with iniparser, which lower-cases section names and keys
 * and rejects lines over 1024 bytes):
 *
 *   ; gkreview 审核记录 …
 *   [report]
 *   version = 1
 *   file = 003_1a8c02130c595433.txt        (informational)
 *   sha256 = <64 hex digits of the report the entries were made on>
 *   state = 审核中                           (未审核 / 审核中 / 已审核)
 *   state.who = 张三
 *   state.when = 2024-05-01T16:30:00+08:00   (local time with its offset; Z for UTC)
 *
 *   [correction t3.new.natural]
 *   value = 7
 *   original = 6                           (what the report had; empty when nothing)
 *   who = 张三
 *   when = 2024-05-01T08:30:00Z
 *   conflict = 1                           (only when another writer's value differs)
 *   other.1.value = 8
 *   other.1.who = 李四
 *   other.1.when = 2024-05-01T08:31:02Z
 *
 *   [note t3.new.natural]                  ([note report]: a note on the whole report)
 *   text = …
 *
 *   [dismiss T3.BALANCE t3.new.natural]    ("*" instead of a cell: every finding of the rule)
 *   reason = …
 *   who = … / when = … / conflict / other.N.text / other.N.reason as above
 *
 * Values are UTF-8; the bytes the INI reader would lose are written as %XX:
 * control characters (newline, tab, CR), % ; # " ' \, bytes that are not
 * UTF-8, and spaces at either end of a line.  A value longer than about 600
 * bytes is split over numbered keys (text.1, text.2, …) that are joined
 * before decoding.  Cell ids are lower case; rule ids are written in upper
 * case and restored from the template's rule list (or upper-cased). */
#include "sidecar_int.h"
#include "number.h"

#include <ctype.h>
#include <stdio.h>

#define SC_VERSION 2          /* 2: ends with SC_END_LINE; 1 (no end line) is still read */
#define SC_CHUNK 600          /* bytes of encoded value per line */
/* The last line of every file written since version 2: a file without it was cut off. */
#define SC_END_LINE "; end — 审核记录到此完整结束"

/* ---- states ------------------------------------------------------------------ */

static const char *const STATE_NAMES[] = {"未审核", "审核中", "已审核"};

const char *sidecar_state_name(gk_review_state s)
{
    return (unsigned)s < 3 ? STATE_NAMES[s] : STATE_NAMES[0];
}

int sidecar_state_parse(const char *s, gk_review_state *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, STATE_NAMES[i]) == 0) {
            *out = (gk_review_state)i;
            return 0;
        }
    return -1;
}

/* ---- value encoding -------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (1 for ASCII), 0 when invalid. */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    unsigned cp = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

static int must_escape(unsigned char c)
{
    return c < 0x20 || c == 0x7F || c == '%' || c == ';' || c == '#' || c == '"' || c == '\'' || c == '\\';
}

/* Next encoded unit of s at *i: into tok (>= 8 bytes); returns its length
 * and sets *space when the unit is a plain space. */
static size_t next_unit(const char *s, size_t *i, char *tok, int *space)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    *space = u[0] == ' ';
    size_t n = u[0] >= 0x80 ? utf8_seq(u) : 1;
    if (n == 0 || (n == 1 && must_escape(u[0]))) {
        snprintf(tok, 8, "%%%02X", u[0]);
        (*i)++;
        return 3;
    }
    memcpy(tok, u, n);
    tok[n] = '\0';
    *i += n;
    return n;
}

/* Ends chunk c: its trailing spaces written as %20 (a chunk never ends with
 * a space), appended to v[n]. */
static void end_chunk(sbuf *c, size_t *trail, char ***v, int *n)
{
    c->len -= *trail;
    c->s[c->len] = '\0';
    for (size_t k = 0; k < *trail; k++)
        sbuf_adds(c, "%20");
    *v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
    (*v)[(*n)++] = sbuf_steal(c);
    *trail = 0;
}

/* Encodes s into chunks of at most SC_CHUNK bytes, none starting or ending
 * with a space.  Returns the number of chunks (at least 1, possibly empty). */
static int encode_chunks(const char *s, char ***out)
{
    char **v = NULL;
    int n = 0;
    sbuf c;
    sbuf_init(&c);
    size_t trail = 0, i = 0, len = strlen(s);
    char tok[8];
    while (i < len) {
        int space;
        size_t tl = next_unit(s, &i, tok, &space);
        size_t need = space ? 3 : tl;
        if (c.len && c.len + 2 * trail + need > SC_CHUNK) {
            end_chunk(&c, &trail, &v, &n);
            sbuf_init(&c);
        }
        if (space && c.len == 0) {
            sbuf_adds(&c, "%20");
        } else {
            sbuf_add(&c, tok, tl);
            trail = space ? trail + 1 : 0;
        }
    }
    end_chunk(&c, &trail, &v, &n);
    *out = v;
    return n;
}

char *sidecar_encode(const char *s)
{
    char **v;
    int n = encode_chunks(s, &v);
    sbuf b;
    sbuf_init(&b);
    for (int k = 0; k < n; k++) {
        sbuf_adds(&b, v[k]);
        free(v[k]);
    }
    free(v);
    return sbuf_steal(&b);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *sidecar_decode(const char *s)
{
    sbuf b;
    sbuf_init(&b);
    for (size_t i = 0; s[i];) {
        int h, l;
        if (s[i] == '%' && (h = hexval((unsigned char)s[i + 1])) >= 0 && (l = hexval((unsigned char)s[i + 2])) >= 0) {
            sbuf_addc(&b, (char)(h * 16 + l));
            i += 3;
        } else {
            sbuf_addc(&b, s[i++]);
        }
    }
    return sbuf_steal(&b);
}

/* key = value, split over key.1, key.2 … when long. */
static void put_value(sbuf *b, const char *key, const char *value)
{
    char **v;
    int n = encode_chunks(value ? value : "", &v);
    for (int k = 0; k < n; k++) {
        if (n == 1)
            sbuf_printf(b, "%s = %s\n", key, v[k]);
        else
            sbuf_printf(b, "%s.%d = %s\n", key, k + 1, v[k]);
        free(v[k]);
    }
    free(v);
}

/* ---- sections ---------------------------------------------------------------------- */

/* The key of an entry's value (and of its conflicting versions: other.N.<key>). */
static const char *payload_key(gk_rv_kind k)
{
    return k == GK_RV_CORRECTION ? "value" : k == GK_RV_NOTE ? "text" : "reason";
}

const char *sc_kind_name(gk_rv_kind k)
{
    return k == GK_RV_CORRECTION ? "correction" : k == GK_RV_NOTE ? "note" : "dismiss";
}

void sc_file_free(sc_file *f)
{
    sc_free_entries(f->entries, f->nentries);
    free(f->state_who);
    free(f->state_when);
    free(f->notes);
    memset(f, 0, sizeof *f);
}

/* ---- parsing ------------------------------------------------------------------------------- */

/* The sidecar itself is read by the reader below, not by iniparser, whose
 * dictionary grows and searches linearly (quadratic in the sections) and
 * whose error messages echo whole lines.  It reads what iniparser read:
 * comments (; #), [sections] and keys lower-cased, "key = value" with the
 * value trimmed and cut at ; or #, or taken between quotes.  Each [section]
 * keeps its own keys, found through one hash table: time is linear in the
 * file. */

typedef struct {
    char *name;
    int line;
} ini_sec;

typedef struct {
    char *key;                /* without the section */
    char *val;
    int line;
    int used;
    int sec;
} ini_kv;

typedef struct {
    ini_sec *secs;
    int nsecs;
    ini_kv *kvs;
    int nkvs;
    int *slots;               /* hash of (section, key) -> kv index + 1 */
    size_t nslots;
    int has_end;              /* the last line is SC_END_LINE */
    int tail_dropped;         /* no end line, and the last line was not a whole line (dropped) */
    int nlines;
} ini_doc;

static void doc_free(ini_doc *d)
{
    for (int i = 0; i < d->nsecs; i++)
        free(d->secs[i].name);
    for (int i = 0; i < d->nkvs; i++) {
        free(d->kvs[i].key);
        free(d->kvs[i].val);
    }
    free(d->secs);
    free(d->kvs);
    free(d->slots);
    memset(d, 0, sizeof *d);
}

static size_t kv_hash(int sec, const char *key)
{
    size_t h = 1469598103934665603ULL ^ (size_t)sec * 0x9E3779B97F4A7C15ULL;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return h;
}

static ini_kv *kv_get(ini_doc *d, int sec, const char *key)
{
    if (!d->nslots)
        return NULL;
    for (size_t h = kv_hash(sec, key) & (d->nslots - 1);; h = (h + 1) & (d->nslots - 1)) {
        int v = d->slots[h];
        if (!v)
            return NULL;
        ini_kv *kv = &d->kvs[v - 1];
        if (kv->sec == sec && strcmp(kv->key, key) == 0)
            return kv;
    }
}


static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static char *trimmed(const char *s, size_t n, int lower)
{
    while (n && is_blank(*s))
        s++, n--;
    while (n && is_blank(s[n - 1]))
        n--;
    char *t = xstrndup(s, n);
    if (lower)
        for (char *p = t; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
    return t;
}

/* The value after '=' as iniparser gives it. */
static char *ini_value(const char *v, size_t n)
{
    while (n && is_blank(*v))
        v++, n--;
    while (n && is_blank(v[n - 1]))
        n--;
    if (n >= 2 && (v[0] == '"' || v[0] == '\'')) {
        const char *close = memchr(v + 1, v[0], n - 1);
        if (close)
            return xstrndup(v + 1, (size_t)(close - v - 1));
    }
    size_t k = 0;
    while (k < n && v[k] != ';' && v[k] != '#')
        k++;
    return trimmed(v, k, 0);
}

static int doc_fail(char **why, int line, const char *what, const char *text, size_t n)
{
    char *t = xstrndup(text, n);
    char *q = sc_excerpt(t);
    *why = xasprintf("第 %d 行%s：%s", line, what, q);
    free(q);
    free(t);
    return -1;
}

/* Parses the text of a sidecar.  Returns 0, or -1 and *why (Chinese, quoting
 * at most a short neutralised sc_excerpt). */
static int doc_parse(const char *buf, size_t len, ini_doc *d, char **why)
{
    memset(d, 0, sizeof *d);
    int capsecs = 0, capkvs = 0, line = 0, end_at = 0;
    size_t i = 0;
    while (i < len) {
        const char *s = buf + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        int whole = nl != NULL;
        i += n + (nl ? 1 : 0);
        line++;
        size_t b = 0, e = n;
        while (b < e && is_blank(s[b]))
            b++;
        while (e > b && is_blank(s[e - 1]))
            e--;
        if (b == e)
            continue;
        const char *t = s + b;
        size_t tn = e - b;
        if (end_at) {                  /* only blank lines may follow the end line */
            *why = xasprintf("第 %d 行：结尾标记（第 %d 行）之后还有内容", line, end_at);
            return -1;
        }
        if (t[0] == ';' || t[0] == '#') {
            if (tn == strlen(SC_END_LINE) && !memcmp(t, SC_END_LINE, tn))
                end_at = line;
            continue;
        }
        int bad = 0;
        if (t[0] == '[') {
            const char *close = memchr(t, ']', tn);
            size_t after = close ? (size_t)(close - t) + 1 : tn;
            while (after < tn && is_blank(t[after]))
                after++;
            if (!close || (after < tn && t[after] != ';' && t[after] != '#')) {
                bad = 1;
            } else {
                if (d->nsecs > SC_MAX_SECTIONS) {  /* [report] and SC_MAX_SECTIONS entries */
                    *why = xasprintf("条目超过 %s 个（上限），不予读取", SC_MAX_SECTIONS_TEXT);
                    return -1;
                }
                if (d->nsecs == capsecs) {
                    capsecs = capsecs ? 2 * capsecs : 64;
                    d->secs = xrealloc(d->secs, (size_t)capsecs * sizeof *d->secs);
                }
                d->secs[d->nsecs++] = (ini_sec){trimmed(t + 1, (size_t)(close - t - 1), 1), line};
                continue;
            }
        }
        const char *eq = bad ? NULL : memchr(t, '=', tn);
        if (!eq || eq == t) {
            if (!whole && i >= len) {  /* the very last line, cut short: for the caller to judge */
                d->tail_dropped = 1;
                break;
            }
            return doc_fail(why, line, "无法识别", t, tn);
        }
        if (!d->nsecs)
            return doc_fail(why, line, "的键不在任何节中", t, tn);
        if (d->nkvs == capkvs) {
            capkvs = capkvs ? 2 * capkvs : 256;
            d->kvs = xrealloc(d->kvs, (size_t)capkvs * sizeof *d->kvs);
        }
        d->kvs[d->nkvs++] = (ini_kv){trimmed(t, (size_t)(eq - t), 1), ini_value(eq + 1, tn - (size_t)(eq - t) - 1),
                                     line, 0, d->nsecs - 1};
    }
    d->nlines = line;
    d->has_end = end_at > 0;
    /* the hash of (section, key): a key given twice in one section is an error */
    d->nslots = 16;
    while (d->nslots < 2 * (size_t)d->nkvs)
        d->nslots *= 2;
    d->slots = xcalloc(d->nslots, sizeof *d->slots);
    for (int k = 0; k < d->nkvs; k++) {
        ini_kv *kv = &d->kvs[k];
        ini_kv *old = kv_get(d, kv->sec, kv->key);
        if (old) {
            char *q = sc_excerpt(kv->key);
            char *sq = sc_excerpt(d->secs[kv->sec].name);
            *why = xasprintf("第 %d 行：[%s] 中的键 %s 重复（第 %d 行已有）", kv->line, sq, q, old->line);
            free(sq);
            free(q);
            return -1;
        }
        size_t h = kv_hash(kv->sec, kv->key) & (d->nslots - 1);
        while (d->slots[h])
            h = (h + 1) & (d->nslots - 1);
        d->slots[h] = k + 1;
    }
    return 0;
}

/* A section's name for a message: short and harmless. */
static char *sec_name(const ini_doc *d, int sec)
{
    return sc_excerpt(d->secs[sec].name);
}

/* A value, possibly split over key.1, key.2 …; decoded.  Returns 1 found,
 * 0 absent, -1 malformed (*why). */
static int get_value(ini_doc *d, int sec, const char *key, char **out, char **why)
{
    *out = NULL;
    ini_kv *kv = kv_get(d, sec, key);
    char name[96];
    snprintf(name, sizeof name, "%s.1", key);
    ini_kv *first = kv_get(d, sec, name);
    if (kv && first) {
        char *q = sec_name(d, sec);
        *why = xasprintf("[%s] 同时有 %s 和 %s", q, key, name);
        free(q);
        return -1;
    }
    if (kv) {
        kv->used = 1;
        *out = sidecar_decode(kv->val);
        return 1;
    }
    if (!first)
        return 0;
    sbuf b;
    sbuf_init(&b);
    for (int k = 1;; k++) {
        snprintf(name, sizeof name, "%s.%d", key, k);
        ini_kv *part = kv_get(d, sec, name);
        if (!part)
            break;
        part->used = 1;
        sbuf_adds(&b, part->val);
    }
    *out = sidecar_decode(b.s);
    sbuf_free(&b);
    return 1;
}

/* A stored correction: the one number parser (number.h), any kind. */
int sc_parse_number(const char *s, double *out, const char **why)
{
    const char *w = NULL;
    if (!s || number_parse(s, NUMBER_ANY, out, &w) != 0) {
        if (why)
            *why = w ? w : "没有数字";
        return -1;
    }
    return 0;
}

static int parse_entry(ini_doc *d, int sec, gk_rv_entry *e, char **why)
{
    const char *name = d->secs[sec].name;
    memset(e, 0, sizeof *e);
    char a[256] = "", b[256] = "", c[256] = "", extra[8] = "";
    int n = strlen(name) < 700 ? sscanf(name, "%255s %255s %255s %7s", a, b, c, extra) : 0;
    char *q = sec_name(d, sec);
    int rc = -1;
    if (!strcmp(a, "correction") && n == 2) {
        e->kind = GK_RV_CORRECTION;
        e->cell = xstrdup(b);
    } else if (!strcmp(a, "note") && n == 2) {
        e->kind = GK_RV_NOTE;
        e->cell = strcmp(b, "report") ? xstrdup(b) : NULL;
    } else if (!strcmp(a, "dismiss") && n == 3) {
        e->kind = GK_RV_DISMISS;
        e->rule = sc_canon_rule(b);
        e->cell = strcmp(c, "*") ? xstrdup(c) : NULL;
    } else {
        *why = xasprintf("第 %d 行：无法识别的节 [%s]", d->secs[sec].line, q);
        goto out;
    }
    const char *pk = payload_key(e->kind);
    int r = get_value(d, sec, pk, &e->text, why);
    if (r <= 0) {
        if (r == 0)
            *why = xasprintf("[%s] 缺少 %s", q, pk);
        goto out;
    }
    if (e->kind == GK_RV_CORRECTION) {
        const char *w = NULL;
        if (sc_parse_number(e->text, &e->value, &w) != 0) {
            char *v = sc_excerpt(e->text);
            *why = xasprintf("[%s] 的 value 无效（%s）：%s", q, w, v);
            free(v);
            goto out;
        }
        if (get_value(d, sec, "original", &e->original, why) < 0)
            goto out;
        if (!e->original)
            e->original = xstrdup("");
    }
    if (get_value(d, sec, "who", &e->who, why) < 0 || get_value(d, sec, "when", &e->when, why) < 0)
        goto out;
    if (!e->who)
        e->who = xstrdup("");
    if (!e->when)
        e->when = xstrdup("");
    ini_kv *conflict = kv_get(d, sec, "conflict");
    double want = 0;
    if (conflict) {
        conflict->used = 1;
        if (number_parse(conflict->val, NUMBER_COUNT, &want, NULL) != 0 || want > 100000) {
            char *v = sc_excerpt(conflict->val);
            *why = xasprintf("[%s] 的 conflict 不是数：%s", q, v);
            free(v);
            goto out;
        }
    }
    for (int k = 1;; k++) {
        char key[64];
        char *t = NULL, *who = NULL, *when = NULL;
        snprintf(key, sizeof key, "other.%d.%s", k, pk);
        r = get_value(d, sec, key, &t, why);
        if (r < 0)
            goto out;
        if (r == 0)
            break;
        snprintf(key, sizeof key, "other.%d.who", k);
        if (get_value(d, sec, key, &who, why) < 0) {
            free(t);
            goto out;
        }
        snprintf(key, sizeof key, "other.%d.when", k);
        if (get_value(d, sec, key, &when, why) < 0) {
            free(t);
            free(who);
            goto out;
        }
        sc_add_alt(e, t, who, when);
        free(t);
        free(who);
        free(when);
    }
    if (conflict && (int)want != e->nalts) {
        *why = xasprintf("[%s] 记有 %d 个冲突值，实有 %d 个", q, (int)want, e->nalts);
        goto out;
    }
    rc = 0;
out:
    free(q);
    return rc;
}

/* [report]; *version gets 1 or 2. */
static int parse_report(ini_doc *d, int sec, sc_file *f, int *version, char **why)
{
    ini_kv *v = kv_get(d, sec, "version");
    if (!v) {
        *why = xstrdup("[report] 缺少 version");
        return -1;
    }
    v->used = 1;
    if (strcmp(v->val, "1") != 0 && strcmp(v->val, "2") != 0) {
        char *q = sc_excerpt(v->val);
        *why = xasprintf("版本 %s 不是本程序能读写的版本（1 或 %d）", q, SC_VERSION);
        free(q);
        return -1;
    }
    *version = v->val[0] - '0';
    char *s = NULL;
    if (get_value(d, sec, "file", &s, why) < 0)
        return -1;
    free(s);
    if (get_value(d, sec, "sha256", &s, why) < 0)
        return -1;
    if (s) {
        size_t n = strlen(s);
        int ok = n == 64 || n == 0;
        for (size_t i = 0; ok && i < n; i++)
            ok = isxdigit((unsigned char)s[i]) && !isupper((unsigned char)s[i]);
        if (!ok) {
            char *q = sc_excerpt(s);
            *why = xasprintf("[report] 的 sha256 无效：%s", q);
            free(q);
            free(s);
            return -1;
        }
        memcpy(f->sha256, s, n + 1);
        free(s);
    }
    if (get_value(d, sec, "state", &s, why) < 0)
        return -1;
    if (s && sidecar_state_parse(s, &f->state) != 0) {
        char *q = sc_excerpt(s);
        *why = xasprintf("[report] 的 state 无效：%s（应为 未审核、审核中 或 已审核）", q);
        free(q);
        free(s);
        return -1;
    }
    free(s);
    if (get_value(d, sec, "state.who", &f->state_who, why) < 0 ||
        get_value(d, sec, "state.when", &f->state_when, why) < 0)
        return -1;
    return 0;
}

typedef struct {
    gk_rv_entry e;
    int line, sec;
} parsed_entry;

static int cmp_parsed(const void *pa, const void *pb)
{
    const parsed_entry *a = pa, *b = pb;
    int c = sc_cmp_entries(&a->e, &b->e);
    return c ? c : a->line - b->line;
}

/* Two sections for one entry: the later applies; an earlier one that says
 * something else is kept as a conflicting version (nothing is lost, the
 * reviewer sees a conflict).  Appends the story to notes. */
static void fold_duplicates(parsed_entry *v, int n, const ini_doc *d, sc_file *f)
{
    sbuf notes;
    sbuf_init(&notes);
    int listed = 0, more = 0;
    for (int i = 0; i < n;) {
        int j = i + 1;
        while (j < n && sc_cmp_entries(&v[i].e, &v[j].e) == 0)
            j++;
        parsed_entry *last = &v[j - 1];
        for (int k = i; k < j - 1; k++) {
            gk_rv_entry *old = &v[k].e;
            if (!sc_same_payload(old, &last->e) && !sc_has_alt(&last->e, &(gk_rv_alt){old->text, old->who, old->when}))
                sc_add_alt(&last->e, old->text, old->who, old->when);
            for (int a = 0; a < old->nalts; a++)
                if (!sc_has_alt(&last->e, &old->alts[a]))
                    sc_add_alt(&last->e, old->alts[a].text, old->alts[a].who, old->alts[a].when);
        }
        if (j - i > 1) {
            char *q = sec_name(d, last->sec);
            sbuf it;
            sbuf_init(&it);
            sbuf_printf(&it, "[%s] 出现 %d 次（第 %d 行", q, j - i, v[i].line);
            for (int k = i + 1; k < j && k < i + 4; k++)
                sbuf_printf(&it, "、第 %d 行", v[k].line);
            sbuf_printf(&it, "%s），采用第 %d 行的", j - i > 4 ? "等" : "", last->line);
            if (last->e.nalts)
                sbuf_adds(&it, "，不同的值作为冲突保留");
            sc_list_item(&notes, &listed, &more, "%s", it.s);
            sbuf_free(&it);
            free(q);
        }
        f->entries[f->nentries++] = last->e;
        for (int k = i; k < j - 1; k++)
            sc_entry_free(&v[k].e);
        i = j;
    }
    if (more)
        sbuf_printf(&notes, "… 及其他 %d 个", more);
    if (notes.len)
        f->notes = sbuf_steal(&notes);
    else
        sbuf_free(&notes);
}

/* ---- the whole file --------------------------------------------------------------------- */

/* The text into f: see sidecar_int.h. */
int sc_parse(const char *buf, size_t len, sc_file *f, char **why)
{
    memset(f, 0, sizeof *f);
    ini_doc d;
    int rc = doc_parse(buf, len, &d, why);
    if (rc != 0) {
        doc_free(&d);
        return -1;
    }
    int rep = -1, version = 0;
    for (int s = 0; s < d.nsecs && rc == 0; s++)
        if (!strcmp(d.secs[s].name, "report")) {
            if (rep >= 0) {
                *why = xasprintf("第 %d 行：[report] 节出现两次（第 %d 行已有）", d.secs[s].line, d.secs[rep].line);
                rc = -1;
            }
            rep = s;
        }
    if (rc == 0 && rep < 0) {
        *why = xstrdup("缺少 [report] 节");
        rc = -1;
    }
    if (rc == 0)
        rc = parse_report(&d, rep, f, &version, why);
    /* version 2 ends with SC_END_LINE: without it the file was cut off, and
     * its last section may be incomplete */
    int cut = rc == 0 && version >= 2 && !d.has_end;
    if (rc == 0 && !cut && d.tail_dropped) {
        *why = xasprintf("第 %d 行无法识别（不完整的最后一行）", d.nlines);
        rc = -1;
    }
    int last = cut ? d.nsecs - 1 : d.nsecs;
    parsed_entry *pv = NULL;
    int np = 0;
    if (rc == 0 && d.nsecs > 1)
        pv = xmalloc((size_t)d.nsecs * sizeof *pv);
    for (int s = 0; rc == 0 && s < d.nsecs; s++) {
        if (s == rep)
            continue;
        gk_rv_entry e;
        if (s >= last) {               /* the cut section: not applied, its keys not judged */
            for (int k = 0; k < d.nkvs; k++)
                if (d.kvs[k].sec == s)
                    d.kvs[k].used = 1;
            continue;
        }
        if (parse_entry(&d, s, &e, why) != 0) {
            sc_entry_free(&e);
            rc = -1;
            break;
        }
        pv[np++] = (parsed_entry){e, d.secs[s].line, s};
    }
    for (int i = 0; rc == 0 && i < d.nkvs; i++)
        if (!d.kvs[i].used) {
            char *q = sec_name(&d, d.kvs[i].sec);
            char *k = sc_excerpt(d.kvs[i].key);
            *why = xasprintf("第 %d 行：[%s] 中有无法识别的键 %s", d.kvs[i].line, q, k);
            free(k);
            free(q);
            rc = -1;
        }
    if (rc == 0 && np) {
        qsort(pv, (size_t)np, sizeof *pv, cmp_parsed);
        f->entries = xmalloc((size_t)np * sizeof *f->entries);
        fold_duplicates(pv, np, &d, f);
    } else {
        for (int i = 0; i < np; i++)
            sc_entry_free(&pv[i].e);
    }
    free(pv);
    if (rc == 0 && cut) {
        char *lastq = sec_name(&d, d.nsecs - 1);
        if (d.nsecs - 1 == rep) {
            *why = xasprintf("不完整（没有结尾标记，可能在复制或写入时被截断）：截断在 [report] 节中，没有可套用的记录");
        } else {
            int prev = d.nsecs - 2;
            char *prevq = prev >= 0 && prev != rep ? sec_name(&d, prev) : NULL;
            if (prevq)
                *why = xasprintf("不完整（没有结尾标记，可能在复制或写入时被截断）：套用到 [%s] 为止的 %d 条记录，"
                                 "最后的 [%s]（第 %d 行起）可能不完整，未套用",
                                 prevq, np, lastq, d.secs[d.nsecs - 1].line);
            else
                *why = xasprintf("不完整（没有结尾标记，可能在复制或写入时被截断）：唯一的记录 [%s]（第 %d 行起）"
                                 "可能不完整，未套用",
                                 lastq, d.secs[d.nsecs - 1].line);
            free(prevq);
        }
        free(lastq);
    }
    doc_free(&d);
    if (rc != 0) {
        sc_file_free(f);
        return -1;
    }
    if (!f->state_who)
        f->state_who = xstrdup("");
    if (!f->state_when)
        f->state_when = xstrdup("");
    return cut ? 2 : 0;
}

/* ---- writing --------------------------------------------------------------------------------- */

static void put_alts(sbuf *b, const gk_rv_entry *e)
{
    if (!e->nalts)
        return;
    sbuf_printf(b, "conflict = %d\n", e->nalts);
    for (int i = 0; i < e->nalts; i++) {
        char key[64];
        snprintf(key, sizeof key, "other.%d.%s", i + 1, payload_key(e->kind));
        put_value(b, key, e->alts[i].text);
        snprintf(key, sizeof key, "other.%d.who", i + 1);
        put_value(b, key, e->alts[i].who);
        snprintf(key, sizeof key, "other.%d.when", i + 1);
        put_value(b, key, e->alts[i].when);
    }
}

char *sc_serialize(const gk_review *rv, const gk_rv_entry *v, int n, const char *sha256)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "; gkreview 审核记录（审阅者的更正、备注、忽略的问题和审核状态）。\n"
                  "; 由 gkreview 写入；值中的换行、制表符和 % ; # \" ' \\ 写作 %XX，长的值分写为 键.1、键.2 …\n");
    sbuf_adds(&b, "[report]\n");
    sbuf_printf(&b, "version = %d\n", SC_VERSION);
    char *base = sc_basename(rv->report_path);
    put_value(&b, "file", base);
    free(base);
    sbuf_printf(&b, "sha256 = %s\n", sha256);
    sbuf_printf(&b, "state = %s\n", sidecar_state_name(rv->state));
    if (rv->state_who && *rv->state_who)
        put_value(&b, "state.who", rv->state_who);
    if (rv->state_when && *rv->state_when)
        put_value(&b, "state.when", rv->state_when);
    for (int i = 0; i < n; i++) {
        const gk_rv_entry *e = &v[i];
        sbuf_adds(&b, "\n");
        if (e->kind == GK_RV_DISMISS)
            sbuf_printf(&b, "[dismiss %s %s]\n", e->rule, e->cell ? e->cell : "*");
        else
            sbuf_printf(&b, "[%s %s]\n", sc_kind_name(e->kind), e->cell ? e->cell : "report");
        put_value(&b, payload_key(e->kind), e->text);
        if (e->kind == GK_RV_CORRECTION)
            put_value(&b, "original", e->original);
        put_value(&b, "who", e->who);
        put_value(&b, "when", e->when);
        put_alts(&b, e);
    }
    sbuf_adds(&b, "\n" SC_END_LINE "\n");
    return sbuf_steal(&b);
}
