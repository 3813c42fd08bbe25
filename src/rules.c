/* rules.c — inference and every consistency rule (rules_check).
 *
 * A blank or missing cell is an unknown.  Any rule equation with exactly one
 * unknown fixes it; all equations that fix it must agree; this repeats
 * until nothing changes.  Then every rule is evaluated on the values; an
 * equation with cells still missing, all on one side, fails when that side's
 * other cells already add up to more than the other side (check_bound()). */
#include "extract.h"
#include "json_out.h"
#include "narrative.h"
#include "rules.h"
#include "util.h"
#include "xyear.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-6

static int has_value(const gk_cell *c)
{
    return c->status != GK_ST_MISSING;
}

/* 1 when check_cells() has nothing to say of c: read as a whole number,
 * not negative (most cells). */
static int plain_cell(const gk_cell *c)
{
    return c->status == GK_ST_EXTRACTED && c->read_is_int && !(c->value < -EPS);
}

/* Resets every cell to what was read or corrected; returns how many are
 * unknowns (missing or blank) for inference to settle, *nmissing how many
 * of them are missing.  The cells that are not plain (plain_cell()) go to
 * todo[0 .. *ntodo), in order: inference changes only unknowns, none of
 * them plain, so these are the cells check_cells() looks at.  The cells
 * and the counts are held in locals: to the compiler, free() and xstrdup()
 * could change r->cells and what the pointers point at. */
static int reset_cells(gk_report *r, int *todo, int *ntodo, int *nmissing)
{
    gk_cell *const cells = r->cells;
    const int n = r->tpl->ncells;
    int unknowns = 0, missing = 0, nt = 0;
    for (int i = 0; i < n; i++) {
        gk_cell *c = &cells[i];
        if (!c->equation && !c->corrected && c->read_status == GK_ST_EXTRACTED) {
            /* most cells: a number read, kept as it is (neither missing nor blank) */
            c->status = GK_ST_EXTRACTED;
            c->value = c->read_value;
            if (!plain_cell(c))
                todo[nt++] = i;
            continue;
        }
        if (c->equation) {             /* only inferred cells have one */
            free(c->equation);
            c->equation = NULL;
        }
        if (c->corrected) {
            c->status = GK_ST_CORRECTED;
            c->value = c->corrected_value;
        } else if (c->read_status == GK_ST_INFERRED) {   /* a glued run split by the equations */
            c->status = GK_ST_INFERRED;
            c->value = c->read_value;
            c->equation = xstrdup(c->unread_why ? c->unread_why : "");
            r->cells_own_text = 1;
        } else {
            c->status = c->read_status;
            c->value = c->read_status == GK_ST_EXTRACTED ? c->read_value : 0;
        }
        missing += c->status == GK_ST_MISSING;
        unknowns += c->status == GK_ST_MISSING || c->status == GK_ST_BLANK;
        if (!plain_cell(c))
            todo[nt++] = i;
    }
    *ntodo = nt;
    *nmissing = missing;
    return unknowns;
}

static const char *cell_label(const gk_report *r, int i)
{
    return r->tpl->cells[i].label;
}

/* "本年新收·总计 6 − 其余 5 项为 0" */
static char *solve_text(const gk_report *r, const gk_equation *e, int u)
{
    sbuf b;
    sbuf_init(&b);
    int zeros = 0, first = 1, coef_u = 1;
    char v[32];
    for (int j = 0; j < e->n; j++)
        if (e->cell[j] == u)
            coef_u = e->coef[j];
    /* x_u = sum over k != u of (-coef_k / coef_u) * x_k */
    for (int k = 0; k < e->n; k++) {
        int c = e->cell[k];
        if (c == u)
            continue;
        double val = r->cells[c].value;
        if (fabs(val) < EPS) {
            zeros++;
            continue;
        }
        int minus = -e->coef[k] * coef_u < 0;
        /* "%s%s %s" first, " %s %s %s" after, without the formatting pass */
        if (!first)
            sbuf_addc(&b, ' ');
        if (minus || !first)
            sbuf_adds(&b, minus ? "−" : "+");
        if (!first)
            sbuf_addc(&b, ' ');
        sbuf_adds(&b, cell_label(r, c));
        sbuf_addc(&b, ' ');
        sbuf_adds(&b, report_format_value(val, v, sizeof v));
        first = 0;
    }
    if (first)
        sbuf_adds(&b, zeros ? "各项均为 0" : "0");
    else if (zeros)
        sbuf_printf(&b, "，其余 %d 项为 0", zeros);
    return sbuf_steal(&b);
}

