/* cli.c — `gkreview check` and `gkreview export`: batches of reports,
 * in order, with one worker or several (-j N), as text, JSON or CSV. */
#include "app.h"
#include "batch.h"
#include "cli_review.h"
#include "number.h"
#include "output.h"
#include "report.h"
#include "safe.h"
#include "sidecar.h"
#include "spill.h"
#include "util.h"
#include "walk.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

void cli_usage(FILE *f)
{
    fputs("用法:\n"
          "  gkreview [文件|目录...]                          打开审阅界面\n"
          "  gkreview check [--format text|json|csv] [-j N] [--no-review] 文件|目录...\n"
          "                                                   检查报告，逐条输出问题（编译器格式）\n"
          "  gkreview export --format json|csv [-j N] [--no-review] 文件|目录...\n"
          "                                                   导出提取的单元格\n"
          "  gkreview annotate 文件 [单元格] [--value 值] [--note 备注] [--dismiss 规则 [--cell 单元格] --reason 理由]\n"
          "                   [--state 未审核|审核中|已审核] [--clear] [--who 姓名]\n"
          "                                                   记录审核意见（保存在 文件.review.ini）\n"
          "  gkreview issues [-o 问题清单.xlsx|.csv] [--all] [--errors-only] [--rule 规则] 文件|目录...\n"
          "                                                   导出发回报送单位的问题清单（xlsx 工作簿或 CSV）\n"
          "  gkreview --help | --version\n"
          "\n"
          "check 的退出码: 0 无错误, 1 有报告存在错误, 2 用法错误或文件无法读取。\n"
          "目录按文件名递归读取 .txt .md .html 文件；同一单位相邻年度的报告自动配对做跨年检查。\n"
          "-j N 用 N 个线程检查，输出与 -j 1 完全相同。\n"
          "check 和 export 套用审核记录（更正和忽略）；--no-review 不套用。\n",
          f);
}

typedef enum { FMT_TEXT, FMT_JSON, FMT_CSV } out_format;

typedef struct {
    out_format format;
    int jobs;
    int no_review;
    int npaths;
    char **paths;
} cli_opts;

static int parse_opts(int argc, char **argv, cli_opts *o, int is_check)
{
    memset(o, 0, sizeof *o);
    o->format = is_check ? FMT_TEXT : FMT_JSON;
    o->jobs = 1;
    o->paths = xcalloc((size_t)argc + 1, sizeof *o->paths);
    int given = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (!strcmp(a, "--format") || !strcmp(a, "-f") || !strcmp(a, "-j")) {
            if (i + 1 >= argc) {
                safe_fprintf(stderr, "gkreview: %s 需要一个参数\n", a);
                return -1;
            }
            val = argv[++i];
        } else if (!strncmp(a, "--format=", 9)) {
            val = a + 9;
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            val = a + 2;
        } else if (!strcmp(a, "--no-review")) {
            o->no_review = 1;
            continue;
        } else if (!strcmp(a, "--")) {
            for (i++; i < argc; i++)
                o->paths[o->npaths++] = argv[i];
            break;
        } else if (a[0] == '-' && a[1]) {
            safe_fprintf(stderr, "gkreview: 未知选项 %s\n", a);
            return -1;
        } else {
            o->paths[o->npaths++] = argv[i];
            continue;
        }
        if (!strncmp(a, "-j", 2)) {
            double n = 0;
            if (number_parse(val, NUMBER_COUNT, &n, NULL) != 0 || n < 1 || n > 256) {
                fprintf(stderr, "gkreview: -j 需要 1 到 256 之间的整数\n");
                return -1;
            }
            o->jobs = (int)n;
            continue;
        }
        given = 1;
        if (!strcmp(val, "json"))
            o->format = FMT_JSON;
        else if (!strcmp(val, "csv"))
            o->format = FMT_CSV;
        else if (!strcmp(val, "text") && is_check)
            o->format = FMT_TEXT;
        else {
            safe_fprintf(stderr, "gkreview: 不支持的格式 %s\n", val);
            return -1;
        }
    }
    if (!is_check && !given) {
        fputs("gkreview: export 需要 --format json 或 --format csv\n", stderr);
        return -1;
    }
    if (o->npaths == 0) {
        fputs("gkreview: 请指定报告文件或目录\n", stderr);
        return -1;
    }
    return 0;
}

