/* cli_review.c — the reviewer's sidecar on the command line (issue #6):
 * `gkreview annotate` records corrections, notes, dismissals and the review
 * state; `gkreview issues` writes the list of problems sent back to the
 * reporting body; check and export apply the sidecar through
 * cli_review_apply(). */
#include "app.h"
#include "batch.h"
#include "cli_review.h"
#include "output.h"
#include "pipeline.h"
#include "report.h"
#include "number.h"
#include "rules.h"
#include "safe.h"
#include "sidecar.h"
#include "util.h"
#include "workbook.h"
#include "view_cells.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- warnings, once each (partners are loaded more than once) -------------- */

static pthread_mutex_t warn_mu = PTHREAD_MUTEX_INITIALIZER;
static char **warned;
static size_t nwarned;

static void warn_once(const char *msg)
{
    pthread_mutex_lock(&warn_mu);
    for (size_t i = 0; i < nwarned; i++)
        if (strcmp(warned[i], msg) == 0) {
            pthread_mutex_unlock(&warn_mu);
            return;
        }
    warned = xrealloc(warned, (nwarned + 1) * sizeof *warned);
    warned[nwarned++] = xstrdup(msg);
    safe_fprintf(stderr, "gkreview: 警告：%s\n", msg);
    pthread_mutex_unlock(&warn_mu);
}

int cli_review_apply(gk_report *r)
{
    if (!sidecar_may_exist(r->sidecar_absent))
        return 0;                      /* nothing to load: no file to look at */
    gk_review *rv = NULL;
    char *warn = NULL;
    sidecar_load(r->path, &rv, &warn);
    if (warn)
        warn_once(warn);
    free(warn);
    int applied = rv && rv->nentries;
    if (applied) {
        char *w = NULL;
        sidecar_overlay(rv, r, &w);
        if (w)
            warn_once(w);
        free(w);
    }
    sidecar_free(rv);
    return applied;
}

/* ---- annotate ------------------------------------------------------------------ */

static void annotate_usage(FILE *f)
{
    fputs("用法:\n"
          "  gkreview annotate 文件 单元格 [--value 值] [--note 备注]     更正单元格的值、给单元格加备注\n"
          "  gkreview annotate 文件 --dismiss 规则 [--cell 单元格] --reason 理由\n"
          "                                                     忽略一条问题（不给 --cell 则忽略该规则的全部问题）\n"
          "  gkreview annotate 文件 --state 未审核|审核中|已审核      设置审核状态\n"
          "  gkreview annotate 文件 --note 备注                       给整份报告加备注（--note \"\" 删除备注）\n"
          "  gkreview annotate 文件 单元格 --clear                    删除单元格的更正和备注\n"
          "  gkreview annotate 文件 --dismiss 规则 [--cell 单元格] --clear   撤销忽略\n"
          "  选项 --who 姓名：审核人（默认取 ~/.config/gkreview/config.ini 的 [review] reviewer，否则为登录名）\n",
          f);
}

static int usage_error(const char *msg)
{
    safe_fprintf(stderr, "gkreview: %s\n", msg);
    annotate_usage(stderr);
    return 2;
}

