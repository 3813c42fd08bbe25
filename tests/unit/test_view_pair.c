/* test_view_pair.c — the two-years pair view as data (ui/model/view_pair.c):
 * the sample pair 203/204 (one body, 2022 and 2023) with exact values,
 * carried-over links and repeat shares; the pair 004/202 whose links break;
 * a report without a partner; and seeded pairs of generated reports whose
 * links must agree with the engine's XYEAR.CARRY / XYEAR.VALID findings and
 * whose repeated sentences must be exactly the shared ones, digits aside. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "batch.h"
#include "fixture.h"
#include "view_pair.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const vp_row *row(const view_pair *p, const char *id)
{
    for (int i = 0; i < p->nrows; i++)
        if (!strcmp(p->rows[i].id, id))
            return &p->rows[i];
    fail_msg("no row %s", id);
    return NULL;
}

static const vp_link *link_of(const view_pair *p, const char *id)
{
    const vp_row *r = row(p, id);
    assert_true(r->link >= 0 && r->link < p->nlinks);
    return &p->links[r->link];
}

/* Opens `path` and its partner found in the same folder. */
static gk_report *open_pair(const char *path, view_pair *p, const char *want_partner)
{
    char *why = NULL;
    gk_report *r = report_open(path, &why);
    assert_non_null(r);
    char *pp = view_pair_find_in_folder(path, r->body, r->year);
    assert_non_null(pp);
    assert_non_null(strstr(pp, want_partner));
    gk_report *partner = view_pair_open(pp, &why);
    assert_non_null(partner);
    free(pp);
    view_pair_init(p, r, partner);
    return r;
}

static void test_sample_pair_2022_2023(void **state)
{
    (void)state;
    view_pair p;
    gk_report *r = open_pair("sample-reports/204_xyear_jump_2023.txt", &p, "203_xyear_jump_2022.txt");
    assert_int_equal(p.mine, 1);
    assert_int_equal(p.year[0], 2022);
    assert_int_equal(p.year[1], 2023);
    assert_non_null(strstr(p.path[0], "203_xyear_jump_2022.txt"));

    char buf[40];
    const vp_row *pen = row(&p, "t2.penalty.decisions");
    assert_string_equal(pen->label, "行政处罚·处理决定");
    assert_string_equal(pen->text[0], "150");
    assert_string_equal(pen->text[1], "1130");
    assert_true(pen->has_change);
    assert_true(fabs(pen->change - 980) < 1e-9);
    assert_string_equal(view_pair_change_text(pen, buf, sizeof buf), "+980");

    const vp_row *in = row(&p, "t3.carried_in.natural");
    assert_string_equal(in->text[0], "3");
    assert_string_equal(in->text[1], "2");
    assert_string_equal(view_pair_change_text(in, buf, sizeof buf), "-1");
    const vp_row *same = row(&p, "t3.new.total");
    assert_string_equal(same->text[0], "16");
    assert_string_equal(view_pair_change_text(same, buf, sizeof buf), "0");

    /* 2022 carried 2 into 2023, which says 2 came from the year before */
    const vp_link *l = link_of(&p, "t3.carried_in.natural");
    assert_true(l->carry);
    assert_int_equal(l->state, VP_LINK_EQUAL);
    assert_true(l->want == 2 && l->got == 2);
    assert_ptr_equal(l, link_of(&p, "t3.carried_out.natural"));
    assert_non_null(strstr(l->text, "2023年 2，2022年结转下年度 2"));
    /* 现行有效 of 规范性文件: 3 + 1 − 0 = 4 */
    l = link_of(&p, "t2.normative.valid");
    assert_false(l->carry);
    assert_int_equal(l->state, VP_LINK_EQUAL);
    assert_true(l->want == 4 && l->got == 4);
    int carry = 0, valid = 0;
    for (int i = 0; i < p.nlinks; i++) {
        carry += p.links[i].carry;
        valid += !p.links[i].carry;
        assert_int_equal(p.links[i].state, VP_LINK_EQUAL);
    }
    assert_int_equal(carry, 7);
    assert_int_equal(valid, 2);

    /* 一: 1 of 5 sentences is the same (the period, digits masked); 五 none; 六 all */
    assert_int_equal(p.sec[0][1].n, 5);
    assert_int_equal(p.sec[0][1].nrep, 1);
    assert_int_equal(view_pair_share(&p, 0, 1), 20);
    assert_int_equal(view_pair_share(&p, 0, 0), 20);
    assert_true(p.sec[0][1].s[0].repeated);
    assert_non_null(strstr(p.sec[0][1].s[0].text, "统计期限为2023年1月1日"));
    assert_false(p.sec[0][1].s[1].repeated);
    assert_int_equal(view_pair_share(&p, 4, 1), 0);
    assert_int_equal(view_pair_share(&p, 5, 1), 100);
    assert_int_equal(view_pair_share(&p, 2, 1), -1);    /* a table section: no sentences */
    assert_true(p.sec[2][1].present);
    view_pair_free(&p);
    report_free(r);
}

