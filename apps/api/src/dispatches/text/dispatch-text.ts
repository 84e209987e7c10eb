/** The fields of an official dispatch read from its text as laid out by Decree 30/2020. */
export interface DispatchText {
  headerAuthority: string | null;
  headerIssuer: string;
  number: number;
  symbol: string;
  issuedDate: string;
  issuedPlace: string;
  subject: string;
  addressees: string[];
  body: string;
  tasks: { number: number; text: string }[];
  distribution: string[];
  signerRank: string | null;
  signerName: string;
}

const RANKS = [
  'Đại tướng',
  'Thượng tướng',
  'Trung tướng',
  'Thiếu tướng',
  'Đại tá',
  'Thượng tá',
  'Trung tá',
  'Thiếu tá',
  'Đại úy',
  'Thượng úy',
  'Trung úy',
  'Thiếu úy',
];

/**
 * Reads a dispatch written out as plain text (header, "Số: …", place and date, "V/v …", "Kính gửi:",
 * the body with its numbered requests, "Nơi nhận:", the signer), keeping every line as written.
 * A numbered request split by a page break (the next paragraph starts in lower case) is joined back.
 */
export function parseDispatchText(raw: string): DispatchText {
  const lines = raw
    .normalize('NFC')
    .split('\n')
    .map((l) => l.trim());
  const at = (test: (l: string) => boolean, from = 0) => {
    const i = lines.findIndex((l, k) => k >= from && test(l));
    if (i < 0) throw new Error('Văn bản thiếu phần bắt buộc (Số, ngày tháng, Kính gửi hoặc Nơi nhận).');
    return i;
  };
  const numberAt = at((l) => /^Số: \d+\//.test(l));
  const [, number, symbol] = /^Số: (\d+)\/(\S+)$/.exec(lines[numberAt])!;
  const dateAt = at((l) => / ngày \d+ tháng \d+ năm \d{4}$/.test(l));
  const [, place, day, month, year] = /^(.+), ngày (\d+) tháng (\d+) năm (\d{4})$/.exec(lines[dateAt])!;
  const toAt = at((l) => l.startsWith('Kính gửi'), dateAt);
  const distAt = at((l) => l.startsWith('Nơi nhận'), toAt);
  const header = lines.slice(0, numberAt).filter((l) => l && l === l.toLocaleUpperCase('vi') && !l.startsWith('CỘNG HÒA'));

  let i = toAt + 1;
  const addressees: string[] = [];
  for (; i < distAt; i++) {
    if (!lines[i]) continue;
    if (!lines[i].startsWith('- ')) break;
    addressees.push(lines[i].slice(2));
  }
  const paragraphs = lines.slice(i, distAt).filter(Boolean);
  const tasks: { number: number; text: string }[] = [];
  for (const p of paragraphs) {
    const m = /^(\d+)\. (.*)$/.exec(p);
    if (m) tasks.push({ number: Number(m[1]), text: m[2] });
    else if (tasks.length && /^\p{Ll}/u.test(p)) tasks[tasks.length - 1].text += ` ${p}`;
  }
  const tail = lines.slice(distAt + 1).filter(Boolean);
  const signer = tail.pop() ?? '';
  const distribution: string[] = [];
  for (const l of tail) {
    if (l.startsWith('(') && distribution.length) distribution[distribution.length - 1] += ` ${l}`;
    else if (l.startsWith('- ')) distribution.push(l.slice(2));
  }
  const rank = RANKS.find((r) => signer.startsWith(`${r} `)) ?? null;
  return {
    headerAuthority: header.length > 1 ? header[0] : null,
    headerIssuer: header[header.length - 1],
    number: Number(number),
    symbol,
    issuedDate: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
    issuedPlace: place,
    subject: lines
      .slice(dateAt + 1, toAt)
      .filter(Boolean)
      .join(' '),
    addressees,
    body: paragraphs.join('\n\n'),
    tasks,
    distribution,
    signerRank: rank,
    signerName: rank ? signer.slice(rank.length + 1) : signer,
  };
}
