/* test_rules.c — every rule and the inference, on reports built in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "rules.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A consistent base: 3 new applications from natural persons, all granted. */
#define BASE                                                                         \
    {"t3.new.natural", "3"}, {"t3.new.total", "3"}, {"t3.granted.natural", "3"},     \
        {"t3.granted.total", "3"}, {"t3.handled_total.natural", "3"},                \
        {"t3.handled_total.total", "3"}

static void test_clean_report_has_no_findings(void **state)
{
    (void)state;
    fx_cell ov[] = {BASE, {NULL, NULL}};
    gk_report *r = fx_parse(ov, "2023年共收到政府信息公开申请3件，予以公开3件。", NULL);
    assert_non_null(r);
    for (int i = 0; i < r->nfindings; i++)
        print_message("unexpected: %s %s\n", r->findings[i].rule, r->findings[i].message);
    assert_int_equal(r->nfindings, 0);
    assert_string_equal(r->body, "测试镇人民政府");
    assert_int_equal(r->year, 2023);
    assert_int_equal(r->format, GK_FMT_2021);
    const gk_cell *c = fx_cell_of(r, "t3.granted.natural");
    assert_int_equal(c->status, GK_ST_EXTRACTED);
    assert_true(c->value == 3);
    assert_true(c->line > 0);
    report_free(r);
}

static void test_row_total(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t3.granted.total", "4"}, BASE, {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    const gk_finding *f = fx_find(r, "T3.ROW_TOTAL", "t3.granted.total");
    assert_non_null(f);
    assert_int_equal(f->severity, GK_SEV_ERROR);
    assert_int_equal(f->line, fx_cell_of(r, "t3.granted.total")->line);
    assert_non_null(strstr(f->message, "总计为 4"));
    assert_int_equal(fx_count(r, "T3.ROW_TOTAL"), 1);
    /* the total column no longer sums either */
    assert_non_null(fx_find(r, "T3.HANDLED_SUM", "t3.handled_total.total"));
    assert_true(r->nerrors >= 2);
    report_free(r);
}

static void test_balance(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t3.carried_out.natural", "1"}, {"t3.carried_out.total", "1"}, BASE, {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    assert_int_equal(fx_count(r, "T3.BALANCE"), 2);
    const gk_finding *f = fx_find(r, "T3.BALANCE", "t3.carried_out.natural");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "自然人列"));
    assert_int_equal(fx_count(r, "T3.ROW_TOTAL"), 0);
    report_free(r);
}

