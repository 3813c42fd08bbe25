/* test_view.c — what the review screen shows, without a screen: glyphs,
 * widths and placeholders (view_text.c); cell text, tones, marks and the
 * walk over flagged cells (view_cells.c); the reviewer's edits, undo and
 * save (view_review.c); the report queue's checking, order and filters
 * (view_queue.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "batch.h"
#include "pipeline.h"
#include "report.h"
#include "rules.h"
#include "sidecar.h"
#include "util.h"
#include "view_cells.h"
#include "view_queue.h"
#include "view_review.h"
#include "view_text.h"
#include "recover.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
    rules_check(r);
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


/* ---- the reviewer's session ------------------------------------------------------------ */

static char tmpdir[64];

/* A copy of a sample report in a fresh folder (sidecars are written there). */
static char *copy_sample(const char *name)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/gk-view-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    char *src = xasprintf("sample-reports/%s", name), *dst = xasprintf("%s/%s", tmpdir, name);
    char *data = NULL;
    size_t len = 0;
    const char *why = NULL;
    assert_int_equal(util_read_file(src, GK_MAX_FILE, &data, &len, &why), 0);
    FILE *f = fopen(dst, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    free(data);
    free(src);
    char *xdg = xasprintf("%s/xdg", tmpdir);
    setenv("XDG_DATA_HOME", xdg, 1);
    free(xdg);
    return dst;
}

static void remove_tmp(const char *report)
{
    char *cmd = xasprintf("rm -rf '%s'", tmpdir);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    (void)report;
}

/* A report and its review as the screen opens them. */
static gk_report *open_reviewed(const char *path, view_review *s, const char *who)
{
    gk_report *r = open_sample(path);
    gk_review *rv = NULL;
    char *warn = NULL;
    assert_true(sidecar_load(path, &rv, &warn) >= 0);
    free(warn);
    report_review(rv, r, NULL);
    view_review_init(s, rv, who);
    return r;
}

static int cell_of(const gk_report *r, const char *id)
{
    int c = template_cell_index(r->tpl, id);
    assert_true(c >= 0);
    return c;
}

static void expect_ok(int rc, char *msg)
{
    if (rc != 0)
        fail_msg("refused: %s", msg ? msg : "?");
    free(msg);
}

static void expect_refused(int rc, char *msg, const char *part)
{
    assert_int_equal(rc, -1);
    assert_non_null(msg);
    if (part && !strstr(msg, part))
        fail_msg("message '%s' lacks '%s'", msg, part);
    free(msg);
}

/* msg is set by the call: evaluate it first */
#define EXPECT_OK(call)                                                                            \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        expect_ok(rc_, msg);                                                                       \
    } while (0)
#define EXPECT_REFUSED(call, part)                                                                 \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        expect_refused(rc_, msg, part);                                                            \
    } while (0)

static void test_review_values(void **state)
{
    (void)state;
    gk_report *r = open_sample("sample-reports/011_format2019.txt");
    double v;
    char *msg = NULL;
    int count = cell_of(r, "t3.new.natural");
    EXPECT_OK(view_review_parse_value(r, count, "１,２34", &v, &msg));
    assert_true(v == 1234);
    EXPECT_REFUSED(view_review_parse_value(r, count, "１,２3", &v, &msg), "千位分隔符");
    EXPECT_REFUSED(view_review_parse_value(r, count, "0x10", &v, &msg), "十六进制");
    EXPECT_REFUSED(view_review_parse_value(r, count, "1e5", &v, &msg), "科学计数法");
    EXPECT_REFUSED(view_review_parse_value(r, count, "99999999999999999999999", &v, &msg), "上限");
    EXPECT_OK(view_review_parse_value(r, count, " 7 ", &v, &msg));
    assert_true(v == 7);
    EXPECT_REFUSED(view_review_parse_value(r, count, "-1", &v, &msg), "不小于 0 的整数");
    EXPECT_REFUSED(view_review_parse_value(r, count, "1.5", &v, &msg), NULL);
    EXPECT_REFUSED(view_review_parse_value(r, count, "abc", &v, &msg), "abc");
    EXPECT_REFUSED(view_review_parse_value(r, count, "", &v, &msg), NULL);
    int change = cell_of(r, "t2.license.change");          /* 本年增/减: signed */
    EXPECT_OK(view_review_parse_value(r, change, "－2", &v, &msg));
    assert_true(v == -2);
    int amount = cell_of(r, "t2.procurement.amount");      /* a decimal */
    EXPECT_OK(view_review_parse_value(r, amount, "3.5", &v, &msg));
    assert_true(v == 3.5);
    report_free(r);
}

