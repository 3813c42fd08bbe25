/* sidecar.h — the reviewer's record of one report (issue #6): corrections,
 * notes, dismissals and the review state, kept in an INI file beside the
 * report ("<report>.review.ini"), or under $XDG_DATA_HOME/gkreview/ when the
 * report's folder cannot be written.  The report itself is only ever read.
 *
 * Loading never fails silently: a corrupt or unreadable sidecar is reported
 * and never overwritten (saving goes to "<report>.review.1.ini" instead).
 * Saving is atomic (temp file, fsync, rename, fsync of the folder) and runs
 * under an exclusive lock on "<sidecar>.lock"; it re-reads what is on disk and
 * merges it with what this process changed since it loaded, so nothing
 * another writer saved in between is lost.  Two different corrections of one
 * cell are both kept: the entry is marked as a conflict.
 *
 * The file format is described in sidecar_format.c (and the README); the
 * parts of the implementation are listed in sidecar_int.h. */
#ifndef GK_SIDECAR_H
#define GK_SIDECAR_H

#include "report.h"

typedef enum { GK_REV_UNREVIEWED = 0, GK_REV_IN_PROGRESS, GK_REV_DONE } gk_review_state;

typedef enum { GK_RV_CORRECTION = 0, GK_RV_NOTE, GK_RV_DISMISS } gk_rv_kind;

/* Another writer's version of an entry, kept when it conflicts. */
typedef struct {
    char *text;       /* value (as written, "7"), note text or dismissal reason */
    char *who;
    char *when;
} gk_rv_alt;

typedef struct gk_rv_entry {
    gk_rv_kind kind;
    char *cell;       /* cell id; NULL: a report-level note / a dismissal of every finding of the rule */
    char *rule;       /* dismissals: rule id (upper case, "T3.BALANCE"); NULL otherwise */
    char *text;       /* correction: the value as written ("7", "3.5"); note: its text; dismissal: reason */
    double value;     /* corrections: the corrected value */
    char *original;   /* corrections: the value the report had ("" when it had none); NULL otherwise */
    char *who;        /* reviewer */
    char *when;       /* ISO 8601 UTC, "2024-05-01T08:30:00Z" */
    gk_rv_alt *alts;  /* conflicting versions written by others (nalts > 0: a conflict) */
    int nalts;
    struct gk_rv_entry *base; /* internal: the entry as last read from disk, NULL when new */
} gk_rv_entry;

typedef struct {
    char *report_path;
    char *path;              /* where the sidecar is read from / will be written */
    int fallback;            /* path is under $XDG_DATA_HOME/gkreview/ */
    int exists;              /* path existed when loaded or saved */
    char sha256[65];         /* the report's SHA-256 recorded in the sidecar ("" when none) */
    char report_sha256[65];  /* the report file's SHA-256 now ("" until computed) */
    int report_changed;      /* the two differ: entries are matched by cell id */
    gk_review_state state;
    char *state_who, *state_when;
    gk_rv_entry *entries;    /* live entries, sorted: corrections, notes, dismissals */
    int nentries;
    /* internal: what this process removed, and the state as read, for merging */
    gk_rv_entry *gone;
    int ngone;
    gk_review_state base_state;
    char *base_state_who, *base_state_when;
    char *loaded_from;       /* the file the bases came from, NULL when none */
    char *stem;              /* path without ".ini" / ".N.ini" */
    int cand;                /* path is stem.ini (0) or stem.N.ini */
    char *fallback_stem;     /* the $XDG_DATA_HOME stem, NULL when there is none */
} gk_review;

/* Loads the sidecar of a report.  *out is always set to a usable review (an
 * empty one when there is no sidecar yet).  Returns 0 when all is well; 1 when
 * *warn (malloc'd, Chinese, naming the file) says something the reviewer must
 * know: the sidecar is corrupt or unreadable (it is left alone and saving goes
 * to a new file beside it), or the report has changed since it was reviewed;
 * -1 when the report itself cannot be read (*warn says why). */
int sidecar_load(const char *report_path, gk_review **out, char **warn);

/* For runs that never save (check, export, issues): whether a report's
 * folder is writable and whether the fallback folder exists are asked once
 * per folder, not once per report. */
void sidecar_read_only_run(void);

/* 0 when no sidecar of the report can exist: none beside it (the folder's
 * listing said so, `absent_beside`) and no fallback folder. */
