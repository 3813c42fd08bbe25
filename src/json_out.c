/* json_out.c — JSON strings and numbers appended to a buffer (see json_out.h).
 * Owns no state. */
#include "json_out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a byte is where a string is scanned (one look-up per byte):
 *   PLAIN  printable ASCII written as it is   ESC   ASCII written escaped
 *   L2 L3 L4  the lead byte of a 2-, 3- or 4-byte sequence
 *   WIDE   the lead byte of U+3000..U+FFFF but the surrogates (E3..EF but
 *          ED): most of a report, valid whatever its continuation bytes
 *          and nothing to escape
 *   BAD    a byte no valid sequence starts with (continuation, C0, C1, F5..FF) */
enum { PLAIN, ESC, L2, L3, L4, BAD, WIDE };

#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
static const unsigned char CLASS[256] = {
    R16(ESC), R16(ESC),                                          /* 00..1F */
    PLAIN, PLAIN, ESC, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN,        /* 20..27: '"' */
    PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN,
    R16(PLAIN), R16(PLAIN),                                      /* 30..4F */
    PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN,      /* 50..57 */
    PLAIN, PLAIN, PLAIN, PLAIN, ESC, PLAIN, PLAIN, PLAIN,        /* 58..5F: '\' */
    R16(PLAIN),                                                  /* 60..6F */
    PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN,      /* 70..77 */
    PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, ESC,        /* 78..7F: DEL */
    R16(BAD), R16(BAD), R16(BAD), R16(BAD),                      /* 80..BF */
    BAD, BAD, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2,  /* C0..CF */
    R16(L2),                                                     /* D0..DF */
    L3, L3, L3, WIDE, WIDE, WIDE, WIDE, WIDE,                    /* E0..E7 */
    WIDE, WIDE, WIDE, WIDE, WIDE, L3, WIDE, WIDE,                /* E8..EF: ED the surrogates' */
    L4, L4, L4, L4, L4, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD,
};

static inline int cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Whether a and b are both continuation bytes, without a branch. */
static inline int cont2(unsigned char a, unsigned char b)
{
    return ((a ^ 0x80u) | (b ^ 0x80u)) < 0x40u;
}

/* Length of the valid UTF-8 sequence at s (its code point in *cp), or 0.
 * Overlong forms, surrogates and code points above U+10FFFF are invalid
 * (RFC 3629, as jansson and text.c judge). */
static inline size_t utf8_seq(const unsigned char *s, size_t len, unsigned *cp)
{
    unsigned c = s[0];
    switch (CLASS[c]) {
    case L2:
        if (len < 2 || !cont(s[1]))
            return 0;
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    case L3:
    case WIDE:
        if (len < 3 || !cont(s[1]) || !cont(s[2]))
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0;
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    case L4:
        if (len < 4 || !cont(s[1]) || !cont(s[2]) || !cont(s[3]))
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0;
        *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return 4;
    default:
        return 0;
    }
}

/* A valid non-ASCII code point written as \uXXXX: C1 controls, the line
 * and paragraph separators, bidi embeddings, overrides, isolates and marks. */
