/* fuzz_report.c — libFuzzer target: the whole engine on arbitrary bytes.
 * report_parse() (decode, extract, infer, rules), then a reviewer's
 * correction, a dismissal and the report paired with itself as previous and
 * next year, rules_check() again after each, the JSON, text and CSV
 * outputs to /dev/null, and report_free().  The same bytes as a file
 * through report_open_head() (the title peek that pairs years), which must
 * give the same verdict and find the same body and year as the full parse
 * (GKFUZZ_NO_HEAD_INVARIANT=1 in the environment skips that comparison, to
 * fuzz past a known mismatch). */
#include "fuzz.h"
#include "output.h"
#include "pipeline.h"
#include "report.h"
#include "rules.h"
#include "xyear.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static FILE *devnull;
static char head_dir[64], head_path[96];

static void remove_head_dir(void)
{
    unlink(head_path);
    rmdir(head_dir);
}

/* The title peek on the bytes as a file; compared with the full parse r
 * (NULL when it refused the bytes). */
static void check_head(const uint8_t *data, size_t size, const gk_report *r)
{
    if (!head_path[0]) {
        struct stat st;
        const char *base = stat("/dev/shm", &st) == 0 && access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(head_dir, sizeof head_dir, "%s/gkfuzz-head-XXXXXX", base);
        require(mkdtemp(head_dir) != NULL);   /* private (0700): the file name can be fixed */
        snprintf(head_path, sizeof head_path, "%s/r.txt", head_dir);
        atexit(remove_head_dir);
    }
    FILE *f = fopen(head_path, "wb");
    require(f != NULL);
    require(fwrite(data, 1, size, f) == size);
    require(fclose(f) == 0);
    char *why = NULL;
    gk_report *h = report_open_head(head_path, NULL, &why);
    unlink(head_path);                 /* nothing left behind if an invariant aborts */
    if (!h) {
        require(why != NULL && why[0] != '\0');
        free(why);
        require(r == NULL);            /* the same bytes: the same verdict */
        return;
    }
    if (!getenv("GKFUZZ_NO_HEAD_INVARIANT")) {
        require(r != NULL);
        require(h->year == r->year);
        require(strcmp(h->body ? h->body : "", r->body ? r->body : "") == 0);
    }
    report_free(h);
}

static void outputs(const gk_report *r)
{
    output_json(devnull, r);
    output_findings_text(devnull, r);
    output_csv_cells(devnull, r);
    fflush(devnull);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    require(devnull != NULL);
    char *why = NULL;
    gk_report *r = report_parse("fuzz.txt", (const char *)data, size, &why);
    if (!r) {
        require(why != NULL && why[0] != '\0');   /* a refusal always says why */
        free(why);
        check_head(data, size, NULL);
        return 0;
    }
    check_head(data, size, r);
    outputs(r);

    /* Input-derived choices, so they vary with the input. */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    int ncells = r->tpl->ncells;
    int cell = (int)(h % (uint32_t)ncells);
    static const double values[] = {0, 1, 7, -3, 2.5, 1e9, 123456789012345.0, 1e300};
    report_correct(r, cell, values[(h >> 16) % (sizeof values / sizeof *values)]);
    rules_check(r);
    outputs(r);

    if (r->nfindings > 0) {
        const gk_finding *f = &r->findings[(h >> 8) % (uint32_t)r->nfindings];
        report_dismiss(r, f->rule, f->ncells ? f->cells[0] : -1, "fuzz");
    }
    report_dismiss(r, "T3.ROW_TOTAL", -1, NULL);
    report_uncorrect(r, cell);
    report_correct(r, (int)((h >> 3) % (uint32_t)ncells), 0);
    rules_check(r);
    outputs(r);

    /* cross-year: the report as its own previous and next year */
    gk_xsummary s;
    xyear_summarize(r, &s);
    xyear_set_partners(r, &s, &s);
    xyear_summary_free(&s);
    rules_check(r);
    outputs(r);

    report_free(r);
    return 0;
}
