/* test_sections.c — section headings in their many forms, the body and year
 * of reports without a title line, and texts that are not reports.  Inputs
 * are generated from the fixture report with a fixed random sequence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract.h"
#include "fixture.h"
#include "pipeline.h"

static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}
#define PICK(arr, s) (arr)[next_rand(s) % (sizeof(arr) / sizeof((arr)[0]))]

static const char *const STD_HEADINGS[6] = {
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
};

/* Real wordings of each heading (without numeral). */
static const char *const WORDINGS[6][5] = {
    {"总体情况", "总体情况", "总体概况", "总体情况", "总体情况"},
    {"主动公开政府信息情况", "主动公开政府信息的情况", "主动公开政府信息情况", "主动公开信息情况", "主动公开政府信息工作情况"},
    {"收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况", "收到及处理政府信息公开申请情况",
     "依申请公开政府信息情况", "收到和处理政府信息公开申请情况"},
    {"政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
     "政府信息公开行政复议和行政诉讼情况", "行政复议、行政诉讼情况", "因政府信息公开申请行政复议、行政诉讼情况"},
    {"存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及整改措施",
     "存在的问题和改进措施", "工作中存在的主要问题及改进情况"},
    {"其他需要报告的事项", "其它需要报告的事项", "其他需要报告的事项", "其他需要报告的事项", "其他需要报告的事项"},
};
static const char *const CN_NUM[6] = {"一", "二", "三", "四", "五", "六"};

enum { POS_OWN, POS_JOIN_BEFORE, POS_JOIN_AFTER, POS_COUNT };

/* The fixture report cut at its headings: parts[0] the title, parts[k+1]
 * the text under heading k (without the blank lines around it). */
static void split_fixture(char *text, char *parts[7])
{
    char *p = text;
    for (int k = 0; k < 6; k++) {
        char *h = strstr(p, STD_HEADINGS[k]);
        assert_non_null(h);
        assert_true(h - p >= 2);
        h[-2] = '\0';                  /* the "\n\n" before the heading */
        parts[k] = p;
        p = h + strlen(STD_HEADINGS[k]) + 2;
    }
    parts[6] = p;
}

