import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Docker may be absent where the tests run (it is a client without an engine on the CI machine, and
 * `docker compose config` needs the compose plugin): this checks the file's shape instead, and runs
 * `docker compose config` too when it is available.
 */
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  volumes?: string[];
}

const root = new URL('../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { services } = compose;

describe('docker-compose.yml: 2 api and 2 worker replicas behind a reverse proxy, on PostgreSQL and Redis', () => {
  it('has the services of a scaled-out production stack', () => {
    expect(Object.keys(services).sort()).toEqual(
      expect.arrayContaining(['api', 'backup', 'mailpit', 'migrate', 'postgres', 'proxy', 'redis', 'worker']),
    );
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.redis.image).toMatch(/^redis:/);
    expect(services.redis.command).toEqual(expect.arrayContaining(['--maxmemory-policy', 'noeviction']));
  });

  it('runs two api and two worker replicas from the image, on the shared database, Redis and files', () => {
    for (const name of ['api', 'worker']) {
      const s = services[name];
      expect(s.deploy?.replicas).toBe(2);
      expect(s.build).toBeDefined();
      expect(s.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(s.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(s.volumes).toContain('files:/data');
      // Replicas cannot all publish one host port: only the proxy does.
      expect(s.ports).toBeUndefined();
      expect(s.depends_on?.migrate.condition).toBe('service_completed_successfully');
      expect(s.depends_on?.redis.condition).toBe('service_healthy');
    }
    expect(services.api.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(services.worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    expect(services.worker.environment?.WORKER_HTTP_PORT).toBe('3001');
    expect(services.migrate.command).toEqual(['node', 'dist/apps/api/src/cli/main.js', 'migrate']);
  });

  it('health checks use the readiness endpoints; the proxy waits for a healthy api', () => {
    expect(services.api.healthcheck?.test.join(' ')).toContain('/api/health/ready');
    expect(services.worker.healthcheck?.test.join(' ')).toContain(':3001/health/ready');
    expect(services.postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(services.redis.healthcheck?.test.join(' ')).toContain('ping');
    expect(services.proxy.healthcheck).toBeDefined();
    expect(services.proxy.depends_on?.api.condition).toBe('service_healthy');
  });

  it('the proxy is the one public entry and balances over every api replica with its readiness probe', () => {
    expect(services.proxy.image).toMatch(/^caddy:/);
    expect(services.proxy.ports).toEqual(['3000:80']);
    const mount = services.proxy.volumes?.find((v) => v.endsWith(':/etc/caddy/Caddyfile:ro'));
    expect(mount).toBeDefined();
    const caddyfile = readFileSync(new URL(mount!.split(':')[0], root), 'utf8');
    expect(caddyfile).toMatch(/reverse_proxy/);
    expect(caddyfile).toMatch(/dynamic a api 3000/);
    expect(caddyfile).toMatch(/health_uri \/api\/health\/ready/);
    expect(caddyfile).toMatch(/X-Request-Id/);
  });

  it('the monitoring and backup services mount files that exist', () => {
    for (const name of ['prometheus', 'grafana', 'backup']) {
      for (const v of services[name].volumes ?? []) {
        const source = v.split(':')[0];
        if (source.startsWith('./') && !source.startsWith('./backups')) expect(existsSync(new URL(source, root))).toBe(true);
      }
    }
    expect(services.prometheus.profiles).toEqual(['monitoring']);
    expect(services.backup.profiles).toEqual(['tools']);
  });

  const composeAvailable = (() => {
    try {
      execFileSync('docker', ['compose', 'version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  (composeAvailable ? it : it.skip)('docker compose config accepts it', () => {
    execFileSync('docker', ['compose', 'config', '--quiet'], {
      cwd: new URL('.', root).pathname,
      env: { ...process.env, JWT_SECRET: 'x'.repeat(32) },
    });
  });
});
