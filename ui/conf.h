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
    char *want_path;  /* where the config file is or would be, NULL when nowhere */
    char *theme;      /* [ui] theme, "default" unless set */
    char *reviewer;   /* [review] reviewer, NULL unless set */
    int mouse;        /* [ui] mouse = yes|no, yes unless set */
} ui_config;

void config_load(ui_config *c, ui_msgs *m);
void config_free(ui_config *c);
/* Why a reviewer's name cannot be used (malloc'd Chinese), NULL when it can:
 * 1 to 64 bytes of UTF-8 without control characters, quotes or
 * backslashes, and never "root". */
char *config_reviewer_invalid(const char *name);
/* Stores [review] reviewer = name in the config file (made when missing;
 * other lines kept), atomically; c->reviewer takes the name even when the
 * file cannot be written.  0 ok; -1 and *err (malloc'd Chinese). */
int config_set_reviewer(ui_config *c, const char *name, char **err);

#endif
