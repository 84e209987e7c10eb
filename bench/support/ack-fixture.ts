import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { generateUnits } from './bench-units.js';

export const ACK_BENCH_PASSWORD = 'bench-password-0000';

export interface AckFixture {
  userId: string;
  userEmail: string;
  rootUnitId: string;
  dispatchId: string;
  /** Deliveries waiting for acknowledgement, one per commune police unit, in a stable order. */
  deliveryIds: string[];
}

/**
 * `n` commune police units under one province, an issuer account at the province, and one
 * published dispatch with a delivery to each unit, sent and not yet acknowledged: what a proxy
 * acknowledgement works on.
 */
export async function ackFixture(ds: DataSource, n: number): Promise<AckFixture> {
  await generateUnits(ds, n);
  const [{ id: rootUnitId }] = await ds.query(`SELECT id FROM units WHERE code = 'BENCH-ROOT'`);
  const userEmail = 'bench-issuer@bench.example';
  const [{ id: userId }] = await ds.query(
    `INSERT INTO users (email, full_name, password_hash, role, unit_id) VALUES ($1, 'Cán bộ thử', $2, 'issuer', $3) RETURNING id`,
    [userEmail, await hash(ACK_BENCH_PASSWORD), rootUnitId],
  );
  const [{ id: dispatchId }] = await ds.query(
    `INSERT INTO dispatches (issuer_unit_id, header_issuer, number, symbol, issued_date, issued_year, issued_place, document_type, subject, body,
                             urgency, signer_name, status, published_at)
     VALUES ($1, 'CÔNG AN TỈNH THỬ', 1, 'CAT-ACK', current_date, extract(year FROM current_date), 'Thử', 'Công văn', 'V/v đo hiệu năng xác nhận',
             'Nội dung', 'thuong', 'Người ký', 'published', now())
     RETURNING id`,
    [rootUnitId],
  );
  await ds.query(
    `INSERT INTO deliveries (dispatch_id, unit_id, purpose, status, sent_at, ack_due_at, link_nonce, link_token_hash, link_expires_at, recipient_level, expects_forward)
     SELECT $1, u.id, 'action', 'sent', now(), now() + interval '3 days', substr(md5(u.id::text), 1, 32), encode(sha256(u.id::text::bytea), 'hex'),
            now() + interval '90 days', 'commune_police', false
       FROM units u WHERE u.type = 'police'`,
    [dispatchId],
  );
  await ds.query('ANALYZE');
  const rows: { id: string }[] = await ds.query(`SELECT id FROM deliveries WHERE dispatch_id = $1 ORDER BY id`, [dispatchId]);
  return { userId, userEmail, rootUnitId, dispatchId, deliveryIds: rows.map((r) => r.id) };
}
