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

typedef struct {
    const char *pat;
    pcre2_code *code;
} entry;

static entry cache[CACHE_SIZE];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static pcre2_code *compile(const char *pat)
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
    pcre2_jit_compile(c, PCRE2_JIT_COMPLETE); /* falls back to the interpreter if JIT is unavailable */
    return c;
}

static pcre2_code *get(const char *pat)
{
    size_t h = ((uintptr_t)pat >> 3) % CACHE_SIZE;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        entry *e = &cache[(h + i) % CACHE_SIZE];
        if (e->pat == pat) {
            pcre2_code *c = e->code;
            pthread_mutex_unlock(&lock);
            return c;
        }
        if (!e->pat) {
            e->code = compile(pat);
            e->pat = pat;
            pcre2_code *c = e->code;
            pthread_mutex_unlock(&lock);
            return c;
        }
    }
    pthread_mutex_unlock(&lock);
    fputs("gkreview: pattern cache full\n", stderr);
    abort();
}

int re_find(const char *pat, const char *s, size_t len, size_t from, re_span *groups, int ngroups)
{
    pcre2_code *c = get(pat);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(c, NULL);
    int rc = pcre2_match(c, (PCRE2_SPTR)s, len, from, PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc < 0) {
        pcre2_match_data_free(md);
        return 0;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    uint32_t n = pcre2_get_ovector_count(md);
    for (int g = 0; g < ngroups; g++) {
        if ((uint32_t)g < n && ov[2 * g] != PCRE2_UNSET) {
            groups[g].start = ov[2 * g];
            groups[g].end = ov[2 * g + 1];
        } else {
            groups[g].start = groups[g].end = (size_t)-1;
        }
    }
    pcre2_match_data_free(md);
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
