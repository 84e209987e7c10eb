import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Source files (specs aside) under `dir`, relative to the repository root. */
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'dist', 'generated'].includes(e.name) ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.(spec|e2e-spec)\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Where a status change of a delivery may be written: the lifecycle's library, and what only tests or measures. */
const MAY_UPDATE_DELIVERIES = ['libs/rollout', 'test', 'migrations', 'bench'];
const UPDATE_DELIVERIES = /UPDATE\s+deliveries\b/i;

/** Statements, query builders and entity repositories: what "touching a table" looks like in TypeORM. */
const TOUCHES_TABLES = /\.query\s*\(|createQueryBuilder|getRepository\s*\(|\.findOne(?:By)?(?:OrFail)?\s*\(/;

describe('SQL lives in the typed repositories', () => {
  it('the patterns catch what they are for', () => {
    expect(UPDATE_DELIVERIES.test('WITH x AS (SELECT 1)\n  update  deliveries SET status = $2')).toBe(true);
    expect(UPDATE_DELIVERIES.test('UPDATE delivery_acknowledgements SET')).toBe(false);
    for (const hit of [
      'await em.query(`SELECT 1`)',
      'db.createQueryBuilder(Delivery, "d")',
      'em.getRepository(Message)',
      'em.findOneByOrFail(X, {})',
    ]) {
      expect(TOUCHES_TABLES.test(hit)).toBe(true);
    }
    expect(TOUCHES_TABLES.test('this.messages.pendingOfDispatch(this.db, id)')).toBe(false);
  });

  it('no UPDATE deliveries outside libs/rollout, tests, migrations and benchmarks', () => {
    const top = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !['node_modules', 'dist', 'data'].includes(e.name))
      .map((e) => e.name);
    const files = top.flatMap(sources);
    expect(files.some((f) => f.startsWith(path.join('apps', 'worker')))).toBe(true);
    const offenders = files
      .filter((file) => !MAY_UPDATE_DELIVERIES.some((dir) => file === dir || file.startsWith(path.join(dir, path.sep))))
      .filter((file) => UPDATE_DELIVERIES.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('the mail and queue libraries touch no table: they call the repositories and render what they are given', () => {
    const files = [...sources('libs/mail/src'), ...sources('libs/queue/src')];
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((file) => TOUCHES_TABLES.test(read(file)))).toEqual([]);
  });
});