static int valid_for(const gk_report *r, int cell, double x)
{
    gk_valkind k = r->tpl->cells[cell].coldef->kind;
    if (k != GK_VAL_SIGNED && x < -EPS)
        return 0;
    if (k != GK_VAL_DECIMAL && fabs(x - floor(x + 0.5)) > EPS)
        return 0;
    return 1;
}

/* 1 when every cell of e has a value (none still open, when open is
 * given) and e does not add up. */
static int eq_fails(const gk_report *r, const gk_equation *e, const char *open)
{
    double sum = 0;
    for (int k = 0; k < e->n; k++) {
        int c = e->cell[k];
        if ((open && open[c]) || !has_value(&r->cells[c]))
            return 0;
        sum += e->coef[k] * r->cells[c].value;
    }
    return fabs(sum) > EPS;
}

static int eq_shares_cell(const gk_equation *a, const gk_equation *b)
{
    for (int k = 0; k < a->n; k++)
        for (int j = 0; j < b->n; j++)
            if (a->cell[k] == b->cell[j])
                return 1;
    return 0;
}

/* The equations each cell of a template lies in (neighbours_hold()). */
typedef struct {
    int *start;                /* ncells + 1 entries: cell c's equations are eq[start[c] .. start[c + 1]) */
    int *eq;
} cell_eqs;

static const cell_eqs *cell_eqs_of(const gk_template *t);

/* eq_fails(r, &t->eqs[q], open) through fails[q]: -1 not yet known, else
 * the answer.  infer() resets it at each pass over the equations, in which
 * neither the cells nor open change. */
static int eq_fails_memo(const gk_report *r, int q, const char *open, signed char *fails)
{
    if (fails[q] < 0)
        fails[q] = (signed char)eq_fails(r, &r->tpl->eqs[q], open);
    return fails[q];
}

/* 1 when every equation that shares a cell with e and has no unknown
 * holds: an equation fixes its unknown only where the table around it adds
 * up (a table with an error in it would carry the error into the value).
 * The equations sharing a cell are those of e's cells (the template's
 * index), or for another template each tested. */
static int neighbours_hold(const gk_report *r, const gk_equation *e, const char *open, signed char *fails)
{
    const gk_template *t = r->tpl;
    const cell_eqs *ce = cell_eqs_of(t);
    if (ce) {
        for (int k = 0; k < e->n; k++)
            for (int j = ce->start[e->cell[k]]; j < ce->start[e->cell[k] + 1]; j++) {
                int q = ce->eq[j];
                if (&t->eqs[q] != e && eq_fails_memo(r, q, open, fails))
                    return 0;
            }
        return 1;
    }
    for (int q = 0; q < t->neqs; q++) {
        const gk_equation *o = &t->eqs[q];
        if (o != e && eq_fails_memo(r, q, open, fails) && eq_shares_cell(o, e))
            return 0;
    }
    return 1;
}

/* An equation with several unknowns fixes them all when they stand on the
 * same side, none may be negative and what they must add up to is 0: each
 * is 0 (a 不予公开 group whose rows could not be placed, in a table whose
 * totals say nothing was refused). */
static void zero_sum(const gk_report *r, const gk_equation *e, int q, const char *open, signed char *fails, int *by,
                     double *cand, char *conflict, int *several)
{
    int sign = 0, unknowns = 0;
    double sum = 0;
    for (int k = 0; k < e->n; k++) {
        int c = e->cell[k];
        if (open[c]) {
            if (r->tpl->cells[c].coldef->kind == GK_VAL_SIGNED || (sign && sign != e->coef[k]))
                return;
            sign = e->coef[k];
            unknowns++;
        } else if (!has_value(&r->cells[c])) {
            return;
        } else {
            sum += e->coef[k] * r->cells[c].value;
        }
    }
    if (fabs(sum) > EPS || !neighbours_hold(r, e, open, fails))
        return;
    for (int k = 0; k < e->n; k++) {
        int u = e->cell[k];
        if (!open[u])
            continue;
        if (by[u] < 0) {
            by[u] = q;
            cand[u] = 0;
            several[u] = unknowns;
        } else if (fabs(cand[u]) > EPS) {
            conflict[u] = 1;
        }
    }
}

static void uninfer(gk_report *r, int u, const char *was)
{
    gk_cell *c = &r->cells[u];
    c->status = (gk_status)was[u];
    c->value = 0;
    free(c->equation);
    c->equation = NULL;
}

