import { vnDateText, vnParts } from '@app/common';

export { vnParts };

// Vietnam has one time zone (UTC+7) and no daylight saving.
const VN_OFFSET_MS = 7 * 3_600_000;

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
export const dmy = vnDateText;
