import {
  conflict,
  DispatchAttachmentUpload,
  DomainException,
  ErrorCode,
  FileStore,
  detectContentType,
  DISPATCH_ATTACHMENT_KINDS,
  notFound,
  invalid,
  uploadFileName,
} from '@app/common';
import { AppConfig } from '@app/config';
import { DispatchAttachment, DispatchStatus } from '@app/database';
import { DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import type { DispatchAttachmentDto } from '../dto/dispatch-responses.dto.js';

/** An attachment as the api shows it: field by field, so where the file is stored (storageKey) never leaves the server. */
export const attachmentView = (a: Omit<DispatchAttachment, 'dispatch'>): DispatchAttachmentDto => ({
  id: a.id,
  dispatchId: a.dispatchId,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  addedInVersion: a.addedInVersion,
  // A row just inserted comes back without the column (no default): it is current.
  supersededInVersion: a.supersededInVersion ?? null,
  createdAt: a.createdAt,
});

/** Attachments of a draft: checked by content, stored by SHA-256, listed with size and type. */
@Injectable()
export class DispatchAttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly files: FileStore,
    private readonly config: AppConfig,
    private readonly dispatches: DispatchRepository,
  ) {}

  async add(actor: Actor, dispatchId: string, file: DispatchAttachmentUpload | undefined): Promise<DispatchAttachmentDto> {
    const { dispatch } = await this.access.requireManageable(actor, dispatchId);
    if (!file) throw invalid('Chưa có tệp đính kèm: gửi tệp trong trường "file" (multipart/form-data).');
    if (dispatch.status !== DispatchStatus.Draft) throw conflict('Công văn đã ban hành thì không thêm tệp đính kèm được.');
    if (file.size > this.config.maxUploadBytes) {
      throw new DomainException(ErrorCode.PayloadTooLarge, `Tệp "${file.originalname}" quá lớn (tối đa ${this.config.MAX_UPLOAD_MB} MB).`);
    }
    const fileName = uploadFileName(file.originalname);
    const contentType = await detectContentType(fileName, file.buffer, DISPATCH_ATTACHMENT_KINDS);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const storageKey = await this.files.put(sha256, file.buffer);
    return attachmentView(
      await this.dispatches.addAttachment(this.db, { dispatchId, fileName, contentType, sizeBytes: file.size, sha256, storageKey }),
    );
  }

  async remove(actor: Actor, dispatchId: string, attachmentId: string): Promise<void> {
    const { dispatch } = await this.access.requireManageable(actor, dispatchId);
    if (dispatch.status !== DispatchStatus.Draft) throw conflict('Công văn đã ban hành thì không gỡ tệp đính kèm được.');
    if (!(await this.dispatches.removeAttachment(this.db, dispatchId, attachmentId))) throw notFound('Không tìm thấy tệp đính kèm này.');
  }

  async open(actor: Actor, dispatchId: string, attachmentId: string): Promise<{ attachment: DispatchAttachment; stream: Readable }> {
    await this.access.requireViewable(actor, dispatchId);
    return this.openUnchecked(dispatchId, attachmentId);
  }

  /** For callers that proved access another way (the signed acknowledgement link). */
  async openUnchecked(dispatchId: string, attachmentId: string): Promise<{ attachment: DispatchAttachment; stream: Readable }> {
    const attachment = await this.dispatches.attachment(this.db, dispatchId, attachmentId);
    if (!attachment) throw notFound('Không tìm thấy tệp đính kèm này.');
    return { attachment, stream: this.files.open(attachment.storageKey) };
  }
}
