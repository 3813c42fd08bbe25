/* sidecar_apply.c — the review as the report's overlay: corrections and
 * dismissals set on a gk_report (notes stay in the review), with what does not
 * fit the report's template or no longer matches its values told.
 * The rules are run again by the pipeline (report_review(), pipeline.c),
 * never from here. */
#include "sidecar_int.h"

#include <stdio.h>

static void clear_overlay(gk_report *r)
{
    for (int i = 0; i < r->tpl->ncells; i++)
        report_uncorrect(r, i);
    for (int i = 0; i < r->ndismissals; i++) {
        free(r->dismissals[i].rule);
        free(r->dismissals[i].reason);
    }
    free(r->dismissals);
    r->dismissals = NULL;
    r->ndismissals = 0;
    for (int i = 0; i < r->nfindings; i++) {
        r->findings[i].dismissed = 0;
        r->findings[i].dismiss_reason = NULL;
    }
}

int sidecar_overlay(const gk_review *rv, gk_report *r, char **warn)
{
    if (warn)
        *warn = NULL;
    clear_overlay(r);
    sbuf w;
    sbuf_init(&w);
    int bad = 0, listed = 0, more = 0;
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *e = &rv->entries[i];
        int cell = -1;
        if (e->cell) {
            cell = template_cell_index(r->tpl, e->cell);
            if (cell < 0) {
                bad++;
                char *c = sc_excerpt(e->cell), *k = sc_excerpt(e->kind == GK_RV_DISMISS ? e->rule : e->cell);
                sc_list_item(&w, &listed, &more, "%s 格式的报告没有单元格 %s（[%s %s]）", r->tpl->name, c,
                             sc_kind_name(e->kind), k);
                free(c);
                free(k);
                continue;
            }
        }
        if (e->kind == GK_RV_CORRECTION) {
            report_correct(r, cell, e->value);
            char now[40];
            sc_cell_original(r, cell, now, sizeof now);
            if (rv->report_changed && e->original && strcmp(e->original, now) != 0) {
                char *o = sc_excerpt(e->original);
                sc_list_item(&w, &listed, &more, "%s：审核时报告中的值为 %s，现在为 %s", e->cell,
                             e->original[0] ? o : "（空）", now[0] ? now : "（空）");
                free(o);
            }
        } else if (e->kind == GK_RV_DISMISS) {
            if (!template_rule(e->rule)) {
                bad++;
                char *k = sc_excerpt(e->rule);
                sc_list_item(&w, &listed, &more, "没有规则 %s", k);
                free(k);
                continue;
            }
            report_dismiss(r, e->rule, cell, e->text);
        }
    }
    if (more)
        sbuf_printf(&w, "… 及其他 %d 个", more);
    if (w.len && warn)
        *warn = xasprintf("%s：%s", rv->path && rv->exists ? rv->path : rv->report_path, w.s);  /* where the entries are */
    sbuf_free(&w);
    return bad;
}
