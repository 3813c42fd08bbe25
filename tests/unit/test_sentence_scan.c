/* test_sentence_scan.c — narrative_next_end(), the scan by a table of first
 * bytes that narrative_sentences() runs over sections 一, 五 and 六, against
 * the plain loop it replaces: narrative_sentence_end() tried at every byte
 * (and a '\n' when line breaks count), on seeded random texts of sentence
 * ends, their prefixes and look-alikes, CJK, line breaks and broken UTF-8,
 * from every start offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "narrative.h"

#include <string.h>

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static unsigned rn(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static size_t reference_next_end(const char *s, size_t len, size_t i, int breaks, size_t *next)
{
    for (; i < len; i++) {
        if (breaks && s[i] == '\n') {
            *next = i + 1;
            return i;
        }
        if (narrative_sentence_end(s, len, i, next))
            return i;
    }
    *next = len + 1;
    return len;
}

static void test_against_reference(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "。", "！", "？", ";", "!", "?", "，", "、", "\xE3\x80", "\xEF\xBC", "\xE3", "\xEF", "\xEF\xBC\x80",
        "\xE3\x80\x81", "政", "府", "a", " ", "\n", "\x80", "\x82", "\xBC", "\xFF", "\0",
    };
    char buf[256];
    long ends = 0;
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = 0;
        for (unsigned k = rn(30); k > 0; k--) {
            const char *p = parts[rn(sizeof parts / sizeof parts[0])];
            size_t l = *p ? strlen(p) : 1;
            if (len + l > sizeof buf)
                break;
            memcpy(buf + len, p, l);
            len += l;
        }
        for (int breaks = 0; breaks < 2; breaks++)
            for (size_t i = 0; i <= len; i++) {
                size_t want_next = 0, got_next = 1;
                size_t want = reference_next_end(buf, len, i, breaks, &want_next);
                size_t got = narrative_next_end(buf, len, i, breaks, &got_next);
                assert_int_equal(got, want);
                assert_int_equal(got_next, want_next);
                ends += want < len;
            }
    }
    assert_true(ends > 100000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
