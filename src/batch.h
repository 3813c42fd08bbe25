/* batch.h — many reports at once: the file list, the pairing of each body's
 * consecutive years, and loading a report together with its partners'
 * summaries so the cross-year rules can run.  Used by `check` and the queue. */
#ifndef GK_BATCH_H
#define GK_BATCH_H

#include "pipeline.h"
#include "report.h"
#include "walk.h"
#include "xyear.h"

#include <stddef.h>

/* Returns nonzero when it changed the report: the rules then run again. */
typedef int (*batch_prepare_fn)(gk_report *r, void *ctx);

typedef struct gk_batch gk_batch;

/* Given file i loaded in full while the titles are read (see `early`):
 * r as batch_load() gives a report without partners, or NULL and why when
 * the file cannot be read.  It must not keep r.  Returns nonzero to be
 * given more reports, 0 to have the remaining titles only peeked at. */
typedef int (*batch_early_fn)(gk_batch *b, size_t i, gk_report *r, const char *why, void *ctx);

struct gk_batch {
    walk_list files;
    int *prev;              /* index of the same body's report of year-1, or -1 */
    int *next;              /* ... of year+1, or -1 */
    gk_xsummary **sum;      /* cached partner summaries, freed when no longer needed; several
                             * threads may load at once (each summary published atomically) */
    gk_peeked *peeked;      /* what reading the titles learnt of each file, or NULL */
    batch_prepare_fn prepare;   /* applied to every report loaded (e.g. the sidecar) */
    void *prepare_ctx;
    /* When set, reading the titles loads each report in full and hands it
     * to early() — for a caller that keeps what it shows of every report,
     * which is final for a report that turns out to have no partner: such
     * a report is then read once instead of twice. */
    batch_early_fn early;
    void *early_ctx;
};

/* Lists the files and, when pair is set, reads every title to pair years. */
void batch_open(gk_batch *b, int npaths, char **paths, int pair);
/* The same in two steps, to set prepare and early in between: lists the
 * files, then reads every title with `jobs` threads and pairs years. */
void batch_list(gk_batch *b, int npaths, char **paths);
void batch_pair_titles(gk_batch *b, int jobs);
/* Pairs consecutive years from titles read elsewhere: bodies[i] (or NULL)
 * and years[i] (0: unknown) of file i; sets prev and next. */
void batch_pair(gk_batch *b, char *const *bodies, const int *years);
/* Loads file i, its partners' summaries and checks it.  NULL + reason on failure. */
gk_report *batch_load(gk_batch *b, size_t i, char **why);
/* Frees the summaries no longer needed once files 0..i have been loaded
 * (with several threads: once their loads have all returned). */
void batch_release(gk_batch *b, size_t i);
void batch_free(gk_batch *b);

#endif
