import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

export enum Environment {
  Development = 'development',
  Production = 'production',
  Test = 'test',
}

const DEV_ONLY_JWT_SECRET = 'dev-only-secret-never-use-in-production-000000';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** "true" / "false" read from the raw text: implicit conversion would turn "false" into true. */
const booleanText = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return raw === 'true' ? true : raw === 'false' ? false : raw;
};

/**
 * Every setting the api, the worker and the tools read. This is the only place that reads
 * `process.env`; a missing or malformed value stops the process with a message naming it.
 */
export class AppConfig {
  @IsEnum(Environment)
  NODE_ENV: Environment = Environment.Development;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** Empty: `npm start` runs an embedded PostgreSQL under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must look like postgres://user@host:5432/db' })
  DATABASE_URL?: string;

  /** Empty: queues run on BullMQ's PostgreSQL backend over DATABASE_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string;

  /** Prefix for queue keys, so several deployments (or test runs) can share one Redis. */
  @IsString()
  @Matches(/^[a-z0-9:_-]+$/i, { message: 'QUEUE_PREFIX may hold letters, digits, ":", "_" and "-" only' })
  QUEUE_PREFIX = 'cvt';

  /** Signs sessions and (through a derived key) the acknowledgement links. Required in production. */
  @ValidateIf((c: AppConfig) => c.NODE_ENV === Environment.Production || c.JWT_SECRET !== DEV_ONLY_JWT_SECRET)
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @Matches(new RegExp(`^(?!${DEV_ONLY_JWT_SECRET}$)`), {
    message: 'JWT_SECRET must be set in production (the development default is refused)',
  })
  JWT_SECRET: string = DEV_ONLY_JWT_SECRET;

  @IsString()
  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must look like 8h, 30m or 1d' })
  JWT_EXPIRES_IN = '8h';

  /**
   * The reverse proxies whose X-Forwarded-For the api believes, as Express's `trust proxy` takes
   * them: `loopback`, `uniquelocal` (10/8, 172.16/12, 192.168/16: a Docker network), addresses
   * or CIDRs, comma-separated, or a number of hops. Empty: none, the client is the TCP peer. Behind
   * a proxy that is not trusted, every client has the proxy's address: the login and link limits
   * then count everyone as one, and the audit records the proxy.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
    message: 'TRUST_PROXY must be a number of hops or a comma-separated list such as loopback, uniquelocal or 10.0.0.0/8',
  })
  TRUST_PROXY?: string;

  /**
   * How long an api process keeps a signed-in account in memory (0: reads it on every request).
   * Any change to the account or to a unit reaches every process at once through PostgreSQL
   * notifications, so this bounds memory, not staleness.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  ACTOR_CACHE_SECONDS: number = 60;

  /** Base of the links put in e-mails (acknowledgement links). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** smtp://user:pass@host:587 or smtps://...; empty in the local start: the built-in mail catcher. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must look like smtp://user:password@host:587' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM = '"Hệ thống theo dõi công văn" <no-reply@localhost>';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => c.ADMIN_EMAIL !== undefined || c.ADMIN_PASSWORD !== undefined)
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /**
   * Processes of the api (node:cluster workers sharing PORT): 1 runs one process, 0 one per core.
   * Each has its own database pool (20 connections), so mind the server's max_connections.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(64)
  API_WORKERS: number = 1;

  /** Embedded PostgreSQL data, uploaded files and the local mail catcher live here. */
  @IsString()
  DATA_DIR = '.data';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT: number = 54329;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  MAIL_CATCHER_PORT: number = 1025;

