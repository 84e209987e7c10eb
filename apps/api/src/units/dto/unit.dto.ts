import { PageQuery, SingleLine, OptionalNotNull } from '@app/common';
import { UnitLevel, UnitType } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value;

export class ListUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UnitType })
  @IsOptional()
  @IsEnum(UnitType, { message: `type phải là một trong: ${Object.values(UnitType).join(', ')}` })
  type?: UnitType;

  @ApiPropertyOptional({ enum: UnitLevel })
  @IsOptional()
  @IsEnum(UnitLevel, { message: `level phải là một trong: ${Object.values(UnitLevel).join(', ')}` })
  level?: UnitLevel;

  @ApiPropertyOptional({ description: 'Only units strictly below this unit' })
  @IsOptional()
  @IsUUID('all', { message: 'under phải là mã định danh (UUID) của một đơn vị' })
  under?: string;

  @ApiPropertyOptional({ description: 'Only the units this unit directs directly (its children in the tree)' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId phải là mã định danh (UUID) của một đơn vị' })
  parentId?: string;

  @ApiPropertyOptional({ description: 'Only the bodies serving this administrative area (UBND xã, Công an xã of a commune)' })
  @IsOptional()
  @IsUUID('all', { message: 'areaId phải là mã định danh (UUID) của một đơn vị hành chính' })
  areaId?: string;

  @ApiPropertyOptional({ description: 'Accent-insensitive search in the name or code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Include deactivated units', default: false })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  includeInactive?: boolean;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'CA-13669' })
  @Transform(trim)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'code gồm chữ, số, ".", "_" hoặc "-", tối đa 40 ký tự' })
  code!: string;

  @ApiProperty({ example: 'Công an xã Hải Nam' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  @SingleLine()
  name!: string;

  @ApiProperty({ enum: UnitType })
  @IsEnum(UnitType, { message: `type phải là một trong: ${Object.values(UnitType).join(', ')}` })
  type!: UnitType;

  @ApiProperty({ enum: UnitLevel })
  @IsEnum(UnitLevel, { message: `level phải là một trong: ${Object.values(UnitLevel).join(', ')}` })
  level!: UnitLevel;

  @ApiPropertyOptional({ description: 'The unit that directs this one; only admins may create a root' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId phải là UUID' })
  parentId?: string;

  @ApiPropertyOptional({ description: 'The administrative area this unit serves' })
  @IsOptional()
  @IsUUID('all', { message: 'areaId phải là UUID' })
  areaId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(lowerAll)
  @IsArray()
  @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'emails phải là danh sách địa chỉ e-mail hợp lệ' })
  emails?: string[];
}

export class UpdateUnitDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  @SingleLine()
  name?: string;

  @ApiPropertyOptional({ enum: UnitType })
  @OptionalNotNull()
  @IsEnum(UnitType, { message: `type phải là một trong: ${Object.values(UnitType).join(', ')}` })
  type?: UnitType;

  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @Transform(lowerAll)
  @IsArray()
  @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'emails phải là danh sách địa chỉ e-mail hợp lệ' })
  emails?: string[];
}

export class MoveUnitDto {
  @ApiProperty({ description: 'The new parent unit' })
  @IsUUID('all', { message: 'parentId phải là UUID' })
  parentId!: string;
}
