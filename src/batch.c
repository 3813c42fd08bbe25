/* batch.c — file lists, year pairing and loading with partners. */
#include "batch.h"
#include "rules.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t hash;                     /* of key: most comparisons end here */
    const char *key;
    int year;
    int index;
} pair_key;

static uint64_t key_hash(const char *key)
{
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h;
}

/* Ordered by key (its hash first: the order of different keys is any, so
 * long as each key's entries lie together), then year, then file. */
static int cmp_key(const void *pa, const void *pb)
{
    const pair_key *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    if (a->year != b->year)
        return a->year - b->year;
    return a->index - b->index;
}

/* Pairs from body keys (xyear_body_key(); NULL or empty: none). */
static void pair_keys(gk_batch *b, char *const *keys, const int *years)
{
    size_t n = b->files.n;
    pair_key *k = xcalloc(n ? n : 1, sizeof *k);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!keys[i] || !keys[i][0] || !years[i])
            continue;
        k[m] = (pair_key){.hash = key_hash(keys[i]), .key = keys[i], .year = years[i], .index = (int)i};
        m++;
    }
    qsort(k, m, sizeof *k, cmp_key);
    /* pair the first report of each (body, year) with the first of (body, year+1) */
    size_t last = (size_t)-1;          /* first entry of the previous (body, year) group */
    for (size_t j = 0; j < m; j++) {
        if (j > 0 && !strcmp(k[j].key, k[j - 1].key) && k[j].year == k[j - 1].year)
            continue;                  /* a duplicate of the group's first */
        if (last != (size_t)-1 && !strcmp(k[last].key, k[j].key) && k[j].year == k[last].year + 1) {
            b->next[k[last].index] = k[j].index;
            b->prev[k[j].index] = k[last].index;
        }
        last = j;
    }
    free(k);
}

void batch_pair(gk_batch *b, char *const *bodies, const int *years)
{
    size_t n = b->files.n;
    char **keys = xcalloc(n ? n : 1, sizeof *keys);
    for (size_t i = 0; i < n; i++)
        keys[i] = bodies[i] && years[i] ? xyear_body_key(bodies[i]) : NULL;
    pair_keys(b, keys, years);
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
}

static gk_report *load_plain(gk_batch *b, size_t i, char **why);
static gk_xsummary *publish(gk_batch *b, int i, gk_xsummary *s);

/* What the summaries made while the titles are read may take in all. */
#define EARLY_SUM_BUDGET (8u << 20)

typedef struct {
    gk_batch *b;
    char **keys;                       /* each file's body key (xyear_body_key()), or NULL */
    int *years;
    size_t next;                       /* the next file to peek at (atomic) */
    int early;                         /* b->early still takes reports (atomic) */
    /* The (body, year) of the reports loaded in full so far, as 64-bit hashes
     * (0: a free slot; open addressing, under mu): a report whose body's year
     * before or after is among them gets its summary made while it is loaded,
     * so that its partner read later finds it instead of loading this report
     * again.  Two titles with one hash only cost a summary made for nothing. */
    uint64_t *seen;
    size_t nslots;                     /* a power of two, at least twice the files */
    pthread_mutex_t mu;
    size_t sum_used;                   /* bytes of those summaries (atomic), up to EARLY_SUM_BUDGET */
} peek_job;

static uint64_t title_hash(uint64_t key, int year)
{
    uint64_t h = (key ^ (uint64_t)(unsigned)year) * 0x9E3779B97F4A7C15ull;
    return h ? h : 1;
}

/* The slot holding h, or the free one where it would go. */
static size_t seen_slot(const peek_job *j, uint64_t h)
{
    size_t at = (size_t)(h >> 17) & (j->nslots - 1);
    while (j->seen[at] && j->seen[at] != h)
        at = (at + 1) & (j->nslots - 1);
    return at;
}