static inline int escape_cp(unsigned cp)
{
    if (cp < 0xA0)
        return 1;
    if (cp < 0x061C)
        return 0;
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

static char *put_u(char *p, unsigned cp)
{
    static const char hex[] = "0123456789ABCDEF";
    p[0] = '\\';
    p[1] = 'u';
    p[2] = hex[(cp >> 12) & 15];
    p[3] = hex[(cp >> 8) & 15];
    p[4] = hex[(cp >> 4) & 15];
    p[5] = hex[cp & 15];
    return p + 6;
}

static char *put_escaped_ascii(char *p, unsigned char c)
{
    char e;
    switch (c) {
    case '"': e = '"'; break;
    case '\\': e = '\\'; break;
    case '\b': e = 'b'; break;
    case '\f': e = 'f'; break;
    case '\n': e = 'n'; break;
    case '\r': e = 'r'; break;
    case '\t': e = 't'; break;
    default: return put_u(p, c);
    }
    p[0] = '\\';
    p[1] = e;
    return p + 2;
}

char *json_put_string(char *p, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    *p++ = '"';
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        for (;;) {                      /* the run written unchanged */
            while (i < len && CLASS[s[i]] == PLAIN)
                i++;
            if (i >= len)
                break;
            unsigned c = s[i];
            /* most of a report: a run of WIDE sequences, each checked for
             * its continuation bytes only */
            if (CLASS[c] == WIDE && i + 2 < len && cont2(s[i + 1], s[i + 2])) {
                i += 3;
                while (i + 2 < len && CLASS[s[i]] == WIDE && cont2(s[i + 1], s[i + 2]))
                    i += 3;
                continue;
            }
            if (CLASS[c] == ESC)
                break;
            unsigned cp;
            size_t n = utf8_seq(s + i, len - i, &cp);
            if (!n || escape_cp(cp))
                break;
            i += n;
        }
        if (i > start) {
            memcpy(p, str + start, i - start);
            p += i - start;
        }
        if (i >= len)
            break;
        if (s[i] < 0x80) {
            p = put_escaped_ascii(p, s[i]);
            i++;
            continue;
        }
        unsigned cp;
        size_t n = utf8_seq(s + i, len - i, &cp);
        if (!n) {
            memcpy(p, "\xEF\xBF\xBD", 3);   /* U+FFFD, one per invalid byte */
            p += 3;
            i++;
        } else {
            p = put_u(p, cp);
            i += n;
        }
    }
    *p++ = '"';
    return p;
}

void json_out_string(sbuf *b, const char *s, size_t len)
{
    sbuf_reserve(b, JSON_STRING_MAX(len));
    char *end = json_put_string(b->s + b->len, s, len);
    b->len = (size_t)(end - b->s);
    b->s[b->len] = '\0';
}

void json_out_str(sbuf *b, const char *s)
{
    json_out_string(b, s, strlen(s));
}

const char json_digits2[200] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                               "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                               "8081828384858687888990919293949596979899";

char *json_put_int(char *p, long long v)
{
    if (v >= 0 && v <= 4294967295ll)
        return json_put_uint(p, (unsigned)v);
    char buf[24], *q = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        *--q = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--q = '-';
    size_t n = (size_t)(buf + sizeof buf - q);
    memcpy(p, q, n);
    return p + n;
}

void json_out_int(sbuf *b, long long v)
{
    sbuf_reserve(b, JSON_NUMBER_MAX);
    char *end = json_put_int(b->s + b->len, v);
    b->len = (size_t)(end - b->s);
    b->s[b->len] = '\0';
}

/* The shortest of %.15g, %.16g and %.17g that reads back as v, in jansson's
 * spelling: always a '.' or an exponent (so it reads back as a real), the
 * exponent without '+' or leading zeros; the locale's decimal point as '.'. */
static char *put_real(char *out, double v)
{
    char buf[48];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (prec == 17 || strtod(buf, NULL) == v)
            break;
    }
    size_t n = 0;
    int dot = 0;
    for (const char *q = buf; *q; q++) {
        char c = *q;
        if (c == 'e') {
            out[n++] = 'e';
            dot = 1;
            if (q[1] == '-')
                out[n++] = *++q;
            else if (q[1] == '+')
                q++;
            while (q[1] == '0' && q[2])
                q++;
            continue;
        }
        if ((c >= '0' && c <= '9') || c == '-') {
            out[n++] = c;
        } else {                        /* the decimal point, whatever the locale */
            out[n++] = '.';
            dot = 1;
            while (q[1] && !(q[1] >= '0' && q[1] <= '9') && q[1] != 'e')
                q++;                    /* a multi-byte decimal point */
        }
    }
    if (!dot) {
        out[n++] = '.';
        out[n++] = '0';
    }
    return out + n;
}

char *json_put_number(char *p, double v)
{
    if (v >= 0 && v < 4294967296.0) {  /* most cells: a small count */
        unsigned u = (unsigned)v;
        if ((double)u == v)
            return json_put_uint(p, u);
    }
    if (!isfinite(v)) {
        memcpy(p, "null", 4);
        return p + 4;
    }
    if (v == floor(v) && fabs(v) < 9e15)
        return json_put_int(p, (long long)v);
    return put_real(p, v);
}

void json_out_number(sbuf *b, double v)
{
    sbuf_reserve(b, JSON_NUMBER_MAX);
    char *end = json_put_number(b->s + b->len, v);
    b->len = (size_t)(end - b->s);
    b->s[b->len] = '\0';
}
