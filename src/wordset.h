/* wordset.h — which of a few dozen words occur in a line, in one pass.
 *
 * Several extract.c tests ask of each line whether it holds any of a list
 * of words (mostly CJK: "收到", "结转", "行政复"…).  One util_find() per word
 * scans the line once per word; a word set scans it once for all of them:
 * each byte is looked up in a table of the words whose third byte it is,
 * and only those are compared; a byte that is none of the words' first
 * three bytes moves the search three bytes on (Horspool's skip, over all
 * the words at once: in CJK text most steps are a whole character).  Where
 * the processor has AVX2 a first pass over 32 starts at once (Teddy, as in
 * Hyperscan) finds the starts whose first three bytes may be a word's: each
 * word of 3 bytes or more is in one of 8 buckets, and a start is kept when,
 * for some bucket, each of its three bytes has the low and the high half
 * (nibble) of that byte of one of the bucket's words; only those starts are
 * compared.  The answer is exactly util_find()'s for each word, on any bytes
 * (valid UTF-8 or not), on either path. */
#ifndef GK_WORDSET_H
#define GK_WORDSET_H

#include <stddef.h>
#include <stdint.h>

#define WORDSET_MAX 64

typedef struct {
    int n;
    const char *word[WORDSET_MAX];     /* not copied: they must outlive the set */
    size_t len[WORDSET_MAX];
    uint64_t by_third[256];            /* bit k: word[k] (3 bytes or longer) has this third byte */
    uint64_t shorter;                  /* bit k: word[k] is shorter than 3 bytes */
    unsigned char skip[256];           /* how far a byte at a word's third position moves the search */
    /* the AVX2 pass: nib[p][0][n] bit b: a word of bucket b has low half n
     * at its byte p, nib[p][1][n]: high half n (each table twice, for the
     * two 16-byte lanes); bucket[b]: the words in bucket b */
    unsigned char nib[3][2][32];
    uint64_t bucket[8];
    /* word k's first 8 bytes (fewer: the rest 0) as an 8-byte load of
     * them gives, and head_mask[k] its bytes that are the word's */
    uint64_t head[WORDSET_MAX], head_mask[WORDSET_MAX];
} gk_wordset;

/* 1 (the default): wordset_find() takes the AVX2 pass where the processor
 * has it; 0: the byte by byte scan alone (the tests compare both). */
extern int wordset_fast;

void wordset_init(gk_wordset *ws);
/* The index of word w[0..len) in the set, added if new; -1 when the set is
 * full or the word is empty. */
int wordset_add(gk_wordset *ws, const char *w, size_t len);
/* Bit k set when word k occurs in s[0..len). */
uint64_t wordset_find(const gk_wordset *ws, const char *s, size_t len);

/* strlen(w) when s begins with w (not empty), else 0: what
 * strncmp(s, w, strlen(w)) == 0 tells, without the two calls (most
 * strings tested differ from w at their first byte). */
static inline size_t word_prefix(const char *s, const char *w)
{
    size_t i = 0;
    while (w[i] && s[i] == w[i])
        i++;
    return w[i] ? 0 : i;
}

#endif
