/* template.h — the report template as data: tables, rows, columns, labels,
 * label patterns, cell ids and the consistency rules.  The 2021 and the 2019
 * formats are two instances of the same structures (template.c). */
#ifndef GK_TEMPLATE_H
#define GK_TEMPLATE_H

#include <stddef.h>

typedef enum { GK_FMT_UNKNOWN = 0, GK_FMT_2021, GK_FMT_2019 } gk_format;
typedef enum { GK_VAL_COUNT, GK_VAL_DECIMAL, GK_VAL_SIGNED } gk_valkind;
typedef enum { GK_SEV_WARNING = 0, GK_SEV_ERROR = 1 } gk_severity;

typedef struct {
    const char *key;          /* "natural" */
    const char *label;        /* canonical header text, as in the national template */
    const char *short_label;  /* for screens and messages */
    const char *pattern;      /* PCRE2 pattern that finds the header, typos included */
    gk_valkind kind;
} gk_col_def;

typedef struct {
    const char *key;          /* "new", "deny.secret" */
    const char *label;        /* canonical row label, without its numbering */
    const char *short_label;  /* for screens and messages */
    const char *pattern;      /* PCRE2 pattern on the space-free label, typos included */
    const char *group;        /* outcome group key (table 3) or NULL */
    const gk_col_def *cols;
    int ncols;
} gk_row_def;

typedef struct {
    const char *key;          /* "deny" */
    const char *label;        /* "不予公开" */
    const char *pattern;
} gk_group_def;

typedef struct {
    int number;               /* 2, 3 or 4 */
    const char *title;
    const gk_row_def *rows;
    int nrows;
} gk_table_def;

/* One cell of the template, flattened. */
typedef struct {
    char id[48];              /* "t3.new.natural" */
    int table;                /* 2, 3, 4 */
    int row;                  /* index into the table's rows */
    int col;                  /* index into the row's columns */
    const gk_row_def *rowdef;
    const gk_col_def *coldef;
    char label[96];           /* "本年新收·自然人" */
} gk_cell_def;

/* A linear rule: sum(coef[i] * cell[i]) == 0. */
#define GK_EQ_MAX 32
typedef struct {
    const char *rule;         /* rule id */
    int n;
    int cell[GK_EQ_MAX];
    int coef[GK_EQ_MAX];
    int anchor;               /* the cell whose line the finding reports */
    char what[64];            /* "自然人列", "予以公开行" */
    const char *message;      /* its family's message format (gk_eq_def) */
} gk_equation;

/* What a rule's findings point at: equations, a cell set, every cell, or
 * the text and structure of the report (no cells of the template). */
typedef enum { GK_RULE_EQUATION = 1, GK_RULE_CELLSET, GK_RULE_EACH_CELL, GK_RULE_TEXT } gk_rule_kind;

typedef struct {
    const char *id;
    gk_severity severity;
    const char *summary;      /* Chinese, one line */
    const char *name;         /* short Chinese name (问题类型 of the 问题清单) */
    int reading;              /* 1: about how the file was read rather than a mistake in the report */
    gk_rule_kind kind;        /* where its cells come from (test_template walks them) */
} gk_rule_def;

typedef struct {
    gk_format format;
    const char *name;         /* "2021" / "2019" */
    gk_table_def tables[3];   /* tables 2, 3, 4 */
    /* derived by template_get() */
    gk_cell_def *cells;
    int ncells;
    int first_cell[3][32];    /* index of the first cell of row r of table t+2 */
    char *row_canon[3][32];   /* each row's label normalised, without spaces */
    size_t row_canon_len[3][32]; /* ... its bytes */
    const gk_col_def *col[3][32]; /* each table's distinct column definitions (by label) */
    char *col_canon[3][32];   /* ... their labels normalised, without spaces */
    size_t col_canon_len[3][32]; /* ... its bytes */
    int ncol[3];
    int id_hash[512];         /* cell id → index + 1, open addressing */
    gk_equation *eqs;
    int neqs;
    int row_eq[3][32];        /* each row's first equation all of whose cells lie in the row, -1 none */
    int widest[3];            /* each table's widest row: its cells */
    int uniform[3];           /* 1 when every row of the table is as wide */
    /* derived from the schema (see the schema block below) */
    struct gk_cellset_s *sets;
    int nsets;
} gk_template;

