#!/bin/sh
# suite_hostile.sh — hostile input to `gkreview check`: every bad file gets one
# clear line naming it ("FILE: error: 无法读取：REASON") and the rest of the
# batch goes on; good.txt (a copy of sample-reports/001) rides along in every
# batch and must still be checked and counted in the summary.  Every run is
# limited to 60 s, so a hang fails its test instead of stalling the suite.
# Memory is measured with /usr/bin/time (max RSS) when it is installed.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}"
case $GK in /*) ;; *) GK=$PWD/$GK ;; esac
ROOT=$PWD
S=$ROOT/sample-reports
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
cd "$tmp" || exit 2

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/    /'; done; }

# ASan's quarantine keeps freed memory: without it RSS is the program's own.
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:quarantine_size_mb=0"
export ASAN_OPTIONS
TIME=""
[ -x /usr/bin/time ] && TIME=/usr/bin/time

# gk ARGS...: runs `$GK check ARGS` ($LIMIT s, default 60) -> rc, out, err, secs, rss_kb
LIMIT=60
gk() {
    rm -f "$tmp/usage"
    if [ -n "$TIME" ]; then
        timeout "$LIMIT" "$TIME" -f '%M %e' -o "$tmp/usage" "$GK" check "$@" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        rss_kb=$(cut -d' ' -f1 "$tmp/usage" 2>/dev/null | tail -n 1)
        secs=$(cut -d' ' -f2 "$tmp/usage" 2>/dev/null | tail -n 1)
        [ "$rc" -eq 124 ] && secs="$LIMIT+"
    else
        t0=$(date +%s)
        timeout "$LIMIT" "$GK" check "$@" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        secs=$(($(date +%s) - t0))
        rss_kb=""
    fi
    summary=$(tail -n 1 "$tmp/out")
}

# expect NAME RC SUMMARY [STDERR-LINE...]: exact exit code, exact summary line
# (the last line of stdout), and stderr exactly the given lines (none: empty).
expect() {
    name=$1 want_rc=$2 want_sum=$3
    shift 3
    if [ "$#" -gt 0 ]; then printf '%s\n' "$@" >"$tmp/want_err"; else : >"$tmp/want_err"; fi
    why=""
    [ "$rc" -eq 124 ] && why="timed out after $LIMIT s; "
    [ "$rc" -eq "$want_rc" ] || why="${why}exit $rc, want $want_rc; "
    [ "$summary" = "$want_sum" ] || why="${why}summary differs; "
    cmp -s "$tmp/err" "$tmp/want_err" || why="${why}stderr differs; "
    if [ -z "$why" ]; then
        ok "$name (${secs}s)"
    else
        nok "$name" "$why" "summary: $summary" "want:    $want_sum" "stderr:" \
            "$(diff "$tmp/want_err" "$tmp/err" | head -n 20)"
    fi
}

# has NAME FILE PATTERN: a fixed line in FILE ($tmp/out by default)
has() {
    if grep -qxF -- "$3" "$2"; then ok "$1"; else nok "$1" "no line: $3" "$(head -n 12 "$2")"; fi
}

cp "$S/001_318a82d3163b8b1e.txt" good.txt
chmod 644 good.txt
BAD1="1 份报告：0 份有错误，0 份有警告，1 份无法读取；共 0 个错误，0 个警告"
R="error: 无法读取："
BIN="二进制文件（含 NUL 或大量控制字符），不是文本报告"
ENC="编码无法识别（既不是有效的 UTF-8，也不是有效的 GB18030）"

# ---- empty and binary ------------------------------------------------------------
: >empty.txt
gk empty.txt good.txt
expect "empty file" 2 "$BAD1" "empty.txt: ${R}文件为空"

printf ' \n\t\r\n  \n' >blank.txt
gk blank.txt good.txt
expect "white space only" 2 "$BAD1" "blank.txt: ${R}文件为空"

printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000\000\000\001\000\010\006\000\000\000' >image.png
gk image.png good.txt
expect "binary: PNG header" 2 "$BAD1" "image.png: ${R}$BIN"

cp /bin/true elf
gk elf good.txt
expect "binary: ELF executable (/bin/true)" 2 "$BAD1" "elf: ${R}$BIN"

# ---- size ------------------------------------------------------------------------------
yes "一、总体情况" | head -c 200M >big.txt
gk big.txt good.txt
expect "200 MB text file refused by size" 2 "$BAD1" "big.txt: ${R}文件过大（上限 32 MB）"
rm -f big.txt

# the limit exactly: 32 MiB is read, one byte more is refused (lines of about 1 KB)
line=""
i=0
while [ $i -lt 56 ]; do line="$line一、总体情况"; i=$((i + 1)); done
yes "$line" | head -c 33554432 >limit.txt
gk limit.txt good.txt
if [ "$rc" -ne 124 ] && [ "$rc" -ne 2 ] && ! grep -q . "$tmp/err" && \
   case $summary in "2 份报告："*"0 份无法读取"*) true ;; *) false ;; esac; then
    ok "exactly 32 MiB is read (${secs}s)"
else
    nok "exactly 32 MiB is read" "exit $rc" "summary: $summary" "$(head -n 3 "$tmp/err")"
fi
printf 'x' >>limit.txt
gk limit.txt good.txt
expect "32 MiB + 1 byte refused" 2 "$BAD1" "limit.txt: ${R}文件过大（上限 32 MB）"
rm -f limit.txt

# one line of 20 MB (no line end at all): read, no crash
yes "一、总体情况" | tr -d '\n' | head -c $((18 * 1165084)) >line.txt
gk line.txt good.txt
if [ "$rc" -eq 1 ] && ! grep -q . "$tmp/err" && grep -qxF \
    "line.txt: warning: 缺少第二部分「二、主动公开政府信息情况」 [STRUCT.SECTION_MISSING]" "$tmp/out" && \
   case $summary in "2 份报告：1 份有错误，1 份有警告，0 份无法读取"*) true ;; *) false ;; esac; then
    ok "a single 20 MB line (${secs}s, max RSS ${rss_kb:-?} KB)"
else
    nok "a single 20 MB line" "exit $rc" "summary: $summary" "$(head -n 5 "$tmp/err")"
fi
rm -f line.txt

# ---- encodings -------------------------------------------------------------------------------
printf '\375\374abc\377\377\372 text\n\376\200\201\n' >garbage.txt
gk garbage.txt good.txt
expect "invalid UTF-8 that is no GB18030 either" 2 "$BAD1" "garbage.txt: ${R}$ENC"

# a UTF-8 report with one stray byte: repaired (U+FFFD), the cell it hits named
{ head -c 3000 good.txt; printf '\377'; tail -c +3001 good.txt; } >stray.txt
gk stray.txt good.txt
expect "UTF-8 with one invalid byte: read, repaired" 1 \
    "2 份报告：1 份有错误，0 份有警告，0 份无法读取；共 1 个错误，0 个警告；按规则：CELL.MISSING 1"
has "UTF-8 with one invalid byte: the damaged cell named" "$tmp/out" \
    "stray.txt:39: error: 规范性文件·废止 缺失：单元格内容「�0」不是数字 [CELL.MISSING]"

# GB18030: 0xFF is never valid; 0x81 at the very end is a cut-off character
cp "$S/009_gb18030.txt" gb.txt
{ head -c 2000 gb.txt; printf '\377\377'; tail -c +2001 gb.txt; } >gbbad.txt
printf '\201\060\201' >gbtrunc.txt        # a four-byte GB18030 sequence cut after three
gk gbtrunc.txt good.txt
expect "invalid GB18030 (a cut four-byte sequence)" 2 "$BAD1" "gbtrunc.txt: ${R}$ENC"
# Expectation: a GB18030 report with two corrupt bytes is read like a UTF-8
# one with a stray byte (replaced by U+FFFD), not refused as a whole.
gk gbbad.txt gb.txt
if [ "$rc" -ne 2 ] && ! grep -q . "$tmp/err" && \
   case $summary in "2 份报告："*"0 份无法读取"*) true ;; *) false ;; esac; then
    ok "GB18030 report with a corrupt byte pair: read (bytes replaced)"
else
    nok "GB18030 report with a corrupt byte pair: read (bytes replaced)" "exit $rc" \
        "summary: $summary" "$(head -n 3 "$tmp/err")"
fi

# UTF-16 without a byte order mark: the same cells and findings as the UTF-8 original
iconv -f UTF-8 -t UTF-16LE good.txt >u16le.txt
iconv -f UTF-8 -t UTF-16BE good.txt >u16be.txt
gk u16le.txt u16be.txt good.txt
expect "UTF-16LE and UTF-16BE without BOM: read" 0 \
    "3 份报告：0 份有错误，0 份有警告，0 份无法读取；共 0 个错误，0 个警告"
for f in good u16le u16be; do
    timeout 60 "$GK" export --format json "$f.txt" 2>&1 | sed 's/^{"file":"[^"]*",//' >"$f.json"
done
if [ -s good.json ] && cmp -s good.json u16le.json && cmp -s good.json u16be.json; then
    ok "UTF-16 without BOM: tables found, cells identical to the UTF-8 original"
else
    nok "UTF-16 without BOM: tables found, cells identical to the UTF-8 original" \
        "$(cmp good.json u16le.json; cmp good.json u16be.json)"
fi
# Expectation: a narrative-heavy UTF-16LE file (title and section 一 of the
# same report, little ASCII) is text, not "binary".
sed -n 1,26p good.txt | iconv -f UTF-8 -t UTF-16LE >u16narr.txt
gk u16narr.txt good.txt
if [ "$rc" -ne 2 ] && ! grep -q . "$tmp/err" && \
   case $summary in "2 份报告："*"0 份无法读取"*) true ;; *) false ;; esac; then
    ok "UTF-16LE without BOM, mostly Chinese (narrative only): read"
else
    nok "UTF-16LE without BOM, mostly Chinese (narrative only): read" "exit $rc" \
        "summary: $summary" "$(head -n 3 "$tmp/err")"
fi

{ head -c 3000 good.txt; printf '\000\000'; tail -c +3001 good.txt; } >nul.txt
gk nul.txt good.txt
expect "NUL bytes in the middle of a report" 2 "$BAD1" "nul.txt: ${R}$BIN"

# ---- size of the structure ---------------------------------------------------------------
# report.h: one report takes about 3x its file plus 32 bytes per line (the
# line index; at most TEXT_MAX_LINES lines); allowed here: 3x the file + 40
# bytes per line + 64 MB for the program and the sanitizer runtime.
memcheck() { # NAME SIZE_KB LINES
    bound=$(($2 * 3 + $3 * 40 / 1024 + 65536))
    if [ -z "$TIME" ]; then
        ok "$1 # skipped: /usr/bin/time not installed"
    elif [ "$rc" -ne 124 ] && [ -n "$rss_kb" ] && [ "$rss_kb" -le "$bound" ]; then
        ok "$1: max RSS ${rss_kb} KB for ${2} KB, $3 lines (${secs}s)"
    else
        nok "$1" "max RSS ${rss_kb:-?} KB for a ${2} KB file of $3 lines; bound $bound KB (${secs}s)"
    fi
}

# table 3 of sample 000 (a tab grid, 31 lines) 10,000 times: 18 MB, 310,000 lines
{
    sed -n 1,37p "$S/000_8ae2e5b09e066f56.txt"
    sed -n 38,68p "$S/000_8ae2e5b09e066f56.txt" |
        awk '{ a[NR] = $0 } END { for (i = 0; i < 10000; i++) for (j = 1; j <= NR; j++) print a[j] }'
    sed -n '69,$p' "$S/000_8ae2e5b09e066f56.txt"
} >repeat.txt
size_kb=$(($(wc -c <repeat.txt) / 1024))
gk repeat.txt good.txt
expect "table 3 repeated 10,000 times: read" 0 \
    "2 份报告：0 份有错误，0 份有警告，0 份无法读取；共 0 个错误，0 个警告"
memcheck "table 3 repeated 10,000 times: memory bounded" "$size_kb" "$(wc -l <repeat.txt)"
rm -f repeat.txt

# four million lines of one letter (8 MB): read or refused, memory bounded either way
yes a | head -c 8000000 >short.txt
gk short.txt good.txt
if [ "$rc" -eq 124 ] || grep -v '^short.txt: error: 无法读取：' "$tmp/err" | grep -q .; then
    nok "4 million short lines: read or refused with one line" "exit $rc" "$(head -n 3 "$tmp/err")"
else
    ok "4 million short lines: $(if grep -q . "$tmp/err"; then cat "$tmp/err"; else echo read; fi) (${secs}s)"
fi
memcheck "4 million short lines: memory bounded" 7812 4000000
rm -f short.txt

# the line limit of text.h: exactly TEXT_MAX_LINES lines are read, one more is refused
max=$(sed -n 's/^#define TEXT_MAX_LINES \([0-9]*\).*/\1/p' "$ROOT/src/text.h" 2>/dev/null)
if [ -z "$max" ]; then
    ok "line limit # skipped: src/text.h has no TEXT_MAX_LINES"
