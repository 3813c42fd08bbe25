/* grid.h — turns a range of report lines into logical table rows.
 *
 * Every layout the reports arrive in becomes the same thing: a row is a list
 * of cells, each with its text and source line.  Layouts: tab grids (one
 * line a row), one cell per line (rows separated by blank lines, a line
 * without a leading tab continuing the cell above), one cell per line
 * without tabs (a row ends at a blank line or where a label follows its
 * numbers), markdown pipe tables, tables drawn with borders (box-drawing
 * or "+---+" rules, as w3m -dump and grid tables draw them: the lines
 * between two rules are one row, a cell wrapped over them joined again),
 * plain text whose cells are separated by runs of spaces, and rows of
 * comma-separated fields (a table copied as CSV: a quoted field unquoted,
 * its cells as a tab row's; told apart from commas in sentences and
 * thousands separators, a region's few prose lines with commas left as
 * they are). */
#ifndef GK_GRID_H
#define GK_GRID_H

#include "text.h"

typedef enum { GRID_TABS, GRID_BLOCKS, GRID_PIPES, GRID_SPACES, GRID_LINES, GRID_CSV } grid_layout;

typedef enum { NUM_NONE = 0, NUM_VALUE, NUM_BLANK } num_kind;

typedef struct {
    char *text;       /* normalised, trimmed */
    int line;         /* 1-based source line */
    num_kind num;     /* what the cell holds */
    double value;     /* when NUM_VALUE */
    int is_int;       /* when NUM_VALUE */
    unsigned len;     /* strlen(text), set with it (in what was the struct's padding): the label
                         readers look up every label cell by its text and length */
} grid_cell;

_Static_assert(sizeof(grid_cell) == 32, "a cell's length costs it no room");

typedef struct {
    grid_cell *cells;
    int ncells;
    int cap;
    int line;         /* line of the first cell */
    int explicit;     /* 1 when empty cells are visible (tabs, pipes, blocks) */
} grid_row;

typedef struct grid_chunk grid_chunk;

typedef struct {
    grid_row *rows;
    int nrows;
    int cap;
    grid_layout layout;
    grid_chunk *chunks;   /* storage of the cell texts and cell arrays, freed with the grid */
    int ocr_zeros;        /* some cell is a letter O read as 0 (num_parse()): reported unread */
    int program;          /* a program wrote the table (a header of column numbers taken out, cells
                             "NaN" or "None"): it writes a merged cell's text into every cell it covers */
} grid;

/* Whether s[0..n) is a number text recognition (OCR) misread: digits and
 * the letters it gives for them ("1O", "2S", "l" for 1, "D" for 0), a letter
 * at least, eight characters at most; letters alone (three at most) only when
 * `alone`. */
int grid_ocr_misread(const char *s, size_t n, int alone);

/* 1 (the default): the cells most lines are made of are added in passes of
 * their own (split_on()'s labels, build_blocks()'s counts); 0: every cell
 * takes the general path (the tests compare the two). */
extern int grid_fast_cells;

/* Builds the rows of lines [from, to) (0-based, `to` exclusive). */
grid *grid_build(const gk_text *t, size_t from, size_t to);
void grid_free(grid *g);

/* Parses one cell: a count, a decimal, a signed change, a blank marker
 * ("", "-", "—", "/", "无") or nothing numeric.  "〇" or "零" alone is 0, and so is a
 * letter O alone (a 0 as text recognition reads it; the grid notes it).  Accepts thousands
 * separators and the units 元 万元 件 条 个 项 次 件次 人次 批次 宗 份 起 例 户 人 家 (and
 * （件） （个） （项） （条）).  Digits with a leading zero
 * ("0012", numbers run together) are no number. */
num_kind num_parse(const char *s, double *value, int *is_int);

#endif
