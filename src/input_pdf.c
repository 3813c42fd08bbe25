#include "input.h"
#include "util.h"
int input_pdf(const char *bytes, size_t len, gk_converted *out, char **why)
{
    (void)bytes; (void)len; (void)out;
    *why = xstrdup("PDF stub");
    return -1;
}
