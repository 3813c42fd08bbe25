/* narrative.c — rules read from the report's text (see narrative.h). */
#include "narrative.h"
#include "extract.h"
#include "re.h"
#include "util.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

const int NARR_SECTION_INDEX[NARR_SECTIONS] = {GK_SEC_TOTAL, GK_SEC_PROBLEMS, GK_SEC_OTHER};

/* ---- characters ------------------------------------------------------------------ */

static int is_cjk(unsigned cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3007;
}

/* One position i of narrative_cjk_count(): 1 when a CJK character (is_cjk()) starts
 * there, by its lead bytes: U+3400..U+4DBF and U+4E00..U+9FFF are E3 90 ..
 * E9 BF but E4 B7 (U+4DC0..U+4DFF); 〇 (U+3007) is E3 80 87.  i + 2 < len. */
static inline int cjk_at(const unsigned char *u, size_t i)
{
    if (u[i] < 0xE3 || u[i] > 0xE9 || (u[i + 1] & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80)
        return 0;
    if (u[i] >= 0xE4)
        return !(u[i] == 0xE4 && u[i + 1] == 0xB7);   /* U+4DC0..U+4DFF: hexagram symbols */
    return u[i + 1] >= 0x90 || (u[i + 1] == 0x80 && u[i + 2] == 0x87);
}

int narrative_cjk_count(const char *s, size_t len)
{
    /* A character's continuation bytes (80..BF) never start one (E3..E9),
     * so the count is that of the positions where one starts, taken
     * sixteen at a time (the bytes at i, i + 1 and i + 2 side by side),
     * the last ones one by one.  Each lane of acc counts the starts seen
     * in its position (a true lane is -1: subtracting it adds one), summed
     * into n before any lane could pass 255 (without -mpopcnt a popcount
     * per block is a library call). */
    const unsigned char *u = (const unsigned char *)s;
    int n = 0;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i e3 = _mm_set1_epi8((char)0xE3), six = _mm_set1_epi8(6), c0 = _mm_set1_epi8((char)0xC0),
                  x80 = _mm_set1_epi8((char)0x80), e4 = _mm_set1_epi8((char)0xE4), b7 = _mm_set1_epi8((char)0xB7),
                  x90 = _mm_set1_epi8((char)0x90), x87 = _mm_set1_epi8((char)0x87), zero = _mm_setzero_si128();
    __m128i acc = zero;
    int blocks = 0;                    /* blocks added into acc since it was last emptied */
    for (; i + 18 <= len; i += 16) {
        const __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        unsigned high = (unsigned)_mm_movemask_epi8(v0);
        if (!high)
            continue;                  /* ASCII */
        const __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1)),
                      v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2));
        __m128i t = _mm_sub_epi8(v0, e3);
        __m128i ok = _mm_cmpeq_epi8(_mm_min_epu8(t, six), t);                  /* E3..E9 */
        ok = _mm_and_si128(ok, _mm_cmpeq_epi8(_mm_and_si128(v1, c0), x80));     /* two continuations */
        ok = _mm_and_si128(ok, _mm_cmpeq_epi8(_mm_and_si128(v2, c0), x80));
        __m128i hex = _mm_and_si128(_mm_cmpeq_epi8(v0, e4), _mm_cmpeq_epi8(v1, b7));
        __m128i e3ok = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v1, x90), v1),
                                    _mm_and_si128(_mm_cmpeq_epi8(v1, x80), _mm_cmpeq_epi8(v2, x87)));
        __m128i bad3 = _mm_andnot_si128(e3ok, _mm_cmpeq_epi8(v0, e3));
        ok = _mm_andnot_si128(_mm_or_si128(hex, bad3), ok);
        acc = _mm_sub_epi8(acc, ok);
        if (++blocks == 255) {
            const __m128i sum = _mm_sad_epu8(acc, zero);
            n += _mm_cvtsi128_si32(sum) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sum, sum));
            acc = zero;
            blocks = 0;
        }
    }
    const __m128i sum = _mm_sad_epu8(acc, zero);
    n += _mm_cvtsi128_si32(sum) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sum, sum));
#endif
    for (; i + 2 < len; i++)
        n += cjk_at(u, i);
    return n;
}

int narrative_cjk_count_upto(const char *s, size_t len, int enough)
{
    /* piece by piece, each ending before a byte that is no continuation
     * byte (80..BF): a counted sequence's second and third bytes are, so
     * none straddles two pieces and the pieces' counts add up to the whole */
    int n = 0;
    size_t a = 0;
    while (a < len && n < enough) {
        size_t z = len - a > 192 ? a + 192 : len;
        while (z < len && ((unsigned char)s[z] & 0xC0) == 0x80)
            z++;
        n += narrative_cjk_count(s + a, z - a);
        a = z;
    }
    return n;
}

/* ---- dates -------------------------------------------------------------------------- */

static int span_num(const char *s, re_span sp)
{
    int v = 0;
    for (size_t i = sp.start; i < sp.end; i++)
        if (s[i] >= '0' && s[i] <= '9')
            v = v * 10 + (s[i] - '0');
    return v;
}