static char *lower(const char *s)
{
    char *t = xstrdup(s);
    for (char *p = t; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return t;
}

static char *upper(const char *s)
{
    char *t = xstrdup(s);
    for (char *p = t; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return t;
}

/* The template's cell index — by id, or by its Chinese label as the screen
 * shows it (本年新收·自然人, separators optional) — or -1 after a Chinese error. */
static int check_cell(const gk_report *r, const char *id, const char *file)
{
    char *l = lower(id);
    int k = template_cell_index(r->tpl, l);
    free(l);
    if (k < 0)
        k = view_cell_lookup(r->tpl, id);
    if (k == -2)
        safe_fprintf(stderr, "gkreview: 单元格 %s 不明确：有多个单元格的标签含有它，请写完整的标签（如 本年新收·自然人）或编号\n",
                     id);
    else if (k < 0)
        safe_fprintf(stderr,
                "gkreview: 单元格编号 %s 不存在：%s 为 %s 格式，单元格写编号（如 t3.new.natural）或中文标签（如 本年新收·自然人）"
                "（全部编号见 gkreview export --format csv %s 的第二列）\n",
                id, file, r->tpl->name, file);
    return k < 0 ? -1 : k;
}

static const gk_rule_def *check_rule(const char *id)
{
    char *u = upper(id);
    const gk_rule_def *rd = template_rule(u);
    free(u);
    if (rd)
        return rd;
    int n;
    const gk_rule_def *all = template_rules(&n);
    sbuf b;
    sbuf_init(&b);
    for (int i = 0; i < n; i++)
        sbuf_printf(&b, "%s%s", i ? " " : "", all[i].id);
    safe_fprintf(stderr, "gkreview: 规则编号 %s 不存在；可用的规则：%s\n", id, b.s);
    sbuf_free(&b);
    return NULL;
}

/* The typed correction through the one number parser (number.h), for the
 * cell's kind; -1 after a Chinese error that says why. */
static int check_value(const gk_report *r, int cell, const char *text, double *out)
{
    gk_valkind vk = r->tpl->cells[cell].coldef->kind;
    number_kind kind = vk == GK_VAL_DECIMAL ? NUMBER_DECIMAL : vk == GK_VAL_SIGNED ? NUMBER_SIGNED : NUMBER_COUNT;
    const char *why = NULL;
    if (number_parse(text, kind, out, &why) != 0) {
        safe_fprintf(stderr, "gkreview: 更正值 %s 无效：%s（%s 应为%s）\n", text, why, r->tpl->cells[cell].id,
                     number_kind_name(kind));
        return -1;
    }
    return 0;
}

typedef struct {
    const char *file, *cell, *value, *note, *dismiss, *dcell, *reason, *state, *who;
    int clear;
} annotate_args;

static int parse_annotate(int argc, char **argv, annotate_args *a)
{
    memset(a, 0, sizeof *a);
    static const struct {
        const char *name;
        size_t off;
    } opts[] = {
        {"--value", offsetof(annotate_args, value)},   {"--note", offsetof(annotate_args, note)},
        {"--dismiss", offsetof(annotate_args, dismiss)}, {"--cell", offsetof(annotate_args, dcell)},
        {"--reason", offsetof(annotate_args, reason)}, {"--state", offsetof(annotate_args, state)},
        {"--who", offsetof(annotate_args, who)},
    };
    int npos = 0, only_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!only_pos && !strcmp(arg, "--")) {
            only_pos = 1;
            continue;
        }
        if (!only_pos && !strcmp(arg, "--clear")) {
            a->clear = 1;
            continue;
        }
        if (!only_pos && arg[0] == '-' && arg[1]) {
            size_t k;
            for (k = 0; k < sizeof opts / sizeof opts[0]; k++) {
                size_t n = strlen(opts[k].name);
                const char **slot = (const char **)((char *)a + opts[k].off);
                if (!strcmp(arg, opts[k].name)) {
                    if (i + 1 >= argc) {
                        safe_fprintf(stderr, "gkreview: %s 需要一个参数\n", arg);
                        return -1;
                    }
                    *slot = argv[++i];
                    break;
                }
                if (!strncmp(arg, opts[k].name, n) && arg[n] == '=') {
                    *slot = arg + n + 1;
                    break;
                }
            }
            if (k == sizeof opts / sizeof opts[0]) {
                safe_fprintf(stderr, "gkreview: 未知选项 %s\n", arg);
                return -1;
            }
            continue;
        }
        if (npos == 0)
            a->file = arg;
        else if (npos == 1)
            a->cell = arg;
        else {
            safe_fprintf(stderr, "gkreview: 多余的参数 %s\n", arg);
            return -1;
        }
        npos++;
    }
    return 0;
}

