import { fail } from '@app/common';
import { Dispatch, DispatchAttachment, DispatchRecipient, DispatchTask, Unit } from '@app/database';
import type { DispatchStatus } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { decideDispatch, DispatchAction, DISPATCH_TRANSITIONS } from '../lifecycle/dispatch-transitions.js';
import { type Db, selectRows, updateRows } from './sql.js';

/** A draft's locked row, as an edit checks it. */
export interface DraftUnderEdit {
  status: DispatchStatus;
  issuedDate: string;
  number: number;
  symbol: string;
}

/** The deadlines and issued date a published dispatch gives the deliveries written for it. */
export interface DispatchDeadlines {
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
}

export type NewDispatchTask = Pick<DispatchTask, 'number' | 'text' | 'channels'>;
export type NewAttachment = Pick<DispatchAttachment, 'dispatchId' | 'fileName' | 'contentType' | 'sizeBytes' | 'sha256' | 'storageKey'>;

/** What a new version (văn bản thay thế, đính chính) replaces and records. */
export interface DispatchVersionRecord {
  dispatchId: string;
  version: number;
  kind: 'replacement' | 'correction';
  note: string;
  previousSubject: string;
  previousBody: string;
  attachmentsSha256: string[];
  createdBy: string;
}

/** A dispatch's rows (the dispatch, its tasks, recipient choices and attachments) and its status changes, decided by the dispatch transition table. */
@Injectable()
export class DispatchRepository {
  /** The status (and issued date), locked for the caller's transaction; null when there is no such dispatch. */
  async lock(db: Db, dispatchId: string): Promise<{ status: DispatchStatus; issuedDate: string } | null> {
    const [row] = await selectRows<{ status: DispatchStatus; issuedDate: string }>(
      db,
      `SELECT status, issued_date::text AS "issuedDate" FROM dispatches WHERE id = $1 FOR UPDATE`,
      [dispatchId],
    );
    return row ?? null;
  }

  /**
   * The status under a share lock for the caller's transaction: closing and recalling take FOR UPDATE,
   * so an action and a close never interleave. Null when there is no such dispatch.
   */
  async statusForShare(db: Db, dispatchId: string): Promise<DispatchStatus | null> {
    const [row] = await selectRows<{ status: DispatchStatus }>(db, `SELECT status FROM dispatches WHERE id = $1 FOR SHARE`, [dispatchId]);
    return row?.status ?? null;
  }

  /** The numbers of the dispatch's numbered tasks (nhiệm vụ số), in order. */
  async taskNumbers(db: Db, dispatchId: string): Promise<number[]> {
    const rows = await selectRows<{ number: number }>(db, `SELECT number FROM dispatch_tasks WHERE dispatch_id = $1 ORDER BY number`, [
      dispatchId,
    ]);
    return rows.map((r) => r.number);
  }

  /** The next free number in the issuer's register for the year (số công văn restart at 1 each year). */
  async nextNumber(db: Db, issuerUnitId: string, year: number): Promise<number> {
    const [{ next }] = await selectRows<{ next: number }>(
      db,
      `SELECT COALESCE(max(number), 0)::int + 1 AS next FROM dispatches WHERE issuer_unit_id = $1 AND issued_year = $2`,
      [issuerUnitId, year],
    );
    return next;
  }

  /**
   * Locks the dispatch and asks the table: 'move' or 'keep', or throws the catalogued refusal.
   * The caller then writes the move with `apply` in the same transaction.
   */
  async require(
    db: Db,
    dispatchId: string,
    action: DispatchAction,
  ): Promise<{ decision: 'move' | 'keep'; from: DispatchStatus; issuedDate: string }> {
    const row = await this.lock(db, dispatchId);
    if (!row) throw fail('NOT_FOUND');
    const decision = decideDispatch(action, row.status);
    if (decision.outcome === 'refuse') throw fail(decision.code as 'CONFLICT');
    return { decision: decision.outcome, from: row.status, issuedDate: row.issuedDate };
  }

  /** Writes the table's move; the status condition makes a move the table does not list impossible. */
  async apply(db: Db, dispatchId: string, action: DispatchAction, at: Date = new Date()): Promise<void> {
    const t = DISPATCH_TRANSITIONS[action];
    const publishedAt = action === DispatchAction.Publish ? ', published_at = $4' : '';
    const { count } = await updateRows(
      db,
      `UPDATE dispatches SET status = $2, updated_at = now()${publishedAt} WHERE id = $1 AND status = ANY($3::text[])`,
      action === DispatchAction.Publish ? [dispatchId, t.to, t.moves, at] : [dispatchId, t.to, t.moves],
    );
    if (count !== 1) throw fail('CONFLICT');
  }

