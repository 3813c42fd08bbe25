#!/bin/sh
# tests/run.sh — runs every suite and ends with one line "N passed, N failed, N skipped".
#   cmocka unit binaries ($UNIT): counted by their own summaries;
#   tests/suite_*.sh: each prints "ok - name" or "not ok - name" per test; a test that could
#   not run here prints "ok - name # skip reason" (TAP) and is counted as skipped, not passed.
# Environment: GK (the program under test), UNIT (unit binaries), TOOLS (helper binaries).
set -u
: "${GK:?GK must name the gkreview binary}"
export GK TOOLS="${TOOLS:-}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cd "$(dirname "$0")/.." || exit 2
# what third-party libraries keep until exit (tests/lsan.supp)
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0}"
mkdir -p tests/out
passed=0
failed=0
skipped=0

for bin in ${UNIT:-}; do
    name=$(basename "$bin")
    out=tests/out/$name.log
    "$bin" >"$out" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
    k=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
    p=${p:-0}
    f=${f:-0}
    k=${k:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed or sanitizer abort
    echo "$name: $p passed, $f failed, $k skipped"
    if [ "$f" -ne 0 ]; then sed 's/^/    /' "$out" | tail -n 40; fi
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + k))
done

for suite in tests/suite_*.sh; do
    [ -f "$suite" ] || continue
    name=$(basename "$suite" .sh)
    out=tests/out/$name.log
    sh "$suite" >"$out" 2>&1
    rc=$?
    k=$(grep -c '^ok - .*# *[Ss][Kk][Ii][Pp]' "$out")
    p=$(($(grep -c '^ok - ' "$out") - k))
    f=$(grep -c '^not ok - ' "$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $name exited with $rc" >>"$out"; fi
    echo "$name: $p passed, $f failed, $k skipped"
    if [ "$f" -ne 0 ]; then grep -A12 '^not ok - ' "$out" | sed 's/^/    /' | head -n 80; fi
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + k))
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
