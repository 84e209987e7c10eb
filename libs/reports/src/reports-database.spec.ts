import { DomainException } from '@app/common';
import { loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ReportsDatabase, reportsDataSourceOptions } from './reports-database.js';

const MAIN_URL = 'postgres://app@primary:5432/cong_van';

/** A stand-in for the main DataSource that records what it was asked. */
function fakeMain() {
  const calls: [string, unknown[]][] = [];
  const main = { query: async (sql: string, params: unknown[]) => (calls.push([sql, params]), [{ from: 'main' }]) };
  return { main: main as unknown as DataSource, calls };
}

describe('ReportsDatabase', () => {
  // The warnings about the unreachable server are expected here.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'warn', 'error', 'fatal']));

  it('without REPORTS_DATABASE_URL is the main DataSource: same queries, no pool of its own', async () => {
    const { main, calls } = fakeMain();
    const reports = new ReportsDatabase(main, loadConfig({ DATABASE_URL: MAIN_URL }));
    expect(reports.separate).toBe(false);
    expect(await reports.query('SELECT $1::int AS n', [1])).toEqual([{ from: 'main' }]);
    await reports.ping(1000);
    expect(calls).toEqual([
      ['SELECT $1::int AS n', [1]],
      ['SELECT 1', undefined],
    ]);
    await reports.onApplicationShutdown();
  });

  it('with it, connects there in read-only sessions, with a pool of its own and no entities or extensions', () => {
    const url = 'postgres://reader@replica:5432/cong_van';
    const options = reportsDataSourceOptions(loadConfig({ DATABASE_URL: MAIN_URL, REPORTS_DATABASE_URL: url }), url) as unknown as Record<
      string,
      unknown
    >;
    expect(options).toMatchObject({ type: 'postgres', url, entities: [], migrations: [], installExtensions: false, synchronize: false });
    expect(options.extra).toMatchObject({
      max: 10,
      application_name: 'cong-van-tracker-reports',
      options: '-c jit=off -c default_transaction_read_only=on',
    });
  });

  it('an unreachable reports database is REPORTS_DATABASE_UNAVAILABLE for reports, never the main database', async () => {
    const { main, calls } = fakeMain();
    // Port 1: nothing listens, the connection is refused at once.
    const reports = new ReportsDatabase(
      main,
      loadConfig({ DATABASE_URL: MAIN_URL, REPORTS_DATABASE_URL: 'postgres://x@127.0.0.1:1/none' }),
    );
    expect(reports.separate).toBe(true);
    const error = await reports.query('SELECT 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ featureCode: 'REPORTS_DATABASE_UNAVAILABLE', message: expect.stringMatching(/^Cơ sở dữ liệu báo cáo/) });
    // The operator's reason, for readiness, stays the driver's own.
    await expect(reports.ping(2000)).rejects.toThrow(/ECONNREFUSED/);
    expect(calls).toEqual([]);
    await reports.onApplicationShutdown();
  });
});
