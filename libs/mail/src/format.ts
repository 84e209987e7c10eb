import { vnParts } from '@app/common';
/** Formatting for Vietnamese readers: dates in Vietnam's time zone, decimal commas. */

export { VN_TIME_ZONE } from '@app/common';

/** A calendar date (PostgreSQL `date`, "2023-10-19") as dd/mm/yyyy, without any time-zone shift. */
export function calendarDate(value: string | Date): { day: string; month: string; year: string; short: string } {
  const iso = typeof value === 'string' ? value : value.toISOString();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not a date: ${String(value)}`);
  const [, year, month, day] = m;
  return { day, month, year, short: `${day}/${month}/${year}` };
}

/** An instant in Vietnam time: { time: "17:00", date: "25/10/2023" }. */
export function vnDateTime(at: Date): { time: string; date: string } {
  const { time, date } = vnParts(at);
  return { time, date };
}

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 1234567 -> "1,2 MB" (binary units, as file managers show them). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} KB`;
  return `${decimal.format(bytes / (1024 * 1024))} MB`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Text typed on several lines (a wrapped subject) as one line, for a header. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The dispatch text marks emphasis as in the source document (**giả danh, mạo danh cơ quan công
 * an**): bold in HTML, plain in the text part, where stray asterisks would only distract.
 */
export function emphasisToHtml(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/gs, '<strong>$1</strong>');
}

export function emphasisToText(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/gs, '$1');
}
