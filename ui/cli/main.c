/* main.c — dispatch: subcommands to cli.c, everything else to the review screen. */
#include "app.h"
#include "safe.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

__attribute__((weak)) int app_tui(int npaths, char **paths)
{
    (void)npaths;
    (void)paths;
    fputs("gkreview: 本版本未包含审阅界面，请使用 gkreview check\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc >= 2) {
        const char *cmd = argv[1];
        if (!strcmp(cmd, "check"))
            return cli_check(argc - 1, argv + 1);
        if (!strcmp(cmd, "export"))
            return cli_export(argc - 1, argv + 1);
        if (!strcmp(cmd, "annotate"))
            return cli_annotate(argc - 1, argv + 1);
        if (!strcmp(cmd, "issues"))
            return cli_issues(argc - 1, argv + 1);
        if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
            cli_usage(stdout);
            return 0;
        }
        if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
            printf("gkreview %s\n", GK_VERSION);
            return 0;
        }
        if (cmd[0] == '-' && strcmp(cmd, "--")) {
            safe_fprintf(stderr, "gkreview: 未知选项 %s\n", cmd);
            cli_usage(stderr);
            return 2;
        }
    }
    int skip = argc >= 2 && !strcmp(argv[1], "--") ? 2 : 1;
    return app_tui(argc - skip, argv + skip);
}
