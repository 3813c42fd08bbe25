#!/bin/sh
# suite_e2e_review.sh — the reviewer's work in the review screen (issue #6),
# end to end with the real binary in tmux (the harness of suite_e2e.sh):
# correcting a cell (e), undo (u), a note (a), the review state (m), saving
# (s) and reopening; dismissing a finding with a reason (d); the question
# before quitting with unsaved changes; a corrupt sidecar; cross-year
# findings.  Works only on copies of the sample reports in a temporary folder.
set -u
E2E_LIB=1
. "$(dirname "$0")/suite_e2e.sh"

# A reviewer is configured (the question asked at the first save without one
# is tested in suite_e2e_day.sh).
mkdir -p "$TMP/config/gkreview"
printf '[review]\nreviewer = 测试员\n' >"$TMP/config/gkreview/config.ini"

# A fresh copy of a sample report: prints its path.
copy() {
    d=$(mktemp -d "$TMP/copy.XXXXXX") || exit 2
    cp "sample-reports/$1" "$d/"
    echo "$d/$1"
}

# json_cell FILE ID: the cell's JSON object from check --format json.
json_cell() { "$GK" check --format json "$1" 2>/dev/null | grep -o "\"$2\":{[^}]*}" | head -n 1; }

# ---- correct, undo, note, state, save, reopen ---------------------------------------------

test_correct_save_reopen() {
    name="e corrects t3.new.natural, u undoes it, a notes, m sets the state, s saves; reopened all is there"
    f=$(copy 003_1a8c02130c595433.txt)
    run 80 24 -- "$f"
    wait_for '本年新收 +6\*' || { notok "$name" "no table"; return; }
    key :
    wait_for '跳到单元格' || { notok "$name" ": shows no prompt"; return; }
    text '本年新收 自然人'
    key Enter
    wait_for 't3\.new\.natural  值 6\*' || { notok "$name" ": 本年新收 自然人 did not reach t3.new.natural"; return; }
    key e
    wait_for '更正 本年新收·自然人（现为 6\*），输入新值：' || { notok "$name" "e shows no prompt"; return; }
    text 8
    key Enter
    if ! wait_for "本年新收 +8' +0" || ! screen | head -n 1 | grep -q '错误2 警告4 未审核 \*未保存' ||
        ! screen | grep -q '更正：原值 空白或缺失 → 8'; then
        notok "$name" "after e 8: no 8' in the row, no re-check (错误2) or no unsaved mark"
        return
    fi
    key u
    if ! wait_for '本年新收 +6\* +0' || ! screen | head -n 1 | grep -q '错误0 警告5 未审核 审核人 测试员 *$' ||
        ! screen | grep -q '已撤销：更正 本年新收·自然人'; then
        notok "$name" "u did not bring back 6* and the counts"
        return
    fi
    key Tab                                    # the source panel: the cell shows its own colour
    code=$(fg_code themes/default.ini inferred)
    if ! wait_for '^> 原文' || ! screen_e | grep '本年新收 ' | grep -q "${ESC}\[${code}m *6\*"; then
        notok "$name" "after u, 6* is not in the inferred colour again"
        return
    fi
    key Tab
    wait_for '^  原文' || { notok "$name" "Tab did not go back to the tables"; return; }
    key e
    wait_for '输入新值：' || { notok "$name" "no prompt the second time"; return; }
    text 6
    key Enter
    wait_for "本年新收 +6' +0" || { notok "$name" "e 6 did not show 6'"; return; }
    key Tab
    code=$(fg_code themes/default.ini corrected)
    if ! wait_for '^> 原文' || ! screen_e | grep '本年新收 ' | grep -q "${ESC}\[${code}m *6'"; then
        notok "$name" "6' is not drawn in the corrected colour (SGR $code):" \
            "$(screen_e | grep '本年新收 ' | cat -v)"
        return
    fi
    key Tab
    wait_for '^  原文' || { notok "$name" "Tab did not go back to the tables"; return; }
    key a
    wait_for '备注：本年新收·自然人' || { notok "$name" "a shows no note box"; return; }
    text '核对原件：自然人 6 件; #=[x] "引号" 100%'
    key C-j
    text '第二行 \ 末尾'
    key Enter
    wait_for '已记下本年新收·自然人的备注' || { notok "$name" "the note was not taken"; return; }
    key m
    wait_for '审核状态：审核中' || { notok "$name" "m did not set 审核中"; return; }
    key s
    if ! wait_for "已保存到 .*003_1a8c02130c595433\.txt\.review\.ini" || ! [ -f "$f.review.ini" ] ||
        screen | head -n 1 | grep -q '未保存'; then
        notok "$name" "s did not save beside the report (or the status still says 未保存)"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    run 80 24 -- "$f"
    if ! wait_for "本年新收 +6'# +0" || ! screen | head -n 1 | grep -q '审核中'; then
        notok "$name" "reopened: no 6'# (corrected, with a note) or no 审核中"
        return
    fi
    key :                                       # by id this time
    text t3.new.natural
    key Enter
    wait_for 't3\.new\.natural  值' || { notok "$name" ": t3.new.natural did not reach the cell"; return; }
    key Enter
    if ! wait_for '详情 · 按任意键关闭' || ! screen | grep -q '核对原件：自然人 6 件; #=\[x\] "引号" 100%' ||
        ! screen | grep -q '第二行 \\ 末尾'; then
        notok "$name" "reopened: the detail does not show the note exactly"
        return
    fi
    key x
    key q
    i=0
    while [ $i -lt 100 ] && [ ! -s "$TMP/rc" ]; do sleep 0.1; i=$((i + 1)); done
    [ "$(cat "$TMP/rc" 2>/dev/null)" = 0 ] || { notok "$name" "the second run did not end cleanly"; return; }
    cell=$(json_cell "$f" t3.new.natural)
    if ! printf '%s' "$cell" | grep -q '"value":6' || ! printf '%s' "$cell" | grep -q '"status":"corrected"'; then
        notok "$name" "check --format json: t3.new.natural is $cell"
        return
    fi
    if "$GK" check --format json "$f" 2>/dev/null | grep -q '"rule":"CELL.INFERRED","severity":"warning","cells":\["t3.new.natural"\]'; then
        notok "$name" "check still reports t3.new.natural as inferred"
        return
    fi
    ok "$name"
}

