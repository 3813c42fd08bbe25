/* test_stated.c — the counts the narrative states (template_narr_counts(),
 * read by extract.c, checked by TEXT.MISMATCH).  Sentences are generated
 * (seeded): for each count, the phrasings real reports use × numbers
 * written in Arabic digits, full-width digits (folded by text_normalise on
 * the way in) and Chinese numerals × measure words, one sentence a line of
 * section 一; each line must read exactly its count.  Generated distractors
 * (changes, percentages, dates, ordinals, approximations, one row of a
 * group) must read nothing.  Then the rule: a count equal to its cells'
 * sum is silent, any other value is one finding naming exactly those cells. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "re.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static unsigned rn(uint64_t *s, unsigned n)
{
    return (unsigned)(rnd(s) % n);
}

static int kind_of(const char *key)
{
    int n;
    const gk_narr_count *K = template_narr_counts(&n);
    for (int k = 0; k < n; k++)
        if (strcmp(K[k].key, key) == 0)
            return k;
    fail_msg("no narrative count %s", key);
    return -1;
}

/* n (1..9999) in Chinese numerals, written as reports do: "十二", "一百零五",
 * "两千三百", sometimes "一十二" or digit by digit ("一〇五"). */
static void chinese(uint64_t *s, int n, char *out, size_t cap)
{
    static const char *const D[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const char *const U[] = {"千", "百", "十", ""};
    out[0] = '\0';
    if (n >= 100 && rn(s, 8) == 0) {   /* digit by digit, 〇 for zero */
        char buf[16];
        snprintf(buf, sizeof buf, "%d", n);
        for (char *p = buf; *p; p++)
            strncat(out, *p == '0' ? "〇" : D[*p - '0'], cap - strlen(out) - 1);
        return;
    }
    int d[4] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10}, started = 0, zero = 0;
    for (int i = 0; i < 4; i++) {
        if (!d[i]) {
            zero = started;
            continue;
        }
        if (zero)
            strncat(out, "零", cap - strlen(out) - 1);
        zero = 0;
        if (i == 2 && d[i] == 1 && !started && rn(s, 3))
            ;                          /* "十二" (and sometimes "一十二") */
        else if (d[i] == 2 && (i < 2 || (i == 3 && !started)) && rn(s, 2))
            strncat(out, "两", cap - strlen(out) - 1);
        else
            strncat(out, D[d[i]], cap - strlen(out) - 1);
        strncat(out, U[i], cap - strlen(out) - 1);
        started = 1;
    }
}

/* n as a report may write it: Arabic, full-width, Chinese (not 0), with or
 * without spaces around. */
static void number_text(uint64_t *s, int n, char *out, size_t cap)
{
    char digits[16];
    snprintf(digits, sizeof digits, "%d", n);
    const char *pad = rn(s, 4) == 0 ? " " : "";
    switch (n ? rn(s, 3) : rn(s, 2)) {
    case 0:
        snprintf(out, cap, "%s%s%s", pad, digits, pad);
        break;
    case 1: {                          /* full-width digits: U+FF10.. (EF BC 90..99) */
        size_t o = 0;
        for (char *p = digits; *p && o + 4 < cap; p++) {
            out[o++] = (char)0xEF, out[o++] = (char)0xBC, out[o++] = (char)(0x90 + (*p - '0'));
        }
        out[o] = '\0';
        break;
    }
    default:
        chinese(s, n, out, cap);
        break;
    }
}

/* A phrasing: "%N" is the number, "%U" a measure word.  `also`: a second
 * count the sentence states with the same number ("各"), or NULL. */
typedef struct {
    const char *key;
    const char *text;
    const char *also;
} phrasing;