/* Records (key, year); 1 when the body's year before or after was seen. */
static int seen_add(peek_job *j, const char *key, int year)
{
    uint64_t k = key_hash(key);
    uint64_t h = title_hash(k, year), before = title_hash(k, year - 1), after = title_hash(k, year + 1);
    pthread_mutex_lock(&j->mu);
    int partner = j->seen[seen_slot(j, before)] || j->seen[seen_slot(j, after)];
    j->seen[seen_slot(j, h)] = h;
    pthread_mutex_unlock(&j->mu);
    return partner;
}

/* r (file i, loaded in full while the titles are read, its body's key
 * `key`): summarised now when a partner year came before it. */
static void early_summary(peek_job *j, size_t i, const gk_report *r, const char *key)
{
    if (!r->year || !key[0] || __atomic_load_n(&j->sum_used, __ATOMIC_RELAXED) >= EARLY_SUM_BUDGET)
        return;
    if (!seen_add(j, key, r->year))
        return;
    gk_xsummary *s = xmalloc(sizeof *s);
    xyear_summarize(r, s);
    size_t size = sizeof *s;
    for (int k = 0; k < NARR_SECTIONS; k++)
        size += (size_t)s->nsent[k] * sizeof *s->sent[k];
    __atomic_add_fetch(&j->sum_used, size, __ATOMIC_RELAXED);
    publish(j->b, (int)i, s);
}

static void *peek_titles(void *arg)
{
    peek_job *j = arg;
    for (;;) {
        size_t i = __atomic_fetch_add(&j->next, 1, __ATOMIC_RELAXED);
        if (i >= j->b->files.n)
            return NULL;
        if (__atomic_load_n(&j->early, __ATOMIC_RELAXED)) {   /* the title from the full load */
            char *why = NULL;
            gk_report *r = load_plain(j->b, i, &why);
            if (r) {
                j->keys[i] = xyear_body_key(r->body);
                j->years[i] = r->year;
                early_summary(j, i, r, j->keys[i]);
            }
            if (!j->b->early(j->b, i, r, why, j->b->early_ctx))
                __atomic_store_n(&j->early, 0, __ATOMIC_RELAXED);
            report_free(r);
            free(why);
            continue;
        }
        char *body = NULL;
        if (!j->b->files.v[i].error &&
            report_peek(j->b->files.v[i].path, &body, &j->years[i], &j->b->peeked[i]) == 0 && body)
            j->keys[i] = xyear_body_key(body);
        free(body);
    }
}

/* Reads every title, with `jobs` threads. */
static void pair_years(gk_batch *b, int jobs)
{
    size_t n = b->files.n;
    peek_job j = {.b = b,
                  .keys = xcalloc(n ? n : 1, sizeof *j.keys),
                  .years = xcalloc(n ? n : 1, sizeof *j.years),
                  .early = b->early != NULL,
                  .nslots = 16};
    while (j.nslots < 2 * n)
        j.nslots *= 2;
    j.seen = b->early ? xcalloc(j.nslots, sizeof *j.seen) : NULL;
    pthread_mutex_init(&j.mu, NULL);
    b->peeked = xcalloc(n ? n : 1, sizeof *b->peeked);   /* zeroed: nothing known */
    pthread_t th[64];
    int started = 0;
    while (started < jobs - 1 && started < 64 && pthread_create(&th[started], NULL, peek_titles, &j) == 0)
        started++;
    peek_titles(&j);
    for (int k = 0; k < started; k++)
        pthread_join(th[k], NULL);
    pair_keys(b, j.keys, j.years);
    for (size_t i = 0; i < n; i++)
        free(j.keys[i]);
    free(j.keys);
    free(j.years);
    free(j.seen);
    pthread_mutex_destroy(&j.mu);
}

void batch_open(gk_batch *b, int npaths, char **paths, int pair)
{
    batch_list(b, npaths, paths);
    if (pair)
        batch_pair_titles(b, 1);
}

void batch_pair_titles(gk_batch *b, int jobs)
{
    if (b->files.n > 1)
        pair_years(b, jobs);
}