/* A Chinese numeral digit at s (〇 一 … 九, 零 ○ O): its value and bytes. */
static int cn_digit(const char *s, size_t len, int *used)
{
    static const char *const D[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (len >= 1 && s[0] == 'O') {
        *used = 1;
        return 0;
    }
    if (len >= 3 && (!strncmp(s, "零", 3) || !strncmp(s, "○", 3))) {
        *used = 3;
        return 0;
    }
    for (int k = 0; k < 10; k++)
        if (len >= 3 && !strncmp(s, D[k], 3)) {
            *used = 3;
            return k;
        }
    return -1;
}

/* "二〇二四" → 2024 (each character a digit); "十二" → 12, "二十一" → 21. */
static int cn_value(const char *s, re_span sp, int positional)
{
    int v = 0, cur = -1;
    for (size_t i = sp.start; i < sp.end;) {
        int used = 0;
        if (!positional && !strncmp(s + i, "十", 3)) {
            v += (cur < 0 ? 1 : cur) * 10;
            cur = -1;
            i += 3;
            continue;
        }
        int d = cn_digit(s + i, sp.end - i, &used);
        if (d < 0)
            return -1;
        if (positional)
            v = v * 10 + d;
        else
            cur = d;
        i += (size_t)used;
    }
    if (!positional && cur >= 0)
        v += cur;
    return v;
}


/* 1 when s[0..len) holds "20" and two ASCII digits, what date_arabic
 * begins with (its \d is ASCII: no PCRE2_UCP).  Found by the 2 (rarer in
 * a table's rows of zeros than the 0 util_find() would look for first). */
static int has_year20(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    while (end - p >= 4 && (p = memchr(p, '2', (size_t)(end - p) - 3)) != NULL) {
        if (p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9')
            return 1;
        p++;
    }
    return 0;
}

int narrative_find_date(const char *s, size_t len, gk_date *out, size_t *end)
{
    re_span a[6], c[4];
    /* date_arabic needs "20dd", date_chinese 年 and the 二 it begins with:
     * most lines have neither */
    int fa = has_year20(s, len) && re_find(GK_NARR_WORDS.date_arabic, s, len, 0, a, 6);
    int fc = util_find(s, len, "年", strlen("年")) && util_find(s, len, "二", strlen("二")) &&
             re_find(GK_NARR_WORDS.date_chinese, s, len, 0, c, 4);
    if (fa && (!fc || a[0].start <= c[0].start)) {
        out->y = span_num(s, a[1]);
        if (a[2].start != (size_t)-1) {
            out->m = span_num(s, a[2]);
            out->d = span_num(s, a[3]);
        } else {
            out->m = span_num(s, a[4]);
            out->d = span_num(s, a[5]);
        }
        if (end)
            *end = a[0].end;
    } else if (fc) {
        out->y = cn_value(s, c[1], 1);
        out->m = cn_value(s, c[2], 0);
        out->d = cn_value(s, c[3], 0);
        if (end)
            *end = c[0].end;
    } else {
        return 0;
    }
    return out->m >= 1 && out->m <= 12 && out->d >= 1 && out->d <= 31 && out->y >= 2000;
}

static int date_cmp(const gk_date *a, const gk_date *b)
{
    if (a->y != b->y)
        return a->y < b->y ? -1 : 1;
    if (a->m != b->m)
        return a->m < b->m ? -1 : 1;
    return a->d < b->d ? -1 : a->d > b->d;
}

/* ---- the statistics period -------------------------------------------------------- */

int narrative_period(const gk_report *r, gk_date *from, gk_date *to)
{
    const gk_text *t = r->text;
    re_span g[8];
    /* the lines before r->no_stat_before were searched by find_years() */
    size_t start = r->no_stat_before < t->nlines ? r->no_stat_before : t->nlines;
    for (size_t i = start; (i = text_norm_find(t, i, t->nlines, "统计", strlen("统计"))) < t->nlines; i++) {
        const gk_line *l = &t->norm[i];
        /* the sentence may go on in the next line (a PDF's line break):
         * the two lines joined, on the stack when they fit */
        size_t n2 = i + 1 < t->nlines ? t->norm[i + 1].len : 0, n = l->len + n2;
        char stack[2048];
        char *b = n < sizeof stack ? stack : xmalloc(n + 1);
        memcpy(b, l->s, l->len);
        if (n2)
            memcpy(b + l->len, t->norm[i + 1].s, n2);
        b[n] = '\0';
        /* the pattern's years are "20dd": most lines holding 统计 have none */
        int found = has_year20(b, n) && re_find(GK_NARR_WORDS.period, b, n, 0, g, 7);
        if (found) {
            from->y = span_num(b, g[1]);
            from->m = span_num(b, g[2]);
            from->d = span_num(b, g[3]);
            to->y = g[4].start != (size_t)-1 ? span_num(b, g[4]) : from->y;
            to->m = span_num(b, g[5]);
            to->d = span_num(b, g[6]);
        }
        if (b != stack)
            free(b);
        if (found)
            return (int)i + 1;
    }
    return 0;
}

/* ---- the report's date -------------------------------------------------------------- */

/* The date of the 落款: a line near the end holding a date and at most a
 * short name beside it.  Returns its 1-based line or 0. */
static int signature_date(const gk_report *r, gk_date *d)
{
    const gk_text *t = r->text;
    int nonempty = 0;
    for (size_t i = t->nlines; i-- > 0 && nonempty < 12;) {
        const gk_line *l = &t->norm[i];
        if (!l->len)
            continue;
        nonempty++;
        size_t end = 0;
        if (l->len > 160 || util_find(l->s, l->len, "。", strlen("。")) || !narrative_find_date(l->s, l->len, d, &end))
            continue;
        if (narrative_cjk_count(l->s, l->len) <= 40)
            return (int)i + 1;
    }
    return 0;
}

/* "发布日期：2024-01-20" near the top (a saved web page's information block). */
static int published_date(const gk_report *r, gk_date *d)
{
    const gk_text *t = r->text;
    re_span g[1];
    size_t limit = t->nlines < 20 ? t->nlines : 20;
    /* the next line holding 日期, 时间 */
    size_t next_date = text_norm_find(t, 0, limit, "日期", strlen("日期"));
    size_t next_time = text_norm_find(t, 0, limit, "时间", strlen("时间"));
    for (size_t i; (i = next_date < next_time ? next_date : next_time) < limit;) {
        if (next_date == i)
            next_date = text_norm_find(t, i + 1, limit, "日期", strlen("日期"));
        if (next_time == i)
            next_time = text_norm_find(t, i + 1, limit, "时间", strlen("时间"));
        const gk_line *l = &t->norm[i];
        if (!re_find(GK_NARR_WORDS.date_label, l->s, l->len, 0, g, 1))
            continue;
        size_t end;
        if (narrative_find_date(l->s + g[0].end, l->len - g[0].end, d, &end) && end < 40)
            return (int)i + 1;
    }
    return 0;
}

int narrative_report_date(const gk_report *r, gk_date *d)
{
    gk_date a, b;
    int la = signature_date(r, &a), lb = published_date(r, &b);
    if (la && (!lb || date_cmp(&a, &b) >= 0)) {
        *d = a;
        return la;
    }
    if (lb) {
        *d = b;
        return lb;
    }
    return 0;
}

/* ---- the title ----------------------------------------------------------------------- */

/* Markup and a page's labels before a title: "# ", "标题：", "【", "《". */
static const char *skip_title_debris(const char *s)
{
#define LEAD_WORD(w) {w, sizeof w - 1}
    static const struct {
        const char *w;
        size_t n;
    } LEAD[] = {LEAD_WORD("#"),         LEAD_WORD(">"),     LEAD_WORD("*"), LEAD_WORD("标题:"),
                LEAD_WORD("文章标题:"), LEAD_WORD("信息名称:"), LEAD_WORD("名称:"), LEAD_WORD("【"),
                LEAD_WORD("《"),        LEAD_WORD("“"),     LEAD_WORD("\"")};
#undef LEAD_WORD
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t k = 0; k < sizeof LEAD / sizeof LEAD[0]; k++)
            if (s[0] == LEAD[k].w[0] && !strncmp(s, LEAD[k].w, LEAD[k].n)) {
                s += LEAD[k].n;
                changed = 1;
            }
    }
    return s;
}

