# pyconv.py WAY IN OUT — a .docx's or a PDF's text as Debian's python libraries give it, for
# tests/convcorpus.sh: pydocx (python-docx: the body in order, paragraphs as lines, each
# table row's cells joined by tabs, a merged cell's text in every cell it covers),
# pydocx-apart (the script most write: every paragraph first, then every table — the
# tables away from their headings), pypdf (pypdf: each page's extract_text(), joined).
import sys
way, inp, out = sys.argv[1:4]
lines = []
if way.startswith('pydocx'):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(inp)
    def rows(t):
        for r in t.rows:
            lines.append('\t'.join(c.text for c in r.cells))
    if way == 'pydocx':
        for el in d.element.body.iterchildren():
            if el.tag.endswith('}p'):
                lines.append(Paragraph(el, d).text)
            elif el.tag.endswith('}tbl'):
                rows(Table(el, d))
    else:
        lines += [p.text for p in d.paragraphs]
        for t in d.tables:
            rows(t)
elif way == 'pypdf':
    import pypdf
    lines = [p.extract_text() for p in pypdf.PdfReader(inp).pages]
open(out, 'w').write('\n'.join(lines) + '\n')
