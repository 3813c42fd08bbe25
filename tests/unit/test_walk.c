/* test_walk.c — the list walk_collect() makes of a folder, checked against a
 * plain reference on seeded random trees: files whose names share prefixes
 * ("r1.txt", "r1.txt-copy.txt", "r1.txt.bak"), report and other extensions
 * in either case, sidecars ("<name>.review.ini", its ".tmp") and names that
 * only look like one ("<name>.reviewx"), symbolic links, folders two deep.
 * Property: the same paths in the same order (each folder's entries sorted
 * by path, a folder's list where its name sorts); a regular file's
 * no_sidecar set exactly when no entry of its folder begins with
 * "<name>.review." (a link's never: its sidecar is looked for); regular set
 * for the regular files the listing typed, not for links. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gen.h"
#include "util.h"
#include "walk.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    char path[512];
    int no_sidecar, regular;
} ref_entry;

typedef struct {
    ref_entry *v;
    size_t n, cap;
} ref_list;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The reference: every entry of dir by path, each checked with lstat(), the
 * sidecar looked for among all of the folder's names. */
static void ref_walk(ref_list *l, const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            assert_true(n < 256);
            names[n++] = xasprintf("%s/%s", dir, e->d_name);
        }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    for (int i = 0; i < n; i++) {
        struct stat st;
        assert_int_equal(lstat(names[i], &st), 0);
        const char *name = strrchr(names[i], '/') + 1;
        if (S_ISDIR(st.st_mode)) {
            ref_walk(l, names[i]);
        } else if (walk_is_report_name(name)) {
            if (l->n == l->cap)
                l->v = xrealloc(l->v, (l->cap = l->cap ? 2 * l->cap : 64) * sizeof *l->v);
            ref_entry *r = &l->v[l->n++];
            snprintf(r->path, sizeof r->path, "%s", names[i]);
            r->regular = S_ISREG(st.st_mode);
            r->no_sidecar = r->regular;   /* a link's sidecar is looked for when it is read */
            char *probe = xasprintf("%s.review.", names[i]);
            for (int j = 0; j < n; j++)
                if (!strncmp(names[j], probe, strlen(probe)))
                    r->no_sidecar = 0;
            free(probe);
        }
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
}

static void touch(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("x\n", f);
    fclose(f);
}

/* A folder of random files (and, above depth 2, folders). */
static void fill(const char *dir, int depth)
{
    static const char *const STEM[] = {"a", "b", "r1", "r10", "报告", "x-y", "2023", "A"};
    static const char *const EXT[] = {".txt", ".TXT", ".md", ".pdf", ".doc", ".docx", ".bak", "", ".html"};
    static const char *const AFTER[] = {".review.ini", ".review.ini.tmp", ".reviewx", "-copy.txt", ".bak", ".txt"};
    int files = 1 + (int)gen_below(12);
    for (int k = 0; k < files; k++) {
        char *p = xasprintf("%s/%s%s", dir, STEM[gen_below(8)], EXT[gen_below(9)]);
        touch(p);
        for (int a = 0; a < 2; a++)
            if (gen_below(3) == 0) {
                char *q = xasprintf("%s%s", p, AFTER[gen_below(6)]);
                touch(q);
                free(q);
            }
        if (gen_below(8) == 0) {
            char *q = xasprintf("%s/link%d.txt", dir, k);
            if (symlink(p, q) != 0)
                fail_msg("symlink %s", q);
            free(q);
        }
        free(p);
    }
    for (int k = 0; depth < 2 && k < (int)gen_below(3); k++) {
        char *sub = xasprintf("%s/%s", dir, STEM[gen_below(8)]);
        if (mkdir(sub, 0700) == 0)
            fill(sub, depth + 1);
        free(sub);
    }
}

static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            rm_tree(p);
        else
            unlink(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
}

static void test_random_trees(void **state)
{
    (void)state;
    gen_seed(20261206);
    size_t files = 0, sidecars = 0;
    for (int round = 0; round < 150; round++) {
        char dir[] = "/tmp/gk_walkXXXXXX";
        assert_non_null(mkdtemp(dir));
        fill(dir, 0);
        ref_list want = {0};
        ref_walk(&want, dir);
        walk_list got = {0};
        walk_collect(&got, dir);
        if (got.n != want.n)
            fail_msg("round %d: %zu files listed, %zu expected", round, got.n, want.n);
        for (size_t i = 0; i < got.n; i++) {
            const walk_entry *g = &got.v[i];
            const ref_entry *w = &want.v[i];
            if (strcmp(g->path, w->path) || g->no_sidecar != w->no_sidecar || g->regular != w->regular || g->error)
                fail_msg("round %d, entry %zu: %s (no_sidecar %d, regular %d), expected %s (%d, %d)", round, i, g->path,
                         g->no_sidecar, g->regular, w->path, w->no_sidecar, w->regular);
            files++;
            sidecars += !w->no_sidecar;
        }
        walk_free(&got);
        free(want.v);
        rm_tree(dir);
    }
    print_message("walk: %zu files listed, %zu with a sidecar\n", files, sidecars);
    assert_true(sidecars > 50 && sidecars < files);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_trees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
