// Vietnam has one time zone (UTC+7) and no daylight saving.
const VN_OFFSET_MS = 7 * 3_600_000;

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface VnDateParts {
  day: number;
  month: number;
  year: number;
  /** "19/10/2023" */
  date: string;
  /** "14:05" */
  time: string;
}

export function vnParts(at: Date): VnDateParts {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    day: Number(p.day),
    month: Number(p.month),
    year: Number(p.year),
    date: `${p.day}/${p.month}/${p.year}`,
    time: `${p.hour}:${p.minute}`,
  };
}

/** "19/10/2023 14:05", Vietnam time. */
export const vnDateTimeText = (at: Date): string => {
  const p = vnParts(at);
  return `${p.date} ${p.time}`;
};

/**
 * Spreadsheet cells hold a wall-clock time with no zone, and ExcelJS writes a Date's UTC fields:
 * shift by Vietnam's offset so the cell shows the time a Vietnamese reader expects.
 */
export const vnWallClock = (at: Date): Date => new Date(at.getTime() + VN_OFFSET_MS);

/** A calendar date (YYYY-MM-DD) as a spreadsheet date at midnight. */
export const calendarDate = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** "2023-10-19" -> "19/10/2023" */
export const dmy = (date: string): string => date.split('-').reverse().join('/');
