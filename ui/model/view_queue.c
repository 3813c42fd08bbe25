/* view_queue.c — the report queue: titles, pairing, checking a slice at a
 * time, order and filters (see view_queue.h); and the prepare hook that
 * applies each report's sidecar. */
#include "pipeline.h"
#include "view_queue.h"
#include "util.h"
#include "xyear.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the prepare hook ------------------------------------------------------------------ */

static void note_other(view_load *l, const char *w)
{
    for (int i = 0; i < l->nothers; i++)
        if (!strcmp(l->others[i], w))
            return;
    if (l->nothers >= 50)             /* enough to say something is wrong */
        return;
    l->others = xrealloc(l->others, (size_t)(l->nothers + 1) * sizeof *l->others);
    l->others[l->nothers++] = xstrdup(w);
}

int view_load_prepare(gk_report *r, void *ctx)
{
    view_load *l = ctx;
    gk_review *rv = NULL;
    char *warn = NULL, *w2 = NULL;
    sidecar_load(r->path, &rv, &warn);
    sidecar_overlay(rv, r, &w2);
    if (w2) {
        char *both = warn ? xasprintf("%s；%s", warn, w2) : xstrdup(w2);
        free(warn);
        free(w2);
        warn = both;
    }
    if (l->capture) {
        l->capture = 0;
        sidecar_free(l->rv);
        free(l->warn);
        l->rv = rv;
        l->warn = warn;
        return 1;
    }
    if (warn)
        note_other(l, warn);
    free(warn);
    sidecar_free(rv);
    return 1;                          /* the overlay always runs here */
}

void view_load_free(view_load *l)
{
    sidecar_free(l->rv);
    free(l->warn);
    for (int i = 0; i < l->nothers; i++)
        free(l->others[i]);
    free(l->others);
    memset(l, 0, sizeof *l);
}

/* ---- phase 1: titles and pairing ----------------------------------------------------------- */

void view_queue_init(view_queue *q, gk_batch *b, view_load *load)
{
    memset(q, 0, sizeof *q);
    q->b = b;
    q->load = load;
    q->n = b->files.n;
    q->v = xcalloc(q->n ? q->n : 1, sizeof *q->v);
    q->bodies = xcalloc(q->n ? q->n : 1, sizeof *q->bodies);
    q->years = xcalloc(q->n ? q->n : 1, sizeof *q->years);
    for (size_t i = 0; i < q->n; i++)
        if (b->files.v[i].error) {
            q->v[i].status = VQ_UNREADABLE;
            q->v[i].why = xstrdup(b->files.v[i].error);
            q->checked++;
        }
    view_queue_reorder(q);
}

void view_queue_free(view_queue *q)
{
    for (size_t i = 0; i < q->n; i++) {
        free(q->v[i].body);
        free(q->v[i].why);
        if (q->bodies)
            free(q->bodies[i]);
    }
    free(q->v);
    free(q->bodies);
    free(q->years);
    free(q->order);
    free(q->query);
    memset(q, 0, sizeof *q);
}

static void read_title(view_queue *q, size_t i)
{
    vq_item *it = &q->v[i];
    char *body = NULL;
    int year = 0;
    if (it->status == VQ_UNREADABLE || report_peek(q->b->files.v[i].path, &body, &year, NULL) != 0) {
        free(body);
        return;
    }
    if (body && *body && !it->body)
        it->body = xstrdup(body);
    it->year = year;
    q->years[i] = year;
    q->bodies[i] = body;
}

/* Pairs as `check` does (batch_pair), from the titles read here. */
static void pair_years(view_queue *q)
{
    batch_pair(q->b, q->bodies, q->years);
    for (size_t i = 0; i < q->n; i++)
        free(q->bodies[i]);
    free(q->bodies);
    free(q->years);
    q->bodies = NULL;
    q->years = NULL;
    q->paired = 1;
}

void view_queue_pair_now(view_queue *q)
{
    while (!q->paired && q->titled < q->n)
        read_title(q, q->titled++);
    if (!q->paired)
        pair_years(q);
}

/* ---- phase 2: checking ------------------------------------------------------------------------ */

static void set_result(view_queue *q, size_t i, const gk_report *r, gk_review_state st)
{
    vq_item *it = &q->v[i];
    if (it->status == VQ_CHECKED && it->review == GK_REV_DONE)
        q->reviewed--;
    if (it->status == VQ_PENDING)
        q->checked++;
    it->status = VQ_CHECKED;
    if (it->stale)
        q->nstale--;
    it->stale = 0;
    if (r->body && *r->body) {
        free(it->body);
        it->body = xstrdup(r->body);
    }
    it->year = r->year;
    it->format = r->format;
    it->nerrors = r->nerrors;
    it->nwarnings = r->nwarnings;
    it->review = st;
    if (st == GK_REV_DONE)
        q->reviewed++;
}

