import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { DomainException, ErrorCode } from './domain.exception.js';
import { mapPostgresError } from './postgres-errors.js';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.OutOfScope]: HttpStatus.FORBIDDEN,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.Invalid]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Gone]: HttpStatus.GONE,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

export interface ErrorBody {
  statusCode: number;
  /** The kind of error (NOT_FOUND, CONFLICT, …). */
  error: string;
  /** What a client switches on: the feature code (DELIVERY_ALREADY_REFUSED, …), or the kind when there is none. */
  code: string;
  message: string;
  details?: unknown;
}

/** One error body shape for the whole API: {statusCode, error, code, message, details?}. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return {
        statusCode: STATUS[exception.code],
        error: exception.code,
        code: exception.featureCode,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const r = (typeof res === 'object' && res !== null ? res : { message: res }) as Record<string, unknown>;
      const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
      // Nest's own English defaults ("Unauthorized", "Forbidden resource") give way to Vietnamese.
      const isDefault =
        message === exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2') ||
        message === 'Forbidden resource' ||
        message === 'File too large';
      return {
        statusCode: status,
        error: httpErrorName(status),
        code: httpErrorName(status),
        message: (isDefault && HTTP_MESSAGES[status]) || message,
        details: r.details,
      };
    }
    const mapped = mapPostgresError(exception);
    if (mapped) {
      if (mapped.statusCode >= 500)
        this.logger.warn(`${mapped.error}: ${exception instanceof Error ? exception.message : String(exception)}`);
      return { ...mapped, code: mapped.error };
    }
    const errorId = randomUUID();
    this.logger.error(`error ${errorId}: ${exception instanceof Error ? exception.stack : String(exception)}`);
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'INTERNAL',
      code: 'INTERNAL',
      message: `Lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên mã lỗi ${errorId}.`,
      details: { errorId },
    };
  }
}

const HTTP_MESSAGES: Record<number, string> = {
  401: 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  413: 'Tệp gửi lên quá lớn so với giới hạn cho phép (MAX_UPLOAD_MB).',
  429: 'Bạn thao tác quá nhiều lần. Vui lòng chờ một phút rồi thử lại.',
};

function httpErrorName(status: number): string {
  switch (status) {
    case 400:
      return 'INVALID';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return `HTTP_${status}`;
  }
}
