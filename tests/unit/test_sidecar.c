/* test_sidecar.c — the reviewer's sidecar: format round trip, notes that
 * must survive byte for byte, merging, conflicts, a changed report and a
 * corrupt sidecar that is never overwritten. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pipeline.h"
#include "report.h"
#include "sidecar.h"
#include "util.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- fixtures -------------------------------------------------------------- */

typedef struct {
    char *dir;
    char *report;     /* a copy of a sample report inside dir */
    char *sidecar;    /* report + ".review.ini" */
} fx;

static char *slurp(const char *path, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    const char *why = NULL;
    if (util_read_file(path, 64u << 20, &buf, &n, &why) != 0)
        return NULL;
    if (len)
        *len = n;
    return buf;
}

static void spit(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static int setup_named(void **state, const char *sample)
{
    fx *f = xcalloc(1, sizeof *f);
    char tmpl[] = "/tmp/gk-sidecar-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    f->dir = xstrdup(tmpl);
    char *xdg = xasprintf("%s/xdg", f->dir);
    setenv("XDG_DATA_HOME", xdg, 1);
    free(xdg);
    char *cfg = xasprintf("%s/cfg", f->dir);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    free(cfg);
    char *src = xasprintf("sample-reports/%s", sample);
    size_t len = 0;
    char *data = slurp(src, &len);
    assert_non_null(data);
    f->report = xasprintf("%s/%s", f->dir, sample);
    spit(f->report, data, len);
    free(data);
    free(src);
    f->sidecar = xasprintf("%s.review.ini", f->report);
    *state = f;
    return 0;
}

static int setup(void **state)
{
    return setup_named(state, "003_1a8c02130c595433.txt");
}

static int setup_err(void **state)
{
    return setup_named(state, "101_err_row_total.txt");
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    chmod(p, 0700);
    return remove(p);
}

static int teardown(void **state)
{
    fx *f = *state;
    nftw(f->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    free(f->dir);
    free(f->report);
    free(f->sidecar);
    free(f);
    return 0;
}

static gk_review *load_ok(const char *report)
{
    gk_review *rv = NULL;
    char *warn = NULL;
    int rc = sidecar_load(report, &rv, &warn);
    if (rc != 0)
        fail_msg("sidecar_load: %d %s", rc, warn ? warn : "");
    assert_null(warn);
    assert_non_null(rv);
    return rv;
}

static void save_ok(gk_review *rv)
{
    char *where = NULL, *err = NULL;
    int rc = sidecar_save(NULL, rv, &where, &err);
    if (rc != 0)
        fail_msg("sidecar_save: %s", err ? err : "");
    assert_non_null(where);
    free(where);
    free(err);
}

static const gk_rv_entry *must_find(const gk_review *rv, gk_rv_kind k, const char *rule, const char *cell)
{
    const gk_rv_entry *e = sidecar_find(rv, k, rule, cell);
    if (!e)
        fail_msg("no entry %d %s %s", (int)k, rule ? rule : "-", cell ? cell : "-");
    return e;
}

/* Every line of the file is under iniparser's limit. */
static void assert_short_lines(const char *path)
{
    size_t len = 0;
    char *s = slurp(path, &len);
    assert_non_null(s);
    size_t start = 0;
    for (size_t i = 0; i <= len; i++)
        if (i == len || s[i] == '\n') {
            if (i - start >= 1000)
                fail_msg("line of %zu bytes", i - start);
            start = i + 1;
        }
    free(s);
}

/* ---- format ------------------------------------------------------------------ */

static void test_round_trip(void **state)
{
    fx *f = *state;
    gk_review *rv = load_ok(f->report);
    assert_string_equal(sidecar_where(rv), f->sidecar);
    assert_int_equal(rv->nentries, 0);
    sidecar_set_correction(rv, "t3.new.natural", 7, "", "张三");
    sidecar_set_correction(rv, "t2.fee.amount", 3.25, "3.5", "张三");
    sidecar_set_note(rv, "t3.new.natural", "核对原件后更正", "张三");
    sidecar_set_note(rv, NULL, "整份报告的备注", "李四");
    sidecar_set_dismissal(rv, "T3.BALANCE", NULL, "已电话核实", "李四");
    sidecar_set_dismissal(rv, "CELL.BLANK", "t3.partial.natural", "空白即 0", "李四");
    sidecar_set_state(rv, GK_REV_IN_PROGRESS, "张三");
    save_ok(rv);
    assert_short_lines(f->sidecar);

    gk_review *b = load_ok(f->report);
    assert_int_equal(b->nentries, 6);
    assert_int_equal(b->state, GK_REV_IN_PROGRESS);
    assert_string_equal(b->state_who, "张三");
    assert_string_equal(b->state_when, rv->state_when);
    assert_int_equal(b->report_changed, 0);
    assert_string_equal(b->sha256, b->report_sha256);
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *x = &rv->entries[i];
        const gk_rv_entry *y = must_find(b, x->kind, x->rule, x->cell);
        assert_string_equal(x->text, y->text);
        assert_string_equal(x->who, y->who);
        assert_string_equal(x->when, y->when);
        assert_true(x->value == y->value);
        if (x->original)
            assert_string_equal(x->original, y->original);
        assert_int_equal(y->nalts, 0);
    }
    const gk_rv_entry *fee = must_find(b, GK_RV_CORRECTION, NULL, "t2.fee.amount");
    assert_true(fee->value == 3.25);
    assert_string_equal(fee->original, "3.5");
    /* readable, sections by kind, rule ids in upper case */
    char *text = slurp(f->sidecar, NULL);
    assert_non_null(strstr(text, "[report]\nversion = 2\n"));
    size_t tl = strlen(text), el = strlen("\n; end — 审核记录到此完整结束\n");
    assert_true(tl > el && !strcmp(text + tl - el, "\n; end — 审核记录到此完整结束\n"));  /* the end line, last */
    assert_non_null(strstr(text, "state = 审核中\n"));
    assert_non_null(strstr(text, "[correction t3.new.natural]\nvalue = 7\noriginal = \nwho = 张三\n"));
    assert_non_null(strstr(text, "[note report]\ntext = 整份报告的备注\n"));
    assert_non_null(strstr(text, "[dismiss T3.BALANCE *]\nreason = 已电话核实\n"));
    assert_non_null(strstr(text, "[dismiss CELL.BLANK t3.partial.natural]\n"));
    assert_non_null(strstr(text, "sha256 = "));
    free(text);
    /* saving what was loaded changes nothing */
    char *before = slurp(f->sidecar, NULL);
    save_ok(b);
    char *after = slurp(f->sidecar, NULL);
    assert_string_equal(before, after);
    free(before);
    free(after);
    sidecar_free(b);
    sidecar_free(rv);
}

static char *cjk_text(int n)
{
    sbuf b;
    sbuf_init(&b);
    static const char *const words[] = {"政府", "信息", "公开", "年度", "报告", "审核", "更正", "𠀀", "，", "。"};
    int count = 0;
    for (int i = 0; count < n; i++) {
        const char *w = words[(i * 7) % 10];
        sbuf_adds(&b, w);
        count += strcmp(w, "𠀀") && strcmp(w, "，") && strcmp(w, "。") ? 2 : 1;
    }
    return sbuf_steal(&b);
}

static void test_long_cjk_note(void **state)
{
    fx *f = *state;
    char *note = cjk_text(5000);
    assert_true(strlen(note) > 14000);
    gk_review *rv = load_ok(f->report);
    sidecar_set_note(rv, "t3.new.natural", note, "审核员");
    sidecar_set_dismissal(rv, "TEXT.MISMATCH", NULL, note, "审核员");
    save_ok(rv);
    assert_short_lines(f->sidecar);
    gk_review *b = load_ok(f->report);
    assert_string_equal(must_find(b, GK_RV_NOTE, NULL, "t3.new.natural")->text, note);
    assert_string_equal(must_find(b, GK_RV_DISMISS, "TEXT.MISMATCH", NULL)->text, note);
    char *text = slurp(f->sidecar, NULL);
    assert_non_null(strstr(text, "\ntext.1 = "));
    assert_non_null(strstr(text, "\ntext.20 = "));
    free(text);
    sidecar_free(b);
    sidecar_free(rv);
    free(note);
}

static char *meta_text(void)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "  leading spaces = ; # [ ] \" ' \\ and\na newline\r\n\ttab ");
    sbuf_adds(&b, "%41 %% %zz 100% [report]\nversion = 2\n[note report]\n; not a comment\n# nor this\n");
    sbuf_adds(&b, "\"quoted\" 'single' key = value = more ;; ## \\\\ \\\n");
    for (int i = 0; i < 1500; i++)
        sbuf_addc(&b, ' ');
    sbuf_adds(&b, "中文=值；全角；【括号】");
    for (int c = 1; c < 256; c++)          /* every byte, invalid UTF-8 included */
        sbuf_addc(&b, (char)c);
    sbuf_adds(&b, "trailing backslash \\");
    for (int i = 0; i < 700; i++)
        sbuf_addc(&b, ' ');
    return sbuf_steal(&b);
}

