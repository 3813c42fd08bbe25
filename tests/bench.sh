#!/bin/sh
# bench.sh — speed and memory of gkreview on a generated corpus (`make bench`).
#
# Run from the top of the tree with GK naming the release binary (make bench: GK=./gkreview).
# Builds its helpers with cc -O2 (tests/tools/gencorpus.c, floor.c, peakrss.c, ptytime.c),
# generates one synthetic corpus (seed BENCH_SEED) of BENCH_N reports (100,000) in
# directories of 10,000 — the first directory is the 10,000-report corpus — and measures,
# with the page cache warm:
#   - `gkreview check` in every output format (text, csv, json) and `export --format json` on
#     10,000 reports, one worker and -j 2 (BENCH_ROUNDS rounds, 5, of every command in turn:
#     each its best round); check as text and JSON on
#     100,000: wall and CPU time, reports/s, MB/s, peak resident memory (peakrss.c);
#   - the floor: merely reading and decoding the same files (floor.c), and check's time as
#     a multiple of it;
#   - two processes at once, each checking half of the 10,000 reports: what two cores give at
#     most, the ceiling for -j 2;
#   - `check` (one worker and -j 2) on BENCH_PAIRS reports (2,000) in year pairs (gencorpus
#     --pairs: each report beside the same body's report of the year before), against the
#     floor on the same files;
#   - the review screen in an 80x24 pseudo-terminal on the 10,000-report folder (ptytime.c):
#     time until the first report is drawn, and the time to redraw after a key;
#   - loading a reviewer's sidecar of 20,000 and of 100,000 sections (tests/tools/gensidecar.sh)
#     beside one report: `check`'s wall time and peak memory (100,000 is over the limit of
#     50,000 entries: the time to refuse it).  BENCH_ONLY=sidecar measures only this.
# Environment: BENCH_N (100000), BENCH_PAIRS (2000), BENCH_SEED (1), BENCH_ROUNDS (5), BENCH_OUT (where the output goes: /dev/shm when it has 2 GB free, else with the corpus), BENCH_TMP (where the corpus goes; default
# $TMPDIR or /tmp — a tmpfs such as /dev/shm makes generating and deleting 100,000 files
# much faster on slow disks), CC (cc).  Everything generated is deleted at the end; with
# less than 2 GB free the corpus is scaled down, with a message.
set -u
cd "$(dirname "$0")/.." || exit 2
GK=${GK:-./gkreview}
CC=${CC:-cc}
N=${BENCH_N:-100000}
SEED=${BENCH_SEED:-1}
PER=10000
base=${BENCH_TMP:-${TMPDIR:-/tmp}}
start=$(date +%s)

case "$GK" in */*) ;; *) GK=./$GK ;; esac
if [ ! -x "$GK" ]; then
    echo "bench: $GK is not an executable (make bench builds ./gkreview first)" >&2
    exit 2
fi
tmp=$(mktemp -d "$base/gkbench.XXXXXX") || exit 2
# Where check and export write their output: a tmpfs with 2 GB free (/dev/shm), else $tmp.
# JSON is some 14 KB a report, 140 MB for 10,000 (1.4 GB for 100,000): written to a file on
# this machine's disk, a run took up to 0.5 s more than the same run before it, all of it
# system time in writev() (the kernel copying into a file the disk was still writing back:
# the disk's time, not the engine's); on a tmpfs every run costs the same.  BENCH_OUT: elsewhere.
outbase=${BENCH_OUT:-}
if [ -z "$outbase" ] && [ -d /dev/shm ] && [ -w /dev/shm ] &&
    [ "$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')" -ge 2097152 ] 2>/dev/null; then
    outbase=/dev/shm
fi
out=$tmp
[ -n "$outbase" ] && { out=$(mktemp -d "$outbase/gkbench-out.XXXXXX") || out=$tmp; }
cleanup() {
    echo "(removing the generated corpus in $tmp …)" >&2
    rm -rf "$tmp"
    [ "$out" != "$tmp" ] && rm -rf "$out"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP PIPE

say() { printf '%s\n' "$*"; }
calc() { awk "BEGIN { printf \"$2\", $1 }"; }          # calc EXPR FORMAT
field() { sed -n "s/.*$1=\\([^ ]*\\).*/\\1/p" "$2"; }  # field NAME FILE (key=value lines)
# keep_best RUN BEST: RUN's numbers (peakrss.c) become BEST's when BEST is missing or slower
keep_best() {
    if [ ! -f "$2" ] || [ "$(calc "$(field wall_s "$1") < $(field wall_s "$2")" %d)" = 1 ]; then cp "$1" "$2"; fi
}

