/* test_zero_rows.c — table 3 written by a converter that prints no empty cell
 * (pdftotext without -layout, pandoc -t plain, w3m dropping an empty column:
 * a cell a line, or the numbers apart by spaces), some 0s left empty: a row
 * whose numbers are all 0 but for one cell left empty reads one number short,
 * and whichever cell was dropped, the row's own total makes every cell 0.
 * Seeded random tables whose values add up; property: every cell read or
 * inferred is what was written, never another value; and the rows of zeros a
 * cell short (a blank dropped) are read as zeros, inferred (their cells were
 * missing before but where the equations across rows filled them: 40,000
 * cells of converter seed 16, a third to two thirds of those w3m, lynx and the
 * PDF converters left unread).  A row of zeros two cells short, or with a
 * number other than 0, stays unread unless the equations across rows fill it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

static const int WAYS[] = {L_SPACES, L_LINES, L_BARE, L_PDFTEXT};
#define NWAYS ((int)(sizeof WAYS / sizeof *WAYS))

/* Table 3 of values v in a layout, the cells marked empty written empty (the
 * layout drops them); its header first. */
static void put_table(sbuf *t, int layout, int v[T3_NROWS][T3_NCOLS], unsigned char empty[T3_NROWS][T3_NCOLS])
{
    t3_put_head(t, layout);
    for (int r = 0; r < T3_NROWS; r++) {
        char num[T3_NCOLS][16];
        const char *row[T3_NCOLS + 1] = {T3_LABELS[r]};
        for (int c = 0; c < T3_NCOLS; c++) {
            snprintf(num[c], sizeof num[c], "%d", v[r][c]);
            row[c + 1] = empty[r][c] ? "" : num[c];
        }
        t3_put_row(t, layout, row, T3_NCOLS + 1);
    }
}

/* A small office's table 3: most result rows all zeros, a few numbers 1 to 9,
 * 0 or 1 carried in and out, the rest made to add up. */
static void small_office(int v[T3_NROWS][T3_NCOLS])
{
    for (int c = 0; c < T3_NCOLS - 1; c++) {
        for (int r = 2; r < T3_NROWS - 2; r++)
            v[r][c] = 0;
        v[1][c] = (int)gen_below(2);
        v[T3_NROWS - 1][c] = (int)gen_below(2);
    }
    for (int r = 2; r < T3_NROWS - 2; r++)
        for (int c = 0; c < T3_NCOLS - 1 && gen_below(4) == 0; c++)
            v[r][c] = gen_below(2) ? 0 : 1 + (int)gen_below(9);
    t3_add_up(v);
}

