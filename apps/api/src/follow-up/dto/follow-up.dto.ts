import { PageQuery } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const nfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);

export class RecallDto {
  @ApiProperty({ example: 'Ban hành nhầm đối tượng nhận; sẽ ban hành văn bản khác thay thế.' })
  @Transform(nfc)
  @IsString({ message: 'reason (lý do thu hồi) là bắt buộc' })
  @MinLength(5, { message: 'reason (lý do thu hồi) cần ít nhất 5 ký tự để đơn vị nhận hiểu vì sao văn bản bị thu hồi' })
  @MaxLength(2000)
  reason!: string;
}

/** Sent as multipart/form-data: these fields, plus the new attachments in "files" (optional). */
export class NewVersionDto {
  @ApiProperty({
    enum: ['replacement', 'correction'],
    description: 'replacement: văn bản thay thế (new files); correction: đính chính (corrected text)',
  })
  @IsIn(['replacement', 'correction'], { message: 'kind phải là replacement (văn bản thay thế) hoặc correction (đính chính)' })
  kind!: 'replacement' | 'correction';

  @ApiProperty({ example: 'Thay tệp đính kèm ký số bị lỗi chữ ký.' })
  @Transform(nfc)
  @IsString({ message: 'note (nội dung thay đổi) là bắt buộc' })
  @MinLength(5, { message: 'note (nội dung thay đổi) cần ít nhất 5 ký tự' })
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({ description: 'Corrected subject (trích yếu)' })
  @IsOptional()
  @Transform(nfc)
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  subject?: string;

  @ApiPropertyOptional({ description: 'Corrected body' })
  @IsOptional()
  @Transform(nfc)
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  body?: string;
}

const between = (name: string, min: number, max: number) => `${name} phải là số nguyên từ ${min} đến ${max}`;

/** The issuer's own reminder rule for one dispatch; a field left out keeps the urgency's default. */
export class ReminderRuleDto {
  @ApiPropertyOptional({ enum: ['hours', 'working_days'] })
  @IsOptional()
  @IsIn(['hours', 'working_days'], { message: 'cadenceUnit phải là hours (giờ) hoặc working_days (ngày làm việc)' })
  cadenceUnit?: 'hours' | 'working_days';

  @ApiPropertyOptional({ description: 'A reminder every this many hours / working days after the deadline', example: 1 })
  @IsOptional()
  @IsInt({ message: between('every', 1, 240) })
  @Min(1, { message: between('every', 1, 240) })
  @Max(240, { message: between('every', 1, 240) })
  every?: number;

  @ApiPropertyOptional({ description: 'One reminder this many hours / working days before the deadline (0: none)', example: 1 })
  @IsOptional()
  @IsInt({ message: between('before', 0, 240) })
  @Min(0, { message: between('before', 0, 240) })
  @Max(240, { message: between('before', 0, 240) })
  before?: number;

  @ApiPropertyOptional({ description: 'At most this many reminders after the deadline', example: 5 })
  @IsOptional()
  @IsInt({ message: between('maxAfter', 0, 50) })
  @Min(0, { message: between('maxAfter', 0, 50) })
  @Max(50, { message: between('maxAfter', 0, 50) })
  maxAfter?: number;

  @ApiPropertyOptional({ description: 'Escalate to the unit above this many hours / working days after the deadline', example: 2 })
  @IsOptional()
  @IsInt({ message: between('escalateAfter', 0, 240) })
  @Min(0, { message: between('escalateAfter', 0, 240) })
  @Max(240, { message: between('escalateAfter', 0, 240) })
  escalateAfter?: number;
}

export class ReminderHistoryQuery extends PageQuery {}