  /** The dispatch with its issuing unit (what every access check starts from); null when there is none. */
  async withIssuer(db: Db, dispatchId: string): Promise<{ dispatch: Dispatch; issuer: Unit } | null> {
    const dispatch = await db.getRepository(Dispatch).findOne({ where: { id: dispatchId }, relations: { issuerUnit: true } });
    // issuer_unit_id is NOT NULL with a foreign key: the relation loaded is always there.
    return dispatch ? { dispatch, issuer: dispatch.issuerUnit! } : null;
  }

  /** A new draft; its id. */
  async insertDraft(db: Db, draft: Partial<Dispatch>): Promise<string> {
    const { id } = await db.getRepository(Dispatch).save(draft);
    return id;
  }

  /** The draft locked for an edit: a publish running at the same moment must not see half an edit. */
  async lockForEdit(db: Db, dispatchId: string): Promise<DraftUnderEdit> {
    const [row] = await selectRows<DraftUnderEdit>(
      db,
      `SELECT status, issued_date::text AS "issuedDate", number, symbol FROM dispatches WHERE id = $1 FOR UPDATE`,
      [dispatchId],
    );
    return row;
  }

  async updateFields(db: Db, dispatchId: string, changes: Partial<Dispatch>): Promise<void> {
    await db.getRepository(Dispatch).update(dispatchId, changes);
  }

  /** Replaces the numbered tasks of a draft. */
  async replaceTasks(db: Db, dispatchId: string, tasks: NewDispatchTask[]): Promise<void> {
    await db.getRepository(DispatchTask).delete({ dispatchId });
    if (tasks.length) await db.getRepository(DispatchTask).insert(tasks.map((t) => ({ ...t, dispatchId })));
  }

  /** Replaces the recipient choices of a draft. */
  async replaceRecipients(db: Db, dispatchId: string, rows: Partial<DispatchRecipient>[]): Promise<void> {
    await db.getRepository(DispatchRecipient).delete({ dispatchId });
    if (rows.length) await db.getRepository(DispatchRecipient).insert(rows);
  }

  /** Adds recipient choices (to a published dispatch, whose earlier choices stay). */
  async addRecipients(db: Db, rows: Partial<DispatchRecipient>[]): Promise<void> {
    await db.getRepository(DispatchRecipient).insert(rows);
  }

  async recipientChoices(db: Db, dispatchId: string): Promise<DispatchRecipient[]> {
    return db.getRepository(DispatchRecipient).find({ where: { dispatchId } });
  }

  async issuedDate(db: Db, dispatchId: string): Promise<string> {
    const [row] = await selectRows<{ issuedDate: string }>(db, `SELECT issued_date::text AS "issuedDate" FROM dispatches WHERE id = $1`, [
      dispatchId,
    ]);
    return row.issuedDate;
  }

  /** Status, deadlines and issued date, locked for adding recipients in the caller's transaction. */
  async lockForRecipients(db: Db, dispatchId: string): Promise<DispatchDeadlines & { status: DispatchStatus; issuedDate: string }> {
    const [row] = await selectRows<DispatchDeadlines & { status: DispatchStatus; issuedDate: string }>(
      db,
      `SELECT status, ack_due_at AS "ackDueAt", forward_due_at AS "forwardDueAt", report_due_at AS "reportDueAt", issued_date::text AS "issuedDate"
         FROM dispatches WHERE id = $1 FOR UPDATE`,
      [dispatchId],
    );
    return row;
  }

  /** Deadlines given in working days become instants on the working-day calendar, counted from `publishedAt`. */
  async fixDeadlines(db: Db, dispatchId: string, publishedAt: Date): Promise<DispatchDeadlines> {
    const { rows } = await updateRows<DispatchDeadlines>(
      db,
      `UPDATE dispatches
          SET ack_due_at = COALESCE(working_deadline($2, ack_due_working_days), ack_due_at),
              forward_due_at = COALESCE(working_deadline($2, forward_due_working_days), forward_due_at),
              report_due_at = COALESCE(working_deadline($2, report_due_working_days), report_due_at)
        WHERE id = $1
        RETURNING ack_due_at AS "ackDueAt", forward_due_at AS "forwardDueAt", report_due_at AS "reportDueAt"`,
      [dispatchId, publishedAt],
    );
    return rows[0];
  }

  async addAttachment(db: Db, attachment: NewAttachment): Promise<DispatchAttachment> {
    return db.getRepository(DispatchAttachment).save(attachment);
  }