static void test_from_the_earlier_year(void **state)
{
    (void)state;
    view_pair p;
    gk_report *r = open_pair("sample-reports/203_xyear_jump_2022.txt", &p, "204_xyear_jump_2023.txt");
    assert_int_equal(p.mine, 0);        /* no 2021: the next year */
    assert_int_equal(p.year[0], 2022);
    assert_string_equal(row(&p, "t2.penalty.decisions")->text[0], "150");
    assert_string_equal(row(&p, "t2.penalty.decisions")->text[1], "1130");
    view_pair_free(&p);
    report_free(r);
}

static void test_broken_links(void **state)
{
    (void)state;
    view_pair p;
    gk_report *r = open_pair("sample-reports/202_xyear_xicun_2024.txt", &p, "004_3cc3c4a50339be4b.txt");
    assert_int_equal(p.year[0], 2023);
    assert_int_equal(p.year[1], 2024);
    const vp_link *l = link_of(&p, "t3.carried_in.natural");
    assert_int_equal(l->state, VP_LINK_DIFFERENT);
    assert_non_null(strstr(l->text, "≠ 上年结转·自然人"));
    assert_int_equal(link_of(&p, "t2.normative.valid")->state, VP_LINK_DIFFERENT);
    assert_int_equal(link_of(&p, "t3.carried_in.business")->state, VP_LINK_EQUAL);
    view_pair_free(&p);
    report_free(r);
}

static void test_no_partner(void **state)
{
    (void)state;
    char *why = NULL;
    gk_report *r = report_open("sample-reports/003_1a8c02130c595433.txt", &why);
    assert_non_null(r);
    assert_null(view_pair_find_in_folder(r->path, r->body, r->year));
    assert_null(view_pair_find_in_folder(r->path, r->body, 0));
    report_free(r);
}

/* ---- seeded pairs ---------------------------------------------------------------------------- */

static unsigned rnd(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 16) & 0x7fff;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Sentences of section 一: the same wording may carry other numbers. */
static const char *const POOL[] = {
    "本年度共主动公开政府信息%d条，其中政策文件%d件。",
    "全年组织政府信息公开业务培训%d次，参训人员%d人次。",
    "政府门户网站信息公开专栏更新栏目%d个，访问量%d万次。",
    "本机关依法受理政府信息公开申请并在法定期限内答复%d件，另有%d件转办。",
    "围绕重点领域信息公开，发布政策解读材料%d篇，图解%d篇。",
    "进一步规范依申请公开办理流程，修订工作制度%d项，其中新增%d项。",
};
#define NPOOL ((int)(sizeof POOL / sizeof POOL[0]))

static char *narrative(unsigned *s, unsigned used)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "");
    for (int k = 0; k < NPOOL; k++)
        if (used & (1u << k))
            sbuf_printf(&b, POOL[k], (int)(rnd(s) % 900), (int)(rnd(s) % 90));
    return sbuf_steal(&b);
}

static const char *const COLS[7] = {"natural", "business", "research", "charity", "legal", "other", "total"};

