import type { CellKind, CellValue } from '../export-columns.js';
import { dmy, vnDateTimeText } from '../vn-time.js';

/** UTF-8 byte order mark: without it Excel reads the file as the local code page and garbles the diacritics. */
export const BOM = '\uFEFF';

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection);
// unit names and refusal reasons are typed by users, so such a cell gets a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted as RFC 4180 asks: when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: CellValue, kind: CellKind): string {
  if (value === null || value === undefined || value === '') return '';
  let text: string;
  if (value instanceof Date) text = vnDateTimeText(value);
  else if (kind === 'date' && typeof value === 'string') text = dmy(value);
  else if (typeof value === 'number') return String(value);
  else text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated (RFC 4180). */
export const csvLine = (fields: string[]): string => `${fields.join(',')}\r\n`;