# ---- helpers -----------------------------------------------------------------------------
TCFLAGS="-std=c11 -D_GNU_SOURCE -O2 -Isrc"
for t in gencorpus floor peakrss; do
    if ! $CC $TCFLAGS -o "$tmp/$t" "tests/tools/$t.c" 2>"$tmp/cc.err"; then
        say "bench: cannot build tests/tools/$t.c:"
        cat "$tmp/cc.err"
        exit 2
    fi
done
have_pty=1
$CC $TCFLAGS -o "$tmp/ptytime" tests/tools/ptytime.c -lutil 2>"$tmp/cc.err" ||
    $CC $TCFLAGS -o "$tmp/ptytime" tests/tools/ptytime.c 2>>"$tmp/cc.err" || have_pty=0

# ---- the reviewer's sidecar: 20,000 and 100,000 sections beside one report -------------------
sidecar_res=
sidecar_bench() {
    d=$tmp/sidecar
    mkdir -p "$d"
    cp sample-reports/003_1a8c02130c595433.txt "$d/r.txt"
    say "sidecar load: gkreview check on one report with a generated sidecar beside it (best of 3):"
    for n in 20000 100000; do
        sh tests/tools/gensidecar.sh "$n" >"$d/r.txt.review.ini"
        mb=$(calc "$(wc -c <"$d/r.txt.review.ini") / 1e6" %.1f)
        rm -f "$tmp/sc.rss"
        for k in 1 2 3; do
            XDG_DATA_HOME=$d/xdg "$tmp/peakrss" -o "$tmp/run.rss" "$GK" check "$d/r.txt" >/dev/null 2>"$d/err"
            keep_best "$tmp/run.rss" "$tmp/sc.rss"
        done
        if grep -q '上限' "$d/err"; then what="refused: over the limit of 50,000 entries"; else what="loaded"; fi
        w=$(calc "$(field wall_s "$tmp/sc.rss")" %.3f)
        pk=$(calc "$(field maxrss_kb "$tmp/sc.rss") / 1024" %.0f)
        say "  $n sections ($mb MB): $w s, peak $pk MB — $what"
        sidecar_res="$sidecar_res${sidecar_res:+; }$n sections ($mb MB) $w s, peak $pk MB ($what)"
        rm -f "$d"/r.txt.review*
    done
}
if [ "${BENCH_ONLY:-}" = sidecar ]; then
    sidecar_bench
    exit 0
fi

# ---- disk: a report is about 6 KB, 8 KB on disk --------------------------------------------
avail_kb=$(df -Pk "$tmp" | awk 'NR == 2 { print $4 }')
if [ "$avail_kb" -lt 2097152 ] && [ $((N * 8)) -gt $((avail_kb / 2)) ]; then
    fit=$((avail_kb / 2 / 8 / PER * PER))
    [ "$fit" -lt "$PER" ] && fit=$((avail_kb / 2 / 8 / 1000 * 1000))
    if [ "$fit" -lt 1000 ]; then
        say "bench: only $((avail_kb / 1024)) MB free in $base — too little for a corpus; set BENCH_TMP to a roomier place"
        exit 2
    fi
    say "bench: only $((avail_kb / 1024)) MB free in $base (less than 2 GB): the corpus is scaled down from $N to $fit reports"
    say "       (set BENCH_TMP to a directory with more room for the full run)"
    N=$fit
fi
SMALL=$PER
[ "$N" -lt "$SMALL" ] && SMALL=$N

# ---- the corpus -----------------------------------------------------------------------------
corpus=$tmp/corpus
small=$corpus/000
"$tmp/peakrss" -o "$tmp/gen.rss" "$tmp/gencorpus" --seed "$SEED" --count "$N" --out "$corpus" --per-dir "$PER" \
    --no-expect --quiet || { say "bench: gencorpus failed"; exit 2; }
"$tmp/floor" "$corpus" >"$tmp/floor.all"           # reads every file once: the page cache is warm
"$tmp/floor" "$small" >"$tmp/floor.small"
bytes_large=$(field bytes "$tmp/floor.all")
bytes_small=$(field bytes "$tmp/floor.small")

cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
say "gkreview bench — $("$GK" --version 2>/dev/null | head -n 1) ($GK)"
say "machine: ${cpu:-unknown CPU}, $cpus CPUs, ${mem:-? GB} RAM; page cache warm"
say "corpus: tests/tools/gencorpus.c seed $SEED, $N reports, $(calc "$bytes_large / 1e6" %.1f) MB in $base" \
    "(UTF-8 $(field utf8 "$tmp/floor.all"), GB18030 $(field gb18030 "$tmp/floor.all"), UTF-16LE $(field utf16 "$tmp/floor.all"));" \
    "generated in $(calc "$(field wall_s "$tmp/gen.rss")" %.1f) s ($(calc "$(field cpu_s "$tmp/gen.rss")" %.1f) s CPU)"
say ""
printf '%-20s %8s %7s %8s %8s %10s %7s %8s %8s\n' "" reports MB "wall s" "cpu s" "reports/s" "MB/s" "x floor" "peak MB"

# row LABEL N BYTES RSSFILE FLOOR_WALL NOTE
row() {
    w=$(field wall_s "$4")
    c=$(field cpu_s "$4")
    rss=$(field maxrss_kb "$4")
    if [ "$5" = "-" ]; then x="1.0x" pk="-"; else x="$(calc "$w / $5" %.1f)x" pk=$(calc "$rss / 1024" %.1f); fi
    printf '%-20s %8d %7.1f %8.2f %8.2f %10.0f %7.1f %8s %8s%s\n' "$1" "$2" "$(calc "$3 / 1e6" %.1f)" "$w" "$c" \
        "$(calc "$2 / $w" %.0f)" "$(calc "$3 / 1e6 / $w" %.1f)" "$x" "$pk" "$6"
}

# floor DIR -> best of three runs of floor.c, its rss file in $tmp/floor.best
floor_run() {
    rm -f "$tmp/floor.best"
    for k in 1 2 3; do
        "$tmp/peakrss" -o "$tmp/f.rss" "$tmp/floor" "$1" >/dev/null
        keep_best "$tmp/f.rss" "$tmp/floor.best"
    done
}

# measure KEY DIR N [ARGS...] -> one run of `gkreview ARGS... DIR` (ARGS begin with the command,
# check or export); the best run's numbers so far are kept in $tmp/KEY.rss, what went wrong in
# $tmp/KEY.note
measure() {
    key=$1 dir=$2 n=$3
    shift 3
    "$tmp/peakrss" -o "$tmp/run.rss" "$GK" "$@" "$dir" >"$out/c.out" 2>"$tmp/c.err"
    rc=$?
    # the summary goes to stdout with text output, to stderr with JSON and CSV; export has none
    got=$(tail -n 3 "$out/c.out" | cat - "$tmp/c.err" | sed -n 's/^\([0-9][0-9]*\) 份报告：.*/\1/p' | tail -n 1)
    note=
    [ "$rc" -gt 1 ] && note="  (exit $rc: $(head -n 1 "$tmp/c.err"))"
    [ -n "$got" ] && [ "$got" != "$n" ] && note="$note  (checked $got of $n)"
    [ -n "$note" ] && printf '%s' "$note" >"$tmp/$key.note"
    keep_best "$tmp/run.rss" "$tmp/$key.rss"
    field wall_s "$tmp/run.rss" >>"$tmp/$key.walls"
}

# median_ratio KEY1 KEY2 -> the median over the runs of KEY1's wall time over KEY2's, run i
# against run i (each round runs the two back to back: a phase of the machine slows both)
median_ratio() {
    paste "$tmp/$1.walls" "$tmp/$2.walls" | awk '$2 > 0 { print $1 / $2 }' | sort -n |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) printf "%.2f", v[(NR + 1) / 2];
                                  else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# check REPS KEY DIR N BYTES FLOOR_WALL LABEL [ARGS...] -> one row (best of REPS runs) of
# `gkreview ARGS... DIR`
check() {
    reps=$1 key=$2 dir=$3 n=$4 by=$5 fl=$6 label=$7
    shift 7
    k=0
    while [ "$k" -lt "$reps" ]; do
        k=$((k + 1))
        measure "$key" "$dir" "$n" "$@"
    done
    printed_row "$key" "$label" "$n" "$by" "$fl"
}

# printed_row KEY LABEL N BYTES FLOOR_WALL -> the row of KEY's best run
printed_row() {
    note=
    [ -f "$tmp/$1.note" ] && note=$(cat "$tmp/$1.note")
    row "$2" "$3" "$4" "$tmp/$1.rss" "$5" "$note"
}

