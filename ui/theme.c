/* theme.c — colour themes: the element table, parsing "fg,bg[,attr...]"
 * values from the theme INI files, the theme search path, monochrome fallback
 * (NO_COLOR, terminals without colour) and the colour pairs.  Owns the
 * process's current theme. */
#include "theme.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#ifndef GK_THEMEDIR
#define GK_THEMEDIR "/usr/local/share/gkreview/themes"
#endif

typedef struct {
    short fg, bg;      /* -1 = terminal default */
    attr_t attr;
} theme_spec;

/* Element names and the built-in colour and monochrome defaults; the
 * shipped themes/default.ini and themes/mono.ini say the same. */
static const struct {
    const char *name;
    const char *color;
    const char *mono;
} ELEMENTS[EL_COUNT] = {
    [EL_NORMAL] = {"normal", "default,default", "default,default"},
    [EL_ERROR] = {"error", "red,default,bold", "default,default,bold,underline"},
    [EL_WARNING] = {"warning", "yellow,default", "default,default,underline"},
    [EL_INFERRED] = {"inferred", "cyan,default", "default,default"},
    [EL_BLANK] = {"blank", "magenta,default", "default,default,dim"},
    [EL_CORRECTED] = {"corrected", "green,default,bold", "default,default,bold"},
    [EL_DISMISSED] = {"dismissed", "default,default,dim", "default,default,dim"},
    [EL_SELECTED] = {"selected", "black,yellow", "default,default,reverse"},
    [EL_STATUS] = {"status", "white,blue", "default,default,reverse"},
    [EL_HEADER] = {"header", "black,cyan", "default,default,bold,reverse"},
    [EL_LINENR] = {"linenr", "yellow,default", "default,default,dim"},
    [EL_SOURCE_HL] = {"source_hl", "white,blue,bold", "default,default,bold,reverse"},
    [EL_SEARCH] = {"search", "black,green", "default,default,underline,bold"},
    [EL_PLACEHOLDER] = {"placeholder", "white,magenta", "default,default,reverse"},
};

static struct {
    theme_spec spec[EL_COUNT];
    ui_style style[EL_COUNT];
    int mono;
    char *name;
} T;

const char *theme_el_name(theme_el el)
{
    return el < EL_COUNT ? ELEMENTS[el].name : "?";
}

/* ---- parsing ------------------------------------------------------------ */

static const char *const COLOR_NAMES[] = {"black", "red", "green", "yellow",
                                          "blue", "magenta", "cyan", "white"};

static int parse_color(const char *s, short *out)
{
    if (!strcasecmp(s, "default") || !strcmp(s, "-1")) {
        *out = -1;
        return 0;
    }
    for (int i = 0; i < 8; i++) {
        if (!strcasecmp(s, COLOR_NAMES[i])) {
            *out = (short)i;
            return 0;
        }
        if (!strncasecmp(s, "bright", 6) && !strcasecmp(s + 6, COLOR_NAMES[i])) {
            *out = (short)(i + 8);
            return 0;
        }
    }
    const char *num = !strncasecmp(s, "color", 5) ? s + 5 : s;
    char *end;
    long v = strtol(num, &end, 10);
    if (*num && !*end && v >= 0 && v <= 255) {
        *out = (short)v;
        return 0;
    }
    return -1;
}

static int parse_attr(const char *s, attr_t *a)
{
    static const struct {
        const char *name;
        attr_t a;
    } ATTRS[] = {{"bold", A_BOLD}, {"dim", A_DIM}, {"underline", A_UNDERLINE},
                 {"reverse", A_REVERSE}, {"italic", A_ITALIC}, {"standout", A_STANDOUT},
                 {"normal", 0}};
    for (size_t i = 0; i < sizeof ATTRS / sizeof ATTRS[0]; i++)
        if (!strcasecmp(s, ATTRS[i].name)) {
            *a |= ATTRS[i].a;
            return 0;
        }
    return -1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        *--e = '\0';
    return s;
}

/* Parses "fg,bg[,attr...]".  Returns NULL or a Chinese reason (in why). */
static const char *parse_spec(const char *value, theme_spec *out, char *why, size_t n)
{
    char *copy = xstrdup(value), *save = NULL;
    theme_spec s = {-1, -1, 0};
    int field = 0;
    const char *err = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok && !err; tok = strtok_r(NULL, ",", &save), field++) {
        tok = trim(tok);
        if (field < 2 && parse_color(tok, field ? &s.bg : &s.fg) != 0) {
            snprintf(why, n, "未知的颜色「%.*s」（可用 default、black…white、bright<颜色>、0-255）", util_utf8_cut(tok, 40), tok);
            err = why;
        } else if (field >= 2 && parse_attr(tok, &s.attr) != 0) {
            snprintf(why, n, "未知的属性「%.*s」（可用 bold dim underline reverse italic standout）", util_utf8_cut(tok, 40), tok);
            err = why;
        }
    }
    if (!err && field < 2) {
        snprintf(why, n, "应写作「前景色,背景色[,属性...]」");
        err = why;
    }
    free(copy);
    if (!err)
        *out = s;
    return err;
}

