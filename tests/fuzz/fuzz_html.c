/* fuzz_html.c — libFuzzer target: the saved-web-page reader (input_html())
 * on arbitrary bytes, then the text decoder on what it gives.  Checks that
 * it either refuses with a reason or gives NUL-free text of valid UTF-8 in
 * whole lines, which text_decode() reads. */
#include "fuzz.h"
#include "input.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_converted c;
    char *why = NULL;
    if (input_convert(GK_IN_HTML, (const char *)data, size, &c, &why) != 0) {
        require(why != NULL && why[0] != '\0');
        free(why);
        return 0;
    }
    require(c.text != NULL && strlen(c.text) == c.len);
    require(c.len == 0 || c.text[c.len - 1] == '\n');
    require(utf8_valid(c.text, c.len));
    const char *reason = NULL;
    gk_text *t = text_decode(c.text, c.len, &reason);
    require(t != NULL || reason != NULL);
    text_free(t);
    input_converted_free(&c);
    return 0;
}