static void strip_title_tail(char *s)
{
#define TAIL_WORD(w) {w, sizeof w - 1}
    static const struct {
        const char *w;
        size_t n;
    } TAIL[] = {TAIL_WORD("】"), TAIL_WORD("》"), TAIL_WORD("”"), TAIL_WORD("\""), TAIL_WORD("*"), TAIL_WORD("#")};
#undef TAIL_WORD
    size_t n = strlen(s);
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t k = 0; k < sizeof TAIL / sizeof TAIL[0]; k++) {
            size_t l = TAIL[k].n;
            if (n >= l && s[n - 1] == TAIL[k].w[l - 1] && !memcmp(s + n - l, TAIL[k].w, l)) {
                n -= l;
                s[n] = '\0';
                changed = 1;
                break;
            }
        }
    }
}

/* a followed by b, malloc'd */
static char *concat(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *out = xmalloc(la + lb + 1);
    memcpy(out, a, la);
    memcpy(out + la, b, lb + 1);
    return out;
}

static int prev_nonempty(const gk_text *t, int i0)
{
    for (int j = i0 - 1; j >= 0; j--)
        if (t->norm[j].len && strspn(t->norm[j].s, " \t") < t->norm[j].len)
            return j;
    return -1;
}

char *narrative_title(const gk_report *r, int *line)
{
    *line = r->title_line;
    if (!r->title_line)
        return NULL;
    const gk_text *t = r->text;
    int i = r->title_line - 1;
    char *title = extract_squeeze(t->norm[i].s);
    const char *kept = skip_title_debris(title);   /* moved to the front of the same block */
    memmove(title, kept, strlen(kept) + 1);
    /* the body named on the line above ("XX镇人民政府" / "2023年政府信息公开…") */
    re_span g[1];
    /* year_first is anchored and begins with "20" or 二 (E4 BA 8C) */
    if ((title[0] == '2' || (unsigned char)title[0] == 0xE4) &&
        re_find(GK_NARR_WORDS.year_first, title, strlen(title), 0, g, 1)) {
        int j = prev_nonempty(t, i);
        if (j >= 0) {
            char *above = extract_squeeze(t->norm[j].s);
            const char *a = skip_title_debris(above);
            /* no digit (what the pattern \d, ASCII without PCRE2_UCP, tested) */
            if (*a && !strstr(a, "。") && strlen(a) < 90 && !strpbrk(a, "0123456789")) {
                char *joined = concat(a, title);
                free(title);
                title = joined;
            }
            free(above);
        }
    }
    /* a title broken before its last characters ("…年度报" / "告") */
    if (!strstr(title, "报告")) {
        for (size_t j = (size_t)i + 1; j < t->nlines && j < (size_t)i + 4; j++) {
            if (!t->norm[j].len)
                continue;
            char *next = extract_squeeze(t->norm[j].s);
            if (*next && strlen(next) <= 12) {
                char *joined = concat(title, next);
                free(title);
                title = joined;
            }
            free(next);
            break;
        }
    }
    /* page debris glued after the title ("…年度报告发布日期：…") */
    const char *rep = strstr(title, "报告");
    if (rep) {
        const char *after = rep + strlen("报告");
        if (*after && re_test(GK_NARR_WORDS.title_debris, after))   /* each of its words takes a character */
            title[after - title] = '\0';
    }
    strip_title_tail(title);
    return title;
}

/* cover_letter()'s test of a header line, without squeezing it: 0 when
 * the line, squeezed (blanks dropped) and without its debris
 * (skip_title_debris()), surely neither ends with 号 (`hao`: the line
 * holds 号) nor begins with 关于 (`yu`: it holds 于); 1 when it may.  The
 * line is valid UTF-8 (decoded text), so no blank lies inside a character:
 * what ends the squeezed line is what ends the line before its blanks. */
