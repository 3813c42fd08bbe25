/* actions.c — THE action table (every key of the review screen and the
 * queue, once), key lookup, key names, the key bar hints and the `?` help
 * overlay, all generated from the table. */
#include "actions.h"
#include "draw.h"
#include "overlay.h"
#include "util.h"
#include "view_cells.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)
#define BOTH (CTX_PANELS | CTX_QUEUE)
#define MOVE (BOTH | CTX_PAIR)       /* movement scrolls the pair view too */
#define CELLS (CTX_TABLES | CTX_FINDINGS)

/* A NULL help text puts an action on the help row of the action before it
 * ("n / N", one text).  help_ctx says where the action applies: a key can
 * mean one thing in a report and another in the queue (Enter). */
static const action_def ACTIONS[] = {
    {.id = ACT_UP, .name = "up", .keys = {KF(KEY_UP), 'k'}, .help_keys = "方向键 hjkl",
     .help = "移动光标；原文和问题列表中为滚动", .help_ctx = MOVE},
    {.id = ACT_DOWN, .name = "down", .keys = {KF(KEY_DOWN), 'j'}, .help_ctx = MOVE},
    {.id = ACT_LEFT, .name = "left", .keys = {KF(KEY_LEFT), 'h'}, .help_ctx = CTX_PANELS | CTX_PAIR},
    {.id = ACT_RIGHT, .name = "right", .keys = {KF(KEY_RIGHT), 'l'}, .help_ctx = CTX_PANELS | CTX_PAIR},
    {.id = ACT_PGUP, .name = "page_up", .keys = {KF(KEY_PPAGE), CTRL('b')}, .help_keys = "PgUp PgDn g G",
     .help = "上翻、下翻一页；g、G 到开头、末尾", .help_ctx = MOVE},
    {.id = ACT_PGDN, .name = "page_down", .keys = {KF(KEY_NPAGE), CTRL('f')}, .help_ctx = MOVE},
    {.id = ACT_HOME, .name = "home", .keys = {KF(KEY_HOME), 'g'}, .help_ctx = MOVE},
    {.id = ACT_END, .name = "end", .keys = {KF(KEY_END), 'G'}, .help_ctx = MOVE},
    {.id = ACT_NEXT_PANEL, .name = "next_panel", .keys = {'\t'}, .help = "切换面板：原文、表格、问题列表",
     .hint = "切换", .hint_ctx = CTX_PANELS, .prio = 5, .help_ctx = CTX_PANELS},
    {.id = ACT_PREV_PANEL, .name = "prev_panel", .keys = {KF(KEY_BTAB)}, .help_ctx = CTX_PANELS},
    {.id = ACT_NEXT_FLAG, .name = "next_flag", .keys = {'n'},
     .help = "下一个、上一个未处理的问题（错误在前；选中它的全部单元格，原文随之）；搜索之后为下一处、上一处匹配",
     .hint = "问题", .hint_keys = "n/N", .hint_ctx = CTX_PANELS, .prio = 3, .help_ctx = CTX_PANELS},
    {.id = ACT_PREV_FLAG, .name = "prev_flag", .keys = {'N'}, .help_ctx = CTX_PANELS},
    {.id = ACT_NEXT_EDIT, .name = "next_edit", .keys = {'c'},
     .help = "下一处、上一处自己的修改（更正、备注、忽略）", .hint = "我的修改", .hint_keys = "c/C",
     .hint_ctx = CTX_PANELS, .prio = 8, .help_ctx = CTX_PANELS},
    {.id = ACT_PREV_EDIT, .name = "prev_edit", .keys = {'C'}, .help_ctx = CTX_PANELS},
    {.id = ACT_GOTO, .name = "goto", .keys = {':'},
     .help = "按中文标签或编号跳到单元格（如 本年新收·自然人、本年新收 自然人、t3.new.natural）", .hint = "跳到",
     .hint_ctx = CTX_PANELS, .prio = 7, .help_ctx = CTX_PANELS},
    {.id = ACT_NEXT_TABLE, .name = "next_table", .keys = {'t'}, .help = "跳到下一张表", .help_ctx = CTX_PANELS},
    {.id = ACT_NEXT_REPORT, .name = "next_report", .keys = {']'},
     .help = "下一份、上一份报告；从队列打开时为还有问题的报告", .hint = "报告",
     .hint_keys = "]/[", .hint_ctx = CTX_PANELS | CTX_MULTI, .prio = 4, .help_ctx = CTX_PANELS},
    {.id = ACT_PREV_REPORT, .name = "prev_report", .keys = {'['}, .help_ctx = CTX_PANELS},
    {.id = ACT_PAIR, .name = "pair", .keys = {'y'},
     .help = "年度对比：与同一单位上一年（没有则下一年）的报告并列（在队列或同一文件夹中找）：表格的两年数值和增减、"
             "结转与现行有效是否衔接；正文中重复的句子和各部分的重复比例",
     .hint = "年度对比", .hint_ctx = CTX_PANELS, .prio = 9, .help_ctx = CTX_PANELS},
    {.id = ACT_PAIR_YEAR, .name = "pair_year", .keys = {'\t', 't', KF(KEY_BTAB)}, .help_keys = "Tab t",
     .help = "年度对比：窗口不足 120 列时一次显示一年，切换显示哪一年（← → 选前一年、后一年；够宽时两年并列）", .hint = "切换年度",
     .hint_ctx = CTX_PAIR | CTX_NARROW, .prio = 2, .help_ctx = CTX_PAIR},
    {.id = ACT_PAIR_VIEW, .name = "pair_view", .keys = {'v'},
     .help = "年度对比：在表格（两年数值、增减、衔接）与正文（重复的句子、重复比例）之间切换", .hint = "表格/正文",
     .hint_ctx = CTX_PAIR, .prio = 2, .help_ctx = CTX_PAIR},
    {.id = ACT_PAIR_CLOSE, .name = "pair_close", .keys = {27, 'q', 'y'}, .help_keys = "Esc q y",
     .help = "关闭年度对比，回到报告", .hint = "关闭", .hint_keys = "Esc/q", .hint_ctx = CTX_PAIR, .prio = 1,
     .help_ctx = CTX_PAIR},
    {.id = ACT_SEARCH, .name = "search", .keys = {'/'}, .help = "在原文中搜索（回车确认，Esc 取消）",
     .hint = "搜索", .hint_ctx = CTX_PANELS, .prio = 6, .help_ctx = CTX_PANELS},
    {.id = ACT_FINDINGS, .name = "findings", .keys = {'f'},
     .help = "显示或隐藏问题列表（窗口够宽时默认显示；错误在前，然后是警告）", .hint = "问题列表",
     .hint_ctx = CTX_PANELS, .prio = 5, .help_ctx = CTX_PANELS},
    {.id = ACT_F_ERRORS, .name = "findings_errors", .keys = {'E'}, .help_keys = "E / R",
     .help = "问题列表只看错误；R 按规则逐条筛选（每按一次换一条规则，最后恢复全部）；再按 E 恢复",
     .hint = "只看错误", .hint_ctx = CTX_FINDINGS, .prio = 6, .help_ctx = CTX_PANELS},
    {.id = ACT_BY_RULE, .name = "by_rule", .keys = {'R'}, .hint = "按规则", .hint_ctx = CTX_FINDINGS, .prio = 7,
     .help_ctx = CTX_PANELS},
    {.id = ACT_WRAP, .name = "wrap", .keys = {'w'}, .help = "原文长行：在自动换行与左右滚动之间切换",
     .hint = "换行", .hint_ctx = CTX_SOURCE, .prio = 7, .help_ctx = CTX_PANELS},
    {.id = ACT_DETAIL, .name = "detail", .keys = {'\n', '\r', KF(KEY_ENTER)},
     .help = "查看当前单元格或问题的完整说明", .hint = "详情", .hint_ctx = CELLS, .prio = 6,
     .help_ctx = CTX_PANELS},
    {.id = ACT_OPEN, .name = "open", .keys = {'\n', '\r', KF(KEY_ENTER)}, .help = "打开选中的报告",
     .hint = "打开", .hint_ctx = CTX_QUEUE, .prio = 1, .help_ctx = CTX_QUEUE},
    {.id = ACT_CORRECT, .name = "correct", .keys = {'e', KF(KEY_F(2))}, .help_keys = "e / x",
     .help = "更正当前单元格，全部规则随即重新检查；x 撤销更正", .hint = "更正",
     .hint_ctx = CELLS, .prio = 2, .help_ctx = CTX_PANELS},
    {.id = ACT_UNCORRECT, .name = "uncorrect", .keys = {'x'}, .help_ctx = CTX_PANELS},
    {.id = ACT_NOTE, .name = "note", .keys = {'a'}, .help_keys = "a / A",
     .help = "单元格备注（Ctrl-J 换行，清空即删除）；A 整份报告的备注", .hint = "备注",
     .hint_ctx = CTX_PANELS, .prio = 3, .help_ctx = CTX_PANELS},
    {.id = ACT_REPORT_NOTE, .name = "report_note", .keys = {'A'}, .help_ctx = CTX_PANELS},
    {.id = ACT_DISMISS, .name = "dismiss", .keys = {'d'},
     .help = "忽略当前问题（须写理由，仍列出、显示为灰色）；再按一次恢复", .hint = "忽略",
     .hint_ctx = CELLS, .prio = 3, .help_ctx = CTX_PANELS},
    {.id = ACT_STATE, .name = "state", .keys = {'m'}, .help = "切换审核状态：未审核 → 审核中 → 已审核",
     .hint = "状态", .hint_ctx = CTX_PANELS, .prio = 4, .help_ctx = CTX_PANELS},
    {.id = ACT_UNDO, .name = "undo", .keys = {'u'}, .help = "撤销本次的上一处修改（可连续撤销）", .hint = "撤销",
     .hint_ctx = CTX_PANELS, .prio = 4, .help_ctx = CTX_PANELS},
    {.id = ACT_SAVE, .name = "save", .keys = {'s'}, .help = "保存审核记录（报告旁的 .review.ini）", .hint = "保存",
     .hint_ctx = CTX_PANELS, .prio = 2, .help_ctx = CTX_PANELS},
    {.id = ACT_QUEUE_SEARCH, .name = "queue_search", .keys = {'/'},
     .help = "按单位、年度或文件名筛选队列（回车确认，Esc 取消；空白回车清除筛选）",
     .hint = "搜索", .hint_ctx = CTX_QUEUE, .prio = 2, .help_ctx = CTX_QUEUE},
    {.id = ACT_SORT, .name = "sort", .keys = {'o'}, .help = "排序：错误最多在前、按文件名、按审核状态、按单位（同一单位的各年度相邻）、按年度，依次切换",
     .hint = "排序", .hint_ctx = CTX_QUEUE, .prio = 2, .help_ctx = CTX_QUEUE},
    {.id = ACT_ONLY_ERRORS, .name = "only_errors", .keys = {'E'}, .help_keys = "E / U",
     .help = "只看有错误或无法读取的报告；U 只看未审完的；再按一次恢复", .hint = "有错误",
     .hint_ctx = CTX_QUEUE, .prio = 3, .help_ctx = CTX_QUEUE},
    {.id = ACT_ONLY_OPEN, .name = "only_open", .keys = {'U'}, .hint = "未审完", .hint_ctx = CTX_QUEUE,
     .prio = 3, .help_ctx = CTX_QUEUE},
    {.id = ACT_BACK, .name = "back", .keys = {KF(KEY_BACKSPACE), 127, 8}, .help = "回到报告队列（q 也回到队列）",
     .hint = "队列", .hint_keys = "q", .hint_ctx = CTX_PANELS | CTX_QUEUED, .prio = 1, .help_ctx = CTX_PANELS},
    {.id = ACT_CANCEL, .name = "cancel", .keys = {27}, .help = "清除搜索高亮和提示", .help_ctx = CTX_PANELS},
    {.id = ACT_HELP, .name = "help", .keys = {'?', KF(KEY_F(1))}, .help = "显示本帮助（j/k 滚动，其他键关闭）",
     .hint = "帮助", .hint_ctx = MOVE, .prio = 1, .help_ctx = MOVE},
    {.id = ACT_QUIT, .name = "quit", .keys = {'q', CTRL('c')},
     .help = "退出，有未保存的修改时先询问（Ctrl-C 同样先询问）；从队列打开的报告中为回到队列",
     .hint = "退出", .hint_ctx = BOTH | CTX_QUITS, .prio = 1, .help_ctx = BOTH},
    {.id = ACT_ANS_YES, .name = "answer_yes", .keys = {'y'}, .help_ctx = CTX_ASK},
    {.id = ACT_ANS_NO, .name = "answer_no", .keys = {'n'}, .help_ctx = CTX_ASK},
    {.id = ACT_ANS_RECOVER, .name = "answer_recover", .keys = {'r'}, .help_ctx = CTX_ASK},
    {.id = ACT_ANS_DISCARD, .name = "answer_discard", .keys = {'d'}, .help_ctx = CTX_ASK},
};

