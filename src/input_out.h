/* input_out.h — what the HTML, DOCX and PDF readers share: the text being
 * written (lines, whitespace collapsed as a browser does) and the table grid
 * that expands row and column spans.  Internal to src/input*.c. */
#ifndef GK_INPUT_OUT_H
#define GK_INPUT_OUT_H

#include "input.h"
#include "util.h"

/* Columns of one table row kept at most (a real report's widest table has
 * 10); cells beyond are dropped.  Spans are bounded too. */
#define GRID_MAX_COLS 256
#define GRID_MAX_ROWSPAN 100000
/* Lines written at most: text.c refuses more anyway. */
#define OUT_MAX_LINES TEXT_MAX_LINES

typedef struct {
    sbuf text;          /* the lines written so far, each ended by '\n' */
    sbuf cur;           /* the line being built from flowing text */
    int space;          /* a collapsed white space is due before the next character */
    int page;           /* page of the lines written now (PDF), 0 otherwise */
    int form_feed;      /* the next line begins a page: a form feed first (<hr>, pdftohtml's page end) */
    int *pages;
    size_t nlines, cap;
} gk_out;

void out_init(gk_out *o);
/* The lines written after this begin a new page (a web page's <hr>: pdftohtml ends
 * each page of a PDF so): the next one starts with a form feed, as pdftotext
 * starts a page, so that a page's number printed last on it is no table cell. */
void out_page_break(gk_out *o);
void out_free(gk_out *o);
/* Flowing text: runs of ASCII white space become one space, none at a line's start. */
void out_text(gk_out *o, const char *s, size_t n);
/* Ends the line being built: written when it holds anything; one holding
 * only spaces and no-break spaces is written as an empty line. */
void out_flush(gk_out *o);
/* Writes a whole line as given (after the line being built); CR and LF in
 * it become spaces, NUL bytes are dropped. */
void out_line(gk_out *o, const char *s, size_t n);
/* Writes the line being built exactly as it is (empty too), as <pre> does. */
void out_cur_line(gk_out *o);
/* Hands the text over (flushing first). */
void out_finish(gk_out *o, gk_converted *c, int with_pages);

/* 1 when s[0..n) holds nothing but spaces, tabs, no-break and ideographic spaces. */
int out_blank(const char *s, size_t n);
/* Collapses white space (and tabs) in place as flowing text does, trims both
 * ends, and empties a cell that holds only blanks; returns the new length. */
size_t out_squash(char *s, size_t n);

typedef struct {
    int left[GRID_MAX_COLS];    /* rows still covered below, by a span placed above */
    unsigned char from_above[GRID_MAX_COLS];
    sbuf row;
    int col;
    int ncells;
} gk_tgrid;

void tgrid_init(gk_tgrid *g);
void tgrid_free(gk_tgrid *g);
void tgrid_row_begin(gk_tgrid *g);
/* One cell (its text one line already) spanning colspan columns and rowspan rows. */
void tgrid_cell(gk_tgrid *g, const char *s, size_t n, int colspan, int rowspan);
void tgrid_row_end(gk_tgrid *g, gk_out *o);

/* Bytes in a named encoding to UTF-8 (invalid sequences as U+FFFD); NULL
 * when iconv knows no such encoding. */
char *input_iconv(const char *from, const char *in, size_t inlen, size_t *outlen);

#endif
