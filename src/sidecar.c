/* sidecar.c — the reviewer's sidecar file: format, locating, loading,
 * merging and atomic saving.
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
#include "rules.h"
#include "sidecar.h"
#include "number.h"
#include "safe.h"
#include "util.h"

#include <iniparser.h>
#include <nettle/sha2.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SC_VERSION 2          /* 2: ends with SC_END_LINE; 1 (no end line) is still read */
#define SC_CHUNK 600          /* bytes of encoded value per line */
#define SC_MAX_CAND 100       /* stem.ini, stem.1.ini … stem.99.ini */
#define SC_MAX_SECTIONS 50000 /* entries a sidecar may hold (the template has a few thousand at most) */
#define SC_MAX_SECTIONS_TEXT "50,000"
#define SC_MAX_BYTES (64u << 20)
#define SC_EXCERPT 40         /* characters of a file's content an error message quotes */
#define SC_LIST_MAX 10        /* items a warning lists before "… 及其他 N 个" */
/* The last line of every file written since version 2: a file without it was cut off. */
#define SC_END_LINE "; end — 审核记录到此完整结束"

/* ---- small helpers ---------------------------------------------------------- */

static char *dupn(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static int eq0(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static int cmp0(const char *a, const char *b)
{
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    return strcmp(a, b);
}

static void set_str(char **dst, const char *s)
{
    char *n = dupn(s);
    free(*dst);
    *dst = n;
}

const char *sidecar_now(char *buf, size_t n)
{
    /* local time with its offset ("2026-12-03T18:30:00+08:00"; "Z" at UTC+0),
     * which the screen shows back in local time; older sidecars hold UTC "…Z" */
    time_t t = time(NULL);
    struct tm tm;
    char z[8];
    if (!localtime_r(&t, &tm) || !strftime(z, sizeof z, "%z", &tm) || strlen(z) != 5 ||
        !strftime(buf, n, "%Y-%m-%dT%H:%M:%S", &tm)) {
        if (n)
            buf[0] = '\0';
        return buf;
    }
    size_t len = strlen(buf);
    if (!strcmp(z, "+0000"))
        snprintf(buf + len, n - len, "Z");
    else
        snprintf(buf + len, n - len, "%.3s:%.2s", z, z + 3);
    return buf;
}

static void hex(const unsigned char *d, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[2 * n] = '\0';
}

int sidecar_sha256_file(const char *path, char out[65])
{
    out[0] = '\0';
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        int e = S_ISREG(st.st_mode) ? errno : EINVAL;
        close(fd);
        errno = e;
        return -1;
    }
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char *buf = xmalloc(65536);
    for (;;) {
        ssize_t r = read(fd, buf, 65536);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        sha256_update(&ctx, (size_t)r, buf);
    }
    free(buf);
    close(fd);
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, d);
    hex(d, sizeof d, out);
    return 0;
}

static void sha256_str(const char *s, char out[65])
{
    struct sha256_ctx ctx;
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, strlen(s), (const uint8_t *)s);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, d);
    hex(d, sizeof d, out);
}

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
            c.len -= trail;
            c.s[c.len] = '\0';
            for (size_t k = 0; k < trail; k++)
                sbuf_adds(&c, "%20");
            v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
            v[n++] = sbuf_steal(&c);
            sbuf_init(&c);
            trail = 0;
        }
        if (space && c.len == 0) {
            sbuf_adds(&c, "%20");
        } else {
            sbuf_add(&c, tok, tl);
            trail = space ? trail + 1 : 0;
        }
    }
    c.len -= trail;
    c.s[c.len] = '\0';
    for (size_t k = 0; k < trail; k++)
        sbuf_adds(&c, "%20");
    v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
    v[n++] = sbuf_steal(&c);
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

/* ---- entries ------------------------------------------------------------------------ */

static const char *payload_key(gk_rv_kind k)
{
    return k == GK_RV_CORRECTION ? "value" : k == GK_RV_NOTE ? "text" : "reason";
}

static const char *kind_name(gk_rv_kind k)
{
    return k == GK_RV_CORRECTION ? "correction" : k == GK_RV_NOTE ? "note" : "dismiss";
}

static void entry_clear_alts(gk_rv_entry *e)
{
    for (int i = 0; i < e->nalts; i++) {
        free(e->alts[i].text);
        free(e->alts[i].who);
        free(e->alts[i].when);
    }
    free(e->alts);
    e->alts = NULL;
    e->nalts = 0;
}

static void entry_free(gk_rv_entry *e)
{
    if (!e)
        return;
    free(e->cell);
    free(e->rule);
    free(e->text);
    free(e->original);
    free(e->who);
    free(e->when);
    entry_clear_alts(e);
    if (e->base) {
        entry_free(e->base);
        free(e->base);
    }
    memset(e, 0, sizeof *e);
}

static void add_alt(gk_rv_entry *e, const char *text, const char *who, const char *when)
{
    e->alts = xrealloc(e->alts, (size_t)(e->nalts + 1) * sizeof *e->alts);
    gk_rv_alt *a = &e->alts[e->nalts++];
    a->text = xstrdup(text ? text : "");
    a->who = xstrdup(who ? who : "");
    a->when = xstrdup(when ? when : "");
}

/* A deep copy without the base. */
static gk_rv_entry entry_copy(const gk_rv_entry *e)
{
    gk_rv_entry c = *e;
    c.cell = dupn(e->cell);
    c.rule = dupn(e->rule);
    c.text = dupn(e->text);
    c.original = dupn(e->original);
    c.who = dupn(e->who);
    c.when = dupn(e->when);
    c.alts = NULL;
    c.nalts = 0;
    c.base = NULL;
    for (int i = 0; i < e->nalts; i++)
        add_alt(&c, e->alts[i].text, e->alts[i].who, e->alts[i].when);
    return c;
}

static gk_rv_entry *entry_dup(const gk_rv_entry *e)
{
    gk_rv_entry *p = xmalloc(sizeof *p);
    *p = entry_copy(e);
    return p;
}

static int same_key(const gk_rv_entry *a, const gk_rv_entry *b)
{
    return a->kind == b->kind && eq0(a->rule, b->rule) && eq0(a->cell, b->cell);
}

static int same_payload(const gk_rv_entry *a, const gk_rv_entry *b)
{
    if (a->kind == GK_RV_CORRECTION)
        return a->value == b->value;
    return eq0(a->text, b->text);
}

