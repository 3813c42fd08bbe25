/* json_out.c — JSON strings and numbers appended to a buffer (see json_out.h).
 * Owns no state. */
#include "json_out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An ASCII byte that is written as it is. */
static inline int ascii_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

/* Length of the valid UTF-8 sequence at s (its code point in *cp), or 0.
 * Overlong forms, surrogates and code points above U+10FFFF are invalid
 * (RFC 3629, as jansson and text.c judge). */
static inline size_t utf8_seq(const unsigned char *s, size_t len, unsigned *cp)
{
    unsigned c = s[0];
    if (c >= 0xC2 && c <= 0xDF) {
        if (len < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0;
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0;
        *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return 4;
    }
    return 0;
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

static void add_u(sbuf *b, unsigned cp)
{
    static const char hex[] = "0123456789ABCDEF";
    char e[6] = {'\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15], hex[cp & 15]};
    sbuf_add(b, e, sizeof e);
}

static void add_escaped_ascii(sbuf *b, unsigned char c)
{
    const char *e = NULL;
    switch (c) {
    case '"': e = "\\\""; break;
    case '\\': e = "\\\\"; break;
    case '\b': e = "\\b"; break;
    case '\f': e = "\\f"; break;
    case '\n': e = "\\n"; break;
    case '\r': e = "\\r"; break;
    case '\t': e = "\\t"; break;
    default: add_u(b, c); return;
    }
    sbuf_add(b, e, 2);
}

void json_out_string(sbuf *b, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    sbuf_reserve(b, len + 2);
    sbuf_addc(b, '"');
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        for (;;) {                      /* the run written unchanged */
            while (i < len && ascii_plain(s[i]))
                i++;
            if (i >= len || s[i] < 0x80)
                break;
            unsigned cp;
            size_t n = utf8_seq(s + i, len - i, &cp);
            if (!n || escape_cp(cp))
                break;
            i += n;
        }
        if (i > start)
            sbuf_add(b, str + start, i - start);
        if (i >= len)
            break;
        if (s[i] < 0x80) {
            add_escaped_ascii(b, s[i]);
            i++;
            continue;
        }
        unsigned cp;
        size_t n = utf8_seq(s + i, len - i, &cp);
        if (!n) {
            sbuf_add(b, "\xEF\xBF\xBD", 3); /* U+FFFD, one per invalid byte */
            i++;
        } else {
            add_u(b, cp);
            i += n;
        }
    }
    sbuf_addc(b, '"');
}

void json_out_str(sbuf *b, const char *s)
{
    json_out_string(b, s, strlen(s));
}

void json_out_int(sbuf *b, long long v)
{
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    sbuf_add(b, p, (size_t)(buf + sizeof buf - p));
}

/* The shortest of %.15g, %.16g and %.17g that reads back as v, in jansson's
 * spelling: always a '.' or an exponent (so it reads back as a real), the
 * exponent without '+' or leading zeros; the locale's decimal point as '.'. */
static void add_real(sbuf *b, double v)
{
    char buf[48];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (prec == 17 || strtod(buf, NULL) == v)
            break;
    }
    char out[48];
    size_t n = 0;
    int dot = 0;
    for (const char *p = buf; *p; p++) {
        char c = *p;
        if (c == 'e') {
            out[n++] = 'e';
            dot = 1;
            if (p[1] == '-')
                out[n++] = *++p;
            else if (p[1] == '+')
                p++;
            while (p[1] == '0' && p[2])
                p++;
            continue;
        }
        if ((c >= '0' && c <= '9') || c == '-') {
            out[n++] = c;
        } else {                        /* the decimal point, whatever the locale */
            out[n++] = '.';
            dot = 1;
            while (p[1] && !(p[1] >= '0' && p[1] <= '9') && p[1] != 'e')
                p++;                    /* a multi-byte decimal point */
        }
    }
    if (!dot) {
        out[n++] = '.';
        out[n++] = '0';
    }
    sbuf_add(b, out, n);
}

void json_out_number(sbuf *b, double v)
{
    if (!isfinite(v))
        sbuf_add(b, "null", 4);
    else if (v == floor(v) && fabs(v) < 9e15)
        json_out_int(b, (long long)v);
    else
        add_real(b, v);
}