const gk_template *template_get(gk_format f);
/* Table `number` (2, 3 or 4), else NULL.  Inline: asked once per row and more. */
static inline const gk_table_def *template_table(const gk_template *t, int number)
{
    return number >= 2 && number <= 4 ? &t->tables[number - 2] : NULL;
}
int template_cell_index(const gk_template *t, const char *id);
int template_cell_at(const gk_template *t, int table, int row, int col);
const gk_rule_def *template_rules(int *n);
const gk_rule_def *template_rule(const char *id);
const gk_group_def *template_groups(int *n);
const char *template_format_name(gk_format f);
/* The format the reports on `year` are to follow: 2019's (国办公开办函〔2019〕60号)
 * for 2019 and 2020, 2021's from 2021 on; GK_FMT_UNKNOWN before 2019 or for 0. */
gk_format template_year_format(int year);

/* Header words that identify a format (used by detection). */
extern const char *const GK_DETECT_2021;
extern const char *const GK_DETECT_2019;
extern const char *const GK_DETECT_2021_NEED[];
extern const char *const GK_DETECT_2019_NEED[];

/* ==== schema (issue 20): what the engine names nowhere else ====================
 * The sections and their headings, each table's name and section, the
 * equations with their messages, the cell sets of T2.VALID_GE and the
 * cross-year rules, and what kind of evidence each rule gives.  extract.c,
 * rules.c, xyear.c and ui/panel_tables.c iterate over these and name no
 * cell id, label or shape.  Every key they name is resolved when a template
 * is derived: a name that does not resolve stops the program with a message
 * (template_get); test_template walks both formats, and a copy with a
 * renamed key, to show it.
 *
 * Where to add
 * - a row:     its gk_row_def in the format's table (T3_HEAD, T2_2021, ...);
 *              the cell ids "t<table>.<row key>.<column key>" follow.
 * - a rule:    its gk_rule_def in RULES (with its kind), and, for an
 *              equation, a gk_eq_def in EQ_DEFS (terms by key, message).
 * - a layout:  a table's shape in TABLE_SHAPES (one_line: all its cells may
 *              come as one row); a section in SECTIONS. */

#define GK_NTABLES 3
#define GK_NSECTIONS 6

/* Words of table 3 that only the 2021 format has (detection when table 2 says nothing). */
extern const char *const GK_DETECT_2021_T3;
/* Words of table 3's column headers: a label naming two of them is a header row (NULL ends). */
extern const char *const GK_HEADER_WORDS[];
extern const char *const GK_HEADER_GROUPS[];   /* header cells over several columns */

/* The sections, in the template's order (index into gk_report.section_line). */
enum { GK_SEC_TOTAL, GK_SEC_ACTIVE, GK_SEC_APPLY, GK_SEC_REVIEW, GK_SEC_PROBLEMS, GK_SEC_OTHER };

#define GK_SEC_STARTS 6
typedef struct {
    const char *numeral;       /* "一" */
    const char *name;          /* "一、总体情况": the heading as the template words it */
    const char *cited;         /* "第一部分（总体情况）": how findings name the section */
    const char *pattern;       /* a heading that fills its (normalised) line */
    const char *mid_pattern;   /* a heading inside a line, with its own numeral */
    const char *mid_need;      /* a word every mid_pattern match holds: a cheap test first */
    const char *starts[GK_SEC_STARTS]; /* how its words may begin (after markup and numeral); NULL ends */
} gk_section_def;

const gk_section_def *template_sections(int *n);

typedef struct {
    int number;                /* 2, 3, 4 */
    const char *name;          /* "表二" */
    int section;               /* the section that holds it (GK_SEC_*) */
    int one_line;              /* 1: all its cells may come as one row under grouped headers */
} gk_table_shape;

const gk_table_shape *template_table_shape(int number);
/* The number of cells of a table (all its rows). */
int template_table_ncells(const gk_template *t, int number);

