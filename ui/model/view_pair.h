/* view_pair.h — two years of one body side by side, as data (no curses):
 * the open report and its partner (the same body's report of the previous
 * year, else of the next year).
 *
 * Tables: one row per template cell with both years' values as the screen
 * shows them ("6", "6*", "0_", "?") and the change (later − earlier).
 * Carried-over links: this year's 上年结转 against last year's 结转下年度
 * (table 3, every column) and the 现行有效 chain of table 2 (last year's
 * 现行有效 + this year's 制发 − 废止 = this year's 现行有效), each equal,
 * not equal or unknown — the comparisons XYEAR.CARRY and XYEAR.VALID make.
 * Narrative: the sections of both years as sentences (二 to 四 hold the
 * tables and give none), each flagged when the same sentence (digits
 * masked, spaces and punctuation dropped: the hash XYEAR.COPIED compares,
 * narrative_sentences()) is in the same section of the other year, and the
 * share of repeated sentences per section.
 *
 * Index 0 is always the earlier year, 1 the later; `mine` says which of
 * the two is the open report. */
#ifndef GK_VIEW_PAIR_H
#define GK_VIEW_PAIR_H

#include "report.h"

#include <stddef.h>

typedef enum { VP_LINK_UNKNOWN = 0, VP_LINK_EQUAL, VP_LINK_DIFFERENT } vp_link_state;

typedef struct {
    const char *id;         /* template cell id ("t3.new.natural"), static */
    const char *label;      /* "本年新收·自然人", static */
    int table;              /* 2, 3 or 4 */
    int cell[2];            /* the cell's index in each year's template, -1 when that template lacks it */
    int known[2];           /* the year has a value (not missing) */
    double value[2];
    char text[2][40];       /* the value as the screen shows it; "" when the template lacks the cell */
    int has_change;         /* both known */
    double change;          /* value[1] − value[0] */
    int link;               /* index into links of the link this row takes part in, -1 none */
} vp_row;

typedef struct {
    int carry;              /* 1: 上年结转 ↔ 结转下年度; 0: the 现行有效 chain */
    vp_link_state state;
    int row[2];             /* rows compared: [0] the earlier year's side, [1] the later year's */
    double want, got;       /* the later year's value expected from the earlier year's, and the one it has */
    char text[256];         /* one line, Chinese */
} vp_link;

typedef struct {
    char *text;             /* the sentence as written (normalised, trimmed) */
    int line;               /* 1-based source line */
    int repeated;           /* the same masked sentence is in the other year's same section */
} vp_sentence;

typedef struct {
    vp_sentence *s;
    int n;
    int nrep;               /* sentences repeated */
    int present;            /* the section's heading was found */
} vp_section_year;

#define VP_SECTIONS 6
/* From this width both years stand side by side; below, one at a time. */
#define VP_WIDE_MIN 120
/* Sections 二, 三 and 四 hold the tables: their lines are not sentences and
 * are left out of the narrative (the tables view compares them). */
#define VP_TABLE_SECTION(k) ((k) >= 1 && (k) <= 3)

typedef struct {
    gk_report *partner;     /* owned: the other year's report, read-only */
    int mine;               /* 0: the open report is the earlier year, 1: the later */
    int year[2];
    char *path[2];          /* each year's file */
    vp_row *rows;
    int nrows;
    vp_link *links;
    int nlinks;
    vp_section_year sec[VP_SECTIONS][2];
} view_pair;

/* Builds the pair of the open report r and its partner (taken: freed by
 * view_pair_free). */
void view_pair_init(view_pair *p, const gk_report *r, gk_report *partner);
void view_pair_free(view_pair *p);

/* "一、总体情况" … "六、其他需要报告的事项" for k = 0..5. */
const char *view_pair_section_name(int k);
/* The repeat share of section k of year y in percent (rounded down), -1
 * when the section has no sentence. */
int view_pair_share(const view_pair *p, int k, int y);
/* The change as shown: "+5", "-1", "0", "" when not both known; buf >= 40. */
const char *view_pair_change_text(const vp_row *row, char *buf, size_t n);
/* "=", "≠" or "?" for a link state. */
const char *view_pair_link_mark(vp_link_state s);

/* Reads the partner read-only: the report with its sidecar's corrections
 * applied (nothing is written); NULL and a malloc'd reason when it cannot
 * be read. */
gk_report *view_pair_open(const char *path, char **why);

/* The same body's report of year − 1 (preferred) or year + 1 among the
 * report files directly in the folder of `path` (not its subfolders);
 * malloc'd path, NULL when there is none. */
char *view_pair_find_in_folder(const char *path, const char *body, int year);

#endif