/* An inferred value that makes an equation fail is no value: the table
 * around it does not add up, and the value would hide where (a row total
 * that was written wrong, then lost, comes back as the sum of its row).
 * Such values are taken back, and so are the values inferred from them.
 * from[u]: the equation that inferred cell u, -1 when infer() did not (a
 * split glued run keeps its value); was[u]: its status before. */
static void undo_contradicted(gk_report *r, const int *from, const char *was)
{
    const gk_template *t = r->tpl;
    for (int undone = 1; undone;) {
        undone = 0;
        for (int q = 0; q < t->neqs; q++) {
            const gk_equation *e = &t->eqs[q];
            if (!eq_fails(r, e, NULL))
                continue;
            for (int k = 0; k < e->n; k++)
                if (r->cells[e->cell[k]].status == GK_ST_INFERRED && from[e->cell[k]] >= 0) {
                    uninfer(r, e->cell[k], was);
                    undone = 1;
                }
        }
        for (int u = 0; u < t->ncells; u++) {      /* values inferred from a value taken back */
            if (r->cells[u].status != GK_ST_INFERRED || from[u] < 0)
                continue;
            const gk_equation *e = &t->eqs[from[u]];
            for (int k = 0; k < e->n; k++) {
                int c = e->cell[k];
                if (c != u && from[c] >= 0 && r->cells[c].status != GK_ST_INFERRED) {   /* taken back */
                    uninfer(r, u, was);
                    undone = 1;
                    break;
                }
            }
        }
    }
}

static void infer(gk_report *r)
{
    const gk_template *t = r->tpl;
    int n = t->ncells;
    char *open = xcalloc((size_t)n, 1);       /* 1 = unknown still to settle */
    double *cand = xcalloc((size_t)n, sizeof *cand);
    int *by = xmalloc((size_t)n * sizeof *by);
    char *conflict = xcalloc((size_t)n, 1);
    int *several = xcalloc((size_t)n, sizeof *several);
    int *from = xmalloc((size_t)n * sizeof *from);    /* the equation that fixed an inferred cell, -1 none */
    for (int i = 0; i < n; i++)
        from[i] = -1;
    char *was = xcalloc((size_t)n, 1);                /* its status before */
    signed char stack_fails[256];                     /* eq_fails_memo(): the two templates' fit */
    signed char *fails = t->neqs <= (int)sizeof stack_fails ? stack_fails : xmalloc((size_t)t->neqs);
    int ninferred = 0;                                /* cells with from[u] >= 0 */
    for (int i = 0; i < n; i++)
        open[i] = r->cells[i].status == GK_ST_MISSING || r->cells[i].status == GK_ST_BLANK;

    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < n; i++)
            by[i] = -1, conflict[i] = 0, several[i] = 0;
        memset(fails, -1, (size_t)t->neqs);   /* the last pass set cells and open */
        for (int q = 0; q < t->neqs; q++) {
            const gk_equation *e = &t->eqs[q];
            int u = -1, unknowns = 0, coef_u = 0, usable = 1;
            for (int k = 0; k < e->n && unknowns < 2; k++) {
                if (open[e->cell[k]]) {
                    unknowns++;
                    u = e->cell[k];
                    coef_u = e->coef[k];
                }
            }
            if (unknowns > 1) {
                zero_sum(r, e, q, open, fails, by, cand, conflict, several);
                continue;
            }
            if (unknowns != 1)         /* most equations: every cell known */
                continue;
            double sum = 0;
            for (int k = 0; k < e->n; k++) {
                int c = e->cell[k];
                if (c == u)
                    continue;
                if (!has_value(&r->cells[c]))
                    usable = 0;
                else
                    sum += e->coef[k] * r->cells[c].value;
            }
            if (!usable)
                continue;
            if (!neighbours_hold(r, e, open, fails)) {
                conflict[u] = 1;       /* the table around it does not add up: no value is certain */
                continue;
            }
            double x = -sum / coef_u;
            if (by[u] < 0) {
                by[u] = q;
                cand[u] = x;
            } else if (fabs(cand[u] - x) > EPS) {
                conflict[u] = 1;
            }
        }
        for (int u = 0; u < n; u++) {
            if (by[u] < 0 || conflict[u])
                continue;
            gk_cell *c = &r->cells[u];
            open[u] = 0;
            changed = 1;
            double x = cand[u];
            if (!valid_for(r, u, x))
                continue;              /* the rules will report the contradiction */
            if (c->status == GK_ST_BLANK && fabs(x) < EPS)
                continue;              /* a blank that must be 0 stays a blank */
            was[u] = (char)c->status;
            from[u] = by[u];
            ninferred++;
            c->status = GK_ST_INFERRED;
            c->value = fabs(x - floor(x + 0.5)) < EPS ? floor(x + 0.5) : x;
            const gk_equation *e = &t->eqs[by[u]];
            if (several[u]) {
                /* "%d" by the project's integer writer, the rest joined (a
                 * report with many cells unread has dozens of these) */
                char count[24];
                *json_put_int(count, several[u]) = '\0';
                c->equation = util_concat(cell_label(r, u), " = 0（同一等式中 ", count, " 个未知数之和须为 0，件数不能为负；",
                                          e->rule, "，", e->what, "）", (char *)NULL);
            } else {
                char *how = solve_text(r, e, u);
                c->equation = util_concat(cell_label(r, u), " = ", how, "（", e->rule, "，", e->what, "）", (char *)NULL);
                free(how);
            }
            r->cells_own_text = 1;
        }
    }
    free(open);
    free(cand);
    free(by);
    if (fails != stack_fails)
        free(fails);
    if (ninferred)                     /* else nothing to take back */
        undo_contradicted(r, from, was);
    free(conflict);
    free(several);
    free(from);
    free(was);
}

