#!/bin/sh
# suite_inject.sh — hostile input, round two (issue #17): escape sequences in
# file names, dismissal reasons and sidecar lines never reach the terminal raw
# (stdout, stderr and the review screen), no CSV cell starts a formula, a
# sidecar that is a symbolic link is neither read nor quoted, a lock that is a
# link is refused, a cut-off sidecar is reported and never overwritten,
# duplicate sections are reported, numbers go through the one parser, and
# the sidecar's section limit.  Screen tests use the tmux harness of
# suite_e2e.sh.  Works on copies in a temporary folder.
set -u
E2E_LIB=1
. "$(dirname "$0")/suite_e2e.sh"
export XDG_DATA_HOME="$TMP/xdg" XDG_CONFIG_HOME="$TMP/cfg" USER=tester

nok() { echo "not ok - $1"; shift; for l in "$@"; do echo "    $l"; done; }
check() { # name, condition-command...
    name=$1
    shift
    if "$@"; then ok "$name"; else nok "$name" "$(head -c 600 "$TMP/out" 2>/dev/null | cat -v)" "$(head -c 600 "$TMP/err" 2>/dev/null | cat -v)"; fi
}
BEL=$(printf '\007')
C1=$(printf '\302\233')
# raw FILE...: true when a file holds ESC, BEL or a C1 CSI.
raw() { cat "$@" | grep -q "$ESC\|$BEL\|$C1"; }
S=sample-reports
OSC="$(printf '\033]0;PWNED\007\033[2J')"
W=$TMP/w
mkdir -p "$W"
R0=$S/000_8ae2e5b09e066f56.txt

# ---- the command line ------------------------------------------------------------------------------
N="$W/x${OSC}.txt"                                   # x ESC]0;PWNED BEL ESC[2J .txt
cp "$S/101_err_row_total.txt" "$N"
"$GK" annotate "$N" --dismiss T3.ROW_TOTAL --reason "核实${OSC}无误" >"$TMP/out" 2>"$TMP/err"
check "annotate with an escape in the file name and reason: saved, reply neutralised" \
    eval "test -f '$N.review.ini' && ! { cat '$TMP/out' '$TMP/err' | grep -q '$ESC\|$BEL'; } && grep -q 'x^\[\]0;PWNED^G^\[\[2J.txt' '$TMP/out'"
"$GK" check "$W" >"$TMP/out" 2>"$TMP/err"
check "check: no ESC, BEL or C1 byte on stdout or stderr" eval "! { cat '$TMP/out' '$TMP/err' | grep -q '$ESC\|$BEL\|$C1'; }"
check "check: the file name shown as x^[]0;PWNED^G^[[2J.txt" grep -q 'x^\[\]0;PWNED^G^\[\[2J\.txt:[0-9]*: error:' "$TMP/out"
check "check: the dismissal reason shown as 核实^[]0;PWNED^G^[[2J无误" grep -q '(已忽略：核实^\[\]0;PWNED^G^\[\[2J无误)' "$TMP/out"

printf '' >"$W/e${OSC}mpty.txt"                      # unreadable: named on stderr
printf '[report]\nversion = 2\n\033]0;PWNED\007 garbage line\n' >"$W/x${OSC}.txt.review.ini"
"$GK" check "$W" >"$TMP/out" 2>"$TMP/err"
check "check: a sidecar line with ESC]0;…BEL: the warning quotes it neutralised" \
    eval "! raw '$TMP/out' '$TMP/err' && grep -q '无法识别：^\[\]0;PWNED^G garbage line' '$TMP/err'"
check "check: an unreadable file's name neutralised on stderr" grep -q 'e^\[\]0;PWNED^G^\[\[2Jmpty\.txt: error: 无法读取' "$TMP/err"
"$GK" check --format csv "$W" >"$TMP/out" 2>"$TMP/err"
check "check --format csv: no ESC, BEL or C1 byte" eval "! raw '$TMP/out' '$TMP/err'"
"$GK" check "$(printf -- '--bad\033[2Jk')" "$R0" >"$TMP/out" 2>"$TMP/err"
check "an unknown option is named neutralised" eval "! raw '$TMP/err' && grep -q '未知选项 --bad^\[\[2Jk' '$TMP/err'"
rm -f "$W/e${OSC}mpty.txt" "$W/x${OSC}.txt.review.ini"

