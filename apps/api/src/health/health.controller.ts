import { Readiness } from '@app/observability';
import { Controller, Get, HttpCode, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/decorators.js';
import { HealthReportDto, ProbeResultDto } from './dto/health-responses.dto.js';
import { HealthService } from './health.service.js';

// swaggerDocumentation off: terminus documents a route only if it can require() the ESM-only
// @nestjs/swagger, which plain Node 20 can and Jest cannot, so `npm run openapi` and the openapi.json
// staleness test wrote two different documents (CI red). Both now see the same body, described below.
const probe = { swaggerDocumentation: false };

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly probes: Readiness,
  ) {}

  /** The summary for people and the local start: PostgreSQL and the queue backend with latencies. */
  @Public()
  @ApiOkResponse({ type: HealthReportDto, description: 'PostgreSQL and the queue backend answer' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'status degraded: the failing check says why' })
  @Get()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReportDto> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  /** For the orchestrator's liveness probe: the process answers (restart it if not). */
  @Public()
  @ApiOkResponse({ type: ProbeResultDto, description: 'Terminus: status ok, the process indicator' })
  @Get('live')
  @HealthCheck(probe)
  live(): Promise<ProbeResultDto> {
    return this.probes.live();
  }

  /** For the balancer's readiness probe: database and queue backend up (503 if not); SMTP a warning. */
  @Public()
  @ApiOkResponse({ type: ProbeResultDto, description: 'Terminus: database and queue up (SMTP only a warning)' })
  @ApiServiceUnavailableResponse({ type: ProbeResultDto, description: 'Terminus: the database or the queue is down' })
  @Get('ready')
  @HealthCheck(probe)
  ready(): Promise<ProbeResultDto> {
    return this.probes.ready();
  }
}