/* Applied to every report loaded: the reviewer's overlay (sidecar) unless
 * --no-review. */
static int cli_prepare(gk_report *r, void *ctx)
{
    const cli_opts *o = ctx;
    return !o->no_review && cli_review_apply(r);
}

/* A failure the batch cannot go on after (the output would be incomplete). */
static _Noreturn void fail(const char *what, const char *why)
{
    fprintf(stderr, "gkreview: %s：%s\n", what, why);
    exit(2);
}

/* ---- one report -> its output ------------------------------------------- */

/* Output buffers written out, kept for the next reports' JSON: rendering
 * into memory already touched saves the page faults of fresh buffers, and
 * the printing thread frees nothing into the workers' arenas. */
#define SPARES 128

typedef struct {
    pthread_mutex_t mu;
    int n;
    sbuf v[SPARES];         /* each empty (len 0) */
} spares;

/* A spare buffer, or an empty sbuf when none is left. */
static sbuf spare_take(spares *sp)
{
    pthread_mutex_lock(&sp->mu);
    sbuf b = sp->n ? sp->v[--sp->n] : (sbuf){0};
    pthread_mutex_unlock(&sp->mu);
    return b;
}

/* Where one thread renders a report's output: a JSON buffer and a memory
 * stream for text and CSV, both reused from report to report (opening a
 * memory stream costs more than writing a short report into it). */
typedef struct renderer {
    sbuf json;
    FILE *mem;              /* open_memstream over mbuf, or NULL until needed */
    char *mbuf;
    size_t msize;
    spares *sp;             /* where json takes its next buffer from when handed over, or NULL */
    struct renderer *next;  /* on the keeper's free list */
} renderer;

static void renderer_free(renderer *rd)
{
    if (rd->mem)
        fclose(rd->mem);
    free(rd->mbuf);
    free(rd->json.s);
}

typedef struct {
    char *out;              /* what goes to stdout (outlen bytes), or NULL */
    size_t outlen;
    size_t outcap;          /* the bytes allocated at out */
    char *err;              /* what goes to stderr */
    int unreadable;
    int errors, warnings;
    int *ranks;             /* the rule rank (template_rules order) of each open finding */
    int nranks;
    int packed;             /* out holds JSON packed (output_json_pack()), outlen bytes */
} result;

static void result_free(result *res)
{
    free(res->out);
    free(res->err);
    free(res->ranks);
}

/* What file i shows: r's output, rendered into rd (*bytes, *len: rd's own
 * until the next report; rd NULL: none rendered), and its counts, or why it
 * could not be read (r NULL: no output, *len 0). */
static void render(const gk_batch *b, size_t i, const gk_report *r, const char *why, const cli_opts *o,
                   int is_check, result *res, renderer *rd, const char **bytes, size_t *len)
{
    memset(res, 0, sizeof *res);
    *bytes = NULL;
    *len = 0;
    if (!r) {
        res->unreadable = 1;
        res->err = safe_asprintf("%s: error: 无法读取：%s\n", b->files.v[i].path, why);
        return;
    }
    if (rd && o->format == FMT_JSON) {
        rd->json.len = 0;
        output_json_buf(&rd->json, r);
        *bytes = rd->json.s;
        *len = rd->json.len;
    } else if (rd && is_check && o->format != FMT_CSV) {   /* text: appended to the reused buffer, no stream */
        rd->json.len = 0;
        output_findings_text_buf(&rd->json, r);
        *bytes = rd->json.s;
        *len = rd->json.len;
    } else if (rd) {
        if (!rd->mem && !(rd->mem = open_memstream(&rd->mbuf, &rd->msize)))
            fail("open_memstream", strerror(errno));
        rewind(rd->mem);               /* the size after fflush is the position: what this report wrote */
        if (!is_check)
            output_csv_cells(rd->mem, r);
        else
            output_csv_findings(rd->mem, r);
        if (fflush(rd->mem) != 0)
            fail("open_memstream", strerror(errno));
        *bytes = rd->mbuf;
        *len = rd->msize;
    }
    res->errors = r->nerrors;
    res->warnings = r->nwarnings;
    for (int k = 0; k < r->nfindings; k++) {
        if (r->findings[k].dismissed)
            continue;
        if (!res->ranks)
            res->ranks = xmalloc((size_t)r->nfindings * sizeof *res->ranks);
        res->ranks[res->nranks++] = r->findings[k].rank;
    }
}

