/* test_narrative.c — the rules read from the text (FORMAT.OUTDATED,
 * TITLE.FORM, YEAR.PERIOD, DATE.LATE, TEXT.SECTION5_THIN) and the
 * cross-year XYEAR.JUMP and XYEAR.COPIED, on built reports and on the
 * sample reports made for them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "batch.h"
#include "extract.h"
#include "fixture.h"
#include "gen.h"
#include "narrative.h"
#include "pipeline.h"
#include "re.h"
#include "rules.h"
#include "xyear.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned next_rand(unsigned *seed)
{
    return (*seed = *seed * 1103515245u + 12345u) >> 16;
}

#define NEW_RULES_N 7
static const char *const NEW_RULES[NEW_RULES_N] = {"FORMAT.OUTDATED", "TITLE.FORM",  "YEAR.PERIOD", "DATE.LATE",
                                                   "TEXT.SECTION5_THIN", "XYEAR.JUMP", "XYEAR.COPIED"};

static int new_rule_findings(const gk_report *r)
{
    int n = 0;
    for (int k = 0; k < NEW_RULES_N; k++)
        n += fx_count(r, NEW_RULES[k]);
    return n;
}

/* A fixture report with `from` replaced by `to` (any length). */
static gk_report *variant(const char *narrative, const char *from, const char *to)
{
    char *text = fx_report(NULL, narrative, NULL);
    char *p = from ? strstr(text, from) : NULL;
    char *t = text;
    if (p) {
        *p = '\0';
        t = xasprintf("%s%s%s", text, to, p + strlen(from));
        free(text);
    }
    gk_report *r = fx_parse_text(t);
    free(t);
    return r;
}

static void test_rule_table(void **state)
{
    (void)state;
    assert_int_equal(template_rule("FORMAT.OUTDATED")->severity, GK_SEV_ERROR);
    for (int k = 1; k < NEW_RULES_N; k++) {
        assert_non_null(template_rule(NEW_RULES[k]));
        assert_int_equal(template_rule(NEW_RULES[k])->severity, GK_SEV_WARNING);
        assert_non_null(template_rule(NEW_RULES[k])->name);
    }
    assert_int_equal(template_rule("CELL.INFERRED")->reading, 1);
    assert_int_equal(template_rule("T3.BALANCE")->reading, 0);
}

static void test_dates(void **state)
{
    (void)state;
    gk_date d;
    size_t end;
    const char *s = "落款 2024年1月20日";
    assert_true(narrative_find_date(s, strlen(s), &d, &end));
    assert_int_equal(d.y, 2024);
    assert_int_equal(d.m, 1);
    assert_int_equal(d.d, 20);
    assert_int_equal(end, strlen(s));
    s = "发布日期:2025-02-03 来源";
    assert_true(narrative_find_date(s, strlen(s), &d, NULL));
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20250203);
    s = "二〇二四年二月二十一日";
    assert_true(narrative_find_date(s, strlen(s), &d, NULL));
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20240221);
    s = "二〇二四年十二月十日";
    assert_true(narrative_find_date(s, strlen(s), &d, NULL));
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20241210);
    s = "2024年13月1日";
    assert_false(narrative_find_date(s, strlen(s), &d, NULL));
    s = "共收到申请2024件";
    assert_false(narrative_find_date(s, strlen(s), &d, NULL));
}

static void test_fixture_is_silent(void **state)
{
    (void)state;
    gk_report *r = fx_parse(NULL, NULL, NULL);
    assert_int_equal(new_rule_findings(r), 0);
    report_free(r);
    /* a whole-year period, a timely date, a Chinese-numeral date */
    r = variant("本报告统计期限为2023年1月1日至2023年12月31日。", "本年度未收取信息处理费。",
                "本年度未收取信息处理费。\n\n测试镇人民政府\n二〇二四年一月三十一日");
    assert_int_equal(new_rule_findings(r), 0);
    report_free(r);
}

static void test_format_outdated(void **state)
{
    (void)state;
    char *why = NULL;
    gk_report *r = report_open("sample-reports/401_format_outdated.txt", &why);
    assert_non_null(r);
    assert_int_equal(r->format, GK_FMT_2019);
    assert_int_equal(r->year, 2022);
    const gk_finding *f = fx_find(r, "FORMAT.OUTDATED", NULL);
    assert_non_null(f);
    assert_int_equal(f->severity, GK_SEV_ERROR);
    assert_non_null(strstr(f->message, "2019 年版"));
    assert_int_equal(new_rule_findings(r), 1);
    report_free(r);
    /* the 2019 format for a 2020 report is right */
    r = report_open("sample-reports/011_format2019.txt", &why);
    assert_int_equal(fx_count(r, "FORMAT.OUTDATED"), 0);
    report_free(r);
}

