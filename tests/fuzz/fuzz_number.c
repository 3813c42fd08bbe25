/* fuzz_number.c — libFuzzer target: the one number parser (src/number.h).
 * The first byte picks the kind, the rest is the text.  Invariants: a refusal
 * always says why; an accepted number is finite, within NUMBER_MAX, of the
 * kind asked for, came from text without hex digits or exponents, equals what
 * strtod() reads from the same text with full-width forms folded and the
 * separators and spaces dropped, and number_format() gives text that parses
 * back to the same value. */
#include "fuzz.h"
#include "number.h"

#include <math.h>
#include <string.h>

/* The input folded as number.c folds it, separators and spaces dropped:
 * what strtod() must agree with.  0 when it holds something else. */
static int plain_ascii(const char *s, char *out, size_t cap)
{
    static const struct {
        const char *from;
        char to;
    } F[] = {{"，", 0}, {",", 0}, {"．", '.'}, {"。", '.'}, {"－", '-'}, {"−", '-'}, {"＋", '+'}, {"　", 0}, {" ", 0}, {"\t", 0}};
    size_t n = 0;
    while (*s) {
        const unsigned char *u = (const unsigned char *)s;
        char c = 0;
        size_t used = 0;
        if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
            c = (char)('0' + u[2] - 0x90);
            used = 3;
        } else {
            for (size_t k = 0; k < sizeof F / sizeof F[0]; k++) {
                size_t l = strlen(F[k].from);
                if (!strncmp(s, F[k].from, l)) {
                    c = F[k].to;
                    used = l;
                    break;
                }
            }
            if (!used) {
                if (!((u[0] >= '0' && u[0] <= '9') || u[0] == '.' || u[0] == '+' || u[0] == '-'))
                    return 0;
                c = (char)u[0];
                used = 1;
            }
        }
        if (c) {
            if (n + 1 >= cap)
                return 0;
            out[n++] = c;
        }
        s += used;
    }
    out[n] = '\0';
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    number_kind kind = (number_kind)(data[0] % 4);
    char *s = strndup((const char *)data + 1, size - 1);
    double v = 12345;
    const char *why = NULL;
    int rc = number_parse(s, kind, &v, &why);
    require(rc == 0 || rc == -1);
    if (rc != 0) {
        require(why != NULL && why[0] != '\0');
    } else {
        require(isfinite(v) && fabs(v) <= NUMBER_MAX);
        require(!signbit(v) || v != 0);                     /* no -0 */
        if (kind == NUMBER_COUNT || kind == NUMBER_SIGNED)
            require(v == floor(v));
        if (kind == NUMBER_COUNT || kind == NUMBER_DECIMAL)
            require(v >= 0);
        require(!strpbrk(s, "xXeEiInN"));
        char plain[128];
        require(plain_ascii(s, plain, sizeof plain));
        require(strtod(plain, NULL) == v);
        char f[64];
        double back = -1;
        number_format(v, f, sizeof f);
        require(number_parse(f, NUMBER_ANY, &back, &why) == 0 && back == v);
        require(number_parse(f, kind, &back, &why) == 0 && back == v);
    }
    /* the bytes as a count, formatted and read back */
    if (size >= 9) {
        unsigned long long n;
        memcpy(&n, data + 1, sizeof n);
        n %= 2000000000000ULL;
        char f[64];
        number_format((double)n, f, sizeof f);
        rc = number_parse(f, NUMBER_COUNT, &v, &why);
        require(n <= 1000000000000ULL ? rc == 0 && v == (double)n : rc == -1);
    }
    free(s);
    return 0;
}