static void test_metachar_note(void **state)
{
    fx *f = *state;
    char *note = meta_text();
    char *enc = sidecar_encode(note);
    char *dec = sidecar_decode(enc);
    assert_string_equal(dec, note);
    assert_null(strpbrk(enc, "\n\r\t;#\"'\\"));
    free(enc);
    free(dec);
    const char *small[] = {" ", "  ", "=", ";", "#", "[", "]", "\"", "'", "\\", "\n", " x ", "a\\", "\"\"", "''", "%", ""};
    gk_review *rv = load_ok(f->report);
    sidecar_set_note(rv, NULL, note, " 名字 ; # = \" \\ ");
    sidecar_set_dismissal(rv, "CELL.BLANK", NULL, "[dismiss x y]\nreason = z", "a");
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
        char cell[32];
        snprintf(cell, sizeof cell, "t3.deny.secret.c%zu", i);
        if (small[i][0])
            sidecar_set_note(rv, cell, small[i], small[i]);
    }
    save_ok(rv);
    assert_short_lines(f->sidecar);
    gk_review *b = load_ok(f->report);
    const gk_rv_entry *e = must_find(b, GK_RV_NOTE, NULL, NULL);
    assert_int_equal(strlen(e->text), strlen(note));
    assert_memory_equal(e->text, note, strlen(note));
    assert_string_equal(e->who, " 名字 ; # = \" \\ ");
    assert_string_equal(must_find(b, GK_RV_DISMISS, "CELL.BLANK", NULL)->text, "[dismiss x y]\nreason = z");
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
        if (!small[i][0])
            continue;
        char cell[32];
        snprintf(cell, sizeof cell, "t3.deny.secret.c%zu", i);
        const gk_rv_entry *x = must_find(b, GK_RV_NOTE, NULL, cell);
        assert_string_equal(x->text, small[i]);
        assert_string_equal(x->who, small[i]);
    }
    sidecar_free(b);
    sidecar_free(rv);
    free(note);
}