else
    # a title first: a text with neither a title nor a table's words is not a report
    { echo "测试镇2023年政府信息公开工作年度报告"; yes a | head -n "$((max - 1))"; } >maxlines.txt
    gk maxlines.txt good.txt
    if [ "$rc" -ne 124 ] && ! grep -q . "$tmp/err" && \
       case $summary in "2 份报告："*"0 份无法读取"*) true ;; *) false ;; esac; then
        ok "exactly $max lines (each ending in a line feed) are read (${secs}s)"
    else
        nok "exactly $max lines (each ending in a line feed) are read" "exit $rc" "$(head -n 3 "$tmp/err")"
    fi
    echo a >>maxlines.txt
    gk maxlines.txt good.txt
    if [ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^maxlines.txt: error: 无法读取：行数过多' "$tmp/err" && \
       [ "$summary" = "$BAD1" ]; then
        ok "$max + 1 lines refused: $(cat "$tmp/err") (${secs}s)"
    else
        nok "$max + 1 lines refused" "exit $rc" "summary: $summary" "$(head -n 3 "$tmp/err")"
    fi
    rm -f maxlines.txt
fi

# ---- cell contents -------------------------------------------------------------------------
# the tables' labels, every number removed
LC_ALL=C sed -E '/^[\t 0-9\xc2\xa0.,-]*$/s/[0-9]//g' good.txt >nonum.txt
gk nonum.txt good.txt
if [ "$rc" -eq 1 ] && ! grep -q . "$tmp/err" && \
   case $summary in "2 份报告：1 份有错误，1 份有警告，0 份无法读取"*) true ;; *) false ;; esac; then
    ok "labels but no numbers: read, exit 1"
