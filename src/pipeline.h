/* pipeline.h — reading a report: decode → extract → rules, in that order
 * (pipeline.c); then the reviewer's overlay and the rules again
 * (report_review). */
#ifndef GK_PIPELINE_H
#define GK_PIPELINE_H

#include "report.h"
#include "sidecar.h"

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
/* report_open_peeked() for a file its folder's listing said is regular
 * (walk_entry.regular): read without asking the file's type, size and
 * identity first, unless the peek's verdict is to be reused. */
gk_report *report_open_listed(const char *path, const gk_peeked *peeked, char **why);
/* Parses bytes already in memory; `path` is only a name. */
gk_report *report_parse(const char *path, const char *bytes, size_t len, char **why);
/* Reads only the title (body and year): for pairing reports across years.
 * Fills *peeked when it is not NULL. */
gk_report *report_open_head(const char *path, gk_peeked *peeked, char **why);

/* Reads only a file's title: body and year (0 when not found).  Returns 0
 * on success, -1 when the file cannot be read.  Fills *peeked (may be
 * NULL) for reading the same file in full later (report_open_peeked). */
int report_peek(const char *path, char **body, int *year, gk_peeked *peeked);

/* The reviewer's overlay from the review (sidecar_overlay), then every rule
 * again on the corrected values (rules_check).  Returns what sidecar_overlay()
 * returns (entries naming no cell or rule of the template; *warn as there). */
int report_review(const gk_review *rv, gk_report *r, char **warn);

#endif