static const phrasing PHRASINGS[] = {
    {"new", "全年共收到政府信息公开申请%N%U", NULL},
    {"new", "2023 年，本机关收到政府信息公开申请%N%U", NULL},
    {"new", "2023年，我镇共收到政府信息公开申请%N%U，均在法定期限内答复", NULL},
    {"new", "2023年共收到依申请公开%N%U", NULL},
    {"new", "全年共受理政府信息公开申请%N%U", NULL},
    {"new", "本年度新收政府信息公开申请%N%U", NULL},
    {"new", "共收到%N%U政府信息公开申请", NULL},
    {"new", "全年收到政府信息公开申请共计%N%U", NULL},
    {"carried_in", "上年结转%N%U", NULL},
    {"carried_in", "上年度结转申请%N%U", NULL},
    {"handled", "已办结%N%U", NULL},
    {"handled", "全年共办结政府信息公开申请%N%U", NULL},
    {"handled", "办结申请%N%U，办结率100%", NULL},
    {"granted", "其中予以公开%N%U", NULL},
    {"granted", "办结的申请中予以公开%N%U", NULL},
    {"partial", "部分公开%N%U", NULL},
    {"partial", "其中部分公开的%N%U", NULL},
    {"denied", "不予公开%N%U", NULL},
    {"denied", "其中依法不予公开%N%U", NULL},
    {"denied", "予以公开的申请已答复，不予以公开%N%U", NULL},
    {"carried_out", "结转下年度继续办理%N%U", NULL},
    {"carried_out", "剩余%N%U结转下年度继续办理", NULL},
    {"carried_out", "另有%N%U因需补正结转至下一年度", NULL},
    {"review", "全年因政府信息公开引起行政复议%N%U", NULL},
    {"review", "被申请行政复议%N%U", NULL},
    {"review", "发生政府信息公开行政复议案件共%N%U", NULL},
    {"suit", "全年因政府信息公开被提起行政诉讼%N%U", NULL},
    {"suit", "行政诉讼案件%N%U", NULL},
    {"review", "涉及政府信息公开的行政复议和行政诉讼各%N%U", "suit"},
    {"corrected", "因政府信息公开引起的行政复议中，被纠错%N%U", NULL},
    {"corrected", "行政复议、行政诉讼中被依法纠错%N%U", NULL},
    {"review_corrected", "行政复议被纠错%N%U", NULL},
    {"review_corrected", "行政复议结果纠正%N%U", NULL},
    {"suit_corrected", "行政诉讼被纠正%N%U", NULL},
    {"active", "全年主动公开政府信息%N%U", NULL},
    {"active", "通过门户网站主动公开信息共%N%U", NULL},
};

/* Sentences that state 0 without a number. */
static const phrasing ZEROS[] = {
    {"new", "全年未收到政府信息公开申请", NULL},
    {"new", "本年度没有收到依申请公开的申请", NULL},
    {"review", "全年未发生因政府信息公开引起的行政复议", NULL},
    {"review", "无行政复议、行政诉讼", "suit"},
    {"suit", "全年因政府信息公开引起行政复议%N%U，无行政诉讼", "review"},
    {"corrected", "无行政复议被纠错情况", NULL},
    {"corrected", "未发生行政复议、行政诉讼被纠错情况", NULL},
};

/* Sentences where no number is the count (each %N any number). */
static const char *const DISTRACTORS[] = {
    "收到政府信息公开申请较上年增加%N件",
    "全年共收到政府信息公开申请，同比减少%N件",
    "予以公开比例同比下降%N%",
    "行政复议数量同比增长%N%",
    "2023年%M月%D日收到政府信息公开申请",
    "2023年%M月%D日办结最后一件申请",
    "收到第%N件政府信息公开申请后立即登记",
    "予以公开第%N件申请的答复已送达",
    "主动公开政府信息%N余条",
    "收到政府信息公开申请约%N件",
    "其中按时办结%N件",
    "因涉及第三方合法权益不予公开%N件",
    "行政复议案件办理时限为%N个工作日",
    "结转下年度的比例为%N%",
    "收到网民纠错留言%N条",
    "协助受理市政府信息公开申请%N件",
    "上年结转申请较上年减少%N件",
    "全部按时办结，无结转下年度",
    "%N件申请全部办结，无结转下年度",
    "每件申请予以公开前均经保密审查",
    "政府信息公开申请办理时限压缩至%N个工作日",
    "依申请公开答复平均用时%N.%D天",
};

static const char *const UNITS[] = {"件", "件", "件", "宗", "条", "个", "起", "项"};