/* Keeps a copy of the rendered bytes in res. */
static void keep_bytes(result *res, const char *bytes, size_t len)
{
    if (!len)
        return;
    res->out = xmalloc(len);
    memcpy(res->out, bytes, len);
    res->outlen = res->outcap = len;
}

/* Hands rd's JSON over to res instead of copying it: rd goes on in a spare
 * buffer, or a new one. */
static void take_json(result *res, renderer *rd)
{
    res->outlen = rd->json.len;
    res->outcap = rd->json.cap;
    res->out = sbuf_steal(&rd->json);
    if (!rd->sp)
        return;
    rd->json = spare_take(rd->sp);
}

/* ---- reports shown while the titles are read ----------------------------- */

/* check reads every title to pair years before it shows the first report.
 * It loads the reports in full for that, keeping what each shows; a kept
 * report that turns out to have no partner is shown as kept, without
 * reading it again.  What it keeps stays in memory up to KEEP_BUDGET bytes,
 * past it goes to an unlinked temporary file (spill.c), at most SPILL_CAP
 * bytes and half the room there; only when no such file can be written are
 * the remaining titles merely peeked at, each report read again later.
 * Text output is a few dozen bytes a report; JSON (some 14 KB a report) is
 * kept packed (output_json_pack(): about 1 KB, the cells' statuses, values
 * and lines), in memory and in the file alike.  (Spilling the JSON unpacked
 * was tried first and cost more than the peek it saved: 14 KB a report
 * through the kernel twice.  Packed, 100,000 reports write ~85 MB.)
 * The budget is small: records written to the file in large writes and
 * read back through a window (spill.c) cost less than the fresh memory
 * they would take — each page a process touches first costs a page fault,
 * some 15 us on the machine measured, while the kernel fills the page
 * cache without one (10,000 JSON reports: ~2,500 faults fewer).
 * The environment variables GK_KEEP_BUDGET and GK_SPILL_CAP (bytes) lower
 * the two, for tests; GK_BATCH_STATS=1 says on stderr where the results
 * were kept. */
#define KEEP_BUDGET (1u << 20)
#define SPILL_CAP (4ull << 30)

typedef struct {
    const cli_opts *o;
    int is_check;
    result **kept;          /* per file, or NULL */
    size_t nfiles;
    size_t budget;          /* KEEP_BUDGET, or less (GK_KEEP_BUDGET) */
    size_t used;            /* bytes kept (atomic: the titles are read by several threads) */
    uint64_t spill_cap;     /* SPILL_CAP, or less (GK_SPILL_CAP) */
    pthread_mutex_t mu;     /* guards the free renderers and opening the spill */
    renderer *free_rd;      /* renderers not in use */
    gk_spill *spill;        /* where results go past the budget, once opened */
    int spill_tried;        /* opening it was tried (under mu) */
    size_t in_memory, spilled;   /* results kept each way (atomic) */
} keeper;

static renderer *keeper_take(keeper *k)
{
    pthread_mutex_lock(&k->mu);
    renderer *rd = k->free_rd;
    if (rd)
        k->free_rd = rd->next;
    pthread_mutex_unlock(&k->mu);
    return rd ? rd : xcalloc(1, sizeof *rd);
}

static void keeper_give(keeper *k, renderer *rd)
{
    pthread_mutex_lock(&k->mu);
    rd->next = k->free_rd;
    k->free_rd = rd;
    pthread_mutex_unlock(&k->mu);
}

/* A result in the spill: this head, the ranks, the message for stderr,
 * then the output. */
typedef struct {
    int32_t errors, warnings, nranks, unreadable, packed;
    uint32_t outlen, errlen;
} spill_head;

/* Puts res in the spill (opened at the first call), with out[0..outlen) as
 * its output (res->out is not read: the rendered bytes go to the spill
 * without a copy kept first); 0 when it is there. */
