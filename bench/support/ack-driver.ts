import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AckMethod } from '@app/database';
import { ACKNOWLEDGE_SQL, ACKNOWLEDGE_STATEMENT, acknowledgeInput, acknowledgeParams } from '@app/rollout';
import type { Actor } from '../../apps/api/src/auth/actor.js';

/**
 * What PostgreSQL alone does for one proxy acknowledgement: the very statement the api runs to
 * check the scope, write the acknowledgement and its audit event (ACKNOWLEDGE_SQL, imported from
 * the product, with the same parameters, prepared once per connection as the api prepares it),
 * for one acknowledgement at a time, sent straight through `pg`, with no HTTP, auth or framework in
 * between.
 */
export async function driverAcknowledge(pool: pg.Pool, actor: Actor, deliveryId: string, prepared = true): Promise<void> {
  const params = acknowledgeParams([
    acknowledgeInput(
      {
        deliveryId,
        method: AckMethod.Proxy,
        userId: actor.userId,
        name: 'Văn thư xã',
        unitId: actor.unitId,
        proxyReason: `Nhận bản giấy (ghi nhận thay bởi ${actor.fullName}, ${actor.unitName})`,
        ip: '127.0.0.1',
        userAgent: 'bench-driver',
        requestId: randomUUID(),
      },
      // An issuer of the issuing unit, as the api sees the bench's account.
      { kind: 'proxy', unitId: actor.unitId, unitPath: actor.unitPath, issuerSide: true, global: false, leader: false, provinceRoots: [] },
    ),
  ]);
  // One acknowledgement per statement and per transaction, as pgbench runs the transaction: prepared
  // under the name the api prepares it (AcknowledgementBatcher), or, for reference, parsed and
  // planned on every call, as pgbench runs a script by default (-M simple).
  const { rows } = await pool.query(
    prepared ? { name: ACKNOWLEDGE_STATEMENT, text: ACKNOWLEDGE_SQL, values: params } : { text: ACKNOWLEDGE_SQL, values: params },
  );
  if (!rows[0]?.created) throw new Error(`driver: delivery ${deliveryId} was not acknowledged`);
}