# ---- the spreadsheet --------------------------------------------------------------------------------
F="$W/=cmd|' -c calc'!A1.txt"
cp "$S/101_err_row_total.txt" "$F"
"$GK" annotate "$F" --note '=HYPERLINK("http://example.invalid","点击")' --who '+1+cmd' >/dev/null 2>&1
"$GK" annotate "$F" --dismiss T3.HANDLED_SUM --reason "@SUM(1+1)*cmd|' /C calc'!A0" --who '-2+3' >/dev/null 2>&1
(cd "$W" && "$GK" issues "=cmd|' -c calc'!A1.txt") >"$TMP/out" 2>"$TMP/err"
# a field starts a formula when it begins (after a comma or the line start, quoted or not) with = + @, or - not a number
formula() { LC_ALL=C.UTF-8 grep -Eq '(^|,)"?([=+@]|-[^0-9]|-$)' "$1"; }
check "issues: the file name starting = is '=cmd…" grep -q "^'=cmd|' -c calc'!A1\.txt," "$TMP/out"
check "issues: a note starting = is '=HYPERLINK…" grep -q "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\"" "$TMP/out"
check "issues: a reviewer named +1+cmd is '+1+cmd" grep -q ",'+1+cmd," "$TMP/out"
check "issues: no cell starts a formula" eval "! formula '$TMP/out'"
(cd "$W" && "$GK" check --format csv "=cmd|' -c calc'!A1.txt") >"$TMP/out" 2>"$TMP/err"
check "check --format csv: the reason starting @ is '@SUM…, no cell starts a formula" \
    eval "grep -q \"'@SUM(1+1)\" '$TMP/out' && ! formula '$TMP/out'"
(cd "$W" && "$GK" export --format csv "=cmd|' -c calc'!A1.txt") >"$TMP/out" 2>"$TMP/err"
check "export --format csv: no cell starts a formula, numbers stay numbers" \
    eval "! formula '$TMP/out' && grep -q ',t3.new.total,.*,[0-9][0-9]*,extracted,' '$TMP/out'"
rm -f "$F" "$F.review.ini" "$F.review.ini.lock"

# ---- symbolic links ------------------------------------------------------------------------------------
R="$W/r.txt"
cp "$S/003_1a8c02130c595433.txt" "$R"
printf 'root:x:0:0:root:/root:/bin/bash\nsecret line two\n' >"$W/passwd"
before=$(cksum <"$W/passwd")
ln -s "$W/passwd" "$R.review.ini"
"$GK" check "$R" >"$TMP/out" 2>"$TMP/err"
check "a sidecar that is a symlink: reported as such, its content not quoted" \
    eval "grep -q '符号链接' '$TMP/err' && ! grep -q 'root:x\|secret' '$TMP/err' '$TMP/out'"
"$GK" annotate "$R" t3.new.natural --value 6 >"$TMP/out" 2>"$TMP/err"
check "a sidecar that is a symlink: never written through, saving goes to .review.1.ini" \
    eval "test '$before' = \"\$(cksum <'$W/passwd')\" && test -L '$R.review.ini' && grep -q '^value = 6$' '$R.review.1.ini'"
rm -f "$R.review.ini" "$R.review.1.ini" "$R".review.*.lock "$R.review.ini.lock"
ln -s "$W/planted" "$R.review.ini.lock"
"$GK" annotate "$R" t3.new.natural --value 6 >"$TMP/out" 2>"$TMP/err"
rc=$?
check "a lock file that is a symlink: refused with a message, nothing created through it" \
    eval "test $rc -ne 0 && test ! -e '$W/planted' && test ! -e '$R.review.ini' && grep -q '锁文件是符号链接' '$TMP/err'"
rm -f "$R.review.ini.lock"

