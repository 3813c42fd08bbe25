/* overlay.c — framed boxes over the screen and the too-small screen. */
#include "overlay.h"
#include "draw.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

ui_rect overlay_frame(WINDOW *w, int want_w, int want_h, const char *title)
{
    int H = getmaxy(w), W = getmaxx(w);
    int bw = want_w < W ? want_w : W, bh = want_h < H ? want_h : H;
    if (bw < 4)
        bw = W;
    if (bh < 3)
        bh = H;
    int y = (H - bh) / 2, x = (W - bw) / 2;
    ui_style st = theme_style(EL_NORMAL);
    for (int r = 0; r < bh; r++)
        draw_fill(w, y + r, x, bw, st);
    mvwadd_wch(w, y, x, WACS_ULCORNER);
    mvwhline_set(w, y, x + 1, WACS_HLINE, bw - 2);
    mvwadd_wch(w, y, x + bw - 1, WACS_URCORNER);
    mvwvline_set(w, y + 1, x, WACS_VLINE, bh - 2);
    mvwvline_set(w, y + 1, x + bw - 1, WACS_VLINE, bh - 2);
    mvwadd_wch(w, y + bh - 1, x, WACS_LLCORNER);
    mvwhline_set(w, y + bh - 1, x + 1, WACS_HLINE, bw - 2);
    mvwadd_wch(w, y + bh - 1, x + bw - 1, WACS_LRCORNER);
    if (title && bw > 6) {
        ui_style hs = theme_style(EL_HEADER);
        int tw = draw_width(title, 0) + 2;
        if (tw > bw - 4)
            tw = bw - 4;
        draw_text(w, y, x + 2, tw, " ", 1, 0, hs, DRAW_PAD);
        draw_text(w, y, x + 3, tw - 2, title, strlen(title), 0, hs, DRAW_PAD | DRAW_MARK);
    }
    ui_rect in = {y + 1, x + 2, bh - 2, bw - 4};
    return in;
}

void overlay_text(WINDOW *w, const char *title, const char *text)
{
    int W = getmaxx(w), H = getmaxy(w);
    int bw = W - 4 < 84 ? W - 4 : 84;
    if (bw < 20)
        bw = W;
    int rows = draw_wrap_rows(text, bw - 4);
    ui_rect in = overlay_frame(w, bw, rows + 2 > H - 2 ? H - 2 : rows + 2, title);
    draw_wrap(w, in.y, in.x, in.w, in.h, text, theme_style(EL_NORMAL));
}

void overlay_too_small(WINDOW *w, int need_w, int need_h)
{
    int W = getmaxx(w), H = getmaxy(w);
    werase(w);
    char *msg = xasprintf("窗口太小：当前 %dx%d，至少需要 %dx%d。请放大终端窗口；按 q 退出。", W, H,
                          need_w, need_h);
    int rows = draw_wrap_rows(msg, W);
    draw_wrap(w, rows < H ? (H - rows) / 2 : 0, 0, W, H, msg, theme_style(EL_NORMAL));
    free(msg);
}