/* Whether s is valid UTF-8 (no sequence cut short, no stray continuation byte). */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0)
            return 0;
        p++;
        for (int k = 0; k < n; k++, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

/* A title quoted in a finding is cut at a character's end, whatever its
 * length and mix of one- and three-byte characters (seeded). */
static void test_title_quoted_whole(void **state)
{
    (void)state;
    static const char *const PIECES[] = {"测试镇人民政府", "2023年", "政务", "公开", "工作", "情况", "汇报", "A", "-", "（稿）"};
    uint32_t seed = 77u;
    for (int round = 0; round < 60; round++) {
        sbuf t;
        sbuf_init(&t);
        while (t.len < 60 + (size_t)(round % 40)) {
            seed = seed * 1103515245u + 12345u;
            sbuf_adds(&t, PIECES[(seed >> 8) % (sizeof PIECES / sizeof *PIECES)]);
        }
        sbuf_adds(&t, "报告");      /* not 政府信息公开工作年度报告: TITLE.FORM quotes it */
        gk_report *r = variant(NULL, "测试镇人民政府2023年政府信息公开工作年度报告", t.s);
        const gk_finding *f = fx_find(r, "TITLE.FORM", NULL);
        if (!f || !valid_utf8(f->message))
            fail_msg("round %d: title %s: %s", round, t.s, f ? f->message : "no TITLE.FORM");
        for (int k = 0; k < r->nfindings; k++)
            if (!valid_utf8(r->findings[k].message))
                fail_msg("round %d: %s: %s", round, r->findings[k].rule, r->findings[k].message);
        report_free(r);
        sbuf_free(&t);
    }
}

static void test_title_form(void **state)
{
    (void)state;
    static const struct {
        const char *title;
        int fires;
    } cases[] = {
        {"测试镇人民政府2023年政府信息公开工作年度报告", 0},
        {"# 测试镇人民政府 2023 年度政府信息公开工作年度报告", 0},
        {"标题：测试镇人民政府2023年政府信息公开工作年度报告", 0},
        {"测试镇人民政府2023年政府信息公开工作报告", 1},
        {"测试镇人民政府2023年政务公开工作年度报告", 1},
        {"测试镇人民政府2023年政府信息公开年度报告", 1},
        {"2023年政府信息公开工作年度报告", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gk_report *r = variant(NULL, "测试镇人民政府2023年政府信息公开工作年度报告", cases[i].title);
        assert_int_equal(r->year, 2023);
        if (fx_count(r, "TITLE.FORM") != cases[i].fires)
            fail_msg("%s: TITLE.FORM %d", cases[i].title, fx_count(r, "TITLE.FORM"));
        report_free(r);
    }
    /* the body on the line above */
    gk_report *r = variant(NULL, "测试镇人民政府2023年", "测试镇人民政府\n2023年");
    assert_int_equal(fx_count(r, "TITLE.FORM"), 0);
    report_free(r);
    /* a cover letter sent instead of the report */
    r = variant(NULL, "测试镇人民政府2023年政府信息公开工作年度报告",
                "关于报送测试镇人民政府2023年政府信息公开工作年度报告的函\n\n县政务公开办：\n"
                "现将我镇2023年政府信息公开工作年度报告报送你办，请审阅。\n\n测试镇人民政府2023年政府信息公开工作年度报告");
    const gk_finding *f = fx_find(r, "TITLE.FORM", NULL);
    assert_non_null(f);
    assert_non_null(strstr(f->message, "函"));
    assert_int_equal(f->line, 1);
    report_free(r);
    /* no title at all: the sample made for it */
    char *why = NULL;
    r = report_open("sample-reports/014_no_title_line.txt", &why);
    assert_int_equal(fx_count(r, "TITLE.FORM"), 1);
    report_free(r);
    r = report_open("sample-reports/402_title_form.txt", &why);
    f = fx_find(r, "TITLE.FORM", NULL);
    assert_non_null(f);
    assert_int_equal(f->line, 3);
    assert_non_null(strstr(f->message, "工作报告"));
    assert_int_equal(new_rule_findings(r), 1);
    report_free(r);
}

static void test_year_period(void **state)
{
    (void)state;
    gk_report *r = variant("本报告统计期限为2023年1月1日至2023年11月30日。", NULL, NULL);
    const gk_finding *f = fx_find(r, "YEAR.PERIOD", NULL);
    assert_non_null(f);
    assert_non_null(strstr(f->message, "2023年11月30日"));
    report_free(r);
    /* the second year left out, spaces, a line break inside the sentence */
    r = variant("统计期限为 2023 年 1 月 1 日至 12 月 31 日。", NULL, NULL);
    assert_int_equal(fx_count(r, "YEAR.PERIOD"), 0);
    report_free(r);
    r = variant("统计期限为2023年1\n月1日至2023年6月30日。", NULL, NULL);
    assert_int_equal(fx_count(r, "YEAR.PERIOD"), 1);
    report_free(r);
    /* two lines longer than the buffer they are joined in on the stack */
    for (int at = 0; at < 2; at++) {
        sbuf nb;
        sbuf_init(&nb);
        for (int k = 0; k < 300; k++)
            sbuf_adds(&nb, "本机关认真做好工作。");
        sbuf_adds(&nb, at ? "统计期限为2023年1\n月1日至2023年6月30日。" : "统计期限为2023年1月1日至2023年6月30日。");
        for (int k = 0; k < 300; k++)
            sbuf_adds(&nb, "本机关认真做好工作。");
        r = variant(nb.s, NULL, NULL);
        f = fx_find(r, "YEAR.PERIOD", NULL);
        assert_non_null(f);
        assert_non_null(strstr(f->message, "2023年6月30日"));
        report_free(r);
        sbuf_free(&nb);
    }
    char *why = NULL;
    r = report_open("sample-reports/403_year_period.txt", &why);
    gk_date a, b;
    assert_int_equal(narrative_period(r, &a, &b), 7);
    assert_int_equal(a.y * 10000 + a.m * 100 + a.d, 20221201);
    assert_int_equal(b.y * 10000 + b.m * 100 + b.d, 20231130);
    assert_int_equal(fx_count(r, "YEAR.PERIOD"), 1);
    assert_int_equal(new_rule_findings(r), 1);
    report_free(r);
    r = report_open("sample-reports/016_pdftotext_plain.txt", &why);   /* period broken over two lines */
    assert_int_not_equal(narrative_period(r, &a, &b), 0);
    assert_int_equal(b.m * 100 + b.d, 1231);
    report_free(r);
}

static void test_date_late(void **state)
{
    (void)state;
    gk_report *r = variant(NULL, "本年度未收取信息处理费。", "本年度未收取信息处理费。\n\n测试镇人民政府\n2024年2月1日");
    const gk_finding *f = fx_find(r, "DATE.LATE", NULL);
    assert_non_null(f);
    assert_non_null(strstr(f->message, "2024年2月1日"));
    report_free(r);
    r = variant(NULL, "测试镇人民政府2023年政府信息公开工作年度报告",
                "测试镇人民政府2023年政府信息公开工作年度报告\n发布日期:2024-03-02 来源:测试镇");
    assert_int_equal(fx_count(r, "DATE.LATE"), 1);
    report_free(r);
    r = variant(NULL, "本年度未收取信息处理费。", "本年度未收取信息处理费。\n\n测试镇人民政府\n2024年1月31日");
    assert_int_equal(fx_count(r, "DATE.LATE"), 0);
    report_free(r);
    char *why = NULL;
    r = report_open("sample-reports/404_date_late.txt", &why);
    f = fx_find(r, "DATE.LATE", NULL);
    assert_non_null(f);
    assert_int_equal(f->line, 81);
    assert_int_equal(new_rule_findings(r), 1);
    report_free(r);
    r = report_open("sample-reports/019_crawled_glued_rows.txt", &why);    /* 2024 report dated 2025-01-16 */
    gk_date d;
    assert_int_not_equal(narrative_report_date(r, &d), 0);
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20250116);
    assert_int_equal(fx_count(r, "DATE.LATE"), 0);
    report_free(r);
}

static void test_section5_thin(void **state)
{
    (void)state;
    static const char *const FIVE =
        "存在的主要问题：一是信息公开的及时性还需提高，二是政策解读形式较为单一。"
        "改进情况：下一步将加强业务培训，完善信息发布审核机制，丰富政策解读形式。";
    static const struct {
        const char *text;
        const char *says;
    } cases[] = {
        {"无。", "「无」"},
        {"暂无", "「无」"},
        {"工作仍有不足。", "仅"},
        {"一是政务公开工作人员业务能力有待提升，对条例的理解还不够深入；二是政策解读形式较为单一，图解、视频解读数量较少，群众知晓度不高。",
         "只写了存在的问题"},
        {"下一步，我镇将持续加强政务公开队伍建设，定期组织业务培训，推进政策解读多样化，进一步提升政府信息公开工作质量。",
         "只写了改进措施"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gk_report *r = variant(NULL, FIVE, cases[i].text);
        const gk_finding *f = fx_find(r, "TEXT.SECTION5_THIN", NULL);
        if (!f || !strstr(f->message, cases[i].says))
            fail_msg("%s: %s", cases[i].text, f ? f->message : "(silent)");
        report_free(r);
    }
    /* section 五 missing altogether */
    char *text = fx_report(NULL, NULL, NULL);
    fx_drop_line(text, "五、存在的主要问题及改进情况");
    gk_report *r = fx_parse_text(text);
    free(text);
    assert_non_null(strstr(fx_find(r, "TEXT.SECTION5_THIN", NULL)->message, "缺少第五部分"));
    report_free(r);
    char *why = NULL;
    r = report_open("sample-reports/405_section5_thin.txt", &why);
    assert_int_equal(fx_find(r, "TEXT.SECTION5_THIN", NULL)->line, 72);
    assert_int_equal(new_rule_findings(r), 1);
    report_free(r);
}

static void test_sentences(void **state)
{
    (void)state;
    int a, b;
    const char *s1 = "2023年共收到申请16件，均按时答复。", *s2 = "2024年 共收到申请 3 件,均按时答复。";
    assert_true(narrative_sentence_hash(s1, strlen(s1), &a) == narrative_sentence_hash(s2, strlen(s2), &b));
    assert_int_equal(a, b);
    const char *s3 = "2024年共收到申请3件，均逾期答复。";
    assert_true(narrative_sentence_hash(s1, strlen(s1), NULL) != narrative_sentence_hash(s3, strlen(s3), NULL));
    gk_report *r = fx_parse(NULL, "本镇认真做好政府信息公开工作。\n（一）主动公开\n全年主动公开信息120条，"
                                  "其中政策文件8件。短句。",
                            NULL);
    int n;
    gk_sentence *st = narrative_sentences(r, 0, &n);
    assert_int_equal(n, 2);            /* the subheading and the short sentence are left out */
    assert_string_equal(st[1].text, "全年主动公开信息120条,其中政策文件8件。");
    narrative_sentences_free(st, n);
    report_free(r);
}

static int index_of(const gk_batch *b, const char *name)
{
    for (size_t i = 0; i < b->files.n; i++)
        if (strstr(b->files.v[i].path, name))
            return (int)i;
    fail_msg("%s not listed", name);
    return -1;
}

static void test_xyear_jump_and_copied(void **state)
{
    (void)state;
    gk_batch b;
    char *paths[] = {"sample-reports"};
    batch_open(&b, 1, paths, 1);
    int j22 = index_of(&b, "203_xyear_jump_2022"), j23 = index_of(&b, "204_xyear_jump_2023");
    assert_int_equal(b.next[j22], j23);
    char *why = NULL;
    gk_report *r = batch_load(&b, (size_t)j23, &why);
    const gk_finding *f = fx_find(r, "XYEAR.JUMP", "t2.penalty.decisions");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "7.5 倍"));
    assert_int_equal(new_rule_findings(r), 1);     /* the narratives differ: not copied */
    assert_int_equal(fx_count(r, "XYEAR.CARRY") + fx_count(r, "XYEAR.VALID"), 0);
    report_free(r);
    r = batch_load(&b, (size_t)j22, &why);   /* reported in the later year only */
    assert_int_equal(new_rule_findings(r), 0);
    report_free(r);

    /* the 2024 samples repeat their 2023 reports' text */
    r = batch_load(&b, (size_t)index_of(&b, "202_xyear_xicun_2024"), &why);
    assert_int_equal(fx_count(r, "XYEAR.COPIED"), 2);
    f = fx_find(r, "XYEAR.COPIED", NULL);
    assert_non_null(strstr(f->message, "第一部分"));
    assert_non_null(strstr(f->message, "004_3cc3c4a50339be4b.txt"));
    assert_int_equal(fx_count(r, "XYEAR.JUMP"), 0);
    report_free(r);
    /* a threshold above the share found: silent */
    narrative_set_copied_share(100);
    r = batch_load(&b, (size_t)index_of(&b, "202_xyear_xicun_2024"), &why);
    assert_int_equal(fx_count(r, "XYEAR.COPIED"), 1);   /* 五 is 100%, 一 is 91% */
    report_free(r);
    narrative_set_copied_share(0);
    batch_free(&b);
}

