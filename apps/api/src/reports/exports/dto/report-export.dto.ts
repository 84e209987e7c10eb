import { ExportFormat, ExportStatus } from '@app/database';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';

export class RequestReportExportDto {
  @ApiProperty({
    enum: ExportFormat,
    enumName: 'ExportFormat',
    description: 'xlsx: bảng tính nhiều trang; csv: một dòng mỗi đơn vị nhận; pdf: báo cáo theo thể thức Nghị định 30',
  })
  @IsEnum(ExportFormat, { message: `format (định dạng tệp) phải là một trong: ${Object.values(ExportFormat).join(', ')}` })
  format!: ExportFormat;
}

/** GET /report-exports/:id: where the file of a report export stands. */
export class ReportExportDto {
  @ApiProperty() id!: string;
  @ApiProperty() dispatchId!: string;
  @ApiProperty({ enum: ExportFormat, enumName: 'ExportFormat' }) format!: ExportFormat;
  @ApiProperty({ enum: ExportStatus, enumName: 'ExportStatus' }) status!: ExportStatus;
  @ApiProperty({ description: '0–100' }) progress!: number;
  @ApiProperty() rowsDone!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) rowsTotal!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'bao-cao-5207-CAT-PA05.xlsx' }) fileName!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) finishedAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Set once the file is ready' }) downloadUrl!: string | null;
}

/** POST /dispatches/:id/report/exports: the export queued (or the one already being made). */
export class ReportExportRequestedDto extends PickType(ReportExportDto, ['id', 'status', 'progress'] as const) {}
