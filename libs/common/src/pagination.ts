import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Deepest page a list serves: page × limit stays far inside PostgreSQL's integer OFFSET. */
export const MAX_PAGE = 100_000;
export const MAX_LIMIT = 500;

export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page phải là số nguyên' })
  @Min(1, { message: 'page nhỏ nhất là 1' })
  @Max(MAX_PAGE, { message: `page lớn nhất là ${MAX_PAGE}` })
  page = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit phải là số nguyên' })
  @Min(1, { message: 'limit nhỏ nhất là 1' })
  @Max(MAX_LIMIT, { message: `limit lớn nhất là ${MAX_LIMIT}` })
  limit = 50;

  get offset(): number {
    return (this.page - 1) * this.limit;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/**
 * The total of a page read with `count(*) OVER ()`: a page past the end has no row to carry it, so
 * only then the same query runs again for its first row (`firstRow`: the query with LIMIT 1 OFFSET 0).
 */
export async function windowTotal<R>(
  rows: R[],
  offset: number,
  countOf: (row: R) => unknown,
  firstRow: () => Promise<R[]>,
): Promise<number> {
  if (rows.length) return Number(countOf(rows[0]));
  if (offset === 0) return 0;
  const [first] = await firstRow();
  return first ? Number(countOf(first)) : 0;
}

/**
 * A page read with `count(*) OVER () AS total`, its parameters laid out as [key, limit, offset, ...filters]:
 * its rows without the window column, and the total (re-read as the first row when the page is past the end).
 * count(*) OVER () is a bigint, as text: it is the page's, not the row's.
 */
export async function pageWithWindowTotal<R extends { total: unknown }>(
  page: (params: unknown[]) => Promise<R[]>,
  params: unknown[],
  offset: number,
): Promise<{ rows: Omit<R, 'total'>[]; total: number }> {
  const rows = await page(params);
  const total = await windowTotal(
    rows,
    offset,
    (r) => r.total,
    () => page([params[0], 1, 0, ...params.slice(3)]),
  );
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}