static gk_finding *add(gk_report *r, const char *rule, int line, char *msg)
{
    return finding_add(&r->findings, &r->nfindings, rule, line, msg);
}

static int eq_line(const gk_report *r, const gk_equation *e)
{
    if (r->cells[e->anchor].line)
        return r->cells[e->anchor].line;
    for (int k = 0; k < e->n; k++)
        if (r->cells[e->cell[k]].line)
            return r->cells[e->cell[k]].line;
    return 0;
}

/* The cells the rules below name by id, as each template's indices (-1:
 * not in the template, or no cell), looked up once rather than per report. */
typedef struct {
    int npos, n;               /* off[0..npos): the terms with a positive coefficient; the others after */
    size_t off[GK_EQ_MAX];     /* each term's cell as its offset in bytes in the report's cells (add_terms()) */
} signed_terms;

typedef struct {
    int narr[GK_NARR_MAX][GK_NARR_CELLS];   /* each narrative count's cells, -1 after the last */
    signed_terms *eq;          /* each equation's cells by the sign of their coefficient (check_equations()) */
    cell_eqs cells;            /* the equations of each cell */
} rule_cells;

static rule_cells RULE_CELLS[2];       /* the 2021 and the 2019 template */

/* 1 when e names its k-th cell among its first k too */
static int eq_lists_before(const gk_equation *e, int k)
{
    for (int j = 0; j < k; j++)
        if (e->cell[j] == e->cell[k])
            return 1;
    return 0;
}

static const signed_terms *split_terms(const gk_equation *e, signed_terms *st)
{
    st->npos = 0;
    for (int k = 0; k < e->n; k++)
        if (e->coef[k] > 0)
            st->off[st->npos++] = (size_t)e->cell[k] * sizeof(gk_cell);
    st->n = st->npos;
    for (int k = 0; k < e->n; k++)
        if (!(e->coef[k] > 0))
            st->off[st->n++] = (size_t)e->cell[k] * sizeof(gk_cell);
    return st;
}
static pthread_once_t rule_cells_once = PTHREAD_ONCE_INIT;

static void find_rule_cells(void)
{
    static const gk_format formats[2] = {GK_FMT_2021, GK_FMT_2019};
    for (int f = 0; f < 2; f++) {
        const gk_template *t = template_get(formats[f]);
        rule_cells *rc = &RULE_CELLS[f];
        rc->eq = xcalloc((size_t)t->neqs + 1, sizeof *rc->eq);   /* kept for the process's life */
        for (int q = 0; q < t->neqs; q++)
            split_terms(&t->eqs[q], &rc->eq[q]);
        /* each cell's equations, in the equations' order (once per cell) */
        int *fill = xcalloc((size_t)t->ncells + 1, sizeof *fill);
        for (int q = 0; q < t->neqs; q++)
            for (int k = 0; k < t->eqs[q].n; k++)
                if (!eq_lists_before(&t->eqs[q], k))
                    fill[t->eqs[q].cell[k] + 1]++;
        for (int c = 0; c < t->ncells; c++)
            fill[c + 1] += fill[c];
        rc->cells.start = xmalloc(((size_t)t->ncells + 1) * sizeof *rc->cells.start);
        memcpy(rc->cells.start, fill, ((size_t)t->ncells + 1) * sizeof *fill);
        rc->cells.eq = xmalloc(((size_t)fill[t->ncells] + 1) * sizeof *rc->cells.eq);
        for (int q = 0; q < t->neqs; q++)
            for (int k = 0; k < t->eqs[q].n; k++)
                if (!eq_lists_before(&t->eqs[q], k))
                    rc->cells.eq[fill[t->eqs[q].cell[k]]++] = q;
        free(fill);
        int nk;
        const gk_narr_count *K = template_narr_counts(&nk);
        for (int s = 0; s < nk; s++) {
            const char *const *ids = template_narr_cells(&K[s], formats[f]);
            int n = 0;
            for (int k = 0; ids[k]; k++) {
                int idx = template_cell_index(t, ids[k]);
                if (idx >= 0)          /* always: test_template checks every id */
                    rc->narr[s][n++] = idx;
            }
            while (n < GK_NARR_CELLS)
                rc->narr[s][n++] = -1;
        }
    }
}

