/* spill.c — records kept for later in an unlinked temporary file (spill.h). */
#include "spill.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

struct gk_spill {
    int fd;
    uint64_t cap;           /* atomic: 0 once a write failed */
    uint64_t end;           /* bytes reserved so far (atomic) */
    uint64_t written;       /* bytes of the records written (atomic) */
    uint64_t *at;           /* per file: its record's offset + 1, 0: none */
    uint32_t *len;          /* per file: its record's length */
};

/* An unlinked file open for reading and writing in dir, or -1. */
static int open_unlinked(const char *dir)
{
    int fd = -1;
#ifdef O_TMPFILE
    fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0)
        return fd;
#endif
    char *name = xasprintf("%s/gkreview-spill.XXXXXX", dir);
    fd = mkostemp(name, O_CLOEXEC);
    if (fd >= 0 && unlink(name) != 0) {   /* never left behind: unusable if it cannot go at once */
        close(fd);
        fd = -1;
    }
    free(name);
    return fd;
}

gk_spill *spill_open(size_t nfiles, uint64_t cap)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    int fd = open_unlinked(dir);
    if (fd < 0)
        return NULL;
    struct statvfs vfs;
    if (fstatvfs(fd, &vfs) == 0) {
        uint64_t room = (uint64_t)vfs.f_bavail * vfs.f_frsize / 2;
        if (room < cap)
            cap = room;
    }
    gk_spill *s = xcalloc(1, sizeof *s);
    s->fd = fd;
    s->cap = cap;
    s->at = xcalloc(nfiles ? nfiles : 1, sizeof *s->at);
    s->len = xcalloc(nfiles ? nfiles : 1, sizeof *s->len);
    return s;
}

int spill_put(gk_spill *s, size_t i, const void *rec, size_t len)
{
    if (len == 0 || len > UINT32_MAX)
        return -1;
    uint64_t off = __atomic_fetch_add(&s->end, (uint64_t)len, __ATOMIC_RELAXED);
    if (off + len > __atomic_load_n(&s->cap, __ATOMIC_RELAXED))
        return -1;                     /* the space stays reserved: every later put fails too */
    const char *p = rec;
    size_t done = 0;
    while (done < len) {
        ssize_t w = pwrite(s->fd, p + done, len - done, (off_t)(off + done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            __atomic_store_n(&s->cap, 0, __ATOMIC_RELAXED);   /* full or failing: no more */
            return -1;
        }
        done += (size_t)w;
    }
    __atomic_add_fetch(&s->written, (uint64_t)len, __ATOMIC_RELAXED);
    s->len[i] = (uint32_t)len;
    __atomic_store_n(&s->at[i], off + 1, __ATOMIC_RELEASE);
    return 0;
}

void *spill_take(gk_spill *s, size_t i, size_t *len)
{
    uint64_t at = s ? __atomic_exchange_n(&s->at[i], 0, __ATOMIC_ACQ_REL) : 0;
    if (!at)
        return NULL;
    size_t n = s->len[i];
    char *buf = xmalloc(n);
    size_t done = 0;
    while (done < n) {
        ssize_t r = pread(s->fd, buf + done, n - done, (off_t)(at - 1 + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            free(buf);
            return NULL;
        }
        done += (size_t)r;
    }
    *len = n;
    return buf;
}

uint64_t spill_bytes(const gk_spill *s)
{
    return s ? __atomic_load_n(&s->written, __ATOMIC_RELAXED) : 0;
}

void spill_close(gk_spill *s)
{
    if (!s)
        return;
    close(s->fd);
    free(s->at);
    free(s->len);
    free(s);
}
