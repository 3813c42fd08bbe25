/* test_json_pack.c — the packed form check keeps of a report's JSON until the
 * years are paired (output_json_pack/unpack, issue #16): unpacked, it must be
 * byte for byte what output_json_buf() writes.  Seeded: the sample reports
 * as they are, then a generated report whose cells take random statuses,
 * values (whole, fractional, negative, huge, -0, NaN, infinite), lines
 * (0, negative, huge) and whose file name and body are hostile strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "gen.h"
#include "output.h"
#include "pipeline.h"

#include <dirent.h>
#include <math.h>

/* Packs r: 0 and the same JSON unpacked, or -1 and b as it was. */
static int check_round_trip(const gk_report *r)
{
    sbuf want, packed, got;
    sbuf_init(&want);
    sbuf_init(&packed);
    sbuf_init(&got);
    output_json_buf(&want, r);
    sbuf_adds(&packed, "x");           /* appended after what b holds, which stays */
    int rc = output_json_pack(&packed, r);
    assert_true(packed.len >= 1);
    assert_int_equal(packed.s[0], 'x');
    if (rc == 0) {
        sbuf_adds(&got, "y");
        output_json_unpack(&got, packed.s + 1, packed.len - 1);
        assert_int_equal(got.len, want.len + 1);
        assert_int_equal(got.s[0], 'y');
        assert_memory_equal(got.s + 1, want.s, want.len);
        assert_int_equal(got.s[got.len], '\0');
    } else {
        assert_int_equal(rc, -1);
        assert_int_equal(packed.len, 1);
        assert_int_equal(packed.s[1], '\0');
    }
    sbuf_free(&want);
    sbuf_free(&packed);
    sbuf_free(&got);
    return rc;
}

/* Every sample report: text ones pack, a PDF (its pages) does not. */
static void test_samples(void **state)
{
    (void)state;
    DIR *d = opendir("sample-reports");
    assert_non_null(d);
    int packed = 0, refused = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char *path = xasprintf("sample-reports/%s", e->d_name);
        char *why = NULL;
        gk_report *r = report_open(path, &why);
        if (r) {
            int rc = check_round_trip(r);
            int paged = r->text && r->text->page;
            assert_int_equal(rc, paged ? -1 : 0);
            packed += rc == 0;
            refused += rc != 0;
            report_free(r);
        }
        free(why);
        free(path);
    }
    closedir(d);
    assert_true(packed >= 5);
    (void)refused;
}

static double random_value(void)
{
    static const double special[] = {0, 1, 9, 10, 99, 100, 127, 128, 16383, 16384, 4294967295.0, 4294967296.0,
                                     1e15, 9e15, 1e300, 0.5, 48.7, -1, -48.7, -4294967296.0};
    switch (gen_below(6)) {
    case 0:
        return special[gen_below(sizeof special / sizeof special[0])];
    case 1:
        return -0.0;
    case 2:
        return gen_below(3) == 0 ? NAN : gen_below(2) ? INFINITY : -INFINITY;
    case 3:
        return (double)(gen_next() >> gen_below(64));
    case 4:
        return (double)(int64_t)gen_next() / (double)(1 + gen_below(1000));
    default:
        return (double)gen_below(1000);
    }
}

static int random_line(void)
{
    switch (gen_below(5)) {
    case 0:
        return 0;
    case 1:
        return -(int)gen_below(100000) - 1;
    case 2:
        return gen_below(2) ? INT32_MAX : INT32_MIN;
    default:
        return (int)gen_below(5000) + 1;
    }
}

/* A hostile string: quotes, backslashes, control bytes, invalid UTF-8,
 * U+2028, CJK. */
static char *hostile(void)
{
    static const char *const parts[] = {"\"", "\\", "\x01", "\x1b[31m", "\x7f", "\xc2\x85", "\xe2\x80\xa8",
                                        "\xff", "\xe4\xb8", "局", "a", "/", "\n", "\t", "{", "}"};
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "");
    for (unsigned k = gen_below(12); k > 0; k--)
        sbuf_adds(&b, parts[gen_below(sizeof parts / sizeof parts[0])]);
    return sbuf_steal(&b);
}

/* Random cells, names and bodies: every packed one reads back the same;
 * only a corrected cell keeping its original is refused. */
static void test_random_cells(void **state)
{
    (void)state;
    int packed = 0, refused = 0;
    for (int iter = 0; iter < 600; iter++) {
        gk_report *r = fx_parse(NULL, NULL, NULL);
        assert_non_null(r);
        free(r->path);
        r->path = hostile();
        free(r->body);
        r->body = gen_below(4) ? hostile() : NULL;
        r->year = gen_below(3) ? 2000 + (int)gen_below(30) : random_line();
        int refuse = 0, mode = (int)gen_below(3);   /* 0: every cell changed, 1: a few, 2: none */
        for (int i = 0; i < r->tpl->ncells; i++) {
            gk_cell *c = &r->cells[i];
            if (mode == 2 || (mode == 1 && gen_below(20)))
                continue;
            c->status = (gk_status)gen_below(GK_ST_CORRECTED + 1);
            c->read_status = (gk_status)gen_below(GK_ST_CORRECTED + 1);
            c->value = random_value();
            c->read_value = random_value();
            c->line = random_line();
            refuse |= c->status == GK_ST_CORRECTED && c->read_status != GK_ST_MISSING;
        }
        int rc = check_round_trip(r);
        assert_int_equal(rc, refuse ? -1 : 0);
        packed += rc == 0;
        refused += rc != 0;
        report_free(r);
    }
    assert_true(packed > 100);
    assert_true(refused > 100);
}

/* The point of it: a plain report packs to a small part of its JSON. */
static void test_small(void **state)
{
    (void)state;
    gk_report *r = fx_parse(NULL, NULL, NULL);
    assert_non_null(r);
    sbuf json, packed;
    sbuf_init(&json);
    sbuf_init(&packed);
    output_json_buf(&json, r);
    assert_int_equal(output_json_pack(&packed, r), 0);
    assert_true(packed.len * 5 < json.len);
    sbuf_free(&json);
    sbuf_free(&packed);
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_random_cells),
        cmocka_unit_test(test_small),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
