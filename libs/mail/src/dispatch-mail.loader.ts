import { Delivery, Dispatch, DispatchAttachment, DispatchTask, Message, type MessageKind, type MessageStatus } from '@app/database';
import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import type { DispatchMailContext, FollowUpStep } from './dispatch-mail.types.js';

/** What one mail shares with every other mail of its dispatch. */
type DispatchParts = Pick<DispatchMailContext, 'dispatch' | 'tasks' | 'attachments' | 'issuerName'>;

/** An outbox row locked for sending, with everything its mail shows. */
export interface LockedMessage {
  status: MessageStatus;
  attempts: number;
  deliveryId: string;
  /** A reminder whose unit has done the step since the sweep wrote it (or can no longer be chased). */
  reminderMoot: boolean;
  ctx: DispatchMailContext;
}

/** Dispatches whose shared parts stay in memory; a publish to 70,000 units is one of them. */
const CACHED_DISPATCHES = 32;
const CACHE_TTL_MS = 5 * 60_000;

/** One outbox row, locked, with its delivery, recipient and forwarding unit: one query per mail. */
const LOCK_MESSAGE_SQL = `
  SELECT m.id, m.kind, m.to_address AS "toAddress", m.status, m.attempts,
         d.id AS "deliveryId", d.dispatch_id AS "dispatchId", d.purpose, d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt",
         d.report_due_at AS "reportDueAt", d.instruction, d.link_nonce AS "linkNonce", d.link_expires_at AS "linkExpiresAt",
         u.name AS "recipientName", pu.name AS "forwardedByName", x.updated_at::text AS "dispatchVersion",
         r.step AS "followStep", r.due_at AS "followDueAt", r.created_at >= r.due_at AS "followOverdue",
         r.id IS NOT NULL AND (CASE r.step WHEN 'ack' THEN d.acknowledged_at IS NOT NULL
                                           WHEN 'forward' THEN d.forwarded_at IS NOT NULL
                                           ELSE d.status IN ('in_progress', 'completed') END
                               OR d.status IN ('refused', 'recalled')) AS "reminderMoot"
    FROM messages m
    JOIN deliveries d ON d.id = m.delivery_id
    LEFT JOIN reminders r ON r.id = m.reminder_id
    JOIN units u ON u.id = d.unit_id
    JOIN dispatches x ON x.id = d.dispatch_id
    LEFT JOIN deliveries p ON p.id = d.parent_delivery_id
    LEFT JOIN units pu ON pu.id = p.unit_id
   WHERE m.id = $1
     -- An escalation names the forwarding unit's delivery but is a mail of its own (EscalationMail).
     AND m.escalation_id IS NULL
     FOR UPDATE OF m`;

type LockedRow = Pick<Message, 'id' | 'kind' | 'toAddress' | 'status' | 'attempts'> &
  Pick<Delivery, 'purpose' | 'ackDueAt' | 'forwardDueAt' | 'reportDueAt' | 'instruction' | 'linkNonce' | 'linkExpiresAt'> & {
    kind: MessageKind;
    deliveryId: string;
    dispatchId: string;
    recipientName: string;
    forwardedByName: string | null;
    dispatchVersion: string;
    followStep: FollowUpStep | null;
    followDueAt: Date | null;
    followOverdue: boolean | null;
    reminderMoot: boolean;
  };

/**
 * Reads what the e-mail of one outbox row shows, from PostgreSQL, inside the caller's transaction
 * (the worker holds the row lock while it renders and sends).
 */
@Injectable()
export class DispatchMailLoader {
  /** Shared parts per dispatch and version (updated_at), so a change to the dispatch is never served stale. */
  private readonly parts = new Map<string, { at: number; parts: Promise<DispatchParts> }>();

  /**
   * The sending path: locks the outbox row (FOR UPDATE, in the caller's transaction) and reads it
   * with its delivery in one query; the dispatch's own parts (metadata, tasks, attachments, issuer)
   * come from memory after the first mail of the dispatch. Null when the row does not exist.
   */
  async lockForSend(em: EntityManager, messageId: string): Promise<LockedMessage | null> {
    const [row] = (await em.query(LOCK_MESSAGE_SQL, [messageId])) as LockedRow[];
    if (!row) return null;
    const shared = await this.dispatchParts(em, row.dispatchId, row.dispatchVersion);
    return {
      status: row.status,
      attempts: row.attempts,
      deliveryId: row.deliveryId,
      reminderMoot: row.reminderMoot,
      ctx: {
        ...shared,
        followUp: row.followStep ? { step: row.followStep, dueAt: row.followDueAt!, overdue: row.followOverdue ?? false } : null,
        recallReason: shared.dispatch.recallReason ?? null,
        message: { id: row.id, kind: row.kind, toAddress: row.toAddress },
        delivery: {
          id: row.deliveryId,
          purpose: row.purpose,
          ackDueAt: row.ackDueAt,
          forwardDueAt: row.forwardDueAt,
          reportDueAt: row.reportDueAt,
          instruction: row.instruction,
          linkNonce: row.linkNonce,
          linkExpiresAt: row.linkExpiresAt,
        },
        recipientName: row.recipientName,
        forwardedByName: row.forwardedByName,
      },
    };
  }

