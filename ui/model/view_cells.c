/* view_cells.c — per-cell flags, tones, value text and detail text for the
 * review screen (see view_cells.h).  Reads the report, never changes it. */
#include "view_cells.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void view_cells_init(view_cells *v, const gk_report *r)
{
    memset(v, 0, sizeof *v);
    v->r = r;
    if (!r || !r->tpl)
        return;
    v->ncells = r->tpl->ncells;
    v->flags = xcalloc((size_t)(v->ncells ? v->ncells : 1), 1);
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *f = &r->findings[i];
        unsigned char bit = f->dismissed ? VIEW_F_DISMISSED
                            : f->severity == GK_SEV_ERROR ? VIEW_F_ERROR
                                                          : VIEW_F_WARNING;
        for (int k = 0; k < f->ncells; k++)
            if (f->cells[k] >= 0 && f->cells[k] < v->ncells)
                v->flags[f->cells[k]] |= bit;
    }
    for (int c = 0; c < v->ncells; c++)
        v->nflagged += view_cell_flagged(v, c);
}

void view_cells_free(view_cells *v)
{
    free(v->flags);
    memset(v, 0, sizeof *v);
}

int view_cell_flagged(const view_cells *v, int cell)
{
    if (cell < 0 || cell >= v->ncells)
        return 0;
    return (v->flags[cell] & (VIEW_F_ERROR | VIEW_F_WARNING)) != 0;
}

view_tone view_cell_tone(const view_cells *v, int cell)
{
    if (cell < 0 || cell >= v->ncells)
        return VIEW_TONE_NORMAL;
    unsigned f = v->flags[cell];
    if (f & VIEW_F_ERROR)
        return VIEW_TONE_ERROR;
    switch (v->r->cells[cell].status) {
    case GK_ST_INFERRED: return VIEW_TONE_INFERRED;
    case GK_ST_CORRECTED: return VIEW_TONE_CORRECTED;
    case GK_ST_BLANK:
    case GK_ST_MISSING: return VIEW_TONE_BLANK;
    default: break;
    }
    if (f & VIEW_F_WARNING)
        return VIEW_TONE_WARNING;
    if (f & VIEW_F_DISMISSED)
        return VIEW_TONE_DISMISSED;
    return VIEW_TONE_NORMAL;
}

const char *view_cell_text(const gk_report *r, int cell, char *buf, size_t n)
{
    const gk_cell *c = &r->cells[cell];
    char num[40];
    const char *mark = "";
    switch (c->status) {
    case GK_ST_MISSING:
        snprintf(buf, n, "%s", VIEW_TEXT_MISSING);
        return buf;
    case GK_ST_INFERRED: mark = VIEW_MARK_INFERRED; break;
    case GK_ST_CORRECTED: mark = VIEW_MARK_CORRECTED; break;
    case GK_ST_BLANK: mark = VIEW_MARK_BLANK; break;
    default: break;
    }
    const gk_cell_def *cd = &r->tpl->cells[cell];
    int plus = cd->coldef && cd->coldef->kind == GK_VAL_SIGNED && c->value > 0;
    snprintf(buf, n, "%s%s%s", plus ? "+" : "", report_format_value(c->value, num, sizeof num), mark);
    return buf;
}

const char *view_cells_text(const view_cells *v, int cell, char *buf, size_t n)
{
    view_cell_text(v->r, cell, buf, n);
    if (cell >= 0 && cell < v->ncells && (v->flags[cell] & VIEW_F_NOTE)) {
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s", VIEW_MARK_NOTE);
    }
    return buf;
}

const char *view_status_label(gk_status s)
{
    switch (s) {
    case GK_ST_EXTRACTED: return "读取";
    case GK_ST_BLANK: return "空白，按 0 计";
    case GK_ST_INFERRED: return "推算";
    case GK_ST_CORRECTED: return "已更正";
    default: return "缺失";
    }
}

