/* view_review.c — the reviewer's session on one report: edits through the
 * sidecar, undo, save, and the detail text of a reviewed cell (see
 * view_review.h). */
#include "view_review.h"
#include "pipeline.h"
#include "recover.h"
#include "number.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One change, as what to put back to take it back. */
struct vr_step {
    unsigned id;
    int is_state;
    gk_rv_kind kind;
    char *rule, *cell;          /* the entry's key */
    gk_rv_entry *before;        /* the entry before the change, NULL: there was none */
    gk_review_state state;      /* is_state: the state before */
    char *state_who, *state_when;
    char *what;                 /* Chinese: "更正 本年新收·自然人" */
};

/* The keys messages name, as the screen maps them (view_review_set_keys). */
static struct {
    char undo[16], save[16], state[16];
} KEYS = {"u", "s", "m"};

void view_review_set_keys(const char *undo, const char *save, const char *state)
{
    snprintf(KEYS.undo, sizeof KEYS.undo, "%s", undo);
    snprintf(KEYS.save, sizeof KEYS.save, "%s", save);
    snprintf(KEYS.state, sizeof KEYS.state, "%s", state);
}

static void step_free(vr_step *st)
{
    free(st->rule);
    free(st->cell);
    if (st->before)
        sidecar_entry_free(st->before);
    free(st->state_who);
    free(st->state_when);
    free(st->what);
}

void view_review_init(view_review *s, gk_review *rv, const char *who)
{
    memset(s, 0, sizeof *s);
    s->rv = rv;
    s->who = xstrdup(who ? who : "");
    s->next_id = 1;
}

void view_review_free(view_review *s)
{
    for (int i = 0; i < s->nundo; i++)
        step_free(&s->undo[i]);
    free(s->undo);
    free(s->who);
    sidecar_free(s->rv);
    memset(s, 0, sizeof *s);
}

int view_review_dirty(const view_review *s)
{
    unsigned top = s->nundo ? s->undo[s->nundo - 1].id : 0;
    return top != s->saved_id;
}

static vr_step *push_step(view_review *s, const char *what)
{
    s->undo = xrealloc(s->undo, (size_t)(s->nundo + 1) * sizeof *s->undo);
    vr_step *st = &s->undo[s->nundo++];
    memset(st, 0, sizeof *st);
    st->id = s->next_id++;
    st->what = xstrdup(what);
    return st;
}

/* Records the entry (kind, rule, cell) as it is now, before changing it. */
static void push_entry(view_review *s, gk_rv_kind kind, const char *rule, const char *cell, const char *what)
{
    vr_step *st = push_step(s, what);
    st->kind = kind;
    st->rule = rule ? xstrdup(rule) : NULL;
    st->cell = cell ? xstrdup(cell) : NULL;
    st->before = sidecar_entry_copy(s->rv, kind, rule, cell);
}

static int refuse(char **msg, const char *text)
{
    *msg = xstrdup(text);
    return -1;
}

