import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_URL, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 3000 and the SQLite file under ./data, and generates a secret', () => {
    const config = loadConfig({});

    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe(DEFAULT_DATABASE_URL);
    expect(config.secretGenerated).toBe(true);
    expect(config.secret.length).toBeGreaterThan(20);
    expect(config.seed).toBeNull();
  });

  it('reads the superuser, the seed, the secret and a Postgres URL', () => {
    const config = loadConfig({
      WAFFLE_SUPERUSER: 'root:pa:ss',
      WAFFLE_SEED: 'demo',
      WAFFLE_SECRET: 's3cret',
      DATABASE_URL: 'postgres://u@h/db',
      PORT: '8080',
    });

    expect(config.superuser).toEqual({ username: 'root', password: 'pa:ss' });
    expect(config.seed).toBe('demo');
    expect(config.secret).toBe('s3cret');
    expect(config.secretGenerated).toBe(false);
    expect(config.databaseUrl).toBe('postgres://u@h/db');
    expect(config.port).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ WAFFLE_SUPERUSER: 'nopassword' }, /WAFFLE_SUPERUSER/],
    [{ WAFFLE_SEED: 'everything' }, /WAFFLE_SEED/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ WAFFLE_TRUST_PROXY: 'true' }, /WAFFLE_TRUST_PROXY.*hop count/],
    [{ WAFFLE_TRUST_PROXY: '10.0.0.0/33' }, /WAFFLE_TRUST_PROXY.*"10\.0\.0\.0\/33"/],
    [{ WAFFLE_TRUST_PROXY: 'loopback, proxy.internal' }, /"proxy\.internal"/],
  ])('fails fast naming the variable for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('trusts no proxy by default, and reads a hop count or a list of addresses for WAFFLE_TRUST_PROXY', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ WAFFLE_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ WAFFLE_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ WAFFLE_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });
});
