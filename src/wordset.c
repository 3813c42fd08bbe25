/* wordset.c — which of a few dozen words occur in a line, in one pass. */
#include "wordset.h"
#include "util.h"

#include <string.h>

void wordset_init(gk_wordset *ws)
{
    memset(ws, 0, sizeof *ws);
    memset(ws->skip, 3, sizeof ws->skip);
}

int wordset_add(gk_wordset *ws, const char *w, size_t len)
{
    if (!len)
        return -1;
    for (int k = 0; k < ws->n; k++)
        if (ws->len[k] == len && !memcmp(ws->word[k], w, len))
            return k;
    if (ws->n == WORDSET_MAX)
        return -1;
    int k = ws->n++;
    ws->word[k] = w;
    ws->len[k] = len;
    if (len >= 3) {
        ws->by_third[(unsigned char)w[2]] |= (uint64_t)1 << k;
        /* byte c at position p of the word: the word may start 2 - p bytes
         * before the byte looked at, no further */
        for (int p = 0; p < 3; p++)
            if (ws->skip[(unsigned char)w[p]] > 2 - p)
                ws->skip[(unsigned char)w[p]] = (unsigned char)(2 - p);
    } else {
        ws->shorter |= (uint64_t)1 << k;
    }
    return k;
}

uint64_t wordset_find(const gk_wordset *ws, const char *s, size_t len)
{
    uint64_t found = 0;
    /* i is the third byte of a possible start j = i - 2: where no word has
     * s[i] in its first three bytes, none starts at j, j + 1 or j + 2;
     * where one has it at position p only, none starts before i - p */
    size_t i = 2;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (ws->skip[c]) {
            i += ws->skip[c];
            continue;
        }
        size_t j = i - 2;
        for (uint64_t m = ws->by_third[c] & ~found; m; m &= m - 1) {
            int k = __builtin_ctzll(m);
            const char *w = ws->word[k];
            if (s[j] == w[0] && s[j + 1] == w[1] && ws->len[k] <= len - j && !memcmp(s + i + 1, w + 3, ws->len[k] - 3))
                found |= (uint64_t)1 << k;
        }
        i++;
    }
    for (uint64_t m = ws->shorter; m; m &= m - 1) {
        int k = __builtin_ctzll(m);
        if (util_find(s, len, ws->word[k], ws->len[k]))
            found |= (uint64_t)1 << k;
    }
    return found;
}
