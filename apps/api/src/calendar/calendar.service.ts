import { invalid, notFound } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { CalendarExceptionDto, WorkingDaysQuery } from './dto/calendar.dto.js';
import type { CalendarExceptionEntryDto, WorkingDaysDto } from './dto/calendar-responses.dto.js';
import { WorkingDaysRepository } from './working-days.repository.js';

/** A year and a bit: enough for any deadline screen, small enough to answer at once. */
const MAX_SPAN_DAYS = 400;

/** The calendar is one thing: its audit events share this id (the day is in before/after). */
const CALENDAR_ENTITY_ID = '00000000-0000-0000-0000-000000000000';

const KIND_LABEL = {
  working: 'Ngày làm việc',
  weekend: 'Nghỉ cuối tuần',
  holiday: 'Nghỉ lễ, Tết',
  compensatory: 'Nghỉ bù',
  exception_off: 'Nghỉ theo quyết định',
  exception_working: 'Làm việc theo quyết định (làm bù)',
} as const;

@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly days: WorkingDaysRepository,
    private readonly audit: AuditService,
  ) {}

  async workingDays(query: WorkingDaysQuery): Promise<WorkingDaysDto> {
    const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (span < 0) throw invalid('Ngày "to" phải sau hoặc trùng ngày "from".');
    if (span > MAX_SPAN_DAYS) throw invalid(`Mỗi lần xem tối đa ${MAX_SPAN_DAYS} ngày; hãy chia khoảng thời gian nhỏ hơn.`);
    const { first, last } = await this.days.range();
    if (query.from < first || query.to > last) throw invalid(`Lịch ngày làm việc có từ ${first} đến ${last}.`);
    const days = await this.days.days(query.from, query.to);
    return {
      from: query.from,
      to: query.to,
      workingDays: days.filter((d) => d.working).length,
      days: days.map((d) => ({ ...d, label: KIND_LABEL[d.kind] })),
    };
  }

  exceptions(): Promise<CalendarExceptionEntryDto[]> {
    return this.days.exceptions();
  }

  async setException(actor: Actor, dto: CalendarExceptionDto, ip: string | null): Promise<WorkingDaysDto> {
    const { first, last } = await this.days.range();
    if (dto.day < first || dto.day > last) throw invalid(`Lịch ngày làm việc có từ ${first} đến ${last}.`);
    await this.db.transaction(async (em) => {
      await this.days.upsertException(em, { ...dto, userId: actor.userId });
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'calendar.exception_set',
        entityType: 'calendar',
        entityId: CALENDAR_ENTITY_ID,
        after: { ...dto },
      });
    });
    return this.workingDays({ from: dto.day, to: dto.day });
  }

  async removeException(actor: Actor, day: string, ip: string | null): Promise<void> {
    await this.db.transaction(async (em) => {
      if (!(await this.days.deleteException(em, day))) throw notFound(`Ngày ${day} không có ngoại lệ nào trong lịch.`);
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'calendar.exception_removed',
        entityType: 'calendar',
        entityId: CALENDAR_ENTITY_ID,
        before: { day },
      });
    });
  }
}
