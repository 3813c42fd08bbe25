/* test_num_units.c — num_parse() of a number followed by a unit or a mark
 * (grid.c UNITS), against a reference that tries every unit: seeded cells
 * made of a number, optional spaces and a tail drawn from the units, their
 * prefixes, units with more text after them and other words.  A cell is a
 * number exactly when its tail is one whole unit (grid.c refuses tails
 * longer than the longest unit before trying the units: this checks that
 * bound against every unit). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "grid.h"

#include <stdio.h>
#include <string.h>

/* The units and marks grid.h and grid.c document. */
static const char *const UNITS[] = {"万元", "元", "件", "条", "个", "项", "次", "件次", "人次", "批次", "宗",
                                    "份", "起", "例", "户", "人", "家", "（件）", "(件)", "（个）", "(个)",
                                    "（项）", "(项)", "（条）", "(条)", "*", "※",
                                    "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"};
#define NUNITS (sizeof UNITS / sizeof UNITS[0])
static const char *const OTHER[] = {"年", "人民", "（件", "件）", "万", "%", "（件）（件）", "件件", "①②",
                                    "属于国家秘密", "（件）说明", "万元整", "**", " 件", "次数", "人次数", "（次）"};
#define NOTHER (sizeof OTHER / sizeof OTHER[0])

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void test_units_against_reference(void **state)
{
    (void)state;
    uint64_t seed = 0x5EED0003u;
    for (int round = 0; round < 200000; round++) {
        char cell[96], tail[64] = "";
        unsigned long long num = rnd(&seed) % 100000;
        int n = snprintf(cell, sizeof cell, "%llu", num);
        int spaces = (int)(rnd(&seed) % 3);
        /* the tail: one unit, a unit and more, text before a unit, or another word */
        switch (rnd(&seed) % 4) {
        case 0:
            strcpy(tail, UNITS[rnd(&seed) % NUNITS]);
            break;
        case 1:
            strcpy(tail, UNITS[rnd(&seed) % NUNITS]);
            strcat(tail, rnd(&seed) % 2 ? UNITS[rnd(&seed) % NUNITS] : OTHER[rnd(&seed) % NOTHER]);
            break;
        case 2:
            strcpy(tail, OTHER[rnd(&seed) % NOTHER]);
            strcat(tail, UNITS[rnd(&seed) % NUNITS]);
            break;
        default:
            strcpy(tail, OTHER[rnd(&seed) % NOTHER]);
            break;
        }
        /* a prefix of it now and then: "（件" of "（件）", half a character */
        if (rnd(&seed) % 5 == 0)
            tail[rnd(&seed) % (strlen(tail) + 1)] = '\0';
        snprintf(cell + n, sizeof cell - (size_t)n, "%*s%s", spaces, "", tail);
        /* the reference: the tail after the spaces (the cell's own end
         * trimmed) is empty or exactly one unit */
        const char *t = cell + n;
        while (*t == ' ')
            t++;
        size_t tl = strlen(t);
        while (tl && t[tl - 1] == ' ')
            tl--;
        int want = tl == 0;
        for (size_t u = 0; u < NUNITS && !want; u++)
            want = strlen(UNITS[u]) == tl && !memcmp(t, UNITS[u], tl);
        double v = -1;
        int ii = 0;
        num_kind got = num_parse(cell, &v, &ii);
        if (want) {
            if (got != NUM_VALUE || v != (double)num || !ii)
                fail_msg("「%s」: kind %d value %g, want %llu", cell, (int)got, v, num);
        } else if (got != NUM_NONE) {
            fail_msg("「%s」: kind %d, want no number", cell, (int)got);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units_against_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
