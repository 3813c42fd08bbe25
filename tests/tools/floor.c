/* floor.c — the floor under `gkreview check`: the time to merely read every report and
 * decode it to UTF-8, and nothing else (no parsing, no rules, no output).
 *
 *   floor PATH...
 *
 * Walks directories recursively and takes the files `gkreview` would take (.txt .md
 * .html .htm .text; files named directly whatever their name).  Each file is read whole
 * and decoded the way a report is: a UTF-8 BOM is skipped, a UTF-16 BOM (FF FE / FE FF)
 * goes through iconv, valid UTF-8 is only validated, anything else goes through iconv
 * from GB18030.  Prints one line:
 *   files=N bytes=B seconds=S utf8=N gb18030=N utf16=N failed=N */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char *in, *out;
static size_t in_cap, out_cap;
static long files, nutf8, ngb, nu16, failed;
static long long bytes;
static iconv_t cd_gb = (iconv_t)-1, cd_le = (iconv_t)-1, cd_be = (iconv_t)-1;
static volatile unsigned sink;

static int utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* eight ASCII bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int len;
        unsigned cp, min;
        if ((c & 0xE0) == 0xC0)
            len = 2, cp = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0)
            len = 3, cp = c & 0x0F, min = 0x800;
        else if ((c & 0xF8) == 0xF0)
            len = 4, cp = c & 0x07, min = 0x10000;
        else
            return 0;
        if (i + (size_t)len > n)
            return 0;
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += (size_t)len;
    }
    return 1;
}

static int convert(iconv_t *cd, const char *from, char *src, size_t n)
{
    if (*cd == (iconv_t)-1) {
        *cd = iconv_open("UTF-8", from);
        if (*cd == (iconv_t)-1) {
            perror("iconv_open");
            exit(2);
        }
    }
    iconv(*cd, NULL, NULL, NULL, NULL);
    if (out_cap < n * 2 + 16) {
        out_cap = n * 2 + 16;
        out = realloc(out, out_cap);
        if (!out) {
            perror("realloc");
            exit(2);
        }
    }
    char *ip = src, *op = out;
    size_t il = n, ol = out_cap;
    if (iconv(*cd, &ip, &il, &op, &ol) == (size_t)-1)
        return 0;
    sink += (unsigned)(op - out);
    return 1;
}

static void one_file(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        failed++;
        return;
    }
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        close(fd);
        failed++;
        return;
    }
    size_t want = (size_t)st.st_size + 1, n = 0;
    if (in_cap < want) {
        in_cap = want * 2;
        in = realloc(in, in_cap);
        if (!in) {
            perror("realloc");
            exit(2);
        }
    }
    for (;;) {
        if (n == in_cap) {
            in_cap *= 2;
            in = realloc(in, in_cap);
            if (!in) {
                perror("realloc");
                exit(2);
            }
        }
        ssize_t r = read(fd, in + n, in_cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    files++;
    bytes += (long long)n;
    unsigned char *u = (unsigned char *)in;
    int ok;
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        ok = convert(&cd_le, "UTF-16LE", in + 2, n - 2);
        nu16++;
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        ok = convert(&cd_be, "UTF-16BE", in + 2, n - 2);
        nu16++;
    } else if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        ok = utf8_valid(u + 3, n - 3);
        nutf8++;
    } else if (utf8_valid(u, n)) {
        ok = 1;
        nutf8++;
    } else {
        ok = convert(&cd_gb, "GB18030", in, n);
        ngb++;
    }
    if (!ok)
        failed++;
}

static int report_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    return !strcmp(dot, ".txt") || !strcmp(dot, ".md") || !strcmp(dot, ".html") || !strcmp(dot, ".htm") ||
           !strcmp(dot, ".text");
}

static void walk(const char *path, int top)
{
    struct stat st;
    if (lstat(path, &st))
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d)
            return;
        struct dirent *e;
        char sub[4096];
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= (int)sizeof sub)
                continue;
            walk(sub, 0);
        }
        closedir(d);
    } else if (S_ISREG(st.st_mode) && (top || report_name(path))) {
        one_file(path);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: floor PATH...\n", stderr);
        return 2;
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 1; i < argc; i++)
        walk(argv[i], 1);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    printf("files=%ld bytes=%lld seconds=%.6f utf8=%ld gb18030=%ld utf16=%ld failed=%ld\n", files, bytes, secs, nutf8,
           ngb, nu16, failed);
    if (cd_gb != (iconv_t)-1)
        iconv_close(cd_gb);
    if (cd_le != (iconv_t)-1)
        iconv_close(cd_le);
    if (cd_be != (iconv_t)-1)
        iconv_close(cd_be);
    free(in);
    free(out);
    return failed ? 1 : 0;
}
