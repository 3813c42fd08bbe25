/* conf.c — tolerant INI reading on top of iniparser, the message list and
 * the user's config.ini (see conf.h).
 *
 * iniparser 4.1 drops a whole file on one syntax error and knows no line
 * numbers once loaded, so each file is first scanned here with iniparser's
 * own line rules: every section and key line is recorded with its number,
 * and a line iniparser would reject is reported and blanked.  iniparser then
 * reads the file (or, when lines were blanked, a cleaned temporary copy with
 * the same line numbers) and remains the only source of values. */
#include "conf.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define INI_MAX_BYTES (64u * 1024u)
#define INI_MAX_LINE 1000          /* iniparser's line buffer is 1024 */

void msgs_add(ui_msgs *m, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    vsnprintf(s, n > 0 ? (size_t)n + 1 : 1, fmt, ap2);
    va_end(ap2);
    m->v = xrealloc(m->v, (size_t)(m->n + 1) * sizeof *m->v);
    m->v[m->n++] = s;
}

void msgs_free(ui_msgs *m)
{
    for (int i = 0; i < m->n; i++)
        free(m->v[i]);
    free(m->v);
    m->v = NULL;
    m->n = 0;
}

/* ---- scanning --------------------------------------------------------- */

static char *strip(char *s, char *end)
{
    while (s < end && isspace((unsigned char)*s))
        s++;
    while (end > s && isspace((unsigned char)end[-1]))
        end--;
    *end = '\0';
    return s;
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static void add_entry(ini_file *f, const char *section, const char *key, int line)
{
    f->e = xrealloc(f->e, (size_t)(f->n + 1) * sizeof *f->e);
    ini_entry *e = &f->e[f->n++];
    e->section = xstrdup(section);
    e->key = key ? xstrdup(key) : NULL;
    e->line = line;
    if (e->key)
        lower(e->key);
    lower(e->section);
}

/* Classifies one line the way iniparser_line() does.  Returns NULL when the
 * line is fine (recording it), else a Chinese reason. */
static const char *scan_line(ini_file *f, char *line, size_t len, int lineno, char **section)
{
    if (memchr(line, '\0', len))
        return "行内含有 NUL 字符";
    if (len > INI_MAX_LINE)
        return "行太长";
    if (!utf8_valid(line, len))
        return "不是有效的 UTF-8";
    char *s = strip(line, line + len);
    size_t n = strlen(s);
    if (n == 0 || s[0] == ';' || s[0] == '#')
        return NULL;
    if (s[n - 1] == '\\')
        return "不支持以反斜杠续行";
    if (s[0] == '[') {
        if (s[n - 1] != ']')
            return "节名缺少 ]";
        s[n - 1] = '\0';
        free(*section);
        *section = xstrdup(strip(s + 1, s + n - 1));
        lower(*section);
        add_entry(f, *section, NULL, lineno);
        return NULL;
    }
    char *eq = strchr(s, '=');
    if (!eq)
        return "应为「键 = 值」或「[节名]」";
    char *key = strip(s, eq);
    if (!*key)
        return "等号前缺少键名";
    if (!**section)
        return "键不在任何 [节] 之内";
    add_entry(f, *section, key, lineno);
    return NULL;
}

/* Scans buf into `clean`, where each bad line is left empty (so line
 * numbers stay); returns the number of bad lines. */
static int scan(ini_file *f, const char *buf, size_t len, sbuf *clean, ui_msgs *m)
{
    int bad = 0, lineno = 0;
    char *section = xstrdup("");
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t ll = nl ? (size_t)(nl - (buf + i)) : len - i;
        lineno++;
        char *copy = xmalloc(ll + 1);
        memcpy(copy, buf + i, ll);
        copy[ll] = '\0';
        const char *why = scan_line(f, copy, ll, lineno, &section);
        free(copy);
        if (why) {
            msgs_add(m, "%s:%d: %s，已跳过", f->path, lineno, why);
            bad++;
        } else {
            sbuf_add(clean, buf + i, ll);
        }
        sbuf_addc(clean, '\n');
        i += ll + 1;
    }
    free(section);
    return bad;
}

/* ---- loading through iniparser ---------------------------------------- */

static ui_msgs *g_errs;                    /* where iniparser's own complaints go */

static int on_iniparser_error(const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    for (char *p = tmp; *p; p++)
        if (*p == '\n')
            *p = ' ';
    if (g_errs)
        msgs_add(g_errs, "%s", tmp);
    return n;
}

static dictionary *load_dict(const char *path, ui_msgs *m)
{
    g_errs = m;
    iniparser_set_error_callback(on_iniparser_error);
    dictionary *d = iniparser_load(path);
    iniparser_set_error_callback(NULL);
    g_errs = NULL;
    return d;
}