static int letter_head_may(const gk_line *l, int hao, int yu)
{
    if (hao) {                         /* the last three bytes that are not blanks */
        char last[3];
        int k = 3;
        for (size_t j = l->len; j-- > 0 && k > 0;)
            if (l->s[j] != ' ' && l->s[j] != '\t')
                last[--k] = l->s[j];
        if (!k && !memcmp(last, "号", 3))
            return 1;
    }
    if (yu) {
        /* the squeezed line's start, its first 16 bytes, then 64 when it
         * begins with debris: debris words are at most 13 bytes, so where
         * 16 bytes or more are left after skipping them, a longer line
         * skips the same and the test below is exact */
        char buf[64];
        size_t n = 0, j = 0;
        for (size_t cap = 16;; cap = sizeof buf - 1) {
            for (; j < l->len && n < cap; j++)
                if (l->s[j] != ' ' && l->s[j] != '\t')
                    buf[n++] = l->s[j];
            buf[n] = '\0';
            const char *s = skip_title_debris(buf);
            if (s == buf || j == l->len || (size_t)(buf + n - s) >= 16)
                return !strncmp(s, "关于", strlen("关于"));
            if (cap == sizeof buf - 1)
                return 1;              /* cut too short to tell */
        }
    }
    return 0;
}

/* 1 when the text is a cover letter (函) sending the report rather than the report. */
static int cover_letter(const gk_report *r, int *line, char **what)
{
    const gk_text *t = r->text;
    size_t stop = 0;                   /* past the first 12 nonempty lines */
    for (int nonempty = 0; stop < t->nlines && nonempty < 12; stop++)
        nonempty += t->norm[stop].len > 0;
    /* the patterns below need 函, 号 or 关于 (squeezing only drops blanks): the
     * next line holding each */
    static const char *const NEED[3] = {"函", "号", "于"};
    size_t next[3];
    for (int k = 0; k < 3; k++)
        next[k] = text_norm_find(t, 0, stop, NEED[k], strlen(NEED[k]));
    const size_t first_han = next[0];  /* the first line holding 函, when one of these */
    for (size_t i; (i = next[0] < next[1] ? next[0] : next[1], i = i < next[2] ? i : next[2]) < stop;) {
        int has[3];
        for (int k = 0; k < 3; k++) {
            has[k] = next[k] == i;
            if (has[k])
                next[k] = text_norm_find(t, i + 1, stop, NEED[k], strlen(NEED[k]));
        }
        const gk_line *l = &t->norm[i];
        /* a line holding 函 passes `maybe`; one holding only 号 or 于 is
         * squeezed only when it may */
        if (!has[0] && !letter_head_may(l, has[1], has[2]))
            continue;
        char *sq = extract_squeeze(l->s);
        const char *s = skip_title_debris(sq);
        size_t sl = strlen(s);
        int maybe = !strncmp(s, "关于", strlen("关于")) || util_find(s, sl, "函", strlen("函")) ||
                    (sl >= 3 && !strcmp(s + sl - 3, "号"));   /* what the patterns below need */
        if (maybe && re_test(GK_NARR_WORDS.letter_title, s) &&
            !re_test(GK_NARR_WORDS.report_title, s)) {
            *line = (int)i + 1;
            *what = xstrdup(s);
            free(sq);
            return 1;
        }
        free(sq);
    }
    /* the lines before `stop` were searched for 函 above */
    re_span g[1];
    size_t i = first_han < stop ? first_han : text_norm_find(t, stop, t->nlines, "函", strlen("函"));
    for (; i < t->nlines; i = text_norm_find(t, i + 1, t->nlines, "函", strlen("函"))) {
        const gk_line *l = &t->norm[i];
        /* letter_body begins with 特此函 or 现将, 现把 */
        if ((util_find(l->s, l->len, "特此函", strlen("特此函")) || util_find(l->s, l->len, "现将", strlen("现将")) ||
             util_find(l->s, l->len, "现把", strlen("现把"))) &&
            re_find(GK_NARR_WORDS.letter_body, l->s, l->len, 0, g, 1)) {
            *line = (int)i + 1;
            *what = xstrndup(l->s + g[0].start, g[0].end - g[0].start);
            return 1;
        }
    }
    return 0;
}


/* ---- section texts ---------------------------------------------------------------- */

/* Where section k's text ends: the nearest heading after its own. */
static void section_end(const gk_report *r, int k, size_t *end_line, size_t *end_col)
{
    size_t sl = (size_t)r->section_line[k] - 1, sc = (size_t)r->section_col[k];
    *end_line = r->text->nlines;
    *end_col = 0;
    for (int m = 0; m < 6; m++) {
        if (m == k || !r->section_line[m])
            continue;
        size_t ml = (size_t)r->section_line[m] - 1, mc = (size_t)r->section_col[m];
        if (ml < sl || (ml == sl && mc <= sc))
            continue;
        if (ml < *end_line || (ml == *end_line && mc < *end_col)) {
            *end_line = ml;
            *end_col = mc;
        }
    }
}

/* One line's part of a section's text: where it is and its 1-based line. */
typedef struct {
    const char *s;
    size_t len;
    int line;
} line_span;

/* The lines of section k without its heading, as spans of r->text (at most
 * one a line; malloc'd, *n of them); NULL when the section is absent. */
static line_span *section_spans(const gk_report *r, int k, int *n)
{
    *n = 0;
    if (k < 0 || k >= GK_NSECTIONS || !r->section_line[k])
        return NULL;
    const gk_text *t = r->text;
    size_t end_line, end_col;
    section_end(r, k, &end_line, &end_col);
    size_t first = (size_t)r->section_line[k] - 1;
    size_t last = first < t->nlines ? (end_line < t->nlines ? end_line : t->nlines - 1) : first;
    line_span *sp = xmalloc((last - first + 1) * sizeof *sp);
    for (size_t i = first; i < t->nlines && i <= end_line; i++) {
        const gk_line *l = &t->norm[i];
        size_t a = 0, z = l->len;
        if (i == end_line) {
            if (end_col == 0)
                break;
            z = end_col < z ? end_col : z;
        }
        if (i == first) {
            a = (size_t)r->section_col[k];
            if (a > z)
                a = z;
            /* the heading: the whole part when short and without a sentence's end,
             * else up to the heading's last word */
            const char *p = l->s + a;
            size_t len = z - a;
            re_span g[1];
            if (narrative_cjk_count(p, len) <= 30 && !util_find(p, len, "。", strlen("。")))
                continue;
            if (re_find(GK_NARR_WORDS.subheading, p, len, 0, g, 1))
                a += g[0].end;
        }
        if (a >= z)
            continue;
        sp[(*n)++] = (line_span){l->s + a, z - a, (int)i + 1};
    }
    return sp;
}

