/* tui_review.c — the reviewer's actions on the open report: correct a cell
 * (e) or take the correction back (x), notes on a cell (a) or the report
 * (A), dismiss a finding with a reason (d), the review state (m), undo (u),
 * save (s), and the question before leaving a report with unsaved changes.
 * The work itself is done by view_review.c; this file asks for the text,
 * shows the answer and makes the screen follow. */
#include "draw.h"
#include "recover.h"
#include "tui.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void recover_sync(tui *t);
static int ensure_reviewer(tui *t);
static void goto_cell(tui *t);
static void step_edit(tui *t, int dir);

/* The message of a view_review call goes to the key bar. */
static void say(tui *t, char *msg)
{
    if (msg)
        tui_msg(t, "%s", msg);
    free(msg);
}

static int need_report(tui *t)
{
    if (t->doc.r)
        return 1;
    tui_msg(t, "这份报告无法读取，不能审核");
    return 0;
}

static int need_cell(tui *t)
{
    if (!need_report(t))
        return 0;
    if (t->sel.cell >= 0)
        return 1;
    tui_msg(t, "请先在表格中选择一个单元格");
    return 0;
}

static void correct(tui *t)
{
    if (!need_cell(t))
        return;
    const gk_report *r = t->doc.r;
    int cell = t->sel.cell;
    char val[48];
    char *label = xasprintf("更正 %s（现为 %s），输入新值：", r->tpl->cells[cell].label,
                            view_cell_text(r, cell, val, sizeof val));
    char *text = prompt_line(&t->host, label, NULL);
    free(label);
    if (!text || !*text) {
        tui_msg(t, "未更正");
        free(text);
        return;
    }
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    int rc = view_review_correct(&t->review, t->doc.r, cell, text, &msg);
    free(text);
    say(t, msg);
    if (rc == 0) {
        tui_doc_changed(t, key);
        recover_sync(t);
    }
}

static void uncorrect(tui *t)
{
    if (!need_cell(t))
        return;
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    int rc = view_review_uncorrect(&t->review, t->doc.r, t->sel.cell, &msg);
    say(t, msg);
    if (rc == 0) {
        tui_doc_changed(t, key);
        recover_sync(t);
    }
}

static void note(tui *t, int whole)
{
    if (!(whole ? need_report(t) : need_cell(t)))
        return;
    const gk_report *r = t->doc.r;
    int cell = whole ? -1 : t->sel.cell;
    char *title = cell >= 0 ? xasprintf("备注：%s", r->tpl->cells[cell].label) : xstrdup("备注：整份报告");
    char *about = cell >= 0 ? xasprintf("单元格 %s%s。清空后回车即删除备注。", r->tpl->cells[cell].id,
                                        r->cells[cell].line ? "" : "（原文中无此格）")
                            : xasprintf("%s 的备注，写给整份报告。清空后回车即删除备注。", r->path);
    const char *old = view_review_note(&t->review, r, cell);
    char *text = prompt_box(&t->host, title, about, old);
    free(title);
    free(about);
    if (!text) {
        tui_msg(t, "备注未改变");
        return;
    }
    char *msg = NULL;
    int rc = view_review_set_note(&t->review, r, cell, text, &msg);
    free(text);
    say(t, msg);
    if (rc == 0) {
        tui_doc_changed(t, tui_finding_key(t));
        recover_sync(t);
    }
}

/* The finding d acts on: the selected one, else the first naming the cell. */
static int target_finding(const tui *t)
{
    if (t->sel.finding >= 0)
        return t->sel.finding;
    return t->sel.cell >= 0 ? view_finding_of_cell(t->doc.r, t->sel.cell) : -1;
}

/* A reason must say something: the box stays open until it does. */
static char *reason_check(const char *text, void *ctx)
{
    (void)ctx;
    for (const char *s = text; *s;) {
        if (!strncmp(s, "　", 3))
            s += 3;
        else if (strchr(" \t\r\n", *s))
            s++;
        else
            return NULL;
    }
    return xstrdup("理由不能为空：请写明为什么忽略这条问题（Esc 放弃忽略）");
}

