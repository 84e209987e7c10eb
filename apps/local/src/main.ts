import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { startEmbeddedPostgres, startMailCatcher } from '@app/local-stack';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { CliModule } from '../../api/src/cli/cli.module.js';
import { SeedService } from '../../api/src/seed/seed.service.js';
import { publishDemoDispatch } from './demo-dispatch.js';

/**
 * `npm start`: the whole product on one machine. With no DATABASE_URL it starts an embedded
 * PostgreSQL under DATA_DIR; it migrates, seeds Nam Định and the demo accounts (outside
 * production), then runs the api and the worker as child processes and stops them together.
 * With no SMTP_URL (outside production) mail goes to a local mail catcher with a web viewer.
 */
async function main() {
  const logger = new Logger('Start');
  const config = loadConfig();
  let stopDatabase: (() => Promise<void>) | undefined;
  if (!config.DATABASE_URL) {
    const db = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT);
    config.DATABASE_URL = db.url;
    stopDatabase = db.stop;
    logger.log(`PostgreSQL nhúng đang chạy: ${db.url}`);
  }

  const ds = await new DataSource(dataSourceOptions(config)).initialize();
  const ran = await ds.runMigrations({ transaction: 'each' });
  if (ran.length) logger.log(`Đã chạy migration: ${ran.map((m) => m.name).join(', ')}`);
  await ds.destroy();

  let logins: { role: string; email: string; password: string; unit: string }[] = [];
  if (!config.isProduction) {
    const ctx = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
    const seed = ctx.get(SeedService);
    await seed.seedNamDinh();
    logins = await seed.ensureDemoAccounts();
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) await seed.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    await ctx.close();
  }

  let viewerUrl: string | undefined;
  let stopMailCatcher: (() => Promise<void>) | undefined;
  if (!config.SMTP_URL && !config.isProduction) {
    const catcher = await startMailCatcher({
      dataDir: config.DATA_DIR,
      smtpPort: config.MAIL_CATCHER_PORT,
      viewerPort: config.MAIL_VIEWER_PORT,
    });
    config.SMTP_URL = catcher.smtpUrl;
    viewerUrl = catcher.viewerUrl;
    stopMailCatcher = catcher.stop;
  }

  // Children get this process's environment plus what the start decided (database, mail).
  const env = { ...process.env, DATABASE_URL: config.DATABASE_URL, ...(config.SMTP_URL ? { SMTP_URL: config.SMTP_URL } : {}) };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const children: ChildProcess[] = [
    fork(path.resolve(here, '../../api/src/main.js'), { env, stdio: 'inherit' }),
    fork(path.resolve(here, '../../worker/src/main.js'), { env, stdio: 'inherit' }),
  ];

  const base = `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `Sẵn sàng: ${base}/api/v1  (tài liệu API: ${base}/api/docs, tình trạng: ${base}/api/health)`,
    ...(viewerUrl ? [`Hộp thư thử nghiệm (e-mail không gửi ra ngoài): ${viewerUrl}`] : []),
    ...(logins.length
      ? [
          'Tài khoản dùng thử (mật khẩu chung: ' + logins[0].password + '):',
          ...logins.map((l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(22)} ${l.unit}`),
        ]
      : []),
    '',
  ];
  setTimeout(() => console.log(lines.join('\n')), 1500).unref();
  const admin = logins.find((l) => l.role === 'admin');
  if (admin)
    publishDemoDispatch(`http://127.0.0.1:${config.PORT}`, admin).catch((e: unknown) =>
      logger.warn(`Công văn mẫu: ${(e as Error).message}`),
    );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r)))));
    await stopMailCatcher?.();
    await stopDatabase?.();
    process.exit(code);
  };
  for (const child of children) child.once('exit', (code) => void stop(code ?? 1));
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
