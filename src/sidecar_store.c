/* sidecar_store.c — the sidecar on disk: where it lives (beside the report,
 * as "<report>.review.ini", or under $XDG_DATA_HOME/gkreview/ when the
 * report's folder cannot be written; "….N.ini" when the file there cannot be
 * used), loading it, and saving it atomically (temp file, fsync, rename,
 * fsync of the folder) under an exclusive lock, merged with what is on disk
 * (sidecar_merge.c).  Also the SHA-256 of a report.  The text itself is
 * sidecar_format.c's. */
#include "sidecar_int.h"

#include <nettle/sha2.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define SC_MAX_CAND 100       /* stem.ini, stem.1.ini … stem.99.ini */
#define SC_MAX_BYTES (64u << 20)

/* ---- SHA-256 ------------------------------------------------------------------------------- */

static void hex(const unsigned char *d, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[2 * n] = '\0';
}

int sidecar_sha256_file(const char *path, char out[65])
{
    out[0] = '\0';
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        int e = S_ISREG(st.st_mode) ? errno : EINVAL;
        close(fd);
        errno = e;
        return -1;
    }
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char *buf = xmalloc(65536);
    for (;;) {
        ssize_t r = read(fd, buf, 65536);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        sha256_update(&ctx, (size_t)r, buf);
    }
    free(buf);
    close(fd);
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, d);
    hex(d, sizeof d, out);
    return 0;
}

static void sha256_str(const char *s, char out[65])
{
    struct sha256_ctx ctx;
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, strlen(s), (const uint8_t *)s);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, d);
    hex(d, sizeof d, out);
}

/* ---- reading ---------------------------------------------------------------------------------- */

/* Reads a sidecar without following a symbolic link.  0, or -1 and *why. */
static int read_sidecar(const char *path, char **buf, size_t *len, char **why)
{
    *buf = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *why = errno == ELOOP ? xstrdup("是符号链接，不读取也不改动") : xasprintf("无法读取：%s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        *why = xstrdup("不是普通文件");
        return -1;
    }
    if ((unsigned long long)st.st_size > SC_MAX_BYTES) {
        close(fd);
        *why = xasprintf("文件过大（%llu 字节，上限 %u MB），不予读取", (unsigned long long)st.st_size,
                         SC_MAX_BYTES >> 20);
        return -1;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *b = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap > SC_MAX_BYTES) {
                free(b);
                close(fd);
                *why = xasprintf("文件过大（上限 %u MB），不予读取", SC_MAX_BYTES >> 20);
                return -1;
            }
            cap *= 2;
            b = xrealloc(b, cap + 1);
        }
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(b);
            close(fd);
            *why = xasprintf("无法读取：%s", strerror(e));
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

/* Reads and parses a sidecar.  Returns 0 parsed, 1 absent, -1 unusable
 * (*why), 2 cut off (sc_parse()). */
static int parse_file(const char *path, sc_file *f, char **why)
{
    memset(f, 0, sizeof *f);
    struct stat st;
    if (lstat(path, &st) != 0) {
        /* a folder we may not search (a $HOME that is not ours) holds
         * nothing we could read: as good as absent; saving there reports it */
        if (errno == ENOENT || errno == ENOTDIR || errno == EACCES)
            return 1;
        *why = xasprintf("无法访问：%s", strerror(errno));
        return -1;
    }
    if (S_ISLNK(st.st_mode)) {
        *why = xstrdup("是符号链接，不读取也不改动");
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = xstrdup("不是普通文件");
        return -1;
    }
    char *buf;
    size_t len;
    if (read_sidecar(path, &buf, &len, why) != 0)
        return -1;
    int rc = sc_parse(buf, len, f, why);
    free(buf);
    return rc;
}

/* ---- paths and writing ------------------------------------------------------------------------- */

char *sc_basename(const char *path)
{
    const char *s = strrchr(path, '/');
    return xstrdup(s ? s + 1 : path);
}

static char *dir_of(const char *path)
{
    const char *s = strrchr(path, '/');
    if (!s)
        return xstrdup(".");
    if (s == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(s - path));
}

