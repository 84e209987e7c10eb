import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** The one error body of the api (AllExceptionsFilter). */
export class ErrorBodyDto {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ description: 'The kind of error', example: 'CONFLICT' })
  error!: string;

  @ApiProperty({
    description: 'What a client switches on: a feature code (libs/vocabulary/src/errors.vi.ts), or the kind',
    example: 'DELIVERY_ALREADY_REFUSED',
  })
  code!: string;

  @ApiProperty({ description: 'The catalogued Vietnamese message, for the person using the product' })
  message!: string;

  @ApiPropertyOptional({ description: 'Per-field problems of a 400, or the errorId of a 500', type: 'object', additionalProperties: true })
  details?: unknown;
}

/** A report read from the reports database (REPORTS_DATABASE_URL): 503 REPORTS_DATABASE_UNAVAILABLE while it cannot be reached. */
export const ApiReportsDatabaseResponse = () =>
  ApiResponse({
    status: 503,
    description: 'Cơ sở dữ liệu báo cáo tạm thời không truy cập được (code REPORTS_DATABASE_UNAVAILABLE)',
    type: ErrorBodyDto,
  });

/** A 2xx whose body is a file. */
export const ApiFileResponse = (description: string, contentType = 'application/octet-stream') =>
  ApiOkResponse({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } });

/** A page of items: { items, total, page, limit } (libs/common pagination). */
export const ApiPageResponse = <T extends Type<unknown>>(item: T, description: string) =>
  applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'limit'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer' },
          page: { type: 'integer' },
          limit: { type: 'integer' },
        },
      },
    }),
  );
