import { Role } from '@app/vocabulary';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The signed-in user (Actor) as GET /auth/me and the login answer show it. */
export class ActorDto {
  @ApiProperty() userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ description: 'Materialised path of the unit (ids from the root, each followed by a dot)' }) unitPath!: string;
  @ApiPropertyOptional({ type: [String], description: 'For a provincial admin: the roots of its province' }) provinceRoots?: string[];
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: string;
  @ApiProperty({ type: ActorDto }) user!: ActorDto;
}
