#!/bin/sh
# suite_valgrind.sh — the plain (non-sanitizer) build under valgrind memcheck
# over every sample report: no leak, no invalid access, no uninitialised use.
# PCRE2's JIT code is opaque to memcheck, so it runs with GKREVIEW_NO_JIT=1.
set -u
cd "$(dirname "$0")/.." || exit 2
if [ -z "${GK_PLAIN:-}" ] || ! command -v valgrind >/dev/null 2>&1; then
    echo "not ok - valgrind: needs GK_PLAIN (the release build) and valgrind"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # NAME ARGS...
    name=$1
    shift
    GKREVIEW_NO_JIT=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --error-exitcode=99 "$GK_PLAIN" "$@" >/dev/null 2>"$tmp/vg"
    if [ $? -ne 99 ] && ! grep -q '^==[0-9]*==' "$tmp/vg"; then
        echo "ok - valgrind: $name"
    else
        echo "not ok - valgrind: $name"
        head -n 30 "$tmp/vg"
    fi
}
run "check sample-reports/" check sample-reports/
run "check -j 2 --format json sample-reports/" check -j 2 --format json sample-reports/
run "export csv sample-reports/" export --format csv sample-reports/
cp sample-reports/003_1a8c02130c595433.txt "$tmp/r.txt"
run "annotate" annotate "$tmp/r.txt" t3.new.natural --value 6 --note "核对" --who 测试员   # never signed as root
run "check with a sidecar" check "$tmp/r.txt"
run "issues" issues "$tmp/r.txt"
