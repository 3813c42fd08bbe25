/* test_re.c — re_find() against PCRE2 itself: the patterns re.c matches
 * without the library (a plain word or two alternative words, found with
 * util_find()) must match what PCRE2 matches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "re.h"
#include "template.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reference: PCRE2's interpreter, the pattern compiled as re.c does
 * (UTF).  Returns 1 on a match with its span in *a, *z. */
static int ref_find(const char *pat, const char *s, size_t len, size_t from, size_t *a, size_t *z)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &off, NULL);
    assert_non_null(c);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(c, NULL);
    int rc = pcre2_match(c, (PCRE2_SPTR)s, len, from, 0, md, NULL);
    if (rc >= 0) {
        *a = pcre2_get_ovector_pointer(md)[0];
        *z = pcre2_get_ovector_pointer(md)[1];
    }
    pcre2_match_data_free(md);
    pcre2_code_free(c);
    return rc >= 0;
}

static unsigned next(unsigned *seed)
{
    return (*seed = *seed * 1103515245u + 12345u) >> 16;
}

/* Seeded random patterns of the shapes re.c splits into words (and near
 * misses it must leave to PCRE2: three words, anchors, an escaped $,
 * metacharacters), each matched on random subjects made of the same
 * pieces, newlines and a CR among them, from several offsets.  The
 * patterns live in a static array: re.c caches compiled patterns by their
 * address for the process's life. */
static void test_words_match_pcre(void **state)
{
    (void)state;
    static const char *const PIECE[] = {"无", "暂无", "无相关情况", "其他", "规章", "a", "ab", "b", "\r", " ", "。", "\n"};
    static const char *const SHAPE[] = {"%s",        "%s|%s",      "^%s",        "^%s$",         "^(?:%s|%s)$",
                                        "^(?:%s|%s)", "^(?:%s)$",   "^%s|%s",     "^%s\\$",       "^(?:%s|%s|%s|%s)$",
                                        "%s|%s|%s",  "^(?:%s|%s", "^%s.$",      "^(?:%s|%s|%s)"};
    enum { NPAT = 400 };
    static char pats[NPAT][1024];
    const int npiece = (int)(sizeof PIECE / sizeof *PIECE), nshape = (int)(sizeof SHAPE / sizeof *SHAPE);
    unsigned seed = 5;
    int hits = 0, tries = 0;
    for (int p = 0; p < NPAT; p++) {
        /* a word is one to three pieces, a newline in one word of eight */
        char w[4][200];
        for (int k = 0; k < 4; k++) {
            w[k][0] = '\0';
            int np = 1 + (int)(next(&seed) % 3);
            for (int j = 0; j < np; j++) {
                unsigned n = (unsigned)npiece - (next(&seed) % 8 ? 1 : 0);
                strcat(w[k], PIECE[next(&seed) % n]);
            }
        }
        if (next(&seed) % 3 == 0) {    /* the first word begins the second: both match at one place */
            size_t l0 = strlen(w[0]);  /* words are at most 45 bytes */
            memmove(w[1] + l0, w[1], strlen(w[1]) + 1);
            memcpy(w[1], w[0], l0);
        }
        snprintf(pats[p], sizeof pats[p], SHAPE[next(&seed) % (unsigned)nshape], w[0], w[1], w[2], w[3]);
        const char *pat = pats[p];
        if (re_check(pat) != 0)
            continue;                  /* "^(?:a|b" */
        for (int round = 0; round < 60; round++) {
            char s[256];
            size_t len = 0;
            int np = (int)(next(&seed) % 6);
            if (round % 4 == 0) {      /* a subject made of the pattern's own words */
                for (int j = 0; j < np % 3 + 1; j++) {
                    const char *x = w[next(&seed) % 4];
                    memcpy(s + len, x, strlen(x));
                    len += strlen(x);
                }
                if (next(&seed) % 2)
                    s[len++] = '\n';
            } else {
                for (int j = 0; j < np; j++) {
                    const char *x = PIECE[next(&seed) % (unsigned)npiece];
                    memcpy(s + len, x, strlen(x));
                    len += strlen(x);
                }
            }
            s[len] = '\0';
            size_t froms[3] = {0, len ? 1 : 0, next(&seed) % (len + 1)};
            for (int f = 0; f < 3; f++) {
                size_t from = froms[f];
                /* a start inside a character is no valid UTF-8 offset for PCRE2 */
                if (from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
                    continue;
                size_t a = 0, z = 0;
                re_span g[2];
                int want = ref_find(pat, s, len, from, &a, &z), got = re_find(pat, s, len, from, g, 2);
                tries++;
                hits += want;
                if (got != want || (want && (g[0].start != a || g[0].end != z || g[1].start != (size_t)-1)))
                    fail_msg("pattern \"%s\" on \"%s\" from %zu: %d [%zu, %zu), PCRE2 %d [%zu, %zu)", pat, s, from, got,
                             got ? g[0].start : 0, got ? g[0].end : 0, want, a, z);
            }
        }
    }
    assert_true(hits > 2000 && tries - hits > 2000);
}

/* The template's pattern of a section without content, on its words and near them. */
static void test_template_words(void **state)
{
    (void)state;
    const char *pat = GK_NARR_WORDS.nothing;
    static const char *const S[] = {"无", "无\n", "无\n\n", "暂无", "无相关情况", "无相关情况。", "本年度无", "没有", "没有\r\n",
                                    "无无", " 无", "", "\n"};
    for (size_t i = 0; i < sizeof S / sizeof *S; i++) {
        size_t a, z;
        re_span g[1];
        int want = ref_find(pat, S[i], strlen(S[i]), 0, &a, &z);
        assert_int_equal(re_find(pat, S[i], strlen(S[i]), 0, g, 1), want);
        assert_int_equal(re_test(pat, S[i]), want);
        if (want)
            assert_true(g[0].start == a && g[0].end == z);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_match_pcre),
        cmocka_unit_test(test_template_words),
    };
    return cmocka_run_group_tests_name("re", tests, NULL, NULL);
}
