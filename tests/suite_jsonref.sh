#!/bin/sh
# suite_jsonref.sh — the streamed JSON writer (issue #16) against the jansson
# tree it replaced: every JSON line of the golden and corpus suites' inputs is
# parsed by jansson and compared, object for object and member by member in
# order, with the object the old writer built from the same report
# (tests/tools/jsonref.c).  Covers `check` (years paired, with and without the
# reviewer's sidecar) and `export`, the sample reports and a generated corpus
# (CORPUS_N reports, seed CORPUS_SEED, as suite_corpus.sh), and a sidecar whose
# corrections are decimals and whose dismissals carry reasons.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}" "${TOOLS:?}"
n=${CORPUS_N:-200}
seed=${CORPUS_SEED:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# compare NAME "JSONREF-OPTIONS" "GKREVIEW-COMMAND-AND-OPTIONS" DIR
compare() {
    # shellcheck disable=SC2086
    "$GK" $3 "$4" >"$tmp/out" 2>/dev/null
    # shellcheck disable=SC2086
    if "$TOOLS/jsonref" $2 "$tmp/out" "$4" >"$tmp/res" 2>&1; then
        echo "ok - jsonref $1: $(tail -n 1 "$tmp/res")"
    else
        echo "not ok - jsonref $1"
        sed 's/^/    /' "$tmp/res" | head -n 12
    fi
}

mkdir -p "$tmp/samples"
for f in sample-reports/*; do
    case $f in *.review.ini | *.review.*.ini | *.lock | *.tmp.*) continue ;; esac
    cp "$f" "$tmp/samples/"
done
compare "samples check" --no-review "check --no-review --format json" "$tmp/samples"
compare "samples export" "--export --no-review" "export --no-review --format json" "$tmp/samples"

if "$TOOLS/gencorpus" --seed "$seed" --count "$n" --out "$tmp/c" --quiet 2>"$tmp/gen.err"; then
    rm -f "$tmp"/c/*.expect
    compare "corpus check ($n reports)" --no-review "check --no-review --format json" "$tmp/c"
    compare "corpus export ($n reports)" "--export --no-review" "export --no-review --format json" "$tmp/c"
else
    echo "not ok - jsonref corpus generation"
    sed 's/^/    /' "$tmp/gen.err"
fi

# a reviewer's sidecar: a decimal correction (original 48.7 and the new value),
# a whole one, a dismissal with a reason holding quotes, a backslash, a tab and
# a line separator
d=$tmp/review
mkdir -p "$d"
case $GK in /*) G=$GK ;; *) G=$PWD/$GK ;; esac
cp sample-reports/003_1a8c02130c595433.txt sample-reports/011_format2019.txt "$d/"
w=$(printf 'x\\"y\t\342\200\250z')
(
    cd "$d" || exit 1
    "$G" annotate 003_1a8c02130c595433.txt t3.new.natural --value 7 --who 测试 >/dev/null 2>&1
    "$G" annotate 003_1a8c02130c595433.txt t2.fee.amount --value 48.7 --who 测试 >/dev/null 2>&1
    "$G" annotate 003_1a8c02130c595433.txt --dismiss CELL.INFERRED --reason "已核实 $w" --who 测试 >/dev/null 2>&1
    "$G" annotate 011_format2019.txt t2.procurement.amount --value 12.71 --who 测试 >/dev/null 2>&1
) 2>/dev/null
if ls "$d"/*.review.ini >/dev/null 2>&1; then
    compare "sidecar check" "" "check --format json" "$d"
    compare "sidecar export" --export "export --format json" "$d"
    if "$GK" check --format json "$d" 2>/dev/null | grep -q '"value":48.7,"status":"corrected"'; then
        echo "ok - jsonref a corrected 48.7 is written 48.7"
    else
        echo "not ok - jsonref a corrected 48.7 is written 48.7"
        "$GK" check --format json "$d" 2>&1 | grep -o '"t2.fee.amount":{[^}]*}' | sed 's/^/    /'
    fi
else
    echo "not ok - jsonref sidecar: annotate wrote no sidecar"
fi
if "$GK" check --format json "$d" 2>/dev/null | grep -qF '"dismissed":true,"reason":"已核实 x\\\"y\t\u2028z"'; then
    echo "ok - jsonref a reason with a quote, a tab and U+2028 is escaped"
else
    echo "not ok - jsonref a reason with a quote, a tab and U+2028 is escaped"
    "$GK" check --format json "$d" 2>&1 | grep -o '"reason":"[^}]*' | sed 's/^/    /'
fi