static void test_jump_thresholds(void **state)
{
    (void)state;
    static const struct {
        const char *before, *now;
        int fires;
    } cases[] = {{"10", "51", 1}, {"10", "50", 0}, {"50", "9", 0}, {"60", "11", 1}, {"9", "90", 0}, {"100", "20", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fx_cell a[] = {{"t2.license.decisions", cases[i].before}, {NULL, NULL}};
        fx_cell c[] = {{"t2.license.decisions", cases[i].now}, {NULL, NULL}};
        gk_report *p = fx_parse(a, NULL, NULL), *r = fx_parse(c, NULL, NULL);
        gk_xsummary s;
        xyear_summarize(p, &s);
        s.year = 2022;
        xyear_set_partners(r, &s, NULL);
        rules_check(r);
        if (fx_count(r, "XYEAR.JUMP") != cases[i].fires)
            fail_msg("%s -> %s", cases[i].before, cases[i].now);
        /* the fixture's section 五 is the same both years (一 and 六: one sentence, not judged) */
        assert_int_equal(fx_count(r, "XYEAR.COPIED"), 1);
        assert_non_null(strstr(fx_find(r, "XYEAR.COPIED", NULL)->message, "第五部分"));
        xyear_summary_free(&s);
        report_free(p);
        report_free(r);
    }
}

static void test_samples_silent(void **state)
{
    (void)state;
    /* every sample not made for a new rule stays silent on its own */
    static const char *const LOUD[] = {"014_", "401_", "402_", "403_", "404_", "405_", NULL};
    gk_batch b;
    char *paths[] = {"sample-reports"};
    batch_open(&b, 1, paths, 0);
    for (size_t i = 0; i < b.files.n; i++) {
        const char *p = b.files.v[i].path;
        int loud = 0;
        for (int k = 0; LOUD[k]; k++)
            loud |= strstr(p, LOUD[k]) != NULL;
        char *why = NULL;
        gk_report *r = report_open(p, &why);
        free(why);
        if (!r)
            continue;
        if (!loud && new_rule_findings(r))
            fail_msg("%s: %d findings of the new rules", p, new_rule_findings(r));
        report_free(r);
    }
    batch_free(&b);
}

/* narrative_blank_pending() blanks what a loop of re_find() over
 * GK_NARR_WORDS.wanting blanks, on seeded random texts made of the pattern's
 * words, their pieces and other characters. */
static void test_blank_pending_matches_pattern(void **state)
{
    (void)state;
    static const char *const TOK[] = {"有待", "还需", "仍需", "尚需", "亟待", "需要", "不够", "不", "进一步", "进一",
                                      "一步", "加强", "提升", "提高", "完善", "改进", "优化", "规范", "强化", "推进",
                                      "加", "强", "待", "需", "够", "有", "的", "工作", "，", "。", "a", " ", "1",
                                      "\xe4\xb8", "\xe9", "\xb8\x8d"};
    const int ntok = (int)(sizeof TOK / sizeof *TOK);
    unsigned seed = 16;
    int blanked = 0;
    for (int round = 0; round < 20000; round++) {
        char s[512];
        size_t len = 0;
        int ntoks = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
        for (int k = 0; k < ntoks; k++) {
            seed = seed * 1103515245u + 12345u;
            /* the broken pieces of UTF-8 only in a tenth of the texts */
            int limit = round % 10 ? ntok - 3 : ntok;
            const char *t = TOK[(seed >> 16) % (unsigned)limit];
            memcpy(s + len, t, strlen(t));
            len += strlen(t);
        }
        s[len] = '\0';
        char want[512], got[512];
        memcpy(want, s, len + 1);
        memcpy(got, s, len + 1);
        re_span g[1];
        size_t off = 0;
        while (round % 10 && re_find(GK_NARR_WORDS.wanting, want, len, off, g, 1)) {
            memset(want + g[0].start, ' ', g[0].end - g[0].start);
            off = g[0].end;
        }
        narrative_blank_pending(got, len);
        if (round % 10 == 0) {
            /* not UTF-8: no pattern to compare with; the scan stays within
             * the text and only writes spaces */
            for (size_t i = 0; i < len; i++)
                assert_true(got[i] == s[i] || got[i] == ' ');
            continue;
        }
        blanked += strcmp(want, s) != 0;
        if (strcmp(want, got)) {
            fprintf(stderr, "text:    %s\nwant:    %s\ngot:     %s\n", s, want, got);
            fail();
        }
    }
    assert_true(blanked > 1000);       /* the texts do hold matches */
}

/* TEXT.SECTION5_THIN's "only problems" and "only improvements" (an
 * improvement word left whole where it lies beyond any 有待提升-like match is
 * not looked for after blanking them) against the words looked for after a
 * loop of re_find() over GK_NARR_WORDS.wanting blanked its matches, on
 * seeded random sections 五 made of those words and others. */
static void test_section5_words_match_reference(void **state)
{
    (void)state;
    static const char *const FIVE =
        "存在的主要问题：一是信息公开的及时性还需提高，二是政策解读形式较为单一。"
        "改进情况：下一步将加强业务培训，完善信息发布审核机制，丰富政策解读形式。";
    static const char *const TOK[] = {"有待", "还需", "仍需", "尚需", "亟待", "需要", "不够", "不", "进一步",
                                      "加强", "提升", "提高", "完善", "改进", "优化", "规范", "强化", "推进",
                                      "整改", "下一步", "今后", "持续", "措施", "将继续", "问题", "不足", "短板",
                                      "较少", "单一", "工作", "信息", "公开", "，", "；", "的", "进一", "有待进一步", "不进一步",
                                      "仍需进一步"};
    const int ntok = (int)(sizeof TOK / sizeof *TOK);
    unsigned seed = 55;
    int kinds[3] = {0};
    for (int round = 0; round < 600; round++) {
        sbuf b;
        sbuf_init(&b);
        /* 40 characters or more: not thin */
        sbuf_adds(&b, "本单位政务公开工作人员为各项任务开展了大量细致具体的日常工作，全年共计召开专题会议八次");
        int ntoks = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
        for (int k = 0; k < ntoks; k++) {
            seed = seed * 1103515245u + 12345u;
            sbuf_adds(&b, TOK[(seed >> 16) % (unsigned)ntok]);
        }
        /* what check_section5() reads: the line without its final 。 (none here) */
        char *plain = xstrdup(b.s);
        re_span g[1];
        size_t off = 0;
        while (re_find(GK_NARR_WORDS.wanting, plain, b.len, off, g, 1)) {
            memset(plain + g[0].start, ' ', g[0].end - g[0].start);
            off = g[0].end;
        }
        int p = 0, i = 0;
        for (int k = 0; GK_NARR_WORDS.problem[k]; k++)
            p |= strstr(b.s, GK_NARR_WORDS.problem[k]) != NULL;
        for (int k = 0; GK_NARR_WORDS.improve[k]; k++)
            i |= strstr(plain, GK_NARR_WORDS.improve[k]) != NULL;
        free(plain);
        const char *want = p && !i ? "只写了存在的问题" : i && !p ? "只写了改进措施" : NULL;
        kinds[want ? (p ? 1 : 2) : 0]++;
        gk_report *r = variant(NULL, FIVE, b.s);
        const gk_finding *f = fx_find(r, "TEXT.SECTION5_THIN", NULL);
        if (want ? !f || !strstr(f->message, want) : f != NULL)
            fail_msg("round %d: %s: %s, want %s", round, b.s, f ? f->message : "(silent)", want ? want : "(silent)");
        report_free(r);
        sbuf_free(&b);
    }
    /* each outcome seen */
    assert_true(kinds[0] > 20 && kinds[1] > 20 && kinds[2] > 20);
}

/* narrative_find_date() looks for "20dd" and 年 before trying its two
 * patterns: on seeded random texts of dates' pieces it picks the date the
 * patterns alone pick (the earlier of the two; *end says which). */
static void test_find_date_matches_patterns(void **state)
{
    (void)state;
    static const char *const TOK[] = {"20", "2", "0", "1", "9", "23", "2024", "12", "年", "月", "日", "-", ".", "/",
                                      " ", "二", "〇", "零", "三", "十", "一", "O", "二〇二三年一月二十日", "2023年1月5日",
                                      "2023-01-05", "2009年1月1日", "2010.3.4", "。", "a", "\t", "发布日期：", "２０"};
    const int ntok = (int)(sizeof TOK / sizeof *TOK);
    int dates = 0;
    gen_seed(20);
    for (int round = 0; round < 50000; round++) {
        char s[512];
        size_t len = gen_pieces(s, sizeof s - 1, TOK, (size_t)ntok, 24);
        s[len] = '\0';
        re_span a[6], c[4];
        int fa = re_find(GK_NARR_WORDS.date_arabic, s, len, 0, a, 6);
        int fc = re_find(GK_NARR_WORDS.date_chinese, s, len, 0, c, 4);
        size_t want = (size_t)-1, end = (size_t)-1;
        if (fa && (!fc || a[0].start <= c[0].start))
            want = a[0].end;
        else if (fc)
            want = c[0].end;
        gk_date d;
        int ok = narrative_find_date(s, len, &d, &end);
        dates += ok;
        if (end != want || (want == (size_t)-1 && ok))
            fail_msg("round %d: \"%s\": end %zu, the patterns' %zu", round, s, end, want);
    }
    assert_true(dates > 1000);
}

/* narrative_period() tries its pattern only on lines (each joined to the
 * next) holding "20dd": on seeded random texts of the period's pieces, the
 * line and dates that the pattern tried on every line holding 统计 gives. */
static void test_period_matches_pattern(void **state)
{
    (void)state;
    static const char *const TOK[] = {"统计", "统计期限", "统计时间", "期限", "为", "从", "自", "至", "到", "-", " ",
                                      "2023年1月1日", "2023年", "1月1日", "12月31日", "2024年12月31日", "20",
                                      "2", "0", "23", "202", "年", "月", "日", "。", "\n", "\n", "二〇二三年",
                                      "２０２３", "2023-01-01", "本年度", "a"};
    const int ntok = (int)(sizeof TOK / sizeof *TOK);
    int found = 0;
    gen_seed(77);
    for (int round = 0; round < 20000; round++) {
        char s[1024];
        size_t len = gen_pieces(s, sizeof s - 1, TOK, (size_t)ntok, 40);
        s[len] = '\0';
        const char *why = NULL;
        gk_report r = {0};
        r.text = text_decode(s, len, &why);
        if (!r.text)                   /* an empty text */
            continue;
        /* the reference: the pattern on every line holding 统计, joined to the next */
        const gk_text *t = r.text;
        int want = 0;
        gk_date wa = {0}, wb = {0};
        for (size_t i = 0; i < t->nlines && !want; i++) {
            if (!util_find(t->norm[i].s, t->norm[i].len, "统计", strlen("统计")))
                continue;
            char *b = xasprintf("%s%s", t->norm[i].s, i + 1 < t->nlines ? t->norm[i + 1].s : "");
            re_span g[7];
            if (re_find(GK_NARR_WORDS.period, b, strlen(b), 0, g, 7)) {
                want = (int)i + 1;
                wa.y = atoi(b + g[1].start), wa.m = atoi(b + g[2].start), wa.d = atoi(b + g[3].start);
                wb.y = g[4].start != (size_t)-1 ? atoi(b + g[4].start) : wa.y;
                wb.m = atoi(b + g[5].start), wb.d = atoi(b + g[6].start);
            }
            free(b);
        }
        gk_date a = {0}, b = {0};
        int got = narrative_period(&r, &a, &b);
        if (got != want || (want && (a.y != wa.y || a.m != wa.m || a.d != wa.d || b.y != wb.y || b.m != wb.m ||
                                     b.d != wb.d)))
            fail_msg("round %d: \"%s\": line %d, the pattern's %d", round, s, got, want);
        found += want > 0;
        text_free(r.text);
    }
    assert_true(found > 500);
}

/* cover_letter() as it was first written, the reference for the one in
 * narrative.c (which squeezes a header line holding only 号 or 于 only
 * when it may pass): every header line holding 函, 号 or 于 squeezed and
 * tested.  Returns the 1-based line, 0 when none. */
static const char *ref_skip_debris(const char *s)
{
    static const char *const LEAD[] = {"#", ">", "*", "标题:", "文章标题:", "信息名称:", "名称:", "【", "《", "“", "\""};
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t k = 0; k < sizeof LEAD / sizeof LEAD[0]; k++)
            if (!strncmp(s, LEAD[k], strlen(LEAD[k]))) {
                s += strlen(LEAD[k]);
                changed = 1;
            }
    }
    return s;
}

