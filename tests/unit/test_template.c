/* test_template.c — the template as data: cell ids, patterns, equations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract.h"
#include "re.h"
#include "template.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static void test_cell_counts(void **state)
{
    (void)state;
    const gk_template *a = template_get(GK_FMT_2021), *b = template_get(GK_FMT_2019);
    /* 2021: t2 3+3+1+1+1+1, t3 25x7, t4 15 */
    assert_int_equal(a->ncells, 10 + 175 + 15);
    /* 2019: t2 3+3+3+3+3+3+2+2, t3 23x7, t4 15 */
    assert_int_equal(b->ncells, 22 + 161 + 15);
    assert_true(template_cell_index(a, "t3.new.natural") >= 0);
    assert_true(template_cell_index(a, "t3.other.no_fee.total") >= 0);
    assert_int_equal(template_cell_index(a, "t3.other.total.total"), -1);
    assert_true(template_cell_index(b, "t3.other.total.total") >= 0);
    assert_true(template_cell_index(b, "t2.procurement.amount") >= 0);
    assert_true(template_cell_index(a, "t4.suit_after_review.pending") >= 0);
    assert_true(template_cell_index(a, "t2.fee.amount") >= 0);
    int i = template_cell_index(a, "t3.new.natural");
    assert_string_equal(a->cells[i].label, "本年新收·自然人");
    /* extract.c keeps what a label tells of each row in one 64-bit word:
     * two bits a row and one more (row_facts) */
    for (int f = GK_FMT_2021; f <= GK_FMT_2019; f++)
        for (int ti = 2; ti <= 4; ti++)
            assert_true(template_table(template_get((gk_format)f), ti)->nrows <= 31);
}

static void test_patterns_compile_and_match_own_label(void **state)
{
    (void)state;
    for (int f = GK_FMT_2021; f <= GK_FMT_2019; f++) {
        const gk_template *t = template_get((gk_format)f);
        for (int ti = 2; ti <= 3; ti++) {
            const gk_table_def *td = template_table(t, ti);
            for (int r = 0; r < td->nrows; r++) {
                assert_int_equal(re_check(td->rows[r].pattern), 0);
                char *n = text_normalise(td->rows[r].label, strlen(td->rows[r].label));
                char *sq = extract_squeeze(n);
                /* a row's own label matches its pattern and no earlier row's */
                assert_true(re_test(td->rows[r].pattern, sq));
                for (int q = 0; q < r; q++)
                    if (re_test(td->rows[q].pattern, sq))
                        fail_msg("label of %s also matches earlier row %s", td->rows[r].key, td->rows[q].key);
                free(sq);
                free(n);
            }
        }
    }
}

