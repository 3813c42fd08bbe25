/* spill.c — records kept for later in an unlinked temporary file (spill.h). */
#include "spill.h"
#include "util.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* Records are appended to a write buffer, which goes to the file in one
 * write when full (a write a record cost a system call each: more than
 * the records' memory they save), and read back through a window of the
 * file (they are taken about in the order they were put, so one read
 * serves many).  A record still in the write buffer is taken from there.
 * A write that fails loses its records: taking one gives NULL (the caller
 * reads its report again), and no record is taken from bytes not written. */
#define SPILL_CHUNK (256u << 10)

struct gk_spill {
    int fd;
    uint64_t cap;           /* 0 once a write failed (under mu) */
    uint64_t end;           /* bytes put so far: the file's, then the write buffer's (under mu) */
    uint64_t written;       /* bytes of the records put (atomic) */
    uint64_t *at;           /* per file: its record's offset + 1, 0: none */
    uint32_t *len;          /* per file: its record's length */
    pthread_mutex_t mu;     /* guards everything below and cap, end */
    char *wbuf;             /* SPILL_CHUNK bytes: the records after offset `flushed` */
    uint64_t flushed;       /* bytes in the file (what was written of them) */
    char *rbuf;             /* SPILL_CHUNK bytes: the file's bytes from roff, rlen of them */
    uint64_t roff;
    size_t rlen;
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
    s->wbuf = xmalloc(SPILL_CHUNK);
    s->rbuf = xmalloc(SPILL_CHUNK);
    pthread_mutex_init(&s->mu, NULL);
    return s;
}

/* pwrite() of all len bytes at off; 0 when written. */
static int write_all(int fd, const char *p, size_t len, uint64_t off)
{
    size_t done = 0;
    while (done < len) {
        ssize_t w = pwrite(fd, p + done, len - done, (off_t)(off + done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        done += (size_t)w;
    }
    return 0;
}

/* pread() of up to len bytes at off: the count read (short at the end of
 * the file or on an error). */
static size_t read_some(int fd, char *p, size_t len, uint64_t off)
{
    size_t done = 0;
    while (done < len) {
        ssize_t r = pread(fd, p + done, len - done, (off_t)(off + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        done += (size_t)r;
    }
    return done;
}

/* The write buffer to the file (under mu); a failure loses its records and
 * takes no more. */
static void flush_chunk(gk_spill *s)
{
    size_t n = (size_t)(s->end - s->flushed);
    if (n && write_all(s->fd, s->wbuf, n, s->flushed) != 0) {
        s->cap = 0;
        s->end = s->flushed;           /* the lost records are read past the end: NULL */
        return;
    }
    s->flushed = s->end;
}

int spill_put(gk_spill *s, size_t i, const void *rec, size_t len)
{
    if (len == 0 || len > UINT32_MAX)
        return -1;
    pthread_mutex_lock(&s->mu);
    uint64_t off = s->end;
    if (off + len > s->cap) {
        pthread_mutex_unlock(&s->mu);
        return -1;
    }
    if (off + len - s->flushed > SPILL_CHUNK)
        flush_chunk(s);
    if (s->cap == 0) {
        pthread_mutex_unlock(&s->mu);
        return -1;
    }
    off = s->end;
    if (len > SPILL_CHUNK) {           /* a record larger than the buffer goes straight to the file */
        if (write_all(s->fd, rec, len, off) != 0) {
            s->cap = 0;
            pthread_mutex_unlock(&s->mu);
            return -1;
        }
        s->flushed = s->end = off + len;
    } else {
        memcpy(s->wbuf + (off - s->flushed), rec, len);
        s->end = off + len;
    }
    s->len[i] = (uint32_t)len;
    s->at[i] = off + 1;
    pthread_mutex_unlock(&s->mu);
    __atomic_add_fetch(&s->written, (uint64_t)len, __ATOMIC_RELAXED);
    return 0;
}

void *spill_take(gk_spill *s, size_t i, size_t *len)
{
    if (!s)
        return NULL;
    pthread_mutex_lock(&s->mu);
    uint64_t at = s->at[i];
    s->at[i] = 0;
    size_t n = s->len[i];
    char *buf = NULL;
    if (!at)
        goto done;                     /* none, or taken */
    if (--at >= s->flushed) {          /* still in the write buffer */
        if (at + n <= s->end) {
            buf = xmalloc(n);
            memcpy(buf, s->wbuf + (at - s->flushed), n);
        }
    } else if (n <= SPILL_CHUNK) {
        if (at < s->roff || at + n > s->roff + s->rlen) {
            s->roff = at;
            s->rlen = read_some(s->fd, s->rbuf, SPILL_CHUNK, at);
        }
        if (at + n <= s->roff + s->rlen) {
            buf = xmalloc(n);
            memcpy(buf, s->rbuf + (at - s->roff), n);
        }
    } else {
        buf = xmalloc(n);
        if (read_some(s->fd, buf, n, at) != n) {
            free(buf);
            buf = NULL;
        }
    }
done:
    pthread_mutex_unlock(&s->mu);
    if (buf)
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
    pthread_mutex_destroy(&s->mu);
    free(s->wbuf);
    free(s->rbuf);
    free(s->at);
    free(s->len);
    free(s);
}
