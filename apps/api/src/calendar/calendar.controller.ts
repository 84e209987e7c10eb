import { Role } from '@app/database';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { Client, type ClientInfo } from '../auth/client-info.decorator.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CalendarService } from './calendar.service.js';
import { CalendarExceptionDto, WorkingDaysQuery } from './dto/calendar.dto.js';
import { CalendarExceptionEntryDto, WorkingDaysDto } from './dto/calendar-responses.dto.js';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Every day from..to with whether it is a working day, and why not. */
  @ApiOkResponse({ type: WorkingDaysDto })
  @Get('working-days')
  workingDays(@Query() query: WorkingDaysQuery): Promise<WorkingDaysDto> {
    return this.calendar.workingDays(query);
  }

  @ApiOkResponse({ type: [CalendarExceptionEntryDto] })
  @Get('exceptions')
  exceptions(): Promise<CalendarExceptionEntryDto[]> {
    return this.calendar.exceptions();
  }

  /** The admin records a compensatory day off or a working Saturday decided for the year. */
  @ApiOkResponse({ type: WorkingDaysDto, description: 'The day as the calendar now has it' })
  @Post('exceptions')
  @Roles(Role.Admin)
  @HttpCode(200)
  setException(@CurrentUser() actor: Actor, @Body() dto: CalendarExceptionDto, @Client() client: ClientInfo): Promise<WorkingDaysDto> {
    return this.calendar.setException(actor, dto, client.ip);
  }

  @ApiNoContentResponse({ description: 'removeException' })
  @Delete('exceptions/:day')
  @Roles(Role.Admin)
  @HttpCode(204)
  removeException(@CurrentUser() actor: Actor, @Param('day') day: string, @Client() client: ClientInfo) {
    return this.calendar.removeException(actor, day, client.ip);
  }
}
