import { readFileSync } from 'node:fs';
import { parseDispatchText } from './dispatch-text.js';

describe('parseDispatchText', () => {
  const text = readFileSync(new URL('../../../../../data/seed/cong-van-5207-CAT-PA05.txt', import.meta.url), 'utf8');
  const d = parseDispatchText(text);

  it('reads dispatch 5207/CAT-PA05 exactly as written', () => {
    expect(d).toMatchObject({
      headerAuthority: 'BỘ CÔNG AN',
      headerIssuer: 'CÔNG AN TỈNH NAM ĐỊNH',
      number: 5207,
      symbol: 'CAT-PA05',
      issuedDate: '2023-10-19',
      issuedPlace: 'Nam Định',
      subject: 'V/v thông báo thủ đoạn mới của tội phạm hoạt động lừa đảo chiếm đoạt tài sản trên không gian mạng',
      addressees: ['Các Sở, ban, ngành trong tỉnh;', 'UBND các huyện và thành phố Nam Định.'],
      distribution: ['Đ/c Giám đốc Công an tỉnh; (Để báo cáo)', 'Như trên; (Để phối hợp thực hiện)', 'Lưu: VT, PA05(Đ3).'],
      signerRank: 'Đại tá',
      signerName: 'Phan Văn Lý',
    });
  });

  it('finds the three numbered requests, joining the one split by a page break', () => {
    expect(d.tasks.map((t) => t.number)).toEqual([1, 2, 3]);
    expect(d.tasks[1].text).toContain('lực lượng Công an các cấp (**nhất là lực lượng Công an xã, phường, thị trấn**)');
    expect(d.body.startsWith('Thời gian gần đây')).toBe(true);
    expect(d.body.endsWith('thực hiện ./.')).toBe(true);
  });

  it('refuses a text without the required parts', () => {
    expect(() => parseDispatchText('Chỉ một dòng')).toThrow(/thiếu phần bắt buộc/);
  });
});