/* ---- merging --------------------------------------------------------------------- */

static void test_merge_divergent(void **state)
{
    fx *f = *state;
    gk_review *seed = load_ok(f->report);
    sidecar_set_note(seed, "t3.granted.total", "早先的备注", "甲");
    sidecar_set_note(seed, "t3.partial.total", "将被乙删除", "甲");
    save_ok(seed);
    sidecar_free(seed);

    gk_review *a = load_ok(f->report);
    gk_review *b = load_ok(f->report);
    sidecar_set_note(a, "t3.new.total", "甲的备注", "甲");
    sidecar_set_correction(a, "t3.new.natural", 6, "", "甲");
    sidecar_set_state(a, GK_REV_IN_PROGRESS, "甲");
    sidecar_set_dismissal(b, "FEE.NOT_REPORTED", NULL, "另有说明", "乙");
    sidecar_set_note(b, "t3.carried_in.total", "乙的备注", "乙");
    assert_int_equal(sidecar_remove(b, GK_RV_NOTE, NULL, "t3.partial.total"), 1);
    save_ok(a);
    save_ok(b);                                /* b merges what a wrote */
    assert_int_equal(b->nentries, 5);
    assert_int_equal(b->state, GK_REV_IN_PROGRESS);

    gk_review *c = load_ok(f->report);
    assert_int_equal(c->nentries, 5);
    must_find(c, GK_RV_NOTE, NULL, "t3.granted.total");
    must_find(c, GK_RV_NOTE, NULL, "t3.new.total");
    must_find(c, GK_RV_CORRECTION, NULL, "t3.new.natural");
    must_find(c, GK_RV_DISMISS, "FEE.NOT_REPORTED", NULL);
    must_find(c, GK_RV_NOTE, NULL, "t3.carried_in.total");
    assert_null(sidecar_find(c, GK_RV_NOTE, NULL, "t3.partial.total"));
    assert_int_equal(c->state, GK_REV_IN_PROGRESS);
    assert_int_equal(sidecar_conflicts(c), 0);

    /* a removes an entry b never touched; b (stale) saves something else:
     * the removal stands, b's change is kept */
    assert_int_equal(sidecar_remove(a, GK_RV_NOTE, NULL, "t3.new.total"), 0 + 1);
    save_ok(a);
    sidecar_set_note(b, "t3.carried_out.total", "乙的第二条", "乙");
    save_ok(b);
    gk_review *d = load_ok(f->report);
    assert_null(sidecar_find(d, GK_RV_NOTE, NULL, "t3.new.total"));
    must_find(d, GK_RV_NOTE, NULL, "t3.carried_out.total");
    assert_int_equal(d->nentries, 5);

    /* a note b changed after a removed it is kept (nothing b wrote is lost) */
    gk_review *e1 = load_ok(f->report), *e2 = load_ok(f->report);
    sidecar_remove(e1, GK_RV_NOTE, NULL, "t3.granted.total");
    sidecar_set_note(e2, "t3.granted.total", "乙改过的备注", "乙");
    save_ok(e1);
    save_ok(e2);
    gk_review *g = load_ok(f->report);
    assert_string_equal(must_find(g, GK_RV_NOTE, NULL, "t3.granted.total")->text, "乙改过的备注");

    sidecar_free(a);
    sidecar_free(b);
    sidecar_free(c);
    sidecar_free(d);
    sidecar_free(e1);
    sidecar_free(e2);
    sidecar_free(g);
}