static int same_content(const gk_rv_entry *a, const gk_rv_entry *b)
{
    if (!same_key(a, b) || !same_payload(a, b) || !eq0(a->text, b->text) || !eq0(a->original, b->original) ||
        !eq0(a->who, b->who) || !eq0(a->when, b->when) || a->nalts != b->nalts)
        return 0;
    for (int i = 0; i < a->nalts; i++)
        if (!eq0(a->alts[i].text, b->alts[i].text) || !eq0(a->alts[i].who, b->alts[i].who) ||
            !eq0(a->alts[i].when, b->alts[i].when))
            return 0;
    return 1;
}

static int has_alt(const gk_rv_entry *e, const gk_rv_alt *a)
{
    for (int i = 0; i < e->nalts; i++)
        if (eq0(e->alts[i].text, a->text) && eq0(e->alts[i].who, a->who) && eq0(e->alts[i].when, a->when))
            return 1;
    return 0;
}

static int cmp_entries(const void *pa, const void *pb)
{
    const gk_rv_entry *a = pa, *b = pb;
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    int c = cmp0(a->rule, b->rule);
    return c ? c : cmp0(a->cell, b->cell);
}

/* Linear: for the short, unsorted list of removed entries. */
static gk_rv_entry *find_in(gk_rv_entry *v, int n, gk_rv_kind kind, const char *rule, const char *cell)
{
    for (int i = 0; i < n; i++)
        if (v[i].kind == kind && eq0(v[i].rule, rule) && eq0(v[i].cell, cell))
            return &v[i];
    return NULL;
}

/* Binary search in entries kept sorted by cmp_entries() (a review's live
 * entries, a parsed file's): lookups stay logarithmic in large sidecars. */