/* narrative_title() tests year_first only on a title beginning with 2 or
 * 二's first byte, and a tail word's last byte before the word: on seeded
 * titles (years in figures and in characters and near misses, a body's
 * name above or not, closing marks after), the title that the patterns and
 * the words alone give. */
static void test_title_matches_reference(void **state)
{
    (void)state;
    static const char *const ABOVE[] = {"", "某县人民政府", "测试镇2", "某局。", "#某县", "【某县】"};
    static const char *const LEAD[] = {"2023年", "二〇二三年", "二零二三年", "2O23年", "三〇二三年", "某县2023年",
                                       "2023 年", "某县二〇二三年", "202年", "二〇二年"};
    static const char *const MID[] = {"政府信息公开工作年度报告", "度政府信息公开工作年度报告"};
    static const char *const TAIL[] = {"", "】", "》", "”", "\"", "*", "#", "》】", "*#", "】a", "“"};
    static const char *const STRIP[] = {"】", "》", "”", "\"", "*", "#"};
    unsigned seed = 9;
    int joined = 0, stripped = 0;
    for (int round = 0; round < 3000; round++) {
        const char *above = ABOVE[next_rand(&seed) % (sizeof ABOVE / sizeof *ABOVE)];
        const char *lead = LEAD[next_rand(&seed) % (sizeof LEAD / sizeof *LEAD)];
        const char *mid = MID[next_rand(&seed) % 2];
        const char *tail = TAIL[next_rand(&seed) % (sizeof TAIL / sizeof *TAIL)];
        char *text = xasprintf("%s\n%s%s%s\n一、总体情况\n本年度无。\n", above, lead, mid, tail);
        gk_report *r = fx_parse_text(text);
        free(text);
        assert_non_null(r);
        int line = 0;
        char *got = narrative_title(r, &line);
        char *want = NULL;
        if (r->title_line) {
            const gk_text *t = r->text;
            int i = r->title_line - 1;
            char *sq = extract_squeeze(t->norm[i].s);
            want = xstrdup(ref_skip_debris(sq));
            free(sq);
            re_span g[1];
            int j = i - 1;
            while (j >= 0 && !t->norm[j].len)
                j--;
            if (j >= 0 && re_find(GK_NARR_WORDS.year_first, want, strlen(want), 0, g, 1)) {
                char *asq = extract_squeeze(t->norm[j].s);
                const char *a = ref_skip_debris(asq);
                if (*a && !strstr(a, "。") && strlen(a) < 90 && !strpbrk(a, "0123456789")) {
                    char *x = xasprintf("%s%s", a, want);
                    free(want);
                    want = x;
                    joined++;
                }
                free(asq);
            }
            char *rep = strstr(want, "报告");
            if (rep && re_test(GK_NARR_WORDS.title_debris, rep + strlen("报告")))
                rep[strlen("报告")] = '\0';
            for (int changed = 1; changed;) {
                changed = 0;
                size_t n = strlen(want);
                for (size_t k = 0; k < sizeof STRIP / sizeof *STRIP && !changed; k++) {
                    size_t l = strlen(STRIP[k]);
                    if (n >= l && !memcmp(want + n - l, STRIP[k], l)) {
                        want[n - l] = '\0';
                        changed = 1;
                        stripped++;
                    }
                }
            }
        }
        if (want ? !got || strcmp(got, want) : got != NULL)
            fail_msg("round %d: \"%s%s%s\" under \"%s\": title \"%s\", reference \"%s\"", round, lead, mid, tail, above,
                     got ? got : "(none)", want ? want : "(none)");
        free(got);
        free(want);
        report_free(r);
    }
    assert_true(joined > 200 && stripped > 500);
}

