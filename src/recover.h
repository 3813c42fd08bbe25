/* recover.h — the recovery file: what a review session changed and has not
 * saved, written after every change so that a dropped connection (SIGHUP),
 * a SIGTERM or a crash loses nothing.  One file per report, named by the
 * SHA-256 of the report's absolute path, under $XDG_STATE_HOME/gkreview/
 * (else ~/.local/state/gkreview/); written atomically (temp file, fsync,
 * rename, fsync of the folder).  The session's changes are kept as the net
 * result per entry (set or removed), to be replayed on the sidecar as it is
 * when the report is opened next.  No curses here. */
#ifndef GK_RECOVER_H
#define GK_RECOVER_H

#include <stddef.h>

/* One change.  kind: 'C' a correction set (cell, value text), 'c' removed;
 * 'N' a note set (cell or NULL for the report, text), 'n' removed; 'D' a
 * dismissal set (rule, cell or NULL, reason), 'd' removed; 'S' the review
 * state set (state: 0 未审核, 1 审核中, 2 已审核). */
typedef struct {
    char kind;
    char *rule, *cell, *text;
    int state;
} recover_op;

typedef struct {
    char *report;        /* the report's absolute path as written */
    char *when;          /* ISO 8601 with the local offset, "2026-05-01T16:30:00+08:00" */
    recover_op *ops;
    int nops;
} recover_data;

/* The recovery file of a report (malloc'd), NULL when there is no state
 * folder to put it in (no $XDG_STATE_HOME and no $HOME). */
char *recover_path(const char *report_path);
void recover_add(recover_data *d, char kind, const char *rule, const char *cell, const char *text, int state);
void recover_data_free(recover_data *d);
/* Writes d atomically (the folder is made when missing).  0 ok; -1 and
 * *err (malloc'd Chinese) when it could not be written. */
int recover_write(const char *report_path, const recover_data *d, char **err);
/* 1 and *d when the report has a recovery file; 0 when none; -1 when one
 * exists but cannot be read or is not a recovery file (*d empty). */
int recover_read(const char *report_path, recover_data *d);
/* Removes the report's recovery file (nothing when there is none). */
void recover_remove(const char *report_path);
/* The current time as ISO 8601 with the local offset; buf >= 32 bytes. */
const char *recover_now(char *buf, size_t n);

#endif
