/* fuzz_neutral.c — libFuzzer target: the command line's output neutraliser
 * (src/safe.h) and the CSV field writer built on it (output_csv_field).
 * The first byte picks what is kept (newlines, tabs).  Invariants: the
 * result is valid UTF-8 with no control character (other than those kept),
 * no C1 control, no bidi override or isolate; neutralising it again changes
 * nothing; safe_is_clean() is true exactly when nothing changed; an excerpt
 * is short and just as harmless; safe_fprintf() keeps one final newline and
 * nothing else raw; no CSV field written begins a formula. */
#include "fuzz.h"
#include "output.h"
#include "safe.h"
#include "text.h"

#include <string.h>

static int harmless(const char *s, size_t len, int keep)
{
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n <= 0)
            return 0;
        if (cp == '\n' && (keep & SAFE_KEEP_NL)) {
        } else if (cp == '\t' && (keep & SAFE_KEEP_TAB)) {
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF) {
            return 0;
        }
        i += (size_t)n;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int keep = data[0] & 3;
    char *s = strndup((const char *)data + 1, size - 1);
    size_t len = strlen(s);

    char *once = safe_dup(s, keep);
    require(harmless(once, strlen(once), keep));
    char *twice = safe_dup(once, keep);
    require(strcmp(once, twice) == 0);
    require(safe_is_clean(s, len, keep) == (strcmp(once, s) == 0));
    require(strlen(once) <= 12 * len + 1);

    size_t max = (size_t)(data[0] >> 2);
    char *e = safe_excerpt(s, len, max);
    require(harmless(e, strlen(e), 0));
    require(strlen(e) <= 12 * max + 4);
    free(e);

    char *out = NULL;
    size_t olen = 0;
    FILE *f = open_memstream(&out, &olen);
    require(f != NULL);
    safe_fprintf(f, "%s: %s\n", s, "错误");
    fclose(f);
    require(olen >= 1 && out[olen - 1] == '\n');
    require(harmless(out, olen - 1, 0));
    free(out);

    out = NULL;
    f = open_memstream(&out, &olen);
    require(f != NULL);
    output_csv_field(f, s, 1);
    fclose(f);
    require(harmless(out, olen, SAFE_KEEP_NL | SAFE_KEEP_TAB));
    const char *cell = out[0] == '"' ? out + 1 : out;
    if (safe_csv_formula(once))
        require(cell[0] == '\'');
    require(!strchr("=@\t\r", cell[0]) || cell[0] == '\0');
    require(strncmp(cell, "＝", 3) != 0);
    free(out);

    free(twice);
    free(once);
    free(s);
    return 0;
}
