/* test_view.c — what the review screen shows, without a screen: glyphs,
 * widths and placeholders (view_text.c) and cell text, tones, marks and
 * the walk over flagged cells (view_cells.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report.h"
#include "view_cells.h"
#include "view_text.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void glyph_is(const char *s, size_t consumed, view_glyph_kind kind, int width, const wchar_t *text)
{
    view_glyph g;
    assert_int_equal(view_glyph_next(s, strlen(s) ? strlen(s) : 1, 0, 4, &g), consumed);
    assert_int_equal(g.kind, kind);
    assert_int_equal(g.width, width);
    if (text) {
        assert_int_equal(g.n, (int)wcslen(text));
        for (int i = 0; i < g.n; i++)
            assert_int_equal(g.wc[i], text[i]);
    }
}

static void test_glyphs_and_widths(void **state)
{
    (void)state;
    glyph_is("a", 1, VIEW_G_CHAR, 1, L"a");
    glyph_is("中文", 3, VIEW_G_CHAR, 2, L"中");
    glyph_is("６", 3, VIEW_G_CHAR, 2, L"６");
    glyph_is("e\xcc\x81x", 3, VIEW_G_CHAR, 1, L"e\x301");          /* combining acute stays with e */
    glyph_is("\t", 1, VIEW_G_TAB, 4, NULL);
    assert_int_equal(view_text_width("ab\tc", 4, 4), 5);
    assert_int_equal(view_text_width("中文ab", strlen("中文ab"), 0), 6);
}

static void test_placeholders(void **state)
{
    (void)state;
    glyph_is("\x1b]0;PWNED\x07", 1, VIEW_G_PH, 2, L"^[");
    glyph_is("\x07", 1, VIEW_G_PH, 2, L"^G");
    glyph_is("\x7f", 1, VIEW_G_PH, 2, L"^?");
    glyph_is("\r", 1, VIEW_G_PH, 2, L"^M");
    glyph_is("\xc2\x9b", 2, VIEW_G_PH, 8, L"<U+009B>");             /* C1 CSI */
    glyph_is("\xe2\x80\xae", 3, VIEW_G_PH, 5, L"<RLO>");            /* U+202E */
    glyph_is("\xe2\x81\xa6", 3, VIEW_G_PH, 5, L"<LRI>");            /* U+2066 */
    glyph_is("\xe2\x80\x8b", 3, VIEW_G_PH, 8, L"<U+200B>");         /* zero-width space */
    glyph_is("\xff", 1, VIEW_G_PH, 1, L"\xfffd");                   /* invalid byte */
    glyph_is("\xe4\xb8", 1, VIEW_G_PH, 1, L"\xfffd");               /* cut sequence */
    glyph_is("\xcc\x81", 2, VIEW_G_PH, 8, L"<U+0301>");             /* a mark with no base */
    /* nothing drawn from a hostile string is a control character */
    const char *bad = "x\x1b[31m\x1b]0;t\x07\xc2\x9b\xe2\x80\xae\x7f";
    size_t len = strlen(bad);
    for (size_t i = 0; i < len;) {
        view_glyph g;
        i += view_glyph_next(bad + i, len - i, 0, 4, &g);
        for (int k = 0; k < g.n; k++)
            assert_true(g.wc[k] >= 0x20 && g.wc[k] != 0x7f && !(g.wc[k] >= 0x80 && g.wc[k] < 0xa0) &&
                        !(g.wc[k] >= 0x202a && g.wc[k] <= 0x202e));
    }
}

static void test_fit_never_splits(void **state)
{
    (void)state;
    const char *s = "中文abc";
    int used = -1;
    assert_int_equal(view_text_fit(s, strlen(s), 0, 3, 0, &used), 3);   /* 中 only */
    assert_int_equal(used, 2);
    assert_int_equal(view_text_fit(s, strlen(s), 0, 1, 0, &used), 0);
    assert_int_equal(used, 0);
    assert_int_equal(view_text_fit(s, strlen(s), 0, 5, 0, &used), 7);   /* 中文a */
    assert_int_equal(used, 5);
    /* a tab's width depends on where it starts */
    assert_int_equal(view_text_fit("\tx", 2, 3, 1, 4, &used), 1);
    assert_int_equal(used, 1);
}

static gk_report *open_sample(const char *path)
{
    char *why = NULL;
    gk_report *r = report_open(path, &why);
    if (!r)
        fail_msg("%s: %s", path, why ? why : "?");
    return r;
}

