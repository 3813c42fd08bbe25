/* sidecar.c — the review in memory: its entries (copying, comparing,
 * finding, kept sorted), the reviewer's edits and their undo, who signs an
 * edit and when, and the helpers for messages the other parts share.
 *
 * The file itself is handled by the other parts (sidecar_int.h):
 * sidecar_format.c (the text), sidecar_store.c (the file on disk),
 * sidecar_merge.c (merging with another writer), sidecar_apply.c (the overlay
 * on a report). */
#include "sidecar_int.h"
#include "number.h"
#include "safe.h"

#include <iniparser.h>

#include <ctype.h>
#include <pthread.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define SC_EXCERPT 40         /* characters of a file's content an error message quotes */

/* ---- entries -------------------------------------------------------------------------------- */

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

void sc_entry_free(gk_rv_entry *e)
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
        sc_entry_free(e->base);
        free(e->base);
    }
    memset(e, 0, sizeof *e);
}

void sc_add_alt(gk_rv_entry *e, const char *text, const char *who, const char *when)
{
    e->alts = xrealloc(e->alts, (size_t)(e->nalts + 1) * sizeof *e->alts);
    gk_rv_alt *a = &e->alts[e->nalts++];
    a->text = xstrdup(text ? text : "");
    a->who = xstrdup(who ? who : "");
    a->when = xstrdup(when ? when : "");
}

/* A deep copy without the base. */
gk_rv_entry sc_entry_copy(const gk_rv_entry *e)
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
        sc_add_alt(&c, e->alts[i].text, e->alts[i].who, e->alts[i].when);
    return c;
}

gk_rv_entry *sc_entry_dup(const gk_rv_entry *e)
{
    gk_rv_entry *p = xmalloc(sizeof *p);
    *p = sc_entry_copy(e);
    return p;
}

static int same_key(const gk_rv_entry *a, const gk_rv_entry *b)
{
    return a->kind == b->kind && eq0(a->rule, b->rule) && eq0(a->cell, b->cell);
}

int sc_same_payload(const gk_rv_entry *a, const gk_rv_entry *b)
{
    if (a->kind == GK_RV_CORRECTION)
        return a->value == b->value;
    return eq0(a->text, b->text);
}

int sc_same_content(const gk_rv_entry *a, const gk_rv_entry *b)
{
    if (!same_key(a, b) || !sc_same_payload(a, b) || !eq0(a->text, b->text) || !eq0(a->original, b->original) ||
        !eq0(a->who, b->who) || !eq0(a->when, b->when) || a->nalts != b->nalts)
        return 0;
    for (int i = 0; i < a->nalts; i++)
        if (!eq0(a->alts[i].text, b->alts[i].text) || !eq0(a->alts[i].who, b->alts[i].who) ||
            !eq0(a->alts[i].when, b->alts[i].when))
            return 0;
    return 1;
}

int sc_has_alt(const gk_rv_entry *e, const gk_rv_alt *a)
{
    for (int i = 0; i < e->nalts; i++)
        if (eq0(e->alts[i].text, a->text) && eq0(e->alts[i].who, a->who) && eq0(e->alts[i].when, a->when))
            return 1;
    return 0;
}

int sc_cmp_entries(const void *pa, const void *pb)
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

/* Binary search in entries kept sorted by sc_cmp_entries() (a review's live
 * entries, a parsed file's): lookups stay logarithmic in large sidecars. */