int sidecar_may_exist(int absent_beside);
void sidecar_free(gk_review *rv);

/* Where the sidecar lives (for the status line). */
const char *sidecar_where(const gk_review *rv);

/* Sets the report's overlay from the review: clears every correction and
 * dismissal, applies the review's (the first value of a conflict).  The rules
 * are not run here: report_review() (pipeline.h) overlays and checks again.
 * Returns the number of entries that name a cell or rule the report's
 * template does not have (listed in *warn when warn is not NULL; *warn also
 * lists, when the report changed, corrected cells whose value in the report
 * is no longer the one the reviewer saw). */
int sidecar_overlay(const gk_review *rv, gk_report *r, char **warn);

/* Saves atomically under the lock, merging with what is on disk; rv is then
 * what the file holds (others' entries included).  report_path may be NULL
 * (rv->report_path).  Returns 0 and *where (malloc'd path) on success; on
 * failure -1 and *err.  *err may also be set on success with a notice (the
 * folder was not writable and the sidecar went to $XDG_DATA_HOME, or a
 * sidecar found corrupt was left alone).  where/err may be NULL. */
int sidecar_save(const char *report_path, gk_review *rv, char **where, char **err);

/* ---- editing ---------------------------------------------------------------
 * who is the reviewer's name; when is taken from the clock.  Setting what is
 * already there is a no-op, except that it resolves a conflict. */
void sidecar_set_correction(gk_review *rv, const char *cell, double value, const char *original, const char *who);
/* The same, taking the original value from the report's cell. */
void sidecar_correct(gk_review *rv, const gk_report *r, int cell, double value, const char *who);
/* NULL or "" text removes the note; cell NULL: the report-level note. */
void sidecar_set_note(gk_review *rv, const char *cell, const char *text, const char *who);
/* cell NULL: every finding of the rule. */
void sidecar_set_dismissal(gk_review *rv, const char *rule, const char *cell, const char *reason, const char *who);
/* Removes an entry; returns 1 when there was one. */
int sidecar_remove(gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell);
void sidecar_set_state(gk_review *rv, gk_review_state state, const char *who);
const gk_rv_entry *sidecar_find(const gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell);
/* Number of entries in conflict. */
int sidecar_conflicts(const gk_review *rv);

/* ---- undo ------------------------------------------------------------------------
 * An exact copy of one live entry, NULL when there is none (free it with
 * sidecar_entry_free).  sidecar_entry_restore() puts such a copy back as it
 * was — who, when and conflicts included — or removes the entry when copy is
 * NULL, so an editor can take back its own change without signing the old
 * entry in the reviewer's name; a later save merges it like any other edit.
 * sidecar_state_restore() does the same for the review state. */
gk_rv_entry *sidecar_entry_copy(const gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell);
void sidecar_entry_restore(gk_review *rv, gk_rv_kind kind, const char *rule, const char *cell,
                           const gk_rv_entry *copy);
void sidecar_entry_free(gk_rv_entry *copy);
void sidecar_state_restore(gk_review *rv, gk_review_state state, const char *who, const char *when);

/* ---- helpers ------------------------------------------------------------------ */
const char *sidecar_state_name(gk_review_state s);          /* 未审核 / 审核中 / 已审核 */
int sidecar_state_parse(const char *s, gk_review_state *out); /* 0 ok, -1 unknown */
/* The reviewer's name: [review] reviewer of $XDG_CONFIG_HOME/gkreview/
 * config.ini (~/.config/...), else $USER, else the login name.  malloc'd. */
char *sidecar_default_reviewer(void);
/* The current time, ISO 8601 UTC, into buf (>= 24 bytes). */
const char *sidecar_now(char *buf, size_t n);
/* SHA-256 of a file as 64 hex digits (read-only).  0 ok, -1 (errno kept). */
int sidecar_sha256_file(const char *path, char out[65]);
/* The value-encoding of the format, exposed for tests: percent-encodes what
 * the INI reader would lose; sidecar_decode() reverses it.  malloc'd. */
char *sidecar_encode(const char *s);
char *sidecar_decode(const char *s);

/* 1 when time a is later than time b: both as stored ("2024-05-01T08:30:00Z",
 * "2024-05-01T16:30:00+08:00"), compared as instants; text order otherwise. */
int sidecar_time_after(const char *a, const char *b);

#endif
