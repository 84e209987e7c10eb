import { PDF_FONTS, type PdfFont } from './pdf-fonts.js';

/** Decree 30/2020 page: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm. */
const MM = 72 / 25.4;
export const PAGE_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
/** Body text 13 pt (Decree 30 allows 13–14), first line indented 1 cm. */
export const BODY_SIZE = 13;
const INDENT = 10 * MM;
/** The left header column (issuing body, number); the right one holds the motto and the date. */
const LEFT_COLUMN = 200;

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(PDF_FONTS)) doc.registerFont(name, file);
}

const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const columns = (doc: PDFKit.PDFDocument) => {
  const left = { x: doc.page.margins.left, w: LEFT_COLUMN };
  return { left, right: { x: left.x + left.w, w: contentWidth(doc) - left.w } };
};

/** Centred text in a column at y; returns the y below it. Shrinks the size so it stays on one line. */
function centred(doc: PDFKit.PDFDocument, text: string, font: PdfFont, size: number, col: { x: number; w: number }, y: number): number {
  doc.font(font).fontSize(size);
  while (size > 9 && doc.widthOfString(text) > col.w) doc.fontSize((size -= 0.5));
  doc.text(text, col.x, y, { width: col.w, align: 'center', lineBreak: false });
  return y + doc.currentLineHeight(true);
}

/** A rule centred under a line of text, `share` of its width (Decree 30: a third to a half of the line). */
function rule(doc: PDFKit.PDFDocument, text: string, col: { x: number; w: number }, y: number, share: number): void {
  const w = Math.min(doc.widthOfString(text), col.w) * share;
  const x = col.x + (col.w - w) / 2;
  doc
    .moveTo(x, y)
    .lineTo(x + w, y)
    .lineWidth(0.6)
    .stroke();
}

export interface HeaderBlock {
  authority: string | null;
  issuer: string;
  number: string;
  motto: string;
  mottoLine: string;
  placeAndDate: string;
}

/** The two header columns: issuing body and number on the left; motto and place-and-date on the right. */
export function drawHeader(doc: PDFKit.PDFDocument, h: HeaderBlock): void {
  const { left, right } = columns(doc);
  const top = doc.page.margins.top;
  let ly = top;
  if (h.authority) ly = centred(doc, h.authority.toLocaleUpperCase('vi'), 'regular', 12, left, ly);
  ly = centred(doc, h.issuer.toLocaleUpperCase('vi'), 'bold', 12, left, ly);
  rule(doc, h.issuer.toLocaleUpperCase('vi'), left, ly + 1, 0.4);

  let ry = centred(doc, h.motto, 'bold', 12, right, top);
  ry = centred(doc, h.mottoLine, 'bold', 13, right, ry);
  rule(doc, h.mottoLine, right, ry + 1, 1);

  const y = Math.max(ly, ry) + 10;
  centred(doc, h.number, 'regular', 13, left, y);
  const below = centred(doc, h.placeAndDate, 'italic', 13, right, y);
  doc.x = doc.page.margins.left;
  doc.y = below + 18;
}

/** "BÁO CÁO", then the lines saying what it reports on, centred and bold, with a short rule under. */
export function drawTitle(doc: PDFKit.PDFDocument, title: string, lines: string[]): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('bold').fontSize(14).text(title, x, doc.y, { width, align: 'center' });
  doc.font('bold').fontSize(BODY_SIZE);
  for (const line of lines) doc.text(line, x, doc.y, { width, align: 'center' });
  const y = doc.y + 3;
  doc
    .moveTo(x + width * 0.4, y)
    .lineTo(x + width * 0.6, y)
    .lineWidth(0.6)
    .stroke();
  doc.y = y + 12;
}

export function heading(doc: PDFKit.PDFDocument, text: string): void {
  ensureRoom(doc, 60);
  doc
    .font('bold')
    .fontSize(BODY_SIZE)
    .text(text, doc.page.margins.left, doc.y + 4, { width: contentWidth(doc), paragraphGap: 4 });
}

