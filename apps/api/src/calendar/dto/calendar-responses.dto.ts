import { ApiProperty } from '@nestjs/swagger';
import type { CalendarDayRow, CalendarExceptionRow } from '../working-days.repository.js';

/** The working-day calendar's answers, for the OpenAPI document and the generated client. */

const KINDS = ['working', 'weekend', 'holiday', 'compensatory', 'exception_off', 'exception_working'] as const;

export class CalendarDayDto implements CalendarDayRow {
  @ApiProperty({ description: 'YYYY-MM-DD' }) day!: string;
  @ApiProperty() working!: boolean;
  @ApiProperty({ enum: KINDS, enumName: 'CalendarDayKind' }) kind!: CalendarDayRow['kind'];
  @ApiProperty({ type: String, nullable: true, description: 'The holiday or the reason of an exception' }) name!: string | null;
  @ApiProperty({ example: 'Nghỉ lễ, Tết', description: 'The kind in Vietnamese' }) label!: string;
}

/** GET /calendar/working-days, and the day an admin just set (POST /calendar/exceptions). */
export class WorkingDaysDto {
  @ApiProperty({ description: 'YYYY-MM-DD' }) from!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) to!: string;
  @ApiProperty({ description: 'Working days from..to, both included' }) workingDays!: number;
  @ApiProperty({ type: [CalendarDayDto] }) days!: CalendarDayDto[];
}

/** A compensatory day off or a working Saturday an admin recorded. */
export class CalendarExceptionEntryDto implements CalendarExceptionRow {
  @ApiProperty({ description: 'YYYY-MM-DD' }) day!: string;
  @ApiProperty() working!: boolean;
  @ApiProperty() reason!: string;
  @ApiProperty() createdAt!: Date;
}
