// npmconv.js WAY IN OUT — other hands' converters from npm, for tests/convcorpus.sh:
// html-to-text (htt: as it is; htt-tables: tables as its data tables), turndown with
// turndown-plugin-gfm (turndown: HTML to markdown, tables it cannot write kept as HTML),
// pdf-parse 2 (pdfparse: pdf.js text, pages joined by "-- N of M --"), mammoth (a .docx's
// raw text, and as markdown), node-html-markdown (nhm: the page as markdown), officeparser
// (op-docx, op-pdf: the .docx's and the PDF's text, as LLM pipelines take it), pdf2json
// (pdf2json: its raw text content, text runs in content-stream order), and with
// playwright-core and Debian's chromium the page's document.body.innerText (innertext: a
// browser's select-all copy, cells apart by tabs, a cell's paragraphs on lines of their own),
// and the page as the browser prints it to PDF (chrome-pdf: the PDF itself is written).  The modules are found through NODE_PATH (make converters:
// CONV_NODE_MODULES, a folder where `npm install html-to-text turndown
// turndown-plugin-gfm pdf-parse mammoth node-html-markdown officeparser pdf2json` was run).
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
  } else if (way === 'nhm') {
    const { NodeHtmlMarkdown } = require('node-html-markdown');
    text = NodeHtmlMarkdown.translate(fs.readFileSync(inp, 'utf8'));
  } else if (way === 'op-docx' || way === 'op-pdf') {
    const op = require('officeparser');
    const r = await op.parseOffice(inp);
    text = typeof r === 'string' ? r : r.toText();
  } else if (way === 'pdf2json') {
    const PDFParser = require('pdf2json');
    text = await new Promise((resolve, reject) => {
      const p = new PDFParser(null, 1);
      p.on('pdfParser_dataError', e => reject(e.parserError));
      p.on('pdfParser_dataReady', () => resolve(p.getRawTextContent()));
      p.loadPDF(inp);
    });
  } else if (way === 'chrome-pdf') {       // the page printed to PDF by the browser (A4): out is that PDF
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath: process.env.CONV_CHROMIUM || '/usr/bin/chromium',
                                            args: ['--no-sandbox'] });
    const page = await browser.newPage();
    await page.goto('file://' + require('path').resolve(inp), { waitUntil: 'load', timeout: 30000 });
    await page.pdf({ path: out, format: 'A4' });
    await browser.close();
    return;
  } else if (way === 'innertext') {
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath: process.env.CONV_CHROMIUM || '/usr/bin/chromium',
                                            args: ['--no-sandbox'] });
    const page = await browser.newPage();
    await page.goto('file://' + require('path').resolve(inp), { waitUntil: 'load', timeout: 30000 });
    text = await page.evaluate(() => document.body.innerText);
    await browser.close();
  } else throw new Error('way ' + way);
  fs.writeFileSync(out, text);
}
main().catch(e => { console.error(e.message); process.exit(1); });
