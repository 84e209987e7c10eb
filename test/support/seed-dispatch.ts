import { ActivityChannel, RecipientGroup, RecipientPurpose, Urgency } from '@app/database';
import { readFileSync } from 'node:fs';

/** The real dispatch 5207/CAT-PA05 of Công an tỉnh Nam Định, read from the fixture as written. */
export const SEED_TEXT = readFileSync(new URL('../fixtures/cong-van-5207-CAT-PA05.txt', import.meta.url), 'utf8').normalize('NFC');

const lines = SEED_TEXT.split('\n').map((l) => l.trim());
const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

function between(startPrefix: string, endPrefix: string): string[] {
  return lines.slice(at(startPrefix) + 1, at(endPrefix)).filter(Boolean);
}

const [, number, symbol] = /^Số: (\d+)\/(\S+)$/.exec(lines[at('Số:')])!;
const [, place, day, month, year] = /^(.+), ngày (\d+) tháng (\d+) năm (\d{4})$/.exec(lines.find((l) => / ngày \d+ tháng /.test(l))!)!;
const subject = between(lines[at('Nam Định, ngày')], 'Kính gửi:').join(' ');
const addressees = between('Kính gửi:', 'Thời gian gần đây').map((l) => l.replace(/^- /, ''));

// Body: everything from the first paragraph to the closing sentence, paragraphs as written.
const bodyLines = lines.slice(at('Thời gian gần đây'), at('Nơi nhận:')).filter(Boolean);
const tasks: { number: number; text: string }[] = [];
for (const l of bodyLines) {
  const m = /^(\d+)\. (.*)$/.exec(l);
  if (m) tasks.push({ number: Number(m[1]), text: m[2] });
  else if (tasks.length && /^\p{Ll}/u.test(l)) tasks[tasks.length - 1].text += ` ${l}`; // a task split by a page break
}
const distribution: string[] = [];
for (const l of lines.slice(at('Nơi nhận:') + 1).filter(Boolean)) {
  if (l.startsWith('(')) distribution[distribution.length - 1] += ` ${l}`;
  else if (l.startsWith('- ')) distribution.push(l.slice(2));
}
const signer = lines.filter(Boolean).pop()!;

export const SEED = {
  number: Number(number),
  symbol,
  issuedDate: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
  issuedPlace: place,
  subject,
  addressees,
  tasks,
  distribution,
  signerRank: signer.split(' ').slice(0, 2).join(' '),
  signerName: signer.split(' ').slice(2).join(' '),
  body: bodyLines.join('\n\n'),
};

const TASK_CHANNELS: Record<number, ActivityChannel[]> = {
  1: [ActivityChannel.StaffBriefing],
  2: [ActivityChannel.EPortalPost, ActivityChannel.FacebookPost, ActivityChannel.ZaloPost, ActivityChannel.MassMedia, ActivityChannel.Loudspeaker, ActivityChannel.BulletinBoard],
  3: [ActivityChannel.ResidentMeeting, ActivityChannel.Loudspeaker, ActivityChannel.Leaflet],
};

export interface SeedRecipientUnits {
  directorUnitId: string;
  archiveUnitIds: string[];
}

/** The request body an issuer of PA05 sends to write this dispatch, recipients as its "Nơi nhận" says. */
export function seedDispatchDto(units: SeedRecipientUnits, overrides: Record<string, unknown> = {}) {
  return {
    headerAuthority: 'BỘ CÔNG AN',
    headerIssuer: 'CÔNG AN TỈNH NAM ĐỊNH',
    number: SEED.number,
    symbol: SEED.symbol,
    issuedDate: SEED.issuedDate,
    issuedPlace: SEED.issuedPlace,
    documentType: 'Công văn',
    subject: SEED.subject,
    body: SEED.body,
    urgency: Urgency.Normal,
    addresseeLines: SEED.addressees,
    distributionLines: SEED.distribution,
    signerName: SEED.signerName,
    signerRank: SEED.signerRank,
    tasks: SEED.tasks.map((t) => ({ ...t, channels: TASK_CHANNELS[t.number] })),
    recipients: [
      // "Kính gửi ... Như trên (Để phối hợp thực hiện)"
      { purpose: RecipientPurpose.Coordinate, group: RecipientGroup.AllDepartments },
      { purpose: RecipientPurpose.Coordinate, group: RecipientGroup.AllDistrictCommittees },
      // "Đ/c Giám đốc Công an tỉnh (Để báo cáo)"
      { purpose: RecipientPurpose.Report, unitId: units.directorUnitId },
      // "Lưu: VT, PA05"
      ...units.archiveUnitIds.map((unitId) => ({ purpose: RecipientPurpose.Archive, unitId })),
    ],
    ackDueAt: '2023-10-23T17:00:00+07:00',
    forwardDueAt: '2023-10-26T17:00:00+07:00',
    reportDueAt: '2023-11-15T17:00:00+07:00',
    ...overrides,
  };
}
