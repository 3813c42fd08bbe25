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
    l->v[l->n].regular = 0;
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

/* A directory's entry: its path (dir/name) and type (DT_REG, DT_DIR …, or
 * DT_UNKNOWN); `own` while the path is not handed to the list. */
typedef struct {
    char *path;
    unsigned char type;
    unsigned char own;
} dir_entry;

/* Every path of a directory begins with the same dir/: ordered by name. */
static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const dir_entry *)a)->path, ((const dir_entry *)b)->path);
}

/* Whether the sorted entries hold a sidecar of entry i ("<path>.review…"):
 * the paths that begin with entry i's follow it, one block (any path
 * between two of them begins with it too) — most often none. */
static int has_sidecar(const dir_entry *v, size_t n, size_t i, size_t len)
{
    static const char review[] = ".review.";
    for (size_t j = i + 1; j < n && !strncmp(v[j].path, v[i].path, len); j++)
        if (!strncmp(v[j].path + len, review, sizeof review - 1))
            return 1;
    return 0;
}

static void walk_dir(walk_list *l, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        push(l, xstrdup(dir), xasprintf("无法打开目录：%s", reason(errno)));
        return;
    }
    size_t dl = strlen(dir), slash = !(dl && dir[dl - 1] == '/');
    dir_entry *v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap)
            v = xrealloc(v, (cap = cap ? 2 * cap : 64) * sizeof *v);
        size_t len = strlen(e->d_name);
        char *path = xmalloc(dl + slash + len + 1);   /* one allocation an entry: the path the list keeps */
        memcpy(path, dir, dl);
        if (slash)
            path[dl] = '/';
        memcpy(path + dl + slash, e->d_name, len + 1);
        v[n++] = (dir_entry){.path = path, .type = e->d_type, .own = 1};
    }
    closedir(d);
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_entry);
    for (size_t i = 0; i < n; i++) {
        char *p = v[i].path;
        const char *name = p + dl + slash;
        struct stat st;
        if (v[i].type == DT_REG) {     /* what lstat() would say, without asking again */
            if (walk_is_report_name(name)) {
                push(l, p, NULL);
                v[i].own = 0;
                l->v[l->n - 1].no_sidecar = !has_sidecar(v, n, i, strlen(p));
                l->v[l->n - 1].regular = 1;
            } else {
                l->skipped++;
            }
        } else if (lstat(p, &st) != 0) {
            push(l, p, xasprintf("无法读取：%s", reason(errno)));
            v[i].own = 0;
        } else if (S_ISDIR(st.st_mode)) {
            if (depth < 64)
                walk_dir(l, p, depth + 1);
        } else if (walk_is_report_name(name)) {
            push(l, p, NULL);
            v[i].own = 0;
        } else {
            l->skipped++;
        }
    }
    for (size_t i = 0; i < n; i++)     /* kept to the end: the sidecar test reads them all */
        if (v[i].own)
            free(v[i].path);
    free(v);
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
