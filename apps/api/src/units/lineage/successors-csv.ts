import { invalid } from '@app/common';
import { parse } from 'csv-parse/sync';

export interface SuccessorRow {
  oldCode: string;
  oldDistrictCode: string;
  newCode: string;
  newProvinceCode: string;
}

const COLUMNS = ['old_code', 'old_name', 'old_district_code', 'new_code', 'new_name', 'new_province_code'];

/** Reads a successor list (old_code,old_name,old_district_code,new_code,new_name,new_province_code). */
export function parseSuccessorsCsv(content: string | Buffer): SuccessorRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw invalid(`Tệp kế thừa đơn vị không đọc được: ${(e as Error).message}`);
  }
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw invalid(`Tệp kế thừa đơn vị thiếu cột: ${missing.join(', ')} (cần: ${COLUMNS.join(',')}).`);
  return records.map((r, i) => {
    if (!/^\d{5}$/.test(r.old_code) || !/^\d{5}$/.test(r.new_code) || !/^\d{2}$/.test(r.new_province_code)) {
      throw invalid(`Dòng ${i + 2}: mã xã cũ, mã xã mới (5 chữ số) hoặc mã tỉnh mới (2 chữ số) không hợp lệ.`);
    }
    return { oldCode: r.old_code, oldDistrictCode: r.old_district_code, newCode: r.new_code, newProvinceCode: r.new_province_code };
  });
}
