/**
 * PostgreSQL errors that reach the error filter, mapped by SQLSTATE to the answer a client can act
 * on. Kept apart from the filter so the per-feature error codes can sit beside it.
 *
 * | SQLSTATE                                   | answer                                           |
 * | 23505 unique                               | 409, naming the field                            |
 * | 23503 foreign key (missing referenced row) | 404, naming the field                            |
 * | 23503 foreign key (row still referenced)   | 409                                              |
 * | 23514 check, 23502 not-null                | 400                                              |
 * | 22xxx data exceptions (out of range, invalid text, NUL byte, too long, bad date) | 400 |
 * | 40001 serialization, 40P01 deadlock        | 409, try again                                   |
 * | 08xxx, 57P0x, 53300, connection refused    | 503, the database is unreachable                 |
 */
export interface MappedError {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

interface PgLikeError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
  message?: string;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '53300', '57P01', '57P02', '57P03']);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|not queryable/i;

/** `unit_id` -> `unitId`: the field as the API names it. */
const apiField = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The column named in a detail such as `Key (unit_id)=(…) is not present in table "units".` */
function keyColumns(detail?: string): string | undefined {
  const m = detail?.match(/^Key \(([^)]+)\)=/);
  return m
    ? m[1]
        .split(',')
        .map((c) => apiField(c.trim()))
        .join(', ')
    : undefined;
}

/** The pg error inside a TypeORM QueryFailedError (or the error itself). */
function pgError(exception: unknown): PgLikeError | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const e = exception as PgLikeError & { driverError?: PgLikeError; name?: string };
  return e.driverError ?? (typeof e.code === 'string' || e.name === 'QueryFailedError' ? e : null);
}

/** The database could not be reached, or dropped the connection: nothing the request did wrong, try again later. */
export function isConnectionError(exception: unknown): boolean {
  const pg = pgError(exception);
  if (!pg) return false;
  const code = pg.code ?? '';
  return CONNECTION_CODES.has(code) || code.startsWith('08') || (!code && CONNECTION_MESSAGES.test(pg.message ?? ''));
}

export function mapPostgresError(exception: unknown): MappedError | null {
  const pg = pgError(exception);
  if (!pg) return null;
  const code = pg.code ?? '';
  if (isConnectionError(exception)) {
    return {
      statusCode: 503,
      error: 'SERVICE_UNAVAILABLE',
      message: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.',
    };
  }
  const field = keyColumns(pg.detail) ?? (pg.column ? apiField(pg.column) : undefined);
  const fieldDetails = field ? [{ field, problems: [] as string[] }] : undefined;
  switch (code) {
    case '23505':
      return withProblem(409, 'CONFLICT', field ? `Giá trị của ${field} đã tồn tại.` : 'Dữ liệu này đã tồn tại.', fieldDetails);
    case '23503':
      if (/is still referenced/.test(pg.detail ?? '')) {
        return { statusCode: 409, error: 'CONFLICT', message: 'Dữ liệu này đang được nơi khác tham chiếu nên không thể xóa hoặc đổi.' };
      }
      return withProblem(
        404,
        'NOT_FOUND',
        field ? `Không tìm thấy đối tượng mà ${field} trỏ tới.` : 'Không tìm thấy đối tượng được tham chiếu.',
        fieldDetails,
      );
    case '23514':
    case '23502':
      return withProblem(
        400,
        'INVALID',
        'Dữ liệu không hợp lệ: thiếu hoặc mâu thuẫn giữa các trường (ví dụ vừa chọn đơn vị vừa chọn nhóm).',
        fieldDetails,
      );
    case '40001':
    case '40P01':
      return { statusCode: 409, error: 'CONFLICT', message: 'Dữ liệu vừa bị thay đổi đồng thời. Vui lòng thử lại.' };
  }
  if (code.startsWith('22')) {
    return withProblem(
      400,
      'INVALID',
      'Dữ liệu không hợp lệ: số quá lớn, văn bản chứa ký tự không cho phép hoặc giá trị sai định dạng.',
      fieldDetails,
    );
  }
  return null;
}

function withProblem(statusCode: number, error: string, message: string, details?: { field: string; problems: string[] }[]): MappedError {
  return { statusCode, error, message, ...(details && { details: details.map((d) => ({ ...d, problems: [message] })) }) };
}
