/* number.c — the one number parser (see number.h).  Owns no state. */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The next character of s as ASCII: full-width digits, signs, separators and
 * points folded; '?' for anything else.  *n gets its length in bytes. */
static char fold(const char *s, size_t *n)
{
    static const struct {
        const char *from;
        char to;
    } F[] = {{"，", ','}, {"．", '.'}, {"。", '.'}, {"－", '-'}, {"−", '-'}, {"＋", '+'}, {"　", ' '}};
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *n = 1;
        return (char)u[0];
    }
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {  /* ０-９ */
        *n = 3;
        return (char)('0' + u[2] - 0x90);
    }
    for (size_t k = 0; k < sizeof F / sizeof F[0]; k++) {
        size_t l = strlen(F[k].from);
        if (!strncmp(s, F[k].from, l)) {
            *n = l;
            return F[k].to;
        }
    }
    *n = 1;
    return '?';
}

const char *number_kind_name(number_kind kind)
{
    switch (kind) {
    case NUMBER_COUNT: return "非负整数";
    case NUMBER_SIGNED: return "整数（可带正负号）";
    case NUMBER_DECIMAL: return "非负数（最多 6 位小数）";
    default: return "数";
    }
}

static int fail(const char **why, const char *w)
{
    if (why)
        *why = w;
    return -1;
}

int number_parse(const char *s, number_kind kind, double *out, const char **why)
{
    /* fold into ASCII (at most 64 significant characters are worth looking at) */
    char a[72];
    size_t na = 0;
    for (size_t i = 0; s[i];) {
        size_t n;
        char c = fold(s + i, &n);
        if (na + 1 >= sizeof a)
            return fail(why, "太长");
        a[na++] = c;
        i += n;
    }
    a[na] = '\0';
    size_t b = 0, e = na;
    while (b < e && (a[b] == ' ' || a[b] == '\t'))
        b++;
    while (e > b && (a[e - 1] == ' ' || a[e - 1] == '\t'))
        e--;
    if (b == e)
        return fail(why, "没有数字");
    a[e] = '\0';
    const char *p = a + b;
    int neg = 0;
    if (*p == '+' || *p == '-') {
        neg = *p == '-';
        p++;
    }
    if (*p == '0' && (p[1] == 'x' || p[1] == 'X'))
        return fail(why, "不接受十六进制，请写十进制数");
    /* the integer part: digits, optionally grouped by three */
    unsigned long long ip = 0;
    int digits = 0, group = 0, grouped = 0;
    for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
        if (*p == ',') {
            if (digits == 0 || (grouped ? group != 3 : group > 3))
                return fail(why, "千位分隔符的位置不对");
            grouped = 1;
            group = 0;
            continue;
        }
        if (ip > 100000000000000ULL)   /* far above the bound: stop growing */
            ip = 100000000000000ULL;
        else
            ip = ip * 10 + (unsigned long long)(*p - '0');
        digits++;
        group++;
    }
    if (grouped && group != 3)
        return fail(why, "千位分隔符的位置不对");
    /* the fraction */
    unsigned long long fp = 0;
    int fdigits = 0, point = 0;
    if (*p == '.') {
        point = 1;
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (fdigits >= NUMBER_MAX_DECIMALS) {
                if (*p != '0')
                    return fail(why, "小数位数过多（最多 6 位）");
                continue;
            }
            fp = fp * 10 + (unsigned long long)(*p - '0');
            fdigits++;
        }
        if (*p == ',')
            return fail(why, "千位分隔符的位置不对");
    }
    if (*p == 'e' || *p == 'E')
        return fail(why, "不接受科学计数法（e），请写出全部数字");
    if (*p == ' ' || *p == '\t')
        return fail(why, "数字中间有空格");
    if (*p)
        return fail(why, "含有数字以外的字符");
    if (digits == 0 && !(point && fdigits > 0))
        return fail(why, "没有数字");
    if (point && fdigits == 0 && digits == 0)
        return fail(why, "没有数字");
    double v = (double)ip;
    int fraction = fp != 0;
    if (fraction) {
        /* exact decimal digits through the C library's correctly rounded reading */
        char buf[48], frac[NUMBER_MAX_DECIMALS + 1];
        for (int k = fdigits; k-- > 0; fp /= 10)
            frac[k] = (char)('0' + fp % 10);
        frac[fdigits] = '\0';
        snprintf(buf, sizeof buf, "%llu.%s", ip, frac);
        v = strtod(buf, NULL);
    }
    if (v > NUMBER_MAX)
        return fail(why, "超过上限 " NUMBER_MAX_TEXT);
    if (fraction && kind != NUMBER_DECIMAL && kind != NUMBER_ANY)
        return fail(why, "应为整数，不能有小数");
    if (neg && v != 0 && kind != NUMBER_SIGNED && kind != NUMBER_ANY)
        return fail(why, "不能为负数");
    if (neg && (kind == NUMBER_COUNT || kind == NUMBER_DECIMAL) && v == 0)
        v = 0;
    *out = neg && v != 0 ? -v : 0 + v;
    return 0;
}

char *number_format(double v, char *buf, size_t n)
{
    if (v == 0)
        v = 0;                          /* no "-0" */
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, n, "%.0f", v);
        return buf;
    }
    if (!isfinite(v) || fabs(v) >= 1e15) {
        snprintf(buf, n, "%.17g", v);
        return buf;
    }
    snprintf(buf, n, "%.*f", NUMBER_MAX_DECIMALS, v);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf);
        while (end > dot + 1 && end[-1] == '0')
            *--end = '\0';
        if (end == dot + 1)
            *dot = '\0';
    }
    if (!strcmp(buf, "-0"))
        snprintf(buf, n, "0");
    return buf;
}
