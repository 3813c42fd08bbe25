/* cli_review.h — what check and export need from cli_review.c. */
#ifndef GK_CLI_REVIEW_H
#define GK_CLI_REVIEW_H

#include "report.h"

/* Loads the report's sidecar and sets its corrections and dismissals on r
 * (without rules_check()); a sidecar problem is a warning on stderr naming
 * the file, given once per message.  Returns 1 when a sidecar with entries
 * was applied (the rules must run again), 0 when r is as parsed. */
int cli_review_apply(gk_report *r);

#endif
