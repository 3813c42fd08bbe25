/* wordset.h — which of a few dozen words occur in a line, in one pass.
 *
 * Several extract.c tests ask of each line whether it holds any of a list
 * of words (mostly CJK: "收到", "结转", "行政复"…).  One util_find() per word
 * scans the line once per word; a word set scans it once for all of them:
 * each byte is looked up in a table of the words whose third byte it is,
 * and only those are compared; a byte that is none of the words' first
 * three bytes moves the search three bytes on (Horspool's skip, over all
 * the words at once: in CJK text most steps are a whole character).  The answer is exactly util_find()'s for
 * each word, on any bytes (valid UTF-8 or not). */
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
} gk_wordset;

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