static gk_rv_entry *find_sorted(gk_rv_entry *v, int n, gk_rv_kind kind, const char *rule, const char *cell)
{
    gk_rv_entry key = {.kind = kind, .rule = (char *)rule, .cell = (char *)cell};
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        int c = cmp_entries(&v[mid], &key);
        if (c == 0)
            return &v[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static void push(gk_rv_entry **v, int *n, gk_rv_entry e)
{
    *v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
    (*v)[(*n)++] = e;
}

static void free_entries(gk_rv_entry *v, int n)
{
    for (int i = 0; i < n; i++)
        entry_free(&v[i]);
    free(v);
}

/* ---- the review --------------------------------------------------------------------------- */

static gk_review *review_new(const char *report_path)
{
    gk_review *rv = xcalloc(1, sizeof *rv);
    rv->report_path = xstrdup(report_path);
    rv->state_who = xstrdup("");
    rv->state_when = xstrdup("");
    rv->base_state_who = xstrdup("");
    rv->base_state_when = xstrdup("");
    return rv;
}

void sidecar_free(gk_review *rv)
{
    if (!rv)
        return;
    free_entries(rv->entries, rv->nentries);
    free_entries(rv->gone, rv->ngone);
    free(rv->report_path);
    free(rv->path);
    free(rv->state_who);
    free(rv->state_when);
    free(rv->base_state_who);
    free(rv->base_state_when);
    free(rv->loaded_from);
    free(rv->stem);
    free(rv->fallback_stem);
    free(rv);
}

const char *sidecar_where(const gk_review *rv)
{
    return rv && rv->path ? rv->path : "";
}

/* What a file holds, as parsed. */
typedef struct {
    gk_rv_entry *entries;
    int nentries;
    char sha256[65];
    gk_review_state state;
    char *state_who, *state_when;
    char *notes;              /* what the reviewer should know of a file that was read (duplicates), or NULL */
} sc_file;

static void sc_file_free(sc_file *f)
{
    free_entries(f->entries, f->nentries);
    free(f->state_who);
    free(f->state_when);
    free(f->notes);
    memset(f, 0, sizeof *f);
}

/* ---- parsing ------------------------------------------------------------------------------- */

/* iniparser reads the reviewer's config.ini (sidecar_default_reviewer());
 * it reports errors through one global callback, collected per thread. */
static _Thread_local sbuf *tl_errors;

static int ini_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (tl_errors) {
        char tmp[512];
        vsnprintf(tmp, sizeof tmp, fmt, ap);
        sbuf_adds(tl_errors, tmp);
    }
    va_end(ap);
    return 0;
}

static pthread_once_t ini_once = PTHREAD_ONCE_INIT;

static void ini_setup(void)
{
    iniparser_set_error_callback(ini_error);
}

static dictionary *ini_load(const char *path)
{
    pthread_once(&ini_once, ini_setup);
    sbuf errs;
    sbuf_init(&errs);
    tl_errors = &errs;
    dictionary *d = iniparser_load(path);
    tl_errors = NULL;
    sbuf_free(&errs);
    return d;
}

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

/* A short, harmless quote of a file's text for an error message. */
static char *excerpt(const char *s)
{
    return safe_excerpt(s, strlen(s), SC_EXCERPT);
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
    char *q = excerpt(t);
    *why = xasprintf("第 %d 行%s：%s", line, what, q);
    free(q);
    free(t);
    return -1;
}

/* Parses the text of a sidecar.  Returns 0, or -1 and *why (Chinese, quoting
 * at most a short neutralised excerpt). */
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
            char *q = excerpt(kv->key);
            char *sq = excerpt(d->secs[kv->sec].name);
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
    return excerpt(d->secs[sec].name);
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
static int parse_number(const char *s, double *out, const char **why)
{
    const char *w = NULL;
    if (!s || number_parse(s, NUMBER_ANY, out, &w) != 0) {
        if (why)
            *why = w ? w : "没有数字";
        return -1;
    }
    return 0;
}

static char *canon_rule(const char *lower)
{
    int n;
    const gk_rule_def *rules = template_rules(&n);
    for (int i = 0; i < n; i++)
        if (strcasecmp(rules[i].id, lower) == 0)
            return xstrdup(rules[i].id);
    char *s = xstrdup(lower);
    for (char *p = s; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return s;
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
        e->rule = canon_rule(b);
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
        if (parse_number(e->text, &e->value, &w) != 0) {
            char *v = excerpt(e->text);
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
            char *v = excerpt(conflict->val);
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
        add_alt(e, t, who, when);
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
        char *q = excerpt(v->val);
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
            char *q = excerpt(s);
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
        char *q = excerpt(s);
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

/* Reads a sidecar without following a symbolic link.  0, or -1 and *why. */
static int read_sidecar(const char *path, char **buf, size_t *len, char **why)
{
    *buf = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *why = errno == ELOOP ? xstrdup("是符号链接，不读取也不改动") : xasprintf("无法读取：%s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        *why = xstrdup("不是普通文件");
        return -1;
    }
    if ((unsigned long long)st.st_size > SC_MAX_BYTES) {
        close(fd);
        *why = xasprintf("文件过大（%llu 字节，上限 %u MB），不予读取", (unsigned long long)st.st_size,
                         SC_MAX_BYTES >> 20);
        return -1;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *b = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap > SC_MAX_BYTES) {
                free(b);
                close(fd);
                *why = xasprintf("文件过大（上限 %u MB），不予读取", SC_MAX_BYTES >> 20);
                return -1;
            }
            cap *= 2;
            b = xrealloc(b, cap + 1);
        }
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(b);
            close(fd);
            *why = xasprintf("无法读取：%s", strerror(e));
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

typedef struct {
    gk_rv_entry e;
    int line, sec;
} parsed_entry;

static int cmp_parsed(const void *pa, const void *pb)
{
    const parsed_entry *a = pa, *b = pb;
    int c = cmp_entries(&a->e, &b->e);
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
        while (j < n && cmp_entries(&v[i].e, &v[j].e) == 0)
            j++;
        parsed_entry *last = &v[j - 1];
        for (int k = i; k < j - 1; k++) {
            gk_rv_entry *old = &v[k].e;
            if (!same_payload(old, &last->e) && !has_alt(&last->e, &(gk_rv_alt){old->text, old->who, old->when}))
                add_alt(&last->e, old->text, old->who, old->when);
            for (int a = 0; a < old->nalts; a++)
                if (!has_alt(&last->e, &old->alts[a]))
                    add_alt(&last->e, old->alts[a].text, old->alts[a].who, old->alts[a].when);
        }
        if (j - i > 1) {
            if (listed < SC_LIST_MAX) {
                char *q = sec_name(d, last->sec);
                sbuf_printf(&notes, "%s[%s] 出现 %d 次（第 %d 行", listed ? "；" : "", q, j - i, v[i].line);
                for (int k = i + 1; k < j && k < i + 4; k++)
                    sbuf_printf(&notes, "、第 %d 行", v[k].line);
                sbuf_printf(&notes, "%s），采用第 %d 行的", j - i > 4 ? "等" : "", last->line);
                if (last->e.nalts)
                    sbuf_adds(&notes, "，不同的值作为冲突保留");
                free(q);
                listed++;
            } else {
                more++;
            }
        }
        f->entries[f->nentries++] = last->e;
        for (int k = i; k < j - 1; k++)
            entry_free(&v[k].e);
        i = j;
    }
    if (more)
        sbuf_printf(&notes, "… 及其他 %d 个", more);
    if (notes.len)
        f->notes = sbuf_steal(&notes);
    else
        sbuf_free(&notes);
}

/* Returns 0 parsed, 1 absent, -1 unusable (*why), 2 cut off: f holds the
 * entries before the last section, *why says so (the file is then not for
 * writing).  f->notes may tell of duplicates. */
static int parse_file(const char *path, sc_file *f, char **why)
{
    memset(f, 0, sizeof *f);
    struct stat st;
    if (lstat(path, &st) != 0) {
        /* a folder we may not search (a $HOME that is not ours) holds
         * nothing we could read: as good as absent; saving there reports it */
        if (errno == ENOENT || errno == ENOTDIR || errno == EACCES)
            return 1;
        *why = xasprintf("无法访问：%s", strerror(errno));
        return -1;
    }
    if (S_ISLNK(st.st_mode)) {
        *why = xstrdup("是符号链接，不读取也不改动");
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = xstrdup("不是普通文件");
        return -1;
    }
    char *buf;
    size_t len;
    if (read_sidecar(path, &buf, &len, why) != 0)
        return -1;
    ini_doc d;
    int rc = doc_parse(buf, len, &d, why);
    free(buf);
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
            entry_free(&e);
            rc = -1;
            break;
        }
        pv[np++] = (parsed_entry){e, d.secs[s].line, s};
    }
    for (int i = 0; rc == 0 && i < d.nkvs; i++)
        if (!d.kvs[i].used) {
            char *q = sec_name(&d, d.kvs[i].sec);
            char *k = excerpt(d.kvs[i].key);
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
            entry_free(&pv[i].e);
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

static char *basename_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return xstrdup(s ? s + 1 : path);
}

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

static char *serialize(const gk_review *rv)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "; gkreview 审核记录（审阅者的更正、备注、忽略的问题和审核状态）。\n"
                  "; 由 gkreview 写入；值中的换行、制表符和 % ; # \" ' \\ 写作 %XX，长的值分写为 键.1、键.2 …\n");
    sbuf_adds(&b, "[report]\n");
    sbuf_printf(&b, "version = %d\n", SC_VERSION);
    char *base = basename_of(rv->report_path);
    put_value(&b, "file", base);
    free(base);
    sbuf_printf(&b, "sha256 = %s\n", rv->sha256);
    sbuf_printf(&b, "state = %s\n", sidecar_state_name(rv->state));
    if (rv->state_who && *rv->state_who)
        put_value(&b, "state.who", rv->state_who);
    if (rv->state_when && *rv->state_when)
        put_value(&b, "state.when", rv->state_when);
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *e = &rv->entries[i];
        sbuf_adds(&b, "\n");
        if (e->kind == GK_RV_DISMISS)
            sbuf_printf(&b, "[dismiss %s %s]\n", e->rule, e->cell ? e->cell : "*");
        else
            sbuf_printf(&b, "[%s %s]\n", kind_name(e->kind), e->cell ? e->cell : "report");
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

static char *dir_of(const char *path)
{
    const char *s = strrchr(path, '/');
    if (!s)
        return xstrdup(".");
    if (s == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(s - path));
}

static int is_perm_error(int e)
{
    return e == EACCES || e == EPERM || e == EROFS;
}

static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Removes temp files a killed writer left (we hold the lock: nobody else writes). */
static void remove_stale_temps(const char *target)
{
    char *dir = dir_of(target);
    char *base = basename_of(target);
    char *prefix = xasprintf("%s.tmp.", base);
    size_t pl = strlen(prefix);
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (strncmp(de->d_name, prefix, pl) == 0) {
                char *p = xasprintf("%s/%s", dir, de->d_name);
                unlink(p);
                free(p);
            }
        }
        closedir(d);
    }
    free(prefix);
    free(base);
    free(dir);
}

