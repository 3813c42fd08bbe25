/* workbook.c — the 问题清单 workbook (see workbook.h). */
#include "rules.h"
#include "workbook.h"
#include "safe.h"
#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* ---- libxlsxwriter, loaded when a workbook is written -----------------------------------
 * Linked, libxlsxwriter (with its zip writer) is loaded by every run of the program, though
 * only `issues -o FILE.xlsx` uses it; so it is opened with dlopen() then, once per process. */

static struct {
    __typeof__(workbook_new) *wb_new;
    __typeof__(workbook_add_format) *wb_add_format;
    __typeof__(workbook_add_worksheet) *wb_add_worksheet;
    __typeof__(workbook_close) *wb_close;
    __typeof__(format_set_bold) *fmt_bold;
    __typeof__(format_set_bg_color) *fmt_bg_color;
    __typeof__(format_set_border) *fmt_border;
    __typeof__(format_set_text_wrap) *fmt_text_wrap;
    __typeof__(format_set_align) *fmt_align;
    __typeof__(format_set_font_color) *fmt_font_color;
    __typeof__(worksheet_set_column) *ws_set_column;
    __typeof__(worksheet_write_string) *ws_write_string;
    __typeof__(worksheet_write_number) *ws_write_number;
    __typeof__(worksheet_freeze_panes) *ws_freeze_panes;
    __typeof__(worksheet_autofilter) *ws_autofilter;
    __typeof__(lxw_strerror) *strerror_;
} X;
static int X_ok;
static pthread_once_t X_once = PTHREAD_ONCE_INIT;

static void load_xlsxwriter(void)
{
    static const char *const NAMES[] = {"libxlsxwriter.so.4", "libxlsxwriter.so", NULL};
    const util_sym SYMS[] = {
        {"workbook_new", &X.wb_new},
        {"workbook_add_format", &X.wb_add_format},
        {"workbook_add_worksheet", &X.wb_add_worksheet},
        {"workbook_close", &X.wb_close},
        {"format_set_bold", &X.fmt_bold},
        {"format_set_bg_color", &X.fmt_bg_color},
        {"format_set_border", &X.fmt_border},
        {"format_set_text_wrap", &X.fmt_text_wrap},
        {"format_set_align", &X.fmt_align},
        {"format_set_font_color", &X.fmt_font_color},
        {"worksheet_set_column", &X.ws_set_column},
        {"worksheet_write_string", &X.ws_write_string},
        {"worksheet_write_number", &X.ws_write_number},
        {"worksheet_freeze_panes", &X.ws_freeze_panes},
        {"worksheet_autofilter", &X.ws_autofilter},
        {"lxw_strerror", &X.strerror_},
        {NULL, NULL},
    };
    X_ok = util_dlload("libxlsxwriter", NAMES, SYMS);
}

#define workbook_new X.wb_new
#define workbook_add_format X.wb_add_format
#define workbook_add_worksheet X.wb_add_worksheet
#define workbook_close X.wb_close
#define format_set_bold X.fmt_bold
#define format_set_bg_color X.fmt_bg_color
#define format_set_border X.fmt_border
#define format_set_text_wrap X.fmt_text_wrap
#define format_set_align X.fmt_align
#define format_set_font_color X.fmt_font_color
#define worksheet_set_column X.ws_set_column
#define worksheet_write_string X.ws_write_string
#define worksheet_write_number X.ws_write_number
#define worksheet_freeze_panes X.ws_freeze_panes
#define worksheet_autofilter X.ws_autofilter
#define lxw_strerror X.strerror_

int gk_wb_available(const char *path, char **why)
{
    pthread_once(&X_once, load_xlsxwriter);
    if (X_ok)
        return 0;
    *why = xasprintf("无法写入 %s：没有找到 libxlsxwriter（请安装 libxlsxwriter4）", path);
    return -1;
}

/* ---- the rows ------------------------------------------------------------------------------ */