gk_rv_entry *sc_find_sorted(gk_rv_entry *v, int n, gk_rv_kind kind, const char *rule, const char *cell)
{
    gk_rv_entry key = {.kind = kind, .rule = (char *)rule, .cell = (char *)cell};
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        int c = sc_cmp_entries(&v[mid], &key);
        if (c == 0)
            return &v[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void sc_push(gk_rv_entry **v, int *n, gk_rv_entry e)
{
    *v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
    (*v)[(*n)++] = e;
}

void sc_free_entries(gk_rv_entry *v, int n)
{
    for (int i = 0; i < n; i++)
        sc_entry_free(&v[i]);
    free(v);
}

/* ---- the review --------------------------------------------------------------------------- */

gk_review *sc_review_new(const char *report_path)
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
    sc_free_entries(rv->entries, rv->nentries);
    sc_free_entries(rv->gone, rv->ngone);
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

/* ---- messages -------------------------------------------------------------------------------- */

/* A short, harmless quote of a file's text for an error message. */
char *sc_excerpt(const char *s)
{
    return safe_excerpt(s, strlen(s), SC_EXCERPT);
}

static void say_v(sbuf *w, const char *fmt, va_list ap)
{
    if (w->len)
        sbuf_adds(w, "；");
    char *t = NULL;
    if (vasprintf(&t, fmt, ap) >= 0 && t)
        sbuf_adds(w, t);
    free(t);
}

void sc_say(sbuf *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say_v(w, fmt, ap);
    va_end(ap);
}

void sc_list_item(sbuf *w, int *listed, int *more, const char *fmt, ...)
{
    if (*listed >= SC_LIST_MAX) {
        (*more)++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    say_v(w, fmt, ap);
    va_end(ap);
    (*listed)++;
}

/* ---- editing -------------------------------------------------------------------------------------- */

char *sc_canon_rule(const char *lower)
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

static gk_rv_entry *live(gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell)
{
    return sc_find_sorted(rv->entries, rv->nentries, kind, rule, cell);
}

/* The rule as entries hold it (NULL stays NULL); malloc'd. */
static char *entry_rule(const char *rule)
{
    return !rule ? NULL : template_rule(rule) ? xstrdup(rule) : sc_canon_rule(rule);
}

const gk_rv_entry *sidecar_find(const gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell)
{
    if (!rule || template_rule(rule))  /* as entries hold it: no copy (the screen asks per cell) */
        return sc_find_sorted(rv->entries, rv->nentries, kind, rule, cell);
    char *r = sc_canon_rule(rule);
    const gk_rv_entry *e = sc_find_sorted(rv->entries, rv->nentries, kind, r, cell);
    free(r);
    return e;
}

/* Adds a new live entry, kept sorted.  One removed earlier in this session
 * gives it its base back (what the file held), so a save merges it as a change. */
static void insert_live(gk_review *rv, gk_rv_entry e)
{
    gk_rv_entry *g = find_in(rv->gone, rv->ngone, e.kind, e.rule, e.cell);
    if (g) {
        e.base = g->base;
        g->base = NULL;
        sc_entry_free(g);
        *g = rv->gone[--rv->ngone];
    }
    sc_push(&rv->entries, &rv->nentries, e);
    qsort(rv->entries, (size_t)rv->nentries, sizeof *rv->entries, sc_cmp_entries);
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
        if (sc_same_payload(e, &probe) && !e->nalts &&
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
    insert_live(rv, n);
    return live(rv, kind, rule, cell);
}

void sidecar_set_correction(gk_review *rv, const char *cell, double value, const char *original, const char *who)
{
    char num[40];
    number_format(value, num, sizeof num);   /* what the one number parser reads back */
    upsert(rv, GK_RV_CORRECTION, NULL, cell, num, value, original, who);
}

/* What the report itself says for a cell ("" when it says nothing). */
void sc_cell_original(const gk_report *r, int cell, char *buf, size_t n)
{
    buf[0] = '\0';
    if (cell >= 0 && cell < r->tpl->ncells && r->cells[cell].read_status == GK_ST_EXTRACTED)
        number_format(r->cells[cell].read_value, buf, n);
}

void sidecar_correct(gk_review *rv, const gk_report *r, int cell, double value, const char *who)
{
    if (cell < 0 || cell >= r->tpl->ncells)
        return;
    char orig[40];
    sc_cell_original(r, cell, orig, sizeof orig);
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
    char *r = sc_canon_rule(rule);        /* as the file will give it back */
    upsert(rv, GK_RV_DISMISS, r, cell, reason ? reason : "", 0, NULL, who);
    free(r);
}

int sidecar_remove(gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell)
{
    char *r = rule ? sc_canon_rule(rule) : NULL;
    gk_rv_entry *e = live(rv, kind, r, cell);
    free(r);
    if (!e)
        return 0;
    gk_rv_entry x = *e;
    memmove(e, e + 1, (size_t)(rv->entries + rv->nentries - e - 1) * sizeof *e);
    rv->nentries--;
    if (x.base)
        sc_push(&rv->gone, &rv->ngone, x);
    else
        sc_entry_free(&x);
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

gk_rv_entry *sidecar_entry_copy(const gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell)
{
    char *r = entry_rule(rule);
    const gk_rv_entry *e = sc_find_sorted(rv->entries, rv->nentries, kind, r, cell);
    free(r);
    return e ? sc_entry_dup(e) : NULL;
}

void sidecar_entry_free(gk_rv_entry *copy)
{
    sc_entry_free(copy);
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
    gk_rv_entry c = sc_entry_copy(copy);
    c.kind = kind;
    free(c.rule);
    free(c.cell);
    c.rule = dupn(r);
    c.cell = dupn(cell);
    free(r);
    if (e) {                           /* keep the live entry's base */
        c.base = e->base;
        e->base = NULL;
        sc_entry_free(e);
        *e = c;
        return;
    }
    insert_live(rv, c);
}

void sidecar_state_restore(gk_review *rv, gk_review_state state, const char *who, const char *when)
{
    rv->state = state;
    set_str(&rv->state_who, who ? who : "");
    set_str(&rv->state_when, when ? when : "");
}

/* ---- who and when ------------------------------------------------------------------------------ */

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
