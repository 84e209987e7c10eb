import { MetricsRegistry } from '@app/observability';
import { Controller, Get, Header, UseGuards, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators.js';
import { MetricsAccessGuard } from './metrics-access.guard.js';
import { ApiFileResponse } from '../openapi/api-responses.js';

@ApiTags('operations')
@ApiBearerAuth()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  /** Prometheus exposition format. */
  @Public()
  @UseGuards(MetricsAccessGuard)
  @ApiFileResponse('Prometheus text format', 'text/plain')
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.text();
  }
}
