/* expect_check.c — checks one report's JSON (gkreview check --format json,
 * read from stdin) against an expectation file:
 *   format 2021 | body NAME | year N
 *   cell ID VALUE STATUS        (VALUE "null" for missing)
 *   finding RULE CELL|- [CELL…] (a finding of RULE naming all those cells)
 *   nofinding RULE              (RULE does not fire)
 *   noerrors                    (no finding of severity error)
 * Prints one line per failed expectation; exits 1 if any failed. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void fail(const char *file, int line, const char *what)
{
    printf("%s:%d: %s\n", file, line, what);
    failures++;
}

static int finding_has(json_t *f, const char *rule, char **cells, int ncells)
{
    if (strcmp(json_string_value(json_object_get(f, "rule")), rule) != 0)
        return 0;
    json_t *ids = json_object_get(f, "cells");
    for (int k = 0; k < ncells; k++) {
        int hit = 0;
        for (size_t i = 0; i < json_array_size(ids); i++)
            if (strcmp(json_string_value(json_array_get(ids, i)), cells[k]) == 0)
                hit = 1;
        if (!hit)
            return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: expect_check FILE.expect < report.json\n");
        return 2;
    }
    json_error_t err;
    json_t *root = json_loadf(stdin, JSON_DISABLE_EOF_CHECK, &err);
    if (!root) {
        printf("cannot parse JSON: %s\n", err.text);
        return 1;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    char line[4096];
    int ln = 0;
    json_t *cells = json_object_get(root, "cells"), *findings = json_object_get(root, "findings");
    while (fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = '\0';
        char *words[32];
        int n = 0;
        for (char *p = strtok(line, " \t"); p && n < 32; p = strtok(NULL, " \t"))
            words[n++] = p;
        if (n == 0 || words[0][0] == '#')
            continue;
        char msg[8192];
        if (!strcmp(words[0], "format") && n == 2) {
            const char *v = json_string_value(json_object_get(root, "format"));
            if (!v || strcmp(v, words[1])) {
                snprintf(msg, sizeof msg, "format is %s, expected %s", v ? v : "null", words[1]);
                fail(argv[1], ln, msg);
            }
        } else if (!strcmp(words[0], "body") && n == 2) {
            const char *v = json_string_value(json_object_get(root, "body"));
            if (!v || strcmp(v, words[1])) {
                snprintf(msg, sizeof msg, "body is %s, expected %s", v ? v : "null", words[1]);
                fail(argv[1], ln, msg);
            }
        } else if (!strcmp(words[0], "year") && n == 2) {
            json_int_t v = json_integer_value(json_object_get(root, "year"));
            if (v != atoll(words[1])) {
                snprintf(msg, sizeof msg, "year is %lld, expected %s", (long long)v, words[1]);
                fail(argv[1], ln, msg);
            }
        } else if (!strcmp(words[0], "cell") && n == 4) {
            json_t *c = json_object_get(cells, words[1]);
            if (!c) {
                snprintf(msg, sizeof msg, "no cell %s", words[1]);
                fail(argv[1], ln, msg);
                continue;
            }
            json_t *v = json_object_get(c, "value");
            const char *st = json_string_value(json_object_get(c, "status"));
            char got[64];
            if (json_is_null(v))
                snprintf(got, sizeof got, "null");
            else if (json_is_integer(v))
                snprintf(got, sizeof got, "%lld", (long long)json_integer_value(v));
            else
                snprintf(got, sizeof got, "%g", json_real_value(v));
            char want[64];
            if (strcmp(words[2], "null") == 0)
                snprintf(want, sizeof want, "null");
            else
                snprintf(want, sizeof want, "%g", atof(words[2]));
            char gotn[64];
            if (json_is_null(v))
                snprintf(gotn, sizeof gotn, "null");
            else
                snprintf(gotn, sizeof gotn, "%g", json_number_value(v));
            if (strcmp(gotn, want) || strcmp(st ? st : "", words[3])) {
                snprintf(msg, sizeof msg, "cell %s is %s %s, expected %s %s", words[1], got, st ? st : "?", words[2],
                         words[3]);
                fail(argv[1], ln, msg);
            }
        } else if (!strcmp(words[0], "finding") && n >= 2) {
            char *want[32];
            int nw = 0;
            for (int k = 2; k < n; k++)
                if (strcmp(words[k], "-"))
                    want[nw++] = words[k];
            int hit = 0;
            for (size_t i = 0; i < json_array_size(findings) && !hit; i++)
                hit = finding_has(json_array_get(findings, i), words[1], want, nw);
            if (!hit) {
                snprintf(msg, sizeof msg, "no finding %s naming the expected cells", words[1]);
                fail(argv[1], ln, msg);
            }
        } else if (!strcmp(words[0], "nofinding") && n == 2) {
            for (size_t i = 0; i < json_array_size(findings); i++)
                if (finding_has(json_array_get(findings, i), words[1], NULL, 0)) {
                    snprintf(msg, sizeof msg, "unexpected finding %s: %s", words[1],
                             json_string_value(json_object_get(json_array_get(findings, i), "message")));
                    fail(argv[1], ln, msg);
                }
        } else if (!strcmp(words[0], "noerrors") && n == 1) {
            for (size_t i = 0; i < json_array_size(findings); i++) {
                json_t *x = json_array_get(findings, i);
                if (!strcmp(json_string_value(json_object_get(x, "severity")), "error")) {
                    snprintf(msg, sizeof msg, "unexpected error %s: %s", json_string_value(json_object_get(x, "rule")),
                             json_string_value(json_object_get(x, "message")));
                    fail(argv[1], ln, msg);
                }
            }
        } else {
            fail(argv[1], ln, "cannot read this expectation");
        }
    }
    fclose(f);
    json_decref(root);
    return failures ? 1 : 0;
}