static void test_conflict_kept(void **state)
{
    fx *f = *state;
    gk_review *a = load_ok(f->report);
    gk_review *b = load_ok(f->report);
    sidecar_set_correction(a, "t3.new.natural", 7, "", "甲");
    sidecar_set_correction(b, "t3.new.natural", 8, "", "乙");
    sidecar_set_correction(a, "t3.granted.natural", 3, "", "甲");   /* the same value: no conflict */
    sidecar_set_correction(b, "t3.granted.natural", 3, "", "乙");
    save_ok(a);
    save_ok(b);
    gk_review *c = load_ok(f->report);
    const gk_rv_entry *e = must_find(c, GK_RV_CORRECTION, NULL, "t3.new.natural");
    assert_int_equal(e->nalts, 1);
    assert_true((e->value == 7 && !strcmp(e->alts[0].text, "8") && !strcmp(e->alts[0].who, "乙")) ||
                (e->value == 8 && !strcmp(e->alts[0].text, "7") && !strcmp(e->alts[0].who, "甲")));
    assert_int_equal(must_find(c, GK_RV_CORRECTION, NULL, "t3.granted.natural")->nalts, 0);
    assert_int_equal(sidecar_conflicts(c), 1);
    char *text = slurp(f->sidecar, NULL);
    assert_non_null(strstr(text, "conflict = 1\nother.1.value = "));
    free(text);

    /* a third writer, stale, with yet another value: all three are kept */
    sidecar_set_correction(a, "t3.new.natural", 9, "", "丙");
    save_ok(a);
    gk_review *d = load_ok(f->report);
    e = must_find(d, GK_RV_CORRECTION, NULL, "t3.new.natural");
    assert_int_equal(e->nalts, 2);
    int seen7 = e->value == 7, seen8 = e->value == 8, seen9 = e->value == 9;
    for (int i = 0; i < e->nalts; i++) {
        seen7 |= !strcmp(e->alts[i].text, "7");
        seen8 |= !strcmp(e->alts[i].text, "8");
        seen9 |= !strcmp(e->alts[i].text, "9");
    }
    assert_true(seen7 && seen8 && seen9);

    /* a reviewer who decides resolves it */
    sidecar_set_correction(d, "t3.new.natural", 8, "", "组长");
    save_ok(d);
    gk_review *g = load_ok(f->report);
    e = must_find(g, GK_RV_CORRECTION, NULL, "t3.new.natural");
    assert_int_equal(e->nalts, 0);
    assert_true(e->value == 8);
    assert_string_equal(e->who, "组长");

    /* the overlay uses the first value of a conflict */
    char *why = NULL;
    gk_report *r = report_open(f->report, &why);
    assert_non_null(r);
    assert_int_equal(report_review(c, r, NULL), 0);
    int k = template_cell_index(r->tpl, "t3.new.natural");
    assert_int_equal(r->cells[k].status, GK_ST_CORRECTED);
    assert_true(r->cells[k].value == must_find(c, GK_RV_CORRECTION, NULL, "t3.new.natural")->value);
    report_free(r);

    sidecar_free(a);
    sidecar_free(b);
    sidecar_free(c);
    sidecar_free(d);
    sidecar_free(g);
}

