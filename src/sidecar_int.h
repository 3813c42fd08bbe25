/* sidecar_int.h — what the parts of the sidecar share, and nothing else
 * includes: not an API.  The parts are
 *   sidecar.c         the review in memory: entries, editing, undo, who and when
 *   sidecar_format.c  the text of the file: value encoding, parsing, writing
 *   sidecar_store.c   the file on disk: locating, loading, locking, atomic saving
 *   sidecar_merge.c   merging with what another process saved meanwhile
 *   sidecar_apply.c   the review as the report's overlay */
#ifndef GK_SIDECAR_INT_H
#define GK_SIDECAR_INT_H

#include "sidecar.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define SC_MAX_SECTIONS 50000 /* entries a sidecar may hold (the template has a few thousand at most) */
#define SC_MAX_SECTIONS_TEXT "50,000"
#define SC_LIST_MAX 10        /* items a warning lists before "… 及其他 N 个" */

/* ---- strings that may be NULL ----------------------------------------------- */

static inline char *dupn(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static inline int eq0(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static inline int cmp0(const char *a, const char *b)
{
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    return strcmp(a, b);
}

static inline void set_str(char **dst, const char *s)
{
    char *n = dupn(s);
    free(*dst);
    *dst = n;
}

/* ---- entries (sidecar.c) ------------------------------------------------------ */

void sc_entry_free(gk_rv_entry *e);
void sc_add_alt(gk_rv_entry *e, const char *text, const char *who, const char *when);
/* A deep copy without the base. */
gk_rv_entry sc_entry_copy(const gk_rv_entry *e);
gk_rv_entry *sc_entry_dup(const gk_rv_entry *e);
int sc_same_payload(const gk_rv_entry *a, const gk_rv_entry *b);
int sc_same_content(const gk_rv_entry *a, const gk_rv_entry *b);
int sc_has_alt(const gk_rv_entry *e, const gk_rv_alt *a);
/* Order of entries: kind, rule, cell (qsort comparator). */
int sc_cmp_entries(const void *pa, const void *pb);
gk_rv_entry *sc_find_sorted(gk_rv_entry *v, int n, gk_rv_kind kind, const char *rule, const char *cell);
void sc_push(gk_rv_entry **v, int *n, gk_rv_entry e);
void sc_free_entries(gk_rv_entry *v, int n);
gk_review *sc_review_new(const char *report_path);
/* A rule id as the template spells it (upper-cased when it has no such rule); malloc'd. */
char *sc_canon_rule(const char *lower);
/* What the report itself says for a cell ("" when it says nothing). */
void sc_cell_original(const gk_report *r, int cell, char *buf, size_t n);

/* ---- messages (sidecar.c) ----------------------------------------------------- */

/* A short, harmless quote of a file's text for an error message; malloc'd. */
char *sc_excerpt(const char *s);
/* Appends to a message of parts joined by "；". */
void sc_say(sbuf *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends one item of a warning's list: the first SC_LIST_MAX, then only counted in *more. */
void sc_list_item(sbuf *w, int *listed, int *more, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ---- the text of the file (sidecar_format.c) ------------------------------------ */

/* What a file holds, as parsed. */
typedef struct {
    gk_rv_entry *entries;     /* sorted by sc_cmp_entries() */
    int nentries;
    char sha256[65];
    gk_review_state state;
    char *state_who, *state_when;
    char *notes;              /* what the reviewer should know of a file that was read (duplicates), or NULL */
} sc_file;

void sc_file_free(sc_file *f);
/* Parses the text of a sidecar into f.  Returns 0, -1 unusable (*why), or
 * 2 cut off: f holds the entries before the last section, *why says so (the
 * file is then not for writing).  f->notes may tell of duplicates. */
int sc_parse(const char *buf, size_t len, sc_file *f, char **why);
/* The file's text: rv's report and state, the entries v[0..n), the report's SHA-256. */
char *sc_serialize(const gk_review *rv, const gk_rv_entry *v, int n, const char *sha256);
/* A stored correction: the one number parser (number.h), any kind.  0 ok, -1 (*why when why). */
int sc_parse_number(const char *s, double *out, const char **why);
const char *sc_kind_name(gk_rv_kind k);   /* "correction", "note", "dismiss" */

/* ---- the file on disk (sidecar_store.c) -------------------------------------------- */

char *sc_basename(const char *path);      /* malloc'd */

/* ---- merging (sidecar_merge.c) ---------------------------------------------------- */

/* Merges rv (what this process changed since it read loaded_from) with disk
 * (what the file holds now; same_origin: it is the file rv was read from):
 * the merged entries, sorted, into *outv / *outn; rv's state takes the disk's
 * when only another writer changed it or its change is the later. */
void sc_merge(gk_review *rv, const sc_file *disk, int same_origin, gk_rv_entry **outv, int *outn);

#endif
