import { Global, Module } from '@nestjs/common';
import { WorkerMetrics } from './worker-metrics.js';

@Global()
@Module({ providers: [WorkerMetrics], exports: [WorkerMetrics] })
export class WorkerMetricsModule {}
