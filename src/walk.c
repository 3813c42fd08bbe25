/* walk.c — collecting report files from files and directories. */
#include "walk.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
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
           !strcasecmp(dot, ".htm") || !strcasecmp(dot, ".text");
}

static void push(walk_list *l, char *path, char *error)
{
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->v[l->n].path = path;
    l->v[l->n].error = error;
    l->n++;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(walk_list *l, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        push(l, xstrdup(dir), xasprintf("无法打开目录：%s", strerror(errno)));
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t dl = strlen(dir);
        char *p = xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
        struct stat st;
        if (lstat(p, &st) != 0) {
            push(l, p, xasprintf("无法读取：%s", strerror(errno)));
        } else if (S_ISDIR(st.st_mode)) {
            if (depth < 64)
                walk_dir(l, p, depth + 1);
            free(p);
        } else if (walk_is_report_name(names[i])) {
            push(l, p, NULL);
        } else {
            l->skipped++;
            free(p);
        }
        free(names[i]);
    }
    free(names);
}

void walk_collect(walk_list *l, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        walk_dir(l, path, 0);
    else
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