  /** Web page of the local start's mail catcher (http://localhost:8025), listing the mails it caught. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  MAIL_VIEWER_PORT: number = 8025;

  /** Failed logins allowed per account (from any address) in LOGIN_WINDOW_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT: number = 10;

  /** Failed logins allowed per client address (all accounts together) in LOGIN_WINDOW_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ADDRESS_LIMIT: number = 50;

  /** Distinct accounts one client address may fail to log into in LOGIN_WINDOW_SECONDS (password spraying). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_SPRAY_LIMIT: number = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS: number = 900;

  /** Attempts to create an account through one e-mail link (one delivery) per hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LINK_SIGNUP_LIMIT: number = 10;

  /** Attempts to create an account through any e-mail link from one client address per hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LINK_SIGNUP_ADDRESS_LIMIT: number = 30;

  /** Strict-Transport-Security max-age in seconds; 0 sends none. Set it only when the api is reached over HTTPS. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  HSTS_MAX_AGE: number = 0;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  MAX_UPLOAD_MB: number = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  ACK_LINK_TTL_DAYS: number = 90;

  /**
   * Mails in flight per worker process. Those that arrive together share one transaction (one
   * database connection, their rows locked while SMTP takes them) and wait their turn for one of
   * the SMTP pool's 5 connections: enough of them keep every SMTP connection busy.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  MAIL_CONCURRENCY: number = 100;

  /** Tries per e-mail before it is marked failed (exponential backoff between tries). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS: number = 10;

  /** First retry delay; each next one doubles (5 s, 10 s, 20 s, ... with the default). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  MAIL_RETRY_BASE_MS: number = 5000;

  /** How often the worker's relay looks for outbox rows left unsent. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  OUTBOX_RELAY_INTERVAL_MS: number = 30_000;

  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  /**
   * Bearer token a Prometheus server sends to read /api/metrics and the worker's /metrics.
   * Empty: /api/metrics is for signed-in admins only and the worker's /metrics is open (bind its
   * port to a private network).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** The worker's own HTTP port: /metrics and /health/live, /health/ready. 0 picks a free port. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HTTP_PORT: number = 3001;

  /** Report reads (report, dashboard, scorecard, exports) go here: a streaming replica. Default: DATABASE_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'REPORTS_DATABASE_URL must look like postgres://user@host:5432/db' })
  REPORTS_DATABASE_URL?: string;

  /** How often the worker sweeps for reminders (nhắc việc) and escalations (đôn đốc) due. 0 turns the schedule off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  FOLLOW_UP_SWEEP_INTERVAL_MS: number = 300_000;

  /** Hour (0-23, Vietnam time) from which each leader's daily digest e-mail is sent. */
  @Type(() => Number)
  @IsInt({ message: 'DIGEST_HOUR_VN must be a whole hour from 0 to 23 (Vietnam time)' })
  @Min(0, { message: 'DIGEST_HOUR_VN must be a whole hour from 0 to 23 (Vietnam time)' })
  @Max(23, { message: 'DIGEST_HOUR_VN must be a whole hour from 0 to 23 (Vietnam time)' })
  DIGEST_HOUR_VN: number = 7;

  /** false: the worker schedules no daily digest (tests run it themselves, at the instant they choose). */
  @Transform(booleanText)
  @IsBoolean({ message: 'DIGEST_ENABLED must be true or false' })
  DIGEST_ENABLED: boolean = true;

  get mailRetry() {
    return { attempts: this.MAIL_MAX_ATTEMPTS, backoffMs: this.MAIL_RETRY_BASE_MS };
  }

  get isProduction(): boolean {
    return this.NODE_ENV === Environment.Production;
  }

  get usesRedis(): boolean {
    return this.REDIS_URL !== undefined;
  }

  /** TRUST_PROXY as Express's `trust proxy` setting takes it (false: trust no proxy). */
  get trustProxy(): false | number | string[] {
    if (!this.TRUST_PROXY) return false;
    if (/^\d+$/.test(this.TRUST_PROXY)) return Number(this.TRUST_PROXY);
    return this.TRUST_PROXY.split(',').map((s) => s.trim());
  }

  get maxUploadBytes(): number {
    return this.MAX_UPLOAD_MB * 1024 * 1024;
  }
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'REDIS_URL',
    'SMTP_URL',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'METRICS_TOKEN',
    'REPORTS_DATABASE_URL',
    'TRUST_PROXY',
  ]) {
    const value = env[key];
    if (value !== undefined) raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { enableImplicitConversion: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
