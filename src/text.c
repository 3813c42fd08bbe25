/* text.c — decoding (iconv) and per-line normalisation. */
#include "text.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline int decode(const char *str, size_t len, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    unsigned min;
    if ((c & 0xE0) == 0xC0) {
        n = 2; c &= 0x1F; min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3; c &= 0x0F; min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4; c &= 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)n > len)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

int utf8_decode(const char *str, size_t len, unsigned *cp)
{
    return decode(str, len, cp);
}

int utf8_encode(unsigned cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    unsigned cp;
    while (i < len) {
        int n = decode(s + i, len - i, &cp);
        if (!n)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

/* Folds one code point for parsing; returns the replacement code point,
 * or 0 to drop it. */
static unsigned fold_cp(unsigned cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFEE0;            /* full-width ASCII */
    switch (cp) {
    case 0x3000: case 0x00A0: case 0x2002: case 0x2003: case 0x2009:
    case 0x202F: case 0x205F: case 0x2007: case 0x2008: case 0x200A:
        return ' ';
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x2060:
        return 0;
    case 0x201C: case 0x201D: case 0x201E: case 0x300C: case 0x300D:
        return '"';
    case 0x2018: case 0x2019:
        return '\'';
    case 0x3001:                       /* 、 stays: it separates label items */
        return cp;
    case 0xFE50:
        return ',';
    }
    if (cp == '\t')
        return cp;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return ' ';                    /* control characters blank out */
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
        return 0;                      /* bidi controls */
    return cp;
}

/* Writes the normalised form of s[0..len) to out (room for len + 1 bytes:
 * no fold makes a character longer);
 * returns the bytes written.  ASCII other than control characters is
 * copied as it is; everything else goes through fold_cp(). */
static size_t normalise_into(const char *s, size_t len, char *out)
{
    char *o = out;
    size_t i = 0;
    while (i < len) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch < 0x7F) {
            *o++ = (char)ch;
            i++;
            continue;
        }
        /* U+4000..U+9FFF (most CJK text): nothing to fold, copy the three bytes */
        if (ch >= 0xE4 && ch <= 0xE9 && i + 2 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            o[0] = s[i];
            o[1] = s[i + 1];
            o[2] = s[i + 2];
            o += 3;
            i += 3;
            continue;
        }
        unsigned cp;
        int n = decode(s + i, len - i, &cp);
        if (!n) {
            cp = '?';                  /* never longer than the byte it replaces */
            n = 1;
        }
        i += (size_t)n;
        unsigned f = fold_cp(cp);
        if (f)
            o += utf8_encode(f, o);
    }
    *o = '\0';
    return (size_t)(o - out);
}

char *text_normalise(const char *s, size_t len)
{
    char *out = xmalloc(len + 1);
    normalise_into(s, len, out);
    return out;
}

/* Converts with iconv.  An invalid or cut-off sequence becomes U+FFFD and
 * is counted in *replaced; more than one replacement per 100 input bytes
 * (or any, when replaced is NULL) means the bytes are not in that encoding:
 * NULL. */
static char *iconv_to_utf8(const char *from, const char *in, size_t inlen, size_t *outlen, size_t *replaced)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = inlen * 2 + 16, bad = 0;
    char *out = xmalloc(cap);
    char *ip = (char *)in, *op = out;
    size_t il = inlen, ol = cap - 1;
    while (il > 0) {
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG || ol < 4) {
            size_t used = (size_t)(op - out);
            cap *= 2;
            out = xrealloc(out, cap);
            op = out + used;
            ol = cap - used - 1;
            continue;
        }
        /* EILSEQ: skip one byte; EINVAL: the input ends inside a character */
        bad++;
        memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3;
        ol -= 3;
        size_t skip = errno == EINVAL ? il : (il >= 2 && strncmp(from, "UTF-16", 6) == 0 ? 2 : 1);
        ip += skip;
        il -= skip;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    if (bad && (!replaced || bad * 100 > inlen)) {
        free(out);
        return NULL;
    }
    if (replaced)
        *replaced += bad;
    *op = '\0';
    *outlen = (size_t)(op - out);
    return out;
}