#define NACTIONS ((int)(sizeof ACTIONS / sizeof ACTIONS[0]))


action_id actions_lookup(wint_t ch, int func, unsigned ctx)
{
    int key = func ? KF((int)ch) : (int)ch;
    for (int i = 0; i < NACTIONS; i++)
        for (int k = 0; k < 4 && ACTIONS[i].keys[k]; k++)
            if (ACTIONS[i].keys[k] == key && (ACTIONS[i].help_ctx & ctx & CTX_WHERE))
                return ACTIONS[i].id;
    return ACT_NONE;
}

static const char *key_label(int key, char *buf, size_t n)
{
    static const struct {
        int key;
        const char *name;
    } NAMES[] = {
        {KF(KEY_UP), "Up"}, {KF(KEY_DOWN), "Down"}, {KF(KEY_LEFT), "Left"}, {KF(KEY_RIGHT), "Right"},
        {KF(KEY_PPAGE), "PgUp"}, {KF(KEY_NPAGE), "PgDn"}, {KF(KEY_HOME), "Home"}, {KF(KEY_END), "End"},
        {KF(KEY_BTAB), "S-Tab"}, {KF(KEY_ENTER), NULL}, {'\r', NULL}, {'\n', "Enter"},
        {'\t', "Tab"}, {27, "Esc"}, {' ', "Space"}, {KF(KEY_F(1)), "F1"}, {KF(KEY_F(2)), "F2"},
        {KF(KEY_BACKSPACE), "Backspace"}, {127, NULL}, {8, NULL},
    };
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (NAMES[i].key == key)
            return NAMES[i].name;
    if (key > 0 && key < 32)
        snprintf(buf, n, "C-%c", key + 'a' - 1);
    else
        snprintf(buf, n, "%c", key);
    return buf;
}

