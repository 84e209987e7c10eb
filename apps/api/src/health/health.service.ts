import { AppConfig } from '@app/config';
import { QueueName } from '@app/queue';
import { ReportsDatabase } from '@app/reports';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { DependencyCheckDto, HealthReportDto, QueueCheckDto } from './dto/health-responses.dto.js';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Mail) private readonly mail: Queue,
    private readonly config: AppConfig,
    private readonly reports: ReportsDatabase,
  ) {}

  async check(): Promise<HealthReportDto> {
    const [postgres, queue] = await Promise.all([
      this.probe(() => this.db.query('SELECT 1')),
      this.probe(() => this.mail.getJobCounts('waiting')),
    ]);
    const queueReport: QueueCheckDto = { ...queue, backend: this.config.usesRedis ? 'redis' : 'postgres' };
    // A separate reports database is shown, but only reports need it: it does not change the status.
    const reportsDatabase = this.reports.separate ? await this.probe(() => this.reports.ping(2000)) : undefined;
    return {
      status: postgres.status === 'up' && queue.status === 'up' ? 'ok' : 'degraded',
      postgres,
      ...(this.config.usesRedis ? { redis: queueReport } : { queue: queueReport }),
      ...(reportsDatabase && { reportsDatabase }),
    };
  }

  private async probe(fn: () => Promise<unknown>): Promise<DependencyCheckDto> {
    const started = performance.now();
    try {
      await within(2000, fn());
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (e) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (e as Error).message };
    }
  }
}
