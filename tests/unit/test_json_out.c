/* test_json_out.c — the streamed JSON writer (src/json_out.c, issue #16):
 * fixed cases, then seeded hostile strings (control bytes, invalid UTF-8,
 * U+2028/2029, bidi controls) and numbers, each read back by jansson. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gen.h"
#include "json_out.h"
#include "text.h"
#include "util.h"

#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *str(const char *s, size_t len)
{
    sbuf b;
    sbuf_init(&b);
    json_out_string(&b, s, len);
    return sbuf_steal(&b);
}

static char *num(double v)
{
    sbuf b;
    sbuf_init(&b);
    json_out_number(&b, v);
    return sbuf_steal(&b);
}

/* What the writer must make of s: every byte that does not start a valid
 * UTF-8 sequence replaced by U+FFFD. */
static char *replaced(const char *s, size_t len)
{
    sbuf b;
    sbuf_init(&b);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n <= 0) {
            sbuf_adds(&b, "\xEF\xBF\xBD");
            i++;
        } else {
            sbuf_add(&b, s + i, (size_t)n);
            i += (size_t)n;
        }
    }
    return sbuf_steal(&b);
}

/* The written text is valid UTF-8 and holds no raw control character, C1
 * control, U+2028/2029 or bidi control. */
static int harmless(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n <= 0)
            return 0;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
            (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
            cp == 0x061C)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

/* s written, read back by jansson: the same string, invalid bytes replaced. */
static void round_trip(const char *s, size_t len)
{
    char *out = str(s, len);
    assert_true(harmless(out));
    json_error_t err;
    json_t *j = json_loads(out, JSON_DECODE_ANY, &err);
    if (!j)
        fail_msg("jansson refuses %s: %s", out, err.text);
    assert_true(json_is_string(j));
    char *want = replaced(s, len);
    assert_int_equal(json_string_length(j), strlen(want));
    assert_memory_equal(json_string_value(j), want, strlen(want));
    /* valid text without anything to escape is written as jansson writes it */
    char *dumped = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
    char *again = str(want, strlen(want));
    assert_string_equal(again, out);   /* writing the replaced text gives the same */
    int special = !harmless(want);
    if (!special)
        assert_string_equal(dumped, out);
    free(dumped);
    free(again);
    free(want);
    json_decref(j);
    free(out);
}

/* A literal, embedded bytes and all. */
#define LSTR(lit) str(lit, sizeof lit - 1)