char *narrative_section_body(const gk_report *r, int k, int *line)
{
    int n;
    line_span *sp = section_spans(r, k, &n);
    *line = n ? sp[0].line : (k >= 0 && k < GK_NSECTIONS ? r->section_line[k] : 0);
    if (!sp)
        return NULL;
    size_t room = 1;
    for (int m = 0; m < n; m++)
        room += sp[m].len + 1;
    char *s = xmalloc(room), *o = s;
    for (int m = 0; m < n; m++) {
        memcpy(o, sp[m].s, sp[m].len);
        o += sp[m].len;
        *o++ = '\n';
    }
    *o = '\0';
    free(sp);
    return s;
}

/* Whether a sentence ends at byte i of s: 。！？ or ; ! ? (*next: after it).
 * Tested byte by byte over whole sections, so by its first byte first. */
static inline int sentence_end(const char *s, size_t len, size_t i, size_t *next)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ';' || c == '!' || c == '?') {
        *next = i + 1;
        return 1;
    }
    if ((c != 0xE3 && c != 0xEF) || i + 3 > len)
        return 0;
    unsigned char c1 = (unsigned char)s[i + 1], c2 = (unsigned char)s[i + 2];
    if (c == 0xE3 ? c1 == 0x80 && c2 == 0x82                     /* 。 U+3002 */
                  : c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F)) {  /* ！ U+FF01, ？ U+FF1F */
        *next = i + 3;
        return 1;
    }
    return 0;
}

int narrative_sentence_end(const char *s, size_t len, size_t i, size_t *next)
{
    return sentence_end(s, len, i, next);
}

/* The bytes a sentence's end can start with (1: 。！？;!? by their first
 * byte) and the line break (2), which ends one in the joined text. */
static const unsigned char END_BYTE[256] = {[';'] = 1, ['!'] = 1, ['?'] = 1, [0xE3] = 1, [0xEF] = 1, ['\n'] = 2};

/* The first i' >= i where a sentence ends in s (sentence_end(), or a line
 * break when `breaks`), *next after it; len (*next = len + 1) when none. */
static inline size_t next_end(const char *s, size_t len, size_t i, int breaks, size_t *next)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned mask = breaks ? 3 : 1;
    for (;; i++) {
        while (i < len && !(END_BYTE[u[i]] & mask))
            i++;
        if (i >= len) {
            *next = len + 1;
            return len;
        }
        if (u[i] == '\n') {
            *next = i + 1;
            return i;
        }
        if (sentence_end(s, len, i, next))
            return i;
    }
}

size_t narrative_next_end(const char *s, size_t len, size_t i, int breaks, size_t *next)
{
    return next_end(s, len, i, breaks, next);
}

/* The masked hash of s from byte i: of s[i..len), or, when `stop`, of the
 * text up to the next sentence end (next_end() with line breaks), found in
 * the same walk (a sentence's end is never inside a character it decodes:
 * only continuation bytes are, and no end starts with one).  Returns where
 * it stopped (len when no end), *next after the end (len + 1 when none),
 * *hash, and in *cjk the CJK characters hashed. */
static inline size_t hash_walk(const char *s, size_t len, size_t i, int stop, size_t *next, uint64_t *hash,
                               int *cjk)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t h = 1469598103934665603ull;
    int n = 0, in_digits = 0;
    *next = len + 1;
    while (i < len) {
        unsigned cp = u[i];
        int k = 1;
        if (cp >= 0xE3 && cp <= 0xE9 && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            /* U+3000..U+9FFF, never overlong nor a surrogate: a CJK character
             * (cjk_at()) is hashed, anything else there is punctuation */
            if (stop && cp == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x82) {   /* 。 */
                *next = i + 3;
                break;
            }
            in_digits = 0;
            if (cjk_at(u, i)) {
                n++;
                h = (h ^ cp) * 1099511628211ull;
                h = (h ^ u[i + 1]) * 1099511628211ull;
                h = (h ^ u[i + 2]) * 1099511628211ull;
            }
            i += 3;
            continue;
        }
        if (stop && END_BYTE[cp]) {
            if (cp == '\n') {
                *next = i + 1;
                break;
            }
            if (sentence_end(s, len, i, next))
                break;
        }
        if (cp >= 0x80 && (k = utf8_decode(s + i, len - i, &cp)) <= 0) {
            i++;
            continue;
        }
        if (cp >= '0' && cp <= '9') {
            if (!in_digits) {
                h = (h ^ '#') * 1099511628211ull;
                in_digits = 1;
            }
        } else if (cp == '.' && in_digits) {
            /* a decimal point inside a number */
        } else if (is_cjk(cp) || (cp < 0x80 && isalpha((int)cp))) {
            in_digits = 0;
            n += is_cjk(cp);
            for (int j = 0; j < k; j++)
                h = (h ^ u[i + (size_t)j]) * 1099511628211ull;
        } else {
            in_digits = 0;             /* spaces and punctuation */
        }
        i += (size_t)k;
    }
    *hash = h;
    *cjk = n;
    return i < len ? i : len;
}

uint64_t narrative_sentence_hash(const char *s, size_t len, int *cjk)
{
    size_t next;
    uint64_t h;
    int n;
    hash_walk(s, len, 0, 0, &next, &h, &n);
    if (cjk)
        *cjk = n;
    return h;
}

uint64_t narrative_sentence_hash_to_end(const char *s, size_t len, size_t i, size_t *end, size_t *next, int *cjk)
{
    uint64_t h;
    *end = hash_walk(s, len, i, 1, next, &h, cjk);
    return h;
}