export function paragraph(doc: PDFKit.PDFDocument, text: string, indent = true): void {
  doc
    .font('regular')
    .fontSize(BODY_SIZE)
    .text(text, doc.page.margins.left, doc.y, {
      width: contentWidth(doc),
      align: 'justify',
      indent: indent ? INDENT : 0,
      paragraphGap: 4,
      lineGap: 1.5,
    });
}

const CELL_PAD = 3;
const TABLE_SIZE = 10;

/**
 * A bordered table, its header row repeated on every page it spans. Drawn by hand: pdfkit's own
 * table measures each cell against a whole page and took 14 ms a row (1,000 late units: 14 s).
 */
export function table(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], widths: (number | '*')[]): void {
  const x0 = doc.page.margins.left;
  const fixed = widths.reduce<number>((s, w) => s + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const cols = widths.map((w) => (w === '*' ? (contentWidth(doc) - fixed) / stars : w));
  const row = (cells: string[], font: PdfFont, header: boolean) => {
    doc.font(font).fontSize(TABLE_SIZE);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    return { cells, font, header, height };
  };
  const draw = (r: ReturnType<typeof row>) => {
    const y = doc.y;
    let x = x0;
    doc.font(r.font).fontSize(TABLE_SIZE).lineWidth(0.5);
    r.cells.forEach((text, i) => {
      if (r.header) doc.rect(x, y, cols[i], r.height).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
      else doc.rect(x, y, cols[i], r.height).stroke();
      doc.text(text, x + CELL_PAD, y + CELL_PAD, { width: cols[i] - 2 * CELL_PAD, align: r.header || i !== 1 ? 'center' : 'left' });
      x += cols[i];
    });
    doc.x = x0;
    doc.y = y + r.height;
  };
  const head = row(headers, 'bold', true);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  ensureRoom(doc, head.height + 40);
  draw(head);
  for (const cells of rows) {
    const r = row(cells, 'regular', false);
    if (doc.y + r.height > bottom()) {
      doc.addPage();
      draw(head);
    }
    draw(r);
  }
  doc.x = x0;
  doc.y += 8;
}

export interface SignatureBlock {
  recipientsTitle: string;
  recipients: string[];
  /** Position lines ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"); empty when the dispatch gives none. */
  titleLines: string[];
  /** Rank and name ("Đại tá Phan Văn Lý"). */
  name: string;
}

/** "Nơi nhận" on the left, the signer on the right, side by side, kept on one page. */
export function drawSignature(doc: PDFKit.PDFDocument, s: SignatureBlock): void {
  ensureRoom(doc, 170);
  const { left, right } = columns(doc);
  const y0 = doc.y + 12;
  doc.font('boldItalic').fontSize(12).text(s.recipientsTitle, left.x, y0, { width: left.w });
  doc.font('regular').fontSize(11);
  for (const r of s.recipients) doc.text(r, left.x, doc.y, { width: left.w });
  const leftBottom = doc.y;

  let y = y0;
  for (const line of s.titleLines) y = centred(doc, line.toLocaleUpperCase('vi'), 'bold', 13, right, y);
  y += 72; // room for the signature and the seal
  y = centred(doc, s.name, 'bold', 13, right, y);
  doc.x = doc.page.margins.left;
  doc.y = Math.max(leftBottom, y);
}

/** Page numbers from the second page, centred in the top margin (Decree 30). */
export function numberPages(doc: PDFKit.PDFDocument, label: (n: number) => string): void {
  let page = 1;
  doc.on('pageAdded', () => {
    page += 1;
    // A page can be added in the middle of a paragraph or table: the text that continues on it
    // must keep its font, so the current one is put back (pdfkit's own tables do the same).
    const state = doc as unknown as { _fontSource: string; _fontFamily?: string; _fontSize: number };
    const { x, y } = doc;
    const [source, family, size] = [state._fontSource, state._fontFamily, state._fontSize];
    doc
      .font('regular')
      .fontSize(12)
      .text(label(page), doc.page.margins.left, doc.page.margins.top / 2, { width: contentWidth(doc), align: 'center', lineBreak: false });
    (family ? doc.font(source, family) : doc.font(source)).fontSize(size);
    doc.x = x;
    doc.y = y;
  });
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}