int cli_annotate(int argc, char **argv)
{
    annotate_args a;
    if (parse_annotate(argc, argv, &a) != 0) {
        annotate_usage(stderr);
        return 2;
    }
    if (!a.file)
        return usage_error("请指定报告文件");
    if (!a.value && !a.note && !a.dismiss && !a.state && !a.clear)
        return usage_error("请指定要记录的内容：--value、--note、--dismiss、--state 或 --clear");
    if (a.value && !a.cell)
        return usage_error("--value 需要指定单元格，例如 gkreview annotate 文件 t3.new.natural --value 6");
    if ((a.reason || a.dcell) && !a.dismiss)
        return usage_error("--reason 和 --cell 只与 --dismiss 一起使用");
    if (a.clear && a.value)
        return usage_error("--clear 不能与 --value 一起使用");
    if (a.clear && !a.cell && !a.dismiss)
        return usage_error("--clear 需要指定单元格或 --dismiss 规则（整份报告的备注用 --note \"\" 删除）");
    if (a.dismiss && !a.clear && (!a.reason || !*a.reason))
        return usage_error("忽略问题必须说明理由：--reason 理由");
    /* a cell given only with --dismiss is the dismissal's cell */
    if (a.dismiss && a.cell && !a.dcell && !a.value && !a.note) {
        a.dcell = a.cell;
        a.cell = NULL;
    }
    gk_review_state st = GK_REV_UNREVIEWED;
    if (a.state && sidecar_state_parse(a.state, &st) != 0) {
        safe_fprintf(stderr, "gkreview: 审核状态 %s 无效，应为 未审核、审核中 或 已审核\n", a.state);
        return 2;
    }
    char *why = NULL;
    gk_report *r = report_open(a.file, &why);
    if (!r) {
        safe_fprintf(stderr, "gkreview: %s: 无法读取：%s\n", a.file, why);
        free(why);
        return 2;
    }
    int cell = -1, dcell = -1;
    const gk_rule_def *rule = NULL;
    double value = 0;
    int bad = 0;
    if (a.cell && (cell = check_cell(r, a.cell, a.file)) < 0)
        bad = 1;
    if (!bad && a.dcell && (dcell = check_cell(r, a.dcell, a.file)) < 0)
        bad = 1;
    if (!bad && a.dismiss && !(rule = check_rule(a.dismiss)))
        bad = 1;
    if (!bad && a.value && check_value(r, cell, a.value, &value) != 0)
        bad = 1;
    if (bad) {
        report_free(r);
        return 2;
    }

    gk_review *rv = NULL;
    char *warn = NULL;
    int lr = sidecar_load(a.file, &rv, &warn);
    if (warn)
        safe_fprintf(stderr, "gkreview: 警告：%s\n", warn);
    free(warn);
    if (lr < 0) {
        sidecar_free(rv);
        report_free(r);
        return 2;
    }
    char *who = a.who ? xstrdup(a.who) : sidecar_default_reviewer();
    if (!strcmp(who, "root")) {                /* never signed as root */
        fputs("gkreview: 不能以 root 署名：请用 --who 姓名 指定审核人，或在配置文件 [review] reviewer 中写明\n", stderr);
        free(who);
        sidecar_free(rv);
        report_free(r);
        return 2;
    }
    const char *cell_id = cell >= 0 ? r->tpl->cells[cell].id : NULL;
    const char *dcell_id = dcell >= 0 ? r->tpl->cells[dcell].id : NULL;
    if (a.clear && cell_id) {
        sidecar_remove(rv, GK_RV_CORRECTION, NULL, cell_id);
        sidecar_remove(rv, GK_RV_NOTE, NULL, cell_id);
    }
    if (a.value)
        sidecar_correct(rv, r, cell, value, who);
    if (a.note)
        sidecar_set_note(rv, cell_id, a.note, who);
    if (a.dismiss) {
        if (a.clear)
            sidecar_remove(rv, GK_RV_DISMISS, rule->id, dcell_id);
        else
            sidecar_set_dismissal(rv, rule->id, dcell_id, a.reason, who);
    }
    if (a.state)
        sidecar_set_state(rv, st, who);

    char *where = NULL, *err = NULL;
    int rc = sidecar_save(a.file, rv, &where, &err);
    if (err)
        safe_fprintf(stderr, "gkreview: %s%s\n", rc ? "" : "注意：", err);
    if (rc == 0) {
        safe_fprintf(stdout, "审核记录已保存：%s\n", where);
        const gk_rv_entry *touched[3] = {
            a.value ? sidecar_find(rv, GK_RV_CORRECTION, NULL, cell_id) : NULL,
            a.note ? sidecar_find(rv, GK_RV_NOTE, NULL, cell_id) : NULL,
            a.dismiss ? sidecar_find(rv, GK_RV_DISMISS, rule->id, dcell_id) : NULL,
        };
        for (int k = 0; k < 3; k++) {
            const gk_rv_entry *e = touched[k];
            if (!e || !e->nalts)
                continue;
            for (int j = 0; j < e->nalts; j++)
                safe_fprintf(stderr, "gkreview: 注意：%s 与 %s（%s）记录的 %s 冲突，两者都已保留：%s\n",
                        e->cell ? e->cell : "整份报告", e->alts[j].who, e->alts[j].when,
                        e->kind == GK_RV_CORRECTION ? "更正值" : e->kind == GK_RV_NOTE ? "备注" : "忽略理由",
                        e->alts[j].text);
        }
    }
    free(where);
    free(err);
    free(who);
    sidecar_free(rv);
    report_free(r);
    return rc == 0 ? 0 : 1;
}