static void test_review_correct_undo_save(void **state)
{
    (void)state;
    char *path = copy_sample("003_1a8c02130c595433.txt");
    view_review s;
    gk_report *r = open_reviewed(path, &s, "审核员甲");
    int c = cell_of(r, "t3.new.natural");
    char buf[48], *msg = NULL;
    assert_false(view_review_dirty(&s));
    EXPECT_OK(view_review_correct(&s, r, c, "８", &msg));       /* full-width digit */
    assert_string_equal(view_cell_text(r, c, buf, sizeof buf), "8'");
    assert_true(r->nerrors > 0);                                  /* every rule evaluated again */
    assert_true(view_review_dirty(&s));
    EXPECT_OK(view_review_undo(&s, r, &msg));
    assert_string_equal(view_cell_text(r, c, buf, sizeof buf), "6*");
    assert_int_equal(r->nerrors, 0);
    assert_false(view_review_dirty(&s));
    EXPECT_REFUSED(view_review_undo(&s, r, &msg), "没有可撤销");
    EXPECT_REFUSED(view_review_correct(&s, r, c, "x1", &msg), "无效");
    assert_false(view_review_dirty(&s));
    EXPECT_OK(view_review_correct(&s, r, c, "6", &msg));
    const char *note = "核对原件：6 件; #=[x] \"引号\" 'a' \\ %25\n第二行\t末尾 ";
    EXPECT_OK(view_review_set_note(&s, r, c, note, &msg));
    EXPECT_OK(view_review_set_note(&s, r, -1, "整份报告的备注", &msg));
    EXPECT_OK(view_review_cycle_state(&s, &msg));
    EXPECT_OK(view_review_cycle_state(&s, &msg));
    assert_int_equal(s.rv->state, GK_REV_DONE);
    view_cells v;
    view_cells_init(&v, r);
    view_review_mark_notes(&s, &v);
    assert_string_equal(view_cells_text(&v, c, buf, sizeof buf), "6'#");
    assert_int_equal(view_cell_tone(&v, c), VIEW_TONE_CORRECTED);
    char *d = view_review_cell_detail(&v, &s, c);
    assert_non_null(strstr(d, "更正：原值 空白或缺失 → 6（审核员甲 "));
    assert_non_null(strstr(d, "第二行"));
    free(d);
    view_cells_free(&v);
    EXPECT_OK(view_review_save(&s, r, &msg));
    assert_false(view_review_dirty(&s));
    view_review_free(&s);
    report_free(r);
    /* reopened: everything is there */
    r = open_reviewed(path, &s, "审核员乙");
    assert_string_equal(view_cell_text(r, c, buf, sizeof buf), "6'");
    assert_int_equal(r->cells[c].status, GK_ST_CORRECTED);
    assert_string_equal(view_review_note(&s, r, c), note);
    assert_string_equal(view_review_note(&s, r, -1), "整份报告的备注");
    assert_int_equal(s.rv->state, GK_REV_DONE);
    /* another reviewer's change, taken back, leaves the first one's entry as it was */
    const gk_rv_entry *e = sidecar_find(s.rv, GK_RV_CORRECTION, NULL, "t3.new.natural");
    char *when = xstrdup(e->when);
    EXPECT_OK(view_review_correct(&s, r, c, "9", &msg));
    assert_string_equal(sidecar_find(s.rv, GK_RV_CORRECTION, NULL, "t3.new.natural")->who, "审核员乙");
    EXPECT_OK(view_review_uncorrect(&s, r, c, &msg));
    assert_null(sidecar_find(s.rv, GK_RV_CORRECTION, NULL, "t3.new.natural"));
    EXPECT_OK(view_review_undo(&s, r, &msg));
    EXPECT_OK(view_review_undo(&s, r, &msg));
    e = sidecar_find(s.rv, GK_RV_CORRECTION, NULL, "t3.new.natural");
    assert_non_null(e);
    assert_string_equal(e->who, "审核员甲");
    assert_string_equal(e->when, when);
    assert_false(view_review_dirty(&s));
    free(when);
    view_review_free(&s);
    report_free(r);
    remove_tmp(path);
    free(path);
}

static int first_of(const gk_report *r, const char *rule)
{
    for (int i = 0; i < r->nfindings; i++)
        if (!strcmp(r->findings[i].rule, rule))
            return i;
    fail_msg("no %s finding", rule);
    return -1;
}