static int is_perm_error(int e)
{
    return e == EACCES || e == EPERM || e == EROFS;
}

static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Removes temp files a killed writer left (we hold the lock: nobody else writes). */
static void remove_stale_temps(const char *target)
{
    char *dir = dir_of(target);
    char *base = sc_basename(target);
    char *prefix = xasprintf("%s.tmp.", base);
    size_t pl = strlen(prefix);
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (strncmp(de->d_name, prefix, pl) == 0) {
                char *p = xasprintf("%s/%s", dir, de->d_name);
                unlink(p);
                free(p);
            }
        }
        closedir(d);
    }
    free(prefix);
    free(base);
    free(dir);
}

/* Writes data to target atomically.  Returns 0, or an errno value. */
static int write_atomic(const char *target, const char *data, size_t len)
{
    char *tmp = xasprintf("%s.tmp.%ld", target, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0 && errno == EEXIST) {
        unlink(tmp);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
    }
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return e;
    }
    struct stat st;
    if (lstat(target, &st) == 0 && S_ISREG(st.st_mode))
        (void)fchmod(fd, st.st_mode & 07777);
    size_t off = 0;
    int e = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            e = errno;
            break;
        }
        off += (size_t)w;
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, target) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        free(tmp);
        return e;
    }
    free(tmp);
    char *dir = dir_of(target);
    fsync_dir(dir);
    free(dir);
    return 0;
}

/* mkdir -p with mode 0700 for what it creates. */
static int make_dirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1;; s++) {
        if (*s == '/' || !*s) {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0700) != 0 && errno != EEXIST) {
                int e = errno;
                free(p);
                return e;
            }
            *s = c;
            if (!c)
                break;
        }
    }
    free(p);
    return 0;
}

/* ---- locating ----------------------------------------------------------------------------------- */

static char *cand_path(const char *stem, int n)
{
    return n ? xasprintf("%s.%d.ini", stem, n) : xasprintf("%s.ini", stem);
}

static char *data_dir(void)
{
    const char *x = getenv("XDG_DATA_HOME");
    if (x && x[0] == '/')
        return xasprintf("%s/gkreview", x);
    const char *home = getenv("HOME");
    if (!home || home[0] != '/') {
        struct passwd *pw = getpwuid(getuid());
        home = pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
    }
    return home ? xasprintf("%s/.local/share/gkreview", home) : NULL;
}

static char *absolute(const char *path)
{
    char *r = realpath(path, NULL);
    if (r) {
        char *s = xstrdup(r);
        free(r);
        return s;
    }
    if (path[0] == '/')
        return xstrdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return xstrdup(path);
    return xasprintf("%s/%s", cwd, path);
}

/* "$XDG_DATA_HOME/gkreview/<16 hex of SHA-256(absolute path)>-<name>.review" */
static char *fallback_stem(const char *report_path)
{
    char *dir = data_dir();
    if (!dir)
        return NULL;
    char *abs = absolute(report_path);
    char h[65];
    sha256_str(abs, h);
    h[16] = '\0';
    char *base = sc_basename(abs);
    char *stem = xasprintf("%s/%s-%s.review", dir, h, base);
    free(base);
    free(abs);
    free(dir);
    return stem;
}

/* In a run that only reads sidecars (check, export, issues) the answers
 * below stay as they were for the folder asked about last: thousands of
 * reports of one folder then cost no more system calls than they must. */
static int stable_dirs;
static pthread_mutex_t dirs_mu = PTHREAD_MUTEX_INITIALIZER;
static char *last_dir;
static int last_writable, fallback_known, fallback_exists;

void sidecar_read_only_run(void)
{
    stable_dirs = 1;
}

/* Whether $XDG_DATA_HOME/gkreview exists: when it does not, no sidecar
 * can be there (saves check the path itself). */
static int fallback_dir_exists(void)
{
    if (stable_dirs) {
        pthread_mutex_lock(&dirs_mu);
        int known = fallback_known, exists = fallback_exists;
        pthread_mutex_unlock(&dirs_mu);
        if (known)
            return exists;
    }
    char *dir = data_dir();
    struct stat st;
    int ok = dir && stat(dir, &st) == 0;
    free(dir);
    if (stable_dirs) {
        pthread_mutex_lock(&dirs_mu);
        fallback_known = 1;
        fallback_exists = ok;
        pthread_mutex_unlock(&dirs_mu);
    }
    return ok;
}

