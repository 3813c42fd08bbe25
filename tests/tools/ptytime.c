/* ptytime.c — times a full-screen program in a pseudo-terminal, as a user sees it.
 *
 *   ptytime [-c COLS] [-l LINES] [-t TIMEOUT] [-Q QUIET_MS] [-n NEEDLE]... [-k KEY | -1 KEY]...
 *           [-r REPEAT] [-x QUIT] -- CMD [ARG...]
 *
 * Starts CMD under forkpty() with TERM=xterm-256color in a COLS x LINES window (80 x 24)
 * and reads everything it draws.  The screen text is the output with escape sequences
 * removed.  Measured, from the start of CMD:
 *   first_output_s   the first byte drawn
 *   needle_s         the first time the screen text holds one of the NEEDLEs (a string
 *                    known to be on the first screen, e.g. a report's body name)
 *   settle_s         the last byte before the output went quiet for QUIET_MS (300)
 * then, in order, each -k KEY (default "j") is sent REPEAT times (5) and each -1 KEY once,
 * every press once the screen is quiet again, and one line per key
 * "key KEY presses=N first_ms=F settle_ms=S" gives the median time from the key to the
 * first byte drawn in reply (F) and to the last byte of the reply (S); control characters
 * are shown as ^X (Enter is ^M)
 * then QUIT (default "q") is sent; a program still running 3 s later is sent SIGTERM,
 * then SIGKILL.  Output: key=value lines on stdout, among them exited_early=1 and
 * status=N when CMD ended before it drew a needle (for example a build without a review
 * screen), and text= the last 300 bytes of screen text on one line. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAXNEEDLES 64
#define MAXKEYS 8

static int master = -1;
static pid_t child = -1;
static int child_done, child_status;
static double t0;

static char *text;            /* screen text, escape sequences removed */
static size_t ntext, captext;
static int esc_state;         /* 0 text, 1 after ESC, 2 CSI, 3 OSC/DCS string, 4 ESC in string */
static long long nbytes;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void text_add(char c)
{
    if (ntext + 2 > captext) {
        captext = captext ? captext * 2 : 65536;
        text = realloc(text, captext);
        if (!text) {
            perror("realloc");
            exit(2);
        }
    }
    text[ntext++] = c;
    text[ntext] = '\0';
}

static void feed(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        switch (esc_state) {
        case 0:
            if (c == 0x1B)
                esc_state = 1;
            else if (c == '\r' || c == '\n')
                text_add('\n');
            else if (c >= 0x20 || c == '\t')
                text_add((char)c);
            break;
        case 1:
            if (c == '[')
                esc_state = 2;
            else if (c == ']' || c == 'P' || c == '_' || c == '^')
                esc_state = 3;
            else if (c == '(' || c == ')' || c == '*' || c == '+' || c == '#')
                esc_state = 5;    /* one more byte follows */
            else
                esc_state = 0;
            break;
        case 2:
            if (c >= 0x40 && c <= 0x7E)
                esc_state = 0;
            break;
        case 3:
            if (c == 0x07)
                esc_state = 0;
            else if (c == 0x1B)
                esc_state = 4;
            break;
        case 4:
            esc_state = c == '\\' ? 0 : 3;
            break;
        case 5:
            esc_state = 0;
            break;
        default:
            esc_state = 0;
            break;
        }
    }
}

static void reap(void)
{
    if (child_done || child < 0)
        return;
    int st;
    pid_t r = waitpid(child, &st, WNOHANG);
    if (r == child) {
        child_done = 1;
        child_status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
    }
}

/* Reads what is there within `wait_ms`; returns bytes read, 0 on timeout, -1 at EOF. */
static long pump(int wait_ms, double *last)
{
    struct pollfd pfd = {master, POLLIN, 0};
    int r = poll(&pfd, 1, wait_ms);
    if (r < 0)
        return errno == EINTR ? 0 : -1;
    if (r == 0)
        return 0;
    char buf[65536];
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) {
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return 0;
        return -1;                 /* EIO: the child closed the terminal */
    }
    *last = now();
    nbytes += n;
    feed(buf, (size_t)n);
    return (long)n;
}

/* Waits until the output has been quiet for quiet_ms, at most limit_s; returns the time
 * of the last byte (or `since` when nothing came). */
