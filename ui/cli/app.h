/* app.h — the two faces of the program.  The engine (src/) provides the
 * command-line face; the review screen lives in ui/ and is reached only
 * through app_tui(), which ui/ defines.  A build without ui/ gets the weak
 * fallback in main.c. */
#ifndef GK_APP_H
#define GK_APP_H

#include <stdio.h>

#define GK_VERSION "0.1.0"

/* Runs the review screen on the given files and directories. */
int app_tui(int npaths, char **paths);

/* Command-line subcommands (cli.c). */
int cli_check(int argc, char **argv);
int cli_export(int argc, char **argv);
void cli_usage(FILE *f);

/* The reviewer's sidecar (cli_review.c, cli_review.h): `annotate` and `issues`. */
int cli_annotate(int argc, char **argv);
int cli_issues(int argc, char **argv);

#endif
