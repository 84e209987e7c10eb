import type { Cell, Row } from 'exceljs';
import type { CellKind, CellValue } from '../export-columns.js';
import { calendarDate, vnWallClock } from '../vn-time.js';

export const HEADER_FONT = { bold: true };
export const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };
export const PERCENT_FORMAT = '0.00%';
const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';
const DATE_FORMAT = 'dd/mm/yyyy';

/** Dates become real spreadsheet dates (sortable, filterable), shown as Vietnamese readers write them. */
export function setCell(cell: Cell, value: CellValue, kind: CellKind, wrap = false): void {
  if (value === null || value === undefined) return;
  if (kind === 'datetime' && value instanceof Date) {
    cell.value = vnWallClock(value);
    cell.numFmt = DATETIME_FORMAT;
  } else if (kind === 'date' && typeof value === 'string') {
    cell.value = calendarDate(value);
    cell.numFmt = DATE_FORMAT;
  } else {
    cell.value = value;
  }
  if (wrap) cell.alignment = { wrapText: true, vertical: 'top' };
}

export function styleHeader(row: Row): void {
  row.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}
