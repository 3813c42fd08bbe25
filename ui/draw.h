/* draw.h — the one way text reaches the screen.  Every string (report
 * text, labels, file names, messages) goes through draw_text(), which
 * measures display width (CJK = 2), clips to a width with a marker, never
 * splits a character and shows control characters, escape sequences, bidi
 * overrides and invalid bytes as placeholders (ui/model/view_text.h). */
#ifndef GK_UI_DRAW_H
#define GK_UI_DRAW_H

#include "theme.h"

#include <stddef.h>

enum {
    DRAW_PAD = 1,      /* fill the rest of the width with spaces */
    DRAW_MARK = 2,     /* '<' / '>' where text was skipped or cut */
    DRAW_RIGHT = 4     /* right-align when the text fits */
};

#define DRAW_TABW 4    /* tab stops in report text */

typedef struct {
    ui_style st;            /* the text */
    ui_style hl;            /* bytes [hl_from, hl_to) */
    size_t hl_from, hl_to;  /* hl_to <= hl_from: no highlight */
    int tabw;               /* tab stops; 0: a tab is one space */
} draw_opts;

/* Draws s[0..len) at (y, x) in at most `width` columns, skipping its first
 * `skip` columns (sideways scrolling).  Returns the columns drawn. */
int draw_text(WINDOW *w, int y, int x, int width, const char *s, size_t len, int skip,
              ui_style st, unsigned flags);
int draw_textx(WINDOW *w, int y, int x, int width, const char *s, size_t len, int skip,
               const draw_opts *o, unsigned flags);
/* Shorthand for a NUL-terminated string, padded, with markers. */
int draw_str(WINDOW *w, int y, int x, int width, const char *s, ui_style st);

/* Display width of a string (tabs at DRAW_TABW when tabw is set). */
int draw_width(const char *s, int tabw);

/* Wraps s into rows of `width` columns from row y, at most `height` rows;
 * '\n' starts a new row.  Returns the rows used; when the text is longer,
 * the last row ends with the '>' marker. */
int draw_wrap(WINDOW *w, int y, int x, int width, int height, const char *s, ui_style st);
/* Rows draw_wrap would need. */
int draw_wrap_rows(const char *s, int width);

/* s shortened to `width` columns by a '~' in its middle (file names),
 * whole glyphs only; malloc'd. */
char *draw_clip_middle(const char *s, int width);

void draw_fill(WINDOW *w, int y, int x, int width, ui_style st);

#endif
