import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './api-responses.js';

/**
 * Error answers beyond the ones every operation may give (400, 401, 403, 404, 409: apiDocumentConfig),
 * each with the one error body.
 */

/** An upload: too large (413 PAYLOAD_TOO_LARGE) or of a type not accepted (415 UNSUPPORTED_MEDIA_TYPE). */
export const ApiUploadErrorResponses = () =>
  applyDecorators(
    ApiResponse({ status: 413, description: 'Tệp quá lớn (code PAYLOAD_TOO_LARGE)', type: ErrorBodyDto }),
    ApiResponse({ status: 415, description: 'Loại tệp không được chấp nhận (code UNSUPPORTED_MEDIA_TYPE)', type: ErrorBodyDto }),
  );

/** A signed e-mail link that expired or was replaced by a newer one (410 GONE). */
export const ApiLinkGoneResponse = () =>
  ApiResponse({ status: 410, description: 'Liên kết hết hạn hoặc đã được thay bằng liên kết mới (code GONE)', type: ErrorBodyDto });
