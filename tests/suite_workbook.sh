#!/bin/sh
# suite_workbook.sh — `gkreview issues -o 问题清单.xlsx`: the workbook read
# back cell by cell (python3's zipfile on the sheet XML: no spreadsheet
# library needed) — headers, order (errors first), filters, the 汇总 sheet,
# a correction keeping the finding that justified it, a dismissal's reason,
# and text that would be a formula arriving as text.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() {
    name=$1
    shift
    if "$@" >"$tmp/check.out" 2>&1; then echo "ok - $name"; else echo "not ok - $name"; sed 's/^/    /' "$tmp/check.out" | head -20; fi
}

# cells.py FILE.xlsx SHEET: every cell as "A1<TAB>text" (shared strings resolved), and "FORMULA" for any <f>
cat >"$tmp/cells.py" <<'EOF'
import sys, zipfile, re
from xml.etree import ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
wbx = ET.fromstring(z.read('xl/workbook.xml'))
names = [s.get('name') for s in wbx.find('m:sheets', ns)]
idx = names.index(sys.argv[2]) + 1
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
sheet = z.read('xl/worksheets/sheet%d.xml' % idx)
root = ET.fromstring(sheet)
for c in root.iter('{%s}c' % ns['m']):
    if c.find('m:f', ns) is not None:
        print('FORMULA', c.get('r'))
    v = c.find('m:v', ns)
    if v is None:
        continue
    text = shared[int(v.text)] if c.get('t') == 's' else v.text
    print('%s\t%s' % (c.get('r'), text.replace('\n', '\\n')))
for tag in ('pane', 'autoFilter'):
    for e in root.iter('{%s}%s' % (ns['m'], tag)):
        print(tag, ' '.join('%s=%s' % kv for kv in sorted(e.attrib.items())))
EOF
cells() { python3 "$tmp/cells.py" "$1" "$2"; }
cell() { cells "$1" "$2" | awk -F'\t' -v r="$3" '$1 == r { print $2 }'; }

mkdir -p "$tmp/in"
cp sample-reports/102_err_unbalanced.txt sample-reports/405_section5_thin.txt sample-reports/003_1a8c02130c595433.txt "$tmp/in/"
W="$tmp/q.xlsx"
"$GK" issues "$tmp/in" -o "$W" >"$tmp/stdout" 2>"$tmp/stderr"
check "workbook: exit 0, nothing on stdout" sh -c "test $? -eq 0 && test ! -s '$tmp/stdout'"
C="python3 $tmp/cells.py"
check "workbook: a zip with the sheets 问题清单 and 汇总" sh -c "$C '$W' 问题清单 >/dev/null && $C '$W' 汇总 >/dev/null"
cells "$W" 问题清单 >"$tmp/list"
cells "$W" 汇总 >"$tmp/sum"
check "workbook: header row" sh -c "for c in A1:序号 B1:单位 C1:年度 D1:位置 E1:问题类型 F1:问题说明 G1:严重程度 H1:审核意见 I1:状态 J1:文件; do grep -qx \"\${c%%:*}	\${c#*:}\" '$tmp/list' || { echo \"missing \$c\"; exit 1; }; done"
check "workbook: header frozen, autofilter over the columns" sh -c "grep -q 'pane.*state=frozen.*ySplit=1' '$tmp/list' && grep -q '^autoFilter ref=A1:J' '$tmp/list'"
check "workbook: row 2 is an error (errors first)" test "$(cell "$W" 问题清单 G2)" = 错误
check "workbook: row 2's rule name" test "$(cell "$W" 问题清单 E2)" = 申请数量前后不平衡
check "workbook: row 2's message" sh -c "echo '$(cell "$W" 问题清单 F2)' | grep -q '本年新收与上年结转之和为'"
check "workbook: row 2's number, body, year" test "$(cell "$W" 问题清单 A2)|$(cell "$W" 问题清单 B2)|$(cell "$W" 问题清单 C2)" = "1|宁川区石桥镇人民政府|2023"
check "workbook: row 2's position and status" sh -c "echo '$(cell "$W" 问题清单 D2)' | grep -q '^表三·.*（第 [0-9]* 行）$' && test '$(cell "$W" 问题清单 I2)' = 待整改"
nerr=$("$GK" check --no-review "$tmp/in" | grep -c ': error: ')
nwarn=$("$GK" check --no-review "$tmp/in" | grep ': warning: ' | grep -cv 'CELL.INFERRED\|CELL.MISSING\|STRUCT.ROW_MISSING')
rows=$(grep -c '^A[0-9]*	' "$tmp/list")
check "workbook: one row per finding, reading findings left out ($nerr errors + $nwarn warnings)" test "$rows" -eq $((nerr + nwarn + 1))
last=$(grep -c '^G[0-9]*	错误' "$tmp/list")
check "workbook: every error before every warning" sh -c "awk -F'\t' '/^G[0-9]/ && \$1 != \"G1\" { r = substr(\$1, 2) + 0; if (\$2 == \"错误\") e = r; else if (!w || r < w) w = r } END { exit !(e < w) }' '$tmp/list'"
check "workbook: the thin section 五 row" sh -c "grep -q '问题及改进情况空泛' '$tmp/list' && grep -q '第五部分内容为「无」' '$tmp/list'"
check "workbook: CELL.INFERRED left out without --all" sh -c "! grep -q '单元格值为推算' '$tmp/list'"
check "workbook: 汇总 by body" sh -c "grep -qx 'A1	单位' '$tmp/sum' && grep -q '宁川区石桥镇人民政府' '$tmp/sum' && grep -qx 'G1	问题类型' '$tmp/sum' && grep -q 'T3.BALANCE' '$tmp/sum'"
check "workbook: 汇总 counts add up to the list" sh -c "test \"\$(awk -F'\t' '/^E[0-9]/ && \$1 != \"E1\" { s += \$2 } END { print s }' '$tmp/sum')\" -eq $((rows - 1))"
check "workbook: no formula anywhere" sh -c "! grep -q FORMULA '$tmp/list' '$tmp/sum'"

