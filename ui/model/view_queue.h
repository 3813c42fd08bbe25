/* view_queue.h — the report queue of the review screen, without curses: one
 * line per report (body, year, format, errors, warnings, review state, or
 * why it cannot be read), sorted and filtered, filled in a slice at a time so
 * the screen can show the first lines at once and stay responsive while
 * thousands of reports are checked.
 *
 * Work comes in two phases: every title is read (body and year) so the
 * years of each body can be paired as `check` pairs them (batch.h), then
 * every report is checked with its partners and its sidecar applied.  A
 * report saved by the reviewer is checked again, and so are its partners.
 *
 * Also here: the batch's prepare hook the screen uses, which applies each
 * report's sidecar as `check` does and can keep the sidecar for the caller. */
#ifndef GK_VIEW_QUEUE_H
#define GK_VIEW_QUEUE_H

#include "batch.h"
#include "sidecar.h"

#include <stddef.h>

/* ---- the prepare hook ------------------------------------------------------------------ */

typedef struct {
    int capture;            /* keep the next report's sidecar in rv/warn (then cleared) */
    gk_review *rv;
    char *warn;             /* malloc'd, NULL when none */
    char **others;          /* other reports' sidecar warnings, each once */
    int nothers;
} view_load;

/* batch_prepare_fn; ctx is a view_load. */
int view_load_prepare(gk_report *r, void *ctx);
void view_load_free(view_load *l);

/* ---- the queue ------------------------------------------------------------------------------ */

typedef enum { VQ_PENDING = 0, VQ_CHECKED, VQ_UNREADABLE } vq_status;

typedef struct {
    vq_status status;
    int stale;              /* checked, but a partner changed since: check again */
    char *body;             /* from the title, then from the check; NULL when unknown */
    int year;               /* 0 when unknown */
    gk_format format;
    int nerrors, nwarnings; /* open findings */
    gk_review_state review;
    char *why;              /* VQ_UNREADABLE: the reason */
    int dup;                /* another report of the same body and year is in the queue */
} vq_item;

/* VQ_SORT_BODY groups each body's reports (years in order), VQ_SORT_YEAR
 * each year's (bodies in order). */
typedef enum { VQ_SORT_ERRORS = 0, VQ_SORT_NAME, VQ_SORT_STATE, VQ_SORT_BODY, VQ_SORT_YEAR, VQ_NSORTS } vq_sort;
enum { VQ_ONLY_ERRORS = 1, VQ_ONLY_OPEN = 2 };

typedef struct {
    gk_batch *b;            /* opened without pairing; the queue pairs it */
    view_load *load;        /* the batch's prepare context */
    vq_item *v;             /* one per file of the batch */
    size_t n;
    size_t titled;          /* phase 1: titles read */
    int paired;
    size_t next;            /* phase 2: the next file to check */
    size_t checked;         /* files checked or found unreadable */
    size_t reviewed;        /* files whose state is 已审核 */
    size_t nstale;          /* files to check again */
    int *order;             /* files shown, sorted and filtered */
    size_t norder;
    vq_sort sort;
    unsigned filter;
    char *query;            /* only reports whose body, year or file name hold it; NULL: all */
    char **bodies;          /* phase 1: each title's body */
    int *years;
} view_queue;

/* b must have been opened with pair = 0 and its prepare hook set to
 * view_load_prepare with `load`. */
void view_queue_init(view_queue *q, gk_batch *b, view_load *load);
void view_queue_free(view_queue *q);

/* Works for about `ms` milliseconds; returns 1 when work is left. */
int view_queue_work(view_queue *q, int ms);
/* 1 while there is work left. */
int view_queue_busy(const view_queue *q);
/* Finishes phase 1 now (pairing is needed before any report is opened). */
void view_queue_pair_now(view_queue *q);
/* Checks file i now if it has not been (or is stale). */
void view_queue_check(view_queue *q, size_t i);
/* Rebuilds the order after a change of sort, filter or results. */
void view_queue_reorder(view_queue *q);
/* Sets item i from an open report and its sidecar (after a save); marks
 * its partners stale and forgets its cached summary. */
void view_queue_update(view_queue *q, size_t i, const gk_report *r, const gk_review *rv);

/* The position of file i in the order, -1 when filtered out. */
int view_queue_pos(const view_queue *q, size_t i);
/* The next (dir 1) or previous (-1) file after file `from` in the order
 * that has open findings (checking files as needed); -1 when none. */
int view_queue_next_open(view_queue *q, size_t from, int dir);

const char *view_queue_sort_name(vq_sort s);   /* 错误最多在前 / 按文件名 / 按审核状态 / 按单位 / 按年度 */
/* Sets the search (NULL or "": none) and rebuilds the order. */
void view_queue_set_query(view_queue *q, const char *query);
/* The year of file i's partner before (dir -1) or after (1) it, 0 when none. */
int view_queue_partner_year(const view_queue *q, size_t i, int dir);

#endif
