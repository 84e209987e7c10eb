import { RecipientGroup, RecipientPurpose, Role, Urgency } from '@app/database';
import type { Actor } from '../../apps/api/src/auth/actor.js';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';

/**
 * A province area 'BENCH-ROOT' with `n` commune areas below it, and one commune police unit (with
 * one e-mail address) per commune, in two set-based statements.
 */
export async function generateUnits(ds: DataSource, n: number) {
  const rootId = randomUUID();
  await ds.query(
    `INSERT INTO units (id, code, name, search_name, type, level, path) VALUES ($1, 'BENCH-ROOT', 'Tỉnh thử', 'tinh thu', 'area', 'province', $2)`,
    [rootId, `${rootId}.`],
  );
  await ds.query(
    `WITH root AS (SELECT id, path FROM units WHERE code = 'BENCH-ROOT'),
     areas AS (
       INSERT INTO units (id, code, name, search_name, type, level, parent_id, path)
       SELECT g.id, 'A' || g.i, 'Xã ' || g.i, 'xa ' || g.i, 'area', 'commune', root.id, root.path || g.id || '.'
         FROM root, (SELECT i, gen_random_uuid() AS id FROM generate_series(1, $1) i) g
       RETURNING id, code, path
     ),
     police AS (SELECT a.*, gen_random_uuid() AS pid FROM areas a)
     INSERT INTO units (id, code, name, search_name, type, level, parent_id, area_id, path, emails)
     SELECT p.pid, 'CA-' || p.code, 'Công an ' || p.code, 'cong an', 'police', 'commune', root.id, p.id, root.path || p.pid || '.',
            ARRAY['ca-' || lower(p.code) || '@bench.example']
       FROM root, police p`,
    [n],
  );
  await ds.query('ANALYZE units');
}

/** An admin account on the bench root (generateUnits), as the services see it: the publisher of the benchmarks. */
export async function benchAdmin(ds: DataSource): Promise<Actor> {
  const [{ id: rootUnitId, path: rootPath }] = (await ds.query(`SELECT id, path FROM units WHERE code = 'BENCH-ROOT'`)) as {
    id: string;
    path: string;
  }[];
  const actor: Actor = {
    userId: randomUUID(),
    email: 'bench@local',
    fullName: 'bench',
    role: Role.Admin,
    unitId: rootUnitId,
    unitName: 'bench',
    unitPath: rootPath,
  };
  await ds.query(
    `INSERT INTO users (id, email, full_name, password_hash, role, unit_id) VALUES ($1, 'bench@local', 'bench', 'x', 'admin', $2)`,
    [actor.userId, rootUnitId],
  );
  return actor;
}

/** A draft dispatch of the bench root to every commune police unit; `round` keeps numbers distinct. */
export function benchDraft(round: number, issuerUnitId: string) {
  return {
    issuerUnitId,
    headerIssuer: 'CÔNG AN TỈNH THỬ',
    number: 1000 + round,
    symbol: 'CAT-PA05',
    issuedDate: '2026-11-28',
    issuedPlace: 'Thử',
    documentType: 'Công văn',
    subject: 'V/v đo hiệu năng ban hành',
    body: 'Nội dung',
    urgency: Urgency.Normal,
    signerName: 'Người ký',
    recipients: [{ purpose: RecipientPurpose.Action, group: RecipientGroup.AllCommunePolice }],
    ackDueAt: '2026-12-01T17:00:00+07:00',
  };
}