static const rule_cells *rule_cells_of(const gk_template *t)
{
    pthread_once(&rule_cells_once, find_rule_cells);
    return &RULE_CELLS[t == template_get(GK_FMT_2019)];
}

/* NULL for another template than the two (a test's) */
static const cell_eqs *cell_eqs_of(const gk_template *t)
{
    if (t != template_get(GK_FMT_2021) && t != template_get(GK_FMT_2019))
        return NULL;
    return &rule_cells_of(t)->cells;
}

/* Adds up the values of the cells at off[k .. end) (byte offsets: no
 * multiplication by the cell's size per term), in order, into *sum;
 * returns where it stopped: end, or (when check is 1) the first term whose
 * cell is missing.  check is a constant at each call: the loop without the
 * test when no cell is missing. */
static inline int add_terms(const gk_cell *cells, const size_t *off, int k, int end, int check, double *sum)
{
    const char *base = (const char *)cells;
    double s = 0;
    for (; k < end && (!check || ((const gk_cell *)(base + off[k]))->status != GK_ST_MISSING); k++)
        s += ((const gk_cell *)(base + off[k]))->value;
    *sum = s;
    return k;
}

/* An equation e with cells missing, all on one side: that side's cells read
 * already add up to more than the other side's, and a missing cell, no signed
 * one, is no less than 0 — e fails whatever they hold (a row's cells read
 * wrong, "4039" for 40 and 39 run together, its other cell unread).  Noted as
 * e's rule, with a lower bound for that side. */
static void check_bound(gk_report *r, const gk_equation *e)
{
    double known[2] = {0, 0};          /* the sides: cells of positive, of negative coefficients */
    int missing[2] = {0, 0};
    for (int j = 0; j < e->n; j++) {
        const gk_cell *c = &r->cells[e->cell[j]];
        int side = e->coef[j] > 0 ? 0 : 1;
        if (r->tpl->cells[e->cell[j]].coldef->kind == GK_VAL_SIGNED)
            return;
        if (c->status == GK_ST_MISSING)
            missing[side]++;
        else
            known[side] += (e->coef[j] > 0 ? e->coef[j] : -e->coef[j]) * c->value;
    }
    int open = missing[0] ? 0 : 1;     /* the side with cells missing */
    if ((missing[0] && missing[1]) || !missing[open] || !(known[open] > known[!open] + EPS))
        return;
    char a[40], b[40], d[40], v[32];
    snprintf(a, sizeof a, "%s%s", open == 0 ? "至少 " : "", report_format_value(known[0], v, sizeof v));
    snprintf(b, sizeof b, "%s%s", open == 1 ? "至少 " : "", report_format_value(known[1], v, sizeof v));
    snprintf(d, sizeof d, "至少 %s", report_format_value(known[open] - known[!open], v, sizeof v));
    char *base = xasprintf(e->message, e->what, a, b, d);
    gk_finding *f = add(r, e->rule, eq_line(r, e),
                        xasprintf("%s；另有 %d 格未读到，件数不能为负，不论其值为何都不相等", base, missing[open]));
    free(base);
    finding_add_cell(f, e->anchor);
    for (int j = 0; j < e->n; j++)
        finding_add_cell(f, e->cell[j]);
}

/* any_missing: 0 when no cell is missing (reset_cells() found none, and
 * inference makes none missing that was not). */