"$GK" issues --all -o "$tmp/all.xlsx" "$tmp/in" 2>/dev/null
check "workbook --all: reading findings listed" sh -c "$C '$tmp/all.xlsx' 问题清单 | grep -q '单元格值为推算'"
"$GK" issues --errors-only -o "$tmp/err.xlsx" "$tmp/in" 2>/dev/null
cells "$tmp/err.xlsx" 问题清单 >"$tmp/errlist"
check "workbook --errors-only: only errors" test "$(grep -c '^G[0-9]*	' "$tmp/errlist")" -eq $((nerr + 1))
check "workbook --errors-only: every error" test "$(grep -c '^G[0-9]*	错误$' "$tmp/errlist")" -eq "$nerr"
"$GK" issues --rule text.section5_thin -o "$tmp/rule.xlsx" "$tmp/in" 2>/dev/null
check "workbook --rule: one rule only (case-insensitive id)" test "$(cells "$tmp/rule.xlsx" 问题清单 | grep -c '^E[0-9]')" -eq 2
check "issues --rule: unknown rule refused" sh -c "'$GK' issues --rule NO.SUCH '$tmp/in' >/dev/null 2>&1; test \$? -eq 2"

# a correction, a dismissal with a formula-like reason, a note that is a formula
R="$tmp/in/102_err_unbalanced.txt"
"$GK" annotate "$R" --dismiss T3.BALANCE --cell t3.carried_out.natural --reason '=HYPERLINK("http://x","y")' --who 张三 >/dev/null 2>&1
"$GK" annotate "$R" t3.carried_out.total --note '+SUM(A1:A9)' --who 张三 >/dev/null 2>&1
"$GK" issues -o "$W" "$tmp/in" 2>/dev/null
cells "$W" 问题清单 >"$tmp/list"
check "workbook: a dismissed finding shows its reason as text" grep -q '	已忽略：=HYPERLINK("http://x","y")$' "$tmp/list"
check "workbook: a note that is a formula gets an apostrophe" grep -q "	'+SUM(A1:A9)$" "$tmp/list"
check "workbook: still no formula" sh -c "! grep -q FORMULA '$tmp/list'"
cp sample-reports/003_1a8c02130c595433.txt "$tmp/c.txt"
"$GK" annotate "$tmp/c.txt" t3.new.natural --value 6 --who 张三 >/dev/null 2>&1
"$GK" issues --all -o "$tmp/c.xlsx" "$tmp/c.txt" 2>/dev/null
cells "$tmp/c.xlsx" 问题清单 >"$tmp/clist"
check "workbook: the corrected cell keeps the finding that justified it" grep -q '已更正：本年新收·自然人 空 → 6' "$tmp/clist"
"$GK" issues -o "$tmp/x.csv" "$tmp/in" 2>/dev/null
check "issues -o x.csv writes the CSV with its BOM" sh -c "head -c 3 '$tmp/x.csv' | od -An -tx1 | grep -q 'ef bb bf' && grep -q '本年新收与上年结转' '$tmp/x.csv'"
check "issues --format xlsx without -o refused" sh -c "'$GK' issues --format xlsx '$tmp/in' >/dev/null 2>&1; test \$? -eq 2"

# libxlsxwriter is opened with dlopen() when a workbook is written; missing (GK_HIDE_LIBS
# makes the loader take it as not installed, for tests only): one line naming the file,
# before any report is read, and no file
GK_HIDE_LIBS=libxlsxwriter "$GK" issues -o "$tmp/nolib.xlsx" "$tmp/in" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "no libxlsxwriter: exit 2" test "$rc" -eq 2
check "no libxlsxwriter: one line naming the workbook" sh -c "test \$(wc -l <'$tmp/err') -eq 1 && grep -qx 'gkreview: 无法写入 $tmp/nolib.xlsx：没有找到 libxlsxwriter（请安装 libxlsxwriter4）' '$tmp/err'"
check "no libxlsxwriter: no file written" test ! -e "$tmp/nolib.xlsx"
GK_HIDE_LIBS=libxlsxwriter "$GK" issues -o "$tmp/nolib.csv" "$tmp/in" >/dev/null 2>&1
check "no libxlsxwriter: the CSV form still written" grep -q '本年新收与上年结转' "$tmp/nolib.csv"
