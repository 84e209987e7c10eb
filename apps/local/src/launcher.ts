import { AppConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import {
  EmbeddedPostgres,
  findLeftoverPostgres,
  LocalStackError,
  type MailCatcher,
  startMailCatcher,
  stopLeftoverPostgres,
} from '@app/local-stack';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { fork } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { CliModule } from '../../api/src/cli/cli.module.js';
import { SeedService } from '../../api/src/seed/seed.service.js';
import { publishDemoDispatch } from './demo-dispatch.js';
import { MSG } from './messages.js';
import { type PortClaim, takenPorts } from './ports.js';
import { Supervisor } from './supervisor.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The whole product on one machine. With no DATABASE_URL it starts an embedded PostgreSQL under
 * DATA_DIR; it migrates, seeds Nam Định and the demo accounts (outside production), then runs the
 * api and the worker as supervised child processes (restarted if they die). With no SMTP_URL
 * (outside production) mail goes to a local mail catcher with a web viewer. SIGINT or SIGTERM
 * stops the children, the mail catcher and the database, in that order, within about 10 s.
 */
export class Launcher {
  private readonly logger = new Logger('Start');
  private database?: EmbeddedPostgres;
  private catcher?: MailCatcher;
  private supervisor?: Supervisor;
  private stopped?: Promise<never>;

  constructor(private readonly config: AppConfig) {}

  async run(): Promise<void> {
    const { config } = this;
    this.handleSignals();
    this.ensureDataDir();
    const usesCatcher = !config.SMTP_URL && !config.isProduction;
    if (!config.DATABASE_URL) await this.stopLeftoverDatabase();
    await this.claimPorts(usesCatcher);
    mkdirSync(this.runDir, { recursive: true });
    writeFileSync(this.launcherPidFile, `${process.pid}\n`);

    if (!config.DATABASE_URL) {
      this.database = new EmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
      config.DATABASE_URL = await this.database.start();
      void this.database.exited.then(() => {
        if (this.stopping) return;
        this.logger.error(MSG.databaseDied);
        void this.shutdown(1);
      });
    }

    const ds = await new DataSource(dataSourceOptions(config)).initialize();
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      if (ran.length) this.logger.log(`Đã chạy migration: ${ran.map((m) => m.name).join(', ')}`);
    } finally {
      await ds.destroy();
    }
    const logins = config.isProduction ? [] : await this.seed();

    let viewerUrl: string | undefined;
    if (usesCatcher) {
      this.catcher = await startMailCatcher({
        dataDir: config.DATA_DIR,
        smtpPort: config.MAIL_CATCHER_PORT,
        viewerPort: config.MAIL_VIEWER_PORT,
      });
      config.SMTP_URL = this.catcher.smtpUrl;
      viewerUrl = this.catcher.viewerUrl;
    }
    if (this.stopping) return;

    // Children get this process's environment plus what the start decided (database, mail).
    // On a laptop the terminal is for people: the children log warnings and errors only, unless
    // LOG_LEVEL says otherwise (their JSON request log is for operators in production).
    const env = {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATABASE_URL: config.DATABASE_URL,
      ...(config.SMTP_URL ? { SMTP_URL: config.SMTP_URL } : {}),
    };
    const entry = (app: string) => path.resolve(here, `../../${app}/src/main.js`);
    const child = (app: string) => ({ name: app, start: () => fork(path.join(here, 'child.js'), [entry(app)], { env, stdio: 'inherit' }) });
    this.supervisor = new Supervisor([child('api'), child('worker')], {
      runDir: this.runDir,
      log: this.logger,
      onGiveUp: () => void this.shutdown(1),
    });
    this.supervisor.start();

    const base = `http://localhost:${config.PORT}`;
    const emailWidth = Math.max(0, ...logins.map((l) => l.email.length));
    const lines = [
      '',
      `Sẵn sàng: ${base}/  (API: ${base}/api/v1, tài liệu API: ${base}/api/docs, tình trạng: ${base}/api/health)`,
      ...(viewerUrl ? [`Hộp thư thử nghiệm (e-mail không gửi ra ngoài): ${viewerUrl}`] : []),
      ...(logins.length
        ? [
            'Tài khoản dùng thử (mật khẩu chung: ' + logins[0].password + '):',
            ...logins.map((l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(emailWidth)} ${l.unit}`),
          ]
        : []),
      '',
    ];
    setTimeout(() => console.log(lines.join('\n')), 1500).unref();
    const admin = logins.find((l) => l.role === 'admin');
    if (admin)
      publishDemoDispatch(`http://127.0.0.1:${config.PORT}`, admin).catch((e: unknown) =>
        this.logger.warn(`Công văn mẫu: ${(e as Error).message}`),
      );
  }

  get stopping(): boolean {
    return this.stopped !== undefined;
  }

  /** Stops the children, then the mail catcher, then the database, and exits with `code`. */
  shutdown(code: number): Promise<never> {
    this.stopped ??= (async () => {
      await this.supervisor?.stop();
      await this.catcher?.stop();
      await this.database?.stop();
      if (readPid(this.launcherPidFile) === process.pid) rmSync(this.launcherPidFile, { force: true });
      if (this.supervisor || this.database || this.catcher) this.logger.log(MSG.stopped);
      // Whatever else is still pending (a seed, a demo publish) ends with the process.
      process.exit(code);
    })();
    return this.stopped;
  }

  private handleSignals(): void {
    let first: number | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (first === undefined) {
        first = Date.now();
        this.logger.log(MSG.stopping(signal));
        void this.shutdown(0);
        return;
      }
      // A Ctrl-C reaches the launcher twice at once: from the terminal (whole process group) and
      // forwarded by npm. Only a signal a person sends later means "stop now".
      if (Date.now() - first < 1000) return;
      this.logger.warn(MSG.forced);
      this.supervisor?.kill();
      this.database?.kill();
      process.exit(130);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  /** DATA_DIR must be a folder this user can write: said once, clearly, rather than as a failed mkdir. */
  private ensureDataDir(): void {
    const dir = path.resolve(this.config.DATA_DIR);
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK | constants.X_OK);
    } catch (e) {
      throw new LocalStackError(MSG.dataDirUnusable.vi(dir, (e as Error).message), MSG.dataDirUnusable.en(dir));
    }
  }

  private get runDir(): string {
    return path.resolve(this.config.DATA_DIR, 'run');
  }

  private get launcherPidFile(): string {
    return path.join(this.runDir, 'launcher.pid');
  }

  /**
   * A launcher killed with SIGKILL leaves its embedded PostgreSQL running (the api and the worker
   * stop by themselves, see child.ts). If the launcher that owned it is gone, stop the server so
   * this start can use the port and the data; if it still runs, leave everything to it.
   */
  private async stopLeftoverDatabase(): Promise<void> {
    const owner = readPid(this.launcherPidFile);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) return;
    const leftover = findLeftoverPostgres(this.config.DATA_DIR);
    if (!leftover) return;
    this.logger.warn(MSG.leftoverDatabase(leftover.pid, leftover.dataDir));
    await stopLeftoverPostgres(leftover);
  }

  /** Every port this start will bind, checked together before anything starts. */
  private async claimPorts(usesCatcher: boolean): Promise<void> {
    const { config } = this;
    const claims: PortClaim[] = [];
    if (config.PORT !== 0) claims.push({ port: config.PORT, variable: 'PORT' });
    if (!config.DATABASE_URL) claims.push({ port: config.EMBEDDED_PG_PORT, variable: 'EMBEDDED_PG_PORT', host: '127.0.0.1' });
    if (usesCatcher)
      claims.push(
        { port: config.MAIL_CATCHER_PORT, variable: 'MAIL_CATCHER_PORT', host: '127.0.0.1' },
        { port: config.MAIL_VIEWER_PORT, variable: 'MAIL_VIEWER_PORT', host: '127.0.0.1' },
      );
    const taken = await takenPorts(claims);
    if (taken.length) {
      console.error(MSG.portsTaken(taken));
      process.exit(1);
    }
  }

  private async seed() {
    const { config } = this;
    const ctx = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
    try {
      const seed = ctx.get(SeedService);
      // Both worlds: Nam Định as in 2023 (dispatch 5207), and today's Ninh Bình (2025-07-01, two levels),
      // which absorbs Nam Định: its 2023 units are retired, kept, and linked to their successors.
      await seed.seedNamDinh();
      await seed.seedNinhBinh();
      const logins = await seed.ensureDemoAccounts({ ninhBinh: true });
      if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) await seed.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
      return logins;
    } finally {
      await ctx.close();
      // The quiet logger above is global in Nest: give the launcher its own messages back.
      Logger.overrideLogger(['log', 'warn', 'error', 'fatal']);
    }
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is just not ours to signal.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
