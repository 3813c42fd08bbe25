#!/bin/sh
# tests/tools/gensidecar.sh N [VERSION] — writes to stdout a sidecar of N
# sections (N/2 corrections, N/4 notes, N/4 dismissals) whose cell ids are
# unique made-up ids: a large but well-formed file, for timing the reader
# (tests/bench.sh) and its section limit (tests/suite_sidecar.sh).
# VERSION 1 writes the old format (no end marker), 2 (default) the current one.
n=${1:?usage: gensidecar.sh N [VERSION]}
v=${2:-2}
awk -v n="$n" -v v="$v" 'BEGIN {
    print "; gkreview 审核记录"
    print "[report]"
    print "version = " v
    print "file = r.txt"
    print "sha256 = "
    print "state = 审核中"
    for (i = 0; i < n; i++) {
        k = i % 4
        if (k < 2) {
            printf "\n[correction x%07d.natural]\nvalue = %d\noriginal = %d\nwho = 张三\nwhen = 2024-05-01T08:30:00Z\n", i, i % 997, i % 13
        } else if (k == 2) {
            printf "\n[note x%07d.total]\ntext = 第 %d 条备注：核对无误\nwho = 李四\nwhen = 2024-05-01T08:31:00Z\n", i, i
        } else {
            printf "\n[dismiss T3.BALANCE x%07d.total]\nreason = 核实无误\nwho = 李四\nwhen = 2024-05-01T08:32:00Z\n", i
        }
    }
    if (v >= 2)
        print "; end — 审核记录到此完整结束"
}'
