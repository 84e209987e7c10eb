/**
 * The usual provincial bodies, by structure. Each province may pass its own lists (the admin
 * endpoint's `departments` / `policeDepartments`, the CLI's `--bodies <file.json>`): these are
 * starting points to check against the province's own organisation, not an official register.
 * Codes become unit codes (`<province>-<code>` for a Sở, `CA-<province>-<code>` for a police
 * department), so they must stay stable once units exist.
 */
export interface CatalogueEntry {
  code: string;
  /** `{province}` is replaced by the province's name after its type word: "tỉnh Ninh Bình". */
  name: string;
}

export interface BodyCatalogue {
  departments: CatalogueEntry[];
  policeDepartments: CatalogueEntry[];
}

/** The provincial departments (Sở, ban, ngành) before the 2025 reorganisation (as in Nam Định, October 2023). */
export const DEPARTMENTS_2023: CatalogueEntry[] = [
  { code: 'SNV', name: 'Sở Nội vụ' },
  { code: 'STP', name: 'Sở Tư pháp' },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư' },
  { code: 'STC', name: 'Sở Tài chính' },
  { code: 'SCT', name: 'Sở Công Thương' },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn' },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải' },
  { code: 'SXD', name: 'Sở Xây dựng' },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông' },
  { code: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' },
  { code: 'SYT', name: 'Sở Y tế' },
  { code: 'SNGV', name: 'Sở Ngoại vụ' },
  { code: 'TTT', name: 'Thanh tra tỉnh' },
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh' },
  { code: 'BDT', name: 'Ban Dân tộc tỉnh' },
  { code: 'BQLKCN', name: 'Ban Quản lý các khu công nghiệp tỉnh' },
  { code: 'DPTTH', name: 'Đài Phát thanh và Truyền hình tỉnh' },
  { code: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh' },
];

/** The departments after the 2025 reorganisation (merged Sở; Sở Ngoại vụ only in some provinces). */
export const DEPARTMENTS_2025: CatalogueEntry[] = [
  { code: 'SNV', name: 'Sở Nội vụ' },
  { code: 'STP', name: 'Sở Tư pháp' },
  { code: 'STC', name: 'Sở Tài chính' },
  { code: 'SCT', name: 'Sở Công Thương' },
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' },
  { code: 'SXD', name: 'Sở Xây dựng' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' },
  { code: 'SYT', name: 'Sở Y tế' },
  { code: 'SDTTG', name: 'Sở Dân tộc và Tôn giáo' },
  { code: 'TTT', name: 'Thanh tra tỉnh' },
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh' },
  { code: 'BQLKCN', name: 'Ban Quản lý các khu công nghiệp tỉnh' },
  { code: 'BPTTH', name: 'Báo và Phát thanh, Truyền hình tỉnh' },
  { code: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh' },
];

/** The units of Công an tỉnh a dispatch is addressed to or written by: the leadership, the registry, PA05. */
export const POLICE_CORE: CatalogueEntry[] = [
  { code: 'BGD', name: 'Ban Giám đốc Công an {province}' },
  { code: 'PA05', name: 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05)' },
  { code: 'VT', name: 'Văn thư Công an {province}' },
];

/** The usual departments (phòng) of a provincial police, by their usual symbols. */
export const POLICE_DEPARTMENTS: CatalogueEntry[] = [
  ...POLICE_CORE,
  { code: 'PV01', name: 'Phòng Tham mưu (PV01)' },
  { code: 'PX01', name: 'Phòng Tổ chức cán bộ (PX01)' },
  { code: 'PA08', name: 'Phòng Quản lý xuất nhập cảnh (PA08)' },
  { code: 'PA09', name: 'Phòng An ninh điều tra (PA09)' },
  { code: 'PC02', name: 'Phòng Cảnh sát hình sự (PC02)' },
  { code: 'PC03', name: 'Phòng Cảnh sát kinh tế (PC03)' },
  { code: 'PC04', name: 'Phòng Cảnh sát điều tra tội phạm về ma túy (PC04)' },
  { code: 'PC06', name: 'Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06)' },
  { code: 'PC07', name: 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (PC07)' },
  { code: 'PC08', name: 'Phòng Cảnh sát giao thông (PC08)' },
  { code: 'PC09', name: 'Phòng Kỹ thuật hình sự (PC09)' },
  { code: 'PK02', name: 'Phòng Cảnh sát cơ động (PK02)' },
];

export function defaultCatalogue(twoLevel: boolean): BodyCatalogue {
  return { departments: twoLevel ? DEPARTMENTS_2025 : DEPARTMENTS_2023, policeDepartments: POLICE_DEPARTMENTS };
}
