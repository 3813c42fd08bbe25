/* view_review.h — the reviewer's work on the open report, without curses:
 * the sidecar being edited (sidecar.h), the reviewer's name, the stack of
 * this session's changes for undo, and whether they are saved.
 *
 * Every change goes into the sidecar first and is then applied to the report
 * (report_review: every rule evaluated again on the corrected values), so the
 * screen shows what `gkreview check` shows once the sidecar is saved.  Who and
 * when are recorded by the sidecar.  Messages are Chinese and malloc'd; a
 * function returning -1 refused and says why in *msg. */
#ifndef GK_VIEW_REVIEW_H
#define GK_VIEW_REVIEW_H

#include "recover.h"
#include "report.h"
#include "sidecar.h"
#include "view_cells.h"

#include <stddef.h>

typedef struct vr_step vr_step;

typedef struct {
    gk_review *rv;          /* owned */
    char *who;              /* the reviewer */
    vr_step *undo;          /* this session's changes, oldest first */
    int nundo;
    unsigned next_id;       /* ids of changes, never reused */
    unsigned saved_id;      /* the change on top of the stack when last saved (0: none) */
} view_review;

/* Takes rv (NULL: an empty review of nothing — no edits possible). */
void view_review_init(view_review *s, gk_review *rv, const char *who);
/* The names of the keys that undo, save and change the review state, for
 * the messages (the screen gives them from its action table; "u" "s" "m"
 * until then). */
void view_review_set_keys(const char *undo, const char *save, const char *state);
void view_review_free(view_review *s);
/* Changes this session that are not in the sidecar on disk. */
int view_review_dirty(const view_review *s);

/* A correction to the value the report already has is refused ("与原值
 * 相同"); to the report's value while the cell is corrected, it takes the
 * correction back. */
/* A value as the reviewer typed it for a cell: full-width digits and signs,
 * spaces and thousands separators are accepted; the cell's kind decides
 * what is valid (a count: a whole number >= 0).  0 ok; -1 and *msg. */
int view_review_parse_value(const gk_report *r, int cell, const char *text, double *out, char **msg);

/* Each returns 0 with a message saying what was done, or -1 with why not. */
int view_review_correct(view_review *s, gk_report *r, int cell, const char *text, char **msg);
int view_review_uncorrect(view_review *s, gk_report *r, int cell, char **msg);
/* cell -1: the note on the whole report; empty text removes the note. */
int view_review_set_note(view_review *s, const gk_report *r, int cell, const char *text, char **msg);
/* The note on a cell (-1: the report), NULL when none. */
const char *view_review_note(const view_review *s, const gk_report *r, int cell);
/* A dismissal needs a reason (blank: refused).  It covers the finding's
 * rule on the one cell of the finding no other finding of that rule names
 * (every finding of the rule when the finding names no cell). */
int view_review_dismiss(view_review *s, gk_report *r, int finding, const char *reason, char **msg);
int view_review_undismiss(view_review *s, gk_report *r, int finding, char **msg);
/* 未审核 → 审核中 → 已审核 → 未审核. */
int view_review_cycle_state(view_review *s, char **msg);
/* Takes back the last change of this session. */
int view_review_undo(view_review *s, gk_report *r, char **msg);
/* Saves (merging with the file) and applies the merged result to r. */
int view_review_save(view_review *s, gk_report *r, char **msg);

/* The cell's detail text (view_cell_detail) with the reviewer's part
 * after its first line: "原值 … → 更正为 …（who when）", conflicts, the note. */
char *view_review_cell_detail(const view_cells *v, const view_review *s, int cell);
/* The unsaved changes as their net result per entry (recover.h), added to
 * d; returns how many (0: nothing unsaved). */
int view_review_snapshot(const view_review *s, recover_data *d);
/* Replays a recovery file's changes on the sidecar as loaded, each one a
 * step undo can take back; re-checks r.  0 and *msg. */
int view_review_restore(view_review *s, gk_report *r, const recover_data *d, char **msg);
/* The reviewer's name is known now: this session's entries take it. */
void view_review_set_who(view_review *s, const char *who);
/* "2024-05-01T08:30:00Z" or "2024-05-01T16:30:00+08:00" as local time "2024-05-01 16:30"; buf >= 20 bytes. */
const char *view_review_when(const char *iso, char *buf, size_t n);
/* After a re-check: the finding of the same rule naming the same first cell
 * (and, for findings without cells, on the same line); -1 when gone. */
int view_finding_match(const gk_report *r, const char *rule, int cell0, int line);
/* Marks the cells that have a note (view_cells_text shows them). */
void view_review_mark_notes(const view_review *s, view_cells *v);

#endif
