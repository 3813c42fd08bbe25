#!/bin/sh
# suite_e2e.sh — the review screen, end to end: the real binary ($GK) runs in
# tmux (own socket, killed on exit) at 80x24 and 160x50; keys go in with
# send-keys and the screen comes back with capture-pane -p (text) and -p -e
# (with colour escapes).  Every wait is a polling loop of at most ~10 s.
# Each test prints "ok - name" or "not ok - name" and then diagnostics.
# The program runs with the sanitizer options run.sh exports (leak detection
# included: the screen frees what it holds, ncurses included) and every test
# ends by quitting with q and checking for status 0 and a quiet sanitizer.
# E2E_ONLY="seed_inferred resize ..." runs some of the tests.  With E2E_LIB=1
# the file only defines the harness (run, key, screen, wait_for, finish …) for
# suite_e2e_review.sh and suite_e2e_queue.sh, which source it.
set -u
: "${GK:?GK must name the gkreview binary}"
cd "$(dirname "$0")/.." || exit 2
case $GK in /*) ;; *) GK=$PWD/$GK ;; esac
export LC_ALL=C                    # grep and sed work on bytes; UTF-8 patterns match as bytes
unset NO_COLOR

SOCK=gk-e2e-$$
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gk-e2e.XXXXXX") || exit 2
ESC=$(printf '\033')
SAMPLE=sample-reports/003_1a8c02130c595433.txt

cleanup() {
    tmux -L "$SOCK" kill-server >/dev/null 2>&1
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM HUP

if ! command -v tmux >/dev/null 2>&1; then
    echo "not ok - tmux is installed (make deps installs it)"
    exit 1
fi

cat >"$TMP/tmux.conf" <<EOF
set -g exit-empty off
set -g remain-on-exit on
set -g status off
set -g default-terminal screen
EOF
mkdir -p "$TMP/config"

T() { tmux -L "$SOCK" -f "$TMP/tmux.conf" "$@"; }
T start-server

# run W H [VAR=value...] -- ARGS...: runs the program alone in session "gk",
# with extra environment before "--"; its stderr goes to $TMP/stderr.
run() {
    w=$1 h=$2
    shift 2
    envs=""
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        envs="$envs $1"
        shift
    done
    [ $# -gt 0 ] && shift
    T kill-session -t gk >/dev/null 2>&1
    : >"$TMP/stderr"
    rm -f "$TMP/rc"
    # shellcheck disable=SC2086
    T new-session -d -s gk -x "$w" -y "$h" env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen \
        XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_STATE_HOME="$TMP/state" GKREVIEW_THEMES="$PWD/themes" \
        GK_E2E_ERR="$TMP/stderr" GK_E2E_RC="$TMP/rc" $envs \
        sh -c '"$@" 2>>"$GK_E2E_ERR"; echo $? >"$GK_E2E_RC.tmp"; mv "$GK_E2E_RC.tmp" "$GK_E2E_RC"' \
        sh "$GK" "$@"
}

screen() { T capture-pane -p -t gk; }
screen_e() { T capture-pane -p -e -t gk; }
key() { T send-keys -t gk "$@"; }
text() { T send-keys -t gk -l "$@"; }

# wait_for ERE: polls the screen (up to ~10 s) until a line matches.
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        screen | grep -Eq -- "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# wait_gone ERE: ... until no line matches.
wait_gone() {
    i=0
    while [ $i -lt 100 ]; do
        screen | grep -Eq -- "$1" || return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# finish: q must end the program with status 0 and no sanitizer report.
# (The wrapping shell writes the status to a file: tmux itself may learn a
# pane's exit status late.)
finish() {
    key q
    i=0
    while [ $i -lt 100 ] && [ ! -s "$TMP/rc" ]; do
        sleep 0.1
        i=$((i + 1))
    done
    if [ ! -s "$TMP/rc" ]; then
        echo "# q did not end the program"
        return 1
    fi
    st=$(cat "$TMP/rc")
    if [ "$st" != 0 ] || grep -Eq 'Sanitizer|runtime error' "$TMP/stderr"; then
        echo "# exit status $st; stderr:"
        sed 's/^/#   /' "$TMP/stderr" | head -n 30
        return 1
    fi
    return 0
}

ok() { echo "ok - $1"; }
# notok NAME MESSAGE...: the failure, then the screen as it was.
notok() {
    echo "not ok - $1"
    shift
    for m in "$@"; do echo "# $m"; done
    echo "# screen:"
    screen | sed 's/^/#   /'
}

# The highlighted source line (the gutter marks it '>') and the selected
# cell's id (the detail line shows "label  id  值 ...").
hl_line() { screen | sed -n 's/^> *\([0-9][0-9]*\) .*/\1/p' | head -n 1; }
cur_id() { screen | grep -o ' t[234]\.[a-z_.]*  值' | head -n 1 | sed 's/^ //; s/  值$//'; }