typedef struct {
    int error;
    size_t order;             /* insertion order: a report's rows stay in line order */
    char *body, *pos, *type, *rule, *msg, *opinion, *status, *file;
    int year;
} wb_row;

struct gk_workbook {
    wb_filter filter;
    wb_row *rows;
    size_t n;
};

gk_workbook *gk_wb_new(const wb_filter *filter)
{
    gk_workbook *w = xcalloc(1, sizeof *w);
    if (filter)
        w->filter = *filter;
    return w;
}

int gk_wb_filter_pass(const wb_filter *f, const gk_finding *x)
{
    const gk_rule_def *rd = template_rule(x->rule);
    if (!f->all && rd && rd->reading)
        return 0;
    if (f->errors_only && x->severity != GK_SEV_ERROR)
        return 0;
    if (f->rule && strcasecmp(f->rule, x->rule) != 0)
        return 0;
    return 1;
}

static const char *const TABLE_NAMES[] = {"", "", "表二", "表三", "表四"};

/* 表/行/列 in Chinese and the source line: "表三·本年新收·自然人（第 57 行）". */
static char *position(const gk_report *r, const gk_finding *x)
{
    sbuf b;
    sbuf_init(&b);
    if (x->ncells) {
        const gk_cell_def *cd = &r->tpl->cells[x->cells[0]];
        sbuf_printf(&b, "%s·%s", cd->table >= 2 && cd->table <= 4 ? TABLE_NAMES[cd->table] : "", cd->label);
        if (x->ncells > 1)
            sbuf_printf(&b, " 等 %d 格", x->ncells);
    }
    if (x->line)
        sbuf_printf(&b, "%s第 %d 行", b.len ? "（" : "", text_file_line(r->text, x->line));
    if (x->line && x->ncells)
        sbuf_adds(&b, "）");
    if (!b.len)
        sbuf_adds(&b, "全文");
    return sbuf_steal(&b);
}

static void add_row(gk_workbook *w, const gk_report *r, const gk_finding *x, const char *opinion, char *status)
{
    const gk_rule_def *rd = template_rule(x->rule);
    w->rows = xrealloc(w->rows, (w->n + 1) * sizeof *w->rows);
    wb_row *row = &w->rows[w->n];
    row->error = x->severity == GK_SEV_ERROR;
    row->order = w->n++;
    row->body = xstrdup(r->body ? r->body : "");
    row->year = r->year;
    row->pos = position(r, x);
    row->type = xstrdup(rd && rd->name ? rd->name : x->rule);
    row->rule = xstrdup(x->rule);
    row->msg = xstrdup(x->message);
    row->opinion = xstrdup(opinion ? opinion : "");
    row->status = status;
    row->file = xstrdup(r->path);
}

static const char *note_of(const gk_report *r, const gk_review *rv, const gk_finding *x)
{
    if (!rv || !x->ncells)
        return NULL;
    const gk_rv_entry *e = sidecar_find(rv, GK_RV_NOTE, NULL, r->tpl->cells[x->cells[0]].id);
    return e ? e->text : NULL;
}

