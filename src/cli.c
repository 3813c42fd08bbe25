/* cli.c — `gkreview check` and `gkreview export`. */
#include "app.h"
#include "output.h"
#include "report.h"
#include "util.h"
#include "walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_usage(FILE *f)
{
    fputs("用法:\n"
          "  gkreview [文件|目录...]                      打开审阅界面\n"
          "  gkreview check [--format text|json] 文件|目录...\n"
          "                                               检查报告，逐条输出问题（编译器格式）\n"
          "  gkreview export --format json|csv 文件...    导出提取的单元格\n"
          "  gkreview --help | --version\n"
          "\n"
          "check 的退出码: 0 无错误, 1 有报告存在错误, 2 用法错误或文件无法读取。\n"
          "目录按文件名递归读取 .txt .md .html 文件。\n",
          f);
}

typedef enum { FMT_TEXT, FMT_JSON, FMT_CSV } out_format;

typedef struct {
    out_format format;
    int npaths;
    char **paths;
} cli_opts;

static int parse_opts(int argc, char **argv, cli_opts *o, int allow_text)
{
    o->format = allow_text ? FMT_TEXT : FMT_JSON;
    o->paths = xcalloc((size_t)argc + 1, sizeof *o->paths);
    o->npaths = 0;
    int given = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (!strcmp(a, "--format") || !strcmp(a, "-f")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "gkreview: %s 需要一个参数\n", a);
                return -1;
            }
            val = argv[++i];
        } else if (!strncmp(a, "--format=", 9)) {
            val = a + 9;
        } else if (!strcmp(a, "--no-review")) {
            continue;                  /* no sidecar support yet: nothing to ignore */
        } else if (!strcmp(a, "--")) {
            for (i++; i < argc; i++)
                o->paths[o->npaths++] = argv[i];
            break;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "gkreview: 未知选项 %s\n", a);
            return -1;
        } else {
            o->paths[o->npaths++] = argv[i];
            continue;
        }
        given = 1;
        if (!strcmp(val, "json"))
            o->format = FMT_JSON;
        else if (!strcmp(val, "csv") && !allow_text)
            o->format = FMT_CSV;
        else if (!strcmp(val, "text") && allow_text)
            o->format = FMT_TEXT;
        else {
            fprintf(stderr, "gkreview: 不支持的格式 %s\n", val);
            return -1;
        }
    }
    if (!allow_text && !given) {
        fputs("gkreview: export 需要 --format json 或 --format csv\n", stderr);
        return -1;
    }
    if (o->npaths == 0) {
        fputs("gkreview: 请指定报告文件或目录\n", stderr);
        return -1;
    }
    return 0;
}

static void collect(const cli_opts *o, walk_list *l)
{
    memset(l, 0, sizeof *l);
    for (int i = 0; i < o->npaths; i++)
        walk_collect(l, o->paths[i]);
}

int cli_check(int argc, char **argv)
{
    cli_opts o;
    if (parse_opts(argc, argv, &o, 1) != 0) {
        free(o.paths);
        cli_usage(stderr);
        return 2;
    }
    walk_list l;
    collect(&o, &l);
    size_t read = 0, with_errors = 0, with_warnings = 0, unreadable = 0;
    long errors = 0, warnings = 0;
    for (size_t i = 0; i < l.n; i++) {
        char *why = NULL;
        gk_report *r = l.v[i].error ? NULL : report_open(l.v[i].path, &why);
        if (!r) {
            fprintf(stderr, "%s: error: 无法读取：%s\n", l.v[i].path, l.v[i].error ? l.v[i].error : why);
            free(why);
            unreadable++;
            continue;
        }
        read++;
        if (o.format == FMT_JSON)
            output_json(stdout, r);
        else
            output_findings_text(stdout, r);
        if (r->nerrors)
            with_errors++;
        if (r->nwarnings)
            with_warnings++;
        errors += r->nerrors;
        warnings += r->nwarnings;
        report_free(r);
    }
    if (o.format == FMT_TEXT)
        printf("%zu 份报告：%zu 份有错误，%zu 份有警告，%zu 份无法读取；共 %ld 个错误，%ld 个警告\n", read, with_errors,
               with_warnings, unreadable, errors, warnings);
    fflush(stdout);
    walk_free(&l);
    free(o.paths);
    if (unreadable || read == 0)
        return 2;
    return with_errors ? 1 : 0;
}

int cli_export(int argc, char **argv)
{
    cli_opts o;
    if (parse_opts(argc, argv, &o, 0) != 0) {
        free(o.paths);
        cli_usage(stderr);
        return 2;
    }
    walk_list l;
    collect(&o, &l);
    int status = 0;
    if (o.format == FMT_CSV)
        output_csv_header(stdout);
    for (size_t i = 0; i < l.n; i++) {
        char *why = NULL;
        gk_report *r = l.v[i].error ? NULL : report_open(l.v[i].path, &why);
        if (!r) {
            fprintf(stderr, "%s: error: 无法读取：%s\n", l.v[i].path, l.v[i].error ? l.v[i].error : why);
            free(why);
            status = 2;
            continue;
        }
        if (o.format == FMT_CSV)
            output_csv_cells(stdout, r);
        else
            output_json(stdout, r);
        report_free(r);
    }
    fflush(stdout);
    walk_free(&l);
    free(o.paths);
    return status;
}
