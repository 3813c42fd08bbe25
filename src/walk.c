/* walk.c — collecting report files from files and directories. */
#include "walk.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

int walk_is_report_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || strstr(name, ".review.ini"))
        return 0;
    return !strcasecmp(dot, ".txt") || !strcasecmp(dot, ".md") || !strcasecmp(dot, ".html") ||
           !strcasecmp(dot, ".htm") || !strcasecmp(dot, ".text") || !strcasecmp(dot, ".pdf") ||
           !strcasecmp(dot, ".docx") || !strcasecmp(dot, ".doc");
}

static void push(walk_list *l, char *path, char *error)
{
    if ((l->n & (l->n - 1)) == 0)      /* capacity doubles at every power of two */
        l->v = xrealloc(l->v, (l->n ? 2 * l->n : 1) * sizeof *l->v);
    l->v[l->n].path = path;
    l->v[l->n].error = error;
    l->v[l->n].no_sidecar = 0;
    l->n++;
}

/* The reason in the reviewer's language. */
static const char *reason(int e)
{
    switch (e) {
    case ENOENT: return "不存在（可能已被移走或删除）";
    case EACCES: case EPERM: return "没有权限";
    case ELOOP: return "符号链接循环";
    case ENOTDIR: return "路径中有一项不是目录";
    case ENAMETOOLONG: return "路径过长";
    default: return strerror(e);
    }
}

/* Whether the sorted entries (type byte, name) hold a name beginning with
 * `prefix`: the first name not below it must begin with it. */
static int has_prefix(char *const *names, size_t n, const char *prefix)
{
    size_t lo = 0, hi = n, len = strlen(prefix);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(names[mid] + 1, prefix) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && !strncmp(names[lo] + 1, prefix, len);
}

/* Entries are a type byte and a name: ordered by name. */
static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static void walk_dir(walk_list *l, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        push(l, xstrdup(dir), xasprintf("无法打开目录：%s", reason(errno)));
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if ((n & (n - 1)) == 0)
            names = xrealloc(names, (n ? 2 * n : 1) * sizeof *names);
        /* the entry's type (DT_REG, DT_DIR …, or DT_UNKNOWN) travels in
         * front of its name, so sorting by name keeps it */
        size_t len = strlen(e->d_name);
        char *entry = xmalloc(len + 2);
        entry[0] = (char)e->d_type;
        memcpy(entry + 1, e->d_name, len + 1);
        names[n++] = entry;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        unsigned char type = (unsigned char)names[i][0];
        const char *name = names[i] + 1;
        size_t dl = strlen(dir);
        char *p = xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", name);
        struct stat st;
        if (type == DT_REG) {          /* what lstat() would say, without asking again */
            if (walk_is_report_name(name)) {
                push(l, p, NULL);
                char *sidecars = xasprintf("%s.review.", name);
                l->v[l->n - 1].no_sidecar = !has_prefix(names, n, sidecars);
                free(sidecars);
            } else {
                l->skipped++;
                free(p);
            }
        } else if (lstat(p, &st) != 0) {
            push(l, p, xasprintf("无法读取：%s", reason(errno)));
        } else if (S_ISDIR(st.st_mode)) {
            if (depth < 64)
                walk_dir(l, p, depth + 1);
            free(p);
        } else if (walk_is_report_name(name)) {
            push(l, p, NULL);
        } else {
            l->skipped++;
            free(p);
        }
    }
    for (size_t i = 0; i < n; i++)     /* kept to the end: the sidecar test reads them all */
        free(names[i]);
    free(names);
}

void walk_collect(walk_list *l, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t before = l->n;
        walk_dir(l, path, 0);
        if (l->n == before) {               /* said once, whichever command walks it */
            fputs("gkreview: 没有找到报告文件：", stderr);
            for (const unsigned char *c = (const unsigned char *)path; *c; c++)
                fputc(*c < 0x20 || *c == 0x7f ? '?' : *c, stderr);
            fputs("（.txt .md .html .htm .text）\n", stderr);
        }
    } else
        push(l, xstrdup(path), NULL);   /* a named file is read whatever its name */
}

void walk_free(walk_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].path);
        free(l->v[i].error);
    }
    free(l->v);
    l->v = NULL;
    l->n = 0;
}