const char *view_severity_label(gk_severity s)
{
    return s == GK_SEV_ERROR ? "错误" : "警告";
}

int view_next_flagged(const view_cells *v, int from, int dir, int *wrapped)
{
    if (wrapped)
        *wrapped = 0;
    if (v->nflagged == 0 || v->ncells == 0)
        return -1;
    int c = from;
    for (int step = 0; step <= v->ncells; step++) {
        c += dir;
        if (c >= v->ncells || c < 0) {
            c = c < 0 ? v->ncells - 1 : 0;
            if (wrapped && from >= 0)
                *wrapped = 1;
        }
        if (view_cell_flagged(v, c))
            return c;
    }
    return -1;
}

static int names_cell(const gk_finding *f, int cell)
{
    for (int k = 0; k < f->ncells; k++)
        if (f->cells[k] == cell)
            return 1;
    return 0;
}

int view_finding_of_cell(const gk_report *r, int cell)
{
    int dismissed = -1;
    for (int i = 0; i < r->nfindings; i++) {
        if (!names_cell(&r->findings[i], cell))
            continue;
        if (!r->findings[i].dismissed)
            return i;
        if (dismissed < 0)
            dismissed = i;
    }
    return dismissed;
}

static void add_finding_line(sbuf *b, const gk_finding *f)
{
    sbuf_printf(b, "\n[%s %s] %s", view_severity_label(f->severity), f->rule, f->message);
    if (f->dismissed)
        sbuf_printf(b, "（已忽略%s%s）", f->dismiss_reason ? "：" : "",
                    f->dismiss_reason ? f->dismiss_reason : "");
}

char *view_cell_detail(const view_cells *v, int cell)
{
    const gk_report *r = v->r;
    if (!r || cell < 0 || cell >= v->ncells)
        return xstrdup("");
    const gk_cell_def *cd = &r->tpl->cells[cell];
    const gk_cell *c = &r->cells[cell];
    char val[48];
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "%s  %s  值 %s（%s）", cd->label, cd->id, view_cell_text(r, cell, val, sizeof val),
                view_status_label(c->status));
    if (c->line > 0)
        sbuf_printf(&b, "  第 %d 行", text_file_line(r->text, c->line));
    else
        sbuf_adds(&b, "  原文中无此格");
    if (c->read_status == GK_ST_BLANK) {
        const char *raw = c->raw ? c->raw + strspn(c->raw, " \t") : "";
        if (*raw)
            sbuf_printf(&b, "  原文填「%s」", c->raw);
        else
            sbuf_adds(&b, "  原文此格为空");
    }
    if (c->equation)
        sbuf_printf(&b, "\n推算：%s", c->equation);
    if (c->unread_why)
        sbuf_printf(&b, "\n未能读取：%s", c->unread_why);
    for (int i = 0; i < r->nfindings; i++)
        if (names_cell(&r->findings[i], cell))
            add_finding_line(&b, &r->findings[i]);
    return sbuf_steal(&b);
}

char *view_finding_detail(const gk_report *r, int finding)
{
    if (!r || finding < 0 || finding >= r->nfindings)
        return xstrdup("");
    const gk_finding *f = &r->findings[finding];
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "[%s %s]", view_severity_label(f->severity), f->rule);
    if (f->line > 0)
        sbuf_printf(&b, " 第 %d 行", text_file_line(r->text, f->line));
    sbuf_printf(&b, "  %s", f->message);
    if (f->dismissed)
        sbuf_printf(&b, "（已忽略%s%s）", f->dismiss_reason ? "：" : "",
                    f->dismiss_reason ? f->dismiss_reason : "");
    if (f->ncells > 0) {
        sbuf_adds(&b, "\n涉及：");
        for (int k = 0; k < f->ncells; k++) {
            int c = f->cells[k];
            char val[48];
            if (c < 0 || c >= r->tpl->ncells)
                continue;
            sbuf_printf(&b, "%s%s %s", k ? "，" : "", r->tpl->cells[c].label,
                        view_cell_text(r, c, val, sizeof val));
        }
    }
    return sbuf_steal(&b);
}

