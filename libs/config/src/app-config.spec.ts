import { loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('uses the defaults in development', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.usesRedis).toBe(false);
  });

  it('stops on a malformed DATABASE_URL, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('converts numbers and refuses out-of-range ones', () => {
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('refuses to run in production without a real JWT_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(40) }).isProduction).toBe(true);
  });

  it('reads the daily digest settings: an hour of the Vietnamese day, and a switch', () => {
    expect(loadConfig({}).DIGEST_HOUR_VN).toBe(7);
    expect(loadConfig({}).DIGEST_ENABLED).toBe(true);
    expect(loadConfig({ DIGEST_HOUR_VN: '0' }).DIGEST_HOUR_VN).toBe(0);
    expect(() => loadConfig({ DIGEST_HOUR_VN: '24' })).toThrow(/DIGEST_HOUR_VN must be a whole hour from 0 to 23/);
    expect(() => loadConfig({ DIGEST_HOUR_VN: '7.5' })).toThrow(/DIGEST_HOUR_VN/);
    expect(loadConfig({ DIGEST_ENABLED: 'false' }).DIGEST_ENABLED).toBe(false);
    expect(loadConfig({ DIGEST_ENABLED: 'true' }).DIGEST_ENABLED).toBe(true);
    expect(() => loadConfig({ DIGEST_ENABLED: 'yes' })).toThrow(/DIGEST_ENABLED must be true or false/);
  });
});
