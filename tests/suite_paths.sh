#!/bin/sh
# suite_paths.sh — the tables' shortcuts read exactly what the general path reads.
#   A clean table is placed without the search, and a header row's words are taken from
#   its cells when no header word can run from one cell into the next; tests/tools/paths.c
#   reads each report with and without these shortcuts (extract_general_only()) and
#   requires every cell, note and finding to be the same.  Over PATHS_N (300) layout
#   variants of the sample reports (seed PATHS_SEED, 11), a generated corpus of PATHS_N
#   reports, and the sample reports themselves.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${TOOLS:?}"
seed=${PATHS_SEED:-11}
n=${PATHS_N:-300}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$TOOLS/genlayout" --seed "$seed" --variants "$n" --dump-all "$tmp/v" --quiet sample-reports/* >/dev/null 2>&1
"$TOOLS/gencorpus" --seed "$seed" --count "$n" --out "$tmp/c" --quiet >/dev/null 2>&1
for f in "$tmp"/c/*; do
    case $f in *.expect) rm -f "$f" ;; esac
done
nv=$(ls "$tmp/v" 2>/dev/null | wc -l)
nc=$(ls "$tmp/c" 2>/dev/null | wc -l)
if [ "$nv" -ne "$n" ] || [ "$nc" -ne "$n" ]; then
    echo "not ok - paths: $nv variants and $nc corpus reports generated, $n of each wanted"
    exit 1
fi
"$TOOLS/paths" "$tmp"/v/* "$tmp"/c/* sample-reports/* >"$tmp/out" 2>&1
rc=$?
summary=$(tail -n 1 "$tmp/out")
if [ "$rc" -eq 0 ]; then
    echo "ok - paths: the shortcuts read as the general path ($summary)"
else
    echo "not ok - paths: the shortcuts read otherwise than the general path ($summary)"
    head -n 20 "$tmp/out" | sed 's/^/    /'
fi
