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
    /* the cells of the cross-year rules' sets (template.c CELLSETS), [row][column]:
     * XYEAR.CARRY (rows GK_CARRY_IN, GK_CARRY_OUT), XYEAR.VALID (columns GK_VALID_*),
     * XYEAR.JUMP (one total a row); _ok: the cell has a value */
    double carry[GK_SET_ROWS][GK_SET_COLS], chain[GK_SET_ROWS][GK_SET_COLS], total[GK_SET_ROWS][GK_SET_COLS];
    unsigned char carry_ok[GK_SET_ROWS][GK_SET_COLS], chain_ok[GK_SET_ROWS][GK_SET_COLS],
        total_ok[GK_SET_ROWS][GK_SET_COLS];
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
