/* re.h — PCRE2 (UTF mode, JIT) behind two calls.  Patterns are string
 * constants (the template's and the parser's); each is compiled once, on
 * first use, and cached for the life of the process.  Thread-safe. */
#ifndef GK_RE_H
#define GK_RE_H

#include <stddef.h>

typedef struct {
    size_t start, end;   /* byte offsets; start == end == (size_t)-1 if unset */
} re_span;

/* 1 if `pat` matches `s` (NUL-terminated) anywhere. */
int re_test(const char *pat, const char *s);

/* Searches s[from..len); fills up to ngroups spans (group 0 = whole match).
 * Returns 1 on a match, 0 otherwise. */
int re_find(const char *pat, const char *s, size_t len, size_t from, re_span *groups, int ngroups);

/* Compiles `pat`; returns 0 when it is valid (used by tests). */
int re_check(const char *pat);

#endif
