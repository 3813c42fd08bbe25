/* place.c — sharing a table's numbers out among its template rows (place.h). */
#include "place.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { X_L, X_A, X_N, NX };            /* an anchored row: label first, label after, no numbers */
#define X_NONE (-1)                    /* no anchor on that side of a gap */

/* Costs: a reading that leaves more of the table unexplained costs more. */
#define COST_NONE 2                    /* an anchored row without numbers */
#define COST_IGNORE 8                  /* numbers before the first / after the last row left over:
                                          dearer than a broken gap and a row without numbers, so that
                                          rows are never shifted to explain numbers away */
#define COST_BROKEN 4                  /* numbers between two anchors whose count fits nothing */
#define COST_SHORT 1                   /* … one fewer than the cells of a row beside them left without
                                          numbers (one_short()): its own, a blank lost.  Cheaper by more
                                          than COST_SLACK: the rows before it are not read label-after
                                          instead (the first row left without numbers, the same gap
                                          broken), a shift that costs as much as a broken gap */
#define COST_INF 1000000
#define COST_SLACK COST_NONE        /* readings within this of the least cost are alternatives too: a
                                          row they read differently is left unplaced.  A number too many
                                          in a row makes that row's reading (no numbers) dearer by as much
                                          as shifting the rows after it to label-after; neither is chosen */

typedef struct {
    int *c, nc;                        /* values and empty cells, in order */
    int *v, nv;                        /* values only */
    int urow0, urow1;                  /* rows without an anchor that lie here: [urow0, urow1) */
    int hdr0;                          /* the first header token here, -1 none */
    int bar0, bar1;                    /* the first and last barrier here: a header token, or a label
                                          naming a row but neither anchor's (no row's cells lie
                                          across one); -1 none */
    int un;                            /* their cells */
} gap;

typedef struct {
    int mode;                          /* 0: values and empties, 1: values only */
    int present;                       /* the rows without an anchor take their cells here */
    int partial;                       /* only a prefix (last gap) or a suffix (first gap) is used */
    int broken;                        /* nothing here is used */
    int cost;
} gap_opt;

typedef struct {
    const place_tok *t;
    const int *ncols;
    int nrows;
    int m;                             /* anchors: at most one per row */
    int atok[PLACE_MAX_ROWS];          /* anchor k: its token */
    int arow[PLACE_MAX_ROWS];          /* its row */
    int weak[PLACE_MAX_ROWS];          /* anchored by a group label only */
    int allow[PLACE_MAX_ROWS];         /* the states its source row allows (bit x) */
    int *gcost;                        /* gap_cost() of (k, xl, xr), -1 until computed */
    gap g[PLACE_MAX_ROWS + 1];         /* g[k + 1] lies between anchor k and anchor k + 1 */
    int marks;                         /* place_tok.foreign's PT_NOT_NEXT, PT_NOT_PREV, PT_CAPTION of
                                          any token: none, no such check (most tables) */
    uint32_t totals;                   /* rows with a total of their own (one_short()) */
    int units_tell;                    /* half the anchors' source rows or more hold numbers too: their
                                          states told, a label alone may be a wrapped one */
} solver;

/* ---- anchors: the longest chain of labels whose rows increase ----------------------- */

typedef struct {
    int tok, row, pred;
    int start;                         /* the token of its chain's first label */
} node;

#define PLACE_CHAIN_NODES 256          /* nodes on the stack; more are allocated */

/* The rows a token names: a label's rows and its groups' first rows. */
static uint32_t named_rows(const place_tok *t)
{
    return t->kind == PT_LABEL ? t->rows | t->firsts : 0;
}

/* The best chains so far, one ending in each row. */
typedef struct {
    node *nodes;
    int n;
    int end[PLACE_MAX_ROWS];           /* the best node ending in row r, -1 none */
    int score[PLACE_MAX_ROWS];         /* its score, -1 none */
    uint32_t records;                  /* rows whose score beats every row before them: the best
                                          chain ending before row r ends in the last one below r */
} chains;

/* The last record row below r, or -1. */
static int best_before(const chains *c, int r)
{
    uint32_t below = c->records & (((uint32_t)1 << r) - 1);
    return below ? 31 - __builtin_clz(below) : -1;
}

/* Row r's best chain now scores s (more than before): r may become a
 * record, and the records after it that do not beat s are no longer. */
static void raise_score(chains *c, int r, int s)
{
    c->score[r] = s;
    int before = best_before(c, r);
    if (before >= 0 && c->score[before] >= s)
        return;                        /* not a record, as it was not before */
    c->records |= (uint32_t)1 << r;
    for (uint32_t after = c->records & ~(((uint32_t)2 << r) - 1); after; after &= after - 1) {
        int q = __builtin_ctz(after);
        if (c->score[q] > s)
            break;
        c->records &= ~((uint32_t)1 << q);
    }
}

/* The chain of labels, in token order, naming rows that increase, of
 * highest score (2 for a label naming its row, 1 for a group label); each
 * link comes from the first row with the best score before it, and the
 * chain ends in the first row with the best score.  Writes its anchors (at
 * most one per row) to atok, arow and weak, and to *marks the foreign bits
 * PT_NOT_NEXT, PT_NOT_PREV and PT_CAPTION of any token (solver.marks); returns
 * how many. */
