/* fuzz_sidecar.c — libFuzzer target: the reviewer's sidecar (src/sidecar.h).
 * The input is written as "<report>.review.ini" beside a small report in a
 * private directory (under /dev/shm when it exists, so saving's fsync is
 * cheap), then: sidecar_load(), report_review() to the parsed report, the
 * lookups, an edit, sidecar_save() and a second load, which must give back
 * what was saved.  Also sidecar_encode()/sidecar_decode() on the input as a
 * string, which must round-trip.  $XDG_DATA_HOME, $XDG_CONFIG_HOME and $HOME
 * point into the private directory, so nothing outside it is written. */
#include "fuzz.h"
#include "output.h"
#include "pipeline.h"
#include "report.h"
#include "sidecar.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char REPORT[] =
    "某县人民政府2023年政府信息公开工作年度报告\n"
    "一、总体情况\n2023年，本县共收到政府信息公开申请6件。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | "
    "社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
    "| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |\n"
    "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    "| （一）予以公开 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |\n"
    "四、政府信息公开行政复议、行政诉讼情况\n";

static char dir[128], report_path[256], sidecar_path[512], xdg[256];
static FILE *devnull;

/* Removes everything in d but the report (the sidecars, their locks and
 * temporary files, the $XDG_DATA_HOME tree). */
static void clean(const char *d, int top)
{
    DIR *dp = opendir(d);
    if (!dp)
        return;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (top && !strcmp(e->d_name, "r.txt"))
            continue;
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", d, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            clean(p, 0);
            rmdir(p);
        } else {
            unlink(p);
        }
    }
    closedir(dp);
}

static void cleanup(void)
{
    if (dir[0]) {
        clean(dir, 0);
        rmdir(dir);
    }
}

static void init(void)
{
    struct stat st;
    const char *base = stat("/dev/shm", &st) == 0 && access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/gkfuzz-sidecar-XXXXXX", base);
    require(mkdtemp(dir) != NULL);
    atexit(cleanup);
    snprintf(report_path, sizeof report_path, "%s/r.txt", dir);
    snprintf(sidecar_path, sizeof sidecar_path, "%s.review.ini", report_path);
    snprintf(xdg, sizeof xdg, "%s/xdg", dir);
    setenv("XDG_DATA_HOME", xdg, 1);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    setenv("HOME", dir, 1);
    setenv("USER", "fuzz", 1);
    FILE *f = fopen(report_path, "w");
    require(f != NULL);
    fputs(REPORT, f);
    require(fclose(f) == 0);
    devnull = fopen("/dev/null", "w");
    require(devnull != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0])
        init();
    clean(dir, 1);

    /* the value encoding round-trips every NUL-free string */
    char *s = strndup((const char *)data, size);
    char *enc = sidecar_encode(s);
    for (const char *p = enc; *p; p++)
        require(*p != '\n' && *p != '\r' && *p != ';' && *p != '#');
    char *dec = sidecar_decode(enc);
    require(strcmp(dec, s) == 0);
    free(dec);
    free(enc);
    free(sidecar_decode(s));           /* any text decodes without harm */
    gk_review_state st;
    sidecar_state_parse(s, &st);
    free(s);

    FILE *f = fopen(sidecar_path, "wb");
    require(f != NULL);
    require(fwrite(data, 1, size, f) == size);
    require(fclose(f) == 0);

    char *why = NULL;
    gk_report *r = report_parse(report_path, REPORT, sizeof REPORT - 1, &why);
    require(r != NULL);

    gk_review *rv = NULL;
    char *warn = NULL;
    int rc = sidecar_load(report_path, &rv, &warn);
    require(rv != NULL && rc >= -1 && rc <= 1);
    require(rc == 0 ? warn == NULL : warn != NULL && warn[0] != '\0');
    free(warn);
    require(rc >= 0);                  /* the report itself is there and readable */
    char *w2 = NULL;
    report_review(rv, r, &w2);
    free(w2);
    output_json(devnull, r);
    output_findings_text(devnull, r);
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *e = &rv->entries[i];
        require(sidecar_find(rv, e->kind, e->rule, e->cell) != NULL);
    }
    require(sidecar_conflicts(rv) >= 0);
    require(sidecar_where(rv) != NULL);
    require(sidecar_state_name(rv->state) != NULL);

    /* an edit, a save, and the file read back */
    sidecar_set_note(rv, NULL, "fuzz\n%;#\"", "fuzz");
    sidecar_correct(rv, r, 0, 7, "fuzz");
    sidecar_set_dismissal(rv, "T3.BALANCE", NULL, "fuzz", "fuzz");
    char *where = NULL, *err = NULL;
    if (sidecar_save(report_path, rv, &where, &err) == 0) {
        gk_review *back = NULL;
        char *w3 = NULL;
        int rc2 = sidecar_load(report_path, &back, &w3);
        require(rc2 >= 0);
        require(back->nentries == rv->nentries);
        for (int i = 0; i < rv->nentries; i++) {
            const gk_rv_entry *e = &rv->entries[i];
            const gk_rv_entry *b = sidecar_find(back, e->kind, e->rule, e->cell);
            require(b != NULL);
            require((e->text == NULL) == (b->text == NULL));
            require(!e->text || strcmp(e->text, b->text) == 0);
            require(e->nalts == b->nalts);
        }
        require(back->state == rv->state);
        free(w3);
        sidecar_free(back);
    }
    free(where);
    free(err);
    sidecar_free(rv);
    report_free(r);
    return 0;
}
