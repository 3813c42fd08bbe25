/* tui.h — the screen manager's state, shared by the files that make it up:
 * tui.c (screen, layout, input loop, routing, opening reports),
 * tui_review.c (the reviewer's actions on the open report) and
 * tui_queue.c (the report queue).  Nothing outside ui/tui*.c includes it. */
#ifndef GK_UI_TUI_H
#define GK_UI_TUI_H

#include "actions.h"
#include "batch.h"
#include "conf.h"
#include "panel.h"
#include "prompt.h"
#include "view_pair.h"
#include "view_queue.h"
#include "view_review.h"

enum { OV_NONE, OV_HELP, OV_DETAIL, OV_NOTICE };
enum { PANEL_SOURCE, PANEL_TABLES, PANEL_FINDINGS, PANEL_DETAIL, PANEL_QUEUE, NPANELS };

typedef struct tui {
    gk_batch batch;
    view_load load;         /* the batch's prepare context (view_queue.h) */
    ui_doc doc;
    view_review review;     /* the reviewer's work on doc */
    char *notice;           /* the open report's sidecar warnings, shown in a box */
    panel *p[NPANELS];
    int focus;              /* PANEL_SOURCE, PANEL_TABLES, PANEL_FINDINGS or PANEL_QUEUE */
    int show_findings;      /* the findings list is on screen now */
    int findings_pref;      /* f: 1 shown, 0 hidden; -1 not chosen: shown when the screen is wide */
    int offer_recovery;     /* the open report may have a recovery file: ask before the next key */
    int ending;             /* SIGHUP or SIGTERM ended the session */
    int too_small;
    int overlay, help_top, help_more;
    ui_sel sel;
    char msg[1024];
    ui_msgs notes;          /* configuration and theme messages */
    ui_config cfg;
    char *who;              /* the reviewer's name */
    prompt_host host;
    int has_queue;          /* several reports: the queue exists */
    int in_queue;           /* the queue is on screen */
    view_queue queue;
    int in_pair;            /* the two-years pair view is on screen */
    view_pair pair;         /* its data (valid while in_pair) */
    panel *pairp;
} tui;

/* tui.c */
void tui_layout(tui *t);
void tui_msg(tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_doc_open(tui *t, size_t i);
void tui_doc_close(tui *t);
/* The report was re-checked: cells, panels and the selection follow.
 * key: the finding selected before (rule NULL: none). */
typedef struct {
    const char *rule;
    int cell0, line;
} tui_fkey;
tui_fkey tui_finding_key(const tui *t);
/* A new selection for every panel. */
void tui_select(tui *t, const ui_sel *sel);
void tui_doc_changed(tui *t, tui_fkey key);

/* tui_review.c: 1 when the action was the reviewer's (handled). */
int tui_review_act(tui *t, action_id a);
/* Asks before leaving a report with unsaved changes; 1: go ahead. */
int tui_review_may_leave(tui *t, const char *doing);
/* The right side of the status bar: counts, state, unsaved, reviewer. */
char *tui_review_status(const tui *t);
/* Where the sidecar is, for the help overlay (malloc'd), NULL when no report. */
char *tui_review_where(const tui *t);
/* A recovery file of the open report: offers to restore or discard it. */
void tui_review_offer(tui *t);

/* tui.c: the two-years pair view (y): opens it for the open report, or
 * says in the key bar that no partner was found; closes it. */
void tui_pair_open(tui *t);
void tui_pair_close(tui *t);

/* tui_queue.c */
void tui_queue_start(tui *t);
/* Work left in the background (reading titles, checking), and a slice of it. */
int tui_queue_busy(const tui *t);
void tui_queue_work(tui *t);
int tui_queue_act(tui *t, action_id a);
void tui_queue_draw_status(tui *t);
/* ] / [ from a report opened from the queue. */
void tui_queue_step(tui *t, int dir);
/* Back to the queue from a report (after asking about unsaved changes). */
void tui_queue_back(tui *t);
/* The open report was saved: the queue's line and its partners follow. */
void tui_queue_saved(tui *t);
/* A click (dbl: double) or the wheel (wheel -1 up, 1 down) on the queue. */
void tui_queue_mouse(tui *t, int y, int x, int dbl, int wheel);
/* "[队列 3/18] " (the open report's place in the queue's current order). */
void tui_queue_place(const tui *t, char *buf, size_t n);

#endif
