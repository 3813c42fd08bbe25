/* sig.c — the review screen's signal handlers (see sig.h). */
#include "sig.h"

#include <curses.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t g_ending, g_interrupt;

static void on_signal(int sig)
{
    if (sig == SIGINT)
        g_interrupt = 1;
    else
        g_ending = sig;
}

void sig_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;                 /* no SA_RESTART: a blocked read returns */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int sig_ending(void)
{
    return g_ending;
}

int sig_take_interrupt(void)
{
    if (!g_interrupt)
        return 0;
    g_interrupt = 0;
    return 1;
}

void sig_ctrl_c_as_key(void)
{
    struct termios tio;
    if (tcgetattr(STDIN_FILENO, &tio) != 0)
        return;
    tio.c_cc[VINTR] = _POSIX_VDISABLE;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &tio) == 0)
        def_prog_mode();
}
