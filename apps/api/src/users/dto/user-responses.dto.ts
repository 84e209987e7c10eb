import { Role } from '@app/vocabulary';
import { ApiProperty } from '@nestjs/swagger';
import { UnitDto } from '../../units/dto/unit-responses.dto.js';

/** An account as an admin or a leader sees it (never its password hash or token version), with its unit. */
export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Lower-cased' }) email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: Date, nullable: true }) lastLoginAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
