/* output.h — what the engine writes: compiler-style finding lines, the
 * JSON object of SPEC.md (one per report, one line each) and CSV. */
#ifndef GK_OUTPUT_H
#define GK_OUTPUT_H

#include "report.h"

#include <stdio.h>

/* "path:line: severity: message [RULE]" for every finding. */
void output_findings_text(FILE *f, const gk_report *r);
/* The same appended to b. */
void output_findings_text_buf(sbuf *b, const gk_report *r);
/* One JSON object, one line. */
void output_json(FILE *f, const gk_report *r);
/* The same appended to b (no allocation beyond its growth). */
void output_json_buf(sbuf *b, const gk_report *r);
/* The same kept small (issue #16: check keeps every report's output until
 * the years are paired): output_json_pack() appends to b a packed form some
 * 15 times smaller — 0 — or returns -1 when the report is not one it packs
 * (a PDF's pages, a corrected value's original: b unchanged);
 * output_json_unpack() appends to b exactly what output_json_buf() gives. */
int output_json_pack(sbuf *b, const gk_report *r);
void output_json_unpack(sbuf *b, const char *packed, size_t len);
/* Cells as CSV (the header writes a UTF-8 BOM): file, cell id, row label,
 * column label, value, status, line. */
void output_csv_header(FILE *f);
void output_csv_cells(FILE *f, const gk_report *r);
/* Findings as CSV (one row each): file, body, year, rule, severity, cells,
 * line, message, dismissed, reason. */
void output_csv_findings_header(FILE *f);
void output_csv_findings(FILE *f, const gk_report *r);
/* Writes a CSV field, quoted when needed; control characters other than
 * newline and tab shown as placeholders (safe.h), and a cell a spreadsheet
 * would take for a formula (= + - @ tab CR first, not a plain number)
 * prefixed with an apostrophe.  Every CSV the program writes goes through
 * this. */
void output_csv_field(FILE *f, const char *s, int last);

#endif
