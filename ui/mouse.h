/* mouse.h — mouse events for the review screen: a click, a double click and
 * the wheel, in xterm, tmux, Windows Terminal and over SSH.  ncurses reads
 * X10 events where the terminal description knows them (kmous=\E[M on
 * screen, tmux-256color); SGR 1006 reporting (no column limit) is switched
 * on here and read here in every terminal, xterm's kmous=\E[< included
 * (ncurses folds an SGR press, release and the next press into one
 * event).  Double clicks are told apart here, from two presses at one
 * place within MOUSE_DOUBLE_MS, so both paths behave alike.
 * Off when [ui] mouse = no. */
#ifndef GK_UI_MOUSE_H
#define GK_UI_MOUSE_H

#include <curses.h>
#include <wchar.h>

#define MOUSE_DOUBLE_MS 400

typedef enum { MOUSE_NONE = 0, MOUSE_CLICK, MOUSE_DOUBLE, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN } mouse_kind;

typedef struct {
    mouse_kind kind;
    int y, x;               /* screen row and column, 0-based */
} mouse_ev;

/* After the screen starts: reporting on (when on) and the keys defined. */
void mouse_start(int on);
/* Before endwin: reporting off. */
void mouse_stop(void);
/* When wget_wch's answer (rc, ch) starts a mouse event, reads the rest of
 * it, fills *ev (may be NULL; MOUSE_NONE for a release or a motion) and
 * returns 1; else 0. */
int mouse_key(int rc, wint_t ch, mouse_ev *ev);

#endif