static const action_def *find_action(action_id id)
{
    for (int i = 0; i < NACTIONS; i++)
        if (ACTIONS[i].id == id)
            return &ACTIONS[i];
    return NULL;
}

const char *actions_key_name(action_id id, char *buf, size_t n)
{
    const action_def *a = find_action(id);
    const char *name = a ? key_label(a->keys[0], buf, n) : NULL;
    if (name != buf)
        snprintf(buf, n, "%s", name ? name : "?");
    return buf;
}

int actions_answer(action_id id)
{
    const action_def *a = find_action(id);
    return a ? a->keys[0] : 0;
}

void actions_keys_text(const action_def *a, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int k = 0; k < 4 && a->keys[k]; k++) {
        char tmp[16];
        const char *name = key_label(a->keys[k], tmp, sizeof tmp);
        if (name && len < n)
            len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? " " : "", name);
    }
}

/* ---- key bar --------------------------------------------------------------------- */

static int hint_shown(const action_def *a, unsigned ctx)
{
    unsigned cond = a->hint_ctx & ~CTX_WHERE;
    return a->hint && (a->hint_ctx & ctx & CTX_WHERE) && (cond & ctx) == cond;
}

static void hint_text(const action_def *a, char *buf, size_t n)
{
    char tmp[16];
    const char *k = a->hint_keys ? a->hint_keys : key_label(a->keys[0], tmp, sizeof tmp);
    snprintf(buf, n, "%s %s", k ? k : "", a->hint);
}

