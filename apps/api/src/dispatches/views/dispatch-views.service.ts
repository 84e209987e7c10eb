import { Page } from '@app/common';
import { EDXML_CODE } from '@app/database';
import { DispatchRepository, DispatchViewReader, RolloutReader } from '@app/rollout';
import { viReminderSummary } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, hasGlobalScope } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { ListDeliveriesQuery, ListDispatchesQuery } from '../dto/dispatch.dto.js';
import { DispatchDetailDto, DispatchListItemDto, RolloutRowDto } from '../dto/dispatch-responses.dto.js';
import { unitRef } from '../dto/dispatch-document.dto.js';
import { attachmentView } from '../usecases/dispatch-attachments.service.js';

/** What the issuer reads: dispatches with delivery counts, one dispatch, its deliveries and messages. */
@Injectable()
export class DispatchViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly reader: DispatchViewReader,
    private readonly dispatches: DispatchRepository,
    private readonly rollout: RolloutReader,
  ) {}

  async list(actor: Actor, query: ListDispatchesQuery): Promise<Page<DispatchListItemDto>> {
    const { items, total } = await this.reader.page(this.db, {
      issuerPathPrefix: hasGlobalScope(actor) ? null : actor.unitPath,
      status: query.status,
      offset: query.offset,
      limit: query.limit,
    });
    const counts = await this.reader.deliveryCounts(
      this.db,
      items.map((d) => d.id),
    );
    return {
      items: items.map((d) => ({
        ...d,
        issuerUnit: unitRef(d.issuerUnit),
        deliveryCounts: counts.get(d.id)?.byStatus ?? {},
        acknowledged: counts.get(d.id)?.acknowledged ?? 0,
      })),
      total,
      page: query.page,
      limit: query.limit,
    };
  }

  async get(actor: Actor, id: string): Promise<DispatchDetailDto> {
    const { dispatch, issuer } = await this.access.requireViewable(actor, id);
    const [tasks, attachments, recipients, counts, messageCounts] = await Promise.all([
      this.reader.tasks(this.db, id),
      this.reader.currentAttachments(this.db, id).then((rows) => rows.map(attachmentView)),
      this.dispatches.recipientChoices(this.db, id),
      this.reader.deliveryCounts(this.db, [id]),
      this.reader.messageCounts(this.db, id),
    ]);
    return {
      ...dispatch,
      issuerUnit: unitRef(issuer),
      tasks,
      attachments,
      recipients,
      deliveryCounts: counts.get(id)?.byStatus ?? {},
      acknowledged: counts.get(id)?.acknowledged ?? 0,
      messageCounts,
    };
  }

  /** Deliveries of a dispatch with their unit and every message's state, one page at a time. */
  async deliveries(actor: Actor, id: string, query: ListDeliveriesQuery): Promise<Page<RolloutRowDto>> {
    await this.access.requireManageable(actor, id);
    const { rows, total } = await this.rollout.page(this.db, id, {
      status: query.status,
      messageStatus: query.messageStatus,
      offset: query.offset,
      limit: query.limit,
    });
    return {
      items: rows.map(({ reminders, ...r }) => ({
        ...r,
        edxmlCode: EDXML_CODE[r.status] ?? null,
        // "đã nhắc 2 lần, lần cuối 08:30 05/12", as the reminder history of GET /dispatches/:id/reminders writes it.
        reminders: reminders ? { ...reminders, summary: viReminderSummary(reminders.count, reminders.lastAt) } : null,
      })),
      total,
      page: query.page,
      limit: query.limit,
    };
  }
}
