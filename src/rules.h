/* rules.h — inference and every rule (rules.c, with narrative.c for the
 * text rules and xyear.c for the cross-year rules). */
#ifndef GK_RULES_H
#define GK_RULES_H

#include "report.h"

/* Infers what the equations fix uniquely, evaluates every rule on the
 * current values (the overlay included) and rebuilds r->findings. */
void rules_check(gk_report *r);
/* Sorts findings as rules_check() does: by line (none last), rule, first
 * cell, message; stable. */
void rules_sort_findings(gk_finding *f, int n);

#endif