static void test_zero_row_blank_dropped(void **state)
{
    (void)state;
    gen_seed(20261210);
    int zero_rows = 0, zero_read = 0, cells = 0, read = 0, by_way[NLAYOUTS][2] = {{0}};
    for (int iter = 0; iter < 400; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = WAYS[gen_below(NWAYS)];
        unsigned char empty[T3_NROWS][T3_NCOLS];
        small_office(v);
        t3_draw_empties(v, empty, 0, 0);
        for (int r = 0; r < T3_NROWS; r++) {   /* one 0 in three rows left empty, a whole row's often */
            int zeros = 0;
            for (int c = 0; c < T3_NCOLS; c++)
                zeros += v[r][c] == 0;
            if (zeros && gen_below(3) == 0) {
                int pick = (int)gen_below((unsigned)zeros);
                for (int c = 0; c < T3_NCOLS; c++)
                    if (v[r][c] == 0 && pick-- == 0)
                        empty[r][c] = 1;
            }
        }
        sbuf t;
        sbuf_init(&t);
        put_table(&t, layout, v, empty);
        int whole_zero_short[T3_NROWS] = {0};
        for (int r = 0; r < T3_NROWS; r++) {
            int nonzero = 0, dropped = 0;
            for (int c = 0; c < T3_NCOLS; c++) {
                nonzero += v[r][c] != 0;
                dropped += empty[r][c];
            }
            whole_zero_short[r] = !nonzero && dropped == 1;
            zero_rows += whole_zero_short[r];
        }
        char *text = t3_report(t.s);
        gk_report *rep = fx_parse_text(text);
        assert_non_null(rep);
        read += t3_check_cells(rep, v, -1, LAYOUT[layout], iter);   /* never another value */
        cells += T3_NROWS * T3_NCOLS;
        for (int r = 0; r < T3_NROWS; r++) {
            int all = whole_zero_short[r];
            for (int c = 0; c < T3_NCOLS && all; c++) {
                char id[64];
                all = t3_cell(rep, r, c, id)->status != GK_ST_MISSING;
            }
            zero_read += whole_zero_short[r] && all;
            by_way[layout][0] += whole_zero_short[r];
            by_way[layout][1] += whole_zero_short[r] && all;
        }
        report_free(rep);
        free(text);
        sbuf_free(&t);
    }
    print_message("rows of zeros a blank short: %d of %d read (as zeros); all cells: %d of %d read\n", zero_read,
                  zero_rows, read, cells);
    for (int w = 0; w < NWAYS; w++)
        print_message("  %s: %d of %d\n", LAYOUT[WAYS[w]], by_way[WAYS[w]][1], by_way[WAYS[w]][0]);
    assert_true(zero_rows > 500);
    assert_true(zero_read * 10 >= zero_rows * 9);   /* nearly all of them */
}

/* Tables in the same layouts, values that add up and differ, `least` to
 * `most` rows (not all zeros) a blank short each (generator seed `seed`); how
 * many such rows were read whole (out of *shorts).  Never another value. */
