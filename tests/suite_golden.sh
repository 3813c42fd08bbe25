#!/bin/sh
# suite_golden.sh — every sample report against its recorded results.
#   tests/golden/NAME.check  the exact `gkreview check NAME` output (every finding)
#   tests/golden/NAME.csv    the exact `gkreview export --format csv NAME` (every cell)
#   tests/expect/NAME.expect expectations written by reading the report (expect_check)
# GOLDEN_UPDATE=1 rewrites the golden files (review the diff before committing!).
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in sample-reports/*; do
    name=$(basename "$f")
    case $name in                   # a reviewer's files beside the reports are not reports
    *.review.ini | *.review.*.ini | *.lock | *.tmp.*) continue ;;
    esac
    "$GK" check --no-review "$f" >"$tmp/check" 2>&1
    "$GK" export --no-review --format csv "$f" >"$tmp/csv" 2>&1
    for kind in check csv; do
        gold=tests/golden/$name.$kind
        if [ "${GOLDEN_UPDATE:-0}" = 1 ]; then cp "$tmp/$kind" "$gold"; fi
        if [ ! -f "$gold" ]; then
            echo "not ok - golden $name.$kind (no golden file)"
        elif cmp -s "$tmp/$kind" "$gold"; then
            echo "ok - golden $name.$kind"
        else
            echo "not ok - golden $name.$kind"
            diff -u "$gold" "$tmp/$kind" | head -n 30
        fi
    done
done

for e in tests/expect/*.expect; do
    name=$(basename "$e" .expect)
    if [ ! -f "sample-reports/$name" ]; then
        echo "not ok - expect $name (no such sample report)"
        continue
    fi
    if "$GK" check --no-review --format json "sample-reports/$name" 2>/dev/null | "$TOOLS/expect_check" "$e" >"$tmp/out" 2>&1; then
        echo "ok - expect $name"
    else
        echo "not ok - expect $name"
        cat "$tmp/out"
    fi
done