static int ref_cover_letter(const gk_report *r)
{
    const gk_text *t = r->text;
    size_t stop = 0;
    for (int nonempty = 0; stop < t->nlines && nonempty < 12; stop++)
        nonempty += t->norm[stop].len > 0;
    for (size_t i = 0; i < stop; i++) {
        const gk_line *l = &t->norm[i];
        if (!util_find(l->s, l->len, "函", 3) && !util_find(l->s, l->len, "号", 3) && !util_find(l->s, l->len, "于", 3))
            continue;
        char *sq = extract_squeeze(l->s);
        const char *s = ref_skip_debris(sq);
        size_t sl = strlen(s);
        int maybe = !strncmp(s, "关于", strlen("关于")) || strstr(s, "函") || (sl >= 3 && !strcmp(s + sl - 3, "号"));
        int hit = maybe && re_test(GK_NARR_WORDS.letter_title, s) && !re_test(GK_NARR_WORDS.report_title, s);
        free(sq);
        if (hit)
            return (int)i + 1;
    }
    re_span g[1];
    for (size_t i = 0; i < t->nlines; i++)
        if (util_find(t->norm[i].s, t->norm[i].len, "函", 3) &&
            re_find(GK_NARR_WORDS.letter_body, t->norm[i].s, t->norm[i].len, 0, g, 1))
            return (int)i + 1;
    return 0;
}

