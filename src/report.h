/* report.h — the report model: every cell of the detected template with its
 * value, status and source line; the findings; the reviewer's overlay.
 *
 * Flow: report_parse() decodes and extracts (extract.c), then report_check()
 * infers what the rules fix uniquely and evaluates every rule (rules.c).
 * A correction or dismissal changes the overlay; report_check() again
 * re-evaluates everything on the corrected values. */
#ifndef GK_REPORT_H
#define GK_REPORT_H

#include "template.h"
#include "text.h"
#include "util.h"

#include <stddef.h>

typedef enum {
    GK_ST_MISSING = 0,
    GK_ST_EXTRACTED,
    GK_ST_BLANK,
    GK_ST_INFERRED,
    GK_ST_CORRECTED
} gk_status;

/* Fields in an order that leaves no holes between them: a report zeroes
 * one per template cell. */
typedef struct {
    /* what extraction read */
    gk_status read_status;     /* EXTRACTED, BLANK or MISSING; INFERRED for a glued run split (how in unread_why) */
    int read_is_int;
    double read_value;         /* valid for EXTRACTED; 0 for BLANK */
    char *raw;                 /* source text of the cell, NULL when none (in the report's arena) */
    char *unread_why;          /* why a present row's cell could not be read */
    int line;                  /* 1-based source line, 0 when none */
    /* the reviewer's overlay */
    int corrected;
    double corrected_value;
    /* the result of report_check() */
    gk_status status;
    double value;              /* meaningless when status == MISSING */
    char *equation;            /* how an inferred value was found */
} gk_cell;

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

typedef struct {
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
    int narrative_year;        /* most frequent year in section 一, 0 if none */
    int narrative_year_line;
    int section_line[6];       /* 1-based heading lines, 0 when absent */
    int section_col[6];        /* byte offset of the heading in its normalised line (0: at its start) */
    int titled;                /* a title (a title line or a quoted 《…》 one) names the year */
    int sections_in_order;
    int fee_stated;            /* section 六 states 信息处理费 */
    int fee_line;
    int table_line[3];         /* first line of tables 2, 3, 4; 0 when absent */
    gk_cell *cells;            /* tpl->ncells */
    gk_finding *notes;         /* structural findings from extraction */
    int nnotes;
    gk_stated *stated;
    int nstated;
    gk_dismissal *dismissals;
    int ndismissals;
    struct gk_xsummary *xprev; /* the same body's report of year-1 (xyear.h), or NULL */
    struct gk_xsummary *xnext; /* ... of year+1, or NULL */
    gk_finding *findings;      /* after report_check(): notes + rules, sorted */
    int nfindings;
    int nerrors, nwarnings;    /* open (not dismissed) findings */
} gk_report;

/* Largest report file read (bytes).  Real reports are well under 1 MB.
 * A report takes about 3x its file in memory plus 32 bytes per line for the
 * line index (at most TEXT_MAX_LINES lines) and table rows bounded by
 * GRID_MAX_ROWS per table: at most about 260 MB for the largest file. */
#define GK_MAX_FILE (32u * 1024u * 1024u)

/* Why a readable text file is refused: it is not a report (extract_is_report()). */
#define GK_NOT_A_REPORT "不是政府信息公开工作年度报告（未找到标题和表格）"

/* Reads and parses a file; on failure returns NULL and a malloc'd Chinese reason.
 * A text that is not a report at all fails too (GK_NOT_A_REPORT). */
gk_report *report_open(const char *path, char **why);

/* What the title peek learns of a file that reading it in full reuses
 * while the file is unchanged: its identity and how its bytes are read
 * (text_verdict), so they are scanned once.  Zeroed: nothing known. */
typedef struct {
    gk_file_id id;
    text_verdict verdict;
} gk_peeked;

/* report_open() with what a peek at the same file learnt (NULL: nothing). */
gk_report *report_open_peeked(const char *path, const gk_peeked *peeked, char **why);
/* Parses bytes already in memory; `path` is only a name. */
gk_report *report_parse(const char *path, const char *bytes, size_t len, char **why);
/* Reads only the title (body and year): for pairing reports across years.
 * Fills *peeked when it is not NULL. */
gk_report *report_open_head(const char *path, gk_peeked *peeked, char **why);
void report_free(gk_report *r);

/* Runs inference and every rule; rebuilds r->findings. */
void report_check(gk_report *r);

/* Reviewer overlay. */
void report_correct(gk_report *r, int cell, double value);
void report_uncorrect(gk_report *r, int cell);
void report_dismiss(gk_report *r, const char *rule, int cell, const char *reason);

/* Helpers for output. */
const char *report_status_name(gk_status s);
const char *report_severity_name(gk_severity s);
/* Formats a value as the report wrote it ("6", "3.5"); buf >= 32 bytes. */
const char *report_format_value(double v, char *buf, size_t n);

/* Internal: adds a finding to an array (used by extract.c and rules.c). */
gk_finding *finding_add(gk_finding **arr, int *n, const char *rule, int line, char *message);
void finding_add_cell(gk_finding *f, int cell);
void finding_free(gk_finding *f);

#endif