static void test_variants_and_numbering(void **state)
{
    (void)state;
    const gk_template *t = template_get(GK_FMT_2021);
    const gk_table_def *t3 = template_table(t, 3);
    struct {
        const char *label, *key;
    } cases[] = {
        {"(七)总记", "handled_total"},
        {"3.其他", "other.other"},
        {"(六)其他处理3.其他", "other.other"},
        {"年度办(五)不予处理1.信访举报投诉类申请", "reject.complaint"},
        {"三、本年度办理结果(一)予以公开", "granted"},
        {"4.保护第三方合法权益", "deny.third_party"},
        {"危及\"三安全一稳定\"", "deny.safety"},
        {"四、结转下年度继续办理", "carried_out"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        int hit = -1;
        for (int r = 0; r < t3->nrows && hit < 0; r++)
            if (re_test(t3->rows[r].pattern, cases[c].label))
                hit = r;
        assert_true(hit >= 0);
        assert_string_equal(t3->rows[hit].key, cases[c].key);
    }
    /* header rows must not look like data rows */
    assert_false(re_test(t3->rows[22].pattern, "商业企业科研机构社会公益组织法律服务机构其他"));
}

static void test_equations(void **state)
{
    (void)state;
    const gk_template *t = template_get(GK_FMT_2021);
    int balance = 0, row_total = 0, handled = 0, t4 = 0;
    for (int i = 0; i < t->neqs; i++) {
        if (!strcmp(t->eqs[i].rule, "T3.BALANCE")) {
            balance++;
            assert_int_equal(t->eqs[i].n, 4);
        } else if (!strcmp(t->eqs[i].rule, "T3.ROW_TOTAL")) {
            row_total++;
            assert_int_equal(t->eqs[i].n, 7);
        } else if (!strcmp(t->eqs[i].rule, "T3.HANDLED_SUM")) {
            handled++;
            assert_int_equal(t->eqs[i].n, 1 + 21);
        } else if (!strcmp(t->eqs[i].rule, "T4.GROUP_TOTAL")) {
            t4++;
            assert_int_equal(t->eqs[i].n, 5);
        }
    }
    assert_int_equal(balance, 7);
    assert_int_equal(row_total, 25);
    assert_int_equal(handled, 7);
    assert_int_equal(t4, 3);
    const gk_template *o = template_get(GK_FMT_2019);
    for (int i = 0; i < o->neqs; i++)
        if (!strcmp(o->eqs[i].rule, "T3.HANDLED_SUM"))
            assert_int_equal(o->eqs[i].n, 1 + 19);
}

static void test_rule_table(void **state)
{
    (void)state;
    int n;
    const gk_rule_def *r = template_rules(&n);
    assert_int_equal(n, 25);
    assert_int_equal(template_rule("T3.BALANCE")->severity, GK_SEV_ERROR);
    assert_int_equal(template_rule("CELL.BLANK")->severity, GK_SEV_WARNING);
    assert_int_equal(template_rule("STRUCT.ROW_MISSING")->severity, GK_SEV_ERROR);
    assert_null(template_rule("NO.SUCH"));
    (void)r;
}

/* extract_squeeze() (sixteen bytes at a time with SSE2, then eight, where
 * they hold no blank) drops exactly the spaces and tabs a byte-by-byte copy drops, wherever
 * they fall: random strings of every length up to 40 over a few ASCII
 * and UTF-8 pieces. */
static void test_squeeze_matches_bytewise(void **state)
{
    (void)state;
    srand(7);
    const char *pieces[] = {" ", "\t", "a", "(", "一", "公开", "  ", "\xE3\x80\x80"};
    for (int round = 0; round < 20000; round++) {
        char s[256], want[256];
        size_t n = 0, w = 0, limit = (size_t)(round % 41);
        while (n < limit) {
            const char *p = pieces[rand() % 8];
            size_t pl = strlen(p);
            if (n + pl > limit)
                break;
            memcpy(s + n, p, pl);
            n += pl;
        }
        s[n] = '\0';
        for (size_t i = 0; i < n; i++)
            if (s[i] != ' ' && s[i] != '\t')
                want[w++] = s[i];
        want[w] = '\0';
        char *got = extract_squeeze(s);
        if (strcmp(got, want))
            fail_msg("round %d: 「%s」 squeezed to 「%s」, not 「%s」", round, s, got, want);
        free(got);
    }
}

/* Every alternative of a format-detection pattern holds one of the
 * characters its NEED list names (detection passes over lines with none). */
static void check_need(const char *pattern, const char *const *need)
{
    char *copy = strdup(pattern), *save = NULL;
    int alternatives = 0;
    for (char *alt = strtok_r(copy, "|", &save); alt; alt = strtok_r(NULL, "|", &save)) {
        int any = 0;
        for (int k = 0; need[k]; k++)
            any |= strstr(alt, need[k]) != NULL;
        if (!any)
            fail_msg("「%s」 holds none of the characters detection looks for", alt);
        alternatives++;
    }
    assert_true(alternatives >= 5);
    free(copy);
}

static void test_detect_needs(void **state)
{
    (void)state;
    check_need(GK_DETECT_2021, GK_DETECT_2021_NEED);
    check_need(GK_DETECT_2019, GK_DETECT_2019_NEED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cell_counts),
        cmocka_unit_test(test_patterns_compile_and_match_own_label),
        cmocka_unit_test(test_variants_and_numbering),
        cmocka_unit_test(test_squeeze_matches_bytewise),
        cmocka_unit_test(test_equations),
        cmocka_unit_test(test_rule_table),
        cmocka_unit_test(test_detect_needs),
    };
    return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
