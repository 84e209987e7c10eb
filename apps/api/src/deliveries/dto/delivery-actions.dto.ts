import { PageQuery, SingleLine } from '@app/common';
import { DeliveryStatus, RecipientGroup } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);

export class AcknowledgeDto {
  @ApiPropertyOptional({ description: 'Who confirms, when it is not the signed-in user (e.g. the clerk named on the link form)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'name (họ tên người xác nhận) cần ít nhất 2 ký tự' })
  @MaxLength(200)
  @SingleLine()
  name?: string;
}

export class LinkAcknowledgeDto {
  @ApiProperty({ description: 'Full name of the person confirming' })
  @Transform(trim)
  @IsString({ message: 'name (họ tên người xác nhận) là bắt buộc' })
  @MinLength(2, { message: 'name (họ tên người xác nhận) cần ít nhất 2 ký tự' })
  @MaxLength(200)
  @SingleLine()
  name!: string;
}

export class RefuseDto {
  @ApiProperty({ description: 'Why the unit is not the right addressee' })
  @Transform(trim)
  @IsString({ message: 'reason (lý do từ chối) là bắt buộc' })
  @MinLength(5, { message: 'reason (lý do từ chối) cần ít nhất 5 ký tự để đơn vị ban hành xử lý được' })
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @SingleLine()
  name?: string;
}

export class ProxyAcknowledgeDto {
  @ApiProperty({ description: 'Mandatory: how the receipt came (paper, phone) and who confirmed it' })
  @Transform(trim)
  @IsString({ message: 'reason (lý do ghi nhận thay) là bắt buộc' })
  @MinLength(5, {
    message: 'reason (lý do ghi nhận thay) cần ít nhất 5 ký tự, ví dụ "Nhận bản giấy, đ/c Hoa văn thư xác nhận qua điện thoại"',
  })
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ description: 'Name of the person at the recipient unit who confirmed' })
  @Transform(trim)
  @IsString({ message: 'receivedBy (người nhận tại đơn vị) là bắt buộc' })
  @MinLength(2)
  @MaxLength(200)
  @SingleLine()
  receivedBy!: string;
}

export class ForwardTargetDto {
  @ApiPropertyOptional()
  @ValidateIf((t: ForwardTargetDto) => t.group === undefined)
  @IsUUID('all', { message: 'mỗi đơn vị nhận cần unitId (UUID) hoặc group' })
  unitId?: string;

  @ApiPropertyOptional({ enum: RecipientGroup, description: 'e.g. all_commune_committees = "all my communes"' })
  @ValidateIf((t: ForwardTargetDto) => t.unitId === undefined)
  @IsEnum(RecipientGroup, { message: `group phải là một trong: ${Object.values(RecipientGroup).join(', ')}` })
  group?: RecipientGroup;
}

export class ForwardDto {
  @ApiProperty({ type: [ForwardTargetDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsObject({ each: true, message: 'mỗi phần tử của $property phải là một đối tượng' })
  @ValidateNested({ each: true })
  @Type(() => ForwardTargetDto)
  targets!: ForwardTargetDto[];

  @ApiPropertyOptional({ description: 'The forwarding unit’s own instruction' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(20_000)
  instruction?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'ackDueAt phải là thời điểm ISO 8601' })
  ackDueAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'forwardDueAt phải là thời điểm ISO 8601' })
  forwardDueAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'reportDueAt phải là thời điểm ISO 8601' })
  reportDueAt?: string;
}

export class ReaddressDto {
  @ApiProperty({ description: 'The unit that should have received it' })
  @IsUUID('all', { message: 'unitId phải là UUID' })
  unitId!: string;
}

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DeliveryStatus })
  @IsOptional()
  @IsEnum(DeliveryStatus, { message: `status phải là một trong: ${Object.values(DeliveryStatus).join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ description: 'Only deliveries past a deadline' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue phải là true hoặc false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Search the number/symbol ("5207/CAT-PA05") or the subject' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'q (từ khoá tìm) tối đa 200 ký tự' })
  q?: string;
}
