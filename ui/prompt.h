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

/* Checks a prompt's text when Enter is pressed: NULL accepts it; else a
 * malloc'd Chinese message saying why not, shown while the prompt stays open. */
typedef char *(*prompt_check)(const char *text, void *ctx);
char *prompt_line_checked(const prompt_host *h, const char *label, const char *initial, prompt_check check,
                          void *ctx);

/* A framed box titled `title`, `about` (may be NULL) shown above the text. */
char *prompt_box(const prompt_host *h, const char *title, const char *about, const char *initial);
char *prompt_box_checked(const prompt_host *h, const char *title, const char *about, const char *initial,
                         prompt_check check, void *ctx);

/* A question in the key bar.  Returns the key pressed among `keys` (ASCII,
 * lower case; upper case is taken too), or 0 for Esc.  Other keys are
 * ignored; Ctrl-C counts as Esc. */
int prompt_ask(const prompt_host *h, const char *question, const char *keys);

#endif
