/* fuzz_theme.c — libFuzzer target: the screen's INI readers (ui/conf.h,
 * ui/theme.h) without a screen.  The input is written as a theme file
 * ($GKREVIEW_THEMES/fuzz.ini) and as the user's config.ini
 * ($XDG_CONFIG_HOME/gkreview/config.ini) in a private directory; then
 * ini_open() with every value looked up, theme_load() with every style, and
 * config_load().  conf.h promises that a bad line is reported and skipped
 * "instead of losing the whole file": a readable file of at most 64 KB must
 * always open.
 * fuzz-sources: ui/theme.c ui/conf.c
 */
#include "fuzz.h"
#include "conf.h"
#include "theme.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[128], theme_path[256], config_dir[256], config_path[512];

static void cleanup(void)
{
    if (!dir[0])
        return;
    unlink(theme_path);
    unlink(config_path);
    rmdir(config_dir);
    char p[200];
    snprintf(p, sizeof p, "%s/cfg", dir);
    rmdir(p);
    rmdir(dir);
}

static void init(void)
{
    struct stat st;
    const char *base = stat("/dev/shm", &st) == 0 && access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/gkfuzz-theme-XXXXXX", base);
    require(mkdtemp(dir) != NULL);
    atexit(cleanup);
    snprintf(theme_path, sizeof theme_path, "%s/fuzz.ini", dir);
    char cfg[200];
    snprintf(cfg, sizeof cfg, "%s/cfg", dir);
    require(mkdir(cfg, 0700) == 0);
    snprintf(config_dir, sizeof config_dir, "%s/gkreview", cfg);
    require(mkdir(config_dir, 0700) == 0);
    snprintf(config_path, sizeof config_path, "%s/config.ini", config_dir);
    setenv("GKREVIEW_THEMES", dir, 1);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    setenv("TMPDIR", dir, 1);          /* conf.c's cleaned copies */
    unsetenv("NO_COLOR");
}

static void put(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    require(f != NULL);
    require(fwrite(data, 1, size, f) == size);
    require(fclose(f) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0])
        init();
    put(theme_path, data, size);
    put(config_path, data, size);

    ui_msgs m = {0};
    ini_file f;
    int rc = ini_open(&f, theme_path, &m);
    if (size <= 64 * 1024)
        require(rc == 0);              /* bad lines are skipped, the file is kept */
    for (int i = 0; i < f.n; i++) {
        require(f.e[i].section != NULL && f.e[i].line >= 1);
        const char *v = ini_value(&f, i);
        if (v)
            require(strlen(v) <= size);
    }
    ini_close(&f);
    for (int i = 0; i < m.n; i++)
        require(m.v[i] != NULL);
    msgs_free(&m);

    theme_load("fuzz", &m);
    for (int el = 0; el < EL_COUNT; el++) {
        require(theme_el_name((theme_el)el) != NULL);
        (void)theme_style((theme_el)el);
    }
    require(strcmp(theme_name(), "fuzz") == 0);
    (void)theme_mono();
    theme_free();
    msgs_free(&m);

    ui_config c;
    config_load(&c, &m);
    require(c.theme != NULL);
    config_free(&c);
    msgs_free(&m);
    return 0;
}
