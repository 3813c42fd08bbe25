#!/bin/sh
# suite_formats.sh — the files reviewers receive: every sample report rendered
# as a saved web page, a Word document and a PDF (tests/tools/mkformats.c,
# seeded) must read exactly as the text it was made from.
#   HTML and DOCX: `check` output (every finding, with its line) and the
#   JSON export (every cell: value, status, line) identical to the text's;
#   PDF: the JSON export identical but for line numbers (a PDF's lines are
#   its printed lines).
# Then the bad files of each kind: one clear line naming the file, and the
# batch goes on; folder walks pick the new extensions up; pages per line.
# FORMAT_SEEDS="1 2 3" (default "1 2") picks the variants.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${GK:?}" "${TOOLS:?}"
MK=$TOOLS/mkformats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SEEDS=${FORMAT_SEEDS:-1 2}
# cairo and fontconfig keep caches to the end of the process: not leaks of ours
mk() { ASAN_OPTIONS=detect_leaks=0 "$MK" "$@"; }

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/    /'; done; }
check() {
    name=$1
    shift
    if "$@" >/dev/null 2>&1; then ok "$name"; else nok "$name" "command: $*"; fi
}

nhtml=0 ndocx=0 npdf=0 same_html=0 same_docx=0 same_pdf=0
for f in sample-reports/*; do
    name=$(basename "$f")
    case $name in *.html | *.htm | *.docx | *.pdf) continue ;; esac   # made by mkformats already
    # the layout-family samples (015-020) are themselves what a converter left
    # (pdftotext without -layout, glued cells, blank totals): a web page, Word
    # document or PDF made from them is another layout, not the same report
    case $name in 01[5-9]_* | 020_*) continue ;; esac
    "$GK" check --no-review "$f" 2>&1 | sed "s|$f|FILE|g" >"$tmp/ref.check"
    "$GK" export --no-review --format json "$f" 2>/dev/null | sed "s|$f|FILE|g" >"$tmp/ref.json"
    sed 's/"line":[0-9a-z]*//g; s/,"page":[0-9]*//g' "$tmp/ref.json" >"$tmp/ref.nolines"
    for s in $SEEDS; do
        for kind in html docx pdf; do
            out=$tmp/$name.$s.$kind
            if ! mk "$kind" "$s" "$f" "$out" 2>"$tmp/mk.err"; then
                nok "$kind $name seed $s: generated" "$(cat "$tmp/mk.err")"
                continue
            fi
            "$GK" export --no-review --format json "$out" 2>/dev/null | sed "s|$out|FILE|g" >"$tmp/got.json"
            case $kind in
            pdf)
                npdf=$((npdf + 1))
                sed 's/"line":[0-9a-z]*//g; s/,"page":[0-9]*//g' "$tmp/got.json" >"$tmp/got.nolines"
                if cmp -s "$tmp/ref.nolines" "$tmp/got.nolines"; then
                    same_pdf=$((same_pdf + 1))
                    ok "pdf $name seed $s: same cells and findings as the text"
                else
                    nok "pdf $name seed $s: same cells and findings as the text" \
                        "$(diff "$tmp/ref.nolines" "$tmp/got.nolines" | head -n 6 | cut -c1-300)"
                fi
                ;;
            *)
                "$GK" check --no-review "$out" 2>&1 | sed "s|$out|FILE|g" >"$tmp/got.check"
                eval "n$kind=\$((n$kind + 1))"
                if cmp -s "$tmp/ref.check" "$tmp/got.check" && cmp -s "$tmp/ref.json" "$tmp/got.json"; then
                    eval "same_$kind=\$((same_$kind + 1))"
                    ok "$kind $name seed $s: reads as the text (check and export identical)"
                else
                    nok "$kind $name seed $s: reads as the text (check and export identical)" \
                        "$(diff "$tmp/ref.check" "$tmp/got.check" | head -n 6)"
                fi
                ;;
            esac
        done
    done
done
echo "# identical: html $same_html/$nhtml, docx $same_docx/$ndocx, pdf $same_pdf/$npdf (cells and findings)"

