/* safe.h — text from reports, sidecars and file names made harmless for a
 * terminal and for a spreadsheet (issue #17).
 *
 * The command line shows what the review screen shows: control characters in
 * caret notation (ESC is ^[, BEL ^G, DEL ^?), C1 controls and invisible
 * format characters as <U+XXXX>, bidi embeddings, overrides and isolates by
 * name (<RLO>), and bytes that are not UTF-8 as U+FFFD — the placeholders of
 * view_text.c, so one string looks the same on the screen and in `check`'s
 * output (tests/unit/test_safe.c holds the two to each other).  Everything
 * else, Chinese included, passes unchanged.  No curses, no locale: the
 * classification is by code point. */
#ifndef GK_SAFE_H
#define GK_SAFE_H

#include "util.h"

#include <stdio.h>

#define SAFE_KEEP_NL  1   /* '\n' passes (CSV fields, multi-line notes) */
#define SAFE_KEEP_TAB 2   /* '\t' passes */

/* Appends s[0..len) to out, neutralised. */
void safe_add(sbuf *out, const char *s, size_t len, int keep);
/* A neutralised copy of s (malloc'd). */
char *safe_dup(const char *s, int keep);
/* Whether s needs no change at all (0 when safe_add() would alter it). */
int safe_is_clean(const char *s, size_t len, int keep);
/* At most max_chars characters of s, neutralised, with "…" when cut: what an
 * error message may quote of a file's content (malloc'd). */
char *safe_excerpt(const char *s, size_t len, size_t max_chars);

/* Writes s neutralised (nothing kept). */
void safe_fputs(FILE *f, const char *s);
/* printf, then the whole text neutralised except one final newline: the
 * command line's way of writing a human-readable line. */
void safe_fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same into a malloc'd string. */
char *safe_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A CSV cell a spreadsheet would run as a formula — it begins with = + - @,
 * a tab or a carriage return (or their full-width forms), and is not a plain
 * number such as "-3" or "+2.5" — gets a leading apostrophe.  Returns 1 when
 * s needs it. */
int safe_csv_formula(const char *s);

/* The placeholder shown for code point cp (the screen's and the command
 * line's alike): ^[ for a C0 control, <RLO> for a bidi control, <U+0085>
 * for anything else; written to buf (NUL-terminated), its length returned. */
int safe_placeholder(unsigned cp, char *buf, size_t n);

#endif
