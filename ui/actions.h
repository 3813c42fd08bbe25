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
    ACT_CANCEL,
    ACT_HELP,
    ACT_QUIT,
    ACT_COUNT
} action_id;

/* Where a hint is shown in the key bar. */
enum {
    CTX_SOURCE = 1,
    CTX_TABLES = 2,
    CTX_FINDINGS = 4,
    CTX_PANELS = 7,
    CTX_MULTI = 8          /* only when several reports are open */
};

/* A key: a character, or a curses function key marked with KEY_FUNC. */
#define KEY_FUNC 0x40000000
#define KF(k) ((k) | KEY_FUNC)

typedef struct {
    action_id id;
    const char *name;        /* stable English name ("next_flag") */
    int keys[4];             /* 0-terminated */
    const char *help;        /* Chinese, for the help overlay and README */
    const char *hint;        /* short Chinese for the key bar, or NULL */
    const char *hint_keys;   /* key text in the key bar when not the first key's */
    unsigned hint_ctx;       /* CTX_* where the hint is shown */
} action_def;

const action_def *actions_table(int *n);
/* The action bound to a key from wget_wch (func: it returned KEY_CODE_YES). */
action_id actions_lookup(wint_t ch, int func);
/* "Up k", "Tab", "C-f" ... */
void actions_keys_text(const action_def *a, char *buf, size_t n);
/* The key bar text for a context: "hjkl 移动  n/N 问题  ..." (malloc'd). */
char *actions_hints(unsigned ctx);
/* Draws the help overlay over the whole screen; notes (may be empty) are
 * the configuration messages, listed under the keys. */
void actions_draw_help(WINDOW *w, const ui_msgs *notes);

#endif
