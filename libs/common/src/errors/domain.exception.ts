/** Codes of the errors business code may raise; the filter maps each to an HTTP status. */
export enum ErrorCode {
  NotFound = 'NOT_FOUND',
  OutOfScope = 'OUT_OF_SCOPE',
  Forbidden = 'FORBIDDEN',
  Conflict = 'CONFLICT',
  Invalid = 'INVALID',
  Unauthenticated = 'UNAUTHENTICATED',
  Gone = 'GONE',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
}

/** Business errors carry a code and a Vietnamese message meant for the person using the product. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export const notFound = (message: string, details?: unknown) => new DomainException(ErrorCode.NotFound, message, details);
export const conflict = (message: string, details?: unknown) => new DomainException(ErrorCode.Conflict, message, details);
export const invalid = (message: string, details?: unknown) => new DomainException(ErrorCode.Invalid, message, details);
export const forbidden = (message: string, details?: unknown) => new DomainException(ErrorCode.Forbidden, message, details);
export const outOfScope = (message = 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.') => new DomainException(ErrorCode.OutOfScope, message);
