/**
 * How long publishing a dispatch to N units takes until its deliveries and outbox messages are
 * committed, beside a bare multi-row insert of the same rows into the same tables, in one run:
 * `npm run bench:publish -- --units 10000` (DATABASE_URL: the server to use; a throwaway database
 * is created there and dropped). The last stdout line is one JSON object.
 */
import 'reflect-metadata';
import { AckLinkSigner } from '@app/common';
import { loadConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import type { Actor } from '../apps/api/src/auth/actor.js';
import { DispatchDraftsService } from '../apps/api/src/dispatches/usecases/dispatch-drafts.service.js';
import { PublishDispatchService } from '../apps/api/src/dispatches/usecases/publish-dispatch.service.js';
import { argValue, DEFAULT_SERVER_URL, median, throwawayDatabase } from './support/bench-db.js';
import { benchAdmin, benchDraft, generateUnits } from './support/bench-units.js';

const ROUNDS = 3;
const log = (m: string) => console.error(`[bench:publish] ${m}`);

async function main() {
  const units = argValue('units', 10_000);
  const base = loadConfig();
  const db = await throwawayDatabase(base.DATABASE_URL ?? DEFAULT_SERVER_URL, 'cvt_bench_publish');
  const config = loadConfig({ ...process.env, DATABASE_URL: db.url, QUEUE_PREFIX: `bench-${Date.now()}` });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const ds = app.get(DataSource);
    log(`generating ${units} commune police units with one e-mail each`);
    await generateUnits(ds, units);
    const actor = await benchAdmin(ds);

    const bare: number[] = [];
    const publish: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await bareInsert(ds, app.get(AckLinkSigner), units, actor, round));
      const id = await app.get(DispatchDraftsService).create(actor, benchDraft(round, actor.unitId));
      const started = performance.now();
      const result = await app.get(PublishDispatchService).publish(actor, id);
      publish.push(performance.now() - started);
      if (result.deliveries !== units || result.messages !== units)
        throw new Error(`expected ${units} deliveries and messages, got ${JSON.stringify(result)}`);
      log(`round ${round + 1}: publish ${publish[round].toFixed(0)} ms, bare insert ${bare[round].toFixed(0)} ms`);
      await settle(ds);
    }
    const publishMs = Math.round(median(publish));
    const bareMs = Math.round(median(bare));
    console.log(JSON.stringify({ units, publish_ms: publishMs, bare_insert_ms: bareMs, ratio: Number((publishMs / bareMs).toFixed(2)) }));
  } finally {
    await app.close();
    await db.drop();
  }
}

/** The same rows written by hand: one INSERT for the deliveries, one for the messages, one transaction. */
async function bareInsert(ds: DataSource, signer: AckLinkSigner, n: number, actor: Actor, round: number): Promise<number> {
  const [{ id: dispatchId }] = await ds.query(
    `INSERT INTO dispatches (issuer_unit_id, header_issuer, number, symbol, issued_date, issued_year, issued_place, document_type, subject, body, urgency, signer_name, status)
     VALUES ($1, 'X', $2, 'BARE', '2026-11-28', 2026, 'X', 'Công văn', 'x', 'x', 'thuong', 'x', 'published') RETURNING id`,
    [actor.unitId, 1 + round],
  );
  const targets: { id: string; email: string }[] = await ds.query(`SELECT id, emails[1] AS email FROM units WHERE type = 'police'`);
  const expires = signer.expiryFrom(new Date());
  const ids = targets.map(() => randomUUID());
  const nonces = targets.map(() => signer.newNonce());
  const hashes = ids.map((id, i) => signer.hash(signer.token(id, expires, nonces[i])));
  const started = performance.now();
  await ds.transaction(async (em) => {
    await em.query(
      `INSERT INTO deliveries (id, dispatch_id, unit_id, purpose, ack_due_at, link_nonce, link_token_hash, link_expires_at, recipient_level, expects_forward)
       SELECT t.id, $2, t.unit_id, 'action', now(), t.nonce, t.hash, $3, 'commune_police', false FROM unnest($1::uuid[], $4::uuid[], $5::text[], $6::text[]) AS t(id, unit_id, nonce, hash)`,
      [ids, dispatchId, expires, targets.map((t) => t.id), nonces, hashes],
    );
    await em.query(`INSERT INTO messages (delivery_id, to_address) SELECT * FROM unnest($1::uuid[], $2::text[])`, [
      ids,
      targets.map((t) => t.email),
    ]);
  });
  const elapsed = performance.now() - started;
  // Clean-up, untimed. Without the foreign-key triggers: deliveries.readdressed_to_id has no index
  // (nothing deletes deliveries in the product), so checking it would scan the table once per row.
  await ds.transaction(async (em) => {
    await em.query(`SET LOCAL session_replication_role = replica`);
    await em.query(`DELETE FROM messages WHERE delivery_id IN (SELECT id FROM deliveries WHERE dispatch_id = $1)`, [dispatchId]);
    await em.query(`DELETE FROM deliveries WHERE dispatch_id = $1`, [dispatchId]);
  });
  return elapsed;
}

/** Lets the post-commit enqueue finish, so it does not run inside the next measurement. */
async function settle(ds: DataSource) {
  for (let i = 0; i < 600; i++) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM messages WHERE enqueued_at IS NULL`);
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