static int count_lines(const char *s)
{
    int n = 1;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* Every section is found on its line, whatever the numeral, wording,
 * markup and place in the line; the text around a heading inside a line
 * stays with its own section. */
static void test_heading_variants(void **state)
{
    (void)state;
    uint32_t seed = 20240131u;
    static const char *const MARKUP[][2] = {{"", ""}, {"#### ", ""}, {"**", "**"}, {"> ", ""}, {"  ", "  "}};
    for (int round = 0; round < 300; round++) {
        char *text = fx_report(NULL, "2023年，本镇共收到政府信息公开申请0件。", NULL);
        char *parts[7];
        split_fixture(text, parts);
        sbuf b;
        sbuf_init(&b);
        sbuf_adds(&b, parts[0]);
        int want[6], pos[6];
        for (int k = 0; k < 6; k++) {
            pos[k] = (int)(next_rand(&seed) % POS_COUNT);
            if (pos[k] == POS_JOIN_AFTER && k != 0 && k != 4 && k != 5)
                pos[k] = POS_OWN;      /* a table never starts on its heading's line */
            char num[16];
            int form = (int)(next_rand(&seed) % (pos[k] == POS_OWN ? 7 : 4));
            switch (form) {
            case 0: snprintf(num, sizeof num, "%s、", CN_NUM[k]); break;
            case 1: snprintf(num, sizeof num, "%d、", k + 1); break;
            case 2: snprintf(num, sizeof num, "%d.", k + 1); break;
            case 3: snprintf(num, sizeof num, "%d. ", k + 1); break;
            case 5: snprintf(num, sizeof num, "第%s部分 ", CN_NUM[k]); break;   /* on its own line only */
            case 6: snprintf(num, sizeof num, "第%s部分、", CN_NUM[k]); break;
            default: num[0] = '\0'; break;   /* no numeral: only a heading on its own line */
            }
            const char *const *mk = PICK(MARKUP, &seed);
            if (pos[k] == POS_JOIN_BEFORE) {
                if (k == 0)
                    sbuf_adds(&b, " ");      /* joined to the title line */
                else if (k == 1 || k == 5)
                    ;                        /* joined to the narrative's last sentence */
                else
                    sbuf_adds(&b, "\n\n以下为本部分内容。");
            } else {
                sbuf_adds(&b, "\n\n");
            }
            want[k] = count_lines(b.s);
            sbuf_printf(&b, "%s%s%s%s", mk[0], num, WORDINGS[k][next_rand(&seed) % 5], mk[1]);
            sbuf_adds(&b, pos[k] == POS_JOIN_AFTER ? (next_rand(&seed) & 1 ? " " : "") : "\n\n");
            sbuf_adds(&b, parts[k + 1]);
        }
        gk_report *r = fx_parse_text(b.s);
        assert_non_null(r);
        for (int k = 0; k < 6; k++)
            if (r->section_line[k] != want[k])
                fail_msg("round %d: section %d on line %d, expected %d (position %d): '%s'", round, k + 1,
                         r->section_line[k], want[k], pos[k], r->text->norm[want[k] - 1].s);
        assert_int_equal(fx_count(r, "STRUCT.SECTION_MISSING"), 0);
        assert_int_equal(fx_count(r, "STRUCT.ROW_MISSING"), 0);
        assert_int_equal(fx_count(r, "CELL.MISSING"), 0);
        assert_int_equal(fx_count(r, "FEE.NOT_REPORTED"), 0);
        assert_int_equal(fx_count(r, "TEXT.MISMATCH"), 0);
        assert_true(r->nstated >= 1);  /* section 一's sentence, wherever its line is */
        assert_int_equal(r->year, 2023);
        assert_string_equal(r->body, "测试镇人民政府");
        /* the heading tests are remembered in the label memo by the line's
         * text: read again with the memo's sets shuffled, and a line seen
         * before, or a line that only shares a set with one, reads the same */
        extract_memo_salt((uint64_t)(round + 1) * 0x9E3779B97F4A7C15ull);
        gk_report *again = fx_parse_text(b.s);
        extract_memo_salt(0);
        assert_non_null(again);
        for (int k = 0; k < 6; k++) {
            assert_int_equal(again->section_line[k], r->section_line[k]);
            assert_int_equal(again->section_col[k], r->section_col[k]);
        }
        report_free(again);
        report_free(r);
        sbuf_free(&b);
        free(text);
    }
}

/* Sentences and subheadings that name a section's words are not headings. */
static void test_sentences_are_not_headings(void **state)
{
    (void)state;
    static const char *const DECOYS[] = {
        "我镇主动公开政府信息情况良好。",
        "（一）主动公开情况",
        "（二）主动公开政府信息情况",
        "(三)收到和处理政府信息公开申请情况",
        "全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
        "针对存在的问题和改进措施，我镇将进一步落实。",
        "其他需要报告的事项已在第六部分说明。",
        "二是主动公开政府信息情况不断改善。",
        "总体情况良好。",
        "三、本年度办理结果总体平稳。",
        "一是收到和处理政府信息公开申请情况良好，二、主动公开政府信息情况说明见后。",
    };
    uint32_t seed = 7u;
    for (int round = 0; round < 60; round++) {
        sbuf n;
        sbuf_init(&n);
        sbuf_adds(&n, "2023年，本镇认真做好政府信息公开工作。");
        for (int i = 0; i < 4; i++)
            sbuf_printf(&n, "%s%s", next_rand(&seed) & 1 ? "\n" : "", PICK(DECOYS, &seed));
        int drop = (int)(next_rand(&seed) % 6);   /* this section's heading is left out */
        char *text = fx_report(NULL, n.s, NULL);
        if (drop > 0) {                /* the heading's own line, not a decoy naming it */
            char line[128];
            snprintf(line, sizeof line, "\n%s\n", STD_HEADINGS[drop]);
            fx_drop_line(text, line + 1);
            assert_null(strstr(text, line));
        }
        gk_report *r = fx_parse_text(text);
        assert_non_null(r);
        for (int k = 1; k < 6; k++) {
            if (k == drop) {
                if (r->section_line[k])
                    fail_msg("round %d: section %d found on line %d though its heading was dropped: '%s'", round,
                             k + 1, r->section_line[k], r->text->norm[r->section_line[k] - 1].s);
            } else {
                char *h = strstr(text, STD_HEADINGS[k]);
                while (h && h[-1] != '\n')
                    h = strstr(h + 1, STD_HEADINGS[k]);   /* the heading's line, not a decoy naming it */
                assert_non_null(h);
                char save = *h;
                *h = '\0';
                int want = count_lines(text);
                *h = save;
                if (r->section_line[k] != want)
                    fail_msg("round %d: section %d on line %d, expected %d\n%s", round, k + 1, r->section_line[k],
                             want, text);
            }
        }
        assert_int_equal(fx_count(r, "STRUCT.SECTION_MISSING"), drop > 0 ? 1 : 0);
        report_free(r);
        free(text);
        sbuf_free(&n);
    }
}

static const char *const BODIES[] = {
    "卫辉市汲水镇", "北京市通州区漷县镇人民政府", "川汇区政府办公室", "青禾县人力资源和社会保障局",
    "安澜市自然资源和规划局", "次营镇人民政府", "东湖街道办事处",
};
static const char *const DEBRIS[] = {
    "", "标题：", "标题:", "标题: ", "名称", "名称：", "来源:", "> ", "# ", "## 标题：",
    "索引号：11410781/2024-00012 ", "发布日期：2024-01-20 ", "索引号：001/2024-0003 发布日期：2024-01-20 标题：",
    "【标题】",
};

/* Body and year from a title line with page debris before it, a title
 * quoted in a sentence, or no title at all (the year from the statistics
 * period, the body from the text). */
static void test_body_and_year(void **state)
{
    (void)state;
    uint32_t seed = 99u;
    for (int round = 0; round < 400; round++) {
        const char *body = PICK(BODIES, &seed), *debris = PICK(DEBRIS, &seed);
        int year = 2021 + (int)(next_rand(&seed) % 5), form = (int)(next_rand(&seed) % 6);
        size_t bl = strlen(body);
        int ends_gov = bl >= 6 && !strcmp(body + bl - 6, "政府");
        char period[200], narrative[600];
        snprintf(period, sizeof period, "本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", year, year);
        sbuf title, extra;
        sbuf_init(&title);
        sbuf_init(&extra);
        switch (form) {
        case 0:                        /* "<debris><body> 2023 年政府信息公开工作年度报告" */
            sbuf_printf(&title, "%s%s%s%d%s年政府信息公开工作年度报告", debris, body, next_rand(&seed) & 1 ? " " : "",
                        year, next_rand(&seed) & 1 ? " " : "");
            break;
        case 1:                        /* the body on the line above */
            sbuf_printf(&title, "%s%s\n%d年政府信息公开工作年度报告", debris, body, year);
            break;
        case 2:                        /* "2023年度<body>政府信息公开工作年度报告" */
            sbuf_printf(&title, "%s%d年度%s%s信息公开工作年度报告", debris, year, body, ends_gov ? "" : "政府");
            break;
        case 3:                        /* quoted in a sentence */
            sbuf_printf(&extra, "现将《%s%d年政府信息公开工作年度报告》予以发布。", body, year);
            break;
        case 4:                        /* no title: the body in the 落款 */
            break;
        default:                       /* no title: "本报告由…编制" */
            sbuf_printf(&extra, "本报告由%s编制。", body);
            break;
        }
        snprintf(narrative, sizeof narrative, "%s%d年，我单位认真做好政府信息公开工作。%s", extra.s ? extra.s : "", year,
                 form >= 3 ? period : "");
        char section6[300];
        snprintf(section6, sizeof section6, "本年度未收取信息处理费。\n\n%s\n%d年1月20日", form == 4 ? body : "",
                 year + 1);
        char *text = fx_report(NULL, narrative, section6);
        /* the fixture's title line becomes this round's, or goes */
        char *nl = strchr(text, '\n');
        sbuf t;
        sbuf_init(&t);
        if (form < 3)
            sbuf_adds(&t, title.s);
        sbuf_adds(&t, nl);
        gk_report *r = fx_parse_text(t.s);
        assert_non_null(r);
        char want[200];
        snprintf(want, sizeof want, "%s", body);
        if (strcmp(r->body, want) || r->year != year)
            fail_msg("round %d (form %d, debris '%s'): body '%s' year %d, expected '%s' %d\n%s", round, form, debris,
                     r->body, r->year, want, year, t.s);
        assert_int_equal(fx_count(r, "YEAR.MISMATCH"), 0);
        report_free(r);
        sbuf_free(&t);
        sbuf_free(&title);
        sbuf_free(&extra);
        free(text);
    }
}

/* Texts that are not reports are refused with one reason; a report without
 * a title but with its tables is not. */
static void test_not_a_report(void **state)
{
    (void)state;
    static const char *const TEXTS[] = {
        "# gkreview\n\nA tool. Build with `make`, then run `./gkreview FILE`.\n\n## License\n\nMIT\n",
        "第一章\n\n那年冬天，雪下得很大。他站在门口，望着远处的山。\n\n“回来吧。”她说。\n",
        "name,year,count\n汲水镇,2023,6\n柳塘镇,2023,7\n",
        "2023年工作总结\n\n今年我们完成了各项任务。\n",
    };
    for (size_t i = 0; i < sizeof TEXTS / sizeof TEXTS[0]; i++) {
        char *why = NULL;
        gk_report *r = report_parse("x.txt", TEXTS[i], strlen(TEXTS[i]), &why);
        assert_null(r);
        assert_non_null(why);
        assert_string_equal(why, GK_NOT_A_REPORT);
        free(why);
    }
    /* no title line, no year anywhere: the tables still make it a report */
    char *text = fx_report(NULL, "本镇认真做好政府信息公开工作。", NULL);
    char *nl = strchr(text, '\n');
    char *why = NULL;
    gk_report *r = report_parse("x.txt", nl, strlen(nl), &why);
    assert_non_null(r);
    assert_null(why);
    assert_int_equal(r->year, 0);
    report_free(r);
    free(text);
}

/* Reports whose tables were lost in conversion (their headings left, or all of
 * sections 二 to 四 but the headings dropped at random), on years 2015 to 2027:
 * no table tells the format, the year does — the 2019 format's cells for
 * reports on 2019 and 2020, the 2021 format's otherwise (the format itself
 * stays unknown).  With the tables kept, they decide, whatever the year. */
static void test_tables_lost_format_by_year(void **state)
{
    (void)state;
    uint32_t s = 20261205;
    for (int iter = 0; iter < 120; iter++) {
        int year = 2015 + (int)(next_rand(&s) % 13), keep = next_rand(&s) % 4 == 0;
        char *full = fx_report(NULL, NULL, NULL), y[16];
        snprintf(y, sizeof y, "%d年", year);
        fx_replace(full, "2023年", y);
        fx_replace(full, "2023年", y);
        sbuf b;
        sbuf_init(&b);
        if (keep) {
            sbuf_adds(&b, full);
        } else {
            const char *two = strstr(full, "二、主动公开"), *five = strstr(full, "五、存在的主要问题");
            assert_non_null(two);
            assert_non_null(five);
            sbuf_add(&b, full, (size_t)(two - full));
            for (int k = 1; k < 4; k++)
                if (next_rand(&s) % 3)
                    sbuf_printf(&b, "%s\n\n", STD_HEADINGS[k]);
            sbuf_adds(&b, five);
        }
        gk_report *r = fx_parse_text(b.s);
        assert_non_null(r);
        assert_int_equal(r->year, year);
        gk_format want = keep || year < 2019 || year > 2020 ? GK_FMT_2021 : GK_FMT_2019;
        if (r->tpl->format != want || (!keep && r->format != GK_FMT_UNKNOWN))
            fail_msg("year %d, tables %s: template %d (want %d), format %d", year, keep ? "kept" : "lost",
                     (int)r->tpl->format, (int)want, (int)r->format);
        report_free(r);
        sbuf_free(&b);
        free(full);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heading_variants),
        cmocka_unit_test(test_sentences_are_not_headings),
        cmocka_unit_test(test_body_and_year),
        cmocka_unit_test(test_not_a_report),
        cmocka_unit_test(test_tables_lost_format_by_year),
    };
    return cmocka_run_group_tests_name("sections", tests, NULL, NULL);
}
