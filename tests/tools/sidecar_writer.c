/* sidecar_writer.c — helper of tests/suite_sidecar.sh for the kill loop.
 *   sidecar_writer loop REPORT        saves the report's sidecar over and over:
 *                                     save k holds correction t3.new.natural = k and
 *                                     a long note on t3.new.total that spells k
 *   sidecar_writer verify REPORT MIN  the sidecar on disk loads cleanly, is one
 *                                     complete save (note and value agree) with
 *                                     k >= MIN; prints k (0 when none yet)
 * Exit 0 when fine, 1 with a message otherwise. */
#include "sidecar.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* About 20 KB spelling k, with the characters the format must escape. */
static char *pattern(long k)
{
    sbuf b;
    sbuf_init(&b);
    while (b.len < 20000)
        sbuf_printf(&b, "第%ld次保存; #=[\"\\\n] ", k);
    return sbuf_steal(&b);
}

static long current(const gk_review *rv, char **why)
{
    const gk_rv_entry *c = sidecar_find(rv, GK_RV_CORRECTION, NULL, "t3.new.natural");
    const gk_rv_entry *n = sidecar_find(rv, GK_RV_NOTE, NULL, "t3.new.total");
    if (!c && !n)
        return 0;
    if (!c || !n) {
        *why = xstrdup("value and note not saved together");
        return -1;
    }
    long k = (long)c->value;
    char *want = pattern(k);
    int ok = strcmp(want, n->text) == 0;
    free(want);
    if (!ok) {
        *why = xasprintf("note does not spell %ld (%zu bytes)", k, strlen(n->text));
        return -1;
    }
    return k;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: sidecar_writer loop REPORT | verify REPORT MIN\n", stderr);
        return 2;
    }
    gk_review *rv = NULL;
    char *warn = NULL;
    int rc = sidecar_load(argv[2], &rv, &warn);
    if (rc != 0) {
        printf("load: %d %s\n", rc, warn ? warn : "");
        free(warn);
        sidecar_free(rv);
        return 1;
    }
    char *why = NULL;
    long k = current(rv, &why);
    if (k < 0) {
        printf("%s\n", why);
        free(why);
        sidecar_free(rv);
        return 1;
    }
    if (!strcmp(argv[1], "verify")) {
        long min = argc > 3 ? atol(argv[3]) : 0;
        sidecar_free(rv);
        if (k < min) {
            printf("went back from %ld to %ld\n", min, k);
            return 1;
        }
        printf("%ld\n", k);
        return 0;
    }
    for (;;) {
        k++;
        char *note = pattern(k);
        sidecar_set_correction(rv, "t3.new.natural", (double)k, "", "writer");
        sidecar_set_note(rv, "t3.new.total", note, "writer");
        free(note);
        char *err = NULL;
        if (sidecar_save(NULL, rv, NULL, &err) != 0) {
            printf("save: %s\n", err ? err : "");
            free(err);
            sidecar_free(rv);
            return 1;
        }
        free(err);
    }
}
