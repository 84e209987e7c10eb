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

/** Folders called `name` under `dir`, relative to the repository root. */
function foldersNamed(dir: string, name: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const rel = path.join(dir, e.name);
      return e.name === name ? [rel, ...foldersNamed(rel, name)] : foldersNamed(rel, name);
    });
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Where a status change of a delivery may be written: the lifecycle's library, and what only tests or measures. */
const MAY_UPDATE_DELIVERIES = ['libs/rollout', 'test', 'migrations', 'bench'];
const UPDATE_DELIVERIES = /UPDATE\s+deliveries\b/i;

/** Statements, query builders and entity repositories: what "touching a table" looks like in TypeORM. */
const TOUCHES_TABLES = /\.query\s*\(|createQueryBuilder|getRepository\s*\(|\.findOne(?:By)?(?:OrFail)?\s*\(/;

/** Files outside the usecases folders that the use cases call for their reads and checks. */
const USECASE_HELPERS = [
  'apps/api/src/activities/activity-access.ts',
  'apps/api/src/activities/link/link-activities.service.ts',
  'apps/api/src/deliveries/dispatch-in-force.ts',
  'apps/api/src/deliveries/ack-link/ack-link-workspace.service.ts',
  'apps/api/src/dispatches/recipients/recipient-resolver.ts',
  'apps/api/src/dispatches/recipients/recipient-units.service.ts',
];

/** The api's access checks, link sign-up and gauges: they read through the repositories too. */
const API_READERS = [
  'apps/api/src/access/dispatch-access.service.ts',
  'apps/api/src/access/link-signup-policy.ts',
  'apps/api/src/metrics/backlog-gauges.ts',
  'apps/api/src/reports/report-access.service.ts',
  'apps/api/src/users/link-signup/create-account-by-link.service.ts',
];

/** The api's views: what the screens read comes from the read models of libs/rollout. */
const VIEW_FOLDERS = [
  'apps/api/src/activities/views',
  'apps/api/src/deliveries/views',
  'apps/api/src/dispatches/views',
  'apps/api/src/follow-up/views',
];

/** An EntityManager or DataSource writing or reading entities directly (the use cases' names for them). */
const ENTITY_MANAGER_CALLS = /\b(?:em|manager|db)\.(?:find\w*|insert|update|delete|save|upsert|count\w*|exists\w*)\s*\(/;

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
    for (const hit of ['await em.insert(DispatchTask, rows)', 'em.find(DispatchRecipient, { where })', 'this.db.manager.delete(X, {})']) {
      expect(ENTITY_MANAGER_CALLS.test(hit)).toBe(true);
    }
    expect(ENTITY_MANAGER_CALLS.test('this.dispatches.insertTasks(em, id, tasks)')).toBe(false);
    expect(ENTITY_MANAGER_CALLS.test('await this.db.transaction(async (em) => {')).toBe(false);
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

  it("the api's use cases, and the helpers they lean on, touch no table: their SQL is in the typed repositories", () => {
    const usecases = foldersNamed('apps/api/src', 'usecases');
    // The folders this guards: if one is renamed away, the list shrinks and this fails rather than guarding nothing.
    for (const feature of ['activities', 'deliveries', 'dispatches', 'follow-up', 'reports']) {
      expect(usecases).toContain(path.join('apps/api/src', feature, 'usecases'));
    }
    const files = [...usecases.flatMap(sources), ...USECASE_HELPERS];
    const touching = files.filter((file) => TOUCHES_TABLES.test(read(file)) || ENTITY_MANAGER_CALLS.test(read(file)));
    expect(touching).toEqual([]);
  });

  it("the api's views, access checks, link sign-up and backlog gauges touch no table", () => {
    const views = VIEW_FOLDERS.flatMap(sources);
    // A folder renamed away would leave nothing to guard.
    for (const folder of VIEW_FOLDERS) expect(views.some((f) => f.startsWith(path.join(folder, path.sep)))).toBe(true);
    const touching = [...views, ...API_READERS].filter((file) => TOUCHES_TABLES.test(read(file)) || ENTITY_MANAGER_CALLS.test(read(file)));
    expect(touching).toEqual([]);
  });
});
