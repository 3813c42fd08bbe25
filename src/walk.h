/* walk.h — the list of report files named on a command line: files as
 * given, directories walked recursively (symbolic links to directories are
 * not followed, so a link loop cannot trap the walk), sorted by path. */
#ifndef GK_WALK_H
#define GK_WALK_H

#include <stddef.h>

typedef struct {
    char *path;
    char *error;      /* NULL, or why the path cannot be listed */
    int no_sidecar;   /* 1: its folder's listing holds no "<name>.review…" file */
    int regular;      /* 1: its folder's listing said it is a regular file */
} walk_entry;

typedef struct {
    walk_entry *v;
    size_t n;
    size_t skipped;   /* files in directories without a report extension */
} walk_list;

void walk_collect(walk_list *l, const char *path);
void walk_free(walk_list *l);
/* 1 when a file name has a report extension (.txt .md .html .htm .text .pdf
 * .docx, and .doc so that an old Word document is named and refused). */
int walk_is_report_name(const char *name);

#endif