static void test_review_dismiss(void **state)
{
    (void)state;
    char *path = copy_sample("101_err_row_total.txt");
    view_review s;
    gk_report *r = open_reviewed(path, &s, "审核员甲");
    int f = first_of(r, "T3.ROW_TOTAL"), n = r->nfindings, errors = r->nerrors;
    char *msg = NULL;
    EXPECT_REFUSED(view_review_dismiss(&s, r, f, " 　\n", &msg), "理由");
    assert_false(view_review_dirty(&s));
    EXPECT_OK(view_review_dismiss(&s, r, f, "已电话核实", &msg));
    assert_int_equal(r->nfindings, n);                      /* still listed */
    assert_int_equal(r->nerrors, errors - 1);
    f = first_of(r, "T3.ROW_TOTAL");
    assert_true(r->findings[f].dismissed);
    assert_string_equal(r->findings[f].dismiss_reason, "已电话核实");
    EXPECT_OK(view_review_undismiss(&s, r, f, &msg));
    assert_int_equal(r->nerrors, errors);
    EXPECT_OK(view_review_undo(&s, r, &msg));           /* dismissed again */
    assert_int_equal(r->nerrors, errors - 1);
    EXPECT_OK(view_review_save(&s, r, &msg));
    view_review_free(&s);
    report_free(r);
    r = open_reviewed(path, &s, "审核员乙");
    assert_int_equal(r->nerrors, errors - 1);
    view_review_free(&s);
    report_free(r);
    remove_tmp(path);
    free(path);
}

/* ---- the queue ---------------------------------------------------------------------------- */

static void test_queue_matches_check(void **state)
{
    (void)state;
    char *paths[] = {"sample-reports"};
    gk_batch b;
    view_load load;
    memset(&load, 0, sizeof load);
    batch_open(&b, 1, paths, 0);
    b.prepare = view_load_prepare;
    b.prepare_ctx = &load;
    view_queue q;
    view_queue_init(&q, &b, &load);
    int slices = 0;
    while (view_queue_work(&q, 5))
        slices++;
    assert_true(slices > 0);
    assert_int_equal(q.checked, q.n);
    /* the same counts as `check` (batch.c's pairing: the cross-year findings) */
    gk_batch ref;
    batch_open(&ref, 1, paths, 1);
    assert_int_equal(ref.files.n, q.n);
    int xyear = 0;
    for (size_t i = 0; i < q.n; i++) {
        char *why = NULL;
        gk_report *r = batch_load(&ref, i, &why);
        assert_non_null(r);
        assert_int_equal(q.v[i].status, VQ_CHECKED);
        assert_int_equal(q.v[i].nerrors, r->nerrors);
        assert_int_equal(q.v[i].nwarnings, r->nwarnings);
        assert_int_equal(b.prev[i], ref.prev[i]);
        for (int k = 0; k < r->nfindings; k++)
            xyear += !strncmp(r->findings[k].rule, "XYEAR.", 6);
        report_free(r);
    }
    assert_true(xyear > 0);
    batch_free(&ref);
    /* most errors first, then by name; filters */
    for (size_t k = 1; k < q.norder; k++)
        assert_true(q.v[q.order[k - 1]].nerrors >= q.v[q.order[k]].nerrors);
    q.sort = VQ_SORT_NAME;
    view_queue_reorder(&q);
    for (size_t k = 1; k < q.norder; k++)
        assert_true(strcmp(b.files.v[q.order[k - 1]].path, b.files.v[q.order[k]].path) < 0);
    q.filter = VQ_ONLY_ERRORS;
    view_queue_reorder(&q);
    assert_true(q.norder > 0 && q.norder < q.n);
    for (size_t k = 0; k < q.norder; k++)
        assert_true(q.v[q.order[k]].nerrors > 0);
    /* a saved report: its partners are checked again */
    int pi = -1;
    for (size_t i = 0; i < q.n && pi < 0; i++)
        if (b.next[i] >= 0)
            pi = (int)i;
    assert_true(pi >= 0);
    char *why = NULL;
    gk_report *pr = batch_load(&b, (size_t)pi, &why);
    assert_non_null(pr);
    view_queue_update(&q, (size_t)pi, pr, NULL);
    report_free(pr);
    assert_int_equal(q.nstale, 1);
    assert_true(q.v[b.next[pi]].stale);
    assert_true(view_queue_busy(&q));
    while (view_queue_work(&q, 5))
        ;
    assert_int_equal(q.nstale, 0);
    assert_false(q.v[b.next[pi]].stale);
    assert_int_equal(q.checked, q.n);
    /* ] from the first report: the next with open findings, in queue order */
    q.filter = 0;
    q.sort = VQ_SORT_NAME;
    view_queue_reorder(&q);
    int next = view_queue_next_open(&q, (size_t)q.order[0], 1);
    assert_true(next >= 0);
    assert_true(q.v[next].nerrors + q.v[next].nwarnings > 0);
    for (int k = 1; k < view_queue_pos(&q, (size_t)next); k++)
        assert_int_equal(q.v[q.order[k]].nerrors + q.v[q.order[k]].nwarnings, 0);
    view_queue_free(&q);
    batch_free(&b);
    view_load_free(&load);
}

