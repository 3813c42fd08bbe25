#!/bin/sh
# suite_sidecar.sh — the reviewer's sidecar (issue #6) on the command line:
# annotate, check/export applying it, --no-review, the read-only fallback,
# SIGKILL during saves, concurrent writers, the issues list, and the report
# file never touched.  Works on copies in a temporary folder.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}"
case $GK in /*) ;; *) GK=$(pwd)/$GK ;; esac
WRITER=${TOOLS:+$TOOLS/sidecar_writer}
case ${WRITER:-} in ''|/*) ;; *) WRITER=$(pwd)/$WRITER ;; esac
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg" XDG_CONFIG_HOME="$tmp/cfg"

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; shift; for l in "$@"; do echo "    $l"; done; }
check() { # name, condition-command...
    name=$1
    shift
    if "$@"; then ok "$name"; else nok "$name" "$(head -n 20 "$tmp/out" 2>/dev/null)" "$(head -n 10 "$tmp/err" 2>/dev/null)"; fi
}
stamp() { for f in "$@"; do cksum <"$f"; stat -c %y "$f"; done; }

S=sample-reports
samples_before=$(cat "$S"/* | cksum)
mkdir -p "$tmp/r" "$tmp/cfg/gkreview"
cp "$S/003_1a8c02130c595433.txt" "$S/101_err_row_total.txt" "$tmp/r/"
R=$tmp/r/003_1a8c02130c595433.txt
E=$tmp/r/101_err_row_total.txt
printf '[review]\nreviewer = 审核员甲\n' >"$tmp/cfg/gkreview/config.ini"
before=$(stamp "$R" "$E")

# ---- annotate ----------------------------------------------------------------
"$GK" annotate "$R" t3.new.natural --value 7 --note '核对原件：自然人 7 件; #=[x]' >"$tmp/out" 2>"$tmp/err"
rc=$?
check "annotate: correction and note exit 0" test "$rc" -eq 0
check "annotate: says where it saved" grep -q "$R.review.ini" "$tmp/out"
cp "$R.review.ini" "$tmp/out"
check "annotate: sidecar beside the report" test -f "$R.review.ini"
check "annotate: correction section" grep -q '^\[correction t3.new.natural\]$' "$tmp/out"
check "annotate: reviewer from config.ini" grep -q '^who = 审核员甲$' "$tmp/out"
check "annotate: ISO 8601 local time with its offset" grep -Eq '^when = [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})$' "$tmp/out"
check "annotate: report SHA-256 recorded" grep -q "^sha256 = $(sha256sum <"$R" | cut -c1-64)$" "$tmp/out"
check "annotate: note escaped, readable" grep -q '^text = 核对原件：自然人 7 件%3B %23=\[x\]$' "$tmp/out"

"$GK" annotate "$E" --dismiss T3.ROW_TOTAL >"$tmp/out" 2>"$tmp/err"
rc=$?
check "annotate: --dismiss without --reason is refused" test "$rc" -eq 2
check "annotate: ... with a Chinese reason why" grep -q "理由" "$tmp/err"
"$GK" annotate "$E" t3.nope.natural --value 1 >"$tmp/out" 2>"$tmp/err"
rc=$?
check "annotate: unknown cell exits 2" test "$rc" -eq 2
check "annotate: ... named in Chinese" grep -q "单元格编号 t3.nope.natural 不存在" "$tmp/err"
"$GK" annotate "$E" --dismiss T9.NOPE --reason x >"$tmp/out" 2>"$tmp/err"
rc=$?
check "annotate: unknown rule exits 2" test "$rc" -eq 2
check "annotate: ... named in Chinese" grep -q "规则编号 T9.NOPE 不存在" "$tmp/err"
"$GK" annotate "$E" t3.new.natural --value -1 >"$tmp/out" 2>"$tmp/err"
rc=$?
check "annotate: negative count exits 2" test "$rc" -eq 2
"$GK" annotate "$E" t3.new.natural --value abc >"$tmp/out" 2>"$tmp/err"
rc=$?
check "annotate: non-number exits 2" test "$rc" -eq 2
"$GK" annotate "$E" --state 已完成 >"$tmp/out" 2>"$tmp/err"
rc=$?
check "annotate: unknown state exits 2" test "$rc" -eq 2
check "annotate: refused calls wrote nothing" test ! -e "$E.review.ini"

"$GK" annotate "$E" --dismiss t3.row_total --reason '已电话核实，报表笔误' >"$tmp/out" 2>"$tmp/err"
rc=$?
check "annotate: dismissal (rule id in any case)" test "$rc" -eq 0
"$GK" annotate "$E" --state 审核中 >"$tmp/out" 2>"$tmp/err"
"$GK" annotate "$E" --note '请报送单位核对表三' >"$tmp/out" 2>"$tmp/err"
cp "$E.review.ini" "$tmp/out"
check "annotate: dismissal section" grep -q '^\[dismiss T3.ROW_TOTAL \*\]$' "$tmp/out"
check "annotate: state" grep -q '^state = 审核中$' "$tmp/out"
check "annotate: report-level note" grep -q '^\[note report\]$' "$tmp/out"

# ---- check and export apply it -------------------------------------------------------
"$GK" check --format json "$R" >"$tmp/out" 2>"$tmp/err"
check "check json: corrected value" grep -q '"t3.new.natural":{"value":7,"status":"corrected"' "$tmp/out"
"$GK" export --format json "$R" >"$tmp/out" 2>"$tmp/err"
check "export json: corrected value" grep -q '"t3.new.natural":{"value":7,"status":"corrected"' "$tmp/out"
"$GK" check --format json "$E" >"$tmp/out" 2>"$tmp/err"
check "check json: dismissed finding" grep -q '"rule":"T3.ROW_TOTAL"[^}]*"dismissed":true,"reason":"已电话核实，报表笔误"' "$tmp/out"
"$GK" check "$E" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "check: dismissed finding shown as a note" grep -q "note: .*\[T3.ROW_TOTAL\] (已忽略：已电话核实，报表笔误)" "$tmp/out"
check "check: the other error still counts" test "$rc" -eq 1
"$GK" annotate "$E" t3.granted.total --value 4 >/dev/null 2>&1
"$GK" check "$E" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "check: a correction that fixes the sums leaves no error" test "$rc" -eq 0
check "check: no sidecar warning" test ! -s "$tmp/err"

# a folder named on the command line: its listing tells which reports have a
# sidecar (also one saved as a numbered candidate); the others are not looked
# up.  No fallback folder ($XDG_DATA_HOME/gkreview absent): only the listing counts.
nofb="env XDG_DATA_HOME=$tmp/no-such-data"
$nofb "$GK" check --format json "$tmp/r" >"$tmp/out" 2>"$tmp/err"
check "check folder: correction applied" grep -q '"t3.new.natural":{"value":7,"status":"corrected"' "$tmp/out"
check "check folder: the other report's correction applied" grep -q '"t3.granted.total":{"value":4,"status":"corrected"' "$tmp/out"
mkdir -p "$tmp/n"
cp "$S/003_1a8c02130c595433.txt" "$tmp/n/a.txt"
cp "$S/003_1a8c02130c595433.txt" "$tmp/n/b.txt"
printf 'not [an ini\n' >"$tmp/n/a.txt.review.ini"
"$GK" annotate "$tmp/n/a.txt" t3.new.natural --value 8 >/dev/null 2>&1
$nofb "$GK" check --format json -j 2 "$tmp/n" >"$tmp/out" 2>"$tmp/err"
check "check folder: a sidecar saved beside a corrupt one is read" \
    test "$(grep -c '"t3.new.natural":{"value":8,"status":"corrected"' "$tmp/out")" -eq 1
check "check folder: the report without a sidecar is as read" \
    grep -q '"t3.new.natural":{"value":6,"status":"inferred"' "$tmp/out"

"$GK" check --format json --no-review "$R" >"$tmp/out" 2>"$tmp/err"
check "--no-review: value as read" grep -q '"t3.new.natural":{"value":6,"status":"inferred"' "$tmp/out"
"$GK" check --format json --no-review "$E" >"$tmp/out" 2>"$tmp/err"
check "--no-review: finding not dismissed" grep -q '"rule":"T3.ROW_TOTAL"[^}]*"dismissed":false' "$tmp/out"
"$GK" check --no-review "$E" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "--no-review: exit code as without review" test "$rc" -eq 1

# ---- a corrupt sidecar: a warning, never overwritten ----------------------------------
mkdir -p "$tmp/c"
C=$tmp/c/003.txt
cp "$S/003_1a8c02130c595433.txt" "$C"
printf 'not [an ini\n\001garbage\n' >"$C.review.ini"
corrupt=$(cksum <"$C.review.ini")
"$GK" check --format json "$C" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "corrupt sidecar: check goes on" grep -q '"t3.new.natural":{"value":6,"status":"inferred"' "$tmp/out"
check "corrupt sidecar: warning names the file" grep -q "警告.*$C.review.ini" "$tmp/err"
"$GK" annotate "$C" --note 'x' >"$tmp/out" 2>"$tmp/err"
rc=$?
check "corrupt sidecar: annotate saves beside it" sh -c "test $rc -eq 0 && grep -q '$C.review.1.ini' '$tmp/out'"
check "corrupt sidecar: left untouched" test "$corrupt" = "$(cksum <"$C.review.ini")"

# ---- read-only folder: $XDG_DATA_HOME ---------------------------------------------------
mkdir -p "$tmp/ro" "$tmp/xdg-ro"
cp "$S/003_1a8c02130c595433.txt" "$tmp/ro/"
RO=$tmp/ro/003_1a8c02130c595433.txt
as_user=""
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1; then
        chmod 755 "$tmp"
        chown 65534:65534 "$tmp/xdg-ro"
        as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
        # the binary may sit in a clone nobody can reach (a private directory of root's): a copy
        cp "$GK" "$tmp/gk-nobody" && chmod 755 "$tmp/gk-nobody"
    else
        as_user=skip
    fi
fi
chmod 555 "$tmp/ro"
if [ "$as_user" = skip ]; then
    ok "read-only folder falls back to XDG_DATA_HOME # skip (root without setpriv)"
else
    G_RO=$GK
    [ -n "$as_user" ] && G_RO=$tmp/gk-nobody
    $as_user env HOME="$tmp" USER=tester XDG_DATA_HOME="$tmp/xdg-ro" \
        "$G_RO" annotate "$RO" t3.new.natural --value 9 >"$tmp/out" 2>"$tmp/err"
    rc=$?
    check "read-only folder: annotate succeeds" test "$rc" -eq 0
    check "read-only folder: nothing written beside the report" test "$(ls -A "$tmp/ro")" = "003_1a8c02130c595433.txt"
    check "read-only folder: sidecar under XDG_DATA_HOME/gkreview" \
        sh -c "ls '$tmp/xdg-ro/gkreview/' | grep -Eq '^[0-9a-f]{16}-003_1a8c02130c595433.txt.review.ini$'"
    check "read-only folder: annotate says where" grep -q "$tmp/xdg-ro/gkreview/" "$tmp/out"
    $as_user env HOME="$tmp" XDG_DATA_HOME="$tmp/xdg-ro" "$G_RO" check --format json "$RO" >"$tmp/out" 2>"$tmp/err"
    check "read-only folder: check applies it" grep -q '"t3.new.natural":{"value":9,"status":"corrected"' "$tmp/out"
fi
chmod 755 "$tmp/ro"
if [ -n "$as_user" ] && [ "$as_user" != skip ]; then
    # root can write the folder: the sidecar kept under XDG_DATA_HOME is still found
    XDG_DATA_HOME="$tmp/xdg-ro" "$GK" check --format json "$RO" >"$tmp/out" 2>"$tmp/err"
    check "folder writable again: the XDG_DATA_HOME sidecar still applies" \
        grep -q '"t3.new.natural":{"value":9,"status":"corrected"' "$tmp/out"
    XDG_DATA_HOME="$tmp/xdg-ro" "$GK" annotate "$RO" --note '移回' >"$tmp/out" 2>"$tmp/err"
    check "folder writable again: next save goes beside the report, entries kept" \
        sh -c "grep -q '^value = 9\$' '$RO.review.ini' && grep -q '^text = 移回\$' '$RO.review.ini'"
fi

# ---- SIGKILL while saving --------------------------------------------------------------------
mkdir -p "$tmp/k"
K=$tmp/k/003.txt
cp "$S/003_1a8c02130c595433.txt" "$K"
kbefore=$(stamp "$K")
if [ -n "${WRITER:-}" ] && [ -x "$WRITER" ]; then
    last=0
    bad=""
    torn=0
    i=0
    while [ $i -lt 50 ]; do
        i=$((i + 1))
        "$WRITER" loop "$K" >"$tmp/wout" 2>&1 &
        pid=$!
        sleep "$(awk -v s=$i 'BEGIN { srand(s * 7919); printf "%.3f", 0.05 + rand() * 0.3 }')"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        if ls "$tmp/k" | grep -q '\.tmp\.'; then torn=$((torn + 1)); fi
        if now=$("$WRITER" verify "$K" "$last" 2>&1); then
            last=$now
        else
            bad="iteration $i: $now"
            break
        fi
    done
    echo "$bad" >"$tmp/out"
    check "kill loop: 50 SIGKILLs, the sidecar always old or new, complete" test -z "$bad"
    check "kill loop: the writer got saves done" test "$last" -gt 0
    echo "# kill loop: $last saves, $torn kills left a half-written temp file behind"
else
    ok "kill loop: 50 SIGKILLs # skip (no TOOLS/sidecar_writer)"
fi
# the same with the command line itself
big=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "很长的备注;#=\\%d ", i }')
bad=""
i=0
while [ $i -lt 20 ]; do
    i=$((i + 1))
    "$GK" annotate "$K" t3.granted.total --value $i --note "$big $i" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v s=$i 'BEGIN { srand(s * 104729); printf "%.3f", rand() * 0.25 }')"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    "$GK" check --format json "$K" >/dev/null 2>"$tmp/err"
    if grep -q "^gkreview: 警告" "$tmp/err"; then
        bad="iteration $i: $(head -c 300 "$tmp/err")"
        break
    fi
done
echo "$bad" >"$tmp/out"
check "kill loop: gkreview annotate killed 20 times, sidecar always loads" test -z "$bad"
check "kill loop: the report untouched" test "$kbefore" = "$(stamp "$K")"

# ---- two writers at once -----------------------------------------------------------------------
mkdir -p "$tmp/p"
P=$tmp/p/003.txt
cp "$S/003_1a8c02130c595433.txt" "$P"
pbefore=$(stamp "$P")
"$GK" export --no-review --format csv "$P" 2>/dev/null | sed 1d | cut -d, -f2 | head -n 60 >"$tmp/cells"
head -n 30 "$tmp/cells" >"$tmp/cells.a"
tail -n 30 "$tmp/cells" >"$tmp/cells.b"
writer() { # who, cells file
    while read -r c; do
        "$GK" annotate "$P" "$c" --note "$1 写的 $c" --who "$1" >/dev/null 2>>"$tmp/werr" || echo "$1 $c failed" >>"$tmp/wfail"
    done <"$2"
}
: >"$tmp/wfail"
writer 甲 "$tmp/cells.a" &
pa=$!
writer 乙 "$tmp/cells.b" &
pb=$!
wait $pa $pb
cp "$tmp/wfail" "$tmp/out"
check "parallel: 2 x 30 annotate calls all succeed" test ! -s "$tmp/wfail"
missing=""
while read -r c; do
    grep -q "^\[note $c\]$" "$P.review.ini" || missing="$missing $c"
done <"$tmp/cells"
echo "$missing" >"$tmp/out"
check "parallel: every one of the 60 notes is in the sidecar" test -z "$missing"
check "parallel: exactly 60 notes" test "$(grep -c '^\[note ' "$P.review.ini")" -eq 60
check "parallel: notes intact" test "$(grep -c '^text = [甲乙] 写的 t[234]\.' "$P.review.ini")" -eq 60
check "parallel: no temp file left" test -z "$(ls "$tmp/p" | grep '\.tmp\.')"
check "parallel: the report untouched" test "$pbefore" = "$(stamp "$P")"

# ---- the issues list ------------------------------------------------------------------------------
"$GK" issues "$tmp/r" >"$tmp/issues.csv" 2>"$tmp/err"
rc=$?
cp "$tmp/issues.csv" "$tmp/out"
check "issues: exit 0" test "$rc" -eq 0
check "issues: UTF-8 BOM" sh -c "head -c 3 '$tmp/issues.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "issues: header" sh -c "head -n 1 '$tmp/issues.csv' | grep -q '文件,单位,年度,单元格,行,列,原值,更正值,问题,备注,审核人,时间'"
check "issues: correction row with its note" \
    grep -Eq "^$R,川汇区政府办公室,2023,t3.new.natural,本年新收政府信息公开申请数量,自然人,,7,审核更正,核对原件：自然人 7 件; #=\[x\],审核员甲,20[0-9-]*T[0-9:]*(Z|[+-][0-9:]*)$" "$tmp/issues.csv"
check "issues: correction row with the original value" \
    grep -q "^$E,.*,2023,t3.granted.total,予以公开,总计,5,4,审核更正,,审核员甲," "$tmp/issues.csv"
check "issues: open finding row" grep -q "^$R,川汇区政府办公室,2023,,,,,,警告：第六部分未说明信息处理费的收取情况,,,$" "$tmp/issues.csv"
check "issues: report-level note row" grep -q "^$E,.*,2023,,,,,,,请报送单位核对表三,审核员甲,20" "$tmp/issues.csv"
check "issues: dismissed findings left out" sh -c "! grep -q '予以公开行：总计为 5' '$tmp/issues.csv'"
check "issues: one row per finding, correction and note" test "$(wc -l <"$tmp/issues.csv")" -eq \
    "$(( 1 + $("$GK" check --format json "$R" "$E" 2>/dev/null | grep -o '"dismissed":false' | wc -l) + 3 ))"

# ---- the reports themselves -----------------------------------------------------------------------
check "report files: bytes and mtime unchanged" test "$before" = "$(stamp "$R" "$E")"
check "sample-reports untouched" test "$samples_before" = "$(cat "$S"/* | cksum)"
check "sample-reports: no sidecar created" test -z "$(ls "$S" | grep '\.review\.')"
