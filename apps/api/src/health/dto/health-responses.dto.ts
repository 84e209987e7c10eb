import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** The health answers, for the OpenAPI document and the generated client. */

/** One dependency as GET /health reports it. */
export class DependencyCheckDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty() latencyMs!: number;
  @ApiPropertyOptional({ description: 'Why it is down' }) error?: string;
}

export class QueueCheckDto extends DependencyCheckDto {
  @ApiProperty({ enum: ['redis', 'postgres'], description: "The queues' backend" }) backend!: 'redis' | 'postgres';
}

/** GET /health: 200 when PostgreSQL and the queue backend answer, 503 (same body, degraded) when not. */
export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: DependencyCheckDto }) postgres!: DependencyCheckDto;
  @ApiPropertyOptional({ type: QueueCheckDto, description: 'With REDIS_URL: the Redis queue backend' }) redis?: QueueCheckDto;
  @ApiPropertyOptional({ type: QueueCheckDto, description: 'Without REDIS_URL: the PostgreSQL queue backend' }) queue?: QueueCheckDto;
  @ApiPropertyOptional({ type: DependencyCheckDto, description: 'Only with REPORTS_DATABASE_URL; it does not change the status' })
  reportsDatabase?: DependencyCheckDto;
}

/** One indicator of a Terminus probe; it may carry more fields (pid, backend, message…). */
export class ProbeIndicatorDto {
  @ApiProperty({ enum: ['up', 'degraded', 'down'] }) status!: 'up' | 'degraded' | 'down';
}

const INDICATORS = (description: string) => ({
  type: 'object' as const,
  additionalProperties: { $ref: getSchemaPath(ProbeIndicatorDto) },
  description,
});

/** GET /health/live and /health/ready (Terminus): 503 with the same body when a required indicator is down. */
@ApiExtraModels(ProbeIndicatorDto)
export class ProbeResultDto {
  @ApiProperty({ enum: ['error', 'ok', 'degraded', 'shutting_down'] }) status!: 'error' | 'ok' | 'degraded' | 'shutting_down';
  @ApiPropertyOptional(INDICATORS('The indicators up or degraded')) info?: Partial<Record<string, ProbeIndicatorDto>>;
  @ApiPropertyOptional(INDICATORS('The indicators down')) error?: Partial<Record<string, ProbeIndicatorDto>>;
  @ApiProperty(INDICATORS('Every indicator')) details!: Record<string, ProbeIndicatorDto>;
}
