/* fuzz_decode.c — libFuzzer target: text_decode() and text_normalise() on
 * arbitrary bytes.  Checks the invariants text.h promises: every line is
 * NUL-terminated at its stated length, holds no line terminator, and its
 * normalised form is valid UTF-8 no longer than the source line. */
#include "fuzz.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    const char *why = NULL;
    gk_text *t = text_decode(bytes, size, &why);
    if (!t) {
        require(why != NULL && why[0] != '\0');
    } else {
        require(t->nlines > 0);
        require(t->encoding != NULL);
        for (size_t i = 0; i < t->nlines; i++) {
            const gk_line *o = &t->orig[i], *n = &t->norm[i];
            require(strlen(o->s) == o->len);
            require(strlen(n->s) == n->len);
            require(n->len <= o->len);
            require(!memchr(o->s, '\n', o->len) && !memchr(o->s, '\r', o->len));
            require(utf8_valid(n->s, n->len));
            /* normalising a normalised line gives it back unchanged */
            char *again = text_normalise(n->s, n->len);
            require(strcmp(again, n->s) == 0);
            free(again);
        }
        text_free(t);
    }
    /* the raw bytes as one string, NULs and invalid sequences included */
    char *s = text_normalise(bytes, size);
    require(strlen(s) <= size);
    free(s);
    return 0;
}
