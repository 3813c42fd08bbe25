/* test_label_plan.c — the template's pattern sets, each with its plain words in
 * one word set (extract.c, set_plan): a label the memo does not know is told
 * which rows, columns and groups it names by one wordset_find() for the
 * patterns of plain words ("上年结转", "信访|举报投诉") and the rows' canonical
 * labels, the other patterns searched one by one.  Property: for any label,
 * exactly what searching each pattern and each canonical label on its own
 * tells (extract_label_facts(), general 1).  Seeded: labels made of one to four
 * pieces — the template's row, column and group labels, short labels,
 * canonical labels and the pattern strings themselves (metacharacters and
 * all), cut at random character boundaries, with item numbers, brackets,
 * anchors' characters, digits, blanks and stray CJK — for both formats, each
 * table, rows, columns and groups, with the word set's AVX2 pass and
 * without.  Also whether a label ends with the beginning of a header word
 * (ends_in_header_word(): its last bytes looked up once, against a word at a
 * time). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract.h"
#include "gen.h"
#include "template.h"
#include "util.h"
#include "wordset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SOURCES 512

static const char *sources[MAX_SOURCES];
static size_t nsources;

static void add_source(const char *s)
{
    if (s && *s && nsources < MAX_SOURCES)
        sources[nsources++] = s;
}

static void collect_sources(void)
{
    static const char *const extra[] = {
        "(",  ")",  "（", "）", "、", ".",  "1",  "3",  "7",  "七", "三", "总计", "总记", "其他", "处理",
        " ",  "\t", "^",  "|",  "$",  "无", "的", "申请", "公开", "年", "　",  "·",   "：",  ":",   "0",
    };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        add_source(extra[i]);
    gk_format formats[2] = {GK_FMT_2021, GK_FMT_2019};
    for (int f = 0; f < 2; f++) {
        const gk_template *tpl = template_get(formats[f]);
        for (int table = 2; table <= 4; table++) {
            const gk_table_def *td = template_table(tpl, table);
            for (int r = 0; r < td->nrows; r++) {
                add_source(td->rows[r].label);
                add_source(td->rows[r].short_label);
                add_source(td->rows[r].pattern);
                add_source(tpl->row_canon[table - 2][r]);
            }
            for (int c = 0; c < tpl->ncol[table - 2]; c++) {
                add_source(tpl->col[table - 2][c]->label);
                add_source(tpl->col[table - 2][c]->pattern);
                add_source(tpl->col_canon[table - 2][c]);
            }
        }
    }
    int ng;
    const gk_group_def *gd = template_groups(&ng);
    for (int g = 0; g < ng; g++) {
        add_source(gd[g].label);
        add_source(gd[g].pattern);
    }
}

/* Appends a piece of a source: the whole of it, or the characters [a, b) of it. */
static void add_piece(char *out, size_t cap)
{
    const char *s = sources[gen_below((unsigned)nsources)];
    size_t n = strlen(s), at[256], nc = 0;
    for (size_t i = 0; i < n && nc < 255; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            at[nc++] = i;
    at[nc] = n;
    size_t a = 0, b = nc;
    if (gen_below(2)) {                /* a part of it */
        a = gen_below((unsigned)nc);
        b = a + 1 + gen_below((unsigned)(nc - a));
    }
    size_t len = strlen(out), add = at[b] - at[a];
    if (len + add < cap)
        memcpy(out + len, s + at[a], add), out[len + add] = '\0';
}

static void test_plan_as_each_pattern(void **state)
{
    (void)state;
    collect_sources();
    assert_true(nsources > 40);
    gen_seed(0x1abe1u);
    gk_format formats[2] = {GK_FMT_2021, GK_FMT_2019};
    char label[512];
    long checked = 0, named = 0;
    for (int fast = 0; fast < 2; fast++) {
        wordset_fast = fast;
        for (int i = 0; i < 2500; i++) {
            label[0] = '\0';
            for (unsigned k = 1 + gen_below(4); k > 0; k--)
                add_piece(label, sizeof label);
            for (int f = 0; f < 2; f++) {
                const gk_template *tpl = template_get(formats[f]);
                for (int table = 2; table <= 4; table++)
                    for (int what = 0; what < 4; what++) {
                        uint64_t planned = extract_label_facts(tpl, table, label, what, 0);
                        uint64_t each = extract_label_facts(tpl, table, label, what, 1);
                        if (planned != each)
                            fail_msg("format %d table %d %s of 「%s」: %#llx by the word set, %#llx each searched", f,
                                     table, what == 0 ? "rows" : what == 1 ? "columns" : what == 2 ? "groups" : "header end",
                                     label,
                                     (unsigned long long)planned, (unsigned long long)each);
                        checked++;
                        named += planned != 0;
                    }
            }
        }
    }
    wordset_fast = 1;
    assert_true(named > checked / 10);  /* the labels name something often enough to tell */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_as_each_pattern),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