# ---- dismiss ----------------------------------------------------------------------------------

test_dismiss() {
    name="d asks for a reason (empty refused), then the finding stays listed, greyed, with its reason"
    f=$(copy 101_err_row_total.txt)
    run 80 24 -- "$f"
    wait_for '错误2 警告0' || { notok "$name" "101 does not open with 错误2"; return; }
    key f
    wait_for '^> 问题列表 2 条：错误 2，警告 0' || { notok "$name" "f shows no findings list"; return; }
    key d
    wait_for '忽略这条问题：请写明理由' || { notok "$name" "d shows no reason box"; return; }
    key Enter
    if ! wait_for '理由不能为空：请写明为什么忽略这条问题' || ! screen | grep -q '忽略这条问题：请写明理由' ||
        ! screen | head -n 1 | grep -q '错误2 警告0'; then
        notok "$name" "an empty reason was not refused with the box kept open"
        return
    fi
    text '   '
    key Enter
    wait_for '理由不能为空' || { notok "$name" "a reason of spaces was taken"; return; }
    key C-u
    text 'j'                                   # typed into the box, not taken as a command
    key BSpace
    text '已电话核实，报表笔误'
    key Enter
    if ! wait_for '问题列表 2 条：错误 1，警告 0' || ! screen | grep -q '^>忽略 .*（已忽略：已电话' ||
        ! screen | grep -q '^（已忽略：已电话核实，报表笔误）' ||
        ! screen | head -n 1 | grep -q '错误1 警告0 未审核 \*未保存'; then
        notok "$name" "the finding is not listed as dismissed with its reason"
        return
    fi
    key k                                       # the cursor off the row (listed last): its own colour shows
    if ! wait_for '^ 忽略 ' || ! screen_e | grep '（已忽略：已电话' | grep -Eq "${ESC}\[([0-9]+;)*2m"; then
        notok "$name" "the dismissed finding is not drawn dim:" "$(screen_e | grep '已电话核实' | cat -v)"
        return
    fi
    key q
    wait_for '未保存的修改' || { notok "$name" "q did not ask"; return; }
    key y
    finish_after_q || { notok "$name" "y did not save and quit"; return; }
    if ! grep -q '^\[dismiss T3.ROW_TOTAL ' "$f.review.ini" || ! grep -q '^reason = 已电话核实，报表笔误$' "$f.review.ini"; then
        notok "$name" "the sidecar has no dismissal with the reason"
        return
    fi
    ok "$name"
}

