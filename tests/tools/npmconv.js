// npmconv.js WAY IN OUT — other hands' converters from npm, for tests/convcorpus.sh:
// html-to-text (htt: as it is; htt-tables: tables as its data tables), turndown with
// turndown-plugin-gfm (turndown: HTML to markdown, tables it cannot write kept as HTML),
// pdf-parse 2 (pdfparse: pdf.js text, pages joined by "-- N of M --"), mammoth (a .docx's
// raw text, and as markdown).  The modules are found through NODE_PATH (make converters:
// CONV_NODE_MODULES, a folder where `npm install html-to-text turndown
// turndown-plugin-gfm pdf-parse mammoth` was run).
const fs = require('fs');
const [way, inp, out] = process.argv.slice(2);
async function main() {
  let text;
  if (way === 'htt') {
    const { convert } = require('html-to-text');
    text = convert(fs.readFileSync(inp, 'utf8'), { wordwrap: false });
  } else if (way === 'htt-tables') {
    const { convert } = require('html-to-text');
    text = convert(fs.readFileSync(inp, 'utf8'), { wordwrap: 130, selectors: [{ selector: 'table', format: 'dataTable', options: {maxColumnWidth: 60} }] });
  } else if (way === 'turndown') {
    const TurndownService = require('turndown');
    const gfm = require('turndown-plugin-gfm').gfm;
    const t = new TurndownService(); t.use(gfm);
    text = t.turndown(fs.readFileSync(inp, 'utf8'));
  } else if (way === 'pdfparse') {
    const { PDFParse } = require('pdf-parse');
    const parser = new PDFParse({ data: fs.readFileSync(inp) });
    text = (await parser.getText()).text;
    await parser.destroy();
  } else if (way === 'mammoth') {
    const mammoth = require('mammoth');
    text = (await mammoth.extractRawText({ path: inp })).value;
  } else if (way === 'mammoth-md') {
    const mammoth = require('mammoth');
    text = (await mammoth.convertToMarkdown({ path: inp })).value;
  } else throw new Error('way ' + way);
  fs.writeFileSync(out, text);
}
main().catch(e => { console.error(e.message); process.exit(1); });
