/* spill.h — records kept for later in an unlinked temporary file.
 *
 * check reads every report in full before it prints the first (year pairs
 * need every title); what each report prints is kept meanwhile, in memory up
 * to a budget (cli.c), past it here: one record a file, appended by any
 * thread, read back by any thread.  The file is unlinked from the start (it
 * leaves nothing behind, whatever happens to the process), in $TMPDIR or
 * /tmp, and grows to at most a cap: the lesser of the cap asked for and half
 * the room left where it is. */
#ifndef GK_SPILL_H
#define GK_SPILL_H

#include <stddef.h>
#include <stdint.h>

typedef struct gk_spill gk_spill;

/* A spill for records of files 0..nfiles-1 of at most cap bytes in all;
 * NULL when no temporary file can be made. */
gk_spill *spill_open(size_t nfiles, uint64_t cap);

/* Appends file i's record (len bytes, len > 0); 0 when taken in, -1 when
 * the cap is reached or a write failed (nothing of it is kept then; no put
 * succeeds after a failed write).  Records go to the file in large writes:
 * one taken in may yet be lost when its write fails, and is then taken as
 * NULL.  Safe from several threads at once, each file put at most once. */
int spill_put(gk_spill *s, size_t i, const void *rec, size_t len);

/* File i's record, malloc'd (*len bytes), and forgotten; NULL when it has
 * none or it cannot be read back whole.  Records taken about in the order
 * they were put are read back in large reads. */
void *spill_take(gk_spill *s, size_t i, size_t *len);

/* Bytes of the records written so far. */
uint64_t spill_bytes(const gk_spill *s);

void spill_close(gk_spill *s);

#endif