static int rows_blank_dropped_drawn(unsigned seed, int iters, int least, int most, int sparse, int *shorts,
                                    int *told, int *told_read)
{
    gen_seed(seed);
    int short_read = 0;
    *shorts = 0;
    if (told)
        *told = *told_read = 0;
    for (int iter = 0; iter < iters; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = WAYS[gen_below(NWAYS)];
        unsigned char empty[T3_NROWS][T3_NCOLS] = {{0}};
        int is_short[T3_NROWS] = {0};
        if (sparse) {                  /* a small office's: most result cells 0, a few 1 to 9 */
            for (int r = 0; r < T3_NROWS; r++)
                for (int c = 0; c < T3_NCOLS - 1; c++)
                    v[r][c] = r >= 2 && r < T3_NROWS - 2 && gen_below(2) == 0 ? 1 + (int)gen_below(9) : 0;
            for (int c = 0; c < T3_NCOLS - 1; c++) {
                v[1][c] = (int)gen_below(3);
                v[T3_NROWS - 1][c] = (int)gen_below(3);
            }
            t3_add_up(v);
        } else {
            t3_draw_differing(v);
        }
        for (int k = least + (int)gen_below((unsigned)(most - least + 1)); k > 0; k--) {   /* rows with a 0 and a number besides */
            int r = 2 + (int)gen_below(T3_NROWS - 4), zeros = 0, nonzero = 0;
            for (int c = 0; c < T3_NCOLS - 1; c++) {
                zeros += v[r][c] == 0;
                nonzero += v[r][c] != 0;
            }
            if (!zeros || !nonzero || is_short[r])
                continue;
            int pick = (int)gen_below((unsigned)zeros);
            for (int c = 0; c < T3_NCOLS - 1; c++)
                if (v[r][c] == 0 && pick-- == 0)
                    empty[r][c] = 1;
            is_short[r] = 1;
            (*shorts)++;
        }
        for (int r = 0; r < 2 && sparse; r++) {   /* 新收 and 结转 both a blank short: only their own totals */
            int zeros = 0, nonzero = 0;       /* and the balance together tell them (the rules alone cannot) */
            for (int c = 0; c < T3_NCOLS - 1; c++) {
                zeros += v[0][c] == 0 && v[1][c] == 0 ? 0 : v[r][c] == 0;
                nonzero += v[r][c] != 0;
            }
            if (!zeros || !nonzero)
                continue;
            int pick = (int)gen_below((unsigned)zeros);
            for (int c = 0; c < T3_NCOLS - 1; c++)
                if (v[r][c] == 0 && (v[0][c] != 0 || v[1][c] != 0) && pick-- == 0)
                    empty[r][c] = 1;
            is_short[r] = 2;
        }
        for (int tries = 0; sparse && tries < 40; tries++) {   /* a row two short: unread, no handled sum known */
            int r = 2 + (int)gen_below(T3_NROWS - 4), zeros = 0, nonzero = 0;
            for (int c = 0; c < T3_NCOLS - 1; c++) {
                zeros += v[r][c] == 0;
                nonzero += v[r][c] != 0;
            }
            if (zeros < 2 || !nonzero || is_short[r])
                continue;
            for (int c = 0, left = 2; c < T3_NCOLS - 1 && left; c++)
                if (v[r][c] == 0) {
                    empty[r][c] = 1;
                    left--;
                }
            break;
        }
        sbuf t;
        sbuf_init(&t);
        put_table(&t, layout, v, empty);
        char *text = t3_report(t.s);
        gk_report *rep = fx_parse_text(text);
        assert_non_null(rep);
        t3_check_cells(rep, v, -1, LAYOUT[layout], iter);   /* never another value */
        for (int r = 0; r < T3_NROWS; r++) {
            int all = is_short[r] != 0;
            for (int c = 0; c < T3_NCOLS && all; c++) {
                char id[64];
                const gk_cell *cell = t3_cell(rep, r, c, id);
                /* 新收, 结转: read by the extraction (the rules alone infer them too, when one of
                   the two is read: the search must have told them) */
                all = (is_short[r] == 2 ? cell->read_status : cell->status) != GK_ST_MISSING;
            }
            if (is_short[r] == 2) {
                (*told)++;
                *told_read += all;
                continue;
            }
            short_read += all;
        }
        report_free(rep);
        free(text);
        sbuf_free(&t);
    }
    return short_read;
}

static int rows_blank_dropped(unsigned seed, int iters, int least, int most, int *shorts)
{
    return rows_blank_dropped_drawn(seed, iters, least, most, 0, shorts, NULL, NULL);
}

/* Two to four rows a blank short: the row's own total cannot tell where its
 * blank was, the equations across rows (each column's balance and handled
 * sum) can; a row whose cells read the same wherever the blanks stand so that
 * every equation holds is read, inferred (565 of 740 read whole at stop 46,
 * 718 now: a cell a line, the placer left the rows around a short one
 * unplaced). */
static void test_rows_blank_dropped(void **state)
{
    (void)state;
    int shorts, short_read = rows_blank_dropped(20261212, 300, 2, 4, &shorts);
    print_message("rows a blank short (not all zeros): %d of %d read whole\n", short_read, shorts);
    assert_true(short_read * 10 >= shorts * 9);
}

/* Most result rows a blank short (six to fourteen drawn: a page whose empty
 * cells are many, every one dropped): the choices of places multiply (6^12),
 * searched a column at a time they do not.  Stop 46's engine read 35 of 1,433
 * such rows whole (its search gave up past 4,096 choices; and a cell a line,
 * the rows before a short one read as well label after: place_rows_totals());
 * the search a column at a time alone 710, with the placer's one-short rows 968. */
static void test_many_rows_blank_dropped(void **state)
{
    (void)state;
    int shorts, short_read = rows_blank_dropped(20261207, 200, 6, 14, &shorts);
    print_message("many rows a blank short: %d of %d read whole\n", short_read, shorts);
    assert_true(shorts > 800);
    assert_true(short_read * 5 >= shorts * 3);
}

