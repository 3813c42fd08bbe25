/* number.h — the one parser for a number a reviewer types or a sidecar
 * stores (issue #17): `annotate --value`, the review screen's correction
 * box, a sidecar's `value =` and `conflict =`, `check -j`.
 *
 * Accepted: decimal digits, ASCII or full-width (０-９); thousands separators
 * "," or "，" between groups of exactly three digits ("1,130"); a sign
 * (+ - ＋ － −) where the kind allows one; a decimal point (. ． 。) followed
 * by at most NUMBER_MAX_DECIMALS digits where the kind allows a fraction;
 * spaces (ASCII or U+3000) before and after.  Refused, each with its own
 * Chinese reason: hexadecimal ("0x10"), exponents ("1e5"), inf/nan, other
 * characters, spaces inside, misplaced separators, and magnitudes above
 * NUMBER_MAX (10^12). */
#ifndef GK_NUMBER_H
#define GK_NUMBER_H

#include <stddef.h>

typedef enum {
    NUMBER_COUNT,    /* a non-negative whole number (most cells) */
    NUMBER_SIGNED,   /* a whole number, may be negative (本年增/减) */
    NUMBER_DECIMAL,  /* a non-negative number with up to 6 decimals (万元 amounts) */
    NUMBER_ANY       /* any of the above: a sidecar's stored correction */
} number_kind;

#define NUMBER_MAX 1e12
#define NUMBER_MAX_TEXT "1,000,000,000,000"
#define NUMBER_MAX_DECIMALS 6

/* Parses s as a number of the given kind.  0 and *out on success ("-0" is
 * 0); -1 and *why (a static Chinese phrase, e.g. "超过上限 1,000,000,000,000")
 * otherwise.  why may be NULL. */
int number_parse(const char *s, number_kind kind, double *out, const char **why);

/* What the kind asks for, in Chinese ("非负整数", "整数（可带正负号）", "非负数"). */
const char *number_kind_name(number_kind kind);

/* v as the parser reads it back: "1130", "-2", "3.5" — never an exponent
 * (for |v| <= NUMBER_MAX).  Returns buf (>= 32 bytes). */
char *number_format(double v, char *buf, size_t n);

#endif