static int chain(const place_tok *t, int ntok, int nrows, int *atok, int *arow, int *weak, int *marks)
{
    int mk = 0;                        /* (solver.marks, found in the same pass) */
    node first[PLACE_CHAIN_NODES];     /* the nodes of most tables */
    int cap = PLACE_CHAIN_NODES;
    chains c = {.nodes = first};
    for (int r = 0; r < nrows; r++)
        c.end[r] = c.score[r] = -1;
    uint32_t in_table = nrows < 32 ? ((uint32_t)1 << nrows) - 1 : ~(uint32_t)0;
    for (int i = 0; i < ntok; i++) {
        mk |= t[i].foreign & (PT_NOT_NEXT | PT_NOT_PREV | PT_CAPTION);
        uint32_t rows = named_rows(&t[i]) & in_table;
        int cand[PLACE_MAX_ROWS], pred[PLACE_MAX_ROWS];
        for (uint32_t left = rows; left; left &= left - 1) {   /* all from the chains before this label */
            int r = __builtin_ctz(left), b = best_before(&c, r);
            cand[r] = (b >= 0 ? c.score[b] : 0) + (t[i].rows >> r & 1 ? 2 : 1);
            pred[r] = b >= 0 ? c.end[b] : -1;
        }
        for (uint32_t left = rows; left; left &= left - 1) {
            int r = __builtin_ctz(left);
            int start = pred[r] >= 0 ? c.nodes[pred[r]].start : i;
            /* as good a chain starting later replaces it: a label written again
             * before the table (a caption, a summary line, hidden text printed) is
             * not its first row; one written after it starts no later */
            if (cand[r] < c.score[r] || (cand[r] == c.score[r] && start <= c.nodes[c.end[r]].start))
                continue;
            if (c.n == cap) {
                cap *= 2;
                c.nodes = c.nodes == first ? memcpy(xmalloc((size_t)cap * sizeof *c.nodes), first, sizeof first)
                                           : xrealloc(c.nodes, (size_t)cap * sizeof *c.nodes);
            }
            c.nodes[c.n] = (node){i, r, pred[r], start};
            c.end[r] = c.n++;
            if (cand[r] > c.score[r])
                raise_score(&c, r, cand[r]);
        }
    }
    *marks = mk;
    int last = c.records ? 31 - __builtin_clz(c.records) : -1;   /* the first row with the best score */
    int m = 0;
    for (int k = last >= 0 ? c.end[last] : -1; k >= 0; k = c.nodes[k].pred)
        m++;
    int k = m;
    for (int at = last >= 0 ? c.end[last] : -1; at >= 0; at = c.nodes[at].pred) {
        const node *nd = &c.nodes[at];
        k--;
        atok[k] = nd->tok;
        arow[k] = nd->row;
        weak[k] = !(t[nd->tok].rows >> nd->row & 1);
    }
    if (c.nodes != first)
        free(c.nodes);
    return m;
}

/* A label naming no row and of no group, foreign only by the bits in
 * `allowed`: a piece of a label wrapped onto lines of its own. */
static inline int piece(const place_tok *t, unsigned allowed)
{
    return t->kind == PT_LABEL && !t->rows && !t->firsts && !(t->foreign & ~allowed);
}

/* A header printed again inside a table, a cell a line, may name rows too
 * ("项目" "本年新收件数" "上年结转" "结转下年度" "总计" before "四、结转下年度…"),
 * as may a caption ("结转下年度件数"): when the labels after an anchor's,
 * before any number, end in one naming its row again that its numbers
 * follow — or in such a label and pieces naming nothing (the rest of a
 * label wrapped onto lines of its own: "上年结转政府信" "息公开申请数量") —
 * and a label naming other rows lies between them (a header's names, the
 * rows before the row's or after it), or the anchor's label does not hold
 * the row's whole label and that one does (PT_WHOLE, and unwrapped), that
 * one is the row's label, and the row anchors there (before the next
 * anchor).  So too when the row's own cells are all empty and the next
 * source row begins with the rest of its label (a copy, or a piece naming
 * nothing) followed by numbers: a label cell wrapped onto the next row of a
 * table (not when the anchor holds the whole label).  A row's label followed
 * by the same label again (hidden text echoing it, its number another)
 * stays. */
static void reanchor_past_headers(const place_tok *t, int ntok, int m, int *atok, const int *arow, int *weak)
{
    for (int k = 0; k < m; k++) {
        int r = arow[k], lim = k + 1 < m ? atok[k + 1] : ntok, i = atok[k] + 1, others = 0;
        int named = -1, pieces = 0;    /* the last label naming r, and labels naming nothing after it */
        int empties = 0;               /* empty cells before it */
        int partial = !(t[atok[k]].foreign & PT_WHOLE);   /* the anchor's label may go on elsewhere */
        for (; i < lim && (t[i].kind == PT_LABEL || t[i].kind == PT_HEADER || t[i].kind == PT_EMPTY); i++) {
            if (t[i].kind == PT_EMPTY) {
                if (named >= 0)
                    break;             /* the cells after the copy */
                empties++;
                continue;
            }
            uint32_t rows = t[i].kind == PT_LABEL ? t[i].rows : 0;
            if ((rows >> r & 1) ||
                (empties && named < 0 && partial && t[i - 1].kind == PT_EMPTY && piece(&t[i], PT_NOT_NEXT))) {
                named = i;             /* a copy, or the rest of the label after the row's empty cells */
                pieces = 0;
                continue;
            }
            if (named >= 0 && piece(&t[i], 0))
                pieces++;
            else
                named = -1;            /* the run does not end in the row's label */
            others += rows != 0;
        }
        if (i == atok[k] + 1 || i >= lim || (t[i].kind != PT_VALUE && t[i].kind != PT_EMPTY) || named < 0)
            continue;
        int whole = (t[named].foreign & PT_WHOLE) && !(t[atok[k]].foreign & PT_WHOLE);
        /* a label cell wrapped onto the next row of a table, the row's own cells
         * empty before it ("| 2.其他法律行 | | |" over "| 政法规禁止公开 | 9 | 0 |");
         * not a whole label ("行政事业性收费" over a stray "规 94") */
        int wrapped = empties && partial && !others && !(t[named].foreign & ~PT_NOT_NEXT) &&
                      t[named].unit != t[atok[k]].unit;
        if (t[named].kind == PT_LABEL && (others || (whole && !pieces) || wrapped)) {
            atok[k] = named;
            weak[k] = 0;
        }
    }
}

/* A row's label printed before the table's header and its rest after it,
 * right before the row's numbers (pdfminer reading a Word table: "一、本年新收"
 * "申请人情况" "总计" "自然人" … "政府信息公开" 46 45 … "申请数量"): when the
 * labels after an anchor's, before any number, hold two or more of the
 * header's names and end after the last of them in pieces naming nothing,
 * the row anchors at the first of those pieces, its numbers after them (not
 * across the header, which the row after would then take as a label printed
 * after its numbers). */
