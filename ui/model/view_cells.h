/* view_cells.h — what the review screen shows about cells and findings,
 * computed from a checked report without curses: which cells an open
 * finding names, the tone a cell is painted in, the text of a value with
 * its no-colour mark ("6*" inferred, "6'" corrected, "0_" blank, "?"
 * missing — a missing cell never shows a number), walking the flagged
 * cells, and the Chinese detail text for a cell or a finding. */
#ifndef GK_VIEW_CELLS_H
#define GK_VIEW_CELLS_H

#include "report.h"

#include <stddef.h>

/* Marks beside a value; the help screen's legend uses the same strings. */
#define VIEW_MARK_INFERRED "*"
#define VIEW_MARK_CORRECTED "'"
#define VIEW_MARK_BLANK "_"
#define VIEW_TEXT_MISSING "?"
#define VIEW_MARK_NOTE "#"      /* after the value: the reviewer wrote a note on the cell */

typedef enum {
    VIEW_TONE_NORMAL,
    VIEW_TONE_DISMISSED,   /* named only by dismissed findings */
    VIEW_TONE_WARNING,     /* named by an open warning */
    VIEW_TONE_BLANK,       /* blank (counted as 0), or missing without an open error */
    VIEW_TONE_INFERRED,
    VIEW_TONE_CORRECTED,
    VIEW_TONE_ERROR        /* named by an open error */
} view_tone;

enum { VIEW_F_ERROR = 1, VIEW_F_WARNING = 2, VIEW_F_DISMISSED = 4, VIEW_F_NOTE = 8 };

typedef struct {
    const gk_report *r;
    unsigned char *flags;   /* VIEW_F_* per template cell */
    int ncells;
    int nflagged;           /* cells named by an open finding */
} view_cells;

void view_cells_init(view_cells *v, const gk_report *r);
void view_cells_free(view_cells *v);

/* 1 when an open (not dismissed) finding names the cell. */
int view_cell_flagged(const view_cells *v, int cell);
view_tone view_cell_tone(const view_cells *v, int cell);

/* The value as shown: "6", "6*", "6'", "0_", "?" ("+2" for a positive
 * 本年增/减).  buf >= 40 bytes. */
const char *view_cell_text(const gk_report *r, int cell, char *buf, size_t n);
/* The same, followed by VIEW_MARK_NOTE when the cell has a note (VIEW_F_NOTE). */
const char *view_cells_text(const view_cells *v, int cell, char *buf, size_t n);
/* 推算 / 已更正 / 空白 / 缺失 / 读取 */
const char *view_status_label(gk_status s);
const char *view_severity_label(gk_severity s);

/* The next (dir = 1) or previous (dir = -1) flagged cell after `from`
 * (from = -1 starts before the first), wrapping around; -1 when none.
 * *wrapped is set when the walk went past the end. */
int view_next_flagged(const view_cells *v, int from, int dir, int *wrapped);

/* The first finding naming the cell, open ones first; -1 when none. */
int view_finding_of_cell(const gk_report *r, int cell);

/* The findings as the screen lists them: open errors, open warnings, then
 * dismissed ones (with_dismissed), each group in the report's order; only
 * errors with VIEW_ONLY_ERRORS, only the rule `rule` when not NULL.  Fills
 * out (r->nfindings entries) and returns the count. */
enum { VIEW_ONLY_ERRORS = 1 };
int view_findings_order(const gk_report *r, unsigned filter, const char *rule, int with_dismissed, int *out);
/* The next (dir 1) or previous (-1) open finding after finding `from`
 * in that order (from -1, or not in the list: the first or the last),
 * wrapping; -1 when there is none.  *wrapped is set on a wrap. */
int view_findings_step(const gk_report *r, unsigned filter, const char *rule, int from, int dir, int *wrapped);
/* The distinct rules of the report's findings, in order of first appearance
 * (out: r->nfindings entries); returns the count. */
int view_findings_rules(const gk_report *r, const char **out);

/* A cell named as a reviewer would name it: its id ("t3.new.natural"), its
 * label ("本年新收·自然人", separators and spaces optional: "本年新收 自然人",
 * "本年新收自然人"), or a part of a label that only one cell has.  The index,
 * -1 when nothing matches, -2 when several cells do. */
int view_cell_lookup(const gk_template *t, const char *name);

/* Chinese, malloc'd, paragraphs separated by '\n'. */
char *view_cell_detail(const view_cells *v, int cell);
char *view_finding_detail(const gk_report *r, int finding);

#endif
