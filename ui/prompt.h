/* prompt.h — reading text from the reviewer: a one-line prompt in the key
 * bar (a corrected value, a search), a box for text of any length (notes,
 * reasons: Ctrl-J or a pasted line end starts a new line), and a question
 * answered with one key.  Esc cancels every one of them.  The screen behind
 * is painted by the manager's callback before each key, so a resize while
 * typing redraws everything. */
#ifndef GK_UI_PROMPT_H
#define GK_UI_PROMPT_H

typedef struct {
    void (*paint)(void *ctx, int resized);   /* draw the whole screen, no refresh */
    void *ctx;
} prompt_host;

/* Once, after the screen starts: the bracketed-paste keys. */
void prompt_setup(void);

/* A line in the key bar after `label`, starting with `initial` (may be NULL).
 * Returns the text (malloc'd UTF-8), NULL when cancelled. */
char *prompt_line(const prompt_host *h, const char *label, const char *initial);

/* A framed box titled `title`, `about` (may be NULL) shown above the text. */
char *prompt_box(const prompt_host *h, const char *title, const char *about, const char *initial);

/* A question in the key bar.  Returns the key pressed among `keys` (ASCII,
 * lower case; upper case is taken too), or 0 for Esc.  Other keys are
 * ignored. */
int prompt_ask(const prompt_host *h, const char *question, const char *keys);

#endif
