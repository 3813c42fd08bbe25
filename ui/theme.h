/* theme.h — the screen's named colour elements, read from the themes/ directory (INI files),
 * and the curses attributes they become.  One current theme per process. */
#ifndef GK_UI_THEME_H
#define GK_UI_THEME_H

#include "conf.h"

#include <curses.h>

typedef enum {
    EL_NORMAL,
    EL_ERROR,
    EL_WARNING,
    EL_INFERRED,
    EL_BLANK,
    EL_CORRECTED,
    EL_DISMISSED,
    EL_SELECTED,
    EL_STATUS,
    EL_HEADER,
    EL_LINENR,
    EL_SOURCE_HL,
    EL_SEARCH,
    EL_PLACEHOLDER,
    EL_COUNT
} theme_el;

/* A drawing style: attributes and a colour pair (0 = terminal default). */
typedef struct {
    attr_t attr;
    short pair;
} ui_style;

/* The key name of an element in [colors] ("source_hl"). */
const char *theme_el_name(theme_el el);

/* Chooses the theme before the screen starts: NO_COLOR (non-empty) forces
 * monochrome; otherwise `name` is looked up in $GKREVIEW_THEMES, ./themes,
 * the themes next to the program (../share/gkreview/themes) and
 * GK_THEMEDIR.  Problems go to m; built-in defaults fill every gap. */
void theme_load(const char *name, ui_msgs *m);
/* After the screen starts: allocates colour pairs, or falls back to
 * monochrome when the terminal has fewer than 8 colours. */
void theme_apply(ui_msgs *m);
ui_style theme_style(theme_el el);
/* Name of the theme in use and whether it is monochrome. */
const char *theme_name(void);
int theme_mono(void);
void theme_free(void);

#endif
