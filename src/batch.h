/* batch.h — many reports at once: the file list, the pairing of each body's
 * consecutive years, and loading a report together with its partners'
 * summaries so the cross-year rules can run.  Used by `check` and the queue. */
#ifndef GK_BATCH_H
#define GK_BATCH_H

#include "report.h"
#include "walk.h"
#include "xyear.h"

#include <stddef.h>

/* Returns nonzero when it changed the report: the rules then run again. */
typedef int (*batch_prepare_fn)(gk_report *r, void *ctx);

typedef struct {
    walk_list files;
    int *prev;              /* index of the same body's report of year-1, or -1 */
    int *next;              /* ... of year+1, or -1 */
    gk_xsummary **sum;      /* cached partner summaries, freed when no longer needed */
    gk_peeked *peeked;      /* what reading the titles learnt of each file, or NULL */
    batch_prepare_fn prepare;   /* applied to every report loaded (e.g. the sidecar) */
    int shared;             /* set when several threads load: no summary cache */
    void *prepare_ctx;
} gk_batch;

/* Lists the files and, when pair is set, reads every title to pair years. */
void batch_open(gk_batch *b, int npaths, char **paths, int pair);
/* The same, reading the titles with `jobs` threads. */
void batch_open_jobs(gk_batch *b, int npaths, char **paths, int pair, int jobs);
/* Pairs consecutive years from titles read elsewhere: bodies[i] (or NULL)
 * and years[i] (0: unknown) of file i; sets prev and next. */
void batch_pair(gk_batch *b, char *const *bodies, const int *years);
/* Loads file i, its partners' summaries and checks it.  NULL + reason on failure. */
gk_report *batch_load(gk_batch *b, size_t i, char **why);
/* Frees the summaries no longer needed once files 0..i have been loaded in order. */
void batch_release(gk_batch *b, size_t i);
void batch_free(gk_batch *b);

#endif
