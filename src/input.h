/* input.h — the files reviewers receive, turned into the text the engine reads.
 *
 * A report arrives as a text file, a saved web page (HTML), a Word document
 * (.docx) or a PDF.  Every format is turned into the same normalised UTF-8
 * text that a text report gives: one line per paragraph or heading, one line
 * per table row with its cells separated by tabs (row and column spans
 * expanded, so that every cell stands in its column), so that extraction,
 * the rules, the sidecar and the exports work unchanged.  A PDF's lines
 * also carry the page they were printed on (gk_text.page).
 *
 * The kind is told by the bytes first (%PDF, a zip, an OLE compound file,
 * HTML tags) and by the file name's extension second; bad input of each kind
 * gets one Chinese line naming what is wrong. */
#ifndef GK_INPUT_H
#define GK_INPUT_H

#include "text.h"

#include <stddef.h>

typedef enum {
    GK_IN_TEXT = 0,
    GK_IN_HTML,
    GK_IN_DOCX,
    GK_IN_PDF,
    GK_IN_DOC,          /* an old binary Word document (OLE compound file) */
    GK_IN_RTF,
    GK_IN_BAD_PDF,      /* named .pdf, but not a PDF */
    GK_IN_BAD_DOCX      /* named .docx, but not a zip */
} gk_input_kind;

/* What kind of file `bytes` (the whole file) is; `path` may be NULL. */
gk_input_kind input_sniff(const char *path, const char *bytes, size_t len);

/* A converted report: UTF-8 text, lines ended by '\n' (no CR), and for a
 * PDF the 1-based page of every line (nlines entries), else NULL. */
typedef struct {
    char *text;
    size_t len;
    int *page;
    size_t npage;
    const char *label;  /* what the source panel's title names: "HTML UTF-8", "DOCX", "PDF" … */
} gk_converted;

/* Converts a file of kind `k` (not GK_IN_TEXT).  Returns 0 and fills *out,
 * or -1 with a malloc'd Chinese one-line reason in *why. */
int input_convert(gk_input_kind k, const char *bytes, size_t len, gk_converted *out, char **why);
void input_converted_free(gk_converted *c);

/* The whole way from the bytes of a file to its text: text files through
 * text_decode_adopt() (which takes `bytes`, a malloc'd buffer with a NUL
 * after it, and the verdict as it does), every other kind converted first.
 * `bytes` is always taken.  Returns NULL with a malloc'd reason in *why. */
gk_text *input_decode(const char *path, char *bytes, size_t len, text_verdict *verdict, char **why);

/* The same for text_decode_until(): `bytes` is not taken. */
gk_text *input_decode_until(const char *path, const char *bytes, size_t len, text_stop_fn stop, void *ctx,
                            text_verdict *verdict, char **why);

/* The converters (input_html.c, input_docx.c, input_pdf.c). */
int input_html(const char *bytes, size_t len, gk_converted *out, char **why);
int input_docx(const char *bytes, size_t len, gk_converted *out, char **why);
int input_pdf(const char *bytes, size_t len, gk_converted *out, char **why);

#endif