else
    nok "labels but no numbers: read, exit 1" "exit $rc" "summary: $summary" "$(head -n 3 "$tmp/err")"
fi
has "labels but no numbers: blank cell named" "$tmp/out" \
    "nonum.txt:93: warning: 本年新收·自然人 为空，按 0 计；模板要求填 0 [CELL.BLANK]"
has "labels but no numbers: table 4 without numbers named" "$tmp/out" \
    "nonum.txt: error: 表四未找到「行政复议」的数字 [STRUCT.ROW_MISSING]"

# 30-digit counts (line 93 is t3.new.natural, 33; line 99 t3.new.total, 38).
# A double holds 15-16 digits: such a count must never be used silently.
sed '93s/33/123456789012345678901234567890/' good.txt >digits30.txt
gk digits30.txt good.txt
if [ "$rc" -ne 124 ] && [ "$rc" -ne 2 ] && ! grep -q . "$tmp/err" && \
   grep -q '^digits30.txt:93: .*123456789012345678901234567890' "$tmp/out"; then
    ok "30-digit count: read, the cell on line 93 named with what was written"
else
    nok "30-digit count: read, the cell on line 93 named with what was written" "exit $rc" \
        "$(head -n 3 "$tmp/err")" "$(head -n 4 "$tmp/out")"