/* Where a piece of the joined text begins, and the source line it came from. */
typedef struct {
    size_t at;
    int line;
} joined_piece;

gk_sentence *narrative_sentences(const gk_report *r, int k, int *n)
{
    *n = 0;
    int nmarks;
    line_span *marks = section_spans(r, k, &nmarks);
    if (!marks)
        return NULL;
    /* Short lines without a sentence's end (subheadings, the 落款, a date,
     * table debris) stand alone and are left out; the other lines are
     * joined, since a PDF breaks lines inside sentences. */
    sbuf j;
    sbuf_init(&j);
    sbuf_adds(&j, "");
    joined_piece *piece = xmalloc((size_t)(nmarks ? nmarks : 1) * sizeof *piece);   /* at most one a line */
    int npieces = 0;
    for (int m = 0; m < nmarks; m++) {
        const char *p = marks[m].s;
        size_t len = marks[m].len;     /* a span of one line: no line break in it */
        while (len && p[len - 1] == ' ')
            len--;
        size_t nx;
        int ends = next_end(p, len, 0, 0, &nx) < len;
        if (!ends && narrative_cjk_count(p, len) <= 25) {
            if (j.len && j.s[j.len - 1] != '\n') {     /* ends whatever came before */
                piece[npieces++] = (joined_piece){j.len, marks[m].line};
                sbuf_addc(&j, '\n');
            }
            continue;
        }
        if (len) {
            piece[npieces++] = (joined_piece){j.len, marks[m].line};
            sbuf_add(&j, p, len);
        }
    }
    free(marks);
    gk_sentence *out = NULL;
    char *texts = NULL, *tp = NULL;    /* the sentences' texts, one block */
    int cap = 0, at = 0;               /* the piece holding byte a below */
    size_t start = 0;
    for (size_t i = 0; i <= j.len;) {
        /* the sentence's hash as its end is sought (the spaces and line
         * breaks trimmed below do not change it) */
        size_t nx;
        uint64_t h;
        int cjk;
        i = hash_walk(j.s, j.len, i, 1, &nx, &h, &cjk);
        size_t a = start, z = i == j.len ? i : nx;
        while (a < z && (j.s[a] == ' ' || j.s[a] == '\n'))
            a++;
        while (z > a && (j.s[z - 1] == ' ' || j.s[z - 1] == '\n'))
            z--;
        if (cjk >= NARR_MIN_CHARS) {
            while (at + 1 < npieces && piece[at + 1].at <= a)
                at++;
            if (*n == cap) {
                cap = cap ? 2 * cap : 16;
                out = xrealloc(out, (size_t)cap * sizeof *out);
            }
            if (!texts)                /* the sentences are disjoint and each has 8 CJK
                                        * characters (24 bytes) at least: room for all */
                texts = tp = xmalloc(j.len + j.len / (3 * NARR_MIN_CHARS) + 1);
            memcpy(tp, j.s + a, z - a);
            out[(*n)++] = (gk_sentence){h, piece[at].line, tp};
            tp += z - a;
            *tp++ = '\0';
        }
        start = nx;
        i = nx;
    }
    free(piece);
    sbuf_free(&j);
    return out;
}

void narrative_sentences_free(gk_sentence *s, int n)
{
    if (n)
        free(s[0].text);               /* the block of all the texts */
    free(s);
}

/* ---- the threshold of XYEAR.COPIED ------------------------------------------------- */

static int copied_config = 50, copied_override = 0;
static pthread_once_t copied_once = PTHREAD_ONCE_INIT;

/* [rules] copied_share = N in config.ini (read by hand: the engine keeps
 * out of iniparser's global error callback). */
static void read_copied_config(void)
{
    char *path = NULL;
    const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (x && x[0] == '/')
        path = xasprintf("%s/gkreview/config.ini", x);
    else if (home && home[0] == '/')
        path = xasprintf("%s/.config/gkreview/config.ini", home);
    char *buf = NULL;
    size_t len = 0;
    const char *why;
    if (!path || util_read_file(path, 1u << 20, &buf, &len, &why) != 0) {
        free(path);
        return;
    }
    free(path);
    int in_rules = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        while (*line == ' ' || *line == '\t')
            line++;
        if (*line == '[') {
            in_rules = !strncasecmp(line, "[rules]", 7);
            continue;
        }
        if (!in_rules || strncasecmp(line, "copied_share", 12))
            continue;
        const char *p = line + 12;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != '=')
            continue;
        char *e;
        long v = strtol(p + 1, &e, 10);
        while (*e == ' ' || *e == '\t' || *e == '%' || *e == '\r')
            e++;
        if ((*e == '\0' || *e == ';' || *e == '#') && v >= 1 && v <= 100)
            copied_config = (int)v;
    }
    free(buf);
}

int narrative_copied_share(void)
{
    if (copied_override)
        return copied_override;
    pthread_once(&copied_once, read_copied_config);
    return copied_config;
}

void narrative_set_copied_share(int pct)
{
    copied_override = pct >= 1 && pct <= 100 ? pct : 0;
}

/* ---- the rules ------------------------------------------------------------------------ */

static gk_finding *add(gk_report *r, const char *rule, int line, char *msg)
{
    return finding_add(&r->findings, &r->nfindings, rule, line, msg);
}

static void check_format(gk_report *r)
{
    if (r->format != GK_FMT_2019 || template_year_format(r->year) != GK_FMT_2021)
        return;
    add(r, "FORMAT.OUTDATED", r->table_line[0] ? r->table_line[0] : r->title_line,
        xasprintf("%d 年度报告使用了 2019 年版格式（国办公开办函〔2019〕60号）；2021 年度起应使用 2021 年版格式"
                  "（国办公开办函〔2021〕30号）",
                  r->year));
}

