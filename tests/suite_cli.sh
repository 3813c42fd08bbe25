#!/bin/sh
# suite_cli.sh — the command line: exit codes, messages, formats, batches.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; shift; for l in "$@"; do echo "    $l"; done; }
check() { # name, condition-command...
    name=$1
    shift
    if "$@"; then ok "$name"; else nok "$name" "$(cat "$tmp/out" 2>/dev/null | head -n 20)"; fi
}

S=sample-reports

"$GK" --help >"$tmp/out" 2>&1
check "help lists the subcommands" grep -q "gkreview check" "$tmp/out"
"$GK" --version >"$tmp/out" 2>&1
check "version" grep -Eq '^gkreview [0-9]+\.[0-9]+' "$tmp/out"

"$GK" check "$S/001_318a82d3163b8b1e.txt" >"$tmp/out" 2>&1
rc=$?
check "check: clean report exits 0" test "$rc" -eq 0
check "check: summary line" grep -q "^1 份报告：0 份有错误" "$tmp/out"

"$GK" check "$S/101_err_row_total.txt" >"$tmp/out" 2>&1
rc=$?
check "check: errors exit 1" test "$rc" -eq 1
check "check: compiler-style line" grep -q "^$S/101_err_row_total.txt:39: error: .*\[T3.ROW_TOTAL\]$" "$tmp/out"

"$GK" check "$S/003_1a8c02130c595433.txt" >"$tmp/out" 2>&1
check "check: seed 003 inferred line" grep -q "^$S/003_1a8c02130c595433.txt:57: warning: 本年新收·自然人 缺失，按勾稽关系推算为 6" "$tmp/out"

: >"$tmp/empty.txt"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$tmp/image.txt"
printf '\375\374abc\377\377\372 text' >"$tmp/garbage.txt"
"$GK" check "$tmp/empty.txt" "$S/001_318a82d3163b8b1e.txt" "$tmp/image.txt" "$tmp/nope.txt" "$tmp/garbage.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "check: unreadable files exit 2" test "$rc" -eq 2
check "check: empty file named" grep -q "^$tmp/empty.txt: error: 无法读取：文件为空" "$tmp/err"
check "check: binary file named" grep -q "^$tmp/image.txt: error: 无法读取：二进制文件" "$tmp/err"
check "check: missing file named" grep -q "^$tmp/nope.txt: error: 无法读取：文件不存在" "$tmp/err"
check "check: broken encoding named" grep -q "^$tmp/garbage.txt: error: 无法读取：编码无法识别" "$tmp/err"
check "check: batch goes on" grep -q "^1 份报告：0 份有错误，0 份有警告，4 份无法读取" "$tmp/out"

mkdir -p "$tmp/dir/sub"
cp "$S/000_8ae2e5b09e066f56.txt" "$tmp/dir/a.txt"
cp "$S/101_err_row_total.txt" "$tmp/dir/sub/b.md"
echo "not a report" >"$tmp/dir/sub/c.jpg"
ln -s .. "$tmp/dir/sub/loop"
"$GK" check --format json "$tmp/dir" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "check dir: recursive, one JSON line per report" test "$(wc -l <"$tmp/out")" -eq 2
check "check dir: sorted paths" sh -c "head -n 1 '$tmp/out' | grep -q '\"file\":\"$tmp/dir/a.txt\"'"
check "check dir: exit 1 for errors" test "$rc" -eq 1

"$GK" export --format json "$S/003_1a8c02130c595433.txt" >"$tmp/out" 2>&1
check "export json: inferred cell" grep -q '"t3.new.natural":{"value":6,"status":"inferred","line":57}' "$tmp/out"
check "export json: every 2021 cell present" test "$(grep -o '"t[234]\.[a-z_.]*":{' "$tmp/out" | wc -l)" -eq 200
"$GK" export --format json "$S/011_format2019.txt" >"$tmp/out" 2>&1
check "export json: 2019 format detected" grep -q '"format":"2019"' "$tmp/out"
check "export json: every 2019 cell present" test "$(grep -o '"t[234]\.[a-z_.]*":{' "$tmp/out" | wc -l)" -eq 198
"$GK" export --format json "$S/008_glued_cells.txt" >"$tmp/out" 2>&1
check "export json: glued cells are null, never guessed" grep -q '"t2.normative.issued":{"value":null,"status":"missing","line":22}' "$tmp/out"

