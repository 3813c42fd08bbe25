/* glued.c — a row's numbers that lost the separators between them (a
 * crawled page: "…申请数量640020470"), split into the row's cells only where
 * exactly one split satisfies every table equation that can be evaluated
 * on it (see glued.h). */
#include "glued.h"
#include "util.h"

#include <stdint.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GLUED_MAX_DIGITS 40
#define PART_MAX_DIGITS 15             /* a double holds 15 digits exactly */

typedef struct {
    gk_report *r;
    int first, n;                      /* the row's first cell, its number of cells */
    const char *digits;
    int len;
    int cut[GLUED_MAX_COLS + 1];       /* part k is digits[cut[k] .. cut[k+1]) */
    int fits;                          /* splits that satisfy the equations (stops at 2) */
    double best[GLUED_MAX_COLS];
    uint64_t used;                     /* the equations that judged the fitting split */
    int zeros;                         /* as many 0s as cells: each cell 0, whatever the equations */
} search;

static double part_value(const search *s, int k)
{
    double v = 0;
    for (int i = s->cut[k]; i < s->cut[k + 1]; i++)
        v = v * 10 + (s->digits[i] - '0');
    return v;
}

/* 1 when every equation holding one of the row's cells and no unread cell
 * adds up with the split, and at least one does; *used: which. */
static int split_fits(search *s, const double *v, uint64_t *used)
{
    const gk_template *t = s->r->tpl;
    int judged = 0;
    *used = 0;
    for (int q = 0; q < t->neqs; q++) {
        const gk_equation *e = &t->eqs[q];
        int mine = 0, known = 1;
        double sum = 0;
        for (int k = 0; k < e->n && known; k++) {
            int c = e->cell[k];
            if (c >= s->first && c < s->first + s->n) {
                mine = 1;
                sum += e->coef[k] * v[c - s->first];
            } else if (s->r->cells[c].read_status == GK_ST_EXTRACTED) {
                sum += e->coef[k] * s->r->cells[c].read_value;
            } else {
                known = 0;
            }
        }
        if (!mine || !known)
            continue;
        if (fabs(sum) > 1e-6)
            return 0;
        judged++;
        if (q < 64)
            *used |= (uint64_t)1 << q;
    }
    return judged > 0 || s->zeros;
}

/* Every way to cut digits[at..] into parts k.. (no part with a leading 0
 * but "0" itself, none longer than a double holds). */
static void cut_from(search *s, int k, int at)
{
    if (s->fits > 1)
        return;
    if (k == s->n) {
        if (at != s->len)
            return;
        double v[GLUED_MAX_COLS];
        for (int j = 0; j < s->n; j++)
            v[j] = part_value(s, j);
        uint64_t used;
        if (split_fits(s, v, &used)) {
            if (!s->fits++) {
                memcpy(s->best, v, sizeof v);
                s->used = used;
            }
        }
        return;
    }
    int left = s->n - k - 1;           /* parts still to come after this one need a digit each */
    for (int end = at + 1; end <= s->len - left && end - at <= PART_MAX_DIGITS; end++) {
        if (s->digits[at] == '0' && end > at + 1)
            break;
        s->cut[k] = at;
        s->cut[k + 1] = end;
        cut_from(s, k + 1, end);
    }
}

int glued_split_row(gk_report *r, int table, int row, const char *digits, int line)
{
    const gk_template *t = r->tpl;
    int n = template_table(t, table)->rows[row].ncols;
    int len = (int)strlen(digits);
    if (n < 2 || n > GLUED_MAX_COLS || len < n || len > GLUED_MAX_DIGITS ||
        (int)strspn(digits, "0123456789") != len)
        return 0;
    search s = {.r = r, .first = t->first_cell[table - 2][row], .n = n, .digits = digits, .len = len};
    s.zeros = len == n && (int)strspn(digits, "0") == len;
    cut_from(&s, 0, 0);
    if (s.fits != 1)
        return 0;
    sbuf how;
    sbuf_init(&how);
    sbuf_printf(&how, "「%s」的各列数字连在一起，只有一种拆法", digits);
    if (!s.used) {
        sbuf_printf(&how, "（%d 个 0，每列一个）", n);
        goto store;
    }
    char v[32];
    for (int j = 0; j < n; j++)
        sbuf_printf(&how, "%s%s", j ? " " : "（", report_format_value(s.best[j], v, sizeof v));
    sbuf_adds(&how, "）满足");
    int shown = 0, more = 0;
    for (int q = 0; q < t->neqs && q < 64; q++) {
        if (!(s.used >> q & 1))
            continue;
        if (shown < 3)
            sbuf_printf(&how, "%s%s（%s）", shown++ ? "、" : "", t->eqs[q].rule, t->eqs[q].what);
        else
            more++;
    }
    if (more)
        sbuf_printf(&how, "等 %d 个等式", shown + more);
store:
    for (int j = 0; j < n; j++) {
        gk_cell *c = &r->cells[s.first + j];
        c->read_status = GK_ST_INFERRED;
        c->read_value = s.best[j];
        c->read_is_int = 1;
        c->line = line;
        c->raw = arena_strdup(&r->strings, digits);
        free(c->unread_why);
        c->unread_why = xstrdup(how.s);
    }
    r->cells_own_text |= n > 0;
    sbuf_free(&how);
    return 1;
}
