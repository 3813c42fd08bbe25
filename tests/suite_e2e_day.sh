#!/bin/sh
# suite_e2e_day.sh — the reviewer's day (issue #18), end to end with the real
# binary in tmux (the harness of suite_e2e.sh): no work is ever lost (Ctrl-C
# asks like q; SIGHUP, SIGTERM, SIGINT and a killed process leave the unsaved
# changes in the recovery file under $XDG_STATE_HOME/gkreview/, offered on the
# next opening: r restores, d discards), a correction to the value already
# there is refused, the reviewer's name is asked once at the first save and
# stored (never root); one problem at a time (findings filters, own edits);
# the mouse (clicks, double clicks, the wheel, in ncurses' SGR path and in
# our own, and off with [ui] mouse = no); the queue (search, sort by body,
# paired years, duplicates, place in the status bar); an empty folder.
# Works only on copies of the sample reports.
set -u
E2E_LIB=1
. "$(dirname "$0")/suite_e2e.sh"

mkdir -p "$TMP/config/gkreview"
printf '[review]\nreviewer = 测试员\n' >"$TMP/config/gkreview/config.ini"
S003=003_1a8c02130c595433.txt

copy() {
    d=$(mktemp -d "$TMP/copy.XXXXXX") || exit 2
    cp "sample-reports/$1" "$d/"
    echo "$d/$1"
}

# The pid of the program (the child of the pane's shell).
gk_pid() { ps -o pid= --ppid "$(T display -p -t gk '#{pane_pid}')" | tr -d ' ' | head -n 1; }

recovery_files() { ls "$TMP/state/gkreview/" 2>/dev/null | grep '\.recover$'; }

# wait_rc: the program ended; its status on stdout.
wait_rc() {
    i=0
    while [ $i -lt 100 ] && [ ! -s "$TMP/rc" ]; do sleep 0.1; i=$((i + 1)); done
    cat "$TMP/rc" 2>/dev/null
}

quiet_sanitizer() { ! grep -Eq 'Sanitizer|runtime error' "$TMP/stderr"; }

# goto LABEL: selects a cell with ':'.
goto() {
    key :
    wait_for '跳到单元格' || return 1
    text "$1"
    key Enter
}

# correct LABEL VALUE
correct() {
    goto "$1" || return 1
    key e
    wait_for '输入新值：' || return 1
    text "$2"
    key Enter
}

# ---- Ctrl-C ----------------------------------------------------------------------------

test_ctrl_c() {
    name="Ctrl-C asks like q (Esc stays, n quits without writing); Ctrl-C in a prompt cancels it"
    rm -rf "$TMP/state"
    f=$(copy $S003)
    run 80 24 -- "$f"
    wait_for '本年新收 +6\*' || { notok "$name" "no table"; return; }
    key e
    wait_for '输入新值：' || { notok "$name" "e shows no prompt"; return; }
    key C-c
    wait_for '未更正' || { notok "$name" "Ctrl-C did not cancel the prompt"; return; }
    key m
    wait_for '审核中 \*未保存' || { notok "$name" "m did not mark the report unsaved"; return; }
    key C-c
    wait_for '退出前保存吗？  y 保存  n 不保存  Esc 取消' || { notok "$name" "Ctrl-C did not ask"; return; }
    key Escape
    if ! wait_for '已取消，修改仍未保存（s 保存）' || [ -s "$TMP/rc" ]; then
        notok "$name" "Esc after Ctrl-C did not keep the program open"
        return
    fi
    [ -n "$(recovery_files)" ] || { notok "$name" "no recovery file while a change is unsaved"; return; }
    key C-c
    wait_for '退出前保存吗' || { notok "$name" "Ctrl-C did not ask the second time"; return; }
    key n
    [ "$(wait_rc)" = 0 ] && quiet_sanitizer || { notok "$name" "n did not quit cleanly"; return; }
    [ ! -e "$f.review.ini" ] || { notok "$name" "n wrote the sidecar"; return; }
    [ -z "$(recovery_files)" ] || { notok "$name" "n (lose the changes) left the recovery file"; return; }
    ok "$name"
}

# ---- signals and the recovery file ----------------------------------------------------------

