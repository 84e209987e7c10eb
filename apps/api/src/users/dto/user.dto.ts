import { OptionalNotNull, PageQuery, SingleLine } from '@app/common';
import { Role } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

const ROLE_MESSAGE = `role phải là một trong: ${Object.values(Role).join(', ')}`;

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only users of this unit and the units below it' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId phải là UUID' })
  unitId?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role, { message: ROLE_MESSAGE })
  role?: Role;
}

export class CreateUserDto {
  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email phải là địa chỉ e-mail hợp lệ' })
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @SingleLine()
  fullName!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  title?: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password phải có ít nhất 12 ký tự' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: ROLE_MESSAGE })
  role!: Role;

  @ApiProperty()
  @IsUUID('all', { message: 'unitId phải là UUID' })
  unitId!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @SingleLine()
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  title?: string;

  @ApiPropertyOptional({ enum: Role })
  @OptionalNotNull()
  @IsEnum(Role, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Move the account to this unit (inside your scope); ends its sessions' })
  @OptionalNotNull()
  @IsUUID('all', { message: 'unitId phải là UUID' })
  unitId?: string;

  @ApiPropertyOptional({ minLength: 12 })
  @OptionalNotNull()
  @IsString()
  @MinLength(12, { message: 'password phải có ít nhất 12 ký tự' })
  @MaxLength(200)
  password?: string;
}
