import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const nfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);

export class WorkingDaysQuery {
  @ApiProperty({ example: '2027-02-01' })
  @IsDateString({ strict: true }, { message: 'from phải là ngày dạng YYYY-MM-DD' })
  @Matches(DATE, { message: 'from phải là ngày dạng YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2027-02-28' })
  @IsDateString({ strict: true }, { message: 'to phải là ngày dạng YYYY-MM-DD' })
  @Matches(DATE, { message: 'to phải là ngày dạng YYYY-MM-DD' })
  to!: string;
}

export class CalendarExceptionDto {
  @ApiProperty({ example: '2027-02-20', description: 'The day (Vietnam calendar date)' })
  @IsDateString({ strict: true }, { message: 'day phải là ngày dạng YYYY-MM-DD' })
  @Matches(DATE, { message: 'day phải là ngày dạng YYYY-MM-DD' })
  day!: string;

  @ApiProperty({ description: 'true: a working day (làm bù on a Saturday); false: a day off (nghỉ bù)' })
  @IsBoolean({ message: 'working phải là true (ngày làm việc) hoặc false (ngày nghỉ)' })
  working!: boolean;

  @ApiPropertyOptional({ example: 'Làm bù cho ngày nghỉ 10/02/2027 theo Thông báo của Bộ Nội vụ' })
  @Transform(nfc)
  @IsString({ message: 'reason (lý do, căn cứ) là bắt buộc' })
  @MinLength(3, { message: 'reason (lý do, căn cứ) là bắt buộc' })
  @MaxLength(500)
  reason!: string;
}