static void test_queue_unreadable_and_states(void **state)
{
    (void)state;
    char *path = copy_sample("003_1a8c02130c595433.txt");
    char *empty = xasprintf("%s/empty.txt", tmpdir);
    FILE *f = fopen(empty, "w");
    fclose(f);
    /* one report marked 已审核 */
    gk_review *rv = NULL;
    char *warn = NULL;
    sidecar_load(path, &rv, &warn);
    free(warn);
    sidecar_set_state(rv, GK_REV_DONE, "审核员甲");
    assert_int_equal(sidecar_save(NULL, rv, NULL, NULL), 0);
    sidecar_free(rv);
    char *paths[] = {tmpdir};
    gk_batch b;
    view_load load;
    memset(&load, 0, sizeof load);
    batch_open(&b, 1, paths, 0);
    b.prepare = view_load_prepare;
    b.prepare_ctx = &load;
    view_queue q;
    view_queue_init(&q, &b, &load);
    while (view_queue_work(&q, 5))
        ;
    assert_int_equal(q.n, 2);
    assert_int_equal(q.reviewed, 1);
    int e = strstr(b.files.v[0].path, "empty") ? 0 : 1;
    assert_int_equal(q.v[e].status, VQ_UNREADABLE);           /* listed, with the reason */
    assert_non_null(strstr(q.v[e].why, "空"));
    assert_int_equal(q.v[1 - e].review, GK_REV_DONE);
    assert_int_equal(q.order[0], e);                          /* unreadable first */
    q.filter = VQ_ONLY_OPEN;
    view_queue_reorder(&q);
    assert_int_equal(q.norder, 0);
    view_queue_free(&q);
    batch_free(&b);
    view_load_free(&load);
    free(empty);
    remove_tmp(path);
    free(path);
}


/* ---- issue 18: findings order, cells by label, same-value corrections, recovery ---- */

static void test_findings_order_and_lookup(void **state)
{
    (void)state;
    gk_report *r = open_sample("sample-reports/004_3cc3c4a50339be4b.txt");
    int *v = xmalloc((size_t)r->nfindings * sizeof *v), n = view_findings_order(r, 0, NULL, 1, v);
    assert_int_equal(n, r->nfindings);
    assert_int_equal(r->findings[v[0]].severity, GK_SEV_ERROR);            /* errors first */
    for (int k = 1; k < n; k++)
        assert_true(r->findings[v[k - 1]].severity == GK_SEV_ERROR || r->findings[v[k]].severity != GK_SEV_ERROR);
    assert_int_equal(view_findings_order(r, VIEW_ONLY_ERRORS, NULL, 1, v), r->nerrors);
    int wrapped = 0, f = view_findings_step(r, VIEW_ONLY_ERRORS, NULL, -1, 1, &wrapped);
    assert_int_equal(f, v[0]);
    assert_int_equal(view_findings_step(r, VIEW_ONLY_ERRORS, NULL, f, 1, &wrapped), f);  /* one error: wraps */
    assert_true(wrapped);
    const char **rules = xmalloc((size_t)r->nfindings * sizeof *rules);
    int nr = view_findings_rules(r, rules);
    assert_true(nr >= 2);
    int m = view_findings_order(r, 0, rules[0], 1, v);
    for (int k = 0; k < m; k++)
        assert_string_equal(r->findings[v[k]].rule, rules[0]);
    free(rules);
    free(v);
    const gk_template *t = r->tpl;
    int c = template_cell_index(t, "t3.new.natural");
    assert_int_equal(view_cell_lookup(t, "t3.new.natural"), c);
    assert_int_equal(view_cell_lookup(t, "T3.NEW.NATURAL"), c);
    assert_int_equal(view_cell_lookup(t, "本年新收·自然人"), c);
    assert_int_equal(view_cell_lookup(t, "本年新收 自然人"), c);
    assert_int_equal(view_cell_lookup(t, "本年新收自然人"), c);
    assert_int_equal(view_cell_lookup(t, "本年新收"), -2);                  /* several cells */
    assert_int_equal(view_cell_lookup(t, "没有这一格"), -1);
    report_free(r);
}