# does check take -j?
jobs_ok=1
first=$(find "$small" -type f -name '*.txt' | sort | head -n 1)
"$GK" check -j 2 "$first" >/dev/null 2>"$tmp/j.err"
if [ $? -gt 1 ] && grep -Eqi 'unknown|未知选项|用法|usage' "$tmp/j.err"; then jobs_ok=0; fi

# The 10,000 reports: BENCH_ROUNDS rounds (5), each running the floor, every output of check
# and export --format json with one worker and -j 2, and two processes at once each checking
# half of the reports as text (hard links in two directories: what two cores give at most, the
# ceiling for -j 2) once, one after another; each is its best round.  A machine whose speed
# swings for seconds at a time (a VM) then slows every one of them in some round, not three
# runs of one.
ROUNDS=${BENCH_ROUNDS:-5}
halves=
mkdir -p "$tmp/half1" "$tmp/half2"
k=0
for f in $(find "$small" -type f | sort); do      # every report: gencorpus writes .txt and .md
    k=$((k + 1))
    ln "$f" "$tmp/half$((k % 2 + 1))/" 2>/dev/null || cp "$f" "$tmp/half$((k % 2 + 1))/"
done
round=0
while [ "$round" -lt "$ROUNDS" ]; do
    round=$((round + 1))
    "$tmp/peakrss" -o "$tmp/f.rss" "$tmp/floor" "$small" >/dev/null
    keep_best "$tmp/f.rss" "$tmp/floor_small.rss"
    for fmt in text csv json; do
        measure "s1$fmt" "$small" "$SMALL" check --format "$fmt"
        [ "$jobs_ok" = 1 ] && measure "s2$fmt" "$small" "$SMALL" check -j 2 --format "$fmt"
        if [ "$fmt" = text ]; then     # right after them: the same phase of the machine
            t0=$(date +%s.%N)
            "$GK" check "$tmp/half1" >"$tmp/h1.out" 2>&1 &
            "$GK" check "$tmp/half2" >"$tmp/h2.out" 2>&1
            wait
            t1=$(date +%s.%N)
            w=$(calc "$t1 - $t0" %.3f)
            echo "$w" >>"$tmp/halves.walls"
            if [ -z "$halves" ] || [ "$(calc "$w < $halves" %d)" = 1 ]; then halves=$w; fi
        fi
    done
    measure s1export "$small" "$SMALL" export --format json
    [ "$jobs_ok" = 1 ] && measure s2export "$small" "$SMALL" export -j 2 --format json
done
rm -rf "$tmp/half1" "$tmp/half2"
floor_small=$(field wall_s "$tmp/floor_small.rss")
row "floor (read+decode)" "$SMALL" "$bytes_small" "$tmp/floor_small.rss" - ""
for fmt in text csv json; do
    printed_row "s1$fmt" "check --format $fmt" "$SMALL" "$bytes_small" "$floor_small"
    [ "$jobs_ok" = 1 ] && printed_row "s2$fmt" "check -j 2 $fmt" "$SMALL" "$bytes_small" "$floor_small"
done
printed_row s1export "export --format json" "$SMALL" "$bytes_small" "$floor_small"
[ "$jobs_ok" = 1 ] && printed_row s2export "export -j 2 json" "$SMALL" "$bytes_small" "$floor_small"
halves_note="two processes at once, each checking half the $SMALL reports as text: best $halves s ($(find "$small" -type f | wc -l) files halved); one worker over them $(median_ratio s1text halves)x"
[ "$jobs_ok" = 1 ] && halves_note="$halves_note, over check -j 2 $(median_ratio s1text s2text)x (medians of the rounds' ratios: what two cores give this work, and what -j 2 gets of it)"
say "$halves_note"
jratios=
if [ "$jobs_ok" = 1 ]; then
    jratios="text $(median_ratio s1text s2text)x, CSV $(median_ratio s1csv s2csv)x, JSON $(median_ratio s1json s2json)x, export JSON $(median_ratio s1export s2export)x"
    say "-j 2 over one worker, the median of the $ROUNDS rounds' ratios (each round runs the two back to back): $jratios"