/* An equation family: one equation per row of a table (terms name columns)
 * or per column (terms name rows).  A term is "+key" or "-key"; key "*" is
 * every row/column of the table the other terms do not name, "@" every row
 * that belongs to an outcome group.  The cells come in the terms' order. */
#define GK_EQ_TERMS 6
typedef struct {
    const char *rule;
    int table;
    int per_col;
    const char *terms[GK_EQ_TERMS];
    const char *anchor;        /* key of the cell the finding reports */
    const char *what;          /* the equation's name from the row's or column's short label: "%s行" */
    const char *message;       /* what, the + side, the - side, their difference (four %s) */
} gk_eq_def;

const gk_eq_def *template_eq_defs(int *n);

/* A set of cells a rule reads: rows x columns of one table, or cell ids
 * (one column).  Applies to one format or, with GK_FMT_UNKNOWN, to both. */
#define GK_SET_ROWS 8
#define GK_SET_COLS 8
typedef struct {
    const char *rule;
    gk_format only;
    int table;
    const char *rows[GK_SET_ROWS];   /* row keys, NULL ends */
    const char *cols[GK_SET_COLS];   /* column keys, NULL ends; none: every column of the first row */
    const char *ids[GK_SET_ROWS];    /* or cell ids, one a row, NULL ends */
    const char *message[2];          /* the finding's message(s), see each rule's reader */
} gk_cellset_def;

/* The columns of T2.VALID_GE's and XYEAR.VALID's set, in this order. */
enum { GK_VALID_ISSUED, GK_VALID_REPEALED, GK_VALID_VALID };
/* The rows of XYEAR.CARRY's set, in this order. */
enum { GK_CARRY_IN, GK_CARRY_OUT };

/* A cell set resolved in one template: cell[row][col] indices. */
typedef struct gk_cellset_s {
    const gk_cellset_def *def;
    int nrows, ncols;
    int cell[GK_SET_ROWS][GK_SET_COLS];
} gk_cellset;

/* The cell set rule `rule` reads in t, NULL when it has none in t's format. */
const gk_cellset *template_cellset(const gk_template *t, const char *rule);

gk_rule_kind template_rule_kind(const char *rule);   /* 0: no such rule */

/* Derives t (its format and tables set, every derived field zero) and
 * resolves every name the schema gives; returns how many do not resolve,
 * *problems (may be NULL) the list, one a line.  template_get() stops the
 * program on any.  template_release() frees what it allocated. */
int template_derive(gk_template *t, char **problems);
void template_release(gk_template *t);

/* Everything test_template checks of a derived template: names resolved,
 * every rule with cells or of the text kind, every row, column and group
 * pattern matching one of its labels, every heading pattern its heading.
 * Returns the number of problems, *problems (may be NULL) the list. */
int template_walk(const gk_template *t, char **problems);

/* ---- narrative counts (TEXT.MISMATCH) ------------------------------------ */

/* A count the narrative of section 一 commonly states ("共收到政府信息公开申请
 * 6件"), how it is written, and the cells whose sum it must equal.  Patterns
 * run on the normalised line (full-width digits and punctuation folded to
 * ASCII); group 1 is the number (Arabic digits or a Chinese numeral, read by
 * extract.c); a pattern without group 1 states 0 ("未发生…行政复议"). */
#define GK_NARR_PATTERNS 6
#define GK_NARR_CELLS 9
#define GK_NARR_MAX 16
typedef struct {
    const char *key;          /* "new" */
    const char *what;         /* Chinese noun in the message: "收到申请" */
    const char *need[4];      /* words of which every match contains one, NULL-terminated:
                               * a line with none is passed over (a cheap test first) */
    const char *patterns[GK_NARR_PATTERNS];  /* NULL-terminated */
    /* cell ids whose sum the count must equal, NULL-terminated, per format:
     * [0] 2021, [1] 2019; none: the format has no such cell, not checked */
    const char *cells[2][GK_NARR_CELLS];
    /* per pattern: words of which every match of patterns[p] contains one,
     * NULL-terminated; a line (or the rest of it) with none is not searched
     * with that pattern.  None listed: the count's need words only */
    const char *pattern_need[GK_NARR_PATTERNS][5];
    /* per pattern, when not 0: every match of patterns[p] begins with a
     * number (ASCII digits and ',' or GK_NARR_NUMERALS, then ASCII white
     * space) followed by at most this many characters before the first of
     * its need words; the search need not begin further back (extract.c) */
    unsigned char number_first[GK_NARR_PATTERNS];
    /* per pattern, when not 0: every match of patterns[p] ends with one of
     * its need words (the pattern has no lookahead); the search need not go
     * past the last of them on the line (extract.c) */
    unsigned char need_last[GK_NARR_PATTERNS];
} gk_narr_count;

