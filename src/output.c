/* output.c — text, JSON (streamed, json_out.h) and CSV renderings of a checked report. */
#include "output.h"
#include "json_out.h"
#include "safe.h"
#include "util.h"

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

/* A string literal appended without strlen(). */
#define LIT(b, s) sbuf_add((b), s, sizeof s - 1)

static void str_or_null(sbuf *b, const char *s)
{
    if (s)
        json_out_str(b, s);
    else
        LIT(b, "null");
}

static void line_or_null(sbuf *b, int line)
{
    if (line)
        json_out_int(b, line);
    else
        LIT(b, "null");
}

/* Streamed into b member by member, in the order jansson's tree gave
 * (tests/tools/jsonref.c keeps that tree to compare against). */
void output_json_buf(sbuf *b, const gk_report *r)
{
    LIT(b, "{\"file\":");
    json_out_str(b, r->path);
    LIT(b, ",\"body\":");
    str_or_null(b, r->body && r->body[0] ? r->body : NULL);
    LIT(b, ",\"year\":");
    line_or_null(b, r->year);
    LIT(b, ",\"format\":");
    json_out_str(b, template_format_name(r->format));
    LIT(b, ",\"cells\":{");
    for (int i = 0; i < r->tpl->ncells; i++) {
        const gk_cell *c = &r->cells[i];
        if (i)
            sbuf_addc(b, ',');
        json_out_str(b, r->tpl->cells[i].id);
        LIT(b, ":{\"value\":");
        if (c->status == GK_ST_MISSING)
            LIT(b, "null");
        else
            json_out_number(b, c->value);
        LIT(b, ",\"status\":");
        json_out_str(b, report_status_name(c->status));
        LIT(b, ",\"line\":");
        line_or_null(b, c->line);
        if (c->status == GK_ST_CORRECTED && c->read_status != GK_ST_MISSING) {
            LIT(b, ",\"original\":");
            json_out_number(b, c->read_value);
        }
        sbuf_addc(b, '}');
    }
    LIT(b, "},\"findings\":[");
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        if (i)
            sbuf_addc(b, ',');
        sbuf_addc(b, '{');
        LIT(b, "\"rule\":");
        json_out_str(b, x->rule);
        sbuf_addc(b, ',');
        LIT(b, "\"severity\":");
        json_out_str(b, report_severity_name(x->severity));
        LIT(b, ",\"cells\":[");
        for (int k = 0; k < x->ncells; k++) {
            if (k)
                sbuf_addc(b, ',');
            json_out_str(b, r->tpl->cells[x->cells[k]].id);
        }
        LIT(b, "],");
        LIT(b, "\"message\":");
        json_out_str(b, x->message);
        sbuf_addc(b, ',');
        LIT(b, "\"line\":");
        line_or_null(b, x->line);
        sbuf_addc(b, ',');
        LIT(b, "\"dismissed\":");
        if (x->dismissed) {
            LIT(b, "true,");
            LIT(b, "\"reason\":");
            json_out_str(b, x->dismiss_reason ? x->dismiss_reason : "");
        } else {
            LIT(b, "false");
        }
        sbuf_addc(b, '}');
    }
    LIT(b, "]}\n");
}

void output_json(FILE *f, const gk_report *r)
{
    sbuf b;
    sbuf_init(&b);
    output_json_buf(&b, r);
    fwrite(b.s, 1, b.len, f);
    sbuf_free(&b);
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
