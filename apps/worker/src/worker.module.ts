import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthProbesModule, MetricsModule, pinoOptions } from '@app/observability';
import { LoggerModule } from 'nestjs-pino';
import { ExportsWorkerModule } from './exports/exports-worker.module.js';
import { WorkerHttpServer } from './http/worker-http.server.js';
import { FollowUpWorkerModule } from './follow-up/follow-up-worker.module.js';
import { JobWorkers } from './jobs/job-workers.js';
import { MailWorkerModule } from './mail/mail-worker.module.js';
import { WorkerMetricsModule } from './worker-metrics.module.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: pinoOptions(config, 'worker') }),
        MetricsModule.forRoot('worker'),
        WorkerMetricsModule,
        HealthProbesModule,
        DatabaseModule,
        QueueModule.forRoot(),
        DiscoveryModule,
        MailWorkerModule,
        ExportsWorkerModule,
        FollowUpWorkerModule,
      ],
      providers: [JobWorkers, WorkerHttpServer],
    };
  }
}