static int spill_result(keeper *k, size_t i, const result *res, const char *out, size_t outlen)
{
    pthread_mutex_lock(&k->mu);
    if (!k->spill_tried) {
        k->spill_tried = 1;
        k->spill = spill_open(k->nfiles, k->spill_cap);
    }
    gk_spill *sp = k->spill;
    pthread_mutex_unlock(&k->mu);
    if (!sp)
        return -1;
    spill_head h = {.errors = res->errors, .warnings = res->warnings, .nranks = res->nranks,
                    .unreadable = res->unreadable, .packed = res->packed,
                    .outlen = (uint32_t)outlen, .errlen = res->err ? (uint32_t)strlen(res->err) : 0};
    size_t rl = (size_t)h.nranks * sizeof *res->ranks;
    size_t len = sizeof h + rl + h.errlen + h.outlen;
    char *rec = xmalloc(len), *p = rec;
    memcpy(p, &h, sizeof h);
    p += sizeof h;
    if (rl)
        memcpy(p, res->ranks, rl);
    p += rl;
    if (h.errlen)
        memcpy(p, res->err, h.errlen);
    p += h.errlen;
    if (h.outlen)
        memcpy(p, out, h.outlen);
    int e = spill_put(sp, i, rec, len);
    free(rec);
    return e;
}

/* File i's result back from the spill into res; 0 when it was there. */
static int unspill_result(keeper *k, size_t i, result *res)
{
    size_t len;
    char *rec = spill_take(k->spill, i, &len);
    if (!rec)
        return -1;
    spill_head h;
    memcpy(&h, rec, sizeof h);
    memset(res, 0, sizeof *res);
    const char *p = rec + sizeof h;
    size_t rl = (size_t)h.nranks * sizeof *res->ranks;
    res->errors = h.errors;
    res->warnings = h.warnings;
    res->nranks = h.nranks;
    res->unreadable = h.unreadable;
    res->packed = h.packed;
    if (rl) {
        res->ranks = xmalloc(rl);
        memcpy(res->ranks, p, rl);
    }
    p += rl;
    if (h.errlen) {
        res->err = xmalloc((size_t)h.errlen + 1);
        memcpy(res->err, p, h.errlen);
        res->err[h.errlen] = '\0';
    }
    p += h.errlen;
    keep_bytes(res, p, h.outlen);
    free(rec);
    return 0;
}

static int keep_early(gk_batch *b, size_t i, gk_report *r, const char *why, void *ctx)
{
    keeper *k = ctx;
    result *res = xmalloc(sizeof *res);
    renderer *rd = keeper_take(k);
    const char *bytes;
    size_t len;
    if (r && k->o->format == FMT_JSON) {   /* JSON kept packed, some 15 times smaller: 10,000 reports fit */
        render(b, i, r, why, k->o, k->is_check, res, NULL, &bytes, &len);
        rd->json.len = 0;
        res->packed = output_json_pack(&rd->json, r) == 0;
        if (!res->packed)
            output_json_buf(&rd->json, r);
        bytes = rd->json.s;
        len = rd->json.len;
    } else {
        render(b, i, r, why, k->o, k->is_check, res, rd, &bytes, &len);
    }
    size_t size = 64 + sizeof *res + len + (res->err ? strlen(res->err) : 0) + (size_t)res->nranks * sizeof *res->ranks;
    if (__atomic_load_n(&k->used, __ATOMIC_RELAXED) + size >= k->budget) {
        if (spill_result(k, i, res, bytes, len) == 0) {   /* the bytes still rd's: no copy in res */
            keeper_give(k, rd);
            result_free(res);
            free(res);
            __atomic_add_fetch(&k->spilled, 1, __ATOMIC_RELAXED);
            return 1;
        }
        keep_bytes(res, bytes, len);
        keeper_give(k, rd);
        k->kept[i] = res;              /* past the budget with nowhere else to go: the last kept */
        __atomic_add_fetch(&k->in_memory, 1, __ATOMIC_RELAXED);
        return 0;
    }
    keep_bytes(res, bytes, len);
    keeper_give(k, rd);
    k->kept[i] = res;
    __atomic_add_fetch(&k->in_memory, 1, __ATOMIC_RELAXED);
    return __atomic_add_fetch(&k->used, size, __ATOMIC_RELAXED) < k->budget;
}

