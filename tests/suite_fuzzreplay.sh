#!/bin/sh
# suite_fuzzreplay.sh — replays the fuzz corpora once, without libFuzzer.
#
# Every target tests/fuzz/fuzz_*.c is compiled with gcc under ASan+UBSan
# together with tests/fuzz/driver.c (a main() that passes each file named on
# its command line to LLVMFuzzerTestOneInput once), and every file of
# tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/ is
# replayed.  One "ok - replay <target>" per target; any sanitizer report,
# abort or non-zero exit fails it, and the failing files are named.
# Crashes found by `make fuzz` are kept as files in tests/fuzz/regressions/<target>/.
set -u
cd "$(dirname "$0")/.." || exit 2
CC=${CC:-cc}
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/    /'; done; }

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# the Makefile's pkg-config libraries, so a new engine dependency is followed
PC_LIBS=$(printf 'include Makefile\n_gk_var:\n\t@echo $(PC_LIBS)\n' | make -s --no-print-directory -f - _gk_var 2>/dev/null)
[ -n "$PC_LIBS" ] || PC_LIBS="libpcre2-8 jansson"
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
CFLAGS="-std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra $SAN -Isrc -Iui -I/usr/include/iniparser \
$(pkg-config --cflags $PC_LIBS 2>/dev/null)"
LIBS="$(pkg-config --libs $PC_LIBS 2>/dev/null) -liniparser -lpthread -lm"

# the engine (the Makefile's ENGINE_SRC: src/*.c), compiled once
objs=""
engine_ok=1
for src in src/*.c; do
    o=$tmp/$(basename "$src" .c).o
    # shellcheck disable=SC2086
    if ! $CC $CFLAGS -c -o "$o" "$src" >>"$tmp/build.log" 2>&1; then engine_ok=0; fi
    objs="$objs $o"
done
# shellcheck disable=SC2086
$CC $CFLAGS -Werror -c -o "$tmp/driver.o" tests/fuzz/driver.c >>"$tmp/build.log" 2>&1 || engine_ok=0
if [ "$engine_ok" -ne 1 ]; then
    nok "replay: engine and driver build" "$(tail -n 20 "$tmp/build.log")"
    exit 1
fi

ntargets=0
for src in tests/fuzz/fuzz_*.c; do
    [ -f "$src" ] || continue
    t=$(basename "$src" .c)
    ntargets=$((ntargets + 1))
    extra=$(sed -n 's/^ \* fuzz-sources: *//p' "$src")
    pkgs=$(sed -n 's/^ \* fuzz-pkgs: *//p' "$src")
    bin=$tmp/$t
    # shellcheck disable=SC2086
    if ! $CC $CFLAGS -Werror $(pkg-config --cflags $pkgs 2>/dev/null) -o "$bin" "$src" "$tmp/driver.o" \
        $objs $extra $LIBS $(pkg-config --libs $pkgs 2>/dev/null) >"$tmp/$t.build.log" 2>&1; then
        nok "replay $t" "does not build:" "$(tail -n 20 "$tmp/$t.build.log")"
        continue
    fi
    files=$tmp/$t.files
    : >"$files"
    for d in tests/fuzz/corpus/$t tests/fuzz/regressions/$t; do
        [ -d "$d" ] && find "$d" -maxdepth 1 -type f ! -name '.*' | sort >>"$files"
    done
    n=$(wc -l <"$files")
    if [ "$n" -eq 0 ]; then
        nok "replay $t" "no corpus files in tests/fuzz/corpus/$t/"
        continue
    fi
    # all files in one process first (fast); file by file only to name the culprits
    # shellcheck disable=SC2046
    timeout 300 "$bin" $(cat "$files") >"$tmp/$t.log" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ] && ! grep -q -E 'runtime error|Sanitizer|ERROR:|invariant failed' "$tmp/$t.log"; then
        ok "replay $t ($n files)"
        continue
    fi
    bad=""
    while IFS= read -r f; do
        timeout 60 "$bin" "$f" >"$tmp/one.log" 2>&1
        r=$?
        if [ "$r" -ne 0 ] || grep -q -E 'runtime error|Sanitizer|ERROR:' "$tmp/one.log"; then
            bad="$bad $f (exit $r: $(grep -m 1 -E 'runtime error|ERROR:|SUMMARY|invariant failed' "$tmp/one.log" | cut -c1-160))
"
        fi
    done <"$files"
    nok "replay $t ($n files)" "exit $rc" "failing inputs:" "$bad" "$(grep -m 1 -A 12 -E 'runtime error|ERROR:|invariant failed' "$tmp/$t.log")"
done
[ "$ntargets" -gt 0 ] || nok "replay: no targets in tests/fuzz/"
exit 0