void batch_list(gk_batch *b, int npaths, char **paths)
{
    memset(b, 0, sizeof *b);
    for (int i = 0; i < npaths; i++)
        walk_collect(&b->files, paths[i]);
    size_t n = b->files.n;
    b->prev = xmalloc((n ? n : 1) * sizeof *b->prev);
    b->next = xmalloc((n ? n : 1) * sizeof *b->next);
    b->sum = xcalloc(n ? n : 1, sizeof *b->sum);
    for (size_t i = 0; i < n; i++)
        b->prev[i] = b->next[i] = -1;
}

static gk_report *load_plain(gk_batch *b, size_t i, char **why)
{
    if (b->files.v[i].error) {
        *why = xstrdup(b->files.v[i].error);
        return NULL;
    }
    const gk_peeked *known = b->peeked ? &b->peeked[i] : NULL;
    gk_report *r = (b->files.v[i].regular ? report_open_listed : report_open_peeked)(b->files.v[i].path, known, why);
    if (r)
        r->sidecar_absent = b->files.v[i].no_sidecar;
    if (r && b->prepare) {
        if (b->prepare(r, b->prepare_ctx))
            rules_check(r);
    }
    return r;
}

/* Puts s in the cache as file i's summary and returns what the cache holds:
 * s, or the one another thread put there first (s is then freed). */
static gk_xsummary *publish(gk_batch *b, int i, gk_xsummary *s)
{
    gk_xsummary *seen = NULL;
    if (__atomic_compare_exchange_n(&b->sum[i], &seen, s, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return s;
    xyear_summary_free(s);
    free(s);
    return seen;
}

/* File i's summary (NULL: i < 0, or the file cannot be read): from the
 * cache, or loaded and put there.  Workers may ask at once (publish()). */
static gk_xsummary *summary(gk_batch *b, int i)
{
    if (i < 0)
        return NULL;
    gk_xsummary *s = __atomic_load_n(&b->sum[i], __ATOMIC_ACQUIRE);
    if (s)
        return s;
    char *why = NULL;
    gk_report *r = load_plain(b, (size_t)i, &why);
    free(why);
    if (!r)
        return NULL;
    s = xmalloc(sizeof *s);
    xyear_summarize(r, s);
    report_free(r);
    return publish(b, i, s);
}

gk_report *batch_load(gk_batch *b, size_t i, char **why)
{
    gk_report *r = load_plain(b, i, why);
    if (!r)
        return NULL;
    if (b->prev[i] < 0 && b->next[i] < 0)
        return r;
    if (!__atomic_load_n(&b->sum[i], __ATOMIC_ACQUIRE)) {   /* its partners will ask for it */
        gk_xsummary *s = xmalloc(sizeof *s);
        xyear_summarize(r, s);
        publish(b, (int)i, s);
    }
    xyear_set_partners(r, summary(b, b->prev[i]), summary(b, b->next[i]));
    rules_check(r);
    return r;
}

static void drop(gk_batch *b, int j)
{
    gk_xsummary *s = j >= 0 ? __atomic_exchange_n(&b->sum[j], NULL, __ATOMIC_ACQ_REL) : NULL;
    if (s) {
        xyear_summary_free(s);
        free(s);
    }
}

void batch_release(gk_batch *b, size_t i)
{
    int cand[3] = {(int)i, b->prev[i], b->next[i]};
    for (int k = 0; k < 3; k++) {
        int j = cand[k];
        if (j < 0 || (size_t)j > i)
            continue;
        if ((b->prev[j] < 0 || (size_t)b->prev[j] <= i) && (b->next[j] < 0 || (size_t)b->next[j] <= i))
            drop(b, j);
    }
}

void batch_free(gk_batch *b)
{
    for (size_t i = 0; i < b->files.n; i++)
        drop(b, (int)i);
    free(b->sum);
    free(b->peeked);
    free(b->prev);
    free(b->next);
    walk_free(&b->files);
}