int sidecar_may_exist(int absent_beside)
{
    return !absent_beside || fallback_dir_exists();
}

static int dir_writable(const char *report_path)
{
    char *dir = dir_of(report_path);
    if (stable_dirs) {
        pthread_mutex_lock(&dirs_mu);
        int hit = last_dir && !strcmp(last_dir, dir), ok = last_writable;
        pthread_mutex_unlock(&dirs_mu);
        if (hit) {
            free(dir);
            return ok;
        }
    }
    int ok = access(dir, W_OK | X_OK) == 0;
    if (stable_dirs) {
        pthread_mutex_lock(&dirs_mu);
        free(last_dir);
        last_dir = dir;
        last_writable = ok;
        pthread_mutex_unlock(&dirs_mu);
    } else {
        free(dir);
    }
    return ok;
}

/* ---- loading ---------------------------------------------------------------------------------- */

/* What rv holds is now what the file holds: the bases of merging. */
static void set_bases(gk_review *rv)
{
    for (int i = 0; i < rv->nentries; i++)
        rv->entries[i].base = sc_entry_dup(&rv->entries[i]);
    rv->base_state = rv->state;
    set_str(&rv->base_state_who, rv->state_who);
    set_str(&rv->base_state_when, rv->state_when);
}

/* Takes f's entries and state into rv; with_base: rv is then that file's. */
static void take_file(gk_review *rv, sc_file *f, int with_base)
{
    sc_free_entries(rv->entries, rv->nentries);
    rv->entries = f->entries;
    rv->nentries = f->nentries;
    f->entries = NULL;
    f->nentries = 0;
    memcpy(rv->sha256, f->sha256, sizeof rv->sha256);
    rv->state = f->state;
    set_str(&rv->state_who, f->state_who);
    set_str(&rv->state_when, f->state_when);
    if (with_base)
        set_bases(rv);
}

/* Why a sidecar found (parse_file() gave rc, -1 or 2, and why) is left alone. */
static char *left_alone(const char *path, int rc, const char *why)
{
    return rc == 2 ? xasprintf("审核记录文件 %s %s；该文件不会被改动", path, why)
                   : xasprintf("审核记录文件 %s 无法使用（%s），该文件不会被改动", path, why);
}

/* Walks stem.ini, stem.1.ini …: the first that is absent or parses.
 * Unusable ones are described in w (the first SC_LIST_MAX of them).  Returns
 * the index; *loaded is 1 when one parsed (into f), 2 when none did but one
 * was cut off (f holds its complete entries: to be applied, and saved into
 * the new file), 0 otherwise. */
static int walk_chain(const char *stem, sc_file *f, int *loaded, sbuf *w)
{
    *loaded = 0;
    memset(f, 0, sizeof *f);
    sc_file part;
    int have_part = 0, told = 0, untold = 0, n;
    for (n = 0; n < SC_MAX_CAND; n++) {
        char *p = cand_path(stem, n);
        char *why = NULL;
        sc_file g;
        int rc = parse_file(p, &g, &why);
        if (rc == 0 || rc == 1) {
            if (rc == 0) {
                if (g.notes)
                    sc_say(w, "审核记录文件 %s：%s", p, g.notes);
                *f = g;
                *loaded = 1;
            }
            free(p);
            break;
        }
        char *msg = left_alone(p, rc, why);
        sc_list_item(w, &told, &untold, "%s", msg);
        free(msg);
        if (rc == 2 && !have_part) {
            part = g;
            have_part = 1;
        } else if (rc == 2) {
            sc_file_free(&g);
        }
        free(why);
        free(p);
    }
    if (untold)
        sbuf_printf(w, "… 及其他 %d 个无法使用的审核记录文件", untold);
    if (have_part && *loaded)
        sc_file_free(&part);
    else if (have_part) {
        *f = part;
        *loaded = 2;
    }
    return n < SC_MAX_CAND ? n : SC_MAX_CAND - 1;
}

