/* test_spill.c — the spill file (ui/cli/spill.c): records put by several
 * threads come back byte for byte, in any order, whatever their sizes
 * (larger than the write buffer too); the cap holds; and a write that fails
 * (a file size limit standing for a full disk) loses records, never
 * returns wrong bytes: every take is the record put or NULL.  Records are
 * generated from a seeded stream. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "spill.h"

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Record i's length under seed: mostly short, some a few KB, a few larger
 * than the write buffer (256 KB). */
static size_t rec_len(uint64_t seed, size_t i)
{
    uint64_t s = seed * 1000003u + i;
    uint64_t r = rng_next(&s);
    switch (r % 100) {
    case 0: return 256 * 1024 + 1 + (size_t)(r >> 8) % (64 * 1024);
    case 1: case 2: case 3: return 4096 + (size_t)(r >> 8) % 20000;
    default: return 1 + (size_t)(r >> 8) % 1500;
    }
}

static void rec_fill(uint64_t seed, size_t i, unsigned char *p, size_t len)
{
    uint64_t s = seed ^ (i * 0x2545F4914F6CDD1Dull);
    for (size_t k = 0; k < len; k++)
        p[k] = (unsigned char)(k % 7 == 0 ? rng_next(&s) : (i + k * 31));
}

/* Whether rec (len bytes) is exactly record i. */
static int rec_is(uint64_t seed, size_t i, const unsigned char *rec, size_t len)
{
    if (len != rec_len(seed, i))
        return 0;
    unsigned char *want = malloc(len);
    rec_fill(seed, i, want, len);
    int same = memcmp(want, rec, len) == 0;
    free(want);
    return same;
}

typedef struct {
    gk_spill *s;
    uint64_t seed;
    size_t n;
    int parity;             /* puts the files of this parity (the other thread the rest) */
    int failed;             /* puts refused */
} putter;

static void *put_some(void *arg)
{
    putter *p = arg;
    for (size_t i = (size_t)p->parity; i < p->n; i += 2) {
        if (i % 11 == 5)
            continue;                  /* never put: taken as NULL */
        size_t len = rec_len(p->seed, i);
        unsigned char *rec = malloc(len);
        rec_fill(p->seed, i, rec, len);
        if (spill_put(p->s, i, rec, len) != 0)
            p->failed++;
        free(rec);
    }
    return NULL;
}

/* Puts files 0..n-1 (but those i % 11 == 5) from two threads at once. */
static void put_all(gk_spill *s, uint64_t seed, size_t n, int *failed)
{
    putter a = {.s = s, .seed = seed, .n = n, .parity = 0}, b = a;
    b.parity = 1;
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, put_some, &b), 0);
    put_some(&a);
    pthread_join(th, NULL);
    *failed = a.failed + b.failed;
}

/* Takes every file once in an order (0: in order, 1: reversed, 2: random
 * swaps of neighbours, as two threads printing take them), then again
 * (NULL each); counts exact records and checks no record is wrong. */
static size_t take_all(gk_spill *s, uint64_t seed, size_t n, int order)
{
    size_t *idx = malloc(n * sizeof *idx);
    for (size_t i = 0; i < n; i++)
        idx[i] = order == 1 ? n - 1 - i : i;
    uint64_t r = seed;
    if (order == 2)
        for (size_t i = 0; i + 1 < n; i++)
            if (rng_next(&r) % 3 == 0) {
                size_t t = idx[i];
                idx[i] = idx[i + 1];
                idx[i + 1] = t;
            }
    size_t exact = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = idx[k], len = 0;
        unsigned char *rec = spill_take(s, i, &len);
        if (rec) {
            if (!rec_is(seed, i, rec, len))
                fail_msg("seed %llu: file %zu taken as %zu bytes that are not its record",
                         (unsigned long long)seed, i, len);
            if (i % 11 == 5)
                fail_msg("seed %llu: file %zu never put, taken", (unsigned long long)seed, i);
            exact++;
        }
        free(rec);
        assert_null(spill_take(s, i, &len));   /* taken once */
    }
    free(idx);
    return exact;
}

