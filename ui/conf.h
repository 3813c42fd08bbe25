/* conf.h — reading INI files (themes, the user's config) with iniparser,
 * tolerantly: a line iniparser would reject is reported as "file:line:
 * message" and skipped instead of losing the whole file; every key keeps
 * its line number so the readers can report bad values the same way.
 * Also the list of such messages, and the user's config.ini. */
#ifndef GK_UI_CONF_H
#define GK_UI_CONF_H

#include <iniparser.h>

/* Messages for the user (Chinese, one line each), shown on the screen and
 * printed to stderr when the screen closes. */
typedef struct {
    char **v;
    int n;
} ui_msgs;

void msgs_add(ui_msgs *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void msgs_free(ui_msgs *m);

typedef struct {
    char *section;   /* lower-cased, "" before any section */
    char *key;       /* lower-cased; NULL for a section line */
    int line;
} ini_entry;

typedef struct {
    char *path;
    dictionary *d;   /* iniparser's dictionary; NULL when nothing was read */
    ini_entry *e;    /* every section and key line, in file order */
    int n;
} ini_file;

/* Reads path.  Returns 0 when read (possibly with bad lines reported and
 * skipped), -1 when the file does not exist (nothing reported), -2 when it
 * exists but cannot be read (reported). */
int ini_open(ini_file *f, const char *path, ui_msgs *m);
void ini_close(ini_file *f);
/* The value of entry i (a key), as iniparser read it. */
const char *ini_value(const ini_file *f, int i);

/* The user's choices: $XDG_CONFIG_HOME/gkreview/config.ini, falling back
 * to ~/.config/gkreview/config.ini.  Missing file: defaults, no message. */
typedef struct {
    char *path;       /* the file read, or NULL */
    char *theme;      /* [ui] theme, "default" unless set */
    char *reviewer;   /* [review] reviewer, NULL unless set */
} ui_config;

void config_load(ui_config *c, ui_msgs *m);
void config_free(ui_config *c);

#endif
