/* test_sentence_scan.c — narrative_next_end(), the scan by a table of first
 * bytes that narrative_sentences() runs over sections 一, 五 and 六, against
 * the plain loop it replaces: narrative_sentence_end() tried at every byte
 * (and a '\n' when line breaks count), on seeded random texts of sentence
 * ends, their prefixes and look-alikes, CJK, line breaks and broken UTF-8,
 * from every start offset; and narrative_sentence_hash_to_end(), the hash
 * taken as the end is sought, against narrative_next_end() then
 * narrative_sentence_hash() of the text up to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gen.h"
#include "narrative.h"

#include <string.h>

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
    gen_seed(0x9e3779b97f4a7c15ull);
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = gen_pieces(buf, sizeof buf, parts, sizeof parts / sizeof parts[0], 30);
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

static void test_hash_to_end(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "。", "！", "？", ";", "!", "?", "，", "\xE3\x80", "\xEF\xBC", "\xE3", "\xEF", "\xE3\x80\x81", "〇", "政",
        "府", "\xE4\xB7\x80", "\xE3\x90\x80", "12", "3.5", ".", "a", "Z", " ", "\n", "\xC3\xA9", "\xF0\x9F\x98\x80",
        "\x80", "\xFF", "\0",
    };
    char buf[256];
    long hashed = 0;
    gen_seed(0x9e3779b97f4a7c15ull);
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = gen_pieces(buf, sizeof buf, parts, sizeof parts / sizeof parts[0], 30);
        for (size_t i = 0; i <= len; i++) {
            size_t want_next = 0, got_next = 1, got_end = 2;
            size_t want_end = narrative_next_end(buf, len, i, 1, &want_next);
            int want_cjk = -1, got_cjk = -2;
            uint64_t want = narrative_sentence_hash(buf + i, (want_end == len ? len : want_next) - i, &want_cjk);
            uint64_t got = narrative_sentence_hash_to_end(buf, len, i, &got_end, &got_next, &got_cjk);
            assert_int_equal(got_end, want_end);
            assert_int_equal(got_next, want_next);
            assert_true(got == want);
            assert_int_equal(got_cjk, want_cjk);
            hashed += want_cjk > 0;
        }
    }
    assert_true(hashed > 100000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_reference),
        cmocka_unit_test(test_hash_to_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