"$GK" export --format csv "$S/003_1a8c02130c595433.txt" >"$tmp/out" 2>&1
check "export csv: UTF-8 BOM" sh -c "head -c 3 '$tmp/out' | od -An -tx1 | grep -q 'ef bb bf'"
check "export csv: labelled row" grep -q "^$S/003_1a8c02130c595433.txt,t3.new.natural,本年新收政府信息公开申请数量,自然人,6,inferred,57$" "$tmp/out"
check "export csv: 201 lines" test "$(wc -l <"$tmp/out")" -eq 201

"$GK" export "$S/003_1a8c02130c595433.txt" >"$tmp/out" 2>&1
rc=$?
check "export without --format is a usage error" test "$rc" -eq 2
"$GK" check --bogus >"$tmp/out" 2>&1
rc=$?
check "unknown option is a usage error" test "$rc" -eq 2

before=$(cksum "$S/003_1a8c02130c595433.txt")
"$GK" check "$S/003_1a8c02130c595433.txt" >/dev/null 2>&1
"$GK" export --format csv "$S/003_1a8c02130c595433.txt" >/dev/null 2>&1
check "the report file is never modified" test "$before" = "$(cksum "$S/003_1a8c02130c595433.txt")"

# ---- batches (issue: queue and cross-year) ----
"$GK" check "$S" >"$tmp/j1" 2>&1
rc1=$?
"$GK" check -j 2 "$S" >"$tmp/j2" 2>&1
rc2=$?
cp "$tmp/j1" "$tmp/out"
check "check -j 2: same output and order as -j 1" cmp -s "$tmp/j1" "$tmp/j2"
check "check -j 2: same exit code" test "$rc1" -eq "$rc2"
"$GK" check --format json "$S" >"$tmp/j1" 2>/dev/null
"$GK" check --format json -j 3 "$S" >"$tmp/j2" 2>/dev/null
check "check json -j 3: same output" cmp -s "$tmp/j1" "$tmp/j2"
"$GK" check "$S" >"$tmp/out" 2>&1
check "check dir: summary counts reports" grep -q "^$(ls "$S" | wc -l) 份报告：" "$tmp/out"
check "check dir: findings by rule on the summary line" grep -q "^$(ls "$S" | wc -l) 份报告：.*；按规则：T3.BALANCE 2，" "$tmp/out"
check "check dir: cross-year carry on the later report" grep -q "^$S/202_xyear_xicun_2024.txt:57: error: 上年结转·自然人：本年度上年结转为 1，而 2023 年度报告（$S/004_3cc3c4a50339be4b.txt）结转下年度为 2 \[XYEAR.CARRY\]$" "$tmp/out"
check "check dir: cross-year carry on the earlier report" grep -q "^$S/004_3cc3c4a50339be4b.txt:80: error: 结转下年·总计：本年度结转下年度为 2，而 2024 年度报告（$S/202_xyear_xicun_2024.txt）上年结转为 1 \[XYEAR.CARRY\]$" "$tmp/out"
check "check dir: cross-year valid" grep -q "^$S/202_xyear_xicun_2024.txt:38: warning: .*\[XYEAR.VALID\]$" "$tmp/out"
check "check dir: the consistent pair has no cross-year figure finding" sh -c "! grep -Eq '201_xyear_huxian_2024.*XYEAR.(CARRY|VALID|JUMP)' '$tmp/out'"
check "check dir: the 2024 report repeating its 2023 text is copied" grep -q "^$S/201_xyear_huxian_2024.txt:[0-9]*: warning: 第五部分.*100%.*\[XYEAR.COPIED\]$" "$tmp/out"
check "check dir: a figure jumping sevenfold" grep -q "^$S/204_xyear_jump_2023.txt:26: warning: 行政处罚·处理决定：2023 年为 1130，2022 年为 150.*\[XYEAR.JUMP\]$" "$tmp/out"
"$GK" check --format csv "$S/101_err_row_total.txt" >"$tmp/out" 2>/dev/null
check "check csv: BOM and header" sh -c "head -n 1 '$tmp/out' | grep -q \"\$(printf '\\357\\273\\277')file,body,year,rule,severity,cells,line,message,dismissed,reason\""
check "check csv: one row per finding" test "$(wc -l <"$tmp/out")" -eq 3
check "check csv: finding row" grep -q "^$S/101_err_row_total.txt,.*,2023,T3.ROW_TOTAL,error,t3.granted.total t3.granted.natural .*,39,予以公开行：总计为 5，各类申请人之和为 4（相差 1）,false,$" "$tmp/out"
"$GK" check -j 0 "$S" >"$tmp/out" 2>&1
rc=$?
check "check -j 0 is a usage error" test "$rc" -eq 2