static int refuse_fmt(char **msg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse_fmt(char **msg, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    *msg = xstrdup(tmp);
    return -1;
}

/* ---- values ------------------------------------------------------------------------ */

int view_review_parse_value(const gk_report *r, int cell, const char *text, double *out, char **msg)
{
    *msg = NULL;
    const gk_cell_def *cd = &r->tpl->cells[cell];
    gk_valkind kind = cd->coldef ? cd->coldef->kind : GK_VAL_COUNT;
    const char *want = kind == GK_VAL_DECIMAL ? "不小于 0 的数" : kind == GK_VAL_SIGNED ? "整数（可带正负号）"
                                                                                    : "不小于 0 的整数";
    const char *why = NULL;                       /* the one number parser (number.h) */
    number_kind nk = kind == GK_VAL_DECIMAL ? NUMBER_DECIMAL : kind == GK_VAL_SIGNED ? NUMBER_SIGNED : NUMBER_COUNT;
    double v = 0;
    if (number_parse(text, nk, &v, &why) != 0) {
        *msg = xasprintf("无效的值「%s」：%s；%s 应为%s", text, why, cd->label, want);
        return -1;
    }
    *out = v == 0 ? 0 : v;              /* no "-0" */
    return 0;
}

/* ---- edits ---------------------------------------------------------------------------- */

static void reapply(view_review *s, gk_report *r)
{
    report_review(s->rv, r, NULL);
}

int view_review_correct(view_review *s, gk_report *r, int cell, const char *text, char **msg)
{
    *msg = NULL;
    if (!s->rv || cell < 0 || cell >= r->tpl->ncells)
        return refuse(msg, "请先选择一个单元格");
    double v;
    if (view_review_parse_value(r, cell, text, &v, msg) != 0)
        return -1;
    const char *id = r->tpl->cells[cell].id, *label = r->tpl->cells[cell].label;
    const gk_rv_entry *e = sidecar_find(s->rv, GK_RV_CORRECTION, NULL, id);
    char num[40];
    report_format_value(v, num, sizeof num);
    if (e && e->value == v && !e->nalts) {
        *msg = xasprintf("%s 已是更正值 %s", label, num);
        return 0;
    }
    const gk_cell *c = &r->cells[cell];
    if (c->read_status == GK_ST_EXTRACTED && c->read_value == v) {
        if (!e)                         /* "5 → 5" would record nothing */
            return refuse_fmt(msg, "与原值相同：%s 在报告中就是 %s，未更正", label, num);
        int rc = view_review_uncorrect(s, r, cell, msg);
        if (rc == 0) {
            free(*msg);
            *msg = xasprintf("与原值相同：已撤销 %s 的更正，恢复为报告中的 %s；错误 %d，警告 %d", label, num,
                             r->nerrors, r->nwarnings);
        }
        return rc;
    }
    char *what = xasprintf("更正 %s", label);
    push_entry(s, GK_RV_CORRECTION, NULL, id, what);
    free(what);
    sidecar_correct(s->rv, r, cell, v, s->who);
    reapply(s, r);
    *msg = xasprintf("%s 更正为 %s，已重新检查：错误 %d，警告 %d（%s 撤销，%s 保存）", label, num, r->nerrors,
                     r->nwarnings, KEYS.undo, KEYS.save);
    return 0;
}

int view_review_uncorrect(view_review *s, gk_report *r, int cell, char **msg)
{
    *msg = NULL;
    if (!s->rv || cell < 0 || cell >= r->tpl->ncells)
        return refuse(msg, "请先选择一个单元格");
    const char *id = r->tpl->cells[cell].id, *label = r->tpl->cells[cell].label;
    if (!sidecar_find(s->rv, GK_RV_CORRECTION, NULL, id)) {
        *msg = xasprintf("%s 没有更正", label);
        return -1;
    }
    char *what = xasprintf("撤销 %s 的更正", label);
    push_entry(s, GK_RV_CORRECTION, NULL, id, what);
    free(what);
    sidecar_remove(s->rv, GK_RV_CORRECTION, NULL, id);
    reapply(s, r);
    char val[48];
    *msg = xasprintf("已撤销 %s 的更正，恢复为 %s；错误 %d，警告 %d", label, view_cell_text(r, cell, val, sizeof val),
                     r->nerrors, r->nwarnings);
    return 0;
}

static const char *cell_id(const gk_report *r, int cell)
{
    return cell >= 0 && cell < r->tpl->ncells ? r->tpl->cells[cell].id : NULL;
}

const char *view_review_note(const view_review *s, const gk_report *r, int cell)
{
    if (!s->rv)
        return NULL;
    const gk_rv_entry *e = sidecar_find(s->rv, GK_RV_NOTE, NULL, cell_id(r, cell));
    return e ? e->text : NULL;
}

int view_review_set_note(view_review *s, const gk_report *r, int cell, const char *text, char **msg)
{
    *msg = NULL;
    if (!s->rv)
        return refuse(msg, "无法读取的报告不能加备注");
    const char *id = cell_id(r, cell);
    const char *where = id ? r->tpl->cells[cell].label : "整份报告";
    const char *old = view_review_note(s, r, cell);
    if ((!old && !*text) || (old && !strcmp(old, text))) {
        *msg = xstrdup("备注没有改变");
        return 0;
    }
    char *what = xasprintf("%s的备注", where);
    push_entry(s, GK_RV_NOTE, NULL, id, what);
    free(what);
    sidecar_set_note(s->rv, id, text, s->who);
    *msg = *text ? xasprintf("已记下%s的备注（%s 保存）", where, KEYS.save) : xasprintf("已删除%s的备注", where);
    return 0;
}

static int names(const gk_finding *f, int cell)
{
    for (int k = 0; k < f->ncells; k++)
        if (f->cells[k] == cell)
            return 1;
    return 0;
}

/* The cell a dismissal of finding f is keyed on: one no other finding of
 * the rule names; -1 for a finding without cells. */
static int dismiss_cell(const gk_report *r, int finding)
{
    const gk_finding *f = &r->findings[finding];
    for (int k = 0; k < f->ncells; k++) {
        int shared = 0;
        for (int i = 0; i < r->nfindings && !shared; i++)
            shared = i != finding && !strcmp(r->findings[i].rule, f->rule) && names(&r->findings[i], f->cells[k]);
        if (!shared)
            return f->cells[k];
    }
    return f->ncells ? f->cells[0] : -1;
}

static int bad_finding(const view_review *s, const gk_report *r, int finding, char **msg)
{
    if (!s->rv)
        return refuse(msg, "无法读取的报告没有问题可忽略");
    if (finding < 0 || finding >= r->nfindings)
        return refuse(msg, "当前单元格没有问题可忽略或恢复（n 跳到下一个问题）");
    return 0;
}

/* Nothing but spaces (ASCII or full-width) and line ends. */
static int blank(const char *s)
{
    while (s && *s) {
        if (!strncmp(s, "　", 3))
            s += 3;
        else if (strchr(" \t\r\n", *s))
            s++;
        else
            return 0;
    }
    return 1;
}

int view_review_dismiss(view_review *s, gk_report *r, int finding, const char *reason, char **msg)
{
    *msg = NULL;
    if (bad_finding(s, r, finding, msg))
        return -1;
    if (blank(reason))
        return refuse(msg, "忽略问题必须写明理由，未忽略");
    const gk_finding *f = &r->findings[finding];
    const char *rule = f->rule;
    int cell = dismiss_cell(r, finding), before = r->nerrors + r->nwarnings;
    char *what = xasprintf("忽略 %s", rule);
    push_entry(s, GK_RV_DISMISS, rule, cell_id(r, cell), what);
    free(what);
    sidecar_set_dismissal(s->rv, rule, cell_id(r, cell), reason, s->who);
    reapply(s, r);
    int gone = before - (r->nerrors + r->nwarnings);
    *msg = xasprintf("已忽略 %d 条 %s 问题（理由：%s）；错误 %d，警告 %d（%s 撤销，%s 保存）", gone, rule, reason,
                     r->nerrors, r->nwarnings, KEYS.undo, KEYS.save);
    return 0;
}

int view_review_undismiss(view_review *s, gk_report *r, int finding, char **msg)
{
    *msg = NULL;
    if (bad_finding(s, r, finding, msg))
        return -1;
    const gk_finding *f = &r->findings[finding];
    for (int i = 0; i < s->rv->nentries; i++) {
        const gk_rv_entry *e = &s->rv->entries[i];
        int c = e->cell ? template_cell_index(r->tpl, e->cell) : -1;
        if (e->kind != GK_RV_DISMISS || strcmp(e->rule, f->rule) || (e->cell && !names(f, c)))
            continue;
        char *rule = xstrdup(e->rule), *cell = e->cell ? xstrdup(e->cell) : NULL;
        char *what = xasprintf("恢复 %s", rule);
        push_entry(s, GK_RV_DISMISS, rule, cell, what);
        free(what);
        sidecar_remove(s->rv, GK_RV_DISMISS, rule, cell);
        reapply(s, r);
        *msg = xasprintf("已恢复%s %s 问题；错误 %d，警告 %d", cell ? "" : "全部", rule, r->nerrors, r->nwarnings);
        free(rule);
        free(cell);
        return 0;
    }
    return refuse(msg, "这条问题没有被忽略");
}

int view_review_cycle_state(view_review *s, char **msg)
{
    *msg = NULL;
    if (!s->rv)
        return refuse(msg, "无法读取的报告没有审核状态");
    vr_step *st = push_step(s, "审核状态");
    st->is_state = 1;
    st->state = s->rv->state;
    st->state_who = xstrdup(s->rv->state_who ? s->rv->state_who : "");
    st->state_when = xstrdup(s->rv->state_when ? s->rv->state_when : "");
    gk_review_state next = s->rv->state == GK_REV_UNREVIEWED  ? GK_REV_IN_PROGRESS
                           : s->rv->state == GK_REV_IN_PROGRESS ? GK_REV_DONE
                                                                : GK_REV_UNREVIEWED;
    sidecar_set_state(s->rv, next, s->who);
    *msg = xasprintf("审核状态：%s（%s 切换，%s 保存）", sidecar_state_name(next), KEYS.state, KEYS.save);
    return 0;
}

int view_review_undo(view_review *s, gk_report *r, char **msg)
{
    *msg = NULL;
    if (!s->nundo)
        return refuse(msg, "没有可撤销的修改");
    vr_step *st = &s->undo[--s->nundo];
    if (st->is_state)
        sidecar_state_restore(s->rv, st->state, st->state_who, st->state_when);
    else
        sidecar_entry_restore(s->rv, st->kind, st->rule, st->cell, st->before);
    if (r)
        reapply(s, r);
    *msg = xasprintf("已撤销：%s%s", st->what, view_review_dirty(s) ? "" : "（与已保存的一致）");
    step_free(st);
    return 0;
}

int view_review_save(view_review *s, gk_report *r, char **msg)
{
    *msg = NULL;
    if (!s->rv)
        return refuse(msg, "无法读取的报告没有审核记录可保存");
    char *where = NULL, *err = NULL;
    int rc = sidecar_save(NULL, s->rv, &where, &err);
    if (rc != 0) {
        *msg = xasprintf("保存失败：%s", err ? err : "未知原因");
        free(err);
        return -1;
    }
    s->saved_id = s->nundo ? s->undo[s->nundo - 1].id : 0;
    if (r)
        reapply(s, r);
    *msg = xasprintf("已保存到 %s%s%s", where, err ? "；" : "", err ? err : "");
    free(where);
    free(err);
    return 0;
}

/* ---- showing it -------------------------------------------------------------------------- */

const char *view_review_when(const char *iso, char *buf, size_t n)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    snprintf(buf, n, "%s", iso ? iso : "");
    int used = 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                       &tm.tm_min, &tm.tm_sec, &used) != 6)
        return buf;
    const char *z = iso + used;
    long off = 0;                       /* seconds east of UTC */
    int oh = 0, om = 0;
    if (!strcmp(z, "Z"))
        off = 0;
    else if ((z[0] == '+' || z[0] == '-') && (sscanf(z + 1, "%2d:%2d", &oh, &om) == 2 ||
                                               sscanf(z + 1, "%2d%2d", &oh, &om) == 2))
        off = (z[0] == '-' ? -1L : 1L) * (oh * 3600L + om * 60L);
    else
        return buf;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    if (t == (time_t)-1)
        return buf;
    t -= off;
    struct tm lt;
    if (!localtime_r(&t, &lt) || !strftime(buf, n, "%Y-%m-%d %H:%M", &lt))
        snprintf(buf, n, "%s", iso);
    return buf;
}