fi
floor_large=
if [ "$N" -gt "$SMALL" ]; then
    floor_run "$corpus"
    floor_large=$(field wall_s "$tmp/floor.best")
    row "floor (read+decode)" "$N" "$bytes_large" "$tmp/floor.best" - ""
    for fmt in text json; do
        check 1 "l1$fmt" "$corpus" "$N" "$bytes_large" "$floor_large" "check --format $fmt" check --format "$fmt"
        [ "$jobs_ok" = 1 ] && check 1 "l2$fmt" "$corpus" "$N" "$bytes_large" "$floor_large" "check -j 2 $fmt" \
            check -j 2 --format "$fmt"
    done
fi
# year pairs: BENCH_PAIRS reports (2,000) of which each has the body's year before beside it
# (gencorpus --pairs): every report gets the cross-year rules and its partner's summary
PAIRS=${BENCH_PAIRS:-2000}
pairs=$tmp/pairs
"$tmp/gencorpus" --seed "$SEED" --count $((PAIRS / 2)) --out "$pairs" --no-expect --quiet --pairs ||
    { say "bench: gencorpus --pairs failed"; exit 2; }
"$tmp/floor" "$pairs" >"$tmp/floor.pairs"
bytes_pairs=$(field bytes "$tmp/floor.pairs")
floor_run "$pairs"
floor_pairs=$(field wall_s "$tmp/floor.best")
row "floor (read+decode)" "$PAIRS" "$bytes_pairs" "$tmp/floor.best" - "  (year pairs)"
check 3 p1text "$pairs" "$PAIRS" "$bytes_pairs" "$floor_pairs" "check, year pairs" check --format text
[ "$jobs_ok" = 1 ] && check 3 p2text "$pairs" "$PAIRS" "$bytes_pairs" "$floor_pairs" "check -j 2, pairs" \
    check -j 2 --format text
[ "$jobs_ok" = 1 ] || say "check -j 2           -j: not supported yet"
say "(floor: tests/tools/floor.c reads each file and validates UTF-8 or iconv-decodes it, one thread, best of 3;"
say " on $SMALL reports: the best of $ROUNDS rounds, each running every command once in turn;"
if [ "$N" -gt "$SMALL" ]; then say " check: one run on $N, best of 3 on the year pairs;"; else say " check: best of 3 on the year pairs;"; fi
say " x floor: check's wall time over the floor's on the same files; peak MB: peak resident set of the run;"
if [ "$out" = "$tmp" ]; then where="a file in $base"; else where="a file in $outbase (a tmpfs)"; fi
say " check and export write their output to $where; MB = 10^6 bytes)"

# ---- the review screen ------------------------------------------------------------------------
say ""
tui="not measured"
if [ "$have_pty" = 0 ]; then
    tui="not measured (ptytime.c did not build)"
    say "review screen: not measured (tests/tools/ptytime.c did not build: $(head -n 1 "$tmp/cc.err"))"
