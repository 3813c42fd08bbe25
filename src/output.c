/* output.c — text, JSON (jansson) and CSV renderings of a checked report. */
#include "output.h"
#include "safe.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Each line is neutralised whole: the file name, the message (which may
 * quote the report) and a reviewer's reason never reach a terminal raw. */
void output_findings_text(FILE *f, const gk_report *r)
{
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        char at[16] = "";
        if (x->line)
            snprintf(at, sizeof at, ":%d", x->line);
        if (x->dismissed)
            safe_fprintf(f, "%s%s: note: %s [%s] (已忽略：%s)\n", r->path, at, x->message, x->rule,
                         x->dismiss_reason ? x->dismiss_reason : "");
        else
            safe_fprintf(f, "%s%s: %s: %s [%s]\n", r->path, at, report_severity_name(x->severity), x->message,
                         x->rule);
    }
}

static json_t *json_value(double v)
{
    if (v == floor(v) && fabs(v) < 9e15)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *json_line(int line)
{
    return line ? json_integer(line) : json_null();
}

void output_json(FILE *f, const gk_report *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "file", json_string(r->path));
    json_object_set_new(o, "body", r->body && r->body[0] ? json_string(r->body) : json_null());
    json_object_set_new(o, "year", r->year ? json_integer(r->year) : json_null());
    json_object_set_new(o, "format", json_string(template_format_name(r->format)));
    json_t *cells = json_object();
    for (int i = 0; i < r->tpl->ncells; i++) {
        const gk_cell *c = &r->cells[i];
        json_t *cell = json_object();
        json_object_set_new(cell, "value", c->status == GK_ST_MISSING ? json_null() : json_value(c->value));
        json_object_set_new(cell, "status", json_string(report_status_name(c->status)));
        json_object_set_new(cell, "line", json_line(c->line));
        if (c->status == GK_ST_CORRECTED && c->read_status != GK_ST_MISSING)
            json_object_set_new(cell, "original", json_value(c->read_value));
        json_object_set_new(cells, r->tpl->cells[i].id, cell);
    }
    json_object_set_new(o, "cells", cells);
    json_t *fs = json_array();
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        json_t *fo = json_object();
        json_object_set_new(fo, "rule", json_string(x->rule));
        json_object_set_new(fo, "severity", json_string(report_severity_name(x->severity)));
        json_t *ids = json_array();
        for (int k = 0; k < x->ncells; k++)
            json_array_append_new(ids, json_string(r->tpl->cells[x->cells[k]].id));
        json_object_set_new(fo, "cells", ids);
        json_object_set_new(fo, "message", json_string(x->message));
        json_object_set_new(fo, "line", json_line(x->line));
        json_object_set_new(fo, "dismissed", json_boolean(x->dismissed));
        if (x->dismissed)
            json_object_set_new(fo, "reason", json_string(x->dismiss_reason ? x->dismiss_reason : ""));
        json_array_append_new(fs, fo);
    }
    json_object_set_new(o, "findings", fs);
    char *s = json_dumps(o, JSON_COMPACT);
    if (s) {
        fputs(s, f);
        fputc('\n', f);
        free(s);
    }
    json_decref(o);
}

/* Control characters and escape sequences become the screen's placeholders
 * (newlines and tabs stay: notes have lines); a cell a spreadsheet would run
 * as a formula gets a leading apostrophe (safe_csv_formula()). */
void output_csv_field(FILE *f, const char *raw, int last)
{
    char *own = NULL;
    const char *s = raw;
    if (!safe_is_clean(raw, strlen(raw), SAFE_KEEP_NL | SAFE_KEEP_TAB))
        s = own = safe_dup(raw, SAFE_KEEP_NL | SAFE_KEEP_TAB);
    int formula = safe_csv_formula(s);
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        if (formula)
            fputc('\'', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        if (formula)
            fputc('\'', f);
        fputs(s, f);
    }
    fputc(last ? '\n' : ',', f);
    free(own);
}

void output_csv_header(FILE *f)
{
    fputs("\xEF\xBB\xBF", f);
    fputs("file,cell,row,column,value,status,line\n", f);
}

void output_csv_cells(FILE *f, const gk_report *r)
{
    char v[32], l[16];
    for (int i = 0; i < r->tpl->ncells; i++) {
        const gk_cell *c = &r->cells[i];
        const gk_cell_def *cd = &r->tpl->cells[i];
        output_csv_field(f, r->path, 0);
        output_csv_field(f, cd->id, 0);
        output_csv_field(f, cd->rowdef->label, 0);
        output_csv_field(f, cd->coldef->label, 0);
        output_csv_field(f, c->status == GK_ST_MISSING ? "" : report_format_value(c->value, v, sizeof v), 0);
        output_csv_field(f, report_status_name(c->status), 0);
        if (c->line)
            snprintf(l, sizeof l, "%d", c->line);
        else
            l[0] = '\0';
        output_csv_field(f, l, 1);
    }
}

void output_csv_findings_header(FILE *f)
{
    fputs("\xEF\xBB\xBF", f);
    fputs("file,body,year,rule,severity,cells,line,message,dismissed,reason\n", f);
}

void output_csv_findings(FILE *f, const gk_report *r)
{
    char num[32];
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        output_csv_field(f, r->path, 0);
        output_csv_field(f, r->body ? r->body : "", 0);
        snprintf(num, sizeof num, "%d", r->year);
        output_csv_field(f, r->year ? num : "", 0);
        output_csv_field(f, x->rule, 0);
        output_csv_field(f, report_severity_name(x->severity), 0);
        sbuf cells;
        sbuf_init(&cells);
        for (int k = 0; k < x->ncells; k++)
            sbuf_printf(&cells, "%s%s", k ? " " : "", r->tpl->cells[x->cells[k]].id);
        output_csv_field(f, cells.s, 0);
        sbuf_free(&cells);
        snprintf(num, sizeof num, "%d", x->line);
        output_csv_field(f, x->line ? num : "", 0);
        output_csv_field(f, x->message, 0);
        output_csv_field(f, x->dismissed ? "true" : "false", 0);
        output_csv_field(f, x->dismiss_reason ? x->dismiss_reason : "", 1);
    }
}
