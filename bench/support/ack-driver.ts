import type pg from 'pg';

export interface DriverAck {
  deliveryId: string;
  userId: string;
  unitId: string;
  name: string;
  reason: string;
}

/**
 * What PostgreSQL alone does for one proxy acknowledgement: the statements the api runs to write
 * it (the conditional UPDATE of the delivery and the INSERT of its audit event, in one
 * transaction), sent straight through `pg`, with no HTTP, auth or framework in between.
 */
export async function driverAcknowledge(pool: pg.Pool, a: DriverAck): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `UPDATE deliveries d
          SET acknowledged_at = now(),
              arrived_at = COALESCE(arrived_at, now()),
              status = CASE WHEN status IN ('pending', 'sent', 'arrived') THEN 'accepted' ELSE status END,
              ack_method = $2, ack_by_user_id = $3, ack_by_name = $4, ack_by_unit_id = $5, ack_proxy_reason = $6,
              ack_ip = $7, ack_user_agent = $8,
              ack_attachments_sha256 = ARRAY(SELECT a.sha256::text FROM dispatch_attachments a WHERE a.dispatch_id = d.dispatch_id ORDER BY a.created_at)
        WHERE id = $1 AND acknowledged_at IS NULL AND status <> 'refused'
          AND EXISTS (SELECT 1 FROM dispatches x WHERE x.id = d.dispatch_id AND x.status = 'published')
        RETURNING id, status, ack_method AS method, ack_by_name AS "byName", ack_proxy_reason AS "proxyReason",
                  COALESCE(ack_attachments_sha256, '{}') AS "attachmentsSha256", dispatch_id AS "dispatchId"`,
      [a.deliveryId, 'proxy', a.userId, a.name, a.unitId, a.reason, '127.0.0.1', 'bench-driver'],
    );
    const won = rows[0] as {
      status: string;
      method: string;
      byName: string;
      proxyReason: string;
      attachmentsSha256: string[];
      dispatchId: string;
    };
    if (!won) throw new Error(`driver: delivery ${a.deliveryId} was not acknowledged`);
    await client.query(
      `INSERT INTO audit_events (actor_user_id, actor_name, actor_unit_id, ip, action, entity_type, entity_id, dispatch_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        a.userId,
        a.name,
        a.unitId,
        '127.0.0.1',
        'delivery.acknowledged',
        'delivery',
        a.deliveryId,
        won.dispatchId,
        JSON.stringify({ acknowledgedAt: null }),
        JSON.stringify({
          status: won.status,
          method: won.method,
          byName: won.byName,
          proxyReason: won.proxyReason,
          attachmentsSha256: won.attachmentsSha256,
        }),
      ],
    );
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
