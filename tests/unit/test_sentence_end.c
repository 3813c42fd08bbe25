/* test_sentence_end.c — narrative_sentence_end() (the first-byte test run at
 * every byte of the sections XYEAR.COPIED compares) against the plain
 * comparison with each of its six ends, at every offset of seeded random
 * texts built from the ends, their prefixes and look-alikes (。 ！ ？ and
 * other characters sharing their lead bytes), cut at every length. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "narrative.h"

#include <string.h>

static int reference_end(const char *s, size_t len, size_t i, size_t *next)
{
    static const char *const ENDS[] = {"。", "！", "？", ";", "!", "?"};
    for (size_t k = 0; k < sizeof ENDS / sizeof ENDS[0]; k++) {
        size_t l = strlen(ENDS[k]);
        if (i + l <= len && !memcmp(s + i, ENDS[k], l)) {
            *next = i + l;
            return 1;
        }
    }
    return 0;
}

static uint64_t rng = 0x2545f4914f6cdd1dull;

static unsigned rn(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static void test_against_reference(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "。", "！", "？", ";", "!", "?", "，", "、", "：", "「", "（", "）", "\xE3\x80", "\xEF\xBC", "\xE3",
        "\xEF", "\xEF\xBC\x80", "\xEF\xBC\xA0", "\xE3\x80\x81", "\xE3\x81\x82", "政", "府", "a", " ", "\n",
        "\x80", "\x82", "\x81", "\x9F", "\xBC", "\xFF", "\0",
    };
    char buf[256];
    long ends = 0;
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = 0;
        for (unsigned k = rn(24); k > 0; k--) {
            const char *p = parts[rn(sizeof parts / sizeof parts[0])];
            size_t l = *p ? strlen(p) : 1;
            if (len + l > sizeof buf)
                break;
            memcpy(buf + len, p, l);
            len += l;
        }
        for (size_t cut = len > 4 ? len - 4 : 0; cut <= len; cut++)   /* ends cut short at the end of the text */
            for (size_t i = 0; i < cut; i++) {
                size_t want_next = 0, got_next = 0;
                int want = reference_end(buf, cut, i, &want_next);
                int got = narrative_sentence_end(buf, cut, i, &got_next);
                assert_int_equal(got, want);
                if (want)
                    assert_int_equal(got_next, want_next);
                ends += want;
            }
    }
    assert_true(ends > 10000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
