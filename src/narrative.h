/* narrative.h — the rules read from the report's text rather than from its
 * tables (FORMAT.OUTDATED, TITLE.FORM, YEAR.PERIOD, DATE.LATE,
 * TEXT.SECTION5_THIN) and the narrative sentences that XYEAR.COPIED
 * compares across years.
 *
 * Everything here reads r->text and what extraction already found (title
 * line, section headings, year, format); nothing here changes the cells.
 * narrative_check() is called by rules_check() after the table rules. */
#ifndef GK_NARRATIVE_H
#define GK_NARRATIVE_H

#include "report.h"

#include <stdint.h>

/* Adds the text rules' findings to r->findings. */
void narrative_check(gk_report *r);

/* A calendar date. */
typedef struct {
    int y, m, d;
} gk_date;

/* The first date in s[0..len): "2024年1月20日", "2024-01-20", "2024/1/20",
 * "2024.01.20" or in Chinese numerals "二〇二四年一月二十日".  Returns 1 and
 * fills *out (and *end, the byte after it, when not NULL) when found. */
int narrative_find_date(const char *s, size_t len, gk_date *out, size_t *end);

/* The statistics period stated in the text ("统计期限为2023年1月1日至2023年
 * 12月31日"; the second year may be left out).  Returns its 1-based line,
 * 0 when no period with both dates is stated. */
int narrative_period(const gk_report *r, gk_date *from, gk_date *to);

/* The report's date: the date line of the 落款 at the end, else a
 * "发布日期：…" (or 成文日期, 发布时间) near the top.  Returns its 1-based
 * line, 0 when none is found. */
int narrative_report_date(const gk_report *r, gk_date *d);

/* The title as written (squeezed: no spaces, markup stripped; a body named
 * on the line above and a title broken over two lines joined), or NULL
 * when the report has no title line.  *line gets its 1-based line. */
char *narrative_title(const gk_report *r, int *line);

/* One sentence of a narrative section, for XYEAR.COPIED: its hash with
 * digits masked and spaces and punctuation dropped, its line and its text. */
typedef struct {
    uint64_t hash;
    int line;
    char *text;                /* normalised text of the sentence, trimmed (the
                                * texts of one call share a block) */
} gk_sentence;

/* Sections compared for copying: 一 (总体情况), 五 (问题及改进), 六 (其他事项). */
#define NARR_SECTIONS 3
extern const int NARR_SECTION_INDEX[NARR_SECTIONS];   /* 0, 4, 5 */

/* The sentences of section k (0-based, 0..5) with at least
 * NARR_MIN_CHARS Chinese characters, in order; *n gets their number.
 * Free with narrative_sentences_free(). */
#define NARR_MIN_CHARS 8
gk_sentence *narrative_sentences(const gk_report *r, int k, int *n);
void narrative_sentences_free(gk_sentence *s, int n);
/* The masked hash of one sentence (exported for tests). */
uint64_t narrative_sentence_hash(const char *s, size_t len, int *cjk);
/* Whether a sentence ends at byte i of s (len bytes): 。！？ or ; ! ?, and
 * where the next begins (*next). */
int narrative_sentence_end(const char *s, size_t len, size_t i, size_t *next);
/* The first i' >= i where a sentence ends (narrative_sentence_end(), or at
 * a '\n' when `breaks`), *next after it; len (*next = len + 1) when none
 * (a scan by a table of first bytes; exported for tests). */
size_t narrative_next_end(const char *s, size_t len, size_t i, int breaks, size_t *next);
/* narrative_sentence_hash() of s[i..) up to the end narrative_next_end()
 * finds with line breaks (*end, *next), in one walk (exported for tests). */
uint64_t narrative_sentence_hash_to_end(const char *s, size_t len, size_t i, size_t *end, size_t *next, int *cjk);

/* The text of section k without its heading, lines joined by '\n'
 * (malloc'd), and the line its text starts on; NULL when absent. */
char *narrative_section_body(const gk_report *r, int k, int *line);

/* The XYEAR.COPIED threshold in percent: `[rules] copied_share` of the
 * config file (default 50), read once.  narrative_set_copied_share()
 * overrides it (tests; a value outside 1..100 restores the config's). */
int narrative_copied_share(void);
void narrative_set_copied_share(int pct);

/* "第五部分（存在的主要问题及改进情况）" for k = 4 (0-based). */
const char *narrative_section_name(int k);

/* "有待提升", "还需加强" name a problem, not an improvement: blanks out
 * (spaces) every match of GK_NARR_WORDS.wanting in s[0..len) (valid UTF-8),
 * leftmost first, as a loop of re_find() would, by a scan of its words
 * (GK_NARR_WORDS.wanting_pre, wanting_further, wanting_post). */
void narrative_blank_pending(char *s, size_t len);

/* The shortest section 五 not called thin, in Chinese characters. */
#define NARR_SECTION5_MIN 40

/* The CJK characters (U+3400..U+4DBF, U+4E00..U+9FFF, 〇) in s[0..len):
 * the three-byte sequences that encode them, counted wherever they start
 * (any bytes; exported for tests). */
int narrative_cjk_count(const char *s, size_t len);
/* The same, counted no further than `enough`: the count when it is below
 * `enough`, else some number from `enough` up to the count. */
int narrative_cjk_count_upto(const char *s, size_t len, int enough);

#endif