static void reanchor_after_header(const place_tok *t, int ntok, int m, int *atok, int *weak)
{
    for (int k = 0; k < m; k++) {
        int a = atok[k], lim = k + 1 < m ? atok[k + 1] : ntok, headers = 0, first = -1, i = a + 1;
        if (t[a].foreign & PT_WHOLE)
            continue;                  /* the whole label before the header */
        for (; i < lim && (t[i].kind == PT_LABEL || t[i].kind == PT_HEADER); i++) {
            if (t[i].kind == PT_HEADER) {
                headers++;
                first = -1;
            } else if (headers && !piece(&t[i], PT_NOT_NEXT)) {
                first = -2;            /* a label naming a row after the header: no piece of this one */
            } else if (headers && first == -1) {
                first = i;
            }
        }
        if (i < lim && t[i].kind == PT_VALUE && headers >= 2 && first >= 0) {
            atok[k] = first;
            weak[k] = 0;
        }
    }
}

/* The same header, from the other side: an anchor whose label is followed
 * by no number up to the next anchor, only by labels — two or more of them
 * naming other rows (the header's names) — while an earlier copy of it
 * since the anchor before is followed by numbers (after pieces naming
 * nothing: a wrapped label's rest), is a name in the header: the row
 * anchors at that copy, its label first.  (The later copy of a label wins
 * in chain(), for a caption before a table; a header's names are followed
 * by names, not numbers.) */
static void reanchor_before_headers(const place_tok *t, int ntok, int m, int *atok, const int *arow, int *weak)
{
    for (int k = 0; k < m; k++) {
        int r = arow[k], a = atok[k], lim = k + 1 < m ? atok[k + 1] : ntok, others = 0, i = a + 1;
        for (; i < lim && (t[i].kind == PT_LABEL || t[i].kind == PT_HEADER); i++)
            others += t[i].kind == PT_LABEL && t[i].rows && !(t[i].rows >> r & 1);
        if (i < lim || others < 2)
            continue;                  /* numbers after the anchor, or no header's names */
        int from = k > 0 ? atok[k - 1] + 1 : 0;
        for (int j = a - 1; j >= from; j--) {
            if (t[j].kind != PT_LABEL || !(t[j].rows >> r & 1))
                continue;
            int q = j + 1;
            while (q < a && piece(&t[q], 0))
                q++;
            if (q < a && (t[q].kind == PT_VALUE || t[q].kind == PT_EMPTY)) {
                atok[k] = j;
                weak[k] = 0;
            }
            break;                     /* the latest copy only */
        }
    }
}

/* ---- gaps ---------------------------------------------------------------------------- */

/* The source row (unit) of token i ends at *end; 1 when a label there names a
 * row but is no anchor, or is foreign text (place_tok.foreign), and no anchor's
 * label is there: before the table or after it, its numbers are that label's (a
 * caption or hidden text repeating a row's label, a note), not the first row's
 * printed after them nor the last's.  Inside the table such a label is more
 * often the end of a wrapped label: there (whole_only) only one holding a row's
 * whole label (PT_WHOLE) owns its numbers. */
static int stray_owned(const solver *s, int i, int ntok, int *end, int *next_anchor, int whole_only)
{
    int unit = s->t[i].unit, named = 0, anchored = 0, j = i;
    while (j > 0 && s->t[j - 1].unit == unit)
        j--;                           /* from the source row's first token */
    for (; j < ntok && s->t[j].unit == unit; j++) {
        while (*next_anchor < s->m && s->atok[*next_anchor] < j)
            ++*next_anchor;
        int anchor = *next_anchor < s->m && s->atok[*next_anchor] == j;
        anchored |= anchor;
        named |= !anchor && s->t[j].kind == PT_LABEL &&
                 (whole_only ? (s->t[j].foreign & PT_WHOLE) != 0 : s->t[j].rows || (s->t[j].foreign & (1 | PT_WHOLE)));
    }
    *end = j;
    return unit >= 0 && named && !anchored;
}

/* Tokens [lo, hi) into gap g: its cells c, values v, first header row and
 * barriers (header rows, labels of rows neither anchor names, `anchors`: their
 * rows, and a piece of the right anchor's label before it, `right` its row: the
 * cells after it are that row's, printed after its label's first piece, not the
 * left row's — "由大量反复申请" then "5、要求行政机关确认" and seven empty cells
 * before "或重新出具已获取信息" and 确认's numbers: 大量反复 took the empty
 * cells); before the
 * first anchor or after the last (outside 1) without the numbers of a source row
 * stray_owned() gives another label (a caption's numbers are not the table's);
 * inside the table (outside 2) without those of a row holding a row's whole
 * label that is no anchor.  Returns 1 when a label holding a row's whole label
 * (PT_WHOLE) lies in [lo, hi). */
static inline __attribute__((always_inline)) int collect(const solver *s, gap *g, int lo, int hi, int ntok, int outside,
                                                          uint32_t anchors, uint32_t right)
{
    int nc = 0, nv = 0, hdr0 = -1, bar0 = -1, bar1 = -1, owned_end = 0, owned = 0, next_anchor = 0, whole = 0;
    for (int i = lo; i < hi; i++) {   /* one pass: the cells, the values, the header rows, the labels */
        place_kind kind = s->t[i].kind;
        if (outside && i >= owned_end)
            owned = stray_owned(s, i, ntok, &owned_end, &next_anchor, outside == 2);
        if (owned && (kind == PT_VALUE || kind == PT_EMPTY))
            continue;
        if (kind == PT_VALUE) {
            g->c[nc++] = i;
            g->v[nv++] = i;
        } else if (kind == PT_EMPTY) {
            g->c[nc++] = i;
        } else {
            if (kind == PT_LABEL)
                whole |= s->t[i].foreign & PT_WHOLE;
            if (kind == PT_HEADER ||
                (kind == PT_LABEL && s->t[i].rows &&
                 (!(s->t[i].rows & anchors) || (right && (s->t[i].rows & anchors) == right)))) {
                if (hdr0 < 0 && kind == PT_HEADER)
                    hdr0 = i;
                if (bar0 < 0)
                    bar0 = i;
                bar1 = i;
            }
        }
    }
    g->nc = nc;
    g->nv = nv;
    g->hdr0 = hdr0;
    g->bar0 = bar0;
    g->bar1 = bar1;
    return whole != 0;
}

