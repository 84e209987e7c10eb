import { ERRORS, type ErrorCode as CatalogueCode, type ErrorEntry, type ErrorParams, errorMessage } from '@app/vocabulary';

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
  /** A service the request needs is down for now (the reports database): try again later. */
  Unavailable = 'SERVICE_UNAVAILABLE',
}

/**
 * Business errors carry a kind (the HTTP family), a feature code a client can switch on (e.g.
 * DELIVERY_ALREADY_REFUSED; the kind itself when no feature code was given) and a Vietnamese
 * message meant for the person using the product.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly featureCode: CatalogueCode = code,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

const KIND_BY_STATUS: Record<ErrorEntry['status'], ErrorCode> = {
  400: ErrorCode.Invalid,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  410: ErrorCode.Gone,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  503: ErrorCode.Unavailable,
};

/** The exception of a catalogued code, with its catalogued message (libs/vocabulary/src/errors.vi.ts). */
export function fail<C extends CatalogueCode>(
  code: C,
  ...params: [ErrorParams<C>] extends [never] ? [details?: unknown] : [params: ErrorParams<C>, details?: unknown]
): DomainException {
  const entry = ERRORS[code];
  const needsParams = typeof entry.message === 'function';
  const message = needsParams ? errorMessage(code, ...([params[0]] as never)) : errorMessage(code, ...([] as never));
  return new DomainException(KIND_BY_STATUS[entry.status], message, needsParams ? params[1] : params[0], code);
}

export const notFound = (message: string, details?: unknown) => new DomainException(ErrorCode.NotFound, message, details);
export const conflict = (message: string, details?: unknown) => new DomainException(ErrorCode.Conflict, message, details);
export const invalid = (message: string, details?: unknown) => new DomainException(ErrorCode.Invalid, message, details);
export const forbidden = (message: string, details?: unknown) => new DomainException(ErrorCode.Forbidden, message, details);
export const outOfScope = (message = 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.') => new DomainException(ErrorCode.OutOfScope, message);