static int element_of(const char *key)
{
    for (int i = 0; i < EL_COUNT; i++)
        if (!strcmp(key, ELEMENTS[i].name))
            return i;
    return -1;
}

static void set_builtin(int mono)
{
    char why[160];
    for (int i = 0; i < EL_COUNT; i++)
        parse_spec(mono ? ELEMENTS[i].mono : ELEMENTS[i].color, &T.spec[i], why, sizeof why);
}

static void read_entry(const ini_file *f, int i, ui_msgs *m)
{
    const ini_entry *e = &f->e[i];
    if (strcmp(e->section, "colors")) {
        if (!e->key)
            msgs_add(m, "%s:%d: 未知的节 [%s]，已忽略（主题只有 [colors] 一节）", f->path, e->line,
                     e->section);
        return;
    }
    if (!e->key)
        return;
    int el = element_of(e->key);
    if (el < 0) {
        msgs_add(m, "%s:%d: 未知的元素 %s，已忽略", f->path, e->line, e->key);
        return;
    }
    char why[200];
    theme_spec s;
    const char *v = ini_value(f, i);
    const char *err = v ? parse_spec(v, &s, why, sizeof why) : "没有值";
    if (err) {
        msgs_add(m, "%s:%d: %s：%s，已忽略", f->path, e->line, e->key, err);
        return;
    }
    T.spec[el] = s;
}

/* ---- finding the file ------------------------------------------------------ */

static char *exe_themes(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return xasprintf("%s/../share/gkreview/themes", buf);
}

/* Opens the first <dir>/<name>.ini found.  Returns 0 when read. */
static int open_theme(ini_file *f, const char *name, ui_msgs *m, sbuf *tried)
{
    const char *env = getenv("GKREVIEW_THEMES");
    char *exe = exe_themes();
    const char *dirs[] = {env && *env ? env : NULL, "themes", exe, GK_THEMEDIR};
    int rc = -1;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] && rc == -1; i++) {
        if (!dirs[i])
            continue;
        char *path = xasprintf("%s/%s.ini", dirs[i], name);
        sbuf_printf(tried, "%s%s", tried->len ? "、" : "", path);
        rc = ini_open(f, path, m);
        if (rc == -1)
            ini_close(f);
        free(path);
    }
    free(exe);
    return rc;
}

void theme_load(const char *name, ui_msgs *m)
{
    const char *nc = getenv("NO_COLOR");
    T.mono = nc && *nc;
    if (T.mono)
        name = "mono";
    free(T.name);
    T.name = xstrdup(name);
    set_builtin(T.mono);
    ini_file f;
    sbuf tried;
    sbuf_init(&tried);
    int rc = open_theme(&f, name, m, &tried);
    if (rc == 0) {
        for (int i = 0; i < f.n; i++)
            read_entry(&f, i, m);
    } else if (rc == -1) {
        msgs_add(m, "未找到主题 %s（查找了 %s），使用内置%s配色", name, tried.s ? tried.s : "",
                 T.mono ? "单色" : "默认");
    }
    if (rc != -1)
        ini_close(&f);
    sbuf_free(&tried);
}

/* ---- curses --------------------------------------------------------------- */

static short fit_color(short c, int have_default)
{
    if (c < 0)
        return have_default ? -1 : c;
    if (c >= COLORS)
        return c < 16 ? (short)(c - 8) : -1;
    return c;
}

void theme_apply(ui_msgs *m)
{
    if (!T.mono && (!has_colors() || start_color() == ERR || COLORS < 8)) {
        msgs_add(m, "终端不支持颜色，改用单色显示");
        T.mono = 1;
        set_builtin(1);
    }
    int have_default = !T.mono && use_default_colors() == OK;
    for (int i = 0; i < EL_COUNT; i++) {
        T.style[i].attr = T.spec[i].attr;
        T.style[i].pair = 0;
        if (T.mono)
            continue;
        short fg = fit_color(T.spec[i].fg, have_default);
        short bg = fit_color(T.spec[i].bg, have_default);
        if (!have_default) {
            fg = fg < 0 ? COLOR_WHITE : fg;
            bg = bg < 0 ? COLOR_BLACK : bg;
        }
        if (i + 1 < COLOR_PAIRS && init_pair((short)(i + 1), fg, bg) == OK)
            T.style[i].pair = (short)(i + 1);
    }
}

ui_style theme_style(theme_el el)
{
    ui_style none = {0, 0};
    return el < EL_COUNT ? T.style[el] : none;
}

const char *theme_name(void)
{
    return T.name ? T.name : "default";
}

int theme_mono(void)
{
    return T.mono;
}

void theme_free(void)
{
    free(T.name);
    T.name = NULL;
}
