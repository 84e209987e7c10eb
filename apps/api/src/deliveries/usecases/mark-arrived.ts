import type { DataSource, EntityManager } from 'typeorm';

/**
 * "01 đã đến": records the first time the recipient unit opens a delivery (signed link or web).
 * Later openings change nothing; a delivery already further along keeps its status.
 */
export async function markArrived(db: DataSource | EntityManager, deliveryId: string): Promise<void> {
  await db.query(
    `UPDATE deliveries SET arrived_at = COALESCE(arrived_at, now()),
            status = CASE WHEN status IN ('pending', 'sent') THEN 'arrived' ELSE status END
      WHERE id = $1 AND (arrived_at IS NULL OR status IN ('pending', 'sent'))`,
    [deliveryId],
  );
}
