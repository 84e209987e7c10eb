import { AckLinkSigner } from '@app/common';
import {
  Delivery,
  Dispatch,
  DispatchAttachment,
  DispatchStatus,
  DispatchTask,
  Message,
  MessageKind,
  MessageStatus,
  RecipientPurpose,
  Unit,
  Urgency,
} from '@app/database';
import { randomUUID } from 'node:crypto';
import { seedDispatchRow } from './seed-dispatch-row.js';
import type { TestApp } from './test-app.js';

export interface RecipientSpec {
  unitCode: string;
  purpose: RecipientPurpose;
}

export interface PublishedOutbox {
  dispatch: Dispatch;
  deliveries: (Delivery & { unit: Unit })[];
  /** One pending row per e-mail address of each recipient unit. */
  messages: Message[];
}

/** The seed's "Nơi nhận", on a few units: two acting ones, the director for report, the archive. */
export const SEED_RECIPIENTS: RecipientSpec[] = [
  { unitCode: 'UBND-366', purpose: RecipientPurpose.Coordinate },
  { unitCode: 'UBND-356', purpose: RecipientPurpose.Coordinate },
  { unitCode: 'CA-36-BGD', purpose: RecipientPurpose.Report },
  { unitCode: 'CA-36-VT', purpose: RecipientPurpose.Archive },
];

/**
 * What a publish commits, written straight to the tables: the seed dispatch (5207/CAT-PA05, issued
 * by PA05) as published, one delivery per recipient with its acknowledgement link material, and
 * one pending outbox row per address. Nothing is enqueued: tests do that as the api or relay would.
 * Needs the Nam Định units (seedNamDinh).
 */
export async function insertPublishedOutbox(
  t: TestApp,
  options: {
    recipients?: RecipientSpec[];
    number?: number;
    urgency?: Urgency;
    attachments?: Omit<DispatchAttachment, 'id' | 'dispatchId' | 'createdAt' | 'addedInVersion' | 'supersededInVersion'>[];
  } = {},
): Promise<PublishedOutbox> {
  const signer = new AckLinkSigner(t.config);
  const { tasks, ...seed } = seedDispatchRow();
  return t.db.transaction(async (em) => {
    const issuer = await em.findOneByOrFail(Unit, { code: 'CA-36-PA05' });
    const dispatch = await em.save(
      em.create(Dispatch, {
        ...seed,
        number: options.number ?? seed.number,
        urgency: options.urgency ?? seed.urgency,
        issuerUnitId: issuer.id,
        status: DispatchStatus.Published,
        publishedAt: new Date(),
      }),
    );
    await em.save(tasks.map((task) => em.create(DispatchTask, { ...task, dispatchId: dispatch.id })));
    await em.save((options.attachments ?? []).map((a) => em.create(DispatchAttachment, { ...a, dispatchId: dispatch.id })));

    const deliveries: (Delivery & { unit: Unit })[] = [];
    const messages: Message[] = [];
    const now = new Date();
    for (const r of options.recipients ?? SEED_RECIPIENTS) {
      const unit = await em.findOneByOrFail(Unit, { code: r.unitCode });
      const acting = r.purpose === RecipientPurpose.Action || r.purpose === RecipientPurpose.Coordinate;
      // The id is part of the link token, whose hash is stored: choose the id before the insert.
      const id = randomUUID();
      const linkNonce = signer.newNonce();
      const linkExpiresAt = signer.expiryFrom(now);
      const delivery = em.create(Delivery, {
        id,
        dispatchId: dispatch.id,
        unitId: unit.id,
        purpose: r.purpose,
        ackDueAt: acting ? new Date('2023-10-23T10:00:00Z') : null,
        forwardDueAt: acting ? new Date('2023-10-26T10:00:00Z') : null,
        reportDueAt: acting ? new Date('2023-11-15T10:00:00Z') : null,
        linkNonce,
        linkExpiresAt,
        linkTokenHash: signer.hash(signer.token(id, linkExpiresAt, linkNonce)),
      });
      await em.insert(Delivery, delivery);
      deliveries.push(Object.assign(delivery, { unit }));
      for (const address of unit.emails) {
        messages.push(await em.save(em.create(Message, { deliveryId: delivery.id, kind: MessageKind.Notice, toAddress: address })));
      }
    }
    return { dispatch, deliveries, messages };
  });
}

/** The rows of these messages as they are now. */
export async function messageRows(t: TestApp, ids: string[]): Promise<Message[]> {
  return t.db.getRepository(Message).createQueryBuilder('m').where('m.id IN (:...ids)', { ids }).orderBy('m.to_address').getMany();
}

/** Polls until `check` returns true (rows settle a moment after the SMTP listener sees the mail). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the worker has recorded every one of these messages as sent. */
export async function untilAllSent(t: TestApp, ids: string[], timeoutMs = 10_000): Promise<void> {
  await eventually(async () => (await messageRows(t, ids)).every((m) => m.status === MessageStatus.Sent), timeoutMs, 'rows sent');
}