static void test_seeded_pairs(void **state)
{
    (void)state;
    for (unsigned seed = 1; seed <= 24; seed++) {
        unsigned s = seed;
        fx_cell ov[64];
        char ids[64][48], vals[64][16];
        int n0 = 0, n1 = 0;
        fx_cell ov1[64];
        char ids1[64][48], vals1[64][16];
        /* carried over: the earlier year's 结转下年度 and the later's 上年结转, equal half the time */
        for (int c = 0; c < 7; c++) {
            int a = (int)(rnd(&s) % 20), b = rnd(&s) % 2 ? a : (int)(rnd(&s) % 20);
            snprintf(ids[n0], sizeof ids[n0], "t3.carried_out.%s", COLS[c]);
            snprintf(vals[n0], sizeof vals[n0], "%d", a);
            n0++;
            snprintf(ids1[n1], sizeof ids1[n1], "t3.carried_in.%s", COLS[c]);
            snprintf(vals1[n1], sizeof vals1[n1], "%d", b);
            n1++;
        }
        /* 现行有效: earlier valid + later issued − repealed = later valid, half the time */
        static const char *const T2[2] = {"rule", "normative"};
        for (int k = 0; k < 2; k++) {
            int v0 = (int)(rnd(&s) % 30), is = (int)(rnd(&s) % 5), re = (int)(rnd(&s) % 3);
            int v1 = rnd(&s) % 2 ? v0 + is - re : (int)(rnd(&s) % 40);
            v1 = v1 < 0 ? 0 : v1;
            snprintf(ids[n0], sizeof ids[n0], "t2.%s.valid", T2[k]);
            snprintf(vals[n0++], sizeof vals[0], "%d", v0);
            snprintf(ids1[n1], sizeof ids1[n1], "t2.%s.issued", T2[k]);
            snprintf(vals1[n1++], sizeof vals1[0], "%d", is);
            snprintf(ids1[n1], sizeof ids1[n1], "t2.%s.repealed", T2[k]);
            snprintf(vals1[n1++], sizeof vals1[0], "%d", re);
            snprintf(ids1[n1], sizeof ids1[n1], "t2.%s.valid", T2[k]);
            snprintf(vals1[n1++], sizeof vals1[0], "%d", v1);
        }
        /* a few other cells that change */
        static const char *const OTHER[] = {"t3.new.natural", "t2.license.decisions", "t4.review.total"};
        for (int k = 0; k < 3; k++) {
            snprintf(ids[n0], sizeof ids[n0], "%s", OTHER[k]);
            snprintf(vals[n0++], sizeof vals[0], "%d", (int)(rnd(&s) % 50));
            snprintf(ids1[n1], sizeof ids1[n1], "%s", OTHER[k]);
            snprintf(vals1[n1++], sizeof vals1[0], "%d", (int)(rnd(&s) % 50));
        }
        for (int i = 0; i < n0; i++)
            ov[i] = (fx_cell){ids[i], vals[i]};
        ov[n0] = (fx_cell){NULL, NULL};
        for (int i = 0; i < n1; i++)
            ov1[i] = (fx_cell){ids1[i], vals1[i]};
        ov1[n1] = (fx_cell){NULL, NULL};

        unsigned used0 = rnd(&s) % (1u << NPOOL) | 1u, used1 = rnd(&s) % (1u << NPOOL) | 2u;
        char *na = narrative(&s, used0), *nb = narrative(&s, used1);
        char *t0 = fx_report(ov, na, NULL), *t1 = fx_report(ov1, nb, NULL);
        fx_replace(t0, "2023年", "2022年");   /* the title's year */
        char dir[] = "/tmp/gk-pair.XXXXXX";
        assert_non_null(mkdtemp(dir));
        char p0[64], p1[64];
        snprintf(p0, sizeof p0, "%s/a_2022.txt", dir);
        snprintf(p1, sizeof p1, "%s/b_2023.txt", dir);
        write_file(p0, t0);
        write_file(p1, t1);

        view_pair p;
        gk_report *later = open_pair(p1, &p, "a_2022.txt");
        assert_int_equal(p.year[0], 2022);
        assert_int_equal(p.year[1], 2023);
        /* every change is the later value minus the earlier */
        for (int i = 0; i < p.nrows; i++) {
            const vp_row *r = &p.rows[i];
            assert_int_equal(r->has_change, r->known[0] && r->known[1]);
            if (r->has_change)
                assert_true(fabs(r->change - (r->value[1] - r->value[0])) < 1e-9);
        }
        /* the links say what the engine's cross-year rules say */
        gk_batch b;
        char *paths[] = {dir};
        batch_open(&b, 1, paths, 1);
        char *why = NULL;
        size_t li = strstr(b.files.v[0].path, "b_2023") ? 0 : 1;
        gk_report *checked = batch_load(&b, li, &why);
        assert_non_null(checked);
        for (int i = 0; i < p.nlinks; i++) {
            const vp_link *l = &p.links[i];
            const vp_row *r = &p.rows[l->row[1]];
            const char *rule = l->carry ? "XYEAR.CARRY" : "XYEAR.VALID";
            int flagged = fx_find(checked, rule, r->id) != NULL;
            assert_int_not_equal(l->state, VP_LINK_UNKNOWN);
            if ((l->state == VP_LINK_DIFFERENT) != flagged)
                fail_msg("seed %u: %s is %s but %s %s", seed, r->id, view_pair_link_mark(l->state), rule,
                         flagged ? "flags it" : "does not");
            assert_int_equal(l->state == VP_LINK_EQUAL, fabs(l->want - l->got) < 1e-9);
        }
        report_free(checked);
        batch_free(&b);
        /* a sentence is repeated exactly when the other year has its wording */
        for (int y = 0; y < 2; y++) {
            unsigned mine = y ? used1 : used0, other = y ? used0 : used1;
            const vp_section_year *sec = &p.sec[0][y];
            int want = 0, k = 0;
            for (int j = 0; j < NPOOL; j++)
                if (mine & (1u << j)) {
                    assert_true(k < sec->n);
                    int rep = (other >> j) & 1;
                    if (sec->s[k].repeated != rep)
                        fail_msg("seed %u year %d: 「%s」 repeated %d, want %d", seed, y, sec->s[k].text,
                                 sec->s[k].repeated, rep);
                    want += rep;
                    k++;
                }
            assert_int_equal(sec->n, k);
            assert_int_equal(sec->nrep, want);
            assert_int_equal(view_pair_share(&p, 0, y), want * 100 / k);
        }
        view_pair_free(&p);
        report_free(later);
        unlink(p0);
        unlink(p1);
        rmdir(dir);
        free(na);
        free(nb);
        free(t0);
        free(t1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_pair_2022_2023),
        cmocka_unit_test(test_from_the_earlier_year),
        cmocka_unit_test(test_broken_links),
        cmocka_unit_test(test_no_partner),
        cmocka_unit_test(test_seeded_pairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