static void test_handled_sum(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t3.new.natural", "4"}, {"t3.new.total", "4"}, {"t3.handled_total.natural", "4"},
                    {"t3.handled_total.total", "4"}, {"t3.granted.natural", "3"}, {"t3.granted.total", "3"},
                    {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    assert_int_equal(fx_count(r, "T3.HANDLED_SUM"), 2);
    assert_int_equal(fx_count(r, "T3.BALANCE"), 0);
    report_free(r);
}

static void test_t4_group_total(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t4.review.upheld", "1"}, {"t4.review.total", "2"}, {"t4.suit_direct.pending", "1"},
                    {"t4.suit_direct.total", "1"}, {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    assert_int_equal(fx_count(r, "T4.GROUP_TOTAL"), 1);
    assert_non_null(fx_find(r, "T4.GROUP_TOTAL", "t4.review.total"));
    assert_true(fx_cell_of(r, "t4.suit_direct.pending")->value == 1);
    report_free(r);
}

static void test_valid_ge(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t2.normative.issued", "5"}, {"t2.normative.repealed", "1"}, {"t2.normative.valid", "2"},
                    {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    const gk_finding *f = fx_find(r, "T2.VALID_GE", "t2.normative.valid");
    assert_non_null(f);
    assert_int_equal(f->severity, GK_SEV_WARNING);
    assert_int_equal(fx_count(r, "T2.VALID_GE"), 1);
    report_free(r);
}

/* A decimal or a negative number read from the table is noted by kind
 * (check_cells() passes over whole, non-negative read cells at once). */
static void test_negative_and_not_integer(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t2.license.decisions", "2.5"}, {"t2.fee.amount", "2.5"}, {"t2.penalty.decisions", "-1"},
                    {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    assert_non_null(fx_find(r, "CELL.NOT_INTEGER", "t2.license.decisions"));
    assert_null(fx_find(r, "CELL.NOT_INTEGER", "t2.fee.amount"));
    assert_true(fx_cell_of(r, "t2.fee.amount")->value == 2.5);
    assert_non_null(fx_find(r, "CELL.NEGATIVE", "t2.penalty.decisions"));
    assert_int_equal(fx_count(r, "CELL.NEGATIVE"), 1);
    report_free(r);
}

static void test_blank_counts_as_zero(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t2.penalty.decisions", "-"}, {"t3.deny.law.legal", "无"}, {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    const gk_cell *c = fx_cell_of(r, "t2.penalty.decisions");
    assert_int_equal(c->status, GK_ST_BLANK);
    assert_true(c->value == 0);
    assert_non_null(fx_find(r, "CELL.BLANK", "t2.penalty.decisions"));
    assert_non_null(fx_find(r, "CELL.BLANK", "t3.deny.law.legal"));
    assert_int_equal(fx_count(r, "CELL.INFERRED"), 0);
    report_free(r);
}

static void test_blank_inferred(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t3.new.natural", ""}, BASE, {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    const gk_cell *c = fx_cell_of(r, "t3.new.natural");
    assert_int_equal(c->status, GK_ST_INFERRED);
    assert_true(c->value == 3);
    assert_non_null(c->equation);
    assert_non_null(strstr(c->equation, "T3.ROW_TOTAL"));
    const gk_finding *f = fx_find(r, "CELL.INFERRED", "t3.new.natural");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "本年新收·自然人 缺失，按勾稽关系推算为 3"));
    assert_int_equal(r->nerrors, 0);
    report_free(r);
}

/* Inference runs again on every check: a correction of the inferred cell
 * leaves nothing to infer, undoing it brings the inferred value back. */
static void test_inference_after_correction(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t3.new.natural", ""}, BASE, {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    int idx = template_cell_index(r->tpl, "t3.new.natural");
    report_correct(r, idx, 3);
    rules_check(r);
    assert_int_equal(r->cells[idx].status, GK_ST_CORRECTED);
    assert_null(r->cells[idx].equation);
    assert_int_equal(fx_count(r, "CELL.INFERRED"), 0);
    report_uncorrect(r, idx);
    rules_check(r);
    assert_int_equal(r->cells[idx].status, GK_ST_INFERRED);
    assert_true(r->cells[idx].value == 3);
    assert_non_null(r->cells[idx].equation);
    assert_non_null(fx_find(r, "CELL.INFERRED", "t3.new.natural"));
    report_free(r);
}

static void test_missing_row_inferred_or_left_missing(void **state)
{
    (void)state;
    fx_cell ov[] = {BASE, {NULL, NULL}};
    char *text = fx_report(ov, NULL, NULL);
    fx_drop_line(text, "属于行政查询事项");
    gk_report *r = fx_parse_text(text);
    assert_non_null(fx_find(r, "STRUCT.ROW_MISSING", "t3.deny.inquiry.natural"));
    const gk_cell *c = fx_cell_of(r, "t3.deny.inquiry.natural");
    assert_int_equal(c->status, GK_ST_INFERRED);
    assert_true(c->value == 0);
    assert_int_equal(c->line, 0);
    report_free(r);

    /* two rows lost where the handled sum leaves 0 for them: counts are
     * never negative, so both are 0 */
    fx_drop_line(text, "属于行政执法案卷");
    r = fx_parse_text(text);
    c = fx_cell_of(r, "t3.deny.inquiry.natural");
    assert_int_equal(c->status, GK_ST_INFERRED);
    assert_true(c->value == 0);
    assert_non_null(strstr(c->equation, "2 个未知数之和须为 0"));
    assert_int_equal(fx_cell_of(r, "t3.deny.enforcement.total")->status, GK_ST_INFERRED);
    assert_int_equal(fx_count(r, "STRUCT.ROW_MISSING"), 2);
    assert_int_equal(r->nerrors, 2);
    report_free(r);
    free(text);

    /* two rows lost where the handled sum leaves 1 for them: which row holds
     * it cannot be told; the columns that leave 0 are still 0 */
    fx_cell ov1[] = {{"t3.new.natural", "4"}, {"t3.new.total", "4"}, {"t3.granted.natural", "3"},
                     {"t3.granted.total", "3"}, {"t3.deny.inquiry.natural", "1"}, {"t3.deny.inquiry.total", "1"},
                     {"t3.handled_total.natural", "4"}, {"t3.handled_total.total", "4"}, {NULL, NULL}};
    text = fx_report(ov1, NULL, NULL);
    r = fx_parse_text(text);
    assert_int_equal(r->nerrors, 0);
    report_free(r);
    fx_drop_line(text, "属于行政查询事项");
    fx_drop_line(text, "属于行政执法案卷");
    r = fx_parse_text(text);
    assert_int_equal(fx_cell_of(r, "t3.deny.inquiry.natural")->status, GK_ST_MISSING);
    assert_int_equal(fx_cell_of(r, "t3.deny.enforcement.natural")->status, GK_ST_MISSING);
    assert_int_equal(fx_cell_of(r, "t3.deny.inquiry.total")->status, GK_ST_MISSING);
    assert_int_equal(fx_cell_of(r, "t3.deny.inquiry.business")->status, GK_ST_INFERRED);
    assert_true(fx_cell_of(r, "t3.deny.inquiry.business")->value == 0);
    assert_int_equal(fx_count(r, "T3.HANDLED_SUM"), 0); /* not evaluated on unknown values */
    report_free(r);
    free(text);
}

/* Result rows' natural-person counts drawn at random, the handled total H (and new)
 * drawn too, one result row lost (its line dropped): the handled sum's equation of
 * that column has one unknown, the lost row's count, which is never negative.  When
 * the rows read already add up to more than H, no value makes it hold: one
 * T3.HANDLED_SUM names it in each of the two columns (natural persons, total) (the engine before evaluated no equation with a cell
 * missing: silent); else the count is inferred and nothing is reported.  300
 * generated reports. */
static void test_equation_bound_with_missing(void **state)
{
    (void)state;
    static const char *const ROW[][2] = {{"t3.deny.inquiry", "属于行政查询事项"},
                                         {"t3.deny.enforcement", "属于行政执法案卷"},
                                         {"t3.reject.repeat", "重复申请"},
                                         {"t3.unable.unclear", "补正后申请内容仍不明确"},
                                         {"t3.reject.complaint", "信访举报投诉类申请"}};
    enum { NR = sizeof ROW / sizeof ROW[0] };
    uint64_t seed = 20261223;
    int over = 0, under = 0;
    for (int iter = 0; iter < 300; iter++) {
        char ids[2 * NR + 4][48], vals[2 * NR + 4][16];
        fx_cell ov[2 * NR + 5];
        int n = 0, sum = 0, v[NR];
        for (int k = 0; k < NR; k++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            v[k] = (int)((seed >> 33) % 9);
            sum += v[k];
            for (int t = 0; t < 2; t++) {
                snprintf(ids[n], sizeof ids[n], "%s.%s", ROW[k][0], t ? "total" : "natural");
                snprintf(vals[n], sizeof vals[n], "%d", v[k]);
                ov[n] = (fx_cell){ids[n], vals[n]};
                n++;
            }
        }
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        int h = (int)((seed >> 33) % (unsigned)(sum + 6)), lost = (int)((seed >> 40) % NR);
        const char *hid[] = {"t3.handled_total.natural", "t3.handled_total.total", "t3.new.natural", "t3.new.total"};
        for (int t = 0; t < 4; t++) {
            snprintf(ids[n], sizeof ids[n], "%s", hid[t]);
            snprintf(vals[n], sizeof vals[n], "%d", h);
            ov[n] = (fx_cell){ids[n], vals[n]};
            n++;
        }
        ov[n] = (fx_cell){NULL, NULL};
        char *text = fx_report(ov, NULL, NULL);
        fx_drop_line(text, ROW[lost][1]);
        gk_report *r = fx_parse_text(text);
        assert_non_null(r);
        int known = sum - v[lost], want = known > h;
        char lost_id[64];
        snprintf(lost_id, sizeof lost_id, "%s.natural", ROW[lost][0]);
        assert_int_equal(fx_cell_of(r, lost_id)->read_status, GK_ST_MISSING);
        if (fx_count(r, "T3.HANDLED_SUM") != 2 * want)   /* its natural and total columns */
            fail_msg("iteration %d: rows read add up to %d, handled total %d: %d T3.HANDLED_SUM findings", iter, known,
                     h, fx_count(r, "T3.HANDLED_SUM"));
        if (want)
            assert_non_null(fx_find(r, "T3.HANDLED_SUM", lost_id));
        over += want;
        under += !want;
        report_free(r);
        free(text);
    }
    assert_true(over > 30 && under > 30);
}

static void test_inference_conflict_not_guessed(void **state)
{
    (void)state;
    /* row total says 3, the balance of the column says 2: no unique value */
    fx_cell ov[] = {{"t3.new.natural", ""}, {"t3.handled_total.natural", "2"}, BASE, {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    const gk_cell *c = fx_cell_of(r, "t3.new.natural");
    assert_int_equal(c->status, GK_ST_BLANK);
    assert_int_equal(fx_count(r, "CELL.INFERRED"), 0);
    assert_true(r->nerrors > 0);
    report_free(r);
}

static void test_correction_and_dismissal(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t3.granted.total", "4"}, BASE, {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    int errors = r->nerrors;
    assert_true(errors >= 2);
    int idx = template_cell_index(r->tpl, "t3.granted.total");
    report_correct(r, idx, 3);
    rules_check(r);
    assert_int_equal(r->cells[idx].status, GK_ST_CORRECTED);
    assert_true(r->cells[idx].value == 3);
    assert_true(r->cells[idx].read_value == 4);
    assert_int_equal(r->nerrors, 0);
    report_uncorrect(r, idx);
    report_dismiss(r, "T3.ROW_TOTAL", idx, "原表如此，已电话核实");
    rules_check(r);
    const gk_finding *f = fx_find(r, "T3.ROW_TOTAL", "t3.granted.total");
    assert_non_null(f);
    assert_true(f->dismissed);
    assert_string_equal(f->dismiss_reason, "原表如此，已电话核实");
    assert_int_equal(r->nerrors, errors - 1);
    report_free(r);
}

static void test_text_mismatch(void **state)
{
    (void)state;
    fx_cell ov[] = {BASE, {NULL, NULL}};
    gk_report *r = fx_parse(ov, "2023年共收到政府信息公开申请5件，其中予以公开3件。", NULL);
    const gk_finding *f = fx_find(r, "TEXT.MISMATCH", "t3.new.total");
    assert_non_null(f);
    assert_int_equal(f->line, 5);
    assert_int_equal(fx_count(r, "TEXT.MISMATCH"), 1);
    report_free(r);

    r = fx_parse(ov, "2023年未收到政府信息公开申请。", NULL);
    assert_int_equal(fx_count(r, "TEXT.MISMATCH"), 1);
    report_free(r);

    r = fx_parse(ov, "本年度发生行政复议2件。", NULL);
    assert_non_null(fx_find(r, "TEXT.MISMATCH", "t4.review.total"));
    report_free(r);
}

/* Each narrative count is compared with its own cells (the rules look
 * them up once per template): a mismatch names exactly those cells. */
static void test_text_mismatch_cells(void **state)
{
    (void)state;
    static const struct {
        const char *narrative;
        const char *cells[2];
    } cases[] = {
        {"2023年共收到政府信息公开申请5件。", {"t3.new.total", NULL}},
        {"其中予以公开5件。", {"t3.granted.total", NULL}},
        {"部分公开5件。", {"t3.partial.total", NULL}},
        {"上年结转5件。", {"t3.carried_in.total", NULL}},
        {"结转下年度继续办理5件。", {"t3.carried_out.total", NULL}},
        {"本年度发生行政复议5件。", {"t4.review.total", NULL}},
        {"本年度发生行政诉讼5件。", {"t4.suit_direct.total", "t4.suit_after_review.total"}},
    };
    fx_cell ov[] = {BASE, {NULL, NULL}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gk_report *r = fx_parse(ov, cases[i].narrative, NULL);
        assert_int_equal(fx_count(r, "TEXT.MISMATCH"), 1);
        const gk_finding *f = fx_find(r, "TEXT.MISMATCH", NULL);
        int n = cases[i].cells[1] ? 2 : 1;
        assert_int_equal(f->ncells, n);
        for (int k = 0; k < n; k++)
            assert_int_equal(f->cells[k], template_cell_index(r->tpl, cases[i].cells[k]));
        report_free(r);
    }
}

static void test_fee_statement(void **state)
{
    (void)state;
    gk_report *r = fx_parse(NULL, NULL, "无");
    assert_int_equal(fx_count(r, "FEE.NOT_REPORTED"), 1);
    report_free(r);
    r = fx_parse(NULL, NULL, "本机关2023年度未收取政府信息公开信息处理费。");
    assert_int_equal(fx_count(r, "FEE.NOT_REPORTED"), 0);
    report_free(r);
}

static void test_year_mismatch(void **state)
{
    (void)state;
    gk_report *r = fx_parse(NULL, "本报告统计期限为2022年1月1日至2022年12月31日。2022年，本镇做好公开工作。", NULL);
    assert_int_equal(r->period_year, 2022);
    assert_int_equal(fx_count(r, "YEAR.MISMATCH"), 2);
    report_free(r);
    /* any year of the century, not only those near now */
    r = fx_parse(NULL, "2099年，本镇做好公开工作。2099年全年无复议。", NULL);
    assert_int_equal(r->narrative_year, 2099);
    assert_int_equal(fx_count(r, "YEAR.MISMATCH"), 1);
    report_free(r);
}

static void test_structure(void **state)
{
    (void)state;
    char *text = fx_report(NULL, NULL, NULL);
    fx_drop_line(text, "五、存在的主要问题及改进情况");
    fx_replace(text, "\n总计\t", "\n总记\t");
    gk_report *r = fx_parse_text(text);
    assert_int_equal(fx_count(r, "STRUCT.SECTION_MISSING"), 1);
    const gk_finding *f = fx_find(r, "STRUCT.LABEL_VARIANT", "t3.handled_total.total");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "总记"));
    report_free(r);
    free(text);
}

/* Row labels that differ from the template are noted whether what they
 * tell of the rows is worked out or remembered (extract.c's label memo):
 * the same report read twice gives the same notes. */
static void test_row_label_variants_read_twice(void **state)
{
    (void)state;
    char *text = fx_report(NULL, NULL, NULL);
    fx_replace(text, "\n行政规范性文件\t", "\n规范性文件\t");
    fx_replace(text, "\n本年新收政府信息公开申请数量\t", "\n本年新收申请数\t");
    for (int pass = 0; pass < 2; pass++) {
        gk_report *r = fx_parse_text(text);
        const gk_finding *f = fx_find(r, "STRUCT.LABEL_VARIANT", "t2.normative.valid");
        assert_non_null(f);
        assert_non_null(strstr(f->message, "行标签「规范性文件」与模板「行政规范性文件」不一致"));
        f = fx_find(r, "STRUCT.LABEL_VARIANT", "t3.new.total");
        assert_non_null(f);
        assert_non_null(strstr(f->message, "行标签「本年新收申请数」"));
        assert_int_equal(fx_count(r, "STRUCT.LABEL_VARIANT"), 2);
        assert_int_equal(fx_count(r, "STRUCT.ROW_MISSING"), 0);
        assert_true(fx_cell_of(r, "t3.new.total")->line > 0);
        report_free(r);
    }
    free(text);
}

/* Each form of section heading the patterns allow is found: markup,
 * numerals, separators and spaces before the words, and each start of
 * section 四's words (find_sections() turns lines away by their first
 * character before trying a pattern: a wrong test there loses headings). */
static void test_section_heading_forms(void **state)
{
    (void)state;
    static const char *const headings[6] = {
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    };
    static const char *const words[6] = {
        "总体情况", "主动公开政府信息的情况", "收到和处理政府信息公开申请情况",
        NULL, "存在主要问题及改进措施", "其他需要报告的事项",
    };
    static const char *const words4[2] = {"政府信息公开行政复议、行政诉讼情况", "行政复议和行政诉讼情况"};
    static const char *const hanzi[6] = {"一", "二", "三", "四", "五", "六"};
    static const char *const forms[] = {"%s、%s", "%s.%s", "## %s、%s", "> **%s %s**", "\t%s ,%s", "%s:%s #", "%.0s%s"};
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        for (int digits = 0; digits < 2; digits++) {
            char *text = fx_report(NULL, NULL, NULL);
            for (int k = 0; k < 6; k++) {
                const char numeral[2] = {(char)('1' + k), '\0'};
                char line[160];
                snprintf(line, sizeof line, forms[f], digits ? numeral : hanzi[k], k == 3 ? words4[digits] : words[k]);
                char *at = strstr(text, headings[k]);
                assert_non_null(at);
                size_t hl = strlen(headings[k]), ll = strlen(line);
                char *next = xmalloc(strlen(text) - hl + ll + 1);
                memcpy(next, text, (size_t)(at - text));
                memcpy(next + (at - text), line, ll);
                strcpy(next + (at - text) + ll, at + hl);
                free(text);
                text = next;
            }
            gk_report *r = fx_parse_text(text);
            for (int k = 0; k < 6; k++)
                if (!r->section_line[k])
                    fail_msg("form 「%s」 (%s numerals): section %d not found", forms[f], digits ? "digit" : "CJK", k + 1);
            assert_int_equal(fx_count(r, "STRUCT.SECTION_MISSING"), 0);
            report_free(r);
            free(text);
        }
    }
}

/* The format is told by table 2's header words (count_hits() looks for
 * both formats' words in one pass over the lines, each needed character
 * once a line), else by table 3's 其他处理 rows. */
static void test_format_detection(void **state)
{
    (void)state;
    static const struct {
        const char *header;
        gk_format want;
    } cases[] = {
        {"信息内容\t本年制发件数\t本年废止件数\t现行有效件数", GK_FMT_2021},
        {"信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量", GK_FMT_2019},
        {"信息内容\t本年收费金额", GK_FMT_2021},             /* 额 without 数 */
        {"信息内容\t政府集中采购", GK_FMT_2019},             /* 购 without 数 */
        {"信息内容\t其他对外管理服务事项\t本年收费金额", GK_FMT_2021},   /* one each: a tie */
        {"信息内容\t其他对外管理服务事项\t采购项目数量\t本年收费金额", GK_FMT_2019},
        {"信息内容", GK_FMT_2021},                            /* table 3's 逾期不补正 rows */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = fx_report(NULL, NULL, NULL);
        fx_replace(text, "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", cases[i].header);
        gk_report *r = fx_parse_text(text);
        if (r->format != cases[i].want)
            fail_msg("%s: format %d, want %d", cases[i].header, r->format, cases[i].want);
        report_free(r);
        free(text);
    }
}

static void test_title_forms(void **state)
{
    (void)state;
    struct {
        const char *text, *body;
        int year;
    } cases[] = {
        {"卫辉市汲水镇 2023 年政府信息公开工作年度报告\n一、总体情况\n", "卫辉市汲水镇", 2023},
        {"2022年度卫辉市汲水镇政府信息公开工作年度报告\n一、总体情况\n", "卫辉市汲水镇", 2022},
        {"2023年某县人民政府信息公开工作年度报告\n一、总体情况\n", "某县人民政府", 2023},
        {"某县人民政府办公室二〇二三年政府信息公开工作年度报告\n", "某县人民政府办公室", 2023},
        {"\n北京市通州区漷县镇人民政府\n2023年政府信息公开工作年度报告\n", "北京市通州区漷县镇人民政府", 2023},
        {"# 川汇区政府办公室 2023 年政府信息公开工作年度报\n\n告\n", "川汇区政府办公室", 2023},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gk_report *r = fx_parse_text(cases[i].text);
        assert_non_null(r);
        assert_string_equal(r->body, cases[i].body);
        assert_int_equal(r->year, cases[i].year);
        report_free(r);
    }
}

/* The equation rules (check_equations() sums each equation's terms from
 * lists split by the sign of their coefficient, made once per template)
 * against the equations' terms summed as written: on seeded random cells
 * (whole numbers, decimals whose sums depend on their order, negatives,
 * missing and blank cells), the same failing equations with the same
 * messages.  Every other round has no missing cell: check_equations()
 * then sums without testing each term for one. */
static void test_equations_match_reference(void **state)
{
    (void)state;
    static const double VALUES[] = {0, 1, 2, 3, 5, 7, 0.1, 0.2, 0.3, 0.7, 1e15, 1e-7, -1, -0.1, 12345.5};
    gk_report *r = fx_parse(NULL, NULL, NULL);
    assert_non_null(r);
    const gk_template *t = r->tpl;
    unsigned seed = 33;
    int failing = 0, failing_whole = 0;
    for (int round = 0; round < 400; round++) {
        for (int i = 0; i < t->ncells; i++) {
            gk_cell *c = &r->cells[i];
            unsigned x = (seed = seed * 1103515245u + 12345u) >> 16;
            c->corrected = 0;
            if (round % 2 && x % 100 < 8) {
                c->read_status = GK_ST_MISSING;
                c->read_value = 0;
            } else if (x % 100 < 14) {
                c->read_status = GK_ST_BLANK;
                c->read_value = 0;
            } else {
                c->read_status = GK_ST_EXTRACTED;
                /* mostly zeros, as in a report, so that some equations hold */
                c->read_value = x % 100 < 60 ? 0 : VALUES[(x >> 7) % (sizeof VALUES / sizeof VALUES[0])];
                c->read_is_int = c->read_value == (double)(long long)c->read_value;
            }
        }
        rules_check(r);
        int used[4096] = {0};
        assert_true(r->nfindings < 4096);
        int want = 0;
        char a[48], b[48], d[48];
        for (int q = 0; q < t->neqs; q++) {
            const gk_equation *e = &t->eqs[q];
            double pos = 0, neg = 0;
            int miss_pos = 0, miss_neg = 0, is_signed = 0;
            for (int k = 0; k < e->n; k++) {
                const gk_cell *c = &r->cells[e->cell[k]];
                is_signed |= t->cells[e->cell[k]].coldef->kind == GK_VAL_SIGNED;
                if (c->status == GK_ST_MISSING)
                    *(e->coef[k] > 0 ? &miss_pos : &miss_neg) += 1;
                else if (e->coef[k] > 0)
                    pos += c->value;
                else
                    neg += c->value;
            }
            char *msg;
            if (miss_pos || miss_neg) {
                /* cells missing on one side only, none signed: fails when that side's
                   cells read already exceed the other side */
                double lo = miss_pos ? pos : neg, other = miss_pos ? neg : pos;
                if (is_signed || (miss_pos && miss_neg) || !(lo > other + 1e-6))
                    continue;
                char va[32], vb[32], vd[32];
                snprintf(a, sizeof a, "%s%s", miss_pos ? "至少 " : "", report_format_value(pos, va, sizeof va));
                snprintf(b, sizeof b, "%s%s", miss_neg ? "至少 " : "", report_format_value(neg, vb, sizeof vb));
                snprintf(d, sizeof d, "至少 %s", report_format_value(lo - other, vd, sizeof vd));
                char *base = xasprintf(e->message, e->what, a, b, d);
                msg = xasprintf("%s；另有 %d 格未读到，件数不能为负，不论其值为何都不相等", base,
                                miss_pos ? miss_pos : miss_neg);
                free(base);
            } else {
                if (fabs(pos - neg) < 1e-6)
                    continue;
                report_format_value(pos, a, sizeof a);
                report_format_value(neg, b, sizeof b);
                report_format_value(fabs(pos - neg), d, sizeof d);
                msg = xasprintf(e->message, e->what, a, b, d);
            }
            want++;
            int found = 0;
            for (int i = 0; i < r->nfindings && !found; i++)
                if (!used[i] && !strcmp(r->findings[i].rule, e->rule) && !strcmp(r->findings[i].message, msg) &&
                    r->findings[i].ncells > 0 && r->findings[i].cells[0] == e->anchor)
                    used[i] = found = 1;
            if (!found)
                fail_msg("round %d: no finding \"%s\" of %s", round, msg, e->rule);
            free(msg);
        }
        /* and no other finding of an equation's rule */
        int got = 0;
        for (int i = 0; i < r->nfindings; i++)
            for (int q = 0; q < t->neqs; q++)
                if (!strcmp(r->findings[i].rule, t->eqs[q].rule)) {
                    got++;
                    break;
                }
        assert_int_equal(got, want);
        failing += want;
        if (round % 2 == 0)
            failing_whole += want;
    }
    assert_true(failing > 400 && failing_whole > 200);
    report_free(r);
}

/* The rules on the 2021 template and on a copy of it: rules.c keeps, for
 * the two templates, each equation's terms by sign and each cell's
 * equations, and works on another template (the copy) from its equations
 * alone, as first written.  On seeded random cells, missing and blank ones
 * among them so that inference runs, both give the same findings. */
static void test_rules_on_template_copy(void **state)
{
    (void)state;
    static const double VALUES[] = {0, 1, 2, 3, 5, 7, 0.5, -1, 12};
    gk_report *r = fx_parse(NULL, NULL, NULL);
    assert_non_null(r);
    const gk_template *t = r->tpl;
    gk_template copy = *t;
    unsigned seed = 71;
    int inferred = 0;
    for (int round = 0; round < 300; round++) {
        for (int i = 0; i < t->ncells; i++) {
            gk_cell *c = &r->cells[i];
            unsigned x = (seed = seed * 1103515245u + 12345u) >> 16;
            c->corrected = 0;
            c->read_status = x % 100 < 4 ? GK_ST_MISSING : x % 100 < 8 ? GK_ST_BLANK : GK_ST_EXTRACTED;
            c->read_value = c->read_status != GK_ST_EXTRACTED || x % 100 < 70 ? 0 : VALUES[(x >> 7) % 9];
            c->read_is_int = c->read_value == (double)(long long)c->read_value;
        }
        r->tpl = &copy;
        rules_check(r);
        int n = r->nfindings;
        char **want = malloc((size_t)n * sizeof *want);
        for (int i = 0; i < n; i++) {
            const gk_finding *f = &r->findings[i];
            want[i] = xasprintf("%s|%d|%d|%d|%s", f->rule, f->line, f->ncells, f->ncells ? f->cells[0] : -1, f->message);
        }
        for (int i = 0; i < t->ncells; i++)
            inferred += r->cells[i].status == GK_ST_INFERRED;
        r->tpl = t;
        rules_check(r);
        assert_int_equal(r->nfindings, n);
        for (int i = 0; i < n; i++) {
            const gk_finding *f = &r->findings[i];
            char *got = xasprintf("%s|%d|%d|%d|%s", f->rule, f->line, f->ncells, f->ncells ? f->cells[0] : -1, f->message);
            if (strcmp(got, want[i]))
                fail_msg("round %d: %s, on the copy %s", round, got, want[i]);
            free(got);
            free(want[i]);
        }
        free(want);
    }
    assert_true(inferred > 100);
    report_free(r);
}

/* The cell rules (check_cells() looks only at the cells reset_cells() found
 * not plain) against every cell tested as first written, on seeded random
 * cells: negative, not whole, blank, missing (so inferred) among them. */
static void test_cell_rules_match_reference(void **state)
{
    (void)state;
    static const double VALUES[] = {0, 1, 3, 0.5, -1, -0.5, 2.25, -1e-9, 7};
    static const char *const RULES[] = {"CELL.BLANK", "CELL.INFERRED", "CELL.NEGATIVE", "CELL.NOT_INTEGER"};
    gk_report *r = fx_parse(NULL, NULL, NULL);
    assert_non_null(r);
    const gk_template *t = r->tpl;
    unsigned seed = 91;
    int seen = 0;
    for (int round = 0; round < 300; round++) {
        for (int i = 0; i < t->ncells; i++) {
            gk_cell *c = &r->cells[i];
            unsigned x = (seed = seed * 1103515245u + 12345u) >> 16;
            c->corrected = 0;
            c->unread_why = NULL;
            c->read_status = x % 100 < 3 ? GK_ST_MISSING : x % 100 < 6 ? GK_ST_BLANK : GK_ST_EXTRACTED;
            c->read_value = c->read_status != GK_ST_EXTRACTED || x % 100 < 80 ? 0 : VALUES[(x >> 7) % 9];
            c->read_is_int = c->read_value == (double)(long long)c->read_value;
        }
        rules_check(r);
        for (int k = 0; k < 4; k++) {
            int want = 0, got = 0;
            for (int i = 0; i < t->ncells; i++) {
                const gk_cell *c = &r->cells[i];
                gk_valkind kind = t->cells[i].coldef->kind;
                int is_int = c->status == GK_ST_EXTRACTED ? c->read_is_int : fabs(c->value - floor(c->value)) < 1e-6;
                int fires = k == 0   ? c->status == GK_ST_BLANK
                            : k == 1 ? c->status == GK_ST_INFERRED
                            : k == 2 ? c->status != GK_ST_MISSING && kind != GK_VAL_SIGNED && c->value < -1e-6
                                     : c->status != GK_ST_MISSING && kind != GK_VAL_DECIMAL && !is_int;
                if (!fires)
                    continue;
                want++;
                int found = 0;
                for (int j = 0; j < r->nfindings && !found; j++)
                    found = !strcmp(r->findings[j].rule, RULES[k]) && r->findings[j].ncells == 1 &&
                            r->findings[j].cells[0] == i;
                if (!found)
                    fail_msg("round %d: no %s for cell %d", round, RULES[k], i);
            }
            for (int j = 0; j < r->nfindings; j++)
                got += !strcmp(r->findings[j].rule, RULES[k]);
            assert_int_equal(got, want);
            seen += want;
        }
    }
    assert_true(seen > 1000);
    report_free(r);
}

/* report_format_value() writes whole numbers below 1e15 itself: the same
 * bytes as snprintf's "%.0f" (and "%.6g" for the rest), on seeded values —
 * whole numbers of every size up to and past 1e15, halves, negatives, -0.0,
 * tiny fractions, NaN and infinities — and into buffers too small. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"   /* cutting is what is tested */
static void test_format_value(void **state)
{
    (void)state;
    static const double FIXED[] = {0.0, -0.0, 1, -1, 9, 10, -10, 99, 100, 0.5, -0.5, 1.5, 2.5,
                                   999999999999999.0, -999999999999999.0, 1e15, -1e15, 1e15 + 2, 1e16,
                                   9007199254740992.0, 1e-7, -1e-300, 4.9e-324, 1e300, -1e300};
    unsigned seed = 16;
    int checked = 0;
    for (int round = 0; round < 200000; round++) {
        double v;
        unsigned x = (seed = seed * 1103515245u + 12345u) >> 8;
        unsigned y = (seed = seed * 1103515245u + 12345u) >> 8;
        long long big = ((long long)x << 24 | y) % 2000000000000000LL - 1000000000000000LL;
        switch (round % 10) {
        case 0: v = FIXED[(x >> 3) % (sizeof FIXED / sizeof FIXED[0])]; break;
        case 1: v = (double)(x % 1000); break;
        case 2: v = -(double)(x % 100000); break;
        case 3: v = (double)big; break;
        case 4: v = (double)big + 0.5; break;
        case 5: v = (double)(x % 1000) / 1024.0 - 0.5; break;
        case 6: v = (double)big * 10.0; break;
        case 7: v = ldexp((double)(x | 1), (int)(y % 80) - 40); break;
        case 8: v = round % 3 == 0 ? NAN : round % 3 == 1 ? INFINITY : -INFINITY; break;
        default: v = (double)(y % 20) * 0.25 - (double)(x % 7); break;
        }
        char want[64], got[64];
        if (v == floor(v) && fabs(v) < 1e15)
            snprintf(want, sizeof want, "%.0f", v);
        else
            snprintf(want, sizeof want, "%.6g", v);
        assert_string_equal(report_format_value(v, got, sizeof got), want);
        for (size_t n = 0; n < 5; n++) {   /* cut as snprintf cuts; n = 0 writes nothing */
            char w[8] = "xxxxxxx", g[8] = "xxxxxxx";
            if (v == floor(v) && fabs(v) < 1e15)
                snprintf(w, n, "%.0f", v);
            else
                snprintf(w, n, "%.6g", v);
            report_format_value(v, g, n);
            assert_memory_equal(g, w, sizeof w);
        }
        checked++;
    }
    assert_int_equal(checked, 200000);
}
#pragma GCC diagnostic pop

/* rules_sort_findings() against qsort() with the comparator it replaced
 * (glibc's qsort() is a stable merge sort): seeded arrays of 0 to 300
 * findings with many equal lines, ranks, first cells and messages (each
 * its own copy, so that the order of equal findings shows), a third of
 * them made of a few runs already in order, the same findings in the same
 * places. */
static int ref_cmp_findings(const void *pa, const void *pb)
{
    const gk_finding *a = pa, *b = pb;
    int la = a->line ? a->line : INT_MAX, lb = b->line ? b->line : INT_MAX;
    if (la != lb)
        return la < lb ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank - b->rank;
    int ca = a->ncells ? a->cells[0] : -1, cb = b->ncells ? b->cells[0] : -1;
    if (ca != cb)
        return ca - cb;
    return strcmp(a->message, b->message);
}

static void test_sort_findings(void **state)
{
    (void)state;
    static const char *const MSG[] = {"a", "b", "行总计不符", "行总计", "", "b "};
    unsigned seed = 41;
    static int cells[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    for (int round = 0; round < 3000; round++) {
        int n = (int)((seed = seed * 1103515245u + 12345u) >> 16) % (round % 10 == 0 ? 300 : 40);
        gk_finding *a = calloc((size_t)n + 1, sizeof *a), *b = calloc((size_t)n + 1, sizeof *b);
        assert_non_null(a);
        assert_non_null(b);
        for (int i = 0; i < n; i++) {
            unsigned x = (seed = seed * 1103515245u + 12345u) >> 8;
            a[i].line = (int)(x % 6);
            a[i].rank = (int)(x / 6 % 3);
            a[i].ncells = (int)(x / 18 % 3);
            a[i].cells = &cells[x / 54 % 4];
            a[i].message = strdup(MSG[x / 216 % (sizeof MSG / sizeof MSG[0])]);
            a[i].dismissed = i;
        }
        if (round % 3 == 1) {          /* a few runs in order already (as reports' findings come), or one */
            int runs = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 5;
            for (int r = 0, lo = 0; r < runs && lo < n; r++) {
                int hi = r == runs - 1 ? n : lo + (int)((seed = seed * 1103515245u + 12345u) >> 16) % (n - lo + 1);
                if (hi - lo > 1)
                    qsort(a + lo, (size_t)(hi - lo), sizeof *a, ref_cmp_findings);
                lo = hi;
            }
        }
        memcpy(b, a, (size_t)n * sizeof *a);
        if (n > 1)
            qsort(a, (size_t)n, sizeof *a, ref_cmp_findings);
        rules_sort_findings(b, n);
        for (int i = 0; i < n; i++) {
            assert_ptr_equal(a[i].message, b[i].message);
            assert_int_equal(a[i].dismissed, b[i].dismissed);
        }
        for (int i = 0; i < n; i++)
            free(a[i].message);
        free(a);
        free(b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_report_has_no_findings),
        cmocka_unit_test(test_equations_match_reference),
        cmocka_unit_test(test_rules_on_template_copy),
        cmocka_unit_test(test_cell_rules_match_reference),
        cmocka_unit_test(test_row_total),
        cmocka_unit_test(test_balance),
        cmocka_unit_test(test_handled_sum),
        cmocka_unit_test(test_t4_group_total),
        cmocka_unit_test(test_valid_ge),
        cmocka_unit_test(test_negative_and_not_integer),
        cmocka_unit_test(test_blank_counts_as_zero),
        cmocka_unit_test(test_blank_inferred),
        cmocka_unit_test(test_inference_after_correction),
        cmocka_unit_test(test_missing_row_inferred_or_left_missing),
        cmocka_unit_test(test_inference_conflict_not_guessed),
        cmocka_unit_test(test_equation_bound_with_missing),
        cmocka_unit_test(test_correction_and_dismissal),
        cmocka_unit_test(test_text_mismatch),
        cmocka_unit_test(test_text_mismatch_cells),
        cmocka_unit_test(test_fee_statement),
        cmocka_unit_test(test_year_mismatch),
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_row_label_variants_read_twice),
        cmocka_unit_test(test_section_heading_forms),
        cmocka_unit_test(test_format_detection),
        cmocka_unit_test(test_title_forms),
        cmocka_unit_test(test_format_value),
        cmocka_unit_test(test_sort_findings),
    };
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
