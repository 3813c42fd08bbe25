#!/bin/sh
# suite_e2e_pair.sh — the two-years pair view (y, issue 19) end to end with
# the real binary in tmux (the harness of suite_e2e.sh): 204 (2023) opened
# with 203 (2022) in the same folder at 80x24 — one year at a time, Tab
# shows the other, v the narrative with its repeat shares, the help lists
# the keys, Esc closes; the same pair from the queue at 160x40 — both years
# side by side, and a resize to 80 columns falls back to one year; and the
# message when a report has no partner.  Works on copies in a temporary folder.
set -u
E2E_LIB=1
. "$(dirname "$0")/suite_e2e.sh"

# A folder with copies of sample reports: prints its path.
folder() {
    d=$(mktemp -d "$TMP/pair.XXXXXX") || exit 2
    for f in "$@"; do cp "sample-reports/$f" "$d/"; done
    echo "$d"
}

# row LABEL: the pair view's table row of a cell label.
row() { screen | grep -E "^$1 " | head -n 1; }

test_narrow() {
    name="80x24: y opens 2022 ↔ 2023 one year at a time; Tab the other year; v the narrative with repeat shares; Esc closes"
    d=$(folder 203_xyear_jump_2022.txt 204_xyear_jump_2023.txt)
    run 80 24 -- "$d/204_xyear_jump_2023.txt"
    wait_for '本年新收' || { notok "$name" "no table"; return; }
    key Escape
    key y
    if ! wait_for '^> 年度对比 · 表格  2022 年 ↔ 2023 年  显示 2023 年（Tab 看 2022 年）' ||
        ! screen | grep -Eq '^单元格 +2023年 +增减 衔接' || screen | grep -q '2022年 +2023年'; then
        notok "$name" "y did not open the pair with 2023 alone at 80 columns"
        return
    fi
    if ! screen | grep -q '^= 上年结转·自然人  2023年 2，2022年结转下年度 2' ||
        ! screen | grep -q '^= 规范性文件·现行有效  2022年 3 + 制发 1 − 废止 0 = 4，2023年 4' ||
        ! row '行政处罚·处理决定' | grep -Eq '^行政处罚·处理决定 +1130 +\+980 *$' ||
        ! row '规范性文件·现行有效' | grep -Eq ' 4 +\+1 =$' || ! screen | tail -n 1 | grep -q 'Tab 切换年度'; then
        notok "$name" "the carried-over links, 行政处罚 1130 +980 or 现行有效 4 +1 = are not shown"
        return
    fi
    key Tab
    if ! wait_for '显示 2022 年（Tab 看 2023 年）' || ! screen | grep -Eq '^单元格 +2022年 +增减' ||
        ! row '行政处罚·处理决定' | grep -Eq '^行政处罚·处理决定 +150 +\+980 *$' ||
        ! row '规范性文件·现行有效' | grep -Eq ' 3 +\+1 =$'; then
        notok "$name" "Tab did not show 2022 (行政处罚 150, 现行有效 3)"
        return
    fi
    key Right
    if ! wait_for '显示 2023 年（Tab 看 2022 年）'; then
        notok "$name" "Right (the later year) did not show 2023"
        return
    fi
    key h
    if ! wait_for '显示 2022 年（Tab 看 2023 年）'; then
        notok "$name" "h (the earlier year) did not show 2022"
        return
    fi
    key v
    if ! wait_for '^> 年度对比 · 正文' || ! screen | grep -q '^2022年 · 203_xyear_jump_2022\.txt' ||
        ! screen | grep -q '^一、总体情况  2022年 重复 1/5 句（20%）' ||
        ! screen | grep -q '^= 本报告依据《中华人民共和国政府信息公开条例》编制,统计期限为2022年' ||
        ! screen | grep -q '^  本年度,县城管局以市容整治'; then
        notok "$name" "v did not show 2022's narrative with 一 repeated 1/5 and its first sentence marked"
        return
    fi
    key Tab
    key G
    if ! wait_for '^六、其他需要报告的事项  2023年 重复 1/1 句（100%）' ||
        ! screen | grep -q '^五、存在的主要问题及改进情况  2023年 重复 0/2 句（0%）' ||
        ! screen | grep -q '^= 本年度未收取信息处理费。'; then
        notok "$name" "Tab, G: 2023's sections 五 (0%) and 六 (100%) are not shown"
        return
    fi
    key '?'
    if ! wait_for '帮助 · 按任意键关闭' || ! screen | grep -q 'Tab t .*年度对比：窗口不足 120 列时一次显示一年' ||
        ! screen | grep -q 'Esc q y .*关闭年度对比' || ! screen | grep -q '│ v  *年度对比：在表格（两年数值、增减、衔接）与正文'; then
        notok "$name" "the help in the pair view does not list Tab t, v and Esc q y"
        return
    fi
    key x
    wait_gone '帮助 · 按任意键关闭' || { notok "$name" "the help did not close"; return; }
    key Escape
    if ! wait_gone '年度对比 · ' || ! wait_for '本年新收'; then
        notok "$name" "Esc did not close the pair view"
        return
    fi
    key '?'
    if ! wait_for '帮助 · 按任意键关闭' || ! screen | grep -q '│ y  *年度对比：与同一单位上一年'; then
        notok "$name" "the review screen's help does not list y"
        return
    fi
    key x
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_wide() {
    name="160x40 from the queue: both years side by side (values, change, narrative); resized to 80 columns one year"
    d=$(folder 203_xyear_jump_2022.txt 204_xyear_jump_2023.txt)
    run 160 40 -- "$d"
    wait_for '204_xyear_jump_2023\.txt' || { notok "$name" "the queue does not list 204"; return; }
    key o                                  # by file name: 203 then 204
    key j Enter
    wait_for '^ \[队列 2/2\] 204_xyear_j' || { notok "$name" "Enter did not open 204"; return; }
    key y
    if ! wait_for '^> 年度对比 · 表格  2022 年 ↔ 2023 年（本报告 2023 年；增减 = 2023 − 2022）' ||
        ! screen | grep -Eq '^单元格 +2022年 +2023年 +增减 衔接' ||
        ! row '行政处罚·处理决定' | grep -Eq '^行政处罚·处理决定 +150 +1130 +\+980 *$' ||
        ! row '上年结转·自然人' | grep -Eq ' 3 +2 +-1 =$'; then
        notok "$name" "the tables are not side by side (行政处罚 150 1130 +980, 上年结转 3 2 -1 =)"
        return
    fi
    key PageDown
    if ! wait_for '^予以公开·自然人 +6 +6 +0 *$' || screen | grep -q '^= 上年结转·自然人'; then
        notok "$name" "PgDn did not scroll a page"
        return
    fi
    key G                                  # table 3's last row (结转下年度) and table 4
    if ! wait_for '^结转下年·自然人 +2 +1 +-1 =$' || ! screen | grep -q '^表四 '; then
        notok "$name" "G did not scroll to 结转下年·自然人 2 1 -1 = and table 4"
        return
    fi
    key Tab
    wait_for '窗口够宽，两年已并列显示' || { notok "$name" "Tab at 160 columns does not say both years are shown"; return; }
    key v
    if ! wait_for '^一、总体情况  2022年 重复 1/5 句（20%） +\| 一、总体情况  2023年 重复 1/5 句（20%）' ||
        ! screen | grep -Eq '^= 本报告依据.*统计期限为2022年1月1日至12 +\| = 本报告依据.*统计期限为2023年1月1日至12' ||
        ! screen | grep -Eq '^六、其他需要报告的事项  2022年 重复 1/1 句（100%） +\| 六、其他需要报告的事项  2023年 重复 1/1 句（100%）' ||
        ! screen | grep -Eq '^  门户网站全年更新执法信息1200余条。 +\|   全年通过县政府门户网站'; then
        notok "$name" "the narrative is not side by side with both years' repeat shares"
        return
    fi
    T resize-window -t gk -x 80 -y 24
    if ! wait_for '显示 2023 年（Tab 看 2022 年）' || screen | grep -q ' | '; then
        notok "$name" "resized to 80 columns the pair view does not fall back to one year"
        return
    fi
    key q                                  # closes the pair view, then back to the queue
    wait_gone '年度对比 · ' || { notok "$name" "q did not close the pair view"; return; }
    key q
    wait_for '^> 报告队列' || { notok "$name" "q did not go back to the queue"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

test_no_partner() {
    name="y on a report without the previous or next year says so in the key bar and opens nothing"
    d=$(folder 003_1a8c02130c595433.txt 203_xyear_jump_2022.txt)
    run 80 24 -- "$d/003_1a8c02130c595433.txt"
    wait_for '本年新收' || { notok "$name" "no table"; return; }
    key Escape
    key y
    if ! wait_for '未找到同一单位的上一年或下一年报告' || screen | grep -q '年度对比 · '; then
        notok "$name" "no message, or a pair view was opened"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

for t in ${E2E_ONLY:-narrow wide no_partner}; do
    "test_$t"
done
exit 0
