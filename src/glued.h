/* glued.h — splitting a run of digits that lost the separators between a
 * row's cells ("…申请数量640020470").
 *
 * A run is split only where exactly one way to cut it into the row's cells
 * (no number with a leading zero but 0 itself) satisfies every table
 * equation that holds one of the row's cells and can be evaluated on what
 * was read, and at least one such equation exists.  A run of seven 0s for
 * seven cells has one cut; a longer run needs the equations.  When two
 * splits fit, or none, nothing is guessed. */
#ifndef GK_GLUED_H
#define GK_GLUED_H

#include "report.h"
#include "template.h"

#include <stdint.h>

#define GLUED_MAX_COLS 16

/* Splits `digits` (ASCII digits only) into row `row` of `table` (2-4), the
 * other cells of the table as read.  On success the row's cells are read
 * as inferred (status INFERRED from extraction, with how in unread_why) on
 * source line `line`, and 1 is returned; else nothing changes and 0. */
int glued_split_row(gk_report *r, int table, int row, const char *digits, int line);

#endif
