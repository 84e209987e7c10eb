import { DeliveryRepository, DeliveryWriter, DispatchRepository, RecipientUnitRepository } from '@app/rollout';
import { conflict, invalid } from '@app/common';
import { DispatchStatus } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { AddRecipientsDto, PreviewQuery } from '../dto/dispatch.dto.js';
import type { AddRecipientsResultDto, RecipientPreviewDto, ResendResultDto } from '../dto/dispatch-responses.dto.js';
import { DELIVERIES_CREATED, type DeliveriesCreatedEvent } from '../events.js';
import { RecipientResolver } from '../recipients/recipient-resolver.js';
import { toRecipientRow } from './dispatch-drafts.service.js';

/** Previewing who a dispatch will reach, adding recipients after publishing, resending. */
@Injectable()
export class DispatchRecipientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly resolver: RecipientResolver,
    private readonly writer: DeliveryWriter,
    private readonly events: EventEmitter2,
    private readonly audit: AuditService,
    private readonly dispatches: DispatchRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly units: RecipientUnitRepository,
  ) {}

  /** The resolved list before publishing: totals by purpose, units without e-mail, one page of units. */
  async preview(actor: Actor, dispatchId: string, query: PreviewQuery): Promise<RecipientPreviewDto> {
    const { issuer } = await this.access.requireManageable(actor, dispatchId);
    const choices = await this.dispatches.recipientChoices(this.db, dispatchId);
    const issuedDate = await this.dispatches.issuedDate(this.db, dispatchId);
    const resolved = await this.resolver.resolve(
      this.db.manager,
      issuer,
      choices.map((c) => ({ ...c, group: c.groupKind })),
      issuedDate,
    );
    const rows = resolved.length
      ? await this.units.mailboxes(
          this.db,
          resolved.map((r) => r.unitId),
        )
      : [];
    const purposeOf = new Map(resolved.map((r) => [r.unitId, r.purpose]));
    const byPurpose: Record<string, number> = {};
    for (const r of resolved) byPurpose[r.purpose] = (byPurpose[r.purpose] ?? 0) + 1;
    const withoutEmail = rows.filter((r) => r.emails.length === 0);
    return {
      total: resolved.length,
      byPurpose,
      addresses: rows.reduce((n, r) => n + r.emails.length, 0),
      unitsWithoutEmail: withoutEmail.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      // Every row is a resolved unit, so it has its purpose.
      items: rows.slice(query.offset, query.offset + query.limit).map((r) => ({ ...r, purpose: purposeOf.get(r.id)! })),
      page: query.page,
      limit: query.limit,
    };
  }

  /** Adds recipients to a published dispatch; units that already have it are left alone. */
  async add(actor: Actor, dispatchId: string, dto: AddRecipientsDto): Promise<AddRecipientsResultDto> {
    const { issuer } = await this.access.requireManageable(actor, dispatchId);
    if (dto.recipients.length === 0) throw invalid('Hãy chọn ít nhất một đơn vị hoặc nhóm đơn vị để gửi thêm.');
    const written = await this.db.transaction(async (em) => {
      const row = await this.dispatches.lockForRecipients(em, dispatchId);
      if (row.status !== DispatchStatus.Published)
        throw conflict('Chỉ gửi thêm nơi nhận cho công văn đang ban hành; bản nháp thì sửa danh sách nơi nhận.');
      await this.dispatches.addRecipients(
        em,
        dto.recipients.map((r) => toRecipientRow(dispatchId, r)),
      );
      const resolved = await this.resolver.resolve(em, issuer, dto.recipients, row.issuedDate);
      const result = await this.writer.write(em, resolved, {
        dispatchId,
        ackDueAt: row.ackDueAt,
        forwardDueAt: row.forwardDueAt,
        reportDueAt: row.reportDueAt,
      });
      await this.audit.record(em, auditActor(actor), {
        action: 'dispatch.recipients_added',
        entityType: 'dispatch',
        entityId: dispatchId,
        dispatchId,
        after: { recipients: dto.recipients, added: result.deliveryIds.length, alreadyReceiving: result.skippedExisting },
      });
      return result;
    });
    this.events.emit(DELIVERIES_CREATED, { dispatchId, deliveryIds: written.deliveryIds } satisfies DeliveriesCreatedEvent);
    return { added: written.deliveryIds.length, alreadyReceiving: written.skippedExisting, messages: written.messages };
  }

  /** Sends the notice again to every current address of one recipient unit. */
  async resend(actor: Actor, dispatchId: string, deliveryId: string): Promise<ResendResultDto> {
    await this.access.requireManageable(actor, dispatchId);
    const messages = await this.db.transaction(async (em) => {
      const status = await this.deliveries.dispatchStatusOf(em, deliveryId, dispatchId);
      if (!status) throw invalid(`Lượt gửi ${deliveryId} không thuộc công văn này.`);
      if (status !== DispatchStatus.Published) throw conflict('Chỉ gửi lại công văn đang ban hành.');
      const n = await this.writer.writeMessages(em, [deliveryId], 'notice');
      if (n === 0) throw invalid('Đơn vị này chưa có địa chỉ e-mail: hãy cập nhật e-mail của đơn vị rồi gửi lại.');
      await this.audit.record(em, auditActor(actor), {
        action: 'delivery.resent',
        entityType: 'delivery',
        entityId: deliveryId,
        dispatchId,
        after: { messages: n },
      });
      return n;
    });
    this.events.emit(DELIVERIES_CREATED, { dispatchId, deliveryIds: [deliveryId] } satisfies DeliveriesCreatedEvent);
    return { messages };
  }
}