/* File i's kept result, taken (in memory or in the spill) into res: 1 when
 * there was one and file i has no partner, so that it is shown as kept;
 * 0 otherwise (partners add the cross-year findings: it is read again). */
static int take_kept(keeper *k, const gk_batch *b, size_t i, result *res)
{
    if (!k || !k->kept)
        return 0;
    int alone = b->prev[i] < 0 && b->next[i] < 0;
    result *in = k->kept[i];
    if (in) {
        k->kept[i] = NULL;
        if (alone)
            *res = *in;
        else
            result_free(in);
        free(in);
        return alone;
    }
    return alone && unspill_result(k, i, res) == 0;
}

/* Whether file i's result is kept in memory in full (text or CSV) and needs no work. */
static int kept_as_is(const gk_batch *b, const keeper *k, size_t i)
{
    return k && k->kept && k->kept[i] && !k->kept[i]->packed && b->prev[i] < 0 && b->next[i] < 0;
}

/* A packed kept result written out in full into res. */
static void emit_kept(result *res, renderer *rd)
{
    if (!res->packed)
        return;                        /* consume() prints it */
    rd->json.len = 0;
    output_json_unpack(&rd->json, res->out, res->outlen);
    free(res->out);
    res->packed = 0;
    take_json(res, rd);
}

/* Loads and checks file i into res, its output in res->out: JSON handed
 * over, text and CSV copied (consume() writes them, in order with the
 * queued ones), or takes its kept result when it has no partner (k may be
 * NULL). */
static void run_one(gk_batch *b, size_t i, const cli_opts *o, int is_check, result *res, keeper *k,
                    renderer *rd)
{
    if (take_kept(k, b, i, res)) {
        emit_kept(res, rd);
        return;
    }
    char *why = NULL;
    gk_report *r = batch_load(b, i, &why);
    const char *bytes;
    size_t len;
    render(b, i, r, why, o, is_check, res, rd, &bytes, &len);
    if (rd && o->format == FMT_JSON && len)
        take_json(res, rd);
    else
        keep_bytes(res, bytes, len);
    report_free(r);
    free(why);
}

/* ---- workers: results are printed in input order ------------------------ */

/* Workers stay at most WINDOW results ahead of the printing; one whose
 * window is full waits until ROOM_STEP more results have been printed (a
 * wake-up a result cost the printing thread a system call each). */
#define WINDOW 256
#define ROOM_STEP 32

typedef struct {
    gk_batch *b;
    const cli_opts *o;
    int is_check;
    size_t next;            /* next index to take */
    size_t printed;         /* results before this index are printed */
    result *slots;          /* WINDOW slots, index % WINDOW */
    char *ready;
    keeper *keep;
    spares *sp;
    pthread_mutex_t mu;
    pthread_cond_t ready_cv;    /* the printing thread waits for slot `printed` */
    pthread_cond_t room_cv;     /* workers wait for room in the window */
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    renderer rd = {.sp = p->sp};
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (p->next < p->b->files.n && p->next >= p->printed + WINDOW)
            pthread_cond_wait(&p->room_cv, &p->mu);
        if (p->next >= p->b->files.n) {
            pthread_mutex_unlock(&p->mu);
            renderer_free(&rd);
            return NULL;
        }
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        result res;
        run_one(p->b, i, p->o, p->is_check, &res, p->keep, &rd);
        pthread_mutex_lock(&p->mu);
        p->slots[i % WINDOW] = res;
        p->ready[i % WINDOW] = 1;
        if (i == p->printed)
            pthread_cond_signal(&p->ready_cv);
        pthread_mutex_unlock(&p->mu);
    }
}

typedef struct {
    size_t read, with_errors, with_warnings, unreadable;
    long errors, warnings;
    long *by_rule;
} totals;

/* What the printing thread writes: a large result (JSON, some 14 KB a
 * report) is not copied into stdio's buffer but queued as it is.  The
 * output goes out where stdio's buffer went out: each time it reaches a
 * multiple of OUTQ_BYTES (stdio's buffer first, then the queue up to that
 * point, in one writev()), at the end, and to a terminal at once; so what
 * goes to stderr meanwhile lands where it did.  A small result goes through
 * stdio when the queue is empty, else is copied into the queue's last
 * entry, a buffer of small results.  A failed write loses what it held and
 * the run goes on, as with stdio (a closed pipe ends it by SIGPIPE). */