static dictionary *load_cleaned(const char *buf, size_t len, const char *path, ui_msgs *m)
{
    const char *dir = getenv("TMPDIR");
    char *tmpl = xasprintf("%s/gkreview-ini-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmpl);
    dictionary *d = NULL;
    if (fd < 0) {
        msgs_add(m, "%s: 无法建立临时文件，整个文件未使用", path);
    } else {
        size_t off = 0;
        while (off < len) {
            ssize_t w = write(fd, buf + off, len - off);
            if (w <= 0)
                break;
            off += (size_t)w;
        }
        close(fd);
        if (off == len)
            d = load_dict(tmpl, m);
        unlink(tmpl);
    }
    free(tmpl);
    return d;
}

int ini_open(ini_file *f, const char *path, ui_msgs *m)
{
    memset(f, 0, sizeof *f);
    f->path = xstrdup(path);
    char *buf = NULL;
    size_t len = 0;
    const char *why = NULL;
    int e = util_read_file(path, INI_MAX_BYTES, &buf, &len, &why);
    if (e == ENOENT)
        return -1;
    if (e) {
        msgs_add(m, "%s: %s，未使用", path, why);
        return -2;
    }
    sbuf clean;
    sbuf_init(&clean);
    int bad = scan(f, buf, len, &clean, m);
    f->d = bad ? load_cleaned(clean.s, clean.len, path, m) : load_dict(path, m);
    sbuf_free(&clean);
    free(buf);
    if (!f->d)
        msgs_add(m, "%s: iniparser 无法读取此文件，未使用", path);
    return f->d ? 0 : -2;
}

void ini_close(ini_file *f)
{
    for (int i = 0; i < f->n; i++) {
        free(f->e[i].section);
        free(f->e[i].key);
    }
    free(f->e);
    free(f->path);
    if (f->d)
        iniparser_freedict(f->d);
    memset(f, 0, sizeof *f);
}

const char *ini_value(const ini_file *f, int i)
{
    if (!f->d || i < 0 || i >= f->n || !f->e[i].key)
        return NULL;
    char *k = xasprintf("%s:%s", f->e[i].section, f->e[i].key);
    const char *v = iniparser_getstring(f->d, k, NULL);
    free(k);
    return v;
}

/* ---- config.ini ---------------------------------------------------------- */

static char *config_path(void)
{
    const char *x = getenv("XDG_CONFIG_HOME");
    if (x && x[0] == '/')
        return xasprintf("%s/gkreview/config.ini", x);
    const char *h = getenv("HOME");
    if (h && *h)
        return xasprintf("%s/.config/gkreview/config.ini", h);
    return NULL;
}

static int valid_theme_name(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n > 64 || v[0] == '.')
        return 0;
    for (const char *p = v; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
            return 0;
    return 1;
}

static int valid_reviewer(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n > 64 || !utf8_valid(v, n))
        return 0;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return 0;
    return 1;
}

static void config_entry(ui_config *c, const ini_file *f, int i, ui_msgs *m)
{
    const ini_entry *e = &f->e[i];
    const char *v = ini_value(f, i);
    if (!e->key) {
        if (strcmp(e->section, "ui") && strcmp(e->section, "review") && strcmp(e->section, "rules"))
            msgs_add(m, "%s:%d: 未知的节 [%s]，已忽略", f->path, e->line, e->section);
        return;
    }
    if (!strcmp(e->section, "ui") && !strcmp(e->key, "theme")) {
        if (v && valid_theme_name(v)) {
            free(c->theme);
            c->theme = xstrdup(v);
        } else {
            msgs_add(m, "%s:%d: 主题名只能由字母、数字、- _ . 组成，已忽略", f->path, e->line);
        }
    } else if (!strcmp(e->section, "review") && !strcmp(e->key, "reviewer")) {
        char *why = v ? config_reviewer_invalid(v) : NULL;
        int good = v && !why;
        free(why);
        if (good) {
            free(c->reviewer);
            c->reviewer = xstrdup(v);
        } else {
            msgs_add(m, "%s:%d: 审核人姓名应为 1 到 64 字节的 UTF-8 文字（不能是 root），已忽略", f->path, e->line);
        }
    } else if (!strcmp(e->section, "ui") && !strcmp(e->key, "mouse")) {
        if (v && (!strcasecmp(v, "yes") || !strcasecmp(v, "on") || !strcmp(v, "1") || !strcasecmp(v, "true")))
            c->mouse = 1;
        else if (v && (!strcasecmp(v, "no") || !strcasecmp(v, "off") || !strcmp(v, "0") || !strcasecmp(v, "false")))
            c->mouse = 0;
        else
            msgs_add(m, "%s:%d: mouse 应为 yes 或 no，已忽略", f->path, e->line);
    } else if (!strcmp(e->section, "ui") || !strcmp(e->section, "review")) {
        msgs_add(m, "%s:%d: 未知的键 %s，已忽略", f->path, e->line, e->key);
    }
}

void config_load(ui_config *c, ui_msgs *m)
{
    memset(c, 0, sizeof *c);
    c->theme = xstrdup("default");
    c->mouse = 1;
    char *path = config_path();
    if (!path)
        return;
    ini_file f;
    c->want_path = xstrdup(path);
    if (ini_open(&f, path, m) == 0) {
        c->path = path;
        path = NULL;
        for (int i = 0; i < f.n; i++)
            config_entry(c, &f, i, m);
    }
    ini_close(&f);
    free(path);
}

