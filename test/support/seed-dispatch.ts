import { ActivityChannel, RecipientGroup, RecipientPurpose, Urgency } from '@app/database';
import { readFileSync } from 'node:fs';
import { parseDispatchText } from '../../apps/api/src/dispatches/text/dispatch-text.js';

/** The real dispatch 5207/CAT-PA05 of Công an tỉnh Nam Định, read from the fixture as written. */
export const SEED_TEXT = readFileSync(new URL('../fixtures/cong-van-5207-CAT-PA05.txt', import.meta.url), 'utf8').normalize('NFC');

/** Read by the product's own parser (apps/api/src/seed/dispatch-text.ts); its unit test pins every field. */
export const SEED = parseDispatchText(SEED_TEXT);

const TASK_CHANNELS: Record<number, ActivityChannel[]> = {
  1: [ActivityChannel.StaffBriefing],
  2: [
    ActivityChannel.EPortalPost,
    ActivityChannel.FacebookPost,
    ActivityChannel.ZaloPost,
    ActivityChannel.MassMedia,
    ActivityChannel.Loudspeaker,
    ActivityChannel.BulletinBoard,
  ],
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