# ---- a sidecar cut off ----------------------------------------------------------------------------------
"$GK" annotate "$R" t3.new.natural --value 6 >/dev/null 2>&1
"$GK" annotate "$R" t3.granted.natural --value 3 >/dev/null 2>&1
"$GK" annotate "$R" --note "$(printf '很长的备注%.0s' 1 2 3 4 5 6 7 8 9 10)" >/dev/null 2>&1
"$GK" annotate "$R" t3.new.total --value 1234567 >/dev/null 2>&1
full=$(wc -c <"$R.review.ini")
cut_at=$(grep -b '^value = 1234567$' "$R.review.ini" | cut -d: -f1)
head -c $((cut_at + 11)) "$R.review.ini" >"$TMP/cut" && cp "$TMP/cut" "$R.review.ini"   # "value = 123"
cutsum=$(cksum <"$R.review.ini")
"$GK" check --format json "$R" >"$TMP/out" 2>"$TMP/err"
check "a cut-off sidecar: reported as truncated, naming the last complete entry and the cut one" \
    eval "grep -q '不完整' '$TMP/err' && grep -q '套用到 \[correction t3.new.natural\] 为止的 2 条记录' '$TMP/err' && grep -q '最后的 \[correction t3.new.total\]' '$TMP/err'"
check "a cut-off sidecar: the complete entries apply, the cut value (123) does not" \
    eval "grep -q '\"t3.granted.natural\":{\"value\":3,\"status\":\"corrected\"' '$TMP/out' && ! grep -q '\"value\":123,' '$TMP/out'"
"$GK" annotate "$R" --state 审核中 >"$TMP/out" 2>"$TMP/err"
check "a cut-off sidecar: never overwritten; the complete entries move to .review.1.ini" \
    eval "test '$cutsum' = \"\$(cksum <'$R.review.ini')\" && grep -q '^value = 3$' '$R.review.1.ini' && ! grep -q '^value = 123' '$R.review.1.ini'"
check "sidecars end with the end line; a whole one is not reported" \
    eval "tail -n 1 '$R.review.1.ini' | grep -q '^; end' && test $full -gt 0"
rm -f "$R".review.*

# an old (version 1) sidecar without an end line is still read
printf '[report]\nversion = 1\nsha256 = \nstate = 审核中\n\n[correction t3.new.natural]\nvalue = 9\noriginal = \nwho = 甲\nwhen = 2024-01-01T00:00:00Z\n' >"$R.review.ini"
"$GK" check --format json "$R" >"$TMP/out" 2>"$TMP/err"
check "a version 1 sidecar (no end line) is read as before" \
    eval "grep -q '\"t3.new.natural\":{\"value\":9,\"status\":\"corrected\"' '$TMP/out' && ! grep -q '不完整' '$TMP/err'"

# ---- duplicate sections ---------------------------------------------------------------------------------
{
    printf '[report]\nversion = 2\nsha256 = \nstate = 审核中\n\n'
    printf '[correction t3.new.natural]\nvalue = 5\noriginal = \nwho = 甲\nwhen = 2024-01-01T00:00:00Z\n\n'
    printf '[correction t3.new.natural]\nvalue = 6\noriginal = \nwho = 乙\nwhen = 2024-01-02T00:00:00Z\n'
    printf '; end — 审核记录到此完整结束\n'
} >"$R.review.ini"
"$GK" check --format json "$R" >"$TMP/out" 2>"$TMP/err"
check "two sections for one correction: reported, naming both lines and the one that applies" \
    eval "grep -q '\[correction t3.new.natural\] 出现 2 次（第 6 行、第 12 行），采用第 12 行的' '$TMP/err'"
check "two sections for one correction: the later (6) applies" grep -q '"t3.new.natural":{"value":6,"status":"corrected"' "$TMP/out"
"$GK" issues "$R" >"$TMP/out" 2>"$TMP/err"
check "two sections for one correction: the other value is kept as a conflict" grep -q '有冲突，待核：甲 更正为 5' "$TMP/out"
rm -f "$R".review.*

