#!/usr/bin/env python3
"""spanfill.py — a web page's text as a dataframe library or a .docx library gives it.

Used by `make converters` (tests/convcorpus.sh); the Python standard library only.
pandas.read_html and python-docx (and openpyxl filling merged cells) give a table as a
full grid: a cell spanning rows or columns has its text in every slot it covers.  The
page's other text is kept in place, a paragraph a line, as a script that writes the
tables back into the page's text would.  Ways (argv[1]):
  fill      rows of the filled grid, cells separated by tabs, empty cells empty
            (python-docx, openpyxl);
  pd-tsv    df.to_csv(sep='\\t', index=False): a header of column numbers 0..n-1 first;
  pd-csv    df.to_csv(): the row index first, a header of column numbers, quoted as csv;
  pd-string df.to_string(): index, header, NaN for empty cells, right-aligned by
            character count (not display width);
  pd-md     df.to_markdown(): a pipe table with index, header, alignment row, "nan".
  pylist    the grid's rows printed as Python lists, a merged cell's text in its first slot
            only, None in the others and in empty cells (pdfplumber's extract_table()
            printed row by row);
  cells     no grid: each row's cells in the page's order, spans not filled, empty cells
            left out, joined by " | " (as trafilatura writes a table's rows);
  soup      no grid: each non-empty cell on a line of its own, no blank lines (BeautifulSoup's
            get_text("\\n", strip=True));
  h2t       no grid: each row's cells in order joined by " | ", no outer pipes, a line
            "---|---" under the first row (Python's html2text);
  mdify     no grid: a markdown table of each row's cells in the page's order, spans not
            filled, empty cells kept, "| --- |" under the first row as wide as it (as
            markdownify and markitdown write a table).
Usage: spanfill.py WAY PAGE.html > OUT.txt
"""
import csv
import html.parser
import io
import re
import sys

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "table", "nav", "section",
         "article", "header", "footer", "title"}
SKIP = {"script", "style", "head"}


def squash(parts):
    """Text pieces as one line: runs of white space one space, none at the ends."""
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def hidden(attrs):
    style = (dict(attrs).get("style") or "").replace(" ", "").lower()
    return "display:none" in style