/* The cover letter rule (TITLE.FORM "…的函") against the reference, on
 * seeded random header lines made of what its tests look at: 关于, 函, 号,
 * 于 and their neighbours, blanks anywhere, page debris (long runs of it
 * too, past the 64 bytes narrative.c looks at first), titles of letters and
 * of reports, and the letter's closing words; then a line of a letter's
 * body; the report after them. */
static void test_cover_letter_matches_reference(void **state)
{
    (void)state;
    static const char *const TOK[] = {
        "关于", "关", "于", "函", "号", "的函", "〔2023〕", "12号", " ", "\t", "  ", "#", "##########", ">", "*",
        "标题:", "文章标题:", "信息名称:", "名称:", "【", "《", "“", "\"", "报送", "报告", "情况", "的", "请示",
        "测试镇", "2023年政府信息公开工作年度报告", "政府信息公开工作年度报告", "。", "特此函告", "现将", "请",
        "年度报告", "县政务公开办：", "a", "1"};
    const int ntok = (int)(sizeof TOK / sizeof *TOK);
    char *tail = fx_report(NULL, NULL, NULL);
    unsigned seed = 61, body_seed = 62;
    int letters = 0;
    for (int round = 0; round < 1500; round++) {
        sbuf b;
        sbuf_init(&b);
        int nlines = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 14;
        for (int ln = 0; ln < nlines; ln++) {
            /* a third of the lines shaped as a letter's title: debris, 关于
             * (perhaps with blanks), words, and the end of such a title */
            int shaped = ((seed = seed * 1103515245u + 12345u) >> 16) % 3 == 0;
            if (((seed = seed * 1103515245u + 12345u) >> 16) % 5 == 0) {
                /* a long run of debris first: 关于 past the first 64 bytes, or near them */
                static const char *const DEBRIS[] = {"##########", "文章标题:", "信息名称:", "#", "【", " ", "标 题:"};
                int nd = 3 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
                for (int k = 0; k < nd; k++) {
                    seed = seed * 1103515245u + 12345u;
                    sbuf_adds(&b, DEBRIS[(seed >> 16) % 7u]);
                }
            }
            int ntoks = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 9;
            for (int k = 0; k < ntoks; k++) {
                seed = seed * 1103515245u + 12345u;
                sbuf_adds(&b, TOK[(seed >> 16) % (unsigned)(shaped ? 23 : ntok)]);   /* shaped: up to the debris */
                if (shaped && k == ntoks / 2)
                    sbuf_adds(&b, (seed >> 20) % 2 ? "关于" : "关 \t于");
            }
            if (shaped && !ntoks)
                sbuf_adds(&b, "关于");
            if (shaped)
                sbuf_adds(&b, ((seed = seed * 1103515245u + 12345u) >> 16) % 2 ? "报告的请示" : "情况的报告");
            sbuf_adds(&b, "\n");
        }
        /* a line of a letter's body (its own seed): each piece of the
         * closing 特此函告 or 现将…年度报告…报送…请 (the pattern), or a near
         * miss, or nothing */
        static const char *const BODY[7][4] = {{"特此函", "现将", "现把", "现"}, {"告", "的", "函", "。"},
                                               {"年度报告", "报告", "", "函"},   {"", "函", "的", "。"},
                                               {"报送", "呈报", "报", ""},       {"请", "", "。请", "函请"},
                                               {"函", "", "告", "复"}};
        for (int k = 0; k < 7; k++) {
            body_seed = body_seed * 1103515245u + 12345u;
            sbuf_adds(&b, BODY[k][(body_seed >> 16) % 4]);
        }
        sbuf_adds(&b, "\n");
        sbuf_adds(&b, tail);
        char *why = NULL;
        gk_report *r = report_parse("letter.txt", b.s, b.len, &why);
        free(why);
        sbuf_free(&b);
        if (!r)
            continue;
        int want = ref_cover_letter(r), got = 0;
        for (int i = 0; i < r->nfindings; i++)
            if (!strcmp(r->findings[i].rule, "TITLE.FORM") && strstr(r->findings[i].message, "文件是报送年度报告的函"))
                got = r->findings[i].line;
        letters += want > 0;
        if (want != got)
            fail_msg("round %d: cover letter at line %d, reference %d", round, got, want);
        report_free(r);
    }
    free(tail);
    assert_true(letters > 50);         /* the texts do hold letters */
}

