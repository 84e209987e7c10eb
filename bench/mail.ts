/**
 * Mail at the speed of SMTP: `npm run bench:mail -- --messages 5000 --rounds 2`.
 *
 * On a throwaway database it makes `--messages` commune police units with one address each and
 * starts an SMTP sink (its own process) and the worker as production runs it (its own process,
 * NODE_ENV=production, queues on Redis). Per round:
 * - a dispatch to all those units is published through the product (outbox rows, post-commit
 *   enqueue); the worker loads, renders and sends every mail; timed from the publish's commit until
 *   the sink holds the last mail;
 * - beside it, the same rendered mails (rendered beforehand, untimed) go through a bare pooled
 *   nodemailer transport with the product's SMTP options to the same sink, all at once.
 * Each round's ratio is worker msgs/s / raw msgs/s; the figures are medians over the rounds, after
 * `--warmup` (1) rounds that are run the same way and not counted.
 * The last stdout line is one JSON object.
 */
import 'reflect-metadata';
import { AckLinkSigner, FileStore } from '@app/common';
import { loadConfig } from '@app/config';
import { MessageStatus } from '@app/database';
import { DispatchMailRenderer, outboundMessageId, type RenderedMail, smtpOptions } from '@app/mail';
import { DeliveryDetailReader, DeliveryMailReader } from '@app/rollout';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { DispatchDraftsService } from '../apps/api/src/dispatches/usecases/dispatch-drafts.service.js';
import { PublishDispatchService } from '../apps/api/src/dispatches/usecases/publish-dispatch.service.js';
import { argValue, DEFAULT_SERVER_URL, median, throwawayDatabase } from './support/bench-db.js';
import { benchAdmin, benchDraft, generateUnits } from './support/bench-units.js';
import { startChild, startSmtpSink } from './support/child.js';

const log = (m: string) => console.error(`[bench:mail] ${m}`);