static void test_same_value_and_recovery(void **state)
{
    (void)state;
    char *path = copy_sample("003_1a8c02130c595433.txt");
    char *sdir = xasprintf("%s.state", path);
    setenv("XDG_STATE_HOME", sdir, 1);
    view_review s;
    gk_report *r = open_reviewed(path, &s, "审核员甲");
    int c = template_cell_at(r->tpl, 3, 0, 1);                 /* 本年新收·商业企业: 0 in the report */
    assert_true(c >= 0);
    char *msg = NULL;
    EXPECT_REFUSED(view_review_correct(&s, r, c, "0", &msg), "与原值相同");   /* 5 -> 5 is not recorded */
    assert_false(view_review_dirty(&s));
    EXPECT_OK(view_review_correct(&s, r, c, "3", &msg));
    assert_int_equal(view_review_correct(&s, r, c, "0", &msg), 0);            /* back to the report's value */
    assert_non_null(strstr(msg, "已撤销"));
    free(msg);
    assert_null(sidecar_find(s.rv, GK_RV_CORRECTION, NULL, r->tpl->cells[c].id));
    int n = cell_of(r, "t3.new.natural");
    EXPECT_OK(view_review_correct(&s, r, n, "8", &msg));
    EXPECT_OK(view_review_set_note(&s, r, n, "有 空格 和\n换行 %", &msg));
    EXPECT_OK(view_review_cycle_state(&s, &msg));
    recover_data d;
    memset(&d, 0, sizeof d);
    assert_int_equal(view_review_snapshot(&s, &d), 3);
    char now[40];
    d.when = xstrdup(recover_now(now, sizeof now));
    char *err = NULL;
    assert_int_equal(recover_write(path, &d, &err), 0);
    recover_data_free(&d);
    view_review_free(&s);
    report_free(r);
    recover_data back;
    assert_int_equal(recover_read(path, &back), 1);
    assert_int_equal(back.nops, 3);
    r = open_reviewed(path, &s, "审核员甲");
    EXPECT_OK(view_review_restore(&s, r, &back, &msg));
    char buf[48];
    assert_string_equal(view_cell_text(r, n, buf, sizeof buf), "8'");
    assert_string_equal(view_review_note(&s, r, n), "有 空格 和\n换行 %");
    assert_int_equal(s.rv->state, GK_REV_IN_PROGRESS);
    assert_true(view_review_dirty(&s));
    recover_data_free(&back);
    recover_remove(path);
    assert_int_equal(recover_read(path, &back), 0);
    char *rp = recover_path(path);                                  /* a broken file is refused */
    FILE *fp = fopen(rp, "w");
    assert_non_null(fp);
    fputs("gkreview-recover 1\nreport /x\nop Z - - - 0\n", fp);
    fclose(fp);
    assert_int_equal(recover_read(path, &back), -1);
    unlink(rp);
    free(rp);
    char when[32];
    assert_string_equal(view_review_when("not a time", when, sizeof when), "not a time");
    setenv("TZ", "UTC", 1);
    tzset();
    assert_string_equal(view_review_when("2026-05-01T16:30:00+08:00", when, sizeof when), "2026-05-01 08:30");
    assert_string_equal(view_review_when("2026-05-01T08:30:00Z", when, sizeof when), "2026-05-01 08:30");
    unsetenv("TZ");
    tzset();
    view_review_free(&s);
    report_free(r);
    unsetenv("XDG_STATE_HOME");
    free(sdir);
    free(path);
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
        cmocka_unit_test(test_review_values),
        cmocka_unit_test(test_review_correct_undo_save),
        cmocka_unit_test(test_review_dismiss),
        cmocka_unit_test(test_queue_matches_check),
        cmocka_unit_test(test_queue_unreadable_and_states),
        cmocka_unit_test(test_findings_order_and_lookup),
        cmocka_unit_test(test_same_value_and_recovery),
    };
    return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