# A correction and a note, unsaved.
two_changes() {
    correct '本年新收·自然人' 8 || return 1
    wait_for "本年新收 +8'" || return 1
    goto t4.review.upheld || return 1
    key a
    wait_for '备注：行政复议·维持' || return 1
    text '电话核实'
    key Enter
    wait_for '已记下行政复议·维持的备注' || return 1
}

# test_signal SIG: the program is ended by SIG with two unsaved changes;
# reopened, the recovery is offered; r restores (HUP, KILL) or d discards (TERM).
test_signal() {
    sig=$1
    name="SIG$sig with unsaved changes: recovery file written atomically, offered on reopen"
    rm -rf "$TMP/state"
    f=$(copy $S003)
    run 80 24 -- "$f"
    wait_for '本年新收 +6\*' || { notok "$name" "no table"; return; }
    two_changes || { notok "$name" "could not make two changes"; return; }
    rec=$(recovery_files)
    if [ -z "$rec" ] || ! grep -q '^op C - t3.new.natural 8 0$' "$TMP/state/gkreview/$rec" ||
        ! grep -q '^op N - t4.review.upheld' "$TMP/state/gkreview/$rec" || ls "$TMP/state/gkreview/" | grep -q '\.tmp'; then
        notok "$name" "the recovery file does not hold both changes (or a temp file is left)" \
            "$(ls -la "$TMP/state/gkreview/" 2>&1)" "$(cat "$TMP/state/gkreview/$rec" 2>&1)"
        return
    fi
    pid=$(gk_pid)
    [ -n "$pid" ] || { notok "$name" "no program pid"; return; }
    if [ "$sig" = HUP ]; then
        T kill-session -t gk                  # the terminal goes away: the kernel sends SIGHUP
    else
        kill -s "$sig" "$pid"
    fi
    i=0
    while [ $i -lt 100 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
    kill -0 "$pid" 2>/dev/null && { notok "$name" "the program is still running after SIG$sig"; return; }
    if [ "$sig" = TERM ] && [ "$(wait_rc)" != 143 ]; then
        notok "$name" "SIGTERM: exit status $(cat "$TMP/rc" 2>/dev/null), want 143"
        return
    fi
    if [ "$sig" != KILL ] && ! quiet_sanitizer; then
        notok "$name" "the sanitizer spoke:" "$(head -n 20 "$TMP/stderr")"
        return
    fi
    [ ! -e "$f.review.ini" ] || { notok "$name" "the sidecar was written without asking"; return; }
    [ -n "$(recovery_files)" ] || { notok "$name" "the recovery file is gone"; return; }
    run 80 24 -- "$f"
    if ! wait_for '发现未保存的审核记录（[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}，2 处修改）：r 恢复 / d 丢弃'; then
        notok "$name" "reopened: no offer to restore 2 changes"
        return
    fi
    if [ "$sig" = TERM ]; then
        key d
        if ! wait_for '已丢弃未保存的审核记录' || ! wait_for '本年新收 +6\*' || [ -n "$(recovery_files)" ]; then
            notok "$name" "d did not discard (6* back, no recovery file)"
            return
        fi
    else
        key r
        if ! wait_for "本年新收 +8'# +0|本年新收 +8' +0" || ! screen | head -n 1 | grep -q '\*未保存' ||
            ! wait_for '已恢复 2 处未保存的修改'; then
            notok "$name" "r did not restore the correction (8') and mark the report unsaved"
            return
        fi
        key s
        wait_for '已保存到' || { notok "$name" "s did not save the restored changes"; return; }
        if ! grep -q '^value = 8$' "$f.review.ini" || ! grep -q '^text = 电话核实$' "$f.review.ini" ||
            [ -n "$(recovery_files)" ]; then
            notok "$name" "the saved sidecar lacks a restored change, or the recovery file stayed"
            return
        fi
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_sighup() { test_signal HUP; }
test_sigterm() { test_signal TERM; }
test_sigkill() { test_signal KILL; }

test_sigint() {
    name="SIGINT from outside asks like q; n quits"
    rm -rf "$TMP/state"
    f=$(copy $S003)
    run 80 24 -- "$f"
    wait_for '本年新收 +6\*' || { notok "$name" "no table"; return; }
    key m
    wait_for '\*未保存' || { notok "$name" "m did not mark unsaved"; return; }
    kill -s INT "$(gk_pid)"
    wait_for '退出前保存吗' || { notok "$name" "SIGINT did not ask"; return; }
    key n
    [ "$(wait_rc)" = 0 ] && quiet_sanitizer || { notok "$name" "n did not quit cleanly"; return; }
    ok "$name"
}

# ---- corrections to the same value ------------------------------------------------------------

test_same_value() {
    name="a correction to the value already there is refused (与原值相同), not recorded"
    rm -rf "$TMP/state"
    f=$(copy $S003)
    run 80 24 -- "$f"
    wait_for '本年新收 +6\*' || { notok "$name" "no table"; return; }
    correct '本年新收·商业企业' 0 || { notok "$name" "no correction prompt"; return; }
    if ! wait_for '与原值相同：本年新收·商业企业 在报告中就是 0，未更正' || screen | head -n 1 | grep -q '未保存' ||
        [ -n "$(recovery_files)" ]; then
        notok "$name" "the same value was not refused (or the report is marked unsaved)"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- the reviewer's name ------------------------------------------------------------------------

test_reviewer_name() {
    name="no reviewer configured: the first save asks once (root refused), the name goes to the config"
    rm -rf "$TMP/state" "$TMP/cfgname"
    f=$(copy $S003)
    run 80 24 XDG_CONFIG_HOME="$TMP/cfgname" USER=root -- "$f"
    wait_for '本年新收 +6\*' || { notok "$name" "no table"; return; }
    key m
    key s
    wait_for '审核人姓名（第一次保存时填写，记入配置文件）：' || { notok "$name" "s did not ask for the name"; return; }
    screen | tail -n 1 | grep -q '：root' && { notok "$name" "root was offered as the name"; return; }
    text root
    key Enter
    wait_for '不能以 root 署名' || { notok "$name" "root was not refused"; return; }
    key C-u
    text '张 三'
    key Enter
    wait_for '已保存到' || { notok "$name" "the name did not lead to the save"; return; }
    if ! grep -q '^reviewer = "张 三"$' "$TMP/cfgname/gkreview/config.ini" || ! grep -q '^state.who = 张 三$' "$f.review.ini"; then
        notok "$name" "the config or the sidecar does not carry the name" \
            "$(cat "$TMP/cfgname/gkreview/config.ini" 2>&1)" "$(grep who "$f.review.ini" 2>&1)"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    run 80 24 XDG_CONFIG_HOME="$TMP/cfgname" -- "$f"
    wait_for '审核人 张 三' || { notok "$name" "reopened: the status bar does not name 张 三"; return; }
    key m
    key s
    if ! wait_for '已保存到' || screen | grep -q '审核人姓名（'; then
        notok "$name" "the second session asked again"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- findings: filters, own edits ------------------------------------------------------------------

test_findings_filter() {
    name="findings list shown by default at 160x50, errors first; E errors only, R by rule; n within the filter"
    # the counts the command line gives for the same report
    ne=$("$GK" check sample-reports/004_3cc3c4a50339be4b.txt | grep -c ': error: ')
    nw=$("$GK" check sample-reports/004_3cc3c4a50339be4b.txt | grep -c ': warning: ')
    all="问题列表 $((ne + nw)) 条：错误 $ne，警告 $nw"
    [ "$ne" -eq 1 ] || { notok "$name" "004 should have one error, check gives $ne"; return; }
    run 160 50 -- sample-reports/004_3cc3c4a50339be4b.txt
    wait_for "$all" || { notok "$name" "no findings list by default ($all)"; return; }
    first=$(screen | grep -A1 "问题列表 $((ne + nw)) 条" | tail -n 1)
    printf '%s' "$first" | grep -q '^>错误 ' || { notok "$name" "the first row is not the error: $first"; return; }
    key E
    if ! wait_for "$all \\[只看错误，显示 1 条\\]" || screen | grep -q '^ 警告 '; then
        notok "$name" "E did not show errors only"
        return
    fi
    key n
    wait_for '第 1/1 个问题（已回到第一个）' || { notok "$name" "n did not stay within the filter"; return; }
    key E
    wait_gone '\[只看错误' || { notok "$name" "E again did not clear the filter"; return; }
    key R
    wait_for '\[XYEAR|\[[A-Z0-9]+\.[A-Z_]+，显示 [0-9]+ 条\]' || { notok "$name" "R did not filter by a rule"; return; }
    rule=$(screen | sed -n 's/.*\[\([A-Z0-9]*\.[A-Z_]*\)，显示 [0-9]* 条\].*/\1/p' | head -n 1)
    if screen | grep '^[> ]\(错误\|警告\) ' | grep -vq "\[$rule\]"; then
        notok "$name" "R ($rule): rows of other rules are listed"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_own_edits() {
    name="c / C step through one's own edits (corrections, notes)"
    rm -rf "$TMP/state"
    f=$(copy $S003)
    run 80 24 -- "$f"
    wait_for '本年新收 +6\*' || { notok "$name" "no table"; return; }
    key c
    wait_for '本报告还没有你的修改' || { notok "$name" "c without edits says nothing"; return; }
    two_changes || { notok "$name" "could not make two changes"; return; }
    key g
    key c
    wait_for '我的修改 1/2：更正 本年新收·自然人' || { notok "$name" "c did not go to the correction"; return; }
    key c
    wait_for '我的修改 2/2：备注 行政复议·维持' || { notok "$name" "c did not go to the note"; return; }
    key C
    wait_for '我的修改 1/2：更正 本年新收·自然人' || { notok "$name" "C did not go back"; return; }
    key u u
    key q
    wait_for '退出前保存吗' && key n
    [ "$(wait_rc)" = 0 ] || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- the mouse ----------------------------------------------------------------------------------------

# sgr BUTTON X Y [m]: a raw SGR 1006 mouse event at screen column X, row Y (0-based).
sgr() { printf '\033[<%d;%d;%d%s' "$1" $(($2 + 1)) $(($3 + 1)) "${4:-M}"; }
click() { text "$(sgr 0 "$1" "$2")$(sgr 0 "$1" "$2" m)"; }
dclick() { text "$(sgr 0 "$1" "$2")$(sgr 0 "$1" "$2" m)$(sgr 0 "$1" "$2")$(sgr 0 "$1" "$2" m)"; }
wheel() { text "$(sgr "$1" "$2" "$3")"; }

# The display width of a string of ASCII and three-byte (CJK, two-column) characters.
width_of() {
    b=$(printf '%s' "$1" | wc -c)
    nb=$(printf '%s' "$1" | LC_ALL=C tr -d '\000-\177' | wc -c)
    echo $((b - nb + nb / 3 * 2))
}

# The column of the separator between the source and the tables (row 1).
sep_col() {
    l=$(screen | sed -n 2p)
    width_of "$(printf '%s' "${l%%│*}")"
}

# The 0-based screen row of the first line matching ERE.
row_of() { screen | grep -En -- "$1" | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }

test_mouse_term() {
    term=$1
    name="mouse with TERM=$term: click selects a cell and a finding, double click opens the detail, the wheel scrolls"
    run 120 40 TERM="$term" -- sample-reports/$S003
    wait_for '问题列表 5 条' || { notok "$name" "no findings list at 120x40"; return; }
    [ "$(T display -p -t gk '#{mouse_sgr_flag}')" = 1 ] || { notok "$name" "SGR 1006 mouse mode is not on"; return; }
    x=$(($(sep_col) + 2)) y=$(row_of '│上年结转 ')
    click "$x" "$y"
    wait_for 't3\.carried_in\.natural  值 0' || { notok "$name" "a click on the 上年结转 row did not select its first cell"; return; }
    dclick $((x + 1)) "$y"                     # elsewhere than the click: not paired with it
    wait_for '详情 · 按任意键关闭' || { notok "$name" "a double click did not open the detail"; return; }
    key x
    wait_gone '详情 · 按任意键关闭' || { notok "$name" "the detail did not close"; return; }
    y=$(row_of '^ 警告 ')
    click 3 "$y"
    if ! wait_for '^> 问题列表' || [ "$(row_of '^>警告 ')" != "$y" ]; then
        notok "$name" "a click on a finding did not select it (and focus the list)"
        return
    fi
    top=$(screen | sed -n 3p | sed 's/^[> ]*\([0-9]*\).*/\1/')
    wheel 65 5 5
    wheel 65 5 5
    i=0
    while [ $i -lt 30 ] && [ "$(screen | sed -n 3p | sed 's/^[> ]*\([0-9]*\).*/\1/')" = "$top" ]; do sleep 0.1; i=$((i + 1)); done
    now=$(screen | sed -n 3p | sed 's/^[> ]*\([0-9]*\).*/\1/')
    [ "$now" != "$top" ] || { notok "$name" "the wheel over the source did not scroll it (line $top)"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_mouse_screen() { test_mouse_term screen; }          # kmous=\E[M: SGR read by gkreview
test_mouse_xterm() { test_mouse_term xterm-256color; }   # kmous=\E[<: SGR read by ncurses

test_mouse_off() {
    name="[ui] mouse = no: no mouse reporting is asked of the terminal"
    mkdir -p "$TMP/cfgmouse/gkreview"
    printf '[ui]\nmouse = no\n[review]\nreviewer = 测试员\n' >"$TMP/cfgmouse/gkreview/config.ini"
    run 120 40 XDG_CONFIG_HOME="$TMP/cfgmouse" -- sample-reports/$S003
    wait_for '问题列表 5 条' || { notok "$name" "no screen"; return; }
    if [ "$(T display -p -t gk '#{mouse_any_flag}#{mouse_sgr_flag}#{mouse_standard_flag}')" != 000 ]; then
        notok "$name" "mouse flags: $(T display -p -t gk '#{mouse_any_flag}#{mouse_sgr_flag}#{mouse_standard_flag}')"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_mouse_queue() {
    name="mouse in the queue: a click moves the cursor, a double click opens the report"
    d=$(mktemp -d "$TMP/mq.XXXXXX")
    cp sample-reports/000_* sample-reports/001_* sample-reports/$S003 "$d/"
    run 120 40 -- "$d"
    wait_for '份报告' && wait_gone '检查 [0-9]' || { notok "$name" "checking did not finish"; return; }
    key o                                       # by name: 000, 001, 003
    wait_for '排序：按文件名' || { notok "$name" "o did not sort by name"; return; }
    y=$(row_of ' · 001_')
    click 5 "$y"
    wait_for '^> 未审核 .* · 001_' || { notok "$name" "a click did not move the cursor to 001"; return; }
    y=$(row_of ' · 003_')
    dclick 5 "$y"
    wait_for "^ \[队列 3/3\] $S003" || { notok "$name" "a double click did not open 003 (third in the order)"; return; }
    key q
    wait_for '^> 报告队列' || { notok "$name" "q did not go back"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- the queue ----------------------------------------------------------------------------------------

test_queue_search_sort() {
    name="queue: / searches body, year or file name; o by body groups years; paired years; duplicates marked"
    d=$(mktemp -d "$TMP/qs.XXXXXX")
    cp sample-reports/001_* sample-reports/201_* sample-reports/004_* sample-reports/202_* sample-reports/$S003 "$d/"
    cp sample-reports/004_3cc3c4a50339be4b.txt "$d/004_again.txt"
    run 160 40 -- "$d"
    wait_for '份报告' && wait_gone '检查 [0-9]' || { notok "$name" "checking did not finish"; return; }
    if [ "$(screen | grep -c '\[重复\] 西村乡人民政府')" != 2 ]; then
        notok "$name" "the two copies of 004 are not both marked [重复]"
        return
    fi
    if ! screen | grep -Eq ' 2023 2024 +2021版 北京市通州区漷县镇人民政府 · 001_' ||
        ! screen | grep -Eq ' 2024 2023 +2021版 北京市通州区漷县镇人民政府 · 201_'; then
        notok "$name" "the paired years of 001 and 201 are not shown"
        return
    fi
    key /
    wait_for '搜索报告（单位、年度或文件名' || { notok "$name" "/ shows no prompt"; return; }
    text '西村'
    key Enter
    if ! wait_for '搜索「西村」：3 份' || [ "$(screen | grep -c '^[> ] 未审核 ')" != 3 ]; then
        notok "$name" "/ 西村 does not list exactly the 3 西村 reports"
        return
    fi
    key /
    key C-u
    text 2024
    key Enter
    if ! wait_for '搜索「2024」：2 份' || ! screen | grep -q '201_xyear' || ! screen | grep -q '202_xyear'; then
        notok "$name" "/ 2024 does not list the two 2024 reports"
        return
    fi
    key /
    key C-u
    key Enter
    wait_for '已清除搜索：6 份报告' || { notok "$name" "an empty search did not clear it"; return; }
    key o o o
    wait_for '排序：按单位（各年度相邻）' || { notok "$name" "o did not reach 按单位"; return; }
    names=$(screen | sed -n 's/^[> ] 未审核 .* · \([^ ]*\) *$/\1/p' | tr '\n' ' ')
    case $names in
    *"001_318a82d3163b8b1e.txt 201_xyear_huxian_2024.txt"*) ;;
    *) notok "$name" "by body: 001 and 201 are not adjacent: $names"; return ;;
    esac
    key Enter
    wait_for '^ \[队列 1/6\] 001_' || { notok "$name" "the status bar does not show the place in the queue"; return; }
    key j                                       # keys still work in the report
    key q
    wait_for '^> 报告队列' || { notok "$name" "q did not go back"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_empty_folder() {
    name="an empty folder says so on stderr (没有找到报告文件：DIR), for the screen and for check"
    mkdir -p "$TMP/emptyd"
    "$GK" check "$TMP/emptyd" >/dev/null 2>"$TMP/check_err"
    rc=$?
    if [ $rc -ne 2 ] || ! grep -q "没有找到报告文件：$TMP/emptyd" "$TMP/check_err"; then
        notok "$name" "check: status $rc, stderr:" "$(cat "$TMP/check_err")"
        return
    fi
    run 80 24 -- "$TMP/emptyd"
    if [ "$(wait_rc)" != 2 ] || ! grep -q "没有找到报告文件：$TMP/emptyd" "$TMP/stderr"; then
        notok "$name" "the screen: status $(cat "$TMP/rc" 2>/dev/null), stderr:" "$(cat "$TMP/stderr")"
        return
    fi
    ok "$name"
}

test_pdf_pages() {
    name="a PDF's source shows its page beside the line numbers where a page begins, and in the title"
    run 120 40 -- sample-reports/303_pdf_report.pdf
    wait_for '原文 [0-9]+/[0-9]+行 第[0-9]+页 PDF' || { notok "$name" "no page in the source title"; return; }
    # the report opens on its first warning, deep in the text: focus the source, go to its top
    for tries in 1 2 3 4; do
        screen | grep -Eq '^ *>? *p1 +1 ' && break
        key Tab
        key g
        sleep 0.2
    done
    wait_for '^ *>? *p1 +1 ' || { notok "$name" "no p1 beside line 1"; return; }
    # every page mark on the screen stands on the first line of its page (mkformats dump: page TAB text)
    ASAN_OPTIONS=detect_leaks=0 "$TOOLS/mkformats" dump sample-reports/303_pdf_report.pdf | cut -f1 >"$TMP/pages"
    marks=$(screen | sed -n 's/^ *>\{0,1\} *p\([0-9]*\) *\([0-9]*\) .*/\1 \2/p')
    printf '%s\n' "$marks" | while read -r pg ln; do
        [ "$(sed -n "${ln}p" "$TMP/pages")" = "$pg" ] || echo "line $ln: marked p$pg"
        [ "$ln" -gt 1 ] && [ "$(sed -n "$((ln - 1))p" "$TMP/pages")" = "$pg" ] && echo "line $ln: page $pg began before"
    done >"$TMP/pagebad"
    if [ -s "$TMP/pagebad" ]; then
        notok "$name" "$(cat "$TMP/pagebad")"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

for t in ${E2E_ONLY:-ctrl_c sighup sigterm sigkill sigint same_value reviewer_name findings_filter own_edits mouse_screen mouse_xterm mouse_off mouse_queue queue_search_sort empty_folder pdf_pages}; do
    "test_$t"
done
exit 0