  /** False when the dispatch has no such attachment. */
  async removeAttachment(db: Db, dispatchId: string, attachmentId: string): Promise<boolean> {
    const { affected } = await db.getRepository(DispatchAttachment).delete({ id: attachmentId, dispatchId });
    return !!affected;
  }

  async attachment(db: Db, dispatchId: string, attachmentId: string): Promise<DispatchAttachment | null> {
    return db.getRepository(DispatchAttachment).findOneBy({ id: attachmentId, dispatchId });
  }

  /** The current version and the text it replaces. */
  async currentText(db: Db, dispatchId: string): Promise<{ version: number; subject: string; body: string }> {
    const [row] = await selectRows<{ version: number; subject: string; body: string }>(
      db,
      `SELECT version, subject, body FROM dispatches WHERE id = $1`,
      [dispatchId],
    );
    return row;
  }

  /** The current files are marked superseded by `version`, and these files are added in it (two set-based statements). */
  async replaceAttachments(db: Db, dispatchId: string, version: number, files: Omit<NewAttachment, 'dispatchId'>[]): Promise<void> {
    await updateRows(
      db,
      `UPDATE dispatch_attachments SET superseded_in_version = $2 WHERE dispatch_id = $1 AND superseded_in_version IS NULL`,
      [dispatchId, version],
    );
    await selectRows<never>(
      db,
      `INSERT INTO dispatch_attachments (dispatch_id, file_name, content_type, size_bytes, sha256, storage_key, added_in_version)
       SELECT $1, f.name, f.type, f.size, f.sha, f.key, $2
         FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[]) AS f(name, type, size, sha, key)`,
      [
        dispatchId,
        version,
        files.map((f) => f.fileName),
        files.map((f) => f.contentType),
        files.map((f) => f.sizeBytes),
        files.map((f) => f.sha256),
        files.map((f) => f.storageKey),
      ],
    );
  }

  /** The SHA-256 of the current (not superseded) files, oldest first. */
  async currentAttachmentHashes(db: Db, dispatchId: string): Promise<string[]> {
    const [{ shas }] = await selectRows<{ shas: string[] }>(
      db,
      `SELECT COALESCE(array_agg(sha256::text ORDER BY created_at), '{}') AS shas
         FROM dispatch_attachments WHERE dispatch_id = $1 AND superseded_in_version IS NULL`,
      [dispatchId],
    );
    return shas;
  }

  /** Keeps what the earlier version said (dispatch_versions). */
  async recordVersion(db: Db, v: DispatchVersionRecord): Promise<void> {
    await selectRows<never>(
      db,
      `INSERT INTO dispatch_versions (dispatch_id, version, kind, note, previous_subject, previous_body, attachments_sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [v.dispatchId, v.version, v.kind, v.note, v.previousSubject, v.previousBody, v.attachmentsSha256, v.createdBy],
    );
  }

  /** The dispatch moves to `version`; a subject or body given replaces the current one. */
  async setVersion(db: Db, dispatchId: string, version: number, subject: string | null, body: string | null): Promise<void> {
    await updateRows(
      db,
      `UPDATE dispatches SET version = $2, subject = COALESCE($3, subject), body = COALESCE($4, body), updated_at = now() WHERE id = $1`,
      [dispatchId, version, subject, body],
    );
  }

  /** The recall as first recorded (a repeated recall answers it unchanged). */
  async recallOf(db: Db, dispatchId: string): Promise<{ recalledAt: Date; reason: string }> {
    const [row] = await selectRows<{ recalledAt: Date; reason: string }>(
      db,
      `SELECT recalled_at AS "recalledAt", recall_reason AS "reason" FROM dispatches WHERE id = $1`,
      [dispatchId],
    );
    return row;
  }

  async recordRecall(db: Db, dispatchId: string, at: Date, byUserId: string, reason: string): Promise<void> {
    await updateRows(db, `UPDATE dispatches SET recalled_at = $2, recalled_by = $3, recall_reason = $4 WHERE id = $1`, [
      dispatchId,
      at,
      byUserId,
      reason,
    ]);
  }

  /** The issuer's reminder rule for this dispatch; null: the default rule. */
  async setReminderRule(db: Db, dispatchId: string, rule: object | null): Promise<void> {
    await updateRows(db, `UPDATE dispatches SET reminder_rule = $2, updated_at = now() WHERE id = $1`, [
      dispatchId,
      rule ? JSON.stringify(rule) : null,
    ]);
  }
}
