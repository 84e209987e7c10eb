import { Injectable } from '@nestjs/common';

/** The current instant, behind an injectable so a test can pin it. Business code never calls `new Date()` for "now". */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

// Vietnam has one time zone and no daylight saving: every "which day is it" question is asked there.
const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Vietnam at this instant. */
export function vnCalendarDate(at: Date): string {
  return VN_DATE.format(at);
}

/** YYYY-MM-DD plus a number of days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "2023-10-19" as written in Vietnamese documents: "19/10/2023". */
export function vnDateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