static void add_correction(sbuf *b, const gk_rv_entry *e)
{
    char when[32];
    sbuf_printf(b, "\n更正：原值 %s → %s（%s %s）", e->original && *e->original ? e->original : "空白或缺失",
                e->text, e->who && *e->who ? e->who : "未署名", view_review_when(e->when, when, sizeof when));
    for (int k = 0; k < e->nalts; k++)
        sbuf_printf(b, "%s%s 更正为 %s", k ? "，" : "；有冲突，待核：", e->alts[k].who, e->alts[k].text);
}

char *view_review_cell_detail(const view_cells *v, const view_review *s, int cell)
{
    char *base = view_cell_detail(v, cell);
    if (!s || !s->rv || !v->r || cell < 0 || cell >= v->ncells)
        return base;
    const char *id = v->r->tpl->cells[cell].id;
    const gk_rv_entry *c = sidecar_find(s->rv, GK_RV_CORRECTION, NULL, id);
    const gk_rv_entry *n = sidecar_find(s->rv, GK_RV_NOTE, NULL, id);
    if (!c && !n)
        return base;
    char *nl = strchr(base, '\n');
    sbuf b;
    sbuf_init(&b);
    sbuf_add(&b, base, nl ? (size_t)(nl - base) : strlen(base));
    if (c)
        add_correction(&b, c);
    if (n) {                           /* on the correction's line: both fit the short detail area */
        char when[32];
        sbuf_printf(&b, "%s备注（%s %s）：%s", c ? "；" : "\n", n->who && *n->who ? n->who : "未署名",
                    view_review_when(n->when, when, sizeof when), n->text);
    }
    if (nl)
        sbuf_adds(&b, nl);
    free(base);
    return sbuf_steal(&b);
}

