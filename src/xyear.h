/* xyear.h — cross-year checks (XYEAR.CARRY, XYEAR.VALID, XYEAR.JUMP,
 * XYEAR.COPIED) between two reports of the same body for consecutive years.
 *
 * A report keeps small summaries of its partners (the previous and the next
 * year's report), so rules_check() can re-evaluate the cross-year rules
 * after a correction without the partner being open. */
#ifndef GK_XYEAR_H
#define GK_XYEAR_H

#include "narrative.h"
#include "report.h"

#include <stdint.h>

/* The totals XYEAR.JUMP compares (xyear.c: JUMP_IDS). */
#define XYEAR_JUMP_N 8
/* A total that changes by more than this factor (or below its inverse), both at least JUMP_MIN. */
#define XYEAR_JUMP_FACTOR 5.0
#define XYEAR_JUMP_MIN 10.0
/* Sections with fewer sentences than this are not judged copied. */
#define XYEAR_COPIED_MIN_SENTENCES 2

typedef struct gk_xsummary {
    char *path;
    char *body_key;
    int year;
    gk_format format;
    /* table 3 columns */
    double in[7], out[7];
    int in_ok[7], out_ok[7];
    /* table 2 (2021 format): rows rule, normative */
    double issued[2], repealed[2], valid[2];
    int issued_ok[2], repealed_ok[2], valid_ok[2];
    /* totals of XYEAR.JUMP */
    double total[XYEAR_JUMP_N];
    int total_ok[XYEAR_JUMP_N];
    /* narrative sections 一, 五, 六 (NARR_SECTION_INDEX): their sentences' masked hashes, sorted */
    uint64_t *sent[NARR_SECTIONS];
    int nsent[NARR_SECTIONS];
} gk_xsummary;

/* The body's name with spaces and the 人民政府/政府 suffix removed. */
char *xyear_body_key(const char *body);

void xyear_summarize(const gk_report *r, gk_xsummary *s);
void xyear_summary_free(gk_xsummary *s);

/* Gives r copies of its partners' summaries (either may be NULL). */
void xyear_set_partners(gk_report *r, const gk_xsummary *prev, const gk_xsummary *next);

/* Adds the cross-year findings to r->findings (called by rules_check). */
void xyear_check(gk_report *r);

#endif