/* A small office's table (half its result cells 0) with ten to eighteen result
 * rows a blank short, one more two short (unread: no column's handled sum known),
 * and 新收 and 结转 a blank short too: only the balance of each column (新收 结转
 * 总计 结转下年) and each row's own total tell where 新收's and 结转's blanks are —
 * the result rows short are in no equation, each with two to five readings.  A
 * column at a time the choices of which rows place their blank there multiplied
 * through the columns with nothing to tell them apart: past SHORT_STEPS in 70 of
 * the 200 tables, nothing read (113 of 184 such rows read by the extraction; the
 * rules infer some from the other).  A row at a time, a row in no equation is
 * one choice: 183 of 184.  (Real pages: 43 tables of seed 17's dumps went past
 * the limit, none now.) */
static void test_sparse_rows_blank_dropped(void **state)
{
    (void)state;
    int shorts, told, told_read, short_read = rows_blank_dropped_drawn(20261209, 200, 10, 18, 1, &shorts, &told, &told_read);
    print_message("a small office's 新收/结转 a blank short among %d result rows so: %d of %d read whole by the "
                  "extraction (result rows, in no equation: %d read)\n", shorts, told_read, told, short_read);
    assert_true(told > 100);
    assert_true(told_read * 10 >= told * 9);
}

/* Table 3 of values v in a layout, its header first, a cell in `one_in` (a 0
 * only, when `zeros`) written with one of the words: for a 0 instead of it
 * (zeros), else after its number (a unit).  used[r][c]: the word's index, -1. */
static void put_words(sbuf *t, int layout, int v[T3_NROWS][T3_NCOLS], const char *const *words, int nwords,
                      unsigned one_in, int zeros, int used[T3_NROWS][T3_NCOLS])
{
    t3_put_head(t, layout);
    for (int r = 0; r < T3_NROWS; r++) {
        char num[T3_NCOLS][32];
        const char *row[T3_NCOLS + 1] = {T3_LABELS[r]};
        for (int c = 0; c < T3_NCOLS; c++) {
            used[r][c] = (!zeros || v[r][c] == 0) && gen_below(one_in) == 0 ? (int)gen_below((unsigned)nwords) : -1;
            if (used[r][c] >= 0 && zeros)
                snprintf(num[c], sizeof num[c], "%s", words[used[r][c]]);
            else
                snprintf(num[c], sizeof num[c], "%d%s", v[r][c], used[r][c] >= 0 ? words[used[r][c]] : "");
            row[c + 1] = num[c];
        }
        t3_put_row(t, layout, row, T3_NCOLS + 1);
    }
}

/* Zeros written as Chinese text writes them in a cell, "零" or "〇" alone or
 * with a unit ("零件"), or left blank with a marker — the dashes, minus signs
 * and hyphens a word processor gives ("—", "―", "−", "﹣", "‐", "－"), "/",
 * "×", "无" (a 0 in three), table 3 in every layout the generated tests go
 * through: every cell read as written, a blank as 0 (stop 46's engine took
 * "零" and "〇件" for label text: the row's numbers slid a cell, its total read
 * from the empty cell after them; "―", "−", "﹣", "‐" and "×" left the row
 * unread). */
static void test_chinese_zeros(void **state)
{
    (void)state;
    static const char *const ZEROS[] = {"零", "〇", "零件", "〇件", "—", "——", "―", "−", "﹣", "‐",
                                        "－", "-", "/", "×", "无", "–"};
    enum { NZEROS = sizeof ZEROS / sizeof *ZEROS };
    gen_seed(20261213);
    int read = 0, cells = 0;
    for (int iter = 0; iter < 300; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = (int)gen_below(NLAYOUTS);
        t3_draw_differing(v);
        sbuf t;
        sbuf_init(&t);
        int used[T3_NROWS][T3_NCOLS];
        put_words(&t, layout, v, ZEROS, NZEROS, 3, 1, used);
        read += t3_check_text(t3_report(t.s), v, -1, LAYOUT[layout], iter);   /* never another value */
        cells += T3_NROWS * T3_NCOLS;
        sbuf_free(&t);
    }
    print_message("zeros written 零, 〇 or a blank marker: %d of %d cells read\n", read, cells);
    assert_true(read * 100 >= cells * 99);
}

