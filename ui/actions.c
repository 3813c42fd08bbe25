/* actions.c — THE action table (every key of the review screen, once),
 * key lookup, key names, the key bar hints and the `?` help overlay, all
 * generated from the table. */
#include "actions.h"
#include "draw.h"
#include "overlay.h"
#include "util.h"
#include "view_cells.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

/* A NULL help text pairs an action with the one before it: the help
 * overlay shows both keys on one row ("n / N") with the first one's text. */
static const action_def ACTIONS[] = {
    {ACT_UP, "up", {KF(KEY_UP), 'k'}, "上移、下移一格；原文和问题列表中滚动一行", NULL, NULL, 0},
    {ACT_DOWN, "down", {KF(KEY_DOWN), 'j'}, NULL, NULL, NULL, 0},
    {ACT_LEFT, "left", {KF(KEY_LEFT), 'h'}, "左移、右移一格；原文不换行时左右滚动", NULL, NULL, 0},
    {ACT_RIGHT, "right", {KF(KEY_RIGHT), 'l'}, NULL, NULL, NULL, 0},
    {ACT_PGUP, "page_up", {KF(KEY_PPAGE), CTRL('b')}, "上翻、下翻一页", NULL, NULL, 0},
    {ACT_PGDN, "page_down", {KF(KEY_NPAGE), CTRL('f')}, NULL, NULL, NULL, 0},
    {ACT_HOME, "home", {KF(KEY_HOME), 'g'}, "跳到开头、末尾（表格中为第一格、最后一格）", NULL, NULL, 0},
    {ACT_END, "end", {KF(KEY_END), 'G'}, NULL, NULL, NULL, 0},
    {ACT_NEXT_PANEL, "next_panel", {'\t'}, "切换面板：原文、表格、问题列表", "切换", NULL, CTX_PANELS},
    {ACT_PREV_PANEL, "prev_panel", {KF(KEY_BTAB)}, NULL, NULL, NULL, 0},
    {ACT_NEXT_FLAG, "next_flag", {'n'},
     "下一个、上一个有问题的单元格（依次经过表二、表三、表四）；在原文面板搜索之后为下一处、上一处匹配",
     "问题", "n/N", CTX_PANELS},
    {ACT_PREV_FLAG, "prev_flag", {'N'}, NULL, NULL, NULL, 0},
    {ACT_NEXT_TABLE, "next_table", {'t'}, "跳到下一张表（表二、表三、表四）", NULL, NULL, 0},
    {ACT_NEXT_REPORT, "next_report", {']'}, "打开下一份、上一份报告", "报告", "]/[", CTX_PANELS | CTX_MULTI},
    {ACT_PREV_REPORT, "prev_report", {'['}, NULL, NULL, NULL, 0},
    {ACT_SEARCH, "search", {'/'}, "在原文中搜索（回车确认，Esc 取消）", "搜索", NULL, CTX_PANELS},
    {ACT_FINDINGS, "findings", {'f'}, "显示或隐藏问题列表", "问题列表", NULL, CTX_PANELS},
    {ACT_WRAP, "wrap", {'w'}, "原文长行：在自动换行与左右滚动之间切换", "换行", NULL, CTX_SOURCE},
    {ACT_DETAIL, "detail", {'\n', '\r', KF(KEY_ENTER)}, "查看当前单元格或问题的完整说明", "详情", NULL,
     CTX_TABLES | CTX_FINDINGS},
    {ACT_CANCEL, "cancel", {27}, "清除搜索高亮和提示", NULL, NULL, 0},
    {ACT_HELP, "help", {'?', KF(KEY_F(1))}, "显示本帮助（按任意键关闭）", "帮助", NULL, CTX_PANELS},
    {ACT_QUIT, "quit", {'q'}, "退出", "退出", NULL, CTX_PANELS},
};

const action_def *actions_table(int *n)
{
    *n = (int)(sizeof ACTIONS / sizeof ACTIONS[0]);
    return ACTIONS;
}