#define OUTQ_IOV 160                   /* a large result, then small ones, by turns: 2 * 64 + 1 at most within OUTQ_BYTES */
#define OUTQ_BYTES (1u << 18)
#define OUTQ_LARGE 4096

typedef struct {
    struct iovec iov[OUTQ_IOV];
    sbuf buf[OUTQ_IOV];     /* each result's out, a spare once written */
    int n;
    size_t bytes;           /* queued */
    size_t since;           /* output since the last multiple of OUTQ_BYTES: stdio's then the queue's */
    int tty;                /* stdout is a terminal: written at once */
    int small;              /* the last entry is a buffer of small results, none of it written */
    spares sp;
} outq;

/* Writes what stdio holds, then the queue's first len bytes; what was
 * written whole becomes a spare, the rest of an entry cut stays first. */
static void outq_write(outq *q, size_t len)
{
    fflush(stdout);
    int m = 0;                         /* entries to write, the last maybe in part */
    size_t sum = 0;
    while (sum < len)
        sum += q->iov[m++].iov_len;
    size_t cut = sum - len;            /* bytes of entry m-1 left for later */
    char *last = q->iov[m - 1].iov_base;
    size_t lastlen = q->iov[m - 1].iov_len - cut;
    q->iov[m - 1].iov_len = lastlen;
    struct iovec *v = q->iov;
    int left = m;
    while (left > 0) {
        ssize_t w = writev(STDOUT_FILENO, v, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        for (; left > 0 && (size_t)w >= v->iov_len; left--, v++)
            w -= (ssize_t)v->iov_len;
        if (left > 0) {
            v->iov_base = (char *)v->iov_base + w;
            v->iov_len -= (size_t)w;
        }
    }
    int whole = cut ? m - 1 : m;
    if (m == q->n)
        q->small = 0;
    if (cut)
        q->iov[m - 1] = (struct iovec){.iov_base = last + lastlen, .iov_len = cut};
    pthread_mutex_lock(&q->sp.mu);
    for (int k = 0; k < whole; k++) {
        q->buf[k].len = 0;
        if (q->sp.n < SPARES)
            q->sp.v[q->sp.n++] = q->buf[k];
        else
            free(q->buf[k].s);
    }
    pthread_mutex_unlock(&q->sp.mu);
    q->n -= whole;
    memmove(q->iov, q->iov + whole, (size_t)q->n * sizeof *q->iov);
    memmove(q->buf, q->buf + whole, (size_t)q->n * sizeof *q->buf);
    q->bytes -= len;
}

/* Writes what is queued, all of it. */
static void outq_flush(outq *q)
{
    if (q->n)
        outq_write(q, q->bytes);
}

/* Queues res's output: a large one taken over (NULL afterwards), a small
 * one copied. */
static void outq_put(outq *q, result *res)
{
    if (!q->n)
        q->since = __fpending(stdout) % OUTQ_BYTES;
    if (res->outlen >= OUTQ_LARGE) {
        q->buf[q->n++] = (sbuf){.s = res->out, .len = res->outlen, .cap = res->outcap};
        res->out = NULL;
        q->small = 0;
    } else {
        if (!q->small) {
            q->buf[q->n++] = spare_take(&q->sp);
            q->small = 1;
        }
        sbuf_add(&q->buf[q->n - 1], res->out, res->outlen);
    }
    q->iov[q->n - 1] = (struct iovec){.iov_base = q->buf[q->n - 1].s, .iov_len = q->buf[q->n - 1].len};
    q->bytes += res->outlen;
    q->since += res->outlen;
    for (; !q->tty && q->since >= OUTQ_BYTES; q->since -= OUTQ_BYTES)
        outq_write(q, q->bytes - (q->since - OUTQ_BYTES));
    if (q->tty || q->n == OUTQ_IOV)
        outq_flush(q);
}

/* Prints one result and counts it. */
static void consume(result *res, totals *t, outq *q)
{
    if (res->out && (q->n || res->outlen >= OUTQ_LARGE))
        outq_put(q, res);
    else if (res->out)
        fwrite(res->out, 1, res->outlen, stdout);
    if (res->err)
        fputs(res->err, stderr);
    if (res->unreadable) {
        t->unreadable++;
    } else {
        t->read++;
        t->with_errors += res->errors > 0;
        t->with_warnings += res->warnings > 0;
        t->errors += res->errors;
        t->warnings += res->warnings;
        for (int k = 0; k < res->nranks; k++)
            t->by_rule[res->ranks[k]]++;
    }
    result_free(res);
}

/* jobs - 1 workers and the printing thread: it prints each result as soon
 * as it and all before it are done, and between them takes reports of its
 * own rather than wait (a third thread on two cores cost a wake-up and two
 * context switches for many results).  Results kept in full while the
 * titles were read are printed without the workers: handing each over
 * cost more than printing it. */
static void run_batch(gk_batch *b, const cli_opts *o, int is_check, totals *t, keeper *keep, outq *q)
{
    size_t n = b->files.n, i = 0;
    renderer rd = {.sp = &q->sp};
    for (; i < n && (o->jobs <= 1 || kept_as_is(b, keep, i)); i++) {
        result res;
        run_one(b, i, o, is_check, &res, keep, &rd);
        consume(&res, t, q);
        batch_release(b, i);
    }
    if (i == n) {
        renderer_free(&rd);
        return;
    }
    pool p = {.b = b, .o = o, .is_check = is_check, .keep = keep, .sp = &q->sp, .next = i, .printed = i};
    p.slots = xcalloc(WINDOW, sizeof *p.slots);
    p.ready = xcalloc(WINDOW, 1);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.ready_cv, NULL);
    pthread_cond_init(&p.room_cv, NULL);
    int nth = o->jobs - 1;
    pthread_t *th = xcalloc((size_t)nth, sizeof *th);
    for (int k = 0; k < nth; k++)
        pthread_create(&th[k], NULL, worker, &p);
    pthread_mutex_lock(&p.mu);
    while (p.printed < n) {
        i = p.printed;
        if (p.ready[i % WINDOW]) {
            result res = p.slots[i % WINDOW];
            p.ready[i % WINDOW] = 0;
            p.printed = i + 1;
            if (p.printed % ROOM_STEP == 0)
                pthread_cond_broadcast(&p.room_cv);
            pthread_mutex_unlock(&p.mu);
            consume(&res, t, q);
            batch_release(b, i);       /* every load that could ask for those summaries has returned */
            pthread_mutex_lock(&p.mu);
        } else if (p.next < n && p.next < p.printed + WINDOW) {
            size_t k = p.next++;
            pthread_mutex_unlock(&p.mu);
            result res;
            run_one(b, k, o, is_check, &res, keep, &rd);
            pthread_mutex_lock(&p.mu);
            p.slots[k % WINDOW] = res;
            p.ready[k % WINDOW] = 1;
        } else {
            pthread_cond_wait(&p.ready_cv, &p.mu);
        }
    }
    pthread_cond_broadcast(&p.room_cv);
    pthread_mutex_unlock(&p.mu);
    for (int k = 0; k < nth; k++)
        pthread_join(th[k], NULL);
    renderer_free(&rd);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.ready_cv);
    pthread_cond_destroy(&p.room_cv);
    free(th);
    free(p.slots);
    free(p.ready);
}

