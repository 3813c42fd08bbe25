/* test_xyear.c — pairing consecutive years of one body and the XYEAR rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "batch.h"
#include "extract.h"
#include "fixture.h"
#include "pipeline.h"
#include "rules.h"
#include "xyear.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int index_of(const gk_batch *b, const char *name)
{
    for (size_t i = 0; i < b->files.n; i++)
        if (strstr(b->files.v[i].path, name))
            return (int)i;
    fail_msg("%s not listed", name);
    return -1;
}

static void test_body_key(void **state)
{
    (void)state;
    char *a = xyear_body_key("西村乡人民政府"), *b = xyear_body_key("西村乡 "), *c = xyear_body_key("川汇区政府办公室");
    assert_string_equal(a, "西村乡");
    assert_string_equal(b, "西村乡");
    assert_string_equal(c, "川汇区政府办公室");
    free(a);
    free(b);
    free(c);
}

static void test_pairs_and_findings(void **state)
{
    (void)state;
    gk_batch b;
    char *paths[] = {"sample-reports"};
    batch_open(&b, 1, paths, 1);
    int x23 = index_of(&b, "004_3cc3c4a50339be4b"), x24 = index_of(&b, "202_xyear_xicun_2024");
    int h23 = index_of(&b, "001_318a82d3163b8b1e"), h24 = index_of(&b, "201_xyear_huxian_2024");
    assert_int_equal(b.next[x23], x24);
    assert_int_equal(b.prev[x24], x23);
    assert_int_equal(b.next[h23], h24);
    assert_int_equal(b.prev[h24], h23);
    assert_int_equal(b.prev[x23], -1);
    assert_int_equal(b.next[index_of(&b, "003_1a8c02130c595433")], -1);

    char *why = NULL;
    gk_report *r = batch_load(&b, (size_t)x24, &why);
    assert_non_null(r);
    const gk_finding *f = fx_find(r, "XYEAR.CARRY", "t3.carried_in.natural");
    assert_non_null(f);
    assert_int_equal(f->severity, GK_SEV_ERROR);
    assert_non_null(strstr(f->message, "004_3cc3c4a50339be4b.txt"));
    assert_int_equal(f->line, 57);
    assert_non_null(fx_find(r, "XYEAR.CARRY", "t3.carried_in.total"));
    assert_int_equal(fx_count(r, "XYEAR.CARRY"), 2);
    f = fx_find(r, "XYEAR.VALID", "t2.normative.valid");
    assert_non_null(f);
    assert_int_equal(f->severity, GK_SEV_WARNING);
    assert_int_equal(fx_count(r, "XYEAR.VALID"), 1);
    report_free(r);

    r = batch_load(&b, (size_t)x23, &why);
    assert_non_null(fx_find(r, "XYEAR.CARRY", "t3.carried_out.natural"));
    f = fx_find(r, "XYEAR.CARRY", "t3.carried_out.total");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "202_xyear_xicun_2024.txt"));
    assert_int_equal(f->line, 80);
    report_free(r);

    for (int k = 0; k < 2; k++) {
        r = batch_load(&b, (size_t)(k ? h23 : h24), &why);
        assert_int_equal(fx_count(r, "XYEAR.CARRY"), 0);
        assert_int_equal(fx_count(r, "XYEAR.VALID"), 0);
        report_free(r);
    }
    for (size_t i = 0; i < b.files.n; i++)
        batch_release(&b, i);
    batch_free(&b);
}

static void test_correction_rechecks_xyear(void **state)
{
    (void)state;
    gk_batch b;
    char *paths[] = {"sample-reports/004_3cc3c4a50339be4b.txt", "sample-reports/202_xyear_xicun_2024.txt"};
    batch_open(&b, 2, paths, 1);
    char *why = NULL;
    gk_report *r = batch_load(&b, 1, &why);
    assert_int_equal(fx_count(r, "XYEAR.CARRY"), 2);
    report_correct(r, template_cell_index(r->tpl, "t3.carried_in.natural"), 2);
    report_correct(r, template_cell_index(r->tpl, "t3.carried_in.total"), 2);
    rules_check(r);
    assert_int_equal(fx_count(r, "XYEAR.CARRY"), 0);
    report_free(r);
    batch_free(&b);
}

/* The title peek that pairs years decodes the whole file but splits only the
 * lines above section 一: on every sample report (each encoding, layout and
 * title style) its lines are the full decode's first lines, and its body and
 * year are the full parse's. */