static const char *text_of(const gk_report *r, const char *id, char *buf)
{
    int c = template_cell_index(r->tpl, id);
    assert_true(c >= 0);
    return view_cell_text(r, c, buf, 48);
}

static view_tone tone_of(const view_cells *v, const char *id)
{
    return view_cell_tone(v, template_cell_index(v->r->tpl, id));
}

static void test_seed_marks_and_tones(void **state)
{
    (void)state;
    gk_report *r = open_sample("sample-reports/003_1a8c02130c595433.txt");
    view_cells v;
    view_cells_init(&v, r);
    char buf[48];
    assert_string_equal(text_of(r, "t3.new.natural", buf), "6*");
    assert_int_equal(tone_of(&v, "t3.new.natural"), VIEW_TONE_INFERRED);
    assert_string_equal(text_of(r, "t3.granted.natural", buf), "3*");
    assert_string_equal(text_of(r, "t3.partial.natural", buf), "0_");
    assert_int_equal(tone_of(&v, "t3.partial.natural"), VIEW_TONE_BLANK);
    assert_string_equal(text_of(r, "t3.new.total", buf), "6");
    assert_int_equal(tone_of(&v, "t3.new.total"), VIEW_TONE_NORMAL);
    char *d = view_cell_detail(&v, template_cell_index(r->tpl, "t3.new.natural"));
    assert_non_null(strstr(d, "t3.new.natural"));
    assert_non_null(strstr(d, "推算：本年新收·自然人 = 本年新收·总计 6"));
    assert_non_null(strstr(d, "第 57 行"));
    free(d);
    /* a correction is marked and keeps its own tone unless an error names it */
    int c = template_cell_index(r->tpl, "t2.rule.issued");
    report_correct(r, c, 0);
    report_check(r);
    view_cells_free(&v);
    view_cells_init(&v, r);
    assert_string_equal(view_cell_text(r, c, buf, sizeof buf), "0'");
    assert_int_equal(view_cell_tone(&v, c), VIEW_TONE_CORRECTED);
    view_cells_free(&v);
    report_free(r);
}

static void test_missing_never_shows_a_number(void **state)
{
    (void)state;
    gk_report *r = open_sample("sample-reports/008_glued_cells.txt");
    view_cells v;
    view_cells_init(&v, r);
    char buf[48];
    assert_string_equal(text_of(r, "t2.normative.issued", buf), "?");
    assert_int_equal(tone_of(&v, "t2.normative.issued"), VIEW_TONE_ERROR);
    for (int c = 0; c < r->tpl->ncells; c++)
        if (r->cells[c].status == GK_ST_MISSING)
            assert_string_equal(view_cell_text(r, c, buf, sizeof buf), "?");
    view_cells_free(&v);
    report_free(r);
}

/* n visits exactly the cells the open findings name, in template order. */
static void test_flag_walk(void **state)
{
    (void)state;
    gk_report *r = open_sample("sample-reports/101_err_row_total.txt");
    view_cells v;
    view_cells_init(&v, r);
    char *named = calloc((size_t)r->tpl->ncells, 1);
    int nnamed = 0;
    for (int i = 0; i < r->nfindings; i++)
        for (int k = 0; k < r->findings[i].ncells; k++)
            if (!named[r->findings[i].cells[k]]++)
                nnamed++;
    assert_true(nnamed > 20);
    assert_int_equal(v.nflagged, nnamed);
    int c = -1, seen = 0, wrapped = 0, last = -1;
    for (;;) {
        c = view_next_flagged(&v, c, 1, &wrapped);
        assert_true(c >= 0);
        if (wrapped)
            break;
        assert_true(named[c]);
        assert_true(c > last);
        last = c;
        seen++;
    }
    assert_int_equal(seen, nnamed);
    int back = view_next_flagged(&v, -1, -1, &wrapped);
    assert_int_equal(back, last);                     /* N from the start: the last one */
    free(named);
    view_cells_free(&v);
    report_free(r);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glyphs_and_widths),
        cmocka_unit_test(test_placeholders),
        cmocka_unit_test(test_fit_never_splits),
        cmocka_unit_test(test_seed_marks_and_tones),
        cmocka_unit_test(test_missing_never_shows_a_number),
        cmocka_unit_test(test_flag_walk),
    };
    return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
