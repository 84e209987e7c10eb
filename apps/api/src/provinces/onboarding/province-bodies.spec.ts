import { UnitLevel, UnitType } from '@app/database';
import { DEPARTMENTS_2023, POLICE_CORE, POLICE_DEPARTMENTS } from './body-catalogue.js';
import { AreaRef, provinceBodies } from './province-bodies.js';

const parentOf = (rows: { code: string; parentCode: string | null }[], code: string) => rows.find((r) => r.code === code)?.parentCode;

describe('provinceBodies', () => {
  const catalogue = { departments: [{ code: 'SNV', name: 'Sở Nội vụ' }], policeDepartments: POLICE_CORE };

  it('two levels: UBND tỉnh -> UBND xã, Công an tỉnh -> Công an xã, and the new units carry the day they came into force', () => {
    const areas: AreaRef[] = [
      { code: '37', name: 'Tỉnh Ninh Bình', level: UnitLevel.Province, parentCode: null },
      { code: '13669', name: 'Phường Nam Định', level: UnitLevel.Commune, parentCode: '37' },
    ];
    const rows = provinceBodies(areas, '37', catalogue, { emailDomain: 'ninhbinh.example', validFrom: '2025-07-01' });
    expect(rows.map((r) => `${r.code} ${r.name} <- ${r.parentCode}`)).toEqual([
      'UBND-37 UBND tỉnh Ninh Bình <- null',
      'CA-37 Công an tỉnh Ninh Bình <- null',
      'CA-37-BGD Ban Giám đốc Công an tỉnh Ninh Bình <- CA-37',
      'CA-37-PA05 Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05) <- CA-37',
      'CA-37-VT Văn thư Công an tỉnh Ninh Bình <- CA-37',
      '37-SNV Sở Nội vụ <- UBND-37',
      'UBND-13669 UBND phường Nam Định <- UBND-37',
      'CA-13669 Công an phường Nam Định <- CA-37',
    ]);
    expect(rows.find((r) => r.code === 'CA-13669')).toMatchObject({
      type: UnitType.Police,
      level: UnitLevel.Commune,
      areaCode: '13669',
      emails: ['ca-13669@ninhbinh.example'],
      validFrom: '2025-07-01',
    });
  });

  it('three levels: UBND huyện under UBND tỉnh, UBND xã under UBND huyện, Công an xã under UBND xã, Công an huyện under Công an tỉnh', () => {
    const areas: AreaRef[] = [
      { code: '36', name: 'Tỉnh Nam Định', level: UnitLevel.Province, parentCode: null },
      { code: '366', name: 'Huyện Hải Hậu', level: UnitLevel.District, parentCode: '36' },
      { code: '14272', name: 'Xã Hải Sơn', level: UnitLevel.Commune, parentCode: '366' },
    ];
    const rows = provinceBodies(areas, '36', { departments: DEPARTMENTS_2023, policeDepartments: POLICE_DEPARTMENTS });
    expect(parentOf(rows, 'UBND-366')).toBe('UBND-36');
    expect(parentOf(rows, 'CA-366')).toBe('CA-36');
    expect(parentOf(rows, 'UBND-14272')).toBe('UBND-366');
    expect(parentOf(rows, 'CA-14272')).toBe('UBND-14272');
    expect(rows.filter((r) => r.type === UnitType.Department)).toHaveLength(22);
    expect(rows.filter((r) => r.parentCode === 'CA-36')).toHaveLength(POLICE_DEPARTMENTS.length + 1);
    expect(rows.every((r) => r.emails?.length === 0 && r.validFrom === null)).toBe(true);
  });
});