char *actions_hints(unsigned ctx, int width)
{
    char take[NACTIONS];
    memset(take, 0, sizeof take);
    int used = 0;
    for (int prio = 1; prio <= 9; prio++)          /* the most important first */
        for (int i = 0; i < NACTIONS; i++) {
            char t[96];
            if (ACTIONS[i].prio != prio || !hint_shown(&ACTIONS[i], ctx))
                continue;
            hint_text(&ACTIONS[i], t, sizeof t);
            int w = draw_width(t, 0) + (used ? 2 : 0);
            if (used + w <= width) {
                take[i] = 1;
                used += w;
            }
        }
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "");
    for (int i = 0; i < NACTIONS; i++)             /* shown in table order */
        if (take[i]) {
            char t[96];
            hint_text(&ACTIONS[i], t, sizeof t);
            sbuf_printf(&b, "%s%s", b.len ? "  " : "", t);
        }
    return sbuf_steal(&b);
}

/* ---- help overlay ------------------------------------------------------------ */

/* The rows of the help for ctx: indices of the actions heading a row. */
static int help_rows(unsigned ctx, int *rows)
{
    int n = 0;
    for (int i = 0; i < NACTIONS; i++) {
        const action_def *a = &ACTIONS[i];
        unsigned cond = a->hint_ctx & ~CTX_WHERE & ~CTX_QUITS & ~CTX_NARROW;
        if (a->help && (a->help_ctx & ctx & CTX_WHERE) && (cond & ctx) == cond)
            rows[n++] = i;
    }
    return n;
}

