import { conflict, FileStore, notFound } from '@app/common';
import { ExportFormat, ExportStatus, ReportExport } from '@app/database';
import { ReportExportQueue } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, In, IsNull } from 'typeorm';
import { type Actor, hasGlobalScope } from '../../auth/actor.js';
import { ReportAccess } from '../report-access.service.js';
import type { ReportExportDto, ReportExportRequestedDto } from './dto/report-export.dto.js';

export interface ExportFile {
  stream: Readable;
  fileName: string;
  format: ExportFormat;
  sizeBytes: number;
}

/**
 * Exports of a dispatch's report: the api records the request and queues it; the worker writes
 * the file. The export covers what the requester may read (ReportAccess), frozen at request time,
 * and only the requester (or an admin) may see or download it.
 */
@Injectable()
export class ReportExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ReportAccess,
    private readonly queue: ReportExportQueue,
    private readonly files: FileStore,
  ) {}

  async request(actor: Actor, dispatchId: string, format: ExportFormat): Promise<ReportExportRequestedDto> {
    const scopePath = (await this.access.scopeFor(actor, dispatchId)) ?? null;
    const repo = this.db.getRepository(ReportExport);
    // Asking again while the same file is still being made returns that one instead of a second job.
    const pending = await repo.findOne({
      where: {
        dispatchId,
        requestedBy: actor.userId,
        format,
        scopePath: scopePath ?? IsNull(),
        status: In([ExportStatus.Queued, ExportStatus.Running]),
      },
      order: { createdAt: 'DESC' },
    });
    const row = pending ?? (await repo.save(repo.create({ dispatchId, requestedBy: actor.userId, scopePath, format })));
    if (!pending) {
      try {
        await this.queue.enqueue(row.id);
      } catch (e) {
        await repo.update(row.id, {
          status: ExportStatus.Failed,
          error: 'Không đưa được yêu cầu vào hàng đợi; hãy thử lại.',
          finishedAt: new Date(),
        });
        throw e;
      }
    }
    return { id: row.id, status: row.status, progress: row.progress };
  }

  async status(actor: Actor, exportId: string): Promise<ReportExportDto> {
    const row = await this.requireOwn(actor, exportId);
    return {
      id: row.id,
      dispatchId: row.dispatchId,
      format: row.format,
      status: row.status,
      progress: row.progress,
      rowsDone: row.rowsDone,
      rowsTotal: row.rowsTotal,
      fileName: row.fileName,
      sizeBytes: row.sizeBytes,
      error: row.error,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      downloadUrl: row.status === ExportStatus.Done ? `/api/v1/report-exports/${row.id}/download` : null,
    };
  }

  async download(actor: Actor, exportId: string): Promise<ExportFile> {
    const row = await this.requireOwn(actor, exportId);
    if (row.status === ExportStatus.Failed)
      throw conflict(`Bản xuất báo cáo bị lỗi, không có tệp để tải: ${row.error ?? ''} Hãy yêu cầu xuất lại.`.trim());
    if (row.status !== ExportStatus.Done || !row.storageKey) {
      const state = row.status === ExportStatus.Running ? `đang tạo tệp, đã xong ${row.progress}%` : 'đang chờ xử lý';
      throw conflict(`Bản xuất báo cáo chưa sẵn sàng (${state}). Hãy thử lại sau ít phút.`, { status: row.status, progress: row.progress });
    }
    return { stream: this.files.open(row.storageKey), fileName: row.fileName!, format: row.format, sizeBytes: row.sizeBytes! };
  }

  /** Another user's export answers 404, like a missing one: whether it exists is not theirs to learn. */
  private async requireOwn(actor: Actor, exportId: string): Promise<ReportExport> {
    const row = await this.db.getRepository(ReportExport).findOne({ where: { id: exportId } });
    if (!row || (row.requestedBy !== actor.userId && !hasGlobalScope(actor)))
      throw notFound(`Không tìm thấy bản xuất báo cáo ${exportId}.`);
    return row;
  }
}
