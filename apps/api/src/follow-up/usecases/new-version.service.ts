import {
  detectContentType,
  DISPATCH_ATTACHMENT_KINDS,
  DispatchAttachmentUpload,
  DomainException,
  ErrorCode,
  FileStore,
  fail,
} from '@app/common';
import { AppConfig } from '@app/config';
import { MessageKind } from '@app/database';
import { DISPATCH_TRANSITIONS, DispatchAction, DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { DISPATCH_MAILS_WRITTEN, type DeliveriesCreatedEvent } from '../../dispatches/events.js';
import { NewVersionDto } from '../dto/follow-up.dto.js';

export interface NewVersionResult {
  dispatchId: string;
  version: number;
  kind: NewVersionDto['kind'];
  attachmentsSha256: string[];
  /** Units that had acknowledged an earlier version and must acknowledge this one. */
  mustReacknowledge: number;
  messages: number;
}

interface StoredFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

/**
 * Văn bản thay thế / đính chính: a published dispatch gets a new version (new attachments that
 * replace the current ones, and/or a corrected subject or body). What the earlier version said is
 * kept in dispatch_versions; the replaced files stay, marked superseded. Every unit still in the
 * rollout is mailed the new version; the ones that had acknowledged must acknowledge again
 * (deliveries.ack_version < dispatches.version), and each acknowledgement records the version and
 * the SHA-256 of the files it covered.
 */
@Injectable()
export class NewVersionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly files: FileStore,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly dispatches: DispatchRepository,
  ) {}

  async create(actor: Actor, dispatchId: string, dto: NewVersionDto, uploads: DispatchAttachmentUpload[], ip: string | null) {
    await this.access.requireManageable(actor, dispatchId);
    if (uploads.length === 0 && dto.subject === undefined && dto.body === undefined) throw fail('NEW_VERSION_EMPTY');
    if (dto.kind === 'replacement' && uploads.length === 0) throw fail('NEW_VERSION_NEEDS_FILES');
    const stored = await Promise.all(uploads.map((u) => this.store(u)));
    const result = await this.db.transaction(async (em): Promise<NewVersionResult> => {
      // Locks the dispatch (a recall or close waits) and refuses unless it is in force.
      await this.dispatches.require(em, dispatchId, DispatchAction.NewVersion);
      const [row] = await em.query(`SELECT version, subject, body FROM dispatches WHERE id = $1`, [dispatchId]);
      const version = (row.version as number) + 1;
      if (stored.length > 0) {
        await em.query(
          `UPDATE dispatch_attachments SET superseded_in_version = $2 WHERE dispatch_id = $1 AND superseded_in_version IS NULL`,
          [dispatchId, version],
        );
        await em.query(
          `INSERT INTO dispatch_attachments (dispatch_id, file_name, content_type, size_bytes, sha256, storage_key, added_in_version)
           SELECT $1, f.name, f.type, f.size, f.sha, f.key, $2
             FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[]) AS f(name, type, size, sha, key)`,
          [
            dispatchId,
            version,
            stored.map((f) => f.fileName),
            stored.map((f) => f.contentType),
            stored.map((f) => f.sizeBytes),
            stored.map((f) => f.sha256),
            stored.map((f) => f.storageKey),
          ],
        );
      }
      const [{ shas }] = await em.query(
        `SELECT COALESCE(array_agg(sha256::text ORDER BY created_at), '{}') AS shas
           FROM dispatch_attachments WHERE dispatch_id = $1 AND superseded_in_version IS NULL`,
        [dispatchId],
      );
      await em.query(
        `INSERT INTO dispatch_versions (dispatch_id, version, kind, note, previous_subject, previous_body, attachments_sha256, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [dispatchId, version, dto.kind, dto.note, row.subject, row.body, shas, actor.userId],
      );
      await em.query(
        `UPDATE dispatches SET version = $2, subject = COALESCE($3, subject), body = COALESCE($4, body), updated_at = now() WHERE id = $1`,
        [dispatchId, version, dto.subject ?? null, dto.body ?? null],
      );
      const [{ n: mustReacknowledge }] = await em.query(
        `SELECT count(*)::int AS n FROM deliveries WHERE dispatch_id = $1 AND acknowledged_at IS NOT NULL AND status NOT IN ('refused', 'recalled')`,
        [dispatchId],
      );
      // Every unit still in the rollout gets the new version, one mail per address.
      const [{ n: messages }] = await em.query(
        `WITH ins AS (
           INSERT INTO messages (delivery_id, kind, to_address)
           SELECT d.id, $2, lower(e.address)
             FROM deliveries d JOIN units u ON u.id = d.unit_id
             CROSS JOIN LATERAL (SELECT DISTINCT unnest(u.emails) AS address) e
            WHERE d.dispatch_id = $1 AND d.status NOT IN ('refused', 'recalled')
           RETURNING 1
         ) SELECT count(*)::int AS n FROM ins`,
        [dispatchId, MessageKind.NewVersion],
      );
      await this.audit.record(em, auditActor(actor, ip), {
        action: DISPATCH_TRANSITIONS[DispatchAction.NewVersion].auditAction,
        entityType: 'dispatch',
        entityId: dispatchId,
        dispatchId,
        before: { version: row.version },
        after: { version, kind: dto.kind, note: dto.note, attachmentsSha256: shas, subjectChanged: dto.subject !== undefined },
      });
      return { dispatchId, version, kind: dto.kind, attachmentsSha256: shas, mustReacknowledge, messages };
    });
    if (result.messages > 0) this.events.emit(DISPATCH_MAILS_WRITTEN, { dispatchId } satisfies DeliveriesCreatedEvent);
    return result;
  }

  private async store(file: DispatchAttachmentUpload): Promise<StoredFile> {
    if (file.size > this.config.maxUploadBytes) {
      throw new DomainException(ErrorCode.PayloadTooLarge, `Tệp "${file.originalname}" quá lớn (tối đa ${this.config.MAX_UPLOAD_MB} MB).`);
    }
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC');
    const contentType = await detectContentType(fileName, file.buffer, DISPATCH_ATTACHMENT_KINDS);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const storageKey = await this.files.put(sha256, file.buffer);
    return { fileName, contentType, sizeBytes: file.size, sha256, storageKey };
  }
}