void view_queue_check(view_queue *q, size_t i)
{
    if (i >= q->n)
        return;
    vq_item *it = &q->v[i];
    if (it->status == VQ_UNREADABLE || (it->status == VQ_CHECKED && !it->stale))
        return;
    view_queue_pair_now(q);
    char *why = NULL;
    q->load->capture = 1;
    gk_report *r = batch_load(q->b, i, &why);
    q->load->capture = 0;
    if (!r) {
        if (it->status == VQ_CHECKED && it->review == GK_REV_DONE)
            q->reviewed--;
        if (it->status == VQ_PENDING)
            q->checked++;
        if (it->stale)
            q->nstale--;
        it->stale = 0;
        it->status = VQ_UNREADABLE;
        free(it->why);
        it->why = why ? why : xstrdup("无法读取");
        return;
    }
    set_result(q, i, r, q->load->rv ? q->load->rv->state : GK_REV_UNREVIEWED);
    sidecar_free(q->load->rv);
    free(q->load->warn);
    q->load->rv = NULL;
    q->load->warn = NULL;
    report_free(r);
}

/* One unit of work; 0 when there is none left. */
static int work_one(view_queue *q)
{
    if (!q->paired) {
        if (q->titled < q->n)
            read_title(q, q->titled++);
        else
            pair_years(q);
        return 1;
    }
    for (size_t i = 0; q->nstale && i < q->n; i++)    /* partners of a saved report first */
        if (q->v[i].stale) {
            view_queue_check(q, i);
            return 1;
        }
    while (q->next < q->n && q->v[q->next].status != VQ_PENDING)
        q->next++;
    if (q->next >= q->n)
        return 0;
    view_queue_check(q, q->next++);
    return 1;
}

int view_queue_busy(const view_queue *q)
{
    if (!q->paired || q->nstale)
        return 1;
    for (size_t i = q->next; i < q->n; i++)
        if (q->v[i].status == VQ_PENDING)
            return 1;
    return 0;
}

int view_queue_work(view_queue *q, int ms)
{
    double end = util_now_ms() + ms;
    int left = 1;
    while (left && util_now_ms() < end)
        left = work_one(q);
    view_queue_reorder(q);
    return left;
}

void view_queue_update(view_queue *q, size_t i, const gk_report *r, const gk_review *rv)
{
    if (i >= q->n || !r)
        return;
    set_result(q, i, r, rv ? rv->state : GK_REV_UNREVIEWED);
    int partner[2] = {q->b->prev[i], q->b->next[i]};
    for (int k = 0; k < 2; k++)
        if (partner[k] >= 0 && q->v[partner[k]].status == VQ_CHECKED && !q->v[partner[k]].stale) {
            q->v[partner[k]].stale = 1;
            q->nstale++;
        }
    if (q->b->sum[i]) {                 /* its partners must see the new values */
        xyear_summary_free(q->b->sum[i]);
        free(q->b->sum[i]);
        q->b->sum[i] = NULL;
    }
    view_queue_reorder(q);
}

/* ---- order ------------------------------------------------------------------------------------ */

static int state_rank(const vq_item *it)
{
    if (it->status != VQ_CHECKED)
        return 3;
    return it->review == GK_REV_IN_PROGRESS ? 0 : it->review == GK_REV_UNREVIEWED ? 1 : 2;
}

/* Unreadable first (they need a look), then most errors, most warnings;
 * reports not checked yet last. */
static int error_rank(const vq_item *a, const vq_item *b)
{
    int ga = a->status == VQ_UNREADABLE ? 0 : a->status == VQ_CHECKED ? 1 : 2;
    int gb = b->status == VQ_UNREADABLE ? 0 : b->status == VQ_CHECKED ? 1 : 2;
    if (ga != gb)
        return ga - gb;
    if (a->nerrors != b->nerrors)
        return b->nerrors - a->nerrors;
    return b->nwarnings - a->nwarnings;
}

