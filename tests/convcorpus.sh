#!/bin/sh
# convcorpus.sh — reports converted by other hands' tools (`make converters`).
#
# Takes CONV_VARIANTS (150) tab-grid variants of genlayout seed CONV_SEED (2) (UTF-8,
# no csv_cells; made without the dataframe, list_rows, html_tags and glued_headings families, as before them) and converts each as other hands do, with the tools installed here: the
# variant as a web page (`mkformats html 2`) dumped by w3m -dump -cols 200, lynx -dump
# -width=200, links -dump -width 200, elinks -dump, html2text -width 200, pandoc -t
# plain and pandoc -t gfm (markdown whose merged tables stay raw HTML, styled cells in
# <span> tags), and w3m, lynx, links, elinks, html2text and pandoc -t plain at their
# default widths (w3m-80, lynx-80, links-80, elinks-80, html2text-79, pandoc-72: narrow
# columns, names wrapped down them); as a .docx (`mkformats docx 2`) read by pandoc -f docx -t plain and by docx2txt;
# as a PDF (`mkformats pdf 2`) read by pdftotext -layout, without it and with -raw (the
# content stream's order), as pdftohtml -i -noframes writes it (a web page), by mutool draw
# -F txt and by pdfminer's pdf2txt, and printed as Word prints tables (`--word`) read by
# pdftotext -layout, mutool and pdf2txt; and the web page's tables as a program writes them
# (tests/tools/spanfill.py, with python3: `fill`, merged cells' text in every cell they cover,
# as python-docx or openpyxl give a table; `pd-tsv`, `pd-csv`, `pd-string`, `pd-md`, as
# pandas' read_html then to_csv, to_string or to_markdown write it — NaN for empty cells,
# rows numbered, a header of column numbers; `pylist`, the grid's rows printed as Python
# lists, None in merged and empty cells, as pdfplumber's extract_table() gives them;
# `mdify`, a markdown table of each row's cells in order, spans not filled, as markdownify
# and markitdown write it; `cells`, each row's non-empty cells joined by " | ", as
# trafilatura writes it); where installed, LibreOffice's text of the web page (`lo`),
# PyMuPDF's of the PDF (python3-fitz: `fitz`, `fitz-sort`, `fitz-blocks`) and, with
# CONV_NODE_MODULES naming a folder where the npm packages html-to-text, turndown,
# turndown-plugin-gfm, pdf-parse and mammoth are installed (tests/tools/npmconv.js), the
# page by html-to-text (`htt`, `htt-tables`) and turndown (`turndown`), with playwright-core and
# Debian's chromium the page as a browser prints it to PDF read by gkreview itself (`chrome-pdf`:
# bordered tables, wrapped cells) and by pdftotext -layout (`chrome-pdf-layout`), the PDF by
# pdf-parse (`pdfparse`), the .docx by mammoth (`mammoth`, `mammoth-md`).
# CONV_WAYS="w1 w2 …" runs only those ways.
# Every dump is read by gkreview and each cell compared, by its
# id, with the page's own reading (right: the same value; flagged: missing or inferred;
# wrong: another value; a cell id the dump's reading lacks: read with the other format's
# cells, counted apart).  Prints one line per way and the wrong cells; a tool not
# installed is reported as skipped.  Needs GK (the release binary) and REL (the release
# build's folder, for genlayout and mkformats).  CONV_KEEP=DIR keeps the pages, dumps and
# the list of wrong cells (DIR/wrong) there.  CONV_REREAD=DIR reads a kept folder's pages
# and dumps again with GK, converting nothing (an engine change measured on the same
# dumps; the earlier res and wrong are kept as res.prev and wrong.prev).  CONV_JOBS (2)
# variants are converted and read at once.  Not part of `make test`: the tools are not
# among the project's dependencies.
set -u
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/.." || exit 2
GK=${GK:-./gkreview}
REL=${REL:-build/rel}
SEED=${CONV_SEED:-2}
# PDFBox's command-line tools and what they load, as Debian's libpdfbox2-java installs them
PDFBOX_CP=/usr/share/java/pdfbox2-tools.jar:/usr/share/java/pdfbox2.jar:/usr/share/java/fontbox2.jar:/usr/share/java/commons-logging.jar
export PDFBOX_CP
N=${CONV_VARIANTS:-150}
JOBS=${CONV_JOBS:-2}
case "$GK" in /*) ;; *) GK=$(pwd)/$GK ;; esac
case "$REL" in /*) ;; *) REL=$(pwd)/$REL ;; esac

# compare T K DUMP: the dump's reading against the page's ($tmp/want.K), cell by cell by id:
# right (the same value), flagged (missing or inferred), wrong (another value); a cell id the
# dump's reading lacks (read with the other format's cells) is counted apart
compare() {
    "$GK" export --no-review --format csv "$3" 2>/dev/null | cut -d, -f2,5,6 >"$tmp/got.$2"
    awk -F, -v t="$1" -v k="$2" '
        FNR == 1 { next }
        NR == FNR { gv[$1] = $2; gs[$1] = $3; next }
        { if ($3 == "missing") next
          if (!($1 in gs)) { other++; next }
          if (gv[$1] == $2 && gs[$1] != "missing") ok++
          else if (gs[$1] == "missing" || gs[$1] == "inferred") fl++
          else { bad++; print "wrong " t " v" k ": " $1 " page " $2 " (" $3 "), dump " gv[$1] " (" gs[$1] ")" > "/dev/stderr" } }
        END { print t, ok + 0, fl + 0, bad + 0, other + 0 }' "$tmp/got.$2" "$tmp/want.$2" >>"$tmp/res.$2" 2>>"$tmp/wrong.$2"
    rm -f "$tmp/got.$2"
}

# convert K: variant K's page, converted by every way (unless rereading) and each dump read
convert() {
    k=$1
    rm -f "$tmp/res.$k" "$tmp/wrong.$k"
    if [ -z "${CONV_REREAD:-}" ]; then
        "$REL/tools/genlayout" --seed "$SEED" --without dataframe,list_rows,html_tags --show "$k" --quiet sample-reports/* >"$tmp/v$k.txt" 2>/dev/null
        "$REL/tools/mkformats" html 2 "$tmp/v$k.txt" "$tmp/v$k.html" 2>/dev/null || return 0
    fi
    [ -f "$tmp/v$k.html" ] || return 0
    "$GK" export --no-review --format csv "$tmp/v$k.html" 2>/dev/null | cut -d, -f2,5,6 >"$tmp/want.$k"
    for t in $ways; do
        o=$tmp/v$k.$t.txt
        [ "$t" = pdftohtml ] && o=$tmp/v$k.$t.html
        [ "$t" = chrome-pdf ] && o=$tmp/v$k.$t.pdf
        if [ -n "${CONV_REREAD:-}" ]; then
            [ -s "$o" ] && compare "$t" "$k" "$o"
            continue
        fi
        case $t in
        w3m) w3m -O UTF-8 -dump -cols 200 -T text/html "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        lynx) lynx -dump -width=200 -display_charset=utf-8 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        pandoc) pandoc -f html -t plain --columns=200 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        pandoc-gfm) pandoc -f html -t gfm --columns=200 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        links) links -dump -width 200 -codepage utf-8 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        html2text) html2text -utf8 -width 200 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        w3m-80) w3m -O UTF-8 -dump -T text/html "$tmp/v$k.html" >"$o" 2>/dev/null ;;   # the tools' default widths
        lynx-80) lynx -dump -display_charset=utf-8 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        pandoc-72) pandoc -f html -t plain "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        html2text-79) html2text -utf8 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        links-80) links -dump -codepage utf-8 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        elinks-80) elinks -dump -dump-charset utf-8 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        fill | pd-* | pylist | mdify | h2t | soup | cells) python3 tests/tools/spanfill.py "$t" "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        elinks) elinks -dump -dump-width 200 -dump-charset utf-8 "$tmp/v$k.html" >"$o" 2>/dev/null ;;
        docx2txt)
            [ -f "$tmp/v$k.docx" ] || "$REL/tools/mkformats" docx 2 "$tmp/v$k.txt" "$tmp/v$k.docx" 2>/dev/null
            docx2txt "$tmp/v$k.docx" - >"$o" 2>/dev/null ;;
        pandoc-docx)
            [ -f "$tmp/v$k.docx" ] || "$REL/tools/mkformats" docx 2 "$tmp/v$k.txt" "$tmp/v$k.docx" 2>/dev/null
            pandoc -f docx -t plain --columns=200 "$tmp/v$k.docx" >"$o" 2>/dev/null ;;
        pdftotext-layout | pdftotext-raw)
            [ -f "$tmp/v$k.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.pdf" 2>/dev/null
            if [ "$t" = pdftotext-layout ]; then lay=-layout; else lay=; fi
            pdftotext $lay -enc UTF-8 "$tmp/v$k.pdf" "$o" 2>/dev/null ;;
        pdftotext-rawmode)
            [ -f "$tmp/v$k.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.pdf" 2>/dev/null
            pdftotext -raw -enc UTF-8 "$tmp/v$k.pdf" "$o" 2>/dev/null ;;
        pdftohtml)
            [ -f "$tmp/v$k.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.pdf" 2>/dev/null
            pdftohtml -q -i -noframes -stdout -enc UTF-8 "$tmp/v$k.pdf" >"$o" 2>/dev/null ;;
        mutool | pdf2txt)
            [ -f "$tmp/v$k.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.pdf" 2>/dev/null
            if [ "$t" = mutool ]; then mutool draw -q -F txt -o "$o" "$tmp/v$k.pdf" 2>/dev/null
            else pdf2txt -o "$o" "$tmp/v$k.pdf" 2>/dev/null; fi ;;
        mutool-word | pdf2txt-word)
            [ -f "$tmp/v$k.w.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.w.pdf" --word 2>/dev/null
            if [ "$t" = mutool-word ]; then mutool draw -q -F txt -o "$o" "$tmp/v$k.w.pdf" 2>/dev/null
            else pdf2txt -o "$o" "$tmp/v$k.w.pdf" 2>/dev/null; fi ;;
        pdftotext-word)
            [ -f "$tmp/v$k.w.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.w.pdf" --word 2>/dev/null
            pdftotext -layout -enc UTF-8 "$tmp/v$k.w.pdf" "$o" 2>/dev/null ;;
        htt | htt-tables | turndown) node tests/tools/npmconv.js "$t" "$tmp/v$k.html" "$o" 2>/dev/null ;;
        pdfparse)
            [ -f "$tmp/v$k.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.pdf" 2>/dev/null
            node tests/tools/npmconv.js "$t" "$tmp/v$k.pdf" "$o" 2>/dev/null ;;
        mammoth | mammoth-md)
            [ -f "$tmp/v$k.docx" ] || "$REL/tools/mkformats" docx 2 "$tmp/v$k.txt" "$tmp/v$k.docx" 2>/dev/null
            node tests/tools/npmconv.js "$t" "$tmp/v$k.docx" "$o" 2>/dev/null ;;
        fitz | fitz-sort | fitz-blocks)
            [ -f "$tmp/v$k.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.pdf" 2>/dev/null
            /usr/bin/python3 tests/tools/pymupdf_text.py "$t" "$tmp/v$k.pdf" "$o" 2>/dev/null ;;
        nhm | innertext) node tests/tools/npmconv.js "$t" "$tmp/v$k.html" "$o" 2>/dev/null ;;
        chrome-pdf) node tests/tools/npmconv.js "$t" "$tmp/v$k.html" "$o" >/dev/null 2>&1 ;;   # read by gkreview itself
        chrome-pdf-layout)
            [ -f "$tmp/v$k.chrome-pdf.pdf" ] || node tests/tools/npmconv.js chrome-pdf "$tmp/v$k.html" "$tmp/v$k.chrome-pdf.pdf" >/dev/null 2>&1
            pdftotext -layout -enc UTF-8 "$tmp/v$k.chrome-pdf.pdf" "$o" 2>/dev/null ;;
        op-docx | pydocx | pydocx-apart | abiword)
            [ -f "$tmp/v$k.docx" ] || "$REL/tools/mkformats" docx 2 "$tmp/v$k.txt" "$tmp/v$k.docx" 2>/dev/null
            case $t in
            op-docx) node tests/tools/npmconv.js "$t" "$tmp/v$k.docx" "$o" 2>/dev/null ;;
            abiword) abiword --to=txt -o "$o" "$tmp/v$k.docx" >/dev/null 2>&1 ;;
            *) /usr/bin/python3 tests/tools/pyconv.py "$t" "$tmp/v$k.docx" "$o" 2>/dev/null ;;
            esac ;;
        op-pdf | pdf2json | pypdf | gs | pdfbox | pdfbox-sort)
            [ -f "$tmp/v$k.pdf" ] || "$REL/tools/mkformats" pdf 2 "$tmp/v$k.txt" "$tmp/v$k.pdf" 2>/dev/null
            case $t in
            op-pdf | pdf2json) node tests/tools/npmconv.js "$t" "$tmp/v$k.pdf" "$o" >/dev/null 2>&1 ;;
            pypdf) /usr/bin/python3 tests/tools/pyconv.py "$t" "$tmp/v$k.pdf" "$o" 2>/dev/null ;;
            gs) gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile="$o" "$tmp/v$k.pdf" >/dev/null 2>&1 ;;
            pdfbox) java -cp "$PDFBOX_CP" org.apache.pdfbox.tools.ExtractText -encoding UTF-8 "$tmp/v$k.pdf" "$o" >/dev/null 2>&1 ;;
            pdfbox-sort) java -cp "$PDFBOX_CP" org.apache.pdfbox.tools.ExtractText -sort -encoding UTF-8 "$tmp/v$k.pdf" "$o" >/dev/null 2>&1 ;;
            esac ;;
        lo)   # LibreOffice's text of the web page (its own profile: two at once)
            soffice -env:UserInstallation="file://$tmp/lo.$k" --headless --convert-to "txt:Text (encoded):UTF8" \
                --outdir "$tmp/lo.$k" "$tmp/v$k.html" >/dev/null 2>&1
            mv "$tmp/lo.$k/v$k.txt" "$o" 2>/dev/null
            rm -rf "$tmp/lo.$k" ;;
        esac
        [ -s "$o" ] && compare "$t" "$k" "$o"
    done
    rm -f "$tmp/want.$k"
}

# one variant in a process of its own (CONV_JOBS at once): the folder and the ways from the caller
if [ -n "${CONV_ONE:-}" ]; then
    tmp=$CONV_DIR ways=$CONV_WAYS_ALL
    convert "$CONV_ONE"
    exit 0
fi

if [ -n "${CONV_REREAD:-}" ]; then           # a kept folder read again: nothing converted
    tmp=$CONV_REREAD
    [ -f "$tmp/list" ] || { echo "convcorpus: $tmp has no list (not a folder CONV_KEEP kept)" >&2; exit 2; }
    [ -f "$tmp/seed" ] && SEED=$(cat "$tmp/seed")
    for f in res wrong; do [ -f "$tmp/$f" ] && mv "$tmp/$f" "$tmp/$f.prev"; done
    ways=$(ls "$tmp" | sed -n 's/^v[0-9]*\.\([a-z0-9-]*\)\.\(txt\|html\|pdf\)$/\1/p' | grep -vx w | sort -u | tr '\n' ' ')
    [ -n "${CONV_WAYS:-}" ] && ways=$CONV_WAYS
else
    if [ -n "${CONV_KEEP:-}" ]; then             # keep every page, dump and list in this folder
        tmp=$CONV_KEEP
        rm -rf "$tmp" && mkdir -p "$tmp" || exit 2
        case "$tmp" in /*) ;; *) tmp=$(pwd)/$tmp ;; esac
    else
        tmp=$(mktemp -d)
        trap 'rm -rf "$tmp"' EXIT
    fi
    echo "$SEED" >"$tmp/seed"
    "$REL/tools/genlayout" --seed "$SEED" --variants 6000 --without dataframe,list_rows,html_tags,glued_headings --quiet --each sample-reports/* 2>/dev/null |
        grep 'right' | grep '\[tabs' | grep -v 'utf16\|gb18030\|csv_cells' | head -n "$N" |
        sed 's/variant \([0-9]*\):.*/\1/' >"$tmp/list"
    tools=
    for t in w3m lynx pandoc links html2text elinks pdftotext pdftohtml mutool pdf2txt docx2txt python3 soffice gs abiword; do
        if command -v "$t" >/dev/null 2>&1; then tools="$tools $t"; else echo "$t: skipped (not installed)"; fi
    done
    if [ -n "${CONV_NODE_MODULES:-}" ] && NODE_PATH=$CONV_NODE_MODULES node -e "require('turndown')" 2>/dev/null; then
        tools="$tools npm"; export NODE_PATH=$CONV_NODE_MODULES
    else
        echo "npm converters: skipped (CONV_NODE_MODULES names no folder with them installed)"
    fi
    if /usr/bin/python3 -c 'import fitz' 2>/dev/null; then tools="$tools pymupdf"; else echo "pymupdf: skipped (python3-fitz not installed)"; fi
    if /usr/bin/python3 -c 'import docx' 2>/dev/null; then tools="$tools pydocx"; else echo "python-docx: skipped (python3-docx not installed)"; fi
    if /usr/bin/python3 -c 'import pypdf' 2>/dev/null; then tools="$tools pypdf"; else echo "pypdf: skipped (python3-pypdf not installed)"; fi
    if [ -f /usr/share/java/pdfbox2-tools.jar ] && command -v java >/dev/null 2>&1; then tools="$tools pdfbox"
    else echo "pdfbox: skipped (libpdfbox2-java or java not installed)"; fi
    [ -n "$tools" ] || exit 0
    # each tool's ways: a web page dumped, a PDF printed (mkformats pdf, and --word: Word's
    # wrapped cells) read by pdftotext with and without -layout, a .docx read by pandoc
    ways=
    for t in $tools; do
        case $t in
        pandoc) ways="$ways pandoc pandoc-gfm pandoc-docx pandoc-72" ;;
        w3m | lynx | links | elinks | html2text) ways="$ways $t $t-$([ $t = html2text ] && echo 79 || echo 80)" ;;
        pdftotext) ways="$ways pdftotext-layout pdftotext-raw pdftotext-rawmode pdftotext-word" ;;
        pdftohtml) ways="$ways pdftohtml" ;;
        mutool) ways="$ways mutool mutool-word" ;;
        pdf2txt) ways="$ways pdf2txt pdf2txt-word" ;;
        python3) ways="$ways fill pd-tsv pd-csv pd-string pd-md pylist mdify h2t soup cells" ;;
        npm) ways="$ways htt htt-tables turndown pdfparse mammoth mammoth-md nhm op-docx op-pdf pdf2json"
             if [ -x /usr/bin/chromium ] && node -e "require('playwright-core')" 2>/dev/null; then ways="$ways innertext chrome-pdf chrome-pdf-layout"; fi ;;
        pydocx) ways="$ways pydocx pydocx-apart" ;;
        pdfbox) ways="$ways pdfbox pdfbox-sort" ;;
        pymupdf) ways="$ways fitz fitz-sort fitz-blocks" ;;
        soffice) ways="$ways lo" ;;
        *) ways="$ways $t" ;;
        esac
    done
    [ -n "${CONV_WAYS:-}" ] && ways=$CONV_WAYS   # only these ways (names as printed)