/* ---- issues ------------------------------------------------------------------------ */

typedef struct {
    const gk_report *r;
    int cell;                 /* template index or -1 */
    const char *cell_id;      /* when not in the template */
    const char *original, *corrected, *message, *note, *who, *when;
} issue_row;

static void put_row(FILE *f, const issue_row *x)
{
    const gk_report *r = x->r;
    char year[16];
    snprintf(year, sizeof year, "%d", r->year);
    const gk_cell_def *cd = x->cell >= 0 ? &r->tpl->cells[x->cell] : NULL;
    output_csv_field(f, r->path, 0);
    output_csv_field(f, r->body ? r->body : "", 0);
    output_csv_field(f, r->year ? year : "", 0);
    output_csv_field(f, cd ? cd->id : x->cell_id ? x->cell_id : "", 0);
    output_csv_field(f, cd ? cd->rowdef->label : "", 0);
    output_csv_field(f, cd ? cd->coldef->label : "", 0);
    output_csv_field(f, x->original ? x->original : "", 0);
    output_csv_field(f, x->corrected ? x->corrected : "", 0);
    output_csv_field(f, x->message ? x->message : "", 0);
    output_csv_field(f, x->note ? x->note : "", 0);
    output_csv_field(f, x->who ? x->who : "", 0);
    output_csv_field(f, x->when ? x->when : "", 1);
}

/* What the report says in a cell, as it says it. */
static const char *read_text(const gk_report *r, int cell, char *buf, size_t n)
{
    buf[0] = '\0';
    if (cell < 0)
        return buf;
    const gk_cell *c = &r->cells[cell];
    if (c->read_status == GK_ST_EXTRACTED)
        return report_format_value(c->read_value, buf, n);
    if (c->read_status == GK_ST_BLANK && c->raw)
        snprintf(buf, n, "%s", c->raw);
    return buf;
}

