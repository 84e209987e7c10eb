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