static void check_equations(gk_report *r, int any_missing)
{
    const gk_template *t = r->tpl;
    /* another template than the two (a test's) has its terms split here */
    const signed_terms *terms =
        t == template_get(GK_FMT_2021) || t == template_get(GK_FMT_2019) ? rule_cells_of(t)->eq : NULL;
    const gk_cell *cells = r->cells;
    char a[32], b[32], d[32];
    for (int q = 0; q < t->neqs; q++) {
        /* the sums of the terms of each sign, each in the equation's order */
        signed_terms local;
        const signed_terms *st = terms ? &terms[q] : split_terms(&t->eqs[q], &local);
        double pos, neg;
        int k = any_missing ? add_terms(cells, st->off, 0, st->npos, 1, &pos)
                            : add_terms(cells, st->off, 0, st->npos, 0, &pos);
        if (k < st->npos) {
            check_bound(r, &t->eqs[q]);
            continue;
        }
        k = any_missing ? add_terms(cells, st->off, k, st->n, 1, &neg) : add_terms(cells, st->off, k, st->n, 0, &neg);
        if (k < st->n)
            check_bound(r, &t->eqs[q]);
        if (k < st->n || fabs(pos - neg) < EPS)
            continue;
        const gk_equation *e = &t->eqs[q];
        report_format_value(pos, a, sizeof a);
        report_format_value(neg, b, sizeof b);
        report_format_value(fabs(pos - neg), d, sizeof d);
        char *msg = xasprintf(e->message, e->what, a, b, d);
        gk_finding *f = add(r, e->rule, eq_line(r, e), msg);
        finding_add_cell(f, e->anchor);
        for (int j = 0; j < e->n; j++)
            finding_add_cell(f, e->cell[j]);
    }
}

/* T2.VALID_GE: in each row of its set, valid >= issued - repealed (the
 * set's columns GK_VALID_*; none in a format whose table 2 has no such rows). */
static void check_valid_ge(gk_report *r)
{
    const gk_cellset *set = template_cellset(r->tpl, "T2.VALID_GE");
    char v[3][32];
    for (int i = 0; set && i < set->nrows; i++) {
        const int *c = set->cell[i];
        int ok = 1;
        for (int k = 0; k < set->ncols; k++)
            if (!has_value(&r->cells[c[k]]))
                ok = 0;
        if (!ok)
            continue;
        double issued = r->cells[c[GK_VALID_ISSUED]].value, repealed = r->cells[c[GK_VALID_REPEALED]].value,
               valid = r->cells[c[GK_VALID_VALID]].value;
        if (valid + EPS >= issued - repealed)
            continue;
        gk_finding *f = add(r, set->def->rule, r->cells[c[GK_VALID_VALID]].line,
                            xasprintf(set->def->message[0], r->tpl->cells[c[0]].rowdef->label,
                                      report_format_value(valid, v[0], sizeof v[0]),
                                      report_format_value(issued, v[1], sizeof v[1]),
                                      report_format_value(repealed, v[2], sizeof v[2])));
        for (int k = 0; k < set->ncols; k++)
            finding_add_cell(f, c[k]);
    }
}