static void build_gaps(solver *s, int ntok, int *store)
{
    memset(s->g, 0, ((size_t)s->m + 1) * sizeof *s->g);
    /* the gaps do not overlap: their tokens fit in 2 * ntok ints, taken in order */
    for (int k = -1; k < s->m; k++) {
        gap *g = &s->g[k + 1];
        int lo = k < 0 ? 0 : s->atok[k] + 1, hi = k + 1 < s->m ? s->atok[k + 1] : ntok;
        if (k < 0)                     /* before the table: only what follows the last prose */
            for (int i = lo; i < hi; i++)
                if (s->t[i].kind == PT_BREAK)
                    lo = i + 1;
        if (k == s->m - 1)             /* after the table: only what precedes the first prose or
                                          a label naming a row again (the table repeated) */
            for (int i = lo; i < hi; i++)
                if (s->t[i].kind == PT_BREAK || (s->t[i].kind == PT_LABEL && s->t[i].rows)) {
                    hi = i;
                    break;
                }
        int len = hi > lo ? hi - lo : 0;
        g->c = store;
        g->v = store + len;
        store += 2 * len;
        uint32_t left = k >= 0 ? (uint32_t)1 << s->arow[k] : 0, right = k + 1 < s->m ? (uint32_t)1 << s->arow[k + 1] : 0;
        uint32_t anchors = left | right;
        if (right == left)
            right = 0;
        if (k < 0 || k == s->m - 1) {
            collect(s, g, lo, hi, ntok, 1, anchors, right);
        } else {
            /* a label holding a row's whole label between two anchors (no anchor
             * itself), which collect() tells: the gap collected again so */
            if (collect(s, g, lo, hi, ntok, 0, anchors, right))
                collect(s, g, lo, hi, ntok, 2, anchors, right);
        }
        g->urow0 = k < 0 ? 0 : s->arow[k] + 1;
        g->urow1 = k + 1 < s->m ? s->arow[k + 1] : s->nrows;
        for (int r = g->urow0; r < g->urow1; r++)
            g->un += s->ncols[r];
    }
}

/* The unit of anchor k's label, or -2 (no anchor: owns nothing). */
static int anchor_unit(const solver *s, int k)
{
    if (k < 0 || k >= s->m || s->t[s->atok[k]].unit < 0)
        return -2;
    return s->t[s->atok[k]].unit;
}

/* Row k, its label first, taking seq[0 .. n): its source row holds all n cells
 * (place_tok.cells) but the last it takes lies on another line, so it passed
 * over its own empty cells for values from elsewhere.  (A source row's tokens
 * are consecutive: the last taken tells of all.) */
static int own_cells_passed(const solver *s, int k, const int *seq, int n)
{
    return n > 0 && s->t[s->atok[k]].cells >= n && s->t[seq[n - 1]].unit != anchor_unit(s, k);
}

/* 1 when the nearest label before token i on its source row is text no part of
 * a row's label (place_tok.foreign, `bit`: PT_NOT_NEXT of the next row's, PT_NOT_PREV
 * of the row's before): the numbers after it are its own (a note, a label a converter
 * garbled), not that row's printed on another line ("行政规范性?0?件  21" over
 * "行政处罚"; but "2)没??  0 0 …" over "息需要另行制作"). */
static int after_foreign(const solver *s, int i, int bit)
{
    int unit = s->t[i].unit;
    for (int j = i - 1; unit >= 0 && j >= 0 && s->t[j].unit == unit; j--)
        if (s->t[j].kind == PT_LABEL)
            return (s->t[j].foreign & bit) != 0;
    return 0;
}

/* Tokens on the same source row as an anchor's label are that row's: the
 * left anchor takes s[0..front), the right one s[n-back..n); the rest goes
 * to rows without an anchor or is left over. */
static inline __attribute__((always_inline)) int owners_agree(const solver *s, int k, const int *seq, int n, int front,
                                                             int back)
{
    const gap *g = &s->g[k + 1];
    /* no row's cells across a header row, or another row's label that is no anchor
     * (pdftotext -raw: "(4)结转下年度继续办理" between numbers and "(7)总计", a label
     * after them) */
    if (front > 0 && front <= n && g->bar0 >= 0 && seq[front - 1] > g->bar0)
        return 0;                      /* the left row's */
    if (back > 0 && back <= n && g->bar1 >= 0 && seq[n - back] < g->bar1)
        return 0;                      /* the right row's */
    if (front <= n && own_cells_passed(s, k, seq, front))
        return 0;                      /* a row whose source row holds its cells takes them there */
    int left = anchor_unit(s, k), right = anchor_unit(s, k + 1);
    for (int i = 0; i < n; i++) {
        int unit = s->t[seq[i]].unit;
        int by_left = i < front, by_right = back && i >= n - back;
        if (unit == left && !by_left)
            return 0;
        if (unit == right && !by_right)
            return 0;
        if (!s->marks)
            continue;
        if (by_right && unit != right && after_foreign(s, seq[i], PT_NOT_NEXT))
            return 0;                  /* a label printed after its numbers, but they follow text of
                                          their own: "备注 21" over "行政处罚" */
        if (by_left && unit != left && after_foreign(s, seq[i], PT_NOT_PREV))
            return 0;                  /* or before them, on another line after such a text: "规章
                                          0 0" over "行政规范?1?性文?0?件  3" (html2text) */
    }
    /* nor the numbers right after the beginning of another row's label, with its item
     * number, no part of the right row's ("2、申请人逾" 0 0 … "期未按收费通知…" "(七)总计":
     * pdfminer printed a label's beginning before its numbers, its rest after them) */
    if ((s->marks & PT_NOT_NEXT) && back > 0 && back <= n && seq[n - back] > 0 &&
        s->t[seq[n - back] - 1].kind == PT_HEADER && (s->t[seq[n - back] - 1].foreign & PT_NOT_NEXT))
        return 0;
    /* nor across a sub-table's caption: "0", then "第二十条第（六）项", then "行政处罚"
     * (or its label after one) */
    if ((s->marks & PT_CAPTION) && back > 0 && back <= n && k + 1 < s->m)
        for (int i = seq[n - 1] + 1; i <= s->atok[k + 1]; i++)
            if (s->t[i].kind == PT_LABEL && (s->t[i].foreign & PT_CAPTION))
                return 0;
    return 1;
}