static void print_summary(FILE *f, const totals *t)
{
    int nrules;
    const gk_rule_def *rules = template_rules(&nrules);
    fprintf(f, "%zu 份报告：%zu 份有错误，%zu 份有警告，%zu 份无法读取；共 %ld 个错误，%ld 个警告", t->read,
            t->with_errors, t->with_warnings, t->unreadable, t->errors, t->warnings);
    int any = 0;
    for (int k = 0; k < nrules; k++) {
        if (!t->by_rule[k])
            continue;
        fprintf(f, "%s%s %ld", any ? "，" : "；按规则：", rules[k].id, t->by_rule[k]);
        any = 1;
    }
    fputc('\n', f);
}

/* A count of bytes in environment variable `name`, below `limit` (the test
 * hooks lowering the keep budget and the spill cap); 1 when there is one. */
static int env_bytes(const char *name, double limit, double *out)
{
    const char *env = getenv(name);
    return env && number_parse(env, NUMBER_COUNT, out, NULL) == 0 && *out >= 0 && *out < limit;
}

static int run(int argc, char **argv, int is_check)
{
    double t0 = util_now_ms();
    cli_opts o;
    if (parse_opts(argc, argv, &o, is_check) != 0) {
        free(o.paths);
        cli_usage(stderr);
        return 2;
    }
    sidecar_read_only_run();           /* check and export never save */
    /* Into a file or a pipe the output goes in large writes: stdio's 4 KB
     * buffer cost a system call for each 4 KB (JSON, some 14 KB a report,
     * bypasses stdio: outq).  A terminal keeps its line buffering, and
     * gets each large result at once. */
    static char outbuf[1u << 18];
    outq q = {.tty = isatty(STDOUT_FILENO)};
    pthread_mutex_init(&q.sp.mu, NULL);
    if (!q.tty)
        setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    gk_batch b;
    batch_list(&b, o.npaths, o.paths);
    double t_listed = util_now_ms();
    b.prepare = cli_prepare;
    b.prepare_ctx = &o;
    keeper keep = {.o = &o, .is_check = is_check, .nfiles = b.files.n, .budget = KEEP_BUDGET, .spill_cap = SPILL_CAP};
    pthread_mutex_init(&keep.mu, NULL);
    double num;
    if (env_bytes("GK_KEEP_BUDGET", KEEP_BUDGET, &num))
        keep.budget = (size_t)num;
    if (env_bytes("GK_SPILL_CAP", (double)SPILL_CAP, &num))
        keep.spill_cap = (uint64_t)num;
    if (is_check) {                    /* only check pairs years */
        keep.kept = xcalloc(b.files.n ? b.files.n : 1, sizeof *keep.kept);
        b.early = keep_early;
        b.early_ctx = &keep;
        batch_pair_titles(&b, o.jobs);
    }
    double t_titled = util_now_ms();
    int nrules;
    template_rules(&nrules);
    totals t = {0};
    t.by_rule = xcalloc((size_t)nrules + 1, sizeof *t.by_rule);
    if (o.format == FMT_CSV)
        (is_check ? output_csv_findings_header : output_csv_header)(stdout);
    run_batch(&b, &o, is_check, &t, &keep, &q);
    if (is_check && o.format == FMT_TEXT)
        outq_flush(&q);                /* the summary comes after the findings */
    if (is_check)
        print_summary(o.format == FMT_TEXT ? stdout : stderr, &t);
    outq_flush(&q);                    /* what is queued goes out last, as stdio's buffer did */
    fflush(stdout);
    double t_printed = util_now_ms();
    while (q.sp.n)
        free(q.sp.v[--q.sp.n].s);
    pthread_mutex_destroy(&q.sp.mu);
    const char *stats = getenv("GK_BATCH_STATS");
    if (keep.kept && stats && !strcmp(stats, "1"))
        fprintf(stderr, "gkreview: %zu 份报告：结果留在内存 %zu 份，暂存临时文件 %zu 份（%llu 字节），先只读标题 %zu 份\n",
                b.files.n, keep.in_memory, keep.spilled, (unsigned long long)spill_bytes(keep.spill),
                b.files.n - keep.in_memory - keep.spilled);
    spill_close(keep.spill);
    batch_free(&b);
    free(keep.kept);                   /* every result kept in memory was taken */
    while (keep.free_rd) {
        renderer *rd = keep.free_rd;
        keep.free_rd = rd->next;
        renderer_free(rd);
        free(rd);
    }
    pthread_mutex_destroy(&keep.mu);
    free(t.by_rule);
    free(o.paths);
    if (stats && !strcmp(stats, "time"))   /* where a run's time goes, for measuring */
        fprintf(stderr, "gkreview: 用时（毫秒）：列出 %.1f，读标题 %.1f，输出 %.1f，收尾 %.1f\n", t_listed - t0,
                t_titled - t_listed, t_printed - t_titled, util_now_ms() - t_printed);
    if (t.unreadable || t.read == 0)
        return 2;
    return is_check && t.with_errors ? 1 : 0;
}

int cli_check(int argc, char **argv)
{
    return run(argc, argv, 1);
}

int cli_export(int argc, char **argv)
{
    return run(argc, argv, 0);
}