static void test_changed_report(void **state)
{
    fx *f = *state;
    gk_review *rv = load_ok(f->report);
    sidecar_set_correction(rv, "t3.new.natural", 6, "", "甲");
    sidecar_set_note(rv, "t3.new.total", "备注", "甲");
    save_ok(rv);
    sidecar_free(rv);

    FILE *fp = fopen(f->report, "ab");
    assert_non_null(fp);
    fputs("\n补充说明：本报告已更新。\n", fp);
    fclose(fp);

    char *warn = NULL;
    gk_review *b = NULL;
    assert_int_equal(sidecar_load(f->report, &b, &warn), 1);
    assert_non_null(warn);
    assert_non_null(strstr(warn, "已改变"));
    assert_non_null(strstr(warn, f->report));
    free(warn);
    assert_int_equal(b->report_changed, 1);
    assert_string_not_equal(b->sha256, b->report_sha256);
    assert_int_equal(b->nentries, 2);               /* entries still load, matched by cell id */
    char *why = NULL;
    gk_report *r = report_open(f->report, &why);
    assert_non_null(r);
    report_review(b, r, NULL);
    assert_int_equal(r->cells[template_cell_index(r->tpl, "t3.new.natural")].status, GK_ST_CORRECTED);
    report_free(r);
    /* saving records the report as it is now */
    save_ok(b);
    sidecar_free(b);
    gk_review *c = load_ok(f->report);
    assert_int_equal(c->report_changed, 0);
    sidecar_free(c);
}

static void test_corrupt_never_overwritten(void **state)
{
    fx *f = *state;
    static const char garbage[] = "this is [not an ini\nno equals sign here\n\001\002\003\n";
    spit(f->sidecar, garbage, sizeof garbage - 1);
    char *warn = NULL;
    gk_review *rv = NULL;
    assert_int_equal(sidecar_load(f->report, &rv, &warn), 1);
    assert_non_null(warn);
    assert_non_null(strstr(warn, f->sidecar));
    free(warn);
    char *alt = xasprintf("%s.review.1.ini", f->report);
    assert_string_equal(sidecar_where(rv), alt);
    sidecar_set_note(rv, NULL, "新的备注", "甲");
    save_ok(rv);
    sidecar_free(rv);
    size_t len = 0;
    char *now = slurp(f->sidecar, &len);
    assert_int_equal(len, sizeof garbage - 1);
    assert_memory_equal(now, garbage, len);
    free(now);
    /* the next load still warns, and finds the entries in the new file */
    rv = NULL;
    assert_int_equal(sidecar_load(f->report, &rv, &warn), 1);
    free(warn);
    assert_string_equal(sidecar_where(rv), alt);
    assert_string_equal(must_find(rv, GK_RV_NOTE, NULL, NULL)->text, "新的备注");
    sidecar_free(rv);

    /* corrupt between load and save: left alone, saved beside it */
    unlink(f->sidecar);
    unlink(alt);
    gk_review *a = load_ok(f->report);
    sidecar_set_note(a, NULL, "甲", "甲");
    save_ok(a);
    sidecar_set_note(a, NULL, "甲改", "甲");
    char line[1300];
    memset(line, 'x', sizeof line);
    memcpy(line, "[report]\nversion = 1\nfile   ", 28);
    line[sizeof line - 1] = '\n';
    spit(f->sidecar, line, sizeof line);     /* a long line without "=" */
    char *where = NULL, *err = NULL;
    assert_int_equal(sidecar_save(NULL, a, &where, &err), 0);
    assert_string_equal(where, alt);
    assert_non_null(err);
    assert_non_null(strstr(err, f->sidecar));
    free(where);
    free(err);
    now = slurp(f->sidecar, &len);
    assert_int_equal(len, sizeof line);
    assert_memory_equal(now, line, len);
    free(now);
    sidecar_free(a);

    /* a newer version is not ours to rewrite either */
    unlink(alt);
    static const char v2[] = "[report]\nversion = 3\n";
    spit(f->sidecar, v2, sizeof v2 - 1);
    rv = NULL;
    assert_int_equal(sidecar_load(f->report, &rv, &warn), 1);
    assert_non_null(strstr(warn, "版本"));
    free(warn);
    assert_string_equal(sidecar_where(rv), alt);
    sidecar_free(rv);
    /* unknown keys and sections are refused, not dropped */
    static const char extra[] = "[report]\nversion = 1\nfuture = 1\n";
    spit(f->sidecar, extra, sizeof extra - 1);
    rv = NULL;
    assert_int_equal(sidecar_load(f->report, &rv, &warn), 1);
    assert_non_null(strstr(warn, "future"));
    free(warn);
    sidecar_free(rv);
    free(alt);
}

/* ---- applying ----------------------------------------------------------------------- */