/* UTF-8 with invalid sequences replaced by U+FFFD. */
static char *utf8_repair(const char *in, size_t len, size_t *outlen, size_t *replaced)
{
    sbuf b;
    sbuf_init(&b);
    size_t i = 0;
    while (i < len) {
        unsigned cp;
        int n = decode(in + i, len - i, &cp);
        if (n) {
            sbuf_add(&b, in + i, (size_t)n);
            i += (size_t)n;
        } else {
            sbuf_adds(&b, "\xEF\xBF\xBD");
            (*replaced)++;
            i++;
        }
    }
    *outlen = b.len;
    return sbuf_steal(&b);
}

/* One pass over the bytes: NULs, control bytes, and valid and invalid
 * multi-byte UTF-8 sequences. */
typedef struct {
    size_t nul, ctl, good, bad;
} byte_stats;

static void scan_bytes(const char *str, size_t len, byte_stats *st)
{
    const unsigned char *s = (const unsigned char *)str;
    memset(st, 0, sizeof *st);
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80 && i + 8 <= len) { /* eight printable ASCII bytes at once */
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t high = w & 0x8080808080808080ull;
            uint64_t low = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull; /* a byte < 0x20 */
            if (!high && !low) {
                i += 8;
                continue;
            }
        }
        if (c < 0x80) {
            if (c == 0)
                st->nul++;
            else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
                st->ctl++;
            i++;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEC && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
            st->good++;                /* the common case: a CJK character */
            i += 3;
            continue;
        }
        unsigned cp;
        int n = decode(str + i, len - i, &cp);
        if (n) {
            st->good++;
            i += (size_t)n;
        } else {
            st->bad++;
            i++;
        }
    }
}

/* Share of the 16-bit units of s that a Chinese report is made of: ASCII
 * text, CJK ideographs and punctuation, full-width forms, general punctuation. */
static double utf16_plausible(const unsigned char *b, size_t len, int be)
{
    size_t n = len / 2, good = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned u = be ? (unsigned)b[2 * i] << 8 | b[2 * i + 1] : (unsigned)b[2 * i] | (unsigned)b[2 * i + 1] << 8;
        if ((u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' || u == '\t' || (u >= 0x4E00 && u <= 0x9FFF) ||
            (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF) || (u >= 0x2000 && u <= 0x206F) ||
            u == 0xA0 || u == 0xB7)
            good++;
    }
    return n ? (double)good / (double)n : 0;
}

/* UTF-16 without a byte order mark: an even length, some zero bytes (the
 * high bytes of ASCII characters), and nearly all of its 16-bit units in
 * the ranges a report is written in, read in one byte order. */
static int looks_utf16(const char *s, size_t len, int *big_endian)
{
    if (len < 4 || len % 2)
        return 0;
    const unsigned char *b = (const unsigned char *)s;
    double le = utf16_plausible(b, len, 0), be = utf16_plausible(b, len, 1);
    if (le < 0.9 && be < 0.9)
        return 0;
    *big_endian = be > le;
    return 1;
}

/* Decoded text that is mostly control characters was not text. */
static int mostly_controls(const char *u, size_t len)
{
    size_t ctl = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
            ctl++;
    }
    return ctl * 100 > len;
}

/* Splits u (owned, len bytes) into lines in place; `orig` points into u,
 * `norm` into one buffer of normalised lines. */
/* Lines as split_lines() makes them: no empty line after a final line end. */
static size_t count_lines(const char *u, size_t len)
{
    size_t n = len && (u[len - 1] == '\n' || u[len - 1] == '\r') ? 0 : 1;
    if (!memchr(u, '\r', len)) {
        for (const char *p = memchr(u, '\n', len); p; p = memchr(p + 1, '\n', len - (size_t)(p + 1 - u)))
            n++;
    } else {
        for (size_t i = 0; i < len; i++)
            if (u[i] == '\n' || (u[i] == '\r' && !(i + 1 < len && u[i + 1] == '\n')))
                n++;
    }
    return n;
}

