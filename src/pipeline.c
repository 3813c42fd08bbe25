/* pipeline.c — the one place that runs the steps in order: bytes are
 * decoded (input.c, text.c), extracted into the model (extract.c) and
 * checked (rules.c); a reviewer's overlay (sidecar_overlay) is followed by
 * the rules again (report_review).  The model (report.c), extraction and the rules do not
 * call each other in a circle: only this file knows all three. */
#include "pipeline.h"
#include "extract.h"
#include "input.h"
#include "rules.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* What the text goes through before it is read: character references decoded,
 * tags taken out, list-like rows split, page numbers blanked, wrapped cells
 * joined (text.c) — for the title read alone as for the whole report, so that
 * both find the same title and year. */
static void prepare(gk_text *t)
{
    text_decode_refs(t);
    text_strip_tags(t);
    text_list_rows(t);
    text_blank_page_numbers(t);
    text_join_wrapped_cells(t);
}

/* A decoded text as it is read: its lines put in their order again where a
 * converter moved them — pages printed bottom up read top down, a browser's
 * copy whose rows a cell's paragraph broke joined (each a new text: t freed) —
 * then prepare()d; the text to read. */
static gk_text *ready(gk_text *t)
{
    t = text_join_cell_paragraphs(text_bottom_up(t));
    prepare(t);
    return t;
}

/* Parses decoded text (NULL: *why, malloc'd, says already why the bytes could not be decoded). */
static gk_report *parse(const char *path, gk_text *t, char **why)
{
    if (!t)
        return NULL;
    gk_report *r = xcalloc(1, sizeof *r);
    r->path = xstrdup(path);
    r->text = t = ready(t);
    extract_report(r);
    if (!extract_is_report(r)) {
        report_free(r);
        *why = xstrdup(GK_NOT_A_REPORT);
        return NULL;
    }
    rules_check(r);
    return r;
}

gk_report *report_parse(const char *path, const char *bytes, size_t len, char **why)
{
    char *copy = xmalloc(len + 1);
    memcpy(copy, bytes, len);
    copy[len] = '\0';
    gk_text *t = input_decode(path, copy, len, NULL, why);   /* takes copy */
    return parse(path, t, why);
}

/* Reads the file in full, using what a peek learnt (`known`, may be NULL);
 * or, given `learnt` (may be NULL too), only its title, keeping there what
 * the full read can use. */
static gk_report *open_with(const char *path, char **why, const gk_peeked *known, int head_only, gk_peeked *learnt,
                            int listed)
{
    char *buf;
    size_t len;
    const char *reason = NULL;
    gk_file_id id;
    /* a listed file's identity is asked only to reuse a verdict or to keep one */
    int bare = listed && !head_only && !(known && known->verdict != TEXT_UNKNOWN);
    int e = bare ? util_read_listed(path, GK_MAX_FILE, &buf, &len, &reason)
                 : util_read_file_id(path, GK_MAX_FILE, &buf, &len, &id, &reason);
    if (e) {
        *why = e == EFBIG ? xasprintf("%s（上限 %u MB）", reason, GK_MAX_FILE >> 20) : xstrdup(reason);
        return NULL;
    }
    /* a verdict is reused only for the very file it was taken on */
    text_verdict verdict = TEXT_UNKNOWN;
    if (!head_only && known && known->verdict != TEXT_UNKNOWN && util_same_file(&known->id, &id))
        verdict = known->verdict;
    gk_report *r;
    if (head_only) {                   /* the encoding decided on all bytes, the lines split only as far as the title needs */
        int section_one = 0;           /* found by the stop as the lines are split */
        char *reason_m = NULL;
        gk_text *t = input_decode_until(path, buf, len, extract_title_lines, &section_one, &verdict, &reason_m);
        r = NULL;
        if (t) {
            r = xcalloc(1, sizeof *r);
            r->path = xstrdup(path);
            r->text = t;
            extract_title_only(r, section_one);
            /* no title line: the body and year are further in; pages printed bottom up: the
               title is at page 1's foot, read as the full read reads it */
            if (!r->titled || !*r->body || text_looks_bottom_up(t) || text_pdf2json_marked(buf, len)) {
                text_free(r->text);
                r->text = input_decode_until(path, buf, len, NULL, NULL, &verdict, &reason_m);
                if (r->text) {
                    r->text = ready(r->text);
                    extract_title_full(r);
                }
                if (r->text && !extract_is_report(r)) {   /* refused as the full read refuses it */
                    report_free(r);
                    r = NULL;
                    *why = xstrdup(GK_NOT_A_REPORT);
                } else if (!r->text) {
                    report_free(r);
                    r = NULL;
                    *why = reason_m;
                    reason_m = NULL;
                }
            }
        } else {
            *why = reason_m;
            reason_m = NULL;
        }
        free(reason_m);
        if (learnt) {
            learnt->id = id;
            learnt->verdict = verdict;
        }
    } else {
        gk_text *t = input_decode(path, buf, len, &verdict, why);
        buf = NULL;                    /* the text's now, or freed */
        r = parse(path, t, why);
    }
    free(buf);
    return r;
}

gk_report *report_open(const char *path, char **why)
{
    return open_with(path, why, NULL, 0, NULL, 0);
}

gk_report *report_open_peeked(const char *path, const gk_peeked *peeked, char **why)
{
    return open_with(path, why, peeked, 0, NULL, 0);
}

gk_report *report_open_listed(const char *path, const gk_peeked *peeked, char **why)
{
    return open_with(path, why, peeked, 0, NULL, 1);
}

gk_report *report_open_head(const char *path, gk_peeked *peeked, char **why)
{
    return open_with(path, why, NULL, 1, peeked, 0);
}

int report_peek(const char *path, char **body, int *year, gk_peeked *peeked)
{
    char *why = NULL;
    gk_report *r = report_open_head(path, peeked, &why);
    if (!r) {
        free(why);
        return -1;
    }
    *body = xstrdup(r->body ? r->body : "");
    *year = r->year;
    report_free(r);
    return 0;
}

int report_review(const gk_review *rv, gk_report *r, char **warn)
{
    int bad = sidecar_overlay(rv, r, warn);
    rules_check(r);
    return bad;
}