int sidecar_load(const char *report_path, gk_review **out, char **warn)
{
    *warn = NULL;
    gk_review *rv = sc_review_new(report_path);
    *out = rv;
    sbuf w;
    sbuf_init(&w);
    char *beside = xasprintf("%s.review", report_path);
    int writable = dir_writable(report_path);
    if (!writable || fallback_dir_exists())
        rv->fallback_stem = fallback_stem(report_path);
    writable = writable || !rv->fallback_stem;
    rv->stem = xstrdup(writable ? beside : rv->fallback_stem);
    rv->fallback = !writable;
    sc_file f;
    int loaded;
    rv->cand = walk_chain(rv->stem, &f, &loaded, &w);
    rv->path = cand_path(rv->stem, rv->cand);
    if (loaded == 1) {
        take_file(rv, &f, 1);
        rv->loaded_from = xstrdup(rv->path);
        rv->exists = 1;
        sc_file_free(&f);
    } else if (loaded == 2) {          /* what a cut-off file held completely: saved into the new file */
        take_file(rv, &f, 0);
        sc_file_free(&f);
    } else if (rv->cand == 0) {
        /* nothing where it is written now: take what the other place has
         * (a sidecar shipped beside a read-only report, or one kept under
         * $XDG_DATA_HOME while the folder was not writable) */
        const char *other = writable ? rv->fallback_stem : beside;
        if (other) {
            sc_file g;
            int got;
            sbuf w2;
            sbuf_init(&w2);
            int n = walk_chain(other, &g, &got, &w2);
            if (got) {
                take_file(rv, &g, 0);
                sc_file_free(&g);
                char *p = cand_path(other, n);
                sc_say(&w, "已读入 %s 中的审核记录，今后保存到 %s", p, rv->path);
                free(p);
            }
            if (w2.len)
                sc_say(&w, "%s", w2.s);
            sbuf_free(&w2);
        }
    }
    if (w.len && rv->cand > 0)
        sc_say(&w, "新的审核记录保存到 %s", rv->path);
    free(beside);
    int rc = w.len ? 1 : 0;
    if (rv->nentries || rv->sha256[0] || rv->exists) {
        if (sidecar_sha256_file(report_path, rv->report_sha256) != 0) {
            sc_say(&w, "无法读取报告 %s：%s", report_path, strerror(errno));
            *warn = sbuf_steal(&w);
            return -1;
        }
        if (rv->sha256[0] && strcmp(rv->sha256, rv->report_sha256) != 0) {
            rv->report_changed = 1;
            sc_say(&w, "报告 %s 在审核后已改变（SHA-256 不同），审核记录按单元格编号套用，请核对", report_path);
            rc = 1;
        }
    }
    if (rc)
        *warn = sbuf_steal(&w);
    else
        sbuf_free(&w);
    return rc;
}

/* ---- saving ----------------------------------------------------------------------------------- */

static void adopt(gk_review *rv, gk_rv_entry *v, int n, const char *target)
{
    sc_free_entries(rv->entries, rv->nentries);
    sc_free_entries(rv->gone, rv->ngone);
    rv->gone = NULL;
    rv->ngone = 0;
    rv->entries = v;
    rv->nentries = n;
    set_bases(rv);
    set_str(&rv->loaded_from, target);
    rv->exists = 1;
    memcpy(rv->sha256, rv->report_sha256, sizeof rv->sha256);
    rv->report_changed = 0;
}

#define EGK_LOCK_LINK (-1000)   /* lock_file(): the lock is a link or not a file */

static int lock_file(const char *target, int *fd_out)
{
    /* never through a symbolic link: a planted link would create or lock a
     * file elsewhere; a lock that is not a plain file is refused too */
    char *lp = xasprintf("%s.lock", target);
    int fd = open(lp, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
    int e = fd < 0 ? errno : 0;
    free(lp);
    if (fd < 0)
        return e == ELOOP ? EGK_LOCK_LINK : e;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return EGK_LOCK_LINK;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            e = errno;
            close(fd);
            return e;
        }
    }
    *fd_out = fd;
    return 0;
}