static void test_round_trip(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        size_t n = 3000;
        gk_spill *s = spill_open(n, UINT64_MAX);
        assert_non_null(s);
        int failed;
        put_all(s, seed, n, &failed);
        assert_int_equal(failed, 0);
        size_t put = n - (n + 5) / 11;
        assert_int_equal(take_all(s, seed, n, (int)(seed % 3)), put);
        spill_close(s);
    }
}

/* Takes while the puts go on: a record still in the write buffer, one
 * read back through the window, one larger than both. */
static void test_take_while_putting(void **state)
{
    (void)state;
    uint64_t seed = 42;
    gk_spill *s = spill_open(2000, UINT64_MAX);
    assert_non_null(s);
    size_t exact = 0;
    for (size_t i = 0; i < 2000; i++) {
        size_t len = rec_len(seed, i);
        unsigned char *rec = malloc(len);
        rec_fill(seed, i, rec, len);
        assert_int_equal(spill_put(s, i, rec, len), 0);
        free(rec);
        if (i % 3 == 2) {              /* take a recent one and an old one */
            size_t j = i - 1, old = i / 2, got;
            unsigned char *a = spill_take(s, j, &got);
            if (a) {
                assert_true(rec_is(seed, j, a, got));
                exact++;
            }
            free(a);
            unsigned char *b = spill_take(s, old, &got);
            if (b) {
                assert_true(rec_is(seed, old, b, got));
                exact++;
            }
            free(b);
        }
    }
    size_t len;
    for (size_t i = 0; i < 2000; i++) {
        unsigned char *rec = spill_take(s, i, &len);
        if (rec) {
            assert_true(rec_is(seed, i, rec, len));
            exact++;
        }
        free(rec);
    }
    assert_int_equal(exact, 2000);
    spill_close(s);
}

/* The cap: puts succeed up to it, then fail; what was put comes back. */
static void test_cap(void **state)
{
    (void)state;
    for (uint64_t seed = 7; seed <= 9; seed++) {
        size_t n = 2000;
        uint64_t cap = 300000 + seed * 1000;
        gk_spill *s = spill_open(n, cap);
        assert_non_null(s);
        int failed;
        put_all(s, seed, n, &failed);
        assert_true(failed > 0);
        assert_true(spill_bytes(s) <= cap);
        size_t exact = take_all(s, seed, n, 0);
        assert_true(exact > 100);
        assert_int_equal(exact + (size_t)failed, n - (n + 5) / 11);
        spill_close(s);
    }
}

/* A write that fails: a file size limit (SIGXFSZ ignored) stands for a
 * full disk.  Records are lost, never wrong; no put succeeds after. */
static void test_write_fails(void **state)
{
    (void)state;
    struct rlimit old;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, SIG_IGN);
    for (uint64_t seed = 11; seed <= 14; seed++) {
        size_t n = 3000;
        gk_spill *s = spill_open(n, UINT64_MAX);
        assert_non_null(s);
        struct rlimit lim = {.rlim_cur = 2000000 + seed * 33333, .rlim_max = old.rlim_max};
        assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
        int failed;
        put_all(s, seed, n, &failed);
        assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
        assert_true(failed > 0);       /* the write failed, and puts after it */
        size_t exact = take_all(s, seed, n, (int)(seed % 3));
        print_message("seed %llu: %zu exact, %d refused\n", (unsigned long long)seed, exact, failed);
        assert_true(exact > 100);      /* what was written before comes back */
        assert_true(exact + (size_t)failed <= n - (n + 5) / 11);
        unsigned char one = 1;
        assert_int_equal(spill_put(s, 5, &one, 1), -1);   /* no more after a failure */
        spill_close(s);
    }
    signal(SIGXFSZ, SIG_DFL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_take_while_putting),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_write_fails),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
