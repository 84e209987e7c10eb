/** Vietnam has one time zone (UTC+7) and no daylight saving: every reader-facing time is shown there. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
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

/** An instant as a Vietnamese reader sees it. */
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