static void test_fixed_strings(void **state)
{
    (void)state;
    char *s = LSTR("a\"b\\c/d\n\t\r\b\f\x01\x1b");
    assert_string_equal(s, "\"a\\\"b\\\\c/d\\n\\t\\r\\b\\f\\u0001\\u001B\"");
    free(s);
    s = LSTR("x\xe2\x80\xa8y\xe2\x80\xa9z");
    assert_string_equal(s, "\"x\\u2028y\\u2029z\"");
    free(s);
    s = LSTR("a\x7f\xc2\x9b" "b\xe2\x80\xae" "c");
    assert_string_equal(s, "\"a\\u007F\\u009Bb\\u202Ec\"");
    free(s);
    s = LSTR("名\xff\xe4\xb8" "字\xed\xa0\x80");   /* a stray byte, a cut sequence, a surrogate */
    assert_string_equal(s, "\"名\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD字\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    free(s);
    s = LSTR("卫辉市汲水镇 😀");
    assert_string_equal(s, "\"卫辉市汲水镇 😀\"");
    free(s);
    s = LSTR("");
    assert_string_equal(s, "\"\"");
    free(s);
}

static void test_fixed_numbers(void **state)
{
    (void)state;
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {0, "0"},           {-0.0, "0"},         {6, "6"},         {-2, "-2"},
        {48.7, "48.7"},     {33.65, "33.65"},    {0.1, "0.1"},     {12.71, "12.71"},
        {1e-7, "1e-7"},     {251000.5, "251000.5"}, {1e20, "1e20"}, {8999999999999999.0, "8999999999999999"},
        {0.30000000000000004, "0.30000000000000004"}, {123456.123456, "123456.123456"},
        {NAN, "null"},      {INFINITY, "null"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = num(cases[i].v);
        assert_string_equal(s, cases[i].want);
        free(s);
    }
}

/* json_put_uint(), json_put_int() and json_put_count() write what printf
 * writes, for every number of digits (each power of ten and its
 * neighbours) and seeded random numbers of every size. */
static void test_integers_as_printf(void **state)
{
    (void)state;
    srand(32);
    int checked = 0;
    for (int round = 0; round < 200000; round++) {
        unsigned long long u;
        if (round < 64) {              /* 10^k - 1, 10^k, 10^k + 1 */
            unsigned long long p10 = 1;
            for (int k = 0; k < round / 3; k++)
                p10 *= 10;
            u = p10 + (unsigned long long)(round % 3) - 1;
        } else {
            u = ((unsigned long long)rand() << 31 | (unsigned)rand()) >> (rand() % 62);
        }
        char want[32], got[JSON_NUMBER_MAX + 1];
        if (u <= 4294967295ull) {
            snprintf(want, sizeof want, "%u", (unsigned)u);
            *json_put_uint(got, (unsigned)u) = '\0';
            assert_string_equal(got, want);
            *json_put_count(got, (double)u) = '\0';
            assert_string_equal(got, want);
        }
        long long v = (long long)(u >> 1) * (rand() % 2 ? 1 : -1);
        snprintf(want, sizeof want, "%lld", v);
        *json_put_int(got, v) = '\0';
        assert_string_equal(got, want);
        /* json_put_count() is json_put_number() for any value */
        double d = rand() % 4 ? (double)v : (double)v / 8;
        char ref[JSON_NUMBER_MAX + 1];
        *json_put_number(ref, d) = '\0';
        *json_put_count(got, d) = '\0';
        assert_string_equal(got, ref);
        checked++;
    }
    assert_int_equal(checked, 200000);
}

/* A locale whose decimal point is a comma still writes a point. */
static void test_number_locale(void **state)
{
    (void)state;
    const char *locs[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "ru_RU.UTF-8"};
    for (size_t i = 0; i < 3; i++) {
        if (!setlocale(LC_NUMERIC, locs[i]))
            continue;
        char *s = num(48.7);
        assert_string_equal(s, "48.7");
        free(s);
    }
    setlocale(LC_NUMERIC, "C");
}


/* Hostile pieces joined at random: controls, invalid and cut UTF-8, the
 * separators, bidi controls, Chinese, quotes and backslashes. */
static void test_hostile_strings(void **state)
{
    (void)state;
    static const char *pieces[] = {
        "\x1b[31m", "\x07", "\x7f", "\xc2\x9b", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xae",
        "\xe2\x81\xa6", "\xd8\x9c", "\xff", "\xfe", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
        "\xe4\xb8", "\xf0\x9f\x98", "\"", "\\", "/", "\\u0000", "\n", "\r\n", "\t", "政府信息公开", "😀",
        "\xef\xbb\xbf", "\xe2\x80\x8b", "48.7", " ", "}", "]", "\x01\x02\x1f",
    };
    size_t np = sizeof pieces / sizeof pieces[0];
    char buf[512];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        int k = (int)(gen_next() % 12);
        for (int i = 0; i < k; i++) {
            const char *p;
            char raw[2] = {0, 0};
            if (gen_next() % 4 == 0) {             /* any byte but NUL */
                raw[0] = (char)(1 + gen_next() % 255);
                p = raw;
            } else {
                p = pieces[gen_next() % np];
            }
            size_t pl = strlen(p);
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        buf[len] = '\0';
        round_trip(buf, len);
    }
}

/* Random doubles, decimals of up to 6 places and huge or tiny values: read
 * back as the same double, and as short as jansson's %.17g or shorter. */
static void test_numbers_read_back(void **state)
{
    (void)state;
    for (int round = 0; round < 20000; round++) {
        double v;
        switch (round % 4) {
        case 0: v = (double)(gen_next() % 1000000000000ull) / pow(10, (double)(gen_next() % 7)); break;
        case 1: {
            uint64_t bits = gen_next();
            memcpy(&v, &bits, sizeof v);
            break;
        }
        case 2: v = -(double)(gen_next() % 100000) / 100; break;
        default: v = ldexp((double)(gen_next() % 1000000), (int)(gen_next() % 200) - 100); break;
        }
        char *s = num(v);
        if (!isfinite(v)) {
            assert_string_equal(s, "null");
            free(s);
            continue;
        }
        json_error_t err;
        json_t *j = json_loads(s, JSON_DECODE_ANY, &err);
        if (!j)
            fail_msg("jansson refuses %s: %s", s, err.text);
        assert_true(json_is_number(j));
        assert_true(json_number_value(j) == v);
        assert_true(strlen(s) <= 24);
        if (v == floor(v) && fabs(v) < 9e15)
            assert_true(json_is_integer(j));
        else
            assert_true(json_is_real(j));
        json_decref(j);
        free(s);
    }
}

/* json_put_string() as it was before runs of Chinese were scanned in a
 * loop of their own (kept here to check the fast scan against): byte by
 * byte, each sequence decoded with text.c's utf8_decode(). */
static int ref_escape_cp(unsigned cp)
{
    if (cp < 0xA0)
        return 1;
    if (cp < 0x061C)
        return 0;
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

static char *ref_string(const char *s, size_t len)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_addc(&b, '"');
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        char tmp[8];
        if (c < 0x80) {
            if (c == '"' || c == '\\') {
                tmp[0] = '\\';
                tmp[1] = (char)c;
                sbuf_add(&b, tmp, 2);
            } else if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                tmp[0] = '\\';
                tmp[1] = c == '\b' ? 'b' : c == '\f' ? 'f' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
                sbuf_add(&b, tmp, 2);
            } else if (c < 0x20 || c == 0x7F) {
                snprintf(tmp, sizeof tmp, "\\u%04X", c);
                sbuf_adds(&b, tmp);
            } else {
                sbuf_addc(&b, (char)c);
            }
            i++;
            continue;
        }
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n <= 0) {
            sbuf_adds(&b, "\xEF\xBF\xBD");
            i++;
        } else if (ref_escape_cp(cp)) {
            snprintf(tmp, sizeof tmp, "\\u%04X", cp);
            sbuf_adds(&b, tmp);
            i += (size_t)n;
        } else {
            sbuf_add(&b, s + i, (size_t)n);
            i += (size_t)n;
        }
    }
    sbuf_addc(&b, '"');
    return sbuf_steal(&b);
}

