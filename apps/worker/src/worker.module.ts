import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { pinoOptions } from '@app/observability';
import { LoggerModule } from 'nestjs-pino';
import { ExportsWorkerModule } from './exports/exports-worker.module.js';
import { JobWorkers } from './jobs/job-workers.js';
import { MailWorkerModule } from './mail/mail-worker.module.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: pinoOptions(config, 'worker') }),
        DatabaseModule,
        QueueModule.forRoot(),
        DiscoveryModule,
        MailWorkerModule,
        ExportsWorkerModule,
      ],
      providers: [JobWorkers],
    };
  }
}
