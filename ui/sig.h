/* sig.h — signals of the review screen.  SIGHUP (the connection dropped)
 * and SIGTERM end the program cleanly: the handler only records the signal,
 * a blocked read returns, and the input loop (or a prompt) sees it, closes
 * the screen and exits; the unsaved work is already in the recovery file
 * (recover.h).  SIGINT from outside is taken like Ctrl-C pressed at the
 * keyboard (which, with the terminal's interrupt character switched off,
 * arrives as a key): the program asks, as for q. */
#ifndef GK_UI_SIG_H
#define GK_UI_SIG_H

/* Installs the handlers (after the screen started: ncurses installs its own). */
void sig_install(void);
/* SIGHUP or SIGTERM received (its number), else 0. */
int sig_ending(void);
/* 1 once after each SIGINT. */
int sig_take_interrupt(void);
/* The terminal's interrupt character off, so Ctrl-C is a key (the program
 * mode ncurses restores keeps it off; endwin gives the shell its own back). */
void sig_ctrl_c_as_key(void);

#endif