# The SGR foreground code of a colour name in a theme file.
fg_code() {
    cname=$(sed -n "s/^$2 *= *\([a-z]*\),.*/\1/p" "$1")
    case $cname in
    black) echo 30 ;; red) echo 31 ;; green) echo 32 ;; yellow) echo 33 ;;
    blue) echo 34 ;; magenta) echo 35 ;; cyan) echo 36 ;; white) echo 37 ;; *) echo "?" ;;
    esac
}

# ---- seed 003: the inferred 自然人 cell of 本年新收 ---------------------------------

test_seed_inferred() {
    name="seed 003: t3.new.natural shows 6 with the inferred mark and colour"
    run 160 50 -- "$SAMPLE"
    if ! wait_for '本年新收 +6\* +0 +0 +0 +0 +0 +6'; then
        notok "$name" "the table row 本年新收 does not read '6* 0 0 0 0 0 6'"
        return
    fi
    code=$(fg_code themes/default.ini inferred)
    row=$(screen_e | grep '本年新收 ' | grep '6\*')
    if ! printf '%s\n' "$row" | grep -q "${ESC}\[${code}m *6\*"; then
        notok "$name" "6* is not drawn in the inferred colour (SGR $code); the row with escapes:" \
            "$(printf '%s' "$row" | cat -v)"
        return
    fi
    key Escape                      # the report opened on its first finding: this cell's
    if ! wait_for 't3\.new\.natural  值 6\*（推算）' && ! wait_for '本年新收·自然人 缺失，按勾稽关系推算为 6'; then
        notok "$name" "the report did not open on t3.new.natural's finding"
        return
    fi
    key t t t                       # tables 2, 3, 4, 2 ... and back to 3's first cell
    key Escape
    if ! wait_for 't3\.new\.natural  值 6\*（推算）' || ! wait_for '^推算：本年新收·自然人 = 本年新收·总计 6'; then
        notok "$name" "t did not select t3.new.natural with its equation"
        return
    fi
    if [ "$(hl_line)" != 57 ]; then
        notok "$name" "source line 57 is not the highlighted one (got '$(hl_line)')"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- n / N step through the open findings, errors first ---------------------------------

# finding_lines FILE: the source lines of the open findings as the screen lists
# them (errors, then warnings, each in check's order); "-" for none.
finding_lines() {
    out=$("$GK" check "$1" 2>/dev/null)
    for sev in error warning; do
        printf '%s\n' "$out" | grep ": $sev: " | sed -n 's/^.*\.txt:\([0-9]*\): .*/\1/p; s/^.*\.txt: .*/-/p'
    done
}

test_finding_walk() {
    f=$1
    name="n/N step through the open findings of $(basename "$f"), errors first, cells marked, source following"
    lines=$(finding_lines "$f")
    nexp=$(printf '%s\n' "$lines" | grep -c .)
    run 80 24 -- "$f"
    if ! wait_for "第 1/$nexp 个问题"; then
        notok "$name" "the report did not open on its first finding (1/$nexp)"
        return
    fi
    k=1
    while [ $k -le "$nexp" ]; do
        want=$(printf '%s\n' "$lines" | sed -n "${k}p")
        if [ "$want" != - ]; then
            i=0
            while [ $i -lt 30 ] && [ "$(hl_line)" != "$want" ]; do sleep 0.1; i=$((i + 1)); done
            if [ "$(hl_line)" != "$want" ]; then
                notok "$name" "finding $k/$nexp: source line $want is not highlighted (got '$(hl_line)')"
                return
            fi
        fi
        key n
        k=$((k + 1))
        if [ $k -le "$nexp" ] && ! wait_for "第 $k/$nexp 个问题"; then
            notok "$name" "n did not go to finding $k/$nexp"
            return
        fi
    done
    if ! wait_for "第 1/$nexp 个问题（已回到第一个）"; then
        notok "$name" "after $nexp presses n did not wrap to the first finding with a message"
        return
    fi
    key N
    if ! wait_for "第 $nexp/$nexp 个问题（已回到最后一个）"; then
        notok "$name" "N from the first finding did not go to the last one"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# The selected finding's cells are all marked (underlined) in the table.
test_finding_cells() {
    name="a finding selected by n marks every cell it names (101: the 予以公开 row)"
    run 160 50 -- sample-reports/101_err_row_total.txt
    wait_for '第 1/2 个问题' || { notok "$name" "101 did not open on its first error"; return; }
    row=$(screen_e | grep '│.*予以公开 ')
    n=$(printf '%s' "$row" | grep -o "${ESC}\[1;4[;0-9]*m${ESC}\[[0-9;]*m *[0-9]" | wc -l)
    if [ "$n" -ne 7 ]; then
        notok "$name" "only $n cells of the row are underlined:" "$(printf '%s' "$row" | cat -v)"
        return
    fi
    if ! screen | grep -q '^ *问题列表 2 条：错误 2，警告 0' || ! screen | grep -q '^>错误 .*T3.ROW_TOTAL'; then
        notok "$name" "at 160x50 the findings list is not shown by default with the first error selected"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- resize ---------------------------------------------------------------------------

test_resize() {
    name="resize 160x50 -> 80x24 -> 50x12 (too small) -> 80x24 redraws"
    run 160 50 -- "$SAMPLE"
    key Escape                      # the opening message off the key bar
    if ! wait_for '自然人 商业企业 科研机构 公益组织 法律服务 其他 总计'; then
        notok "$name" "at 160x50 table 3 has no one-line header"
        return
    fi
    T resize-window -t gk -x 80 -y 24
    if ! wait_for '自然 +商业 +科研 +公益 +法律' || ! wait_for '^ *人 +企业 +机构 +组织 +服务 +其他 +总计|人 企业 机构 组织 服务 其他 总计'; then
        notok "$name" "at 80x24 table 3's header is not in two lines (商业/企业 ...)"
        return
    fi
    s=$(screen)
    rows=$(printf '%s\n' "$s" | wc -l)
    first=$(printf '%s\n' "$s" | head -n 1)
    last=$(printf '%s\n' "$s" | tail -n 1)
    if [ "$rows" -ne 24 ] || ! printf '%s' "$first" | grep -q '003_1a8c02130c595433.txt 川汇区政府办公室 2023年 2021版.*错误0 警告5 未审核' ||
        ! printf '%s' "$last" | grep -q 'q 退出'; then
        notok "$name" "at 80x24: $rows rows; status bar '$first'; key bar '$last'"
        return
    fi
    T resize-window -t gk -x 50 -y 12
    if ! wait_for '窗口太小' || ! screen | grep -q '50x12' || screen | grep -q '表三'; then
        notok "$name" "at 50x12 no Chinese 'too small' message naming the size (or the tables are still drawn)"
        return
    fi
    T resize-window -t gk -x 80 -y 24
    if ! wait_gone '窗口太小' || ! wait_for '本年新收 +6\*'; then
        notok "$name" "back at 80x24 the screen did not come back"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- escape sequences in the report and in its name ------------------------------------

test_escapes() {
    name="escape sequences, C1 and bidi controls in a report and its file name are shown, not sent"
    f="$TMP/$(printf 'esc\033[31mname').txt"
    {
        sed -n '1,2p' "$SAMPLE"
        printf 'PLANT\033]0;PWNED\007\033[31mRED\302\233X\342\200\256Y\n'
        sed -n '3,$p' "$SAMPLE"
    } >"$f"
    run 160 50 -- "$f"
    if ! wait_for '本年新收'; then
        notok "$name" "the planted report did not open"
        return
    fi
    key BTab g                     # source panel (before the tables), top
    if ! wait_for 'PLANT\^\[\]0;PWNED\^G\^\[\[31mRED<U\+009B>X<RLO>Y'; then
        notok "$name" "line 3 does not show ^[]0;PWNED^G^[[31mRED<U+009B>X<RLO>Y"
        return
    fi
    if ! screen | head -n 1 | grep -q 'esc\^\[\[31mname\.txt'; then
        notok "$name" "the status bar does not show the file name as esc^[[31mname.txt"
        return
    fi
    title=$(T display -p -t gk '#{pane_title}')
    if [ "$title" = PWNED ]; then
        notok "$name" "the pane title was changed to PWNED"
        return
    fi
    if screen_e | grep 'PLANT' | grep -q "${ESC}\[31m"; then
        notok "$name" "text after the planted ESC[31m is drawn red"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- help --------------------------------------------------------------------------------

test_help() {
    name="? opens the help overlay (from the action table) and any key closes it"
    run 80 24 -- "$SAMPLE"
    wait_for '本年新收' || { notok "$name" "no table"; return; }
    key '?'
    if ! wait_for '帮助 · 按任意键关闭' || ! screen | grep -q 'n / N .*下一个、上一个未处理的问题' ||
        ! screen | grep -q 'c / C .*下一处、上一处自己的修改' || ! screen | grep -q ': .*按中文标签或编号跳到单元格' ||
        ! screen | grep -q 'E / R .*问题列表只看错误'; then
        notok "$name" "the overlay does not list n / N, c / C, : and E / R"
        return
    fi
    # scroll to the end: q (with Ctrl-C) and the marks
    key j j j j j j j j j j j j j j j j j j j j
    if ! wait_for '│ q C-c +退出，有未保存的修改时先询问（Ctrl-C 同样先询问）' || ! screen | grep -q '标记：6\* 推算'; then
        notok "$name" "the overlay does not list q / C-c and the marks"
        return
    fi
    key x
    if ! wait_gone '帮助 · 按任意键关闭' || ! wait_for '本年新收 +6\*'; then
        notok "$name" "x did not close the overlay"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- several reports, one unreadable: the queue --------------------------------------------

test_reports() {
    name="a folder opens the queue; an unreadable file is listed with its reason; Enter, ] and q"
    d="$TMP/reports"
    mkdir -p "$d"
    : >"$d/a_empty.txt"
    cp "$SAMPLE" "$d/b_003.txt"
    run 80 24 -- "$d"
    if ! wait_for '无法读取 +a_empty\.txt · 原因：文件为空' || ! wait_for '未审核 +0 +5 2023 2021版 川汇区政府办公室 · b_003\.txt' ||
        ! screen | grep -q '^ 2 份报告 · 已审核 0/2 · 有错误 0 · 无法读取 1'; then
        notok "$name" "the queue does not list both reports (the empty one with its reason)"
        return
    fi
    key Enter
    if ! wait_for '无法读取报告 a_empty\.txt' || ! screen | grep -q '原因：文件为空' ||
        ! screen | grep -q '^ \[队列 1/2\] a_empty.txt 无法读取'; then
        notok "$name" "Enter did not open the empty file with its message"
        return
    fi
    key ']'
    if ! wait_for '^ \[队列 2/2\] b_003.txt 川汇区政府办公室' || ! wait_for '本年新收 +6\*'; then
        notok "$name" "] did not open the next report with findings"
        return
    fi
    key ']'
    if ! wait_for '队列中后面没有还有问题的报告了'; then
        notok "$name" "] on the last report with findings says nothing"
        return
    fi
    key q
    if ! wait_for '^> 报告队列' || ! screen | grep -q '^> 未审核 .*b_003\.txt'; then
        notok "$name" "q did not go back to the queue with the cursor on the report"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# ---- themes and config: bad lines reported with file:line, defaults kept ------------------

test_bad_theme() {
    name="a broken theme and config are reported as file:line and skipped"
    mkdir -p "$TMP/cfg2/gkreview" "$TMP/themes2"
    printf '[ui]\ntheme = broken\n[review]\nreviewer = 张三\nno equals sign here\n' >"$TMP/cfg2/gkreview/config.ini"
    printf '[colors]\nerror = red,default,bold\ninferred = chartreuse,default\n[colours]\nwarning = yellow,default,blinking\n' \
        >"$TMP/themes2/broken.ini"
    run 80 24 XDG_CONFIG_HOME="$TMP/cfg2" GKREVIEW_THEMES="$TMP/themes2" -- "$SAMPLE"
    if ! wait_for '提示：.*config\.ini:5: ' || ! screen | head -n 1 | grep -q '审核人 张三'; then
        notok "$name" "no config.ini:5 message, or the reviewer was not read"
        return
    fi
    key '?'
    if ! wait_for 'broken\.ini:3: inferred：未知的颜色「chartreuse」' || ! screen | grep -q 'broken\.ini:4: 未知的节 \[colours\]'; then
        notok "$name" "the help overlay does not list broken.ini:3 and broken.ini:4"
        return
    fi
    key x
    wait_for '本年新收 +6\*' || { notok "$name" "no table after closing help"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    if ! grep -q 'broken\.ini:3: ' "$TMP/stderr"; then
        notok "$name" "the messages were not printed on stderr at exit"
        return
    fi
    ok "$name"
}

test_no_color() {
    name="NO_COLOR: no colour escapes, marks still there"
    run 160 50 NO_COLOR=1 -- "$SAMPLE"
    wait_for '本年新收 +6\* +0' || { notok "$name" "no 6* in NO_COLOR mode"; return; }
    if screen_e | grep -Eq "${ESC}\[(3[0-7]|4[0-7]|38;|48;|9[0-7]|10[0-7])"; then
        notok "$name" "colour escapes on the screen:" "$(screen_e | grep -E "${ESC}\[(3[0-7]|4[0-7])" | head -n 2 | cat -v)"
        return
    fi
    if ! screen_e | grep -q "${ESC}\[7m"; then
        notok "$name" "no reverse video at all (status bar, selection)"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_search() {
    name="/ searches the source text and highlights the match"
    run 80 24 -- "$SAMPLE"
    wait_for '本年新收' || { notok "$name" "no table"; return; }
    key /
    wait_for '搜索原文：' || { notok "$name" "no prompt"; return; }
    text '结转下年度'
    key Enter
    if ! wait_for '原文 .*/结转下年度' || ! screen_e | grep -q "${ESC}\[42m结转下年度"; then
        notok "$name" "the match is not shown in the search colour"
        return
    fi
    key Escape
    wait_gone '原文 .*/结转下年度' || { notok "$name" "Esc did not clear the search"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# A text whose pages pdf2json printed bottom up: read top down, the screen
# says so, and the highlighted source line's number is the file's (its text
# there), not its place in the reordered text.
test_bottom_up() {
    name="pages printed bottom up are read top down, the file's line numbers shown"
    f=$TMP/bottom_up.txt
    n=$(wc -l <"$SAMPLE")
    p=$((n / 3))
    {
        sed -n "1,${p}p" "$SAMPLE" | tac
        echo "----------------Page (0) Break----------------"
        sed -n "$((p + 1)),$((2 * p))p" "$SAMPLE" | tac
        echo "----------------Page (1) Break----------------"
        sed -n "$((2 * p + 1)),\$p" "$SAMPLE" | tac
    } >"$f"
    run 100 30 -- "$f"
    wait_for '原文 .*各页倒序' || { notok "$name" "the title does not say the pages were reordered"; return; }
    wait_for '^>' || { notok "$name" "no source line highlighted"; return; }
    hl=$(hl_line)
    shown=$(screen | sed -n 's/^> *[0-9][0-9]* \(.\{1,6\}\).*/\1/p' | head -n 1)
    if [ -z "$hl" ] || [ -z "$shown" ] || ! sed -n "${hl}p" "$f" | grep -qF -- "$shown"; then
        notok "$name" "highlighted line $hl shows \"$shown\", the file's line $hl is \"$(sed -n "${hl}p" "$f")\""
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

[ -n "${E2E_LIB:-}" ] && return 0

for t in ${E2E_ONLY:-seed_inferred finding_walk_101 finding_walk_102 finding_walk_003 finding_cells resize escapes help reports bad_theme no_color search bottom_up}; do
    case $t in
    finding_walk_101) test_finding_walk sample-reports/101_err_row_total.txt ;;
    finding_walk_102) test_finding_walk sample-reports/102_err_unbalanced.txt ;;
    finding_walk_003) test_finding_walk sample-reports/003_1a8c02130c595433.txt ;;
    *) "test_$t" ;;
    esac
done
exit 0
