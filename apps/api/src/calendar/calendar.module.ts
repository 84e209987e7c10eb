import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { WorkingDaysRepository } from './working-days.repository.js';

/** The Vietnamese working-day calendar: holidays, the admin's exceptions, "N ngày làm việc". */
@Module({
  controllers: [CalendarController],
  providers: [CalendarService, WorkingDaysRepository],
  exports: [WorkingDaysRepository],
})
export class CalendarModule {}