/* 1 when gap k holds one number fewer than the cells of the row before it,
 * left without numbers (X_N), a row with a total of its own: that row's own
 * numbers after its label, a cell lost — an empty cell a converter did not
 * print (its total and the equations across rows tell which, or nothing is
 * read; a row without a total, table 2's, nothing would confirm).  Nothing
 * else between: no empty cell shown, no row without a label, no label's piece
 * before them (an item number printed before the numbers whose label's text
 * follows them is the next row's, wrapped).  Where most rows' labels share
 * their lines with their numbers (units_tell), only such a row: a label alone
 * on its line there is as often a wrapped label printed after its numbers
 * ("1.  0 0 7 7" above "本机关不掌握相关政府信息", w3m).  Label first only: a gap
 * one short taken as the next row's numbers before its label as well would
 * let a row left without numbers explain the gaps on both its sides, and a
 * table read label first tie with itself read label after. */
static int one_short(const solver *s, int k, int xl)
{
    const gap *g = &s->g[k + 1];
    if (xl != X_N || !(s->totals >> s->arow[k] & 1) || g->nv != g->nc || g->un > 0)
        return 0;
    if (s->units_tell && (s->allow[k] >> X_A & 1))
        return 0;                      /* its label alone on its line where others have their numbers */
    int n = s->ncols[s->arow[k]];
    if (n < 3 || g->nv != n - 1)
        return 0;
    for (int i = s->atok[k] + 1; i < g->v[0]; i++)
        if (s->t[i].kind == PT_LABEL)
            return 0;                  /* "2. 0 4 1 6 2 13": the next label's piece before them */
    return 1;
}

/* Every way gap k (between anchors k and k+1) can be used when they are in
 * states xl and xr; returns how many, written to opts (room for 8). */
static int gap_options(const solver *s, int k, int xl, int xr, gap_opt *opts)
{
    const gap *g = &s->g[k + 1];
    int front = xl == X_L ? s->ncols[s->arow[k]] : 0;
    int back = xr == X_A ? s->ncols[s->arow[k + 1]] : 0;
    int n = 0, lost = COST_NONE * (g->urow1 - g->urow0);   /* a row without numbers costs as an anchored one */
    for (int mode = 0; mode < 2; mode++) {
        const int *seq = mode ? g->v : g->c;
        int len = mode ? g->nv : g->nc;
        if (mode && g->nv == g->nc)
            break;                     /* no empties: the same reading */
        for (int present = 0; present <= (g->un > 0); present++) {
            int need = front + (present ? g->un : 0) + back;
            int absent = present ? 0 : lost;   /* rows that lie here and get nothing */
            if (need == len && owners_agree(s, k, seq, len, front, back))
                opts[n++] = (gap_opt){mode, present, 0, 0, absent};
            else if (k == s->m - 1 && need < len && need > 0 && owners_agree(s, k, seq, len, front, 0))
                opts[n++] = (gap_opt){mode, present, 1, 0, COST_IGNORE + absent};   /* numbers left after the table */
        }
    }
    if (k < 0 && g->nc > 0 && back == 0 && s->m > 0)
        opts[n++] = (gap_opt){0, 0, 1, 1, COST_IGNORE + lost};   /* numbers before the first row: not the table's */
    if (front == 0 && back == 0 && g->nc > 0)
        opts[n++] = (gap_opt){0, 0, 0, 1, (one_short(s, k, xl) ? COST_SHORT : COST_BROKEN) + lost};
    return n;
}

/* A label with numbers after it on its own source row comes first; one
 * with numbers before it comes after them; only a label alone on its row
 * may be either. */
static int fills_cell(const place_tok *t)
{
    return t->kind == PT_VALUE || t->kind == PT_EMPTY;
}

static void allowed_states(solver *s, int ntok)
{
    for (int k = 0; k < s->m; k++) {
        int a = s->atok[k], unit = s->t[a].unit, before = 0, after = 0;
        for (int i = a - 1; unit >= 0 && i >= 0 && s->t[i].unit == unit && !before; i--)
            before = fills_cell(&s->t[i]);
        for (int i = a + 1; unit >= 0 && i < ntok && s->t[i].unit == unit && !after; i++)
            after = fills_cell(&s->t[i]);
        s->allow[k] = 1 << X_N;
        if (after || !before)
            s->allow[k] |= 1 << X_L;
        if (before || !after)
            s->allow[k] |= 1 << X_A;
    }
}

static int state_cost(const solver *s, int k, int x)
{
    if (!(s->allow[k] >> x & 1))
        return COST_INF;
    return x == X_N ? COST_NONE : 0;
}

/* The least cost of gap k with its anchors in states xl, xr (X_NONE at
 * the table's ends), computed once. */
static int gap_cost(const solver *s, int k, int xl, int xr)
{
    int *memo = &s->gcost[((k + 1) * (NX + 1) + xl + 1) * (NX + 1) + xr + 1];
    if (*memo >= 0)
        return *memo;
    gap_opt o[8];
    int n = gap_options(s, k, xl, xr, o), best = COST_INF;
    for (int i = 0; i < n; i++)
        if (o[i].cost < best)
            best = o[i].cost;
    return *memo = best;
}

static int add(int a, int b)
{
    return a >= COST_INF || b >= COST_INF ? COST_INF : a + b;
}

/* The reading of least cost; returns it, with f and b (m x NX) filled.  A gap's
 * cost is not asked where a state beside it costs COST_INF already (a state its
 * anchor's row does not allow: most rows allow two of the three), which add()
 * would give whatever the gap's. */