/* ---- findings in the screen's order ------------------------------------------------ */

static int finding_group(const gk_finding *f)
{
    return f->dismissed ? 2 : f->severity == GK_SEV_ERROR ? 0 : 1;
}

int view_findings_order(const gk_report *r, unsigned filter, const char *rule, int with_dismissed, int *out)
{
    int n = 0;
    for (int g = 0; r && g < (with_dismissed ? 3 : 2); g++)
        for (int i = 0; i < r->nfindings; i++) {
            const gk_finding *f = &r->findings[i];
            if (finding_group(f) != g || (rule && strcmp(f->rule, rule)) ||
                ((filter & VIEW_ONLY_ERRORS) && f->severity != GK_SEV_ERROR))
                continue;
            out[n++] = i;
        }
    return n;
}

int view_findings_step(const gk_report *r, unsigned filter, const char *rule, int from, int dir, int *wrapped)
{
    *wrapped = 0;
    if (!r || r->nfindings == 0)
        return -1;
    int *v = xmalloc((size_t)r->nfindings * sizeof *v);
    int n = view_findings_order(r, filter, rule, 0, v), at = -1, next = -1;
    for (int k = 0; k < n; k++)
        if (v[k] == from)
            at = k;
    if (n > 0) {
        int k = at < 0 ? (dir > 0 ? 0 : n - 1) : at + dir;
        if (k >= n || k < 0) {
            *wrapped = 1;
            k = k < 0 ? n - 1 : 0;
        }
        next = v[k];
    }
    free(v);
    return next;
}

int view_findings_rules(const gk_report *r, const char **out)
{
    int n = 0;
    for (int i = 0; r && i < r->nfindings; i++) {
        int seen = 0;
        for (int k = 0; k < n && !seen; k++)
            seen = !strcmp(out[k], r->findings[i].rule);
        if (!seen)
            out[n++] = r->findings[i].rule;
    }
    return n;
}

/* ---- cells by name ------------------------------------------------------------------------ */

/* The name without spaces and separators (ASCII and full-width), ASCII
 * letters lower-cased. */
static char *squeeze(const char *s)
{
    static const char *const DROP[] = {"·", "・", "•", "．", "。", "／", "－", "—", "　", "（", "）"};
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "");
    while (*s) {
        size_t k, n = 0;
        for (k = 0; k < sizeof DROP / sizeof DROP[0]; k++) {
            n = strlen(DROP[k]);
            if (!strncmp(s, DROP[k], n))
                break;
        }
        if (k < sizeof DROP / sizeof DROP[0]) {
            s += n;
            continue;
        }
        unsigned char c = (unsigned char)*s++;
        if (c == ' ' || c == '\t' || c == '.' || c == '/' || c == '-' || c == '_' || c == '(' || c == ')')
            continue;
        sbuf_addc(&b, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return sbuf_steal(&b);
}

int view_cell_lookup(const gk_template *t, const char *name)
{
    if (!t || !name)
        return -1;
    while (*name == ' ')
        name++;
    int i = template_cell_index(t, name);
    if (i >= 0)
        return i;
    char *want = squeeze(name);
    int found = -1, nfound = 0, exact = -1;
    for (int c = 0; *want && c < t->ncells && exact < 0; c++) {
        char *id = squeeze(t->cells[c].id), *label = squeeze(t->cells[c].label);
        if (!strcmp(id, want) || !strcmp(label, want))
            exact = c;
        else if (strstr(label, want) || strstr(id, want)) {
            found = c;
            nfound++;
        }
        free(id);
        free(label);
    }
    free(want);
    return exact >= 0 ? exact : nfound == 1 ? found : nfound > 1 ? -2 : -1;
}