static void split_lines(gk_text *t, char *u, size_t len, size_t n)
{
    t->orig = xmalloc((n + 1) * sizeof *t->orig);
    t->norm = xmalloc((n + 1) * sizeof *t->norm);
    t->obuf = u;
    t->nbuf = xmalloc(len + n + 1);
    t->crlf_scan = memchr(u, '\r', len) != NULL;
    t->nlines = 0;
    char *np = t->nbuf;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && u[i] != '\n' && u[i] != '\r') {
            const char *nl = memchr(u + i, '\n', len - i);   /* jump to the next line end */
            size_t stop = nl ? (size_t)(nl - u) : len;
            const char *cr = t->crlf_scan ? memchr(u + i, '\r', stop - i) : NULL;
            i = (cr ? (size_t)(cr - u) : stop) - 1;
            continue;
        }
        if (i == len && start == len && t->nlines > 0)
            break;                     /* no empty line after a final newline */
        int crlf = i < len && u[i] == '\r' && i + 1 < len && u[i + 1] == '\n';
        u[i] = '\0';
        gk_line *o = &t->orig[t->nlines], *m = &t->norm[t->nlines];
        o->s = u + start;
        o->len = i - start;
        m->s = np;
        m->len = normalise_into(o->s, o->len, np);
        np += m->len + 1;
        t->nlines++;
        if (crlf) {
            t->crlf = 1;
            i++;
        }
        start = i + 1;
    }
}

static int only_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

gk_text *text_decode(const char *bytes, size_t len, const char **why)
{
    const unsigned char *b = (const unsigned char *)bytes;
    char *u = NULL;
    size_t ulen = 0;
    gk_text *t = xcalloc(1, sizeof *t);
    int be = 0;
    byte_stats st;

    if (len == 0 || only_space(bytes, len)) {
        *why = "文件为空";
        free(t);
        return NULL;
    }
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        be = b[0] == 0xFE;
        t->encoding = be ? "UTF-16BE" : "UTF-16LE";
        u = iconv_to_utf8(be ? "UTF-16BE" : "UTF-16LE", bytes + 2, len - 2, &ulen, &t->replaced);
        if (!u)
            *why = "UTF-16 编码损坏";
    } else if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        t->encoding = "UTF-8 BOM";
        u = utf8_repair(bytes + 3, len - 3, &ulen, &t->replaced);
    } else if (scan_bytes(bytes, len, &st), st.nul && looks_utf16(bytes, len, &be)) {
        t->encoding = be ? "UTF-16BE" : "UTF-16LE";
        u = iconv_to_utf8(t->encoding, bytes, len, &ulen, &t->replaced);
        if (u && mostly_controls(u, ulen)) {
            free(u);
            u = NULL;
            *why = "二进制文件（含 NUL 或大量控制字符），不是文本报告";
        } else if (!u) {
            *why = "疑似无 BOM 的 UTF-16，但编码损坏";
        }
    } else if (st.nul || st.ctl * 20 > len) {
        *why = "二进制文件（含 NUL 或大量控制字符），不是文本报告";
    } else {
        size_t bad = st.bad;
        double share = st.good + bad ? (double)st.good / (double)(st.good + bad) : 1.0;
        if (bad == 0) {
            t->encoding = "UTF-8";
            u = xstrndup(bytes, len);
            ulen = len;
        } else if (share >= 0.9) {
            t->encoding = "UTF-8";
            u = utf8_repair(bytes, len, &ulen, &t->replaced);
        } else {
            t->encoding = "GB18030";
            u = iconv_to_utf8("GB18030", bytes, len, &ulen, &t->replaced);
            if (!u)
                *why = "编码无法识别（既不是有效的 UTF-8，也不是有效的 GB18030）";
        }
    }
    if (!u) {
        free(t);
        return NULL;
    }
    if (memchr(u, 0, ulen)) {
        *why = "文本中含有 NUL 字符，不是文本报告";
        free(u);
        free(t);
        return NULL;
    }
    if (only_space(u, ulen)) {
        *why = "文件为空";
        free(u);
        free(t);
        return NULL;
    }
    size_t n = count_lines(u, ulen);
    if (n > TEXT_MAX_LINES) {          /* keeps the line index bounded */
        *why = "行数过多（超过 500 万行），不是年度报告";
        free(u);
        free(t);
        return NULL;
    }
    u = xrealloc(u, ulen + 1);         /* room for the last line's NUL */
    u[ulen] = '\0';
    split_lines(t, u, ulen, n);
    return t;
}

void text_free(gk_text *t)
{
    if (!t)
        return;
    free(t->obuf);
    free(t->nbuf);
    free(t->orig);
    free(t->norm);
    free(t);
}
