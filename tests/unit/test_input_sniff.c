/* test_input_sniff.c — input_sniff() tells a file's kind by its name's
 * extension as strcasecmp() would compare it: seeded, generated names
 * (every case of each extension it knows, near misses, long and non-ASCII
 * ones, dots in folders) against that reference. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const KNOWN[] = {".pdf", ".docx", ".doc", ".wps", ".html", ".htm", ".xhtml", ".shtml"};

/* The kind the name alone gives bytes without any mark of a kind ("<p>"
 * opens an HTML fragment only for an HTML name), by strcasecmp(). */
static gk_input_kind reference(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    const char *dot = strrchr(name, '.');
    const char *ext = dot ? dot : "";
    if (!strcasecmp(ext, ".html") || !strcasecmp(ext, ".htm") || !strcasecmp(ext, ".xhtml") ||
        !strcasecmp(ext, ".shtml"))
        return GK_IN_HTML;
    if (!strcasecmp(ext, ".pdf"))
        return GK_IN_BAD_PDF;
    if (!strcasecmp(ext, ".docx"))
        return GK_IN_BAD_DOCX;
    if (!strcasecmp(ext, ".doc") || !strcasecmp(ext, ".wps"))
        return GK_IN_DOC;
    return GK_IN_TEXT;
}

static void test_sniff_by_name(void **state)
{
    (void)state;
    srand(808);
    static const char *const DIRS[] = {"", "a/", "x.pdf/", "/tmp/r.docx/", "报告/"};
    static const char *const EXTRA[] = {"", "x", ".", "\xC3\xA9", "\xC4", "ml", " "};
    const char *bytes = "<p>hello";
    char path[128];
    for (int round = 0; round < 200000; round++) {
        char ext[32];
        const char *k = KNOWN[rand() % 8];
        size_t n = strlen(k);
        for (size_t i = 0; i < n; i++) {      /* every case of it */
            char c = k[i];
            ext[i] = rand() % 2 && c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
        }
        ext[n] = '\0';
        int how = rand() % 6;
        if (how == 1 && n > 1)
            ext[1 + rand() % (int)(n - 1)] = (char)(0x80 + rand() % 0x80);   /* a byte past ASCII */
        else if (how == 2)
            ext[rand() % (int)n] = (char)(rand() % 0x7F + 1);                 /* any other byte */
        else if (how == 3)
            strcat(ext, EXTRA[rand() % 7]);
        else if (how == 4)
            memmove(ext, ext + 1, n);                                          /* no dot */
        snprintf(path, sizeof path, "%sname%s", DIRS[rand() % 5], ext);
        gk_input_kind want = reference(path);
        assert_int_equal(input_sniff(path, bytes, strlen(bytes)), want);
    }
    assert_int_equal(input_sniff(NULL, bytes, strlen(bytes)), GK_IN_TEXT);
    assert_int_equal(input_sniff("r.PDF", "%PDF-1.4", 8), GK_IN_PDF);
    assert_int_equal(input_sniff("r.DocX", "PK\3\4....", 8), GK_IN_DOCX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sniff_by_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