static void dismiss(tui *t)
{
    if (!need_report(t))
        return;
    gk_report *r = t->doc.r;
    int f = target_finding(t);
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    if (f >= 0 && r->findings[f].dismissed) {
        if (view_review_undismiss(&t->review, r, f, &msg) == 0) {
            say(t, msg);
            tui_doc_changed(t, key);
            recover_sync(t);
            return;
        }
        say(t, msg);
        return;
    }
    if (f < 0) {
        tui_msg(t, "当前单元格没有问题可忽略（n 跳到下一个问题，f 打开问题列表）");
        return;
    }
    char *about = xasprintf("[%s %s] %s", view_severity_label(r->findings[f].severity), r->findings[f].rule,
                            r->findings[f].message);
    char *reason = prompt_box_checked(&t->host, "忽略这条问题：请写明理由", about, NULL, reason_check, NULL);
    free(about);
    if (!reason) {
        tui_msg(t, "未忽略");
        return;
    }
    int rc = view_review_dismiss(&t->review, r, f, reason, &msg);
    free(reason);
    say(t, msg);
    if (rc == 0) {
        tui_doc_changed(t, key);
        recover_sync(t);
    }
}

static void undo(tui *t)
{
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    int rc = view_review_undo(&t->review, t->doc.r, &msg);
    say(t, msg);
    if (rc == 0) {
        tui_doc_changed(t, key);
        recover_sync(t);
    }
}

static int save(tui *t)
{
    if (!ensure_reviewer(t))
        return -1;
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    int rc = view_review_save(&t->review, t->doc.r, &msg);
    say(t, msg);
    if (rc == 0) {
        recover_remove(t->doc.path);
        tui_doc_changed(t, key);
        if (t->has_queue)
            tui_queue_saved(t);
    }
    return rc;
}

int tui_review_act(tui *t, action_id a)
{
    char *msg = NULL;
    switch (a) {
    case ACT_CORRECT: correct(t); break;
    case ACT_UNCORRECT: uncorrect(t); break;
    case ACT_NOTE: note(t, 0); break;
    case ACT_REPORT_NOTE: note(t, 1); break;
    case ACT_DISMISS: dismiss(t); break;
    case ACT_STATE:
        if (need_report(t)) {
            view_review_cycle_state(&t->review, &msg);
            say(t, msg);
            recover_sync(t);
        }
        break;
    case ACT_GOTO: goto_cell(t); break;
    case ACT_NEXT_EDIT: step_edit(t, 1); break;
    case ACT_PREV_EDIT: step_edit(t, -1); break;
    case ACT_UNDO: undo(t); break;
    case ACT_SAVE:
        if (need_report(t))
            save(t);
        break;
    default: return 0;
    }
    return 1;
}

int tui_review_may_leave(tui *t, const char *doing)
{
    if (!t->doc.r || !view_review_dirty(&t->review))
        return 1;
    char y[16], n[16], s[16];
    int ky = actions_answer(ACT_ANS_YES), kn = actions_answer(ACT_ANS_NO);
    char keys[3] = {(char)ky, (char)kn, 0};
    char *q = xasprintf("本报告有未保存的修改，%s前保存吗？  %s 保存  %s 不保存  Esc 取消", doing,
                        actions_key_name(ACT_ANS_YES, y, sizeof y), actions_key_name(ACT_ANS_NO, n, sizeof n));
    int k = prompt_ask(&t->host, q, keys);
    free(q);
    if (k == ky)
        return save(t) == 0;
    if (k == kn) {
        recover_remove(t->doc.path);          /* the reviewer chose to lose them */
        return 1;
    }
    if (!t->ending)
        tui_msg(t, "已取消，修改仍未保存（%s 保存）", actions_key_name(ACT_SAVE, s, sizeof s));
    return 0;
}