static void test_apply(void **state)
{
    fx *f = *state;
    char *why = NULL;
    gk_report *r = report_open(f->report, &why);
    assert_non_null(r);
    int errors = r->nerrors;
    assert_true(errors > 0);
    int k = template_cell_index(r->tpl, "t3.granted.natural");
    assert_true(k >= 0);
    gk_review *rv = load_ok(f->report);
    sidecar_set_dismissal(rv, "T3.ROW_TOTAL", NULL, "已核实", "甲");
    sidecar_correct(rv, r, k, 5, "甲");
    assert_string_equal(must_find(rv, GK_RV_CORRECTION, NULL, "t3.granted.natural")->original, "3");
    assert_int_equal(report_review(rv, r, NULL), 0);
    assert_int_equal(r->cells[k].status, GK_ST_CORRECTED);
    assert_true(r->cells[k].value == 5);
    int dismissed = 0;
    for (int i = 0; i < r->nfindings; i++)
        if (!strcmp(r->findings[i].rule, "T3.ROW_TOTAL")) {
            assert_true(r->findings[i].dismissed);
            assert_string_equal(r->findings[i].dismiss_reason, "已核实");
            dismissed++;
        }
    assert_true(dismissed > 0);
    /* the overlay follows the review: removing restores */
    sidecar_remove(rv, GK_RV_DISMISS, "T3.ROW_TOTAL", NULL);
    sidecar_remove(rv, GK_RV_CORRECTION, NULL, "t3.granted.natural");
    report_review(rv, r, NULL);
    assert_int_not_equal(r->cells[k].status, GK_ST_CORRECTED);
    assert_int_equal(r->nerrors, errors);
    /* an entry for a cell the template does not have is reported */
    sidecar_set_note(rv, "t9.nothing.here", "x", "甲");
    char *warn = NULL;
    assert_int_equal(report_review(rv, r, &warn), 1);
    assert_non_null(warn);
    assert_non_null(strstr(warn, "t9.nothing.here"));
    free(warn);
    sidecar_free(rv);
    report_free(r);
}

static void test_fallback_dir(void **state)
{
    fx *f = *state;
    if (geteuid() == 0)
        skip();                                /* root writes anywhere; the shell suite drops privileges */
    char *xdg = xasprintf("%s/xdg", f->dir);
    mkdir(xdg, 0755);                          /* $XDG_DATA_HOME exists, gkreview/ in it does not */
    free(xdg);
    chmod(f->dir, 0555);
    gk_review *rv = load_ok(f->report);
    assert_true(rv->fallback);
    sidecar_set_note(rv, NULL, "只读目录", "甲");
    save_ok(rv);
    assert_int_equal(access(f->sidecar, F_OK), -1);
    assert_non_null(strstr(sidecar_where(rv), "/xdg/gkreview/"));
    sidecar_free(rv);
    gk_review *b = load_ok(f->report);
    assert_string_equal(must_find(b, GK_RV_NOTE, NULL, NULL)->text, "只读目录");
    sidecar_free(b);
    chmod(f->dir, 0755);
}

static void test_reviewer_name(void **state)
{
    fx *f = *state;
    char *dir = xasprintf("%s/cfg/gkreview", f->dir);
    char *p = xasprintf("%s/cfg", f->dir);
    mkdir(p, 0755);
    mkdir(dir, 0755);
    char *cfg = xasprintf("%s/config.ini", dir);
    static const char ini[] = "[review]\nreviewer = 王审核\n";
    spit(cfg, ini, sizeof ini - 1);
    char *who = sidecar_default_reviewer();
    assert_string_equal(who, "王审核");
    free(who);
    unlink(cfg);
    setenv("USER", "someone", 1);
    who = sidecar_default_reviewer();
    assert_string_equal(who, "someone");
    free(who);
    free(cfg);
    free(dir);
    free(p);
}


/* ---- hostile sidecars (issue #17) ---------------------------------------------------- */

/* A saved sidecar cut at every length: either whole, or reported (cut off or
 * unusable) — and then every entry applied is one that was saved, whole,
 * never a shortened value; a save never overwrites the cut file. */