# ---- files that are not reports: refused like unreadable ones, the batch goes on ----
mkdir -p "$tmp/mixed"
printf '# notes\n\nA small tool. Build it with make, then run it on a folder.\n\n## License\n\nMIT\n' >"$tmp/mixed/README.md"
printf 'name,year,count\n汲水镇,2023,6\n柳塘镇,2023,7\n' >"$tmp/mixed/list.csv"
cp "$S/001_318a82d3163b8b1e.txt" "$tmp/mixed/report.txt"
cp "$tmp/mixed/list.csv" "$tmp/mixed/list.txt"   # a folder's walk reads .txt, not .csv
"$GK" check "$tmp/mixed/README.md" >"$tmp/out" 2>"$tmp/err"
rc=$?
cp "$tmp/err" "$tmp/out"
check "not a report: README refused with its reason" grep -q "^$tmp/mixed/README.md: error: 无法读取：不是政府信息公开工作年度报告（未找到标题和表格）$" "$tmp/err"
check "not a report: exit status as for unreadable files" test "$rc" -eq 2
"$GK" check "$tmp/mixed/list.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
cp "$tmp/err" "$tmp/out"
check "not a report: CSV refused with its reason" grep -q "^$tmp/mixed/list.csv: error: 无法读取：不是政府信息公开工作年度报告（未找到标题和表格）$" "$tmp/err"
check "not a report: CSV exit status 2" test "$rc" -eq 2
"$GK" check "$tmp/mixed" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "not a report: the folder's report is checked, the batch goes on" grep -q "^1 份报告：0 份有错误，0 份有警告，2 份无法读取" "$tmp/out"
cp "$tmp/err" "$tmp/out"
check "not a report: one line for each non-report in the folder" test "$(grep -c '不是政府信息公开工作年度报告' "$tmp/err")" -eq 2
check "not a report: the folder's README named" grep -q "^$tmp/mixed/README.md: error: 无法读取：不是" "$tmp/err"
check "not a report: the folder's CSV named" grep -q "^$tmp/mixed/list.txt: error: 无法读取：不是" "$tmp/err"
check "not a report: folder exit status 2" test "$rc" -eq 2
"$GK" export --format json "$tmp/mixed/README.md" "$S/001_318a82d3163b8b1e.txt" >"$tmp/out" 2>"$tmp/err"
check "not a report: export goes on with the report" test "$(wc -l <"$tmp/out")" -eq 1
"$GK" check "$S" >/dev/null 2>"$tmp/out"
check "not a report: every sample report opens" sh -c "! grep -q '不是政府信息公开工作年度报告' '$tmp/out'"

# export with two workers: the same lines in the same order as with one
"$GK" export --format json "$S" >"$tmp/e1" 2>/dev/null
"$GK" export -j 2 --format json "$S" >"$tmp/e2" 2>/dev/null
check "export -j 2: JSON identical to one worker's, every sample report" sh -c "test -s '$tmp/e1' && cmp -s '$tmp/e1' '$tmp/e2'"
"$GK" export --format csv "$S" >"$tmp/e1" 2>/dev/null
"$GK" export -j2 --format csv "$S" >"$tmp/e2" 2>/dev/null
check "export -j2: CSV identical to one worker's" sh -c "test -s '$tmp/e1' && cmp -s '$tmp/e1' '$tmp/e2'"
"$GK" export -j 0 --format json "$S" >/dev/null 2>"$tmp/err"
check "export -j 0 refused" grep -q '^gkreview: -j 需要 1 到 256 之间的整数' "$tmp/err"

