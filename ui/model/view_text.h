/* view_text.h — how a UTF-8 string looks on a terminal, without curses:
 * one "glyph" at a time with its display width, control characters, escape
 * sequences, bidi overrides and invalid bytes turned into visible, harmless
 * placeholders.  The review screen's drawing helper (ui/draw.c) draws only
 * what this module yields, so nothing from a report reaches the terminal
 * unsanitised.  Widths follow wcwidth() (CJK = 2); the caller sets a UTF-8
 * LC_CTYPE. */
#ifndef GK_VIEW_TEXT_H
#define GK_VIEW_TEXT_H

#include <stddef.h>
#include <wchar.h>

typedef enum {
    VIEW_G_CHAR,    /* one printable character (wc[0]) plus combining marks */
    VIEW_G_TAB,     /* a tab: `width` spaces up to the next tab stop */
    VIEW_G_PH       /* a placeholder: wc[0..n-1], each one column wide */
} view_glyph_kind;

#define VIEW_GLYPH_MAX 12

typedef struct {
    view_glyph_kind kind;
    wchar_t wc[VIEW_GLYPH_MAX];
    int n;          /* characters in wc */
    int width;      /* display columns */
} view_glyph;

/* Decodes the glyph at the start of s (len > 0) drawn at column `col`
 * (for tab stops; tabw <= 0 shows a tab as one space).  Returns the bytes
 * consumed (>= 1). */
size_t view_glyph_next(const char *s, size_t len, int col, int tabw, view_glyph *g);

/* Display width of a whole string starting at column 0. */
int view_text_width(const char *s, size_t len, int tabw);

/* How many bytes of s, in whole glyphs, fit in `width` columns when the
 * string starts at column col0.  *used (may be NULL) gets their width.
 * Never splits a glyph; returns 0 when not even the first glyph fits. */
size_t view_text_fit(const char *s, size_t len, int col0, int width, int tabw, int *used);

#endif
