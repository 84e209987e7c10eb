import { addDays, invalid, vnDateText } from '@app/common';
import { ActivityChannel, ActivityFlag } from '@app/database';

/**
 * How far ahead of today (Vietnam date) an activity may be dated. A date up to this many days ahead
 * is accepted but flagged `future_date`: officers enter tomorrow morning's loudspeaker broadcast the
 * evening before, or type the report on a device whose date is off around midnight; refusing would
 * only push them to put a false date. Anything later is refused with 400.
 */
export const FUTURE_DATE_TOLERANCE_DAYS = 1;

/** The latest occurredOn accepted on `today` (YYYY-MM-DD, Vietnam). */
export const latestAcceptedDate = (today: string): string => addDays(today, FUTURE_DATE_TOLERANCE_DAYS);

/** Refuses (400) a date beyond the tolerance; a date within it is accepted and flagged by the caller. */
export function assertDateAccepted(occurredOn: string, today: string): void {
  if (occurredOn > latestAcceptedDate(today)) {
    throw invalid(
      `Ngày thực hiện ${vnDateText(occurredOn)} là ngày tương lai (hôm nay là ${vnDateText(today)}). Chỉ báo cáo hoạt động đã diễn ra; hãy sửa lại occurredOn (ngày thực hiện).`,
      [{ field: 'occurredOn', problems: ['ngày tương lai'] }],
    );
  }
}

/** Hosts a link of the channel must be on (the host itself or a subdomain of it). Other channels are not checked. */
const CHANNEL_HOSTS: Partial<Record<ActivityChannel, string[]>> = {
  [ActivityChannel.FacebookPost]: ['facebook.com', 'fb.com', 'fb.watch'],
  [ActivityChannel.ZaloPost]: ['zalo.me', 'zalo.vn'],
  // Government e-portals (cổng thông tin điện tử) all live under .gov.vn.
  [ActivityChannel.EPortalPost]: ['gov.vn'],
};

const CHANNEL_NAMES: Partial<Record<ActivityChannel, string>> = {
  [ActivityChannel.FacebookPost]: 'Facebook (facebook.com, fb.com, fb.watch)',
  [ActivityChannel.ZaloPost]: 'Zalo (zalo.me, zalo.vn)',
  [ActivityChannel.EPortalPost]: 'cổng thông tin điện tử của cơ quan nhà nước (tên miền .gov.vn)',
};

/** True when the link is an http(s) URL on a host of the channel, or the channel's links are not checked. */
export function linkMatchesChannel(channel: ActivityChannel, link: string): boolean {
  const hosts = CHANNEL_HOSTS[channel];
  if (!hosts) return true;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  // "gov.vn" alone is no portal: a portal is a subdomain (namdinh.gov.vn, haihau.namdinh.gov.vn).
  return hosts.some((h) => (h === 'gov.vn' ? host.endsWith('.gov.vn') : host === h || host.endsWith(`.${h}`)));
}

export const mismatchedLinks = (channel: ActivityChannel, links: string[]): string[] =>
  links.filter((l) => !linkMatchesChannel(channel, l));

/** Everything the flags depend on, as of one write (report or correction). */
export interface FlagFacts {
  channel: ActivityChannel;
  occurredOn: string;
  links: string[];
  /** When the activity was first reported (before_acknowledgement is about that moment). */
  reportedAt: Date;
  acknowledgedAt: Date | null;
  dispatchIssuedDate: string;
  /** Was the date in the future when it was written? Decided by the caller: on a correction that keeps the date, the earlier verdict stands. */
  datedInFuture: boolean;
  /** Some evidence file of the activity is identical to one another unit submitted earlier. */
  duplicateEvidence: boolean;
}

/** The anomaly flags of an activity, in the enum's order, so equal facts give equal arrays. */
export function computeFlags(f: FlagFacts): ActivityFlag[] {
  const on: Record<ActivityFlag, boolean> = {
    [ActivityFlag.BeforeAcknowledgement]: f.acknowledgedAt === null || f.acknowledgedAt.getTime() > f.reportedAt.getTime(),
    [ActivityFlag.FutureDate]: f.datedInFuture,
    [ActivityFlag.BeforeDispatch]: f.occurredOn < f.dispatchIssuedDate,
    [ActivityFlag.DuplicateEvidence]: f.duplicateEvidence,
    [ActivityFlag.LinkChannelMismatch]: mismatchedLinks(f.channel, f.links).length > 0,
  };
  return Object.values(ActivityFlag).filter((flag) => on[flag]);
}

/** What a reader of the activity needs to explain a flag. */
export interface FlagContext {
  channel: ActivityChannel;
  occurredOn: string;
  links: string[];
  dispatchIssuedDate: string;
  duplicateOfUnits: string[];
}

/** The Vietnamese explanation shown next to each flag. */
export function flagNote(flag: ActivityFlag, c: FlagContext): string {
  switch (flag) {
    case ActivityFlag.BeforeAcknowledgement:
      return 'Báo cáo trước khi đơn vị xác nhận đã nhận công văn.';
    case ActivityFlag.FutureDate:
      return `Ngày thực hiện ${vnDateText(c.occurredOn)} là ngày tương lai tại thời điểm báo cáo.`;
    case ActivityFlag.BeforeDispatch:
      return `Ngày thực hiện ${vnDateText(c.occurredOn)} trước ngày ban hành công văn ${vnDateText(c.dispatchIssuedDate)}.`;
    case ActivityFlag.DuplicateEvidence:
      return c.duplicateOfUnits.length
        ? `Tệp minh chứng trùng khớp hoàn toàn (cùng mã SHA-256) với tệp đã được ${c.duplicateOfUnits.join(', ')} nộp trước đó.`
        : 'Tệp minh chứng trùng khớp hoàn toàn (cùng mã SHA-256) với tệp một đơn vị khác đã nộp trước đó.';
    case ActivityFlag.LinkChannelMismatch:
      return `Liên kết không thuộc ${CHANNEL_NAMES[c.channel] ?? 'kênh đã khai'}: ${mismatchedLinks(c.channel, c.links).join(', ')}.`;
  }
}
