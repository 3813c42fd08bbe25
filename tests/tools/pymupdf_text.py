# pymupdf_text.py WAY IN OUT — a PDF's text as PyMuPDF (python3-fitz) gives it, for
# tests/convcorpus.sh: fitz (page.get_text() of every page, joined as they come), fitz-sort
# (get_text(sort=True), a line between pages), fitz-blocks (the text blocks, a line each).
import sys, fitz
way, inp, out = sys.argv[1:4]
doc = fitz.open(inp)
if way == 'fitz':
    text = ''.join(p.get_text() for p in doc)
elif way == 'fitz-blocks':
    text = '\n'.join(b[4] for p in doc for b in p.get_text('blocks'))
elif way == 'fitz-sort':
    text = '\n'.join(p.get_text(sort=True) for p in doc)
open(out, 'w').write(text)