fi
# natural = total = 999...9 (30 digits) with business = 5: the total is 5 short,
# which doubles cannot see; a finding must name the row (lines 92-99).
sed -e '93s/33/999999999999999999999999999999/' -e '99s/38/999999999999999999999999999999/' good.txt >digits30b.txt
gk digits30b.txt
if grep -q '^digits30b.txt:9[2-9]: ' "$tmp/out"; then
    ok "30-digit counts: a difference of 5 is not lost to rounding"
else
    nok "30-digit counts: a difference of 5 is not lost to rounding" "no finding on lines 92-99:" \
        "$(head -n 5 "$tmp/out")"
fi

# a year past 2063 in section 一 (found by fuzz_report: the year histogram in
# extract.c find_years() has 64 slots, 2000-2063)
printf '某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2099年，本机关共收到申请6件。\n' >y2099.txt
gk y2099.txt good.txt
if [ "$rc" -eq 1 ] && ! grep -q . "$tmp/err" && grep -qxF \
    "y2099.txt:3: warning: 标题年份为 2023，总体情况中主要年份却为 2099 年 [YEAR.MISMATCH]" "$tmp/out"; then
    ok "year 2099 in the narrative: YEAR.MISMATCH, no crash"
else
    nok "year 2099 in the narrative: YEAR.MISMATCH, no crash" "exit $rc" "$(head -n 4 "$tmp/err")" \
        "$(grep YEAR "$tmp/out")"
fi

