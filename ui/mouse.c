/* mouse.c — mouse events (see mouse.h). */
#include "mouse.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

#define KEY_SGR_MOUSE (KEY_MAX + 3)   /* "\033[<" when ncurses does not read SGR itself */

static int g_on, g_own_sgr, g_pressed;
static long long g_last_ms = -1;
static int g_last_y, g_last_x;

void mouse_start(int on)
{
    g_on = on;
    if (!on)
        return;
    mouseinterval(0);                 /* presses as they come: double clicks are told here */
    /* ncurses reports what the terminal description knows (X10 "\E[M" on
     * screen and tmux, a fallback where SGR is not understood) ... */
    mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    /* ... and SGR 1006 is read here everywhere (ncurses merges an SGR press
     * and release, and more, into one event, which hides double clicks) */
    define_key("\033[<", KEY_SGR_MOUSE);
    fputs("\033[?1000h\033[?1006h", stdout);
    fflush(stdout);
    g_own_sgr = 1;
}

void mouse_stop(void)
{
    if (!g_on)
        return;
    if (g_own_sgr) {
        fputs("\033[?1006l\033[?1000l", stdout);
        fflush(stdout);
    }
    mousemask(0, NULL);
    g_on = 0;
}

static void press(mouse_ev *ev, int y, int x)
{
    long long t = (long long)util_now_ms();
    int dbl = g_last_ms >= 0 && t - g_last_ms <= MOUSE_DOUBLE_MS && y == g_last_y && x == g_last_x;
    ev->kind = dbl ? MOUSE_DOUBLE : MOUSE_CLICK;
    ev->y = y;
    ev->x = x;
    g_last_ms = dbl ? -1 : t;         /* a third press starts again */
    g_last_y = y;
    g_last_x = x;
}

/* The rest of "\033[<b;x;yM" (or ...m for a release). */
static void read_sgr(mouse_ev *ev)
{
    int v[3] = {0, 0, 0}, k = 0, end = 0;
    wtimeout(stdscr, 50);
    for (int i = 0; i < 24 && !end; i++) {
        wint_t c;
        int rc = wget_wch(stdscr, &c);
        if (rc == ERR || rc == KEY_CODE_YES)
            break;
        if (c >= '0' && c <= '9' && v[k] < 100000)
            v[k] = v[k] * 10 + (int)(c - '0');
        else if (c == ';' && k < 2)
            k++;
        else if (c == 'M' || c == 'm')
            end = (int)c;
        else
            break;
    }
    wtimeout(stdscr, -1);
    if (end != 'M' || k != 2 || (v[0] & 32))
        return;                       /* a release, a motion or something broken */
    int b = v[0] & ~(4 | 8 | 16);      /* shift, meta, control */
    if (b == 0)
        press(ev, v[2] - 1, v[1] - 1);
    else if (b == 64 || b == 65) {
        ev->kind = b == 64 ? MOUSE_WHEEL_UP : MOUSE_WHEEL_DOWN;
        ev->y = v[2] - 1;
        ev->x = v[1] - 1;
    }
}

int mouse_key(int rc, wint_t ch, mouse_ev *ev)
{
    mouse_ev dummy;
    if (!ev)
        ev = &dummy;
    memset(ev, 0, sizeof *ev);
    if (rc != KEY_CODE_YES || (ch != KEY_MOUSE && ch != KEY_SGR_MOUSE))
        return 0;
    if (ch == KEY_SGR_MOUSE) {
        read_sgr(ev);
        return 1;
    }
    MEVENT me;
    if (getmouse(&me) != OK)
        return 1;
    /* ncurses may give a press and a release, or (SGR) only one of them */
    if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
        press(ev, me.y, me.x);
        g_pressed = !(me.bstate & BUTTON1_CLICKED);
    } else if (me.bstate & BUTTON1_RELEASED) {
        if (!g_pressed)
            press(ev, me.y, me.x);
        g_pressed = 0;
    } else if (me.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        ev->kind = me.bstate & BUTTON4_PRESSED ? MOUSE_WHEEL_UP : MOUSE_WHEEL_DOWN;
        ev->y = me.y;
        ev->x = me.x;
    }
    return 1;
}