char *tui_review_status(const tui *t)
{
    const gk_report *r = t->doc.r;
    const gk_review *rv = t->review.rv;
    if (!r)
        return xstrdup("");
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, " 错误%d 警告%d %s", r->nerrors, r->nwarnings,
                sidecar_state_name(rv ? rv->state : GK_REV_UNREVIEWED));
    if (view_review_dirty(&t->review))
        sbuf_adds(&b, " *未保存");
    if (rv && sidecar_find(rv, GK_RV_NOTE, NULL, NULL))
        sbuf_adds(&b, " 有备注");
    if (rv && rv->fallback)
        sbuf_adds(&b, " 记录在数据目录");
    if (t->cfg.reviewer)
        sbuf_printf(&b, " 审核人 %s", t->cfg.reviewer);
    sbuf_adds(&b, " ");
    return sbuf_steal(&b);
}

char *tui_review_where(const tui *t)
{
    const gk_review *rv = t->review.rv;
    if (!t->doc.r || !rv)
        return NULL;
    return xasprintf("本报告的审核记录%s：%s%s（审核人：%s）", rv->fallback ? "（报告所在目录不可写，存于数据目录）" : "",
                     sidecar_where(rv), rv->exists ? "" : "（尚未保存过）", t->who);
}

/* ---- the recovery file ----------------------------------------------------------------- */

/* After every change: the unsaved changes go to the recovery file, or the
 * file goes when nothing is unsaved. */
static void recover_sync(tui *t)
{
    if (!t->doc.r)
        return;
    recover_data d;
    memset(&d, 0, sizeof d);
    if (view_review_snapshot(&t->review, &d) > 0) {
        char now[40];
        d.when = xstrdup(recover_now(now, sizeof now));
        char *err = NULL;
        if (recover_write(t->doc.path, &d, &err) != 0) {
            size_t n = strlen(t->msg);
            snprintf(t->msg + n, sizeof t->msg - n, "%s警告：%s", n ? "；" : "", err);
        }
        free(err);
    } else {
        recover_remove(t->doc.path);
    }
    recover_data_free(&d);
}

void tui_review_offer(tui *t)
{
    if (!t->doc.r)
        return;
    recover_data d;
    int rc = recover_read(t->doc.path, &d);
    if (rc < 0) {
        char *path = recover_path(t->doc.path);
        tui_msg(t, "恢复文件 %s 无法读取或已损坏，未使用", path ? path : "");
        free(path);
        return;
    }
    if (rc == 0)
        return;
    char when[32], r[16], dk[16];
    int kr = actions_answer(ACT_ANS_RECOVER), kd = actions_answer(ACT_ANS_DISCARD);
    actions_key_name(ACT_ANS_RECOVER, r, sizeof r);
    actions_key_name(ACT_ANS_DISCARD, dk, sizeof dk);
    char *q = xasprintf("发现未保存的审核记录（%s，%d 处修改）：%s 恢复 / %s 丢弃  Esc 以后再说",
                        view_review_when(d.when, when, sizeof when), d.nops, r, dk);
    char keys[3] = {(char)kr, (char)kd, 0};
    int k = prompt_ask(&t->host, q, keys);
    free(q);
    if (k == kr) {
        tui_fkey key = tui_finding_key(t);
        char *msg = NULL;
        view_review_restore(&t->review, t->doc.r, &d, &msg);
        say(t, msg);
        tui_doc_changed(t, key);
        recover_sync(t);
    } else if (k == kd) {
        recover_remove(t->doc.path);
        tui_msg(t, "已丢弃未保存的审核记录");
    } else {
        tui_msg(t, "恢复文件保留，下次打开这份报告时再问");
    }
    recover_data_free(&d);
}

/* ---- the reviewer's name ---------------------------------------------------------------------- */

static char *name_check(const char *text, void *ctx)
{
    (void)ctx;
    return config_reviewer_invalid(text);
}

