import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsFQDN,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DATASETS } from '../../units/import/datasets.js';
import { ALL_PROVINCES } from './onboard-province.service.js';

export class CatalogueEntryDto {
  @ApiProperty({ example: 'SNV' })
  @Matches(/^[A-Z0-9]{1,12}$/, { message: 'mã cơ quan gồm chữ in hoa và số, tối đa 12 ký tự' })
  code!: string;

  @ApiProperty({ example: 'Sở Nội vụ', description: '`{province}` is replaced by "tỉnh Ninh Bình"' })
  @IsString()
  @MaxLength(200)
  name!: string;
}

/** A multipart form sends the lists as JSON text. */
const jsonList = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

export class OnboardProvinceDto {
  @ApiPropertyOptional({ enum: Object.keys(DATASETS), example: 'vn-2025-07-01', description: 'A shipped GSO list; or upload `file`' })
  @IsOptional()
  @IsIn(Object.keys(DATASETS), { message: `dataset phải là một trong: ${Object.keys(DATASETS).join(', ')}` })
  dataset?: string;

  @ApiProperty({ example: '37', description: `GSO code of the province, or "${ALL_PROVINCES}" for every province of the list` })
  @Matches(/^(\d{2}|all)$/, { message: 'provinceCode là mã tỉnh 2 chữ số (ví dụ 37) hoặc "all"' })
  provinceCode!: string;

  @ApiPropertyOptional({ example: '2025-07-01', description: 'When a two-level list came into force (default: its vintage)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'effectiveOn phải là ngày YYYY-MM-DD' })
  effectiveOn?: string;

  @ApiPropertyOptional({ type: [CatalogueEntryDto], description: 'Departments of UBND tỉnh (default: the usual Sở of the structure)' })
  @IsOptional()
  @Transform(jsonList)
  @IsArray({ message: 'departments phải là danh sách {code, name}' })
  @ArrayMaxSize(60)
  @IsObject({ each: true, message: 'mỗi phần tử của $property phải là một đối tượng' })
  @ValidateNested({ each: true })
  @Type(() => CatalogueEntryDto)
  departments?: CatalogueEntryDto[];

  @ApiPropertyOptional({
    type: [CatalogueEntryDto],
    description: 'Departments of Công an tỉnh (default: Ban Giám đốc, PA05, Văn thư and the usual phòng)',
  })
  @IsOptional()
  @Transform(jsonList)
  @IsArray({ message: 'policeDepartments phải là danh sách {code, name}' })
  @ArrayMaxSize(60)
  @IsObject({ each: true, message: 'mỗi phần tử của $property phải là một đối tượng' })
  @ValidateNested({ each: true })
  @Type(() => CatalogueEntryDto)
  policeDepartments?: CatalogueEntryDto[];

  @ApiPropertyOptional({
    example: 'ninhbinh.gov.vn',
    description: 'New bodies get `<code>@<domain>`; without it they start with no address',
  })
  @IsOptional()
  @IsFQDN({ require_tld: false }, { message: 'emailDomain phải là tên miền, ví dụ ninhbinh.gov.vn' })
  emailDomain?: string;
}
