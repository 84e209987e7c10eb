import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.local', maxLength: 254 })
  @IsString({ message: 'email phải là chuỗi ký tự' })
  @MaxLength(254, { message: 'email dài tối đa 254 ký tự' })
  @IsEmail({}, { message: 'email phải là địa chỉ e-mail' })
  email!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString({ message: 'password phải là chuỗi ký tự' })
  @MaxLength(200, { message: 'password dài tối đa 200 ký tự' })
  password!: string;
}
