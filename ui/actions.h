/* actions.h — every user action listed once: name, keys, Chinese help.
 * Key lookup, the key bar hints and the `?` help overlay all read the
 * one table in actions.c, so they cannot drift apart. */
#ifndef GK_UI_ACTIONS_H
#define GK_UI_ACTIONS_H

#include "conf.h"

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

typedef enum {
    ACT_NONE = 0,
    ACT_UP,
    ACT_DOWN,
    ACT_LEFT,
    ACT_RIGHT,
    ACT_PGUP,
    ACT_PGDN,
    ACT_HOME,
    ACT_END,
    ACT_NEXT_PANEL,
    ACT_PREV_PANEL,
    ACT_NEXT_FLAG,
    ACT_PREV_FLAG,
    ACT_NEXT_TABLE,
    ACT_NEXT_REPORT,
    ACT_PREV_REPORT,
    ACT_SEARCH,
    ACT_FINDINGS,
    ACT_WRAP,
    ACT_DETAIL,
    ACT_OPEN,
    ACT_CORRECT,
    ACT_UNCORRECT,
    ACT_NOTE,
    ACT_REPORT_NOTE,
    ACT_DISMISS,
    ACT_STATE,
    ACT_UNDO,
    ACT_SAVE,
    ACT_SORT,
    ACT_ONLY_ERRORS,
    ACT_ONLY_OPEN,
    ACT_BACK,
    ACT_CANCEL,
    ACT_HELP,
    ACT_QUIT,
    ACT_F_ERRORS,           /* the findings list: errors only */
    ACT_BY_RULE,            /* the findings list: one rule at a time */
    ACT_NEXT_EDIT,
    ACT_PREV_EDIT,
    ACT_GOTO,
    ACT_QUEUE_SEARCH,
    ACT_PAIR,               /* the two-years pair view (y) */
    ACT_PAIR_YEAR,          /* the pair view: the other year (narrow screens) */
    ACT_PAIR_VIEW,          /* the pair view: tables / narrative */
    ACT_PAIR_CLOSE,
    /* answers to the questions asked in the key bar (not looked up as actions) */
    ACT_ANS_YES,
    ACT_ANS_NO,
    ACT_ANS_RECOVER,
    ACT_ANS_DISCARD,
    ACT_COUNT
} action_id;

/* Where an action applies (help overlay) and where its hint is shown. */
enum {
    CTX_SOURCE = 1,
    CTX_TABLES = 2,
    CTX_FINDINGS = 4,
    CTX_PANELS = 7,        /* any panel of a report */
    CTX_QUEUE = 16,        /* the report queue */
    CTX_PAIR = 256,        /* the two-years pair view */
    CTX_WHERE = CTX_PANELS | CTX_QUEUE | CTX_PAIR,
    /* conditions: a hint with one of these is shown only when it holds */
    CTX_MULTI = 8,         /* several reports are open */
    CTX_QUEUED = 32,       /* the report was opened from the queue (q goes back) */
    CTX_QUITS = 64,        /* q ends the program here */
    CTX_ASK = 128,         /* an answer to a question (never looked up, never in the help) */
    CTX_NARROW = 512       /* the screen is narrower than the pair view's two years (hint only) */
};

/* A key: a character, or a curses function key marked with KEY_FUNC. */
#define KEY_FUNC 0x40000000
#define KF(k) ((k) | KEY_FUNC)

typedef struct {
    action_id id;
    const char *name;        /* stable English name ("next_flag") */
    int keys[4];             /* 0-terminated */
    const char *help;        /* Chinese, for the help overlay and README; NULL: listed
                              * on the row of the action before it */
    const char *hint;        /* short Chinese for the key bar, or NULL */
    const char *hint_keys;   /* key text in the key bar when not the first key's */
    unsigned hint_ctx;       /* CTX_* where the hint is shown (and its conditions) */
    int prio;                /* key bar: 1 first; lower-priority hints go when it is short */
    const char *help_keys;   /* key text of the help row when not generated */
    unsigned help_ctx;       /* CTX_PANELS and/or CTX_QUEUE: where the help row is shown */
} action_def;

/* The action bound to a key from wget_wch (func: it returned KEY_CODE_YES)
 * where ctx is (CTX_PANELS or CTX_QUEUE): one key may mean one thing in a
 * report and another in the queue (Enter). */
action_id actions_lookup(wint_t ch, int func, unsigned ctx);
/* The name of an action's first key ("n", "Tab"), for messages: key
 * letters in messages come from the table too. */
const char *actions_key_name(action_id id, char *buf, size_t n);
/* The first key of an answer (ACT_ANS_*) as a character ('y'). */
int actions_answer(action_id id);
/* "Up k", "Tab", "C-f" ... */
void actions_keys_text(const action_def *a, char *buf, size_t n);
/* The key bar text for a context, fitted into `width` columns by leaving
 * out the least important hints (malloc'd). */
char *actions_hints(unsigned ctx, int width);
/* Draws the help overlay over the whole screen: the actions of `ctx`
 * (CTX_PANELS or CTX_QUEUE) from row `top` of the list (scrolling when the
 * screen is short; *more is set when rows are left below), then the
 * legend and the notes (configuration messages, the sidecar's place). */
void actions_draw_help(WINDOW *w, unsigned ctx, int top, const ui_msgs *notes, int *more);

#endif
