import { loadConfig } from '@app/config';
import { Urgency } from '@app/vocabulary';
import { type DigestContent, type DigestLateUnit, DigestMail, type DigestMailContext } from './digest-mail.js';

describe('DigestMail', () => {
  const mail = new DigestMail(loadConfig({ PUBLIC_BASE_URL: 'https://congvan.namdinh.example/' }));

  const unit = (name: string, over: Partial<DigestLateUnit> = {}): DigestLateUnit => ({
    name,
    lateCount: 1,
    documentType: 'Công văn',
    numberSymbol: '12/CAT-PA05',
    steps: ['ack'],
    dueAt: '2026-03-03T10:00:00Z',
    ...over,
  });
  const empty: DigestContent = {
    since: '2026-03-02T01:00:00Z',
    until: '2026-03-03T01:00:00Z',
    at: '2026-03-03T01:00:00Z',
    newDispatches: { total: 0, items: [] },
    late: { total: 0, deliveries: 0, branchCount: 0, branches: [] },
    changes: { acknowledged: 0, completed: 0, newlyLate: 0, byDispatch: [], newlyLateUnits: [] },
  };
  const context = (content: Partial<DigestContent> = {}): DigestMailContext => ({
    toAddress: 'giamdoc@namdinh.example',
    leaderName: 'Nguyễn Văn A',
    unitName: 'Công an tỉnh Nam Định',
    day: '2026-03-03',
    content: { ...empty, ...content },
  });

  it('says plainly when there is nothing: no new dispatch, nobody late, no change', () => {
    const { subject, text, html } = mail.render(context());
    expect(subject).toBe('[Tổng hợp hằng ngày] Ngày 03/03/2026: 0 công văn mới, 0 đơn vị chậm hạn, 0 đơn vị đã xác nhận');
    expect(text).toContain('Kính gửi: đồng chí Nguyễn Văn A, Công an tỉnh Nam Định');
    expect(text).toContain('từ 08:00 02/03/2026 đến 08:00 03/03/2026');
    expect(text).toContain('Không có công văn mới.');
    expect(text).toContain('II. Đơn vị chậm hạn theo đơn vị chỉ đạo\nKhông có đơn vị nào chậm hạn.');
    expect(text).toContain('Đã xác nhận: 0 đơn vị; đã hoàn thành: 0 đơn vị; mới chậm hạn: 0 đơn vị.');
    expect(text).toContain('Xem chi tiết trên hệ thống: https://congvan.namdinh.example/');
    expect(html).toContain('<a href="https://congvan.namdinh.example/">Xem chi tiết trên hệ thống</a>');
  });

  it('lists new dispatches, late units under their branch (capped, with the rest counted) and the changes', () => {
    const { subject, text, html } = mail.render(
      context({
        newDispatches: {
          total: 21,
          items: [
            {
              documentType: 'Công văn',
              numberSymbol: '12/CAT-PA05',
              issuedDate: '2026-03-02',
              subject: 'V/v phòng, chống lừa đảo <qua mạng>',
              urgency: Urgency.Urgent,
              issuer: 'Phòng PA05',
              publishedAt: '2026-03-02T02:00:00Z',
              recipients: 38,
            },
          ],
        },
        late: {
          total: 13,
          deliveries: 14,
          branchCount: 2,
          branches: [
            {
              name: 'UBND huyện Hải Hậu',
              total: 12,
              units: [
                unit('UBND xã Hải Anh'),
                unit('UBND xã Hải Bắc', { lateCount: 2, numberSymbol: null, documentType: null, steps: ['ack', 'report'] }),
              ],
            },
          ],
        },
        changes: {
          acknowledged: 3,
          completed: 1,
          newlyLate: 12,
          byDispatch: [
            { documentType: 'Công văn', numberSymbol: '12/CAT-PA05', subject: 'V/v …', acknowledged: 3, completed: 1, newlyLate: 12 },
          ],
          newlyLateUnits: [unit('UBND xã Hải Anh')],
        },
      }),
    );
    expect(subject).toBe('[Tổng hợp hằng ngày] Ngày 03/03/2026: 21 công văn mới, 13 đơn vị chậm hạn, 3 đơn vị đã xác nhận');
    expect(text).toContain(
      '  1. Công văn số 12/CAT-PA05 ngày 02/03/2026 [Khẩn] của Phòng PA05 — V/v phòng, chống lừa đảo <qua mạng>; gửi 38 đơn vị',
    );
    expect(text).toContain('(và 20 công văn khác)');
    expect(text).toContain('II. Đơn vị chậm hạn theo đơn vị chỉ đạo (13 đơn vị, 2 đơn vị chỉ đạo)');
    expect(text).toContain('UBND huyện Hải Hậu: 12 đơn vị chậm hạn');
    expect(text).toContain('  1. UBND xã Hải Anh: chưa xác nhận đã nhận công văn số 12/CAT-PA05 (hạn 17:00 03/03/2026)');
    expect(text).toContain(
      '  2. UBND xã Hải Bắc: chưa xác nhận đã nhận, chưa báo cáo kết quả thực hiện 2 văn bản (hạn sớm nhất 17:00 03/03/2026)',
    );
    expect(text).toContain('… và 10 đơn vị khác');
    expect(text).toContain('… và 1 đơn vị chỉ đạo khác');
    expect(text).toContain('công văn số 12/CAT-PA05: 3 xác nhận, 1 hoàn thành, 12 mới chậm hạn');
    expect(text).toContain('Đơn vị mới chậm hạn:');
    expect(text).toContain('… và 11 đơn vị khác');
    // Everything a unit or an issuer typed is escaped in the HTML part.
    expect(html).toContain('lừa đảo &lt;qua mạng&gt;');
    expect(html).not.toContain('<qua mạng>');
  });
});
