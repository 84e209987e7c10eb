import { Urgency } from '@app/database';
import { SEED } from './seed-dispatch.js';

/**
 * The reference dispatch, công văn 5207/CAT-PA05 of Công an tỉnh Nam Định, as the columns of a
 * `dispatches` row plus its numbered requests, for tests that write rows directly (the mail
 * pipeline) rather than through the api. Everything read from the fixture comes from SEED.
 */
export interface SeedDispatchRow {
  headerAuthority: string;
  headerIssuer: string;
  number: number;
  symbol: string;
  issuedDate: string;
  issuedYear: number;
  issuedPlace: string;
  documentType: string;
  subject: string;
  body: string;
  urgency: Urgency;
  addresseeLines: string[];
  distributionLines: string[];
  signerName: string;
  signerRank: string | null;
  signerTitle: string | null;
  tasks: { number: number; text: string }[];
}

export function seedDispatchRow(): SeedDispatchRow {
  return {
    headerAuthority: 'BỘ CÔNG AN',
    headerIssuer: 'CÔNG AN TỈNH NAM ĐỊNH',
    number: SEED.number,
    symbol: SEED.symbol,
    issuedDate: SEED.issuedDate,
    issuedYear: Number(SEED.issuedDate.slice(0, 4)),
    issuedPlace: SEED.issuedPlace,
    documentType: 'Công văn',
    subject: SEED.subject,
    body: SEED.body,
    urgency: Urgency.Normal,
    addresseeLines: [...SEED.addressees],
    distributionLines: [...SEED.distribution],
    signerName: SEED.signerName,
    signerRank: SEED.signerRank,
    signerTitle: null,
    tasks: SEED.tasks.map((t) => ({ number: t.number, text: t.text })),
  };
}