# year pairs (gencorpus --pairs: each report beside the same body's year before): the
# partner summaries are shared between workers; every worker count, keep budget and
# format gives the one-worker output, which holds the cross-year findings
if [ -n "${TOOLS:-}" ] && [ -x "$TOOLS/gencorpus" ]; then
    "$TOOLS/gencorpus" --seed 7 --count 40 --out "$tmp/pairs" --no-expect --quiet --pairs
    for fmt in json text; do
        "$GK" check --format "$fmt" "$tmp/pairs" >"$tmp/p0" 2>"$tmp/p0.err"
        check "year pairs, $fmt: cross-year findings for most of 80 reports" \
            sh -c "test \$(grep -c 'XYEAR\.' '$tmp/p0') -ge 60"
        for j in 2 3 8; do
            for budget in default 0; do
                if [ "$budget" = 0 ]; then
                    GK_KEEP_BUDGET=0 "$GK" check -j $j --format "$fmt" "$tmp/pairs" >"$tmp/p1" 2>"$tmp/p1.err"
                else
                    "$GK" check -j $j --format "$fmt" "$tmp/pairs" >"$tmp/p1" 2>"$tmp/p1.err"
                fi
                check "year pairs, $fmt, -j $j, keep budget $budget: output as with one worker" \
                    sh -c "cmp -s '$tmp/p0' '$tmp/p1' && cmp -s '$tmp/p0.err' '$tmp/p1.err'"
            done
        done
    done
else
    echo "ok - year pairs: -j and keep budgets give one worker's output # skip no gencorpus in TOOLS"
fi

# check keeps what each report shows while it reads the titles: in memory up to a budget, past
# it in an unlinked temporary file up to a cap; only when neither takes more are the remaining
# titles merely peeked at and the reports read again later (GK_KEEP_BUDGET and GK_SPILL_CAP
# lower the two, in bytes; a TMPDIR that is no folder leaves no file to spill to;
# GK_BATCH_STATS=1 says where the results went).  The output must be the same whichever way,
# with one worker or two, and the temporary file is never seen in its folder.
mkdir -p "$tmp/spill"
# stats FILE -> "memory spilled peeked" from GK_BATCH_STATS's line
stats() { sed -n 's/^gkreview: [0-9]* 份报告：结果留在内存 \([0-9]*\) 份，暂存临时文件 \([0-9]*\) 份.*先只读标题 \([0-9]*\) 份$/\1 \2 \3/p' "$1"; }
for fmt in json text csv; do
    "$GK" check --format "$fmt" "$S" >"$tmp/k0" 2>"$tmp/k0.err"
    for way in "0 -" "1 -" "20000 -" "300000 -" "0 none" "0 3000"; do
        budget=${way% *}
        cap=${way#* }
        for j in 1 2; do
            case $cap in
                -) dir=$tmp/spill; capv= ;;
                none) dir=$tmp/none; capv= ;;
                *) dir=$tmp/spill; capv=$cap ;;
            esac
            env TMPDIR="$dir" GK_BATCH_STATS=1 GK_KEEP_BUDGET=$budget ${capv:+GK_SPILL_CAP=$capv} \
                "$GK" check -j $j --format "$fmt" "$S" >"$tmp/k1" 2>"$tmp/k1.err"
            set -- $(stats "$tmp/k1.err") x x x
            grep -v '^gkreview: [0-9]* 份报告：结果留在内存' "$tmp/k1.err" >"$tmp/k1.e2"
            check "check $fmt, keep budget $budget, spill $cap, -j $j: output as with the default budget" \
                sh -c "test -s '$tmp/k0' && cmp -s '$tmp/k0' '$tmp/k1' && cmp -s '$tmp/k0.err' '$tmp/k1.e2'"
            case $cap in
                -) check "check $fmt, keep budget $budget, -j $j: no report read twice ($1 in memory, $2 spilled, $3 peeked)" \
                    test "$3" = 0 -a $(($1 + $2)) -gt 30 -a \( "$budget" -gt 20000 -o "$2" -gt 0 \) ;;
                none) check "check $fmt, no folder to spill to, -j $j: the titles peeked past the budget ($1 in memory, $2 spilled, $3 peeked)" \
                    test "$2" = 0 -a "$3" -gt 20 ;;
                *) check "check $fmt, keep budget $budget, spill cap $cap, -j $j: spilled up to the cap, then peeked ($1 in memory, $2 spilled, $3 peeked)" \
                    test "$2" -gt 0 -a "$3" -gt 0 ;;
            esac
            check "check $fmt, keep budget $budget, spill $cap, -j $j: nothing left in the temporary folder" \
                test -z "$(ls -A "$tmp/spill")"
        done
    done
done