/* Long runs of Chinese (the fast scan) broken by what it must stop at —
 * cut and invalid sequences, surrogates, overlongs, U+2028, '·', ASCII —
 * and cut at any length: written as the reference writes them. */
static void test_wide_runs(void **state)
{
    (void)state;
    static const char *pieces[] = {
        "政府信息公开", "本年新收", "：", "，", "（", "）", "\xef\xbf\xbd", "\xef\xbb\xbf", "\xe3\x80\x80",
        "\xee\x80\x80", "\xef\xbf\xbf", "·", "\xc2\x85", "\xd8\x9c", "\xe2\x80\xa8", "\xe1\x80\x80",
        "\xed\x9f\xbf", "\xed\xa0\x80", "\xe0\x80\xaf", "\xe0\xa0\x80", "\xe4\xb8", "\xe4", "\xe4\x41\x80",
        "\xe4\xb8\x41", "\xe4\xc0\x80", "\xf0\x9f\x98\x80", "\x80", "\xff", "a", "12", "\"", "\\", "\n", "\x1f",
        "\x7f",
    };
    size_t np = sizeof pieces / sizeof pieces[0];
    char buf[600], out[6 * sizeof buf + 2];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        int k = (int)(gen_next() % 40);
        for (int i = 0; i < k; i++) {
            const char *p;
            char raw[2] = {0, 0};
            if (gen_next() % 16 == 0) {
                raw[0] = (char)(1 + gen_next() % 255);
                p = raw;
            } else {
                /* mostly Chinese, as a report's messages are */
                p = gen_next() % 2 ? pieces[gen_next() % 4] : pieces[gen_next() % np];
            }
            size_t pl = strlen(p);
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        size_t cut = len ? (size_t)(gen_next() % (len + 1)) : 0;   /* any prefix: sequences cut at the end */
        for (size_t n = cut; n <= len; n += len - cut ? len - cut : 1) {
            char *want = ref_string(buf, n);
            char *end = json_put_string(out, buf, n);
            *end = '\0';
            assert_string_equal(out, want);
            free(want);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_strings),
        cmocka_unit_test(test_fixed_numbers),
        cmocka_unit_test(test_integers_as_printf),
        cmocka_unit_test(test_number_locale),
        cmocka_unit_test(test_hostile_strings),
        cmocka_unit_test(test_numbers_read_back),
        cmocka_unit_test(test_wide_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