/* Writes data to target atomically.  Returns 0, or an errno value. */
static int write_atomic(const char *target, const char *data, size_t len)
{
    char *tmp = xasprintf("%s.tmp.%ld", target, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0 && errno == EEXIST) {
        unlink(tmp);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
    }
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return e;
    }
    struct stat st;
    if (lstat(target, &st) == 0 && S_ISREG(st.st_mode))
        (void)fchmod(fd, st.st_mode & 07777);
    size_t off = 0;
    int e = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            e = errno;
            break;
        }
        off += (size_t)w;
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, target) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        free(tmp);
        return e;
    }
    free(tmp);
    char *dir = dir_of(target);
    fsync_dir(dir);
    free(dir);
    return 0;
}

/* mkdir -p with mode 0700 for what it creates. */
static int make_dirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1;; s++) {
        if (*s == '/' || !*s) {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0700) != 0 && errno != EEXIST) {
                int e = errno;
                free(p);
                return e;
            }
            *s = c;
            if (!c)
                break;
        }
    }
    free(p);
    return 0;
}

/* ---- locating ----------------------------------------------------------------------------------- */

static char *cand_path(const char *stem, int n)
{
    return n ? xasprintf("%s.%d.ini", stem, n) : xasprintf("%s.ini", stem);
}

static char *data_dir(void)
{
    const char *x = getenv("XDG_DATA_HOME");
    if (x && x[0] == '/')
        return xasprintf("%s/gkreview", x);
    const char *home = getenv("HOME");
    if (!home || home[0] != '/') {
        struct passwd *pw = getpwuid(getuid());
        home = pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
    }
    return home ? xasprintf("%s/.local/share/gkreview", home) : NULL;
}

static char *absolute(const char *path)
{
    char *r = realpath(path, NULL);
    if (r) {
        char *s = xstrdup(r);
        free(r);
        return s;
    }
    if (path[0] == '/')
        return xstrdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return xstrdup(path);
    return xasprintf("%s/%s", cwd, path);
}

/* "$XDG_DATA_HOME/gkreview/<16 hex of SHA-256(absolute path)>-<name>.review" */
static char *fallback_stem(const char *report_path)
{
    char *dir = data_dir();
    if (!dir)
        return NULL;
    char *abs = absolute(report_path);
    char h[65];
    sha256_str(abs, h);
    h[16] = '\0';
    char *base = basename_of(abs);
    char *stem = xasprintf("%s/%s-%s.review", dir, h, base);
    free(base);
    free(abs);
    free(dir);
    return stem;
}

/* In a run that only reads sidecars (check, export, issues) the answers
 * below stay as they were for the folder asked about last: thousands of
 * reports of one folder then cost no more system calls than they must. */
static int stable_dirs;
static pthread_mutex_t dirs_mu = PTHREAD_MUTEX_INITIALIZER;
static char *last_dir;
static int last_writable, fallback_known, fallback_exists;

void sidecar_read_only_run(void)
{
    stable_dirs = 1;
}

/* Whether $XDG_DATA_HOME/gkreview exists: when it does not, no sidecar
 * can be there (saves check the path itself). */
static int fallback_dir_exists(void)
{
    if (stable_dirs) {
        pthread_mutex_lock(&dirs_mu);
        int known = fallback_known, exists = fallback_exists;
        pthread_mutex_unlock(&dirs_mu);
        if (known)
            return exists;
    }
    char *dir = data_dir();
    struct stat st;
    int ok = dir && stat(dir, &st) == 0;
    free(dir);
    if (stable_dirs) {
        pthread_mutex_lock(&dirs_mu);
        fallback_known = 1;
        fallback_exists = ok;
        pthread_mutex_unlock(&dirs_mu);
    }
    return ok;
}

int sidecar_may_exist(int absent_beside)
{
    return !absent_beside || fallback_dir_exists();
}

static int dir_writable(const char *report_path)
{
    char *dir = dir_of(report_path);
    if (stable_dirs) {
        pthread_mutex_lock(&dirs_mu);
        int hit = last_dir && !strcmp(last_dir, dir), ok = last_writable;
        pthread_mutex_unlock(&dirs_mu);
        if (hit) {
            free(dir);
            return ok;
        }
    }
    int ok = access(dir, W_OK | X_OK) == 0;
    if (stable_dirs) {
        pthread_mutex_lock(&dirs_mu);
        free(last_dir);
        last_dir = dir;
        last_writable = ok;
        pthread_mutex_unlock(&dirs_mu);
    } else {
        free(dir);
    }
    return ok;
}

/* ---- loading ---------------------------------------------------------------------------------- */

static void take_file(gk_review *rv, sc_file *f, int with_base)
{
    free_entries(rv->entries, rv->nentries);
    rv->entries = f->entries;
    rv->nentries = f->nentries;
    f->entries = NULL;
    f->nentries = 0;
    for (int i = 0; i < rv->nentries; i++)
        rv->entries[i].base = with_base ? entry_dup(&rv->entries[i]) : NULL;
    memcpy(rv->sha256, f->sha256, sizeof rv->sha256);
    rv->state = f->state;
    set_str(&rv->state_who, f->state_who);
    set_str(&rv->state_when, f->state_when);
    if (with_base) {
        rv->base_state = f->state;
        set_str(&rv->base_state_who, f->state_who);
        set_str(&rv->base_state_when, f->state_when);
    }
}

/* Walks stem.ini, stem.1.ini …: the first that is absent or parses.
 * Unusable ones are described in w (the first SC_LIST_MAX of them).  Returns
 * the index; *loaded is 1 when one parsed (into f), 2 when none did but one
 * was cut off (f holds its complete entries: to be applied, and saved into
 * the new file), 0 otherwise. */
static int walk_chain(const char *stem, sc_file *f, int *loaded, sbuf *w)
{
    *loaded = 0;
    memset(f, 0, sizeof *f);
    sc_file part;
    int have_part = 0, told = 0, untold = 0, n;
    for (n = 0; n < SC_MAX_CAND; n++) {
        char *p = cand_path(stem, n);
        char *why = NULL;
        sc_file g;
        int rc = parse_file(p, &g, &why);
        if (rc == 0 || rc == 1) {
            if (rc == 0) {
                if (g.notes)
                    sbuf_printf(w, "%s审核记录文件 %s：%s", w->len ? "；" : "", p, g.notes);
                *f = g;
                *loaded = 1;
            }
            free(p);
            break;
        }
        if (told < SC_LIST_MAX) {
            if (rc == 2)
                sbuf_printf(w, "%s审核记录文件 %s %s；该文件不会被改动", w->len ? "；" : "", p, why);
            else
                sbuf_printf(w, "%s审核记录文件 %s 无法使用（%s），该文件不会被改动", w->len ? "；" : "", p, why);
            told++;
        } else {
            untold++;
        }
        if (rc == 2 && !have_part) {
            part = g;
            have_part = 1;
        } else if (rc == 2) {
            sc_file_free(&g);
        }
        free(why);
        free(p);
    }
    if (untold)
        sbuf_printf(w, "… 及其他 %d 个无法使用的审核记录文件", untold);
    if (have_part && *loaded)
        sc_file_free(&part);
    else if (have_part) {
        *f = part;
        *loaded = 2;
    }
    return n < SC_MAX_CAND ? n : SC_MAX_CAND - 1;
}

