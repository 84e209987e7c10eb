import type { DataSource } from 'typeorm';

/**
 * The acting bodies of the whole country on top of the imported areas, in a handful of
 * set-based statements: per province a UBND (with 20 departments) and a Công an; per district a
 * UBND and a Công an; per commune a UBND, a Công an and five mass organisations (~70,000 units).
 */
export async function generateBodies(db: DataSource, log: (m: string) => void): Promise<void> {
  const body = (codePrefix: string, namePrefix: string, type: string, areaLevel: string, parentSql: string) => `
    WITH src AS (
      SELECT a.id AS area_id, a.code, a.name, a.level, gen_random_uuid() AS id, (${parentSql}) AS parent_id FROM units a
       WHERE a.type = 'area' AND a.level = '${areaLevel}'
    )
    INSERT INTO units (id, code, name, search_name, type, level, parent_id, area_id, path, emails)
    SELECT s.id, '${codePrefix}' || s.code, '${namePrefix} ' || s.name, lower('${namePrefix} ' || s.code), '${type}', s.level, s.parent_id, s.area_id,
           COALESCE((SELECT p.path FROM units p WHERE p.id = s.parent_id), '') || s.id || '.', ARRAY[lower('${codePrefix}' || s.code) || '@bench.example']
      FROM src s ON CONFLICT (code) WHERE retired_on IS NULL DO NOTHING`;
  const parentBody = (prefix: string) =>
    `SELECT p.id FROM units p WHERE p.code = '${prefix}' || (SELECT pa.code FROM units pa WHERE pa.id = a.parent_id)`;
  await db.query(body('UBND-', 'UBND', 'peoples_committee', 'province', 'NULL::uuid'));
  await db.query(body('CA-', 'Công an', 'police', 'province', 'NULL::uuid'));
  await db.query(body('UBND-', 'UBND', 'peoples_committee', 'district', parentBody('UBND-')));
  await db.query(body('CA-', 'Công an', 'police', 'district', parentBody('CA-')));
  await db.query(body('UBND-', 'UBND', 'peoples_committee', 'commune', parentBody('UBND-')));
  await db.query(body('CA-', 'Công an', 'police', 'commune', `SELECT p.id FROM units p WHERE p.code = 'UBND-' || a.code`));
  for (const [code, name] of [
    ['MTTQ-', 'Ủy ban MTTQ'],
    ['HPN-', 'Hội Phụ nữ'],
    ['DTN-', 'Đoàn Thanh niên'],
    ['HND-', 'Hội Nông dân'],
    ['CCB-', 'Hội Cựu chiến binh'],
  ]) {
    await db.query(body(code, name, 'mass_organisation', 'commune', `SELECT p.id FROM units p WHERE p.code = 'UBND-' || a.code`));
  }
  await db.query(`
    WITH src AS (
      SELECT p.id AS parent_id, p.path, p.area_id, p.code, g.i, gen_random_uuid() AS id
        FROM units p CROSS JOIN generate_series(1, 20) g(i) WHERE p.type = 'peoples_committee' AND p.level = 'province'
    )
    INSERT INTO units (id, code, name, search_name, type, level, parent_id, area_id, path, emails)
    SELECT id, code || '-S' || i, 'Sở ' || i || ' ' || code, 'so ' || i, 'department', 'province', parent_id, area_id, path || id || '.', ARRAY[lower(code) || '-s' || i || '@bench.example']
      FROM src ON CONFLICT (code) WHERE retired_on IS NULL DO NOTHING`);
  await db.query('ANALYZE units');
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM units WHERE type <> 'area'`);
  log(`${n} acting units`);
}

/**
 * `count` published dispatches of `perDispatch` deliveries each, over whole subtrees of the
 * country (units taken in tree order from a rotating start), with a deterministic mix of
 * acknowledged, late, refused, forwarded and silent units, parent links along the unit tree and
 * outreach activities for a fifth of them.
 */
export async function generateRollouts(db: DataSource, count: number, perDispatch: number, log: (m: string) => void): Promise<void> {
  // A run stopped half-way leaves a partial set: start the rollouts over.
  const partial = `SELECT id FROM dispatches WHERE symbol = 'BENCH'`;
  await db.query(`DELETE FROM activities WHERE dispatch_id IN (${partial})`);
  await db.query(`DELETE FROM deliveries WHERE dispatch_id IN (${partial})`);
  await db.query(`DELETE FROM dispatches WHERE symbol = 'BENCH'`);
  const [{ id: issuer }] = await db.query(`SELECT id FROM units WHERE code = 'CA-01'`);
  const [{ n: total }] = await db.query(`SELECT count(*)::int AS n FROM units WHERE type <> 'area'`);
  for (let i = 1; i <= count; i++) {
    const [x] = await db.query(
      `INSERT INTO dispatches (issuer_unit_id, header_issuer, number, symbol, issued_date, issued_year, issued_place, document_type, subject, body,
                               urgency, signer_name, status, published_at, ack_due_at, forward_due_at, report_due_at)
       VALUES ($1, 'CÔNG AN THÀNH PHỐ HÀ NỘI', $2::int, 'BENCH', current_date - $3::int, extract(year FROM current_date - $3::int), 'Hà Nội', 'Công văn',
               'V/v công văn thử số ' || $2::text, 'Nội dung', (ARRAY['thuong','khan','thuong_khan','hoa_toc'])[1 + $2::int % 4], 'Người ký', 'published',
               now() - make_interval(days => $3::int), now() - make_interval(days => $3::int - 3), now() - make_interval(days => $3::int - 5), now() - make_interval(days => $3::int - 20))
       RETURNING id, published_at`,
      [issuer, i, 30 + (i % 60)],
    );
    const offset = Math.floor(((i - 1) * total) / count) % total;
    await db.query(
      `WITH picked AS (
         SELECT u.id AS unit_id, row_number() OVER () AS rn
           FROM (SELECT id FROM units WHERE type <> 'area' ORDER BY path OFFSET $2 LIMIT $3) u
         UNION ALL
         SELECT u.id, $3 + row_number() OVER () FROM (SELECT id FROM units WHERE type <> 'area' ORDER BY path LIMIT GREATEST(0, $3 - ($4 - $2))) u
       ),
       fate AS (SELECT unit_id, abs(hashtext(unit_id::text || $1::text)) % 100 AS f FROM picked)
       INSERT INTO deliveries (dispatch_id, unit_id, purpose, status, created_at, ack_due_at, forward_due_at, report_due_at, acknowledged_at, ack_method,
                               forwarded_at, refused_at, refusal_reason, sent_at, link_nonce, link_token_hash, link_expires_at)
       SELECT $1::uuid, unit_id, CASE WHEN f < 95 THEN 'action' ELSE 'info' END,
              CASE WHEN f < 2 THEN 'refused' WHEN f < 20 THEN 'sent' WHEN f < 50 THEN 'assigned' WHEN f < 70 THEN 'in_progress' ELSE 'accepted' END,
              $5::timestamptz, $5::timestamptz + interval '3 days', $5::timestamptz + interval '5 days', $5::timestamptz + interval '20 days',
              CASE WHEN f >= 20 THEN $5::timestamptz + make_interval(hours => (f * 7) % 120) END, CASE WHEN f >= 20 THEN 'web' END,
              CASE WHEN f >= 20 AND f < 70 THEN $5::timestamptz + make_interval(hours => 24 + f) END,
              CASE WHEN f < 2 THEN $5::timestamptz + interval '1 hour' END, CASE WHEN f < 2 THEN 'Không đúng đơn vị' END,
              $5::timestamptz, substr(md5(unit_id::text || $1::text), 1, 32), encode(sha256((unit_id::text || $1::text)::bytea), 'hex'), now() + interval '90 days'
         FROM fate`,
      [x.id, offset, perDispatch, total, x.published_at],
    );
    await db.query(
      `UPDATE deliveries c SET parent_delivery_id = p.id
         FROM units u, deliveries p
        WHERE c.dispatch_id = $1 AND u.id = c.unit_id AND p.dispatch_id = $1 AND p.unit_id = u.parent_id`,
      [x.id],
    );
    await db.query(
      `INSERT INTO activities (delivery_id, unit_id, dispatch_id, task_number, channel, occurred_on, reach, quantity)
       SELECT d.id, d.unit_id, d.dispatch_id, 1 + abs(hashtext(d.id::text)) % 3,
              (ARRAY['staff_briefing','resident_meeting','e_portal_post','facebook_post','zalo_post','mass_media','loudspeaker','bulletin_board','leaflet','other'])[1 + abs(hashtext(d.id::text)) % 10],
              current_date - 10, abs(hashtext(d.id::text)) % 2000, 1 + abs(hashtext(d.id::text)) % 5
         FROM deliveries d WHERE d.dispatch_id = $1 AND d.status = 'in_progress'`,
      [x.id],
    );
    if (i % 10 === 0) log(`${i}/${count} dispatches`);
  }
  // VACUUM as well: a table that autovacuum has visited has its visibility map set, which is what lets the
  // dashboard read deliveries from its covering index (index-only scan); a freshly bulk-loaded one has not,
  // and the planner falls back to scanning the whole table.
  await db.query('VACUUM (ANALYZE)');
}
