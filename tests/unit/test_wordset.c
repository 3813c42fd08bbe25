/* test_wordset.c — wordset_find() (one pass for many words, with skips)
 * against util_find() word by word: seeded random word sets and lines over
 * small alphabets (so that words, their prefixes and overlaps occur often),
 * random bytes, the CJK words of the narrative counts, lines cut anywhere.
 * Both paths: the byte by byte scan (wordset_fast 0) and the AVX2 pass
 * where the processor has it; each line copied to the end of a block of
 * its own size, so that ASan sees a read past it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract.h"
#include "template.h"
#include "util.h"
#include "wordset.h"

#include <stdlib.h>
#include <string.h>

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static unsigned rn(uint64_t *s, unsigned n)
{
    return (unsigned)(rnd(s) % n);
}

/* Every word of the set is found in s[0..len) exactly when util_find() finds
 * it (wordset_find() given a copy that ends where the block ends). */
static void check_line_with(const gk_wordset *ws, const char *s, size_t len)
{
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, s, len);
    uint64_t found = wordset_find(ws, copy, len);
    free(copy);
    for (int k = 0; k < ws->n; k++) {
        int want = util_find(s, len, ws->word[k], ws->len[k]) != NULL;
        if (want != (int)(found >> k & 1))
            fail_msg("word %d (%zu bytes): wordset %d, util_find %d, line of %zu bytes", k, ws->len[k],
                     (int)(found >> k & 1), want, len);
    }
    if (ws->n < 64)
        assert_int_equal(found >> ws->n, 0);   /* no bit past the words */
}

static void check_line(const gk_wordset *ws, const char *s, size_t len)
{
    for (int fast = 0; fast < 2; fast++) {
        wordset_fast = fast;
        check_line_with(ws, s, len);
    }
    wordset_fast = 1;
}

static void test_random_words_and_lines(void **state)
{
    (void)state;
    uint64_t seed = 0x5EED0001u;
    static const unsigned char CJK[] = {0xE4, 0xE5, 0xE7, 0x8C, 0x93, 0xA0, 0xB8, 0xBA, 0xBB};
    enum { WORD_MAX = 12, LINE_MAX = 160 };
    static char words[WORDSET_MAX + 8][WORD_MAX];
    for (int round = 0; round < 3000; round++) {
        /* the alphabet: a few letters, or CJK lead and continuation bytes, or any byte */
        int kind = (int)rn(&seed, 3);
        unsigned abc = 2 + rn(&seed, 4);
        unsigned char alpha[8];
        for (unsigned a = 0; a < abc; a++)
            alpha[a] = kind == 0 ? (unsigned char)('a' + a) : kind == 1 ? CJK[rn(&seed, sizeof CJK)] : (unsigned char)rn(&seed, 256);
        gk_wordset ws;
        wordset_init(&ws);
        int nw = 1 + (int)rn(&seed, round % 10 == 0 ? WORDSET_MAX + 8 : 12);
        for (int w = 0; w < nw; w++) {
            size_t len = rn(&seed, 8) == 0 ? 1 + rn(&seed, 2) : 3 + rn(&seed, WORD_MAX - 3);
            for (size_t i = 0; i < len; i++)
                words[w][i] = (char)alpha[rn(&seed, abc)];
            int before = ws.n, at = wordset_add(&ws, words[w], len);
            if (before == WORDSET_MAX) {
                /* full: a new word is refused, a known one still found */
                assert_true(at == -1 || (at >= 0 && at < WORDSET_MAX));
                assert_int_equal(ws.n, WORDSET_MAX);
            } else {
                assert_true(at >= 0 && at <= before);
                assert_int_equal(ws.len[at], len);
                assert_memory_equal(ws.word[at], words[w], len);
            }
        }
        assert_int_equal(wordset_add(&ws, "x", 0), -1);   /* an empty word is never added */
        for (int line = 0; line < 20; line++) {
            char s[LINE_MAX];
            size_t len = rn(&seed, LINE_MAX);
            for (size_t i = 0; i < len; i++)
                s[i] = (char)alpha[rn(&seed, abc)];
            /* and often one of the words, whole or cut short, at a random place */
            if (ws.n && len > WORD_MAX && rn(&seed, 2)) {
                int k = (int)rn(&seed, (unsigned)ws.n);
                size_t at = rn(&seed, (unsigned)(len - ws.len[k] + 1));
                memcpy(s + at, ws.word[k], ws.len[k] - (rn(&seed, 3) == 0));
            }
            /* a line is a part of a longer one: the bytes past len are never read as its own */
            for (size_t cut = len; cut + 1 > 0 && cut + 8 > len; cut--)
                check_line(&ws, s, cut);
        }
    }
}

/* The narrative counts' need words and their patterns' own (the two sets
 * find_stated() builds), on lines of their characters, their bytes
 * shuffled and cut. */
