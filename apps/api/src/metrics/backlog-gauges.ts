import { MetricsRegistry, registerQueueGauges } from '@app/observability';
import { QueueName } from '@app/queue';
import { MessageRepository } from '@app/rollout';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * Scrape-time gauges of the whole installation: queue depth and age (from the queue backend) and
 * the outbox backlog (from PostgreSQL: messages not yet sent, which the partial index
 * messages_pending_idx answers without reading the sent ones).
 */
@Injectable()
export class BacklogGauges implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessageRepository,
  ) {}

  onModuleInit(): void {
    const queues = Object.values(QueueName).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    registerQueueGauges(this.metrics, queues);
    const { db, messages } = this;
    let last: Promise<{ n: number; age: number | null }> | undefined;
    // Both gauges are collected together in one scrape: they share the query in flight.
    const backlog = () => (last ??= messages.pendingBacklog(db).finally(() => (last = undefined)));
    this.metrics.gauge({
      name: 'cvt_outbox_pending_messages',
      help: 'E-mails written to the outbox and not sent yet (pending), all dispatches',
      async collect() {
        this.set((await backlog()).n);
      },
    });
    this.metrics.gauge({
      name: 'cvt_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest e-mail still pending in the outbox (0 when none)',
      async collect() {
        this.set((await backlog()).age ?? 0);
      },
    });
  }
}