static int solve(const solver *s, int *f, int *b)
{
    int m = s->m;
    if (m == 0)
        return gap_cost(s, -1, X_NONE, X_NONE);
    for (int x = 0; x < NX; x++)
        f[x] = state_cost(s, 0, x) >= COST_INF ? COST_INF : add(state_cost(s, 0, x), gap_cost(s, -1, X_NONE, x));
    for (int k = 1; k < m; k++)
        for (int x = 0; x < NX; x++) {
            int best = COST_INF, here = state_cost(s, k, x);
            for (int y = 0; y < NX && here < COST_INF; y++) {
                if (f[(k - 1) * NX + y] >= COST_INF)
                    continue;
                int c = add(f[(k - 1) * NX + y], gap_cost(s, k - 1, y, x));
                if (c < best)
                    best = c;
            }
            f[k * NX + x] = add(best, here);
        }
    for (int x = 0; x < NX; x++)
        b[(m - 1) * NX + x] = state_cost(s, m - 1, x) >= COST_INF
                                  ? COST_INF
                                  : add(state_cost(s, m - 1, x), gap_cost(s, m - 1, x, X_NONE));
    for (int k = m - 2; k >= 0; k--)
        for (int x = 0; x < NX; x++) {
            int best = COST_INF, here = state_cost(s, k, x);
            for (int y = 0; y < NX && here < COST_INF; y++) {
                if (b[(k + 1) * NX + y] >= COST_INF)
                    continue;
                int c = add(gap_cost(s, k, x, y), b[(k + 1) * NX + y]);
                if (c < best)
                    best = c;
            }
            b[k * NX + x] = add(best, here);
        }
    int opt = COST_INF;
    for (int x = 0; x < NX; x++)
        if (f[(m - 1) * NX + x] < COST_INF && add(f[(m - 1) * NX + x], gap_cost(s, m - 1, x, X_NONE)) < opt)
            opt = add(f[(m - 1) * NX + x], gap_cost(s, m - 1, x, X_NONE));
    return opt;
}

/* What the optimal readings do with gap k: for each of its tokens' users. */
typedef struct {
    int combos;                        /* optimal (xl, xr, option) combinations */
    int mode, present, front, back;    /* agreed values, -1 when they differ */
    int broken;                        /* every optimal combination breaks it */
} gap_use;

static void merge(int *slot, int v, int first)
{
    if (first)
        *slot = v;
    else if (*slot != v)
        *slot = -1;
}

static gap_use use_of(const solver *s, int k, const int *f, const int *b, int opt)
{
    gap_use u = {0, -1, -1, -1, -1, 1};
    int xls = k < 0 ? 1 : NX, xrs = k + 1 >= s->m ? 1 : NX;
    for (int il = 0; il < xls; il++)
        for (int ir = 0; ir < xrs; ir++) {
            int xl = k < 0 ? X_NONE : il, xr = k + 1 >= s->m ? X_NONE : ir;
            int left = k < 0 ? 0 : f[k * NX + xl], right = k + 1 >= s->m ? 0 : b[(k + 1) * NX + xr];
            if (left >= COST_INF || right >= COST_INF || add(add(left, gap_cost(s, k, xl, xr)), right) > opt + COST_SLACK)
                continue;              /* its cheapest option too dear: all are */
            gap_opt o[8];
            int n = gap_options(s, k, xl, xr, o);
            for (int i = 0; i < n; i++) {
                int c = add(add(left, o[i].cost), right);
                if (c > opt + COST_SLACK || (c > opt && s->g[k + 1].nv == 0))
                    continue;          /* a gap without numbers: no number goes elsewhere */
                int first = u.combos == 0;
                merge(&u.mode, o[i].mode, first);
                merge(&u.present, o[i].present, first);
                merge(&u.front, xl == X_L ? s->ncols[s->arow[k]] : 0, first);
                merge(&u.back, xr == X_A ? s->ncols[s->arow[k + 1]] : 0, first);
                if (!o[i].broken)
                    u.broken = 0;
                u.combos++;
            }
        }
    return u;
}

/* Whether exactly one empty cell lies among tokens (lo, hi): a row that fits
 * its count only by passing over one empty cell between its numbers may have
 * a number not its own in that cell's place (a stray, another row's): in
 * doubt.  (Empty cells between all its numbers are a layout's spacing, a PDF
 * table's read by position, one empty cell between two numbers may be one
 * too: three numbers or more; an empty cell between its label and its numbers
 * is as often a second label column: see blank_before_numbers() in
 * extract.c.) */
static int empty_between(const place_tok *t, int lo, int hi)
{
    int n = 0;
    for (int i = lo + 1; i < hi; i++)
        n += t[i].kind == PT_EMPTY;
    return n == 1;
}

/* Row out takes count tokens of gap k's (values, or cells with empties) from
 * its start (at) or end. */
static void take(const solver *s, int k, const gap_use *u, int from_end, int count, int at, place_row *out)
{
    const gap *g = &s->g[k + 1];
    const int *seq = u->mode ? g->v : g->c;
    int len = u->mode ? g->nv : g->nc;
    int start = from_end ? len - count : at;
    for (int c = 0; c < count && c < PLACE_MAX_COLS; c++)
        out->tok[c] = seq[start + c];
    out->state = PL_PLACED;
    if (u->mode && g->nc != g->nv && count > 2 && empty_between(s->t, seq[start], seq[start + count - 1]))
        out->doubt = 1;
}

/* A clean table: every row anchored by its label, each label followed by
 * exactly its row's cells up to the next label, nothing the first row could
 * take before it.  Then the reading of least cost is every row label first,
 * and it is the only one (the first row cannot take what precedes it, so it
 * takes what follows; so the next one cannot take those, and so on): it is
 * read without the search.  Returns 0 when the table is not so. */
