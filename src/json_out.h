/* json_out.h — JSON text written straight into a buffer (issue #16): no tree,
 * no allocation beyond the buffer's growth.
 *
 * Strings follow RFC 8259: '"' and '\' escaped, control characters as \b \f
 * \n \r \t or \u00XX (as jansson writes them, so output is byte-for-byte what
 * jansson's json_dumps() gave).  Beyond what RFC 8259 requires, and so that a
 * line of JSON shown on a terminal or pasted into JavaScript stays harmless,
 * DEL and the C1 controls (U+007F..U+009F), U+2028, U+2029 and the bidi
 * embeddings, overrides, isolates and marks are written as \uXXXX too.  Bytes
 * that are not UTF-8 become U+FFFD, one per byte (as safe.c shows them).
 *
 * Numbers: a whole number below 9e15 in magnitude as an integer ("6", "-2");
 * any other as the shortest decimal that reads back as the same double, so
 * 48.7 is written 48.7 (jansson's %.17g gave 48.700000000000003). */
#ifndef GK_JSON_OUT_H
#define GK_JSON_OUT_H

#include "util.h"

#include <stddef.h>

/* The most bytes a string of len bytes takes written (quotes included), and
 * a number (json_put_int(), json_put_number()). */
#define JSON_STRING_MAX(len) (6 * (size_t)(len) + 2)
#define JSON_NUMBER_MAX 32

/* The same written at p, which has room for JSON_STRING_MAX(len) or
 * JSON_NUMBER_MAX bytes; they return the end of what they wrote (no NUL).
 * For writers that reserve once for many values. */
char *json_put_string(char *p, const char *s, size_t len);
char *json_put_int(char *p, long long v);
char *json_put_number(char *p, double v);

/* json_put_int() for a number that cannot be negative, inline: most numbers
 * written are small counts and line numbers.  Two digits at a time from
 * json_digits2 ("00" "01" … "99"). */
extern const char json_digits2[200];
static inline char *json_put_uint(char *p, unsigned u)
{
    if (u < 10) {
        *p = (char)('0' + u);
        return p + 1;
    }
    if (u < 100) {
        p[0] = json_digits2[2 * u];
        p[1] = json_digits2[2 * u + 1];
        return p + 2;
    }
    size_t n = u < 1000 ? 3 : u < 10000 ? 4 : u < 100000 ? 5 : u < 1000000 ? 6 : u < 10000000 ? 7
             : u < 100000000 ? 8 : u < 1000000000 ? 9 : 10;
    char *q = p + n;
    while (u >= 100) {
        unsigned d = u % 100;
        u /= 100;
        q -= 2;
        q[0] = json_digits2[2 * d];
        q[1] = json_digits2[2 * d + 1];
    }
    if (u >= 10) {
        q -= 2;
        q[0] = json_digits2[2 * u];
        q[1] = json_digits2[2 * u + 1];
    } else {
        *--q = (char)('0' + u);
    }
    return p + n;
}

/* json_put_number() with its common case inline: a whole number in
 * 0 .. 2^32 - 1 (-0 too, written "0"). */
static inline char *json_put_count(char *p, double v)
{
    if (v >= 0 && v < 4294967296.0) {
        unsigned u = (unsigned)v;
        if ((double)u == v)
            return json_put_uint(p, u);
    }
    return json_put_number(p, v);
}

/* Appends s[0..len) as a JSON string, quotes included. */
void json_out_string(sbuf *b, const char *s, size_t len);
/* The same for a NUL-terminated string. */
void json_out_str(sbuf *b, const char *s);
/* Appends v as a JSON number (null when v is not finite). */
void json_out_number(sbuf *b, double v);
/* Appends a whole number. */
void json_out_int(sbuf *b, long long v);

#endif
