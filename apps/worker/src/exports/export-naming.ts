import type { ExportFormat } from '@app/database';

/** "QĐ-UBND" -> "QD-UBND": a file name every system and mail client keeps intact. */
function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "bao-cao-5207-CAT-PA05.xlsx": the name offered on download. */
export function exportFileName(number: number, symbol: string, format: ExportFormat): string {
  return `bao-cao-${number}-${asciiSlug(symbol)}.${format}`;
}

/** Where the worker stores an export: one key per export, so a retry replaces, never adds. */
export const exportStorageKey = (exportId: string, format: ExportFormat): string => `exports/${exportId}.${format}`;

// A dispatch symbol starts with its document type's abbreviation when it has one ("KH-CAT");
// a công văn has none ("CAT-PA05"). The report keeps the issuer part and takes its own type.
const TYPE_PREFIX = /^(CV|KH|TB|QĐ|QD|BC|CT|TTr|HD|KL|TTR)-/u;

/** "CAT-PA05" -> "BC-CAT-PA05": the symbol of a report (báo cáo) by the same issuer (Decree 30). */
export const reportSymbol = (dispatchSymbol: string): string => `BC-${dispatchSymbol.replace(TYPE_PREFIX, '')}`;

/** "CAT-PA05" -> "PA05": the drafting unit, as written after "Lưu: VT,". */
export const draftingUnit = (dispatchSymbol: string): string => dispatchSymbol.split('-').pop() ?? dispatchSymbol;