/* Fills out from a phrasing with number n (and its own numbers for %M/%D). */
static void fill(uint64_t *s, const char *text, int n, char *out, size_t cap)
{
    size_t o = 0;
    for (const char *p = text; *p && o + 40 < cap;) {
        if (p[0] == '%' && (p[1] == 'N' || p[1] == 'U' || p[1] == 'M' || p[1] == 'D')) {
            char num[64];
            if (p[1] == 'N')
                number_text(s, n, num, sizeof num);
            else if (p[1] == 'U')
                snprintf(num, sizeof num, "%s%s", rn(s, 4) == 0 ? " " : "", UNITS[rn(s, 8)]);
            else
                snprintf(num, sizeof num, "%u", 1 + rn(s, p[1] == 'M' ? 12 : 28));
            o += (size_t)snprintf(out + o, cap - o, "%s", num);
            p += 2;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
}

static int random_count(uint64_t *s)
{
    switch (rn(s, 4)) {
    case 0: return (int)rn(s, 10);
    case 1: return 10 + (int)rn(s, 90);
    case 2: return 100 + (int)rn(s, 900);
    default: return 1000 + (int)rn(s, 9000);
    }
}

#define LINES 90
typedef struct {
    char text[512];
    int kind, value;           /* kind -1: nothing may be read */
    int also, also_value;      /* a second count the line states, or -1 */
} line_case;

/* Builds LINES generated sentences into one report, one a line of section 一,
 * and checks what each line read. */
static void run_batch(uint64_t *s, int with_zeros, int with_distractors)
{
    static line_case L[LINES];
    const int np = (int)(sizeof PHRASINGS / sizeof PHRASINGS[0]);
    const int nz = (int)(sizeof ZEROS / sizeof ZEROS[0]);
    const int nd = (int)(sizeof DISTRACTORS / sizeof DISTRACTORS[0]);
    sbuf b;
    sbuf_init(&b);
    for (int i = 0; i < LINES; i++) {
        line_case *c = &L[i];
        unsigned pick = rn(s, 10);
        if (with_distractors && pick < 4) {
            fill(s, DISTRACTORS[rn(s, (unsigned)nd)], random_count(s), c->text, sizeof c->text);
            c->kind = c->also = -1;
        } else if (with_zeros && pick < 6) {
            const phrasing *p = &ZEROS[rn(s, (unsigned)nz)];
            int n = 1 + (int)rn(s, 20);
            fill(s, p->text, n, c->text, sizeof c->text);
            c->kind = kind_of(p->key);
            c->value = 0;
            c->also = p->also ? kind_of(p->also) : -1;
            c->also_value = strstr(p->text, "%N") ? n : 0;  /* "引起行政复议N件，无行政诉讼" */
        } else {
            const phrasing *p = &PHRASINGS[rn(s, (unsigned)np)];
            c->value = random_count(s);
            fill(s, p->text, c->value, c->text, sizeof c->text);
            c->kind = kind_of(p->key);
            c->also = p->also ? kind_of(p->also) : -1;
            c->also_value = c->value;
        }
        sbuf_printf(&b, "%s%s\n", c->text, rn(s, 2) ? "。" : "；");
    }
    char *narrative = sbuf_steal(&b);
    gk_report *r = fx_parse(NULL, narrative, NULL);
    assert_non_null(r);
    const int first = 5;               /* the fixture's section 一 starts on line 5 */
    int nk;
    const gk_narr_count *K = template_narr_counts(&nk);
    for (int i = 0; i < LINES; i++) {
        const line_case *c = &L[i];
        int seen = 0, seen_also = 0, other = 0;
        for (int k = 0; k < r->nstated; k++) {
            const gk_stated *st = &r->stated[k];
            if (st->line != first + i)
                continue;
            if (st->kind == c->kind && st->value == c->value && !seen)
                seen = 1;
            else if (st->kind == c->also && st->value == c->also_value && !seen_also)
                seen_also = 1;
            else {
                other = 1;
                print_message("line %d「%s」: read %s = %g\n", first + i, c->text, K[st->kind].key, st->value);
            }
        }
        if (c->kind >= 0 && !seen)
            print_message("line %d「%s」: %s = %d not read\n", first + i, c->text, K[c->kind].key, c->value);
        if (c->also >= 0 && !seen_also)
            print_message("line %d「%s」: %s not read\n", first + i, c->text, K[c->also].key);
        assert_false(other);
        assert_int_equal(seen, c->kind >= 0);
        assert_int_equal(seen_also, c->also >= 0);
    }
    report_free(r);
    free(narrative);
}

static void test_phrasings_read_their_number(void **state)
{
    (void)state;
    uint64_t s = 0x5eed0001;
    for (int round = 0; round < 40; round++)
        run_batch(&s, 0, 0);
}

static void test_zero_sentences_and_distractors(void **state)
{
    (void)state;
    uint64_t s = 0x5eed0002;
    for (int round = 0; round < 40; round++)
        run_batch(&s, 1, 1);
}

/* Every count: patterns compile, its cells exist in each format. */
static void test_template_counts(void **state)
{
    (void)state;
    int n;
    const gk_narr_count *K = template_narr_counts(&n);
    assert_true(n >= 12 && n <= GK_NARR_MAX);
    for (int k = 0; k < n; k++) {
        assert_non_null(K[k].need[0]);
        assert_non_null(K[k].patterns[0]);
        assert_non_null(K[k].what);
        for (int p = 0; p < GK_NARR_PATTERNS && K[k].patterns[p]; p++)
            assert_int_equal(re_check(K[k].patterns[p]), 0);
        for (int f = GK_FMT_2021; f <= GK_FMT_2019; f++) {
            const char *const *ids = template_narr_cells(&K[k], (gk_format)f);
            for (int i = 0; ids[i]; i++) {
                if (template_cell_index(template_get((gk_format)f), ids[i]) < 0)
                    fail_msg("%s: no cell %s in format %d", K[k].key, ids[i], f);
                assert_true(i < GK_NARR_CELLS - 1);
            }
        }
    }
    /* the counts the issue names are all there */
    static const char *const KEYS[] = {"new",  "handled", "granted",   "partial", "denied",
                                       "review", "suit",  "corrected", "active"};
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        assert_true(kind_of(KEYS[i]) >= 0);
    assert_null(template_narr_cells(&K[kind_of("active")], GK_FMT_2021)[0]);
    assert_null(template_narr_cells(&K[kind_of("active")], GK_FMT_2019)[0]);
}

/* The rule: each count with cells is silent when it equals their sum and
 * gives one finding naming exactly its cells otherwise; a count without
 * cells is never checked. */
static void test_rule_against_cells(void **state)
{
    (void)state;
    uint64_t s = 0x5eed0003;
    int n;
    const gk_narr_count *K = template_narr_counts(&n);
    const phrasing *one[GK_NARR_MAX] = {0};
    for (size_t i = 0; i < sizeof PHRASINGS / sizeof PHRASINGS[0]; i++)
        if (!PHRASINGS[i].also && !one[kind_of(PHRASINGS[i].key)])
            one[kind_of(PHRASINGS[i].key)] = &PHRASINGS[i];
    for (int round = 0; round < 6; round++)
        for (int k = 0; k < n; k++) {
            assert_non_null(one[k]);
            const char *const *ids = template_narr_cells(&K[k], GK_FMT_2021);
            int nids = 0, value = 0;
            fx_cell ov[GK_NARR_CELLS + 1];
            char vals[GK_NARR_CELLS][16];
            for (; ids[nids]; nids++) {  /* each cell its own value; the sum is what counts */
                int v = (int)rn(&s, 4);
                snprintf(vals[nids], sizeof vals[nids], "%d", v);
                ov[nids] = (fx_cell){ids[nids], vals[nids]};
                value += v;
            }
            ov[nids] = (fx_cell){NULL, NULL};
            int stated = round % 2 ? value : value + 1 + (int)rn(&s, 3);
            char text[256];
            fill(&s, one[k]->text, stated, text, sizeof text);
            gk_report *r = fx_parse(ov, text, NULL);
            int expect = nids && stated != value;
            if (fx_count(r, "TEXT.MISMATCH") != expect)
                fail_msg("%s「%s」: cells sum %d, %d findings", K[k].key, text, value, fx_count(r, "TEXT.MISMATCH"));
            if (expect) {
                const gk_finding *f = fx_find(r, "TEXT.MISMATCH", NULL);
                assert_int_equal(f->ncells, nids);
                for (int i = 0; i < nids; i++)
                    assert_int_equal(f->cells[i], template_cell_index(r->tpl, ids[i]));
                assert_non_null(strstr(f->message, K[k].what));
                assert_int_equal(f->line, 5);
            }
            report_free(r);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template_counts),
        cmocka_unit_test(test_phrasings_read_their_number),
        cmocka_unit_test(test_zero_sentences_and_distractors),
        cmocka_unit_test(test_rule_against_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