static void test_cut_anywhere(void **state)
{
    fx *f = *state;
    gk_review *rv = load_ok(f->report);
    sidecar_set_correction(rv, "t3.new.natural", 1234567, "", "甲");
    sidecar_set_correction(rv, "t2.fee.amount", 12.25, "3.5", "乙");
    sidecar_set_note(rv, "t3.new.total", "总计核对：见附件 #2; 50%", "甲");
    sbuf longnote;
    sbuf_init(&longnote);
    for (int i = 0; i < 120; i++)
        sbuf_adds(&longnote, "长备注");
    sidecar_set_note(rv, NULL, longnote.s, "丙");
    sbuf_free(&longnote);
    sidecar_set_dismissal(rv, "T3.BALANCE", NULL, "核实无误", "乙");
    sidecar_set_state(rv, GK_REV_IN_PROGRESS, "甲");
    save_ok(rv);
    size_t len = 0;
    char *whole = slurp(f->sidecar, &len);
    assert_non_null(whole);
    int cut_reported = 0;
    for (size_t l = 0; l <= len; l++) {
        spit(f->sidecar, whole, l);
        gk_review *back = NULL;
        char *warn = NULL;
        int rc = sidecar_load(f->report, &back, &warn);
        if (l >= len - 1) {            /* whole, or only the final newline missing */
            if (rc != 0)
                fail_msg("length %zu of %zu: %s", l, len, warn ? warn : "");
            assert_int_equal(back->nentries, rv->nentries);
        } else if (l > 0) {
            if (rc != 1 || !warn)
                fail_msg("length %zu of %zu: not reported (rc %d)", l, len, rc);
            cut_reported += strstr(warn, "不完整") != NULL;
            assert_true(back->nentries < rv->nentries);
        }
        for (int i = 0; i < back->nentries; i++) {
            const gk_rv_entry *b = &back->entries[i];
            const gk_rv_entry *e = sidecar_find(rv, b->kind, b->rule, b->cell);
            if (!e || strcmp(e->text, b->text) || strcmp(e->who, b->who) || strcmp(e->when, b->when) ||
                e->value != b->value)
                fail_msg("length %zu: entry %s applied as \"%s\"", l, b->cell ? b->cell : "report", b->text);
        }
        free(warn);
        sidecar_free(back);
    }
    assert_true(cut_reported > (int)len / 2);   /* past the header, a cut is named as such */
    /* a save after loading a cut file leaves it alone */
    spit(f->sidecar, whole, len / 2);
    gk_review *back = NULL;
    char *warn = NULL;
    assert_int_equal(sidecar_load(f->report, &back, &warn), 1);
    free(warn);
    sidecar_set_note(back, "t3.new.natural", "新的", "丁");
    char *where = NULL, *err = NULL;
    assert_int_equal(sidecar_save(NULL, back, &where, &err), 0);
    assert_non_null(strstr(where, ".review.1.ini"));
    size_t now_len = 0;
    char *now = slurp(f->sidecar, &now_len);
    assert_int_equal(now_len, len / 2);
    assert_memory_equal(now, whole, now_len);
    free(now);
    free(where);
    free(err);
    sidecar_free(back);
    free(whole);
    sidecar_free(rv);
}

static void test_duplicate_sections(void **state)
{
    fx *f = *state;
    static const char dup[] = "[report]\nversion = 2\nsha256 = \nstate = 审核中\n\n"
                              "[correction t3.new.natural]\nvalue = 5\noriginal = \nwho = 甲\nwhen = 2024-01-01T00:00:00Z\n\n"
                              "[note report]\ntext = 备注\nwho = 甲\nwhen = 2024-01-01T00:00:00Z\n\n"
                              "[correction t3.new.natural]\nvalue = 6\noriginal = \nwho = 乙\nwhen = 2024-01-02T00:00:00Z\n"
                              "; end — 审核记录到此完整结束\n";
    spit(f->sidecar, dup, sizeof dup - 1);
    gk_review *rv = NULL;
    char *warn = NULL;
    assert_int_equal(sidecar_load(f->report, &rv, &warn), 1);
    assert_non_null(strstr(warn, "[correction t3.new.natural] 出现 2 次（第 6 行、第 17 行），采用第 17 行的"));
    free(warn);
    const gk_rv_entry *e = must_find(rv, GK_RV_CORRECTION, NULL, "t3.new.natural");
    assert_true(e->value == 6);
    assert_int_equal(e->nalts, 1);
    assert_string_equal(e->alts[0].text, "5");
    sidecar_free(rv);
    /* a key given twice in one section is an error naming both lines */
    static const char twice[] = "[report]\nversion = 1\nstate = 审核中\nstate = 已审核\n";
    spit(f->sidecar, twice, sizeof twice - 1);
    rv = NULL;
    assert_int_equal(sidecar_load(f->report, &rv, &warn), 1);
    assert_non_null(strstr(warn, "第 4 行：[report] 中的键 state 重复（第 3 行已有）"));
    free(warn);
    sidecar_free(rv);
}

/* Error messages quote a short, neutralised excerpt, never the file. */
static void test_errors_quote_excerpts(void **state)
{
    fx *f = *state;
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "[report]\nversion = 1\n");
    for (int i = 0; i < 200; i++)
        sbuf_adds(&b, "root:x:0:0:root:/root:/bin/bash\x1b]0;PWNED\x07");
    sbuf_adds(&b, "\n");
    spit(f->sidecar, b.s, b.len);
    gk_review *rv = NULL;
    char *warn = NULL;
    assert_int_equal(sidecar_load(f->report, &rv, &warn), 1);
    assert_true(strlen(warn) < 600);
    assert_null(strchr(warn, '\x1b'));
    assert_null(strchr(warn, '\x07'));
    assert_non_null(strstr(warn, "第 3 行无法识别：root:x:0:0:root"));
    assert_non_null(strstr(warn, "…"));
    free(warn);
    sidecar_free(rv);
    sbuf_free(&b);
}

