/* test_sentence_end.c — the sentence splitting XYEAR.COPIED runs over every
 * byte of sections 一, 五 and 六, against plain reference versions:
 * narrative_sentence_end() (a first-byte test) against the comparison with
 * each of its six ends, at every offset of seeded random texts built from the
 * ends, their prefixes and look-alikes (。 ！ ？ and other characters sharing
 * their lead bytes), cut at every length; narrative_sentence_hash() (CJK
 * decoded inline) against the hash of utf8_decode()'s code points, on seeded
 * texts of CJK, ASCII, digits, other scripts and broken UTF-8; and the
 * sentences of seeded section-一 narratives (sentences broken over lines as
 * a PDF breaks them, subheadings, blank lines): each begins on the line it
 * names, and they come in the order of the text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "gen.h"
#include "narrative.h"
#include "text.h"

#include <ctype.h>

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
    gen_seed(0x2545f4914f6cdd1dull);
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = gen_pieces(buf, sizeof buf, parts, sizeof parts / sizeof parts[0], 24);
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

/* The hash as first written: every character through utf8_decode(). */
static uint64_t reference_hash(const char *s, size_t len, int *cjk)
{
    uint64_t h = 1469598103934665603ull;
    int n = 0, in_digits = 0;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int k = utf8_decode(s + i, len - i, &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        int han = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3007;
        if (cp >= '0' && cp <= '9') {
            if (!in_digits) {
                h = (h ^ '#') * 1099511628211ull;
                in_digits = 1;
            }
        } else if (cp == '.' && in_digits) {
        } else if (han || (cp < 0x80 && isalpha((int)cp))) {
            in_digits = 0;
            n += han;
            for (int j = 0; j < k; j++)
                h = (h ^ (unsigned char)s[i + (size_t)j]) * 1099511628211ull;
        } else {
            in_digits = 0;
        }
        i += (size_t)k;
    }
    *cjk = n;
    return h;
}

static void test_hash_against_reference(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "政", "府", "〇", "。", "　", "\xE3\x90\x80", "\xE4\xB6\xBF", "\xE4\xB7\x80", "\xE9\xBF\xBF", "\xE3\x80\x80",
        "\xE9\xBF", "\xE3", "\xE9\x80\xC0", "\xE3\xC0\x80", "\xED\xA0\x80", "\xE0\x80\x80", "\xEA\xB0\x80",
        "12", "3.5", ".", "a", "Z", " ", "\xC3\xA9", "\xF0\x9F\x98\x80", "\x80", "\xFF", "\0",
    };
    char buf[256];
    gen_seed(0x5bd1e995u);
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = gen_pieces(buf, sizeof buf, parts, sizeof parts / sizeof parts[0], 30);
        for (size_t cut = len > 3 ? len - 3 : 0; cut <= len; cut++) {   /* a character cut short at the end */
            int want_cjk = -1, got_cjk = -2;
            uint64_t want = reference_hash(buf, cut, &want_cjk);
            uint64_t got = narrative_sentence_hash(buf, cut, &got_cjk);
            assert_true(got == want);
            assert_int_equal(got_cjk, want_cjk);
        }
    }
}

/* A sentence of n CJK characters from a small vocabulary, ending in 。 */
static void add_sentence(sbuf *b, int n)
{
    static const char *const words[] = {"政", "府", "信", "息", "公", "开", "申", "请", "办", "理", "年", "度"};
    for (int i = 0; i < n; i++)
        sbuf_adds(b, words[gen_below(sizeof words / sizeof words[0])]);
    sbuf_adds(b, gen_below(4) ? "。" : "！");
}

static void test_sentence_lines(void **state)
{
    (void)state;
    long checked = 0;
    gen_seed(300);
    for (int iter = 0; iter < 300; iter++) {
        sbuf b;
        sbuf_init(&b);
        sbuf_adds(&b, "");
        for (int k = (int)gen_below(8) + 1; k > 0; k--) {
            switch (gen_below(5)) {
            case 0:
                sbuf_adds(&b, "（一）主动公开\n");   /* a subheading: stands alone */
                break;
            case 1:
                sbuf_adds(&b, "\n");
                break;
            default: {                 /* a long sentence, perhaps broken over lines */
                sbuf one;
                sbuf_init(&one);
                sbuf_adds(&one, "");
                add_sentence(&one, 12 + (int)gen_below(30));
                for (size_t i = 0; i < one.len; i += 3) {
                    sbuf_add(&b, one.s + i, 3);
                    if (i > 30 && i + 3 < one.len && gen_below(25) == 0)
                        sbuf_adds(&b, "\n");
                }
                sbuf_free(&one);
                if (gen_below(2))
                    sbuf_adds(&b, "\n");
            }
            }
        }
        sbuf_adds(&b, "本镇认真做好政府信息公开工作。");
        gk_report *r = fx_parse(NULL, b.s, NULL);
        assert_non_null(r);
        int n = 0, last = 0;
        gk_sentence *st = narrative_sentences(r, 0, &n);
        assert_true(n >= 1);
        for (int i = 0; i < n; i++) {
            assert_true(st[i].line >= last);   /* in the order of the text */
            last = st[i].line;
            assert_true(st[i].line >= 1 && (size_t)st[i].line <= r->text->nlines);
            const char *line = r->text->norm[st[i].line - 1].s;
            assert_non_null(strstr(line, (char[]){st[i].text[0], st[i].text[1], st[i].text[2], '\0'}));
            checked++;
        }
        narrative_sentences_free(st, n);
        report_free(r);
        sbuf_free(&b);
    }
    assert_true(checked > 600);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_reference),
        cmocka_unit_test(test_hash_against_reference),
        cmocka_unit_test(test_sentence_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
