/* extract.c — title, sections, format, tables and narrative counts.
 *
 * Tables: the lines of each table's section become logical rows (grid.c);
 * the template's rows are then walked in order, each matched by its label
 * pattern against the rows' label text, falling back on position where a
 * label is lost; each matched row's numbers are aligned to its columns. */
#include "extract.h"
#include "grid.h"
#include "json_out.h"
#include "glued.h"
#include "place.h"
#include "re.h"
#include "util.h"
#include "wordset.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- small text helpers ----------------------------------------------------- */

/* The highest bit set in m, or -1 when none is. */
static inline int highest_bit(uint64_t m)
{
    return m ? 63 - __builtin_clzll(m) : -1;
}

/* Every character synonyms() reads or writes (keep in step with
 * synonym_at()): a word of none of them is in a text after synonyms() as
 * often as before. */
static const char SYNONYM_CHARS[] = "其它他合计总";

/* synonyms() at s[i..i + 3), a byte AE at s[i + 1]: 其它 becomes 其他,
 * 合计 总计. */
static inline void synonym_at(char *s, size_t i)
{
    if (!memcmp(s + i, "它", 3) && !memcmp(s + i - 3, "其", 3))
        memcpy(s + i, "他", 3);
    else if (!memcmp(s + i, "计", 3) && !memcmp(s + i - 3, "合", 3))
        memcpy(s + i - 3, "总", 3);
}

/* The words reports write for the template's in labels and names, as the
 * template writes them, in place (as long: UTF-8 of the same length): 其它 for
 * 其他, 合计 for 总计. */
static void synonyms(char *s, size_t n)
{
    /* 它 is E5 AE 83, 计 E8 AE A1: a character at s[i] (3 <= i, i + 3 <= n)
     * whose middle byte s[i + 1] is AE.  Those bytes are found sixteen at a
     * time (SSE2; the last sixteen overlap the block before), else one by
     * one, and taken in order.  A rewrite never
     * makes or unmakes an AE at a later byte (它's last byte 83 becomes 96,
     * 计's own bytes stay), so the bytes found before the rewrites are the
     * ones a byte loop would find after them. */
    if (n < 6)
        return;
    size_t j = 4, end = n - 1;         /* the middle bytes: s[4..n - 1) */
#ifdef __SSE2__
    const __m128i ae = _mm_set1_epi8((char)0xAE);
    if (end - j >= 16) {
        do {
            /* the last block ends at the end, its bytes before j dropped */
            size_t at = end - j >= 16 ? j : end - 16;
            unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + at)), ae));
            for (m &= ~0u << (j - at); m; m &= m - 1)
                synonym_at(s, at + (unsigned)__builtin_ctz(m) - 1);
            j = at + 16;
        } while (j < end);
        return;
    }
#endif
    for (; j < end; j++)
        if ((unsigned char)s[j] == 0xAE)
            synonym_at(s, j - 1);
}

/* Bit 7 of each byte of w that is zero, and no other bit (exact: no carry
 * crosses from one byte into the next). */
static inline uint64_t zero_bytes(uint64_t w)
{
    const uint64_t lows = 0x7F7F7F7F7F7F7F7Full;
    return ~(((w & lows) + lows) | w | lows);
}

/* Bit 7 of each byte of w that is a space or a tab. */
static inline uint64_t blank_bytes(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull;
    return zero_bytes(w ^ ones * ' ') | zero_bytes(w ^ ones * '\t');
}

/* Copies s[0..n) without its spaces and tabs to out (room for n + 1
 * bytes) and terminates it; returns the copy's length.  Sixteen bytes at
 * a time (with SSE2, on every x86-64), then eight, while that many are
 * left: each step stores them all where they go and keeps those before
 * the first blank, then steps over that blank's run of blanks; the last
 * bytes one by one. */
static size_t squeeze_copy(char *out, const char *s, size_t n)
{
    char *o = out;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    while (n - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        unsigned blanks = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab)));
        _mm_storeu_si128((__m128i *)o, v);   /* o <= out + i: within the room */
        if (!blanks) {
            o += 16;
            i += 16;
        } else {                       /* keep what comes before the first blank, skip its run of blanks */
            unsigned before = (unsigned)__builtin_ctz(blanks);
            o += before;
            i += before + (unsigned)__builtin_ctz(~(blanks >> before));
        }
    }
#endif
    while (n - i >= 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        memcpy(o, &w, 8);              /* o <= out + i: within the room */
        uint64_t blanks = blank_bytes(w);
        if (!blanks) {
            o += 8;
            i += 8;
            continue;
        }
        unsigned before = (unsigned)__builtin_ctzll(blanks) / 8;
        /* the blanks' flags from the first one on; the bytes shifted in
         * count as no blank, so the run ends by the eighth byte at most */
        uint64_t kept = ~(blanks >> (8 * before)) & 0x8080808080808080ull;
        o += before;
        i += before + (kept ? (unsigned)__builtin_ctzll(kept) / 8 : 8 - before);
    }
    for (; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            *o++ = s[i];
    *o = '\0';
    synonyms(out, (size_t)(o - out));
    return (size_t)(o - out);
}

char *extract_squeeze(const char *s)
{
    size_t n = strlen(s);
    char *out = xmalloc(n + 1);
    squeeze_copy(out, s, n);
    return out;
}

static int has_cjk(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        /* U+3400..U+9FFF: lead byte E3 (from U+3400) to E9 */
        if (*p >= 0xE4 && *p <= 0xE9)
            return 1;
        if (*p == 0xE3 && p[1] >= 0x90)
            return 1;
    }
    return 0;
}

static int span_int(const char *s, re_span sp)
{
    if (sp.start == (size_t)-1)
        return -1;
    int v = 0;
    for (size_t i = sp.start; i < sp.end; i++)
        if (s[i] >= '0' && s[i] <= '9')
            v = v * 10 + (s[i] - '0');
    return v;
}

static const char *norm(const gk_report *r, int line0)
{
    return r->text->norm[line0].s;
}

/* ---- title, sections, years, fee ---------------------------------------------- */

/* The sections and their headings are the template's (template.c SECTIONS). */
static const gk_section_def *section(int k)
{
    int n;
    return &template_sections(&n)[k];
}

/* Where a heading's words begin: after the markup, numeral and separator
 * of the heading patterns' prefix (template.c SEC_PREFIX).  No heading word starts with a numeral, space or separator,
 * so wherever SEC_PREFIX matches before a heading, it ends here. */
static int is_pcre_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* 1 when s begins with the 3-byte character c (compared byte by byte, so
 * never past the end of s). */
static int starts_with_char(const char *s, const char *c)
{
    return s[0] == c[0] && s[1] == c[1] && s[2] == c[2];
}

/* The heading prefix's leading markup, [#>*\s], as a mask of bits (each below 64). */
#define BIT(c) ((uint64_t)1 << (c))
static const uint64_t LEAD_MARKUP =
    BIT('#') | BIT('>') | BIT('*') | BIT(' ') | BIT('\t') | BIT('\n') | BIT('\v') | BIT('\f') | BIT('\r');
#undef BIT

/* A three-byte character (the first one of a CJK word) as one number. */
#define CHAR_KEY(c) ((uint32_t)(unsigned char)(c)[0] << 16 | (uint32_t)(unsigned char)(c)[1] << 8 | (unsigned char)(c)[2])

/* How each section's heading words begin (the template's start words): a
 * cheap test before the pattern.  Built once. */
#define MAX_STARTS (GK_NSECTIONS * GK_SEC_STARTS)
static struct {
    const char *word;
    size_t len;
    uint32_t first;                    /* CHAR_KEY() of the word's first character */
    int section;
} SECTION_STARTS[MAX_STARTS];
static int NSTARTS;
/* Bit (CHAR_KEY() % 64) of each start word's first character: one test
 * turns most lines away. */
static uint64_t SECTION_START_BITS;
/* For each CHAR_KEY() % 64, the start words (bit i: SECTION_STARTS[i])
 * whose first character has it: the only ones to compare. */
static uint64_t STARTS_BY_BUCKET[64];
_Static_assert(MAX_STARTS <= 64, "a start word is a bit of STARTS_BY_BUCKET");
/* CHAR_KEY() of each section's numeral ("一") */
static uint32_t SECTION_NUMERALS[GK_NSECTIONS];
static pthread_once_t starts_once = PTHREAD_ONCE_INIT;

/* CHAR_KEY() of s's first three bytes, not read past its end (a shorter
 * s gives a key no three-byte character has). */
static inline uint32_t char_key_of(const char *s)
{
    uint32_t key = (uint32_t)(unsigned char)s[0] << 16;
    if (s[0] && s[1])
        key |= (uint32_t)(unsigned char)s[1] << 8 | (unsigned char)s[2];
    return key;
}

static void build_starts(void)
{
    for (int k = 0; k < GK_NSECTIONS; k++) {
        const char *n = section(k)->numeral;
        /* one CJK character, as template.c SECTIONS has them (一 … 六), its first byte E4 or E5 */
        assert(strlen(n) == 3 && ((unsigned char)n[0] == 0xE4 || (unsigned char)n[0] == 0xE5));
        SECTION_NUMERALS[k] = CHAR_KEY(n);
    }
    for (int k = 0; k < GK_NSECTIONS; k++)
        for (int i = 0; i < GK_SEC_STARTS && section(k)->starts[i]; i++) {
            const char *w = section(k)->starts[i];
            assert(strlen(w) >= 3);    /* a CJK character at least: test_template checks */
            SECTION_STARTS[NSTARTS].word = w;
            SECTION_STARTS[NSTARTS].len = strlen(w);
            SECTION_STARTS[NSTARTS].first = CHAR_KEY(w);
            SECTION_STARTS[NSTARTS].section = k;
            SECTION_START_BITS |= (uint64_t)1 << (CHAR_KEY(w) & 63);
            STARTS_BY_BUCKET[CHAR_KEY(w) & 63] |= (uint64_t)1 << NSTARTS;
            NSTARTS++;
        }
}

/* heading_words() once build_starts() has run: the numerals are compared
 * as CHAR_KEY()s. */
static inline __attribute__((always_inline)) const char *heading_words_built(const char *s)
{
    while ((unsigned char)*s < 64 && LEAD_MARKUP >> *s & 1)
        s++;
    const char *words = s;             /* when the numbering is none of the forms below */
    /* most lines: no numbering begins here (a digit 1 to 6, 第 E7 AC AC, a
     * numeral 一 … 六 whose first byte is E4 or E5, as build_starts() checks) */
    unsigned char c0 = (unsigned char)*s;
    if ((unsigned)(c0 - '1') >= GK_NSECTIONS && c0 != 0xE4 && c0 != 0xE5 && c0 != 0xE7)
        return words;
    int part = starts_with_char(s, "第");   /* "第二部分" */
    if (part) {
        s += 3;
        while (is_pcre_space(*s))
            s++;
    }
    int numeral = *s >= '1' && *s < '1' + GK_NSECTIONS;
    if (numeral) {
        s++;
    } else if ((unsigned char)*s == 0xE4 || (unsigned char)*s == 0xE5) {
        uint32_t key = char_key_of(s);
        for (int k = 0; k < GK_NSECTIONS && !numeral; k++)
            if (key == SECTION_NUMERALS[k]) {
                s += 3;
                numeral = 1;
            }
    }
    if (!numeral)
        return words;
    while (is_pcre_space(*s))
        s++;
    if (part) {
        if (!starts_with_char(s, "部分"))
            return words;
        s += 6;
        while (is_pcre_space(*s))
            s++;
    }
    if (starts_with_char(s, "、"))
        s += 3;
    else if (*s == '.' || *s == ',' || *s == ':')
        s++;
    while (is_pcre_space(*s))
        s++;
    return s;
}

static const char *heading_words(const char *s)
{
    pthread_once(&starts_once, build_starts);
    return heading_words_built(s);
}

/* A line that can be a heading: a short one. */
static int heading_sized(const gk_line *l)
{
    return l->len && l->len <= 160;
}

/* The sections whose SECTION_STARTS begin `words`, as a mask of bits:
 * the only ones that can head a line with these words.  Only the start
 * words that begin with the same character can fit. */
static inline unsigned heading_candidates_built(const char *words)
{
    uint32_t first = char_key_of(words);
    if (!(SECTION_START_BITS >> (first & 63) & 1))
        return 0;                      /* most lines: no start word has their first character */
    unsigned mask = 0;
    for (uint64_t m = STARTS_BY_BUCKET[first & 63]; m; m &= m - 1) {
        int i = __builtin_ctzll(m);
        if (first == SECTION_STARTS[i].first &&
            !strncmp(words + 3, SECTION_STARTS[i].word + 3, SECTION_STARTS[i].len - 3))
            mask |= 1u << SECTION_STARTS[i].section;
    }
    return mask;
}

static unsigned heading_candidates(const char *words)
{
    pthread_once(&starts_once, build_starts);
    return heading_candidates_built(words);
}

/* The first section heading_candidates() allows, or -1. */
static int heading_candidate(const char *words)
{
    unsigned mask = heading_candidates(words);
    return mask ? __builtin_ctz(mask) : -1;
}

/* The last section at or before k whose heading was found, or -1. */
static int found_at_or_before(const gk_report *r, int k)
{
    while (k >= 0 && !r->section_line[k])
        k--;
    return k;
}

/* A heading of section k inside lines lo..hi (0-based, both included):
 * on line lo after column lo_col (-1: from its start), on line hi before
 * column hi_col (-1: to its end).  Returns the 1-based line, 0 if none;
 * *col is where the heading begins in it. */
static int find_mid_heading(const gk_report *r, int k, size_t lo, int lo_col, size_t hi, int hi_col, int *col)
{
    re_span g[1];
    const char *need = section(k)->mid_need;
    size_t need_len = strlen(need);
    for (size_t i = lo; i <= hi && i < r->text->nlines; i++) {
        const gk_line *l = &r->text->norm[i];
        size_t len = l->len, from = 0;
        if (i == hi && hi_col >= 0 && (size_t)hi_col < len)
            len = (size_t)hi_col;
        if (i == lo && lo_col >= 0)
            from = (size_t)lo_col + 1;
        if (from >= len || !util_find(l->s + from, len - from, need, need_len))
            continue;
        if (re_find(section(k)->mid_pattern, l->s, len, from, g, 1)) {
            *col = (int)g[0].start;
            return (int)i + 1;
        }
    }
    return 0;
}

static int heading_test(int k, const char *s);

/* Finds the sections' headings.  Returns the line (1-based) of section
 * 一's heading when it is a line of its own (found by the first pass, as
 * extract_title_lines() finds one), 0 when it is not. */
static int find_sections(gk_report *r)
{
    int prev = 0, found = 0;
    r->sections_in_order = 1;
    for (int k = 0; k < GK_NSECTIONS; k++)
        r->section_line[k] = r->section_col[k] = 0;
    pthread_once(&starts_once, build_starts);
    const gk_line *lines = r->text->norm;
    size_t nlines = r->text->nlines;   /* (kept apart: the stores below would make them read again) */
    for (size_t i = 0; i < nlines && found < GK_NSECTIONS; i++) {
        const gk_line *l = &lines[i];
        if (!heading_sized(l))
            continue;
        unsigned mask = heading_candidates_built(heading_words_built(l->s));
        for (int k = 0; mask; k++, mask >>= 1) {
            if ((mask & 1) && !r->section_line[k] && heading_test(k, l->s)) {
                r->section_line[k] = (int)i + 1;
                found++;
                break;
            }
        }
    }
    int own_line = r->section_line[GK_SEC_TOTAL];
    /* a missing heading may sit inside a line, between its neighbours' */
    for (int k = 0; k < GK_NSECTIONS && found < GK_NSECTIONS && r->text->nlines; k++) {
        if (r->section_line[k])
            continue;
        size_t lo = 0, hi = r->text->nlines - 1;
        int lo_col = -1, hi_col = -1, before = found_at_or_before(r, k - 1);
        if (before >= 0) {
            lo = (size_t)r->section_line[before] - 1;
            lo_col = r->section_col[before];
        }
        for (int j = k + 1; j < GK_NSECTIONS; j++)
            if (r->section_line[j]) {
                hi = (size_t)r->section_line[j] - 1;
                hi_col = r->section_col[j];
                break;
            }
        int col = 0, line = find_mid_heading(r, k, lo, lo_col, hi, hi_col, &col);
        if (line) {
            r->section_line[k] = line;
            r->section_col[k] = col;
            found++;
        }
    }
    for (int k = 0; k < GK_NSECTIONS; k++) {
        if (r->section_line[k]) {
            if (r->section_line[k] < prev)
                r->sections_in_order = 0;
            prev = r->section_line[k];
        }
    }
    for (int k = 0; k < GK_NSECTIONS; k++) {
        if (!r->section_line[k]) {
            finding_add(&r->notes, &r->nnotes, "STRUCT.SECTION_MISSING", 0,
                        xasprintf("缺少第%s部分「%s」", section(k)->numeral, section(k)->name));
        }
    }
    if (!r->sections_in_order) {
        int line = 0;
        for (int k = 1; k < GK_NSECTIONS; k++)
            if (r->section_line[k] && r->section_line[k - 1] && r->section_line[k] < r->section_line[k - 1])
                line = r->section_line[k];
        finding_add(&r->notes, &r->nnotes, "STRUCT.SECTION_MISSING", line, xstrdup("章节顺序与模板不一致"));
    }
    return own_line;
}

/* Lines [from, to) (0-based) of section k, or of the area it should be in. */
static void section_range(const gk_report *r, int k, size_t *from, size_t *to)
{
    size_t n = r->text->nlines;
    int start = r->section_line[k];
    if (!start)
        for (int j = k - 1; j >= 0 && !start; j--)
            start = r->section_line[j];
    *from = start ? (size_t)start : 0;   /* the line after the heading */
    *to = n;
    for (int j = k + 1; j < GK_NSECTIONS; j++) {
        if (r->section_line[j] && (size_t)r->section_line[j] > *from) {
            *to = (size_t)r->section_line[j] - 1;
            break;
        }
    }
}

/* Lines [from, to) (0-based) that hold section k's narrative: from its
 * heading's line (text may follow a heading inside a line) to the line of
 * the next heading (text may precede it there); section_part() clips the
 * two ends.  Where section k is absent: the area it should be in. */
static void narrative_range(const gk_report *r, int k, size_t *from, size_t *to)
{
    int j = found_at_or_before(r, k);
    *from = j >= 0 ? (size_t)r->section_line[j] - 1 : 0;
    *to = r->text->nlines;
    for (int m = k + 1; m < GK_NSECTIONS; m++) {
        if (!r->section_line[m])
            continue;
        size_t line = (size_t)r->section_line[m] - 1;
        if (line > *from || (j >= 0 && line == *from && r->section_col[m] > r->section_col[j])) {
            *to = line + 1;
            break;
        }
    }
}

/* The part of normalised line i that belongs to section k (as
 * narrative_range() placed it): sets *len and returns where it begins. */
static const char *section_part(const gk_report *r, int k, size_t i, size_t *len)
{
    const gk_line *l = &r->text->norm[i];
    size_t a = 0, b = l->len;
    int j = found_at_or_before(r, k);
    if (j >= 0 && (size_t)r->section_line[j] - 1 == i)
        a = (size_t)r->section_col[j];
    for (int m = k + 1; m < GK_NSECTIONS; m++)
        if (r->section_line[m] && (size_t)r->section_line[m] - 1 == i && (size_t)r->section_col[m] > a &&
            (size_t)r->section_col[m] < b)
            b = (size_t)r->section_col[m];
    if (a > b)
        a = b;
    *len = b - a;
    return l->s + a;
}

/* The first line at or after `from` (0-based) holding a section heading,
 * or SIZE_MAX. */
static size_t next_heading_line(const gk_report *r, size_t from)
{
    size_t next = SIZE_MAX;
    for (int m = 0; m < GK_NSECTIONS; m++) {
        size_t i = (size_t)r->section_line[m] - 1;   /* SIZE_MAX when not found */
        if (r->section_line[m] && i >= from && i < next)
            next = i;
    }
    return next;
}

/* section_part() for lines taken in order from `from` on, where *heading
 * starts as next_heading_line(r, from): only a line holding a heading is
 * clipped (and the next such line looked up); the others are whole. */
static const char *section_part_next(const gk_report *r, int k, size_t i, size_t *len, size_t *heading)
{
    if (i != *heading) {
        *len = r->text->norm[i].len;
        return r->text->norm[i].s;
    }
    *heading = next_heading_line(r, i + 1);
    return section_part(r, k, i, len);
}

static char *trim_title(const char *s, size_t len)
{
    while (len && (*s == '#' || *s == ' ' || *s == '>' || *s == '*'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '"'))
        len--;
    /* 《 … 》 quotes around a title */
    if (len >= 3 && memcmp(s, "《", 3) == 0)
        s += 3, len -= 3;
    return xstrndup(s, len);
}

/* Labels of a web page's information block that a saved page leaves
 * before the title ("索引号：…  发布日期：…  标题：…"): never part of a body. */
static const char *const PAGE_LABELS[] = {
    "索引号", "发布日期", "发布时间", "发布机构", "发文机关", "发文字号", "成文日期", "信息来源", "来源",
    "文章标题", "信息名称", "标题", "名称", "主题分类", "分类", "文号", "时间", "日期", "作者", "浏览次数",
};

/* Strips page debris around a squeezed body name in place: markup and
 * ASCII (dates, index numbers, ">" and "#"), the page labels above and
 * their colons, brackets; cuts everything up to the last "label:". */
static void clean_body(char *b)
{
    /* the last "标题:" (or any label with a colon) ends the debris */
    char *cut = NULL;
    int colon = strchr(b, ':') != NULL;  /* none: no label ends in one */
    for (size_t i = 0; i < sizeof PAGE_LABELS / sizeof PAGE_LABELS[0] && colon; i++) {
        size_t n = strlen(PAGE_LABELS[i]);
        for (char *p = strstr(b, PAGE_LABELS[i]); p; p = strstr(p + 1, PAGE_LABELS[i]))
            if (p[n] == ':' && (!cut || p + n + 1 > cut))
                cut = p + n + 1;
    }
    if (cut)
        memmove(b, cut, strlen(cut) + 1);
    for (int changed = 1; changed;) {
        changed = 0;
        size_t n = strlen(b), skip = 0;
        while (skip < n && (unsigned char)b[skip] < 0x80)
            skip++;                    /* ASCII: markup, dates, index numbers, colons */
        static const char *const MARKS[] = {"【", "】", "《", "》", "、", "。", "·", "|"};
        for (size_t i = 0; i < sizeof MARKS / sizeof MARKS[0] && skip == 0; i++)
            skip = word_prefix(b, MARKS[i]);
        for (size_t i = 0; i < sizeof PAGE_LABELS / sizeof PAGE_LABELS[0] && skip == 0; i++)
            skip = word_prefix(b, PAGE_LABELS[i]);
        if (skip) {
            memmove(b, b + skip, n - skip + 1);
            changed = 1;
        }
    }
    size_t n = strlen(b);
    while (n && ((unsigned char)b[n - 1] < 0x80 || (n >= 3 && !strcmp(b + n - 3, "》")) ||
                 (n >= 3 && !strcmp(b + n - 3, "】"))))
        n -= (unsigned char)b[n - 1] < 0x80 ? 1 : 3;
    b[n] = '\0';
}

/* "2023" or "二〇二三" → 2023; 0 if neither. */
static int year_value(const char *s, re_span sp)
{
    if (sp.start == (size_t)-1)
        return 0;
    if (s[sp.start] >= '0' && s[sp.start] <= '9')
        return span_int(s, sp);
    static const char *const DIGITS[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int y = 0, n = 0;
    for (size_t i = sp.start; i < sp.end && n < 4;) {
        int d = -1;
        if (!strncmp(s + i, "零", 3) || !strncmp(s + i, "○", 3) || !strncmp(s + i, "O", 1))
            d = 0;
        for (int k = 0; k < 10 && d < 0; k++)
            if (!strncmp(s + i, DIGITS[k], strlen(DIGITS[k])))
                d = k;
        if (d < 0)
            return 0;
        y = y * 10 + d;
        n++;
        i += s[i] == 'O' ? 1 : 3;
    }
    return n == 4 ? y : 0;
}

/* find_title() reads the lines above section 一's heading, at most 40. */
#define TITLE_LINES 40

/* s (a squeezed, cleaned copy) as a body's name: a short one, not a sentence. */
static int body_like(const char *s)
{
    size_t n = strlen(s);
    return n >= 6 && n <= 90 && has_cjk(s) && !strstr(s, "。") && !strchr(s, ',') && !strstr(s, "年") &&
           re_test(GK_TEXT.body_end, s);
}

/* A line's text as a body's name, or NULL. */
static char *body_of_line(const gk_report *r, size_t i)
{
    char *t = extract_squeeze(norm(r, (int)i));
    clean_body(t);
    if (body_like(t))
        return t;
    free(t);
    return NULL;
}

/* The body named elsewhere than in a title: a line of its own near the
 * top, a "本报告由…编制" sentence, or the 落款 above the report's date at
 * its end.  NULL when none. */
static char *body_elsewhere(const gk_report *r)
{
    size_t n = r->text->nlines, seen = 0;
    size_t top = r->section_line[GK_SEC_TOTAL] ? (size_t)r->section_line[GK_SEC_TOTAL] - 1 : n;
    for (size_t i = 0; i < top && i < TITLE_LINES && seen < 6; i++) {
        if (!r->text->norm[i].len)
            continue;
        seen++;
        char *b = body_of_line(r, i);
        if (b)
            return b;
    }
    re_span g[2];
    for (size_t i = 0; i < n; i++) {
        const gk_line *l = &r->text->norm[i];
        if (!util_find(l->s, l->len, "本报告由", strlen("本报告由")))
            continue;
        if (re_find(GK_TEXT.body_by, l->s, l->len, 0, g, 2)) {
            char *t = xstrndup(l->s + g[1].start, g[1].end - g[1].start);
            char *sq = extract_squeeze(t);
            free(t);
            clean_body(sq);
            if (body_like(sq))
                return sq;
            free(sq);
        }
    }
    /* the 落款: the last date line, and the line above it */
    size_t nonempty = 0;
    for (size_t i = n; i-- > 0 && nonempty < 12;) {
        const gk_line *l = &r->text->norm[i];
        if (!l->len)
            continue;
        nonempty++;
        if (l->len > 60 || !re_test(GK_TEXT.date_line, l->s))
            continue;
        for (size_t j = i; j-- > 0;) {
            if (!r->text->norm[j].len)
                continue;
            return body_of_line(r, j);
        }
        break;
    }
    return NULL;
}

/* A body's name from the text before a title's year (or, when that is
 * empty, between the year and 政府信息公开): squeezed and cleaned. */
static char *title_body(const char *s, re_span before, re_span mid)
{
    char *body = trim_title(s + before.start, before.end - before.start);
    char *sq = extract_squeeze(body);
    free(body);
    clean_body(sq);
    if (!*sq && mid.start != (size_t)-1 && mid.end > mid.start) {
        free(sq);
        char *t = xstrndup(s + mid.start, mid.end - mid.start);
        sq = extract_squeeze(t);
        free(t);
        clean_body(sq);
        size_t n = strlen(sq);
        if (n >= 6 && !strcmp(sq + n - 6, "人民"))
            sq = xrealloc(sq, n + 7), strcat(sq, "政府");
    }
    return sq;
}

/* A title quoted in a sentence: "…《XX镇人民政府2023年政府信息公开工作年度
 * 报告》…" (a page saved without its title line). */
static int find_quoted_title(gk_report *r)
{
    re_span g[4];
    for (size_t i = 0; i < r->text->nlines; i++) {
        const gk_line *l = &r->text->norm[i];
        if (!util_find(l->s, l->len, "报告》", strlen("报告》")))
            continue;
        size_t off = 0;
        while (re_find(GK_TEXT.quoted_title, l->s, l->len, off, g, 4)) {
            int year = year_value(l->s, g[2]);
            off = g[0].end;
            if (!year)
                continue;
            r->year = year;
            r->titled = 1;
            free(r->body);
            r->body = title_body(l->s, g[1], g[3]);
            return 1;
        }
    }
    return 0;
}

/* heading_line: the line (1-based) of section 一's first heading on a
 * line of its own, 0 when the text has none (find_sections() knows it),
 * -1 when unknown (looked for here). */
static void find_title(gk_report *r, int heading_line)
{
    /* The lines above section 一's heading, and the text before it when it
     * is inside a line: found here as the title peek finds them (the first
     * heading on a line of its own within TITLE_LINES lines, the lines
     * extract_title_lines() keeps), so that the peek and the full read
     * agree. */
    size_t limit = r->text->nlines < TITLE_LINES ? r->text->nlines : TITLE_LINES;
    if (heading_line >= 0) {
        /* the first such line, when it lies where the loop below looks */
        if (heading_line && (size_t)heading_line - 1 < limit && heading_line < TITLE_LINES)
            limit = (size_t)heading_line - 1;
    } else {
        for (size_t i = 0; i < limit; i++)
            if (extract_title_lines(&r->text->norm[i], i, NULL) && i + 1 < TITLE_LINES) {
                limit = i;
                break;
            }
    }
    int clip_col = -1, clip_line = limit ? find_mid_heading(r, GK_SEC_TOTAL, 0, -1, limit - 1, -1, &clip_col) : 0;
    if (clip_line)
        limit = (size_t)clip_line;
    re_span g[3];
    free(r->body);
    r->body = NULL;
    r->titled = r->year = r->title_line = 0;
    for (size_t i = 0; i < limit && !r->titled; i++) {
        const char *s = norm(r, (int)i);
        size_t len = r->text->norm[i].len;
        if (clip_line && i == (size_t)clip_line - 1)
            len = (size_t)clip_col;
        /* "<body> 2023 年政府信息公开…" or "2023年度<body>政府信息公开…" */
        if (!re_find(GK_TEXT.title_line, s, len, 0, g, 3))
            continue;
        if ((util_find(s, len, "。", strlen("。")) && g[0].start > 30) || memchr(s + g[0].start, ',', g[0].end - g[0].start) ||
            memchr(s, ',', g[0].start))
            continue;                  /* a sentence, not a title */
        int year = year_value(s, g[1]);
        if (!year)
            continue;
        r->year = year;
        r->title_line = (int)i + 1;
        r->titled = 1;
        char *sq = title_body(s, (re_span){0, g[0].start}, g[2]);
        if (!*sq) {                    /* body on a line above ("…人民政府" / "2023年…报告") */
            for (size_t j = i; j-- > 0;) {
                char *t = extract_squeeze(norm(r, (int)j));
                int nonempty = *t != '\0';
                if (nonempty && !strstr(t, "。") && strlen(t) < 90) {
                    free(sq);
                    sq = trim_title(t, strlen(t));
                    clean_body(sq);
                }
                free(t);
                if (nonempty)
                    break;
            }
        }
        r->body = sq;
    }
    if (!r->titled)
        find_quoted_title(r);
    if (!r->body || !*r->body) {       /* no title, or one without the body's name */
        char *b = body_elsewhere(r);
        free(r->body);
        r->body = b ? b : xstrdup("");
    }
}

static void find_years(gk_report *r)
{
    re_span g[2];
    r->no_stat_before = text_norm_find(r->text, 0, r->text->nlines, "统计", strlen("统计"));   /* for narrative_period() */
    for (size_t i = r->no_stat_before; i < r->text->nlines;
         i = text_norm_find(r->text, i + 1, r->text->nlines, "统计", strlen("统计"))) {
        const char *s = norm(r, (int)i);
        if (re_find(GK_TEXT.period_start, s, strlen(s), 0, g, 2)) {
            r->period_year = span_int(s, g[1]);
            r->period_line = (int)i + 1;
            break;
        }
    }
    size_t from, to;
    narrative_range(r, GK_SEC_TOTAL, &from, &to);
    if (!r->section_line[GK_SEC_TOTAL])
        from = r->title_line ? (size_t)r->title_line : 0;
    int years[100] = {0}, first_line[100] = {0};   /* 2000 … 2099 */
    int lo = 100, hi = -1;             /* the years seen lie in [lo, hi] */
    size_t heading = next_heading_line(r, from);
    for (size_t i = from; i < to; i++) {
        /* "20dd" followed by optional spaces and 年 */
        size_t len;
        const char *s = section_part_next(r, GK_SEC_TOTAL, i, &len, &heading);
        const char *end = s + len;
        for (const char *p = util_find(s, len, "20", 2); p; p = util_find(p + 1, (size_t)(end - p - 1), "20", 2)) {
            if (end - p < 4 || p[2] < '0' || p[2] > '9' || p[3] < '0' || p[3] > '9')
                continue;
            const char *q = p + 4;
            while (q < end && *q == ' ')
                q++;
            if (end - q < 3 || strncmp(q, "年", strlen("年")) != 0)
                continue;
            int y = 2000 + (p[2] - '0') * 10 + (p[3] - '0');
            if (!years[y - 2000])
                first_line[y - 2000] = (int)i + 1;
            years[y - 2000]++;
            lo = y - 2000 < lo ? y - 2000 : lo;
            hi = y - 2000 > hi ? y - 2000 : hi;
        }
    }
    int best = -1;
    for (int y = lo; y <= hi; y++)
        if (years[y] && (best < 0 || years[y] > years[best]))
            best = y;
    if (best >= 0) {
        r->narrative_year = 2000 + best;
        r->narrative_year_line = first_line[best];
    }
    if (!r->titled) {                  /* no title: the year the text gives */
        r->year = r->period_year ? r->period_year : r->narrative_year;
        if (r->period_year && r->narrative_year && r->narrative_year != r->period_year)
            finding_add(&r->notes, &r->nnotes, "YEAR.MISMATCH", r->narrative_year_line,
                        xasprintf("统计期限为 %d 年，总体情况中主要年份却为 %d 年", r->period_year, r->narrative_year));
        return;
    }
    if (r->year && r->period_year && r->period_year != r->year)
        finding_add(&r->notes, &r->nnotes, "YEAR.MISMATCH", r->period_line,
                    xasprintf("标题年份为 %d，统计期限却为 %d 年", r->year, r->period_year));
    if (r->year && r->narrative_year && r->narrative_year != r->year)
        finding_add(&r->notes, &r->nnotes, "YEAR.MISMATCH", r->narrative_year_line,
                    xasprintf("标题年份为 %d，总体情况中主要年份却为 %d 年", r->year, r->narrative_year));
}

static void find_fee(gk_report *r)
{
    size_t from = 0, to = r->text->nlines;
    if (r->section_line[GK_SEC_OTHER])
        narrative_range(r, GK_SEC_OTHER, &from, &to);
    re_span g[1];
    /* every alternative holds 费: only lines holding it are tried */
    for (size_t i = from; (i = text_norm_find(r->text, i, to, "费", strlen("费"))) < to; i++) {
        size_t len = r->text->norm[i].len;
        const char *s = r->section_line[GK_SEC_OTHER] ? section_part(r, GK_SEC_OTHER, i, &len) : norm(r, (int)i);
        if (re_find(GK_TEXT.fee, s, len, 0, g, 1)) {
            r->fee_stated = 1;
            r->fee_line = (int)i + 1;
            return;
        }
    }
    finding_add(&r->notes, &r->nnotes, "FEE.NOT_REPORTED", r->section_line[GK_SEC_OTHER],
                xstrdup(r->section_line[GK_SEC_OTHER] ? "第六部分未说明信息处理费的收取情况" : "报告未说明信息处理费的收取情况"));
}

int extract_is_report(const gk_report *r)
{
    if (r->titled)
        return 1;
    for (int k = 0; k < GK_NSECTIONS; k++)
        if (r->section_line[k])
            return 1;
    for (size_t i = 0; i < r->text->nlines; i++) {
        const gk_line *l = &r->text->norm[i];
        if (l->len < 6)
            continue;
        for (size_t w = 0; GK_TEXT.report_words[w]; w++)
            if (util_find(l->s, l->len, GK_TEXT.report_words[w], strlen(GK_TEXT.report_words[w])))
                return 1;
    }
    return 0;
}

void extract_title_full(gk_report *r)
{
    find_title(r, find_sections(r));
    find_years(r);
}

/* ---- narrative counts ---------------------------------------------------------- */

/* A Chinese numeral's digit or unit at s: 0..9, or 10/100/1000 for 十 百 千;
 * -1 otherwise.  *n: its bytes. */
static int cn_numeral(const char *s, size_t len, size_t *n)
{
    static const char *const CH[] = {"零", "〇", "一", "二", "两", "三", "四", "五", "六",
                                     "七", "八", "九", "十", "百", "千"};
    static const int VAL[] = {0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000};
    for (size_t k = 0; k < sizeof CH / sizeof CH[0]; k++)
        if (len >= 3 && memcmp(s, CH[k], 3) == 0) {
            *n = 3;
            return VAL[k];
        }
    return -1;
}

/* The count in s[sp): Arabic digits (thousands separators skipped) or a
 * Chinese numeral up to thousands ("十二", "两百零五", "一〇五"); -1 when it
 * is not a well-formed number. */
static double stated_number(const char *s, re_span sp)
{
    const char *p = s + sp.start, *e = s + sp.end;
    if (p < e && *p >= '0' && *p <= '9') {
        double v = 0;
        for (; p < e; p++)
            if (*p >= '0' && *p <= '9')
                v = v * 10 + (*p - '0');
        return v;
    }
    /* positional ("一〇五") when it holds no unit, else digit-unit pairs with
     * units descending and 零 only to mark a gap */
    int total = 0, digit = -1, last_unit = 10000, positional = 1, any = 0;
    for (const char *q = p; q < e;) {
        size_t n;
        int v = cn_numeral(q, (size_t)(e - q), &n);
        if (v < 0)
            return -1;
        if (v >= 10)
            positional = 0;
        q += n;
    }
    while (p < e) {
        size_t n;
        int v = cn_numeral(p, (size_t)(e - p), &n);
        p += n;
        any = 1;
        if (positional) {
            total = total * 10 + v;
            if (total > 1000000)
                return -1;
            continue;
        }
        if (v < 10) {
            if (digit > 0)
                return -1;             /* two digits in a row: "十二三" */
            digit = v;
            continue;
        }
        if (v >= last_unit || digit == 0)
            return -1;                 /* "十百", "零十" */
        total += (digit < 0 ? 1 : digit) * v;
        last_unit = v;
        digit = -1;
    }
    if (digit > 0)
        total += digit;
    return any ? total : -1;
}

/* The need words of the narrative counts, all of them looked for in one
 * pass over a line (wordset.h); bit w of STATED_NEEDS[k]: count k needs
 * word w.  A count whose words do not fit (none do not today) is tested
 * word by word.  Built once.  The patterns' own need words are not in the
 * set: looked for only on the lines that hold their count's, they cost
 * less one by one than a larger set costs on every line (callgrind). */
static gk_wordset STATED_WORDS;
static uint64_t STATED_NEEDS[GK_NARR_MAX];
static unsigned char STATED_SLOW[GK_NARR_MAX];
static int STATED_ANY_SLOW;            /* some count is STATED_SLOW */
/* The patterns' own need words (pattern_need), in a second set looked
 * for once on a line that holds a count's words, when a pattern is first
 * tried on it: bit w of PATTERN_NEEDS[k][p], pattern p of count k needs
 * word w; PATTERN_SET[k][p] 0 when its words do not fit (looked for by
 * extract_stated_from()). */
static gk_wordset PATTERN_WORDS;
static uint64_t PATTERN_NEEDS[GK_NARR_MAX][GK_NARR_PATTERNS];
static unsigned char PATTERN_SET[GK_NARR_MAX][GK_NARR_PATTERNS];
static pthread_once_t stated_once = PTHREAD_ONCE_INIT;

static void build_stated_words(void)
{
    int nk;
    const gk_narr_count *K = template_narr_counts(&nk);
    wordset_init(&STATED_WORDS);
    wordset_init(&PATTERN_WORDS);
    for (int k = 0; k < nk && k < GK_NARR_MAX; k++)
        for (int p = 0; p < GK_NARR_PATTERNS && K[k].patterns[p]; p++) {
            PATTERN_SET[k][p] = K[k].pattern_need[p][0] != NULL;
            for (int w = 0; PATTERN_SET[k][p] && K[k].pattern_need[p][w]; w++) {
                int at = wordset_add(&PATTERN_WORDS, K[k].pattern_need[p][w], strlen(K[k].pattern_need[p][w]));
                if (at < 0)
                    PATTERN_SET[k][p] = 0;   /* an empty word, or no room */
                else
                    PATTERN_NEEDS[k][p] |= (uint64_t)1 << at;
            }
        }
    for (int k = 0; k < nk && k < GK_NARR_MAX; k++)
        for (int w = 0; K[k].need[w]; w++) {
            int at = wordset_add(&STATED_WORDS, K[k].need[w], strlen(K[k].need[w]));
            if (at < 0)
                STATED_SLOW[k] = STATED_ANY_SLOW = 1;   /* an empty word, or no room: util_find() for each */
            else
                STATED_NEEDS[k] |= (uint64_t)1 << at;
        }
}

/* 1 when s[0..len) holds one of the words (a NULL-terminated list). */
static int holds_word(const char *s, size_t len, const char *const *words)
{
    for (int w = 0; words[w]; w++)
        if (util_find(s, len, words[w], strlen(words[w])))
            return 1;
    return 0;
}

/* Line s[0..len) holds one of count k's need words (`found`: the set's
 * words it holds). */
static int stated_has_need(const gk_narr_count *c, int k, uint64_t found, const char *s, size_t len)
{
    if (!STATED_SLOW[k])
        return (found & STATED_NEEDS[k]) != 0;
    return holds_word(s, len, c->need);
}

/* 1 when s[i..] begins with a character of a number as NARR_NUM writes
 * one, or with ASCII white space (\s): ASCII digits, ',' or a numeral of
 * GK_NARR_NUMERALS (a run of those stands before a number's unit); its
 * length in *cl. */
static int number_char_at(const char *s, size_t i, size_t len, size_t *cl)
{
    unsigned char ch = (unsigned char)s[i];
    *cl = 1;
    if (ch < 0x80)
        return (ch >= '0' && ch <= '9') || ch == ',' || ch == ' ' || (ch >= '\t' && ch <= '\r');
    static const char numerals[] = GK_NARR_NUMERALS;   /* three bytes each */
    if (i + 3 > len)
        return 0;
    for (size_t k = 0; k + 3 <= sizeof numerals - 1; k += 3)
        if (!memcmp(s + i, numerals + k, 3)) {
            *cl = 3;
            return 1;
        }
    return 0;
}

size_t extract_stated_from(const gk_narr_count *c, int p, const char *s, size_t len, size_t off)
{
    const char *const *need = c->pattern_need[p][0] ? c->pattern_need[p] : c->need;
    const char *first = NULL;          /* the first need word at or after off */
    for (int w = 0; need[w] && off <= len; w++) {
        size_t wl = strlen(need[w]);
        size_t room = first ? (size_t)(first - s) - off + wl : len - off;
        if (room > len - off)
            room = len - off;
        const char *m = util_find(s + off, room, need[w], wl);
        if (m && (!first || m < first))
            first = m;
    }
    if (!first)
        return len + 1;                /* no word, no match */
    if (!c->number_first[p])
        return off;
    /* back over the characters allowed before the word, then over the number */
    size_t at = (size_t)(first - s);
    for (int n = 0; n < c->number_first[p] && at > off; n++) {
        at--;
        while (at > off && ((unsigned char)s[at] & 0xC0) == 0x80)
            at--;
    }
    while (at > off) {
        size_t back = at - 1, cl;      /* the character before at */
        while (back > off && ((unsigned char)s[back] & 0xC0) == 0x80)
            back--;
        if (!number_char_at(s, back, len, &cl) || back + cl != at)
            break;
        at = back;
    }
    return at;
}

size_t extract_stated_to(const gk_narr_count *c, int p, const char *s, size_t len, size_t at)
{
    if (!c->need_last[p] || at > len)
        return len;
    const char *const *need = c->pattern_need[p][0] ? c->pattern_need[p] : c->need;
    size_t to = at;                    /* the end of the last need word in s[at..len) */
    for (int w = 0; need[w]; w++) {
        size_t wl = strlen(need[w]);
        for (const char *m = s + at; (m = util_find(m, len - (size_t)(m - s), need[w], wl)); m++)
            if ((size_t)(m - s) + wl > to)
                to = (size_t)(m - s) + wl;
    }
    return to;
}

/* Section 一's counts (the template's narrative counts): each match of a
 * count's patterns, on each line of the section, is one gk_stated. */
static void find_stated(gk_report *r)
{
    size_t from, to;
    narrative_range(r, 0, &from, &to);
    if (!r->section_line[0])
        from = r->title_line ? (size_t)r->title_line : 0;
    int nk;
    const gk_narr_count *K = template_narr_counts(&nk);
    pthread_once(&stated_once, build_stated_words);
    re_span g[2];
    int cap = r->nstated;              /* r->stated holds room for this many at least */
    size_t heading = next_heading_line(r, from);
    for (size_t i = from; i < to; i++) {
        size_t len;
        const char *s = section_part_next(r, 0, i, &len, &heading);
        uint64_t found = wordset_find(&STATED_WORDS, s, len);
        if (!found && !STATED_ANY_SLOW)
            continue;                  /* most lines: no count's word, no count to look for */
        uint64_t held = 0;             /* PATTERN_WORDS on this line, once `looked` */
        int looked = 0;
        for (int k = 0; k < nk; k++) {
            if (!stated_has_need(&K[k], k, found, s, len))
                continue;
            for (int p = 0; p < GK_NARR_PATTERNS && K[k].patterns[p]; p++) {
                /* every match holds one of the pattern's need words: the line,
                 * and after a match the rest of it, is searched only when it
                 * holds one, and from where a match holding it may begin
                 * (extract_stated_from()) */
                int own = K[k].pattern_need[p][0] != NULL;
                size_t off = 0;        /* a match may begin before the word ("无…行政复议") */
                while (off < len) {
                    /* after a match: the rest must hold one of the count's
                     * words too, as every match does (test_template) */
                    if (off && own && !holds_word(s + off, len - off, K[k].need))
                        break;
                    size_t at;
                    if (off == 0 && !own) {
                        at = 0;
                    } else if (off == 0 && PATTERN_SET[k][p] && !K[k].number_first[p]) {
                        /* what extract_stated_from() tells here: off when a need word is on the line */
                        if (!looked)
                            held = wordset_find(&PATTERN_WORDS, s, len), looked = 1;
                        at = held & PATTERN_NEEDS[k][p] ? 0 : len + 1;
                    } else {
                        at = extract_stated_from(&K[k], p, s, len, off);
                    }
                    if (at > len || !re_find(K[k].patterns[p], s, extract_stated_to(&K[k], p, s, len, at), at, g, 2))
                        break;
                    double v = g[1].start == (size_t)-1 ? 0 : stated_number(s, g[1]);
                    if (v >= 0) {
                        if (r->nstated == cap) {
                            cap = cap ? 2 * cap : 8;
                            r->stated = xrealloc(r->stated, (size_t)cap * sizeof *r->stated);
                        }
                        r->stated[r->nstated++] = (gk_stated){k, v, (int)i + 1};
                    }
                    off = g[0].end > off ? g[0].end : off + 1;
                }
            }
        }
    }
}

/* ---- row alignment ---------------------------------------------------------------- */

typedef struct {
    gk_status status;
    double value;
    int is_int;
    int line;
    const char *raw;
    char *why;
} slot;

static int is_value_cell(const grid_cell *c)
{
    return c->num == NUM_VALUE || (c->num == NUM_BLANK && c->text[0]);
}

/* Digits only, the first a 0 before another: numbers run together ("0000000"),
 * which num_parse() reads as no number. */
static int zero_led(const char *s)
{
    return s[0] == '0' && s[1] >= '0' && s[1] <= '9' && !s[strspn(s, "0123456789")];
}

/* A letter O alone in a cell: a 0 as text recognition (OCR) reads it, or
 * not.  The grid reads it as 0 (num_parse()), so that it holds a number's
 * cell and weighs as the likely 0 in choosing how a row reads; once the
 * table is read it is reported unread (ocr_unread()): never shown as read. */
static int ocr_zero(const char *s)
{
    return s && (s[0] == 'O' || s[0] == 'o') && !s[1];
}

/* Fills every field of *s from the cell. */
static void slot_from_cell(slot *s, const grid_cell *c)
{
    *s = (slot){.line = c->line, .raw = c->text};
    if (c->num == NUM_VALUE) {
        s->status = GK_ST_EXTRACTED;
        s->value = c->value;
        s->is_int = c->is_int;
    } else if (c->num == NUM_BLANK) {
        s->status = GK_ST_BLANK;
        s->is_int = 1;
    } else {
        s->status = GK_ST_MISSING;
        size_t digits = strspn(c->text, "+-0123456789,.");
        if (zero_led(c->text))
            s->why = xasprintf("「%.*s%s」以 0 开头，是连在一起的几个数字，无法确定各自所在的列，不作读取",
                               util_utf8_cut(c->text, 40), c->text,
                               strlen(c->text) > 40 ? "…" : "");
        else if (c->text[0] && !c->text[digits])
            s->why = xasprintf("数字「%.*s%s」位数过多（超过 15 位），无法精确计算，不作读取", util_utf8_cut(c->text, 40), c->text,
                               strlen(c->text) > 40 ? "…" : "");
        else
            s->why = xasprintf("单元格内容「%s」不是数字", c->text);
    }
}

static void slots_missing(slot *out, int n, int line, const char *why)
{
    for (int i = 0; i < n; i++) {
        out[i].status = GK_ST_MISSING;
        out[i].line = line;
        free(out[i].why);
        out[i].why = xstrdup(why);
    }
}

/* Ten digits or more in a row and nothing between them: no count, no amount
 * in 万元 any report holds — a row's numbers run together, their separators
 * lost ("110021000100011": table 4's fifteen in one cell). */
#define RUN_DIGITS 10

/* The digits a cell's text `raw` begins with (NULL: none). */
static size_t raw_digits(const char *raw)
{
    return raw ? strspn(raw, "0123456789") : 0;
}

/* Whether slot s read a number of RUN_DIGITS digits or more. */
static int run_together(const slot *s)
{
    return s->status == GK_ST_EXTRACTED && s->value >= 1e9 && raw_digits(s->raw) >= RUN_DIGITS;
}

/* Why an empty cell in the row of run `run` is unread. */
static char *run_blank_why(const char *run)
{
    return xasprintf("与「%.*s%s」（几个单元格的数字连在一起）同在一行的空白单元格，当是分隔丢失后留下的，不是空白，不作读取",
                     util_utf8_cut(run, 40), run, strlen(run) > 40 ? "…" : "");
}

/* Runs store_slot() stored unread in this thread's report so far: most reports none,
 * and their rows are looked at again only when one was. */
static _Thread_local int runs_unread;

/* Row rowidx of table `table` (-1: every row, a table read as one), its cells
 * stored: when one is a run stored unread (store_slot()), its empty cells are what
 * the lost separators left, no blank cells — unread. */
static void blanks_beside_run(gk_report *r, int table, int rowidx)
{
    const gk_table_def *td = template_table(r->tpl, table);
    int from = rowidx < 0 ? 0 : rowidx, to = rowidx < 0 ? td->nrows : rowidx + 1;
    const gk_cell *run = NULL;
    for (int gi = from; gi < to && !run; gi++) {
        gk_cell *cells = &r->cells[r->tpl->first_cell[table - 2][gi]];
        for (int c = 0; c < td->rows[gi].ncols && !run; c++)
            if (cells[c].read_status == GK_ST_MISSING && raw_digits(cells[c].raw) >= RUN_DIGITS)
                run = &cells[c];
    }
    for (int gi = from; gi < to && run; gi++) {
        gk_cell *cells = &r->cells[r->tpl->first_cell[table - 2][gi]];
        for (int c = 0; c < td->rows[gi].ncols; c++)
            if (cells[c].read_status == GK_ST_BLANK && (!cells[c].raw || !cells[c].raw[0])) {
                cells[c].read_status = GK_ST_MISSING;
                free(cells[c].unread_why);
                cells[c].unread_why = run_blank_why(run->raw);
            }
    }
}

/* Stores what slot s read into cell; the slot's message moves to the cell.
 * A number of RUN_DIGITS digits or more is stored unread. */
static void store_slot(gk_report *r, gk_cell *cell, slot *s)
{
    if (run_together(s)) {
        runs_unread++;
        s->status = GK_ST_MISSING;
        free(s->why);
        s->why = xasprintf("「%.*s%s」是一串 %zu 位的数字，不像一个件数：当是几个单元格的数字连在一起（分隔丢失），"
                           "无法确定各自所在的列，不作读取",
                           util_utf8_cut(s->raw, 40), s->raw, strlen(s->raw) > 40 ? "…" : "", raw_digits(s->raw));
    }
    cell->read_status = s->status;
    cell->read_value = s->status == GK_ST_EXTRACTED ? s->value : 0;
    cell->read_is_int = s->is_int;
    cell->line = s->line;
    cell->raw = s->raw ? arena_strdup(&r->strings, s->raw) : NULL;
    if (cell->unread_why)              /* a row is stored once but for rows placed by position alone */
        free(cell->unread_why);
    cell->unread_why = s->why;
    r->cells_own_text |= s->why != NULL;
    s->why = NULL;
}

/* The first of row rowidx's cells. */
static gk_cell *row_cells_of(gk_report *r, int table, int rowidx)
{
    return &r->cells[r->tpl->first_cell[table - 2][rowidx]];
}

static void store_row(gk_report *r, int table, int rowidx, slot *s, int n)
{
    int ncols = template_table(r->tpl, table)->rows[rowidx].ncols;
    gk_cell *cells = row_cells_of(r, table, rowidx);
    for (int c = 0; c < n && c < ncols; c++)
        store_slot(r, &cells[c], &s[c]);
    if (runs_unread)
        blanks_beside_run(r, table, rowidx);
}

static void note_row(gk_report *r, const char *rule, int table, int rowidx, int line, char *msg)
{
    gk_finding *f = finding_add(&r->notes, &r->nnotes, rule, line, msg);
    const gk_row_def *rd = &template_table(r->tpl, table)->rows[rowidx];
    for (int c = 0; c < rd->ncols; c++)
        finding_add_cell(f, template_cell_at(r->tpl, table, rowidx, c));
}

/* Appends the row's label to b: its label cells (not values, with CJK
 * text) joined, without spaces.  Returns the label's length. */
static size_t row_label(const grid_row *row, sbuf *b)
{
    size_t start = b->len;
    for (int i = 0; i < row->ncells; i++) {
        const grid_cell *c = &row->cells[i];
        if (is_value_cell(c) || !has_cjk(c->text))
            continue;
        size_t n = c->len;
        if (b->len + n >= b->cap)      /* seldom: the buffer serves row after row */
            sbuf_reserve(b, n);
        b->len += squeeze_copy(b->s + b->len, c->text, n);
    }
    b->s[b->len] = '\0';              /* also when nothing was added */
    return b->len - start;
}

static int count_values(const grid_row *row)
{
    int n = 0;
    for (int i = 0; i < row->ncells; i++)
        if (is_value_cell(&row->cells[i]))
            n++;
    return n;
}

/* ---- label matching ------------------------------------------------------------------ */

/* A set of template patterns: rows of a table, a table's columns, groups. */
typedef struct {
    const void *key;                   /* identifies the set (its template data) */
    int n;                             /* at most 64 */
    const char *(*pattern)(const void *key, int k);
} pattern_set;

static const char *row_pattern(const void *key, int k)
{
    return ((const gk_table_def *)key)->rows[k].pattern;
}

static const char *col_pattern(const void *key, int k)
{
    return ((const gk_col_def *const *)key)[k]->pattern;
}

static const char *group_pattern(const void *key, int k)
{
    return ((const gk_group_def *)key)[k].pattern;
}

static pattern_set rows_of(const gk_table_def *td)
{
    return (pattern_set){td, td->nrows, row_pattern};
}

/* Which patterns of the set match `label`: bit k for pattern k.  Labels
 * repeat the template's wording in nearly every report, so each thread
 * remembers recent answers (a pure function of the set and the text). */
#define LABEL_MEMO_SETS_LOG2 12
#define LABEL_MEMO_SETS (1 << LABEL_MEMO_SETS_LOG2)   /* four entries each (memo_find() replaces them) */
#define LABEL_MEMO_WAYS 4
#define LABEL_MEMO_TEXT 112            /* an entry fills two cache lines */
/* 16,384 entries of 128 bytes, 2 MB a thread (and 256 KB of tags): a converter's
 * dump has many texts seen once among the labels seen report after report.  On
 * 4,351 of them, label_names_of() was computed 59.0K times with 2,048 entries of
 * 256 bytes, 42.6K with 8,192 of 128, 35.6K with 16,384 of 128 (41.1K with 8,192
 * of 256: few labels are longer than 111 bytes).  Mapped and populated in ~0.2 ms. */

/* An entry's answer and text; its key and length are its set's (memo_tags). */
typedef struct {
    uint64_t value[2];                 /* the answer: one word, or two (label_names()) */
    char text[LABEL_MEMO_TEXT];
} __attribute__((aligned(64))) label_memo;

/* A set's keys and lengths, in one cache line: a lookup compares them there and
 * reads only the text of an entry of the same key and length (the four entries
 * lie 1 KB apart: their first lines, read for their keys, were four misses). */
typedef struct {
    const void *key[LABEL_MEMO_WAYS];  /* NULL: never filled (the pages come zeroed) */
    uint32_t len[LABEL_MEMO_WAYS];     /* the text's bytes, < LABEL_MEMO_TEXT */
    unsigned next;                     /* where the search for an entry to replace begins */
    unsigned used;                     /* bit w: entry w was found since the search last passed it */
} __attribute__((aligned(64))) memo_tags;

typedef struct {
    memo_tags tags[LABEL_MEMO_SETS];
    label_memo sets[LABEL_MEMO_SETS][LABEL_MEMO_WAYS];
} memo_table;

/* Where memo_store() writes an answer memo_find() did not know (entry NULL:
 * nowhere). */
typedef struct {
    label_memo *entry;
    memo_tags *tags;
    unsigned way;
} memo_fill;

/* Each thread's memo is mapped at its first label, its pages populated in
 * that one call (faulted in one by one, each looked up before it is
 * written, a page cost two faults), and unmapped as the thread ends.  (As
 * static thread-local storage, then 512 KB, the C library zeroed it whole for
 * every thread as it was created, in the thread creating it, and the main
 * thread's as the program started: some 130 page faults, ~2 ms on the
 * machine measured, each time, whether the thread read a label or not.) */
static __thread memo_table *label_memo_tab;
static pthread_key_t memo_key;
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;

static void memo_unmap(void *m)
{
    munmap(m, sizeof(memo_table));
}

static void memo_key_make(void)
{
    if (pthread_key_create(&memo_key, memo_unmap) != 0)
        abort();
}

/* This thread's memo, or NULL (nothing remembered) when none can be mapped. */
static memo_table *memo_get(void)
{
    memo_table *m = label_memo_tab;
    if (__builtin_expect(m != NULL, 1))
        return m;
    m = mmap(NULL, sizeof *m, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    pthread_once(&memo_once, memo_key_make);
    pthread_setspecific(memo_key, m);
    return label_memo_tab = m;
}

/* extract_memo_salt(): mixed into the set index (tests). */
static uint64_t memo_salt;

void extract_memo_salt(uint64_t salt)
{
    memo_salt = salt;
}

/* The remembered value for (key, text), or NULL with *fill set to the
 * entry to write (entry NULL when the text is too long to remember). */
static inline __attribute__((always_inline)) const uint64_t *memo_find(const void *key, const char *text, size_t len, memo_fill *fill)
{
    fill->entry = NULL;
    if (len >= LABEL_MEMO_TEXT)
        return NULL;
    uint64_t h = ((uint64_t)(uintptr_t)key ^ memo_salt) + len * 0x9E3779B97F4A7C15ull;
    if (len >= 8) {                    /* the first, middle and last eight bytes (overlapping when short), each
                                          multiplied apart (no product waits for another): the set index
                                          only, every entry is compared whole */
        uint64_t first, mid, last;
        memcpy(&first, text, 8);
        memcpy(&mid, text + len / 2 - 4, 8);
        memcpy(&last, text + len - 8, 8);
        h += first * 0xFF51AFD7ED558CCDull + (mid ^ 0x2545F4914F6CDD1Dull) * 0xC4CEB9FE1A85EC53ull +
             (last ^ 0x94D049BB133111EBull) * 0xBF58476D1CE4E5B9ull;
    } else {
        for (size_t i = 0; i < len; i++)
            h = (h ^ (unsigned char)text[i]) * 0xC4CEB9FE1A85EC53ull;
    }
    h ^= h >> 32;                      /* every bit of the text and the key into the top bits, the set index */
    h *= 0xD6E8FEB86659FD93ull;
    size_t at = (size_t)(h >> (64 - LABEL_MEMO_SETS_LOG2));
    memo_table *m = memo_get();
    if (!m)
        return NULL;
    memo_tags *t = &m->tags[at];
    label_memo *way = m->sets[at];
    /* an entry matches a text of its own key, length and bytes.  (Compared as
     * len + 1 bytes of the text asked about, a word inside a longer cell, "科研"
     * before " 机构", matched the entry of "科研 机构" — in the rare runs that put
     * both in one set: the text's column taken for the word's.) */
    for (int w = 0; w < LABEL_MEMO_WAYS; w++)
        if (t->key[w] == key && t->len[w] == len && !memcmp(way[w].text, text, len)) {
            t->used |= 1u << w;
            return way[w].value;
        }
    /* replaced: the first entry from `next` on not found since it was last passed
     * (a clock): a template's label, found report after report, outlives the texts
     * of one report (a converter's dump has many, each seen once) */
    unsigned next = t->next;
    while (t->used >> next & 1) {
        t->used &= ~(1u << next);
        next = (next + 1) % LABEL_MEMO_WAYS;
    }
    fill->entry = &way[next];
    fill->tags = t;
    fill->way = next;
    t->next = (next + 1) % LABEL_MEMO_WAYS;
    return NULL;
}

static void memo_store(const memo_fill *fill, const void *key, const char *text, size_t len, uint64_t value)
{
    if (!fill->entry)
        return;
    fill->tags->key[fill->way] = key;
    fill->tags->len[fill->way] = (uint32_t)len;
    fill->entry->value[0] = value;
    memcpy(fill->entry->text, text, len);   /* (text may go on past len: a word in a cell) */
}

static int general_only;                /* extract_general_only() (defined below) */

/* The template's pattern sets, each with its plain words in one word set
 * (wordset.h): most patterns are a word or a few alternative words
 * ("上年结转", "信访|举报投诉"), and a label the memo does not know was tested
 * with one search per pattern (re_find(): util_find() for one or two words,
 * the JIT for more), and for a table's rows one more per canonical label
 * (row_facts()) — some sixty searches of a short text, on converter dumps
 * whose labels are mostly new to the memo.  One wordset_find() tells them
 * all: a pattern of plain words matches exactly when one of its words occurs
 * (no option but UTF: bytes compared as they are, and valid UTF-8 matches only
 * at a character's start), a canonical label is held exactly when it occurs.
 * The other patterns, and the words that do not fit in the set, are searched
 * as before. */
typedef struct {
    const void *key;                   /* the pattern set's */
    const char *const *canon;          /* rows: the template's canonical labels (row_canon), else NULL */
    gk_wordset ws;
    uint64_t plain;                    /* bit k: pattern k is plain words, all in ws */
    uint64_t words[64];                /* pattern k's words (plain) */
    uint32_t canon_in;                 /* bit k: row k's canonical label is in ws */
    uint64_t canon_word[32];           /* ...its bit */
    int header_in;                     /* rows: every header word (header_words()) is in ws */
    uint64_t header_word[8];           /* ...the bit of each */
    uint64_t guarded;                  /* bit k: pattern k (no plain words) matches only where one of
                                          the words need[k] occurs (pattern_needs()) */
    uint64_t need[64];
    char lit[512];                     /* the needed words' bytes (ws keeps pointers) */
    size_t nlit;
} set_plan;

#define SET_PLANS 24                   /* 2 formats x 3 tables x (rows, columns) + the groups, and room */
static set_plan *SET_PLAN;
static int NSET_PLANS;
static pthread_once_t plans_once = PTHREAD_ONCE_INIT;

/* Metacharacters of a pattern (outside a class): a literal run ends before one. */
#define RE_META "\\^$.|?*+()[]{}"

/* Pattern pat's words into ws and *words, when it is plain words ("a|b"): 1;
 * 0 for any other pattern (a metacharacter but '|', an empty alternative,
 * which matches everywhere) or when ws is full. */
static int plan_words(gk_wordset *ws, const char *pat, uint64_t *words)
{
    *words = 0;
    for (const char *p = pat; *p; p++)
        if (*p != '|' && strchr(RE_META, *p))
            return 0;
    for (const char *w = pat;; w++) {
        size_t n = strcspn(w, "|");
        int at = n ? wordset_add(ws, w, n) : -1;
        if (at < 0)
            return 0;
        *words |= (uint64_t)1 << at;
        w += n;
        if (!*w)
            return 1;
    }
}

/* The end of the group or class that begins at p ('(' or '['), or NULL. */
static const char *group_end(const char *p)
{
    if (*p == '[') {
        p++;
        if (*p == '^')
            p++;
        if (*p == ']')
            p++;                       /* a ']' first is the class's own */
        for (; *p && *p != ']'; p++)
            if (*p == '\\' && !*++p)
                return NULL;
        return *p ? p : NULL;
    }
    int depth = 0;
    for (; *p; p++) {
        if (*p == '\\') {
            if (!*++p)
                return NULL;
        } else if (*p == '[') {
            if (!(p = group_end(p)))
                return NULL;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')' && --depth == 0) {
            return p;
        }
    }
    return NULL;
}

/* The literal text that every match of what begins at p begins with: characters
 * up to a metacharacter (an escaped punctuation character is itself, "\\(": "("),
 * without the last one when a quantifier follows it ("上一?年": "上").  Its bytes
 * into out (room bytes), their count; 0 when none. */
static size_t literal_run(const char *p, char *out, size_t room)
{
    size_t n = 0, last = 0;            /* last: where the last character begins in out */
    for (;;) {
        const char *c = p;
        size_t cl = 1;
        if (*p == '\\') {
            unsigned char e = (unsigned char)p[1];
            if (!e || e >= 0x80 || (e >= '0' && e <= '9') || ((e | 0x20) >= 'a' && (e | 0x20) <= 'z'))
                break;                 /* "\\d", "\\b", a back reference…: no literal */
            c = p + 1;
            p += 2;
        } else if (!*p || strchr(RE_META, *p)) {
            break;
        } else {
            while (((unsigned char)p[cl] & 0xC0) == 0x80)
                cl++;
            p += cl;
        }
        if (n + cl > room)
            return 0;
        last = n;
        memcpy(out + n, c, cl);
        n += cl;
    }
    if (n && (*p == '?' || *p == '*' || *p == '+' || *p == '{'))
        n = last;
    return n;
}

/* The words one of which occurs wherever pattern pat matches, into p's word set
 * (*need their bits): each top-level alternative's leading literal text, after a
 * '^' and lookbehinds of literal text, which match no characters ("本年新收|新收.{0,6}申请":
 * 本年新收, 新收; "^规章$|^规章\\b": 规章).  0 when an alternative has none (a group or
 * a class first) or the set is full: the pattern is searched every time. */
static int pattern_needs(set_plan *p, const char *pat, uint64_t *need)
{
    *need = 0;
    for (const char *a = pat;;) {
        if (*a == '^')
            a++;
        while (a[0] == '(' && a[1] == '?' && a[2] == '<' && (a[3] == '!' || a[3] == '=')) {
            const char *q = a + 4;     /* (?<!协助): its text, no metacharacter in it */
            while (*q && !strchr(RE_META, *q))
                q++;
            if (*q != ')')
                return 0;
            a = q + 1;
        }
        size_t n = literal_run(a, p->lit + p->nlit, sizeof p->lit - p->nlit);
        int at = n ? wordset_add(&p->ws, p->lit + p->nlit, n) : -1;
        if (at < 0)
            return 0;
        p->nlit += n;
        *need |= (uint64_t)1 << at;
        /* on to the next top-level '|' */
        const char *q = a;
        while (*q && *q != '|') {
            if (*q == '\\') {
                if (!q[1])
                    return 0;
                q += 2;
            } else if (*q == '(' || *q == '[') {
                if (!(q = group_end(q)))
                    return 0;
                q++;
            } else if (*q == ')') {
                return 0;              /* unbalanced: not told */
            } else {
                q++;
            }
        }
        if (!*q)
            return 1;
        a = q + 1;
    }
}

static void plan_set(pattern_set set, const char *const *canon, const size_t *canon_len, int ncanon)
{
    for (int i = 0; i < NSET_PLANS; i++)
        if (SET_PLAN[i].key == set.key)
            return;                    /* (a set two templates share) */
    if (NSET_PLANS == SET_PLANS)
        return;                        /* not planned: searched as before */
    set_plan *p = &SET_PLAN[NSET_PLANS++];
    p->key = set.key;
    p->canon = canon;
    wordset_init(&p->ws);
    for (int k = 0; k < set.n && k < 64; k++)
        if (plan_words(&p->ws, set.pattern(set.key, k), &p->words[k]))
            p->plain |= (uint64_t)1 << k;
        else if (pattern_needs(p, set.pattern(set.key, k), &p->need[k]))
            p->guarded |= (uint64_t)1 << k;
    for (int k = 0; k < ncanon && k < 32; k++) {
        int at = canon_len[k] ? wordset_add(&p->ws, canon[k], canon_len[k]) : -1;
        if (at >= 0) {
            p->canon_in |= (uint32_t)1 << k;
            p->canon_word[k] = (uint64_t)1 << at;
        }
    }
    p->header_in = canon != NULL;
    for (int k = 0; p->header_in && GK_HEADER_WORDS[k]; k++) {   /* (header_words()'s) */
        int at = k < 8 ? wordset_add(&p->ws, GK_HEADER_WORDS[k], strlen(GK_HEADER_WORDS[k])) : -1;
        if (at < 0)
            p->header_in = 0;
        else
            p->header_word[k] = (uint64_t)1 << at;
    }
}

static void build_plans(void)
{
    SET_PLAN = xcalloc(SET_PLANS, sizeof *SET_PLAN);
    const gk_template *tpls[2] = {template_get(GK_FMT_2021), template_get(GK_FMT_2019)};
    for (int f = 0; f < 2; f++)
        for (int table = 2; table <= 4; table++) {
            const gk_template *tpl = tpls[f];
            const gk_table_def *td = template_table(tpl, table);
            plan_set(rows_of(td), (const char *const *)tpl->row_canon[table - 2], tpl->row_canon_len[table - 2],
                     td->nrows);
            plan_set((pattern_set){tpl->col[table - 2], tpl->ncol[table - 2], col_pattern}, NULL, NULL, 0);
        }
    int ng;
    const gk_group_def *gd = template_groups(&ng);
    plan_set((pattern_set){gd, ng, group_pattern}, NULL, NULL, 0);
}

/* The plan of the set with this key, NULL when there is none (or the
 * shortcuts are off). */
static const set_plan *plan_of(const void *key)
{
    if (general_only)
        return NULL;
    pthread_once(&plans_once, build_plans);
    for (int i = 0; i < NSET_PLANS; i++)
        if (SET_PLAN[i].key == key)
            return &SET_PLAN[i];
    return NULL;
}

/* Which patterns of the set match label[0..n): those of plain words by the
 * words found (`found`, of plan p), the others each searched. */
static uint64_t planned_patterns(pattern_set set, const set_plan *p, uint64_t found, const char *label, size_t n)
{
    uint64_t mask = 0;
    for (int k = 0; k < set.n && k < 64; k++) {
        uint64_t bit = (uint64_t)1 << k;
        if (p && (p->plain & bit) ? (found & p->words[k]) != 0
            : p && (p->guarded & bit) && !(found & p->need[k])
                ? 0                    /* none of the words its matches begin with */
                : re_find(set.pattern(set.key, k), label, n, 0, NULL, 0))
            mask |= bit;
    }
    return mask;
}

/* Which patterns of the set match `label`. */
static uint64_t test_patterns(pattern_set set, const char *label)
{
    size_t n = strlen(label);          /* re_test()'s, taken once for all the patterns */
    const set_plan *p = plan_of(set.key);
    return planned_patterns(set, p, p ? wordset_find(&p->ws, label, n) : 0, label, n);
}

static uint64_t match_mask(pattern_set set, const char *label, size_t len)
{
    memo_fill fill;
    const uint64_t *known = memo_find(set.key, label, len, &fill);
    if (known)
        return *known;
    uint64_t mask = test_patterns(set, label);
    memo_store(&fill, set.key, label, len, mask);
    return mask;
}

/* The first pattern at or after `from` that matches, or -1. */
static int first_match(uint64_t mask, int from)
{
    if (from >= 64)
        return -1;
    mask &= ~(uint64_t)0 << from;
    return mask ? __builtin_ctzll(mask) : -1;
}

/* Header cells longer than this (bytes) are not column labels. */
#define HEADER_CELL_MAX 90

/* Which column of `table` a header cell's text (n <= HEADER_CELL_MAX
 * bytes) names: k + 1 for column k, 0 for none, with COL_VARIANT added
 * when the text without spaces does not hold the column's canonical
 * label.  Header cells repeat from report to report: the answer is
 * remembered by the cell's own text. */
#define COL_VARIANT 0x100

/* The column (0-based) a column_named() answer names, -1 for none. */
static inline int column_index(uint64_t named)
{
    return (int)(named & ~(uint64_t)COL_VARIANT) - 1;
}

static uint64_t column_named(const gk_template *tpl, int table, const char *text, size_t n)
{
    const void *key = tpl->col_canon[table - 2];   /* not a pattern set's key: another question */
    memo_fill fill;
    const uint64_t *known = memo_find(key, text, n, &fill);
    if (known)
        return *known;
    char cell[HEADER_CELL_MAX + 1];
    size_t len = squeeze_copy(cell, text, n);
    const pattern_set cols = {tpl->col[table - 2], tpl->ncol[table - 2], col_pattern};
    int k = first_match(match_mask(cols, cell, len), 0);
    uint64_t named = 0;
    if (k >= 0) {
        const char *canon = tpl->col_canon[table - 2][k];
        size_t cn = tpl->col_canon_len[table - 2][k];
        named = (uint64_t)k + 1 + (util_find(cell, len, canon, cn) ? 0 : COL_VARIANT);
    }
    memo_store(&fill, key, text, n, named);
    return named;
}

/* re_test() of section k's heading pattern on the line s, remembered in
 * the label memo by the line's text (a pure function of it; keyed by the
 * section's definition, no pattern set's key): headings repeat the
 * template's words in nearly every report. */
static int heading_test(int k, const char *s)
{
    size_t len = strlen(s);
    const void *key = section(k);
    memo_fill fill;
    const uint64_t *known = memo_find(key, s, len, &fill);
    if (known)
        return (int)*known;
    int hit = re_test(section(k)->pattern, s);
    memo_store(&fill, key, s, len, (uint64_t)hit);
    return hit;
}

/* ---- format detection ------------------------------------------------------------- */

/* A pattern whose matches count_hits() counts. */
typedef struct {
    const char *pat;
    int hits;
} hit_count;

/* The need words of detect_format()'s table 2 header patterns, all looked
 * for in one pass over a line (wordset.h); bit w of DETECT_NEEDS[p]:
 * pattern p needs word w, 0: no test (no words, or one that does not fit
 * the set: tested on every line).  Built once. */
static gk_wordset DETECT_WORDS;
static uint64_t DETECT_NEEDS[2];
static int DETECT_CHARS;               /* each word one character: found alike in a line and its squeezed copy */
static pthread_once_t detect_once = PTHREAD_ONCE_INIT;

/* 1 when w[0..n) is one character that squeeze_copy() neither drops (a
 * blank) nor splits (a blank inside a word of two characters or more) nor
 * makes or unmakes (synonyms()): a line holds it iff its squeezed copy does. */
static int squeeze_keeps(const char *w, size_t n)
{
    unsigned char c = (unsigned char)w[0];
    size_t clen = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (n != clen || c == ' ' || c == '\t')
        return 0;
    for (const char *p = SYNONYM_CHARS; *p; p += 3)
        if (n == 3 && !memcmp(w, p, 3))
            return 0;
    return 1;
}

static void build_detect_words(void)
{
    const char *const *need[2] = {GK_DETECT_2021_NEED, GK_DETECT_2019_NEED};
    wordset_init(&DETECT_WORDS);
    DETECT_CHARS = 1;
    for (int p = 0; p < 2; p++)
        for (int k = 0; need[p][k]; k++) {
            DETECT_CHARS &= need[p][k][0] && squeeze_keeps(need[p][k], strlen(need[p][k]));
            int at = wordset_add(&DETECT_WORDS, need[p][k], strlen(need[p][k]));
            if (at < 0) {              /* an empty word (found on every line), or no room */
                DETECT_NEEDS[p] = 0;
                break;
            }
            DETECT_NEEDS[p] |= (uint64_t)1 << at;
        }
}

/* How many times pattern pat matches in s[0..len), each match after the
 * one before (an empty match moves on one byte). */
static int count_matches(const char *pat, const char *s, size_t len)
{
    int n = 0;
    re_span m[1];
    for (size_t off = 0; re_find(pat, s, len, off, m, 1); off = m[0].end > off ? m[0].end : off + 1)
        n++;
    return n;
}

/* Counts each pattern's matches in lines [from, to).  A pattern p with
 * needs[p] (words of ws) is tried only on the lines holding one of them;
 * ws NULL: every pattern on every line.  ws_chars: each word of ws is
 * one character that squeeze_keeps(), looked for in the line as it is, so
 * that a line where no pattern is tried is not squeezed.  Header lines
 * repeat from report to report: each line's count is remembered like a
 * label's. */
static void count_hits(const gk_report *r, hit_count *pats, int npats, size_t from, size_t to,
                       const gk_wordset *ws, const uint64_t *needs, int ws_chars)
{
    for (int p = 0; p < npats; p++)
        pats[p].hits = 0;
    char line[512];
    for (size_t i = from; i < to && i < r->text->nlines; i++) {
        const gk_line *l = &r->text->norm[i];
        uint64_t held = 0;             /* the set's words on this line */
        if (ws && ws_chars) {
            held = wordset_find(ws, l->s, l->len);
            int tried = 0;
            for (int p = 0; p < npats && !tried; p++)
                tried = !needs[p] || (held & needs[p]);
            if (!tried)
                continue;
        }
        /* the line without its spaces and tabs: a header word broken by a space
         * ("政府 集中采购": a <br> in its cell, a PDF's wrap) is the word */
        const char *s = l->s;
        size_t n = l->len;
        if (n < sizeof line) {
            n = squeeze_copy(line, s, n);
            s = line;
        }
        if (ws && !ws_chars)
            held = wordset_find(ws, s, n);
        for (int p = 0; p < npats; p++) {
            if (ws && needs[p] && !(held & needs[p]))
                continue;
            memo_fill fill;
            const uint64_t *known = memo_find(pats[p].pat, s, n, &fill);
            if (known) {
                pats[p].hits += (int)*known;
                continue;
            }
            int here = count_matches(pats[p].pat, s, n);
            memo_store(&fill, pats[p].pat, s, n, (uint64_t)here);
            pats[p].hits += here;
        }
    }
}

/* The line of the last section heading found (1-based), 0 when none. */
static int last_heading_line(const gk_report *r)
{
    int last = 0;
    for (int k = 0; k < GK_NSECTIONS; k++)
        if (r->section_line[k] > last)
            last = r->section_line[k];
    return last;
}

/* count_hits() over the cells of lines [from, to) read as a table
 * (grid.c): for header words wrapped over several lines inside their
 * cells, as tables drawn with borders have them ("上一年项" above "目数量"),
 * which grid_build() joins again. */
static void count_cell_hits(const gk_report *r, hit_count *pats, int npats, size_t from, size_t to)
{
    grid *g = grid_build(r->text, from, to);
    for (int i = 0; i < g->nrows; i++)
        for (int j = 0; j < g->rows[i].ncells; j++) {
            const char *s = g->rows[i].cells[j].text;
            size_t len = strlen(s);
            for (int p = 0; p < npats; p++)
                pats[p].hits += count_matches(pats[p].pat, s, len);
        }
    grid_free(g);
}

static gk_format detect_format(const gk_report *r)
{
    size_t from, to, from3, to3;
    section_range(r, template_table_shape(2)->section, &from, &to);
    section_range(r, template_table_shape(3)->section, &from3, &to3);
    pthread_once(&detect_once, build_detect_words);
    hit_count headers[2] = {{GK_DETECT_2021, 0}, {GK_DETECT_2019, 0}};
    count_hits(r, headers, 2, from, to, &DETECT_WORDS, DETECT_NEEDS, DETECT_CHARS);
    hit_count other = {GK_DETECT_2021_T3, 0};
    if (headers[0].hits == 0 && headers[1].hits == 0)   /* no table 2 headers: table 3's 其他处理 rows tell */
        count_hits(r, &other, 1, from3, to3, NULL, NULL, 0);
    if (headers[0].hits == 0 && headers[1].hits == 0 && other.hits == 0) {
        count_cell_hits(r, headers, 2, from, to);        /* none on a line: perhaps wrapped in cells */
        if (headers[0].hits == 0 && headers[1].hits == 0)
            count_cell_hits(r, &other, 1, from3, to3);
    }
    if (headers[0].hits == 0 && headers[1].hits == 0 && other.hits == 0) {
        /* none in their sections: the tables gathered after the text (tables_apart())? */
        size_t last = (size_t)last_heading_line(r);
        if (last > to3) {
            count_hits(r, headers, 2, last, r->text->nlines, &DETECT_WORDS, DETECT_NEEDS, DETECT_CHARS);
            if (headers[0].hits == 0 && headers[1].hits == 0)
                count_hits(r, &other, 1, last, r->text->nlines, NULL, NULL, 0);
        }
    }
    int a = headers[0].hits + other.hits, b = headers[1].hits;
    if (b > a)
        return GK_FMT_2019;
    if (a > 0 && a < 3 && template_year_format(r->year) == GK_FMT_2019 && !other.hits) {
        /* a report on 2019 or 2020 (the 2019 format's years) with only a word or two
           of the 2021 headers: a header mangled into another's words ("上一…" +
           "本年…" + "处理决定数量"), unless table 3's 其他处理 rows are 2021's */
        count_hits(r, &other, 1, from3, to3, NULL, NULL, 0);
        if (!other.hits)
            return b ? GK_FMT_2019 : GK_FMT_UNKNOWN;   /* unknown: the year's template */
    }
    if (a > 0)
        return GK_FMT_2021;
    return GK_FMT_UNKNOWN;
}

/* Words of table 3's column headers (the template's): a label naming two of them is a header row. */
#define HEADER_WORDS GK_HEADER_WORDS

/* Which header words a label (its text without spaces) holds: bit k for
 * HEADER_WORDS[k] (plain words: found as they are). */
static unsigned header_words(const char *label, size_t len)
{
    unsigned mask = 0;
    for (size_t k = 0; HEADER_WORDS[k]; k++)
        if (util_find(label, len, HEADER_WORDS[k], strlen(HEADER_WORDS[k])))
            mask |= 1u << k;
    return mask;
}

/* 1 when a label (its text without spaces) ends with the beginning of a
 * header word, which the next label cell could complete. */
static unsigned char HW_FIRST[256];    /* bit k: header word k begins with this byte */
static size_t HW_LEN[8], HW_MAXLEN;
static int HW_N;                       /* the header words; more than 8: HW_FIRST not used */
static pthread_once_t hw_once = PTHREAD_ONCE_INIT;

static void build_header_firsts(void)
{
    while (HEADER_WORDS[HW_N])
        HW_N++;
    for (int k = 0; k < HW_N && HW_N <= 8; k++) {
        HW_LEN[k] = strlen(HEADER_WORDS[k]);
        HW_MAXLEN = HW_LEN[k] > HW_MAXLEN ? HW_LEN[k] : HW_MAXLEN;
        HW_FIRST[(unsigned char)HEADER_WORDS[k][0]] |= (unsigned char)(1u << k);
    }
}

/* ends_in_header_word() a word at a time (the tests' reference, and for more words than 8). */
static int ends_in_header_word_each(const char *label, size_t len)
{
    for (size_t k = 0; HEADER_WORDS[k]; k++) {
        const char *w = HEADER_WORDS[k];
        size_t wl = strlen(w);
        for (size_t p = 1; p < wl && p <= len; p++)   /* (the first byte before the call: few are alike) */
            if (label[len - p] == w[0] && !memcmp(label + len - p, w, p))
                return 1;
    }
    return 0;
}

static int ends_in_header_word(const char *label, size_t len)
{
    pthread_once(&hw_once, build_header_firsts);
    if (HW_N <= 8 && HW_MAXLEN && !general_only) {
        /* the bytes a header word's beginning may start at (the last HW_MAXLEN - 1),
         * each looked up once for the words that begin with it */
        for (size_t q = len > HW_MAXLEN - 1 ? len - (HW_MAXLEN - 1) : 0; q < len; q++)
            for (unsigned m = HW_FIRST[(unsigned char)label[q]]; m; m &= m - 1) {
                int k = __builtin_ctz(m);
                if (len - q < HW_LEN[k] && !memcmp(label + q, HEADER_WORDS[k], len - q))
                    return 1;
            }
        return 0;
    }
    return ends_in_header_word_each(label, len);
}

/* What a row's label (its text without spaces) tells of a table's rows:
 * bit k when row k's pattern matches it, ROW_HOLDS_CANON(k) when it holds
 * row k's canonical label (else a variant worth a note), ROW_HEADER when
 * it names two column header words or more (table 3's header rows).  A
 * table has at most 31 rows (test_template checks).  Labels repeat from
 * report to report: the answer is remembered by the label's own text, so
 * a repeated label costs one lookup for all three questions. */
#define ROW_HOLDS_CANON(k) ((uint64_t)1 << (32 + (k)))
#define ROW_HEADER ((uint64_t)1 << 31)
#define ROW_MATCHES 0x7FFFFFFFull

/* row_facts() when the memo does not know the label. */
static uint64_t row_facts_of(const gk_template *tpl, int table, const char *label, size_t len)
{
    const gk_table_def *td = template_table(tpl, table);
    /* one word set pass for the plain patterns and the canonical labels (set_plan):
     * for this template's rows, and a label of no NUL before len (the patterns
     * are tested on label[0..strlen)) */
    const set_plan *p = plan_of(td);
    if (p && (p->canon != (const char *const *)tpl->row_canon[table - 2] || strlen(label) != len))
        p = NULL;
    uint64_t found = p ? wordset_find(&p->ws, label, len) : 0;
    uint64_t facts = (p ? planned_patterns(rows_of(td), p, found, label, len) : test_patterns(rows_of(td), label)) &
                     ROW_MATCHES;
    for (int k = 0; k < td->nrows && k < 31; k++) {
        if (p && (p->canon_in >> k & 1)) {
            if (found & p->canon_word[k])
                facts |= ROW_HOLDS_CANON(k);
            continue;
        }
        const char *canon = tpl->row_canon[table - 2][k];
        size_t cl = tpl->row_canon_len[table - 2][k];
        if (cl <= len && util_find(label, len, canon, cl))   /* (longer: util_find() finds nothing) */
            facts |= ROW_HOLDS_CANON(k);
    }
    unsigned mask = 0;
    if (p && p->header_in) {
        for (int k = 0; HEADER_WORDS[k]; k++)
            if (found & p->header_word[k])
                mask |= 1u << k;
    } else {
        mask = header_words(label, len);
    }
    if (mask & (mask - 1))             /* two words or more */
        facts |= ROW_HEADER;
    return facts;
}

static uint64_t row_facts(const gk_template *tpl, int table, const char *label, size_t len)
{
    if (!len)
        return 0;                      /* no label: no row, no header */
    const void *key = tpl->row_canon[table - 2];   /* not a pattern set's key: another question */
    memo_fill fill;
    const uint64_t *known = memo_find(key, label, len, &fill);
    if (known)
        return *known;
    uint64_t facts = row_facts_of(tpl, table, label, len);
    memo_store(&fill, key, label, len, facts);
    return facts;
}

uint64_t extract_label_facts(const gk_template *tpl, int table, const char *label, int what, int general)
{
    int was = general_only;
    general_only = general;
    uint64_t v;
    if (what == 0) {
        v = *label ? row_facts_of(tpl, table, label, strlen(label)) : 0;
    } else if (what == 1) {
        v = test_patterns((pattern_set){tpl->col[table - 2], tpl->ncol[table - 2], col_pattern}, label);
    } else if (what == 3) {
        v = (uint64_t)ends_in_header_word(label, strlen(label));
    } else {
        int ng;
        const gk_group_def *gd = template_groups(&ng);
        v = test_patterns((pattern_set){gd, ng, group_pattern}, label);
    }
    general_only = was;
    return v;
}

/* The note for a row whose label (`text`, as read) does not hold its
 * canonical label. */
static void note_label_variant(gk_report *r, int table, int rowidx, const char *text, int line)
{
    char *label = extract_squeeze(text);
    note_row(r, "STRUCT.LABEL_VARIANT", table, rowidx, line,
             xasprintf("行标签「%s」与模板「%s」不一致", label, template_table(r->tpl, table)->rows[rowidx].label));
    free(label);
}

/* ---- tables: one stream of tokens, rows placed by place.c ------------------------------- */

static int group_of_label(const char *label, size_t len)
{
    int ng;
    const gk_group_def *gd = template_groups(&ng);
    uint64_t mask = match_mask((pattern_set){gd, ng, group_pattern}, label, len) & ~(uint64_t)1;
    return highest_bit(mask);          /* most specific first; "result" (0) is the heading */
}

static int first_row_of_group(const gk_table_def *td, const char *key)
{
    for (int j = 0; j < td->nrows; j++)
        if (td->rows[j].group && strcmp(td->rows[j].group, key) == 0)
            return j;
    return -1;
}

/* Prose inside a table's section: a sentence, not a cell. */
static int is_prose(const char *text, size_t n)
{
    return n > 240 || util_find(text, n, "。", 3) != NULL;
}

/* A token's unit: its grid row and the part of it (row_tokens()). */
#define UNIT_SEGS 8
#define UNIT(row, seg) ((row) * UNIT_SEGS + (seg))
#define UNIT_ROW(unit) ((unit) / UNIT_SEGS)

/* The tokens of a table, with what each came from. */
typedef struct {
    place_tok *tok;
    const grid_cell **cell;            /* the cell of each token (NULL: none) */
    const char **text;                 /* each token's text: its cell's, or a vertical label's */
    uint32_t *canon;                   /* a label token's rows whose canonical label it holds (set for labels only) */
    char *lost;                        /* per grid row: 1, a lost label was written as a number; 2, it holds
                                          cells too many (long_row()); 4, its reading is in doubt, 8 to be
                                          checked (table_empties()); 16, its numbers run one cell past the
                                          whole rows with its label columns (stray_after_empty()) */
    int long_rows;                     /* how many rows hold cells too many (lost 2) */
    int doubt_rows;                    /* how many rows the equations must confirm (lost 4: table_empties()) */
    int glued;                         /* how many numbers were glued to a label (unusual_label()) */
    int nafter_words;                  /* of them, those after words of no row (glued_after_words()): */
    int after_words[4];                /* their tokens, read as missing */
    uint32_t doubt_named;              /* template rows so named with several cells (or when more than
                                          after_words holds): in doubt, whatever their tokens' rows */
    int lone_marks;                    /* a cell holds a numbering mark alone (item_number_taken()) */
    int cut_rows;                      /* rows end in U+FFFD alone (a PDF's table cut at its page's
                                          edge: cut_cell_beyond(), cut_cells_past()) */
    int n, cap;
    struct row_cells *rows;            /* per grid row: its cells classified (tokenize()); the block
                                          holding everything here */
    size_t block_size;                 /* that block's (spare_block_take()) */
} tokens;

static void tokens_free(tokens *ts)
{
    spare_block_give(SPARE_TOKENS, ts->rows, ts->block_size);   /* the block (tokens_init()) */
}

static inline __attribute__((always_inline)) void tok_add(tokens *ts, place_kind kind, uint32_t rows, uint32_t firsts, int unit, const grid_cell *c)
{
    int n = ts->n;                     /* read before the stores (an int of a token could be ts->n) */
    place_tok *tok = ts->tok;
    assert(n < ts->cap);
    ts->text[n] = c->text;
    ts->cell[n] = c;
    ts->n = n + 1;
    tok[n] = (place_tok){.rows = rows, .firsts = firsts, .unit = unit, .kind = (uint8_t)kind};
}

/* What a label cell of a table says (label_names()).  Sixteen bytes: the
 * label memo keeps it as it is, in its two words. */
typedef struct {
    uint32_t rows;                     /* the rows whose pattern matches it */
    uint32_t firsts;                   /* rows first in a group it names (table 3, when no row matches) */
    uint32_t canon;                    /* of `rows`, those whose canonical label it holds */
    uint16_t column;                   /* column_named() (0 when longer than a header cell): at most
                                          COL_VARIANT + the columns */
    uint8_t words;                     /* header_words(): a bit per header word, fewer than 8 */
    uint8_t header : 1;                /* it names two header words: alone, it makes its row a header */
    uint8_t unusual : 1;               /* prose, or numbers glued to its end: looked at again */
    uint8_t runs_on : 1;               /* ends_in_header_word() */
    uint8_t foreign : 1;               /* names a row of another table and nothing of this one: a stray's
                                          label (drop_strays()) */
} label_info;

_Static_assert(sizeof(label_info) == 2 * sizeof(uint64_t), "a label_info fills a memo's value");

static inline __attribute__((always_inline)) void tok_label(tokens *ts, const label_info *li, int unit,
                                                          const grid_cell *c)
{
    tok_add(ts, PT_LABEL, li->rows, li->firsts, unit, c);
    ts->canon[ts->n - 1] = li->canon;
    ts->tok[ts->n - 1].foreign = li->canon ? PT_WHOLE : 0;
}

/* A cell of one character that is no digit: part of a label printed one
 * character per line ("三\n、\n本\n年\n度…"), or nothing.  A Chinese zero
 * alone (〇, 零) is a number the grid read (NUM_VALUE): cells a line, three
 * of them on consecutive lines are a row's zeros, not a label "零零零". */
static int lone_char(const grid_cell *c)
{
    const char *t = c->text;
    return (unsigned char)t[0] >= 0xE0 && t[1] && t[2] && !t[3] && c->num != NUM_VALUE;
}

/* The length of the run of lone characters on consecutive lines that
 * starts at cell j: a vertical label when it is 3 or longer and holds at
 * least two characters that are no blank marker ("无", "—"); else 0. */
static int vertical_run(const grid_row *row, int j, int ncells)
{
    int k = j, words = 0;
    while (k < ncells && lone_char(&row->cells[k]) && (k == j || row->cells[k].line == row->cells[k - 1].line + 1))
        words += row->cells[k++].num != NUM_BLANK;
    return k - j >= 3 && words >= 2 ? k - j : 0;
}

/* A vertical label whose number is in digits ("6\n、\n其\n他\n处\n理"): its
 * length from cell j (the number), or 0. */
static int numbered_vertical_run(const grid_row *row, int j, int ncells)
{
    const char *t = row->cells[j].text;
    /* one or two digits and nothing else (no strlen()/strspn() of a long label) */
    if (t[0] < '0' || t[0] > '9' || (t[1] && (t[1] < '0' || t[1] > '9' || t[2])) || j + 2 >= ncells)
        return 0;
    const grid_cell *p = &row->cells[j + 1];
    if (p->line != row->cells[j].line + 1 || row->cells[j + 2].line != p->line + 1)
        return 0;
    /* the mark after the number: "、", ".", ")", "．" or "）" and nothing else */
    const char *m = p->text;
    int punct = m[0] && !m[1] ? m[0] == '.' || m[0] == ')'
                              : m[0] && m[1] && m[2] && !m[3] &&
                                    (!memcmp(m, "、", 3) || !memcmp(m, "．", 3) || !memcmp(m, "）", 3));
    int run = punct ? vertical_run(row, j + 2, ncells) : 0;
    return run ? run + 2 : 0;
}

/* What each cell of a table row holds. */
enum { C_EMPTY, C_VALUE, C_DAMAGED, C_LABEL, C_OTHER };

/* Label positions usual_edge() keeps the furthest number of. */
#define EDGE_LABS 8

/* A grid row's first cells (at most 64) as tokenize() sees them. */
typedef struct row_cells {
    unsigned char *cls;                /* the class of each */
    uint16_t *column;                  /* a label cell's column_named() */
    int ncells;
    int nv, last;                      /* how many hold a value; the last one (-1: none) */
    uint64_t labels;                   /* bit j: cell j is C_LABEL */
    uint64_t numbers;                  /* bit j: cell j is C_VALUE or C_DAMAGED */
    uint64_t empties;                  /* bit j: cell j is C_EMPTY */
} row_cells;

/* The usual index of the last number in an explicit row: empty cells up to
 * it are cells of the table, empty cells past it are not. */
/* Where a row's label cells end: the last label cell before its first number
 * (-1: none). */
static int label_end(const row_cells *rc)
{
    uint64_t before = rc->labels;
    if (rc->numbers)                   /* the label cells before the first number */
        before &= ((uint64_t)1 << __builtin_ctzll(rc->numbers)) - 1;
    return highest_bit(before);
}

/* Widths whose rows' usual edge usual_edge() keeps apart in a table whose rows
 * are not all as wide. */
#define EDGE_WIDTHS 8

static int usual_edge(const grid *g, const row_cells *rc, int wide, int *lab_edge, int *lab_full, int *width_edge)
{
    int counts[64] = {0}, best = -1, top = -1;   /* top: the last index counted */
    /* a table whose rows are not all as wide (table 2: 规章 three numbers, 行政许可
     * one): where the rows holding w numbers end, for each w, most of them */
    unsigned char by_width[EDGE_WIDTHS][64];
    if (!wide)
        memset(by_width, 0, sizeof by_width);
    /* per label column, the columns its whole rows end in (up to FULL_ENDS of them) and
     * how many end in each */
    enum { FULL_ENDS = 4 };
    struct {
        signed char end[FULL_ENDS];
        unsigned char n[FULL_ENDS], ends;
    } full[EDGE_LABS];
    int whole[EDGE_LABS];              /* the whole rows of each label column */
    for (int k = 0; k < EDGE_LABS; k++)
        lab_edge[k] = INT_MAX, lab_full[k] = -1, whole[k] = 0, full[k].ends = 0;
    for (int i = 0; i < g->nrows; i++) {
        const grid_row *row = &g->rows[i];
        int last = rc[i].numbers ? highest_bit(rc[i].numbers) : rc[i].last;   /* a damaged number holds its
                                                                          cell ("Q" for a 0) */
        for (int j = rc[i].ncells; j < row->ncells; j++)   /* past the cells classified: seldom */
            if (is_value_cell(&row->cells[j]))
                last = j;
        if (row->explicit && last >= 0 && last < 64) {
            counts[last]++;
            if (last > top)
                top = last;
            if (!wide && rc[i].nv > 0 && rc[i].nv < EDGE_WIDTHS && by_width[rc[i].nv][last] < 255)
                by_width[rc[i].nv][last]++;
        }
        int lab = label_end(&rc[i]);
        if (row->explicit && last > lab && lab >= 0 && lab < EDGE_LABS &&
            (lab_edge[lab] == INT_MAX || last > lab_edge[lab]))
            lab_edge[lab] = last;
        /* a whole row (every column a number, no label among them: not two rows on
         * one line) counts towards where the rows with its label columns end */
        if (row->explicit && wide > 0 && rc[i].nv == wide && last > lab && lab >= 0 && lab < EDGE_LABS &&
            last < 64 && !(rc[i].labels >> __builtin_ctzll(rc[i].numbers))) {
            int e = 0;
            while (e < full[lab].ends && full[lab].end[e] != last)
                e++;
            if (e == full[lab].ends && e < FULL_ENDS)
                full[lab].end[e] = (signed char)last, full[lab].n[e] = 0, full[lab].ends++;
            if (e < FULL_ENDS && full[lab].n[e] < 255)
                full[lab].n[e]++;
            whole[lab]++;
        }
    }
    for (int k = 0; k <= top; k++)
        if (counts[k] && (best < 0 || counts[k] >= counts[best]))
            best = k;
    for (int w = 0; w < EDGE_WIDTHS; w++) {
        width_edge[w] = -1;
        for (int k = 0; k <= top && !wide && w; k++)
            if (by_width[w][k] && (width_edge[w] < 0 || by_width[w][k] >= by_width[w][width_edge[w]]))
                width_edge[w] = k;
    }
    /* the column more than half of the whole rows end in */
    for (int k = 0; k < EDGE_LABS; k++) {
        int win = -1, most = 0;
        for (int e = 0; e < full[k].ends; e++)
            if (full[k].n[e] > most)
                most = full[k].n[e], win = full[k].end[e];
        if (win >= 0 && 2 * most > whole[k])
            lab_full[k] = win;
    }
    return best;
}

/* The length of the unit or mark a number may carry ("件", "项", "（件）", "*",
 * "※", ①..⑩: grid.c's UNITS) that ends s[0..e), or 0. */
static size_t mark_before(const char *s, size_t e)
{
    const unsigned char *u = (const unsigned char *)s;
    if (e >= 1 && u[e - 1] == '*')
        return 1;
    if (e >= 9 && !memcmp(s + e - 9, "（件）", 9))
        return 9;
    if (e >= 3 && (!memcmp(s + e - 3, "件", 3) || !memcmp(s + e - 3, "项", 3) || !memcmp(s + e - 3, "※", 3) ||
                   (u[e - 3] == 0xE2 && u[e - 2] == 0x91 && u[e - 1] >= 0xA0 && u[e - 1] <= 0xA9)))
        return 3;
    return 0;
}

/* The length of the run of number characters (digits, signs, points,
 * commas, blank markers / and —; ASCII or full-width), with the units or marks
 * numbers carry after them (mark_before()), that ends a label cell right after a
 * character that is not ASCII or a closing bracket or quote ("规范性文件3321", "行政强制6-12",
 * "行政事业性收费１.２５", "禁止公开1件0件0①"), or after a space there when the run is
 * no number ("情形) 0—900413"): numbers that lost their separators and were glued to
 * the label; 0 when none.  The run starts with no mark. */
static size_t glued_digits(const char *s, size_t n)
{
    size_t d = 0, run = 0;
    int digits = 0;
    while (d < n) {
        unsigned char c = (unsigned char)s[n - 1 - d];
        size_t m = mark_before(s, n - d);
        if (m) {
            d += m;                    /* a unit or mark after a number: not the run's start */
            continue;
        }
        run = d;
        if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '+' || c == '-' || c == '/') {
            digits += c >= '0' && c <= '9';
            d++;
        } else if (d + 3 <= n && c == 0x94 && (unsigned char)s[n - 3 - d] == 0xE2 && (unsigned char)s[n - 2 - d] == 0x80) {
            d += 3;                    /* — (a blank marker) */
        } else if (d + 3 <= n && (unsigned char)s[n - 3 - d] == 0xEF && (unsigned char)s[n - 2 - d] == 0xBC &&
                   ((c >= 0x90 && c <= 0x99) || (c >= 0x8B && c <= 0x8E))) {
            digits += c >= 0x90;       /* ０-９ ＋ ， － ． */
            d += 3;
        } else {
            break;
        }
        run = d;
    }
    d = run;
    unsigned char before = d < n ? (unsigned char)s[n - 1 - d] : 0;
    if (before == ' ' && d + 1 < n && digits >= 2) {
        /* after a space, a run that is no number ("情形) 0—900413": a blank marker
         * among the digits): numbers that lost their separators all the same */
        double v;
        int ii;
        char tail[64];
        unsigned char b2 = (unsigned char)s[n - 2 - d];
        if (d < sizeof tail && (b2 >= 0x80 || b2 == ')' || b2 == ']' || b2 == '"')) {
            memcpy(tail, s + n - d, d);
            tail[d] = '\0';
            if (num_parse(tail, &v, &ii) == NUM_NONE)
                return d;
        }
    }
    return digits && (before >= 0x80 || before == ')' || before == ']' || before == '"') ? d : 0;
}

/* The length of the item number a label starts with ("1)", "(1)", "1、", "一、",
 * "（一）", "①"), or 0. */
static size_t numbering_prefix(const char *s, size_t len)
{
    static const char *const CN = "一二三四五六七八九十";
    size_t p = 0;
    int open = 0;
    if (p < len && s[p] == '(')
        p++, open = 1;
    else if (len - p >= 3 && !memcmp(s + p, "（", 3))
        p += 3, open = 1;
    const unsigned char *u = (const unsigned char *)s;
    if (!open && len - p >= 3 && u[p] == 0xE2 && u[p + 1] == 0x91 && u[p + 2] >= 0xA0 && u[p + 2] <= 0xA9)
        return p + 3;                  /* ①..⑩ */
    size_t digits = 0;
    while (p < len && digits < 2) {
        if (s[p] >= '0' && s[p] <= '9')
            p++;
        else if (len - p >= 3 && memmem(CN, strlen(CN), s + p, 3) && ((size_t)((const char *)memmem(CN, strlen(CN), s + p, 3) - CN)) % 3 == 0)
            p += 3;
        else
            break;
        digits++;
    }
    if (!digits)
        return 0;
    if (p < len && (s[p] == ')' || s[p] == '.'))
        p++;
    else if (len - p >= 3 && (!memcmp(s + p, "）", 3) || !memcmp(s + p, "、", 3) || !memcmp(s + p, "．", 3)))
        p += 3;
    else
        return 0;
    return p;
}

/* The number of the item number a label starts with ("(七)" 7, "3." 3, "二、" 2)
 * and its style in *style (brackets or not, Chinese numerals or digits, the mark
 * after it: "5." and "1、" are of two levels); 0 when none. */
static int item_ordinal(const char *s, size_t len, int *style)
{
    static const char *const CN = "一二三四五六七八九十";
    size_t p = numbering_prefix(s, len);
    if (!p)
        return 0;
    int bracket = s[0] == '(' || (len >= 3 && !memcmp(s, "（", 3)), value = 0, cn = 0;
    size_t i = s[0] == '(' ? 1 : bracket ? 3 : 0;
    while (i < p) {
        const char *c = len - i >= 3 ? memmem(CN, strlen(CN), s + i, 3) : NULL;
        if (s[i] >= '0' && s[i] <= '9') {
            value = value * 10 + (s[i] - '0');
            i++;
        } else if (c && (c - CN) % 3 == 0) {
            int d = (int)(c - CN) / 3 + 1;
            value = d == 10 ? (value ? value * 10 : 10) : (value >= 10 ? value + d : d);
            cn = 1;
            i += 3;
        } else {
            break;
        }
    }
    *style = (bracket ? 1 : 0) | (cn ? 2 : 0) | (unsigned char)s[p - 1] << 2;
    return value;
}

/* 1 when label s[0..n) begins with an item number whose opening bracket is not there
 * ("3)其他", "三）危及…": a label broken right after its "(" or "（"). */
static int bracket_cut(const char *s, size_t n)
{
    size_t p = numbering_prefix(s, n);
    return p && s[0] != '(' && memcmp(s, "（", 3) && (s[p - 1] == ')' || (p >= 3 && !memcmp(s + p - 3, "）", 3)));
}

/* 1 when label s and the label before it on its line, b[0..bn), begin with item
 * numbers of one style, s's the lower ("（六）其他处理" after "（七）总计") — s's
 * without its opening bracket too, the rest of a label broken right after it ("（"
 * over "（四）保护第三方合法权益 三）危及…": the label above's). */
static int numbered_lower(const char *s, const char *b, size_t bn)
{
    int style, before_style, n_at = item_ordinal(s, strlen(s), &style);
    int n_before = item_ordinal(b, bn, &before_style);
    return n_at && n_before > n_at && (style == before_style || (style | 1) == before_style);
}

/* Of the rows a label names (`rows`, two or more), the one it is the label
 * of, when it holds the words of two rows one after the other (a converter
 * that joins cells with single spaces writes two label cells as one): words
 * naming an earlier row after a row's own are the end of the label above,
 * wrapped onto its line ("3.危及“三安全一稳定”行政法规禁止公开", "(七)总计)其他":
 * the first row's); words naming a later row are that row's label after a
 * row that lost its numbers ("行政处罚 行政强制 3": the later row's). */
static uint32_t label_row_of(const gk_table_def *td, const char *label, size_t len, uint32_t rows)
{
    if (!(rows & (rows - 1)))
        return rows;
    int order[32], n = 0;
    size_t at[32];
    for (uint32_t left = rows; left; left &= left - 1) {
        int k = __builtin_ctz(left);
        re_span m;
        if (!re_find(td->rows[k].pattern, label, len, 0, &m, 1))
            continue;
        int i = n++;                   /* by where the row's words begin */
        while (i > 0 && at[i - 1] > m.start) {
            at[i] = at[i - 1];
            order[i] = order[i - 1];
            i--;
        }
        at[i] = m.start;
        order[i] = k;
    }
    if (!n || (n > 1 && at[0] == at[1]))
        return rows;                   /* no one first: undecided */
    int row = order[0];
    for (int i = 1; i < n; i++)
        if (order[i] > row)
            row = order[i];
    return (uint32_t)1 << row;
}

static int part_of_rows(const gk_template *tpl, int table, uint32_t rows, const char *s, size_t n);

/* The rows the first words of a label cell name (`text`, n bytes, holding
 * spaces): its shortest part up to a space that names a row, its item number
 * aside, 0 when none or when those words stand in the label of the rows the
 * whole cell names (`named`).  A cell of words joined by single spaces may hold
 * a row's label and the end of the label above it ("总计 )其他": "(七)总计" with
 * the end of "(三)其他" wrapped onto its line); the words first are the row's own. */
static uint32_t head_rows(const gk_template *tpl, int table, const char *text, size_t n, uint32_t named)
{
    char buf[HEADER_CELL_MAX + 1];
    for (size_t k = 1; k < n && k <= HEADER_CELL_MAX; k++) {
        if (text[k] != ' ' || text[k - 1] == ' ')
            continue;
        size_t len = squeeze_copy(buf, text, k);
        uint32_t rows = len ? (uint32_t)(row_facts(tpl, table, buf, len) & ROW_MATCHES) : 0;
        size_t num = rows ? 0 : numbering_prefix(buf, len);
        if (num && num < len)          /* "⑦总计 ）其他": the row's label after its item number */
            rows = (uint32_t)(row_facts(tpl, table, buf + num, len - num) & ROW_MATCHES);
        if (rows)                      /* words within the label the whole names are its own: "2. 其他
                                          法律行政法规禁止公开" is no row of 其他's */
            return part_of_rows(tpl, table, named, buf + num, len - num) ? 0 : rows;
    }
    return 0;
}

/* 1 when s[0..n) holds k characters (UTF-8) or more: counted up to the k-th only
 * (the callers ask for two or five, of labels up to a sentence long). */
static int utf8_chars_reach(const char *s, size_t n, size_t k)
{
    size_t chars = 0;
    for (size_t i = 0; i < n && chars < k; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars >= k;
}

/* The rows of the table whose canonical label begins with s[0..n) and ends
 * later. */
static uint32_t rows_begun_by(const gk_template *tpl, int table, const char *s, size_t n)
{
    const gk_table_def *td = template_table(tpl, table);
    uint32_t rows = 0;
    for (int k = 0; k < td->nrows; k++) {
        const char *c = tpl->row_canon[table - 2][k];
        if (strlen(c) > n && !memcmp(c, s, n))
            rows |= (uint32_t)1 << k;
    }
    return rows;
}

/* 1 when s[0..n) stands in the canonical label of one of the rows (a bit each). */
static int part_of_rows(const gk_template *tpl, int table, uint32_t rows, const char *s, size_t n)
{
    for (uint32_t m = rows; m; m &= m - 1) {
        const char *c = tpl->row_canon[table - 2][__builtin_ctz(m)];
        if (util_find(c, strlen(c), s, n))
            return 1;
    }
    return 0;
}

/* The row whose canonical label begins with the five characters or more of
 * label s[0..n) (without spaces and item number) and ends later, when one row's
 * does: a label cut short where a converter wrapped it and printed the rest
 * elsewhere ("本机关不掌" with "握相关政府信息" after the table, pandoc); 0 when
 * none or several. */
static uint32_t truncated_label(const gk_template *tpl, int table, const char *s, size_t n)
{
    if (n > HEADER_CELL_MAX || (unsigned char)s[0] < 0xE0 || !utf8_chars_reach(s, n, 5))
        return 0;
    uint32_t rows = rows_begun_by(tpl, table, s, n);
    return rows & (rows - 1) ? 0 : rows;
}

/* 1 when a label (without spaces) is a note's ("注：", "备注：", "说明：" first)
 * or says a number as a sentence does: "为", "是" or "共" at its end or before a
 * digit ("注：行政处罚为28", "行政许可共15件"). */
static int states_number(const char *s, size_t len)
{
    static const char *const NOTES[] = {"注:", "备注:", "说明:"};
    for (int k = 0; k < 3; k++)
        if (len >= strlen(NOTES[k]) && !memcmp(s, NOTES[k], strlen(NOTES[k])))
            return 1;
    static const char *const VERBS[] = {"为", "是", "共"};
    for (size_t i = 0; i + 3 <= len; i++)
        for (int v = 0; v < 3; v++)
            if (!memcmp(s + i, VERBS[v], 3) && (i + 3 == len || (s[i + 3] >= '0' && s[i + 3] <= '9')))
                return 1;
    return 0;
}

/* What the label cell `text` (n bytes) says in table `table`. */
static label_info label_names_of(const gk_report *r, int table, const char *text, size_t n, sbuf *tmp)
{
    label_info li = {0};
    tmp->len = 0;
    sbuf_reserve(tmp, n + 1);
    size_t len = squeeze_copy(tmp->s, text, n);
    tmp->len = len;
    uint64_t facts = row_facts(r->tpl, table, tmp->s, len);
    size_t num = facts & ROW_MATCHES ? 0 : numbering_prefix(tmp->s, len);
    if (num && num < len) {            /* "1)规章": the row's label after its item number */
        uint64_t bare = row_facts(r->tpl, table, tmp->s + num, len - num);
        if (bare & ROW_MATCHES)
            facts = bare | (facts & ROW_HEADER);
    }
    li.rows = (uint32_t)(facts & ROW_MATCHES);
    if (li.rows & (li.rows - 1))
        li.rows = label_row_of(template_table(r->tpl, table), tmp->s, len, li.rows);
    else if (li.rows && memchr(text, ' ', n)) {
        uint32_t head = head_rows(r->tpl, table, text, n, li.rows);
        if (head && !(head & li.rows))
            li.rows = head;
    }
    if (li.rows && states_number(tmp->s, len))
        li.rows = 0;                   /* "注：行政处罚为28": a sentence stating a number, no row's label */
    li.canon = (uint32_t)(facts >> 32) & li.rows;
    li.header = (facts & ROW_HEADER) != 0;
    li.words = (uint8_t)header_words(tmp->s, len);
    li.runs_on = ends_in_header_word(tmp->s, len);
    li.unusual = is_prose(text, n) || glued_digits(text, n) != 0;
    li.column = n <= HEADER_CELL_MAX ? (uint16_t)column_named(r->tpl, table, text, n) : 0;
    if (!li.rows && !li.column && !li.header)
        li.rows = truncated_label(r->tpl, table, tmp->s + num, len - num);
    if (table == 3 && !li.rows) {
        int gi = group_of_label(tmp->s, len);
        if (gi >= 0) {
            int ng;
            int first = first_row_of_group(template_table(r->tpl, 3), template_groups(&ng)[gi].key);
            if (first >= 0)
                li.firsts = (uint32_t)1 << first;
        }
    }
    /* neither a row, a group nor a column of this table, nor a header: another table's row? */
    for (int t = 2; t <= 4 && !li.rows && !li.firsts && !li.column && !li.header && !li.foreign; t++)
        li.foreign = t != table && (row_facts(r->tpl, t, tmp->s, len) & ROW_MATCHES) != 0;
    return li;
}

/* label_names() when the memo does not know the text: label_names_of(),
 * remembered in `fill` (when not NULL).  Not inlined, so that a memo hit
 * (nearly every label) saves and restores no registers for it. */
static __attribute__((noinline)) label_info label_names_new(const gk_report *r, int table, const char *text, size_t n,
                                                            sbuf *tmp, const void *key, const memo_fill *fill)
{
    label_info li = label_names_of(r, table, text, n, tmp);
    if (fill->entry) {
        memo_store(fill, key, text, n, 0);
        memcpy(fill->entry->value, &li, sizeof li);
    }
    return li;
}

/* label_names_of(), remembered: the memo's two words are the label_info. */
static inline __attribute__((always_inline)) label_info label_names(const gk_report *r, int table, const char *text,
                                                                   size_t n, sbuf *tmp)
{
    const void *key = r->tpl->row_canon[table - 2] + 1;   /* this question's own key: the whole answer */
    memo_fill fill;
    const uint64_t *known = memo_find(key, text, n, &fill);
    if (!known)
        return label_names_new(r, table, text, n, tmp, key, &fill);
    label_info li;
    memcpy(&li, known, sizeof li);
    return li;
}

/* A page number left in a table by a page break: "3/8" (page of pages), "- 3 -",
 * "—3—".  Never a number of the table, nor a damaged one. */
static int page_number(const char *s)
{
    while (*s == ' ')
        s++;
    int dash = 0;
    if (*s == '-' || !strncmp(s, "—", 3) || !strncmp(s, "–", 3)) {
        s += *s == '-' ? 1 : 3;
        dash = 1;
        while (*s == ' ')
            s++;
    }
    if (*s < '0' || *s > '9')
        return 0;
    long a = strtol(s, (char **)&s, 10);
    while (*s == ' ')
        s++;
    if (dash) {
        if (*s != '-' && strncmp(s, "—", 3) && strncmp(s, "–", 3))
            return 0;
        s += *s == '-' ? 1 : 3;
    } else {
        if (*s != '/')
            return 0;
        s++;
        while (*s == ' ')
            s++;
        if (*s < '0' || *s > '9')
            return 0;
        long b = strtol(s, (char **)&s, 10);
        if (a < 1 || b < a)
            return 0;
    }
    while (*s == ' ')
        s++;
    return *s == '\0';
}

/* An item number alone in its cell, of digits ("1、", "(2)", "3)"): the first
 * piece of a label cut a line at a time, a label's (has_cjk() does not see
 * one: no ideograph). */
static int item_number_alone(const char *s)
{
    size_t n = strlen(s);
    return n >= 2 && n <= 6 && s[0] != '.' && numbering_prefix(s, n) == n && !strchr(s, '.');
}

/* U+FFFD, what the decoder puts for a broken byte (a converter cut a character). */
#define REPLACED "\xEF\xBF\xBD"

/* Whether s is an item number with a dot ("2.", "12.") and nothing else. */
static int dotted_item(const char *s)
{
    size_t n = strlen(s);
    return n >= 2 && n <= 3 && s[n - 1] == '.' && numbering_prefix(s, n) == n;
}

/* An item number with a dot ("2.") alone in cell j, a number right after it on
 * its line: a label's beginning whose words wrapped below the row's numbers
 * (html-to-text breaks "2. 重复申请" at its space in a narrow column: "2.  5 0 …"
 * over "重复申请").  Not alone on its line: "3." there may be a number's piece. */
static int dotted_item_before_number(const grid_row *row, int j)
{
    return j + 1 < row->ncells && row->cells[j + 1].line == row->cells[j].line &&
           is_value_cell(&row->cells[j + 1]) && dotted_item(row->cells[j].text);
}

/* An item number with a dot ("1.") the last cell of a row of explicit cells,
 * after a label: the next line's label's beginning, its cell's line broken
 * after it ("(三)<br>不予公开" "1.<br>属于国家秘密", as a browser's copy prints
 * them: "不予公开\t1." over "属于国家秘密\t0\t2…").  A tab parts cells: no
 * number's piece. */
static int dotted_item_last(const grid_row *row, int j)
{
    return row->explicit && j > 0 && j + 1 == row->ncells && dotted_item(row->cells[j].text) &&
           has_cjk(row->cells[j - 1].text);
}

/* 1 when s is a numbering mark alone: ".", "、" or "．" (not a bracket: one
 * alone closes "（三" as often; grid.c's numbering_mark() takes those too). */
static inline int lone_mark(const char *s)
{
    unsigned char b = (unsigned char)s[0];
    return (b == '.' || b == 0xE3 || b == 0xEF) &&   /* most cells: their first byte only */
           (!strcmp(s, ".") || !strcmp(s, "、") || !strcmp(s, "．"));
}

/* Cell c a count of one or two digits and the cell after it, on a line of its
 * own, a numbering mark alone ("3" over "、" over "不" "予" "公" "开": a label
 * written down a merged cell, a character a line, its item number first): the
 * digits may be that label's beginning (item_number_taken()). */
static int item_digits_alone(const grid_cell *c, const grid_cell *next)
{
    if (c->num != NUM_VALUE || next->line == c->line || !lone_mark(next->text))
        return 0;
    const char *d = c->text;
    size_t n = strlen(d);
    return n >= 1 && n <= 2 && d[0] >= '0' && d[0] <= '9' && d[n - 1] >= '0' && d[n - 1] <= '9';
}

/* Whether row x (classified) ends in a cell cut away: its last, of two or
 * more, U+FFFD alone and a number's place (classify(): a PDF's table wider
 * than its page, its reader ends each row of numbers so). */
static inline int ends_in_cut(const grid_row *row, const row_cells *x)
{
    int n = x->ncells;
    return n >= 2 && x->cls[n - 1] == C_DAMAGED && row->explicit && !strcmp(row->cells[n - 1].text, REPLACED);
}

/* The class of each of the row's first n cells; a damaged number (in an
 * explicit row: no CJK, some digit; in any row: digits run together, or
 * digits text recognition misread, grid_ocr_misread(): letters alone only after
 * the row's label or a number, or a cell a line) holds its cell, unread (or
 * split by glued_split_row()).  Sets how many hold a value and the last one. */
static inline __attribute__((always_inline)) int classify(const grid_row *row, row_cells *x, int cell_a_line, int tabs)
{
    int marks = 0;                     /* a cell holds a numbering mark alone */
    int nv = 0, n = x->ncells;
    uint64_t values = 0, labels = 0, numbers = 0, empties = 0, cut = 0;
    unsigned char *cls = x->cls;
    const grid_cell *cells = row->cells;   /* (a class stored could be row->cells: read once) */
    for (int j = 0; j < n; j++) {
        const grid_cell *c = &cells[j];
        uint64_t bit = (uint64_t)1 << j;
        if (c->num == NUM_VALUE)       /* is_value_cell(), most cells: no text read */
            cls[j] = C_VALUE, nv++, values |= bit;
        else if (c->text[0] == '\0')
            cls[j] = C_EMPTY, empties |= bit;
        else if (c->num == NUM_BLANK)
            cls[j] = C_VALUE, nv++, values |= bit;
        else if (has_cjk(c->text) || item_number_alone(c->text) || dotted_item_before_number(row, j) ||
                 dotted_item_last(row, j))
            cls[j] = C_LABEL, labels |= bit, marks |= lone_mark(c->text);
        else if ((row->explicit || zero_led(c->text)) && strpbrk(c->text, "0123456789") && !page_number(c->text))
            cls[j] = C_DAMAGED, numbers |= bit;
        else if (grid_ocr_misread(c->text, strnlen(c->text, 9),
                                  row->explicit || cell_a_line || (values | labels | numbers) != 0))
            cls[j] = C_DAMAGED, numbers |= bit;
        else if (row->explicit && (values | numbers | labels) && !strncmp(c->text, REPLACED, 3) &&
                 (j + 1 < n || (tabs && !c->text[3])))
            cls[j] = C_DAMAGED, numbers |= bit, cut |= bit;   /* a cut character among the numbers
                                                     (html2text cuts a cell to its column in bytes): a
                                                     number's place — in a row holding numbers; last
                                                     and alone in a row of tabs, a cell whose text was
                                                     cut away (a PDF's table reaching past the page's
                                                     edge; html2text pads a pipe row's last cell so) */
        else
            cls[j] = C_OTHER, marks |= lone_mark(c->text);
    }
    if (cut && !values) {              /* a header's names cut so: text */
        numbers &= ~cut;
        for (; cut; cut &= cut - 1)
            cls[__builtin_ctzll(cut)] = C_OTHER;
    }
    x->nv = nv;
    x->last = highest_bit(values);
    x->labels = labels;
    x->numbers = numbers | values;
    x->empties = empties;
    return marks | ends_in_cut(row, x) << 1;   /* 2: the row ends in a cell cut away */
}

/* The rows' cells classified (their columns are filled in by read_labels())
 * and room for the table's tokens, counted before they are made: at most
 * two a cell (a label and its glued numbers).  One block, at ts->rows:
 * the rows, the tokens' arrays, the cells' columns and classes, the rows'
 * `lost` marks. */
static __attribute__((noinline)) void tokens_init(tokens *ts, const grid *g)
{
    size_t total = 0, nrows = (size_t)g->nrows;
    int singles = 0;                   /* rows of one cell */
    for (int i = 0; i < g->nrows; i++) {
        total += (size_t)(g->rows[i].ncells < 64 ? g->rows[i].ncells : 64);
        singles += g->rows[i].ncells == 1;
    }
    /* (and eight a row more: a row's cell cut away may stand for several,
     * cut_cells_past(); room never written costs nothing) */
    size_t cap = 2 * total + 1 + 8 * nrows;
    size_t at_cell = (nrows + 1) * sizeof *ts->rows;
    size_t at_text = at_cell + cap * sizeof *ts->cell;
    size_t at_tok = at_text + cap * sizeof *ts->text;
    size_t at_canon = at_tok + cap * sizeof *ts->tok;
    size_t at_column = at_canon + cap * sizeof *ts->canon;
    size_t at_cls = at_column + total * sizeof *ts->rows->column;
    size_t at_lost = at_cls + total;
    char *block = spare_block_take(SPARE_TOKENS, at_lost + nrows + 1, &ts->block_size);
    row_cells *rc = (row_cells *)block;
    ts->rows = rc;
    ts->cell = (const grid_cell **)(block + at_cell);
    ts->text = (const char **)(block + at_text);
    ts->tok = (place_tok *)(block + at_tok);
    ts->canon = (uint32_t *)(block + at_canon);
    ts->lost = block + at_lost;
    memset(ts->lost, 0, nrows + 1);
    ts->long_rows = ts->doubt_rows = ts->glued = ts->nafter_words = 0;
    ts->doubt_named = 0;
    ts->lone_marks = 0;
    ts->cut_rows = 0;
    ts->n = 0;
    ts->cap = (int)cap;
    uint16_t *column = (uint16_t *)(block + at_column);
    unsigned char *cls = (unsigned char *)(block + at_cls);
    /* a table a cell a line: so laid out, or nine rows in ten of one cell
     * (a line with a tab elsewhere made the grid one of tabs) */
    int a_line = g->layout == GRID_LINES || g->layout == GRID_BLOCKS || (g->nrows >= 10 && singles * 10 >= g->nrows * 9);
    for (int i = 0; i < g->nrows; i++) {
        const grid_row *row = &g->rows[i];
        row_cells *x = &rc[i];
        x->cls = cls;
        x->column = column;
        x->ncells = row->ncells < 64 ? row->ncells : 64;
        int k = classify(row, x, a_line && row->ncells == 1, g->layout == GRID_TABS);
        ts->lone_marks |= k & 1;
        ts->cut_rows |= k >> 1;
        cls += x->ncells;
        column += x->ncells;
    }
}

/* Which empty cells of an explicit row whose label (cell lab) comes first
 * are cells of the table.  Empty cells between its numbers are; those
 * before its first number (a label spanning two columns) or after its last
 * (padding, or blank last columns) may be or not: the reading that gives
 * the row its `want` cells is taken when it is the only one.  Else the
 * range is left as it was: (*lo, *hi]. */
static int choose_empties(const row_cells *rc, int lab, int end, int want, int short_row, int padded, int *lo,
                          int *hi)
{
    /* the cells after the label: numbers and empty cells only, else not a plain row */
    int ncells = rc->ncells;
    uint64_t after = (ncells == 64 ? ~(uint64_t)0 : ((uint64_t)1 << ncells) - 1) & ~(((uint64_t)2 << lab) - 1);
    if (after & ~(rc->numbers | rc->empties))
        return 0;                      /* text among the numbers: not a plain row */
    uint64_t nums = rc->numbers & after;
    if (!nums)
        return 0;
    int first = __builtin_ctzll(nums), last = 63 - __builtin_clzll(nums), numbers = __builtin_popcountll(nums);
    int lead = first - (lab + 1);      /* the empty cells before the first number */
    int inner = last - first + 1 - numbers;   /* between the numbers */
    int upto = end < ncells - 1 ? end : ncells - 1;
    int trail = upto > last ? upto - last : 0;   /* after the last, up to end */
    int base = numbers + inner;
    /* a row that lost a cell: its empty cells before its first number are no cells
     * (see table_empties()); but when one of them would as well make the row whole
     * as the empty cells after its last, which is blank is not known */
    int lead_too = short_row && lead && base + lead == want;
    if (short_row)
        lead = 0;
    int with_trail = trail && base + trail == want && !lead_too, with_lead = lead && base + lead == want;
    if (base == want) {
        *lo = first, *hi = last;
    } else if (with_trail && !with_lead) {
        *lo = first, *hi = end;
    } else if (with_lead && !with_trail) {
        *lo = lab, *hi = last;
    } else if (base + lead + trail == want) {
        *lo = lab, *hi = end;
    } else if (!lead && !lead_too && !padded && base + 1 == want && last + 1 < ncells) {
        *lo = first, *hi = last + 1;   /* numbers right after the label, one short: the cell after them is
                                          the blank last one, though the usual edge of the table lies before
                                          it (rows whose labels take one cell more); not where the whole rows
                                          with its label columns end where it ends (`padded`: the cell after
                                          is a padded row's end, and the row lost a cell) */
        return 2;                      /* ...or a padded row's end all the same: no equation may say otherwise */
    }
    /* the empty cell before its numbers or the one after them: either makes the row
     * whole, and which is blank only the equations can tell */
    return with_lead && with_trail;
}

/* What tokenize() needs to know of a table's rows as a whole. */
typedef struct {
    const gk_table_def *td;
    int edge;                          /* usual_edge() */
    int width_edge[EDGE_WIDTHS];       /* usual_edge(): where most rows holding w numbers end, in a table
                                        * whose rows are not all as wide (-1: none, or all as wide) */
    int lab_full[EDGE_LABS];           /* usual_edge(): where more than half of the whole rows whose labels
                                        * end in column k end (-1: none) */
    int lab_edge[EDGE_LABS];           /* usual_edge(): the furthest last number of the rows whose labels
                                        * end in column k (label_end()), INT_MAX when none */
    int wide;                          /* the widest template row: a row with one more number lost its label to it */
    int uniform;                       /* every template row is as wide */
    int cut_whole;                     /* a row ending in a cell cut away is as wide as the widest
                                          template row before it (cut_cell_beyond()) */
    int cut_rows;                      /* rows end in a cell cut away */
    uint64_t numcols;                  /* with cut_rows: bit j, a row holds a number in cell j */
    uint64_t numcols_lab[EDGE_LABS];   /* ...a row whose label cells end in cell k (label_end()) */
    int nlab[EDGE_LABS];               /* ...how many such rows hold numbers */
} table_shape;

/* The label cells of a row and what they say. */
typedef struct {
    label_info li[64];                 /* set for the label cells */
    uint32_t named;                    /* the rows they name; bit 31: two cells name different rows */
    uint64_t foreign;                  /* bit j: label cell j is a stray's (label_info.foreign) */
    int cells, lab;                    /* how many; the last one (-1: none) */
    int anchored;                      /* one names a row */
    int header;                        /* the last one alone would make the row a header */
    unsigned words;                    /* the header words they hold */
    int runs_on;                       /* a header word may run on from one into the next */
} row_labels;

/* A row with numbers whose label cells before its first number name nothing,
 * two to four of them naming one row when joined ("行政" "复议", a cell a
 * line: a label broken over lines by a converter): the first names it (the
 * numbers after the rest are its own unless a barrier of item_label_barriers()
 * stands between).  The pieces are the label cells from the first, or, after
 * the last one naming a row, those from the first that begins with an item number
 * or is no piece of that row's canonical label ("上年结转" "(一)予" "以公开"
 * 5 1 …, "总计" "结转" "下年度" 1 9 …: pdfminer printed a label after its
 * numbers, the next row's begins there); an item number inside them is the
 * pieces of two labels. */
static void join_broken_label(const gk_report *r, int table, const grid_row *row, const row_cells *rc,
                              row_labels *rl, sbuf *tmp)
{
    int fv = 0;
    while (fv < rc->ncells && rc->cls[fv] != C_VALUE && rc->cls[fv] != C_DAMAGED)
        fv++;
    if (fv == rc->ncells)
        return;
    int from = 0, after_named = 0;     /* the pieces: the label cells in [from, fv) */
    for (int j = 0; j < fv; j++) {
        const label_info *li = &rl->li[j];
        if (rc->cls[j] == C_LABEL && (li->rows || li->firsts || li->header || li->column || li->foreign)) {
            from = j + 1;
            after_named = 1;
        }
    }
    /* after a label naming a row, its own rest first (pieces of its canonical label):
     * the pieces from an item number on, or from the first that is no such piece */
    uint32_t named = 0;
    for (int j = 0; j < from; j++)
        named |= rc->cls[j] == C_LABEL ? rl->li[j].rows : 0;
    int begins = 0;
    for (int j = from; after_named && j < fv; j++) {
        if (rc->cls[j] != C_LABEL)
            continue;
        const char *text = row->cells[j].text;
        size_t n = strlen(text);
        if (numbering_prefix(text, n) || !part_of_rows(r->tpl, table, named, text, n)) {
            from = j;
            begins = 1;
            break;
        }
    }
    if (after_named && !begins)
        return;
    char join[HEADER_CELL_MAX + 1];
    size_t len = 0;
    int first = -1, pieces = 0;
    for (int j = from; j < fv; j++) {
        if (rc->cls[j] != C_LABEL)
            continue;
        size_t n = strlen(row->cells[j].text);
        int item = numbering_prefix(row->cells[j].text, n) != 0;
        if (++pieces > 4 || len + n > HEADER_CELL_MAX || (pieces > 1 && item))
            return;                    /* (an item number: another label's pieces from here, unjoined) */
        len += squeeze_copy(join + len, row->cells[j].text, n);
        if (first < 0)
            first = j;
        if (pieces < 2)
            continue;
        label_info whole = label_names(r, table, join, len, tmp);
        if (whole.rows && !(whole.rows & (whole.rows - 1)) && !whole.header && !(whole.rows & named)) {
            rl->li[first].rows = whole.rows;
            rl->li[first].canon = whole.canon;
            if (rl->named && !(rl->named & whole.rows))
                rl->named |= 1u << 31; /* two cells naming different rows */
            rl->named |= whole.rows;
            named |= whole.rows;
            rl->anchored = 1;
            /* the pieces after it may be another label's, printed before that one's
             * numbers: joined again from the next */
            len = 0;
            first = -1;
            pieces = 0;
        }
    }
}

/* (Inlined at its one caller, tokenize(): called once per grid row, its call
 * cost 0.2M instructions of 163M on 400 reports.) */
static inline __attribute__((always_inline)) void read_labels(const gk_report *r, int table, const grid_row *row,
                                                              row_cells *rc, row_labels *rl, sbuf *tmp)
{
    rl->named = rl->words = 0;
    rl->foreign = 0;
    rl->cells = rl->anchored = rl->header = rl->runs_on = 0;
    rl->lab = -1;
    for (uint64_t m = rc->labels; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        const char *text = row->cells[j].text;
        size_t tn = row->cells[j].len;
        label_info *li = &rl->li[j];
        *li = label_names(r, table, text, tn, tmp);
        /* after another label cell on its line, no number before it */
        int after_label = li->rows && rl->lab >= 0 && row->cells[rl->lab].line == row->cells[j].line &&
                          !(rc->numbers & ~(~(uint64_t)0 << j));
        const char *b = after_label ? row->cells[rl->lab].text : NULL;
        size_t bn = b ? row->cells[rl->lab].len : 0;
        if (bn && bn <= 9 && numbering_prefix(b, bn) == bn) {
            int style, before_style, n_at = item_ordinal(text, tn, &style);
            int n_before = item_ordinal(b, bn, &before_style);
            if (n_at && n_before > n_at && before_style == style) {
                /* "(七)  (六) 其他处理  7 1 …": an item numbered lower after an item
                 * number alone (a label wrapped, its words on the next line), no number
                 * between: a label spanning rows, printed in their middle (w3m), on
                 * the line of another row */
                li->rows = 0;
                li->canon = 0;
            }
        }
        if (after_label && li->rows && rl->named && !(rl->named >> 31) && li->rows < (rl->named & -rl->named) &&
            (!numbering_prefix(text, tn) || numbered_lower(text, b, bn) || bracket_cut(text, tn))) {
            /* a row's label after another's on its line, naming an earlier row, without
             * an item number of its own (or its item number's opening bracket: "⑦总计
             * 3)其他" under "(") and no number before it ("四、结转下年度继续办理
             * 总计 2 0 …" under "(七) 1 …"): the end of the label above, wrapped into its
             * column on this line; or with an item numbered lower than that label's
             * ("（七）总计  （六）其他处理  25 64 …", the numbers (七)'s, those of (六) on
             * the line above: w3m prints a label in the middle of the lines of its row) */
            li->rows = 0;
            li->canon = 0;
        }
        rl->runs_on |= rl->lab >= 0 && rl->li[rl->lab].runs_on;   /* the label before runs on into this one */
        rl->lab = j;
        rl->cells++;
        rl->header = li->header;
        rl->words |= li->words;
        if (li->rows && rl->named && !(rl->named & li->rows))
            rl->named |= 1u << 31;     /* two cells naming different rows */
        rl->named |= li->rows;
        rl->anchored |= li->rows != 0;
        rl->foreign |= (uint64_t)li->foreign << j;
        rc->column[j] = (uint16_t)li->column;
    }
    if (rl->cells >= 2 && rc->nv)
        join_broken_label(r, table, row, rc, rl, tmp);
}

/* Whether the row above holds the text `t` in cell j — or, in a table a program
 * wrote (`any`), in any of its cells (a row number taken out of one row and
 * left as an empty cell in another puts their labels in different cells). */
static int same_label_above(const grid_row *up, const char *t, int j, int any)
{
    if (j < up->ncells && !strcmp(up->cells[j].text, t))
        return 1;
    for (int k = 0; any && k < up->ncells; k++)
        if (up->cells[k].num == NUM_NONE && !strcmp(up->cells[k].text, t))
            return 1;
    return 0;
}

/* A row label cell with its text in the same cell of the row above, both rows
 * of explicit cells (or of a table a program wrote: g->program) holding
 * numbers: a label spanning the two rows whose
 * text a converter wrote in every cell the merge covered (python-docx,
 * openpyxl, pandas' read_html: "一、本年新收…" before the numbers of 本年新收 and
 * again before those of the row after it, whose own label cell was merged into
 * it) — the row above is the label's, this one's label is lost (placed by its
 * position, the equations confirming it), not the label's row again: taken so,
 * the row's numbers were read as 本年新收's and 本年新收's as 上年结转's (the
 * balance holding either way). */
static void drop_filled_label(const grid *g, const row_cells *rc, int i, row_labels *rl)
{
    const grid_row *row = &g->rows[i], *up = &g->rows[i - 1];
    if (!(row->explicit && up->explicit) && !g->program)
        return;                        /* (a program's rows of words: to_string's) */
    if (g->program) {                  /* blank cells written "NaN": a row of them is a row */
        if (rc[i].nv + __builtin_popcountll(rc[i].empties) < 1 || rc[i - 1].nv + __builtin_popcountll(rc[i - 1].empties) < 1)
            return;
    } else if (rc[i].nv < 2 || rc[i - 1].nv < 2) {
        return;
    }
    uint32_t named = 0;
    for (uint64_t m = rc[i].labels; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        label_info *li = &rl->li[j];
        if (li->rows && same_label_above(up, row->cells[j].text, j, g->program)) {
            li->rows = 0;
            li->canon = 0;
        }
        if (li->rows && named && !(named & li->rows))
            named |= 1u << 31;
        named |= li->rows;
    }
    rl->named = named;
    rl->anchored = named != 0;
}

/* The numbers on the line of a stray's label (a row of another table printed
 * among this one's, a page's hidden field: "本年新收政府信息公开申请数量 99" in
 * table 2) are its own, no row's of this table: they make no token, so that no
 * row before or after it can take them.  When the line holds a label of this
 * table too, only the numbers after the stray's label up to the next such
 * label are its own. */
static void drop_strays(const grid_row *row, row_cells *rc, const row_labels *rl)
{
    for (uint64_t m = rl->foreign; m; m &= m - 1) {
        int j = __builtin_ctzll(m), line = row->cells[j].line, own = 0, after = 0;
        for (int k = 0; k < rc->ncells; k++)
            own |= row->cells[k].line == line && rc->cls[k] == C_LABEL && (rl->li[k].rows || rl->li[k].firsts);
        for (int k = 0; k < rc->ncells; k++) {
            if (row->cells[k].line != line)
                continue;
            if (rc->cls[k] == C_LABEL)
                after = k == j || (after && !rl->li[k].rows && !rl->li[k].firsts);
            else if ((rc->cls[k] == C_VALUE || rc->cls[k] == C_DAMAGED) && (!own || after)) {
                rc->nv -= rc->cls[k] == C_VALUE;
                rc->cls[k] = C_OTHER;
                rc->numbers &= ~((uint64_t)1 << k);
            }
        }
    }
    uint64_t values = 0;               /* the last value left */
    for (int k = 0; k < rc->ncells; k++)
        values |= (uint64_t)(rc->cls[k] == C_VALUE) << k;
    rc->last = highest_bit(values);
}

/* 1 when a label cell of the row names one of the table's columns. */
static int names_column(const row_cells *rc)
{
    for (uint64_t m = rc->labels; m; m &= m - 1)
        if (rc->column[__builtin_ctzll(m)])
            return 1;
    return 0;
}

/* 1 when the row's label cells are rows' labels, no header naming rows as
 * columns: a cell naming a row with a number glued after it ("行政处罚8
 * 行政强制", two rows joined on a line: docx2txt), or one naming a row with an
 * item number of its own on a later line than the first cell, which has none
 * ("行政法规禁止公开" "3.危及“三安全一稳定”" a block: a label's rest printed after its
 * numbers right above the next row's label, pdftotext -raw; a header has no item
 * numbers, and a block of labels each with its own, "一、本年新收政府" "二、上年
 * 结转政府", before their numbers, stays a barrier for the rows to be placed by
 * position).  In table 4, whose header does name its rows, a number glued to a
 * header's cell is hidden text ("直接起诉隐藏文字99"): not asked there. */
static int rows_labels_not_header(const grid_row *row, const row_cells *rc, const row_labels *rl)
{
    const char *first = row->ncells ? row->cells[0].text : "";
    int first_numbered = numbering_prefix(first, strlen(first)) != 0;
    for (uint64_t m = rc->labels; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        const char *t = row->cells[j].text;
        size_t n = strlen(t);
        if (!rl->li[j].rows)
            continue;
        if (glued_digits(t, n) || (!first_numbered && row->cells[j].line != row->cells[0].line && numbering_prefix(t, n)))
            return 1;
    }
    return 0;
}

/* 1 when a label cell of the row names a row and no column: "本年处理决定数量 行政处罚"
 * (docx2txt joins a sub-table's header and its first row's label) is that row. */
static int row_label_beside(const row_cells *rc, const row_labels *rl)
{
    for (uint64_t m = rc->labels; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        if (rl->li[j].rows && !rc->column[j] && !rl->li[j].header)
            return 1;
    }
    return 0;
}

void extract_general_only(int on)
{
    general_only = on;
    place_general_only(on);
}

/* The word of text at *p (past spaces; *n bytes, 0 at the text's end), *p moved
 * past it. */
static const char *next_word(const char **p, size_t *n)
{
    const char *w = *p;
    while (*w == ' ')
        w++;
    const char *e = w;
    while (*e && *e != ' ')
        e++;
    *p = e;
    *n = (size_t)(e - w);
    return w;
}

/* How many different rows the words of a label cell (apart by spaces) name, each
 * word alone naming one ("项目 本年新收件数 上年结转 办理结果 结转下年度 总计": a
 * summary table's header, its cells apart by single spaces, read as one cell). */
static int words_name_rows(const gk_report *r, int table, const char *text)
{
    if (!strchr(text, ' '))
        return 0;
    uint32_t named = 0;
    int count = 0;
    for (const char *p = text; *p;) {
        size_t len;
        const char *w = next_word(&p, &len);
        char word[HEADER_CELL_MAX + 1];   /* (row_facts() reads its text to its end) */
        size_t n = len && len <= HEADER_CELL_MAX ? squeeze_copy(word, w, len) : 0;
        uint32_t rows = n ? (uint32_t)(row_facts(r->tpl, table, word, n) & ROW_MATCHES) : 0;
        if (rows && !(rows & (rows - 1)) && !(rows & named)) {
            named |= rows;
            count++;
        }
    }
    return count;
}

/* 1 when a row without numbers is a header row, not a row of the table. */
static int header_row_read(const gk_report *r, int table, const grid_row *row, const row_cells *rc,
                           const row_labels *rl, sbuf *lb);

/* Inlined at its caller, once per row: most rows hold numbers (no header). */
static inline __attribute__((always_inline)) int header_row(const gk_report *r, int table, const grid_row *row,
                                                           const row_cells *rc, const row_labels *rl, sbuf *lb)
{
    return !rc->nv && header_row_read(r, table, row, rc, rl, lb);
}

/* header_row() for a row without numbers. */
static int header_row_read(const gk_report *r, int table, const grid_row *row, const row_cells *rc,
                           const row_labels *rl, sbuf *lb)
{
    int header = rl->header;
    if (rl->cells >= 2 && row->ncells <= 64 && !rl->runs_on && !general_only) {
        header = (rl->words & (rl->words - 1)) != 0;   /* the words of its cells are those of their join */
    } else if (rl->cells >= 2 || row->ncells > 64) {   /* the row's label is its label cells together */
        lb->len = 0;
        size_t len = row_label(row, lb);
        header = (row_facts(r->tpl, table, lb->s, len) & ROW_HEADER) != 0;
    }
    if (header)
        return 1;
    if (rl->cells >= 2 && (rl->named >> 31 & 1) && (table == 4 || !rows_labels_not_header(row, rc, rl)))
        return 1;                      /* a stray header row naming rows as columns */
    if (rl->cells == 1 && table != 4 && words_name_rows(r, table, row->cells[__builtin_ctzll(rc->labels)].text) >= 3)
        return 1;                      /* the same, its cells apart by single spaces: one cell */
    if (rl->cells >= 2 && names_column(rc) && !row_label_beside(rc, rl))
        return 1;                      /* "申请人情况 总计" names a column, not the row 总计 */
    /* a header cell a line ("本年制发件数"), or one broken over lines ("本年制"
     * "发件数"): no row's numbers lie across it either */
    if (rl->anchored || rl->cells < 1 || rl->cells > 3)
        return 0;
    for (uint64_t m = rc->labels; m; m &= m - 1)
        if (rl->li[__builtin_ctzll(m)].firsts)
            return 0;
    if (rl->cells == 1)
        return names_column(rc);
    lb->len = 0;
    size_t len = row_label(row, lb);
    return len <= HEADER_CELL_MAX && column_named(r->tpl, table, lb->s, len) != 0;
}

/* How many numbers the row rl names has: the table's width when its rows are all
 * as wide; -1 when it names no one row. */
static int row_width(const table_shape *sh, const row_labels *rl)
{
    uint32_t named = rl->named;
    if (sh->uniform)
        return sh->wide;
    return named && !(named & (named - 1)) && !(named >> 31) ? sh->td->rows[__builtin_ctz(named)].ncols : -1;
}

/* Where a row `want` numbers wide ends: in a table whose rows are not all as
 * wide, where most rows holding as many end (a row of 规章 where the rows of
 * 行政许可 end further left or right), else where most rows end. */
static int row_edge(const table_shape *sh, int want)
{
    return want > 0 && want < EDGE_WIDTHS && sh->width_edge[want] >= 0 ? sh->width_edge[want] : sh->edge;
}

/* How many numbers row x holds before its last cell when that is a cell cut
 * away (a PDF's table wider than its page: its reader ends each row of numbers
 * so); -1 when it is not.  (The cut handling is out of line: the tables that
 * need it are rare, and tokenize() keeps its own helpers inlined.) */
static __attribute__((noinline)) int numbers_before_cut(const grid_row *row, const row_cells *x)
{
    return ends_in_cut(row, x) ? __builtin_popcountll(x->numbers & ~((uint64_t)1 << (x->ncells - 1))) : -1;
}

/* The empty cells of a row ending in a cell cut away (cells lost past a page's
 * edge after it: the row is short there, at its end): those after its label
 * cells up to the cut one, but for the empty cells before its first number
 * where no row of the table holds a number (label columns, the row's label
 * taking fewer than others') — no row whose label cells end where its own do,
 * when others do (a table whose rows' labels take more cells hold their
 * numbers further on, their columns as those of the rows like them). */
static __attribute__((noinline)) void cut_row_empties(const row_cells *rc, const row_labels *rl, const table_shape *sh,
                                                      int *lo, int *hi)
{
    int lab = rl->lab, first = lab + 1, own = label_end(rc);
    while (first < rc->ncells - 1 && !(rc->numbers >> first & 1))
        first++;
    uint64_t cols = sh->numcols;
    if (own >= 0 && own < EDGE_LABS && sh->nlab[own] >= 2)
        cols = sh->numcols_lab[own];
    *lo = lab;
    for (int j = lab + 1; j < first; j++)
        if (!(cols >> j & 1))
            *lo = j;
    *hi = rc->ncells - 2;
}

/* The empty cells of a row that are cells of the table: (*lo, *hi]. */
static inline __attribute__((always_inline)) int empties_range(const grid_row *row, const row_cells *rc,
                                                               const row_labels *rl, const table_shape *sh,
                                                               int use_peers, int *lo, int *hi)
{
    int lab = rl->lab, last = rc->last, ncells = rc->ncells, end = last, from = lab;
    if (sh->cut_rows && row->explicit && lab >= 0 && numbers_before_cut(row, rc) >= 0) {
        cut_row_empties(rc, rl, sh, lo, hi);
        return 0;
    }
    int want = row_width(sh, rl), edge = row_edge(sh, want);
    /* the whole rows whose labels end where this one's does end, most of them,
     * where it ends: their columns are this row's, whatever the other rows' (a part
     * of the table with one label column fewer, each row padded at its end); it
     * lost no cell */
    int own = label_end(rc);
    int padded = own >= 0 && own < EDGE_LABS && sh->lab_full[own] >= 0 && sh->lab_full[own] == last;
    int peers_end = use_peers && padded;
    if (row->explicit && edge < 0)
        end = ncells - 1;              /* no row has numbers: every cell after the label is one */
    else if (row->explicit && edge > last && edge > lab && edge < ncells && !peers_end) {
        int empty = 1;
        for (int j = (last > lab ? last : lab) + 1; j <= edge; j++)
            empty &= row->cells[j].text[0] == '\0';
        if (empty && (last >= 0 || lab >= 0))
            end = edge;
    }
    *lo = lab;
    *hi = row->explicit && lab >= 0 ? end : -1;
    if (sh->uniform && end - sh->wide > *lo)
        *lo = end - sh->wide;          /* in a table whose rows are all as wide, only the row's last `wide` cells */
    else if (!sh->uniform && edge != sh->edge && end == edge && end - want > *lo)
        *lo = from = end - want;       /* ...and in one whose rows as wide as its own end elsewhere than most */
    /* A row whose cells end before the usual edge of the table (the column where the
     * other rows' last numbers are; rows as wide as its own, when they end elsewhere) lost a cell, or more, somewhere: its empty cells
     * before its first number are no cells of the table then (a label spanning two
     * columns ends at the edge like the others); counting them would shift its numbers. */
    int short_row = row->explicit && edge >= 0 && end < edge && last > lab;
    /* ...unless it ends as far as the rows whose labels end where its own does: the
     * others end further on because they have more label cells (a group's label
     * before theirs), not because this one lost any */
    if (short_row && ((own >= 0 && own < EDGE_LABS && end >= sh->lab_edge[own]) || peers_end))
        short_row = 0;
    /* two labels naming different rows: rows joined on one line, whose columns say nothing */
    short_row |= row->explicit && (rl->named >> 31 & 1) && last > lab;
    int either = 0;
    if (row->explicit && lab >= 0 && want > 0)
        either = choose_empties(rc, from, end, want, short_row, padded, lo, hi);
    if (short_row) {
        int first = lab + 1;
        while (first < last && rc->cls[first] != C_VALUE && rc->cls[first] != C_DAMAGED)
            first++;
        if (*lo < first - 1)
            *lo = first - 1;
    }
    if (rc->nv == 0 && !rl->anchored)
        *hi = -1;                      /* a caption over empty cells ("第二十条第(八)项"), no row */
    return (peers_end && sh->edge > last) | either << 1;   /* either: 1 in doubt, 2 to be checked */
}

/* The empty cells (lo, hi] of a row that are cells of the table (none of a row
 * run into one cell); 1 when the columns
 * of the rows like it (empties_range()) read it otherwise than the table's usual
 * edge would, or an empty cell before its numbers would make it whole as well as
 * one after them: the equations must confirm the reading; 2 when its last cell is
 * the empty one after its numbers: no equation may contradict the reading. */
static inline __attribute__((always_inline)) int table_empties(const grid_row *row, const row_cells *rc,
                                                              const row_labels *rl, const table_shape *sh, int *lo,
                                                              int *hi)
{
    int how = empties_range(row, rc, rl, sh, 1, lo, hi), doubt = how & 4 ? 2 : 0;
    if (how & 2) {
        doubt = 1;
    } else if (how & 1) {
        int lo0, hi0;
        empties_range(row, rc, rl, sh, 0, &lo0, &hi0);
        if (lo0 != *lo || hi0 != *hi)
            doubt = 1;
    }
    /* a row whose numbers were run together (glued to its label, or a damaged
     * number and no other): its empty cells are the padding of a row run into
     * one cell, not blank cells */
    if (!rc->nv && (rc->numbers & ~rc->empties))
        *hi = -1;
    for (uint64_t m = rc->labels; m && *hi >= 0; m &= m - 1) {
        int j = __builtin_ctzll(m);
        if (rl->li[j].unusual && rl->li[j].rows && glued_digits(row->cells[j].text, strlen(row->cells[j].text)))
            *hi = -1;
    }
    return doubt;
}

/* The length of a mark where a converter cut a cell's text at p: U+FFFD (a
 * character cut in its bytes), or a character reference cut before its ';'
 * ("其&#x4ED": html2text cuts a cell's text at its width, a reference too); 0
 * when none. */
static size_t cut_mark(const char *p)
{
    if (!strncmp(p, REPLACED, 3))
        return 3;
    if (p[0] != '&' || p[1] != '#')
        return 0;
    size_t k = 2;
    int hex = p[k] == 'x' || p[k] == 'X';
    k += hex;
    for (;; k++) {
        char c = p[k];
        if (!((c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))))
            break;
    }
    return p[k] == ';' ? 0 : k;
}

/* 1 when a label cell begins with a number glued to Chinese text that is no
 * unit or date, or to a character the decoder replaced ("12府信息公开申请数量",
 * "9处理的，只计这一情形", "2�府信息…"): a converter
 * printed a number cell and the rest of a wrapped label as one ("本年新收政"
 * cut in its cell, "府信息公开申请数量" run into the number's).  An item
 * number ("1.属于…", "1、", "(1)") is followed by its punctuation. */
static int leading_digits_glued(const char *s)
{
    size_t k = 0;
    while (s[k] >= '0' && s[k] <= '9')
        k++;
    if (!k || k > 6)
        return 0;
    const unsigned char *u = (const unsigned char *)s + k;
    if (!strncmp((const char *)u, REPLACED, 3))
        return 1;                      /* a character cut by the converter ("2�府信息…") */
    if (u[0] < 0xE4 || u[0] > 0xE9)    /* not a CJK ideograph */
        return 0;
    static const char *const UNITS[] = {"件", "项", "个", "条", "万", "元", "年", "月", "日", "次", "人", "家", "份", "篇"};
    for (size_t i = 0; i < sizeof UNITS / sizeof *UNITS; i++)
        if (!memcmp(u, UNITS[i], 3))
            return 0;
    return 1;
}

/* 1 when the text a row's numbers were glued to (s[0..n), the digits cut off)
 * has words of its own after the row's label: after the last match of each of
 * the rows' patterns, an ideograph that is neither one of the row's canonical
 * label nor of a unit ("行政强制隐藏文字99": a converter printed hidden text
 * between the label and its cell; "保护第三方合法权益6", "行政许可（件）216" are
 * the row's own).  Whose the number is, is not known then. */
static int glued_after_words(const gk_report *r, int table, uint32_t rows, const char *s, size_t n)
{
    char buf[256];
    if (n >= sizeof buf)
        return 0;
    size_t len = squeeze_copy(buf, s, n);
    const gk_table_def *td = template_table(r->tpl, table);
    for (uint32_t m = rows; m; m &= m - 1) {
        const gk_row_def *rd = &td->rows[__builtin_ctz(m)];
        size_t end = (size_t)-1;
        re_span sp;
        for (size_t from = 0; from <= len && re_find(rd->pattern, buf, len, from, &sp, 1); from = sp.end + (sp.end == sp.start))
            end = sp.end;
        if (end == (size_t)-1)
            return 0;                  /* its label not found before the number: nothing to tell */
        int foreign = 0;
        for (size_t i = end; i < len && !foreign;) {
            unsigned char b = (unsigned char)buf[i];
            size_t w = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            if (i + w > len)
                break;
            if (w == 3 && (b >= 0xE4 && b <= 0xE9)) {   /* an ideograph */
                char ch[4];
                memcpy(ch, buf + i, 3);
                ch[3] = '\0';
                foreign = !strstr(rd->label, ch) && !strstr("件项个条万元单位数量次人家份篇总计合共", ch);
            }
            i += w;
        }
        if (!foreign)
            return 0;
    }
    return 1;
}

/* A label cell that is prose or has numbers glued to it. */
static void unusual_label(gk_report *r, int table, int unit, const grid_cell *c, const label_info *li, tokens *ts)
{
    size_t n = strlen(c->text);
    size_t d = glued_digits(c->text, n);
    if (is_prose(c->text, n)) {
        tok_add(ts, PT_BREAK, 0, 0, unit, c);
        return;
    }
    tok_label(ts, li, unit, c);
    if (d && li->rows) {               /* "规范性文件3321": the row's numbers glued to its label */
        tok_add(ts, PT_VALUE, 0, 0, unit, c);
        ts->glued++;
        size_t pre = n - d;            /* the run may begin with a unit the label ends in ("…事项76…") */
        while (pre < n && !(c->text[pre] >= '0' && c->text[pre] <= '9') &&
               !((unsigned char)c->text[pre] == 0xEF && pre + 2 < n && (unsigned char)c->text[pre + 1] == 0xBC &&
                 (unsigned char)c->text[pre + 2] >= 0x90 && (unsigned char)c->text[pre + 2] <= 0x99))
            pre++;
        if (glued_after_words(r, table, li->rows, c->text, pre)) {
            int full = ts->nafter_words == (int)(sizeof ts->after_words / sizeof *ts->after_words);
            if (!full)
                ts->after_words[ts->nafter_words++] = ts->n - 1;   /* it holds its place, unread */
            /* a row of several cells: the others may be shifted by it, the equations must
             * confirm them (and every such row when there are too many to remember) */
            const gk_row_def *rd = &template_table(r->tpl, table)->rows[__builtin_ctz(li->rows)];
            if (full || rd->ncols > 1)
                ts->doubt_named |= li->rows;
        }
        /* without the units and marks after its numbers ("1件0①" → "10") */
        char *run = arena_strdup(&r->strings, c->text + n - d);
        size_t k = strlen(run);
        char *w = run + k;
        *w = '\0';
        while (k) {
            size_t m = mark_before(run, k);
            if (m) {
                k -= m;
                continue;
            }
            k--;
            *--w = run[k];
        }
        ts->text[ts->n - 1] = w;
    }
}

/* A label naming a row (or a group's first) after numbers of its unit
 * starts a unit of its own (row_tokens()): the unit of label li. */
static inline int label_unit(const label_info *li, int i, int *seg, int *values, int unit)
{
    if (*values && (li->rows || li->firsts) && *seg + 1 < UNIT_SEGS) {
        ++*seg;
        *values = 0;
        return UNIT(i, *seg);
    }
    return unit;
}

/* The token of cell c of class k (an empty cell: one of the row's range),
 * li its label_info when a label; with *skip_first, the first number makes
 * none (and clears it). */
static inline __attribute__((always_inline)) void cell_token(gk_report *r, int table, int k, const label_info *li, int unit,
                                                           const grid_cell *c, int *skip_first, tokens *ts)
{
    switch (k) {
    case C_VALUE:
        if (*skip_first)
            *skip_first = 0;
        else
            tok_add(ts, PT_VALUE, 0, 0, unit, c);
        break;
    case C_EMPTY:
        tok_add(ts, PT_EMPTY, 0, 0, unit, c);
        break;
    case C_DAMAGED:
        tok_add(ts, PT_VALUE, 0, 0, unit, c);   /* a damaged number: it holds its cell, unread */
        break;
    case C_LABEL:
        if (li->unusual)
            unusual_label(r, table, unit, c, li, ts);
        else
            tok_label(ts, li, unit, c);
        break;
    }
}

/* After cell j's token: a label of a row written with its cells (tabs, pipes) holds
 * the cells after it there, up to the next label (place_tok.cells). */
static inline void label_cells(const grid_row *row, const row_cells *rc, int j, tokens *ts)
{
    if (!row->explicit || j >= 63 || !ts->n || ts->tok[ts->n - 1].kind != PT_LABEL ||
        ts->cell[ts->n - 1] != &row->cells[j])
        return;
    uint64_t cells = (rc->numbers | rc->empties) >> (j + 1);   /* none past the row's cells */
    ts->tok[ts->n - 1].cells = (uint8_t)__builtin_ctzll(~cells);
}

/* The tokens of grid row i: its empty cells (lo, hi] count; with skip_first,
 * its first number is a lost label and makes none.  A label naming a row
 * after numbers of the same source row starts a unit of its own (UNIT()):
 * two rows printed on one line ("…申请数量 3 0 1 二、上年结转… 2 0 0"), or a
 * number of the row before left on its label's line, are not one row.
 * Labels printed one character per line (vertical_run()) are one token. */
static void row_tokens_lines(gk_report *r, int table, int i, const grid_row *row, const row_cells *rc,
                             const row_labels *rl, int skip_first, int lo, int hi, tokens *ts, sbuf *tmp)
{
    int seg = 0, values = 0, unit = UNIT(i, 0), n = rc->ncells;
    const unsigned char *cls = rc->cls;
    for (int j = 0; j < n; j++) {
        if (cls[j] == C_LABEL)
            unit = label_unit(&rl->li[j], i, &seg, &values, unit);
        const grid_cell *c = &row->cells[j];
        int run = cls[j] != C_EMPTY && lone_char(c) ? vertical_run(row, j, n) : 0;
        if (!run && cls[j] == C_VALUE)
            run = numbered_vertical_run(row, j, n);
        values |= !run && (cls[j] == C_VALUE || cls[j] == C_DAMAGED);
        if (run >= 3) {                /* one label, kept whole */
            tmp->len = 0;
            for (int k = j; k < j + run; k++)
                sbuf_adds(tmp, row->cells[k].text);
            char *text = arena_strdup(&r->strings, tmp->s);
            label_info li = label_names(r, table, text, strlen(text), tmp);
            tok_label(ts, &li, unit, c);
            ts->text[ts->n - 1] = text;
            j += run - 1;
            continue;
        }
        if (cls[j] != C_EMPTY || (j > lo && j <= hi))
            cell_token(r, table, cls[j], &rl->li[j], unit, c, &skip_first, ts);
        if (cls[j] == C_LABEL)
            label_cells(row, rc, j, ts);
    }
}

/* The bits of cells j, lo < j <= hi, among a row's first 64. */
static uint64_t cells_between(int lo, int hi)
{
    if (lo < -1)
        lo = -1;
    if (hi > 63)
        hi = 63;
    if (hi <= lo)
        return 0;
    uint64_t upto = hi == 63 ? ~(uint64_t)0 : ((uint64_t)2 << hi) - 1;
    uint64_t below = lo < 0 ? 0 : ((uint64_t)2 << lo) - 1;
    return upto & ~below;
}

/* row_tokens_lines() for a row without a vertical label: only the cells
 * that make a token are visited (numbers, labels, the empty cells of
 * (lo, hi]), found from the row's masks. */
static void row_tokens_flat(gk_report *r, int table, int i, const grid_row *row, const row_cells *rc, const row_labels *rl,
                            int skip_first, int lo, int hi, tokens *ts)
{
    int seg = 0, values = 0, unit = UNIT(i, 0);
    const unsigned char *cls = rc->cls;
    for (uint64_t m = rc->numbers | rc->labels | (rc->empties & cells_between(lo, hi)); m; m &= m - 1) {
        int j = __builtin_ctzll(m), k = cls[j];
        if (k == C_LABEL)
            unit = label_unit(&rl->li[j], i, &seg, &values, unit);
        values |= k == C_VALUE || k == C_DAMAGED;
        cell_token(r, table, k, &rl->li[j], unit, &row->cells[j], &skip_first, ts);
        if (k == C_LABEL)
            label_cells(row, rc, j, ts);
    }
}

/* Column names printed a cell a line before a row's label and numbers, all one
 * grid row (a table's header repeated at a page break, every cell on a line of
 * its own: "自然人" … "其他" "总计" "3.其他" 1 7 …): a run of three or more
 * labels naming columns is the header's, and those of its labels that also name
 * a row ("其他", "总计") are no labels of that row when the run goes on after
 * them or a label follows: barriers (PT_HEADER), so that the numbers of the row
 * after them are not theirs.  A row's own label that names a column, followed
 * by its numbers, stays. */
static void header_run(const grid_row *row, const row_cells *rc, tokens *ts, int n0)
{
    for (int k = n0; k < ts->n;) {
        int e = k;
        while (e < ts->n && ts->tok[e].kind == PT_LABEL) {
            ptrdiff_t j = ts->cell[e] - row->cells;
            if (j < 0 || j >= rc->ncells || !rc->column[j])
                break;
            e++;
        }
        if (e - k >= 3)
            for (int m = k; m < e; m++)
                if ((ts->tok[m].rows || ts->tok[m].firsts) && (m + 1 < e || (e < ts->n && ts->tok[e].kind == PT_LABEL)))
                    ts->tok[m].kind = PT_HEADER;
        k = e > k ? e : k + 1;
    }
}

static void row_tokens(gk_report *r, int table, int i, const grid_row *row, const row_cells *rc, const row_labels *rl,
                       int skip_first, int lo, int hi, tokens *ts, sbuf *tmp)
{
    int n = rc->ncells;
    /* A vertical label runs over consecutive lines: a row whose cells (their
     * lines never decrease) are all on one line holds none (most rows:
     * row_tokens_flat(), which extract_general_only() turns off). */
    if ((n >= 3 && row->cells[n - 1].line != row->cells[0].line) || general_only)
        row_tokens_lines(r, table, i, row, rc, rl, skip_first, lo, hi, ts, tmp);
    else
        row_tokens_flat(r, table, i, row, rc, rl, skip_first, lo, hi, ts);
}

/* A row whose numbers reach k columns past the usual edge of the table (or whose
 * empty cells after them run k past the usual row's cells) and whose cells from
 * its first number to its last (numbers and empty cells) are exactly k more than
 * its columns holds k cells too many: a number too many (a footnote mark,
 * a page number) beside a blank cell, or an empty cell that is none (a PDF's
 * columns split a cell) beside its numbers.  Which, only the equations can tell:
 * read_table() reads the row only when they confirm it (its mark: bit 2 of
 * tokens.lost). */
static inline __attribute__((always_inline)) int long_row(const grid_row *row, const row_cells *rc, const row_labels *rl, const table_shape *sh, int usual)
{
    /* or whose cells (empty ones after its last number) run k past the usual row's,
     * in a table whose rows are all as wide */
    int want = row_width(sh, rl), edge = row_edge(sh, want);
    int end = sh->uniform && rc->ncells < 64 && rc->ncells > usual ? rc->ncells - 1 : rc->last;
    for (int j = rc->last + 1; j <= end; j++)
        if (rc->cls[j] != C_EMPTY)
            end = rc->last;
    if (end > rc->last && rc->last != edge)
        end = rc->last;                /* its numbers end where the others' do */
    int k = end > rc->last ? end - (usual - 1) : rc->last - edge;
    if (!row->explicit || edge < 0 || k <= 0 || rl->lab < 0)
        return 0;
    int first = rl->lab + 1;
    while (first < rc->last && rc->cls[first] != C_VALUE && rc->cls[first] != C_DAMAGED)
        first++;
    for (int j = first; j <= rc->last; j++)
        if (rc->cls[j] != C_VALUE && rc->cls[j] != C_DAMAGED && rc->cls[j] != C_EMPTY)
            return 0;                  /* text among the numbers: not a plain row */
    /* empty cells before its first number from where the usual row's cells start count
     * too (a blank first cell) */
    int start = edge - want + 1;
    while (want > 0 && start > rl->lab && start < first && rc->cls[first - 1] == C_EMPTY)
        first--;
    return want > 0 && end - first + 1 == want + k;
}

/* 1 when s[0..n) is part of a group's label of table 3 ("本年度办理结果", "其他处理"). */
static int in_group_label(const char *s, size_t n)
{
    int ng;
    const gk_group_def *gd = template_groups(&ng);
    for (int g = 0; g < ng; g++)
        if (util_find(gd[g].label, strlen(gd[g].label), s, n))
            return 1;
    return 0;
}

/* 1 when label text (naming no row) is part of a row's label of the table ("他情形)",
 * the end of "部分公开（…不计其他情形）" wrapped onto the line of its numbers) or of
 * a group's of table 3 ("三、本年度办理结果", before a row's numbers whose label is
 * printed after them), after an item number or not, or an item number alone ("(七)"). */
static int label_fragment(const gk_template *tpl, int table, const char *text)
{
    char part[HEADER_CELL_MAX + 1];
    size_t n = strlen(text);
    if (n > HEADER_CELL_MAX)
        return 0;
    n = squeeze_copy(part, text, n);
    size_t num = n ? numbering_prefix(part, n) : 0;
    if (num == n)
        return 1;
    int nrows = template_table(tpl, table)->nrows;   /* "(六) 其他处理": its words without the number */
    if (part_of_rows(tpl, table, nrows < 32 ? ((uint32_t)1 << nrows) - 1 : ~(uint32_t)0, part + num, n - num))
        return 1;
    return table == 3 && in_group_label(part + num, n - num);   /* or of a group's: "三、本年度办理结果" */
}

/* 1 when the byte at p belongs to a piece of text (rows_text_is_part_of()): any but
 * ASCII punctuation, a space, the end and U+FFFD (a character a converter broke). */
static int in_piece(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return c && (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z')) &&
           strncmp(p, REPLACED, 3);
}

/* The rows of table `table` whose label a text naming none may be a part of:
 * each of its pieces (between ASCII punctuation, spaces and characters a converter
 * broke, U+FFFD) of two characters or more, without an item number and not digits
 * alone, found in a row's label: a row whose label, wrapped, begins or ends there;
 * every row for a piece of a group's label (table 3), printed on any line of the
 * rows it spans.
 * "行政规范性?0?件": 行政规范性文件; "??年度继续办理": 结转下年度继续办理; "三、本年度
 * 办理结果": any; "项目", "备注": none; "(五)?1.": any (no words). */
static uint32_t rows_text_is_part_of(const gk_template *tpl, int table, const char *text)
{
    const gk_table_def *td = template_table(tpl, table);
    uint32_t all = td->nrows < 32 ? ((uint32_t)1 << td->nrows) - 1 : ~(uint32_t)0, rows = 0;
    int words = 0;
    for (const char *p = text; *p;) {
        size_t n = 0;
        while (in_piece(p + n))
            n++;
        size_t num = n ? numbering_prefix(p, n) : 0, d = num;
        while (d < n && p[d] >= '0' && p[d] <= '9')
            d++;
        if (d < n && utf8_chars_reach(p + num, n - num, 2)) {   /* words, not one character a piece */
            words++;
            for (uint32_t m = all; m; m &= m - 1)
                if (part_of_rows(tpl, table, m & -m, p + num, n - num))
                    rows |= m & -m;
            if (table == 3 && in_group_label(p + num, n - num))
                return all;            /* a group's label, printed on any line of the rows it spans
                                          (w3m: "(六) 其他处理  7 1 0 …" over "总计") */
        }
        p += n;
        if (*p)
            p += strncmp(p, REPLACED, 3) ? 1 : 3;
    }
    return words ? rows : all;         /* item numbers and broken characters alone: any row's */
}

/* Text naming no row right before numbers on their line (unanchored): when the
 * next label naming a row (or a group's first) is no row the text may be part of,
 * those numbers are the text's (a note, a label a converter garbled), not that
 * row's printed before its label (PT_NOT_NEXT); when the label before is none of
 * them, not that row's wrapped onto the text's line (PT_NOT_PREV).  texts: such
 * labels' tokens, in order. */
static void mark_text_before_numbers(const gk_report *r, int table, tokens *ts, const int *texts, int ntexts)
{
    uint32_t next = 0;                 /* the rows the next label naming rows names */
    int q = ntexts - 1;
    for (int k = ts->n - 1; k >= 0 && q >= 0; k--) {
        const place_tok *t = &ts->tok[k];
        if (k == texts[q]) {
            uint32_t part = rows_text_is_part_of(r->tpl, table, ts->text[k]), prev = 0;
            for (int j = k - 1; j >= 0 && !prev; j--)
                if (ts->tok[j].kind == PT_LABEL)
                    prev = ts->tok[j].rows | ts->tok[j].firsts;
            if (next && !(part & next))
                ts->tok[k].foreign |= PT_NOT_NEXT;
            if (prev && !(part & prev))
                ts->tok[k].foreign |= PT_NOT_PREV;
            q--;
        } else if (t->kind == PT_LABEL && (t->rows | t->firsts)) {
            next = t->rows | t->firsts;
        }
    }
}

/* 1 when cell c's line writes a colon right after its text (spaces aside). */
static int colon_after(const gk_report *r, const grid_cell *c)
{
    if (!c || c->line <= 0 || (size_t)c->line > r->text->nlines)
        return 0;
    const gk_line *l = &r->text->norm[c->line - 1];
    size_t ll = strlen(c->text);
    const char *at = ll ? util_find(l->s, l->len, c->text, ll) : NULL;
    if (!at)
        return 0;
    size_t k = (size_t)(at - l->s) + ll;
    while (k < l->len && l->s[k] == ' ')
        k++;
    return k < l->len && l->s[k] == ':';
}

/* The display column (CJK two wide) where cell c's text stands on its source
 * line, searched as a word of the original line (spaces or no-break spaces
 * around it) from byte *from on (moved past it); -1 when not found as it is (a
 * number the normalisation changed). */
static int display_column(const gk_report *r, const grid_cell *c, size_t *from)
{
    if (c->line < 1 || (size_t)c->line > r->text->nlines)
        return -1;
    const gk_line *l = &r->text->orig[c->line - 1];
    size_t n = strlen(c->text);
    const unsigned char *u = (const unsigned char *)l->s;
    for (size_t i = *from; i + n <= l->len; i++) {
        /* a word: spaces or no-break spaces (U+00A0, printed by elinks) around it */
        if (memcmp(l->s + i, c->text, n) ||
            (i && u[i - 1] != ' ' && !(i >= 2 && u[i - 2] == 0xC2 && u[i - 1] == 0xA0)) ||
            (i + n < l->len && u[i + n] != ' ' && !(i + n + 1 < l->len && u[i + n] == 0xC2 && u[i + n + 1] == 0xA0)))
            continue;
        *from = i + n;
        return (int)text_display_width(l->s, i);   /* as grid.c's border_cols() counts columns */
    }
    return -1;
}

/* How many characters (code points) s[0..n) holds: a column each where a
 * converter sets every character in a slot of its own (pdftotext -layout). */
static size_t char_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* display_column() of cells taken in their lines' order: each line searched
 * from its start, then on from the last cell found on it; with `chars`, the
 * column counted in characters (char_count()), not display columns. */
typedef struct {
    size_t from;
    int line;                          /* the line `from` is on, -1: none yet */
    int chars;
} line_walk;

static int display_column_next(const gk_report *r, const grid_cell *c, line_walk *w)
{
    if (c->line != w->line)
        w->from = 0, w->line = c->line;
    int x = display_column(r, c, &w->from);
    if (x < 0 || !w->chars)
        return x;
    size_t at = w->from - strlen(c->text);     /* where display_column() found it */
    return (int)char_count(r->text->orig[c->line - 1].s, at);
}

/* The width of s[0..n): display columns, or characters (`chars`). */
static int text_width_as(const char *s, size_t n, int chars)
{
    return chars ? (int)char_count(s, n) : (int)text_display_width(s, n);
}

/* Line `line` as written (*l) and the bytes of its leading spaces; -1 when no such line. */
static long indent_of(const gk_report *r, int line, const gk_line **l)
{
    if (line < 1 || (size_t)line > r->text->nlines)
        return -1;
    *l = &r->text->orig[line - 1];
    size_t i = 0;
    while (i < (*l)->len && (*l)->s[i] == ' ')
        i++;
    return (long)i;
}

/* Where the first word of line `line` ends (its leading spaces and its text up to the
 * next space): display columns, or characters (`chars`); -1 when no such line. */
static int first_word_end(const gk_report *r, int line, int chars)
{
    const gk_line *l;
    long at = indent_of(r, line, &l);
    if (at < 0)
        return -1;
    size_t i = (size_t)at;
    while (i < l->len && l->s[i] != ' ')
        i++;
    return text_width_as(l->s, i, chars);
}

/* 1 when line `line` begins (after its indent) with a character that is no digit:
 * a label's text, not a number. */
static int starts_with_text(const gk_report *r, int line)
{
    const gk_line *l;
    long i = indent_of(r, line, &l);
    return i >= 0 && (size_t)i < l->len && !(l->s[i] >= '0' && l->s[i] <= '9');
}

/* The display columns of line `line`'s leading spaces, -1 when no such line. */
static int line_indent(const gk_report *r, int line)
{
    const gk_line *l;
    return (int)indent_of(r, line, &l);
}

/* The tokens [n0, ts->n) of a row: a label naming nothing and a number, which
 * its line writes after the label and a colon ("服务事项:12"), the tokens
 * before it a label naming a row and numbers only: the end of that label
 * with the row's first number, wrapped in a narrow cell below the others
 * ("2.其他对外管理" "-1 86" over "服务事项:12": a Word table of a list-like table 2
 * printed to PDF); or a number alone on the line after a label that ends in a
 * colon, the label's numbers beside it ("②行政规范性文件：  2  18" over "4"), or
 * on the line after the label's, left of its numbers on the line between
 * ("规范性文件：" over "3   ２１" over "    3") — the number is the row's first,
 * not its last: its token goes right after the label's. */
static void colon_number_first(const gk_report *r, int table, tokens *ts, int n0, sbuf *tmp)
{
    int piece = ts->n - n0 == 2;       /* "服务事项:12" under the numbers; else "4" alone under
                                          "②行政规范性文件：  2  18" */
    if (ts->nafter_words || ts->tok[ts->n - 1].kind != PT_VALUE ||
        (piece && (ts->tok[n0].kind != PT_LABEL || ts->tok[n0].rows || ts->tok[n0].firsts ||
                   ts->cell[n0] != ts->cell[n0 + 1] - 1 || !colon_after(r, ts->cell[n0]))) ||
        (!piece && ts->n - n0 != 1))
        return;
    int label = n0 - 1, values = 0;    /* before: a label naming a row, then numbers only */
    while (label >= 0 && values <= 8 && (ts->tok[label].kind == PT_VALUE || ts->tok[label].kind == PT_EMPTY))
        label--, values++;             /* (a run of more: no row's, and no walk back over a whole table) */
    if (label < 0 || ts->tok[label].kind != PT_LABEL || !ts->tok[label].rows || !values || values > 8)
        return;
    if (piece) {                       /* the piece ends that label: together they name its row (no
                                          number glued to either: "规章268" … "行政规范&#x60 27 件:0",
                                          html2text's) */
        size_t ll = strlen(ts->text[label]);
        if (!ll || (ts->text[label][ll - 1] >= '0' && ts->text[label][ll - 1] <= '9') ||
            strpbrk(ts->text[n0], "0123456789&"))
            return;
        char *joined = xasprintf("%s%s", ts->text[label], ts->text[n0]);
        label_info li = label_names(r, table, joined, strlen(joined), tmp);
        free(joined);
        if (!(li.rows & ts->tok[label].rows))
            return;
    }
    if (!piece) {                      /* the label's line ends in its colon, the number alone on the next */
        const grid_cell *lc = ts->cell[label], *nc = ts->cell[n0], *fc = ts->cell[label + 1];
        size_t ll = lc ? strlen(lc->text) : 0;
        if (!lc || !nc || ll < 2 || lc->text[ll - 1] != ':' || !fc)
            return;
        /* or the label alone on its line, its other numbers on the next and the number
         * alone on the line after, left of them (where the label's first column is):
         * "规范性文件：" over "3   ２１" over "    3" */
        int below = fc->line == lc->line + 1 && nc->line == lc->line + 2 && ts->cell[n0 - 1]->line == fc->line;
        if (below) {
            size_t from_n = 0, from_f = 0;
            int xn = display_column(r, nc, &from_n), xf = display_column(r, fc, &from_f);
            below = xn >= 0 && xf >= 0 && xn < xf;
        }
        if (!below && (nc->line != lc->line + 1 || fc->line != lc->line))
            return;
    }
    int from = ts->n - 1, to = label + 1;
    place_tok t = ts->tok[from];
    const grid_cell *c = ts->cell[from];
    const char *text = ts->text[from];
    uint32_t canon = ts->canon[from];
    memmove(&ts->tok[to + 1], &ts->tok[to], (size_t)(from - to) * sizeof *ts->tok);
    memmove(&ts->cell[to + 1], &ts->cell[to], (size_t)(from - to) * sizeof *ts->cell);
    memmove(&ts->text[to + 1], &ts->text[to], (size_t)(from - to) * sizeof *ts->text);
    memmove(&ts->canon[to + 1], &ts->canon[to], (size_t)(from - to) * sizeof *ts->canon);
    t.unit = ts->tok[label].unit;
    ts->tok[to] = t;
    ts->cell[to] = c;
    ts->text[to] = text;
    ts->canon[to] = canon;
}

/* The tokens [n0, ts->n) of a row with two label cells or more: a label naming
 * nothing after a label naming a row, no number between them, whose text completes
 * the label of the row before (its tokens [p0, p1): its last label token, naming
 * nothing, or an item number alone read as a number) — "(七)" over "四、结转下年度
 * 继续办理 总计", "行政" over "行政强制 处罚", "2." over "3. 要求提供公开出版物
 * 重复申请", as w3m prints a table without borders whose label cells wrap: that
 * label then names the row the whole label names. */
static void wrapped_label_end(const gk_report *r, int table, tokens *ts, int n0, int p0, int p1, sbuf *tmp)
{
    int prev = -1, named = 0, prev_names = -1;   /* prev_names: its own words name a row, -1 not yet asked */
    for (int k = p1 - 1; k >= p0 && prev < 0; k--)
        if (ts->tok[k].kind == PT_LABEL)
            prev = k;
    if (prev < 0 && p0 < p1 && ts->tok[p0].kind == PT_VALUE) {
        const char *t = ts->text[p0];
        size_t n = strlen(t);
        if (n >= 2 && n <= 9 && numbering_prefix(t, n) == n && (t[n - 1] < '0' || t[n - 1] > '9'))
            prev = p0;                 /* "2." alone, a number so far */
    }
    if (prev < 0 || ts->tok[prev].rows || ts->tok[prev].firsts)
        return;
    for (int k = n0; k < ts->n && prev >= 0; k++) {
        place_tok *t = &ts->tok[k];
        if (t->kind != PT_LABEL) {
            named &= t->kind != PT_VALUE && t->kind != PT_EMPTY;
            continue;
        }
        if (t->rows || t->firsts) {
            named = 1;
            continue;
        }
        if (!named)
            continue;
        size_t pn = strlen(ts->text[prev]), kn = strlen(ts->text[k]);
        if (k > n0 && ts->tok[k - 1].kind == PT_LABEL && ts->tok[k - 1].rows) {
            /* the rest of the label before it on this line, a piece of that row's own
             * label ("(一)属于行" "政查询"), not the row above's */
            if (part_of_rows(r->tpl, table, ts->tok[k - 1].rows, ts->text[k], kn))
                continue;
        }
        if (prev_names < 0)
            prev_names = label_names(r, table, ts->text[prev], pn, tmp).rows != 0;
        if (prev_names)
            return;                    /* its own words name a row (a label read otherwise here) */
        if (pn + kn > HEADER_CELL_MAX)
            continue;
        char join[HEADER_CELL_MAX + 1];
        memcpy(join, ts->text[prev], pn);
        memcpy(join + pn, ts->text[k], kn + 1);
        label_info li = label_names(r, table, join, pn + kn, tmp);
        if (li.rows && !(li.rows & (li.rows - 1))) {   /* one row */
            ts->tok[prev].kind = PT_LABEL;
            ts->tok[prev].rows = li.rows;
            ts->canon[prev] = li.canon;
            prev = -1;
        }
    }
}

/* Tokens of header text that one row at a time does not tell (tokenize(), after
 * the rows; cand: the tokens of the rows without numbers and of blank markers
 * alone on their line, in order): a cell naming a column and a row ("总计",
 * "其他") alone on its line beside a header cell a line (a header repeated after
 * a page break names no row); a header cell broken over two or three lines
 * ("本年处理" "决定数量").  And a blank marker printed one character a line inside
 * a label printed so ("（四）无法提供": "四" "）" "无" "法") is a character of the
 * label. */
static void tokens_across_rows(gk_report *r, int table, const grid *g, tokens *ts, const int *cand, int ncand)
{
    const row_cells *rc = ts->rows;
    for (int q = 0; q < ncand; q++) {
        int k = cand[q];
        place_tok *t = &ts->tok[k];
        if (t->kind == PT_VALUE) {     /* a blank marker among a label's characters printed one a line */
            const grid_cell *c = ts->cell[k];
            if (c->num != NUM_BLANK || k == 0 || k + 1 == ts->n || ts->tok[k - 1].kind != PT_LABEL ||
                ts->tok[k + 1].kind != PT_LABEL || !lone_char(c))
                continue;
            const grid_cell *a = ts->cell[k - 1], *b = ts->cell[k + 1];
            if (lone_char(b) && b->line == c->line + 1 && a->line < c->line && a->line >= c->line - 2 &&
                strlen(a->text) <= 3)
                t->kind = PT_LABEL;
            continue;
        }
        if (t->kind != PT_LABEL || t->firsts || t->cells || t->unit < 0)
            continue;
        if (t->rows) {                 /* a cell naming a column and a row beside header cells */
            int i = UNIT_ROW(t->unit);
            ptrdiff_t j = ts->cell[k] - g->rows[i].cells;
            if (j < 0 || j >= rc[i].ncells || rc[i].labels != (uint64_t)1 << j || rc[i].nv || !rc[i].column[j])
                continue;
            if ((k > 0 && ts->tok[k - 1].kind == PT_HEADER) || (k + 1 < ts->n && ts->tok[k + 1].kind == PT_HEADER))
                t->kind = PT_HEADER;
            continue;
        }
        /* a header cell broken over two or three lines, each part naming nothing and
         * longer than a character (one character: of a label printed one a line) */
        char join[HEADER_CELL_MAX + 1];
        size_t len = 0;
        for (int m = 0; m < 3 && k + m < ts->n; m++) {
            const place_tok *p = &ts->tok[k + m];
            if (p->kind != PT_LABEL || p->rows || p->firsts || (m && p->unit == ts->tok[k + m - 1].unit))
                break;
            size_t n = strlen(ts->text[k + m]);
            if (n <= 3 || len + n > HEADER_CELL_MAX)
                break;
            len += squeeze_copy(join + len, ts->text[k + m], n);
            if (m && column_named(r->tpl, table, join, len)) {
                for (int d = 0; d <= m; d++)
                    ts->tok[k + d].kind = PT_HEADER;
                while (q + 1 < ncand && cand[q + 1] <= k + m)
                    q++;
                break;
            }
        }
    }
}

/* 1 when a label cell is a group's name cut short ("(六)其他处" of 其他处理,
 * its "理" on a later line): after an item number, two characters or more
 * that begin a group's name. */
static int group_beginning(const char *text)
{
    size_t n = strlen(text), num = numbering_prefix(text, n);
    const char *s = text + num;
    if (!utf8_chars_reach(s, n - num, 2) || n - num > 30)
        return 0;
    int ng;
    const gk_group_def *gd = template_groups(&ng);
    for (int g = 0; g < ng; g++)
        if (strlen(gd[g].label) > n - num && !memcmp(gd[g].label, s, n - num))
            return 1;
    return 0;
}

/* A row's label broken over lines of its own, a piece a line, each naming
 * nothing (pdftotext without -layout and pdfminer print a narrow label cell so:
 * "2、申请人逾" "期未按收费通" "知要求缴纳费" …, its numbers after): two to four
 * such pieces of consecutive grid rows without numbers that name one row when
 * joined (pieces of one grid row or of consecutive ones) make the first of
 * them that row's label, when as many numbers as the row has follow its last
 * piece, past nameless pieces (the rest of its label; where the next row's
 * label begins among them, item_label_barriers() stops it; a row that lost a
 * number, so anchored, took the numbers of the row before as its own).  A
 * join starts at a piece with an item number when one does; it never takes a
 * piece naming something. */
static void join_label_lines(gk_report *r, int table, tokens *ts, const int *cand, int ncand, sbuf *tmp)
{
    enum { MAX_PIECES = 4, MAX_RUN = 8 };
    for (int q = 0; q < ncand; q++) {
        /* the run of nameless label pieces from cand[q], of one grid row or the next;
         * a group's name beside them (another column's cell on their line), whole or
         * cut short, is passed over */
        int pc[MAX_RUN], run = 0, c = q;
        for (; c < ncand && run < MAX_RUN; c++) {
            int k = cand[c];
            const place_tok *t = &ts->tok[k];
            int group = t->kind == PT_LABEL && !t->rows && !t->cells &&
                        (t->firsts || (table == 3 && group_beginning(ts->text[k])));
            if (group && run)
                continue;
            if (t->kind != PT_LABEL || t->rows || t->firsts || t->cells)
                break;
            if (run) {
                int prev = pc[run - 1], gap = 1;
                while (prev + gap < k && ts->tok[prev + gap].kind == PT_LABEL && !ts->tok[prev + gap].rows &&
                       (ts->tok[prev + gap].firsts || (table == 3 && group_beginning(ts->text[prev + gap]))))
                    gap++;
                if (k != prev + gap || UNIT_ROW(t->unit) - UNIT_ROW(ts->tok[prev].unit) > 1)
                    break;
            }
            pc[run++] = k;
        }
        if (run < 2)
            continue;
        int used = 0;
        for (int pass = 0; pass < 2 && !used; pass++)
            for (int a = 0; a + 1 < run && !used; a++) {
                const char *first = ts->text[pc[a]];
                if (!pass && !numbering_prefix(first, strlen(first)))
                    continue;
                char join[HEADER_CELL_MAX + 1];
                size_t len = 0;
                for (int m = 0; m < MAX_PIECES && a + m < run; m++) {
                    const char *piece = ts->text[pc[a + m]];
                    size_t n = strlen(piece);
                    if (len + n > HEADER_CELL_MAX || (m && numbering_prefix(piece, n)))
                        break;         /* (an item number inside: the pieces of two labels) */
                    len += squeeze_copy(join + len, piece, n);
                    if (!m)
                        continue;
                    label_info li = label_names(r, table, join, len, tmp);
                    int next = pc[a + m] + 1;   /* numbers after its last piece (past nameless pieces) */
                    while (next < ts->n && ts->tok[next].kind == PT_LABEL && !ts->tok[next].rows && !ts->tok[next].firsts)
                        next++;
                    int have = 0;      /* its numbers there: as many as its row has (a row that lost
                                          one may take another's before it) */
                    for (int v = next; v < ts->n && (ts->tok[v].kind == PT_VALUE || ts->tok[v].kind == PT_EMPTY); v++)
                        have++;
                    if (li.rows && !(li.rows & (li.rows - 1)) && !li.header && !li.column && next < ts->n &&
                        ts->tok[next].kind == PT_VALUE &&
                        have >= template_table(r->tpl, table)->rows[__builtin_ctz(li.rows)].ncols) {
                        place_tok *t = &ts->tok[pc[a]];
                        t->rows = li.rows;
                        ts->canon[pc[a]] = li.canon;
                        t->foreign = li.canon ? PT_WHOLE : 0;
                        used = a + m + 1;
                        break;
                    }
                }
            }
        /* on past the pieces used (or the run); cand indices: find the last piece's */
        int last = pc[(used ? used : run) - 1];
        while (q + 1 < ncand && cand[q + 1] <= last)
            q++;
    }
}

/* 1 when s (n bytes, without spaces) is the beginning, two characters or
 * more, of a row's canonical label of the table, and no more of it ("没有",
 * of 没有现成信息需要另行制作). */
static int label_beginning(const gk_template *tpl, int table, const char *s, size_t n)
{
    return utf8_chars_reach(s, n, 2) && rows_begun_by(tpl, table, s, n) != 0;
}

/* Where another row's label begins among the label pieces after a label
 * naming a row, before numbers (pdfminer and pdftotext without -layout print a
 * label's rest after its numbers: "不掌握相" "关政府信息" "没有现" 7 8 …): a
 * nameless piece that begins with an item number ("(一)本机", "一、", "(一"
 * cut before its bracket), or that is the beginning of a row's label ("没有")
 * and no piece of the named row's own label nor a column's name ("其他"), is
 * made a barrier (PT_HEADER: no row's cells lie across it), so that the row
 * named before takes no number past it.  A group's name is a heading, no
 * barrier. */
static void item_label_barriers(const gk_report *r, int table, tokens *ts, int **texts, int *ntexts, int *capt)
{
    uint32_t anchored = 0;             /* the rows a label named since the last number */
    place_tok *tok = ts->tok;          /* (ts->n and ts->tok in locals: a token's store could alias them) */
    const int ntok = ts->n;
    for (int k = 0; k + 1 < ntok; k++) {
        place_tok *t = &tok[k];
        if (t->kind != PT_LABEL) {     /* a number, an empty cell, prose or a header */
            anchored = 0;
            continue;
        }
        if (t->rows || t->firsts) {
            anchored = t->rows;        /* (a group's name: its rows' labels follow, numbered) */
            continue;
        }
        if (!anchored)
            continue;
        size_t n = strlen(ts->text[k]);
        int q = k + 1;                 /* past the nameless pieces after it: numbers? */
        while (q < ts->n && ts->tok[q].kind == PT_LABEL && !ts->tok[q].rows && !ts->tok[q].firsts)
            q++;
        if (q == ts->n || ts->tok[q].kind != PT_VALUE || n > HEADER_CELL_MAX)
            continue;
        /* its item number may run on into the next piece ("(一" ")危及“") */
        char buf[HEADER_CELL_MAX + 1], run[2 * HEADER_CELL_MAX + 1];
        size_t len = squeeze_copy(buf, ts->text[k], n), rl = len;
        memcpy(run, buf, len + 1);
        if (k + 1 < q) {
            size_t m = strlen(ts->text[k + 1]);
            if (m <= HEADER_CELL_MAX)
                rl += squeeze_copy(run + rl, ts->text[k + 1], m);
        }
        size_t num = numbering_prefix(run, rl), own = num < len ? num : len;
        if (!num && len + 1 < sizeof buf && (buf[0] == '(' || !strncmp(buf, "（", 3))) {
            buf[len] = ')';            /* an item number cut before its closing bracket ("(一" alone) */
            num = numbering_prefix(buf, len + 1) == len + 1 ? len : 0;
            buf[len] = '\0';
        }
        /* a piece of the named row's own label ("属于四" of 属于四类过程性信息) */
        int part = len > own && part_of_rows(r->tpl, table, anchored, buf + own, len - own);
        int ng;
        const gk_group_def *gd = template_groups(&ng);
        if (table == 3 && len && (match_mask((pattern_set){gd, ng, group_pattern}, buf, len) || group_beginning(buf)))
            continue;                  /* a group's name ("三、本年度办理结果", "(六)其他处"): a heading over rows */
        if (num || (!part && len && label_beginning(r->tpl, table, buf, len) && !column_named(r->tpl, table, buf, len))) {
            t->kind = PT_HEADER;       /* (an item number begins a label: never a piece of the one before) */
            t->foreign |= PT_ITEM;
            if (num && q == k + 1) {   /* right before numbers: mark_text_before_numbers() */
                if (*ntexts == *capt)
                    *texts = xrealloc(*texts, (size_t)(*capt = *capt ? 2 * *capt : 16) * sizeof **texts);
                (*texts)[(*ntexts)++] = k;
            }
        }
    }
}

/* A row ending in a cell cut away is whole when it holds as many numbers as
 * its template row before it, or when another row of the table does (its
 * widest): the table's columns end before the page's edge, the cut cell
 * lies past them, none of the row's.  Else the row is short (empties_range():
 * cells were lost past the edge). */
static __attribute__((noinline)) void cut_cell_beyond(const grid_row *row, row_cells *rc, const row_labels *rl,
                                                      const table_shape *sh)
{
    int k = numbers_before_cut(row, rc), want;
    if (k >= 0 && (sh->cut_whole || ((want = row_width(sh, rl)) > 0 && k >= want))) {
        rc->numbers &= ~((uint64_t)1 << (rc->ncells - 1));
        rc->ncells--;
    }
}

/* A row ending in a cell cut away and short of its template row's cells
 * (cut_cell_beyond() did not make it whole): its cells past the page's edge
 * were lost there, after its last — the cut cell stands for each of them,
 * unread, so that the row's cells before it stay in their columns. */
static __attribute__((noinline)) void cut_cells_past(const grid_row *row, const row_cells *rc, const row_labels *rl,
                                                     const table_shape *sh, tokens *ts, int n0)
{
    if (numbers_before_cut(row, rc) < 0 || ts->n == n0 ||
        ts->cell[ts->n - 1] != &row->cells[rc->ncells - 1] || ts->tok[ts->n - 1].kind != PT_VALUE)
        return;
    int want = row_width(sh, rl);
    int cells = 0;
    for (int k = n0; k < ts->n; k++)
        cells += ts->tok[k].kind == PT_VALUE || ts->tok[k].kind == PT_EMPTY;
    for (int unit = ts->tok[ts->n - 1].unit; cells < want && ts->n < ts->cap; cells++)
        tok_add(ts, PT_VALUE, 0, 0, unit, &row->cells[rc->ncells - 1]);
}

/* What the cut handling needs of a table some of whose rows end in a cell
 * cut away (classify()): whether one of them is whole before it (cut_whole),
 * and where its rows hold numbers (numcols, by where their labels end). */
static __attribute__((noinline)) void cut_shape(const grid *g, const row_cells *rc, table_shape *sh)
{
    sh->cut_rows = 1;
    for (int i = 0; i < g->nrows; i++) {
        sh->cut_whole |= numbers_before_cut(&g->rows[i], &rc[i]) >= sh->wide;
        if (g->rows[i].explicit) {
            int own = label_end(&rc[i]);
            sh->numcols |= rc[i].numbers;
            uint64_t before = rc[i].numbers ? ((uint64_t)1 << __builtin_ctzll(rc[i].numbers)) - 1 : 0;
            if (own >= 0 && own < EDGE_LABS && rc[i].numbers && !(rc[i].labels & ~before)) {   /* (no label
                                                                                              after its numbers) */
                sh->numcols_lab[own] |= rc[i].numbers;
                sh->nlab[own]++;
            }
        }
    }
}

static void tokenize(gk_report *r, int table, const grid *g, tokens *ts)
{
    tokens_init(ts, g);
    row_cells *rc = ts->rows;
    table_shape sh = {.td = template_table(r->tpl, table), .wide = r->tpl->widest[table - 2],
                      .uniform = r->tpl->uniform[table - 2]};
    if (ts->cut_rows)
        cut_shape(g, rc, &sh);
    sh.edge = usual_edge(g, rc, sh.uniform ? sh.wide : 0, sh.lab_edge, sh.lab_full, sh.width_edge);
    int usual = 0, counts[65] = {0};   /* usual: the cells of most rows with numbers */
    for (int i = 0; i < g->nrows; i++) {
        if (g->rows[i].explicit && rc[i].nv && ++counts[rc[i].ncells] >= counts[usual])
            usual = rc[i].ncells;
    }
    sbuf tmp;                          /* scratch of the label readers, and of header_row()'s join */
    sbuf_take(&tmp);
    int *cand = NULL, ncand = 0, capc = 0;   /* tokens for tokens_across_rows(), in order */
    int *texts = NULL, ntexts = 0, capt = 0;   /* for mark_text_before_numbers(), in order */
    int prev0 = 0, prev1 = 0;          /* the tokens of the row before (wrapped_label_end()) */
    row_labels rl;
    for (int i = 0; i < g->nrows; i++) {
        const grid_row *row = &g->rows[i];
        read_labels(r, table, row, &rc[i], &rl, &tmp);
        if (i > 0 && rl.anchored)
            drop_filled_label(g, rc, i, &rl);
        if (rl.foreign)
            drop_strays(row, &rc[i], &rl);
        if (sh.cut_rows)
            cut_cell_beyond(row, &rc[i], &rl, &sh);
        if (header_row(r, table, row, &rc[i], &rl, &tmp)) {
            if (row->ncells > 0)       /* the numbers of a row do not lie across it */
                tok_add(ts, PT_HEADER, 0, 0, UNIT(i, 0), &row->cells[0]);
            continue;
        }
        /* a row of the widest table rows with one number too many and no
         * label of its own: its label cell holds a number.  Not when a label
         * cell naming neither a row nor a group is there (the end of a label
         * wrapped onto the row's line): that is its label, and the number too
         * many is any of them */
        int own_label = 0;
        for (uint64_t m = rc[i].labels; m; m &= m - 1) {
            int j = __builtin_ctzll(m);
            own_label |= !rl.li[j].rows && !rl.li[j].firsts;
        }
        int skip_first = sh.uniform && !rl.anchored && !own_label && rc[i].nv == sh.wide + 1 && row->explicit;
        if (skip_first)
            ts->lost[i] = 1;
        int lo, hi;
        int doubt = table_empties(row, &rc[i], &rl, &sh, &lo, &hi);
        for (uint64_t m = rc[i].nv && !doubt ? rc[i].labels : 0; m; m &= m - 1) {
            const char *lt = row->cells[__builtin_ctzll(m)].text;
            if (lt[0] >= '0' && lt[0] <= '9' && leading_digits_glued(lt)) {
                doubt = 1;                 /* a number glued to a label's piece: which is whose is not known */
                break;
            }
        }
        if (doubt) {
            ts->lost[i] |= doubt == 1 ? 4 : 8;
            ts->doubt_rows++;
        }
        if (long_row(row, &rc[i], &rl, &sh, usual)) {
            ts->lost[i] |= 2;
            ts->long_rows++;
        }
        int own = label_end(&rc[i]);
        if (row->explicit && own >= 0 && own < EDGE_LABS && sh.lab_full[own] >= 0 && rc[i].last == sh.lab_full[own] + 1)
            ts->lost[i] |= 16;         /* its numbers run one cell past the whole rows with its label columns */
        int n0 = ts->n;
        row_tokens(r, table, i, row, &rc[i], &rl, skip_first, lo, hi, ts, &tmp);
        if (sh.cut_rows)
            cut_cells_past(row, &rc[i], &rl, &sh, ts, n0);
        if (rc[i].nv && rl.cells >= 3)
            header_run(row, &rc[i], ts, n0);
        if (rl.cells >= 2)
            wrapped_label_end(r, table, ts, n0, prev0, prev1, &tmp);
        else if (rl.cells <= 1 && !rl.anchored && ts->n > n0)
            colon_number_first(r, table, ts, n0, &tmp);
        prev0 = n0;
        prev1 = ts->n;
        if (rc[i].nv && !rl.anchored)  /* text naming nothing beside numbers: part of a label, or not */
            for (int k = n0; k < ts->n; k++)
                if (ts->tok[k].kind == PT_LABEL && !ts->tok[k].rows && !ts->tok[k].firsts) {
                    ts->tok[k].foreign = !label_fragment(r->tpl, table, ts->text[k]);
                    if (k + 1 < ts->n && ts->tok[k + 1].kind == PT_VALUE) {
                        if (ntexts == capt)
                            texts = xrealloc(texts, (size_t)(capt = capt ? 2 * capt : 16) * sizeof *texts);
                        texts[ntexts++] = k;   /* right before numbers: mark_text_before_numbers() */
                    }
                }
        /* what tokens_across_rows() looks at: rows without numbers, and a blank
         * marker alone on its line */
        if (!rc[i].nv || (rc[i].ncells == 1 && row->cells[0].num == NUM_BLANK))
            for (int k = n0; k < ts->n; k++) {
                if (ncand == capc)
                    cand = xrealloc(cand, (size_t)(capc = capc ? 2 * capc : 64) * sizeof *cand);
                cand[ncand++] = k;
            }
    }
    tokens_across_rows(r, table, g, ts, cand, ncand);
    join_label_lines(r, table, ts, cand, ncand, &tmp);
    int before = ntexts;
    item_label_barriers(r, table, ts, &texts, &ntexts, &capt);
    for (int i = before; i < ntexts; i++)   /* (in order: its barriers among the texts before) */
        for (int j = i; j > 0 && texts[j - 1] > texts[j]; j--) {
            int t = texts[j];
            texts[j] = texts[j - 1];
            texts[j - 1] = t;
        }
    if (ntexts)
        mark_text_before_numbers(r, table, ts, texts, ntexts);
    sbuf_give(&tmp);
    free(cand);
    free(texts);
}

/* 1 when token k is a number glued to its label after words of no row
 * (unusual_label()). */
static int glued_after_words_token(const tokens *ts, int k)
{
    for (int q = 0; q < ts->nafter_words; q++)
        if (ts->after_words[q] == k)
            return 1;
    return 0;
}

/* The first token of [from, to] that is a number glued after words of no
 * row, or -1. */
static int glued_among(const tokens *ts, int from, int to)
{
    for (int k = from; k >= 0 && k <= to; k++)
        if (ts->tok[k].kind == PT_VALUE && glued_after_words_token(ts, k))
            return k;
    return -1;
}

/* Whether token k's number follows a colon and ends its line ("行政处罚：28",
 * a list's item; not "行政许可：23件", a sentence's words). */
static int colon_before(const gk_report *r, const tokens *ts, int k)
{
    const grid_cell *c = ts->cell[k];
    if (c->line < 1 || (size_t)c->line > r->text->nlines)
        return 0;
    const gk_line *l = &r->text->norm[c->line - 1];
    const char *at = strstr(l->s, ts->text[k]);
    if (!at || ts->text[k][strspn(ts->text[k], "0123456789.,")] || at[strspn(at + strlen(ts->text[k]), " \t") + strlen(ts->text[k])])
        return 0;                      /* a number alone, the line's end */
    while (at > l->s && (at[-1] == ' ' || at[-1] == '\t'))
        at--;
    return (at - l->s >= 1 && at[-1] == ':') || (at - l->s >= 3 && !memcmp(at - 3, "：", 3));
}

/* Fills a slot from token k. */
static void slot_from_token(slot *s, const tokens *ts, int k)
{
    const grid_cell *c = ts->cell[k];
    if (ts->tok[k].kind == PT_EMPTY) {
        *s = (slot){.status = GK_ST_BLANK, .is_int = 1, .line = c->line, .raw = c->text};
        return;
    }
    if (glued_after_words_token(ts, k)) {   /* glued after words of no row: whose, not known */
        *s = (slot){.status = GK_ST_MISSING, .line = c->line, .raw = c->text};
        s->why = xasprintf("「%s」中的数字「%s」与行标签之间隔着不属于该行标签的文字（可能是隐藏文字、批注或脚注），"
                           "无法确定它是该行的数字，不作读取",
                           c->text, ts->text[k]);
        return;
    }
    if (ts->text[k] != c->text) {      /* a number glued to its label ("行政许可216"): its own text */
        grid_cell own = *c;
        own.text = (char *)ts->text[k];
        own.len = (unsigned)strlen(own.text);
        own.num = num_parse(own.text, &own.value, &own.is_int);
        slot_from_cell(s, &own);
        s->raw = ts->text[k];
        return;
    }
    slot_from_cell(s, c);
}

/* "000" .. "999": a cell's text of one to three digits is the end of the entry
 * of its value ("7" of "007"), which the report's cell points at rather than at
 * a copy in its arena (most numbers of most tables: 74,000 copies for 400
 * reports).  Read only, as a cell's raw text is. */
#define SMALL_D10(p) p "0", p "1", p "2", p "3", p "4", p "5", p "6", p "7", p "8", p "9"
#define SMALL_D100(p)                                                                                       \
    SMALL_D10(p "0"), SMALL_D10(p "1"), SMALL_D10(p "2"), SMALL_D10(p "3"), SMALL_D10(p "4"), SMALL_D10(p "5"), \
        SMALL_D10(p "6"), SMALL_D10(p "7"), SMALL_D10(p "8"), SMALL_D10(p "9")
static const char small_numbers[1000][4] = {SMALL_D100("0"), SMALL_D100("1"), SMALL_D100("2"), SMALL_D100("3"),
                                            SMALL_D100("4"), SMALL_D100("5"), SMALL_D100("6"), SMALL_D100("7"),
                                            SMALL_D100("8"), SMALL_D100("9")};

/* A cell's raw text t: small_numbers' for one to three digits, else a copy in the
 * report's arena. */
static inline char *cell_raw(gk_report *r, const char *t)
{
    unsigned a = (unsigned char)t[0] - '0', b, c;
    if (a > 9)
        goto copy;
    if (!t[1])
        return (char *)small_numbers[a] + 2;   /* most: "0" */
    if ((b = (unsigned char)t[1] - '0') > 9)
        goto copy;
    if (!t[2])
        return (char *)small_numbers[10 * a + b] + 1;
    if ((c = (unsigned char)t[2] - '0') > 9 || t[3])
        goto copy;
    return (char *)small_numbers[100 * a + 10 * b + c];
copy:
    return arena_strdup(&r->strings, t);
}

/* Stores what token k read into cell: as slot_from_token() and
 * store_slot() do, the usual number without a slot.  Inlined at its callers
 * (once per cell read: a call costs 1% of a check). */
static inline __attribute__((always_inline)) void store_token(gk_report *r, gk_cell *cell, const tokens *ts, int k)
{
    const grid_cell *c = ts->cell[k];
    if (ts->tok[k].kind == PT_EMPTY || c->num != NUM_VALUE || c->value >= 1e9) {   /* (a run: store_slot()) */
        slot s;
        slot_from_token(&s, ts, k);
        store_slot(r, cell, &s);
        return;
    }
    cell->read_status = GK_ST_EXTRACTED;
    cell->read_value = c->value;
    cell->read_is_int = c->is_int;
    cell->line = c->line;
    cell->raw = cell_raw(r, c->text);
    if (cell->unread_why) {
        free(cell->unread_why);
        cell->unread_why = NULL;
    }
}

/* The numbers near a row, for a message: "12 0 3". */
static void numbers_near(const tokens *ts, int anchor, sbuf *b)
{
    int shown = 0;
    for (int k = anchor + 1; k < ts->n && shown < 12; k++) {
        if (ts->tok[k].kind == PT_LABEL && ts->tok[k].rows)
            break;
        if (ts->tok[k].kind == PT_VALUE) {
            if (shown)                 /* (not sbuf_printf(): a message for most rows unread) */
                sbuf_addc(b, ' ');
            sbuf_adds(b, ts->text[k]);
            shown++;
        }
    }
}

/* The first number token after token k, or ts->n. */
static int value_after(const tokens *ts, int k)
{
    for (k++; k < ts->n && ts->tok[k].kind != PT_VALUE; k++)
        ;
    return k;
}

/* Appends before, n as %d writes it, and after: a message's pieces without
 * sbuf_printf() (vsnprintf(): some 1,200 instructions; a row unread has a message). */
static void add_count(sbuf *b, const char *before, int n, const char *after)
{
    sbuf_adds(b, before);
    json_out_int(b, n);
    sbuf_adds(b, after);
}

/* Why a row's cells were not read. */
static char *unplaced_why(const gk_report *r, int table, int rr, const place_row *p, const tokens *ts)
{
    const gk_row_def *rd = &template_table(r->tpl, table)->rows[rr];
    sbuf b;
    sbuf_init(&b);
    if (p->state == PL_AMBIGUOUS) {
        sbuf_adds(&b, "「");
        sbuf_adds(&b, rd->short_label);
        sbuf_adds(&b, "」行的数字有不止一种对位方式，无法确定，不作读取");
    } else if (p->anchor >= 0 && p->have == 1 && rd->ncols > 1) {
        int k = value_after(ts, p->anchor);
        const char *text = k < ts->n ? ts->text[k] : "";
        if (strlen(text) >= (size_t)rd->ncols)
            sbuf_printf(&b, "单元格粘连：读到「%s」，无法拆分为 %d 列，不作猜测", text, rd->ncols);
        else
            sbuf_printf(&b, "该行只读到 1 个数字（应为 %d 个）：%s，无法确定所在的列", rd->ncols, text);
    } else if (p->anchor >= 0 && p->have > rd->ncols && p->want <= rd->ncols) {
        sbuf_printf(&b, "「%s」行多出 %d 个数字（读到 ", rd->short_label, p->have - rd->ncols);
        numbers_near(ts, p->anchor, &b);
        add_count(&b, "，应为 ", rd->ncols, " 个），无法确定哪些属于本行，不作读取");
    } else if (p->anchor >= 0 && p->have == 0) {
        sbuf_adds(&b, "该行没有读到数字");
    } else if (p->anchor >= 0 && p->have < rd->ncols) {
        add_count(&b, "该行只读到 ", p->have, " 个数字（应为 ");
        add_count(&b, "", rd->ncols, " 个）：");
        numbers_near(ts, p->anchor, &b);
        sbuf_adds(&b, "，无法确定各自所在的列");
    } else if (p->anchor >= 0) {
        sbuf_printf(&b, "「%s」行及其后标签缺失的各行应有 %d 个数字，读到 %d 个，无法按位置确定，不作读取",
                    rd->short_label, p->want, p->have);
    } else {
        add_count(&b, "标签缺失，附近的数字个数（", p->have, " 个）与应有的行不符，无法按位置确定");
    }
    return sbuf_steal(&b);
}

/* The numbers of tokens from `from` on into v (at most max; a blank reads 0),
 * up to a label naming a row, a header row or prose after token `own` (a row's
 * label); their count, or -1 when an empty cell (a row of explicit cells, counted
 * otherwise), a header row or prose stands among them before that, a label among
 * them has digits glued to it, a number is not read, or there are more than max. */
static int run_values(const tokens *ts, int from, int own, double *v, int max)
{
    int n = 0;
    for (int k = from; k < ts->n; k++) {
        const place_tok *t = &ts->tok[k];
        if (k > own && (t->kind == PT_BREAK || t->kind == PT_HEADER || (t->kind == PT_LABEL && (t->rows || t->firsts))))
            break;
        const char *text = ts->cell[k] ? ts->cell[k]->text : "";
        if (t->kind == PT_EMPTY || t->kind == PT_HEADER || t->kind == PT_BREAK ||
            (t->kind == PT_LABEL && glued_digits(text, strlen(text))))
            return -1;
        if (t->kind != PT_VALUE)
            continue;
        slot s = {0};
        slot_from_token(&s, ts, k);
        free(s.why);
        if (s.status == GK_ST_MISSING || n >= max)
            return -1;
        v[n++] = s.status == GK_ST_EXTRACTED ? s.value : 0;
    }
    return n;
}

/* Row values w: seen (n - 1 numbers) with a blank (0) at cell j. */
static void with_blank(const double *seen, int n, int j, double *w)
{
    for (int c = 0, k = 0; c < n; c++)
        w[c] = c == j ? 0 : seen[k++];
}

/* Row rr's cells read as v, inferred, with why (each cell's, the line its label's). */
static void store_inferred(gk_report *r, int table, int rr, int line, const char *why, const double *v)
{
    const gk_row_def *rd = &template_table(r->tpl, table)->rows[rr];
    slot s[PLACE_MAX_COLS];
    memset(s, 0, sizeof s);
    for (int c = 0; c < rd->ncols; c++)
        s[c] = (slot){.status = GK_ST_INFERRED, .is_int = 1, .line = line, .why = xstrdup(why)};
    store_row(r, table, rr, s, rd->ncols);
    gk_cell *cells = row_cells_of(r, table, rr);
    for (int c = 0; c < rd->ncols; c++)   /* (a slot inferred stores no value) */
        cells[c].read_value = v[c];
}

/* 1 when row rr (its label found, not placed: its numbers fewer than its cells)
 * has an equation of its own (its total) and only its own numbers after its
 * label, one fewer than its cells, each reading 0 or a blank, no digits glued
 * to its label — or, placed more than one way (PL_AMBIGUOUS), as many numbers
 * as its cells or one fewer after its label and every number from the anchor
 * before its own to the next 0: whichever cell was lost, the row's total makes it
 * 0 (a lost count adds up to the total 0, a lost total is the sum of zeros).  A converter
 * that prints no empty cell (pdftotext without -layout, pandoc, w3m dropping an
 * empty column) drops a blank cell so; which one is not known, and the row is
 * read as zeros, inferred (read_zero_row()). */
static int zero_row_short(const gk_report *r, int table, int rr, const tokens *ts, const place_row *pl, int nrows,
                          int ncols)
{
    const place_row *p = &pl[rr];
    if (p->anchor < 0 || r->tpl->row_eq[table - 2][rr] < 0 || ncols < 3)
        return 0;
    int from = p->anchor;              /* the tokens looked at: its label's on, up to the next row's label */
    if (p->state == PL_AMBIGUOUS) {
        /* read either way (label first, or after: "…" 0 0 0 0 0 0 0 "label" 0 0 0 0 0 0
         * "…", pdftotext -raw), from the anchor before its own: every reading zeros */
        from = -1;
        for (int q = 0; q < nrows; q++)
            if (pl[q].anchor >= 0 && pl[q].anchor < p->anchor && pl[q].anchor > from)
                from = pl[q].anchor;
        if (from < 0)
            return 0;
    } else if (p->state != PL_COUNT || p->have != ncols - 1 || p->want != ncols) {
        return 0;
    }
    /* its numbers (placed more than one way: from the anchor before its own on), all 0 */
    double v[2 * PLACE_MAX_ROWS * PLACE_MAX_COLS];
    int n = run_values(ts, from, p->anchor, v, (int)(sizeof v / sizeof *v));
    if (n < 0)
        return 0;
    for (int k = 0; k < n; k++)
        if (v[k] != 0)
            return 0;
    if (p->state == PL_AMBIGUOUS) {    /* as many as its cells after its label, or one fewer */
        int after = run_values(ts, p->anchor, p->anchor, v, (int)(sizeof v / sizeof *v));
        return after == ncols - 1 || after == ncols;
    }
    return n == p->have;
}

/* Row rr's cells as zero_row_short() says: each 0, inferred, why in its words. */
static void read_zero_row(gk_report *r, int table, int rr, const place_row *p, const tokens *ts)
{
    const gk_row_def *rd = &template_table(r->tpl, table)->rows[rr];
    const double zeros[PLACE_MAX_COLS] = {0};
    char *why = p->state == PL_AMBIGUOUS
                    ? xasprintf("该行的数字有不止一种对位方式，但附近的数字都是 0：无论哪种读法，按该行的总计各格都是 0"
                                "（缺的一格当是转换时丢掉的空白单元格，不知是哪一格；模板要求填 0）")
                    : xasprintf("该行只读到 %d 个数字（应为 %d 个），都是 0：缺的一格无论是哪一格，按该行的总计都是 0"
                                "（当是转换时丢掉的空白单元格，不知是哪一格；模板要求填 0）",
                                p->have, rd->ncols);
    store_inferred(r, table, rr, ts->cell[p->anchor]->line, why, zeros);
    free(why);
}

/* A row placed without a label of its own is read only when the table's
 * equations across rows confirm it: every equation (other than the row's
 * own total) that holds one of its cells and can be evaluated on what was
 * read holds, and at least one can.  A row placed in doubt (place_row.doubt,
 * long_row(): which numbers are its own is in question, not where it is) counts
 * its own total too, and each number read in it must lie in an equation that
 * holds; doubt 2, a row whose numbers over two lines read as well in another
 * order (wrapped_order_unsure()), does not count its own total when it holds
 * (it holds either way).  Returns NULL when confirmed, else why. */
/* Equation e on what was read, seen from the row whose cells are
 * [first, first + n): the sum of its read numbers, whether it holds a cell of
 * the row, whether all its cells lie in the row, and whether every cell of it
 * was read as a number. */
typedef struct {
    double sum;
    int mine, own_row, known, blanks;
} eq_read;

/* With `blank_zero`, a cell written blank ("—", "/": GK_ST_BLANK) counts as the
 * 0 the template asks for (x.blanks: how many), else it is not known. */
static eq_read equation_read_blanks(const gk_report *r, const gk_equation *e, int first, int n, int blank_zero)
{
    eq_read x = {0, 0, e->n > 0, 1, 0};
    for (int k = 0; k < e->n; k++) {
        int c = e->cell[k], in = c >= first && c < first + n;
        x.mine |= in;
        x.own_row &= in;
        if (blank_zero && r->cells[c].read_status == GK_ST_BLANK)
            x.blanks++;
        else if (r->cells[c].read_status != GK_ST_EXTRACTED)
            x.known = 0;
        else
            x.sum += e->coef[k] * r->cells[c].read_value;
    }
    return x;
}

static eq_read equation_read(const gk_report *r, const gk_equation *e, int first, int n)
{
    return equation_read_blanks(r, e, first, n, 0);
}

/* Whether equation e holds a cell of [first, first + n) (eq_read.mine), told
 * without reading its cells: most equations hold none of a row's. */
static inline int eq_touches(const gk_equation *e, int first, int n)
{
    for (int k = 0; k < e->n; k++)
        if (e->cell[k] >= first && e->cell[k] < first + n)
            return 1;
    return 0;
}

static int eq_holds(const eq_read *x)
{
    return x->sum <= 1e-6 && x->sum >= -1e-6;
}

/* 1 when one of the row's cells [first, first + n) in equation e was read as a number. */
static int eq_reads_row(const gk_report *r, const gk_equation *e, int first, int n)
{
    for (int k = 0; k < e->n; k++)
        if (e->cell[k] >= first && e->cell[k] < first + n && r->cells[e->cell[k]].read_status == GK_ST_EXTRACTED)
            return 1;
    return 0;
}

/* unconfirmed(); with blank_zero, a cell written blank ("—", "/", an empty cell:
 * GK_ST_BLANK) counts as the 0 the template asks for: an equation holding so
 * confirms, one failing so with a number of the row's own in it refutes, one
 * failing otherwise says nothing (its blanks may stand for other numbers).
 * *lack: 1 when the row is refused for want of a confirming equation, not
 * refuted by one. */
static char *unconfirmed_by(const gk_report *r, int table, int rr, int doubt, int blank_zero, int *lack)
{
    const gk_template *t = r->tpl;
    int first = t->first_cell[table - 2][rr], n = template_table(t, table)->rows[rr].ncols;
    const char *label = template_table(t, table)->rows[rr].short_label;
    int checked = 0;
    uint32_t covered = 0;              /* the row's cells in an equation that holds */
    *lack = 0;
    for (int q = 0; q < t->neqs; q++) {
        const gk_equation *e = &t->eqs[q];
        if (!eq_touches(e, first, n))
            continue;                  /* (x.mine) */
        eq_read x = equation_read_blanks(r, e, first, n, blank_zero);
        if (!x.mine || !x.known || (x.blanks && !eq_holds(&x) && !eq_reads_row(r, e, first, n)))
            continue;
        if (x.own_row && !doubt)
            continue;                  /* an equation within the row says nothing of where it is */
        if (x.own_row && doubt == 2 && eq_holds(&x))
            continue;                  /* nor, holding in either order, of the order its numbers stand in */
        if (!eq_holds(&x) && doubt)
            return xasprintf("「%s」行附近的数字个数有不止一种对位方式，读到的数字与%s（%s）不符，不作读取", label,
                             e->what, e->rule);
        if (!eq_holds(&x))
            return xasprintf("标签缺失，按模板顺序放入「%s」行的数字与%s（%s）不符，不作读取", label, e->what,
                             e->rule);
        for (int k = 0; k < e->n; k++)
            if (e->cell[k] >= first && e->cell[k] < first + n)
                covered |= (uint32_t)1 << (e->cell[k] - first);
        checked++;
    }
    int uncovered = 0;                 /* in doubt: each number read must be confirmed, not the row as a whole */
    for (int c = 0; c < n && doubt; c++)
        uncovered += r->cells[first + c].read_status == GK_ST_EXTRACTED && !(covered >> c & 1);
    *lack = 1;
    if ((!checked || uncovered) && doubt)
        return xasprintf("「%s」行附近的数字个数有不止一种对位方式，且没有勾稽关系可以印证%s，不作读取", label,
                         checked ? "其中每个数字" : "");
    if (!checked)
        return xasprintf("标签缺失，按模板顺序放入「%s」行的数字没有勾稽关系可以印证，不作读取", label);
    return NULL;
}

/* Why a row placed by position (or in doubt) is not read: NULL when the
 * equations across rows confirm it.  An equation with a cell not read says
 * nothing; a row no equation read so confirms is looked at again with cells
 * written blank as 0 (a table whose zeros are dashes: sample 002's rows of
 * "—"), where an equation failing so with the row's own number in it refutes
 * it (a stray "规 94" over a row of empty cells: 94 and blanks hold the other
 * columns' sums, not the first's). */
static char *unconfirmed(const gk_report *r, int table, int rr, int doubt)
{
    int lack;
    char *why = unconfirmed_by(r, table, rr, doubt, 0, &lack);
    if (!why || !lack)
        return why;
    int lack_too;
    char *again = unconfirmed_by(r, table, rr, doubt, 1, &lack_too);
    if (!again) {
        free(why);
        return NULL;
    }
    free(again);
    return why;
}

/* Token k's cell's place on its source grid row: the cell's index, the row's in
 * *row; -1 when the token has no cell of a row. */
static int token_cell_at(const tokens *ts, const grid *g, int k, int *row)
{
    int u = ts->tok[k].unit;
    if (u < 0 || UNIT_ROW(u) >= g->nrows || !ts->cell[k])
        return -1;
    *row = UNIT_ROW(u);
    ptrdiff_t at = ts->cell[k] - g->rows[*row].cells;
    return at >= 0 && at < g->rows[*row].ncells ? (int)at : -1;
}

/* 1 when a label's piece stands before row p's numbers on their line ("4.
 * 7 0 0 …" over "保护第三方合法权益"), or a label's beginning with its item number
 * (a barrier: PT_HEADER): the numbers are that row's, its label's rest after
 * them. */
static int piece_before_numbers(const grid *g, const tokens *ts, const place_row *p)
{
    int u = ts->tok[p->tok[0]].unit;
    for (int j = p->tok[0] - 1; u >= 0 && j >= 0 && ts->tok[j].unit >= 0 && UNIT_ROW(ts->tok[j].unit) == UNIT_ROW(u); j--)
        if (ts->tok[j].kind == PT_LABEL || ts->tok[j].kind == PT_HEADER)
            return 1;
    int i, at = token_cell_at(ts, g, p->tok[0], &i);
    for (int c = 0; c < at; c++)       /* an item number alone, no token ("5." then the numbers,
                                          "属于三类内部事务信息" under them) */
        if (g->rows[i].cells[c].text[0] && g->rows[i].cells[c].num == NUM_NONE)
            return 1;
    return 0;
}

/* 1 when token k lies on a source row holding a row's whole label (PT_WHOLE)
 * that anchors no row: hidden text or a summary echoing a row, its numbers its
 * own. */
static int echo_line(const tokens *ts, const place_row *pl, int nrows, int k)
{
    int u = ts->tok[k].unit, j = k;
    if (u < 0)
        return 0;
    while (j > 0 && ts->tok[j - 1].unit == u)
        j--;
    for (; j < ts->n && ts->tok[j].unit == u; j++) {
        if (ts->tok[j].kind != PT_LABEL || !(ts->tok[j].foreign & PT_WHOLE))
            continue;
        int anchor = 0;
        for (int q = 0; q < nrows && !anchor; q++)
            anchor = pl[q].anchor == j;
        if (!anchor)
            return 1;
    }
    return 0;
}

/* The cells (numbers and empty cells, up to max) right after row p's label,
 * before the next label naming a row, a header row or prose. */
static int numbers_after_label(const tokens *ts, const place_row *p, int max)
{
    int vals = 0;
    for (int k = p->anchor + 1; k < ts->n && vals < max; k++) {
        const place_tok *t = &ts->tok[k];
        if (t->kind == PT_BREAK || t->kind == PT_HEADER || (t->kind == PT_LABEL && (t->rows || t->firsts)))
            break;
        vals += t->kind == PT_VALUE || t->kind == PT_EMPTY;
    }
    return vals;
}

/* Row rr read with its label after its numbers, the row before left without
 * numbers, its label (if found) before them, and those numbers right after a
 * header row (two of its names or more: pdfminer prints a Word table's first
 * labels, then its header, then the numbers — "一、本年新收…" "二、上年结转…"
 * "申请人情况" … 48 68 … 318 "三、本年度办理结果" "(一)予以公开"; they may be
 * that row's, or, its label lost, any row's before, printed across the header,
 * which no row is read across) or right after the row before's own label (its
 * pieces and lines echoing another row between).  Returns the row left without
 * numbers + 1 when so, else 0. */
static int label_after_numbers_after_header(const grid *g, const tokens *ts, const place_row *pl, int nrows, int rr);

/* Inlined at its caller, once per row: most rows are not read label after. */
static inline __attribute__((always_inline)) int numbers_after_header(const grid *g, const tokens *ts,
                                                                     const place_row *pl, int nrows, int rr)
{
    const place_row *p = &pl[rr];
    if (p->state != PL_PLACED || p->anchor < 0 || !p->label_after || rr == 0)
        return 0;
    return label_after_numbers_after_header(g, ts, pl, nrows, rr);
}

/* numbers_after_header() for row rr > 0, placed, read label after. */
static int label_after_numbers_after_header(const grid *g, const tokens *ts, const place_row *pl, int nrows, int rr)
{
    const place_row *p = &pl[rr];
    const place_row *q = &pl[rr - 1];
    if (q->anchor >= p->tok[0] || piece_before_numbers(g, ts, p))
        return 0;                      /* the row before's label follows the numbers */
    int headers = 0, k = p->tok[0] - 1;
    for (; k >= 0; k--) {
        const place_tok *t = &ts->tok[k];
        if (echo_line(ts, pl, nrows, k))
            continue;                  /* hidden text echoing a row, its numbers its own */
        if (t->kind == PT_HEADER && !(t->foreign & (PT_NOT_NEXT | PT_ITEM)))
            headers++;
        else if (t->kind == PT_VALUE || t->kind == PT_BREAK || (t->kind == PT_LABEL && (t->rows || t->firsts)))
            break;
    }
    if (headers >= 2) {                /* a header's names, not one barrier (a label of no anchor's row) */
        /* a row before left without numbers, the rows between it and this one read
         * before the header (pdfminer: "1.本年新收政府" "2.上年结转政府 3" … "0 0 0 / / 3"
         * "申请人情况" … "12 3 0 0 1 0 16" "（一）予以公开" "6": 本年新收's numbers
         * after the header, 上年结转's before it) */
        for (int b = rr - 1; b >= 0; b--) {
            if (pl[b].state != PL_PLACED)
                return pl[b].anchor < p->tok[0] ? b + 1 : 0;
            if (pl[b].anchor > k || pl[b].tok[0] > k)
                return 0;
        }
        return 0;
    }
    if (q->state == PL_PLACED)
        return 0;                      /* the row before has numbers */
    /* or right after that row's own label (its pieces between): "二、上年结转政府"
     * "信息公开申请数量" 1 0 0 1 0 0 2 "(一) 予以公开" 9 2 7 0 o 18, 予以公开's own row a
     * cell short (pandoc, a blank cell lost) */
    return k >= 0 && ts->tok[k].kind == PT_LABEL && ((ts->tok[k].rows | ts->tok[k].firsts) >> (rr - 1) & 1) ? rr : 0;
}

/* Why read_table_grid() has a placed row confirmed by the equations across rows
 * (its positional[]): placed by position alone (ROW_POSITIONAL), or in doubt
 * (ROW_DOUBT: which numbers are its own is in question), and the other kinds of
 * doubt each with its own words. */
enum { ROW_POSITIONAL = 1, ROW_DOUBT = 2, ROW_CHECK = 4, ROW_NARROW = 8, ROW_PADDED = 16, ROW_TOTAL_FITS = 32,
       ROW_COLUMNS = 64, ROW_ORDER = 128, ROW_WRAPPED = 256, ROW_ACROSS = 512, ROW_AFTER_OTHER = 1024 };

/* unconfirmed() of a row read with its label after its numbers that may be
 * another row's, in its own words: which reading is in question (kind):
 * ROW_ORDER, a table that reads as well with labels first; ROW_ACROSS, numbers
 * after a header that may be row `unread`'s (numbers_after_header()); else
 * ROW_AFTER_OTHER, numbers after its label too and its numbers right after a
 * label naming another row, or no row's. */
static char *unconfirmed_reading(const gk_report *r, int table, int rr, int kind, int unread)
{
    char *why = unconfirmed(r, table, rr, 0);
    if (!why)
        return NULL;
    free(why);
    const gk_table_def *td = template_table(r->tpl, table);
    const char *row = td->rows[rr].short_label;
    if (kind == ROW_ORDER)
        return xasprintf("「%s」行的数字在其标签之前还是之后，两种读法都说得通（各行的总计都相符），且没有跨行的勾稽关系可以印证，不作读取",
                         row);
    if (kind == ROW_ACROSS)
        return xasprintf("「%s」行标签之前的数字紧随表头或其前一行的标签，也可能属于没有读到数字的「%s」行，且没有跨行的勾稽关系可以印证，"
                         "不作读取",
                         row, td->rows[unread].short_label);
    return xasprintf("「%s」行标签之前的数字紧随另一行的标签，可能属于那一行（如分页处重复的行），其标签之后也有数字，"
                     "且没有跨行的勾稽关系可以印证，不作读取",
                     row);
}

/* The counts of cells [first, first + n) into v (a blank reads 0); 0 when one of
 * them was not read as a number or a blank. */
static int row_counts(const gk_report *r, int first, int n, double *v)
{
    for (int c = 0; c < n; c++) {
        const gk_cell *cell = &r->cells[first + c];
        if (cell->read_status != GK_ST_EXTRACTED && cell->read_status != GK_ST_BLANK)
            return 0;
        v[c] = cell->read_status == GK_ST_EXTRACTED ? cell->read_value : 0;
    }
    return 1;
}

/* The row [first, first + n) read with its last cell blank: 1 when its numbers,
 * read instead as the row with one earlier cell lost and its last number the last
 * cell, satisfy the row's own equation e with the lost cell a count (a whole
 * number, not negative), and that reading differs from this one. */
static int lost_cell_fits(const gk_report *r, const gk_equation *e, int first, int n)
{
    double v[PLACE_MAX_COLS], coef[PLACE_MAX_COLS] = {0};
    int nonzero = 0;
    if (n > PLACE_MAX_COLS || !row_counts(r, first, n - 1, v))
        return 0;                      /* its last cell is the blank in question */
    for (int i = 0; i + 1 < n; i++)
        nonzero |= v[i] != 0;
    if (!nonzero)
        return 0;                      /* all zeros: both readings give the same counts */
    for (int k = 0; k < e->n; k++)
        if (e->cell[k] >= first && e->cell[k] < first + n)
            coef[e->cell[k] - first] = e->coef[k];
    for (int j = 0; j + 1 < n; j++) {  /* cell j lost: the numbers before it stay, those after move on one */
        if (coef[j] == 0)
            continue;
        double rest = 0;
        for (int i = 0; i < n; i++)
            if (i != j)
                rest += coef[i] * v[i < j ? i : i - 1];
        double x = -rest / coef[j];
        if (x > -1e-6 && fabs(x - round(x)) < 1e-6)
            return 1;
    }
    return 0;
}

/* The first equation holding one of row rr's cells, all of whose cells are
 * known, that fails; with `lost`, also the first of the row's own equations the
 * row fits as well read with a cell lost before its last number
 * (lost_cell_fits(): *lost set); NULL when none. */
static const gk_equation *row_contradiction(const gk_report *r, int table, int rr, int lost_too, int *lost)
{
    const gk_template *t = r->tpl;
    int first = t->first_cell[table - 2][rr], n = template_table(t, table)->rows[rr].ncols;
    *lost = 0;
    for (int q = 0; q < t->neqs; q++) {
        const gk_equation *e = &t->eqs[q];
        if (!eq_touches(e, first, n))
            continue;                  /* (x.mine: and x.own_row) */
        eq_read x = equation_read(r, e, first, n);
        if (x.mine && x.known && !eq_holds(&x))
            return e;
        if (lost_too && x.own_row && lost_cell_fits(r, e, first, n)) {
            *lost = 1;
            return e;
        }
    }
    return NULL;
}

/* A row read with the empty cell after its numbers as its blank last cell: a
 * reason when an equation holding one of its cells, all of whose cells are known,
 * fails (the empty cell may be a padded row's end after a lost cell), or when the
 * row read with a cell lost before its last number fits its own equation as well
 * (lost_cell_fits(): which cell is blank is not known); else NULL. */
static char *contradicted(const gk_report *r, int table, int rr)
{
    int lost;
    const gk_equation *e = row_contradiction(r, table, rr, 1, &lost);
    const char *label = template_table(r->tpl, table)->rows[rr].short_label;
    if (!e)
        return NULL;
    if (lost)
        return xasprintf("「%s」行末尾的空单元格可能是空白的最后一格，也可能是该行中间缺了一个数字、"
                         "末尾为补齐的空格（两种读法都符合%s），不作读取",
                         label, e->what);
    return xasprintf("「%s」行末尾的空单元格可能是空白的最后一格，也可能是错位后补齐的空格，"
                     "读到的数字与%s（%s）不符，不作读取",
                     label, e->what, e->rule);
}

/* 1 when token k's cell is followed on its source row by a label cell. */
static int before_label(const tokens *ts, const grid *g, int k)
{
    int i, at = token_cell_at(ts, g, k, &i);
    return at >= 0 && at + 1 < ts->rows[i].ncells && ts->rows[i].cls[at + 1] == C_LABEL;
}

/* When placed row p's numbers (n of them) come from two lines or more of a row
 * whose cells are separated by spaces (no tabs, pipes or borders: an explicit
 * grid row), or from an explicit row and a line of numbers without separators
 * after it or a number before another explicit row's label: how many come from
 * the first line (*explicit_first: whether that line is an explicit row); else 0. */
static int numbers_wrapped(const tokens *ts, const grid *g, const place_row *p, int n, int *explicit_first)
{
    int first = -1, on_first = 0, later = 0;
    int explicit = 0;                  /* the first line's cells are explicit (tabs, pipes) */
    for (int c = 0; c < n; c++) {
        int k = p->tok[c];
        if (ts->tok[k].kind != PT_VALUE)
            continue;
        int line = ts->cell[k]->line, u = ts->tok[k].unit;
        if (u < 0)
            return 0;
        if (first < 0) {
            explicit = g->rows[UNIT_ROW(u)].explicit;
            first = line;
        }
        on_first += line == first;
        /* after an explicit row, only a line of numbers without separators of
         * its own: a page's number printed under the row's last cell ("2" at a
         * page's end, pdf.js), a label's item number written down a merged cell
         * ("3" "、" "不" "予"), or the row's end wrapped as text — or a number
         * first on another explicit row, before that row's label ("3 | 1.予以公开
         * | 5 | 4 …": the "3" of "3)" written down a merged cell) */
        if (line != first && (!explicit || !g->rows[UNIT_ROW(u)].explicit || before_label(ts, g, k)))
            later = 1;
    }
    *explicit_first = explicit;
    return later ? on_first : 0;
}

/* 1 when a number of placed row p (n cells) is the item number of a label
 * written down a merged cell, a character a line, by the mark alone after
 * it ("3" over "、" over "不" "予" …, PyMuPDF) — or a row's last number before
 * the "、" of such a label begun elsewhere ("三" … "19" "、"): the row is in
 * doubt, the table's equations to confirm it. */
static int item_number_taken(const grid *g, const tokens *ts, const place_row *p, int n)
{
    for (int c = 0; c < n; c++) {
        int k = p->tok[c], i, at;
        if (ts->tok[k].kind != PT_VALUE || (at = token_cell_at(ts, g, k, &i)) < 0)
            continue;
        const grid_row *row = &g->rows[i];   /* the next cell: on the row, or the next row's first */
        const grid_cell *next = at + 1 < row->ncells                         ? &row->cells[at + 1]
                                : i + 1 < g->nrows && g->rows[i + 1].ncells ? &g->rows[i + 1].cells[0]
                                                                            : NULL;
        if (next && item_digits_alone(ts->cell[k], next))
            return 1;
    }
    return 0;
}

/* 1 when row rr's own equation holds on the values v (its cells in order). */
static int row_eq_holds(const gk_report *r, int table, int rr, const double *v)
{
    const gk_template *t = r->tpl;
    int q = t->row_eq[table - 2][rr], first = t->first_cell[table - 2][rr];
    if (q < 0)
        return 1;
    const gk_equation *e = &t->eqs[q];
    eq_read x = {0, 0, 0, 1, 0};
    for (int k = 0; k < e->n; k++)
        x.sum += e->coef[k] * v[e->cell[k] - first];
    return eq_holds(&x);
}


/* The numbers of tokens tok[0..n) (an empty cell or a blank marker 0) into v;
 * 0 when one is no plain number. */
static int token_values(const tokens *ts, const int *tok, int n, double *v)
{
    for (int c = 0; c < n; c++) {
        int k = tok[c], kind = ts->tok[k].kind;
        if (kind == PT_VALUE) {        /* the usual number first: the cell read once */
            const grid_cell *cell = ts->cell[k];
            if (cell->num == NUM_VALUE && ts->text[k] == cell->text)
                v[c] = cell->value;
            else if (cell->num == NUM_BLANK)
                v[c] = 0;
            else
                return 0;
        } else if (kind == PT_EMPTY) {
            v[c] = 0;
        } else {
            return 0;
        }
    }
    return 1;
}

/* 1 when row rr of table 3 (n cells) took an empty cell as its blank first
 * cell and its own equation fails so read, its last number less than the
 * numbers between — no total: the empty cell may as well be the label
 * column's (a label spanning two columns, turndown's one-line table:
 * "一、本年新收… | | 67 | 47 | …"), every number one column right of its own and
 * the row's total lost — in doubt, the table's equations to confirm it.  Not
 * when the last number may be the total: a report's blank first cell with a
 * total that does not add up (sample 003's 本年新收, "— — … 6") is read as
 * written, with its finding. */
static int empty_first_fails(const gk_report *r, int table, int rr, const tokens *ts, const place_row *p, int n)
{
    double v[PLACE_MAX_COLS];
    if (table != 3 || n < 3 || n > PLACE_MAX_COLS || ts->tok[p->tok[0]].kind != PT_EMPTY ||
        r->tpl->row_eq[table - 2][rr] < 0 || !token_values(ts, p->tok, n, v))
        return 0;
    double others = 0;                 /* the numbers between: more than the last, it is no total */
    for (int c = 1; c + 1 < n; c++)
        others += v[c];
    return others > v[n - 1] && !row_eq_holds(r, table, rr, v);
}

/* v (the numbers of tokens tok[0..n), read line after line) into alt with the
 * numbers of the lines after the first's line first, then the first line's: a
 * cell's number on its second line printed under its row. */
static void later_lines_first(const tokens *ts, const int *tok, int n, const double *v, double *alt)
{
    int first = ts->cell[tok[0]]->line, m = 0;
    for (int c = 0; c < n; c++)
        if (ts->cell[tok[c]]->line != first)
            alt[m++] = v[c];
    for (int c = 0; c < n; c++)
        if (ts->cell[tok[c]]->line == first)
            alt[m++] = v[c];
}

/* The display columns x of tokens tok[0..n) (display_column(), each line
 * searched from its start; with `chars`, counted in characters, as pdftotext
 * -layout sets them) and their order by column, stable: 0 when a number is not
 * found as it is on its line. */
static int columns_order(const gk_report *r, const tokens *ts, const int *tok, int n, int *x, int *order, int chars)
{
    line_walk walk = {0, -1, chars};
    for (int c = 0; c < n; c++) {
        if ((x[c] = display_column_next(r, ts->cell[tok[c]], &walk)) < 0)
            return 0;
        order[c] = c;
    }
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && x[order[j - 1]] > x[order[j]]; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    return 1;
}

/* Where the label of placed row p ends on its numbers' two lines (first, second), as
 * display columns or characters (`chars`): its cell found on one of them; else, in
 * characters, the first line's first word when that line begins with text (the label's
 * first piece over the numbers, its rest under them: "⑧属于行政" "查询事项").  -1 when
 * no label stands there (the columns' order tells nothing), -2 when it is not found as
 * it is and the line's words do not tell where it ends either: the label's own text
 * normalised ("（三）" read "(三)": the line's indent and the text's width instead), or
 * joined from its pieces (characters: the line's first word). */
static int label_right(const gk_report *r, const tokens *ts, const place_row *p, int first, int second, int chars)
{
    const grid_cell *lab = p->anchor >= 0 ? ts->cell[p->anchor] : NULL;
    if (!lab || (lab->line != first && lab->line != second)) {
        int lx = chars ? first_word_end(r, first, 1) : -1;
        return lx >= 0 && starts_with_text(r, first) ? lx : -1;
    }
    line_walk walk = {0, -1, chars};
    int lx = display_column_next(r, lab, &walk);
    if (lx >= 0)
        return lx + text_width_as(lab->text, strlen(lab->text), chars);
    if (chars)
        lx = first_word_end(r, lab->line, 1);
    else if ((lx = line_indent(r, lab->line)) >= 0)
        lx += text_width_as(lab->text, strlen(lab->text), 0);
    return lx >= 0 ? lx : -2;
}

/* Row rr placed with its numbers over two lines or more, on_first of them on
 * the first (numbers_wrapped()): 1 when two or more are on the first and its own
 * equation fails as read, or holds as well with the numbers of the later lines
 * put first (3 when it holds both ways and the two orders differ: its own
 * total confirms neither); 2 when, over exactly two lines, the numbers in the order of their
 * display columns differ from the order read and the equation fails as read or
 * holds that way too — which order the row was written in, its total does not
 * tell — or the row has no equation of its own (table 2: nothing tells); 0
 * otherwise, or when a number is not plain. */
static int wrapped_order_unsure(const gk_report *r, int table, int rr, const tokens *ts, const place_row *p,
                                int on_first)
{
    int n = template_table(r->tpl, table)->rows[rr].ncols;
    int own = r->tpl->row_eq[table - 2][rr] >= 0;   /* a row with a total of its own */
    double read[PLACE_MAX_COLS], alt[PLACE_MAX_COLS];
    if (n > PLACE_MAX_COLS)
        return 0;
    /* a cell that is no number ("2A", a digit text recognition misread): its own
     * total cannot tell any order, only the columns on the page can */
    int numbers = token_values(ts, p->tok, n, read);
    int first = ts->cell[p->tok[0]]->line;
    if (numbers) {
        later_lines_first(ts, p->tok, n, read, alt);
        if (own && on_first >= 2 && row_eq_holds(r, table, rr, read) && row_eq_holds(r, table, rr, alt) &&
            memcmp(alt, read, (size_t)n * sizeof *read))
            return 3;                  /* both orders hold: its own total tells nothing */
        if (own && on_first >= 2 && (!row_eq_holds(r, table, rr, read) || row_eq_holds(r, table, rr, alt)))
            return 1;
    }
    /* a table printed with its columns aligned (w3m) puts a cell at the top of its
     * row's lines and another at the bottom: the numbers in the order of their
     * columns on the page, when that differs from the order read and adds up too
     * (or the order read does not), leave the row unread (2: its own total
     * confirms neither order) */
    int x[PLACE_MAX_COLS], order[PLACE_MAX_COLS], second = -1;
    for (int c = 0; c < n; c++) {
        const grid_cell *cell = ts->cell[p->tok[c]];
        if (ts->tok[p->tok[c]].kind == PT_EMPTY)
            return 0;                  /* an empty cell has no place on the page */
        if (cell->line != first && second < 0)
            second = cell->line;
        if (cell->line != first && cell->line != second)
            return 0;                  /* over more than two lines: not a row's cells side by side */
    }
    /* the columns counted as a browser draws them, and in characters (pdftotext -layout
       sets a CJK character as wide as a digit: a number right of a label on its line
       stands further left than its display column) — either order may be the page's */
    for (int chars = 0; chars < 2; chars++) {
        if (!columns_order(r, ts, p->tok, n, x, order, chars))
            return 0;
        int moved = 0;
        for (int c = 0; c < n; c++) {
            if (!numbers) {
                moved |= order[c] != c;
                continue;
            }
            alt[c] = read[order[c]];
            moved |= alt[c] != read[c];
        }
        if (!moved)
            continue;
        if (chars || !own || !numbers) {
            /* no total to tell (or no sum of its numbers), or the columns counted in
               characters (a row's line wrapped, lynx: "…仍不明确 6" over "件 0※ 7① …",
               adds up that way as well): the order of the columns is the row's only when
               its label stands on one of the two lines, left of every number (a table
               printed with its columns aligned); a number under the label or left of it,
               or the label on a line of its own, is a row's line wrapped (lynx, docx2txt's
               "…政府集中采购     7" then "     486,300"), or cells printed one a line at any
               indent: read in the order of the lines */
            int lx = label_right(r, ts, p, first, second, chars), left = 0;
            if (lx == -2)
                return 0;
            for (int c = 0; c < n; c++)
                left |= x[c] < lx;
            if (lx < 0 || left)
                continue;
        }
        if (!numbers || !own || !row_eq_holds(r, table, rr, read) || row_eq_holds(r, table, rr, alt))
            return 2;
    }
    return 0;
}

/* 1 when row rr of table 3 took an empty cell after its numbers as its blank
 * total while its other cells hold counts and most rows of the table have their
 * total written, and its last number is not 0 and no less than the numbers
 * before it added up: the empty cells may as well be the padding of a row that
 * lost numbers (a converter's cut cells, the row padded to the table's width),
 * its last number its total — its own equation cannot tell (a blank total
 * under counts fails it either way).  Such a row is not read: 1; 2 for a last
 * number exactly the others' sum, whatever the other rows.  A last number
 * smaller than the others' sum is no total: the blank total is the report's.
 * width: a table whose header lacks a column (header_map()). */
static int blank_total_shifted(const gk_report *r, int table, int rr, const place_row *p, const tokens *ts, int width,
                               const int *colmap)
{
    const gk_template *t = r->tpl;
    const gk_table_def *td = template_table(t, table);
    int n = td->rows[rr].ncols, first = t->first_cell[table - 2][rr], ntok = width ? width : n;
    if (table != 3 || n < 3 || t->row_eq[table - 2][rr] < 0 || ts->tok[p->tok[ntok - 1]].kind != PT_EMPTY ||
        r->cells[first + n - 1].read_status != GK_ST_BLANK)
        return 0;
    /* the blank cells at the row's end, and the number before them, in the
       page's order (a header that orders the columns otherwise, or lacks one:
       colmap): were they padding, that number would be the total, the cells lost
       before it holding what it has more than the numbers before it — none when
       it has less */
    const gk_cell *cell[PLACE_MAX_COLS];
    for (int c = 0; c < ntok; c++)
        cell[c] = &r->cells[first + (width ? colmap[c] : c)];
    int last = ntok - 2;
    while (last >= 0 && cell[last]->read_status == GK_ST_BLANK)
        last--;
    if (last < 1 || cell[last]->read_status != GK_ST_EXTRACTED)
        return 0;
    double before = 0;
    for (int c = 0; c < last; c++)
        before += cell[c]->read_status == GK_ST_EXTRACTED ? cell[c]->read_value : 0;
    double lastv = cell[last]->read_value;
    if (lastv <= 0 || lastv < before)
        return 0;                      /* (all zeros: either reading gives the same counts) */
    if (lastv == before)
        return 2;                      /* exactly the others' sum: a total, whatever the other rows */
    int written = 0, blank = 0;        /* the other rows' totals */
    for (int k = 0; k < td->nrows; k++) {
        if (k == rr || td->rows[k].ncols != n)
            continue;
        const gk_cell *c = &r->cells[t->first_cell[table - 2][k] + n - 1];
        written += c->read_status == GK_ST_EXTRACTED;
        blank += c->read_status == GK_ST_BLANK;
    }
    return written >= 3 && written >= 3 * blank;
}

/* 1 when row rr of table 3 was read without its total (the cell missing) and
 * the number in its last column but the total equals the numbers before it
 * added up (not 0): that number is as likely the row's total, its numbers one
 * cell on from where they stand (an empty first cell a converter merged into
 * the label's: "五、属于三类内部事务信息 3 9 0 0 0 12" read with 12 as 其他, the
 * total inferred 24).  Such a row is not read. */
static int total_lost_fits(const gk_report *r, int table, int rr, int width, const int *colmap)
{
    const gk_template *t = r->tpl;
    int n = template_table(t, table)->rows[rr].ncols, first = t->first_cell[table - 2][rr], ntok = width ? width : n;
    if (table != 3 || n < 3 || n > PLACE_MAX_COLS || t->row_eq[table - 2][rr] < 0 ||
        r->cells[first + n - 1].read_status != GK_ST_MISSING)
        return 0;
    double before = 0;                 /* in the page's order (colmap: the header's) */
    for (int c = 0; c + 2 < ntok; c++) {
        const gk_cell *cell = &r->cells[first + (width ? colmap[c] : c)];
        if (cell->read_status != GK_ST_EXTRACTED && cell->read_status != GK_ST_BLANK)
            return 0;
        before += cell->read_status == GK_ST_EXTRACTED ? cell->read_value : 0;
    }
    const gk_cell *last = &r->cells[first + (width ? colmap[ntok - 2] : ntok - 2)];
    return last->read_status == GK_ST_EXTRACTED && last->read_value > 0 && before == last->read_value;
}

/* A row of a table whose header lacks one of its columns (header_map()): a reason
 * when an equation holding one of its cells, all of whose cells are known,
 * fails (its numbers may stand one cell off: which empty cell of such a table is
 * a cell, the template's shape no longer tells); else NULL. */
static char *narrow_contradicted(const gk_report *r, int table, int rr)
{
    int lost;
    const gk_equation *e = row_contradiction(r, table, rr, 0, &lost);
    if (!e)
        return NULL;
    return xasprintf("表头少一列，「%s」行读到的数字与%s（%s）不符，可能错位，不作读取",
                     template_table(r->tpl, table)->rows[rr].short_label, e->what, e->rule);
}

/* A whole number that reads as a year (1990–2099). */
static int year_like(double x)
{
    return x >= 1990 && x <= 2099 && x == (double)(int)x;
}

/* 1 when a row of table 3 does not add up as read (its own equation, whose cells
 * all lie in the row, fails on its numbers and blank markers) and its first or last
 * number is a year: a date or footnote printed beside the row, standing in for a
 * number that went missing (the count of its numbers fits by chance).  Such a row
 * is in doubt.  Not the other ways a count may fit by chance (a footnote digit
 * beside a lost 0): they look the same as a row whose total is wrong. */
static int stray_fits_equations(const gk_report *r, int first, int n);

/* n: the row's cells (template).  Inlined at its caller, once per row read: the
 * cheap tests that most rows fail, the equations out of line. */
static inline __attribute__((always_inline)) int stray_fits(const gk_report *r, int table, int rr, int n)
{
    if (table != 3 || n < 2)
        return 0;
    int first = r->tpl->first_cell[table - 2][rr];
    if (!year_like(r->cells[first].read_value) && !year_like(r->cells[first + n - 1].read_value))
        return 0;                      /* most rows: the cheaper test first */
    return stray_fits_equations(r, first, n);
}

/* stray_fits() for row cells [first, first + n) with a year at an edge. */
static int stray_fits_equations(const gk_report *r, int first, int n)
{
    const gk_template *t = r->tpl;
    for (int c = 0; c < n; c++)
        if (r->cells[first + c].read_status != GK_ST_EXTRACTED && r->cells[first + c].read_status != GK_ST_BLANK)
            return 0;
    int own = 0, holds = 1;
    for (int q = 0; q < t->neqs; q++) {
        eq_read x = equation_read(r, &t->eqs[q], first, n);
        if (!x.own_row)
            continue;
        own++;
        holds &= eq_holds(&x);
    }
    return own && !holds;
}

/* 1 when row rr, read from a source row with an empty cell right before its first
 * number and numbers running one cell past the whole rows with its label columns
 * (tokens.lost 16: a row as long as its peers is the report as written, its total
 * wrong or not), does not add up as read (its own equation fails) while read with that
 * empty cell as its blank first cell and its last number dropped (a stray number
 * at its end: a footnote mark, a page number) it does, and differently: which
 * cell is blank only the equations across rows may tell. */
static int stray_after_empty_reads(const gk_report *r, int table, int rr, int n, int i, const place_row *p,
                                   const tokens *ts, const grid *g);

/* n: the row's cells (template).  Inlined at its caller, once per row read: the
 * cheap tests that most rows fail (tokens.lost 16 is rare), the rest out of line. */
static inline __attribute__((always_inline)) int stray_after_empty(const gk_report *r, int table, int rr, int n,
                                                                  const place_row *p, const tokens *ts, const grid *g)
{
    int u = ts->tok[p->tok[0]].unit;
    if (ts->tok[p->tok[0]].kind != PT_VALUE || u < 0 || !(ts->lost[UNIT_ROW(u)] & 16) || n < 2 || n > PLACE_MAX_COLS)
        return 0;
    return stray_after_empty_reads(r, table, rr, n, UNIT_ROW(u), p, ts, g);
}

/* stray_after_empty() for row rr whose first number's source row i is one cell past its peers. */
static int stray_after_empty_reads(const gk_report *r, int table, int rr, int n, int i, const place_row *p,
                                   const tokens *ts, const grid *g)
{
    const gk_template *t = r->tpl;
    int first = t->first_cell[table - 2][rr];
    ptrdiff_t j = ts->cell[p->tok[0]] - g->rows[i].cells;
    if (j < 1 || j >= ts->rows[i].ncells || ts->rows[i].cls[j - 1] != C_EMPTY)
        return 0;                      /* not one cell past its peers, or no empty cell before its numbers */
    double v[PLACE_MAX_COLS];
    int q = t->row_eq[table - 2][rr];
    if (q < 0 || !row_counts(r, first, n, v))
        return 0;
    const gk_equation *e = &t->eqs[q];
    eq_read x = equation_read(r, e, first, n);
    if (!x.known || eq_holds(&x))
        return 0;                      /* unknown, or it adds up as read */
    eq_read shifted = x;               /* read with the blank first cell, the last number dropped */
    shifted.sum = 0;
    int changed = 0;
    for (int k = 0; k < e->n; k++) {
        int c = e->cell[k] - first;
        double w = c == 0 ? 0 : v[c - 1];
        shifted.sum += e->coef[k] * w;
        changed += w != v[c];
    }
    return eq_holds(&shifted) && changed;
}

/* Several consecutive rows not found for one reason share one finding:
 * its message names them all. */
static void close_group(gk_report *r, int *note, sbuf *rows, int nrows, const char *why, const char *table_name)
{
    if (*note >= 0 && nrows > 1) {
        gk_finding *f = &r->notes[*note];
        free(f->message);
        f->message = xasprintf("%s未找到 %d 行：%s（%s）", table_name, nrows, rows->s, why);
    }
    *note = -1;
}

/* The note for a header cell that names a column (`named`: column_named())
 * but differs from the template. */
static void note_column_variant(gk_report *r, int table, const grid_cell *c, uint64_t named)
{
    const gk_table_def *td = template_table(r->tpl, table);
    char *cell = extract_squeeze(c->text);
    const gk_col_def *cd = r->tpl->col[table - 2][column_index(named)];
    gk_finding *f = finding_add(&r->notes, &r->nnotes, "STRUCT.LABEL_VARIANT", c->line,
                                xasprintf("列标题「%s」与模板「%s」不一致", cell, cd->label));
    free(cell);
    for (int r2 = 0; r2 < td->nrows; r2++)
        for (int c2 = 0; c2 < td->rows[r2].ncols; c2++)
            if (td->rows[r2].cols[c2].label == cd->label)
                finding_add_cell(f, template_cell_at(r->tpl, table, r2, c2));
}

/* Header rows: every cell that names a column but differs from the
 * template.  A row's first 64 cells as tokenize() classified them. */
static void check_column_labels(gk_report *r, const grid *g, int table, const tokens *ts)
{
    for (int i = 0; i < g->nrows; i++) {
        const grid_row *row = &g->rows[i];
        const row_cells *rc = &ts->rows[i];
        if (row->ncells > 64 ? count_values(row) > 0 : rc->nv > 0)
            continue;
        for (uint64_t m = rc->labels; m; m &= m - 1) {   /* the label cells classified */
            int j = __builtin_ctzll(m);
            if (rc->column[j] & COL_VARIANT)
                note_column_variant(r, table, &row->cells[j], rc->column[j]);
        }
        for (int j = rc->ncells; j < row->ncells; j++) {   /* past them: seldom */
            const char *text = row->cells[j].text;
            size_t n = strlen(text);
            if (!text[0] || n > HEADER_CELL_MAX || !has_cjk(text))
                continue;
            uint64_t named = column_named(r->tpl, table, text, n);
            if (named & COL_VARIANT)
                note_column_variant(r, table, &row->cells[j], named);
        }
    }
}

/* The cells of `table` read from an OCR zero (ocr_zero()): missing, with why. */
static void ocr_unread(gk_report *r, int table)
{
    const gk_table_def *td = template_table(r->tpl, table);
    for (int rr = 0; rr < td->nrows; rr++) {
        gk_cell *cells = row_cells_of(r, table, rr);
        for (int c = 0; c < td->rows[rr].ncols; c++) {
            gk_cell *cell = &cells[c];
            if (cell->read_status != GK_ST_EXTRACTED || !ocr_zero(cell->raw))
                continue;
            cell->read_status = GK_ST_MISSING;
            cell->read_value = 0;
            free(cell->unread_why);
            cell->unread_why = xasprintf("单元格内容「%s」是字母而非数字（扫描件文字识别常把 0 认作 O），不作读取",
                                         cell->raw);
            r->cells_own_text = 1;
        }
    }
}

/* 1 when a header cell is one over several columns (GK_HEADER_GROUPS). */
static int header_group(const char *text)
{
    char part[HEADER_CELL_MAX + 1];
    size_t n = strlen(text);
    if (n > HEADER_CELL_MAX)
        return 1;                      /* no column's name: a note */
    n = squeeze_copy(part, text, n);
    for (int k = 0; GK_HEADER_GROUPS[k]; k++)
        if (util_find(part, n, GK_HEADER_GROUPS[k], strlen(GK_HEADER_GROUPS[k])))
            return 1;
    return 0;
}

/* header_columns(): a column whose name is not read; the most header words read. */
#define HEADER_UNKNOWN (-2)
#define HEADER_WORDS_MAX 96

/* A row's label cells that may be header cells: all of them, or in a row
 * with numbers those before its first (the header ends at the first row
 * with numbers after it: a cell a line, no blank line after the header). */
static uint64_t header_labels(const row_cells *rc)
{
    return rc->nv > 0 ? rc->labels & (((uint64_t)1 << __builtin_ctzll(rc->numbers)) - 1) : rc->labels;
}

/* 1 when a header word naming nothing is no column's name: longer than any
 * (ten characters), or with brackets or a colon (a note: "(本列数据的勾稽关系为：…"). */
static int note_word(const char *s, size_t n)
{
    if (n > 30)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '(' || s[i] == ')' || s[i] == ':' ||
            (i + 3 <= n && (!memcmp(s + i, "（", 3) || !memcmp(s + i, "）", 3) || !memcmp(s + i, "：", 3))))
            return 1;
    return 0;
}

/* The column the first one to three of the n words w name joined, or -1. */
static int words_name(const gk_report *r, int table, const char *const *w, const size_t *wl, int n)
{
    char join[HEADER_CELL_MAX + 1];
    size_t len = 0;
    for (int d = 0; d < 3 && d < n && len + wl[d] <= HEADER_CELL_MAX; d++) {
        memcpy(join + len, w[d], wl[d]);
        len += wl[d];
        join[len] = '\0';
        uint64_t c = column_named(r->tpl, table, join, len);
        if (c)
            return column_index(c);
    }
    return -1;
}

/* 1 when a followed by u begins name (infix: stands anywhere in it). */
static int piece_then(const char *name, const char *a, size_t al, const char *u, size_t ul, int infix)
{
    size_t nl = strlen(name);
    for (size_t p = 0; p + al + ul <= nl && (infix || p == 0); p++)
        if (!memcmp(name + p, a, al) && !memcmp(name + p + al, u, ul))
            return 1;
    return 0;
}

/* 1 when header word a is a name's beginning (infix: a piece of it), not a
 * column's whole name, and a followed by u still is: a column's canonical name
 * or a group's (GK_HEADER_GROUPS) broken where a browser wraps a narrow header
 * cell (pieces within a name: w3m centres a cell of more lines than its
 * neighbours, "社会" over "公" over "益组" over "织"). */
static int continues_name(const gk_template *tpl, int table, const char *a, size_t al, const char *u, size_t ul,
                          int infix)
{
    const gk_table_def *td = template_table(tpl, table);
    int ncols = td->nrows ? td->rows[0].ncols : 0;
    char *const *canon = tpl->col_canon[table - 2];
    for (int k = 0; k < ncols; k++)    /* a column's whole name continues no further */
        if (strlen(canon[k]) == al && !memcmp(canon[k], a, al))
            return 0;
    for (int k = 0; k < ncols; k++)
        if (piece_then(canon[k], a, al, u, ul, infix))
            return 1;
    for (int k = 0; GK_HEADER_GROUPS[k]; k++)
        if (piece_then(GK_HEADER_GROUPS[k], a, al, u, ul, infix))
            return 1;
    return 0;
}

/* Room for the words join_wrapped_header() makes: each join written anew
 * (at most two per word read). */
typedef struct {
    char s[2 * HEADER_WORDS_MAX * (HEADER_CELL_MAX + 1)];
    size_t used;
} header_joins;

/* a followed by u (al + ul <= HEADER_CELL_MAX), in room of its own in j. */
static const char *join_words(header_joins *j, const char *a, size_t al, const char *u, size_t ul)
{
    char *out = j->s + j->used;
    memmove(out, a, al);
    memmove(out + al, u, ul);
    j->used += al + ul;
    return out;
}

/* Leaves word k out of w/wl/wrow (nw words). */
static void drop_word(const char **w, size_t *wl, int *wrow, int nw, int k)
{
    memmove(w + k, w + k + 1, (size_t)(nw - k - 1) * sizeof *w);
    memmove(wl + k, wl + k + 1, (size_t)(nw - k - 1) * sizeof *wl);
    memmove(wrow + k, wrow + k + 1, (size_t)(nw - k - 1) * sizeof *wrow);
}

/* A browser wraps a table's narrow header cells: the first pieces of a
 * header row's names on one line, their ends on the next ("科研 商业企业 其他
 * 社会公 法律服务机" over "机构 益组织 构"), two pieces of one name side by
 * side at times ("社会 公益" over "组织").  Pieces side by side on a line
 * that continue one name (continues_name()) are joined first; then a line
 * of header words each of which, in order, continues a word of the line
 * before it (each of that line's words taken left to right; consecutive
 * words may continue the same one: "公益 组织") is that line's ends: its
 * words are joined to theirs and left out.  Returns the new count of words. */
static int join_wrapped_header(const gk_template *tpl, int table, const char **w, size_t *wl, int *wrow, int nw,
                               header_joins *j)
{
    j->used = 0;
    for (int a = 0; a + 1 < nw;) {
        if (wrow[a + 1] != wrow[a] || wl[a] + wl[a + 1] > HEADER_CELL_MAX ||
            !continues_name(tpl, table, w[a], wl[a], w[a + 1], wl[a + 1], 0)) {
            a++;
            continue;
        }
        w[a] = join_words(j, w[a], wl[a], w[a + 1], wl[a + 1]);
        wl[a] += wl[a + 1];
        drop_word(w, wl, wrow, nw--, a + 1);
    }
    int prev = -1;                     /* the first word of the line before */
    for (int k = 0; k < nw;) {
        int end = k;
        while (end < nw && wrow[end] == wrow[k])
            end++;
        int ok = 0, last = -1;
        const char *grown[HEADER_WORDS_MAX];   /* the line before's words as joined so far */
        size_t glen[HEADER_WORDS_MAX];
        size_t mark = j->used;
        /* each word the next piece of the same name ("公益 组织") or of a later word of
           the line before: a name's beginning first; a piece within it only when that
           fails (a longer cell's first piece printed a line higher) */
        for (int infix = 0; prev >= 0 && !ok && infix < 2; infix++) {
            ok = 1, last = -1;
            j->used = mark;
            for (int a = prev; a < k; a++) {
                grown[a - prev] = w[a];
                glen[a - prev] = wl[a];
            }
            for (int u = k; ok && u < end; u++) {
                int a = last;
                if (a < 0 || !continues_name(tpl, table, grown[a - prev], glen[a - prev], w[u], wl[u], infix))
                    for (a = last < 0 ? prev : last + 1;
                         a < k && !continues_name(tpl, table, w[a], wl[a], w[u], wl[u], infix); a++)
                        ;
                ok = a < k && glen[a - prev] + wl[u] <= HEADER_CELL_MAX;
                if (ok) {
                    grown[a - prev] = join_words(j, grown[a - prev], glen[a - prev], w[u], wl[u]);
                    glen[a - prev] += wl[u];
                    last = a;
                }
            }
        }
        if (!ok) {
            j->used = mark;
            prev = k;
            k = end;
            continue;
        }
        for (int a = prev; a < k; a++) {
            w[a] = grown[a - prev];
            wl[a] = glen[a - prev];
        }
        for (int u = k; u < end; u++)
            drop_word(w, wl, wrow, nw--, k);   /* the joined line may continue in turn: prev stays */
    }
    return nw;
}

/* 1 when the word p[0..n) of a header row with numbers is (the beginning
 * of) a row's label — the row's own, printed before its numbers, or its
 * first piece when wrapped ("一、本年新收政府" over "信息公开申请数量") — and no
 * column's unread name. */
static int row_label_word(const gk_report *r, int table, const char *p, size_t n)
{
    char buf[HEADER_CELL_MAX + 1];
    if (n > HEADER_CELL_MAX)
        return 1;                      /* longer than a header's cell: a label's */
    size_t len = squeeze_copy(buf, p, n), num = numbering_prefix(buf, len);
    return num > 0 || label_beginning(r->tpl, table, buf + num, len - num);
}

/* The header line of grid row i: its own, or in a header printed a cell a
 * line (rows of one cell without numbers, one after the other) the first of
 * those rows — what header_columns() takes for the names' line. */
static int header_line_of(const grid *g, const tokens *ts, int i)
{
    while (i > 0 && g->rows[i].ncells == 1 && ts->rows[i].nv == 0 && g->rows[i - 1].ncells == 1 &&
           ts->rows[i - 1].nv == 0)
        i--;
    return i;
}

/* The column whose name s[0..n) begins, a character or more, when it is the
 * only one and no group's name (GK_HEADER_GROUPS) begins so: a name html2text
 * cut, U+FFFD after it ("其�", "商�"); -1 otherwise. */
static int column_cut(const gk_template *tpl, int table, const char *s, size_t n)
{
    if (!n || (unsigned char)s[0] < 0x80)
        return -1;
    for (int g = 0; GK_HEADER_GROUPS[g]; g++)
        if (!strncmp(GK_HEADER_GROUPS[g], s, n))
            return -1;
    int found = -1;
    for (int k = 0; k < tpl->ncol[table - 2]; k++) {
        const char *canon = tpl->col_canon[table - 2][k];
        if (strlen(canon) > n && !memcmp(canon, s, n)) {
            if (found >= 0)
                return -1;
            found = k;
        }
    }
    return found;
}

/* 1 when s[0..n) (CJK) begins some column's name but the total's (column_cut()
 * without the groups: "法" begins 法律服务机构 and 法人或其他组织; not "法人"). */
static int column_cut_any(const gk_template *tpl, int table, const char *s, size_t n)
{
    if (!n || (unsigned char)s[0] < 0x80)
        return 0;
    for (int k = 0; k < tpl->ncol[table - 2] - 1; k++) {
        const char *canon = tpl->col_canon[table - 2][k];
        if (strlen(canon) > n && !memcmp(canon, s, n))
            return 1;
    }
    return 0;
}

/* Whether token k is the label of a row of table `table`: a label naming a template
 * row, with a cell (not a column's name alone: "其他" names one too). */
static int row_label_token(const gk_report *r, int table, const tokens *ts, int k)
{
    return ts->tok[k].kind == PT_LABEL && ts->tok[k].rows && ts->tok[k].unit >= 0 && ts->cell[k] &&
           (!ts->text[k] || strlen(ts->text[k]) > HEADER_CELL_MAX ||
            !column_named(r->tpl, table, ts->text[k], strlen(ts->text[k])));
}

/* The grid row where the table's body has begun: the third row holding numbers
 * and a row's label (g->nrows: none).  A header is read above it only: rows with
 * numbers before a header are a caption or an echo ("隐藏：本年新收…数量 99"), one
 * or two, never a body — a converter that prints a page's lines bottom up
 * (pdf2json: the rows, then "商业企业 科研机构 …", then "自然人 法人或其他组织")
 * puts the header under them, and read there its lines give another order. */
#define BODY_ROWS 3
static int body_begun(const gk_report *r, int table, const grid *g, const tokens *ts)
{
    int seen = 0, last = -1;
    for (int k = 0; k < ts->n; k++) {
        if (!row_label_token(r, table, ts, k))
            continue;
        int i = UNIT_ROW(ts->tok[k].unit);
        if (i == last || i >= g->nrows || !ts->rows[i].nv)
            continue;
        last = i;
        if (++seen == BODY_ROWS)
            return i;
    }
    return g->nrows;
}

/* Words [k, k + used) of a header, naming a column, are a piece of a group's
 * name wrapped around them instead: with the words just before and after them
 * that name no column alone (up to four each side, words naming one skipped —
 * 自然人 printed in the middle of 法人或其他组织's lines: "法人" "或" "自然人"
 * "其他" "组织" — and a note's, a word with its brackets or longer than any
 * group's name: "或" "项加第二项之和，等于第三项加" "其他" "第四项之和)" "组织", as
 * Chromium prints the page), they spell a header group's name over them. */
/* Whether header word s[0..n) is a piece of the 勾稽 note's, no group name's: with
 * the note's brackets, or longer than any group's name. */
static int note_piece(const char *s, size_t n)
{
    size_t longest = 0;
    for (int gi = 0; GK_HEADER_GROUPS[gi]; gi++)
        longest = strlen(GK_HEADER_GROUPS[gi]) > longest ? strlen(GK_HEADER_GROUPS[gi]) : longest;
    return n > longest || note_word(s, n);
}

static int group_piece(const gk_report *r, int table, const char *const *w, const size_t *wl, int nw, int k, int used)
{
    char buf[4 * HEADER_CELL_MAX + 1];
    int lo = k, hi = k + used, seen = 0;
    /* (a note's words longer than a cell's end it; its pieces, a line each, are passed over
       uncounted, eight words at most) */
    for (int q = k - 1, steps = 0; q >= 0 && seen < 4 && steps < 8 && wl[q] <= HEADER_CELL_MAX; q--, steps++) {
        int note = note_piece(w[q], wl[q]);
        seen += !note;
        if (!note && !column_named(r->tpl, table, w[q], wl[q]))
            lo = q;
    }
    seen = 0;
    for (int q = k + used, steps = 0; q < nw && seen < 4 && steps < 8 && wl[q] <= HEADER_CELL_MAX; q++, steps++) {
        int note = note_piece(w[q], wl[q]);
        seen += !note;
        if (!note && !column_named(r->tpl, table, w[q], wl[q]))
            hi = q + 1;
    }
    size_t len = 0, at = 0, end = 0;
    for (int q = lo; q < hi; q++) {
        int inside = q >= k && q < k + used;
        if (!inside && wl[q] <= HEADER_CELL_MAX && (column_named(r->tpl, table, w[q], wl[q]) || note_piece(w[q], wl[q])))
            continue;                  /* (a note's piece between: "其他" "第四项之和)" "组织") */
        if (len + wl[q] > sizeof buf - 1)
            return 0;
        if (q == k)
            at = len;
        memcpy(buf + len, w[q], wl[q]);
        len += wl[q];
        if (q == k + used - 1)
            end = len;
    }
    buf[len] = '\0';
    for (int gi = 0; GK_HEADER_GROUPS[gi]; gi++) {
        size_t gl = strlen(GK_HEADER_GROUPS[gi]);
        for (const char *f = util_find(buf, len, GK_HEADER_GROUPS[gi], gl); f;
             f = util_find(f + 1, len - (size_t)(f + 1 - buf), GK_HEADER_GROUPS[gi], gl))
            if ((size_t)(f - buf) <= at && end <= (size_t)(f - buf) + gl && (size_t)(f - buf) + gl <= len &&
                !((size_t)(f - buf) == at && end == (size_t)(f - buf) + gl))
                return 1;
    }
    return 0;
}

/* The columns table `table`'s header names, in reading order: the column
 * (0-based, template order) named by the header's words — those of the label
 * cells of the rows without numbers before its first row with numbers, and of
 * that row before its numbers (a cell a line) — each column once; how many
 * (at most max).  Words are joined up to three at a time, across cells and
 * lines, until they name a column ("科研" "机构", "商业" at the end of a line
 * and "企业" at the start of the next, as a browser wraps a header; a name
 * not whole takes the next word naming it with it: "法律服务机" "构") or a
 * cell over several columns
 * (header_group(): skipped); a word doing neither between two naming
 * columns other than the total (printed apart, over the header's lines, a
 * note's end may follow it), in their grid row (not a name's part printed on a
 * line of its own), is a column whose name is not read: HEADER_UNKNOWN.
 * line[k]: the grid row of seq[k]'s name (its last word's), -1 for an unknown. */
static int header_columns(const gk_report *r, int table, const grid *g, const tokens *ts, int *seq, int *line,
                          int max)
{
    const char *w[HEADER_WORDS_MAX];
    size_t wl[HEADER_WORDS_MAX];
    int wrow[HEADER_WORDS_MAX], nw = 0, named_any = 0, body = body_begun(r, table, g, ts);
    int note_at = -1;                  /* the words before the 勾稽 note's row (the header's first) */
    for (int i = 0; i < g->nrows && nw < HEADER_WORDS_MAX; i++) {
        const row_cells *rc = &ts->rows[i];
        if (g->rows[i].ncells > 64)
            continue;
        for (uint64_t m = header_labels(rc); m && nw < HEADER_WORDS_MAX; m &= m - 1) {
            int j = __builtin_ctzll(m);
            named_any |= rc->column[j] != 0;
            /* words apart by spaces, or by a character the decoder replaced (U+FFFD:
               html2text cuts each cell's name and runs the cells together,
               "法律�社会�商业�其他") */
            for (const char *p = g->rows[i].cells[j].text; *p && nw < HEADER_WORDS_MAX;) {
                while (*p == ' ' || cut_mark(p))
                    p += *p == ' ' ? 1 : cut_mark(p);
                const char *e = p;
                while (*e && *e != ' ' && !cut_mark(e))
                    e++;
                if (e > p) {
                    if (note_at < 0 && util_find(p, (size_t)(e - p), "勾稽", 6))
                        note_at = nw;  /* (the first note: a header repeated after a page break has
                                          its own) */
                    w[nw] = p;
                    wrow[nw] = i;
                    wl[nw++] = (size_t)(e - p);
                }
                p = e;
            }
        }
        if (rc->nv > 0) {
            for (int k = 0; k < nw && !named_any; k++)   /* no cell names one, some words of a row
                                                             without numbers may: a header wrapped in
                                                             its cells (not a caption echoing a row) */
                named_any = ts->rows[wrow[k]].nv == 0 && (words_name(r, table, w + k, wl + k, nw - k) >= 0 ||
                                                          (cut_mark(w[k] + wl[k]) &&
                                                           column_cut(r->tpl, table, w[k], wl[k]) >= 0));
            if (named_any)
                break;
            nw = 0;                    /* no column named yet: a caption or an echo before the header */
            note_at = -1;
            if (i >= body)
                break;                 /* the body: no header above it */
        }
    }
    if (note_at > 0) {                 /* words before the note naming columns but the total, one of
                                          them named again after it, two names or more after it: a
                                          row's text above the table ("3." "30" "其他", table 2's last
                                          row a cell a line), a header echoed before the table —
                                          dropped (a name printed once before the note is the
                                          header's: w3m centres the note down the header's lines; a
                                          header printed bottom up has the note last) */
        const gk_table_def *hd = template_table(r->tpl, table);
        int kept = 0, last = hd->nrows ? hd->rows[0].ncols - 1 : -1, named_after = 0, again = 0;
        int col_of[HEADER_WORDS_MAX];  /* the column a word before the note names, but the total */
        uint64_t after = 0;            /* the columns named after the note */
        for (int k = 0; k < nw; k++) {
            int c = wl[k] <= HEADER_CELL_MAX ? column_index(column_named(r->tpl, table, w[k], wl[k])) : -1;
            col_of[k] = c >= 0 && c < 64 && c != last ? c : -1;
            if (k >= note_at) {
                named_after += c >= 0;
                after |= c >= 0 && c < 64 ? (uint64_t)1 << c : 0;
            }
        }
        for (int k = 0; k < note_at; k++)
            again |= col_of[k] >= 0 && (after >> col_of[k] & 1);
        for (int k = 0; k < nw; k++) {
            if (k < note_at && col_of[k] >= 0 && again && named_after >= 2)
                continue;
            w[kept] = w[k];
            wl[kept] = wl[k];
            wrow[kept++] = wrow[k];
        }
        nw = kept;
    }
    static _Thread_local header_joins joins;
    nw = join_wrapped_header(r->tpl, table, w, wl, wrow, nw, &joins);
    const gk_table_def *td = template_table(r->tpl, table);
    int total = td->nrows ? td->rows[0].ncols - 1 : -1;   /* printed apart (over the header's lines) */
    int n = 0, pending = 0, leaf = 0;  /* pending: words naming nothing since the last column named,
                                          all in its grid row; leaf: a column but the total named
                                          (unknowns lie among them), last in grid row leaf_row */
    int leaf_row = -1, first_pending = -1;
    int unk_word[HEADER_WORDS_MAX], spare[HEADER_WORDS_MAX], nspare = 0;   /* an unknown's first word;
                                          the words naming nothing that made no unknown */
    uint64_t seen = 0;
    for (int k = 0; k < nw;) {
        char join[HEADER_CELL_MAX + 1];
        size_t len = 0;
        int col = -1, used = 0;
        for (int d = 0; d < 3 && k + d < nw && len + wl[k + d] <= HEADER_CELL_MAX; d++) {
            memcpy(join + len, w[k + d], wl[k + d]);
            len += wl[k + d];
            join[len] = '\0';
            uint64_t c = column_named(r->tpl, table, join, len);
            if (c && d && column_named(r->tpl, table, join + len - wl[k + d], wl[k + d]))
                break;                 /* the last word names it alone: the words before it are no part */
            if (col >= 0) {            /* named already, not whole: the next word its end ("法律服务机"
                                          "构"), unless it begins a name of its own ("商业企业" "科研机"
                                          "构") */
                const char *canon = r->tpl->col_canon[table - 2][col];
                if (c && column_index(c) == col &&
                    !util_find(join, len - wl[k + d], canon, strlen(canon)) &&
                    words_name(r, table, w + k + d, wl + k + d, nw - k - d) < 0)
                    used = d + 1;
                break;
            }
            if (c && d) {              /* the name whole in the words after the first: that one
                                          is no part ("社会公" "法律服" "务机构") */
                const char *canon = r->tpl->col_canon[table - 2][column_index(c)];
                if (util_find(join + wl[k], len - wl[k], canon, strlen(canon)))
                    break;
            }
            if (c) {
                col = column_index(c);
                used = d + 1;
                continue;
            }
            if (header_group(join)) {
                used = d + 1;
                break;
            }
        }
        /* cut right after it, or after a space and the next word's first bytes
           ("科研 &#x67": "科研 机构" wrapped in its cell, cut inside 机's reference) */
        int cut = !used && (cut_mark(w[k] + wl[k]) || (w[k][wl[k]] == ' ' && cut_mark(w[k] + wl[k] + 1)));
        if (cut && (col = column_cut(r->tpl, table, w[k], wl[k])) >= 0)
            used = 1;                  /* a name's beginning html2text cut ("其�商�科�社会�…") */
        if (cut && !used && column_cut_any(r->tpl, table, w[k], wl[k]) && n < max) {
            if (pending && nspare < HEADER_WORDS_MAX)
                spare[nspare++] = first_pending;
            pending = 0;
            line[n] = -1;
            unk_word[n] = k++;         /* a column's name cut so, naming no one column ("法�": 法律服务机构
                                          or 法人或其他组织): a column whose name is not read, here */
            seq[n++] = HEADER_UNKNOWN;
            continue;
        }
        if (!used) {                   /* a word naming nothing: a column's unread name, or a note's */
            int note = note_word(w[k], wl[k]), mine = leaf && header_line_of(g, ts, wrow[k]) == leaf_row && !note;
            if (mine && !pending)
                first_pending = k;
            else if (!note && nspare < HEADER_WORDS_MAX)
                spare[nspare++] = k;
            pending |= mine;
            k++;
            continue;
        }
        if (col >= 0 && group_piece(r, table, w, wl, nw, k, used))
            col = -1;                  /* "其他" of "法人" "或" "其他" "组织" wrapped beside 自然人 */
        if (col < 0) {
            k += used;
            continue;                  /* a group's cell */
        }
        if (pending && header_line_of(g, ts, wrow[k]) == leaf_row && n < max) {   /* (the total on the names' line:
                                          a flat header's unread last name before it) */
            line[n] = -1;
            unk_word[n] = first_pending;
            seq[n++] = HEADER_UNKNOWN;
        } else if (pending && nspare < HEADER_WORDS_MAX) {
            spare[nspare++] = first_pending;
        }
        k += used;
        pending = 0;
        if (col != total) {
            leaf = 1;
            leaf_row = header_line_of(g, ts, wrow[k - 1]);
        }
        if (col < 64 && !(seen >> col & 1)) {
            seen |= (uint64_t)1 << col;
            if (n < max) {
                line[n] = wrow[k - 1];   /* (its grid row: a PDF's line) */
                seq[n++] = col;
            }
        }
    }
    if (pending && n < max &&
        (ts->rows[wrow[first_pending]].nv == 0 || !row_label_word(r, table, w[first_pending], wl[first_pending]))) {
                                       /* words naming nothing after the last name in its row
                                          (one without numbers, not a row's label before its
                                          numbers): a column whose name is not read ("其他 社会 科研") */
        line[n] = -1;
        unk_word[n] = first_pending;
        seq[n++] = HEADER_UNKNOWN;
    }
    /* a name broken over two lines of a browser's wrapped header, its end on the line
     * below with the other names' ends ("社会公 法律服 其他" over "益组织 务机构"): an
     * unknown's word joined with a later word naming nothing names the column */
    for (int q = 0; q < n; q++) {
        if (seq[q] != HEADER_UNKNOWN)
            continue;
        int u = unk_word[q];
        for (int e = 0; e < nspare; e++) {
            int v = spare[e];
            if (v <= u || wl[u] + wl[v] > HEADER_CELL_MAX)
                continue;
            char join[HEADER_CELL_MAX + 1];
            memcpy(join, w[u], wl[u]);
            memcpy(join + wl[u], w[v], wl[v]);
            join[wl[u] + wl[v]] = '\0';
            uint64_t c = column_named(r->tpl, table, join, wl[u] + wl[v]);
            int col = column_index(c);
            if (col >= 0 && col < 64 && !(seen >> col & 1)) {
                seen |= (uint64_t)1 << col;
                seq[q] = col;
                line[q] = wrow[v];
                spare[e] = -1;
                break;
            }
        }
    }
    /* one column not read, its word a name's beginning html2text cut, and one column
     * (but the total) named nowhere, whose name the word begins ("法�" when
     * 法律服务机构 alone is missing): that one (not a wrapped name's piece: "科研"
     * over "机构社会公益组织" is no sure place of 科研机构) */
    int unknowns = 0, q1 = -1, missing = -1, nmissing = 0;
    for (int q = 0; q < n; q++)
        if (seq[q] == HEADER_UNKNOWN)
            unknowns++, q1 = q;
    for (int c = 0; c < total && c < 64 && unknowns == 1; c++)
        if (!(seen >> c & 1))
            missing = c, nmissing++;
    if (unknowns == 1 && nmissing == 1) {
        const char *canon = r->tpl->col_canon[table - 2][missing];
        size_t u = (size_t)unk_word[q1];
        if (wl[u] < strlen(canon) && !memcmp(canon, w[u], wl[u]) && (unsigned char)w[u][0] >= 0x80 &&
            cut_mark(w[u] + wl[u]))
            seq[q1] = missing;
    }
    return n;
}

/* 1 when the header's cells (as tokenize() named them, before its first row
 * with numbers) name every column but the last (the total) of a w-column table,
 * each once, in the template's order: what nearly every report's header does
 * (header_columns() looks no further). */
static int header_in_order(const grid *g, const tokens *ts, int w)
{
    int next = 0;
    for (int i = 0; i < g->nrows; i++) {
        const row_cells *rc = &ts->rows[i];
        if (g->rows[i].ncells > 64)
            return 0;
        for (uint64_t m = header_labels(rc); m; m &= m - 1) {
            int k = column_index(rc->column[__builtin_ctzll(m)]);
            if (k < 0 || k == w - 1)
                continue;
            if (k != next)
                return 0;
            next++;
        }
        if (rc->nv > 0 && next)
            break;
    }
    return next == w - 1;
}

/* The first grid row holding two numbers or more (g->nrows when none): the
 * header lies above it. */
static int first_numbers_row(const grid *g)
{
    for (int i = 0; i < g->nrows; i++) {
        int values = 0;
        for (int j = 0; j < g->rows[i].ncells; j++)
            values += g->rows[i].cells[j].num == NUM_VALUE;
        if (values >= 2)
            return i;
    }
    return g->nrows;
}

/* 1 when the header (grid rows [0, end): first_numbers_row()) holds
 * name[0..nl) stacked a character a line: each of its characters a cell of
 * its own, in order, on lines one after another or with lines of other cells
 * between (a narrow header cell of a PDF, "其" above the line of the other
 * names, "他" below it). */
static int name_stacked(const grid *g, int end, const char *name, size_t nl)
{
    size_t at = 0;                     /* bytes of name found so far */
    int chars = 0;
    for (int i = 0; i < end && at < nl; i++) {
        const grid_row *row = &g->rows[i];
        size_t cl = 1;                 /* the length of name's next character */
        while (at + cl < nl && ((unsigned char)name[at + cl] & 0xC0) == 0x80)
            cl++;
        for (int j = 0; j < row->ncells; j++) {
            const char *t = row->cells[j].text;
            if (strlen(t) == cl && !memcmp(t, name + at, cl)) {
                at += cl;
                chars++;
                break;
            }
        }
    }
    return at == nl && chars >= 2;
}

/* 1 when s[0..n) is column `missing`'s name run onto a piece of another
 * column's name: the end of one before it ("务机构其他": "法律服务机构" wrapped,
 * docx2txt gluing the next cell on) or the beginning of one after it ("其他商业").
 * ("法人或其他组织" is neither: "法人或" ends no column's name.) */
static int name_glued(const gk_report *r, int table, int w, int missing, const char *s, size_t n)
{
    const char *name = r->tpl->col[table - 2][missing]->label;
    size_t nl = strlen(name);
    if (n <= nl)
        return 0;
    for (int c = 0; c < w; c++) {
        if (c == missing)
            continue;
        const char *o = r->tpl->col[table - 2][c]->label;
        size_t ol = strlen(o), rest = n - nl;
        if (rest >= ol)
            continue;                  /* a whole name beside it: no piece */
        if (!memcmp(s + rest, name, nl) && !memcmp(o + ol - rest, s, rest))
            return 1;                  /* the end of o, then the name */
        if (!memcmp(s, name, nl) && !memcmp(o, s + nl, rest))
            return 1;                  /* the name, then the beginning of o */
    }
    return 0;
}

/* 1 when s[at .. at + nl) stands inside a group's name (GK_HEADER_GROUPS) as far
 * as s goes: the text around it, up to s's ends, is the group name's around
 * the same words, one character of it at least ("其他组织": 法人或其他组织 broken
 * after 或; not "其他一、本年新收…"). */
static int in_group_name(const char *s, size_t n, size_t at, size_t nl)
{
    for (int k = 0; GK_HEADER_GROUPS[k]; k++) {
        const char *gw = GK_HEADER_GROUPS[k];
        size_t gl = strlen(gw);
        const char *in = util_find(gw, gl, s + at, nl);
        if (!in)
            continue;
        size_t off = (size_t)(in - gw), before = off < at ? off : at;
        size_t after = gl - off - nl < n - at - nl ? gl - off - nl : n - at - nl;
        if (before + after > 0 && !memcmp(s + at - before, in - before, before) &&
            !memcmp(s + at + nl, in + nl, after))
            return 1;
    }
    return 0;
}

/* 1 when s[0..n) (a header cell) holds column `missing`'s name broken by
 * something printed inside it ("法律服隐藏文字99务机构": docx2txt's hidden text; a
 * footnote mark, "其※他"): two of the name's characters side by side that no
 * other column's name nor a group's has ("律服"), or, outside the groups'
 * names, every character of the name in order with other text between two of
 * them, at most GAP_MAX bytes at each gap. */
#define GAP_MAX 24
static int name_broken_inside(const gk_report *r, int table, int w, int missing, const char *s, size_t n)
{
    const char *name = r->tpl->col[table - 2][missing]->label;
    size_t nl = strlen(name);
    for (size_t a = 0; a < nl;) {      /* the name's pairs of characters */
        size_t b = a + 1, e;
        while (b < nl && ((unsigned char)name[b] & 0xC0) == 0x80)
            b++;
        if (b >= nl)
            break;
        for (e = b + 1; e < nl && ((unsigned char)name[e] & 0xC0) == 0x80; e++)
            ;
        int shared = 0;
        for (int c = 0; c < w && !shared; c++) {
            const char *o = r->tpl->col[table - 2][c]->label;
            shared = c != missing && util_find(o, strlen(o), name + a, e - a);
        }
        for (int k = 0; GK_HEADER_GROUPS[k] && !shared; k++)
            shared = util_find(GK_HEADER_GROUPS[k], strlen(GK_HEADER_GROUPS[k]), name + a, e - a) != NULL;
        if (!shared && util_find(s, n, name + a, e - a))
            return 1;
        a = b;
    }
    char buf[HEADER_CELL_MAX + 1];     /* s with the groups' names blanked ("其中法人或其他组织") */
    if (n > HEADER_CELL_MAX)
        return 0;
    memcpy(buf, s, n);
    for (int k = 0; GK_HEADER_GROUPS[k]; k++) {
        size_t gl = strlen(GK_HEADER_GROUPS[k]);
        for (char *g; (g = (char *)util_find(buf, n, GK_HEADER_GROUPS[k], gl));)
            memset(g, ' ', gl);
    }
    s = buf;
    size_t c0 = 1;                     /* the name's first character */
    while (c0 < nl && ((unsigned char)name[c0] & 0xC0) == 0x80)
        c0++;
    for (const char *p = s; (p = util_find(p, n - (size_t)(p - s), name, c0)); p += c0) {
        size_t at = (size_t)(p - s) + c0, k = c0;   /* bytes of s and of the name matched */
        int gaps = 0;
        while (k < nl) {
            size_t cl = 1;
            while (k + cl < nl && ((unsigned char)name[k + cl] & 0xC0) == 0x80)
                cl++;
            size_t lim = at + GAP_MAX + cl < n ? at + GAP_MAX + cl : n;
            const char *q = lim > at ? util_find(s + at, lim - at, name + k, cl) : NULL;
            if (!q)
                break;
            gaps += q != s + at;
            at = (size_t)(q - s) + cl;
            k += cl;
        }
        if (k == nl && gaps)
            return 1;
    }
    return 0;
}

/* 1 when column `missing`'s name stands in a cell of the header — from the first cell holding a
 * header word (HEADER_WORDS) to the table's first row (a grid row's second
 * number, or the first row's label: in its cell, the text before it) — and not
 * inside a group's name (in_group_name(): the 其他 of 法人或其他组织): docx2txt
 * runs a header's last name onto the first row's label ("务机构其他一、本年新收…",
 * "法律服务机构隐藏文字99其他一、本年新收…") or two names together ("科研机构社会公益组织");
 * or broken by text inside it (name_broken_inside()). */
static int name_before_rows(const gk_report *r, int table, const grid *g, int w, int missing)
{
    const char *name = r->tpl->col[table - 2][missing]->label;
    size_t nl = strlen(name);
    const char *first = r->tpl->row_canon[table - 2][0];
    size_t fl = strlen(first);
    for (size_t k = 0, chars = 0; k < fl; k++)   /* its first four characters: where the rows begin */
        if (((unsigned char)first[k] & 0xC0) != 0x80 && ++chars == 5) {
            fl = k;
            break;
        }
    int header = 0;                    /* a header word seen: the header has begun */
    for (int i = 0; i < g->nrows; i++) {
        const grid_row *row = &g->rows[i];
        int values = 0;
        for (int j = 0; j < row->ncells; j++) {
            const char *t = row->cells[j].text;
            size_t n = strlen(t);
            char buf[HEADER_CELL_MAX + 1];
            int rows_begin = 0;
            if (row->cells[j].num == NUM_VALUE && ++values >= 2 && header)
                return 0;              /* the rows' numbers begin (one alone: a note's, hidden text's) */
            if (n > HEADER_CELL_MAX)
                continue;
            n = squeeze_copy(buf, t, n);
            header |= header_words(buf, n) != 0;
            if (!header || n < nl)
                continue;              /* before the header: notes, echoed labels ("注：三、其他为94") */
            const char *at = util_find(buf, n, first, fl);
            if (at) {
                n = (size_t)(at - buf);
                rows_begin = 1;
            }
            for (const char *p = buf; (p = util_find(p, n - (size_t)(p - buf), name, nl)); p++)
                if (!in_group_name(buf, n, (size_t)(p - buf), nl))
                    return 1;
            if (name_broken_inside(r, table, w, missing, buf, n))
                return 1;
            if (rows_begin)
                return 0;
        }
    }
    return 0;
}

/* 1 when the column a header does not name (of columns 0..w-2, those in seq[]
 * named) has its name broken above the table's first row of numbers: a piece of
 * it, two characters or more and naming nothing itself, in a cell ("科研机" over
 * "构", a Word PDF's header wrapped), the name stacked a character a line
 * (name_stacked()) or run onto a piece of another's (name_glued()): the column
 * is there, and rows a number short lost a cell elsewhere (ragged rows printed
 * without their empty cells, a Word table's blank first cell merged into the
 * label's) — not a table made without that column. */
static int missing_name_broken(const gk_report *r, int table, const grid *g, const int *seq, int m, int w)
{
    int missing = -1;
    for (int c = 0; c < w - 1 && missing < 0; c++) {
        int named = 0;
        for (int k = 0; k < m; k++)
            named |= seq[k] == c;
        if (!named)
            missing = c;
    }
    if (missing < 0)
        return 0;
    const char *name = r->tpl->col[table - 2][missing]->label;
    size_t nl = strlen(name);
    int end = first_numbers_row(g);    /* the header is above the first row of numbers */
    if (name_stacked(g, end, name, nl) || name_before_rows(r, table, g, w, missing))
        return 1;
    for (int i = 0; i < end; i++) {
        const grid_row *row = &g->rows[i];
        for (int j = 0; j < row->ncells; j++) {
            const char *t = row->cells[j].text;
            size_t n = strlen(t);
            char buf[HEADER_CELL_MAX + 1];
            if (n < 6 || n > HEADER_CELL_MAX || row->cells[j].num != NUM_NONE)
                continue;
            n = squeeze_copy(buf, t, n);
            if (name_glued(r, table, w, missing, buf, n))
                return 1;
            if (n < 6 || !util_find(name, nl, buf, n) || column_named(r->tpl, table, buf, n))
                continue;
            int others = 0;            /* a piece of another column's name too ("机构"): tells nothing */
            for (int c = 0; c < w && !others; c++) {
                const char *o = r->tpl->col[table - 2][c]->label;
                others = c != missing && util_find(o, strlen(o), buf, n) != NULL;
            }
            if (!others)
                return 1;
        }
    }
    return 0;
}

/* The rows of a table printed a cell a line (no grid row holds two numbers)
 * counted from its runs of numbers between labels: a run of k * w numbers is
 * k rows of w, of k * (w - 1) k rows one short (a run fitting both, or
 * neither, tells nothing). */
static void value_runs(const tokens *ts, int w, int *full, int *short_by_one)
{
    for (int k = 0; k < ts->n;) {
        int e = k;
        while (e < ts->n && ts->tok[e].kind == PT_VALUE)
            e++;
        int len = e - k;
        if (len >= w - 1) {
            int as_full = len % w == 0, as_short = len % (w - 1) == 0;
            if (as_full && !as_short)
                *full += len / w;
            else if (as_short && !as_full)
                *short_by_one += len / (w - 1);
        }
        k = e > k ? e : k + 1;
    }
}

/* Whether every row of table `table` has the same columns, the last its total
 * (table 3: 自然人 … 其他, 总计). */
static int shape_totals(const gk_report *r, int table)
{
    const gk_table_def *td = template_table(r->tpl, table);
    int w = td->nrows ? td->rows[0].ncols : 0;
    if (w < 3 || w > PLACE_MAX_COLS || r->tpl->ncol[table - 2] != w)
        return 0;
    for (int k = 0; k < td->nrows; k++)
        if (td->rows[k].ncols != w)
            return 0;
    return 1;
}

/* Whether table 3's rows say it lacks a column its header does not tell
 * (header_map() left the template's columns): three rows or more hold one
 * number fewer than the template's and more than hold as many.  A row that
 * holds as many may then be one short with a number not its own among its
 * numbers (a page number, a mark): stray_explains(). */
static int rows_one_short(const gk_report *r, int table, const grid *g, const tokens *ts)
{
    int w = template_table(r->tpl, table)->rows[0].ncols;   /* (a table of totals: shape_totals()) */
    int full = 0, short_by_one = 0, lines = 1;
    for (int i = 0; i < g->nrows; i++) {   /* the row's cells: its numbers and empty cells after its label */
        const row_cells *rc = &ts->rows[i];
        int lab = highest_bit(rc->labels);
        uint64_t empties = lab < 0 ? rc->empties : lab < 63 ? rc->empties & (~(uint64_t)0 << (lab + 1)) : 0;
        int n = rc->nv + __builtin_popcountll(empties);
        lines &= rc->nv < 2;
        if (rc->nv < 2 || n > w)
            continue;
        full += n == w;
        short_by_one += n == w - 1;
    }
    if (lines)                         /* a cell a line: the numbers between two labels are a row's */
        value_runs(ts, w, &full, &short_by_one);
    return short_by_one >= 3 && short_by_one > full;
}

/* Whether row p's w numbers read as well as a row with a number not its own
 * among them (a page number, a mark: never 0) and one number fewer, or, lead,
 * as one whose blank first cell was passed over (that cell 0 adds nothing to
 * the sums): left out one number but 0, the last of the rest is the sum of
 * the others.  A cell that is no plain number tells nothing: 1 for a table
 * without a column (no row whole is read then), 0 for a blank cell passed
 * over. */
static int stray_explains(const tokens *ts, const place_row *p, int w, int lead)
{
    double v[PLACE_MAX_COLS];
    if (!token_values(ts, p->tok, w, v))
        return !lead;
    for (int out = 0; out < w; out++) {
        if (v[out] == 0)
            continue;
        int last = out == w - 1 ? w - 2 : w - 1;
        double sum = 0;
        for (int c = 0; c < w; c++)
            if (c != out && c != last)
                sum += v[c];
        if (sum == v[last])
            return 1;
    }
    return 0;
}

/* Whether row rr (placed, its first cell an empty one right before its first
 * number, both on one row of cells written with their empty ones) took that
 * cell from a column where no row as wide has its first number, while three
 * or more have theirs in the column of rr's first number — counted from the
 * rows' first cells, or from their last (a program writes every row as wide,
 * and the first cells of some may be taken out or merged): the empty cell may
 * be a label column's (rr's label spans a column fewer than the others',
 * "一、本年新收…,,5,0,0,0,0,6" under rows "二、上年结转…,二、上年结转…,1,0,…"),
 * rr's numbers in their own columns from the first, a cell lost elsewhere.
 * (As likely its first column blank in a table whose shallower labels' rows
 * begin a column early: the caller asks that its total fail so read.) */
static int label_column_empty(const grid *g, const tokens *ts, const place_row *pl, const int *ncols, int nrows,
                              int rr);

/* Inlined at its caller, once per row read: the test of its first cell that most
 * rows fail, the columns compared out of line. */
static inline __attribute__((always_inline)) int empty_in_label_column(const grid *g, const tokens *ts,
                                                                      const place_row *pl, const int *ncols,
                                                                      int nrows, int rr)
{
    const place_row *p = &pl[rr];
    if (ncols[rr] < 2 || ts->tok[p->tok[1]].kind != PT_VALUE ||
        !(ts->tok[p->tok[0]].kind == PT_EMPTY ||
          (g->program && ts->tok[p->tok[0]].kind == PT_VALUE && ts->cell[p->tok[0]] &&
           ts->cell[p->tok[0]]->num == NUM_BLANK)))   /* "NaN": a program's empty cell */
        return 0;
    return label_column_empty(g, ts, pl, ncols, nrows, rr);
}

/* empty_in_label_column() for a row whose first cell is empty and second a number. */
static int label_column_empty(const grid *g, const tokens *ts, const place_row *pl, const int *ncols, int nrows,
                              int rr)
{
    const place_row *p = &pl[rr];
    int w = ncols[rr];
    int u = ts->tok[p->tok[0]].unit;
    if (u < 0 || ts->tok[p->tok[1]].unit != u || UNIT_ROW(u) >= g->nrows ||
        !(g->rows[UNIT_ROW(u)].explicit || g->program) || !ts->cell[p->tok[0]] || !ts->cell[p->tok[1]])
        return 0;
    const grid_row *row = &g->rows[UNIT_ROW(u)];
    long ce = ts->cell[p->tok[0]] - row->cells, cv = ts->cell[p->tok[1]] - row->cells;
    if (cv != ce + 1)
        return 0;
    /* columns counted from the row's first cell, and from its last (a row whose
       first cells were taken out or merged, as wide as the others: a program's) */
    int at_v[2] = {0, 0}, at_e[2] = {0, 0};
    for (int q = 0; q < nrows; q++) {
        if (q == rr || pl[q].state != PL_PLACED || ncols[q] != w || ts->tok[pl[q].tok[0]].kind != PT_VALUE)
            continue;
        int uq = ts->tok[pl[q].tok[0]].unit;
        if (uq < 0 || UNIT_ROW(uq) >= g->nrows || !(g->rows[UNIT_ROW(uq)].explicit || g->program) ||
            !ts->cell[pl[q].tok[0]])
            continue;
        const grid_row *rq = &g->rows[UNIT_ROW(uq)];
        long c = ts->cell[pl[q].tok[0]] - rq->cells;
        at_v[0] += c == cv;
        at_e[0] += c == ce;
        at_v[1] += rq->ncells - c == row->ncells - cv;
        at_e[1] += rq->ncells - c == row->ncells - ce;
    }
    return (at_v[0] >= 3 && !at_e[0]) || (at_v[1] >= 3 && !at_e[1] && at_v[1] > at_v[0]);
}

/* Whether row p's last number is the sum of its others (an empty cell or a
 * blank marker 0). */
static int row_total_holds(const tokens *ts, const place_row *p, int w)
{
    double v[PLACE_MAX_COLS], sum = 0;
    if (w < 2 || !token_values(ts, p->tok, w, v))
        return 0;
    for (int c = 0; c + 1 < w; c++)
        sum += v[c];
    return sum == v[w - 1];
}

/* How many empty cells lie between row p's label and its first number, both
 * on one line (passed over: a second label column, a value printed in the
 * middle of merged cells, or its first column left blank), its cells all
 * numbers (a row that took an empty cell as its blank one passed over none of
 * its own); 0 when none or not on one line. */
static int blank_before_numbers(const grid *g, const tokens *ts, const place_row *p, int w)
{
    if (p->anchor < 0 || p->label_after)
        return 0;
    int u = ts->tok[p->anchor].unit, k = p->tok[0];
    if (u < 0 || ts->tok[k].unit != u || UNIT_ROW(u) >= g->nrows)
        return 0;
    const grid_row *row = &g->rows[UNIT_ROW(u)];
    const grid_cell *a = ts->cell[p->anchor], *b = ts->cell[k];
    if (a < row->cells || b >= row->cells + row->ncells || b <= a)
        return 0;
    int empties = 0;
    for (const grid_cell *c = a + 1; c < b; c++)
        empties += !c->text[0];
    for (int j = 0; j < w && empties; j++)
        if (ts->tok[p->tok[j]].kind != PT_VALUE)
            return 0;
    return empties;
}

/* Whether row p, on a line of explicit cells (tabs, pipes, CSV) under a header
 * row of such cells, has a number under no column the header names while a cell
 * under a name is empty: the number may be the empty cell's, one column off, or
 * a stray beside a blank cell (a table without equations cannot tell).  The
 * header: the header rows right before the row's rows, the furthest cell any
 * of them names. */
static int beyond_header(const grid *g, const tokens *ts, const place_row *p, int w)
{
    if (p->anchor < 0 || p->label_after || ts->tok[p->anchor].unit < 0)
        return 0;
    int i = UNIT_ROW(ts->tok[p->anchor].unit);
    if (i >= g->nrows || !g->rows[i].explicit)
        return 0;
    const grid_row *row = &g->rows[i];
    int named = -1, headers = 0;
    for (int k = p->anchor - 1; k >= 0; k--) {
        if (ts->tok[k].kind != PT_HEADER) {
            if (headers)
                break;
            continue;
        }
        headers++;
        int h = ts->tok[k].unit >= 0 ? UNIT_ROW(ts->tok[k].unit) : -1;
        if (h < 0 || h >= g->nrows || !g->rows[h].explicit)
            return 0;
        for (int c = g->rows[h].ncells - 1; c > named; c--)
            if (g->rows[h].cells[c].text[0]) {
                named = c;
                break;
            }
    }
    int label = (int)(ts->cell[p->anchor] - row->cells), beyond = 0;
    if (named <= label)
        return 0;
    uint64_t taken = 0;
    for (int j = 0; j < w; j++) {
        int k = p->tok[j];
        if (ts->tok[k].unit < 0 || UNIT_ROW(ts->tok[k].unit) != i || !ts->cell[k])
            return 0;
        int c = (int)(ts->cell[k] - row->cells);
        if (c < 0 || c >= row->ncells || c >= 64)
            return 0;
        taken |= (uint64_t)1 << c;
        beyond |= ts->tok[k].kind == PT_VALUE && c > named;
    }
    for (int c = label + 1; c <= named && beyond && c < row->ncells && c < 64; c++)
        if (!row->cells[c].text[0] && !(taken >> c & 1))
            return 1;
    return 0;
}

/* Whether row p's w cells are one number of w digits or more (three at least:
 * "12" and a blank 本年增/减 is a row of two as written far more often than 1 and
 * 2 run together) and empty cells: the row's numbers a converter ran together into
 * one cell as well as a number and blank cells (no equation of the row's tells).
 * Its token, or -1. */
static int one_number_run(const tokens *ts, const place_row *p, int w)
{
    int numbers = 0, digits = 0, at = -1;
    for (int j = 0; j < w; j++) {
        int k = p->tok[j];
        if (ts->tok[k].kind == PT_EMPTY)
            continue;
        if (ts->tok[k].kind != PT_VALUE || ts->cell[k]->num != NUM_VALUE || numbers++)
            return -1;
        for (const char *c = ts->text[k]; *c; c++)
            digits += *c >= '0' && *c <= '9';
        at = k;
    }
    return w >= 2 && numbers == 1 && digits >= w && digits >= 3 ? at : -1;
}

/* The token of a number among row p's w that is the report's year or one near
 * it (a date, a page header's year fallen among a row's cells), or -1.  Without
 * the report's year: any of 2019 .. 2030. */
static int year_among(const gk_report *r, const tokens *ts, const place_row *p, int w)
{
    int lo = r->year ? r->year - 2 : 2019, hi = r->year ? r->year + 1 : 2030;
    for (int j = 0; j < w; j++) {
        int k = p->tok[j];
        if (ts->tok[k].kind == PT_VALUE && ts->cell[k]->num == NUM_VALUE && ts->cell[k]->is_int &&
            ts->cell[k]->value >= lo && ts->cell[k]->value <= hi)
            return k;
    }
    return -1;
}

/* 1 when s[0..n) holds an ASCII digit. */
static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* The column (of the first w - 1) whose canonical name alone begins with (or is)
 * the two characters or more of s[0..n) (U+FFFD at its end dropped: html2text
 * cuts a header's names, "法律" "社会\xEF\xBF\xBD" "其他\xEF\xBF\xBD"), or -1. */
static int column_begun(const gk_template *tpl, int table, const char *s, size_t n, int w)
{
    while (n >= 3 && !memcmp(s + n - 3, REPLACED, 3))
        n -= 3;
    if (!utf8_chars_reach(s, n, 2) || memchr(s, 0xEF, n))
        return -1;
    int found = -1;
    for (int k = 0; k < w - 1 && k < tpl->ncol[table - 2]; k++) {
        const char *canon = tpl->col_canon[table - 2][k];
        if (strlen(canon) >= n && !memcmp(canon, s, n)) {
            if (found >= 0)
                return -1;
            found = k;
        }
    }
    return found;
}

/* 1 when the words of the lines above a table's first row label name three of
 * its columns but the total or more in another order than the template's (a
 * header the converter scattered among the rows' numbers, which header_columns()
 * does not read past: pdfminer's "自然人 法人或其他组织" "29" "3" "其他" … "商业企业
 * 法律服务机构 科研机构 社会公益组织"): the rows' numbers in the template's order may
 * be in other columns.  A word's place: its cell in a row of explicit cells
 * (tabs, pipes), where a name's beginning names it too (column_begun(): html2text
 * cuts them), else the order of the words, whole names only (pieces of names a
 * browser wrapped lie on their lines in any order, and lines a browser wrapped
 * begin at any column); a column named at two places (a piece of "法人或 其他 组织"
 * wrapped) tells nothing. */
static int names_out_of_order(const gk_report *r, int table, const grid *g, const tokens *ts, int w)
{
    int first = g->nrows, at = 0;      /* the grid row and cell of the first label naming a row */
    for (int k = 0; k < ts->n; k++)
        if (row_label_token(r, table, ts, k)) {
            first = UNIT_ROW(ts->tok[k].unit);
            at = first < g->nrows ? (int)(ts->cell[k] - g->rows[first].cells) : 0;
            break;
        }
    int pos[PLACE_MAX_COLS], order = 0;
    uint32_t seen = 0, twice = 0;
    for (int i = 0; i <= first && i < g->nrows; i++) {
        const grid_row *row = &g->rows[i];
        const row_cells *rc = &ts->rows[i];
        if (row->ncells > 64)
            continue;
        uint64_t m = header_labels(rc);
        if (rc->nv) {                  /* not the label right before the numbers: a note naming
                                          one ("其他  56件") or a row's own */
            int fv = __builtin_ctzll(rc->numbers);
            if (fv > 0)
                m &= ~((uint64_t)1 << (fv - 1));
        }
        if (i == first)
            m &= at > 0 && at < 64 ? ((uint64_t)1 << at) - 1 : 0;
        for (; m; m &= m - 1) {
            const char *text = row->cells[__builtin_ctzll(m)].text;
            for (const char *p = text; *p;) {
                size_t n;
                const char *word = next_word(&p, &n);
                int c = n && n <= HEADER_CELL_MAX && !note_word(word, n) && !has_digit(word, n)
                            ? column_index(column_named(r->tpl, table, word, n))
                            : -1;
                if (c < 0 && n && !has_digit(word, n) && row->explicit)
                    c = column_begun(r->tpl, table, word, n, w);
                if (c >= 0 && c < w - 1 && c < PLACE_MAX_COLS) {
                    int place = row->explicit ? __builtin_ctzll(m) : order;
                    if (seen >> c & 1)
                        twice |= (pos[c] != place) << c;
                    seen |= 1u << c;
                    pos[c] = place;
                }
                order++;
            }
        }
    }
    seen &= ~twice;
    int named = 0, inverted = 0;
    for (int a = 0; a < w - 1 && a < PLACE_MAX_COLS; a++)
        for (int b = a + 1; (seen >> a & 1) && b < w - 1 && b < PLACE_MAX_COLS; b++)
            inverted |= (seen >> b & 1) && pos[a] > pos[b];
    for (uint32_t s2 = seen; s2; s2 &= s2 - 1)
        named++;
    return named >= 3 && inverted;
}

/* The columns (of the first w - 1) whose canonical names text (spaces aside)
 * begins with, one after another, into cols (max), and how many: group names
 * (GK_HEADER_GROUPS) and the total's name between them skipped; *rest 1 when
 * text is left after them (docx2txt runs a header's cells together, and onto
 * the first row's label: "法人或其他组织科研机构", "法律服务机构其他商业企业一、本年新收…"). */
/* Whether a (terminated, not empty: a[1] readable) begins with b's first two
 * bytes (its one, b of one byte): b may begin there, told before its length is
 * taken (most names differ there; b "" never). */
static inline int begins_like(const char *a, const char *b)
{
    return a[0] == b[0] && (a[1] == b[1] || !b[1]);
}

static int names_run_together(const gk_template *tpl, int table, const char *text, int w, int *cols, int max,
                              int *rest)
{
    char buf[HEADER_CELL_MAX + 1];
    size_t n = strlen(text), at = 0;
    int k = 0;
    *rest = 1;
    if (n > HEADER_CELL_MAX) {         /* its beginning: the names come first */
        n = HEADER_CELL_MAX;
        while (n && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
    }
    n = squeeze_copy(buf, text, n);
    const char *total = tpl->col_canon[table - 2][w - 1];
    while (at < n) {
        size_t skip = 0;
        for (int g = 0; GK_HEADER_GROUPS[g] && !skip; g++) {
            if (!begins_like(buf + at, GK_HEADER_GROUPS[g]))
                continue;              /* (a name "" skips nothing either way) */
            size_t gl = strlen(GK_HEADER_GROUPS[g]);
            if (gl <= n - at && !memcmp(buf + at, GK_HEADER_GROUPS[g], gl))
                skip = gl;
        }
        if (!skip && begins_like(buf + at, total) && strlen(total) <= n - at && !memcmp(buf + at, total, strlen(total)))
            skip = strlen(total);
        if (skip) {
            at += skip;
            continue;
        }
        int best = -1;
        size_t bl = 0;
        for (int c = 0; c < w - 1 && c < tpl->ncol[table - 2]; c++) {
            if (!begins_like(buf + at, tpl->col_canon[table - 2][c]))
                continue;              /* (cl > bl: a name "" is never taken) */
            size_t cl = strlen(tpl->col_canon[table - 2][c]);
            if (cl > bl && cl <= n - at && !memcmp(buf + at, tpl->col_canon[table - 2][c], cl)) {
                best = c;
                bl = cl;
            }
        }
        if (best < 0)
            break;
        if (k < max)
            cols[k++] = best;
        at += bl;
    }
    *rest = at < n;
    return k;
}

/* 1 when the table holds, anywhere, three names or more one after another
 * (through cells and lines; empty cells, group names and the total's
 * skipped; names run together in a cell taken one by one) each the whole name
 * of a column but the total, in another order than the template's: a header a
 * converter printed among the rows, which names_out_of_order() does not look
 * for below the first row's label (pdftotext -raw, the content stream's order:
 * "一、本年新收…" "58" "二、上年结转…" "法人或其他组织" "社会公益组织" "其他"
 * "法律服务机构" "商业企业" "科研机构"), or ran together (names_run_together()). */
static int name_run_out_of_order(const gk_report *r, int table, const grid *g, int w)
{
    int run[PLACE_MAX_COLS], len = 0, inverted = 0;
    for (int i = 0; i < g->nrows; i++) {
        const grid_row *row = &g->rows[i];
        for (int j = 0; j < row->ncells; j++) {
            const grid_cell *cell = &row->cells[j];
            if (!cell->text[0])
                continue;
            int cols[PLACE_MAX_COLS], rest = 1,
                k = cell->num == NUM_NONE ? names_run_together(r->tpl, table, cell->text, w, cols, PLACE_MAX_COLS, &rest)
                                          : 0;
            if (!k && !rest)
                continue;              /* a group's name, the total's */
            for (int m = 0; m < k; m++) {
                int c = cols[m];
                for (int q = 0; q < len && c >= 0; q++)
                    if (run[q] == c)
                        c = -1;        /* named again: another run */
                if (c < 0 || len >= PLACE_MAX_COLS) {
                    if (len >= 3 && inverted)
                        return 1;
                    len = inverted = 0;
                    c = cols[m];
                }
                inverted |= len > 0 && run[len - 1] > c;
                run[len++] = c;
            }
            if (rest) {                /* anything else ends the run */
                if (len >= 3 && inverted)
                    return 1;
                len = inverted = 0;
            }
        }
    }
    return len >= 3 && inverted;
}

/* How many rows hold w numbers (*full) and how many w - 1 (*short_by_one): rows
 * of two numbers or more, but no more than a row holds (two rows on a line, a
 * row run on); a table a cell a line, none holding two, by its runs of numbers
 * between two labels (value_runs()). */
static void rows_full_or_short(const grid *g, const tokens *ts, int w, int *full, int *short_by_one)
{
    *full = *short_by_one = 0;
    for (int i = 0; i < g->nrows; i++) {
        int nv = ts->rows[i].nv;
        if (nv < 2 || nv > w)
            continue;
        *full += nv == w;
        *short_by_one += nv == w - 1;
    }
    if (!*full && !*short_by_one)
        value_runs(ts, w, full, short_by_one);
}

/* Where a table's header puts its columns (w: a row's cells), when not where the template does:
 * the header of a table whose rows all have the same columns, each its own
 * label (table 3: 自然人, five kinds of 法人或其他组织, 总计), names its columns
 * but the last (the total) in another order ("社会公益组织" before "科研机构"),
 * or names all but one of them and its rows hold one number fewer (a table
 * made without the "其他" column).  Then col[c] is the template column of the
 * row's c-th number, the total last, and the width (how many numbers a row
 * has) is returned; 0: the template's columns as they are.  A header cell
 * not read (wrapped, misspelt) only leaves its column out of the order: the
 * order is taken from all the columns but the total named, and a column is
 * taken as absent only when the rows say so too (three or more hold one number
 * fewer than the template's, more than hold as many — a stray number makes one
 * row long; when fewer than three hold one fewer and none as many, nothing
 * tells: -2), and its name is not found broken (missing_name_broken(): the
 * template's columns then). */
static int header_map_read(const gk_report *r, int table, const grid *g, const tokens *ts, int w, int *col,
                           int *whole)
{
    *whole = 0;
    int seq[64], line[64], n = header_columns(r, table, g, ts, seq, line, 64), m = 0, total = 0, unknown = 0;
    for (int k = 0; k < n; k++) {
        if (seq[k] == w - 1) {
            total = 1;
        } else {
            line[m] = line[k];
            seq[m++] = seq[k];
        }
    }
    for (int k = 0; k < m; k++)
        unknown |= seq[k] == HEADER_UNKNOWN;
    if (unknown) {                     /* a column not read: each read one must be in its own place */
        int placed = 1, shifted = 1, named = 0, first = 0;
        for (int k = 0; k < m; k++) {
            first |= seq[k] == 0;
            if (seq[k] == HEADER_UNKNOWN)
                continue;
            named++;
            placed &= seq[k] == k;
            shifted &= seq[k] == k + 1;
        }
        /* or each one place on when the first column's name is not there at all
           (自然人 over the others' row, cut to nothing in its cell: html2text) and
           the rows hold every column (not a table made without it) */
        if (shifted && !first && !placed) {
            int full, short_by_one;
            rows_full_or_short(g, ts, w, &full, &short_by_one);
            placed = full > short_by_one;
        }
        int trailing = m > 0 && seq[m - 1] == HEADER_UNKNOWN;   /* unread after the names */
        return placed || (named < 3 && !trailing) ? 0 : -1;
    }
    int ordered = 1, across = 1;       /* across: every pair out of order on two lines */
    for (int k = 1; k < m; k++)
        ordered &= seq[k] > seq[k - 1];
    for (int a = 0; a < m && !ordered; a++)
        for (int b = a + 1; b < m; b++)
            across &= seq[a] < seq[b] || (line[a] >= 0 && line[b] >= 0 && line[a] != line[b]);
    if (!ordered && across && r->text->page && g->layout == GRID_TABS)
        return -1;                     /* a PDF's: names on rows of their own, in the template's order
                                          within each — the rows' order is the page's from top to
                                          bottom, where one row's name stands among another's is not
                                          told ("法律服务机构" over "商业企业 科研机构 社会公益组织 其他":
                                          Chromium prints a cell's text centred).  (A web page's text
                                          keeps its cells' order: a browser's innerText, "科研\n机构".) */
    *whole = m == w - 1 && ordered;    /* every name read, in the template's order */
    if (m == w - 1 && !ordered) {
        memcpy(col, seq, (size_t)m * sizeof *col);
        col[m] = w - 1;
        return w;
    }
    if (!ordered && m >= 3)
        return -1;                     /* another order, not all of it read: no column can be told */
    if (m != w - 2 || !total)
        return 0;
    int full, short_by_one;
    rows_full_or_short(g, ts, w, &full, &short_by_one);
    if (full >= short_by_one && full)
        return 0;                      /* a name not read: the rows hold every column */
    if (short_by_one < 3)
        return -2;                     /* no row tells whether the column is there */
    if (missing_name_broken(r, table, g, seq, m, w))
        return 0;                      /* its name is there, broken: the rows lost a cell elsewhere, the
                                          columns are the template's */
    memcpy(col, seq, (size_t)m * sizeof *col);
    col[m] = w - 1;
    return w - 1;
}

/* A header printed in narrow columns, each name wrapped over lines one under
 * the other (w3m: "科" "研" "机" "构" a character a line, "法律" "服" "务机"
 * "构"; pdftotext likewise): read along its lines, as header_columns() reads,
 * its names come in no order.  The words of its label cells (those of the
 * rows before the first with numbers) stacked by display column instead — a
 * word under a stack's last word, overlapping it and no other stack, goes on
 * that stack, top to bottom, unless the stack holds a group's name (a word
 * under 申请人情况 printed over several columns is one of theirs) — each stack
 * read as names run together (group names and the total's skipped), the
 * stacks from left to right, each ordered by its last word (its name's).  When they
 * name every column but the total, one a stack, once each, and nothing else
 * (a stack naming no column — a note, a group's name — aside), and each name
 * stands in a column of its own with the number of the first full row under
 * it, col[] is their order, the total last, and the width is returned (0: the
 * template's order); -1 otherwise.  Only where runs of spaces part the cells:
 * their columns are then the page's. */
#define STACKS_MAX 24

static int header_stacks(const gk_report *r, int table, const grid *g, const tokens *ts, int w, int *col,
                         int chars)
{
    typedef struct {
        int x0, x1, line;              /* its last word's display columns [x0, x1) and line */
        int left, right;               /* the columns all its words span */
        int closed;                    /* a group's name whole: the words under it are its columns' */
        int note;                      /* longer than a name: a note's lines, no name read in it */
        size_t len;
        char text[HEADER_CELL_MAX + 1];
    } stack;
    if (g->layout != GRID_SPACES || w > PLACE_MAX_COLS)
        return -1;
    stack *st = xmalloc(STACKS_MAX * sizeof *st);
    int ns = 0, ok = 1, body = body_begun(r, table, g, ts);
    for (int i = 0; i < g->nrows && ok; i++) {
        const grid_row *row = &g->rows[i];
        if (ts->rows[i].nv && (ns || i >= body))
            break;                     /* the first row of numbers after the header; the body */
        if (ts->rows[i].nv)
            continue;                  /* before it: a caption, a stray ("隐藏：…数量 99") */
        if (row->ncells > 64)
            break;
        line_walk walk = {0, -1, chars};
        for (uint64_t m = header_labels(&ts->rows[i]); m && ok; m &= m - 1) {
            const grid_cell *c = &row->cells[__builtin_ctzll(m)];
            int at = display_column_next(r, c, &walk);
            if (at < 0)
                continue;              /* not found as it is (a note the normalisation changed): a name
                                          left without it is no name, and no order is read */
            for (const char *p = c->text; *p && ok;) {   /* its words: single spaces part names too
                                                           ("研 社会公益 服") */
                while (*p == ' ')
                    p++;
                const char *e = p;
                while (*e && *e != ' ')
                    e++;
                size_t n = (size_t)(e - p);
                if (!n)
                    break;
                int x0 = at + text_width_as(c->text, (size_t)(p - c->text), chars),
                    x1 = x0 + text_width_as(p, n, chars), on = -1, two = 0;
                for (int k = 0; k < ns; k++)
                    if (!st[k].closed && st[k].line < c->line && st[k].x0 < x1 && x0 < st[k].x1) {
                        two |= on >= 0;   /* under two stacks: which one is not known */
                        on = k;
                    }
                if (two || (on < 0 && ns == STACKS_MAX) ||
                    (!chars && ((on >= 0 && st[on].len + n > HEADER_CELL_MAX) || n > HEADER_CELL_MAX))) {
                    ok = 0;
                    break;
                }
                if (on < 0) {
                    on = ns++;
                    st[on].len = 0;
                    st[on].left = x0;
                    st[on].right = x1;
                    st[on].closed = 0;
                    st[on].note = 0;
                }
                st[on].left = x0 < st[on].left ? x0 : st[on].left;
                st[on].right = x1 > st[on].right ? x1 : st[on].right;
                if (st[on].note || st[on].len + n > HEADER_CELL_MAX) {
                    st[on].note = 1;   /* (chars: a note's lines over the rows' labels) */
                    st[on].x0 = x0;
                    st[on].x1 = x1;
                    st[on].line = c->line;
                    p = e;
                    continue;
                }
                memcpy(st[on].text + st[on].len, p, n);
                st[on].len += n;
                st[on].text[st[on].len] = '\0';
                st[on].x0 = x0;
                st[on].x1 = x1;
                st[on].line = c->line;
                st[on].closed = header_group(st[on].text);
                p = e;
            }
        }
    }
    /* the numbers' columns: those of the first row holding w of them */
    int nx0[PLACE_MAX_COLS], nx1[PLACE_MAX_COLS], nn = 0;
    for (int i = 0; i < g->nrows && ok && !nn; i++) {
        if (ts->rows[i].nv != w)
            continue;
        line_walk walk = {0, -1, chars};
        for (int j = 0; j < g->rows[i].ncells && ok; j++) {
            const grid_cell *c = &g->rows[i].cells[j];
            if (c->num != NUM_VALUE)
                continue;
            int x = nn < w ? display_column_next(r, c, &walk) : -1;
            if (x < 0)
                ok = 0;
            else {
                nx0[nn] = x;
                nx1[nn++] = x + text_width_as(c->text, strlen(c->text), chars);
            }
        }
        ok &= nn == w;
    }
    int seq[PLACE_MAX_COLS], m = 0, done[STACKS_MAX] = {0}, last_hi = 0;
    uint64_t seen = 0;
    for (int step = 0; step < ns && ok; step++) {
        int s = -1;                    /* the leftmost stack not read yet */
        for (int k = 0; k < ns; k++)
            if (!done[k] && (s < 0 || st[k].left < st[s].left))
                s = k;
        done[s] = 1;
        if (st[s].note)
            continue;
        int cols[PLACE_MAX_COLS], rest, k = names_run_together(r->tpl, table, st[s].text, w, cols, PLACE_MAX_COLS, &rest);
        if (!k)
            continue;                  /* a note, a group's name, the total's */
        /* one name a stack, the m-th name and the rows' m-th number in a column of their own
           (what both span left of what the next name and number span: names wrapped at the
           page's margin, not over their columns, tell no order) */
        if (rest || k > 1 || m == w - 1 || (seen >> cols[0] & 1) || !nn) {
            ok = 0;
            break;
        }
        /* the stack's last word is its name's (a group's name over several columns, above
           it, spans further) */
        int lo = st[s].x0 < nx0[m] ? st[s].x0 : nx0[m], hi = st[s].x1 > nx1[m] ? st[s].x1 : nx1[m];
        if (chars)                     /* characters a column (pdftotext -layout sets CJK narrower
                                          than the digits: a centred name may begin left of its number,
                                          over the one before): the name begins between the numbers
                                          before and after its own, right of the name before */
            ok = st[s].left >= last_hi && (m == 0 || st[s].x0 > nx0[m - 1]) && st[s].x0 < nx0[m + 1];
        else
            ok = lo >= last_hi;
        last_hi = chars ? st[s].right : hi;
        seen |= (uint64_t)1 << cols[0];
        seq[m++] = cols[0];
    }
    ok &= !nn || last_hi <= nx0[w - 1];   /* and the total's number after them */
    free(st);
    if (!ok || m != w - 1)
        return -1;
    int ordered = 1;
    for (int c = 0; c < m; c++)
        ordered &= seq[c] == c;
    if (ordered)
        return 0;
    memcpy(col, seq, (size_t)m * sizeof *col);
    col[m] = w - 1;
    return w;
}

/* header_stacks() by display columns, else by characters (pdftotext -layout sets each
 * character in a column of its own, CJK as wide as a digit). */
static int header_stacks_either(const gk_report *r, int table, const grid *g, const tokens *ts, int w, int *col)
{
    int stacked = header_stacks(r, table, g, ts, w, col, 0);
    return stacked >= 0 ? stacked : header_stacks(r, table, g, ts, w, col, 1);
}

/* header_map_read() of a table whose header is not in the template's order
 * (rows of w cells), and -1 when it leaves the template's order while the names
 * above the table's rows come in another (names_out_of_order()), or a run of
 * names anywhere in it does (name_run_out_of_order()). */
static int header_map(const gk_report *r, int table, const grid *g, const tokens *ts, int *col)
{
    if (!shape_totals(r, table))
        return 0;                      /* columns sharing labels (table 4's groups): not by their header */
    int w = template_table(r->tpl, table)->rows[0].ncols;
    if (header_in_order(g, ts, w))
        return 0;
    int whole, width = header_map_read(r, table, g, ts, w, col, &whole);
    if (width == 0 || width == -1) {   /* names wrapped in narrow columns, read down the columns? */
        int stacked = header_stacks_either(r, table, g, ts, w, col);
        if (stacked >= 0)
            return stacked;            /* every name, in another order (the lines' reading took too few
                                          for an order: the template's), or in the template's */
    } else if (width > 0 && g->layout == GRID_SPACES) {
        /* another order read along the lines: read down the columns too — a group's name
           printed a character a line over its columns ("法" "人" "或" "其" "他" "组" "织",
           w3m at 80 columns) gives "其" "他" to the lines' reading, beside 自然人 */
        int down[PLACE_MAX_COLS], stacked = header_stacks_either(r, table, g, ts, w, down);
        if (stacked >= 0) {            /* every name, each over its numbers: the page's order */
            if (stacked)
                memcpy(col, down, (size_t)stacked * sizeof *col);
            return stacked;
        }
    }
    /* another order, not read: no column can be told — unless the header's words read
       every name in the template's order (a browser's copy breaks a header's row at each
       line break in a cell, " \t申请" "人情况\t总计": the pieces' cells tell no column) */
    if (!width && ((!whole && names_out_of_order(r, table, g, ts, w)) || name_run_out_of_order(r, table, g, w)))
        return -1;
    return width;
}

/* The line of a grid's first cell (its table's first line read), 0 when none. */
static int grid_first_line(const grid *g)
{
    for (int i = 0; i < g->nrows; i++)
        if (g->rows[i].ncells)
            return g->rows[i].line;
    return 0;
}

/* The template's label of column c of table `table`. */
static const char *column_label(const gk_report *r, int table, int c)
{
    return r->tpl->col[table - 2][c]->label;
}

/* Row rr placed in a table whose header orders its columns otherwise
 * (header_map()): its c-th number is column col[c]'s; a column its header
 * does not have is missing, and says so. */
static void store_mapped(gk_report *r, int table, int rr, const tokens *ts, const place_row *p, const int *col,
                         int width)
{
    const gk_row_def *rd = &template_table(r->tpl, table)->rows[rr];
    gk_cell *cells = row_cells_of(r, table, rr);
    uint64_t got = 0;
    for (int c = 0; c < width; c++) {
        store_token(r, &cells[col[c]], ts, p->tok[c]);
        got |= (uint64_t)1 << col[c];
    }
    for (int c = 0; c < rd->ncols; c++) {
        if (got >> c & 1)
            continue;
        slot s = {0};
        char *why = xasprintf("表头中没有「%s」列，该列数字未读取", column_label(r, table, c));
        slots_missing(&s, 1, cells[col[0]].line, why);
        free(why);
        store_slot(r, &cells[c], &s);
    }
}

/* The note on a header that orders its columns otherwise (header_map()): its
 * order, naming the cells of every column not where the template has it. */
static void note_header_map(gk_report *r, int table, const int *col, int width, const grid *g)
{
    const gk_table_def *td = template_table(r->tpl, table);
    sbuf b;
    sbuf_init(&b);
    for (int c = 0; c < width; c++)
        sbuf_printf(&b, "%s%s", c ? "、" : "", column_label(r, table, col[c]));
    gk_finding *f = finding_add(&r->notes, &r->nnotes, "STRUCT.LABEL_VARIANT", grid_first_line(g),
                                xasprintf("%s表头的列为：%s，与模板的列%s不同，已按表头对应各列",
                                          template_table_shape(table)->name, b.s,
                                          width < td->rows[0].ncols ? "数" : "顺序"));
    sbuf_free(&b);
    uint64_t moved = 0;
    for (int c = 0; c < td->rows[0].ncols; c++)
        if (c >= width || col[c] != c || width < td->rows[0].ncols)
            moved |= (uint64_t)1 << c;     /* a column taken as absent: any number may be another's
                                              (the rows may have lost a blank cell instead, its
                                              name broken in a way not found) */
    for (int c = 0; c < width; c++)
        if (col[c] != c)
            moved |= (uint64_t)1 << col[c];
    for (int rr = 0; rr < td->nrows; rr++)
        for (int c = 0; c < td->rows[rr].ncols; c++)
            if (moved >> c & 1)
                finding_add_cell(f, template_cell_at(r->tpl, table, rr, c));
}

/* A table whose header names its columns in another order but not all of them
 * (header_map() -1), or all but one with rows that do not tell whether it is
 * there (`unnamed`, -2): every number of its columns but the last (the total)
 * is unread, and a note says why. */
static void unread_disordered(gk_report *r, int table, const grid *g, int unnamed)
{
    const gk_table_def *td = template_table(r->tpl, table);
    const char *name = template_table_shape(table)->name;
    gk_finding *f = finding_add(&r->notes, &r->nnotes, "STRUCT.LABEL_VARIANT", grid_first_line(g),
                                unnamed ? xasprintf("%s表头少一列的列名，各行的数字个数也不能说明是否少了这一列："
                                                    "各列数字所在的列无法确定，除总计列外不作读取", name)
                                        : xasprintf("%s表头的列顺序与模板不同，且未能读出全部列名：各列数字所在的列无法确定，"
                                                    "除总计列外不作读取", name));
    for (int rr = 0; rr < td->nrows; rr++) {
        gk_cell *cells = row_cells_of(r, table, rr);
        for (int c = 0; c + 1 < td->rows[rr].ncols; c++) {
            finding_add_cell(f, template_cell_at(r->tpl, table, rr, c));
            gk_cell *cell = &cells[c];
            if (cell->read_status == GK_ST_MISSING)
                continue;
            cell->read_status = GK_ST_MISSING;
            cell->read_value = 0;
            free(cell->unread_why);
            cell->unread_why = unnamed ? xasprintf("%s表头少一列的列名，无法确定该数字所在的列，不作读取", name)
                                       : xasprintf("%s表头的列顺序与模板不同，无法确定该数字所在的列，不作读取", name);
            r->cells_own_text = 1;
        }
    }
}

/* Whether each of rows[0 .. n) (w cells each, taken from seq: cell c of row
 * j at seq[at(j, c)]) holds one number that is the sum of its others (its
 * total, wherever its column): a row with a cell that is no number fails. */
static int run_totals_hold(const tokens *ts, const int *seq, int n, int w, int by_columns)
{
    for (int j = 0; j < n; j++) {
        double v[PLACE_MAX_COLS], sum = 0;
        for (int c = 0; c < w; c++) {
            int k = seq[by_columns ? c * n + j : j * w + c];
            if (ts->tok[k].kind != PT_VALUE || ts->cell[k]->num != NUM_VALUE || ts->text[k] != ts->cell[k]->text)
                return 0;
            sum += v[c] = ts->cell[k]->value;
        }
        int total = 0;
        for (int c = 0; c < w && !total; c++)
            total = 2 * v[c] == sum;
        if (!total)
            return 0;
    }
    return 1;
}

/* 1 when the label at token `at`, row rr's anchor, holds row rr's canonical label
 * joined with the next text naming nothing after it, past numbers ("行政规范性
 * 0 11 29" over "文件": a label wrapped in its cell, its end on the row's next
 * line): no variant to note. */
static int label_ends_after(const gk_report *r, int table, int rr, const tokens *ts, int at)
{
    int k = at + 1;
    while (k < ts->n && (ts->tok[k].kind == PT_VALUE || ts->tok[k].kind == PT_EMPTY))
        k++;
    if (k >= ts->n || ts->tok[k].kind != PT_LABEL || ts->tok[k].rows || ts->tok[k].firsts || !ts->text[at] ||
        !ts->text[k])
        return 0;
    size_t a = strlen(ts->text[at]), b = strlen(ts->text[k]);
    if (a + b > HEADER_CELL_MAX)
        return 0;
    char join[HEADER_CELL_MAX + 1];
    size_t len = squeeze_copy(join, ts->text[at], a);
    len += squeeze_copy(join + len, ts->text[k], b);
    const char *canon = r->tpl->row_canon[table - 2][rr];
    return util_find(join, len, canon, r->tpl->row_canon_len[table - 2][rr]) != NULL;
}

/* Runs of rows place_rows() read column by column (place_row.columns) are
 * kept only when every row's own total holds read so and not read by rows
 * (labels first, then each row's numbers in turn: the same count); else the
 * run's rows are left unplaced (ambiguous). */
static void by_columns_confirmed(const tokens *ts, place_row *pl, const int *ncols, int nrows)
{
    for (int r0 = 0; r0 < nrows; r0++) {
        if (pl[r0].columns != r0 + 1)
            continue;
        int n = 0, w = ncols[r0], seq[PLACE_MAX_ROWS * PLACE_MAX_COLS];
        while (r0 + n < nrows && pl[r0 + n].columns == r0 + 1)
            n++;
        for (int j = 0; j < n; j++)    /* the run's cells in the order printed: column after column */
            for (int c = 0; c < w; c++)
                seq[c * n + j] = pl[r0 + j].tok[c];
        if (!(w > 1 && run_totals_hold(ts, seq, n, w, 1) && !run_totals_hold(ts, seq, n, w, 0)))
            for (int j = 0; j < n; j++)
                pl[r0 + j].state = PL_AMBIGUOUS;
        r0 += n - 1;
    }
}

/* 1 when label text is, or begins with, a sub-table's caption: "第二十条第（六）项"
 * (spaces and brackets as a converter left them; docx2txt glues the next cells'
 * text to it: "第二十条第（八）项信息内容本年收费金额…"). */
static int subtable_caption(const char *s)
{
    if (strncmp(s, "第", 3))
        return 0;
    const char *item = strstr(s, "项");
    if (!item || item - s > 45)
        return 0;
    const char *art = util_find(s, (size_t)(item - s), "条", 3);
    return art && art - s >= 6;        /* 第 N 条 … 项 */
}

/* When a row was placed with its label after its numbers (rare): marks the
 * sub-tables' captions (PT_CAPTION), alone or with a row's label glued after, such
 * a row takes no numbers before one;
 * returns how many were marked (0: nothing to place again). */
static int mark_captions(tokens *ts, const place_row *pl, int nrows)
{
    int after = 0, marked = 0;
    for (int k = 0; k < nrows && !after; k++)
        after = pl[k].state == PL_PLACED && pl[k].label_after;
    for (int k = 0; after && k < ts->n; k++) {
        place_tok *t = &ts->tok[k];
        if (t->kind == PT_LABEL && !(t->foreign & PT_CAPTION) && subtable_caption(ts->text[k])) {
            t->foreign |= PT_CAPTION;
            marked++;
        }
    }
    return marked;
}

/* Rows of table `table` left unread one number short (PL_COUNT, their own numbers
 * after their labels, each read, no empty cell among them, a total of their own):
 * the lost cell taken for a blank (a converter that prints no empty cell dropped
 * it), each row's places for it where its own total holds (one place for each
 * reading: a blank beside a 0 reads the same on either side), and the choices of
 * places over those rows that hold the equations across rows whose other cells
 * are read (short_search); a row whose cells read the same in every such choice
 * is read so, inferred (two rows a blank short in one column's balance: each
 * column's equations tell where each blank is).  One choice that holds is
 * searched for, then for each row one with the row reading otherwise
 * (short_fits()): none, and the row reads one way.  A search takes the rows
 * one after another, each at each of its places (short_dfs()), and drops a
 * choice as soon as an equation is out of reach of what the rows left can still
 * add to it (each row's least and most, over its places, summed from the next
 * row on); so a table with a dozen rows a blank short is told as one with two.
 * Which choice is found first does not matter: a row read is one reading the
 * same in every choice.  Past SHORT_STEPS steps in all, nothing is read. */
#define SHORT_ROWS 32
#define SHORT_SPAN 512                 /* read_short_rows(): the cells of its rows mapped to them */
#define SHORT_STEPS 200000
#define SHORT_ROW_STEPS 20000
typedef struct {
    double konst;                      /* its read cells' sum */
    int n, across, col;                /* col: the one column of its cells in the rows, or -1; -3 a
                                          row's own total (holding at each place kept) */
    unsigned char row[GK_EQ_MAX], cix[GK_EQ_MAX];
    signed char coef[GK_EQ_MAX];
} short_eq;

#define SHORT_EQS 64
#define SHORT_LOCAL 16                 /* equations of one column */
typedef struct {                       /* a column's search (short_column()) */
    int n, eq[SHORT_LOCAL];            /* its equations */
    signed char coef[SHORT_LOCAL][SHORT_ROWS];   /* each row's cell there in each */
    int nfree, free[SHORT_ROWS];       /* rows that may place their blanks there or later */
    double d[SHORT_ROWS][SHORT_LOCAL];           /* a free row placed there: each sum's change */
    double lo[SHORT_ROWS + 1][SHORT_LOCAL], hi[SHORT_ROWS + 1][SHORT_LOCAL];   /* the rows' from k on */
} short_col;

typedef struct {
    int ns, width;                     /* rows, the widest's cells */
    int w[SHORT_ROWS];                 /* each row's cells */
    double seen[SHORT_ROWS][PLACE_MAX_COLS];
    uint32_t at[PLACE_MAX_COLS];       /* rows whose blank may stand at column c */
    int last[SHORT_ROWS];              /* a row's last place */
    int pos[SHORT_ROWS];               /* the place chosen */
    short_eq eqs[SHORT_EQS];
    int neqs, across;
    long steps, fits, seen_fits;       /* fits: choices found to hold; a search stops at one more */
    int first[SHORT_ROWS], agree[SHORT_ROWS];
    short_col cs[PLACE_MAX_COLS];
    /* a row at a time (short_fits_rows(), short_dfs()): the equations but the rows'
     * own totals (nu), what each row's cells add to each with its blank at each
     * column (short_adds()), each row's places, the least and most
     * the rows from the d-th on can still add (lo[d], hi[d]); its steps, per search */
    int nu, eq[SHORT_EQS];
    double *contrib;
    int nplaces[SHORT_ROWS], place[SHORT_ROWS][PLACE_MAX_COLS];
    double lo[SHORT_ROWS + 1][SHORT_EQS], hi[SHORT_ROWS + 1][SHORT_EQS];
    long row_steps;
} short_search;

/* Row i's cell c, its blank at b. */
static double short_value(const short_search *ss, int i, int b, int c)
{
    return c < b ? ss->seen[i][c] : c == b ? 0 : ss->seen[i][c - 1];
}

/* What row i's cells add to each searched equation (nu of them), its blank at c. */
static inline double *short_adds(const short_search *ss, int i, int c)
{
    return ss->contrib + ((size_t)i * (size_t)ss->width + (size_t)c) * (size_t)ss->nu;
}

static void short_column(short_search *ss, int c, uint32_t placed);

/* Column c's rows free to place their blanks there, from the k-th on: each
 * placed there or not, every equation of the column kept within reach of
 * holding by what the rest can still change (sums: the equations' as chosen so
 * far); a choice that holds them all goes on to column c + 1. */
static void short_pick(short_search *ss, int c, uint32_t placed, uint32_t here, int k, double *sums)
{
    short_col *cs = &ss->cs[c];
    if (++ss->steps > SHORT_STEPS || ss->fits > ss->seen_fits)
        return;
    for (int u = 0; u < cs->n; u++)
        if (sums[u] + cs->lo[k][u] > 1e-6 || sums[u] + cs->hi[k][u] < -1e-6)
            return;
    if (k == cs->nfree) {
        for (uint32_t m = here; m; m &= m - 1)
            ss->pos[__builtin_ctz(m)] = c;
        short_column(ss, c + 1, placed | here);
        return;
    }
    double next[SHORT_LOCAL];
    memcpy(next, sums, (size_t)cs->n * sizeof *next);
    short_pick(ss, c, placed, here, k + 1, next);   /* not here */
    for (int u = 0; u < cs->n; u++)
        next[u] = sums[u] + cs->d[k][u];
    short_pick(ss, c, placed, here | (uint32_t)1 << cs->free[k], k + 1, next);
}

/* Every choice of blanks from column c on, the rows in `placed` having theirs
 * before c: column c's equations decided by which rows place theirs at c
 * (short_pick()). */
static void short_column(short_search *ss, int c, uint32_t placed)
{
    if (ss->steps > SHORT_STEPS || ss->fits > ss->seen_fits)
        return;
    uint32_t all = ss->ns == 32 ? ~0u : ((uint32_t)1 << ss->ns) - 1;
    if (c == ss->width) {
        if (placed != all)
            return;
        ss->steps++;
        for (int u = 0; u < ss->neqs; u++) {   /* the equations across columns */
            const short_eq *x = &ss->eqs[u];
            if (x->col != -1)
                continue;
            double sum = x->konst;
            for (int k = 0; k < x->n; k++)
                sum += x->coef[k] * short_value(ss, x->row[k], ss->pos[x->row[k]], x->cix[k]);
            if (sum > 1e-6 || sum < -1e-6)
                return;
        }
        if (!ss->fits)                 /* the first choice found, only: later searches keep it */
            memcpy(ss->first, ss->pos, (size_t)ss->ns * sizeof *ss->first);
        ss->fits++;                    /* one is all a search asks (short_fits()) */
        return;
    }
    uint32_t must = 0;                 /* rows whose last place is c */
    for (uint32_t m = ~placed & all; m; m &= m - 1) {
        int i = __builtin_ctz(m);
        if (ss->last[i] == c)
            must |= (uint32_t)1 << i;
    }
    uint32_t free_rows = ss->at[c] & ~placed & ~must;
    /* each equation of the column: its sum with no free row placed here, and what
     * placing each changes (its cell there 0, not its number) */
    short_col *cs = &ss->cs[c];
    double sums[SHORT_LOCAL];
    for (int u = 0; u < cs->n; u++) {
        const short_eq *x = &ss->eqs[cs->eq[u]];
        double sum = x->konst;
        for (int k = 0; k < x->n; k++) {
            int i = x->row[k];
            sum += x->coef[k] * (placed >> i & 1 ? ss->seen[i][c - 1] : must >> i & 1 ? 0 : ss->seen[i][c]);
        }
        sums[u] = sum;
    }
    cs->nfree = 0;
    for (uint32_t m = free_rows; m; m &= m - 1) {
        int i = __builtin_ctz(m), k = cs->nfree++;
        cs->free[k] = i;
        for (int u = 0; u < cs->n; u++)
            cs->d[k][u] = -cs->coef[u][i] * ss->seen[i][c];
    }
    for (int u = 0; u < cs->n; u++)    /* what the free rows from k on can still change */
        cs->lo[cs->nfree][u] = cs->hi[cs->nfree][u] = 0;
    for (int k = cs->nfree - 1; k >= 0; k--)
        for (int u = 0; u < cs->n; u++) {
            double d = cs->d[k][u];
            cs->lo[k][u] = cs->lo[k + 1][u] + (d < 0 ? d : 0);
            cs->hi[k][u] = cs->hi[k + 1][u] + (d > 0 ? d : 0);
        }
    short_pick(ss, c, placed, must, 0, sums);
}

/* short_fits() a column at a time (SHORT_STEPS in all). */
static int short_fits_columns(short_search *ss, int i, int c)
{
    uint32_t at[PLACE_MAX_COLS];
    int last = i >= 0 ? ss->last[i] : 0;
    memcpy(at, ss->at, sizeof at);
    if (i >= 0) {
        for (int k = 0; k < ss->width; k++)
            if (k != c)
                ss->at[k] &= ~((uint32_t)1 << i);
        ss->last[i] = c;
    }
    ss->seen_fits = ss->fits;
    short_column(ss, 0, 0);
    memcpy(ss->at, at, sizeof at);
    if (i >= 0)
        ss->last[i] = last;
    return ss->fits > ss->seen_fits;
}

/* Every choice of places for the rows from the d-th on, the equations' sums so
 * far `sums`: 1 at the first that holds them all (its places in ss->first when it
 * is the first of all searches), 0 when none does, -1 past SHORT_ROW_STEPS. */
static int short_dfs(short_search *ss, int d, const double *sums)
{
    if (++ss->row_steps > SHORT_ROW_STEPS)
        return -1;
    for (int u = 0; u < ss->nu; u++)
        if (sums[u] + ss->lo[d][u] > 1e-6 || sums[u] + ss->hi[d][u] < -1e-6)
            return 0;
    if (d == ss->ns) {                 /* (lo, hi 0: every sum 0) */
        if (!ss->fits)
            memcpy(ss->first, ss->pos, (size_t)ss->ns * sizeof *ss->first);
        ss->fits++;
        return 1;
    }
    double next[SHORT_EQS];
    for (int k = 0; k < ss->nplaces[d]; k++) {
        int c = ss->place[d][k];
        const double *add = short_adds(ss, d, c);
        for (int u = 0; u < ss->nu; u++)
            next[u] = sums[u] + add[u];
        ss->pos[d] = c;
        int got = short_dfs(ss, d + 1, next);
        if (got)
            return got;
    }
    return 0;
}

/* short_fits() a row at a time: 1, 0, or -1 undecided past SHORT_ROW_STEPS. */
static int short_fits_rows(short_search *ss, int i, int c)
{
    /* each row's places; of those adding the same to every equation, the first
     * only (a row in no equation: one; the search never tells them apart) */
    size_t nu = (size_t)ss->nu;
    for (int k = 0; k < ss->ns; k++) {
        ss->nplaces[k] = 0;
        for (int col = 0; col < ss->width; col++) {
            if (!(ss->at[col] >> k & 1) || (k == i && col != c))
                continue;
            const double *add = short_adds(ss, k, col);
            int same = 0;
            for (int j = 0; j < ss->nplaces[k] && !same; j++) {
                const double *was = short_adds(ss, k, ss->place[k][j]);
                same = 1;
                for (size_t u = 0; u < nu && same; u++)
                    same = add[u] == was[u];   /* (numbers: 0 and -0 alike) */
            }
            if (!same)
                ss->place[k][ss->nplaces[k]++] = col;
        }
    }
    for (int u = 0; u < ss->nu; u++)
        ss->lo[ss->ns][u] = ss->hi[ss->ns][u] = 0;
    for (int k = ss->ns - 1; k >= 0; k--)
        for (int u = 0; u < ss->nu; u++) {
            double least = 0, most = 0;
            for (int j = 0; j < ss->nplaces[k]; j++) {
                double v = short_adds(ss, k, ss->place[k][j])[u];
                if (j == 0 || v < least)
                    least = v;
                if (j == 0 || v > most)
                    most = v;
            }
            ss->lo[k][u] = ss->lo[k + 1][u] + least;
            ss->hi[k][u] = ss->hi[k + 1][u] + most;
        }
    double sums[SHORT_EQS];
    for (int u = 0; u < ss->nu; u++)
        sums[u] = ss->eqs[ss->eq[u]].konst;
    ss->row_steps = 0;
    return short_dfs(ss, 0, sums);
}

/* 1 when a choice of places holds every equation, row i's blank at c (i < 0:
 * anywhere); the first found in ss->first.  A row at a time first: its bounds
 * hold every equation at once, and it tells most tables at once (a dozen rows a
 * blank short, most of their cells 0: a column at a time went past SHORT_STEPS
 * in one of fifty such tables of real pages); where it cannot tell within
 * SHORT_ROW_STEPS (rows whose every cell differs from the next: each column's
 * sum tells more than the bounds over all), a column at a time. */
static int short_fits(short_search *ss, int i, int c)
{
    int got = short_fits_rows(ss, i, c);   /* (undecided, it found no choice: ss->fits as it was) */
    return got >= 0 ? got : short_fits_columns(ss, i, c);
}

static void read_short_rows(gk_report *r, int table, const tokens *ts, const place_row *pl, const int *ncols,
                            int nrows)
{
    const gk_template *t = r->tpl;
    int rows[SHORT_ROWS], any = 0;
    for (int rr = 0; rr < nrows && !any; rr++)
        any = pl[rr].state == PL_COUNT && pl[rr].have == ncols[rr] - 1 && pl[rr].want == ncols[rr];
    if (!any)                          /* (most tables: no search, no storage for one) */
        return;
    short_search *ss = xmalloc(sizeof *ss);
    ss->ns = ss->width = 0;
    memset(ss->at, 0, sizeof ss->at);
    for (int rr = 0; rr < nrows && ss->ns < SHORT_ROWS; rr++) {
        const place_row *p = &pl[rr];
        int w = ncols[rr], fc = t->first_cell[table - 2][rr], i = ss->ns;
        if (p->state != PL_COUNT || p->anchor < 0 || p->have != w - 1 || p->want != w || w < 3 ||
            w > PLACE_MAX_COLS || t->row_eq[table - 2][rr] < 0 || r->cells[fc].read_status != GK_ST_MISSING)
            continue;
        if (run_values(ts, p->anchor, p->anchor, ss->seen[i], w - 1) != w - 1)
            continue;
        double v[PLACE_MAX_COLS], prev[PLACE_MAX_COLS];
        int m = 0;
        for (int j = 0; j < w; j++) {  /* the blank at j, where the row's own total holds; a reading once */
            with_blank(ss->seen[i], w, j, v);
            if (j > 0 && !memcmp(v, prev, (size_t)w * sizeof *v))
                continue;              /* (the same reading: the blank beside a 0) */
            memcpy(prev, v, (size_t)w * sizeof *v);
            if (!row_eq_holds(r, table, rr, v))
                continue;
            ss->at[j] |= (uint32_t)1 << i;
            ss->last[i] = j;
            m++;
        }
        if (!m)
            continue;
        rows[i] = rr;
        ss->w[i] = w;
        ss->width = w > ss->width ? w : ss->width;
        ss->ns++;
    }
    /* the equations holding a cell of those rows, every other cell read: each as
     * its read cells' sum and its cells in those rows (row, column, coefficient) */
    ss->neqs = ss->across = 0;
    int span0 = 0, span1 = 0;          /* the cells of those rows lie in [span0, span1) */
    for (int i = 0; i < ss->ns; i++) {
        int fc = t->first_cell[table - 2][rows[i]];
        span0 = i == 0 || fc < span0 ? fc : span0;
        span1 = i == 0 || fc + ss->w[i] > span1 ? fc + ss->w[i] : span1;
    }
    signed char row_of[SHORT_SPAN];   /* cell span0 + j: the first of those rows holding it, -1 none */
    int mapped = span1 - span0 <= SHORT_SPAN;   /* (else each cell looked for among the rows) */
    if (mapped && ss->ns) {
        memset(row_of, -1, (size_t)(span1 - span0));
        for (int i = ss->ns - 1; i >= 0; i--)
            memset(row_of + t->first_cell[table - 2][rows[i]] - span0, i, (size_t)ss->w[i]);
    }
    for (int q = 0; q < t->neqs && ss->neqs < SHORT_EQS && ss->ns; q++) {
        const gk_equation *e = &t->eqs[q];
        short_eq *x = &ss->eqs[ss->neqs];
        int known = 1;
        x->konst = 0;
        x->n = x->across = 0;
        x->col = -2;
        for (int k = 0; k < e->n && known; k++) {
            int c = e->cell[k], in = -1;
            if (c >= span0 && c < span1 && mapped)
                in = row_of[c - span0];
            for (int i = 0; i < ss->ns && in < 0 && c >= span0 && c < span1 && !mapped; i++) {
                int fc = t->first_cell[table - 2][rows[i]];
                if (c >= fc && c < fc + ss->w[i])
                    in = i;
            }
            if (in >= 0) {
                int col = c - t->first_cell[table - 2][rows[in]];
                x->row[x->n] = (unsigned char)in;
                x->cix[x->n] = (unsigned char)col;
                x->coef[x->n++] = (signed char)e->coef[k];
                x->col = x->col == -2 || x->col == col ? col : -1;
                continue;
            }
            gk_status st = r->cells[c].read_status;
            known = st == GK_ST_EXTRACTED || st == GK_ST_BLANK || st == GK_ST_INFERRED;
            x->konst += st == GK_ST_BLANK ? 0 : e->coef[k] * r->cells[c].read_value;
            x->across = 1;
        }
        int one_row = 1;               /* a short row's own total: holds by its places */
        for (int k = 1; k < x->n; k++)
            one_row &= x->row[k] == x->row[0];
        if (one_row && !x->across)
            x->col = -3;
        if (known && x->n > 0) {
            ss->across |= x->across;
            ss->neqs++;
        }
    }
    ss->steps = ss->fits = 0;
    for (int c = 0; c < ss->width; c++) {   /* each column's equations, the rows' coefficients */
        short_col *cs = &ss->cs[c];
        cs->n = 0;
        for (int u = 0; u < ss->neqs; u++) {
            const short_eq *x = &ss->eqs[u];
            if (x->col != c)
                continue;
            if (cs->n == SHORT_LOCAL) {
                ss->across = 0;        /* (not reached: a column has a few equations) */
                break;
            }
            memset(cs->coef[cs->n], 0, sizeof cs->coef[cs->n]);
            for (int k = 0; k < x->n; k++)
                cs->coef[cs->n][x->row[k]] = (signed char)(cs->coef[cs->n][x->row[k]] + x->coef[k]);
            cs->eq[cs->n++] = u;
        }
    }
    ss->nu = 0;                        /* the equations searched a row at a time: all but the rows' own totals */
    for (int u = 0; u < ss->neqs; u++)
        if (ss->eqs[u].col != -3)
            ss->eq[ss->nu++] = u;
    /* what each row's cells add to each, its blank at each column */
    ss->contrib = xcalloc((size_t)(ss->ns ? ss->ns : 1) * (size_t)(ss->width ? ss->width : 1) * (size_t)(ss->nu ? ss->nu : 1),
                          sizeof *ss->contrib);
    for (int u = 0; u < ss->nu; u++) {
        const short_eq *x = &ss->eqs[ss->eq[u]];
        for (int k = 0; k < x->n; k++)
            for (int b = 0; b < ss->width; b++)
                if (ss->at[b] >> x->row[k] & 1)
                    short_adds(ss, x->row[k], b)[u] += x->coef[k] * short_value(ss, x->row[k], b, x->cix[k]);
    }
    /* a choice that holds; then, for each row, one with the row reading otherwise:
     * none, and the row reads the same in every choice */
    for (int i = 0; i < ss->ns; i++)
        ss->agree[i] = 1;
    if (ss->ns && ss->across && short_fits(ss, -1, -1)) {   /* (ss->first: that choice's, kept) */
        for (int i = 0; i < ss->ns && ss->steps <= SHORT_STEPS; i++) {
            double a[PLACE_MAX_COLS], b[PLACE_MAX_COLS];
            with_blank(ss->seen[i], ss->w[i], ss->first[i], a);
            for (int c = 0; c < ss->w[i] && ss->agree[i]; c++) {
                if (!(ss->at[c] >> i & 1))
                    continue;
                with_blank(ss->seen[i], ss->w[i], c, b);
                if (memcmp(a, b, (size_t)ss->w[i] * sizeof *a) && short_fits(ss, i, c))
                    ss->agree[i] = 0;
            }
        }
    }
    for (int i = 0; i < ss->ns && ss->fits && ss->steps <= SHORT_STEPS; i++) {
        if (!ss->agree[i])
            continue;
        int w = ss->w[i];
        double v[PLACE_MAX_COLS];
        with_blank(ss->seen[i], w, ss->first[i], v);
        char *why = xasprintf("该行只读到 %d 个数字（应为 %d 个）：缺的一格当是转换时丢掉的空白单元格，"
                              "凡能使该行及表中跨行的勾稽关系都相符的位置，读出的各格都一样，按此读（不知空白是哪一格；模板要求填 0）",
                              w - 1, w);
        store_inferred(r, table, rows[i], ts->cell[pl[rows[i]].anchor]->line, why, v);
        free(why);
    }
    free(ss->contrib);
    free(ss);
}

/* 1 when a line of the text holds, in two cells side by side (tabs or pipes
 * apart), the same words (two CJK characters or more, no number): a merged
 * cell written into every cell it covers, as python-docx and openpyxl give a
 * table's cells ("二、上年结转…数量<TAB>二、上年结转…数量<TAB>0<TAB>0 …"). */
static int spans_filled(const gk_text *t)
{
    for (size_t i = 0; i < t->nlines; i++) {
        const gk_line *l = &t->norm[i];
        char sep = memchr(l->s, '\t', l->len) ? '\t' : memchr(l->s, '|', l->len) ? '|' : 0;
        if (!sep)
            continue;
        const char *end = l->s + l->len, *prev = NULL;
        size_t prev_len = 0;
        for (const char *c = l->s; c <= end;) {
            const char *e = memchr(c, sep, (size_t)(end - c));
            if (!e)
                e = end;
            const char *a = c, *b = e;
            while (a < b && (*a == ' ' || *a == '\t'))
                a++;
            while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
                b--;
            size_t n = (size_t)(b - a), wide = 0;
            for (size_t k = 0; k < n; k++)
                wide += (unsigned char)a[k] >= 0xE0;   /* a CJK character's lead byte */
            if (wide >= 2 && prev && prev_len == n && !memcmp(prev, a, n) && !has_digit(a, n))
                return 1;
            prev = a;
            prev_len = n;
            c = e + 1;
        }
    }
    return 0;
}

/* 1 when a cell of g is 小计, or 合计 before a kind's name on its row (else the
 * total's name).  Every cell of table 3 is looked at: not inlined into
 * read_table_grid(), whose registers are all taken, so that the loop keeps its own. */
static __attribute__((noinline)) int subtotal_header(const grid *g)
{
    for (int i = 0; i < g->nrows; i++) {
        const grid_cell *end = g->rows[i].cells + g->rows[i].ncells;
        for (const grid_cell *c = g->rows[i].cells; c < end; c++) {
            const char *t = c->text;
            if ((unsigned char)t[0] != 0xE5 || ((unsigned char)t[1] != 0xB0 && (unsigned char)t[1] != 0x90))
                continue;              /* (小 is E5 B0 8F, 合 E5 90 88: most cells go no further) */
            if (!strcmp(t, "小计"))
                return 1;
            if (strcmp(t, "合计"))
                continue;
            for (const grid_cell *d = c + 1; d < end; d++)
                if (strstr(d->text, "企业") || strstr(d->text, "机构"))
                    return 1;
        }
    }
    return 0;
}

/* A table 3 with a column of its own for 法人或其他组织's sum (a cell "小计" in
 * its header, or "合计" before a kind's name: alone it names the total): each
 * row then holds 8 numbers, 自然人, the sum, the five kinds, the total.  A row
 * whose last 8 cells are numbers or blank markers (not an empty cell: a label
 * column's may stand before the numbers) and hold the sum second — the five
 * after it adding up to it, the last the first plus it — loses that number; a
 * row that does not stays as it is (one number too many: unread).  Returns
 * the rows so read (a note says so). */
static int drop_subtotal_column(grid *g)
{
    int head = -1;                     /* 小计; or 合计 before a kind's name: -1 not yet looked for (every
                                          cell is looked at: only once a row reads so, before any is changed) */
    int dropped = 0;
    for (int i = 0; i < g->nrows && head; i++) {
        grid_row *row = &g->rows[i];
        int end = row->ncells;         /* after the last number */
        if (end < 8)
            continue;                  /* (most rows: the cheaper test first) */
        while (end > 0 && row->cells[end - 1].num != NUM_VALUE)
            end--;
        if (end < 8)
            continue;
        double v[8];
        int ok = 1;
        for (int k = 0; k < 8 && ok; k++) {   /* (an empty cell may be a label column's) */
            const grid_cell *c = &row->cells[end - 8 + k];
            ok = c->num == NUM_VALUE || (c->num == NUM_BLANK && c->text[0]);
            v[k] = c->num == NUM_VALUE ? c->value : 0;
        }
        if (!ok || (end > 8 && row->cells[end - 9].num == NUM_VALUE))
            continue;                  /* more numbers than the 8 */
        double five = v[2] + v[3] + v[4] + v[5] + v[6];
        if (five != v[1] || v[0] + v[1] != v[7])
            continue;
        if (head < 0 && !(head = subtotal_header(g)))
            break;
        int at = end - 7;              /* the sum's cell */
        memmove(row->cells + at, row->cells + at + 1, (size_t)(row->ncells - at - 1) * sizeof *row->cells);
        row->ncells--;
        dropped++;
    }
    return dropped;
}

/* Reads table `table` from the rows of its section's lines, g (freed here). */
static void read_table_grid(gk_report *r, int table, grid *g)
{
    const gk_table_def *td = template_table(r->tpl, table);
    tokens ts = {0};
    int subtotal = table == 3 && td->rows[0].ncols == 7 ? drop_subtotal_column(g) : 0;
    if (subtotal)
        finding_add(&r->notes, &r->nnotes, "STRUCT.LABEL_VARIANT", grid_first_line(g),
                    xasprintf("表三含「小计」列（法人或其他组织各项之和），%d 行核对相符，已略去该列", subtotal));
    tokenize(r, table, g, &ts);
    int colmap[PLACE_MAX_COLS], width = header_map(r, table, g, &ts, colmap);   /* 0: the template's order */
    int disorder = width < 0 ? width : 0;   /* -1 another order, -2 a column unnamed */
    if (disorder)
        width = 0;
    int totals = shape_totals(r, table);
    int ncols[PLACE_MAX_ROWS];
    for (int k = 0; k < td->nrows && k < PLACE_MAX_ROWS; k++)
        ncols[k] = width ? width : td->rows[k].ncols;
    assert(td->nrows <= PLACE_MAX_ROWS);   /* test_template checks */
    place_row pl[PLACE_MAX_ROWS];
    uint32_t own_totals = 0;           /* rows with a total of their own, in the template's columns */
    for (int rr = 0; rr < td->nrows && !width && !disorder; rr++)
        if (r->tpl->row_eq[table - 2][rr] >= 0)
            own_totals |= (uint32_t)1 << rr;
    place_rows_totals(ts.tok, ts.n, ncols, td->nrows, own_totals, pl);
    if (mark_captions(&ts, pl, td->nrows))
        place_rows_totals(ts.tok, ts.n, ncols, td->nrows, own_totals, pl);   /* rows read label after, again */
    by_columns_confirmed(&ts, pl, ncols, td->nrows);
    int unplaced = 0;                  /* rows one short are left unplaced: three or more, or no table one short */
    for (int rr = 0; rr < td->nrows; rr++)
        unplaced += pl[rr].state != PL_PLACED;
    int one_short = !width && totals && unplaced >= 3 && rows_one_short(r, table, g, &ts);   /* see below */
    /* Rows read whole that may hold a number not their own (a page number, a
     * mark): in a table whose rows say it lacks a column (one_short), a row whose
     * total fails, or that reads as well as one short with such a number; in any
     * table, a row with empty cells between its label and its numbers, as many as
     * fewer than half the rows as wide whose labels end in the same column have (most have
     * none: its first column left blank; most have one, a second label column or
     * values amid merged cells: one more), that reads as well with the cell before
     * its first number 0 and such a number — a row without a total of its own
     * (table 2) always does.  Which reading is right is not told: unread.  (Where
     * the empty cells are as most rows' (a second label column), a row whose total
     * fails as read is the report's own error as often as a stray number: read, the
     * rules name it.) */
    uint32_t blank_first = 0;
    int like_of[PLACE_MAX_ROWS], blanks[PLACE_MAX_ROWS];   /* rows alike: label column and width */
    for (int rr = 0; rr < td->nrows && !one_short; rr++) {
        const place_row *p = &pl[rr];
        like_of[rr] = -1;
        if (p->state != PL_PLACED || p->anchor < 0 || p->label_after || ts.tok[p->anchor].unit < 0 ||
            ts.tok[p->anchor].unit != ts.tok[p->tok[0]].unit)
            continue;                  /* rows whose label and numbers are on one line */
        int col = label_end(&ts.rows[UNIT_ROW(ts.tok[p->anchor].unit)]);
        if (col < 0)
            continue;
        like_of[rr] = col * PLACE_MAX_COLS + ncols[rr];
        blanks[rr] = blank_before_numbers(g, &ts, p, ncols[rr]);
        if (blanks[rr])
            blank_first |= (uint32_t)1 << rr;
    }
    for (int rr = 0; rr < td->nrows && blank_first; rr++) {   /* as many as most rows like it have: a label column */
        if (!(blank_first >> rr & 1))
            continue;
        int like = 0, as_many = 0;
        for (int q = 0; q < td->nrows; q++)
            if (like_of[q] == like_of[rr]) {
                like++;
                as_many += blanks[q] == blanks[rr];
            }
        if (2 * as_many >= like)
            blank_first &= ~((uint32_t)1 << rr);
    }
    for (int rr = 0; rr < td->nrows && (one_short || blank_first); rr++) {
        const place_row *p = &pl[rr];
        if (p->state != PL_PLACED || ncols[rr] != td->rows[rr].ncols)
            continue;
        if (one_short ? !row_total_holds(&ts, p, ncols[rr]) || stray_explains(&ts, p, ncols[rr], 0)
                      : (blank_first >> rr & 1) &&
                            (r->tpl->row_eq[table - 2][rr] < 0 || stray_explains(&ts, p, ncols[rr], 1)))
            pl[rr].state = PL_AMBIGUOUS;
        else
            blank_first &= ~((uint32_t)1 << rr);   /* left: the rows so unread */
    }
    /* a row that took an empty cell of a label column for its first (empty_in_label_column()),
     * whose total fails so read (both pure: asked in the cheaper order, an empty first cell
     * rare and every total summed) */
    uint32_t label_empty = 0;
    for (int rr = 0; rr < td->nrows; rr++)
        if (pl[rr].state == PL_PLACED && r->tpl->row_eq[table - 2][rr] >= 0 &&
            empty_in_label_column(g, &ts, pl, ncols, td->nrows, rr) && !row_total_holds(&ts, &pl[rr], ncols[rr]))
            label_empty |= (uint32_t)1 << rr;
    for (int rr = 0; rr < td->nrows; rr++)
        if (label_empty >> rr & 1)
            pl[rr].state = PL_AMBIGUOUS;
    /* in a table whose rows are not all as wide, a row no equation holds (table 2),
     * whose reading nothing could question, is unread when it has a number beyond its
     * header's columns and an empty cell under them (beyond_header()), a single number
     * that may be its numbers run together (one_number_run()), or a number that is the
     * report's year or near it (year_among()) */
    uint32_t off_header = 0, run_together = 0, year_in = 0;
    int run_tok[PLACE_MAX_ROWS];
    for (int rr = 0; rr < td->nrows && !totals; rr++)
        if (pl[rr].state == PL_PLACED && r->tpl->row_eq[table - 2][rr] < 0) {
            if (beyond_header(g, &ts, &pl[rr], ncols[rr]))
                off_header |= (uint32_t)1 << rr;
            else if ((run_tok[rr] = one_number_run(&ts, &pl[rr], ncols[rr])) >= 0)
                run_together |= (uint32_t)1 << rr;
            else if ((run_tok[rr] = year_among(r, &ts, &pl[rr], ncols[rr])) >= 0)
                year_in |= (uint32_t)1 << rr;   /* a year stands for a count no equation confirms */
            else
                continue;
            pl[rr].state = PL_AMBIGUOUS;
        }
    /* in a table a program wrote (g->program), a cell merged over two rows is
     * written in both (pandas' read_html fills a span into every cell it covers:
     * "1,(一)行政处罚,214" "2,(二)行政强制,214" where the page has 214 once, over
     * both rows): a number, not 0, equal to the one above it in a row as wide is
     * in doubt — its own, or the span's.  So too in a report whose rows somewhere
     * repeat a label in the next cell (spans_filled(): python-docx and openpyxl
     * give a merged cell's text in every cell it covers, across as down) */
    uint32_t filled = 0;
    for (int rr = 1; rr < td->nrows && !totals; rr++) {
        double a[PLACE_MAX_COLS], b[PLACE_MAX_COLS];
        if (pl[rr].state != PL_PLACED || pl[rr - 1].state != PL_PLACED || ncols[rr] != ncols[rr - 1] ||
            !token_values(&ts, pl[rr - 1].tok, ncols[rr], a) || !token_values(&ts, pl[rr].tok, ncols[rr], b))
            continue;
        for (int c = 0; c < ncols[rr]; c++)
            if (a[c] != 0 && a[c] == b[c])
                filled |= (uint32_t)1 << rr;
    }
    if (filled && !g->program && !spans_filled(r->text))   /* (the text looked at only then) */
        filled = 0;
    for (int rr = 0; rr < td->nrows; rr++)   /* (each compared with the row above as placed) */
        if (filled >> rr & 1)
            pl[rr].state = PL_AMBIGUOUS;
    /* a table without equations of which one row alone is read, and no header among
     * its lines: its tables lost in conversion (pandoc drops a table with merged
     * cells), what is left is text — a caption or a sentence echoing a row ("行政许可
     * 81", printed hidden text) — and nothing says that line is the table's row */
    int lone = -1;
    if (!totals) {
        int placed = 0, header = 0;
        for (int rr = 0; rr < td->nrows; rr++)
            if (pl[rr].state == PL_PLACED)
                placed++, lone = rr;
        for (int k = 0; k < ts.n && !header; k++)
            header = ts.tok[k].kind == PT_HEADER;
        if (placed == 1 && !header && !colon_before(r, &ts, pl[lone].tok[0]))
            pl[lone].state = PL_AMBIGUOUS;
        else
            lone = -1;
    }
    if (width)
        note_header_map(r, table, colmap, width, g);
    const char *name = template_table_shape(table)->name;
    /* rows the equations must confirm, and why (ROW_POSITIONAL … above) */
    int positional[PLACE_MAX_ROWS] = {0};
    /* rows read with their label after their numbers among rows with it before
     * (or the other way), the fewer, whose own equation fails as read: in doubt
     * (a reading order that is no row's: pdftotext without -layout reads a
     * table's columns in blocks; a wrapped label may print after its numbers,
     * so the state alone tells nothing) */
    int states[2] = {0, 0};
    for (int rr = 0; rr < td->nrows; rr++)
        if (pl[rr].state == PL_PLACED && pl[rr].anchor >= 0)
            states[pl[rr].label_after != 0]++;
    int odd_state = states[0] && states[1] ? (states[1] <= states[0]) : -1;
    int group_note = -1, group_last = -2, group_rows = 0;   /* rows not found for one reason */
    char *group_why = NULL;
    sbuf group_names = {.s = NULL};   /* allocated by its first sbuf_adds(): most tables miss no row */
    for (int rr = 0; rr < td->nrows; rr++) {
        const gk_row_def *rd = &td->rows[rr];
        const place_row *p = &pl[rr];
        slot s[PLACE_MAX_COLS];
        int line = p->anchor >= 0 ? ts.cell[p->anchor]->line : 0;
        int pw = ncols[rr];            /* the numbers the row has: its columns, or as its header says */
        if (p->state == PL_PLACED) {
            gk_cell *cells = row_cells_of(r, table, rr);
            if (width)
                store_mapped(r, table, rr, &ts, p, colmap, width);
            else
                for (int c = 0; c < rd->ncols; c++)
                    store_token(r, &cells[c], &ts, p->tok[c]);
            if (runs_unread)
                blanks_beside_run(r, table, rr);
            if (!line)
                line = cells[0].line;
            if (!r->table_line[table - 2] || line < r->table_line[table - 2])
                r->table_line[table - 2] = line;
            int lost = ts.lost[UNIT_ROW(ts.tok[p->tok[0]].unit)] & 1, doubt = p->doubt | (int)(ts.doubt_named >> rr & 1);
            /* its numbers from a row with cells too many (lost 2), or whose reading is in
             * doubt (4) or to be checked (8: table_empties()) */
            int check = 0;
            for (int c = 0; c < pw && (ts.long_rows || ts.doubt_rows); c++) {
                int u = ts.tok[p->tok[c]].unit;
                int bits = u >= 0 ? ts.lost[UNIT_ROW(u)] : 0;
                doubt |= (bits & 6) != 0;
                check |= (bits & 8) != 0;
            }
            /* digits glued to a label ("…出版物30049925") and numbers of another line: the
             * run is all its numbers run together, the others another row's */
            for (int c = 0; c < pw && pw > 1 && ts.glued; c++) {
                int k = p->tok[c];
                if (ts.tok[k].kind != PT_VALUE || ts.text[k] == ts.cell[k]->text)
                    continue;
                for (int d = 0; d < pw; d++)
                    doubt |= d != c && ts.tok[p->tok[d]].kind == PT_VALUE &&
                             UNIT_ROW(ts.tok[p->tok[d]].unit) != UNIT_ROW(ts.tok[k].unit);
            }
            if (doubt)
                positional[rr] = ROW_DOUBT;
            else if (check)
                positional[rr] = ROW_CHECK;
            else if (width && width < rd->ncols)
                positional[rr] = ROW_NARROW;   /* a column fewer: the equations across rows must not fail */
            if (p->positional) {
                positional[rr] |= ROW_POSITIONAL;
                note_row(r, "STRUCT.LABEL_VARIANT", table, rr, line,
                         xasprintf("行标签缺失%s，按模板顺序定位为「%s」", lost ? "（以数字代替）" : "", rd->label));
            } else if (!(ts.canon[p->anchor] >> rr & 1) && !label_ends_after(r, table, rr, &ts, p->anchor)) {
                note_label_variant(r, table, rr, ts.text[p->anchor], line);   /* anchored by a label naming row rr */
            }
        } else if (p->state == PL_ABSENT) {
            note_row(r, "STRUCT.ROW_MISSING", table, rr, 0, xasprintf("%s未找到「%s」行", name, rd->label));
        } else {
            char *why = year_in >> rr & 1
                            ? xasprintf("「%s」行读到的「%s」是报告年份或与之相近的年份，可能是混入表格的日期或页眉，"
                                        "该行没有勾稽关系可以印证，不作读取",
                                        rd->short_label, ts.text[run_tok[rr]])
                        : run_together >> rr & 1
                            ? xasprintf("单元格粘连：读到「%s」，无法拆分为 %d 列，不作猜测", ts.text[run_tok[rr]], rd->ncols)
                        : filled >> rr & 1
                            ? xasprintf("「%s」行的数字与上一行同一列的相同：本表由程序转写，合并单元格的内容会被填入它所跨的"
                                        "每一行，这个数字可能只属于上一行，无法确定，不作读取",
                                        rd->short_label)
                        : lone == rr
                            ? xasprintf("%s只读到「%s」这一行，且没有表头：表格可能在转换中丢失，这一行可能是正文或批注"
                                        "对该项的引述，无法确定是表格中的数字，不作读取",
                                        name, rd->short_label)
                        : off_header >> rr & 1
                            ? xasprintf("「%s」行有数字不在表头所列的各列之下，而表头所列的一列为空：该数字可能错了一列，"
                                        "也可能不属于本行，无法确定，不作读取",
                                        rd->short_label)
                        : label_empty >> rr & 1
                            ? xasprintf("「%s」行数字前的空单元格，在同表其他行都是标签的一列，而该行的数字与其他行同列对齐："
                                        "该行少了一个数字，不知少在哪一列，不作读取",
                                        rd->short_label)
                        : !one_short && (blank_first >> rr & 1)
                            ? xasprintf("「%s」行的标签与数字之间有 %d 个空单元格，同表多数行没有这么多：紧挨数字前的空格可能就是"
                                        "本行的一个数（空白），其后的数字中则有一个不属于本行，无法确定，不作读取",
                                        rd->short_label, blanks[rr])
                            : unplaced_why(r, table, rr, p, &ts);
            if (p->anchor < 0 && group_why && !strcmp(group_why, why) && group_last == rr - 1) {
                /* the rows after it that could not be placed for the same reason: one finding */
                gk_finding *f = &r->notes[group_note];
                for (int c = 0; c < rd->ncols; c++)
                    finding_add_cell(f, template_cell_at(r->tpl, table, rr, c));
                sbuf_adds(&group_names, "「");
                sbuf_adds(&group_names, rd->label);
                sbuf_adds(&group_names, "」");
                group_last = rr;
                group_rows++;
            } else if (p->anchor < 0) {
                close_group(r, &group_note, &group_names, group_rows, group_why, name);
                note_row(r, "STRUCT.ROW_MISSING", table, rr, 0,
                         xasprintf("%s未找到「%s」行（%s）", name, rd->label, why));
                group_note = r->nnotes - 1;
                free(group_why);
                group_why = xstrdup(why);
                group_names.len = 0;
                sbuf_adds(&group_names, "「");
                sbuf_adds(&group_names, rd->label);
                sbuf_adds(&group_names, "」");
                group_last = rr;
                group_rows = 1;
            }
            memset(s, 0, (size_t)rd->ncols * sizeof *s);   /* (the row's: slots_missing() frees their why) */
            slots_missing(s, rd->ncols, line, why);
            free(why);
            store_row(r, table, rr, s, rd->ncols);
            if (zero_row_short(r, table, rr, &ts, pl, td->nrows, rd->ncols))
                read_zero_row(r, table, rr, p, &ts);
        }
    }
    close_group(r, &group_note, &group_names, group_rows, group_why, name);
    free(group_why);
    sbuf_free(&group_names);
    /* a row of the fewer state whose own equation fails as read, and the row
     * beside it whose numbers share its gap (a label-first row before it, a
     * label-after row after it): in doubt */
    for (int rr = 0; rr < td->nrows && odd_state >= 0; rr++) {
        const place_row *p = &pl[rr];
        int q = r->tpl->row_eq[table - 2][rr];
        if (p->state != PL_PLACED || p->anchor < 0 || (p->label_after != 0) != odd_state || q < 0)
            continue;
        eq_read x = equation_read(r, &r->tpl->eqs[q], r->tpl->first_cell[table - 2][rr], td->rows[rr].ncols);
        if (!x.known || eq_holds(&x))
            continue;
        positional[rr] = (positional[rr] & ROW_POSITIONAL) | ROW_DOUBT;   /* doubt before check */
        int step = odd_state ? -1 : 1; /* label after: the row before shares its gap */
        for (int nb = rr + step; nb >= 0 && nb < td->nrows; nb += step)
            if (pl[nb].state == PL_PLACED) {
                if (pl[nb].anchor >= 0 && (pl[nb].label_after != 0) != odd_state)
                    positional[nb] = (positional[nb] & ROW_POSITIONAL) | ROW_DOUBT;
                break;
            }
    }
    /* most rows read with their labels after their numbers, each of their labels
     * but the last followed by as many numbers as its row has before the next label
     * naming a row (the last one's may have lost theirs)
     * (pdftotext without -layout prints a table's cells in blocks; when its first
     * labels are lost, its rows read label-first as well as label-after, each row's
     * own total holding both ways): the rows so read are placed by their order alone,
     * and the equations across rows must confirm each (ROW_ORDER) */
    if (states[1] > states[0]) {
        int both = 1, n_after = 0, last_after = -1;
        for (int rr = 0; rr < td->nrows; rr++)
            if (pl[rr].state == PL_PLACED && pl[rr].anchor >= 0 && pl[rr].label_after)
                last_after = rr;
        for (int rr = 0; rr < last_after && both; rr++) {
            if (pl[rr].state != PL_PLACED || pl[rr].anchor < 0 || !pl[rr].label_after)
                continue;
            n_after++;
            both = numbers_after_label(&ts, &pl[rr], ncols[rr]) >= ncols[rr];
        }
        for (int rr = 0; rr < td->nrows && both && n_after >= 2; rr++)
            if (pl[rr].state == PL_PLACED && pl[rr].anchor >= 0 && pl[rr].label_after && !positional[rr])
                positional[rr] = ROW_ORDER;
    }
    /* so too a run of two rows or more read label-after among rows read label
     * first, each label of the run but the last followed by as many numbers as its
     * row has, no label's piece before a row's numbers on their line (pdftotext
     * -raw: a page's running head between two rows, a label of the rows before
     * printed late, the rows after it read each with the numbers before its label —
     * every one of them the row's before; states[1]: the rows read label-after) */
    for (int rr = 0; rr < td->nrows && states[1] >= 2;) {
        int end = rr;
        while (end < td->nrows && pl[end].state == PL_PLACED && pl[end].anchor >= 0 && pl[end].label_after)
            end++;
        if (end - rr < 2) {
            rr = end + 1;
            continue;
        }
        int both = 1;                  /* (a label's piece before a row's numbers on their line: the
                                          numbers are its own, its label's rest printed after them) */
        for (int q = rr; q < end && both; q++)
            both = !piece_before_numbers(g, &ts, &pl[q]) &&
                   (q == end - 1 || numbers_after_label(&ts, &pl[q], ncols[q]) >= ncols[q]);
        /* and the numbers its first row took follow a label naming another row or
         * group (pieces naming nothing between, and lines echoing a row's whole label
         * with numbers of their own): read label first, they have another owner (a
         * label the anchors passed over, "(五)不予处理" before a running head) — not
         * the numbers after a header, which only a label after them can take */
        int k = pl[rr].tok[0] - 1;
        while (k >= 0 && ((ts.tok[k].kind == PT_LABEL && !ts.tok[k].rows && !ts.tok[k].firsts) ||
                          echo_line(&ts, pl, td->nrows, k)))
            k--;
        uint32_t owners = k >= 0 && ts.tok[k].kind == PT_LABEL ? ts.tok[k].rows | ts.tok[k].firsts : 0;
        both &= owners && !(owners >> rr & 1);   /* (another row's: a group's name before the numbers
                                                    of its first row is theirs either way) */
        for (int q = rr; q < end && both; q++)
            if (!positional[q])
                positional[q] = ROW_ORDER;
        rr = end;
    }
    int across[PLACE_MAX_ROWS] = {0};  /* ROW_ACROSS: the row left without numbers + 1 */
    for (int rr = 0; rr < td->nrows; rr++)
        if (!positional[rr] && (across[rr] = numbers_after_header(g, &ts, pl, td->nrows, rr)))
            positional[rr] = ROW_ACROSS;
    /* a row read with its label after its numbers among rows read label first,
     * numbers after its own label too, and its numbers right after a label naming
     * another row (pdftotext -raw: a page's repeated "三、本年度办理结果"
     * "（一）予以公开" and that row's numbers, then "2.申请人逾期未按收费…" and its
     * own numbers, a cell short): they may be that label's (ROW_AFTER_OTHER) —
     * not with a piece of its label before them on their line (w3m: "6.  5 9 8 …"
     * over "属于四类过程性信息", under 内部事务's label); so too, in a table of one
     * state or mostly label first, a row read label-after whose own numbers, a cell
     * short, follow its label and no row took them (pdftotext -raw: 总计's label
     * printed elsewhere, "5 2 0 0 1 0 8" "四、结转下年度继续办理" "0 0 0 0 0 0") */
    for (int rr = 0; rr < td->nrows && odd_state != 0 && states[1]; rr++) {
        const place_row *p = &pl[rr];
        if (positional[rr] || p->state != PL_PLACED || p->anchor < 0 || !p->label_after || p->tok[0] < 1)
            continue;
        int k = p->tok[0] - 1, chained = 0;   /* (the label of a row read label-after: a chain of them) */
        for (int q = 0; q < td->nrows && !chained; q++)
            chained = pl[q].state == PL_PLACED && pl[q].anchor == k && pl[q].label_after;
        int own = numbers_after_label(&ts, p, ncols[rr]);
        int other = odd_state == 1 && ts.tok[k].kind == PT_LABEL && ts.tok[k].rows && !(ts.tok[k].rows >> rr & 1);
        if (!other && ncols[rr] >= 3 && own >= ncols[rr] - 1) {   /* or a row's numbers, a cell short, no row took */
            int v = p->anchor + 1;
            while (v < ts.n && ts.tok[v].kind != PT_VALUE && ts.tok[v].kind != PT_EMPTY)
                v++;
            other = 1;
            for (int q = 0; q < td->nrows && other; q++)
                for (int c = 0; c < ncols[q] && other && pl[q].state == PL_PLACED; c++)
                    other = pl[q].tok[c] != v;
        }
        if (other && !chained && !piece_before_numbers(g, &ts, p) && own > 0)
            positional[rr] = ROW_AFTER_OTHER;
    }
    /* a row whose cells are separated by spaces, its numbers on two lines or more
     * (a text browser wraps a wide number cell of a table without borders onto the
     * next line, often left of the row's other numbers: "3（件）" under its label's
     * end, w3m; lynx wraps a long line, its end on the next; w3m prints a cell at the
     * top of a row's lines, another at the bottom): in doubt, or not read
     * (ROW_COLUMNS), when its own total cannot tell the order it was written in
     * (wrapped_order_unsure()) */
    int spaced = 0, on_first, explicit_first = 0;   /* some row's cells are separated by spaces */
    for (int i = 0; i < g->nrows && !spaced; i++)
        spaced = !g->rows[i].explicit;
    for (int rr = 0; rr < td->nrows && spaced && !width; rr++)
        if (pl[rr].state == PL_PLACED && !positional[rr] &&
            (on_first = numbers_wrapped(&ts, g, &pl[rr], ncols[rr], &explicit_first)))
            switch (wrapped_order_unsure(r, table, rr, &ts, &pl[rr], on_first)) {
            case 1:
                positional[rr] = ROW_DOUBT;
                break;
            case 3:
                positional[rr] = ROW_WRAPPED;
                break;
            case 2:
                positional[rr] = ROW_COLUMNS;
                break;
            default:
                /* a row of explicit cells whose last numbers stand alone on the
                 * lines after it: a page's number, a label's item number written
                 * down a merged cell ("3" "、" "不予公开"), as often as its own
                 * cells wrapped — and such a number as the row's total (twice
                 * the row's) keeps its own equation: the table's must confirm */
                if (explicit_first)
                    positional[rr] = ROW_DOUBT;
            }
    /* a row whose own equations fail with a year at its edge, or that reads so one
     * column off by a stray number at its end: in doubt */
    for (int rr = 0; rr < td->nrows; rr++)
        if (pl[rr].state == PL_PLACED && !positional[rr] &&
            (stray_fits(r, table, rr, td->rows[rr].ncols) ||
             (!width && stray_after_empty(r, table, rr, td->rows[rr].ncols, &pl[rr], &ts, g)) ||
             (ts.lone_marks && item_number_taken(g, &ts, &pl[rr], td->rows[rr].ncols)) ||
             empty_first_fails(r, table, rr, &ts, &pl[rr], td->rows[rr].ncols)))
            positional[rr] = ROW_DOUBT;
    /* a blank or lost total that may be a padded row's end, or whose last number may be it */
    for (int rr = 0; rr < td->nrows && table == 3; rr++)
        if (pl[rr].state == PL_PLACED &&
            (!positional[rr] || positional[rr] == ROW_NARROW || positional[rr] == ROW_CHECK)) {
            int how = blank_total_shifted(r, table, rr, &pl[rr], &ts, width, colmap);
            if (how == 1)
                positional[rr] = ROW_PADDED;
            else if (how == 2 || total_lost_fits(r, table, rr, width, colmap))
                positional[rr] = ROW_TOTAL_FITS;
        }
    /* rows placed by position alone (or in doubt): the equations across rows must confirm them */
    for (int rr = 0; rr < td->nrows; rr++) {
        if (!positional[rr])
            continue;
        /* a row placed by position, in doubt or not, is checked by the positional
         * rule alone: the doubt rule counts the row's own total, and an equation
         * within the row says nothing of where the row is */
        char *why = positional[rr] == ROW_COLUMNS
                        ? xasprintf("「%s」行的数字分印在两行，按行读的顺序与按各列位置的顺序不同，%s，不作读取",
                                    td->rows[rr].short_label,
                                    r->tpl->row_eq[table - 2][rr] >= 0 ? "该行的总计不能确定哪一种是对的"
                                                                       : "该行没有总计可以确定哪一种是对的")
                  : positional[rr] == ROW_PADDED ? xasprintf("「%s」行的数字之后是空单元格，读作空白的总计，但其余各行的总计都有数字："
                                                             "这些空单元格也可能是该行缺了数字后补齐的空格，数字可能错位，不作读取",
                                                             td->rows[rr].short_label)
                  : positional[rr] == ROW_TOTAL_FITS
                      ? xasprintf("「%s」行没有读到总计（空白或缺失），而其最后一个数字恰为其前各数之和：它也可能是该行的总计、"
                                  "各数字错后一格，不作读取",
                                  td->rows[rr].short_label)
                  : positional[rr] == ROW_ORDER || positional[rr] == ROW_ACROSS || positional[rr] == ROW_AFTER_OTHER
                      ? unconfirmed_reading(r, table, rr, positional[rr], across[rr] - 1)
                  : positional[rr] == ROW_NARROW ? narrow_contradicted(r, table, rr)
                  : positional[rr] == ROW_CHECK  ? contradicted(r, table, rr)
                                                 : unconfirmed(r, table, rr, positional[rr] == ROW_WRAPPED ? 2
                                                                             : positional[rr] == ROW_DOUBT);
        if (!why)
            continue;
        slot s[PLACE_MAX_COLS];
        memset(s, 0, sizeof s);
        slots_missing(s, td->rows[rr].ncols, r->cells[r->tpl->first_cell[table - 2][rr]].line, why);
        free(why);
        for (int c = 0; c < td->rows[rr].ncols; c++)
            s[c].raw = NULL;
        store_row(r, table, rr, s, td->rows[rr].ncols);
    }
    if (totals && !width && !disorder)   /* (the numbers in the template's column order) */
        read_short_rows(r, table, &ts, pl, ncols, td->nrows);
    /* a row whose cells came as one run of digits: split where the equations allow one way only */
    for (int rr = 0; rr < td->nrows; rr++) {
        const place_row *p = &pl[rr];
        if (p->state == PL_PLACED || p->anchor < 0 || p->have != 1 || td->rows[rr].ncols < 2 || width)
            continue;
        int k = value_after(&ts, p->anchor);
        if (k < ts.n && !glued_after_words_token(&ts, k))
            glued_split_row(r, table, rr, ts.text[k], ts.cell[k]->line);
    }
    if (disorder)
        unread_disordered(r, table, g, disorder == -2);
    check_column_labels(r, g, table, &ts);
    if (g->ocr_zeros)
        ocr_unread(r, table);
    tokens_free(&ts);
    grid_free(g);
}

/* Lines [from, to) (0-based) table `table` is read from: its section's.  A
 * table whose section heading is missing is looked for in the area its
 * section should be in, which then holds the table before it too: only
 * after the last line that table was read from; a table whose next
 * section's heading is missing ends where the next table's rows begin. */
/* The rows of table `table` line i names (bit k: row k), not in a sentence (a
 * sentence naming rows is no row). */
static uint32_t line_names_row(const gk_report *r, int table, size_t i)
{
    char buf[512];
    const gk_line *l = &r->text->norm[i];
    if (!l->len || l->len >= sizeof buf || is_prose(l->s, l->len))
        return 0;
    size_t len = squeeze_copy(buf, l->s, l->len);
    return (uint32_t)(row_facts(r->tpl, table, buf, len) & ROW_MATCHES);
}

/* Tables gathered after the text, away from their sections (a script that
 * prints a .docx's paragraphs, then its tables: python-docx's doc.paragraphs,
 * then doc.tables): the first line after the last section's heading naming a
 * row of a table, when one does; 0 otherwise. */
static size_t tables_apart(const gk_report *r)
{
    int last = last_heading_line(r);
    for (size_t i = (size_t)last; last && i < r->text->nlines; i++)
        for (int ti = 0; ti < GK_NTABLES; ti++)
            if (line_names_row(r, r->tpl->tables[ti].number, i))
                return i;
    return 0;
}

static void table_range(const gk_report *r, int table, size_t *from, size_t *to)
{
    section_range(r, template_table_shape(table)->section, from, to);
    /* its section's lines name no row of it, or one (a note, an echo: "注：4.保护
       第三方合法权益为38"): the tables gathered after the text, each from after the
       last cell of the one before to the first line naming a row of the next (as
       when their headings are missing) */
    int apart = 0, long_line = 0;
    size_t at = tables_apart(r);       /* (0 nearly always: the section's lines not looked into) */
    uint32_t named = 0, there = 0;
    for (size_t i = *from; at >= *to && i < *to && __builtin_popcount(named) < 2 && !long_line; i++) {
        named |= line_names_row(r, table, i);
        long_line = r->text->norm[i].len >= 512;   /* not looked into (a table on one line?) */
    }
    if (at >= *to && __builtin_popcount(named) < 2 && !long_line) {
        for (size_t i = at; i < r->text->nlines && __builtin_popcount(there) < 2; i++)
            there |= line_names_row(r, table, i);
        if (__builtin_popcount(there) >= 2) {   /* rows of its own there */
            *from = at;
            *to = r->text->nlines;
            apart = 1;
        }
    }
    if (table < 4 && (apart || !r->section_line[template_table_shape(table + 1)->section])) {
        /* the next table's heading missing: this table ends before the first
         * line naming a row of the next one and none of its own, after one of
         * its own */
        int own_seen = 0;
        for (size_t k = *from; k < *to; k++) {
            int own = line_names_row(r, table, k) != 0;
            if (own_seen && !own && line_names_row(r, table + 1, k)) {
                *to = k;
                break;
            }
            own_seen |= own;
        }
    }
    if (table <= 2 || (!apart && r->section_line[template_table_shape(table)->section]))
        return;
    int first = r->tpl->first_cell[table - 3][0], n = template_table_ncells(r->tpl, table - 1), last = 0;
    for (int c = first; c < first + n; c++)
        if (r->cells[c].read_status != GK_ST_MISSING && r->cells[c].line > last)
            last = r->cells[c].line;
    if ((size_t)last > *from && (size_t)last < *to)
        *from = (size_t)last;
}

/* The length of the run of numbers (digits, ASCII or full-width, a point or
 * comma between two) and spaces that begins s[0..len), 0 when it holds no
 * digit. */
static size_t number_run(const char *s, size_t len)
{
    size_t i = 0;
    int digits = 0;
    for (;;) {
        const unsigned char *p = (const unsigned char *)s + i;
        if (i < len && ((*p >= '0' && *p <= '9') || *p == ' ' || *p == '\t')) {
            digits |= *p >= '0' && *p <= '9';
            i++;
        } else if (i + 1 < len && (*p == '.' || *p == ',') && i && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' &&
                   p[1] <= '9') {
            i++;                       /* "106.35", "1,130" */
        } else if (i + 3 <= len && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
            digits = 1;                /* ０-９ */
            i += 3;
        } else if (i + 3 <= len && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
            i += 3;                    /* an ideographic space */
        } else if (i + 2 <= len && p[0] == 0xC2 && p[1] == 0xA0) {
            i += 2;                    /* a no-break space */
        } else {
            return digits ? i : 0;
        }
    }
}

/* The grid of a table's lines [from, to).  When the next section's heading
 * (on line `to`) runs on from the table's last cell — a number and then at
 * once the heading, "4四、政府信息公开行政复议…", as docx2txt ends a table's
 * last cell without a line break — the number before the heading is the
 * table's too: the grid reads that line up to the heading. */
static grid *table_grid(const gk_report *r, int table, size_t from, size_t to)
{
    const gk_text *t = r->text;
    int next = template_table_shape(table)->section + 1;
    while (next < GK_NSECTIONS && !r->section_line[next])
        next++;
    size_t col = next < GK_NSECTIONS ? (size_t)r->section_col[next] : 0;
    if (!col || (size_t)r->section_line[next] != to + 1 || to >= t->nlines ||
        number_run(t->norm[to].s, t->norm[to].len) < col)
        return grid_build(t, from, to);
    size_t ocol = number_run(t->orig[to].s, t->orig[to].len);
    if (!ocol)
        return grid_build(t, from, to);
    /* a view of the text whose line `to` ends before the heading */
    gk_text view = *t;
    view.nlines = to + 1;
    view.norm = xmalloc(view.nlines * sizeof *view.norm);
    view.orig = xmalloc(view.nlines * sizeof *view.orig);
    memcpy(view.norm, t->norm, view.nlines * sizeof *view.norm);
    memcpy(view.orig, t->orig, view.nlines * sizeof *view.orig);
    view.norm[to] = (gk_line){xstrndup(t->norm[to].s, col), col};
    view.orig[to] = (gk_line){xstrndup(t->orig[to].s, ocol), ocol};
    grid *g = grid_build(&view, from, to + 1);
    free(view.norm[to].s);
    free(view.orig[to].s);
    free(view.norm);
    free(view.orig);
    return g;
}

/* Whether text ends with a character a decoder replaced (U+FFFD), spaces aside. */
static int ends_replaced(const char *text)
{
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        n--;
    return n >= 3 && !memcmp(text + n - 3, REPLACED, 3);
}

/* A table html2text printed narrower than its cells (its default 79 columns)
 * cuts each cell to its column, bytes and all: a full-width number's last
 * character cut leaves its first digits ("１１３" of "１１３０") and the cut
 * character's other bytes at the next cell's start ("113|��"); a number's
 * first character cut leaves its last digits in the next cell, after the cut
 * bytes, after the table's last border ("��|９" of "２９", "２�|４" of "２６４").
 * Such a number — before a cell beginning with a cut character, or the row's
 * last after one ending with it —, in a row of a pipe table, is
 * read as damaged (unread; the equations may infer it). */
static void numbers_maybe_cut(grid *g)
{
    if (g->layout != GRID_PIPES)
        return;                        /* (html2text draws its tables with pipes) */
    for (int k = 0; k < g->nrows; k++) {
        grid_row *row = &g->rows[k];
        if (!row->explicit)
            continue;
        for (int j = 0; j < row->ncells; j++) {
            grid_cell *c = &row->cells[j];
            if (c->num == NUM_VALUE &&
                ((j + 1 < row->ncells && !strncmp(row->cells[j + 1].text, REPLACED, 3)) ||
                 (j > 0 && j + 1 == row->ncells && ends_replaced(row->cells[j - 1].text))))
                c->num = NUM_NONE;
        }
    }
}

static void read_table(gk_report *r, int table)
{
    size_t from, to;
    table_range(r, table, &from, &to);
    grid *g = table_grid(r, table, from, to);
    numbers_maybe_cut(g);
    read_table_grid(r, table, g);
}

/* ---- a table that may come as one row (table 4) ------------------------------------ */

/* 1 when exactly one window of n cells of the row holds all its numbers
 * and nothing but numbers and empty cells; *at: where it starts. */
static int one_window(const grid_row *one, int n, int *at)
{
    int firstv = -1, last = -1, windows = 0;
    for (int j = 0; j < one->ncells; j++)
        if (is_value_cell(&one->cells[j])) {
            if (firstv < 0)
                firstv = j;
            last = j;
        }
    for (int a = last - (n - 1); a <= firstv; a++) {
        /* not from an empty first cell of the row: a line's indent or an empty label
         * column as often as a blank cell, and a number lost would shift them all */
        int fits = a >= 0 && a + (n - 1) < one->ncells;
        for (int j = a; fits && j <= a + (n - 1); j++)
            fits &= is_value_cell(&one->cells[j]) || one->cells[j].text[0] == '\0';
        if (fits)
            *at = a, windows++;
    }
    return windows == 1;
}

/* Stores the n slots of a one-row table, row after row. */
static void store_rows(gk_report *r, int table, slot *s)
{
    const gk_table_def *td = template_table(r->tpl, table);
    for (int gi = 0, at = 0; gi < td->nrows; at += td->rows[gi].ncols, gi++)
        store_row(r, table, gi, s + at, td->rows[gi].ncols);
    if (runs_unread)
        blanks_beside_run(r, table, -1);
}

/* Whether the groups of a one-row table all add up with its n cells' values v
 * (in the template's order). */
static int groups_hold(const gk_report *r, int table, const double *v)
{
    const gk_table_def *td = template_table(r->tpl, table);
    for (int gi = 0, at = 0; gi < td->nrows; at += td->rows[gi].ncols, gi++)
        if (!row_eq_holds(r, table, gi, v + at))
            return 0;
    return 1;
}

/* The display width of cell c's text (CJK and full-width digits two columns). */
static int cell_width(const grid_cell *c)
{
    return (int)text_display_width(c->text, strlen(c->text));
}

/* A one-row table's n numbers read in order from the value tokens tok[0..n)
 * over exactly two lines, one holding fewer, each of its numbers where the
 * other line has none: 1 when another order the page may have meant — the
 * second line's numbers first (a cell's number on its second line,
 * "&nbsp;<br/>1", printed by w3m, links or elinks under the row's line; or a
 * cell's first line printed above the row's, "0" over the row over "件", as
 * pdftotext -layout prints a cell centred down a taller row), or all in the
 * order of their display columns — differs from the order read, and the order
 * read does not add up or that order adds up as well: which order is the
 * row's is not told. */
static int one_row_wrapped(const gk_report *r, int table, const tokens *ts, const int *tok, int n)
{
    if (n > 2 * PLACE_MAX_COLS)
        return 0;
    double read[2 * PLACE_MAX_COLS], alt[2 * PLACE_MAX_COLS];
    int x[2 * PLACE_MAX_COLS], order[2 * PLACE_MAX_COLS], l1 = ts->cell[tok[0]]->line, l2 = -1, on2 = 0;
    int numbers = token_values(ts, tok, n, read);   /* (a cell no number — "U", a digit text
                                                       recognition misread; "无" — no total tells) */
    for (int c = 0; c < n; c++) {
        const grid_cell *cell = ts->cell[tok[c]];
        if (cell->line != l1) {
            if (l2 < 0)
                l2 = cell->line;
            if (cell->line != l2)
                return 0;              /* over more than two lines: a cell a line, in order */
            on2++;
        }
    }
    int few = 2 * on2 < n ? l2 : l1, many = few == l2 ? l1 : l2;   /* the line holding fewer */
    if (!on2 || 2 * on2 == n || !columns_order(r, ts, tok, n, x, order, 0))
        return 0;
    /* each of the fewer line's numbers where the other has none (a cell's other
       line): one under a number of the first is the row's line wrapped at the
       page's width (lynx), read in order */
    for (int c = 0; c < n; c++)
        for (int d = 0; d < n && ts->cell[tok[c]]->line == few; d++)
            if (ts->cell[tok[d]]->line == many && x[d] <= x[c] + cell_width(ts->cell[tok[c]]) &&
                x[c] <= x[d] + cell_width(ts->cell[tok[d]]))
                return 0;
    if (!numbers) {                    /* no sums to tell: the columns' order, when another */
        for (int c = 0; c < n; c++)
            if (order[c] != c)
                return 1;
        return 0;
    }
    later_lines_first(ts, tok, n, read, alt);   /* the second line's numbers first */
    int held = groups_hold(r, table, read);
    if (memcmp(alt, read, (size_t)n * sizeof *read) && (!held || groups_hold(r, table, alt)))
        return 1;
    for (int c = 0; c < n; c++)        /* by display column */
        alt[c] = read[order[c]];
    return memcmp(alt, read, (size_t)n * sizeof *read) && (!held || groups_hold(r, table, alt));
}

/* The value tokens of [first, last] into tok (n of them at most): 1 when there are n. */
static int one_row_tokens(const tokens *ts, int first, int last, int n, int *tok)
{
    int m = 0;
    for (int k = first; k >= 0 && k <= last; k++)
        if (ts->tok[k].kind == PT_VALUE) {
            if (m == n || !ts->cell[k])
                return 0;
            tok[m++] = k;
        }
    return m == n;
}

/* Table 4 is one row of its 15 numbers under three groups of headers, or
 * one row per group.  Rows per group are placed like the other tables;
 * else the table's numbers, when there are exactly as many as it has
 * cells, are its cells in order. */
/* A one-line table (table 4) read one number short, tokens [first, last]: the
 * lost cell taken for a blank (0, a converter that prints no empty cell dropped
 * it) at each place in turn, the places where every group's own total holds;
 * when there is one at least and all give each cell the same value, those
 * values into v (n of them) and 1 ("1 0 1 0 2 | 0 0 0 0 1 | 0 0 0 1": the blank is
 * among the second group's zeros wherever it stands).  Every group must have a
 * total; no empty cell, and no number not read, among the tokens. */
static int one_short_fixed(const gk_report *r, int table, const tokens *ts, int first, int last, int n, double *v)
{
    const gk_table_def *td = template_table(r->tpl, table);
    double seen[2 * PLACE_MAX_COLS], w[2 * PLACE_MAX_COLS];
    int nv = 0, fits = 0;
    if (n > 2 * PLACE_MAX_COLS)
        return 0;
    for (int gi = 0; gi < td->nrows; gi++)
        if (r->tpl->row_eq[table - 2][gi] < 0)
            return 0;
    for (int k = first; k <= last; k++) {
        if (ts->tok[k].kind == PT_EMPTY)
            return 0;
        if (ts->tok[k].kind != PT_VALUE)
            continue;
        slot s = {0};
        slot_from_token(&s, ts, k);
        free(s.why);
        if (s.status == GK_ST_MISSING || nv >= n - 1)
            return 0;
        seen[nv++] = s.status == GK_ST_EXTRACTED ? s.value : 0;
    }
    if (nv != n - 1)
        return 0;
    for (int j = 0; j < n; j++) {      /* the blank at j */
        with_blank(seen, n, j, w);
        if (!groups_hold(r, table, w))
            continue;
        for (int c = 0; c < n; c++) {
            if (fits && w[c] != v[c])
                return 0;              /* two places giving a cell two values */
            v[c] = w[c];
        }
        fits++;
    }
    return fits > 0;
}

static void read_one_line_table(gk_report *r, int table)
{
    size_t from, to;
    const gk_table_shape *shape = template_table_shape(table);
    table_range(r, table, &from, &to);
    grid *g = table_grid(r, table, from, to);
    numbers_maybe_cut(g);
    const gk_table_def *td = template_table(r->tpl, table);
    const int n = template_table_ncells(r->tpl, table);
    double fixed[2 * PLACE_MAX_COLS];   /* one_short_fixed() */
    int per_group = 0;
    sbuf lb;
    sbuf_take(&lb);
    for (int i = 0; i < g->nrows && !per_group; i++) {
        int nv = count_values(&g->rows[i]);
        if (nv < 3)
            continue;
        lb.len = 0;
        size_t len = row_label(&g->rows[i], &lb);
        uint32_t rows = (uint32_t)(row_facts(r->tpl, table, lb.s, len) & ROW_MATCHES);
        /* a group's row holds its own numbers: a group's name before twice as many, or
         * among the columns' names, is the header of the table as one row, read by a
         * converter into one block with its numbers (docx2txt: a cell a line) */
        int columns = 0;
        for (int j = 0; j < g->rows[i].ncells && columns < 2; j++) {
            const char *t = g->rows[i].cells[j].text;
            size_t tn = g->rows[i].cells[j].len;
            columns += tn && tn <= HEADER_CELL_MAX && g->rows[i].cells[j].num == NUM_NONE && column_named(r->tpl, table, t, tn);
        }
        per_group = rows && nv < 2 * td->rows[__builtin_ctz(rows)].ncols && columns < 2;
    }
    sbuf_give(&lb);
    if (per_group) {                   /* the rows of the same lines: read_table()'s grid */
        read_table_grid(r, table, g);
        return;
    }
    tokens ts = {0};
    tokenize(r, table, g, &ts);
    int nv = 0, nc = 0, first = -1, lastv = -1;
    for (int k = 0; k < ts.n; k++) {
        if (ts.tok[k].kind == PT_BREAK && nv)
            break;
        if (ts.tok[k].kind == PT_BREAK)
            nv = 0, first = lastv = -1;
        nv += ts.tok[k].kind == PT_VALUE;
        if (ts.tok[k].kind == PT_VALUE) {
            lastv = k;
            if (first < 0)
                first = k;
        }
    }
    /* empty cells count only between the numbers: one before the first or after the
     * last may be a header's or padding, and taking it would shift them all */
    for (int k = first; k >= 0 && k <= lastv; k++)
        nc += ts.tok[k].kind == PT_VALUE || ts.tok[k].kind == PT_EMPTY;
    slot own_slots[2 * PLACE_MAX_COLS];   /* (table 4's 15 cells: no allocation) */
    slot *s = n <= (int)(sizeof own_slots / sizeof *own_slots) ? own_slots : xmalloc((size_t)n * sizeof *s);
    memset(s, 0, (size_t)n * sizeof *s);
    const grid_row *one = NULL;        /* one explicit row holding every number, empty cells around them */
    for (int i = 0; i < g->nrows && nv != n && nv; i++)
        if (count_values(&g->rows[i]) == nv && g->rows[i].explicit)
            one = &g->rows[i];
    int at, glued, vtok[2 * PLACE_MAX_COLS] = {0};   /* (filled by one_row_tokens() before use) */
    if (one && one_window(one, n, &at)) {
        for (int j = 0; j < n; j++)
            slot_from_cell(&s[j], &one->cells[at + j]);
        store_rows(r, table, s);
        r->table_line[table - 2] = one->line;
    } else if ((nv == n || nc == n) && (glued = glued_among(&ts, first, lastv)) >= 0) {
        /* a number glued after words of no row among them (hidden text, a note): whether it is
           one of the table's is not known, and every number after it takes its place by it */
        char *why = xasprintf("%s的数字中「%s」的数字与不属于任何一行的文字粘连（可能是隐藏文字或批注），"
                              "无法确定它是否属于本表，各数字所在的列因而无法确定",
                              shape->name, ts.cell[glued]->text);
        slots_missing(s, n, ts.cell[first]->line, why);
        free(why);
        store_rows(r, table, s);
    } else if (nv == n && one_row_tokens(&ts, first, lastv, n, vtok) && one_row_wrapped(r, table, &ts, vtok, n)) {
        char *why = xasprintf("%s的数字分印在两行，数字较少的一行可能是某些单元格换行后的另一行，"
                              "按读到的顺序与按其位置的顺序不同，各项合计不能确定哪一种是对的，不作读取",
                              shape->name);
        slots_missing(s, n, ts.cell[first]->line, why);
        free(why);
        store_rows(r, table, s);
    } else if (nv == n || nc == n) { /* the numbers in order; empty cells count only when no row holds them */
        int use_empty = nv != n, j = 0;
        for (int k = first; k <= lastv && j < n; k++)
            if (ts.tok[k].kind == PT_VALUE || (use_empty && ts.tok[k].kind == PT_EMPTY))
                slot_from_token(&s[j++], &ts, k);
        store_rows(r, table, s);
        r->table_line[table - 2] = s[0].line;
        /* as many numbers as cells only by passing over empty cells among them (a blank
         * cell, and a number not the table's: a year, a mark): read only when every
         * group adds up so */
        int fails = 0, passed = nc > n;
        for (int i = 0; i < g->nrows && !passed && !use_empty; i++) {   /* a row of explicit cells holding them all */
            const grid_row *row = &g->rows[i];
            if (!row->explicit || count_values(row) != nv)
                continue;
            int a = 0, z = row->ncells - 1;   /* (an empty cell before them is a label column's as often) */
            while (a < z && !is_value_cell(&row->cells[a]))
                a++;
            while (z > a && !is_value_cell(&row->cells[z]))
                z--;
            for (int c = a; c <= z; c++)
                passed |= !row->cells[c].text[0];
        }
        double v[PLACE_MAX_COLS];
        for (int gi = 0; gi < td->nrows && !use_empty && passed; gi++) {
            int fc = r->tpl->first_cell[table - 2][gi];
            fails |= td->rows[gi].ncols <= PLACE_MAX_COLS && row_counts(r, fc, td->rows[gi].ncols, v) &&
                     !row_eq_holds(r, table, gi, v);
        }
        if (fails) {
            for (int k = 0; k < n; k++)
                free(s[k].why);
            memset(s, 0, (size_t)n * sizeof *s);
            char *why = xasprintf("%s的 %d 个数字之间有空单元格，略过它们才凑足 %d 个，而这样读各项合计不符："
                                  "空单元格可能是空白的一格，另有一个数字不属于本表，无法确定各自所在的列",
                                  shape->name, nv, n);
            slots_missing(s, n, ts.cell[first]->line, why);
            free(why);
            store_rows(r, table, s);
        }
    } else if (nv == n - 1 && nv >= 2 && one_short_fixed(r, table, &ts, first, lastv, n, fixed)) {
        /* one short, and wherever a blank stands so that every group adds up, each cell reads the same */
        char *why = xasprintf("%s只读到 %d 个数字（应为 %d 个）：缺的一格当是转换时丢掉的空白单元格，"
                              "凡能使各组总计都相符的位置，读出的各格都一样，按此读（不知空白是哪一格；模板要求填 0）",
                              shape->name, nv, n);
        for (int gi = 0, off = 0; gi < td->nrows; off += td->rows[gi].ncols, gi++)
            store_inferred(r, table, gi, ts.cell[first]->line, why, fixed + off);
        free(why);
        r->table_line[table - 2] = ts.cell[first]->line;
    } else if (nv) {
        char *why = xasprintf("%s读到 %d 个数字（应为 %d 个），无法确定各自所在的列", shape->name, nv, n);
        slots_missing(s, n, ts.cell[first]->line, why);
        free(why);
        store_rows(r, table, s);
    } else {
        for (int gi = 0; gi < td->nrows; gi++)
            note_row(r, "STRUCT.ROW_MISSING", table, gi, 0,
                     xasprintf("%s未找到「%s」的数字", shape->name, td->rows[gi].label));
    }
    for (int k = 0; k < n; k++)
        if (s[k].why)                  /* (most slots have none: no call) */
            free(s[k].why);
    if (s != own_slots)
        free(s);
    check_column_labels(r, g, table, &ts);
    tokens_free(&ts);
    grid_free(g);
}

/* ---- entry ---------------------------------------------------------------------------- */

int extract_title_lines(const gk_line *norm, size_t index, void *ctx)
{
    if (heading_sized(norm) && heading_candidate(heading_words(norm->s)) == 0 && heading_test(GK_SEC_TOTAL, norm->s)) {
        if (ctx)
            *(int *)ctx = (int)index + 1;   /* as find_sections() finds it: the first one */
        return 1;
    }
    return index + 1 >= TITLE_LINES;
}

void extract_title_only(gk_report *r, int section_one_line)
{
    r->section_line[GK_SEC_TOTAL] = section_one_line;
    find_title(r, -1);
}

void extract_report(gk_report *r)
{
    runs_unread = 0;
    find_title(r, find_sections(r));
    find_years(r);
    find_fee(r);
    find_stated(r);
    r->format = detect_format(r);
    /* no table tells the format (tables lost in conversion, headers mangled): the
       year does — the 2019 format for reports on 2019 and 2020 */
    gk_format use = r->format;
    if (use == GK_FMT_UNKNOWN)
        use = template_year_format(r->year) == GK_FMT_2019 ? GK_FMT_2019 : GK_FMT_2021;
    r->tpl = template_get(use);
    r->cells = xcalloc((size_t)r->tpl->ncells, sizeof *r->cells);
    for (int ti = 0; ti < GK_NTABLES; ti++) {
        int number = r->tpl->tables[ti].number;
        if (template_table_shape(number)->one_line)
            read_one_line_table(r, number);
        else
            read_table(r, number);
    }
}