static void check_title(gk_report *r)
{
    int line = 0;
    char *what = NULL;
    if (cover_letter(r, &line, &what)) {
        add(r, "TITLE.FORM", line, xasprintf("文件是报送年度报告的函（「%.*s」），不是年度报告本身", util_utf8_cut(what, 60), what));
        free(what);
        return;
    }
    char *title = narrative_title(r, &line);
    if (!title) {
        add(r, "TITLE.FORM", 0,
            xstrdup(r->titled ? "报告没有标题行（年度取自正文引用的报告名称）；标题应为「XX 20XX 年政府信息公开工作年度报告」"
                              : "报告没有标题；标题应为「XX 20XX 年政府信息公开工作年度报告」"));
        return;
    }
    re_span g[3];
    int ok = re_find(GK_NARR_WORDS.title_form, title, strlen(title), 0, g, 3);
    int has_body = ok && ((g[1].start != (size_t)-1 && g[1].end > g[1].start) ||
                          (g[2].start != (size_t)-1 && g[2].end > g[2].start));
    if (!ok)
        add(r, "TITLE.FORM", line, xasprintf("标题「%.*s」不符合「XX 20XX 年政府信息公开工作年度报告」的格式", util_utf8_cut(title, 80), title));
    else if (!has_body)
        add(r, "TITLE.FORM", line, xasprintf("标题「%.*s」未写明单位名称", util_utf8_cut(title, 80), title));
    free(title);
}

static void check_period(gk_report *r)
{
    gk_date a, b;
    int line = narrative_period(r, &a, &b);
    if (!line)
        return;
    if (a.y == b.y && a.m == 1 && a.d == 1 && b.m == 12 && b.d == 31)
        return;
    add(r, "YEAR.PERIOD", line,
        xasprintf("统计期限为 %d年%d月%d日至%d年%d月%d日，不是%d年1月1日至12月31日的全年", a.y, a.m, a.d, b.y, b.m, b.d,
                  r->year ? r->year : a.y));
}

static void check_date(gk_report *r)
{
    if (!r->year)
        return;
    gk_date d;
    int line = narrative_report_date(r, &d);
    gk_date limit = {r->year + 1, 1, 31};
    if (!line || date_cmp(&d, &limit) <= 0)
        return;
    add(r, "DATE.LATE", line,
        xasprintf("报告日期为 %d年%d月%d日，晚于 %d年1月31日（年度报告应于次年1月31日前公布）", d.y, d.m, d.d, r->year + 1));
}

/* The words of GK_NARR_WORDS.wanting_pre and wanting_post with their
 * lengths, and the first characters (three-byte UTF-8) of wanting_pre as
 * 24-bit numbers, found once: the scan looks closer only at those
 * characters; first at the two bit sets of their second and third bytes'
 * low six bits, a cheap test that most characters fail. */
typedef struct {
    const char *w;
    size_t n;
} pending_word;
#define PENDING_LEADS 16
static unsigned pending_lead[PENDING_LEADS];
static int npending_lead;
static uint64_t pending_b1, pending_b2;  /* bit (byte & 63) of each lead's second, third byte */
static pending_word *pending_pre, *pending_post;   /* ended by {NULL, 0}; kept for the process's life */
static size_t pending_further_len;
static pthread_once_t pending_once = PTHREAD_ONCE_INIT;

static pending_word *word_list(const char *const *w)
{
    size_t n = 0;
    while (w[n])
        n++;
    pending_word *out = xmalloc((n + 1) * sizeof *out);
    for (size_t k = 0; k < n; k++)
        out[k] = (pending_word){w[k], strlen(w[k])};
    out[n] = (pending_word){NULL, 0};
    return out;
}

static void find_pending_leads(void)
{
    pending_pre = word_list(GK_NARR_WORDS.wanting_pre);
    pending_post = word_list(GK_NARR_WORDS.wanting_post);
    pending_further_len = strlen(GK_NARR_WORDS.wanting_further);
    for (int k = 0; GK_NARR_WORDS.wanting_pre[k] && npending_lead < PENDING_LEADS; k++) {
        const unsigned char *w = (const unsigned char *)GK_NARR_WORDS.wanting_pre[k];
        unsigned lead = (unsigned)w[0] << 16 | (unsigned)w[1] << 8 | w[2];
        int seen = 0;
        for (int j = 0; j < npending_lead; j++)
            seen |= pending_lead[j] == lead;
        if (!seen) {
            pending_lead[npending_lead++] = lead;
            pending_b1 |= (uint64_t)1 << (w[1] & 63);
            pending_b2 |= (uint64_t)1 << (w[2] & 63);
        }
    }
}

/* 1 when the three bytes at u are the first character of a word of
 * wanting_pre: first the two bit sets, which most characters fail. */
static inline int pending_lead_at(const unsigned char *u)
{
    if (!((pending_b1 >> (u[1] & 63) & 1) && (pending_b2 >> (u[2] & 63) & 1)))
        return 0;
    unsigned lead = (unsigned)u[0] << 16 | (unsigned)u[1] << 8 | u[2];
    for (int j = 0; j < npending_lead; j++)
        if (pending_lead[j] == lead)
            return 1;
    return 0;
}

/* The length of the match of GK_NARR_WORDS.wanting at s (n bytes), 0 when
 * none: the first word of wanting_pre that leads to a match, wanting_further
 * ("进一步") when it leads to one (the pattern's ? is greedy), then a word of
 * wanting_post.
 * Every word is two characters but 不, and none is a prefix of another
 * that could follow, so one start has at most one match. */
static size_t pending_at(const char *s, size_t n)
{
    const char *further_w = GK_NARR_WORDS.wanting_further;
    const size_t FL = pending_further_len;
    for (const pending_word *pre = pending_pre; pre->w; pre++) {
        size_t pl = pre->n;
        if (pl > n || s[pl - 1] != pre->w[pl - 1] || memcmp(s, pre->w, pl))
            continue;
        for (int further = 1; further >= 0; further--) {
            size_t q = pl;
            if (further) {
                if (n - q < FL || memcmp(s + q, further_w, FL))
                    continue;
                q += FL;
            }
            for (const pending_word *post = pending_post; post->w; post++) {
                size_t ml = post->n;
                if (ml <= n - q && s[q + ml - 1] == post->w[ml - 1] && !memcmp(s + q, post->w, ml))
                    return q + ml;
            }
        }
    }
    return 0;
}

