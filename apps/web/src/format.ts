import { viHoursText, viNumber, viPercent } from '@app/vocabulary';

/** Dates as dd/mm/yyyy with 24-hour times in Vietnam time; numbers and percentages with Vietnamese separators. */
const TZ = 'Asia/Ho_Chi_Minh';
const dateFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const pctFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A calendar date as stored ("2023-10-19") or an instant, shown as 19/10/2023. */
export function fmtDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return dateFmt.format(new Date(value));
}

/** An instant as 23/10/2023 17:00 (Vietnam time, 24-hour). */
export function fmtDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

/** Numbers, shares and hours round one way everywhere (libs/vocabulary: half away from zero, one decimal). */
export const fmtNumber = (n: number | null | undefined): string => (n == null ? '' : viNumber(n));

/** A share in [0, 1] as "72,5%". */
export const fmtPercent = (r: number | null | undefined): string => (r == null ? '' : viPercent(r));

/** "3,5 giờ", "< 0,1 giờ" for a duration that is not zero, "—" for none: as the PDF and the exports write it. */
export const fmtHours = (h: number | null | undefined): string => viHoursText(h);

export function fmtBytes(n: number): string {
  if (n < 1024) return `${fmtNumber(n)} B`;
  if (n < 1024 * 1024) return `${pctFmt.format(n / 1024)} KB`;
  return `${pctFmt.format(n / 1024 / 1024)} MB`;
}

/** A Vietnam-time "yyyy-mm-ddThh:mm" for a datetime-local input, and back to an ISO instant with +07:00. */
export function toLocalInput(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(new Date(value).getTime() + 7 * 3600_000);
  return d.toISOString().slice(0, 16);
}
export const fromLocalInput = (value: string): string | undefined => (value ? `${value}:00+07:00` : undefined);

/** Today in Vietnam as yyyy-mm-dd. */
export const todayVn = (): string => new Date().toLocaleDateString('en-CA', { timeZone: TZ });

/** An instant as 23/10 17:00 (Vietnam time), for axes spanning a few days. */
export function fmtDayTime(value: string | Date | number): string {
  const full = fmtDateTime(new Date(value));
  return `${full.slice(0, 5)} ${full.slice(11)}`;
}