# ---- PDFs whose tables are printed as Word prints them ----------------------------------
# printed MODE PERCENT SEEDS...: every sample made a PDF by mkformats pdf MODE with each seed;
# every cell reads as the text reads it, or is named missing; never another value; PERCENT
# of them at least are read.
printed() {
    mode=$1 pct=$2
    shift 2
    wright=0 wflag=0 wwrong=0 nword=0
    for f in ${PRINTED_FILES:-sample-reports/*}; do
        name=$(basename "$f")
        case $name in *.html | *.htm | *.docx | *.pdf | 01[5-9]_* | 020_*) continue ;; esac
        # (a row of 104's table 3 is written a cell right of the others': printed, its 2
        # stands under 商业企业 — read so where the row's lost cells leave no count to go by)
        case $mode:$name in *wide:104_*) continue ;; esac
        "$GK" export --no-review --format csv "$f" 2>/dev/null | cut -d, -f2,5,6 >"$tmp/ref.csv"
        for s in "$@"; do
            out=$tmp/$name.$s$mode.pdf
            mk pdf "$s" "$f" "$out" "$mode" 2>/dev/null || continue
            nword=$((nword + 1))
            "$GK" export --no-review --format csv "$out" 2>/dev/null | cut -d, -f2,5,6 >"$tmp/got.csv"
            paste -d'|' "$tmp/ref.csv" "$tmp/got.csv" | awk -F'|' -v n="$name seed $s" '
                NR == 1 { next }
                { split($1, x, ","); split($2, y, ",")
                  if (x[1] != y[1]) { print "WRONG " n ": cell order " x[1] " " y[1]; next }
                  if (x[3] == "missing") next
                  if (x[2] == y[2] && y[3] != "missing") r++
                  else if (y[3] == "missing" || y[3] == "inferred") f++
                  else print "WRONG " n ": " $0 }
                END { print "COUNT", r + 0, f + 0 }' >"$tmp/cmp"
            set -- $(grep '^COUNT' "$tmp/cmp") "$@"
            wright=$((wright + $2))
            wflag=$((wflag + $3))
            shift 3
            w=$(grep -c '^WRONG' "$tmp/cmp")
            wwrong=$((wwrong + w))
            [ "$w" = 0 ] || nok "pdf $mode $name seed $s: no cell read as another value" "$(grep '^WRONG' "$tmp/cmp" | head -n 4)"
            rm -f "$out"
        done
    done
    if [ "$nword" -gt 20 ] && [ "$wwrong" = 0 ]; then
        ok "pdf $mode: $nword files, no cell read as another value ($wright right, $wflag missing)"
    else
        nok "pdf $mode: $nword files, no cell read as another value ($wright right, $wflag missing, $wwrong wrong)"
    fi
    if [ $((wright * 100)) -ge $(((wright + wflag) * pct)) ] && [ "$wright" -gt 0 ]; then
        ok "pdf $mode: $pct% of the cells read ($wright of $((wright + wflag)))"
    else
        nok "pdf $mode: $pct% of the cells read ($wright of $((wright + wflag)))"
    fi
}
# --word: long labels wrapped inside their cells, numbers left-aligned, centred or
# right-aligned, rows' cells at their top or middle
printed --word 97 $SEEDS 3
# --grid: the same with every cell's borders drawn (as Word, WPS and browsers print them),
# number columns as narrow as a character, item numbers on lines of their own, header rows
# shaded grey at times: the rules
# tell the rows (src/input_pdf.c)
printed --grid 97 1 2 3 4 5 6
# --wide, --grid-wide: the same tables printed wider than the page, as a browser cuts a
# wide table at the page's edge — numbers across the edge, whole columns past it: what
# was cut is read as not known (U+FFFD from the PDF reader), never as another value or
# a blank cell (the engine before: 150 and 74 cells read as other values, seeds 1-3)
printed --wide 90 1 2 3 4
printed --grid-wide 85 1 2 3 4
# --grid of generated layouts (genlayout seed 2, tab grids: units after numbers, labels
# wrapped, lost headings, rows joined …): a unit wraps under its number in a column a
# character wide, that cell's number printed half a line above the row's other numbers
# beside a label over three lines — the reader joins it into its row (a line of one or two
# numbers, each where the band's row has none, is a cell's first line, no row of its own:
# converter seed 2's Chromium PDFs, 110 -> 69 cells read as other values); and words before
# the 勾稽 note are no header names (v900: "3." "30" "其他" over the note, 95 cells one
# column on before).  Never another value; 88% read (90.0% at stop 55).
mkdir "$tmp/var"
for k in $(seq 900 929); do
    "$TOOLS/genlayout" --seed 2 --without dataframe,list_rows,html_tags --show "$k" --quiet sample-reports/* \
        >"$tmp/var/v$k.txt" 2>/dev/null
    [ -s "$tmp/var/v$k.txt" ] || rm -f "$tmp/var/v$k.txt"
done
PRINTED_FILES="$tmp/var/*" printed --grid 88 1 2 3

# ---- one generated file of each kind, further ------------------------------------------
S=sample-reports/003_1a8c02130c595433.txt
mk html 7 "$S" "$tmp/r.html"
mk docx 7 "$S" "$tmp/r.docx"
mk pdf 7 "$S" "$tmp/r.pdf"
mk pdf 7 "$S" "$tmp/scan.pdf" --no-text

# the same file again gives the same bytes (seeded, dated)
mk html 7 "$S" "$tmp/r2.html"
mk docx 7 "$S" "$tmp/r2.docx"
check "generator: same seed, same HTML" cmp "$tmp/r.html" "$tmp/r2.html"
check "generator: same seed, same DOCX" cmp "$tmp/r.docx" "$tmp/r2.docx"

# a PDF's lines carry their page; the table of 003 runs over a page break
"$MK" dump "$tmp/r.pdf" >"$tmp/dump" 2>/dev/null
check "pdf: every line has a page" sh -c "! grep -q '^0	' '$tmp/dump'"
check "pdf: more than one page" sh -c "cut -f1 '$tmp/dump' | sort -u | wc -l | grep -qv '^1$'"
check "pdf: page footers dropped" sh -c "! grep -E -q '^[0-9]+	(- [0-9]+ -|第 [0-9]+ 页|[0-9]+|— [0-9]+ —)$' '$tmp/dump'"
check "pdf: page header dropped" sh -c "! grep -q '	政府信息公开工作年度报告$' '$tmp/dump'"
check "html: lines carry no page" sh -c "'$MK' dump '$tmp/r.html' | head -n 1 | grep -q '^0	'"

# ---- bad files: one clear line each, naming the file; the batch goes on ----------------
head -c 3000 "$tmp/r.pdf" >"$tmp/truncated.pdf"
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R /Encrypt 3 0 R /ID [<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>] >>\n3 0 obj << /Filter /Standard /V 1 /R 2 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100> /P -4 >> endobj\n%%%%EOF\n' >"$tmp/encrypted.pdf"
head -c 700 "$tmp/r.docx" >"$tmp/broken.docx"
printf 'PK\005\006\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' >"$tmp/empty.docx"
printf '\320\317\021\340\241\261\032\341old word document' >"$tmp/old.doc"
echo "not a pdf at all" >"$tmp/fake.pdf"
"$GK" check "$tmp/scan.pdf" "$tmp/truncated.pdf" "$tmp/encrypted.pdf" "$tmp/broken.docx" "$tmp/empty.docx" \
    "$tmp/old.doc" "$tmp/fake.pdf" "$tmp/r.pdf" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "bad files: exit 2" test "$rc" -eq 2
check "bad files: scan named" grep -q "^$tmp/scan.pdf: error: 无法读取：PDF 没有文字层（扫描件），请先做文字识别$" "$tmp/err"
check "bad files: truncated PDF named" grep -q "^$tmp/truncated.pdf: error: 无法读取：PDF" "$tmp/err"
check "bad files: encrypted PDF named" grep -q "^$tmp/encrypted.pdf: error: 无法读取：PDF 已加密" "$tmp/err"
check "bad files: broken zip named" grep -q "^$tmp/broken.docx: error: 无法读取：Word 文档（.docx）已损坏" "$tmp/err"
check "bad files: zip without a document named" grep -q "^$tmp/empty.docx: error: 无法读取：.*word/document.xml" "$tmp/err"
check "bad files: old .doc asks for .docx or PDF" grep -q "^$tmp/old.doc: error: 无法读取：旧版 Word 文档（.doc）.*\.docx 或 PDF" "$tmp/err"
check "bad files: not a PDF named" grep -q "^$tmp/fake.pdf: error: 无法读取：不是有效的 PDF" "$tmp/err"
check "bad files: one line each" test "$(wc -l <"$tmp/err")" -eq 7
check "bad files: the batch goes on" grep -q "^1 份报告：.*7 份无法读取" "$tmp/out"
check "bad files: no sanitizer report" sh -c "! grep -q -E 'Sanitizer|runtime error' '$tmp/err'"

# ---- a reader's library missing: one clear line naming the file, never a crash -----------
# libxml2, libzip and poppler are opened with dlopen() on the first file that needs them;
# GK_HIDE_LIBS makes the loader take the listed ones as not installed (for tests only)
GK_HIDE_LIBS="libxml2 libpoppler-glib" "$GK" check -j 2 "$tmp/r.html" "$tmp/r.docx" "$tmp/r.pdf" "$S" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
check "no libxml2: exit 2" test "$rc" -eq 2
check "no libxml2: the web page named" grep -qx "$tmp/r.html: error: 无法读取：无法读取 HTML：没有找到 libxml2（请安装 libxml2）" "$tmp/err"
check "no libxml2: the Word document named" grep -qx "$tmp/r.docx: error: 无法读取：无法读取 Word 文档（.docx）：没有找到 libxml2（请安装 libxml2）" "$tmp/err"
check "no poppler: the PDF named" grep -qx "$tmp/r.pdf: error: 无法读取：无法读取 PDF：没有找到 PDF 支持库 libpoppler-glib（请安装 libpoppler-glib8）" "$tmp/err"
check "no libxml2: one line each" test "$(wc -l <"$tmp/err")" -eq 3
check "no libxml2: the text report still read" grep -q "^1 份报告：.*3 份无法读取" "$tmp/out"
GK_HIDE_LIBS=libzip "$GK" check "$tmp/r.docx" "$tmp/r.html" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "no libzip: exit 2" test "$rc" -eq 2
check "no libzip: the Word document named" grep -qx "$tmp/r.docx: error: 无法读取：无法读取 Word 文档（.docx）：没有找到 libzip（请安装 libzip4）" "$tmp/err"
check "no libzip: one line, the web page read" sh -c "test \$(wc -l <'$tmp/err') -eq 1 && grep -q '^1 份报告：.*1 份无法读取' '$tmp/out'"
GK_HIDE_LIBS=libxml2 "$GK" export --format json "$tmp/r.html" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "no libxml2: export names the file, exit 2" sh -c "test $rc -eq 2 && grep -q '^$tmp/r.html: error: 无法读取：无法读取 HTML：没有找到 libxml2' '$tmp/err' && test \$(wc -l <'$tmp/err') -eq 1"

# ---- folder walks ------------------------------------------------------------------------
mkdir -p "$tmp/dir/sub"
cp "$tmp/r.html" "$tmp/dir/a.html"
cp "$tmp/r.docx" "$tmp/dir/sub/b.docx"
cp "$tmp/r.pdf" "$tmp/dir/sub/c.pdf"
cp "$tmp/old.doc" "$tmp/dir/d.doc"
cp "$S" "$tmp/dir/e.txt"
"$GK" check --format json "$tmp/dir" >"$tmp/out" 2>"$tmp/err"
check "walk: .html .docx .pdf and .txt read, one JSON line each" test "$(wc -l <"$tmp/out")" -eq 4
check "walk: .doc named" grep -q "d.doc: error: 无法读取：旧版 Word 文档" "$tmp/err"
check "walk: the PDF and the text give the same cells" sh -c "
    grep '\"file\":\"$tmp/dir/sub/c.pdf\"' '$tmp/out' | sed 's/\"line\":[0-9a-z]*//g; s/,\"page\":[0-9]*//g; s|$tmp/dir/sub/c.pdf|F|' >'$tmp/p'
    grep '\"file\":\"$tmp/dir/e.txt\"' '$tmp/out' | sed 's/\"line\":[0-9a-z]*//g; s|$tmp/dir/e.txt|F|' >'$tmp/t'
    cmp -s '$tmp/p' '$tmp/t'"

# ---- pages in the JSON export ------------------------------------------------------------
"$GK" export --format json "$tmp/dir/sub/c.pdf" >"$tmp/out" 2>/dev/null
check "json: a PDF's cells and findings carry the page of their line" sh -c "
    grep -q '\"t3.new.natural\":{[^}]*\"line\":[0-9]*,\"page\":[0-9]' '$tmp/out' &&
    test \$(grep -o '\"line\":[1-9][0-9]*' '$tmp/out' | wc -l) -eq \$(grep -o '\"page\":[1-9][0-9]*' '$tmp/out' | wc -l)"
"$GK" export --format json "$tmp/dir/e.txt" >"$tmp/out" 2>/dev/null
check "json: a text report has no page" sh -c "! grep -q '\"page\"' '$tmp/out'"

# ---- the reviewer's record on a converted file -------------------------------------------
cp "$tmp/r.docx" "$tmp/w.docx"
"$GK" annotate "$tmp/w.docx" t3.new.natural --value 6 --note "核对原件" --who 张三 >/dev/null 2>&1
check "sidecar: beside the .docx" test -f "$tmp/w.docx.review.ini"
check "sidecar: hash of the .docx itself" sh -c "grep -q \"sha256 = \$(sha256sum '$tmp/w.docx' | cut -c1-64)\" '$tmp/w.docx.review.ini'"
"$GK" export --format json "$tmp/w.docx" >"$tmp/out" 2>/dev/null
check "sidecar: the correction applies" grep -q '"t3.new.natural":{"value":6,"status":"corrected"' "$tmp/out"
