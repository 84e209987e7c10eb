import { SingleLine } from '@app/common';
import { Role } from '@app/vocabulary';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

/** "Tạo tài khoản cho đơn vị" on the link page: the person who will sign in for the unit. */
export class CreateLinkAccountDto {
  @ApiProperty({ description: 'Họ và tên' })
  @IsString()
  @MinLength(2, { message: 'fullName (họ và tên) phải có ít nhất 2 ký tự' })
  @MaxLength(200)
  @SingleLine()
  fullName!: string;

  @ApiProperty({ description: 'The e-mail to sign in with (stored lower-cased)' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email phải là địa chỉ e-mail hợp lệ' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12, description: 'Judged by the same rule as every password (zxcvbn score 3 or more)' })
  @IsString()
  @MinLength(12, { message: 'password phải có ít nhất 12 ký tự' })
  @MaxLength(200)
  password!: string;
}

/** The account the link created: the person signs in with its e-mail at the login page. */
export class LinkAccountDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
}
