#!/bin/sh
# suite_e2e_queue.sh — the report queue (issue #4), end to end with the real
# binary in tmux (the harness of suite_e2e.sh): the queue of a copy of
# sample-reports/ in its three orders and two filters, and a walk through the
# reports that have findings with ], marking one 已审核 and seeing the
# queue's count of reviewed reports change.  Works only on copies.
set -u
E2E_LIB=1
. "$(dirname "$0")/suite_e2e.sh"

mkdir -p "$TMP/config/gkreview"
printf '[review]\nreviewer = 测试员\n' >"$TMP/config/gkreview/config.ini"

Q=$TMP/queue
mkdir -p "$Q"
cp sample-reports/* "$Q/"
N=$(ls "$Q" | wc -l)

# "errors warnings name" of every report with open findings, in the queue's
# default order (most errors, then most warnings, then by name), from check.
expected_flagged() {
    "$GK" check --format json "$Q" 2>/dev/null |
        awk '{ f = $0; sub(/^\{"file":"/, "", f); sub(/".*/, "", f); n = split(f, p, "/"); f = p[n]
               e = gsub(/"severity":"error"/, "&"); w = gsub(/"severity":"warning"/, "&")
               if (e + w > 0) printf "%d %d %s\n", e, w, f }' |
        sort -k1,1nr -k2,2nr -k3,3
}

# The queue's rows as "state errors warnings name" (name after the last " · ").
rows() {
    screen | sed -n 's/^[> ] \(未审核\|审核中\|已审核\) *\([0-9][0-9]*\) *\([0-9][0-9]*\) .* · \([^ ]*\) *$/\1 \2 \3 \4/p'
}

test_order_filters() {
    name="the queue: most errors first, o sorts by name, state, body and year, E and U filter"
    with_err=$(expected_flagged | awk '$1 > 0' | wc -l)
    run 160 50 -- "$Q"
    if ! wait_for "^ $N 份报告 · 已审核 0/$N · 有错误 $with_err *$"; then
        notok "$name" "the status bar does not read '$N 份报告 · 已审核 0/$N · 有错误 $with_err' once checked"
        return
    fi
    got=$(rows | awk '$2 + $3 > 0 { print $2, $3, $4 }')
    want=$(expected_flagged)
    if [ "$got" != "$want" ] || [ "$(rows | wc -l)" -ne "$N" ]; then
        notok "$name" "order by errors: got" "$got" "want" "$want"
        return
    fi
    key o
    wait_for '^> 报告队列 · 排序：按文件名' || { notok "$name" "o did not sort by name"; return; }
    names=$(rows | awk '{ print $4 }')
    if [ "$names" != "$(ls "$Q" | LC_ALL=C sort)" ]; then
        notok "$name" "by name: the rows are not in file-name order" "$names"
        return
    fi
    key o
    wait_for '^> 报告队列 · 排序：按审核状态' || { notok "$name" "o did not sort by state"; return; }
    key o
    wait_for '^> 报告队列 · 排序：按单位' || { notok "$name" "o did not sort by body"; return; }
    key o
    wait_for '^> 报告队列 · 排序：按年度' || { notok "$name" "o did not sort by year"; return; }
    key o
    wait_for '^> 报告队列 · 排序：错误最多在前' || { notok "$name" "o did not come back to errors"; return; }
    key E
    wait_for '只看有错误的' || { notok "$name" "E shows no filter"; return; }
    if [ "$(rows | wc -l)" -ne "$with_err" ] || rows | awk '$2 == 0 { bad = 1 } END { exit !bad }'; then
        notok "$name" "E: $(rows | wc -l) rows, want $with_err, each with errors"
        return
    fi
    key E
    wait_gone '只看有错误的' || { notok "$name" "E again did not clear the filter"; return; }
    [ "$(rows | wc -l)" -eq "$N" ] || { notok "$name" "E again: $(rows | wc -l) rows, want $N"; return; }
    key U
    if ! wait_for '只看未审完的' || [ "$(rows | wc -l)" -ne "$N" ]; then
        notok "$name" "U: every report is unreviewed, $(rows | wc -l) rows, want $N"
        return
    fi
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

# The file name of the open report, from the status bar "[队列 k/N] name ...".
open_name() { screen | head -n 1 | sed -n 's/^ \[队列 [0-9]*\/[0-9]*\] \([^ ]*\) .*/\1/p'; }

test_walk_and_review() {
    name="] walks the reports with findings in queue order; one marked 已审核 counts in the queue"
    want=$(expected_flagged | awk '{ print $3 }')
    first=$(printf '%s\n' "$want" | head -n 1)
    third=$(printf '%s\n' "$want" | sed -n 3p)
    run 160 50 -- "$Q"
    wait_for "^ $N 份报告 · 已审核 0/$N" || { notok "$name" "no queue"; return; }
    wait_gone '检查 [0-9]' || { notok "$name" "checking did not finish"; return; }
    # the checking line may not have shown yet (slower readers: PDF): wait for the sorted queue
    i=0
    while [ $i -lt 200 ] && [ "$(rows | head -n 1 | awk '{ print $4 }')" != "$first" ]; do
        sleep 0.1
        i=$((i + 1))
    done
    key Enter
    wait_for "^ \[队列 [0-9]*/$N\] $first " || { notok "$name" "Enter did not open $first"; return; }
    seen=$first k=1
    while [ $k -le "$N" ]; do
        prev=$(open_name)
        if [ "$k" = 3 ]; then                   # the third report: 审核中, 已审核
            key m m
            wait_for '已审核 \*未保存' || { notok "$name" "m m did not set 已审核"; return; }
        fi
        key ']'
        if [ "$k" = 3 ]; then
            wait_for '打开其他报告前保存吗' || { notok "$name" "] with unsaved changes did not ask"; return; }
            key y
        fi
        i=0
        while [ $i -lt 100 ] && [ "$(open_name)" = "$prev" ] && ! screen | grep -q '后面没有还有问题的报告了'; do
            sleep 0.1
            i=$((i + 1))
        done
        screen | grep -q '后面没有还有问题的报告了' && break
        seen="$seen
$(open_name)"
        k=$((k + 1))
    done
    if [ "$seen" != "$want" ]; then
        notok "$name" "] visited:" "$seen" "want:" "$want"
        return
    fi
    key q
    if ! wait_for "^ $N 份报告 · 已审核 1/$N" || ! screen | grep -q "^  已审核 .* · $third"; then
        notok "$name" "back in the queue: the reviewed count is not 1/$N or $third is not 已审核"
        return
    fi
    if ! grep -q '^state = 已审核$' "$Q/$third.review.ini"; then
        notok "$name" "$third.review.ini does not say 已审核"
        return
    fi
    key U
    wait_for '只看未审完的' || { notok "$name" "U shows no filter"; return; }
    [ "$(rows | wc -l)" -eq $((N - 1)) ] || { notok "$name" "U: $(rows | wc -l) rows, want $((N - 1))"; return; }
    finish || { notok "$name" "unclean exit"; return; }
    ok "$name"
}

for t in ${E2E_ONLY:-order_filters walk_and_review}; do
    "test_$t"
done
exit 0
