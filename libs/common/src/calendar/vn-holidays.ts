import Holidays from 'date-holidays';
import { addDays, vnCalendarDate } from '../time/clock.js';

/** A day off that is not a weekend day, as the calendar stores it (`calendar_holidays`). */
export interface CalendarHoliday {
  /** YYYY-MM-DD, a Vietnam calendar date. */
  day: string;
  name: string;
  kind: 'holiday' | 'compensatory';
}

const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/**
 * Vietnam's public holidays (Bộ luật Lao động 2019, Điều 112) for the years given, from
 * `date-holidays`, which computes the lunar ones (Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 âm lịch).
 *
 * The rule, in full:
 * - every day of each holiday of type `public` in date-holidays' Vietnam data is a day off. Tết is
 *   modelled there as five days from the eve (giao thừa, the last day of the lunar year) through
 *   mùng 4: for Tết 2027 (mùng 1 = Saturday 6 February 2027) that is 5 to 9 February;
 * - a holiday that falls on a Saturday or Sunday gives a compensatory day off ("nghỉ bù") on the
 *   next day that is neither a weekend day nor a holiday (Điều 111 khoản 3): for Tết 2027, 6 and 7
 *   February give 10 and 11 February off, so work resumes on Friday 12 February;
 * - everything the Government decides each year on top of that (the second day of Quốc khánh, the
 *   swaps that make a long Tết break, a working Saturday) is an admin-kept exception
 *   (`calendar_exceptions`), which overrides this rule day by day.
 */
export function vnPublicHolidays(fromYear: number, toYear: number): CalendarHoliday[] {
  const hd = new Holidays('VN');
  const off = new Map<string, CalendarHoliday>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of hd.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const name = /Tết Nguyên Đán/i.test(h.name) ? 'Tết Nguyên đán' : h.name;
      const last = vnCalendarDate(new Date(h.end.getTime() - 1));
      for (let day = vnCalendarDate(h.start); day <= last; day = addDays(day, 1)) {
        if (!off.has(day)) off.set(day, { day, name, kind: 'holiday' });
      }
    }
  }
  const days = [...off.values()].sort((a, b) => a.day.localeCompare(b.day));
  for (const h of days) {
    if (!weekend(h.day)) continue;
    let day = addDays(h.day, 1);
    while (weekend(day) || off.has(day)) day = addDays(day, 1);
    off.set(day, { day, name: `Nghỉ bù ${h.name}`, kind: 'compensatory' });
  }
  return [...off.values()].sort((a, b) => a.day.localeCompare(b.day));
}
