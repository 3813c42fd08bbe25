/* extract.h — from normalised text to the report model: title, sections,
 * format detection, tables 2–4 and the counts stated in the narrative.
 * Findings that only the source's structure can give (missing sections and
 * rows, label variants, fee statement, years) are recorded as notes. */
#ifndef GK_EXTRACT_H
#define GK_EXTRACT_H

#include "report.h"

#include <stdint.h>

void extract_report(gk_report *r);
/* Only the title: body and year.  r->text holds only the first lines,
 * decoded with extract_title_lines as text_decode_until()'s stop (its ctx
 * an int set to section 一's heading line, 1-based, when it finds one;
 * left alone otherwise): they are all the title needs. */
void extract_title_only(gk_report *r, int section_one_line);
int extract_title_lines(const gk_line *norm, size_t index, void *ctx);
/* Body and year from the whole text (r->text complete): the sections, the
 * title, and where there is no title line, a 《…》 title quoted in the text,
 * the statistics period or the narrative's year, the body named on a line
 * of its own, in "本报告由…编制" or in the 落款. */
void extract_title_full(gk_report *r);
/* 0 when the text is not a report at all: neither a title (a title line or
 * a quoted one) nor a section heading nor any word of the tables. */
int extract_is_report(const gk_report *r);

/* Tests only, before any report is read: with on, tables are read without
 * their shortcuts (a clean table placed without the search, a header row's
 * words taken from its cells): what is read must not change. */
void extract_general_only(int on);

/* Tests only: a salt mixed into the label memo's set index (0, as a run starts:
 * none).  Which remembered answers share a set, and so which are evicted, changes
 * with it (and with the addresses a run is loaded at); what is read must not. */
void extract_memo_salt(uint64_t salt);

/* Tests only: what the template's patterns tell of `label` (not remembered):
 * what 0, row_facts() of table `table` (its rows' patterns, canonical labels held,
 * header words); 1, which of the table's column patterns match; 2, which group
 * patterns match; 3, whether it ends with the beginning of a header word.
 * general 0: as a report is read (the plain words of a set found in one pass);
 * 1: each pattern, canonical label and word searched on its own. */
uint64_t extract_label_facts(const gk_template *tpl, int table, const char *label, int what, int general);

/* Label text with all white space removed (exported for tests). */
char *extract_squeeze(const char *s);

/* Where find_stated() searches s[0..len) from `off` for pattern p of
 * narrative count c: no further back than a match holding the first of the
 * pattern's need words (pattern_need, else the count's) can begin; off
 * when that cannot be told; len + 1 when no need word lies in s[off..len)
 * (no match).  The search from there finds what one from off finds. */
size_t extract_stated_from(const gk_narr_count *c, int p, const char *s, size_t len, size_t off);

/* Where that search may end: for a pattern whose matches end with one of
 * its need words (need_last), the end of the last of them in s[at..len)
 * (at: from extract_stated_from()); len for the other patterns.  The search
 * of s[0..returned) from at finds what one of s[0..len) finds. */
size_t extract_stated_to(const gk_narr_count *c, int p, const char *s, size_t len, size_t at);

#endif