/* The section limit: 50,000 entries load, one more is refused (by count, not by clock). */
static void test_section_limit(void **state)
{
    fx *f = *state;
    for (int extra = 0; extra <= 1; extra++) {
        sbuf b;
        sbuf_init(&b);
        sbuf_adds(&b, "[report]\nversion = 2\nsha256 = \nstate = 审核中\n");
        for (int i = 0; i < 50000 + extra; i++)
            sbuf_printf(&b, "\n[note x%06d.total]\ntext = 备注 %d\nwho = 甲\nwhen = 2024-01-01T00:00:00Z\n", i, i);
        sbuf_adds(&b, "; end — 审核记录到此完整结束\n");
        spit(f->sidecar, b.s, b.len);
        sbuf_free(&b);
        gk_review *rv = NULL;
        char *warn = NULL;
        int rc = sidecar_load(f->report, &rv, &warn);
        if (!extra) {
            assert_int_equal(rc, 0);
            assert_int_equal(rv->nentries, 50000);
            assert_non_null(sidecar_find(rv, GK_RV_NOTE, NULL, "x049999.total"));
        } else {
            assert_int_equal(rc, 1);
            assert_non_null(strstr(warn, "条目超过 50,000 个（上限），不予读取"));
            assert_int_equal(rv->nentries, 0);
        }
        free(warn);
        sidecar_free(rv);
    }
}

/* A symlinked sidecar is neither read nor quoted; a lock that is a link is refused. */
static void test_links(void **state)
{
    fx *f = *state;
    char *target = xasprintf("%s/passwd", f->dir);
    spit(target, "root:x:0:0:root:/root:/bin/bash\n", 32);
    assert_int_equal(symlink(target, f->sidecar), 0);
    gk_review *rv = NULL;
    char *warn = NULL;
    assert_int_equal(sidecar_load(f->report, &rv, &warn), 1);
    assert_non_null(strstr(warn, "是符号链接，不读取也不改动"));
    assert_null(strstr(warn, "root:x"));
    free(warn);
    sidecar_free(rv);
    unlink(f->sidecar);
    char *lock = xasprintf("%s.lock", f->sidecar), *planted = xasprintf("%s/planted", f->dir);
    assert_int_equal(symlink(planted, lock), 0);
    rv = load_ok(f->report);
    sidecar_set_state(rv, GK_REV_DONE, "甲");
    char *where = NULL, *err = NULL;
    assert_int_equal(sidecar_save(NULL, rv, &where, &err), -1);
    assert_non_null(strstr(err, "锁文件是符号链接"));
    struct stat st;
    assert_int_not_equal(lstat(planted, &st), 0);
    assert_int_not_equal(lstat(f->sidecar, &st), 0);
    free(where);
    free(err);
    sidecar_free(rv);
    free(lock);
    free(planted);
    free(target);
}

/* Stored times carry their offset; the later of two is the later instant. */
static void test_time_after(void **state)
{
    (void)state;
    assert_true(sidecar_time_after("2024-05-01T16:31:00+08:00", "2024-05-01T08:30:00Z"));
    assert_false(sidecar_time_after("2024-05-01T16:29:00+08:00", "2024-05-01T08:30:00Z"));
    assert_true(sidecar_time_after("2024-05-01T03:31:00-05:00", "2024-05-01T16:30:00+08:00"));
    assert_true(sidecar_time_after("2024-03-01T00:00:00Z", "2024-02-29T23:59:59Z"));
    assert_false(sidecar_time_after("2024-05-01T08:30:00Z", "2024-05-01T08:30:00Z"));
    char now[40];
    sidecar_now(now, sizeof now);
    assert_true(sidecar_time_after(now, "2020-01-01T00:00:00Z"));
    assert_false(sidecar_time_after("2020-01-01T00:00:00Z", now));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_after),
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_cjk_note, setup, teardown),
        cmocka_unit_test_setup_teardown(test_metachar_note, setup, teardown),
        cmocka_unit_test_setup_teardown(test_merge_divergent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conflict_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changed_report, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_never_overwritten, setup, teardown),
        cmocka_unit_test_setup_teardown(test_apply, setup_err, teardown),
        cmocka_unit_test_setup_teardown(test_fallback_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reviewer_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cut_anywhere, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_sections, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_quote_excerpts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_section_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_links, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