void gk_wb_add(gk_workbook *w, gk_report *r, const gk_review *rv)
{
    char a[32], b[32];
    int ncorr = 0;
    for (int i = 0; i < r->tpl->ncells; i++)
        ncorr += r->cells[i].corrected;
    /* the findings that justified the corrections: the report as it was read */
    if (ncorr) {
        double *vals = xcalloc((size_t)r->tpl->ncells, sizeof *vals);
        char *was = xcalloc((size_t)r->tpl->ncells, 1);
        for (int i = 0; i < r->tpl->ncells; i++)
            if (r->cells[i].corrected) {
                was[i] = 1;
                vals[i] = r->cells[i].corrected_value;
                report_uncorrect(r, i);
            }
        rules_check(r);
        for (int k = 0; k < r->nfindings; k++) {
            const gk_finding *x = &r->findings[k];
            int c = -1;
            for (int j = 0; j < x->ncells && c < 0; j++)
                if (was[x->cells[j]])
                    c = x->cells[j];
            if (c < 0 || !gk_wb_filter_pass(&w->filter, x))
                continue;
            const gk_cell *cell = &r->cells[c];
            const char *orig = cell->read_status == GK_ST_EXTRACTED ? report_format_value(cell->read_value, a, sizeof a)
                                                                    : "空";
            add_row(w, r, x, note_of(r, rv, x),
                    xasprintf("已更正：%s %s → %s", r->tpl->cells[c].label, orig,
                              report_format_value(vals[c], b, sizeof b)));
        }
        for (int i = 0; i < r->tpl->ncells; i++)
            if (was[i])
                report_correct(r, i, vals[i]);
        rules_check(r);
        free(vals);
        free(was);
    }
    for (int k = 0; k < r->nfindings; k++) {
        const gk_finding *x = &r->findings[k];
        if (!gk_wb_filter_pass(&w->filter, x))
            continue;
        add_row(w, r, x, note_of(r, rv, x),
                x->dismissed ? xasprintf("已忽略：%s", x->dismiss_reason ? x->dismiss_reason : "") : xstrdup("待整改"));
    }
}

static int cmp_rows(const void *pa, const void *pb)
{
    const wb_row *a = pa, *b = pb;
    if (a->error != b->error)
        return b->error - a->error;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* A text cell as it may reach a spreadsheet: neutralised, never a formula. */
static void put_text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt)
{
    char *clean = safe_dup(s ? s : "", SAFE_KEEP_NL | SAFE_KEEP_TAB);
    if (safe_csv_formula(clean)) {
        char *q = xasprintf("'%s", clean);
        free(clean);
        clean = q;
    }
    worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, clean, fmt);
    free(clean);
}

static void free_rows(gk_workbook *w)
{
    for (size_t i = 0; i < w->n; i++) {
        wb_row *x = &w->rows[i];
        free(x->body);
        free(x->pos);
        free(x->type);
        free(x->rule);
        free(x->msg);
        free(x->opinion);
        free(x->status);
        free(x->file);
    }
    free(w->rows);
    free(w);
}

static const char *const HEAD[] = {"序号", "单位", "年度", "位置", "问题类型", "问题说明", "严重程度", "审核意见", "状态", "文件"};
static const double WIDTH[] = {6, 26, 7, 30, 20, 64, 9, 30, 26, 36};
#define NCOLS 10

typedef struct {
    const char *body;
    int year;
    long errors, warnings;
} body_count;