/* The cells todo[0 .. ntodo) (reset_cells()): the others are plain. */
static void check_cells(gk_report *r, const int *todo, int ntodo)
{
    char v[32];
    const gk_template *t = r->tpl;
    for (int j = 0; j < ntodo; j++) {
        const int i = todo[j];
        const gk_cell *c = &r->cells[i];
        if (plain_cell(c))
            continue;
        const gk_cell_def *cd = &t->cells[i];
        gk_finding *f = NULL;
        switch (c->status) {
        case GK_ST_MISSING:
            if (c->unread_why)
                f = add(r, "CELL.MISSING", c->line, util_concat(cd->label, " 缺失：", c->unread_why, (char *)NULL));
            break;
        case GK_ST_BLANK:
            f = add(r, "CELL.BLANK", c->line,
                    c->raw && c->raw[0] ? util_concat(cd->label, " 填写为「", c->raw, "」，按 0 计；模板要求填 0", (char *)NULL)
                                        : util_concat(cd->label, " 为空，按 0 计；模板要求填 0", (char *)NULL));
            break;
        case GK_ST_INFERRED:
            if (c->read_status == GK_ST_INFERRED && c->raw && c->raw[0])   /* a glued run split */
                f = add(r, "CELL.INFERRED", c->line,
                        util_concat(cd->label, " 按勾稽关系拆分为 ", report_format_value(c->value, v, sizeof v), "：",
                                    c->equation ? c->equation : "", (char *)NULL));
            else if (c->read_status == GK_ST_INFERRED)   /* a row of zeros a cell short */
                f = add(r, "CELL.INFERRED", c->line,
                        util_concat(cd->label, " 按 ", report_format_value(c->value, v, sizeof v), " 计：",
                                    c->equation ? c->equation : "", (char *)NULL));
            else if (c->read_status == GK_ST_MISSING && c->raw && c->raw[0]) {
                char cut[41];          /* "%.*s" of util_utf8_cut(c->raw, 40) bytes */
                int n = util_utf8_cut(c->raw, 40);
                memcpy(cut, c->raw, (size_t)n);
                cut[n] = '\0';
                f = add(r, "CELL.INFERRED", c->line,
                        util_concat(cd->label, " 原文「", cut, "」无法读取，按勾稽关系推算为 ",
                                    report_format_value(c->value, v, sizeof v), "：", c->equation ? c->equation : "",
                                    (char *)NULL));
            } else
                f = add(r, "CELL.INFERRED", c->line,
                        util_concat(cd->label, " 缺失，按勾稽关系推算为 ", report_format_value(c->value, v, sizeof v), "：",
                                    c->equation ? c->equation : "", (char *)NULL));
            break;
        default:
            break;
        }
        if (f)
            finding_add_cell(f, i);
        if (!has_value(c))
            continue;
        int is_int = c->status == GK_ST_EXTRACTED ? c->read_is_int : fabs(c->value - floor(c->value)) < EPS;
        if (cd->coldef->kind != GK_VAL_SIGNED && c->value < -EPS)
            finding_add_cell(add(r, "CELL.NEGATIVE", c->line,
                                 xasprintf("%s 为负数 %s", cd->label, report_format_value(c->value, v, sizeof v))),
                             i);
        if (cd->coldef->kind != GK_VAL_DECIMAL && !is_int)
            finding_add_cell(add(r, "CELL.NOT_INTEGER", c->line,
                                 xasprintf("%s 为 %s，件数应为整数", cd->label, c->raw ? c->raw : report_format_value(c->value, v, sizeof v))),
                             i);
    }
}

static void check_text(gk_report *r)
{
    char a[32], b[32];
    int nk;
    const gk_narr_count *K = template_narr_counts(&nk);
    const rule_cells *rc = r->nstated ? rule_cells_of(r->tpl) : NULL;
    for (int i = 0; i < r->nstated; i++) {
        const gk_stated *s = &r->stated[i];
        if (s->kind < 0 || s->kind >= nk)
            continue;
        const int *idx = rc->narr[s->kind];
        double sum = 0;
        int ok = idx[0] >= 0;          /* a count with no cell in this format is not checked */
        for (int k = 0; k < GK_NARR_CELLS && idx[k] >= 0; k++) {
            if (!has_value(&r->cells[idx[k]]))
                ok = 0;
            else
                sum += r->cells[idx[k]].value;
        }
        if (!ok || fabs(sum - s->value) < EPS)
            continue;
        gk_finding *f = add(r, "TEXT.MISMATCH", s->line,
                            xasprintf("正文所述%s为 %s 件，表格中为 %s", K[s->kind].what,
                                      report_format_value(s->value, a, sizeof a), report_format_value(sum, b, sizeof b)));
        for (int k = 0; k < GK_NARR_CELLS && idx[k] >= 0; k++)
            finding_add_cell(f, idx[k]);
    }
}

/* The findings' order: by line (none last), the rule's rank, the first
 * cell, the message.  Each finding's numbers are taken out once into a key;
 * the message is compared only when all three are the same. */
typedef struct {
    int line, rank, cell, idx;
} finding_key;

static inline int key_cmp(const finding_key *a, const finding_key *b, const gk_finding *f)
{
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->cell != b->cell)
        return a->cell < b->cell ? -1 : 1;
    return strcmp(f[a->idx].message, f[b->idx].message);
}

/* Sorts f[0..n) in that order, stably (findings that compare equal keep
 * their order): a merge sort of the keys — the runs already in order
 * (findings come mostly in order, a few runs a report), each shorter than 8
 * made 8 long by insertion, merged in passes — and the findings moved once,
 * not at all when they are in order already.  It gives what glibc's qsort()
 * gave (a stable merge sort too) without a call through a pointer per
 * comparison; test_sort_findings checks the two against each other. */