static double settle(int quiet_ms, double limit_s, double since, int *eof)
{
    double last = since, deadline = now() + limit_s;
    for (;;) {
        double before = last;
        long r = pump(quiet_ms, &last);
        if (r < 0) {
            *eof = 1;
            return last;
        }
        if (r == 0 && last == before)
            return last;
        if (now() > deadline)
            return last;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void usage(void)
{
    fputs("usage: ptytime [-c COLS] [-l LINES] [-t TIMEOUT] [-Q QUIET_MS] [-n NEEDLE]... [-k KEY | -1 KEY]... [-r REPEAT] "
          "[-x QUIT] -- CMD [ARG...]\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    int cols = 80, lines = 24, quiet = 300, repeat = 5;
    double timeout = 60;
    const char *needles[MAXNEEDLES], *keys[MAXKEYS], *quit = "q";
    int nneedles = 0, nkeys = 0, once[MAXKEYS] = {0}, i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (i + 1 >= argc)
            usage();
        if (!strcmp(a, "-c"))
            cols = atoi(argv[++i]);
        else if (!strcmp(a, "-l"))
            lines = atoi(argv[++i]);
        else if (!strcmp(a, "-t"))
            timeout = atof(argv[++i]);
        else if (!strcmp(a, "-Q"))
            quiet = atoi(argv[++i]);
        else if (!strcmp(a, "-n") && nneedles < MAXNEEDLES)
            needles[nneedles++] = argv[++i];
        else if (!strcmp(a, "-k") && nkeys < MAXKEYS)
            keys[nkeys++] = argv[++i];
        else if (!strcmp(a, "-1") && nkeys < MAXKEYS)
            once[nkeys] = 1, keys[nkeys++] = argv[++i];
        else if (!strcmp(a, "-r"))
            repeat = atoi(argv[++i]);
        else if (!strcmp(a, "-x"))
            quit = argv[++i];
        else
            usage();
    }
    if (i >= argc || repeat < 0 || repeat > 100)
        usage();
    if (nkeys == 0)
        keys[nkeys++] = "j";

    struct winsize ws = {0};
    ws.ws_col = (unsigned short)cols;
    ws.ws_row = (unsigned short)lines;
    t0 = now();
    child = forkpty(&master, NULL, NULL, &ws);
    if (child < 0) {
        perror("forkpty");
        return 2;
    }
    if (child == 0) {
        setenv("TERM", "xterm-256color", 1);
        unsetenv("LINES");
        unsetenv("COLUMNS");
        execvp(argv[i], argv + i);
        fprintf(stderr, "ptytime: %s: %s\n", argv[i], strerror(errno));
        _exit(127);
    }

    double first = -1, found = -1, last = t0;
    const char *which = NULL;
    int eof = 0;
    size_t scanned = 0;
    while (found < 0 && !eof && now() - t0 < timeout) {
        long r = pump(100, &last);
        if (r < 0) {
            eof = 1;
            break;
        }
        if (r > 0 && first < 0)
            first = last;
        for (int k = 0; k < nneedles && found < 0; k++) {
            size_t nl = strlen(needles[k]);
            size_t from = scanned > nl ? scanned - nl : 0;
            if (ntext > from && strstr(text + from, needles[k])) {
                found = last;
                which = needles[k];
            }
        }
        scanned = ntext;
    }
    double settled = -1;
    if (!eof && first >= 0)
        settled = settle(quiet, 30, found >= 0 ? found : first, &eof);

    /* each key, REPEAT times, every press once the screen is quiet again */
    double kf[MAXKEYS][100], ks[MAXKEYS][100];
    int presses[MAXKEYS] = {0};
    for (int k = 0; k < nkeys && !eof && found >= 0; k++) {
        for (int p = 0; p < (once[k] ? 1 : repeat) && !eof; p++) {
            double sent = now();
            if (write(master, keys[k], strlen(keys[k])) < 0)
                break;
            double got = -1, lastk = sent;
            while (got < 0 && now() - sent < 5) {
                long r = pump(50, &lastk);
                if (r < 0) {
                    eof = 1;
                    break;
                }
                if (r > 0)
                    got = lastk;
            }
            if (got < 0)
                break;             /* nothing redrawn: the key changed nothing */
            double end = settle(quiet, 10, lastk, &eof);
            kf[k][presses[k]] = (got - sent) * 1000;
            ks[k][presses[k]] = (end - sent) * 1000;
            presses[k]++;
        }
    }

    /* leave: the quit key, then signals to the child started here */
    int early = eof && found < 0;
    if (!eof) {
        if (write(master, quit, strlen(quit)) < 0) {
            /* the terminal is gone; the signals below end the child */
        }
        double deadline = now() + 3;
        while (!eof && now() < deadline) {
            if (pump(100, &last) < 0)
                eof = 1;
            reap();
            if (child_done)
                break;
        }
    }
    for (int tries = 0; tries < 30 && !child_done; tries++) {
        reap();
        if (child_done)
            break;
        if (tries == 10)
            kill(child, SIGTERM);
        if (tries == 20)
            kill(child, SIGKILL);
        usleep(100000);
    }
    if (!child_done) {
        int st;
        waitpid(child, &st, 0);
        child_done = 1;
        child_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    }
    close(master);

    printf("bytes=%lld\n", nbytes);
    printf("first_output_s=%.4f\n", first >= 0 ? first - t0 : -1.0);
    printf("needle_s=%.4f\n", found >= 0 ? found - t0 : -1.0);
    printf("needle=%s\n", which ? which : "");
    printf("settle_s=%.4f\n", settled >= 0 ? settled - t0 : -1.0);
    for (int k = 0; k < nkeys; k++) {
        char name[32];
        size_t m = 0;
        for (const char *c = keys[k]; *c && m + 3 < sizeof name; c++) {
            if ((unsigned char)*c < 0x20) {
                name[m++] = '^';
                name[m++] = (char)(*c + '@');
            } else {
                name[m++] = *c;
            }
        }
        name[m] = '\0';
        if (presses[k]) {
            qsort(kf[k], (size_t)presses[k], sizeof kf[k][0], cmp_double);
            qsort(ks[k], (size_t)presses[k], sizeof ks[k][0], cmp_double);
            printf("key %s presses=%d first_ms=%.2f settle_ms=%.2f\n", name, presses[k], kf[k][presses[k] / 2],
                   ks[k][presses[k] / 2]);
        } else {
            printf("key %s presses=0 first_ms=-1 settle_ms=-1\n", name);
        }
    }
    printf("exited_early=%d\nstatus=%d\n", early, child_status);
    size_t from = ntext > 300 ? ntext - 300 : 0;
    while (from < ntext && ((unsigned char)text[from] & 0xC0) == 0x80)
        from++;                    /* start on a character */
    printf("text=");
    for (size_t k = from; k < ntext; k++)
        putchar(text[k] == '\n' ? ' ' : text[k]);
    putchar('\n');
    free(text);
    return 0;
}