static void test_peek_matches_full_parse(void **state)
{
    (void)state;
    gk_batch b;
    char *paths[] = {"sample-reports", "tests/fuzz/regressions/fuzz_report"};
    batch_open(&b, 2, paths, 0);
    assert_true(b.files.n >= 19);
    int peeked = 0;
    for (size_t i = 0; i < b.files.n; i++) {
        const char *path = b.files.v[i].path;
        char *buf, *why = NULL;
        size_t len;
        const char *reason = NULL;
        if (util_read_file(path, GK_MAX_FILE, &buf, &len, &reason) != 0)
            continue;
        gk_text *all = text_decode(buf, len, &reason);
        gk_text *head = text_decode_until(buf, len, extract_title_lines, NULL, NULL, &reason);
        assert_int_equal(all != NULL, head != NULL);
        if (all) {
            assert_true(head->nlines >= 1 && head->nlines <= all->nlines && head->nlines <= 40);
            assert_string_equal(head->encoding, all->encoding);
            for (size_t k = 0; k < head->nlines; k++) {
                assert_string_equal(head->orig[k].s, all->orig[k].s);
                assert_string_equal(head->norm[k].s, all->norm[k].s);
            }
        }
        text_free(all);
        text_free(head);
        free(buf);
        gk_report *r = report_open(path, &why);
        free(why);
        why = NULL;
        char *body = NULL;
        int year = 0;
        int rc = report_peek(path, &body, &year, NULL);
        assert_int_equal(rc == 0, r != NULL);
        if (r) {
            if (strcmp(body, r->body ? r->body : "") != 0 || year != r->year)
                fail_msg("%s: peek %s %d, full parse %s %d", path, body, year, r->body, r->year);
            peeked++;
        }
        free(body);
        report_free(r);
    }
    assert_true(peeked >= 19);
    batch_free(&b);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

/* The full read of a batch reuses the title peek's choice of encoding, but
 * only for the same, unchanged file: a verdict planted in what the peek
 * learnt is taken while the file is as it was, and not once it changed. */
static void test_peek_verdict_reused_only_for_unchanged_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/gk_peekedXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/r.txt", dir);
    char *text = fx_report(NULL, NULL, NULL);
    write_file(path, text);

    gk_peeked p;
    memset(&p, 0, sizeof p);
    char *body = NULL, *why = NULL;
    int year = 0;
    assert_int_equal(report_peek(path, &body, &year, &p), 0);
    assert_string_equal(body, "测试镇人民政府");
    assert_int_equal(year, 2023);
    free(body);
    assert_int_equal(p.verdict, TEXT_UTF8);

    p.verdict = TEXT_BINARY;           /* planted: the full read must take it */
    gk_report *r = report_open_peeked(path, &p, &why);
    assert_null(r);
    assert_non_null(strstr(why, "二进制"));
    free(why);
    why = NULL;

    char *longer = xasprintf("%s\n附：本报告完。\n", text);
    write_file(path, longer);          /* changed: scanned afresh */
    r = report_open_peeked(path, &p, &why);
    assert_non_null(r);
    assert_string_equal(r->text->encoding, "UTF-8");
    assert_string_equal(r->body, "测试镇人民政府");
    report_free(r);

    free(longer);
    free(text);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_body_key),
        cmocka_unit_test(test_pairs_and_findings),
        cmocka_unit_test(test_correction_rechecks_xyear),
        cmocka_unit_test(test_peek_matches_full_parse),
        cmocka_unit_test(test_peek_verdict_reused_only_for_unchanged_file),
    };
    return cmocka_run_group_tests_name("xyear", tests, NULL, NULL);
}