int gk_wb_write(gk_workbook *w, const char *path, char **why)
{
    if (gk_wb_available(path, why) != 0) {
        free_rows(w);
        return -1;
    }
    if (w->n > 1)
        qsort(w->rows, w->n, sizeof *w->rows, cmp_rows);
    lxw_workbook *wb = workbook_new(path);
    if (!wb) {
        *why = xasprintf("无法创建 %s", path);
        free_rows(w);
        return -1;
    }
    lxw_format *head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bg_color(head, 0xDDEBF7);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format *wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *err = workbook_add_format(wb);
    format_set_text_wrap(err);
    format_set_align(err, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_color(err, LXW_COLOR_RED);
    format_set_bold(err);

    lxw_worksheet *ws = workbook_add_worksheet(wb, "问题清单");
    for (int c = 0; c < NCOLS; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, WIDTH[c], wrap);
        worksheet_write_string(ws, 0, (lxw_col_t)c, HEAD[c], head);
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)(w->n ? w->n : 1), NCOLS - 1);
    body_count *bc = NULL;
    size_t nbc = 0;
    int nrules;
    const gk_rule_def *rules = template_rules(&nrules);
    long *by_rule = xcalloc((size_t)nrules + 1, sizeof *by_rule);
    for (size_t i = 0; i < w->n; i++) {
        const wb_row *x = &w->rows[i];
        int row = (int)i + 1;
        worksheet_write_number(ws, (lxw_row_t)row, 0, (double)row, wrap);
        put_text(ws, row, 1, x->body, wrap);
        if (x->year)
            worksheet_write_number(ws, (lxw_row_t)row, 2, x->year, wrap);
        else
            put_text(ws, row, 2, "", wrap);
        put_text(ws, row, 3, x->pos, wrap);
        put_text(ws, row, 4, x->type, wrap);
        put_text(ws, row, 5, x->msg, wrap);
        put_text(ws, row, 6, x->error ? "错误" : "警告", x->error ? err : wrap);
        put_text(ws, row, 7, x->opinion, wrap);
        put_text(ws, row, 8, x->status, wrap);
        put_text(ws, row, 9, x->file, wrap);
        size_t j = 0;
        while (j < nbc && !(bc[j].year == x->year && !strcmp(bc[j].body, x->body)))
            j++;
        if (j == nbc) {
            bc = xrealloc(bc, (nbc + 1) * sizeof *bc);
            bc[nbc++] = (body_count){x->body, x->year, 0, 0};
        }
        x->error ? bc[j].errors++ : bc[j].warnings++;
        int k = 0;
        while (k < nrules && strcmp(rules[k].id, x->rule))
            k++;
        by_rule[k]++;
    }

    lxw_worksheet *sum = workbook_add_worksheet(wb, "汇总");
    static const char *const SH[] = {"单位", "年度", "错误", "警告", "合计"};
    static const double SW[] = {30, 8, 8, 8, 8};
    for (int c = 0; c < 5; c++) {
        worksheet_set_column(sum, (lxw_col_t)c, (lxw_col_t)c, SW[c], NULL);
        worksheet_write_string(sum, 0, (lxw_col_t)c, SH[c], head);
    }
    worksheet_set_column(sum, 6, 6, 24, NULL);
    worksheet_set_column(sum, 7, 7, 22, NULL);
    worksheet_set_column(sum, 8, 9, 9, NULL);
    worksheet_freeze_panes(sum, 1, 0);
    for (size_t j = 0; j < nbc; j++) {
        lxw_row_t row = (lxw_row_t)(j + 1);
        put_text(sum, (int)row, 0, bc[j].body, NULL);
        if (bc[j].year)
            worksheet_write_number(sum, row, 1, bc[j].year, NULL);
        worksheet_write_number(sum, row, 2, (double)bc[j].errors, NULL);
        worksheet_write_number(sum, row, 3, (double)bc[j].warnings, NULL);
        worksheet_write_number(sum, row, 4, (double)(bc[j].errors + bc[j].warnings), NULL);
    }
    static const char *const RH[] = {"问题类型", "规则", "严重程度", "数量"};
    for (int c = 0; c < 4; c++)
        worksheet_write_string(sum, 0, (lxw_col_t)(6 + c), RH[c], head);
    int row = 1;
    for (int k = 0; k < nrules; k++) {
        if (!by_rule[k])
            continue;
        worksheet_write_string(sum, (lxw_row_t)row, 6, rules[k].name, NULL);
        worksheet_write_string(sum, (lxw_row_t)row, 7, rules[k].id, NULL);
        worksheet_write_string(sum, (lxw_row_t)row, 8, rules[k].severity == GK_SEV_ERROR ? "错误" : "警告", NULL);
        worksheet_write_number(sum, (lxw_row_t)row, 9, (double)by_rule[k], NULL);
        row++;
    }
    lxw_error e = workbook_close(wb);
    free(bc);
    free(by_rule);
    free_rows(w);
    if (e != LXW_NO_ERROR) {
        *why = xasprintf("无法写入 %s：%s", path, lxw_strerror(e));
        return -1;
    }
    return 0;
}