int view_finding_match(const gk_report *r, const char *rule, int cell0, int line)
{
    for (int i = 0; rule && i < r->nfindings; i++) {
        const gk_finding *f = &r->findings[i];
        if (strcmp(f->rule, rule))
            continue;
        if (cell0 >= 0 ? f->ncells && f->cells[0] == cell0 : !f->ncells && f->line == line)
            return i;
    }
    return -1;
}

void view_review_mark_notes(const view_review *s, view_cells *v)
{
    if (!s || !s->rv || !v->r)
        return;
    for (int i = 0; i < s->rv->nentries; i++) {
        const gk_rv_entry *e = &s->rv->entries[i];
        int c = e->kind == GK_RV_NOTE && e->cell ? template_cell_index(v->r->tpl, e->cell) : -1;
        if (c >= 0 && c < v->ncells)
            v->flags[c] |= VIEW_F_NOTE;
    }
}

/* ---- recovery ------------------------------------------------------------------------------ */

static int entry_changed(const gk_rv_entry *e)
{
    const gk_rv_entry *b = e->base;
    return !b || strcmp(e->text ? e->text : "", b->text ? b->text : "") ||
           strcmp(e->who ? e->who : "", b->who ? b->who : "") || strcmp(e->when ? e->when : "", b->when ? b->when : "");
}

