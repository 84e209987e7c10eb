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
import { DeliveryRepository, DISPATCH_TRANSITIONS, DispatchAction, DispatchRepository, MessageRepository } from '@app/rollout';
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
    private readonly deliveries: DeliveryRepository,
    private readonly messages: MessageRepository,
  ) {}

  async create(actor: Actor, dispatchId: string, dto: NewVersionDto, uploads: DispatchAttachmentUpload[], ip: string | null) {
    await this.access.requireManageable(actor, dispatchId);
    if (uploads.length === 0 && dto.subject === undefined && dto.body === undefined) throw fail('NEW_VERSION_EMPTY');
    if (dto.kind === 'replacement' && uploads.length === 0) throw fail('NEW_VERSION_NEEDS_FILES');
    const stored = await Promise.all(uploads.map((u) => this.store(u)));
    const result = await this.db.transaction(async (em): Promise<NewVersionResult> => {
      // Locks the dispatch (a recall or close waits) and refuses unless it is in force.
      await this.dispatches.require(em, dispatchId, DispatchAction.NewVersion);
      const row = await this.dispatches.currentText(em, dispatchId);
      const version = row.version + 1;
      if (stored.length > 0) await this.dispatches.replaceAttachments(em, dispatchId, version, stored);
      const shas = await this.dispatches.currentAttachmentHashes(em, dispatchId);
      await this.dispatches.recordVersion(em, {
        dispatchId,
        version,
        kind: dto.kind,
        note: dto.note,
        previousSubject: row.subject,
        previousBody: row.body,
        attachmentsSha256: shas,
        createdBy: actor.userId,
      });
      await this.dispatches.setVersion(em, dispatchId, version, dto.subject ?? null, dto.body ?? null);
      const mustReacknowledge = await this.deliveries.countAcknowledgedInRollout(em, dispatchId);
      // Every unit still in the rollout gets the new version, one mail per address.
      const messages = await this.messages.writeToRollout(em, dispatchId, MessageKind.NewVersion);
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