/* The count as it was written first, byte by byte, skipping a character
 * once counted. */
static int cjk_count_ref(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    int n = 0;
    for (size_t i = 0; i + 2 < len; i++) {
        if (u[i] < 0xE3 || u[i] > 0xE9 || (u[i + 1] & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80)
            continue;
        if (u[i] >= 0xE4)
            n += !(u[i] == 0xE4 && u[i + 1] == 0xB7);
        else
            n += u[i + 1] >= 0x90 || (u[i + 1] == 0x80 && u[i + 2] == 0x87);
        i += 2;
    }
    return n;
}

/* narrative_cjk_count() (sixteen positions at a time) against the
 * reference, on seeded random bytes around the edges it tests: leads
 * E2..EA, the continuation bytes 80, 87, 8F, 90, B7, BF, C0, ASCII; and on
 * CJK text with ASCII, 〇 and hexagram symbols, cut at every length. */
static void test_cjk_count_matches_reference(void **state)
{
    (void)state;
    srand(34);
    static const unsigned char alpha[] = {0xE2, 0xE3, 0xE4, 0xE5, 0xE9, 0xEA, 0x80, 0x87, 0x8F,
                                          0x90, 0xB7, 0xBF, 0xC0, 'a',  ' ',  0x00, 0xED, 0xB8};
    char buf[200];
    for (int round = 0; round < 100000; round++) {
        size_t n = (size_t)(rand() % (int)sizeof buf);
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)alpha[rand() % (int)sizeof alpha];
        int want = cjk_count_ref(buf, n), got = narrative_cjk_count(buf, n);
        if (want != got)
            fail_msg("round %d (%zu bytes): %d, reference %d", round, n, got, want);
    }
    /* counted no further than enough: exact below it, at least it above */
    static char mid[2000];
    for (int round = 0; round < 20000; round++) {
        size_t n = (size_t)(rand() % (int)sizeof mid);
        for (size_t i = 0; i < n; i++)
            mid[i] = (char)alpha[rand() % (int)sizeof alpha];
        int enough = rand() % 300, want = cjk_count_ref(mid, n), got = narrative_cjk_count_upto(mid, n, enough);
        if (want < enough ? got != want : got < enough || got > want)
            fail_msg("round %d (%zu bytes, enough %d): %d, reference %d", round, n, enough, got, want);
    }
    /* long texts, mostly CJK: the per-lane counts are summed every 255
     * blocks (4080 bytes) */
    static char big[40000];
    static const char *const chars[] = {"二", "〇", "龥", "㐀", "䷀", "a", " ", "\xE3\x80\x82", "\xE9\xBF"};
    for (int round = 0; round < 200; round++) {
        /* every other text only CJK characters: a lane then counts one
         * block in three, the most it can */
        size_t n = 0, want_len = (size_t)(rand() % (int)(sizeof big - 4)), kinds = round % 2 ? 4 : 9;
        while (n < want_len) {
            const char *c = chars[(size_t)rand() % kinds];
            memcpy(big + n, c, strlen(c));
            n += strlen(c);
        }
        int want = cjk_count_ref(big, n), got = narrative_cjk_count(big, n);
        if (want != got)
            fail_msg("long round %d (%zu bytes): %d, reference %d", round, n, got, want);
    }
    const char *text = "二〇二三年，本机关共收到申请12件。䷀䷁䷂ abc 㐀㐁龥〇〇。";
    size_t tl = strlen(text);
    for (size_t n = 0; n <= tl; n++)
        assert_int_equal(narrative_cjk_count(text, n), cjk_count_ref(text, n));
    assert_int_equal(narrative_cjk_count(text, tl), 19);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rule_table),       cmocka_unit_test(test_dates), cmocka_unit_test(test_title_quoted_whole),
        cmocka_unit_test(test_cjk_count_matches_reference),
        cmocka_unit_test(test_fixture_is_silent), cmocka_unit_test(test_format_outdated),
        cmocka_unit_test(test_title_form),       cmocka_unit_test(test_year_period),
        cmocka_unit_test(test_date_late),        cmocka_unit_test(test_section5_thin),
        cmocka_unit_test(test_sentences),        cmocka_unit_test(test_xyear_jump_and_copied),
        cmocka_unit_test(test_jump_thresholds),  cmocka_unit_test(test_samples_silent),
        cmocka_unit_test(test_blank_pending_matches_pattern),
        cmocka_unit_test(test_cover_letter_matches_reference),
        cmocka_unit_test(test_find_date_matches_patterns),
        cmocka_unit_test(test_period_matches_pattern),
        cmocka_unit_test(test_title_matches_reference),
        cmocka_unit_test(test_section5_words_match_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