class Page(html.parser.HTMLParser):
    """The page as a list of items: ('text', line) and ('table', rows of (text, rowspan, colspan))."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = []
        self.line = []
        self.skip = 0
        self.hide = []          # stack of tags opened hidden (pandas: displayed_only)
        self.tables = []        # open tables: list of rows
        self.cell = None        # [text parts, rowspan, colspan]

    def flush(self):
        s = squash(self.line)
        if s:
            self.items.append(("text", s))
        self.line = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
            return
        if self.hide or hidden(attrs):
            if tag not in ("br", "meta", "img"):
                self.hide.append(tag)
            return
        if tag == "table":
            if self.cell is None:
                self.flush()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            a = dict(attrs)

            def span(k):
                try:
                    return max(1, min(int((a.get(k) or "1").strip('"')), 100))
                except ValueError:
                    return 1
            self.cell = [[], span("rowspan"), span("colspan")]
            self.tables[-1][-1].append(self.cell)
        elif tag in BLOCK and self.cell is None:
            self.flush()
        elif tag == "br" and self.cell is not None:
            self.cell[0].append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.hide:
            if self.hide[-1] == tag:
                self.hide.pop()
            return
        if tag == "table" and self.tables:
            rows = self.tables.pop()
            self.cell = None
            if not self.tables:
                self.items.append(("table", rows))
        elif tag in ("td", "th"):
            self.cell = None
        elif tag in BLOCK and self.cell is None:
            self.flush()

    def handle_data(self, data):
        if self.skip or self.hide:
            return
        if self.cell is not None:
            self.cell[0].append(data)
        elif not self.tables:
            self.line.append(data)


def grid(rows, fill=True):
    """The filled grid: every slot a span covers holds its text (with fill; else its
    first only); None where no cell is."""
    out = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for parts, rs, cs in row:
            while (r, c) in out:
                c += 1
            text = squash(parts)
            for dr in range(rs):
                for dc in range(cs):
                    out[(r + dr, c + dc)] = text if fill or (dr == 0 and dc == 0) else ""
            c += cs
            width = max(width, c)
    height = max([r for r, _ in out] + [-1]) + 1
    return [[out.get((r, c)) or None for c in range(width)] for r in range(height)]


def render(way, g):
    n = len(g[0]) if g else 0
    header = [str(i) for i in range(n)]
    if way == "fill":
        return "\n".join("\t".join(x or "" for x in row) for row in g)
    if way == "pd-tsv":
        return "\n".join("\t".join(r) for r in [header] + [[x or "" for x in row] for row in g])
    if way == "pd-csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([""] + header)
        for i, row in enumerate(g):
            w.writerow([str(i)] + [x or "" for x in row])
        return buf.getvalue().rstrip("\n")
    if way == "pd-string":
        cols = [[str(i) for i in range(len(g))]] + [[row[c] if row[c] else "NaN" for row in g] for c in range(n)]
        heads = [""] + header
        widths = [max([len(h)] + [len(x) for x in col]) for h, col in zip(heads, cols)]
        lines = []
        lines.append("  ".join(h.rjust(w) if k else h.ljust(w) for k, (h, w) in enumerate(zip(heads, widths))))
        for i in range(len(g)):
            lines.append("  ".join(cols[k][i].rjust(widths[k]) if k else cols[k][i].ljust(widths[k])
                                   for k in range(len(cols))))
        return "\n".join(x.rstrip() for x in lines)
    if way == "pd-md":
        cols = [[str(i) for i in range(len(g))]] + [[row[c] if row[c] else "nan" for row in g] for c in range(n)]
        heads = [""] + header
        widths = [max([len(h), 3] + [len(x) for x in col]) for h, col in zip(heads, cols)]
        lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(heads, widths)) + " |",
                 "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|"]
        for i in range(len(g)):
            lines.append("| " + " | ".join(cols[k][i].rjust(widths[k]) for k in range(len(cols))) + " |")
        return "\n".join(lines)
    raise SystemExit("spanfill: unknown way " + way)


def row_cells(rows):
    out = []
    for row in rows:
        cells = [squash(parts) for parts, _, _ in row]
        cells = [c for c in cells if c]
        if cells:
            out.append(" | ".join(cells))
    return "\n".join(out)


def mdify(rows):
    out = []
    for i, row in enumerate(rows):
        cells = [squash(parts) for parts, _, _ in row]
        out.append("| " + " | ".join(cells) + " |")
        if i == 0:
            out.append("| " + " | ".join("---" for _ in cells) + " |")
    return "\n".join(out)


def soup(rows):
    out = []
    for row in rows:
        for parts, _, _ in row:
            c = squash(parts)
            if c:
                out.append(c)
    return "\n".join(out)


def h2t(rows):
    out = []
    for i, row in enumerate(rows):
        cells = [squash(parts) for parts, _, _ in row]
        out.append(" | ".join(cells))
        if i == 0:
            out.append("|".join("---" for _ in cells))
    return "\n".join(out)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    way, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8", errors="replace") as f:
        p = Page()
        p.feed(f.read())
        p.close()
        p.flush()
    out = []
    for kind, x in p.items:
        if kind == "text":
            out.append(x)
        elif way == "cells":
            out.append(row_cells(x))
        elif way == "soup":
            out.append(soup(x))
        elif way == "h2t":
            out.append(h2t(x))
        elif way == "mdify":
            out.append(mdify(x))
        elif way == "pylist":
            out.append("\n".join(repr([c if c else None for c in row]) for row in grid(x, False)))
        else:
            out.append(render(way, grid(x)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
