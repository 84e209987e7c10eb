/**
 * The one way numbers are written and rounded, in the web, the mail, the link page and the exports:
 * dot for thousands, comma for decimals; shares to one decimal place, hours to one decimal place.
 * A duration that is not zero never shows as zero: under 0,05 hours it reads "< 0,1".
 */
const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/** The rounding rule of every figure: half away from zero, to one decimal. */
export function roundOneDecimal(n: number): number {
  return (Math.sign(n) * Math.round(Math.abs(n) * 10)) / 10;
}

/** "1.234"; a fraction keeps one decimal, rounded like every other figure. */
export const viNumber = (n: number): string => NUMBER.format(roundOneDecimal(n));

/** "82,4%" from a share between 0 and 1. */
export const viPercent = (share: number): string => PERCENT.format(roundOneDecimal(share * 100) / 100);

/** "3,5" hours; "< 0,1" for a duration that rounds to zero but is not zero; "—" for none. */
export function viHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '—';
  const rounded = roundOneDecimal(hours);
  if (rounded === 0 && hours > 0) return `< ${ONE_DECIMAL.format(0.1)}`;
  return ONE_DECIMAL.format(rounded);
}

/** "3,5 giờ" */
export const viHoursText = (hours: number | null | undefined): string => {
  const text = viHours(hours);
  return text === '—' ? text : `${text} giờ`;
};

/** Hour, minute, day and month in Vietnam time, 24-hour, whatever the reader's time zone. */
const VN_SHORT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  hourCycle: 'h23',
});

/** "08:30 05/12": an instant as the reminder history writes it (Vietnam time). */
export function viTimeDay(at: Date | string): string {
  const p = Object.fromEntries(VN_SHORT.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}`;
}

/** "đã nhắc 2 lần, lần cuối 08:30 05/12": the reminder history of one unit, on the rollout page and in the api. */
export const viReminderSummary = (count: number, last: Date | string): string => `đã nhắc ${count} lần, lần cuối ${viTimeDay(last)}`;