/* Keys of the row headed by action i: its help_keys, or its keys and those
 * of the actions sharing its row ("n / N"). */
static void row_keys(int i, char *buf, size_t size)
{
    if (ACTIONS[i].help_keys) {
        snprintf(buf, size, "%s", ACTIONS[i].help_keys);
        return;
    }
    actions_keys_text(&ACTIONS[i], buf, size);
    for (int j = i + 1; j < NACTIONS && !ACTIONS[j].help && !(ACTIONS[j].help_ctx & CTX_ASK); j++) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, " / ");
        len = strlen(buf);
        actions_keys_text(&ACTIONS[j], buf + len, size - len);
    }
}

/* The legend: each mark, then each colour drawn in its own style. */
static void help_legend(WINDOW *w, int y, int x, int width)
{
    static const struct {
        const char *text;
        theme_el el;
    } L[] = {
        {"颜色：", EL_NORMAL}, {"错误", EL_ERROR}, {" ", EL_NORMAL}, {"警告", EL_WARNING},
        {" ", EL_NORMAL}, {"推算", EL_INFERRED}, {" ", EL_NORMAL}, {"空白", EL_BLANK},
        {" ", EL_NORMAL}, {"已更正", EL_CORRECTED}, {" ", EL_NORMAL}, {"已忽略", EL_DISMISSED},
    };
    const char *marks = "标记：6" VIEW_MARK_INFERRED " 推算  6" VIEW_MARK_CORRECTED " 已更正  0"
                        VIEW_MARK_BLANK " 空白按 0 计  " VIEW_TEXT_MISSING " 缺失  6" VIEW_MARK_NOTE " 有备注";
    draw_str(w, y, x, width, marks, theme_style(EL_NORMAL));
    int col = 0;
    for (size_t i = 0; i < sizeof L / sizeof L[0] && col < width; i++)
        col += draw_text(w, y + 1, x + col, width - col, L[i].text, strlen(L[i].text), 0,
                         theme_style(L[i].el), DRAW_MARK);
}

static int key_width(const int *rows, int n, int boxw)
{
    int keyw = 0;
    char keys[128];
    for (int i = 0; i < n; i++) {
        row_keys(rows[i], keys, sizeof keys);
        int kw = draw_width(keys, 0) + 2;
        keyw = kw > keyw ? kw : keyw;
    }
    return keyw > (boxw - 4) / 3 ? (boxw - 4) / 3 : keyw;
}

void actions_draw_help(WINDOW *w, unsigned ctx, int top, const ui_msgs *notes, int *more)
{
    int rows[NACTIONS], n = help_rows(ctx, rows);
    int W = getmaxx(w), boxw = W < 84 ? W : 84, keyw = key_width(rows, n, boxw);
    int textw = boxw - 4 - keyw, need = 3 + notes->n;
    for (int i = 0; i < n; i++)
        need += draw_wrap_rows(ACTIONS[rows[i]].help, textw);
    ui_rect in = overlay_frame(w, boxw, need + 2, "帮助 · 按任意键关闭");
    int tail = 3 + notes->n;                   /* blank row, legend, notes */
    if (tail > in.h / 2)
        tail = in.h / 2;
    int y = in.y, bottom = in.y + in.h - tail, cut = need > in.h;
    top = top < 0 ? 0 : top >= n ? n - 1 : top;
    ui_style ks = theme_style(EL_NORMAL);
    ks.attr |= A_BOLD;
    int i;
    for (i = top; i < n && y < bottom - cut; i++) {
        char keys[128];
        row_keys(rows[i], keys, sizeof keys);
        draw_text(w, y, in.x, keyw, keys, strlen(keys), 0, ks, DRAW_PAD | DRAW_MARK);
        y += draw_wrap(w, y, in.x + keyw, in.w - keyw, bottom - cut - y, ACTIONS[rows[i]].help,
                       theme_style(EL_NORMAL));
    }
    if (more)
        *more = i < n;
    if (cut)
        draw_str(w, bottom - 1, in.x, in.w, i < n ? "……还有，按 j 向下翻、k 向上翻" : "……按 k 向上翻",
                 theme_style(EL_WARNING));
    help_legend(w, bottom + 1, in.x, in.w);
    for (int k = 0; k < notes->n && bottom + 3 + k < in.y + in.h; k++)
        draw_str(w, bottom + 3 + k, in.x, in.w, notes->v[k], theme_style(EL_WARNING));
}