void narrative_blank_pending(char *s, size_t len)
{
    /* a match starts with the first character of a word of wanting_pre (a
     * CJK character: three bytes); the scan goes character by character (a
     * three-byte lead at a time, other bytes one by one) and looks closer
     * at those characters only */
    pthread_once(&pending_once, find_pending_leads);
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i + 6 <= len) {             /* the shortest match is 不 and a word: six bytes */
        unsigned c = u[i];
        if (c < 0xE0 || c > 0xEF) {
            i++;
            continue;
        }
        size_t m = pending_lead_at(u + i) ? pending_at(s + i, len - i) : 0;
        if (m) {
            memset(s + i, ' ', m);
            i += m;
        } else {
            i += 3;
        }
    }
}

/* 1 when the text s[0..n) (no NUL in it) holds one of the words. */
static int has_any(const char *s, size_t n, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (util_find(s, n, words[i], strlen(words[i])))
            return 1;
    return 0;
}

/* 1 when an improve word of s[0..n) (valid UTF-8) lies where no match of
 * GK_NARR_WORDS.wanting can reach: where pending_at() finds none that
 * begins before it, a match's length at most, or inside it.  Such a word
 * is left whole by narrative_blank_pending(), whose matches are matches
 * pending_at() finds on the text as it was (a match is blanked after the
 * bytes it was found on).  0 when none such was found among the first few
 * occurrences (the text must then be blanked to tell). */
static int improve_survives(const char *s, size_t n)
{
    pthread_once(&pending_once, find_pending_leads);
    const unsigned char *u = (const unsigned char *)s;
    size_t reach = pending_further_len;          /* the longest match */
    size_t pre = 0, post = 0;
    for (const pending_word *w = pending_pre; w->w; w++)
        pre = w->n > pre ? w->n : pre;
    for (const pending_word *w = pending_post; w->w; w++)
        post = w->n > post ? w->n : post;
    reach += pre + post;
    int tries = 0;
    for (int k = 0; GK_NARR_WORDS.improve[k]; k++) {
        const char *w = GK_NARR_WORDS.improve[k];
        size_t wl = strlen(w);
        for (const char *m = util_find(s, n, w, wl); m; m = util_find(m + 1, n - (size_t)(m + 1 - s), w, wl)) {
            if (++tries > 8)
                return 0;
            size_t x = (size_t)(m - s), e = x + wl, q = x > reach ? x - reach : 0;
            int covered = 0;
            for (; q < e && !covered; q++) {
                if (q + 3 > n || u[q] < 0xE0 || u[q] > 0xEF || !pending_lead_at(u + q))
                    continue;
                size_t len = pending_at(s + q, n - q);
                covered = len && q + len > x;
            }
            if (!covered)
                return 1;
        }
    }
    return 0;
}

static void check_section5(gk_report *r)
{
    if (!r->section_line[GK_SEC_PROBLEMS]) {
        add(r, "TEXT.SECTION5_THIN", 0, xstrdup("报告缺少第五部分「存在的主要问题及改进情况」"));
        return;
    }
    int line;
    char *body = narrative_section_body(r, 4, &line);
    char *sq = extract_squeeze(body ? body : "");
    free(body);
    size_t n = 0;
    for (const char *p = sq;;) {       /* the lines joined */
        size_t run = strcspn(p, "\n\r");
        memmove(sq + n, p, run);
        n += run;
        p += run;
        if (!*p++)
            break;
    }
    sq[n] = '\0';
    /* trailing punctuation: "无。" is "无" */
    while (n && (sq[n - 1] == '.' || sq[n - 1] == ';' || (n >= 3 && !strcmp(sq + n - 3, "。"))))
        n -= sq[n - 1] == '.' || sq[n - 1] == ';' ? 1 : 3, sq[n] = '\0';
    /* the exact count only below the least that is not thin */
    int chars = narrative_cjk_count_upto(sq, n, NARR_SECTION5_MIN);
    if (!chars || re_find(GK_NARR_WORDS.nothing, sq, n, 0, NULL, 0)) {   /* (sq holds no NUL: n is its strlen()) */
        add(r, "TEXT.SECTION5_THIN", r->section_line[GK_SEC_PROBLEMS],
            xasprintf("第五部分%s，未说明存在的主要问题及改进情况", chars ? "内容为「无」" : "没有内容"));
    } else if (chars < NARR_SECTION5_MIN) {
        add(r, "TEXT.SECTION5_THIN", line,
            xasprintf("第五部分仅 %d 字（「%.*s」），未具体说明存在的主要问题及改进情况", chars, util_utf8_cut(sq, 60), sq));
    } else {
        /* "有待提升", "还需加强" name a problem, not an improvement */
        int p = has_any(sq, n, GK_NARR_WORDS.problem), i = improve_survives(sq, n);
        if (!i) {
            char *plain = xstrdup(sq);
            narrative_blank_pending(plain, n);
            i = has_any(plain, n, GK_NARR_WORDS.improve);
            free(plain);
        }
        if (p && !i)
            add(r, "TEXT.SECTION5_THIN", line, xstrdup("第五部分只写了存在的问题，未写改进情况"));
        else if (i && !p)
            add(r, "TEXT.SECTION5_THIN", line, xstrdup("第五部分只写了改进措施，未写存在的问题"));
    }
    free(sq);
}

void narrative_check(gk_report *r)
{
    if (!r->text)
        return;
    check_format(r);
    check_title(r);
    check_period(r);
    check_date(r);
    check_section5(r);
}

const char *narrative_section_name(int k)
{
    int n;
    return k >= 0 && k < GK_NSECTIONS ? template_sections(&n)[k].cited : "";
}
