/* recover.c — the recovery file of a review session (see recover.h).
 *
 * Format, one record a line, fields separated by one space, each field
 * percent-encoded (bytes up to space, '%' and DEL as %XX; "-" stands for
 * no value, a real "-" is written %2D):
 *
 *   gkreview-recover 1
 *   report /abs/path/of/report.txt
 *   when 2026-05-01T16:30:00+08:00
 *   op KIND RULE CELL TEXT STATE
 */
#include "recover.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAGIC "gkreview-recover 1"
#define MAX_BYTES (8u * 1024u * 1024u)

static char *state_dir(void)
{
    const char *x = getenv("XDG_STATE_HOME");
    if (x && x[0] == '/')
        return xasprintf("%s/gkreview", x);
    const char *h = getenv("HOME");
    if (h && h[0] == '/')
        return xasprintf("%s/.local/state/gkreview", h);
    return NULL;
}

static char *absolute(const char *path)
{
    char buf[PATH_MAX];
    if (realpath(path, buf))
        return xstrdup(buf);
    if (path[0] == '/' || !getcwd(buf, sizeof buf))
        return xstrdup(path);
    return xasprintf("%s/%s", buf, path);
}

char *recover_path(const char *report_path)
{
    char *dir = state_dir();
    if (!dir)
        return NULL;
    char *abs = absolute(report_path);
    struct sha256_ctx c;
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, strlen(abs), (const unsigned char *)abs);
    sha256_digest(&c, sizeof d, d);
    char hex[33];
    for (int i = 0; i < 16; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    const char *base = strrchr(abs, '/');
    base = base ? base + 1 : abs;
    /* the report's name (tamed) helps a person who looks in the folder */
    char name[41];
    size_t k = 0;
    for (const unsigned char *s = (const unsigned char *)base; *s && k < sizeof name - 1; s++)
        name[k++] = (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                            *s == '.' || *s == '_' || *s == '-' ? (char)*s : '_';
    name[k] = '\0';
    char *p = xasprintf("%s/%s-%s.recover", dir, hex, name);
    free(abs);
    free(dir);
    return p;
}

void recover_add(recover_data *d, char kind, const char *rule, const char *cell, const char *text, int state)
{
    d->ops = xrealloc(d->ops, (size_t)(d->nops + 1) * sizeof *d->ops);
    recover_op *o = &d->ops[d->nops++];
    o->kind = kind;
    o->rule = rule ? xstrdup(rule) : NULL;
    o->cell = cell ? xstrdup(cell) : NULL;
    o->text = text ? xstrdup(text) : NULL;
    o->state = state;
}

void recover_data_free(recover_data *d)
{
    for (int i = 0; i < d->nops; i++) {
        free(d->ops[i].rule);
        free(d->ops[i].cell);
        free(d->ops[i].text);
    }
    free(d->ops);
    free(d->report);
    free(d->when);
    memset(d, 0, sizeof *d);
}

const char *recover_now(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    char z[8];
    if (!localtime_r(&t, &tm) || !strftime(buf, n, "%Y-%m-%dT%H:%M:%S", &tm) || !strftime(z, sizeof z, "%z", &tm)) {
        if (n)
            buf[0] = '\0';
        return buf;
    }
    size_t len = strlen(buf);
    if (strlen(z) == 5)                       /* +0800 -> +08:00 */
        snprintf(buf + len, n - len, "%.3s:%s", z, z + 3);
    return buf;
}

/* ---- encoding ------------------------------------------------------------------------ */

static void put_field(sbuf *b, const char *s)
{
    sbuf_addc(b, ' ');
    if (!s) {
        sbuf_addc(b, '-');
        return;
    }
    if (!strcmp(s, "-")) {
        sbuf_adds(b, "%2D");
        return;
    }
    if (!*s) {
        sbuf_adds(b, "%00");                  /* the empty string: a field is never empty */
        return;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p <= 0x20 || *p == '%' || *p == 0x7f)
            sbuf_printf(b, "%%%02X", *p);
        else
            sbuf_addc(b, (char)*p);
    }
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes one field in place; NULL for "-". *bad is set on a broken escape. */
static char *get_field(char *s, int *bad)
{
    if (!strcmp(s, "-"))
        return NULL;
    if (!strcmp(s, "%00"))
        return xstrdup("");
    char *out = xmalloc(strlen(s) + 1), *o = out;
    for (char *p = s; *p; p++) {
        if (*p != '%') {
            *o++ = *p;
            continue;
        }
        int h = hexval(p[1]), l = h >= 0 ? hexval(p[2]) : -1;
        if (h < 0 || l < 0 || (h == 0 && l == 0)) {
            *bad = 1;
            break;
        }
        *o++ = (char)(h * 16 + l);
        p += 2;
    }
    *o = '\0';
    return out;
}

/* ---- writing ------------------------------------------------------------------------ */

static int mkdirs(const char *dir)
{
    char *p = xstrdup(dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0700) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

int recover_write(const char *report_path, const recover_data *d, char **err)
{
    *err = NULL;
    char *path = recover_path(report_path);
    if (!path) {
        *err = xstrdup("没有可写恢复文件的目录（未设置 XDG_STATE_HOME 和 HOME）");
        return -1;
    }
    char *dir = xstrdup(path);
    *strrchr(dir, '/') = '\0';
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, MAGIC "\nreport");
    char *abs = absolute(report_path);
    put_field(&b, abs);
    free(abs);
    sbuf_adds(&b, "\nwhen");
    put_field(&b, d->when);
    sbuf_addc(&b, '\n');
    for (int i = 0; i < d->nops; i++) {
        const recover_op *o = &d->ops[i];
        char k[2] = {o->kind, 0}, st[16];
        snprintf(st, sizeof st, "%d", o->state);
        sbuf_adds(&b, "op");
        put_field(&b, k);
        put_field(&b, o->rule);
        put_field(&b, o->cell);
        put_field(&b, o->text);
        put_field(&b, st);
        sbuf_addc(&b, '\n');
    }
    char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    int rc = -1, fd = -1;
    if (mkdirs(dir) == 0 && (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) >= 0 &&
        write_all(fd, b.s, b.len) == 0 && fsync(fd) == 0) {
        close(fd);
        fd = -1;
        if (rename(tmp, path) == 0) {
            rc = 0;
            int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (dfd >= 0) {
                (void)fsync(dfd);
                close(dfd);
            }
        }
    }
    if (rc != 0) {
        *err = xasprintf("无法写入恢复文件 %s：%s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        unlink(tmp);
    }
    free(tmp);
    sbuf_free(&b);
    free(dir);
    free(path);
    return rc;
}

/* ---- reading ------------------------------------------------------------------------ */

/* Splits line into at most max fields at single spaces; returns the count. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    for (char *s = line; s && n < max;) {
        f[n++] = s;
        s = strchr(s, ' ');
        if (s)
            *s++ = '\0';
    }
    return n;
}

static int parse_line(recover_data *d, char *line, int lineno)
{
    char *f[7];
    int n = split(line, f, 7), bad = 0;
    if (lineno == 1)
        return n == 2 && !strcmp(f[0], "gkreview-recover") && !strcmp(f[1], "1") ? 0 : -1;
    if (n == 2 && !strcmp(f[0], "report") && !d->report) {
        d->report = get_field(f[1], &bad);
        return bad ? -1 : 0;
    }
    if (n == 2 && !strcmp(f[0], "when") && !d->when) {
        d->when = get_field(f[1], &bad);
        return bad ? -1 : 0;
    }
    if (n != 6 || strcmp(f[0], "op") || strlen(f[1]) != 1 || !strchr("CcNnDdS", f[1][0]))
        return -1;
    char *rule = get_field(f[2], &bad), *cell = get_field(f[3], &bad), *text = get_field(f[4], &bad);
    char *end = NULL;
    long st = strtol(f[5], &end, 10);
    char k = f[1][0];
    bad |= !end || *end || st < 0 || st > 2 || ((k == 'D' || k == 'd') && !rule) || ((k == 'C' || k == 'c') && !cell) ||
           ((k == 'C' || k == 'N' || k == 'D') && !text);
    if (!bad)
        recover_add(d, k, rule, cell, text, (int)st);
    free(rule);
    free(cell);
    free(text);
    return bad ? -1 : 0;
}

int recover_read(const char *report_path, recover_data *d)
{
    memset(d, 0, sizeof *d);
    char *path = recover_path(report_path);
    if (!path)
        return 0;
    char *buf = NULL;
    size_t len = 0;
    const char *why = NULL;
    int e = util_read_file(path, MAX_BYTES, &buf, &len, &why);
    free(path);
    if (e == ENOENT)
        return 0;
    if (e)
        return -1;
    int rc = memchr(buf, '\0', len) ? -1 : 0, lineno = 0;
    for (char *s = buf; rc == 0 && s < buf + len;) {
        char *nl = memchr(s, '\n', (size_t)(buf + len - s));
        if (!nl) {
            rc = -1;                          /* cut short: not written by recover_write */
            break;
        }
        *nl = '\0';
        rc = parse_line(d, s, ++lineno);
        s = nl + 1;
    }
    free(buf);
    if (rc == 0 && (!d->report || !d->when))
        rc = -1;
    if (rc != 0) {
        recover_data_free(d);
        return -1;
    }
    return 1;
}

void recover_remove(const char *report_path)
{
    char *path = recover_path(report_path);
    if (path)
        unlink(path);
    free(path);
}