fi
CONV_DIR=$tmp CONV_WAYS_ALL=$ways GK=$GK REL=$REL CONV_SEED=$SEED CONV_REREAD=${CONV_REREAD:-} \
    xargs -P "$JOBS" -I K env CONV_ONE=K sh "$self" <"$tmp/list"
: >"$tmp/res"
: >"$tmp/wrong"
for k in $(cat "$tmp/list"); do                 # in the list's order, as one process would
    [ -f "$tmp/res.$k" ] && cat "$tmp/res.$k" >>"$tmp/res"
    [ -f "$tmp/wrong.$k" ] && cat "$tmp/wrong.$k" >>"$tmp/wrong"
    rm -f "$tmp/res.$k" "$tmp/wrong.$k"
done
echo "genlayout seed $SEED, $(wc -l <"$tmp/list") tab variants -> mkformats (html, docx, pdf) -> each way:"
awk '{ ok[$1] += $2; fl[$1] += $3; bad[$1] += $4; oth[$1] += $5 }
     END { for (t in ok) printf "%-17s cells right %d, flagged %d, wrong %d%s\n", t, ok[t], fl[t], bad[t],
                               oth[t] ? sprintf(" (and %d read with the other format'"'"'s cells)", oth[t]) : "" }' "$tmp/res" | sort
if [ -s "$tmp/wrong" ]; then
    echo "wrong cells (first 20):"
    head -n 20 "$tmp/wrong"
fi