action_id actions_lookup(wint_t ch, int func)
{
    int key = func ? KF((int)ch) : (int)ch;
    for (size_t i = 0; i < sizeof ACTIONS / sizeof ACTIONS[0]; i++)
        for (int k = 0; k < 4 && ACTIONS[i].keys[k]; k++)
            if (ACTIONS[i].keys[k] == key)
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
        {'\t', "Tab"}, {27, "Esc"}, {' ', "Space"}, {KF(KEY_F(1)), "F1"},
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

char *actions_hints(unsigned ctx)
{
    sbuf b;
    sbuf_init(&b);
    for (size_t i = 0; i < sizeof ACTIONS / sizeof ACTIONS[0]; i++) {
        const action_def *a = &ACTIONS[i];
        if (!a->hint || !(a->hint_ctx & ctx & CTX_PANELS))
            continue;
        if ((a->hint_ctx & CTX_MULTI) && !(ctx & CTX_MULTI))
            continue;
        char keys[64], tmp[16];
        const char *k = a->hint_keys ? a->hint_keys : key_label(a->keys[0], tmp, sizeof tmp);
        snprintf(keys, sizeof keys, "%s", k ? k : "");
        sbuf_printf(&b, "%s%s %s", b.len ? "  " : "", keys, a->hint);
    }
    return sbuf_steal(&b);
}

/* ---- help overlay ------------------------------------------------------------ */

/* Keys of help row i: its own, and its pair's ("Up k / Down j"). */
static void row_keys(int i, int n, char *buf, size_t size)
{
    actions_keys_text(&ACTIONS[i], buf, size);
    if (i + 1 < n && !ACTIONS[i + 1].help) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, " / ");
        len = strlen(buf);
        actions_keys_text(&ACTIONS[i + 1], buf + len, size - len);
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
                        VIEW_MARK_BLANK " 空白按 0 计  " VIEW_TEXT_MISSING " 缺失（不显示数字）";
    draw_str(w, y, x, width, marks, theme_style(EL_NORMAL));
    int col = 0;
    for (size_t i = 0; i < sizeof L / sizeof L[0] && col < width; i++)
        col += draw_text(w, y + 1, x + col, width - col, L[i].text, strlen(L[i].text), 0,
                         theme_style(L[i].el), DRAW_MARK);
}

void actions_draw_help(WINDOW *w, const ui_msgs *notes)
{
    int n = (int)(sizeof ACTIONS / sizeof ACTIONS[0]);
    int W = getmaxx(w);
    int boxw = W < 84 ? W : 84, keyw = 0;
    char keys[128];
    for (int i = 0; i < n; i++) {
        row_keys(i, n, keys, sizeof keys);
        int kw = draw_width(keys, 0) + 2;
        keyw = ACTIONS[i].help && kw > keyw ? kw : keyw;
    }
    if (keyw > (boxw - 4) / 3)
        keyw = (boxw - 4) / 3;
    int textw = boxw - 4 - keyw, need = 3 + notes->n;
    for (int i = 0; i < n; i++)
        need += ACTIONS[i].help ? draw_wrap_rows(ACTIONS[i].help, textw) : 0;
    ui_rect in = overlay_frame(w, boxw, need + 2, "帮助 · 按任意键关闭");
    int tail = 3 + notes->n;                   /* blank row, legend, notes */
    if (tail > in.h / 2)
        tail = in.h / 2;
    int y = in.y, bottom = in.y + in.h - tail, cut = need > in.h;
    ui_style ks = theme_style(EL_NORMAL);
    ks.attr |= A_BOLD;
    for (int i = 0; i < n && y < bottom - cut; i++) {
        if (!ACTIONS[i].help)
            continue;
        row_keys(i, n, keys, sizeof keys);
        draw_text(w, y, in.x, keyw, keys, strlen(keys), 0, ks, DRAW_PAD | DRAW_MARK);
        y += draw_wrap(w, y, in.x + keyw, in.w - keyw, bottom - cut - y, ACTIONS[i].help,
                       theme_style(EL_NORMAL));
    }
    if (cut)
        draw_str(w, bottom - 1, in.x, in.w, "……窗口太小，未能列出全部内容，请放大窗口",
                 theme_style(EL_WARNING));
    help_legend(w, bottom + 1, in.x, in.w);
    for (int i = 0; i < notes->n && bottom + 3 + i < in.y + in.h; i++)
        draw_str(w, bottom + 3 + i, in.x, in.w, notes->v[i], theme_style(EL_WARNING));
}