# ---- numbers ------------------------------------------------------------------------------------------------
num() { # value expected-stored | value expected-message
    "$GK" annotate "$R" t3.new.natural --value "$1" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    case $2 in
    [0-9]*) check "annotate --value $1 stores $2" eval "test $rc -eq 0 && grep -q '^value = $2$' '$R.review.ini'" ;;
    *) check "annotate --value $1 is refused: $2" eval "test $rc -eq 2 && grep -q '$2' '$TMP/err'" ;;
    esac
}
num '1,130' 1130
num '１２３' 123
num '１，２３４' 1234
num '0x10' 十六进制
num '1e5' 科学计数法
num '99999999999999999999999' '超过上限 1,000,000,000,000'
num '1000000000001' '超过上限'
num '1,13' 千位分隔符
num '1.5' 整数
"$GK" annotate "$R" t2.fee.amount --value '１２．５' >"$TMP/out" 2>"$TMP/err"
check "annotate --value １２．５ on a decimal cell stores 12.5" grep -q '^value = 12.5$' "$R.review.ini"
sed -i 's/^value = 1234$/value = 99999999999999999999999/' "$R.review.ini"
"$GK" check --format json "$R" >"$TMP/out" 2>"$TMP/err"
check "a sidecar correction of 99999999999999999999999 is refused (not shown as 1e+23)" \
    eval "grep -q '超过上限' '$TMP/err' && ! grep -q 'e+23\|1e23' '$TMP/out'"
rm -f "$R".review.*

# ---- the section limit ------------------------------------------------------------------------------------------
sh tests/tools/gensidecar.sh 20000 >"$R.review.ini"
timeout 60 "$GK" check "$R" >"$TMP/out" 2>"$TMP/err"
check "20,000 sections load (the 20,000 made-up cells are all reported, the list capped)" \
    eval "grep -q '及其他 19990 个' '$TMP/err' && test \$(wc -c <'$TMP/err') -lt 4000"
sh tests/tools/gensidecar.sh 100000 >"$R.review.ini"
timeout 60 "$GK" check "$R" >"$TMP/out" 2>"$TMP/err"
check "100,000 sections: refused by the limit of 50,000, with a clear message" grep -q '条目超过 50,000 个（上限），不予读取' "$TMP/err"
rm -f "$R".review.*

# ---- the review screen ----------------------------------------------------------------------------------------
test_screen_names_reasons() {
    name="screen: a file name and a dismissal reason with ESC]0;PWNED BEL are shown as placeholders"
    d=$(mktemp -d "$TMP/scr.XXXXXX")
    f="$d/s$(printf '\033]0;PWNED\007').txt"
    cp "$S/101_err_row_total.txt" "$f"
    "$GK" annotate "$f" --dismiss T3.ROW_TOTAL --reason "$(printf 'R\033]0;PWNED\007X')" --who 测试员 >/dev/null 2>&1
    run 160 50 -- "$f"
    wait_for '本年新收' || { notok "$name" "the report did not open"; return; }
    if ! screen | head -n 1 | grep -q 's^\[\]0;PWNED^G\.txt'; then
        notok "$name" "the status bar does not show s^[]0;PWNED^G.txt"
        return
    fi
    wait_for '已忽略：R\^\[\]0;PWNED\^GX' || { notok "$name" "the reason is not shown as R^[]0;PWNED^GX"; return; }
    [ "$(T display -p -t gk '#{pane_title}')" = PWNED ] && { notok "$name" "the pane title was changed"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_screen_sidecar_line() {
    name="screen: a sidecar line with ESC]0;PWNED BEL is quoted as a placeholder, the title unchanged"
    d=$(mktemp -d "$TMP/scr.XXXXXX")
    f="$d/r.txt"
    cp "$S/003_1a8c02130c595433.txt" "$f"
    printf '[report]\nversion = 2\n\033]0;PWNED\007 garbage\n' >"$f.review.ini"
    run 160 50 -- "$f"
    wait_for '审核记录提示' || { notok "$name" "no box telling the sidecar cannot be used"; return; }
    wait_for '\^\[\]0;PWNED\^G garbage' || { notok "$name" "the line is not quoted as ^[]0;PWNED^G garbage"; return; }
    [ "$(T display -p -t gk '#{pane_title}')" = PWNED ] && { notok "$name" "the pane title was changed"; return; }
    key x
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_screen_names_reasons
test_screen_sidecar_line
exit 0
