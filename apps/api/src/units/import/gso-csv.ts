import { invalid } from '@app/common';
import { UnitLevel, UnitType } from '@app/database';
import { parse } from 'csv-parse/sync';
import type { UnitRow } from '../unit-tree.writer.js';

/** GSO type label -> level. The label decides, not the file's level column, which means
 * "commune" in the two-level vintage of July 2025 and "district" in the older ones. */
const LEVEL_OF_KIND: Record<string, UnitLevel> = {
  Tỉnh: UnitLevel.Province,
  'Thành phố Trung ương': UnitLevel.Province,
  Huyện: UnitLevel.District,
  Quận: UnitLevel.District,
  'Thị xã': UnitLevel.District,
  'Thành phố': UnitLevel.District,
  Xã: UnitLevel.Commune,
  Phường: UnitLevel.Commune,
  'Thị trấn': UnitLevel.Commune,
  'Đặc khu': UnitLevel.Commune,
};

const CODE_LENGTH: Record<UnitLevel, number[]> = {
  [UnitLevel.Province]: [2],
  [UnitLevel.District]: [3],
  [UnitLevel.Commune]: [5],
};

/** Parses a GSO list (code,name,type,level,parent_code) into area rows, refusing anything malformed. */
export function parseGsoCsv(content: string | Buffer): UnitRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw invalid(`Tệp CSV không đọc được: ${(e as Error).message}`);
  }
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  for (const col of ['code', 'name', 'type', 'level', 'parent_code']) {
    if (!header.includes(col)) throw invalid(`Tệp CSV thiếu cột "${col}" (cần: code,name,type,level,parent_code).`);
  }
  return records.map((r, i) => {
    const line = i + 2;
    const kind = r.type.normalize('NFC');
    const level = LEVEL_OF_KIND[kind];
    if (!level) throw invalid(`Dòng ${line}: loại đơn vị hành chính "${r.type}" không hợp lệ.`);
    if (!/^\d+$/.test(r.code) || !CODE_LENGTH[level].includes(r.code.length)) {
      throw invalid(`Dòng ${line}: mã "${r.code}" không đúng định dạng mã GSO của cấp ${level}.`);
    }
    if (!r.name) throw invalid(`Dòng ${line}: thiếu tên đơn vị.`);
    if (level !== UnitLevel.Province && !r.parent_code) throw invalid(`Dòng ${line}: thiếu mã đơn vị cấp trên.`);
    return {
      code: r.code,
      name: r.name.normalize('NFC'),
      type: UnitType.Area,
      level,
      areaKind: kind,
      parentCode: r.parent_code || null,
    };
  });
}