else
    # the status line shows "[1/N] file  body …": any of these marks the first report drawn
    set -- -n "[1/"
    for f in $(find "$small" -type f -name '*.txt' | sort | head -n 3); do
        b=$("$GK" check --no-review --format json "$f" 2>/dev/null | sed -n 's/.*"body":"\([^"]*\)".*/\1/p')
        set -- "$@" -n "$(basename "$f")"
        [ -n "$b" ] && set -- "$@" -n "$b"
    done
    # keys: j (down), Enter once (open the selected report, when a list comes first), then
    # j, n (next finding) and ] (next report), each 5 times
    "$tmp/ptytime" -c 80 -l 24 -t 120 "$@" -k j -1 "$(printf '\r')" -k j -k n -k "]" -r 5 -- "$GK" "$small" \
        >"$tmp/pty.out" 2>"$tmp/pty.err"
    early=$(sed -n 's/^exited_early=//p' "$tmp/pty.out")
    needle_s=$(sed -n 's/^needle_s=//p' "$tmp/pty.out")
    text=$(sed -n 's/^text=//p' "$tmp/pty.out" | sed 's/^ *//; s/ *$//')
    if [ "$early" = 1 ] || [ -z "$needle_s" ]; then
        case "$text" in
        *未包含审阅界面*)
            tui="not included in this build"
            say "review screen: not included in this build (the binary says: $text)" ;;
        *)
            tui="exited before drawing a report"
            say "review screen: exited before drawing a report (status $(sed -n 's/^status=//p' "$tmp/pty.out")): $text" ;;
        esac
    elif [ "$(calc "$needle_s < 0" %d)" = 1 ]; then
        tui="no report drawn within 120 s"
        say "review screen: no report drawn within 120 s on $SMALL reports; screen text: $text"
    else
        settle=$(sed -n 's/^settle_s=//p' "$tmp/pty.out")
        say "review screen on $SMALL reports ($GK DIR in an 80x24 pseudo-terminal, TERM=xterm-256color):"
        say "  first report drawn after $(calc "$needle_s" %.3f) s (\"$(sed -n 's/^needle=//p' "$tmp/pty.out")\" on screen);" \
            "the screen is quiet from $(calc "$settle" %.3f) s"
        keys=
        grep '^key ' "$tmp/pty.out" >"$tmp/keys"
        while read -r _ k p f s; do
            p=${p#presses=} f=${f#first_ms=} s=${s#settle_ms=}
            [ "$k" = "^M" ] && k=Enter
            if [ "$p" = 0 ]; then
                say "  key $k: nothing redrawn"
            else
                say "  key $k: redraw starts after $f ms, complete after $s ms (median of $p)"
                keys="$keys${keys:+, }$k $(calc "$s" %.1f) ms"
            fi
        done <"$tmp/keys"
        tui="first report drawn after $(calc "$needle_s" %.2f) s, screen quiet from $(calc "$settle" %.2f) s; redraw after a key: ${keys:-none}"
    fi
fi

say ""
sidecar_bench

# ---- summary for the README ---------------------------------------------------------------------
cell() { # KEY N BYTES FLOOR_WALL
    if [ ! -f "$tmp/$1.rss" ]; then echo "—"; return; fi
    w=$(field wall_s "$tmp/$1.rss")
    printf '%s reports/s (%s MB/s), %s× the floor, peak %s MB' "$(calc "$2 / $w" %.0f)" \
        "$(calc "$3 / 1e6 / $w" %.1f)" "$(calc "$w / $4" %.1f)" "$(calc "$(field maxrss_kb "$tmp/$1.rss") / 1024" %.0f)"
}
say ""
say "---- summary (for the README) ----"
say "Measured with \`make bench\` ($(date +%Y-%m-%d); ${cpu:-unknown CPU}, $cpus CPUs) on a synthetic corpus"
say "(tests/tools/gencorpus.c seed $SEED: every sample layout, ~10% GB18030, ~5% UTF-16LE, ~20% with errors),"
say "page cache warm; the floor is reading and decoding the same files and nothing else."
say ""
if [ "$N" -gt "$SMALL" ]; then
    say "| | $SMALL reports ($(calc "$bytes_small / 1e6" %.0f) MB) | $N reports ($(calc "$bytes_large / 1e6" %.0f) MB) |"
    say "|---|---|---|"
else
    say "| | $SMALL reports ($(calc "$bytes_small / 1e6" %.0f) MB) |"
    say "|---|---|"
fi
for fmt in text csv json; do
    for j in 1 2; do
        if [ "$j" = 2 ]; then [ "$jobs_ok" = 1 ] || continue; what="\`gkreview check -j 2 --format $fmt\`"
        else what="\`gkreview check --format $fmt\`"; fi
        line="| $what | $(cell "s$j$fmt" "$SMALL" "$bytes_small" "$floor_small") |"
        [ "$N" -gt "$SMALL" ] && line="$line $(cell "l$j$fmt" "$N" "$bytes_large" "$floor_large") |"
        say "$line"
    done
done
line="| \`gkreview export --format json\` | $(cell s1export "$SMALL" "$bytes_small" "$floor_small") |"
[ "$N" -gt "$SMALL" ] && line="$line — |"
say "$line"
say "| \`gkreview check\`, $PAIRS reports in year pairs | $(cell p1text "$PAIRS" "$bytes_pairs" "$floor_pairs") |"
[ "$jobs_ok" = 1 ] && say "| \`gkreview check -j 2\`, year pairs | $(cell p2text "$PAIRS" "$bytes_pairs" "$floor_pairs") |"
line="| floor: read + decode | $(calc "$SMALL / $floor_small" %.0f) reports/s |"
[ "$N" -gt "$SMALL" ] && line="$line $(calc "$N / $floor_large" %.0f) reports/s |"
say "$line"
say ""
[ -n "$jratios" ] && say "\`-j 2\` over one worker, the median of the $ROUNDS rounds' ratios: $jratios."
say "The ceiling for \`-j 2\`: $halves_note."
say ""
say "Review screen, $SMALL reports, 80x24: $tui."
say ""
say "Sidecar load (\`check\` on one report): $sidecar_res."
say ""
say "(bench ran $(($(date +%s) - start)) s before cleanup)"