# The program was asked to quit (q already sent): status 0, quiet sanitizer.
finish_after_q() {
    i=0
    while [ $i -lt 100 ] && [ ! -s "$TMP/rc" ]; do sleep 0.1; i=$((i + 1)); done
    [ -s "$TMP/rc" ] && [ "$(cat "$TMP/rc")" = 0 ] && ! grep -Eq 'Sanitizer|runtime error' "$TMP/stderr"
}

# ---- quitting with unsaved changes --------------------------------------------------------------

test_quit_unsaved() {
    name="q with unsaved changes asks: Esc keeps the program open, n quits without writing"
    f=$(copy 003_1a8c02130c595433.txt)
    run 80 24 -- "$f"
    wait_for '本年新收 +6\*' || { notok "$name" "no table"; return; }
    key m
    wait_for '审核中 \*未保存' || { notok "$name" "m did not mark the report unsaved"; return; }
    key q
    wait_for '本报告有未保存的修改，退出前保存吗？  y 保存  n 不保存  Esc 取消' || { notok "$name" "q did not ask"; return; }
    key Escape
    if ! wait_for '已取消，修改仍未保存' || [ -s "$TMP/rc" ]; then
        notok "$name" "Esc did not keep the program open"
        return
    fi
    key x                                       # an unbound key: still running
    sleep 0.3
    [ -s "$TMP/rc" ] && { notok "$name" "the program ended after cancel"; return; }
    key q
    wait_for '退出前保存吗' || { notok "$name" "q did not ask the second time"; return; }
    key n
    finish_after_q || { notok "$name" "n did not quit cleanly"; return; }
    if [ -e "$f.review.ini" ]; then
        notok "$name" "n wrote the sidecar"
        return
    fi
    ok "$name"
}

# ---- a corrupt sidecar ----------------------------------------------------------------------------

test_corrupt_sidecar() {
    name="a corrupt sidecar is shown to the reviewer and never overwritten"
    f=$(copy 003_1a8c02130c595433.txt)
    printf '[report\nversion = 1\nthis is = not = a sidecar\n' >"$f.review.ini"
    before=$(cksum <"$f.review.ini")
    run 80 24 -- "$f"
    if ! wait_for '审核记录提示' || ! screen | grep -q '无法使用'; then
        notok "$name" "no box telling the sidecar cannot be used"
        return
    fi
    key x
    wait_gone '审核记录提示' || { notok "$name" "the box does not close"; return; }
    key m
    key s
    wait_for '已保存到 .*review\.1\.ini' || { notok "$name" "saving did not go to .review.1.ini"; return; }
    [ "$(cksum <"$f.review.ini")" = "$before" ] || { notok "$name" "the corrupt sidecar was changed"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- cross-year findings in the screen --------------------------------------------------------------

test_xyear() {
    name="cross-year findings (XYEAR.CARRY) appear in the screen for a pair of years"
    d=$(mktemp -d "$TMP/xy.XXXXXX")
    cp sample-reports/004_3cc3c4a50339be4b.txt sample-reports/202_xyear_xicun_2024.txt "$d/"
    run 100 40 -- "$d"
    wait_for '202_xyear_xicun_2024\.txt' || { notok "$name" "the queue does not list 202"; return; }
    key o                              # by file name: 004 then 202, whatever their warnings (XYEAR.COPIED adds to 202's)
    key j Enter
    wait_for '^ \[队列 2/2\] 202_xyear_x' || { notok "$name" "Enter did not open 202"; return; }
    if ! wait_for '上年结转·自然人：本年度上年结转为 1，而 2023 年度报告' || ! screen | head -n 1 | grep -q '错误3 '; then
        notok "$name" "no cross-year finding in the findings list (shown at 100 columns)"
        return
    fi
    if ! wait_for '^\[错误 XYEAR\.CARRY\] 第 57 行' || ! screen | grep -q '004_3cc3c4a50339be4b\.txt'; then
        notok "$name" "the detail does not show XYEAR.CARRY naming 004"
        return
    fi
    key q
    wait_for '^> 报告队列' || { notok "$name" "q did not go back to the queue"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

for t in ${E2E_ONLY:-correct_save_reopen dismiss quit_unsaved corrupt_sidecar xyear}; do
    "test_$t"
done
exit 0