static const char KIND_SET[] = {'C', 'N', 'D'};

int view_review_snapshot(const view_review *s, recover_data *d)
{
    if (!s->rv || !view_review_dirty(s))
        return 0;
    const gk_review *rv = s->rv;
    for (int i = 0; i < rv->nentries; i++) {
        const gk_rv_entry *e = &rv->entries[i];
        if (entry_changed(e))
            recover_add(d, KIND_SET[e->kind], e->rule, e->cell, e->text ? e->text : "", 0);
    }
    for (int i = 0; i < rv->ngone; i++) {
        const gk_rv_entry *e = &rv->gone[i];
        recover_add(d, (char)(KIND_SET[e->kind] - 'A' + 'a'), e->rule, e->cell, NULL, 0);
    }
    if (rv->state != rv->base_state)
        recover_add(d, 'S', NULL, NULL, NULL, (int)rv->state);
    return d->nops;
}

static void restore_op(view_review *s, gk_report *r, const recover_op *o)
{
    int cell = o->cell ? template_cell_index(r->tpl, o->cell) : -1;
    if (o->cell && cell < 0)
        return;                         /* a cell this report's template does not have */
    char *what = o->cell ? xasprintf("恢复的修改 %s", r->tpl->cells[cell].label) : xstrdup("恢复的修改");
    switch (o->kind) {
    case 'C': {
        char *end = NULL;
        double v = strtod(o->text, &end);
        if (end && !*end && isfinite(v)) {
            push_entry(s, GK_RV_CORRECTION, NULL, o->cell, what);
            sidecar_correct(s->rv, r, cell, v, s->who);
        }
        break;
    }
    case 'N':
    case 'n':
        push_entry(s, GK_RV_NOTE, NULL, o->cell, what);
        sidecar_set_note(s->rv, o->cell, o->kind == 'N' ? o->text : NULL, s->who);
        break;
    case 'D':
        push_entry(s, GK_RV_DISMISS, o->rule, o->cell, what);
        sidecar_set_dismissal(s->rv, o->rule, o->cell, o->text, s->who);
        break;
    case 'c':
    case 'd': {
        gk_rv_kind k = o->kind == 'c' ? GK_RV_CORRECTION : GK_RV_DISMISS;
        if (sidecar_find(s->rv, k, o->rule, o->cell)) {
            push_entry(s, k, o->rule, o->cell, what);
            sidecar_remove(s->rv, k, o->rule, o->cell);
        }
        break;
    }
    case 'S': {
        vr_step *st = push_step(s, "恢复的审核状态");
        st->is_state = 1;
        st->state = s->rv->state;
        st->state_who = xstrdup(s->rv->state_who ? s->rv->state_who : "");
        st->state_when = xstrdup(s->rv->state_when ? s->rv->state_when : "");
        sidecar_set_state(s->rv, (gk_review_state)o->state, s->who);
        break;
    }
    default: break;
    }
    free(what);
}

int view_review_restore(view_review *s, gk_report *r, const recover_data *d, char **msg)
{
    *msg = NULL;
    if (!s->rv || !r)
        return refuse(msg, "无法读取的报告不能恢复审核记录");
    int before = s->nundo;
    for (int i = 0; i < d->nops; i++)
        restore_op(s, r, &d->ops[i]);
    reapply(s, r);
    *msg = xasprintf("已恢复 %d 处未保存的修改；错误 %d，警告 %d", s->nundo - before, r->nerrors, r->nwarnings);
    return 0;
}

/* Entries this session wrote (those that differ from the file) carry s->who:
 * they take the new name, and so does the state when this session set it. */
void view_review_set_who(view_review *s, const char *who)
{
    gk_review *rv = s->rv;
    for (int i = 0; rv && i < rv->nentries; i++) {
        gk_rv_entry *e = &rv->entries[i];
        if (entry_changed(e) && e->who && !strcmp(e->who, s->who)) {
            free(e->who);
            e->who = xstrdup(who);
        }
    }
    if (rv && rv->state != rv->base_state && rv->state_who && !strcmp(rv->state_who, s->who)) {
        free(rv->state_who);
        rv->state_who = xstrdup(who);
    }
    free(s->who);
    s->who = xstrdup(who);
}
