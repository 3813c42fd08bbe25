/* report.h — the report model: every cell of the detected template with its
 * value, status and source line; the findings; the reviewer's overlay.
 *
 * The model knows nothing of how it is filled or checked: pipeline.c
 * (report_open, report_parse) decodes, extracts (extract.c) and checks
 * (rules_check, rules.c).  A correction or dismissal changes the overlay;
 * rules_check() again re-evaluates everything on the corrected values. */
#ifndef GK_REPORT_H
#define GK_REPORT_H

#include "template.h"
#include "text.h"
#include "util.h"

#include <stddef.h>

/* One byte (packed): a report holds two per template cell. */
typedef enum __attribute__((packed)) {
    GK_ST_MISSING = 0,
    GK_ST_EXTRACTED,
    GK_ST_BLANK,
    GK_ST_INFERRED,
    GK_ST_CORRECTED
} gk_status;

/* Fields in an order that leaves no holes between them, the flags and
 * statuses a byte each (56 bytes): a report zeroes one per template cell. */
typedef struct {
    /* what extraction read */
    gk_status read_status;     /* EXTRACTED, BLANK or MISSING; INFERRED for a glued run split (its raw the
                                  digits) or a row of zeros a cell short (no raw), how in unread_why */
    unsigned char read_is_int;
    /* the reviewer's overlay */
    unsigned char corrected;
    /* the result of rules_check() */
    gk_status status;
    int line;                  /* 1-based source line, 0 when none */
    double read_value;         /* valid for EXTRACTED; 0 for BLANK */
    char *raw;                 /* source text of the cell, NULL when none (in the report's arena, or
                                  read-only storage of the program's: one to three digits) */
    char *unread_why;          /* why a present row's cell could not be read */
    double corrected_value;    /* the overlay's value, when corrected */
    double value;              /* rules_check()'s: meaningless when status == MISSING */
    char *equation;            /* how an inferred value was found */
} gk_cell;

_Static_assert(sizeof(gk_cell) == 56, "gk_cell has no holes");

typedef struct {
    const char *rule;          /* rule id (static) */
    int rank;                  /* the rule's place in the rule table (ordering) */
    gk_severity severity;
    int *cells;                /* template cell indices */
    int ncells;
    int line;                  /* 1-based, 0 when none */
    char *message;             /* Chinese, one line */
    int dismissed;
    const char *dismiss_reason;/* points into the overlay */
} gk_finding;

typedef struct {
    char *rule;
    int cell;                  /* -1: every finding of the rule */
    char *reason;
} gk_dismissal;

/* A count stated in the narrative ("共收到政府信息公开申请6件"). */
typedef struct {
    int kind;                  /* index into template_narr_counts() */
    double value;
    int line;
} gk_stated;

typedef struct gk_report {
    char *path;
    gk_text *text;
    gk_arena strings;          /* cell raw texts */
    int sidecar_absent;        /* set by a batch: its folder's listing showed no sidecar beside it */
    gk_format format;
    const gk_template *tpl;
    char *body;
    int year;                  /* 0 when not found */
    int title_line;
    int period_year;           /* statistics period, 0 when not stated */
    int period_line;
    size_t no_stat_before;     /* no line before this one (0-based) holds 统计: where find_years() found the
                                  first, nlines when none (0: not looked for) */
    int narrative_year;        /* most frequent year in section 一, 0 if none */
    int narrative_year_line;
    int section_line[GK_NSECTIONS];       /* 1-based heading lines, 0 when absent */
    int section_col[GK_NSECTIONS];        /* byte offset of the heading in its normalised line (0: at its start) */
    int titled;                /* a title (a title line or a quoted 《…》 one) names the year */
    int sections_in_order;
    int fee_stated;            /* section 六 states 信息处理费 */
    int fee_line;
    int table_line[GK_NTABLES];         /* first line of tables 2, 3, 4; 0 when absent */
    gk_cell *cells;            /* tpl->ncells */
    int cells_own_text;        /* 1 once a cell was given an unread_why or an equation of its own (most
                                  reports never: report_free() then does not walk the cells) */
    gk_finding *notes;         /* structural findings from extraction */
    int nnotes;
    gk_stated *stated;
    int nstated;
    gk_dismissal *dismissals;
    int ndismissals;
    struct gk_xsummary *xprev; /* the same body's report of year-1 (xyear.h), or NULL */
    struct gk_xsummary *xnext; /* ... of year+1, or NULL */
    void (*partners_free)(struct gk_report *); /* frees xprev and xnext (set by xyear.c) */
    gk_finding *findings;      /* after rules_check(): notes + rules, sorted */
    int nfindings;
    int nerrors, nwarnings;    /* open (not dismissed) findings */
} gk_report;

void report_free(gk_report *r);

/* Reviewer overlay. */
void report_correct(gk_report *r, int cell, double value);
void report_uncorrect(gk_report *r, int cell);
void report_dismiss(gk_report *r, const char *rule, int cell, const char *reason);

/* Helpers for output. */
const char *report_status_name(gk_status s);
const char *report_severity_name(gk_severity s);
/* Formats a value as the report wrote it ("6", "3.5"); buf >= 32 bytes. */
const char *report_format_value(double v, char *buf, size_t n);

/* Adds a finding to an array (extraction's notes, the rules' findings). */
gk_finding *finding_add(gk_finding **arr, int *n, const char *rule, int line, char *message);
void finding_add_cell(gk_finding *f, int cell);
/* Adds src's cells to f (no cell yet) as finding_add_cell() would add them one
 * by one: src's, added so, are distinct and none negative. */
void finding_copy_cells(gk_finding *f, const gk_finding *src);
void finding_free(gk_finding *f);

#endif
