#!/bin/sh
# tests/fuzz/run.sh — builds every libFuzzer target (tests/fuzz/fuzz_*.c) with
# clang and runs each for $FUZZ_SECONDS seconds (default 180).
#
#   FUZZ_SECONDS=600 sh tests/fuzz/run.sh        all targets, one after another
#   FUZZ_TARGETS="fuzz_report" sh tests/fuzz/run.sh   only these
#   FUZZ_OUT=build-fuzz (default)                where everything is written
#   FUZZ_FLAGS="-fork=1 -ignore_crashes=1"       more libFuzzer flags (this pair
#                                                goes on past a crash, saving each)
#
# Everything goes under $FUZZ_OUT: bin/ (the targets), corpus/<target>/ (a
# working copy of the seeds in tests/fuzz/corpus/<target>/, which grows from
# run to run; the repository is never written), logs/, and
# crashes/ (every crash, leak, timeout or out-of-memory input).  To keep a
# crash as a regression test, copy it into tests/fuzz/regressions/<target>/
# by hand; tests/suite_fuzzreplay.sh replays that directory in `make test`.
#
# A target may name more sources and pkg-config packages in its own text:
#   " * fuzz-sources: ui/theme.c"     " * fuzz-pkgs: ncursesw"
# Prints per target the executions, coverage (cov: edges, ft: features) and
# corpus size reached; exits 1 when any target found a crash.
set -u
cd "$(dirname "$0")/../.." || exit 2
FUZZ_SECONDS=${FUZZ_SECONDS:-180}
OUT=${FUZZ_OUT:-build-fuzz}

# ---- dependencies (as the Makefile's deps target does) ------------------------
# the Makefile's libraries and packages, so a new engine dependency is followed
mkvar() { printf 'include Makefile\n_gk_var:\n\t@echo $(%s)\n' "$1" | make -s --no-print-directory -f - _gk_var 2>/dev/null; }
PC_LIBS=$(mkvar PC_LIBS)
[ -n "$PC_LIBS" ] || PC_LIBS="libpcre2-8 jansson"
need="clang libclang-rt-14-dev $(mkvar PKGS_DEB)"
[ -n "$(mkvar PKGS_DEB)" ] || need="$need pkg-config libpcre2-dev libjansson-dev libiniparser-dev"
if command -v dpkg >/dev/null 2>&1; then
    missing=""
    for p in $need; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
    if [ -n "$missing" ]; then
        echo "fuzz: installing$missing"
        if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
        $SUDO apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null || exit 1
    fi
fi
CLANG=""
for c in clang clang-14; do
    if command -v "$c" >/dev/null 2>&1; then CLANG=$c; break; fi
done
if [ -z "$CLANG" ]; then echo "fuzz: clang not found" >&2; exit 2; fi

# ---- build -------------------------------------------------------------------------
mkdir -p "$OUT/bin" "$OUT/corpus" "$OUT/logs" "$OUT/crashes"
ENGINE=$(ls src/*.c)      # the Makefile's ENGINE_SRC
CFLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer -Wall -Wextra \
-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
-Isrc -Iui -I/usr/include/iniparser"

if [ -n "${FUZZ_TARGETS:-}" ]; then
    targets=$FUZZ_TARGETS
else
    targets=$(for f in tests/fuzz/fuzz_*.c; do [ -f "$f" ] && basename "$f" .c; done)
fi
[ -n "$targets" ] || { echo "fuzz: no targets in tests/fuzz/" >&2; exit 2; }

built=""
for t in $targets; do
    src=tests/fuzz/$t.c
    [ -f "$src" ] || { echo "fuzz: $src not found" >&2; exit 2; }
    extra=$(sed -n 's/^ \* fuzz-sources: *//p' "$src")
    pkgs=$(sed -n 's/^ \* fuzz-pkgs: *//p' "$src")
    echo "fuzz: building $t"
    # shellcheck disable=SC2086
    if ! $CLANG $CFLAGS $(pkg-config --cflags $PC_LIBS $pkgs) -o "$OUT/bin/$t" "$src" \
        $ENGINE $extra $(pkg-config --libs $PC_LIBS $pkgs) -liniparser -lpthread -lm \
        >"$OUT/logs/$t.build.log" 2>&1; then
        cat "$OUT/logs/$t.build.log" >&2
        echo "fuzz: $t does not build" >&2
        exit 2
    fi
    built="$built $t"
done

# ---- run ----------------------------------------------------------------------------
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
summary=""
for t in $built; do
    corpus=$OUT/corpus/$t
    mkdir -p "$corpus"
    # the seeds only: regressions crash until fixed (tests/suite_fuzzreplay.sh replays them)
    [ -d "tests/fuzz/corpus/$t" ] && find "tests/fuzz/corpus/$t" -maxdepth 1 -type f -exec cp {} "$corpus/" \;
    dict=""
    [ -f tests/fuzz/$t.dict ] && dict="-dict=tests/fuzz/$t.dict"
    [ -z "$dict" ] && [ -f tests/fuzz/report.dict ] && dict="-dict=tests/fuzz/report.dict"
    log=$OUT/logs/$t.log
    before=$(ls "$OUT/crashes" | grep -c "^$t-")
    echo "fuzz: running $t for ${FUZZ_SECONDS}s (log $log)"
    # shellcheck disable=SC2086
    "$OUT/bin/$t" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$OUT/crashes/$t-" $dict ${FUZZ_FLAGS:-} \
        "$corpus" >"$log" 2>&1
    rc=$?
    # the last status line: "#123456 DONE cov: 1234 ft: 5678 corp: 90/12Kb exec/s: 99 ..."
    # (with -fork=N: "#123456: cov: 1234 ft: 5678 corp: 90 exec/s 99 ...")
    last=$(grep -a -E '^#[0-9]+(:|[[:space:]]+[A-Z]+) ' "$log" | tail -n 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    [ -n "$execs" ] || execs=$(printf '%s\n' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
    cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    corp=$(printf '%s\n' "$last" | sed -n 's/.* corp: \([^ ]*\).*/\1/p')
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    [ -n "$speed" ] || speed=$(printf '%s\n' "$last" | sed -n 's/.* exec\/s:* \([0-9]*\).*/\1/p')
    after=$(ls "$OUT/crashes" | grep -c "^$t-")
    new=$((after - before))
    [ "$execs" = 0 ] && [ -n "$last" ] && execs=$(printf '%s\n' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
    line="$t: ${execs:-?} execs (${speed:-?}/s), cov: ${cov:-?}, ft: ${ft:-?}, corp: ${corp:-?}"
    if [ "$rc" -ne 0 ] || [ "$new" -gt 0 ]; then
        line="$line; FAILED (exit $rc, $new new file(s) in $OUT/crashes/)"
        status=1
        grep -a -m 1 -E '^==[0-9]+==ERROR|^SUMMARY|runtime error|ERROR: libFuzzer' "$log" | sed 's/^/    /'
    else
        line="$line; no crash"
    fi
    echo "$line"
    summary="$summary$line
"
done
echo "---- fuzz summary (${FUZZ_SECONDS}s per target)"
printf '%s' "$summary"
[ "$status" -eq 0 ] || ls -l "$OUT/crashes" | tail -n +2 | sed 's/^/    /'
exit "$status"
