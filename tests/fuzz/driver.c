/* driver.c — replays files through a fuzz target without libFuzzer:
 * each file named on the command line is read whole and passed once to
 * LLVMFuzzerTestOneInput().  Exit 0 when every file was replayed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            bad = 1;
            continue;
        }
        size_t cap = 4096, len = 0, n;
        uint8_t *buf = malloc(cap);
        while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
            len += n;
            if (len == cap) {
                uint8_t *nb = realloc(buf, cap * 2);
                if (!nb)
                    free(buf);
                buf = nb;
                cap *= 2;
            }
        }
        int err = ferror(f);
        fclose(f);
        if (!buf || err) {
            fprintf(stderr, "%s: read failed\n", argv[i]);
            free(buf);
            bad = 1;
            continue;
        }
        /* an exact-size copy, so ASan sees a read past the end of the input */
        uint8_t *data = malloc(len ? len : 1);
        if (!data)
            abort();
        memcpy(data, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(data, len);
        free(data);
    }
    return bad;
}