  private dispatchParts(em: EntityManager, dispatchId: string, version: string): Promise<DispatchParts> {
    const key = `${dispatchId}@${version}`;
    const now = Date.now();
    const hit = this.parts.get(key);
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.parts;
    const parts = this.readDispatchParts(em, dispatchId);
    this.parts.delete(key);
    this.parts.set(key, { at: now, parts });
    // A failed read is not kept; the oldest entry goes when the map is full (a Map iterates in insertion order).
    parts.catch(() => this.parts.get(key)?.parts === parts && this.parts.delete(key));
    if (this.parts.size > CACHED_DISPATCHES) this.parts.delete(this.parts.keys().next().value!);
    return parts;
  }

  private async readDispatchParts(em: EntityManager, dispatchId: string): Promise<DispatchParts> {
    const dispatch = await em.findOneByOrFail(Dispatch, { id: dispatchId });
    const tasks = await em.find(DispatchTask, { where: { dispatchId }, order: { number: 'ASC' } });
    // Only the current version's files: a new version supersedes the earlier ones.
    const attachments = await em.find(DispatchAttachment, {
      where: { dispatchId, supersededInVersion: IsNull() },
      order: { createdAt: 'ASC', fileName: 'ASC' },
    });
    return { dispatch, tasks, attachments, issuerName: await this.issuerName(em, dispatch) };
  }

  async load(em: EntityManager, messageId: string): Promise<DispatchMailContext | null> {
    const message = await em.findOneBy(Message, { id: messageId });
    if (!message) return null;
    const delivery = await em
      .createQueryBuilder(Delivery, 'd')
      // The nonce is never selected by default: only what renders the link needs it.
      .addSelect('d.linkNonce')
      .innerJoinAndSelect('d.unit', 'u')
      .where('d.id = :id', { id: message.deliveryId })
      .getOneOrFail();
    const dispatch = await em.findOneByOrFail(Dispatch, { id: delivery.dispatchId });
    // One after another: inside a transaction they share one connection, which runs one query at a time.
    const tasks = await em.find(DispatchTask, { where: { dispatchId: dispatch.id }, order: { number: 'ASC' } });
    const attachments = await em.find(DispatchAttachment, {
      // Only the current version's files: a new version supersedes the earlier ones.
      where: { dispatchId: dispatch.id, supersededInVersion: IsNull() },
      order: { createdAt: 'ASC', fileName: 'ASC' },
    });
    const issuerName = await this.issuerName(em, dispatch);
    const forwardedByName = await this.forwardedByName(em, delivery.parentDeliveryId);
    const followUp = await this.followUp(em, message.reminderId);
    return {
      followUp,
      recallReason: dispatch.recallReason,
      message,
      delivery,
      dispatch,
      tasks,
      attachments,
      recipientName: delivery.unit!.name,
      issuerName,
      forwardedByName,
    };
  }

  /**
   * The issuing body as a reader names it. The header prints it in capitals ("CÔNG AN TỈNH NAM
   * ĐỊNH") and capitals cannot be turned back into Vietnamese sentence case (proper nouns), so we
   * take the name of the issuing unit or of its nearest ancestor whose capitals match the header
   * (PA05 drafts, "Công an tỉnh Nam Định" issues); failing that, the issuing unit's own name.
   */
  private async issuerName(em: EntityManager, dispatch: Dispatch): Promise<string> {
    const chain: { name: string }[] = await em.query(
      `SELECT a.name FROM units i
         JOIN units a ON a.id::text = ANY (string_to_array(rtrim(i.path, '.'), '.'))
        WHERE i.id = $1
        ORDER BY length(a.path) DESC`,
      [dispatch.issuerUnitId],
    );
    const header = normaliseCaps(dispatch.headerIssuer);
    return chain.find((u) => normaliseCaps(u.name) === header)?.name ?? chain[0]?.name ?? dispatch.headerIssuer;
  }

  /** The step a reminder chases, and whether its deadline had passed when the sweep wrote it. */
  private async followUp(em: EntityManager, reminderId: string | null): Promise<DispatchMailContext['followUp']> {
    if (!reminderId) return null;
    const [r]: { step: FollowUpStep; due_at: Date; created_at: Date }[] = await em.query(
      `SELECT step, due_at, created_at FROM reminders WHERE id = $1`,
      [reminderId],
    );
    return r ? { step: r.step, dueAt: r.due_at, overdue: r.created_at >= r.due_at } : null;
  }

  private async forwardedByName(em: EntityManager, parentDeliveryId: string | null): Promise<string | null> {
    if (!parentDeliveryId) return null;
    const rows: { name: string }[] = await em.query(`SELECT u.name FROM deliveries p JOIN units u ON u.id = p.unit_id WHERE p.id = $1`, [
      parentDeliveryId,
    ]);
    return rows[0]?.name ?? null;
  }
}

function normaliseCaps(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
}