void config_free(ui_config *c)
{
    free(c->path);
    free(c->want_path);
    free(c->theme);
    free(c->reviewer);
    memset(c, 0, sizeof *c);
}

/* ---- storing the reviewer's name ----------------------------------------------------------- */

char *config_reviewer_invalid(const char *name)
{
    if (!valid_reviewer(name))
        return xstrdup("姓名应为 1 到 64 字节的文字，不含控制字符");
    if (strpbrk(name, "\"\\"))
        return xstrdup("姓名中不能有引号或反斜杠");
    if (!strcmp(name, "root"))
        return xstrdup("不能以 root 署名：请写审核人本人的姓名");
    const char *s = name;
    while (*s == ' ')
        s++;
    if (!*s)
        return xstrdup("姓名不能为空");
    return NULL;
}

/* The config text with [review] reviewer set to name. */
static char *with_reviewer(const char *old, size_t len, const char *name)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "");
    char *line = xasprintf("reviewer = \"%s\"", name);
    int in_review = 0, done = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(old + i, '\n', len - i);
        size_t ll = nl ? (size_t)(nl - (old + i)) : len - i;
        char *copy = xstrndup(old + i, ll), *t = strip(copy, copy + ll);
        if (t[0] == '[') {
            if (in_review && !done) {          /* [review] without the key: add it at its end */
                sbuf_printf(&b, "%s\n", line);
                done = 1;
            }
            char *sec = xstrdup(t + 1), *close = strchr(sec, ']');
            char *inner = strip(sec, close ? close : sec + strlen(sec));
            lower(inner);
            in_review = !strcmp(inner, "review");
            free(sec);
        }
        char *eq = strchr(t, '=');
        int is_key = 0;
        if (in_review && eq && t[0] != ';' && t[0] != '#') {
            char *k = strip(t, eq);
            lower(k);
            is_key = !strcmp(k, "reviewer");
        }
        if (is_key && !done) {
            sbuf_printf(&b, "%s\n", line);
            done = 1;
        } else if (!is_key) {
            sbuf_add(&b, old + i, ll);
            sbuf_addc(&b, '\n');
        }
        free(copy);
        i += ll + 1;
    }
    if (in_review && !done) {
        sbuf_printf(&b, "%s\n", line);
        done = 1;
    }
    if (!done)
        sbuf_printf(&b, "%s[review]\n%s\n", b.len && b.s[b.len - 1] != '\n' ? "\n" : "", line);
    free(line);
    return sbuf_steal(&b);
}

static int mkdirs(const char *dir)
{
    char *p = xstrdup(dir);
    int rc = 0;
    for (char *s = p + 1; *s && !rc; s++)
        if (*s == '/') {
            *s = '\0';
            rc = mkdir(p, 0700) != 0 && errno != EEXIST;
            *s = '/';
        }
    rc = rc || (mkdir(p, 0700) != 0 && errno != EEXIST);
    free(p);
    return rc ? -1 : 0;
}

static int write_atomic(const char *path, const char *text, size_t len)
{
    char *dir = xstrdup(path);
    *strrchr(dir, '/') = '\0';
    char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    int rc = -1, fd = -1;
    if (mkdirs(dir) == 0 && (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) >= 0) {
        size_t off = 0;
        while (off < len) {
            ssize_t w = write(fd, text + off, len - off);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                break;
            off += (size_t)w;
        }
        if (off == len && fsync(fd) == 0 && close(fd) == 0) {
            fd = -1;
            rc = rename(tmp, path) == 0 ? 0 : -1;
        }
    }
    int e = errno;
    if (fd >= 0)
        close(fd);
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    free(dir);
    errno = e;
    return rc;
}

int config_set_reviewer(ui_config *c, const char *name, char **err)
{
    *err = NULL;
    free(c->reviewer);
    c->reviewer = xstrdup(name);
    const char *path = c->path ? c->path : c->want_path;
    if (!path) {
        *err = xstrdup("没有配置文件的位置（未设置 XDG_CONFIG_HOME 和 HOME），姓名只用于本次");
        return -1;
    }
    char *buf = NULL;
    size_t len = 0;
    const char *why = NULL;
    int e = util_read_file(path, INI_MAX_BYTES, &buf, &len, &why);
    if (e && e != ENOENT) {
        *err = xasprintf("无法读取 %s（%s），姓名只用于本次", path, why);
        return -1;
    }
    char *text = with_reviewer(buf ? buf : "", e ? 0 : len, name);
    free(buf);
    int rc = write_atomic(path, text, strlen(text));
    free(text);
    if (rc != 0) {
        *err = xasprintf("无法写入 %s（%s），姓名只用于本次", path, strerror(errno));
        return -1;
    }
    if (!c->path)
        c->path = xstrdup(path);
    return 0;
}