# table 4 with the same group row twice, each short of numbers (found by
# fuzz_report: extract.c align_row() zeroes slots whose reasons were allocated).
# The second row's label, the first's again in its cell, is taken for a merged
# label a program filled in (drop_filled_label()): the row is named short, or its
# numbers in doubt
printf '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\t2\t3\n行政复议\t1\t2\t3\n五、存在的主要问题及改进情况\n' >t4twice.txt
gk t4twice.txt good.txt
if [ "$rc" -eq 1 ] && ! grep -q . "$tmp/err" &&
    grep -Eq '^t4twice.txt:[23]: error: .*(该行只读到 3 个数字|行的数字有不止一种对位方式)' "$tmp/out"; then
    ok "table 4 group row twice: the short row named, nothing leaked"
else
    nok "table 4 group row twice: the short row named, nothing leaked" "exit $rc" "$(head -n 6 "$tmp/err")" \
        "$(grep '^t4twice' "$tmp/out" | head -n 3)"
fi

# Two bodies' reports (柳塘镇 2023, 人社局 "2024") whose titles are unreadable:
# nothing names their bodies, so they must not be paired across years.  The
# title peek that pairs years (report_open_head -> extract_title_only) looks
# past section 一's heading and takes a narrative line ("（二）依申请公开。
# 2023 年…", "2023年政府信息公开工作稳步推进。") as the title, where the full
# parse finds none (found by fuzz_report's head invariant).
mkdir notitle
sed -e '1,3s/.*/标题缺失/' -e '/^一、总体情况/a 2023年政府信息公开工作稳步推进。' \
    "$S/101_err_row_total.txt" >notitle/a.txt
sed -e '1,3s/.*/标题缺失/' -e 's/2023/2024/g' -e '/^一、总体情况/a 2024年政府信息公开工作稳步推进。' \
    "$S/103_err_t4_total.txt" >notitle/b.txt
gk notitle/a.txt notitle/b.txt good.txt
if [ "$rc" -ne 124 ] && ! grep -q . "$tmp/err" && ! grep -q 'XYEAR' "$tmp/out"; then
    ok "reports without a title are not paired by a narrative line"
else
    nok "reports without a title are not paired by a narrative line" "exit $rc" "$(head -n 3 "$tmp/err")" \
        "$(grep XYEAR "$tmp/out" | head -n 4)"
fi

# negative and decimal counts: the findings name the right cells and lines
sed -e '95s/0/-3/' -e '97s/0/2.5/' good.txt >negdec.txt
gk --format csv negdec.txt good.txt
if [ "$rc" -eq 1 ] && ! grep -q 'error: 无法读取' "$tmp/err"; then ok "negative and decimal counts: read, exit 1"
else nok "negative and decimal counts: read, exit 1" "exit $rc" "$(head -n 3 "$tmp/err")"; fi
has "negative count: CELL.NEGATIVE on t3.new.research, line 95" "$tmp/out" \
    "negdec.txt,北京市通州区漷县镇人民政府,2023,CELL.NEGATIVE,error,t3.new.research,95,本年新收·科研机构 为负数 -3,false,"
has "decimal count: CELL.NOT_INTEGER on t3.new.legal, line 97" "$tmp/out" \
    "negdec.txt,北京市通州区漷县镇人民政府,2023,CELL.NOT_INTEGER,error,t3.new.legal,97,本年新收·法律服务 为 2.5，件数应为整数,false,"

# ---- file systems -----------------------------------------------------------------------------
# A directory of many small files.  100,000 take about 4 minutes under ASan
# (9 s for the release build): listing them is quadratic under ASan, whose
# realloc always copies (walk.c grows its arrays one entry at a time), so
# 20,000 here (about 20 s under ASan on an idle machine, 55 s on a busy one:
# 120 s allowed).
N=20000
mkdir many
seq 1 "$N" | sed 's/^/测试镇2023年政府信息公开工作年度报告 /' | split -l 1 -a 6 -d --additional-suffix=.txt - many/f
LIMIT=120
gk many good.txt
LIMIT=60
nfound=$(grep -c '^many/f[0-9]*\.txt: warning: 缺少第一部分' "$tmp/out")
if [ "$rc" -eq 1 ] && ! grep -q . "$tmp/err" && [ "$nfound" -eq "$N" ] && \
   case $summary in "$((N + 1)) 份报告：$N 份有错误，$N 份有警告，0 份无法读取"*) true ;; *) false ;; esac; then
    ok "directory of $N small files: all checked and counted (${secs}s, max RSS ${rss_kb:-?} KB)"
