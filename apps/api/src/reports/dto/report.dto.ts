import { PageQuery } from '@app/common';
import { DispatchStatus, Urgency } from '@app/database';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class DashboardQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only dispatches issued by this unit or the units below it' })
  @IsOptional()
  @IsUUID('all', { message: 'issuerUnitId phải là UUID' })
  issuerUnitId?: string;

  @ApiPropertyOptional({ description: 'Issued on or after (YYYY-MM-DD)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from phải là ngày YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Issued on or before (YYYY-MM-DD)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to phải là ngày YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: Urgency })
  @IsOptional()
  @IsEnum(Urgency, { message: `urgency phải là một trong: ${Object.values(Urgency).join(', ')}` })
  urgency?: Urgency;

  @ApiPropertyOptional({ enum: DispatchStatus })
  @IsOptional()
  @IsEnum(DispatchStatus, { message: `status phải là một trong: ${Object.values(DispatchStatus).join(', ')}` })
  status?: DispatchStatus;

  @ApiPropertyOptional({ enum: ['issuedDate', 'publishedAt', 'number'], default: 'issuedDate' })
  @IsOptional()
  @IsIn(['issuedDate', 'publishedAt', 'number'], { message: 'sort phải là issuedDate, publishedAt hoặc number' })
  sort: 'issuedDate' | 'publishedAt' | 'number' = 'issuedDate';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order phải là asc hoặc desc' })
  order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ description: 'Search the number/symbol ("5207/CAT-PA05") or the subject' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'q (từ khoá tìm) tối đa 200 ký tự' })
  q?: string;
}

export class ScorecardQuery {
  @ApiPropertyOptional({ description: "Also the history of the unit's predecessors (the units merged into it)", default: false })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  includePredecessors?: boolean;

  @ApiPropertyOptional({ description: 'Dispatches published on or after (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'from phải là ngày YYYY-MM-DD' })
  from!: string;

  @ApiPropertyOptional({ description: 'Dispatches published on or before (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'to phải là ngày YYYY-MM-DD' })
  to!: string;
}