/* The first save of a session without a configured reviewer asks for the
 * name once and stores it in the config; 0 when the reviewer cancelled. */
static int ensure_reviewer(tui *t)
{
    if (t->cfg.reviewer)
        return 1;
    const char *u = getenv("USER");
    char *why = u ? config_reviewer_invalid(u) : NULL;
    const char *suggest = u && !why ? u : NULL;
    free(why);
    char *name = prompt_line_checked(&t->host, "审核人姓名（第一次保存时填写，记入配置文件）：", suggest, name_check, NULL);
    if (!name) {
        char s[16];
        tui_msg(t, "未保存：需要审核人姓名（%s 再次保存）", actions_key_name(ACT_SAVE, s, sizeof s));
        return 0;
    }
    char *err = NULL;
    config_set_reviewer(&t->cfg, name, &err);
    view_review_set_who(&t->review, name);
    free(t->who);
    t->who = name;
    if (err)
        tui_msg(t, "%s", err);
    free(err);
    return 1;
}

/* ---- going to a cell, one's own edits ------------------------------------------------------------ */

static void goto_cell(tui *t)
{
    if (!need_report(t))
        return;
    char *name = prompt_line(&t->host, "跳到单元格（中文标签或编号，如 本年新收·自然人）：", NULL);
    if (!name || !*name) {
        free(name);
        return;
    }
    const gk_report *r = t->doc.r;
    int c = view_cell_lookup(r->tpl, name);
    if (c < 0) {
        tui_msg(t, "%s「%s」", c == -2 ? "有多个单元格符合，请写得更完整：" : "没有这个单元格：", name);
        free(name);
        return;
    }
    free(name);
    ui_sel sel = {c, -1, r->cells[c].line};
    t->focus = PANEL_TABLES;
    tui_select(t, &sel);
    tui_msg(t, "%s（%s）", r->tpl->cells[c].label, r->tpl->cells[c].id);
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* c / C: the cells the reviewer corrected, noted or dismissed a finding on. */
static void step_edit(tui *t, int dir)
{
    if (!need_report(t))
        return;
    const gk_review *rv = t->review.rv;
    const gk_report *r = t->doc.r;
    int n = 0, *cells = xmalloc((size_t)(rv && rv->nentries ? rv->nentries : 1) * sizeof *cells);
    for (int i = 0; rv && i < rv->nentries; i++) {
        const gk_rv_entry *e = &rv->entries[i];
        int c = e->cell ? template_cell_index(r->tpl, e->cell) : -1;
        if (c < 0 || (t->review.who[0] && e->who && strcmp(e->who, t->review.who)))
            continue;
        int dup = 0;
        for (int k = 0; k < n && !dup; k++)
            dup = cells[k] == c;
        if (!dup)
            cells[n++] = c;
    }
    if (n == 0) {
        free(cells);
        tui_msg(t, "本报告还没有你的修改（更正、备注、忽略）");
        return;
    }
    qsort(cells, (size_t)n, sizeof *cells, cmp_int);
    int k = dir > 0 ? 0 : n - 1, cur = t->sel.cell;
    for (int i = 0; i < n; i++)
        if (dir > 0 ? cells[i] > cur : cells[n - 1 - i] < cur) {
            k = dir > 0 ? i : n - 1 - i;
            break;
        }
    int c = cells[k];
    free(cells);
    ui_sel sel = {c, -1, r->cells[c].line};
    t->focus = PANEL_TABLES;
    tui_select(t, &sel);
    const char *what = sidecar_find(rv, GK_RV_CORRECTION, NULL, r->tpl->cells[c].id) ? "更正"
                       : sidecar_find(rv, GK_RV_NOTE, NULL, r->tpl->cells[c].id) ? "备注" : "忽略";
    tui_msg(t, "我的修改 %d/%d：%s %s", k + 1, n, what, r->tpl->cells[c].label);
}
