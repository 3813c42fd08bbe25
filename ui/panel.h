/* panel.h — the one interface every panel of the review screen has (after
 * tig's view ops and htop's Panel).  A panel owns its state and draws only
 * inside its rectangle; it never calls another panel.  The screen manager
 * (tui.c) routes actions to the focused panel and, when a panel reports a
 * new selection, hands that selection to every other panel. */
#ifndef GK_UI_PANEL_H
#define GK_UI_PANEL_H

#include "report.h"
#include "view_cells.h"
#include "view_pair.h"
#include "view_queue.h"
#include "view_review.h"

#include <curses.h>
#include <stddef.h>

typedef struct {
    int y, x, h, w;
} ui_rect;

/* The report on screen, shared read-only with the panels. */
typedef struct {
    const char *path;      /* as listed (may hold any bytes: draw it sanitised) */
    gk_report *r;          /* NULL when the file could not be read */
    char *error;           /* why, when r == NULL */
    view_cells cells;      /* per-cell flags and tones */
    const view_review *rv; /* the reviewer's corrections, notes, state */
    int index, count;      /* report index of count */
} ui_doc;

/* What is selected: a cell, a finding, the source line to show. */
typedef struct {
    int cell;              /* template cell index, -1 none */
    int finding;           /* index into r->findings, -1 none */
    int line;              /* 1-based source line, 0 none */
} ui_sel;

/* A panel's answer to an action. */
enum {
    PR_IGNORED = 0,        /* not for this panel: the manager may route it on */
    PR_HANDLED = 1,
    PR_SELECT = 2,         /* out->sel is the new selection */
    PR_OPEN = 4,           /* open report out->open (the queue) */
    PR_DETAIL = 8          /* show the detail of the selection (a double click) */
};

typedef struct {
    ui_sel sel;
    int open;              /* PR_OPEN: index of the report in the batch */
    char msg[256];         /* a one-line message for the key bar, or "" */
} ui_reply;

typedef struct panel panel;

typedef struct {
    const char *name;
    void (*open)(panel *p, const ui_doc *d);            /* a report was loaded */
    void (*resize)(panel *p, ui_rect r);
    /* Columns the panel would like out of `avail` (NULL: no preference). */
    int (*preferred_width)(panel *p, int avail);
    void (*draw)(panel *p, WINDOW *w, int focused);
    /* An action for the panel (actions.h); action 0 (ACT_NONE) says the panel
     * got the focus: a panel with a selection of its own answers PR_SELECT. */
    int (*key)(panel *p, int action, const char *arg, ui_reply *out);
    void (*select)(panel *p, const ui_sel *sel);
    /* The same report was checked again (a correction, a dismissal): values,
     * findings and notes may have changed; keep the cursor.  NULL: nothing to do. */
    void (*changed)(panel *p);
    /* A mouse click at screen row y, column x inside the panel (dbl: a
     * double click): PR_SELECT moves the selection there, PR_OPEN opens
     * (the queue), a double click on a cell or finding answers PR_HANDLED |
     * PR_DETAIL.  NULL: clicks only focus the panel. */
    int (*click)(panel *p, int y, int x, int dbl, ui_reply *out);
    /* Frees what the private state points to (not the state itself, nor the
     * panel: panel_free() does that).  NULL: nothing to free. */
    void (*free)(panel *p);
} panel_ops;

struct panel {
    const panel_ops *ops;
    ui_rect r;
    const ui_doc *doc;
    void *priv;
};

panel *panel_source_new(void);
panel *panel_tables_new(void);
panel *panel_findings_new(void);
panel *panel_detail_new(void);
panel *panel_queue_new(view_queue *q);
panel *panel_pair_new(view_pair *vp);

/* Shared by the panels: a new panel with zeroed private state of priv_size
 * bytes, its release, and a panel's title row. */
panel *panel_alloc(const panel_ops *ops, size_t priv_size);
void panel_free(panel *p);
/* The first row shown of a list of n rows in h screen rows, moved as
 * little as keeps row cur in sight and the window filled. */
int panel_scroll(int top, int cur, int h, int n);
/* Moves a list position for the movement actions — up, down, a page up or
 * down, the first (0) or `end` — and returns 1; 0 for any other action.
 * Keeping it in range is the caller's. */
int panel_move(int *pos, int action, int page, int end);
void panel_draw_title(WINDOW *w, const panel *p, const char *title, int focused);

#endif
