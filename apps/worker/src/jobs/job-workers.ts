import { JOBS_BY_QUEUE } from '@app/queue';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { assertEveryJobHandled } from './job-coverage.js';
import { JobProcessor } from './job-processor.js';

/**
 * Checks that every job name has a handler while the application initialises (the workers exist
 * by then, created `autorun: false`; this root-module provider initialises after BullModule), so a
 * gap fails the boot before anything runs: no job, no relay pass. Starts the workers once the
 * whole application is up, and stops them first on shutdown, letting running jobs finish while
 * the database is still open.
 */
@Injectable()
export class JobWorkers implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    assertEveryJobHandled(
      JOBS_BY_QUEUE,
      this.processors().map((p) => ({ queue: p.worker.name, jobs: p.handledJobNames() })),
    );
  }

  onApplicationBootstrap(): void {
    for (const p of this.processors()) {
      const concurrency = p.concurrency();
      if (concurrency !== undefined) p.worker.concurrency = concurrency;
      // run() settles only when the worker closes; its failures are reported, not left floating.
      p.worker.run().catch((e: unknown) => this.logger.error(`Worker of queue ${p.worker.name} stopped: ${(e as Error).message}`));
      this.logger.log(`Queue ${p.worker.name}: ${p.handledJobNames().join(', ')} (concurrency ${p.worker.concurrency})`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.processors().map((p) => p.worker.close()));
  }

  private processors(): JobProcessor[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor => instance instanceof JobProcessor);
  }
}