int sidecar_load(const char *report_path, gk_review **out, char **warn)
{
    *warn = NULL;
    gk_review *rv = review_new(report_path);
    *out = rv;
    sbuf w;
    sbuf_init(&w);
    char *beside = xasprintf("%s.review", report_path);
    int writable = dir_writable(report_path);
    if (!writable || fallback_dir_exists())
        rv->fallback_stem = fallback_stem(report_path);
    writable = writable || !rv->fallback_stem;
    rv->stem = xstrdup(writable ? beside : rv->fallback_stem);
    rv->fallback = !writable;
    sc_file f;
    int loaded;
    rv->cand = walk_chain(rv->stem, &f, &loaded, &w);
    rv->path = cand_path(rv->stem, rv->cand);
    if (loaded == 1) {
        take_file(rv, &f, 1);
        rv->loaded_from = xstrdup(rv->path);
        rv->exists = 1;
        sc_file_free(&f);
    } else if (loaded == 2) {          /* what a cut-off file held completely: saved into the new file */
        take_file(rv, &f, 0);
        sc_file_free(&f);
    } else if (rv->cand == 0) {
        /* nothing where it is written now: take what the other place has
         * (a sidecar shipped beside a read-only report, or one kept under
         * $XDG_DATA_HOME while the folder was not writable) */
        const char *other = writable ? rv->fallback_stem : beside;
        if (other) {
            sc_file g;
            int got;
            sbuf w2;
            sbuf_init(&w2);
            int n = walk_chain(other, &g, &got, &w2);
            if (got) {
                take_file(rv, &g, 0);
                sc_file_free(&g);
                char *p = cand_path(other, n);
                sbuf_printf(&w, "%s已读入 %s 中的审核记录，今后保存到 %s", w.len ? "；" : "", p, rv->path);
                free(p);
            }
            if (w2.len)
                sbuf_printf(&w, "%s%s", w.len ? "；" : "", w2.s);
            sbuf_free(&w2);
        }
    }
    if (w.len && rv->cand > 0)
        sbuf_printf(&w, "；新的审核记录保存到 %s", rv->path);
    free(beside);
    int rc = w.len ? 1 : 0;
    if (rv->nentries || rv->sha256[0] || rv->exists) {
        if (sidecar_sha256_file(report_path, rv->report_sha256) != 0) {
            sbuf_printf(&w, "%s无法读取报告 %s：%s", w.len ? "；" : "", report_path, strerror(errno));
            *warn = sbuf_steal(&w);
            return -1;
        }
        if (rv->sha256[0] && strcmp(rv->sha256, rv->report_sha256) != 0) {
            rv->report_changed = 1;
            sbuf_printf(&w, "%s报告 %s 在审核后已改变（SHA-256 不同），审核记录按单元格编号套用，请核对", w.len ? "；" : "",
                        report_path);
            rc = 1;
        }
    }
    if (rc)
        *warn = sbuf_steal(&w);
    else
        sbuf_free(&w);
    return rc;
}

/* ---- editing -------------------------------------------------------------------------------------- */

static gk_rv_entry *live(gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell)
{
    return find_sorted(rv->entries, rv->nentries, kind, rule, cell);
}

const gk_rv_entry *sidecar_find(const gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell)
{
    if (!rule || template_rule(rule))
        return find_sorted(rv->entries, rv->nentries, kind, rule, cell);
    char *r = canon_rule(rule);
    const gk_rv_entry *e = find_sorted(rv->entries, rv->nentries, kind, r, cell);
    free(r);
    return e;
}

int sidecar_conflicts(const gk_review *rv)
{
    int n = 0;
    for (int i = 0; i < rv->nentries; i++)
        n += rv->entries[i].nalts > 0;
    return n;
}

/* Sets an entry's payload: a new entry, or an update of the live one. */
static gk_rv_entry *upsert(gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell, const char *text,
                           double value, const char *original, const char *who)
{
    char now[32];
    sidecar_now(now, sizeof now);
    gk_rv_entry *e = live(rv, kind, rule, cell);
    if (e) {
        gk_rv_entry probe = {.kind = kind, .text = (char *)text, .value = value};
        if (same_payload(e, &probe) && !e->nalts &&
            (kind != GK_RV_CORRECTION || eq0(e->original, original ? original : "")))
            return e;
        set_str(&e->text, text);
        e->value = value;
        if (kind == GK_RV_CORRECTION)
            set_str(&e->original, original ? original : "");
        set_str(&e->who, who ? who : "");
        set_str(&e->when, now);
        entry_clear_alts(e);
        return e;
    }
    gk_rv_entry n = {0};
    n.kind = kind;
    n.rule = dupn(rule);
    n.cell = dupn(cell);
    n.text = xstrdup(text);
    n.value = value;
    n.original = kind == GK_RV_CORRECTION ? xstrdup(original ? original : "") : NULL;
    n.who = xstrdup(who ? who : "");
    n.when = xstrdup(now);
    gk_rv_entry *g = find_in(rv->gone, rv->ngone, kind, rule, cell);
    if (g) {                           /* removed earlier in this session: keep its base */
        n.base = g->base;
        g->base = NULL;
        entry_free(g);
        *g = rv->gone[--rv->ngone];
    }
    push(&rv->entries, &rv->nentries, n);
    qsort(rv->entries, (size_t)rv->nentries, sizeof *rv->entries, cmp_entries);
    return live(rv, kind, rule, cell);
}

static void format_number(double v, char *buf, size_t n)
{
    number_format(v, buf, n);            /* what the one number parser reads back */
}

void sidecar_set_correction(gk_review *rv, const char *cell, double value, const char *original, const char *who)
{
    char num[40];
    format_number(value, num, sizeof num);
    upsert(rv, GK_RV_CORRECTION, NULL, cell, num, value, original, who);
}

/* What the report itself says for a cell ("" when it says nothing). */
static void cell_original(const gk_report *r, int cell, char *buf, size_t n)
{
    buf[0] = '\0';
    if (cell >= 0 && cell < r->tpl->ncells && r->cells[cell].read_status == GK_ST_EXTRACTED)
        format_number(r->cells[cell].read_value, buf, n);
}

