import { conflict, invalid } from '@app/common';
import { Dispatch, DispatchRecipient, DispatchStatus } from '@app/database';
import { DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { auditActor, AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { CreateDispatchDto, TaskDto, UpdateDispatchDto } from '../dto/dispatch.dto.js';
import { RecipientDto } from '../dto/recipient.dto.js';

/** Writing and editing drafts. A published dispatch is never edited in place. */
@Injectable()
export class DispatchDraftsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly audit: AuditService,
    private readonly dispatches: DispatchRepository,
  ) {}

  async create(actor: Actor, dto: CreateDispatchDto): Promise<string> {
    const issuer = await this.access.requireIssuerUnit(actor, dto.issuerUnitId);
    checkTasks(dto.tasks);
    checkDeadlines(dto);
    return this.saving(dto, () =>
      this.db.transaction(async (em) => {
        const id = await this.dispatches.insertDraft(em, {
          ...fields(dto),
          issuerUnitId: issuer.id,
          status: DispatchStatus.Draft,
          createdBy: actor.userId,
        } as Partial<Dispatch>);
        await this.replaceChildren(em, id, dto);
        await this.audit.record(em, auditActor(actor), {
          action: 'dispatch.created',
          entityType: 'dispatch',
          entityId: id,
          dispatchId: id,
          after: { number: dto.number, symbol: dto.symbol, subject: dto.subject, issuerUnitId: issuer.id },
        });
        return id;
      }),
    );
  }

  async update(actor: Actor, id: string, dto: UpdateDispatchDto): Promise<void> {
    await this.access.requireManageable(actor, id);
    checkTasks(dto.tasks);
    await this.saving(dto, () =>
      this.db.transaction(async (em) => {
        // Lock the row: a publish running at the same moment must not see half an edit.
        const current = await this.dispatches.lockForEdit(em, id);
        if (current.status !== DispatchStatus.Draft) {
          throw conflict('Công văn đã ban hành thì không sửa được. Hãy ban hành văn bản mới thay thế hoặc thu hồi văn bản này.');
        }
        checkDeadlines(dto);
        const changes = fields(dto);
        if (Object.keys(changes).length) await this.dispatches.updateFields(em, id, changes);
        await this.replaceChildren(em, id, dto);
        // The fields sent, not their values: a draft's text is long and stays readable on the dispatch.
        await this.audit.record(em, auditActor(actor), {
          action: 'dispatch.edited',
          entityType: 'dispatch',
          entityId: id,
          dispatchId: id,
          before: { number: current.number, symbol: current.symbol },
          after: { fields: Object.keys(dto).sort() },
        });
      }),
    );
  }

  private async replaceChildren(em: EntityManager, dispatchId: string, dto: UpdateDispatchDto): Promise<void> {
    if (dto.tasks) {
      await this.dispatches.replaceTasks(
        em,
        dispatchId,
        dto.tasks.map((t) => ({ number: t.number, text: t.text, channels: t.channels ?? [] })),
      );
    }
    if (dto.recipients) {
      await this.dispatches.replaceRecipients(
        em,
        dispatchId,
        dto.recipients.map((r) => toRecipientRow(dispatchId, r)),
      );
    }
  }

  /** Maps the unique index on (issuer, year, number, symbol) to a message a person can act on. */
  private async saving<T>(dto: UpdateDispatchDto, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof QueryFailedError && (e as unknown as { constraint?: string }).constraint === 'dispatches_number_uq') {
        const year = dto.issuedDate?.slice(0, 4) ?? '';
        throw conflict(
          `Số ${dto.number ?? ''}/${dto.symbol ?? ''} năm ${year} đã được đơn vị dùng cho văn bản khác. Hãy lấy số tiếp theo.`,
        );
      }
      throw e;
    }
  }
}

function fields(dto: UpdateDispatchDto): Partial<Dispatch> {
  const out: Partial<Dispatch> = {};
  const copy = <K extends keyof Dispatch & keyof UpdateDispatchDto>(k: K) => {
    if (dto[k] !== undefined) (out as Record<string, unknown>)[k] = dto[k];
  };
  for (const k of [
    'headerAuthority',
    'headerIssuer',
    'number',
    'symbol',
    'issuedPlace',
    'documentType',
    'subject',
    'body',
    'urgency',
    'addresseeLines',
    'distributionLines',
    'signerName',
    'signerRank',
    'signerTitle',
  ] as const)
    copy(k);
  if (dto.issuedDate !== undefined) {
    out.issuedDate = dto.issuedDate;
    out.issuedYear = Number(dto.issuedDate.slice(0, 4));
  }
  for (const k of ['ackDueAt', 'forwardDueAt', 'reportDueAt'] as const) if (dto[k] !== undefined) out[k] = new Date(dto[k]!);
  // A deadline is either an instant or a number of working days: setting one form clears the other.
  for (const [at, days] of [
    ['ackDueAt', 'ackDueWorkingDays'],
    ['forwardDueAt', 'forwardDueWorkingDays'],
    ['reportDueAt', 'reportDueWorkingDays'],
  ] as const) {
    if (dto[days] !== undefined) {
      out[days] = dto[days]!;
      out[at] = null;
    } else if (dto[at] !== undefined) out[days] = null;
  }
  return out;
}

export function toRecipientRow(dispatchId: string, r: RecipientDto): Partial<DispatchRecipient> {
  return { dispatchId, purpose: r.purpose, unitId: r.unitId ?? null, groupKind: r.group ?? null, scopeUnitId: r.scopeUnitId ?? null };
}

function checkTasks(tasks: TaskDto[] | undefined): void {
  if (!tasks) return;
  const numbers = tasks.map((t) => t.number);
  if (new Set(numbers).size !== numbers.length) throw invalid('Các nhiệm vụ phải có số thứ tự khác nhau.');
}

function checkDeadlines(dto: UpdateDispatchDto): void {
  for (const [at, days] of [
    ['ackDueAt', 'ackDueWorkingDays'],
    ['forwardDueAt', 'forwardDueWorkingDays'],
    ['reportDueAt', 'reportDueWorkingDays'],
  ] as const) {
    if (dto[at] && dto[days]) throw invalid(`Chỉ ghi một trong hai: ${at} (thời điểm) hoặc ${days} (số ngày làm việc), không ghi cả hai.`);
  }
  const [a, f, r] = [dto.ackDueWorkingDays, dto.forwardDueWorkingDays, dto.reportDueWorkingDays];
  if (a && f && f < a) throw invalid('Số ngày làm việc để chuyển tiếp không được ít hơn số ngày để xác nhận.');
  if (f && r && r < f) throw invalid('Số ngày làm việc để báo cáo không được ít hơn số ngày để chuyển tiếp.');
  const ack = dto.ackDueAt ? new Date(dto.ackDueAt) : undefined;
  const fwd = dto.forwardDueAt ? new Date(dto.forwardDueAt) : undefined;
  const rep = dto.reportDueAt ? new Date(dto.reportDueAt) : undefined;
  if (ack && fwd && fwd < ack) throw invalid('Hạn chuyển tiếp (forwardDueAt) không được sớm hơn hạn xác nhận (ackDueAt).');
  if (fwd && rep && rep < fwd) throw invalid('Hạn báo cáo (reportDueAt) không được sớm hơn hạn chuyển tiếp (forwardDueAt).');
  if (ack && rep && rep < ack) throw invalid('Hạn báo cáo (reportDueAt) không được sớm hơn hạn xác nhận (ackDueAt).');
}
