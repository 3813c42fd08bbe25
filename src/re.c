/* re.c — compiled-pattern cache over PCRE2. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "re.h"
#include "util.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SIZE 1024

/* Most template patterns are a plain word or two alternative words
 * ("不掌握", "信访|举报投诉"): those are searched with util_find(), which finds
 * what PCRE2 would — the leftmost match, and at that position the first
 * alternative — at under half the cost of a JIT call (callgrind).  With
 * more alternatives the JIT's single pass wins. */
#define MAX_LITERALS 2

typedef struct {
    const char *pat;
    pcre2_code *code;  /* NULL for plain words (nlit > 0) */
    int jit;           /* JIT-compiled: matched through pcre2_jit_match() */
    int nlit;          /* > 0: the pattern is lit[0]|lit[1]|… (pointers into pat) */
    const char *lit[MAX_LITERALS];
    size_t litlen[MAX_LITERALS];
} entry;

static entry cache[CACHE_SIZE];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static pcre2_code *compile(const char *pat, int *jit)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &off, NULL);
    if (!c) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        fprintf(stderr, "gkreview: internal pattern error at %zu in '%s': %s\n", (size_t)off, pat, msg);
        abort();
    }
    /* falls back to the interpreter if JIT is unavailable; GKREVIEW_NO_JIT
     * turns it off (valgrind cannot follow JIT-generated code) */
    *jit = !getenv("GKREVIEW_NO_JIT") && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0;
    return c;
}

/* Splits a pattern made only of literal text and '|' into its words;
 * leaves e->nlit at 0 for anything else (a metacharacter, an empty
 * alternative, too many alternatives). */
static void split_literals(entry *e, const char *pat)
{
    int n = 0;
    const char *start = pat;
    for (const char *p = pat;; p++) {
        if (*p && strchr("\\^$.?*+()[]{}", *p))
            return;
        if (*p == '|' || !*p) {
            if (p == start || n == MAX_LITERALS)
                return;
            e->lit[n] = start;
            e->litlen[n] = (size_t)(p - start);
            n++;
            start = p + 1;
            if (!*p)
                break;
        }
    }
    e->nlit = n;
}

/* Entries are written once, under the lock, `code` before `pat`; readers
 * look up without the lock and fall back to it on a miss. */
static const entry *get(const char *pat)
{
    size_t h = ((uintptr_t)pat >> 3) % CACHE_SIZE;
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        entry *e = &cache[(h + i) % CACHE_SIZE];
        const char *p = __atomic_load_n(&e->pat, __ATOMIC_ACQUIRE);
        if (p == pat)
            return e;
        if (!p)
            break;
    }
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        entry *e = &cache[(h + i) % CACHE_SIZE];
        if (e->pat == pat) {
            pthread_mutex_unlock(&lock);
            return e;
        }
        if (!e->pat) {
            split_literals(e, pat);
            if (!e->nlit)              /* plain words never reach PCRE2 */
                e->code = compile(pat, &e->jit);
            __atomic_store_n(&e->pat, pat, __ATOMIC_RELEASE);
            pthread_mutex_unlock(&lock);
            return e;
        }
    }
    pthread_mutex_unlock(&lock);
    fputs("gkreview: pattern cache full\n", stderr);
    abort();
}

/* One match block per thread, large enough for every pattern here. */
static __thread pcre2_match_data *tl_md;
static pthread_key_t md_key;
static pthread_once_t md_once = PTHREAD_ONCE_INIT;

static void md_free(void *p)
{
    pcre2_match_data_free(p);
}

static void md_init(void)
{
    pthread_key_create(&md_key, md_free);
}

static pcre2_match_data *match_data(void)
{
    if (!tl_md) {
        pthread_once(&md_once, md_init);
        tl_md = pcre2_match_data_create(16, NULL);
        pthread_setspecific(md_key, tl_md);
    }
    return tl_md;
}

static int find_literal(const entry *e, const char *s, size_t len, size_t from, re_span *groups, int ngroups)
{
    if (from > len)
        return 0;
    const char *best = NULL;
    size_t best_len = 0;
    for (int k = 0; k < e->nlit; k++) {
        /* a later word can only win by starting further left */
        size_t room = best ? (size_t)(best - s) - from + e->litlen[k] : len - from;
        if (room > len - from)
            room = len - from;
        const char *m = util_find(s + from, room, e->lit[k], e->litlen[k]);
        if (m && (!best || m < best)) {
            best = m;
            best_len = e->litlen[k];
        }
    }
    if (!best)
        return 0;
    for (int g = 0; g < ngroups; g++)
        groups[g].start = groups[g].end = (size_t)-1;
    if (ngroups > 0) {
        groups[0].start = (size_t)(best - s);
        groups[0].end = groups[0].start + best_len;
    }
    return 1;
}

int re_find(const char *pat, const char *s, size_t len, size_t from, re_span *groups, int ngroups)
{
    const entry *e = get(pat);
    if (e->nlit)
        return find_literal(e, s, len, from, groups, ngroups);
    pcre2_match_data *md = match_data();
    /* the JIT entry point skips pcre2_match()'s argument checks: the
     * subjects here are always valid UTF-8 (decoded, normalised text) */
    int rc = e->jit ? pcre2_jit_match(e->code, (PCRE2_SPTR)s, len, from, 0, md, NULL)
                    : pcre2_match(e->code, (PCRE2_SPTR)s, len, from, PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    /* rc is one more than the highest group that matched; the pairs past it
     * may hold values from an earlier match with this thread's block */
    for (int g = 0; g < ngroups; g++) {
        if (g < rc && ov[2 * g] != PCRE2_UNSET) {
            groups[g].start = ov[2 * g];
            groups[g].end = ov[2 * g + 1];
        } else {
            groups[g].start = groups[g].end = (size_t)-1;
        }
    }
    return 1;
}

int re_test(const char *pat, const char *s)
{
    return re_find(pat, s, strlen(s), 0, NULL, 0);
}

int re_check(const char *pat)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &off, NULL);
    if (!c)
        return -1;
    pcre2_code_free(c);
    return 0;
}