void sidecar_correct(gk_review *rv, const gk_report *r, int cell, double value, const char *who)
{
    if (cell < 0 || cell >= r->tpl->ncells)
        return;
    char orig[40];
    cell_original(r, cell, orig, sizeof orig);
    sidecar_set_correction(rv, r->tpl->cells[cell].id, value, orig, who);
}

void sidecar_set_note(gk_review *rv, const char *cell, const char *text, const char *who)
{
    if (!text || !*text) {
        sidecar_remove(rv, GK_RV_NOTE, NULL, cell);
        return;
    }
    upsert(rv, GK_RV_NOTE, NULL, cell, text, 0, NULL, who);
}

void sidecar_set_dismissal(gk_review *rv, const char *rule, const char *cell, const char *reason, const char *who)
{
    char *r = canon_rule(rule);        /* as the file will give it back */
    upsert(rv, GK_RV_DISMISS, r, cell, reason ? reason : "", 0, NULL, who);
    free(r);
}

int sidecar_remove(gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell)
{
    char *r = rule ? canon_rule(rule) : NULL;
    gk_rv_entry *e = live(rv, kind, r, cell);
    free(r);
    if (!e)
        return 0;
    gk_rv_entry x = *e;
    memmove(e, e + 1, (size_t)(rv->entries + rv->nentries - e - 1) * sizeof *e);
    rv->nentries--;
    if (x.base)
        push(&rv->gone, &rv->ngone, x);
    else
        entry_free(&x);
    return 1;
}

void sidecar_set_state(gk_review *rv, gk_review_state state, const char *who)
{
    if (rv->state == state)
        return;
    char now[32];
    rv->state = state;
    set_str(&rv->state_who, who ? who : "");
    set_str(&rv->state_when, sidecar_now(now, sizeof now));
}

/* ---- undo ------------------------------------------------------------------------------------------ */

/* The rule as entries hold it (NULL stays NULL); malloc'd. */
static char *entry_rule(const char *rule)
{
    return !rule ? NULL : template_rule(rule) ? xstrdup(rule) : canon_rule(rule);
}

gk_rv_entry *sidecar_entry_copy(const gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell)
{
    char *r = entry_rule(rule);
    const gk_rv_entry *e = find_sorted(rv->entries, rv->nentries, kind, r, cell);
    free(r);
    return e ? entry_dup(e) : NULL;
}

void sidecar_entry_free(gk_rv_entry *copy)
{
    entry_free(copy);
    free(copy);
}

void sidecar_entry_restore(gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell,
                           const gk_rv_entry *copy)
{
    char *r = entry_rule(rule);
    gk_rv_entry *e = live(rv, kind, r, cell);
    if (!copy) {
        if (e)
            sidecar_remove(rv, kind, r, cell);
        free(r);
        return;
    }
    gk_rv_entry c = entry_copy(copy);
    c.kind = kind;
    free(c.rule);
    free(c.cell);
    c.rule = dupn(r);
    c.cell = dupn(cell);
    free(r);
    if (e) {                           /* keep the live entry's base */
        c.base = e->base;
        e->base = NULL;
        entry_free(e);
        *e = c;
        return;
    }
    gk_rv_entry *g = find_in(rv->gone, rv->ngone, kind, c.rule, c.cell);
    if (g) {                           /* removed earlier in this session: take its base back */
        c.base = g->base;
        g->base = NULL;
        entry_free(g);
        *g = rv->gone[--rv->ngone];
    }
    push(&rv->entries, &rv->nentries, c);
    qsort(rv->entries, (size_t)rv->nentries, sizeof *rv->entries, cmp_entries);
}

void sidecar_state_restore(gk_review *rv, gk_review_state state, const char *who, const char *when)
{
    rv->state = state;
    set_str(&rv->state_who, who ? who : "");
    set_str(&rv->state_when, when ? when : "");
}

/* ---- merging ------------------------------------------------------------------------------------ */

/* Seconds since 1970 of "2024-05-01T08:30:00Z" or "…+08:00" / "…-05:00";
 * 0 when it is not such a time. */
static int iso_seconds(const char *s, long long *out)
{
    int y, mo, d, h, mi, se, n = 0;
    if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6 || n != 19)
        return 0;
    long long off = 0;
    const char *z = s + 19;
    if (*z == '+' || *z == '-') {
        int oh, om, k = 0;
        if (sscanf(z + 1, "%2d:%2d%n", &oh, &om, &k) != 2 || k != 5 || z[6])
            return 0;
        off = (z[0] == '-' ? -1 : 1) * (oh * 3600LL + om * 60LL);
    } else if (strcmp(z, "Z") != 0) {
        return 0;
    }
    /* days from the civil date (proleptic Gregorian), 1970-01-01 = 0 */
    int yy = y - (mo <= 2);
    long long era = (yy >= 0 ? yy : yy - 399) / 400;
    long long yoe = yy - era * 400, doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    *out = days * 86400 + h * 3600LL + mi * 60LL + se - off;
    return 1;
}

int sidecar_time_after(const char *a, const char *b)
{
    long long ta, tb;
    if (iso_seconds(a, &ta) && iso_seconds(b, &tb))
        return ta > tb;
    return cmp0(a ? a : "", b ? b : "") > 0;
}


/* Adds alt a to e unless it is e's own payload or already there. */
static void merge_alt(gk_rv_entry *e, const char *text, const char *who, const char *when)
{
    gk_rv_alt a = {(char *)text, (char *)who, (char *)when};
    gk_rv_entry probe = {.kind = e->kind, .text = (char *)text};
    if (e->kind == GK_RV_CORRECTION && parse_number(text, &probe.value, NULL) != 0)
        probe.value = NAN;
    if (same_payload(e, &probe) || has_alt(e, &a))
        return;
    add_alt(e, text, who, when);
}

/* Both sides changed one entry: keep the newer as the value, the other as a
 * conflicting version (unless both say the same). */
static gk_rv_entry combine(const gk_rv_entry *ours, const gk_rv_entry *theirs)
{
    const gk_rv_entry *first = sidecar_time_after(theirs->when, ours->when) ? theirs : ours;
    const gk_rv_entry *second = first == ours ? theirs : ours;
    gk_rv_entry r = entry_copy(first);
    merge_alt(&r, second->text, second->who, second->when);
    for (int i = 0; i < second->nalts; i++)
        merge_alt(&r, second->alts[i].text, second->alts[i].who, second->alts[i].when);
    return r;
}

