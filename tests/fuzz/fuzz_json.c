/* fuzz_json.c — libFuzzer target: the streamed JSON writer (src/json_out.h,
 * issue #16) on hostile strings and numbers.  The input is a string (any
 * bytes but NUL: control bytes, invalid UTF-8, U+2028/2029, bidi controls);
 * its first 8 bytes are also read as a double.  Invariants: the written
 * string is valid UTF-8 with no raw control character, C1 control,
 * U+2028/2029 or bidi control; jansson reads it back as the input with
 * every invalid byte replaced by U+FFFD; writing that again gives the same
 * text.  A finite number reads back as the same double, at most 24 bytes;
 * a whole one below 9e15 as an integer. */
#include "fuzz.h"
#include "json_out.h"
#include "text.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

static int harmless(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n <= 0)
            return 0;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
            (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
            cp == 0x061C)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len = strnlen((const char *)data, size);
    const char *s = (const char *)data;

    sbuf want;
    sbuf_init(&want);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n <= 0) {
            sbuf_adds(&want, "\xEF\xBF\xBD");
            i++;
        } else {
            sbuf_add(&want, s + i, (size_t)n);
            i += (size_t)n;
        }
    }
    sbuf out;
    sbuf_init(&out);
    json_out_string(&out, s, len);
    require(harmless(out.s, out.len));
    require(out.len >= 2 && out.s[0] == '"' && out.s[out.len - 1] == '"');
    json_error_t err;
    json_t *j = json_loadb(out.s, out.len, JSON_DECODE_ANY, &err);
    require(j != NULL && json_is_string(j));
    require(json_string_length(j) == want.len && memcmp(json_string_value(j), want.s, want.len) == 0);
    json_decref(j);
    sbuf again;
    sbuf_init(&again);
    json_out_string(&again, want.s, want.len);
    require(again.len == out.len && memcmp(again.s, out.s, out.len) == 0);
    sbuf_free(&again);
    sbuf_free(&out);
    sbuf_free(&want);

    if (size >= 8) {
        double v;
        memcpy(&v, data, sizeof v);
        sbuf num;
        sbuf_init(&num);
        json_out_number(&num, v);
        if (!isfinite(v)) {
            require(strcmp(num.s, "null") == 0);
        } else {
            require(num.len <= 24);
            j = json_loadb(num.s, num.len, JSON_DECODE_ANY, &err);
            require(j != NULL && json_is_number(j) && json_number_value(j) == v);
            require(json_is_integer(j) == (v == floor(v) && fabs(v) < 9e15));
            json_decref(j);
        }
        sbuf_free(&num);
    }
    return 0;
}
