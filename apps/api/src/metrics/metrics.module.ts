import { RolloutModule } from '@app/rollout';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BacklogGauges } from './backlog-gauges.js';
import { MetricsAccessGuard } from './metrics-access.guard.js';
import { MetricsController } from './metrics.controller.js';

/** GET /api/metrics (Prometheus), and the backlog gauges. */
@Module({
  imports: [AuthModule, RolloutModule],
  controllers: [MetricsController],
  // HttpMetricsMiddleware is applied (and so instantiated, once) by AppModule.configure.
  providers: [MetricsAccessGuard, BacklogGauges],
})
export class ApiMetricsModule {}
