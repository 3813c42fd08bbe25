#!/bin/sh
# convcorpus.sh — reports converted by other hands' tools (`make converters`).
#
# Takes CONV_VARIANTS (150) tab-grid variants of genlayout seed CONV_SEED (2) (UTF-8,
# no csv_cells), renders each as a web page (`mkformats html 2`), dumps the page with the
# text browsers and converters installed here (w3m -dump -cols 200, lynx -dump
# -width=200, pandoc -t plain) and reads every dump with gkreview: each cell is compared
# with the page's own reading (right: the same value; flagged: missing or inferred;
# wrong: another value).  Prints one line per tool and the wrong cells; a tool not
# installed is reported as skipped.  Needs GK (the release binary) and REL (the release
# build's folder, for genlayout and mkformats).  Not part of `make test`: the tools are
# not among the project's dependencies.
set -u
cd "$(dirname "$0")/.." || exit 2
GK=${GK:-./gkreview}
REL=${REL:-build/rel}
SEED=${CONV_SEED:-2}
N=${CONV_VARIANTS:-150}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$REL/tools/genlayout" --seed "$SEED" --variants 6000 --quiet --each sample-reports/* 2>/dev/null |
    grep 'right' | grep '\[tabs' | grep -v 'utf16\|gb18030\|csv_cells' | head -n "$N" |
    sed 's/variant \([0-9]*\):.*/\1/' >"$tmp/list"
tools=
for t in w3m lynx pandoc; do
    if command -v "$t" >/dev/null 2>&1; then tools="$tools $t"; else echo "$t: skipped (not installed)"; fi
done
[ -n "$tools" ] || exit 0
for k in $(cat "$tmp/list"); do
    "$REL/tools/genlayout" --seed "$SEED" --show "$k" --quiet sample-reports/* >"$tmp/v$k.txt" 2>/dev/null
    "$REL/tools/mkformats" html 2 "$tmp/v$k.txt" "$tmp/v$k.html" 2>/dev/null || continue
    "$GK" export --no-review --format csv "$tmp/v$k.html" 2>/dev/null | cut -d, -f2,5,6 >"$tmp/want"
    for t in $tools; do
        o=$tmp/v$k.$t.txt
        case $t in
        w3m) w3m -O UTF-8 -dump -cols 200 -T text/html "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        lynx) lynx -dump -width=200 -display_charset=utf-8 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        pandoc) pandoc -f html -t plain --columns=200 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        esac
        "$GK" export --no-review --format csv "$o" 2>/dev/null | cut -d, -f2,5,6 >"$tmp/got"
        paste -d'\t' "$tmp/want" "$tmp/got" | awk -F'\t' -v t="$t" -v k="$k" '
            NR == 1 { next }
            { split($1, w, ","); split($2, g, ",")
              if (w[3] == "missing") next
              if (w[1] == g[1] && w[2] == g[2] && g[3] != "missing") ok++
              else if (w[1] == g[1] && (g[3] == "missing" || g[3] == "inferred")) fl++
              else { bad++; print "wrong " t " v" k ": " w[1] " page " w[2] " (" w[3] "), dump " g[2] " (" g[3] ")" > "/dev/stderr" } }
            END { print t, ok + 0, fl + 0, bad + 0 }' >>"$tmp/res" 2>>"$tmp/wrong"
    done
done
echo "genlayout seed $SEED, $(wc -l <"$tmp/list") tab variants -> mkformats html 2 -> each tool:"
awk '{ ok[$1] += $2; fl[$1] += $3; bad[$1] += $4 } END { for (t in ok) printf "%-7s cells right %d, flagged %d, wrong %d\n", t, ok[t], fl[t], bad[t] }' "$tmp/res" | sort
if [ -s "$tmp/wrong" ]; then
    echo "wrong cells (first 20):"
    head -n 20 "$tmp/wrong"
fi