static void test_narrative_words(void **state)
{
    (void)state;
    int nk;
    const gk_narr_count *K = template_narr_counts(&nk);
    gk_wordset ws, pws;
    wordset_init(&ws);
    wordset_init(&pws);
    char pool[2048];
    size_t npool = 0;
    for (int k = 0; k < nk; k++)
        for (int w = 0; K[k].need[w]; w++) {
            size_t len = strlen(K[k].need[w]);
            assert_true(wordset_add(&ws, K[k].need[w], len) >= 0);
            assert_true(npool + len < sizeof pool);
            memcpy(pool + npool, K[k].need[w], len);
            npool += len;
        }
    for (int k = 0; k < nk; k++)
        for (int p = 0; p < GK_NARR_PATTERNS && K[k].patterns[p]; p++)
            for (int w = 0; K[k].pattern_need[p][w]; w++) {
                size_t len = strlen(K[k].pattern_need[p][w]);
                assert_true(wordset_add(&pws, K[k].pattern_need[p][w], len) >= 0);
                assert_true(npool + len < sizeof pool);
                memcpy(pool + npool, K[k].pattern_need[p][w], len);
                npool += len;
            }
    uint64_t seed = 0x5EED0002u;
    for (int round = 0; round < 20000; round++) {
        char s[200];
        size_t len = 0, want = rn(&seed, sizeof s - 16);
        while (len < want) {
            unsigned how = rn(&seed, 4);
            if (how == 0) {            /* one character of a word: whole three bytes */
                size_t at = rn(&seed, (unsigned)(npool / 3)) * 3;
                memcpy(s + len, pool + at, 3);
                len += 3;
            } else if (how == 1) {     /* a byte of the words anywhere */
                s[len++] = pool[rn(&seed, (unsigned)npool)];
            } else if (how == 2) {     /* a whole word of either set */
                const gk_wordset *from = rn(&seed, 2) ? &ws : &pws;
                int k = (int)rn(&seed, (unsigned)from->n);
                memcpy(s + len, from->word[k], from->len[k]);
                len += from->len[k];
            } else {
                s[len++] = (char)(rn(&seed, 2) ? ' ' + rn(&seed, 90) : rn(&seed, 256));
            }
        }
        check_line(&ws, s, len);
        check_line(&pws, s, len);
        if (len) {
            check_line(&ws, s + 1, len - 1);
            check_line(&pws, s + 1, len - 1);
        }
    }
}

/* The format detection's need words (GK_DETECT_*_NEED) are looked for in a
 * line as it is, its squeezed copy made only where one is found
 * (count_hits()): a word of one character must be in a line exactly when
 * it is in extract_squeeze() of it.  Seeded lines of those characters,
 * blanks, the characters synonyms() reads and writes (其它, 合计 and what
 * they become) and other text. */
static void test_detect_words_squeezed(void **state)
{
    (void)state;
    static const char *const PIECES[] = {"其", "它", "他", "合", "计", "总", "其它", "合计", "数量", "金额", "采购",
                                         "项目", "本年", "a", "1", ",", "。", "|"};
    const char *const *need[2] = {GK_DETECT_2021_NEED, GK_DETECT_2019_NEED};
    uint64_t seed = 0x5EED0005u;
    for (int round = 0; round < 20000; round++) {
        char s[256];
        size_t len = 0, want = rn(&seed, sizeof s - 16);
        while (len < want) {
            unsigned how = rn(&seed, 4);
            const char *piece;
            if (how == 0) {
                int p = (int)rn(&seed, 2), n = 0;
                while (need[p][n])
                    n++;
                piece = need[p][rn(&seed, (unsigned)n)];
            } else if (how == 1) {
                piece = rn(&seed, 3) ? " " : "\t";
            } else {
                piece = PIECES[rn(&seed, sizeof PIECES / sizeof PIECES[0])];
            }
            memcpy(s + len, piece, strlen(piece));
            len += strlen(piece);
        }
        s[len] = '\0';
        char *sq = extract_squeeze(s);
        for (int p = 0; p < 2; p++)
            for (int k = 0; need[p][k]; k++) {
                const char *w = need[p][k];
                size_t wl = strlen(w);
                unsigned char c = (unsigned char)w[0];
                if (wl != (size_t)(c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2))
                    continue;          /* two characters or more: looked for in the squeezed copy */
                if (!util_find(s, len, w, wl) != !util_find(sq, strlen(sq), w, wl))
                    fail_msg("「%s」 in \"%s\" but not in its squeezed copy \"%s\", or the other way", w, s, sq);
            }
        free(sq);
    }
}

/* word_prefix() against strncmp() of strlen() bytes: seeded strings over
 * a small alphabet (prefixes often shared), of all lengths, empty ones too. */
static void test_word_prefix(void **state)
{
    (void)state;
    uint64_t seed = 0x5EED0004u;
    static const char ABC[] = {'a', 'b', (char)0xE3, (char)0x80, (char)0x81};
    for (int round = 0; round < 200000; round++) {
        char s[12], w[12];
        size_t sl = rn(&seed, sizeof s), wl = rn(&seed, 6);
        for (size_t i = 0; i < sl; i++)
            s[i] = ABC[rn(&seed, sizeof ABC)];
        s[sl] = '\0';
        for (size_t i = 0; i < wl; i++)
            w[i] = rn(&seed, 3) ? s[i < sl ? i : 0] : ABC[rn(&seed, sizeof ABC)];
        w[wl] = '\0';
        size_t want = strncmp(s, w, strlen(w)) == 0 ? strlen(w) : 0;
        if (word_prefix(s, w) != want)
            fail_msg("word_prefix(\"%s\", \"%s\") = %zu, want %zu", s, w, word_prefix(s, w), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_prefix),
        cmocka_unit_test(test_random_words_and_lines),
        cmocka_unit_test(test_narrative_words),
        cmocka_unit_test(test_detect_words_squeezed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
