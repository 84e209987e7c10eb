import { SingleLine } from '@app/common';
import { ActivityChannel } from '@app/database';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const nfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

const DATE_MESSAGE = 'occurredOn (ngày thực hiện) phải là ngày có thật, dạng YYYY-MM-DD, ví dụ 2023-10-25';
const COUNT_MESSAGE = (field: string, what: string) => `${field} (${what}) phải là số nguyên không âm`;

/** What a unit did for a delivery. Optional fields may be sent as null (nothing to say). */
export class ReportActivityDto {
  @ApiProperty({ enum: ActivityChannel, description: 'Kênh tuyên truyền' })
  @IsEnum(ActivityChannel, { message: `channel (kênh tuyên truyền) phải là một trong: ${Object.values(ActivityChannel).join(', ')}` })
  channel!: ActivityChannel;

  @ApiProperty({ example: '2023-10-25', description: 'Ngày thực hiện (giờ Việt Nam); không được là ngày tương lai' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  @IsDateString({ strict: true }, { message: DATE_MESSAGE })
  occurredOn!: string;

  @ApiPropertyOptional({ example: 'Xóm 3, thị trấn Thịnh Long', description: 'Thôn, xóm, tổ dân phố hoặc nơi công cộng' })
  @IsOptional()
  @Transform(nfc)
  @IsString({ message: 'place (địa điểm) phải là chữ' })
  @MaxLength(255, { message: 'place (địa điểm) tối đa 255 ký tự' })
  @SingleLine()
  place?: string | null;

  @ApiPropertyOptional({ example: 1200, description: 'Số người được tuyên truyền' })
  @IsOptional()
  @IsInt({ message: COUNT_MESSAGE('reach', 'số người được tuyên truyền') })
  @Min(0, { message: COUNT_MESSAGE('reach', 'số người được tuyên truyền') })
  @Max(100_000_000, { message: 'reach (số người được tuyên truyền) tối đa 100.000.000' })
  reach?: number | null;

  @ApiPropertyOptional({ example: 3, description: 'Số bài đăng, lượt phát, bảng tin, tờ rơi...' })
  @IsOptional()
  @IsInt({ message: COUNT_MESSAGE('quantity', 'số lượng') })
  @Min(0, { message: COUNT_MESSAGE('quantity', 'số lượng') })
  @Max(1_000_000, { message: 'quantity (số lượng) tối đa 1.000.000' })
  quantity?: number | null;

  @ApiPropertyOptional({ type: [String], example: ['https://www.facebook.com/conganthinhlong/posts/123'] })
  @IsOptional()
  @Transform(trimAll)
  @IsArray({ message: 'links phải là danh sách đường dẫn' })
  @ArrayMaxSize(20, { message: 'links: tối đa 20 đường dẫn' })
  @MaxLength(2000, { each: true, message: 'links: mỗi đường dẫn tối đa 2000 ký tự' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { each: true, message: 'links: mỗi đường dẫn phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://' },
  )
  links?: string[] | null;

  @ApiPropertyOptional({ description: 'Mô tả thêm' })
  @IsOptional()
  @Transform(nfc)
  @IsString({ message: 'description (mô tả) phải là chữ' })
  @MaxLength(20_000, { message: 'description (mô tả) tối đa 20.000 ký tự' })
  description?: string | null;

  @ApiPropertyOptional({
    example: 2,
    description: 'Số thứ tự nhiệm vụ của công văn mà hoạt động này thực hiện (bắt buộc khi công văn có nhiệm vụ đánh số)',
  })
  @IsOptional()
  @IsInt({ message: 'taskNumber (nhiệm vụ số) phải là số nguyên dương' })
  @Min(1, { message: 'taskNumber (nhiệm vụ số) phải là số nguyên dương' })
  taskNumber?: number | null;
}

/**
 * A correction: the fields that change, and the version being corrected. Fields left out keep their
 * value; channel and occurredOn may not be null.
 */
export class CorrectActivityDto extends PartialType(ReportActivityDto, { skipNullProperties: false }) {
  @ApiProperty({ example: 1, description: 'Phiên bản đang sửa (lấy từ lần đọc trước); sai phiên bản thì bị từ chối (409)' })
  @IsInt({ message: 'version (phiên bản đang sửa) là bắt buộc và phải là số nguyên' })
  @Min(1, { message: 'version (phiên bản đang sửa) phải từ 1 trở lên' })
  version!: number;
}

export class WithdrawActivityDto {
  @ApiProperty({ example: 'Báo cáo nhầm công văn' })
  @Transform(nfc)
  @IsString({ message: 'reason (lý do rút báo cáo) là bắt buộc' })
  @MinLength(3, { message: 'reason (lý do rút báo cáo) là bắt buộc, ít nhất 3 ký tự' })
  @MaxLength(2000, { message: 'reason (lý do rút báo cáo) tối đa 2000 ký tự' })
  reason!: string;
}
