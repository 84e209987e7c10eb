import { AppConfig } from '@app/config';
import { MessageRepository } from '@app/rollout';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';
import { MailOutbox } from './mail-outbox.js';
import { QueueName } from './queue-names.js';
import { ReportExportQueue } from './report-export-queue.js';

/**
 * BullMQ on Redis when REDIS_URL is set (production), otherwise on BullMQ's PostgreSQL backend
 * over DATABASE_URL, so the local start runs the same queue code with no Redis installed.
 */
export function queueConnection(config: AppConfig): ConnectionOptions {
  if (config.REDIS_URL) {
    const url = new URL(config.REDIS_URL);
    return {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      // Commands wait for a lost Redis to come back instead of failing at once.
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
    };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  // The PostgreSQL backend takes a pg pool config; BullMQ's type only knows Redis options.
  return {
    connectionString: config.DATABASE_URL,
    migrate: true,
    schema: `bullmq_${config.QUEUE_PREFIX.replace(/[^a-z0-9_]/gi, '_')}`,
  } as never;
}

@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ connection: queueConnection(config), prefix: config.QUEUE_PREFIX }),
        }),
        BullModule.registerQueue({ name: QueueName.Mail }, { name: QueueName.Reports }, { name: QueueName.FollowUp }),
      ],
      // The outbox's SQL lives in libs/rollout (MessageRepository); this library only talks to the queue.
      providers: [MessageRepository, MailOutbox, ReportExportQueue],
      exports: [BullModule, MailOutbox, ReportExportQueue],
    };
  }
}
