import type { DispatchAttachment } from '@app/database';
import { StreamableFile } from '@nestjs/common';
import type { Readable } from 'node:stream';

export function attachmentDownload({ attachment, stream }: { attachment: DispatchAttachment; stream: Readable }): StreamableFile {
  return new StreamableFile(stream, {
    type: attachment.contentType,
    length: attachment.sizeBytes,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
  });
}
