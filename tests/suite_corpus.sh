#!/bin/sh
# suite_corpus.sh — a generated corpus against the expectations written beside it.
#   tests/tools/gencorpus.c writes CORPUS_N (200) synthetic reports with seed CORPUS_SEED
#   (1): every layout of the sample reports, GB18030 / UTF-16LE / CRLF, the 2019 format,
#   and about 20% with a known problem (row total, balance, table-4 total, narrative count,
#   blank or inferable lost cells).  Beside each report NAME it writes NAME.expect with
#   every cell (value and status), every finding the problem must raise and `nofinding`
#   for every other rule; tests/tools/expect_check.c checks `gkreview check --format json`
#   against it.  One "ok - corpus NAME" / "not ok - corpus NAME" per report; a failure
#   shows what was injected and every expectation the engine missed.
#   Also: reports 40-59 of seed 3 the same way; the same seed gives byte-identical files, and a batch run over the whole corpus
#   gives each report exactly the JSON it gets alone.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}" "${TOOLS:?}"
n=${CORPUS_N:-200}
seed=${CORPUS_SEED:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! "$TOOLS/gencorpus" --seed "$seed" --count "$n" --out "$tmp/c" --quiet 2>"$tmp/gen.err"; then
    echo "not ok - corpus generation (seed $seed, $n reports)"
    sed 's/^/    /' "$tmp/gen.err"
    exit 1
fi

# reproducible: the same seed again, and a slice generated on its own, give the same bytes
"$TOOLS/gencorpus" --seed "$seed" --count "$n" --out "$tmp/again" --quiet
"$TOOLS/gencorpus" --seed "$seed" --first 150 --count 10 --out "$tmp/slice" --quiet
same=1
diff -r "$tmp/c" "$tmp/again" >"$tmp/diff" 2>&1 || same=0
for f in "$tmp"/slice/*; do
    cmp -s "$f" "$tmp/c/$(basename "$f")" || { same=0; echo "differs: $(basename "$f")" >>"$tmp/diff"; }
done
if [ "$same" = 1 ]; then
    echo "ok - corpus reproducible (seed $seed: byte-identical files)"
else
    echo "not ok - corpus reproducible (seed $seed)"
    head -n 10 "$tmp/diff" | sed 's/^/    /'
fi
rm -rf "$tmp/again" "$tmp/slice"

mkdir -p "$tmp/json"
count=0
for e in "$tmp"/c/*.expect; do
    r=${e%.expect}
    name=$(basename "$r")
    count=$((count + 1))
    "$GK" check --no-review --format json "$r" >"$tmp/json/$name.json" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -le 1 ] && "$TOOLS/expect_check" "$e" <"$tmp/json/$name.json" >"$tmp/out" 2>&1; then
        echo "ok - corpus $name"
    else
        echo "not ok - corpus $name"
        grep '^# ' "$e" | sed -n '2,5p' | sed 's/^# /    /'
        [ "$rc" -le 1 ] || echo "    gkreview exited with $rc"
        sed "s|^$tmp/c/||; s/^/    /" "$tmp/out" | head -n 12
        head -n 5 "$tmp/err" | grep -v '份报告' | sed 's/^/    /'
    fi
done
if [ "$count" -ne "$n" ]; then
    echo "not ok - corpus holds $count reports with expectations, expected $n"
fi

# a slice of another seed: reports 40-59 of seed 3 hold one-cell-per-line tables
# with blank cells first in a row beside grouped rows (two label cells), which a
# reading change once took for rows that lost a cell
"$TOOLS/gencorpus" --seed 3 --first 40 --count 20 --out "$tmp/s3" --quiet
for e in "$tmp"/s3/*.expect; do
    r=${e%.expect}
    name=$(basename "$r")
    if "$GK" check --no-review --format json "$r" 2>/dev/null | "$TOOLS/expect_check" "$e" >"$tmp/out" 2>&1; then
        echo "ok - corpus seed 3 $name"
    else
        echo "not ok - corpus seed 3 $name"
        grep '^# ' "$e" | sed -n '2,5p' | sed 's/^# /    /'
        sed "s|^$tmp/s3/||; s/^/    /" "$tmp/out" | head -n 12
    fi
done

# one batch over the directory: each report's line equals its line when checked alone
"$GK" check --no-review --format json "$tmp/c" >"$tmp/batch" 2>/dev/null
lines=$(wc -l <"$tmp/batch")
bad=0
while IFS= read -r line; do
    f=${line#\{\"file\":\"}
    f=${f%%\"*}
    name=$(basename "$f")
    printf '%s\n' "$line" >"$tmp/one"
    if ! cmp -s "$tmp/one" "$tmp/json/$name.json"; then
        bad=$((bad + 1))
        [ "$bad" -le 3 ] && echo "    batch differs from single run: $name" >>"$tmp/batchdiff"
    fi
done <"$tmp/batch"
if [ "$lines" -eq "$n" ] && [ "$bad" -eq 0 ]; then
    echo "ok - corpus batch run: $n reports, each as when checked alone"
else
    echo "not ok - corpus batch run: $lines JSON lines for $n reports, $bad differ from single runs"
    cat "$tmp/batchdiff" 2>/dev/null
fi
