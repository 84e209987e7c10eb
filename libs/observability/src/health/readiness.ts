import { AppConfig } from '@app/config';
import { smtpOptions } from '@app/mail';
import { QueueName } from '@app/queue';
import { ReportsDatabase } from '@app/reports';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';

const PROBE_TIMEOUT_MS = 2_000;
const SMTP_TIMEOUT_MS = 3_000;
/** A probe every few seconds from each orchestrator must not open an SMTP session each time. */
const SMTP_CACHE_MS = 30_000;

/**
 * Readiness of an api or a worker (@nestjs/terminus): the database and the queue backend must
 * answer, or the process is not ready (503). SMTP reachability is only a warning: the outbox keeps
 * the e-mails and the worker retries, so a mail relay outage must not take the api out of the
 * balancer. It turns the report "degraded" (still 200). So does a separate reports database
 * (REPORTS_DATABASE_URL) that does not answer: only reports need it, and they answer 503 meanwhile.
 */
@Injectable()
export class Readiness {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly typeorm: TypeOrmHealthIndicator,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Mail) private readonly mail: Queue,
    private readonly reports: ReportsDatabase,
  ) {}

  /** Liveness: the event loop answers. Nothing external, so a database outage never restarts the process. */
  live() {
    return this.health.check([
      () => this.indicators.check('process').up({ pid: process.pid, uptimeSeconds: Math.round(process.uptime()) }),
    ]);
  }

  ready() {
    return this.health.check([
      () => this.typeorm.pingCheck('database', { timeout: PROBE_TIMEOUT_MS }),
      () =>
        this.indicators
          .check('queue')
          .attempt(async () => {
            await this.mail.getJobCounts('waiting');
            return { backend: this.config.usesRedis ? 'redis' : 'postgres' };
          })
          .withTimeout(PROBE_TIMEOUT_MS),
      () => this.smtp(),
      ...(this.reports.separate ? [() => this.reportsDatabase()] : []),
    ]);
  }

  /** Only when REPORTS_DATABASE_URL is set: otherwise reports read `database`, checked above. */
  private async reportsDatabase() {
    const session = this.indicators.check('reportsDatabase');
    try {
      await this.reports.ping(PROBE_TIMEOUT_MS);
      return session.up({ separate: true });
    } catch (e) {
      return session.degraded({ separate: true, message: (e as Error).message });
    }
  }

  private smtpCache?: { at: number; result: Promise<{ reachable: boolean; message?: string }> };

  private async smtp() {
    const session = this.indicators.check('smtp');
    if (!this.config.SMTP_URL) return session.up({ configured: false });
    if (!this.smtpCache || Date.now() - this.smtpCache.at > SMTP_CACHE_MS) {
      this.smtpCache = { at: Date.now(), result: this.verifySmtp(this.config.SMTP_URL) };
    }
    const { reachable, message } = await this.smtpCache.result;
    return reachable ? session.up({ reachable }) : session.degraded({ reachable, message: message ?? 'unreachable' });
  }

  private async verifySmtp(url: string): Promise<{ reachable: boolean; message?: string }> {
    const transport = createTransport({
      ...smtpOptions(url),
      pool: false,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    } as never);
    try {
      await transport.verify();
      return { reachable: true };
    } catch (e) {
      return { reachable: false, message: (e as Error).message };
    } finally {
      transport.close();
    }
  }
}