static void issues_of(FILE *f, const gk_report *r, const gk_review *rv, const wb_filter *flt)
{
    int ncells = r->tpl->ncells;
    char *covered = xcalloc((size_t)ncells + 1, 1);    /* cells whose note is on a row already */
    char orig[64], corr[32];
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        if (x->dismissed || !gk_wb_filter_pass(flt, x))
            continue;
        int c0 = x->ncells ? x->cells[0] : -1;
        const gk_rv_entry *note = c0 >= 0 ? sidecar_find(rv, GK_RV_NOTE, NULL, r->tpl->cells[c0].id) : NULL;
        char *msg = xasprintf("%s：%s", x->severity == GK_SEV_ERROR ? "错误" : "警告", x->message);
        issue_row row = {r, c0, NULL, read_text(r, c0, orig, sizeof orig), NULL, msg, NULL, NULL, NULL};
        if (c0 >= 0 && r->cells[c0].corrected)
            row.corrected = report_format_value(r->cells[c0].corrected_value, corr, sizeof corr);
        if (note) {
            row.note = note->text;
            row.who = note->who;
            row.when = note->when;
            covered[c0] = 1;
        }
        put_row(f, &row);
        free(msg);
    }
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *e = &rv->entries[i];
        if (e->kind != GK_RV_CORRECTION)
            continue;
        int c = template_cell_index(r->tpl, e->cell);
        const gk_rv_entry *note = sidecar_find(rv, GK_RV_NOTE, NULL, e->cell);
        sbuf msg;
        sbuf_init(&msg);
        sbuf_adds(&msg, "审核更正");
        for (int k = 0; k < e->nalts; k++)
            sbuf_printf(&msg, "%s%s 更正为 %s", k ? "，" : "（有冲突，待核：", e->alts[k].who, e->alts[k].text);
        if (e->nalts)
            sbuf_adds(&msg, "）");
        issue_row row = {r, c, e->cell, e->original, e->text, msg.s, note ? note->text : NULL, e->who, e->when};
        if (c >= 0)
            covered[c] = 1;
        put_row(f, &row);
        sbuf_free(&msg);
    }
    for (int pass = 0; pass < 2; pass++)          /* cell notes, then the report-level note */
        for (int i = 0; i < rv->nentries; i++) {
            const gk_rv_entry *e = &rv->entries[i];
            if (e->kind != GK_RV_NOTE || (pass == 0) != (e->cell != NULL))
                continue;
            int c = e->cell ? template_cell_index(r->tpl, e->cell) : -1;
            if (c >= 0 && covered[c])
                continue;
            issue_row row = {r, c, e->cell, c >= 0 ? read_text(r, c, orig, sizeof orig) : NULL, NULL, NULL,
                             e->text, e->who, e->when};
            if (c >= 0 && r->cells[c].corrected)
                row.corrected = report_format_value(r->cells[c].corrected_value, corr, sizeof corr);
            put_row(f, &row);
        }
    free(covered);
}

static int issues_prepare(gk_report *r, void *ctx)
{
    (void)ctx;
    return cli_review_apply(r);
}

#define ISSUES_USAGE                                                                                   \
    "用法: gkreview issues [-o 问题清单.xlsx|问题清单.csv] [--format csv|xlsx] [--all] [--errors-only] [--rule 规则]\n" \
    "                      文件|目录...（不指定 -o 时向标准输出写 CSV）\n"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcasecmp(s + n - k, suffix);
}

