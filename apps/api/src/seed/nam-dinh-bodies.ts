import { UnitLevel, UnitType } from '@app/database';
import type { UnitRow } from '../units/unit-tree.writer.js';

export const NAM_DINH_AREA = '36';

/** The provincial departments (Sở, ban, ngành) of Nam Định as of October 2023. */
export const NAM_DINH_DEPARTMENTS: [code: string, name: string][] = [
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư'],
  ['STC', 'Sở Tài chính'],
  ['SCT', 'Sở Công Thương'],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['SGTVT', 'Sở Giao thông vận tải'],
  ['SXD', 'Sở Xây dựng'],
  ['STNMT', 'Sở Tài nguyên và Môi trường'],
  ['STTTT', 'Sở Thông tin và Truyền thông'],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SYT', 'Sở Y tế'],
  ['SNGV', 'Sở Ngoại vụ'],
  ['TTT', 'Thanh tra tỉnh'],
  ['VPUBND', 'Văn phòng UBND tỉnh'],
  ['BDT', 'Ban Dân tộc tỉnh'],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp tỉnh'],
  ['DPTTH', 'Đài Phát thanh và Truyền hình tỉnh'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự tỉnh'],
];

export interface AreaRef {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

const mail = (code: string) => `${code.toLowerCase()}@namdinh.example`;

/** "Huyện Hải Hậu" -> "huyện Hải Hậu", used after "UBND " and "Công an ". */
const lowerKind = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);

/**
 * The bodies that act on a dispatch, on top of the administrative areas:
 * UBND tỉnh -> departments and UBND huyện -> UBND xã -> Công an xã;
 * Công an tỉnh -> Ban Giám đốc, PA05, Văn thư, Công an huyện.
 * Commune police sit under their commune's UBND: that is the line a dispatch travels
 * ("UBND xã chỉ đạo lực lượng Công an cấp xã"); the police chain of command is not modelled.
 */
export function namDinhBodies(areas: AreaRef[]): UnitRow[] {
  const province = areas.find((a) => a.code === NAM_DINH_AREA);
  if (!province) throw new Error('Import the Nam Định administrative areas (nam-dinh-2024-05-01) first');
  const rows: UnitRow[] = [
    {
      code: 'UBND-36',
      name: 'UBND tỉnh Nam Định',
      type: UnitType.PeoplesCommittee,
      level: UnitLevel.Province,
      parentCode: null,
      areaCode: '36',
      emails: [mail('ubnd-36')],
    },
    {
      code: 'CA-36',
      name: 'Công an tỉnh Nam Định',
      type: UnitType.Police,
      level: UnitLevel.Province,
      parentCode: null,
      areaCode: '36',
      emails: [mail('ca-36')],
    },
    {
      code: 'CA-36-BGD',
      name: 'Ban Giám đốc Công an tỉnh Nam Định',
      type: UnitType.Police,
      level: UnitLevel.Province,
      parentCode: 'CA-36',
      areaCode: '36',
      emails: [mail('ca-36-bgd')],
    },
    {
      code: 'CA-36-PA05',
      name: 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05)',
      type: UnitType.Police,
      level: UnitLevel.Province,
      parentCode: 'CA-36',
      areaCode: '36',
      emails: [mail('ca-36-pa05')],
    },
    {
      code: 'CA-36-VT',
      name: 'Văn thư Công an tỉnh Nam Định',
      type: UnitType.Police,
      level: UnitLevel.Province,
      parentCode: 'CA-36',
      areaCode: '36',
      emails: [mail('ca-36-vt')],
    },
  ];
  for (const [code, name] of NAM_DINH_DEPARTMENTS) {
    rows.push({
      code: `36-${code}`,
      name,
      type: UnitType.Department,
      level: UnitLevel.Province,
      parentCode: 'UBND-36',
      areaCode: '36',
      emails: [mail(`36-${code}`)],
    });
  }
  // Each district and commune has a UBND and a police unit serving its area.
  const body = (a: AreaRef, prefix: 'UBND' | 'CA', parentCode: string): UnitRow => ({
    code: `${prefix}-${a.code}`,
    name: `${prefix === 'UBND' ? 'UBND' : 'Công an'} ${lowerKind(a.name)}`,
    type: prefix === 'UBND' ? UnitType.PeoplesCommittee : UnitType.Police,
    level: a.level,
    parentCode,
    areaCode: a.code,
    emails: [mail(`${prefix.toLowerCase()}-${a.code}`)],
  });
  for (const a of areas) {
    if (a.level === UnitLevel.District) {
      rows.push(body(a, 'UBND', 'UBND-36'), body(a, 'CA', 'CA-36'));
    } else if (a.level === UnitLevel.Commune && a.parentCode) {
      rows.push(body(a, 'UBND', `UBND-${a.parentCode}`), body(a, 'CA', `UBND-${a.code}`));
    }
  }
  return rows;
}