/* The characters of a number in Chinese numerals (NARR_NUM in template.c). */
#define GK_NARR_NUMERALS "零〇一二两三四五六七八九十百千"

/* The counts (at most GK_NARR_MAX); gk_stated.kind indexes them. */
const gk_narr_count *template_narr_counts(int *n);
/* The cell ids of count k in format f (NULL-terminated). */
const char *const *template_narr_cells(const gk_narr_count *c, gk_format f);

/* ---- the words of the text around the tables (extract.c) ------------------ */

/* What extraction looks for outside the tables, on normalised lines.  A
 * year as a title writes it is "2023" or "二〇二三". */
typedef struct {
    const char *body_end;       /* a body's name ends in an office's or a place's word */
    const char *body_by;        /* "本报告由<body>编制": group 1 the body */
    const char *date_line;      /* a line that is a date and nothing else (the 落款's) */
    const char *quoted_title;   /* 《<body>2023年…信息公开…报告》: groups 1 body, 2 year, 3 between */
    const char *title_line;     /* "2023年度<body>政府信息公开…": groups 1 year, 2 between */
    const char *period_start;   /* 统计期限…2023年1月1日: group 1 the year */
    const char *fee;            /* section 六 speaks of the processing fee */
    const char *const *report_words;  /* words only a report's tables or headings hold, NULL ends:
                                       * a file with none of them and no title is not a report */
} gk_text_words;
extern const gk_text_words GK_TEXT;

/* ---- the words of the text rules (narrative.c) ------------------------------ */

/* What the rules read from the report's text look for (TITLE.FORM,
 * YEAR.PERIOD, DATE.LATE, TEXT.SECTION5_THIN), on normalised lines. */
typedef struct {
    const char *date_arabic;    /* 2024年1月20日, 2024-01-20: groups 1 year, 2-3 or 4-5 month and day */
    const char *date_chinese;   /* 二〇二四年一月二十日: groups 1-3 */
    const char *period;         /* 统计期限…Y年M月D日至[Y年]M月D日: groups 1-6 */
    const char *date_label;     /* 发布日期: (the report's date follows) */
    const char *year_first;     /* a title that starts with its year */
    const char *title_debris;   /* what may follow 报告 on a web page's title line */
    const char *letter_title;   /* a cover letter's title: 关于…的函, …〔2024〕3号 */
    const char *report_title;   /* ...which a report's own title is not */
    const char *letter_body;    /* 特此函告, 现将…年度报告报送…请 */
    const char *title_form;     /* the prescribed title: groups 1 or 2 the body */
    const char *subheading;     /* a sub-heading inside section 五 (情况, 措施 …) */
    const char *nothing;        /* section 五 that says nothing: 无, 暂无 */
    const char *wanting;        /* 有待提升, 还需加强: a problem, not an improvement; narrative.c
                                 * scans for it with the three lists below, which must
                                 * hold its words in its order (test_narrative compares) */
    const char *const *wanting_pre;   /* 有待 还需 … 不 (each starts with a CJK character) */
    const char *wanting_further;      /* 进一步 */
    const char *const *wanting_post;  /* 加强 提升 … */
    const char *const *problem; /* words naming a problem, NULL ends */
    const char *const *improve; /* words naming an improvement, NULL ends */
} gk_narr_words;
extern const gk_narr_words GK_NARR_WORDS;

#endif
