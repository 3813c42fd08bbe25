/* overlay.h — boxes drawn over the whole screen (help, details) and the
 * "window too small" screen.  Any key closes an overlay; the manager owns
 * that rule, this file only draws. */
#ifndef GK_UI_OVERLAY_H
#define GK_UI_OVERLAY_H

#include "panel.h"

/* A centred box of at most w x h (clamped to the screen) with a title in
 * its top border; returns the inside rectangle. */
ui_rect overlay_frame(WINDOW *w, int want_w, int want_h, const char *title);
/* A box holding wrapped text. */
void overlay_text(WINDOW *w, const char *title, const char *text);
/* The whole screen says it is too small (in Chinese), wrapped to fit. */
void overlay_too_small(WINDOW *w, int need_w, int need_h);

#endif
