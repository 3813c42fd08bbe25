/* place.h — which numbers of a table belong to which template row.
 *
 * Every layout becomes one stream of tokens (place_tok): labels (with the
 * template rows whose pattern they match), numbers, empty cells.  The
 * template's rows are anchored on labels in order (the longest chain of
 * labels whose rows increase), then the numbers between anchors are shared
 * out: a row takes its numbers right after its label (label first) or
 * right before it (a label printed late), rows whose label was lost take
 * theirs by position between two anchors — and only where the count of
 * numbers between the anchors agrees with the rows that must lie there.
 * Where two readings fit equally well, or none fits, the rows involved are
 * left unplaced with the reason; nothing is guessed.  Pure: no report, no
 * text, so that tests can generate streams. */
#ifndef GK_PLACE_H
#define GK_PLACE_H

#include <stdint.h>

#define PLACE_MAX_ROWS 31
#define PLACE_MAX_COLS 16

typedef enum {
    PT_VALUE,   /* a number or a blank marker: fills a cell */
    PT_EMPTY,   /* an empty cell of an explicit row: fills a cell only when the count says so */
    PT_LABEL,   /* label text */
    PT_BREAK,   /* prose: tokens beyond it at the table's ends are not the table's */
    PT_HEADER   /* a header row: no row's cells lie across it (a row takes its numbers after its
                   label up to it, or before its label after it) */
} place_kind;

typedef struct {       /* sixteen bytes */
    uint32_t rows;     /* PT_LABEL: template rows whose label pattern it matches */
    uint32_t firsts;   /* PT_LABEL: rows it names as the first row of their group (weaker) */
    int unit;          /* the source row (line or cell block) it belongs to; -1 none */
    uint8_t kind;      /* place_kind */
    uint8_t cells;     /* PT_LABEL on a row written with its cells (tabs, pipes): the cells after it
                          there, empty or not, whether or not they are tokens; else 0 */
    uint8_t foreign;   /* PT_LABEL naming nothing on a source row with numbers, its text no part of
                          a row's label (a caption, a note, hidden text printed): before the first
                          anchor or after the last, the numbers there are its own; or PT_WHOLE, a
                          label holding a row's whole label: no anchor, its numbers are its own
                          anywhere (hidden text repeating a row inside the table); with the bits
                          PT_CAPTION, PT_NOT_NEXT and PT_NOT_PREV below, on any label */
} place_tok;

#define PT_WHOLE 2                 /* place_tok.foreign: holds a row's whole label */
#define PT_CAPTION 4               /* place_tok.foreign: a sub-table's caption ("第二十条第（六）项"),
                                      or a label beginning with one: a row whose label follows its
                                      numbers takes none before it */
#define PT_NOT_NEXT 8              /* place_tok.foreign: text naming nothing right before numbers on
                                      their source row, no part of the next row's label: the numbers
                                      are not that row's, printed before its label; also on a barrier
                                      (PT_HEADER) that begins another row's label with its item number
                                      right before numbers */
#define PT_NOT_PREV 16             /* place_tok.foreign: such text no part of the label before it: the
                                      numbers are not that row's, wrapped onto the text's line */
#define PT_ITEM 32                 /* place_tok.foreign: a barrier (PT_HEADER) that is a row's label
                                      beginning (item_label_barriers() in extract.c), no header's name */

typedef enum {
    PL_PLACED,         /* tok[] holds the row's cells */
    PL_ABSENT,         /* no label and no numbers for it */
    PL_COUNT,          /* numbers near it, but their count does not fit */
    PL_AMBIGUOUS       /* two placements fit equally well */
} place_state;

typedef struct {
    place_state state;
    int positional;            /* placed without a label of its own */
    int label_after;           /* its label follows its numbers */
    int doubt;                 /* placed, but another reading of the table gives the same count: read
                                  only when the table's equations confirm its cells */
    int anchor;                /* token index of its label, -1 when none */
    int tok[PLACE_MAX_COLS];   /* token index of each cell when placed */
    int columns;               /* placed from a run of labels whose numbers follow them column by
                                  column (by_columns()): the run's first row + 1, else 0 */
    int have, want;            /* PL_COUNT: numbers found after it, numbers wanted there (its own and
                                  those of the rows after it whose labels are lost) */
} place_row;

/* Places the rows.  ncols[r] cells for row r (at most PLACE_MAX_COLS),
 * nrows <= PLACE_MAX_ROWS.  Writes each of out[0 .. nrows). */
void place_rows(const place_tok *t, int ntok, const int *ncols, int nrows, place_row *out);

/* As place_rows(), `totals` the rows (bit r) with a total of their own: such a
 * row's numbers one short after its label are taken for its own, a blank lost
 * (left PL_COUNT, for the equations to read), rather than the rows before it
 * read label after. */
void place_rows_totals(const place_tok *t, int ntok, const int *ncols, int nrows, uint32_t totals, place_row *out);

/* Tests only, before any table is placed: with on, a clean table is placed
 * by the search too (the shortcut must place it the same). */
void place_general_only(int on);

#endif