/* Bodies in byte order, reports without one last. */
static int body_cmp(const vq_item *a, const vq_item *b)
{
    if (!a->body || !b->body)
        return a->body ? -1 : b->body ? 1 : 0;
    return strcmp(a->body, b->body);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

static int matches(const view_queue *q, size_t i)
{
    const vq_item *it = &q->v[i];
    char year[16];
    snprintf(year, sizeof year, "%d", it->year);
    return (it->body && strstr(it->body, q->query)) || (it->year && strstr(year, q->query)) ||
           strcasestr(base_name(q->b->files.v[i].path), q->query);
}

static int cmp_dup(const void *pa, const void *pb, void *ctx)
{
    const view_queue *dq = ctx;
    const vq_item *a = &dq->v[*(const int *)pa], *b = &dq->v[*(const int *)pb];
    int c = body_cmp(a, b);
    return c ? c : a->year - b->year;
}

/* Marks the reports whose body and year another report has too. */
static void mark_dups(view_queue *q)
{
    int *v = xmalloc((q->n ? q->n : 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < q->n; i++) {
        q->v[i].dup = 0;
        if (q->v[i].body && q->v[i].year)
            v[n++] = (int)i;
    }
    qsort_r(v, n, sizeof *v, cmp_dup, q);
    for (size_t k = 1; k < n; k++)
        if (!cmp_dup(&v[k - 1], &v[k], q))
            q->v[v[k - 1]].dup = q->v[v[k]].dup = 1;
    free(v);
}

static int cmp_order(const void *pa, const void *pb, void *ctx)
{
    const view_queue *sort_q = ctx;
    int ia = *(const int *)pa, ib = *(const int *)pb;
    const vq_item *a = &sort_q->v[ia], *b = &sort_q->v[ib];
    int c = 0;
    if (sort_q->sort == VQ_SORT_ERRORS)
        c = error_rank(a, b);
    else if (sort_q->sort == VQ_SORT_STATE)
        c = state_rank(a) - state_rank(b);
    else if (sort_q->sort == VQ_SORT_BODY)
        c = (c = body_cmp(a, b)) ? c : a->year - b->year;
    else if (sort_q->sort == VQ_SORT_YEAR)
        c = a->year != b->year ? (a->year ? (b->year ? a->year - b->year : -1) : 1) : body_cmp(a, b);
    if (c)
        return c;
    c = strcmp(sort_q->b->files.v[ia].path, sort_q->b->files.v[ib].path);
    return c ? c : ia - ib;
}

static int shown(const view_queue *q, const vq_item *it)
{
    if ((q->filter & VQ_ONLY_ERRORS) &&
        !(it->status == VQ_UNREADABLE || (it->status == VQ_CHECKED && it->nerrors > 0)))
        return 0;
    if ((q->filter & VQ_ONLY_OPEN) && it->status == VQ_CHECKED && it->review == GK_REV_DONE)
        return 0;
    if ((q->filter & VQ_ONLY_OPEN) && it->status == VQ_UNREADABLE)
        return 0;
    return 1;
}

void view_queue_reorder(view_queue *q)
{
    free(q->order);
    q->order = xmalloc((q->n ? q->n : 1) * sizeof *q->order);
    q->norder = 0;
    mark_dups(q);
    for (size_t i = 0; i < q->n; i++)
        if (shown(q, &q->v[i]) && (!q->query || matches(q, i)))
            q->order[q->norder++] = (int)i;
    qsort_r(q->order, q->norder, sizeof *q->order, cmp_order, q);
}

int view_queue_pos(const view_queue *q, size_t i)
{
    for (size_t k = 0; k < q->norder; k++)
        if ((size_t)q->order[k] == i)
            return (int)k;
    return -1;
}

int view_queue_next_open(view_queue *q, size_t from, int dir)
{
    int pos = view_queue_pos(q, from);
    long k = pos >= 0 ? pos + dir : dir > 0 ? 0 : (long)q->norder - 1;
    for (; k >= 0 && k < (long)q->norder; k += dir) {
        size_t i = (size_t)q->order[k];
        view_queue_check(q, i);         /* the order may not change under us: it is not rebuilt here */
        if (q->v[i].status == VQ_CHECKED && q->v[i].nerrors + q->v[i].nwarnings > 0)
            return (int)i;
    }
    return -1;
}

const char *view_queue_sort_name(vq_sort s)
{
    return s == VQ_SORT_NAME ? "按文件名" : s == VQ_SORT_STATE ? "按审核状态" : s == VQ_SORT_BODY ? "按单位（各年度相邻）"
           : s == VQ_SORT_YEAR ? "按年度（同年各单位相邻）" : "错误最多在前";
}

void view_queue_set_query(view_queue *q, const char *query)
{
    free(q->query);
    q->query = query && *query ? xstrdup(query) : NULL;
    view_queue_reorder(q);
}

int view_queue_partner_year(const view_queue *q, size_t i, int dir)
{
    const int *link = dir < 0 ? q->b->prev : q->b->next;
    if (!q->paired || !link || i >= q->n || link[i] < 0)
        return 0;
    int y = q->v[link[i]].year;
    return y ? y : q->v[i].year ? q->v[i].year + dir : 0;
}