/* A small office's table 3 (most result rows all zeros) with every 0 written
 * 零 or 〇 alone, in every layout the generated tests go through: every cell
 * read as written.  Cells a line (pandoc -t plain, a tab before each: sample
 * 001's layout), three zeros of a row on consecutive lines were one label
 * "零零零" printed a character a line (lone_char()): stop 47's engine left
 * those rows unread. */
static void test_chinese_zero_rows(void **state)
{
    (void)state;
    static const char *const ZEROS[] = {"零", "〇"};
    gen_seed(20261207);
    int read = 0, cells = 0, by_layout[NLAYOUTS][2] = {{0}};
    for (int iter = 0; iter < 240; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = iter % NLAYOUTS;
        small_office(v);
        sbuf t;
        sbuf_init(&t);
        int used[T3_NROWS][T3_NCOLS];
        put_words(&t, layout, v, ZEROS, 2, 1, 1, used);
        int got = t3_check_text(t3_report(t.s), v, -1, LAYOUT[layout], iter);   /* never another value */
        read += got;
        cells += T3_NROWS * T3_NCOLS;
        by_layout[layout][0] += T3_NROWS * T3_NCOLS;
        by_layout[layout][1] += got;
        sbuf_free(&t);
    }
    print_message("every 0 written 零 or 〇: %d of %d cells read\n", read, cells);
    for (int l = 0; l < NLAYOUTS; l++) {
        print_message("  %-8s %d of %d\n", LAYOUT[l], by_layout[l][1], by_layout[l][0]);
        assert_int_equal(by_layout[l][1], by_layout[l][0]);
    }
}

/* A small office's table 3 as a word processor's merged cells come out in tab or
 * pipe text (sample 002's layout): the group labels in a column of their own, the
 * rows under a group one label cell further on (their numbers a column further
 * right), an empty cell where a label spans two columns, a separator after the
 * last cell — and every 0 written as a blank marker ("—", "―", "-", "/"): every
 * cell read, a blank as 0.  (Sample 002 itself with its zeros written "—" is
 * suite_words': its rows read by position had to be confirmed by equations whose
 * cells were blanks, which stop 47's engine took for saying nothing.) */
