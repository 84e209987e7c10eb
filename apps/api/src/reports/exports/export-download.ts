import { ExportFormat } from '@app/database';
import { StreamableFile } from '@nestjs/common';
import type { ExportFile } from './report-exports.service.js';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  [ExportFormat.Xlsx]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [ExportFormat.Csv]: 'text/csv; charset=utf-8',
  [ExportFormat.Pdf]: 'application/pdf',
};

/** The stored file as an attachment; filename* (RFC 5987) so any name survives every browser. */
export function exportDownload(file: ExportFile): StreamableFile {
  return new StreamableFile(file.stream, {
    type: CONTENT_TYPE[file.format],
    length: file.sizeBytes,
    disposition: `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