/* What strerror() cannot say. */
static const char *save_error(int e)
{
    return e == EGK_LOCK_LINK ? "锁文件是符号链接或不是普通文件，拒绝使用" : strerror(e);
}

/* After a failed lock or write: when the report's folder cannot be written,
 * switch to the data folder (1: try again there); otherwise record why the
 * save failed (0). */
static int save_failed(gk_review *rv, sbuf *notice, int e, const char *dir, const char *target)
{
    if (is_perm_error(e) && !rv->fallback && rv->fallback_stem) {
        sc_say(notice, "目录 %s 不可写，审核记录改存到 %s.ini", dir, rv->fallback_stem);
        set_str(&rv->stem, rv->fallback_stem);
        rv->fallback = 1;
        rv->cand = 0;
        return 1;
    }
    sc_say(notice, "无法保存审核记录 %s：%s", target, save_error(e));
    return 0;
}

/* One attempt at saving to the candidate rv->cand, under its lock.  Returns 0
 * saved, 1 to try again (the next candidate, or the fallback folder), -1
 * failed; notice says why. */
static int save_once(gk_review *rv, sbuf *notice, char **where)
{
    char *target = cand_path(rv->stem, rv->cand);
    char *dir = dir_of(target);
    int fd = -1, r;
    int e = rv->fallback ? make_dirs(dir) : 0;
    if (!e)
        e = lock_file(target, &fd);
    if (e) {
        r = save_failed(rv, notice, e, dir, target) ? 1 : -1;
        goto out;
    }
    remove_stale_temps(target);
    sc_file disk;
    char *why = NULL;
    int pr = parse_file(target, &disk, &why);
    if (pr < 0 || pr == 2) {           /* unusable or cut off: never overwritten */
        char *msg = left_alone(target, pr, why);
        sc_say(notice, "%s", msg);
        free(msg);
        free(why);
        sc_file_free(&disk);
        rv->cand++;
        r = 1;
        goto out;
    }
    int same_origin = rv->loaded_from && !strcmp(rv->loaded_from, target);
    gk_rv_entry *v;
    int n;
    sc_merge(rv, &disk, same_origin, &v, &n);
    sc_file_free(&disk);
    if (n > SC_MAX_SECTIONS) {         /* never write what could not be read back */
        sc_say(notice, "无法保存：审核记录超过 %s 条（上限）", SC_MAX_SECTIONS_TEXT);
        sc_free_entries(v, n);
        r = -1;
        goto out;
    }
    char *text = sc_serialize(rv, v, n, rv->report_sha256);
    e = write_atomic(target, text, strlen(text));
    free(text);
    if (e) {
        sc_free_entries(v, n);
        r = save_failed(rv, notice, e, dir, target) ? 1 : -1;
        goto out;
    }
    adopt(rv, v, n, target);
    close(fd);                         /* releases the lock */
    fd = -1;
    set_str(&rv->path, target);
    if (where)
        *where = xstrdup(target);
    r = 0;
out:
    if (fd >= 0)
        close(fd);
    free(dir);
    free(target);
    return r;
}

int sidecar_save(const char *report_path, gk_review *rv, char **where, char **err)
{
    if (where)
        *where = NULL;
    if (err)
        *err = NULL;
    (void)report_path;
    if (!rv->fallback_stem)
        rv->fallback_stem = fallback_stem(rv->report_path);
    if (!rv->report_sha256[0] && sidecar_sha256_file(rv->report_path, rv->report_sha256) != 0)
        memcpy(rv->report_sha256, rv->sha256, sizeof rv->sha256);
    sbuf notice;
    sbuf_init(&notice);
    int rc = -1;
    for (int tries = 0; tries < 2 * SC_MAX_CAND + 2; tries++) {
        if (rv->cand >= SC_MAX_CAND) {
            sc_say(&notice, "无法保存：%s 旁已有太多无法使用的审核记录文件", rv->stem);
            break;
        }
        int r = save_once(rv, &notice, where);
        if (r == 0)
            rc = 0;
        if (r != 1)
            break;
    }
    if (notice.len && err)
        *err = sbuf_steal(&notice);
    else
        sbuf_free(&notice);
    return rc;
}