static void test_blank_rows_label_columns(void **state)
{
    (void)state;
    static const char *const BLANKS[] = {"—", "―", "-", "/"};
    gen_seed(20261208);
    int read = 0, cells = 0;
    for (int iter = 0; iter < 200; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = iter % 2 ? L_PIPES : L_TABS;
        for (int c = 0; c < T3_NCOLS - 1; c++) {
            for (int r = 0; r < T3_NROWS; r++)
                v[r][c] = 0;
            int k = 2 + (int)gen_below(T3_NROWS - 4);   /* what came in, handled in one row */
            v[k][c] = (int)gen_below(3);
        }
        t3_add_up(v);
        sbuf t;
        sbuf_init(&t);
        const char *head[] = {"项目", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计", ""};
        t3_put_row(&t, layout, head, 11);
        if (layout == L_PIPES)
            sbuf_adds(&t, "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int r = 0; r < T3_NROWS; r++) {
            char num[T3_NCOLS][16];
            const char *row[T3_NCOLS + 4];
            int n = 0;
            const char *group = t3_group_before(r);
            int sub = r >= 4 && r < T3_NROWS - 2;   /* under (三) … (六): a third label column */
            if (r < 2 || r >= T3_NROWS - 2) {
                row[n++] = T3_LABELS[r];
                row[n++] = "";
            } else if (!sub) {
                row[n++] = group ? group : "";
                row[n++] = T3_LABELS[r];
            } else {
                row[n++] = "";
                row[n++] = group ? group : "";
                row[n++] = T3_LABELS[r];
            }
            for (int c = 0; c < T3_NCOLS; c++) {
                snprintf(num[c], sizeof num[c], "%d", v[r][c]);
                row[n++] = v[r][c] ? num[c] : BLANKS[gen_below(4)];
            }
            row[n++] = "";
            t3_put_row(&t, layout, row, n);
        }
        read += t3_check_text(t3_report(t.s), v, -1, LAYOUT[layout], iter);   /* never another value */
        cells += T3_NROWS * T3_NCOLS;
        sbuf_free(&t);
    }
    print_message("merged label cells, every 0 a blank marker: %d of %d cells read\n", read, cells);
    assert_int_equal(read, cells);
}

/* Counts written with a unit after them as reports write them ("3件", "3 件",
 * "3（件）", "3件次", "3人次", "3宗", "3份" …: a cell in five), table 3 in every
 * layout the generated tests go through: never another value (a unit not known
 * took the cell for label text: the row's numbers slid a cell), nearly every
 * cell read. */
static void test_counts_with_units(void **state)
{
    (void)state;
    static const char *const UNITS[] = {"件", " 件", "（件）", "(件)", "个", "条", "项", "次", "件次", "人次",
                                        "宗", "份", "起", "例", "户", "人"};
    enum { NUNITS = sizeof UNITS / sizeof *UNITS };
    gen_seed(20261214);
    int read = 0, cells = 0, by_unit[NUNITS][2] = {{0}};
    for (int iter = 0; iter < 300; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = (int)gen_below(NLAYOUTS);
        t3_draw_differing(v);
        sbuf t;
        sbuf_init(&t);
        int used[T3_NROWS][T3_NCOLS];
        put_words(&t, layout, v, UNITS, NUNITS, 5, 0, used);
        char *text = t3_report(t.s);
        gk_report *rep = fx_parse_text(text);
        assert_non_null(rep);
        free(text);
        read += t3_check_cells(rep, v, -1, LAYOUT[layout], iter);   /* never another value */
        for (int r = 0; r < T3_NROWS; r++)
            for (int c = 0; c < T3_NCOLS; c++)
                if (used[r][c] >= 0) {
                    char id[64];
                    by_unit[used[r][c]][0]++;
                    by_unit[used[r][c]][1] += t3_cell(rep, r, c, id)->status != GK_ST_MISSING;
                }
        cells += T3_NROWS * T3_NCOLS;
        report_free(rep);
        sbuf_free(&t);
    }
    print_message("counts with units: %d of %d cells read\n", read, cells);
    for (int u = 0; u < NUNITS; u++)
        print_message("  \"%s\": %d of %d read\n", UNITS[u], by_unit[u][1], by_unit[u][0]);
    assert_true(read * 100 >= cells * 97);
}

/* Table 3 with a column of its own for 法人或其他组织's sum, "小计" in the
 * header under it (some offices add one): each row 自然人, the sum, the five
 * kinds, the total.  In rows of tabs, pipes, spaces or commas the sum is
 * checked and left out (read whole: 0 of 52,500 cells before, each row a
 * number too many); a cell a line, where no row tells its numbers apart,
 * nothing is read wrong.  A row whose sum is wrong (one table in four: the
 * report's own error) stays unread; a table whose header has no "小计" keeps
 * its rows of 8 unread.  Never another value. */
static void test_subtotal_column(void **state)
{
    (void)state;
    static const int LAYOUTS[] = {L_TABS, L_PIPES, L_SPACES, L_CSV, L_LINES, L_PDFTEXT};
    gen_seed(20261215);
    int read = 0, cells = 0, rows_read = 0, bad_rows = 0, bad_read = 0, headless_read = 0;
    for (int iter = 0; iter < 300; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = LAYOUTS[gen_below(6)];
        int explicit_rows = layout != L_LINES && layout != L_PDFTEXT, headless = gen_below(8) == 0;
        int bad = gen_below(4) == 0 ? 2 + (int)gen_below(T3_NROWS - 4) : -1;   /* a row's sum wrong */
        t3_draw_differing(v);
        sbuf t;
        sbuf_init(&t);
        const char *h1[] = {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "法人或其他组织", "", "",
                            "", "", "", "总计"};
        const char *h2[] = {"", "", headless ? "" : "小计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""};
        if (layout == L_LINES || layout == L_PDFTEXT) {
            t3_put_head(&t, layout);
            if (!headless)
                sbuf_adds(&t, layout == L_PDFTEXT ? "小计\n\n" : "小计\n");
        } else {
            t3_put_row(&t, layout, h1, 9);
            t3_put_row(&t, layout, h2, 9);
        }
        for (int r = 0; r < T3_NROWS; r++) {
            char num[T3_NCOLS + 1][16];
            const char *row[T3_NCOLS + 2] = {T3_LABELS[r]};
            int sum = v[r][1] + v[r][2] + v[r][3] + v[r][4] + v[r][5];
            for (int c = 0, k = 0; c < T3_NCOLS; c++, k++) {
                if (c == 1)
                    snprintf(num[k++], sizeof num[0], "%d", sum + (r == bad));
                snprintf(num[k], sizeof num[0], "%d", v[r][c]);
            }
            for (int k = 0; k <= T3_NCOLS; k++)
                row[k + 1] = num[k];
            t3_put_row(&t, layout, row, T3_NCOLS + 2);
        }
        char *text = t3_report(t.s);
        gk_report *rep = fx_parse_text(text);
        assert_non_null(rep);
        free(text);
        int got = t3_check_cells(rep, v, -1, LAYOUT[layout], iter);   /* never another value */
        for (int r = 0; r < T3_NROWS; r++) {
            char id[64];
            int whole = 1;
            for (int c = 0; c < T3_NCOLS; c++)
                whole &= t3_cell(rep, r, c, id)->read_status == GK_ST_EXTRACTED;
            if (r == bad)
                bad_read += whole;
            else if (headless)
                headless_read += whole;
            else if (explicit_rows)
                rows_read += whole;
            bad_rows += r == bad;
        }
        if (explicit_rows && !headless) {
            read += got;
            cells += T3_NROWS * T3_NCOLS;
        }
        report_free(rep);
        sbuf_free(&t);
    }
    print_message("a subtotal column: %d of %d cells read (rows of cells); rows whose sum is wrong read as read: %d of "
                  "%d; rows under a header without 小计 read: %d\n",
                  read, cells, bad_read, bad_rows, headless_read);
    assert_int_equal(bad_read, 0);
    assert_int_equal(headless_read, 0);
    assert_true(read * 10 >= cells * 9);
    /* decoy: the total's column named 合计, rows of tabs with an empty label column
     * before their seven numbers (a first version took the empty cell and a row
     * of zeros for a row with its sum: 自然人 read blank, no number left out) */
    for (int iter = 0; iter < 100; iter++) {
        int v[T3_NROWS][T3_NCOLS];
        t3_draw_differing(v);
        for (int r = 2; r < 6; r++)    /* rows of zeros: any cell checks as a sum */
            for (int c = 0; c < T3_NCOLS; c++)
                v[r][c] = 0;
        t3_add_up(v);
        sbuf t;
        sbuf_init(&t);
        const char *h1[] = {"", "", "自然人", "法人或其他组织", "", "", "", "", "合计"};
        const char *h2[] = {"", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""};
        t3_put_row(&t, L_TABS, h1, 9);
        t3_put_row(&t, L_TABS, h2, 9);
        for (int r = 0; r < T3_NROWS; r++) {
            char num[T3_NCOLS][16];
            const char *row[T3_NCOLS + 2] = {T3_LABELS[r], ""};
            for (int c = 0; c < T3_NCOLS; c++) {
                snprintf(num[c], sizeof num[c], "%d", v[r][c]);
                row[c + 2] = num[c];
            }
            t3_put_row(&t, L_TABS, row, T3_NCOLS + 2);
        }
        char *text = t3_report(t.s);
        gk_report *rep = fx_parse_text(text);
        assert_non_null(rep);
        free(text);
        t3_check_cells(rep, v, -1, "合计 the total", iter);
        for (int r = 0; r < T3_NROWS; r++)
            for (int c = 0; c < T3_NCOLS; c++) {
                char id[64];
                if (t3_cell(rep, r, c, id)->read_status != GK_ST_EXTRACTED)
                    fail_msg("合计 the total, table %d: %s status %d, written %d", iter, id,
                             (int)t3_cell(rep, r, c, id)->read_status, v[r][c]);
            }
        report_free(rep);
        sbuf_free(&t);
    }
}

/* t's text with every `from` replaced by `to`. */
static void replace_all(sbuf *t, const char *from, const char *to)
{
    sbuf out;
    sbuf_init(&out);
    size_t n = strlen(from);
    const char *p = t->s;
    for (const char *q; (q = strstr(p, from)) != NULL; p = q + n) {
        sbuf_add(&out, p, (size_t)(q - p));
        sbuf_adds(&out, to);
    }
    sbuf_adds(&out, p);
    sbuf_free(t);
    *t = out;
}

/* Table 3 with the words reports write for the template's: 其它 for 其他 (the
 * column, 其他处理, 其他法律行政法规禁止公开, 3.其它), 合计 for 总计 (the column, （七）合计),
 * 法人或者其他组织 for 法人或其他组织, in the six layouts: every cell read as
 * written (stop 46's engine left 48 to 98 cells of each sample so written
 * unread: a column unnamed, a row's label not found; 法人或者其他组织 left
 * samples 012 and 016 — a cell a line — unread, 48 and 90 cells: not this
 * generator's header, which reads either way). */
static void test_synonyms(void **state)
{
    (void)state;
    gen_seed(20261216);
    int read = 0, cells = 0;
    for (int iter = 0; iter < 300; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = (int)gen_below(NLAYOUTS);
        t3_draw_differing(v);
        unsigned char empty[T3_NROWS][T3_NCOLS] = {{0}};
        sbuf t;
        sbuf_init(&t);
        put_table(&t, layout, v, empty);
        if (gen_below(2))
            replace_all(&t, "其他", "其它");
        if (gen_below(2))
            replace_all(&t, "总计", "合计");
        if (gen_below(2))
            replace_all(&t, "法人或其他组织", "法人或者其他组织");
        read += t3_check_text(t3_report(t.s), v, -1, LAYOUT[layout], iter);   /* never another value */
        cells += T3_NROWS * T3_NCOLS;
        sbuf_free(&t);
    }
    print_message("其它, 合计, 法人或者其他组织: %d of %d cells read\n", read, cells);
    assert_true(read * 100 >= cells * 99);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zero_row_blank_dropped),
        cmocka_unit_test(test_rows_blank_dropped),
        cmocka_unit_test(test_many_rows_blank_dropped),
        cmocka_unit_test(test_sparse_rows_blank_dropped),
        cmocka_unit_test(test_chinese_zeros),
        cmocka_unit_test(test_chinese_zero_rows),
        cmocka_unit_test(test_blank_rows_label_columns),
        cmocka_unit_test(test_counts_with_units),
        cmocka_unit_test(test_subtotal_column),
        cmocka_unit_test(test_synonyms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