void rules_sort_findings(gk_finding *f, int n)
{
    if (n < 2)
        return;
    enum { RUN = 8, ON_STACK = 64 };
    finding_key stack_key[2 * ON_STACK];
    gk_finding stack_sorted[ON_STACK];  /* most reports: no allocation */
    int stack_start[ON_STACK + 1];
    finding_key *key = n <= ON_STACK ? stack_key : xmalloc((size_t)n * 2 * sizeof *key), *tmp = key + n;
    int *start = n <= ON_STACK ? stack_start : xmalloc(((size_t)n + 1) * sizeof *start);   /* the runs' first keys */
    for (int i = 0; i < n; i++)
        key[i] = (finding_key){f[i].line ? f[i].line : INT_MAX, f[i].rank, f[i].ncells ? f[i].cells[0] : -1, i};
    int nruns = 0;
    for (int lo = 0; lo < n;) {
        int hi = lo + 1;
        while (hi < n && key_cmp(&key[hi - 1], &key[hi], f) <= 0)
            hi++;
        if (hi - lo < RUN && hi < n) {  /* a short run: the next keys put in it, up to 8 */
            int end = lo + RUN < n ? lo + RUN : n;
            for (int i = hi; i < end; i++) {
                finding_key k = key[i];
                int j = i;
                for (; j > lo && key_cmp(&key[j - 1], &k, f) > 0; j--)
                    key[j] = key[j - 1];
                key[j] = k;
            }
            hi = end;
        }
        start[nruns++] = lo;
        lo = hi;
    }
    start[nruns] = n;
    finding_key *from = key, *to = tmp;
    int moved = nruns > 1;
    if (nruns == 1) {                  /* one run: in order, or put in order by insertion */
        for (int i = 0; i < n && !moved; i++)
            moved = key[i].idx != i;
    }
    for (; nruns > 1; nruns = (nruns + 1) / 2) {
        for (int r = 0; r < nruns; r += 2) {
            int lo = start[r], mid = start[r + 1], hi = r + 2 <= nruns ? start[r + 2] : mid;
            int a = lo, b = mid, o = lo;
            while (a < mid && b < hi)
                to[o++] = key_cmp(&from[b], &from[a], f) < 0 ? from[b++] : from[a++];
            while (a < mid)
                to[o++] = from[a++];
            while (b < hi)
                to[o++] = from[b++];
            start[r / 2] = lo;
        }
        start[(nruns + 1) / 2] = n;
        finding_key *t = from;
        from = to;
        to = t;
    }
    if (moved) {
        gk_finding *sorted = n <= ON_STACK ? stack_sorted : xmalloc((size_t)n * sizeof *sorted);
        for (int i = 0; i < n; i++)
            sorted[i] = f[from[i].idx];
        memcpy(f, sorted, (size_t)n * sizeof *f);
        if (sorted != stack_sorted)
            free(sorted);
    }
    if (key != stack_key) {
        free(key);
        free(start);
    }
}

static void apply_dismissals(gk_report *r)
{
    r->nerrors = r->nwarnings = 0;
    for (int i = 0; i < r->nfindings; i++) {
        gk_finding *f = &r->findings[i];
        for (int d = 0; d < r->ndismissals && !f->dismissed; d++) {
            const gk_dismissal *dm = &r->dismissals[d];
            if (strcmp(dm->rule, f->rule) != 0)
                continue;
            int hit = dm->cell < 0;
            for (int k = 0; k < f->ncells && !hit; k++)
                hit = f->cells[k] == dm->cell;
            if (hit) {
                f->dismissed = 1;
                f->dismiss_reason = dm->reason;
            }
        }
        if (!f->dismissed) {
            if (f->severity == GK_SEV_ERROR)
                r->nerrors++;
            else
                r->nwarnings++;
        }
    }
}

void rules_check(gk_report *r)
{
    for (int i = 0; i < r->nfindings; i++)
        finding_free(&r->findings[i]);
    free(r->findings);
    r->findings = NULL;
    r->nfindings = 0;

    int *todo = xmalloc(((size_t)r->tpl->ncells + 1) * sizeof *todo), ntodo, nmissing;
    if (reset_cells(r, todo, &ntodo, &nmissing))  /* without unknowns no equation fixes anything */
        infer(r);
    for (int i = 0; i < r->nnotes; i++) {
        const gk_finding *n = &r->notes[i];
        gk_finding *f = add(r, n->rule, n->line, xstrdup(n->message));
        finding_copy_cells(f, n);
    }
    check_equations(r, nmissing > 0);
    check_valid_ge(r);
    check_cells(r, todo, ntodo);
    free(todo);
    check_text(r);
    narrative_check(r);
    xyear_check(r);
    rules_sort_findings(r->findings, r->nfindings);
    apply_dismissals(r);
}
