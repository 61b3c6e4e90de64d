import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { redisTargetOf } from '../../src/store/redis.js';
import { configProblems, MINIMAL_ENV } from '../support/config.js';

const minimal = { ...MINIMAL_ENV, WINTRO_ENCRYPTION_KEY: randomBytes(32).toString('base64') };

describe('where Redis is', () => {
  it('reads REDIS_CLUSTER_URLS as Cluster seed nodes', () => {
    const config = loadConfig({
      ...minimal,
      REDIS_CLUSTER_URLS: 'redis://10.0.0.1:7001, redis://10.0.0.2:7002,redis://redis-3.internal:7003',
    });
    expect(config.redisClusterNodes).toEqual([
      { host: '10.0.0.1', port: 7001 },
      { host: '10.0.0.2', port: 7002 },
      { host: 'redis-3.internal', port: 7003 },
    ]);
    expect(redisTargetOf(config)).toEqual({ clusterNodes: config.redisClusterNodes });
  });

  it('reads REDIS_URL as one server, and neither as the in-process store', () => {
    expect(redisTargetOf(loadConfig({ ...minimal, REDIS_URL: 'redis://127.0.0.1:6379' }))).toEqual({
      url: 'redis://127.0.0.1:6379',
    });
    expect(redisTargetOf(loadConfig(minimal))).toBeUndefined();
  });

  it('refuses both at once, a seed that is not redis://host:port, and a Cluster without an encryption key', () => {
    expect(
      configProblems({
        ...minimal,
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_CLUSTER_URLS: 'redis://127.0.0.1:7001',
      }),
    ).toEqual([expect.stringMatching(/^REDIS_URL and REDIS_CLUSTER_URLS must not both be set/)]);
    expect(
      configProblems({ ...minimal, REDIS_CLUSTER_URLS: 'redis://127.0.0.1:7001,127.0.0.1:7002' }),
    ).toEqual([
      expect.stringMatching(/^REDIS_CLUSTER_URLS must be comma-separated redis:\/\/host:port seed nodes/),
    ]);
    const { WINTRO_ENCRYPTION_KEY: _key, ...keyless } = minimal;
    expect(configProblems({ ...keyless, REDIS_CLUSTER_URLS: 'redis://127.0.0.1:7001' })).toEqual([
      expect.stringMatching(/^WINTRO_ENCRYPTION_KEY is required when REDIS_CLUSTER_URLS is set/),
    ]);
  });
});
