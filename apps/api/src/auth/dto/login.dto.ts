import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.local' })
  @IsEmail({}, { message: 'email phải là địa chỉ e-mail' })
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password!: string;
}