else
    nok "directory of $N small files: all checked and counted" "exit $rc, $nfound reports seen" \
        "summary: $summary" "$(head -n 3 "$tmp/err")"
fi
rm -rf many

# symbolic link loops, a dangling link (a file that vanished after the
# listing) and FIFOs, named directly and found in a directory
mkdir -p fs/d
ln -s b.txt fs/a.txt
ln -s a.txt fs/b.txt
ln -s y.txt fs/d/x.txt
ln -s x.txt fs/d/y.txt
ln -s ../d fs/d/self
ln -s gone.txt fs/d/vanished.txt
mkfifo fs/fifo.txt fs/d/pipe.txt
gk fs/a.txt fs/fifo.txt fs/d good.txt
expect "symlink loops, FIFOs and a vanished file: named, batch goes on" 2 \
    "1 份报告：0 份有错误，0 份有警告，6 份无法读取；共 0 个错误，0 个警告" \
    "fs/a.txt: ${R}符号链接循环" \
    "fs/fifo.txt: ${R}不是普通文件（管道、设备或套接字）" \
    "fs/d/pipe.txt: ${R}不是普通文件（管道、设备或套接字）" \
    "fs/d/vanished.txt: ${R}文件不存在" \
    "fs/d/x.txt: ${R}符号链接循环" \
    "fs/d/y.txt: ${R}符号链接循环"

# Unreadable file and directory.  Root reads through mode 000, so as root the
# program runs as nobody (setpriv), from a copy it can reach.
mkdir -p perm/d/locked
cp good.txt perm/d/secret.txt
cp good.txt perm/d/locked/x.txt
chmod 000 perm/d/secret.txt perm/d/locked
chmod 755 perm perm/d
RUNAS=""
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1 &&
        setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
        cp "$GK" "$tmp/gk-nobody" && chmod 755 "$tmp/gk-nobody"
        RUNAS="setpriv --reuid=65534 --regid=65534 --clear-groups"
    fi
fi
if [ "$(id -u)" = 0 ] && [ -z "$RUNAS" ]; then
    ok "unreadable file and directory # skipped as root: cannot switch to nobody with setpriv"
else
    G=$GK
    [ -n "$RUNAS" ] && G=$tmp/gk-nobody
    t0=$(date +%s)
    LC_ALL=C timeout 60 $RUNAS "$G" check perm/d good.txt >"$tmp/out" 2>"$tmp/err"
    rc=$?
    secs=$(($(date +%s) - t0))
    summary=$(tail -n 1 "$tmp/out")
    expect "unreadable file and directory: named, batch goes on" 2 \
        "1 份报告：0 份有错误，0 份有警告，2 份无法读取；共 0 个错误，0 个警告" \
        "perm/d/locked: ${R}无法打开目录：没有权限" \
        "perm/d/secret.txt: ${R}没有读取权限"
fi

# ---- everything at once: one batch, every refusal named, the good report checked ----
: >e1.txt
gk e1.txt image.png garbage.txt gbtrunc.txt nul.txt fs/a.txt fs/fifo.txt missing.txt good.txt stray.txt
expect "one batch of every kind of bad file" 2 \
    "2 份报告：1 份有错误，0 份有警告，8 份无法读取；共 1 个错误，0 个警告；按规则：CELL.MISSING 1" \
    "e1.txt: ${R}文件为空" \
    "image.png: ${R}$BIN" \
    "garbage.txt: ${R}$ENC" \
    "gbtrunc.txt: ${R}$ENC" \
    "nul.txt: ${R}$BIN" \
    "fs/a.txt: ${R}符号链接循环" \
    "fs/fifo.txt: ${R}不是普通文件（管道、设备或套接字）" \
    "missing.txt: ${R}文件不存在"
cp "$tmp/out" "$tmp/out1"
cp "$tmp/err" "$tmp/err1"
gk -j 3 e1.txt image.png garbage.txt gbtrunc.txt nul.txt fs/a.txt fs/fifo.txt missing.txt good.txt stray.txt
if [ "$rc" -eq 2 ] && cmp -s "$tmp/out" "$tmp/out1" && cmp -s "$tmp/err" "$tmp/err1"; then
    ok "the same batch with -j 3: identical output"
else
    nok "the same batch with -j 3: identical output" "exit $rc" "$(diff "$tmp/out1" "$tmp/out" | head -n 5)" \
        "$(diff "$tmp/err1" "$tmp/err" | head -n 5)"
fi
exit 0
