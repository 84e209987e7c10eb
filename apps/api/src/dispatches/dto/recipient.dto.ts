import { RecipientGroup, RecipientPurpose } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID, ValidateIf } from 'class-validator';

/** One line of "Kính gửi" / "Nơi nhận": a unit or a group of units, with what it is for. */
export class RecipientDto {
  @ApiProperty({
    enum: RecipientPurpose,
    description: 'action: để thực hiện; coordinate: để phối hợp thực hiện; report: để báo cáo; info: để biết; archive: lưu',
  })
  @IsEnum(RecipientPurpose, { message: `purpose phải là một trong: ${Object.values(RecipientPurpose).join(', ')}` })
  purpose!: RecipientPurpose;

  @ApiPropertyOptional({ description: 'A single unit' })
  @ValidateIf((r: RecipientDto) => r.group === undefined)
  @IsUUID('all', { message: 'mỗi người nhận cần unitId (UUID) hoặc group' })
  unitId?: string;

  @ApiPropertyOptional({ enum: RecipientGroup })
  @ValidateIf((r: RecipientDto) => r.unitId === undefined)
  @IsEnum(RecipientGroup, { message: `group phải là một trong: ${Object.values(RecipientGroup).join(', ')}` })
  group?: RecipientGroup;

  @ApiPropertyOptional({ description: 'For a group: the area or unit whose territory it is taken from (default: the issuer’s province)' })
  @IsOptional()
  @IsUUID('all', { message: 'scopeUnitId phải là UUID' })
  scopeUnitId?: string;
}