static int read_clean(const solver *s, place_row *out)
{
    if (s->m != s->nrows)
        return 0;
    const gap *g0 = &s->g[0];
    if (g0->nc == s->ncols[0] || g0->nv == s->ncols[0])
        return 0;
    for (int k = 0; k < s->m; k++) {
        const gap *g = &s->g[k + 1];
        int n = s->ncols[s->arow[k]];
        if (!(s->allow[k] >> X_L & 1))
            return 0;
        int mode = g->nc == n ? 0 : g->nv == n ? 1 : -1;
        if (mode < 0 || !owners_agree(s, k, mode ? g->v : g->c, n, n, 0))
            return 0;                  /* the next row's, its own passed over, across a header row,
                                          after text of their own */
    }
    for (int k = 0; k < s->m; k++) {
        const gap *g = &s->g[k + 1];
        int n = s->ncols[s->arow[k]];
        const int *seq = g->nc == n ? g->c : g->v;
        place_row *o = &out[s->arow[k]];
        *o = (place_row){.state = PL_PLACED, .positional = s->weak[k], .anchor = s->atok[k]};
        if (n > 0)
            memcpy(o->tok, seq, (size_t)(n < PLACE_MAX_COLS ? n : PLACE_MAX_COLS) * sizeof *o->tok);
        if (n > 2 && g->nc != n && empty_between(s->t, seq[0], seq[n - 1]))
            o->doubt = 1;              /* see take() */
    }
    return 1;
}

static int general_only;                /* place_general_only() */

void place_general_only(int on)
{
    general_only = on;
}

/* A table written column by column: labels one after the other with nothing
 * between them, then more numbers than a reading by rows can give a place.  The numbers after the last label are then every row's,
 * column after column, and no reading of them by rows is right: the rows of
 * such a run are left unplaced, with those that take their cells by position
 * after it. */
/* Anchors k - 1 and k with nothing between them: no cell, no row without a label,
 * no header row. */
static int adjacent(const solver *s, int k)
{
    const gap *g = &s->g[k];
    return g->nc == 0 && g->un == 0 && g->hdr0 < 0;
}

/* The run of labels of anchors r0 .. end read column by column, when the
 * numbers after the last label (no row without a label among them, no header
 * across them) are exactly its rows' cells, every row as wide: the first
 * number of each row, then the second, ...  A reading by rows gives the same
 * count (labels first, then every row's numbers in turn, as a PDF's number
 * block read line by line prints them): each row is placed in doubt (read
 * only when the table's equations confirm its cells) and marked (columns),
 * for the reader to keep the run only when its rows' own totals hold read by
 * columns and not read by rows (by_columns_confirmed() in extract.c).
 * Returns 1 when placed. */
#define BY_COLUMNS_MIN 4
static int by_columns(const solver *s, int r0, int end, place_row *out)
{
    const gap *after = &s->g[end + 1];
    int rows = end - r0 + 1, w = s->ncols[s->arow[r0]];
    if (rows < BY_COLUMNS_MIN || after->un || after->hdr0 >= 0 || w <= 1 || w > PLACE_MAX_COLS ||
        after->nv != rows * w)
        return 0;
    for (int j = r0; j <= end; j++)
        if (s->ncols[s->arow[j]] != w)
            return 0;
    for (int j = r0; j <= end; j++) {
        place_row *o = &out[s->arow[j]];
        *o = (place_row){.state = PL_PLACED, .positional = s->weak[j], .doubt = 1, .anchor = s->atok[j],
                         .columns = s->arow[r0] + 1};
        for (int c = 0; c < w; c++)
            o->tok[c] = after->v[c * rows + (j - r0)];
    }
    return 1;
}

static void column_major(const solver *s, place_row *out)
{
    for (int k = 1; k < s->m; k++) {
        if (!adjacent(s, k))
            continue;
        int r0 = k - 1;
        while (r0 > 0 && adjacent(s, r0))
            r0--;
        int end = k;
        while (end + 1 < s->m && adjacent(s, end + 1))
            end++;
        const gap *after = &s->g[end + 1];
        /* after the last label, more numbers up to a header row (none of them lies
         * across it) than it and the rows without labels after it take, and either a
         * label of the run left without numbers (not one printed after its numbers)
         * or more than the next label could take too (when it may follow them: no
         * caption or header between) */
        int nv = 0;
        for (int i = 0; i < after->nv && (after->hdr0 < 0 || after->v[i] < after->hdr0); i++)
            nv++;
        int empty = 0, byrow = s->ncols[s->arow[end]] + after->un, next = 0;
        for (int j = r0; j < end; j++)
            empty |= out[s->arow[j]].state != PL_PLACED;
        if (end + 1 < s->m && (s->allow[end + 1] >> X_A & 1) && after->hdr0 < 0 && after->nv > 0) {
            int labels = 0;            /* text naming no row between the numbers and the next label: a
                                          caption, a header */
            for (int i = after->v[after->nv - 1] + 1; i < s->atok[end + 1]; i++)
                labels += s->t[i].kind == PT_LABEL && !named_rows(&s->t[i]);
            if (!labels)
                next = s->ncols[s->arow[end + 1]];
        }
        /* A label of the run left without numbers and as many numbers after the last
         * label as it takes: one number lost from a table written by columns leaves
         * the same, so the equations must confirm the reading by rows */
        if (empty && nv > 0 && nv == byrow) {
            out[s->arow[end]].doubt = 1;
            for (int r = after->urow0; r < after->urow1; r++)
                out[r].doubt = 1;
        }
        if (nv > byrow && (empty || nv > byrow + next)) {
            if (!by_columns(s, r0, end, out)) {
                for (int j = r0; j <= end; j++)
                    if (out[s->arow[j]].state == PL_PLACED)
                        out[s->arow[j]].state = PL_AMBIGUOUS;
            }
            for (int r = after->urow0; r < after->urow1; r++)
                out[r].state = PL_AMBIGUOUS;
            /* and the labels after it read as printed after their numbers: the first
             * took the run's last numbers, each next one the numbers before it */
            for (int j = end + 1; j < s->m && out[s->arow[j]].state == PL_PLACED && out[s->arow[j]].label_after; j++)
                out[s->arow[j]].state = PL_AMBIGUOUS;
        }
        k = end;
    }
}