async function main() {
  const count = argValue('messages', 5000);
  const rounds = argValue('rounds', 2);
  const warmups = argValue('warmup', 1);
  const base = loadConfig();
  const db = await throwawayDatabase(base.DATABASE_URL ?? DEFAULT_SERVER_URL, 'cvt_bench_mail');
  const sink = await startSmtpSink();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: db.url,
    REDIS_URL: base.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-mail-${Date.now()}`,
    SMTP_URL: sink.url,
    PUBLIC_BASE_URL: 'https://congvan.bench.example',
  };
  const config = loadConfig(env);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  let worker: Awaited<ReturnType<typeof startChild>> | undefined;
  try {
    const ds = app.get(DataSource);
    log(`making ${count} units with one address each`);
    await generateUnits(ds, count);
    const actor = await benchAdmin(ds);
    worker = await startChild('apps/worker/src/main.js', env, /Worker started/, 'worker');

    const workerRuns: number[] = [];
    const rawRuns: number[] = [];
    const ratios: number[] = [];
    const cpuPerMail: number[] = [];
    // Warm-up rounds (not counted): a worker in production has long since compiled its hot paths
    // and read its connections; so has the bare sender's process by the time it is measured.
    for (let round = -warmups; round < rounds; round++) {
      const id = await app
        .get(DispatchDraftsService)
        .create(actor, { ...benchDraft(round + warmups, actor.unitId), subject: 'V/v đo hiệu năng gửi thư' });
      const sunk = sink.expect(count);
      const cpu0 = worker.cpuMs();
      const published = await app.get(PublishDispatchService).publish(actor, id);
      const t0 = performance.now();
      if (published.messages !== count) throw new Error(`expected ${count} messages, got ${published.messages}`);
      const { at } = await withinMinutes(sunk.arrived, 10, 'the worker did not send every mail (see messages.last_error)');
      const workerPerS = (count / (at - t0)) * 1000;
      await allMarkedSent(ds, id, count);
      // Load-independent: the worker's CPU per message, from the publish to the last row marked sent.
      const cpuMs = (worker.cpuMs() - cpu0) / count;

      const mails = await renderAll(
        ds,
        new DeliveryMailReader(new DeliveryDetailReader()),
        new DispatchMailRenderer(new AckLinkSigner(config), new FileStore(config)),
        id,
      );
      const rawPerS = await sendRaw(sink, config.MAIL_FROM, config.PUBLIC_BASE_URL, mails);
      const figures = `worker ${workerPerS.toFixed(0)} msgs/s, raw nodemailer ${rawPerS.toFixed(0)} msgs/s, ratio ${(workerPerS / rawPerS).toFixed(2)}, worker CPU ${cpuMs.toFixed(2)} ms per message`;
      if (round < 0) {
        log(`warm-up round (not counted): ${figures}`);
        continue;
      }
      cpuPerMail.push(cpuMs);
      workerRuns.push(workerPerS);
      rawRuns.push(rawPerS);
      ratios.push(workerPerS / rawPerS);
      log(`round ${round + 1}: ${figures}`);
    }
    console.log(
      JSON.stringify({
        bench: 'mail',
        messages: count,
        rounds,
        warmup_rounds: warmups,
        cpus: os.cpus().length,
        worker_msgs_per_s: Math.round(median(workerRuns)),
        raw_msgs_per_s: Math.round(median(rawRuns)),
        worker_peak_rss_mb: worker.peakRssMb(),
        worker_cpu_ms_per_mail: Math.round(median(cpuPerMail) * 100) / 100,
        round_ratios: ratios.map((x) => Math.round(x * 100) / 100),
        ratio: Math.round(median(ratios) * 100) / 100,
      }),
    );
  } finally {
    await worker?.stop();
    sink.stop();
    await app.close();
    await db.drop();
  }
}

function withinMinutes<T>(promise: Promise<T>, minutes: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${minutes} minutes`)), minutes * 60_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The worker marks a row sent after the SMTP server took it: wait for the last marks. */
async function allMarkedSent(ds: DataSource, dispatchId: string, count: number) {
  for (let i = 0; i < 300; i++) {
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.dispatch_id = $1 AND m.status = $2`,
      [dispatchId, MessageStatus.Sent],
    );
    if (n === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the worker did not mark every message sent');
}

type Outgoing = RenderedMail & { messageId: string; to: string };

/** Every mail of the dispatch, read and rendered by the product's reader and renderer, untimed. */
async function renderAll(
  ds: DataSource,
  reader: DeliveryMailReader,
  renderer: DispatchMailRenderer,
  dispatchId: string,
): Promise<Outgoing[]> {
  const rows: { messageId: string; kind: string; toAddress: string; deliveryId: string }[] = await ds.query(
    `SELECT m.id AS "messageId", m.kind, m.to_address AS "toAddress", d.id AS "deliveryId"
       FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.dispatch_id = $1 ORDER BY m.id`,
    [dispatchId],
  );
  const out: Outgoing[] = [];
  for (const row of rows) {
    // The worker's own read (the rows are sent by now: the lock it takes outside a transaction is harmless).
    const { mail } = (await reader.lockForSend(ds.manager, row.messageId))!;
    out.push({ ...(await renderer.render(mail)), messageId: row.messageId, to: row.toAddress });
  }
  return out;
}

async function sendRaw(
  sink: Awaited<ReturnType<typeof startSmtpSink>>,
  from: string,
  publicBaseUrl: string,
  mails: Outgoing[],
): Promise<number> {
  const transport = createTransport(smtpOptions(sink.url), { from });
  const sunk = sink.expect(mails.length);
  const t0 = performance.now();
  await Promise.all(
    mails.map((m) =>
      transport.sendMail({
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        messageId: outboundMessageId(m.messageId, publicBaseUrl),
        headers: { 'Auto-Submitted': 'auto-generated' },
      }),
    ),
  );
  const { at } = await sunk.arrived;
  transport.close();
  return (mails.length / (at - t0)) * 1000;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
