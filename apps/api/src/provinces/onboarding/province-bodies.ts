import { UnitLevel, UnitType } from '@app/database';
import type { UnitRow } from '../../units/unit-tree.writer.js';
import type { BodyCatalogue } from './body-catalogue.js';

export interface AreaRef {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface BodyOptions {
  /** Each body gets `<code>@<domain>` when it is created; without it bodies start with no address. */
  emailDomain?: string | null;
  /** The day a two-level structure came into force (stored on the units it creates). */
  validFrom?: string | null;
}

/** "Huyện Hải Hậu" -> "huyện Hải Hậu", used after "UBND " and "Công an ". */
export const lowerKind = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);

/**
 * The acting bodies of one province, on top of its administrative areas (the province row and
 * everything below it). Both structures have UBND tỉnh -> its departments and Công an tỉnh -> its
 * departments. Then:
 * - three levels (areas with districts): UBND tỉnh -> UBND huyện -> UBND xã -> Công an xã, and
 *   Công an tỉnh -> Công an huyện. Commune police sit under their commune's UBND, the line a
 *   dispatch of that time travelled ("UBND xã chỉ đạo lực lượng Công an cấp xã");
 * - two levels (since 1 July 2025): UBND tỉnh -> UBND xã, and Công an tỉnh -> Công an xã (the
 *   district police were dissolved on 1 March 2025).
 */
export function provinceBodies(areas: AreaRef[], provinceCode: string, catalogue: BodyCatalogue, options: BodyOptions = {}): UnitRow[] {
  const province = areas.find((a) => a.code === provinceCode && a.level === UnitLevel.Province);
  if (!province) throw new Error(`No province ${provinceCode} among the areas`);
  const twoLevel = !areas.some((a) => a.level === UnitLevel.District);
  const domain = options.emailDomain;
  const row = (code: string, name: string, type: UnitType, level: UnitLevel, parentCode: string | null, areaCode: string): UnitRow => ({
    code,
    name,
    type,
    level,
    parentCode,
    areaCode,
    emails: domain ? [`${code.toLowerCase()}@${domain}`] : [],
    validFrom: options.validFrom ?? null,
  });
  const P = province.code;
  const ubndP = `UBND-${P}`;
  const caP = `CA-${P}`;
  const provinceName = lowerKind(province.name);
  const rows: UnitRow[] = [
    row(ubndP, `UBND ${provinceName}`, UnitType.PeoplesCommittee, UnitLevel.Province, null, P),
    row(caP, `Công an ${provinceName}`, UnitType.Police, UnitLevel.Province, null, P),
  ];
  for (const d of catalogue.policeDepartments) {
    rows.push(row(`${caP}-${d.code}`, d.name.replaceAll('{province}', provinceName), UnitType.Police, UnitLevel.Province, caP, P));
  }
  for (const d of catalogue.departments) {
    rows.push(row(`${P}-${d.code}`, d.name.replaceAll('{province}', provinceName), UnitType.Department, UnitLevel.Province, ubndP, P));
  }
  // Each district and commune has a UBND and a police unit serving its area.
  const body = (a: AreaRef, kind: 'UBND' | 'CA', parentCode: string) =>
    row(
      `${kind}-${a.code}`,
      `${kind === 'UBND' ? 'UBND' : 'Công an'} ${lowerKind(a.name)}`,
      kind === 'UBND' ? UnitType.PeoplesCommittee : UnitType.Police,
      a.level,
      parentCode,
      a.code,
    );
  for (const a of areas) {
    if (a.level === UnitLevel.District) {
      rows.push(body(a, 'UBND', ubndP), body(a, 'CA', caP));
    } else if (a.level === UnitLevel.Commune && a.parentCode) {
      if (twoLevel) rows.push(body(a, 'UBND', ubndP), body(a, 'CA', caP));
      else rows.push(body(a, 'UBND', `UBND-${a.parentCode}`), body(a, 'CA', `UBND-${a.code}`));
    }
  }
  return rows;
}