/* The reading of least cost: fills out[]. */
static void read_rows(solver *s, place_row *out)
{
    if (!general_only && read_clean(s, out))
        return;
    int m = s->m;
    size_t ng = (size_t)(m + 1) * (NX + 1) * (NX + 1);
    s->gcost = xmalloc(ng * sizeof *s->gcost);
    for (size_t i = 0; i < ng; i++)
        s->gcost[i] = -1;
    int *f = xcalloc((size_t)(m ? m : 1) * NX, sizeof *f), *b = xcalloc((size_t)(m ? m : 1) * NX, sizeof *b);
    int opt = solve(s, f, b);
    for (int r = 0; r < s->nrows; r++)
        out[r] = (place_row){.state = PL_ABSENT, .anchor = -1};
    for (int k = 0; k < m; k++)
        out[s->arow[k]].anchor = s->atok[k];
    if (opt >= COST_INF)
        goto done;
    gap_use *uses = xcalloc((size_t)m + 1, sizeof *uses);
    for (int k = -1; k < m; k++)
        uses[k + 1] = use_of(s, k, f, b, opt);
    for (int k = 0; k < m; k++) {
        place_row *o = &out[s->arow[k]];
        int n = s->ncols[s->arow[k]], xs = 0, only = -1, cost[NX];
        for (int x = 0; x < NX; x++)
            cost[x] = f[k * NX + x] < COST_INF && b[k * NX + x] < COST_INF
                          ? add(f[k * NX + x], b[k * NX + x]) - state_cost(s, k, x) : COST_INF;
        for (int x = 0; x < NX; x++) {
            int near = cost[x] <= opt + COST_SLACK;
            if (near && cost[x] > opt && x == X_N)   /* no numbers for it instead of empty cells only */
                near = (cost[X_L] == opt && s->g[k + 1].nv > 0) || (cost[X_A] == opt && s->g[k].nv > 0);
            if (near) {
                xs++;
                only = x;
            }
        }
        o->positional = s->weak[k];
        const gap_use *after = &uses[k + 1], *before = &uses[k];
        if (xs != 1) {
            o->state = PL_AMBIGUOUS;
        } else if (only == X_L && after->mode >= 0 && after->front == n) {
            take(s, k, after, 0, n, 0, o);
        } else if (only == X_A && before->mode >= 0 && before->back == n) {
            take(s, k - 1, before, 1, n, 0, o);
            o->label_after = 1;
        } else if (only == X_N) {
            o->state = PL_COUNT;
            o->have = s->g[k + 1].nv;
            o->want = n + s->g[k + 1].un;   /* with the rows whose labels are lost after it */
        } else {
            o->state = PL_AMBIGUOUS;
        }
    }
    for (int k = -1; k < m; k++) {
        const gap *g = &s->g[k + 1];
        const gap_use *u = &uses[k + 1];
        int at = u->front > 0 ? u->front : 0;
        for (int r = g->urow0; r < g->urow1; r++) {
            place_row *o = &out[r];
            o->positional = 1;
            if (u->present == 1 && u->mode >= 0 && u->front >= 0) {
                take(s, k, u, 0, s->ncols[r], at, o);
                at += s->ncols[r];
            } else if (u->present == 0) {
                o->state = u->broken == 1 ? PL_COUNT : PL_ABSENT;
                o->have = g->nv;
                o->want = g->un;
            } else {
                o->state = PL_AMBIGUOUS;
            }
        }
    }
    column_major(s, out);
    free(uses);
done:
    free(f);
    free(b);
    free(s->gcost);
}

void place_rows(const place_tok *t, int ntok, const int *ncols, int nrows, place_row *out)
{
    place_rows_totals(t, ntok, ncols, nrows, 0, out);
}

void place_rows_totals(const place_tok *t, int ntok, const int *ncols, int nrows, uint32_t totals, place_row *out)
{
    solver s;                          /* each anchor's and gap's fields are set as they are found */
    s.t = t;
    s.ncols = ncols;
    s.nrows = nrows < PLACE_MAX_ROWS ? nrows : PLACE_MAX_ROWS;
    s.gcost = NULL;
    s.m = chain(t, ntok, s.nrows, s.atok, s.arow, s.weak, &s.marks);
    reanchor_past_headers(t, ntok, s.m, s.atok, s.arow, s.weak);
    reanchor_before_headers(t, ntok, s.m, s.atok, s.arow, s.weak);
    reanchor_after_header(t, ntok, s.m, s.atok, s.weak);
    int small[1024];                   /* the gaps' token lists of most tables */
    size_t need = (size_t)2 * ntok + 1;
    int *store = need <= sizeof small / sizeof *small ? small : xmalloc(need * sizeof *store);
    build_gaps(&s, ntok, store);
    allowed_states(&s, ntok);
    int told = 0;                      /* anchors whose source row holds numbers too */
    for (int k = 0; k < s.m; k++)
        told += (s.allow[k] & (1 << X_L | 1 << X_A)) != (1 << X_L | 1 << X_A);
    s.units_tell = 2 * told >= s.m;
    s.totals = 0;
    read_rows(&s, out);
    /* rows left placed more than one way: read again with the rows one short
     * (one_short()), taken only where it reads nothing else otherwise — every row
     * placed as before, and each row placed more than one way now placed label
     * first, or left one short */
    int ambiguous = 0;
    for (int r = 0; r < s.nrows && totals; r++)
        ambiguous |= out[r].state == PL_AMBIGUOUS;
    if (ambiguous) {
        place_row alt[PLACE_MAX_ROWS];
        s.totals = totals;
        read_rows(&s, alt);
        int keep = 1;                  /* (no row label after: not where rows so read decide) */
        for (int r = 0; r < s.nrows && keep; r++)
            keep = !(alt[r].state == PL_PLACED && alt[r].label_after) &&
                   (out[r].state == PL_AMBIGUOUS ? alt[r].state != PL_ABSENT
                                                 : !memcmp(&out[r], &alt[r], sizeof alt[r]));
        if (keep)
            memcpy(out, alt, (size_t)s.nrows * sizeof *out);
    }
    if (store != small)
        free(store);
}
