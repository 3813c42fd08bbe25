#!/bin/sh
# suite_words.sh — the sample reports written with the words reports use for the
# template's: 其它 for 其他, 合计 for 总计, 法人或者其他组织 for 法人或其他组织, and every
# 0 alone in a tab cell as 0件, 零 or 〇.  Each cell the sample reads must be read with
# the same value, and no cell left unread that the sample reads.  One test per sample
# and word (UTF-8 text and markdown samples).  Every 0 alone in a tab cell as — or ―
# (a blank the template asks to write 0): each cell the sample reads as written
# (extracted) is read again, as written or as the blank now there — never left
# unread, never another number unless flagged as inferred; cells the sample infers
# may go unread or differ (a blank is an unknown to the equations: samples 003, 019,
# 102).  Not sample 018 with dashes (its totals left blank: rows whose last number
# is the sum of those before could be a total shifted a cell, 6 cells left unread
# with that finding).
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tab=$(printf '\t')
for f in sample-reports/*.txt sample-reports/*.md; do
    name=$(basename "$f")
    iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || continue   # (GB18030 and UTF-16 samples: not by sed)
    ext=${name##*.}
    "$GK" export --no-review --format csv "$f" 2>/dev/null | cut -d, -f2,5,6 >"$tmp/orig"
    for word in 其他/其它 总计/合计 法人或其他组织/法人或者其他组织 0/0件 0/零 0/〇 0/— 0/―; do
        case $word in */—|*/―) dash=1 ;; *) dash=0 ;; esac
        case $dash$name in 1018_*) continue ;; esac
        from=${word%%/*}
        to=${word#*/}
        if [ "$from" = 0 ]; then   # every 0 alone in a tab cell
            sed -e ":a" -e "s/$tab""0\($tab\|\$\)/$tab$to\1/" -e "ta" "$f" >"$tmp/v.$ext"
        else
            sed "s/$from/$to/g" "$f" >"$tmp/v.$ext"
        fi
        "$GK" export --no-review --format csv "$tmp/v.$ext" 2>/dev/null | cut -d, -f2,5,6 >"$tmp/new"
        res=$(paste -d'|' "$tmp/orig" "$tmp/new" | awk -F'|' -v dash=$dash '
            NR == 1 { next }
            { split($1, o, ","); split($2, n, ",")
              if (o[1] != n[1]) { bad++; next }
              if (o[3] == "missing" || (dash && o[3] != "extracted")) next
              if (n[3] == "missing") { lost++; next }
              ov = o[2] == "" ? 0 : o[2]; nv = n[2] == "" ? 0 : n[2]
              if (ov != nv && !(dash && n[3] == "inferred")) { bad++; if (bad < 3) print "    " o[1] ": " ov " as written, " nv " now" > "/dev/stderr" } }
            END { printf "%d %d\n", bad, lost }' 2>"$tmp/why")
        set -- $res
        if [ "$1" = 0 ] && [ "$2" = 0 ]; then
            echo "ok - words $name: $to for $from, every cell as before"
        else
            echo "not ok - words $name: $to for $from: $1 cells another value, $2 unread"
            cat "$tmp/why"
        fi
    done
done
