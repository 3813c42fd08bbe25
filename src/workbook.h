/* workbook.h — the 问题清单 as an Excel workbook (libxlsxwriter, opened on first use):
 * `gkreview issues DIR -o 问题清单.xlsx`.
 *
 * One sheet 问题清单 lists every finding of every report, one row each,
 * errors first, with a 单位 column and an autofilter (one sheet rather than
 * one per body: a batch holds thousands of bodies, sheet names are limited
 * to 31 characters, and a filter on 单位 gives each body's list at once);
 * a sheet 汇总 counts the rows by body and by rule.  Every text cell is
 * neutralised as the CSV files are (safe.h): control characters shown as
 * placeholders, a leading = + - @ tab or CR prefixed with an apostrophe. */
#ifndef GK_WORKBOOK_H
#define GK_WORKBOOK_H

#include "report.h"
#include "sidecar.h"

typedef struct {
    int all;                  /* also the findings about how the file was read (gk_rule_def.reading) */
    int errors_only;
    const char *rule;         /* only this rule id, or NULL */
} wb_filter;

typedef struct gk_workbook gk_workbook;

gk_workbook *gk_wb_new(const wb_filter *filter);
/* Adds the rows of one checked report and its review record (rv may be
 * NULL).  r is re-checked without its corrections to find the findings
 * that justified them, and left as it was. */
void gk_wb_add(gk_workbook *w, gk_report *r, const gk_review *rv);
/* 0 when a workbook can be written (libxlsxwriter, opened with dlopen() on
 * first use, is there); else -1 with *why (malloc'd, Chinese, naming path)
 * set.  Thread-safe. */
int gk_wb_available(const char *path, char **why);
/* Writes the workbook to path and frees w.  Returns 0, or -1 with *why
 * (malloc'd, Chinese) set. */
int gk_wb_write(gk_workbook *w, const char *path, char **why);

/* 1 when a finding passes the filter. */
int gk_wb_filter_pass(const wb_filter *f, const gk_finding *x);

#endif
