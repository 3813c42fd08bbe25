/* template.h — the report template as data: tables, rows, columns, labels,
 * label patterns, cell ids and the consistency rules.  The 2021 and the 2019
 * formats are two instances of the same structures (template.c). */
#ifndef GK_TEMPLATE_H
#define GK_TEMPLATE_H

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
} gk_equation;

typedef struct {
    const char *id;
    gk_severity severity;
    const char *summary;      /* Chinese, one line */
    const char *name;         /* short Chinese name (问题类型 of the 问题清单) */
    int reading;              /* 1: about how the file was read rather than a mistake in the report */
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
    const gk_col_def *col[3][32]; /* each table's distinct column definitions (by label) */
    char *col_canon[3][32];   /* ... their labels normalised, without spaces */
    int ncol[3];
    int id_hash[512];         /* cell id → index + 1, open addressing */
    gk_equation *eqs;
    int neqs;
} gk_template;

const gk_template *template_get(gk_format f);
const gk_table_def *template_table(const gk_template *t, int number);
int template_cell_index(const gk_template *t, const char *id);
int template_cell_at(const gk_template *t, int table, int row, int col);
const gk_rule_def *template_rules(int *n);
const gk_rule_def *template_rule(const char *id);
const gk_group_def *template_groups(int *n);
const char *template_format_name(gk_format f);

/* Header words that identify a format (used by detection). */
extern const char *const GK_DETECT_2021;
extern const char *const GK_DETECT_2019;
extern const char *const GK_DETECT_2021_NEED[];
extern const char *const GK_DETECT_2019_NEED[];

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
} gk_narr_count;

/* The counts (at most GK_NARR_MAX); gk_stated.kind indexes them. */
const gk_narr_count *template_narr_counts(int *n);
/* The cell ids of count k in format f (NULL-terminated). */
const char *const *template_narr_cells(const gk_narr_count *c, gk_format f);

#endif