static void merge(gk_review *rv, sc_file *disk, int same_origin, gk_rv_entry **outv, int *outn)
{
    gk_rv_entry *v = NULL;
    int n = 0;
    char *used = xcalloc((size_t)disk->nentries + 1, 1);
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *o = &rv->entries[i];
        const gk_rv_entry *b = same_origin ? o->base : NULL;
        gk_rv_entry *d = find_sorted(disk->entries, disk->nentries, o->kind, o->rule, o->cell);
        if (!d) {
            if (b && same_content(o, b))
                continue;              /* another writer removed it, we did not touch it */
            push(&v, &n, entry_copy(o));
            continue;
        }
        used[d - disk->entries] = 1;
        if (b && same_content(d, b))
            push(&v, &n, entry_copy(o));   /* only we changed it (or nobody) */
        else if (b && same_content(o, b))
            push(&v, &n, entry_copy(d));   /* only they changed it */
        else if (same_content(o, d))
            push(&v, &n, entry_copy(o));
        else
            push(&v, &n, combine(o, d));
    }
    for (int i = 0; i < rv->ngone; i++) {
        const gk_rv_entry *g = &rv->gone[i];
        gk_rv_entry *d = find_sorted(disk->entries, disk->nentries, g->kind, g->rule, g->cell);
        if (!d || used[d - disk->entries])
            continue;
        used[d - disk->entries] = 1;
        if (same_origin && g->base && same_content(d, g->base))
            continue;                  /* our removal */
        push(&v, &n, entry_copy(d));   /* changed by another writer since: kept */
    }
    for (int i = 0; i < disk->nentries; i++)
        if (!used[i])
            push(&v, &n, entry_copy(&disk->entries[i]));
    free(used);
    if (n > 1)
        qsort(v, (size_t)n, sizeof *v, cmp_entries);
    *outv = v;
    *outn = n;
}

static int same_state(gk_review_state s1, const char *w1, const char *t1, gk_review_state s2, const char *w2,
                      const char *t2)
{
    return s1 == s2 && eq0(w1, w2) && eq0(t1, t2);
}

static void merge_state(gk_review *rv, const sc_file *disk, int same_origin)
{
    int theirs_changed = !same_origin || !same_state(disk->state, disk->state_who, disk->state_when, rv->base_state,
                                                     rv->base_state_who, rv->base_state_when);
    int ours_changed = !same_origin || !same_state(rv->state, rv->state_who, rv->state_when, rv->base_state,
                                                   rv->base_state_who, rv->base_state_when);
    if (!theirs_changed)
        return;
    if (!ours_changed || sidecar_time_after(disk->state_when, rv->state_when)) {
        rv->state = disk->state;
        set_str(&rv->state_who, disk->state_who);
        set_str(&rv->state_when, disk->state_when);
    }
}

/* ---- saving ----------------------------------------------------------------------------------- */

static void adopt(gk_review *rv, gk_rv_entry *v, int n, const char *target)
{
    free_entries(rv->entries, rv->nentries);
    free_entries(rv->gone, rv->ngone);
    rv->gone = NULL;
    rv->ngone = 0;
    rv->entries = v;
    rv->nentries = n;
    for (int i = 0; i < n; i++)
        v[i].base = entry_dup(&v[i]);
    rv->base_state = rv->state;
    set_str(&rv->base_state_who, rv->state_who);
    set_str(&rv->base_state_when, rv->state_when);
    set_str(&rv->loaded_from, target);
    rv->exists = 1;
    memcpy(rv->sha256, rv->report_sha256, sizeof rv->sha256);
    rv->report_changed = 0;
}

#define EGK_LOCK_LINK (-1000)   /* lock_file(): the lock is a link or not a file */

static int lock_file(const char *target, int *fd_out)
{
    /* never through a symbolic link: a planted link would create or lock a
     * file elsewhere; a lock that is not a plain file is refused too */
    char *lp = xasprintf("%s.lock", target);
    int fd = open(lp, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
    int e = fd < 0 ? errno : 0;
    free(lp);
    if (fd < 0)
        return e == ELOOP ? EGK_LOCK_LINK : e;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return EGK_LOCK_LINK;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            e = errno;
            close(fd);
            return e;
        }
    }
    *fd_out = fd;
    return 0;
}

/* What strerror() cannot say. */
static const char *save_error(int e)
{
    return e == EGK_LOCK_LINK ? "锁文件是符号链接或不是普通文件，拒绝使用" : strerror(e);
}

/* After a failed lock or write: when the report's folder cannot be written,
 * switch to the data folder (1: try again there); otherwise record why the
 * save failed (0). */
static int save_failed(gk_review *rv, sbuf *notice, int e, const char *dir, const char *target)
{
    if (is_perm_error(e) && !rv->fallback && rv->fallback_stem) {
        sbuf_printf(notice, "%s目录 %s 不可写，审核记录改存到 %s.ini", notice->len ? "；" : "", dir,
                    rv->fallback_stem);
        set_str(&rv->stem, rv->fallback_stem);
        rv->fallback = 1;
        rv->cand = 0;
        return 1;
    }
    sbuf_printf(notice, "%s无法保存审核记录 %s：%s", notice->len ? "；" : "", target, save_error(e));
    return 0;
}

