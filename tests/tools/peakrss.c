/* peakrss.c — runs a command, then reports its wall time and peak resident memory.
 *
 *   peakrss [-o FILE] CMD [ARG...]
 *
 * Writes one line "wall_s=S cpu_s=C maxrss_kb=K status=N" to FILE (default stderr): the
 * wall time from fork to exit, the CPU time (user + system) and the peak resident set size
 * of the command and everything it waited for (getrusage RUSAGE_CHILDREN; ru_maxrss is in
 * kB on Linux) and its exit status (128+signal when killed).  Exits with the command's
 * status. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *outfile = NULL;
    int i = 1;
    if (i + 1 < argc && !strcmp(argv[i], "-o")) {
        outfile = argv[i + 1];
        i += 2;
    }
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    if (i >= argc) {
        fputs("usage: peakrss [-o FILE] CMD [ARG...]\n", stderr);
        return 2;
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[i], argv + i);
        fprintf(stderr, "peakrss: %s: %s\n", argv[i], strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) {
            perror("waitpid");
            return 2;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    int status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
    double wall = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    FILE *f = outfile ? fopen(outfile, "w") : stderr;
    if (!f) {
        perror(outfile);
        return 2;
    }
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
                 (double)ru.ru_stime.tv_usec / 1e6;
    fprintf(f, "wall_s=%.6f cpu_s=%.6f maxrss_kb=%ld status=%d\n", wall, cpu, (long)ru.ru_maxrss, status);
    if (outfile)
        fclose(f);
    return status;
}
