import { PageQuery, SingleLine } from '@app/common';
import { ActivityChannel, DispatchStatus, Urgency } from '@app/database';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsEnum,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RecipientDto } from './recipient.dto.js';

const nfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);
const nfcAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.normalize('NFC').trim() : v)) : value;

export class TaskDto {
  @ApiProperty({ example: 1 })
  @IsInt({ message: 'số thứ tự nhiệm vụ phải là số nguyên' })
  @Min(1)
  number!: number;

  @ApiProperty()
  @Transform(nfc)
  @IsString()
  @MinLength(3)
  @MaxLength(20_000)
  text!: string;

  @ApiPropertyOptional({ enum: ActivityChannel, isArray: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ActivityChannel, { each: true, message: `channels gồm các giá trị: ${Object.values(ActivityChannel).join(', ')}` })
  channels?: ActivityChannel[];
}

export class CreateDispatchDto {
  @ApiPropertyOptional({ description: 'Issuing unit; defaults to the signed-in user’s unit' })
  @IsOptional()
  @IsUUID('all', { message: 'issuerUnitId phải là UUID' })
  issuerUnitId?: string;

  @ApiPropertyOptional({ example: 'BỘ CÔNG AN' })
  @IsOptional()
  @Transform(nfc)
  @IsString()
  @MaxLength(255)
  @SingleLine()
  headerAuthority?: string;

  @ApiProperty({ example: 'CÔNG AN TỈNH NAM ĐỊNH' })
  @Transform(nfc)
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  @SingleLine()
  headerIssuer!: string;

  @ApiProperty({ example: 5207 })
  @IsInt({ message: 'number (số văn bản) phải là số nguyên dương' })
  @Min(1, { message: 'number (số văn bản) phải là số nguyên dương' })
  number!: number;

  @ApiProperty({ example: 'CAT-PA05' })
  @Transform(nfc)
  @Matches(/^[\p{L}\d][\p{L}\d./-]{0,59}$/u, { message: 'symbol (ký hiệu) chỉ gồm chữ, số, "-", "/" và ".", ví dụ CAT-PA05' })
  symbol!: string;

  @ApiProperty({ example: '2023-10-19' })
  @IsDateString({ strict: true }, { message: 'issuedDate phải là ngày dạng YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'issuedDate phải là ngày dạng YYYY-MM-DD' })
  issuedDate!: string;

  @ApiProperty({ example: 'Nam Định' })
  @Transform(nfc)
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  @SingleLine()
  issuedPlace!: string;

  @ApiProperty({ example: 'Công văn' })
  @Transform(nfc)
  @IsString()
  @MinLength(2)
  @MaxLength(60)
  @SingleLine()
  documentType!: string;

  @ApiProperty({ example: 'V/v thông báo thủ đoạn mới của tội phạm hoạt động lừa đảo chiếm đoạt tài sản trên không gian mạng' })
  @Transform(nfc)
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  subject!: string;

  @ApiProperty()
  @Transform(nfc)
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  body!: string;

  @ApiProperty({ enum: Urgency })
  @IsEnum(Urgency, { message: `urgency (độ khẩn) phải là một trong: ${Object.values(Urgency).join(', ')}` })
  urgency!: Urgency;

  @ApiPropertyOptional({ type: [String], example: ['Các Sở, ban, ngành trong tỉnh;', 'UBND các huyện và thành phố Nam Định.'] })
  @IsOptional()
  @Transform(nfcAll)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  addresseeLines?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Đ/c Giám đốc Công an tỉnh; (Để báo cáo)', 'Như trên; (Để phối hợp thực hiện)', 'Lưu: VT, PA05(Đ3).'],
  })
  @IsOptional()
  @Transform(nfcAll)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  distributionLines?: string[];

  @ApiProperty({ example: 'Phan Văn Lý' })
  @Transform(nfc)
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  @SingleLine()
  signerName!: string;

  @ApiPropertyOptional({ example: 'Đại tá' })
  @IsOptional()
  @Transform(nfc)
  @IsString()
  @MaxLength(60)
  @SingleLine()
  signerRank?: string;

  @ApiPropertyOptional({ example: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' })
  @IsOptional()
  @Transform(nfc)
  @IsString()
  @MaxLength(200)
  @SingleLine()
  signerTitle?: string;

  @ApiPropertyOptional({ type: [TaskDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'mỗi phần tử của $property phải là một đối tượng' })
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  tasks?: TaskDto[];

  @ApiPropertyOptional({ type: [RecipientDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsObject({ each: true, message: 'mỗi phần tử của $property phải là một đối tượng' })
  @ValidateNested({ each: true })
  @Type(() => RecipientDto)
  recipients?: RecipientDto[];

  @ApiPropertyOptional({ description: 'Deadline to acknowledge (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'ackDueAt phải là thời điểm ISO 8601' })
  ackDueAt?: string;

  @ApiPropertyOptional({ description: 'Deadline to forward to the units below' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'forwardDueAt phải là thời điểm ISO 8601' })
  forwardDueAt?: string;

  @ApiPropertyOptional({ description: 'Deadline to report the results' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'reportDueAt phải là thời điểm ISO 8601' })
  reportDueAt?: string;

  @ApiPropertyOptional({ description: 'Deadline to acknowledge in working days after publication ("trong 3 ngày làm việc")', example: 3 })
  @IsOptional()
  @IsInt({ message: 'ackDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  @Min(1, { message: 'ackDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  @Max(365, { message: 'ackDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  ackDueWorkingDays?: number;

  @ApiPropertyOptional({ description: 'Deadline to forward, in working days after publication', example: 5 })
  @IsOptional()
  @IsInt({ message: 'forwardDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  @Min(1, { message: 'forwardDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  @Max(365, { message: 'forwardDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  forwardDueWorkingDays?: number;

  @ApiPropertyOptional({ description: 'Deadline to report, in working days after publication', example: 15 })
  @IsOptional()
  @IsInt({ message: 'reportDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  @Min(1, { message: 'reportDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  @Max(365, { message: 'reportDueWorkingDays (số ngày làm việc) phải là số nguyên từ 1 đến 365' })
  reportDueWorkingDays?: number;
}

export class UpdateDispatchDto extends PartialType(CreateDispatchDto) {}

export class AddRecipientsDto {
  @ApiProperty({ type: [RecipientDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsObject({ each: true, message: 'mỗi phần tử của $property phải là một đối tượng' })
  @ValidateNested({ each: true })
  @Type(() => RecipientDto)
  recipients!: RecipientDto[];
}

export class ListDispatchesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DispatchStatus })
  @IsOptional()
  @IsEnum(DispatchStatus, { message: `status phải là một trong: ${Object.values(DispatchStatus).join(', ')}` })
  status?: DispatchStatus;
}

export class PreviewQuery extends PageQuery {}

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Filter by delivery status' })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({ description: 'Only deliveries with a message in this state (e.g. failed)' })
  @IsOptional()
  @IsEnum(['pending', 'sent', 'failed'], { message: 'messageStatus phải là pending, sent hoặc failed' })
  messageStatus?: 'pending' | 'sent' | 'failed';
}

export class ParseDispatchTextDto {
  @ApiProperty({ description: 'The whole dispatch as text, from the national motto to the signer' })
  @Transform(nfc)
  @IsString()
  @MinLength(20, { message: 'Hãy dán toàn văn công văn (ít nhất 20 ký tự).' })
  @MaxLength(200_000)
  text!: string;
}
