import { fileTypeFromBuffer } from 'file-type';
import { DomainException, ErrorCode } from '../errors/domain.exception.js';

/** Extensions accepted for each detected type ("cfb" is the container of old .doc/.xls/.ppt). */
const DOCUMENT_TYPES: Record<string, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  cfb: ['doc', 'xls', 'ppt'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  webp: ['webp'],
  heic: ['heic'],
  mp4: ['mp4'],
};

export const DISPATCH_ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'cfb'];
export const EVIDENCE_KINDS = ['jpg', 'png', 'webp', 'heic', 'pdf', 'mp4', 'docx'];

const LEGACY_OFFICE_MIME: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/**
 * The type of an uploaded file, read from its bytes. A file whose content is not what its name
 * says (a picture named .pdf, an executable named .docx) is refused.
 */
export async function detectContentType(fileName: string, content: Buffer, allowed: string[]): Promise<string> {
  const ext = (fileName.split('.').pop() ?? '').toLowerCase();
  const detected = await fileTypeFromBuffer(content);
  const acceptedExts = allowed.flatMap((k) => DOCUMENT_TYPES[k] ?? []);
  if (!acceptedExts.includes(ext)) {
    throw new DomainException(
      ErrorCode.UnsupportedMediaType,
      `Không nhận tệp "${fileName}": chỉ nhận các loại ${acceptedExts.map((e) => '.' + e).join(', ')}.`,
    );
  }
  if (!detected || !allowed.includes(detected.ext) || !(DOCUMENT_TYPES[detected.ext] ?? []).includes(ext)) {
    const what = detected ? `tệp ${detected.ext.toUpperCase()}` : 'không xác định được';
    throw new DomainException(
      ErrorCode.UnsupportedMediaType,
      `Nội dung tệp "${fileName}" không phải .${ext} (nội dung thực tế: ${what}). Hãy chọn đúng tệp gốc.`,
    );
  }
  return detected.ext === 'cfb' ? LEGACY_OFFICE_MIME[ext] : detected.mime;
}

/** The part of an uploaded file (multer, memory storage) the services read. */
export interface DispatchAttachmentUpload {
  originalname: string;
  size: number;
  buffer: Buffer;
}