int cli_issues(int argc, char **argv)
{
    char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
    int npaths = 0, only_pos = 0, xlsx = -1;
    const char *out = NULL;
    wb_filter flt = {0, 0, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int takes = !only_pos && (!strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "--format") ||
                                  !strcmp(a, "--rule"));
        if (takes && i + 1 >= argc) {
            safe_fprintf(stderr, "gkreview: %s 需要一个参数\n", a);
            free(paths);
            return 2;
        }
        if (!only_pos && !strcmp(a, "--")) {
            only_pos = 1;
        } else if (takes && (!strcmp(a, "-o") || !strcmp(a, "--output"))) {
            out = argv[++i];
        } else if (takes && !strcmp(a, "--format")) {
            const char *v = argv[++i];
            if (strcmp(v, "csv") && strcmp(v, "xlsx")) {
                safe_fprintf(stderr, "gkreview: 不支持的格式 %s\n", v);
                fputs(ISSUES_USAGE, stderr);
                free(paths);
                return 2;
            }
            xlsx = !strcmp(v, "xlsx");
        } else if (takes && !strcmp(a, "--rule")) {
            flt.rule = argv[++i];
            if (!template_rule(flt.rule)) {
                int n;
                const gk_rule_def *all = template_rules(&n);
                for (int k = 0; k < n && !template_rule(flt.rule); k++)
                    if (!strcasecmp(all[k].id, flt.rule))
                        flt.rule = all[k].id;
            }
            if (!template_rule(flt.rule)) {
                safe_fprintf(stderr, "gkreview: 未知的规则 %s\n", flt.rule);
                free(paths);
                return 2;
            }
        } else if (!only_pos && !strcmp(a, "--all")) {
            flt.all = 1;
        } else if (!only_pos && !strcmp(a, "--errors-only")) {
            flt.errors_only = 1;
        } else if (!only_pos && a[0] == '-' && a[1]) {
            safe_fprintf(stderr, "gkreview: 未知选项 %s\n", a);
            fputs(ISSUES_USAGE, stderr);
            free(paths);
            return 2;
        } else {
            paths[npaths++] = argv[i];
        }
    }
    if (!npaths) {
        fputs("gkreview: 请指定报告文件或目录\n" ISSUES_USAGE, stderr);
        free(paths);
        return 2;
    }
    if (xlsx < 0)
        xlsx = out && ends_with(out, ".xlsx");
    if (xlsx && !out) {
        fputs("gkreview: 工作簿须用 -o 指定文件名（如 -o 问题清单.xlsx）\n", stderr);
        free(paths);
        return 2;
    }
    if (!xlsx)
        flt.all = 1;                   /* the CSV lists every finding, as it always has */
    char *nolib = NULL;
    if (xlsx && gk_wb_available(out, &nolib) != 0) {   /* before any report is read */
        safe_fprintf(stderr, "gkreview: %s\n", nolib);
        free(nolib);
        free(paths);
        return 2;
    }
    FILE *f = stdout;
    if (!xlsx && out && !(f = fopen(out, "w"))) {
        safe_fprintf(stderr, "gkreview: 无法写入 %s\n", out);
        free(paths);
        return 2;
    }
    sidecar_read_only_run();           /* issues never saves */
    gk_batch b;
    batch_open(&b, npaths, paths, 1);
    b.prepare = issues_prepare;
    gk_workbook *wb = xlsx ? gk_wb_new(&flt) : NULL;
    if (!xlsx)
        fputs("\xEF\xBB\xBF"
              "文件,单位,年度,单元格,行,列,原值,更正值,问题,备注,审核人,时间\n",
              f);
    size_t nread = 0, unreadable = 0;
    for (size_t i = 0; i < b.files.n; i++) {
        char *why = NULL;
        gk_report *r = batch_load(&b, i, &why);
        if (!r) {
            safe_fprintf(stderr, "%s: error: 无法读取：%s\n", b.files.v[i].path, why);
            free(why);
            unreadable++;
            batch_release(&b, i);
            continue;
        }
        nread++;
        gk_review *rv = NULL;
        char *warn = NULL;
        sidecar_load(r->path, &rv, &warn);      /* warnings were given when it was applied */
        free(warn);
        if (wb)
            gk_wb_add(wb, r, rv);
        else
            issues_of(f, r, rv, &flt);
        sidecar_free(rv);
        report_free(r);
        batch_release(&b, i);
    }
    int bad = 0;
    if (wb) {
        char *why = NULL;
        if (gk_wb_write(wb, out, &why) != 0) {
            safe_fprintf(stderr, "gkreview: %s\n", why);
            free(why);
            bad = 1;
        }
    } else if (f != stdout) {
        bad = fclose(f) != 0;
        if (bad)
            safe_fprintf(stderr, "gkreview: 无法写入 %s\n", out);
    } else {
        fflush(stdout);
    }
    batch_free(&b);
    free(paths);
    return bad || unreadable || !nread ? 2 : 0;
}