int sidecar_save(const char *report_path, gk_review *rv, char **where, char **err)
{
    if (where)
        *where = NULL;
    if (err)
        *err = NULL;
    (void)report_path;
    if (!rv->fallback_stem)
        rv->fallback_stem = fallback_stem(rv->report_path);
    if (!rv->report_sha256[0] && sidecar_sha256_file(rv->report_path, rv->report_sha256) != 0)
        memcpy(rv->report_sha256, rv->sha256, sizeof rv->sha256);
    sbuf notice;
    sbuf_init(&notice);
    int rc = -1;
    for (int tries = 0; tries < 2 * SC_MAX_CAND + 2; tries++) {
        if (rv->cand >= SC_MAX_CAND) {
            sbuf_printf(&notice, "%s无法保存：%s 旁已有太多无法使用的审核记录文件", notice.len ? "；" : "", rv->stem);
            break;
        }
        char *target = cand_path(rv->stem, rv->cand);
        char *dir = dir_of(target);
        int e = rv->fallback ? make_dirs(dir) : 0;
        int fd = -1;
        if (!e)
            e = lock_file(target, &fd);
        if (e) {
            int again = save_failed(rv, &notice, e, dir, target);
            free(dir);
            free(target);
            if (again)
                continue;
            break;
        }
        remove_stale_temps(target);
        sc_file disk;
        char *why = NULL;
        int pr = parse_file(target, &disk, &why);
        if (pr < 0 || pr == 2) {       /* unusable or cut off: never overwritten */
            if (pr == 2) {
                sbuf_printf(&notice, "%s审核记录文件 %s %s；该文件不会被改动", notice.len ? "；" : "", target, why);
                sc_file_free(&disk);
            } else {
                sbuf_printf(&notice, "%s审核记录文件 %s 无法使用（%s），该文件不会被改动", notice.len ? "；" : "",
                            target, why);
            }
            free(why);
            close(fd);
            free(dir);
            free(target);
            rv->cand++;
            continue;
        }
        int same_origin = rv->loaded_from && !strcmp(rv->loaded_from, target);
        gk_rv_entry *v;
        int n;
        merge(rv, &disk, same_origin, &v, &n);
        merge_state(rv, &disk, same_origin);
        sc_file_free(&disk);
        if (n > SC_MAX_SECTIONS) {     /* never write what could not be read back */
            sbuf_printf(&notice, "%s无法保存：审核记录超过 %s 条（上限）", notice.len ? "；" : "", SC_MAX_SECTIONS_TEXT);
            free_entries(v, n);
            close(fd);
            free(dir);
            free(target);
            break;
        }
        /* serialize the merged view */
        gk_rv_entry *old = rv->entries;
        int oldn = rv->nentries;
        rv->entries = v;
        rv->nentries = n;
        char sha_keep[65];
        memcpy(sha_keep, rv->sha256, sizeof sha_keep);
        memcpy(rv->sha256, rv->report_sha256, sizeof rv->sha256);
        char *text = serialize(rv);
        memcpy(rv->sha256, sha_keep, sizeof sha_keep);
        rv->entries = old;
        rv->nentries = oldn;
        e = write_atomic(target, text, strlen(text));
        free(text);
        if (e) {
            close(fd);
            free_entries(v, n);
            int again = save_failed(rv, &notice, e, dir, target);
            free(dir);
            free(target);
            if (again)
                continue;
            break;
        }
        adopt(rv, v, n, target);
        close(fd);                     /* releases the lock */
        set_str(&rv->path, target);
        if (where)
            *where = xstrdup(target);
        free(dir);
        free(target);
        rc = 0;
        break;
    }
    if (notice.len && err)
        *err = sbuf_steal(&notice);
    else
        sbuf_free(&notice);
    return rc;
}

/* ---- applying ---------------------------------------------------------------------------------- */

static void clear_overlay(gk_report *r)
{
    for (int i = 0; i < r->tpl->ncells; i++)
        report_uncorrect(r, i);
    for (int i = 0; i < r->ndismissals; i++) {
        free(r->dismissals[i].rule);
        free(r->dismissals[i].reason);
    }
    free(r->dismissals);
    r->dismissals = NULL;
    r->ndismissals = 0;
    for (int i = 0; i < r->nfindings; i++) {
        r->findings[i].dismissed = 0;
        r->findings[i].dismiss_reason = NULL;
    }
}

/* Appends one item of a warning's list: the first SC_LIST_MAX, then only counted. */
static void list_item(sbuf *w, int *listed, int *more, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void list_item(sbuf *w, int *listed, int *more, const char *fmt, ...)
{
    if (*listed >= SC_LIST_MAX) {
        (*more)++;
        return;
    }
    if (w->len)
        sbuf_adds(w, "；");
    va_list ap;
    va_start(ap, fmt);
    char *t = NULL;
    if (vasprintf(&t, fmt, ap) >= 0 && t)
        sbuf_adds(w, t);
    va_end(ap);
    free(t);
    (*listed)++;
}

int sidecar_overlay(const gk_review *rv, gk_report *r, char **warn)
{
    if (warn)
        *warn = NULL;
    clear_overlay(r);
    sbuf w;
    sbuf_init(&w);
    int bad = 0, listed = 0, more = 0;
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *e = &rv->entries[i];
        int cell = -1;
        if (e->cell) {
            cell = template_cell_index(r->tpl, e->cell);
            if (cell < 0) {
                bad++;
                char *c = excerpt(e->cell), *k = excerpt(e->kind == GK_RV_DISMISS ? e->rule : e->cell);
                list_item(&w, &listed, &more, "%s 格式的报告没有单元格 %s（[%s %s]）", r->tpl->name, c,
                          kind_name(e->kind), k);
                free(c);
                free(k);
                continue;
            }
        }
        if (e->kind == GK_RV_CORRECTION) {
            report_correct(r, cell, e->value);
            char now[40];
            cell_original(r, cell, now, sizeof now);
            if (rv->report_changed && e->original && strcmp(e->original, now) != 0) {
                char *o = excerpt(e->original);
                list_item(&w, &listed, &more, "%s：审核时报告中的值为 %s，现在为 %s", e->cell,
                          e->original[0] ? o : "（空）", now[0] ? now : "（空）");
                free(o);
            }
        } else if (e->kind == GK_RV_DISMISS) {
            if (!template_rule(e->rule)) {
                bad++;
                char *k = excerpt(e->rule);
                list_item(&w, &listed, &more, "没有规则 %s", k);
                free(k);
                continue;
            }
            report_dismiss(r, e->rule, cell, e->text);
        }
    }
    if (more)
        sbuf_printf(&w, "… 及其他 %d 个", more);
    if (w.len && warn)
        *warn = xasprintf("%s：%s", rv->path && rv->exists ? rv->path : rv->report_path, w.s);  /* where the entries are */
    sbuf_free(&w);
    return bad;
}

int sidecar_apply(const gk_review *rv, gk_report *r, char **warn)
{
    int bad = sidecar_overlay(rv, r, warn);
    rules_check(r);
    return bad;
}

/* ---- the reviewer's name ---------------------------------------------------------------------- */

char *sidecar_default_reviewer(void)
{
    char *cfg = NULL;
    const char *x = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (x && x[0] == '/')
        cfg = xasprintf("%s/gkreview/config.ini", x);
    else if (home && home[0] == '/')
        cfg = xasprintf("%s/.config/gkreview/config.ini", home);
    if (cfg && access(cfg, R_OK) == 0) {
        dictionary *d = ini_load(cfg);
        if (d) {
            const char *name = iniparser_getstring(d, "review:reviewer", NULL);
            char *s = name && *name ? xstrdup(name) : NULL;
            iniparser_freedict(d);
            if (s) {
                free(cfg);
                return s;
            }
        }
    }
    free(cfg);
    const char *u = getenv("USER");
    if (u && *u)
        return xstrdup(u);
    struct passwd *pw = getpwuid(getuid());
    if (pw && pw->pw_name && *pw->pw_name)
        return xstrdup(pw->pw_name);
    return xstrdup("unknown");
}
