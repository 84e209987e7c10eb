import { readFileSync } from 'node:fs';
import { Urgency } from '@app/database';

/**
 * The reference dispatch, công văn 5207/CAT-PA05 of Công an tỉnh Nam Định (test/fixtures), as the
 * columns of a `dispatches` row plus its numbered requests, for tests that write rows directly
 * (the mail pipeline) rather than through the api. Subject, body and requests are read from the
 * fixture text itself, so the tests use it exactly as written.
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

const FIXTURE = new URL('../fixtures/cong-van-5207-CAT-PA05.txt', import.meta.url);

export function seedDispatchRow(): SeedDispatchRow {
  const lines = readFileSync(FIXTURE, 'utf8').normalize('NFC').split('\n');
  const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
  const subjectStart = at('V/v ');
  const bodyStart = lines.findIndex((l, i) => i > at('Kính gửi:') && l !== '' && !l.startsWith('- '));
  const body = paragraphs(lines.slice(bodyStart, at('Nơi nhận:')));
  return {
    headerAuthority: 'BỘ CÔNG AN',
    headerIssuer: 'CÔNG AN TỈNH NAM ĐỊNH',
    number: 5207,
    symbol: 'CAT-PA05',
    issuedDate: '2023-10-19',
    issuedYear: 2023,
    issuedPlace: 'Nam Định',
    documentType: 'Công văn',
    subject: lines.slice(subjectStart, lines.indexOf('', subjectStart)).join(' '),
    body: body.join('\n\n'),
    urgency: Urgency.Normal,
    addresseeLines: ['Các Sở, ban, ngành trong tỉnh;', 'UBND các huyện và thành phố Nam Định.'],
    distributionLines: ['Đ/c Giám đốc Công an tỉnh; (Để báo cáo)', 'Như trên; (Để phối hợp thực hiện)', 'Lưu: VT, PA05(Đ3).'],
    signerName: 'Phan Văn Lý',
    signerRank: 'Đại tá',
    signerTitle: null,
    tasks: body.filter((p) => /^\d+\. /.test(p)).map((p) => ({ number: Number(p.split('.')[0]), text: p.replace(/^\d+\. /, '') })),
  };
}

/** Blank-line separated paragraphs; one cut by a page break in mid-sentence is joined back. */
function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  for (const block of lines.join('\n').split(/\n\s*\n/)) {
    const text = block.replace(/\s*\n\s*/g, ' ').trim();
    if (!text) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && !/[.:;!?"”…]\**$/.test(prev)) out[out.length - 1] = `${prev} ${text}`;
    else out.push(text);
  }
  return out;
}
