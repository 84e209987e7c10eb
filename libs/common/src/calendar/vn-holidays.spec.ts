import { vnPublicHolidays } from './vn-holidays.js';

describe('vnPublicHolidays', () => {
  const y2027 = vnPublicHolidays(2027, 2027);
  const day = (d: string) => y2027.find((h) => h.day === d);

  it('puts Tết 2027 (mùng 1 = 6 February) from the eve through mùng 4, with compensatory days for the weekend', () => {
    expect(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'].map((d) => day(d)?.kind)).toEqual(
      Array(5).fill('holiday'),
    );
    expect(day('2027-02-06')?.name).toBe('Tết Nguyên đán');
    expect(day('2027-02-04')).toBeUndefined();
    expect(day('2027-02-10')).toMatchObject({ kind: 'compensatory', name: 'Nghỉ bù Tết Nguyên đán' });
    expect(day('2027-02-11')).toMatchObject({ kind: 'compensatory' });
    expect(day('2027-02-12')).toBeUndefined();
  });

  it('has Giỗ Tổ Hùng Vương on 10/3 of the lunar year and the fixed holidays', () => {
    expect(day('2027-04-16')?.name).toMatch(/Hùng Vương/);
    expect(day('2027-09-02')?.kind).toBe('holiday');
    expect(day('2027-05-01')?.kind).toBe('holiday');
    // 1 May 2027 is a Saturday: Monday 3 May is the compensatory day off.
    expect(day('2027-05-03')).toMatchObject({ kind: 'compensatory' });
  });

  it('leaves observances (Ngày Phụ nữ Việt Nam, Trung thu) as working days', () => {
    expect(day('2027-10-20')).toBeUndefined();
    expect(day('2027-09-15')).toBeUndefined();
  });
});
