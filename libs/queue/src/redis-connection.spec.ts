import { loadConfig } from '@copydesk/config';
import { queuePrefix, redisTarget } from './redis-connection';

describe('redisTarget', () => {
  it('reads a single server from REDIS_URL, keeping the plain queue prefix', () => {
    const config = loadConfig({ REDIS_URL: 'rediss://user:p%40ss@redis.example:6380/2', QUEUE_PREFIX: 'cd' });
    expect(redisTarget(config)).toEqual({
      cluster: false,
      options: expect.objectContaining({ host: 'redis.example', port: 6380, username: 'user', password: 'p@ss', db: 2, tls: {} }),
    });
    expect(queuePrefix(config, 'ingest')).toBe('cd');
  });

  it('reads a cluster from a redis+cluster:// URL, with credentials for every node and a hash tag per queue', () => {
    const config = loadConfig({ REDIS_URL: 'rediss+cluster://:secret@10.0.0.1:7000,10.0.0.2:7001,[::1]:7002', QUEUE_PREFIX: 'cd' });
    const target = redisTarget(config);
    expect(target).toMatchObject({
      cluster: true,
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      options: { password: 'secret', tls: {}, maxRetriesPerRequest: null },
    });
    expect(queuePrefix(config, 'ingest')).toBe('{cd:ingest}');
    expect(queuePrefix(config, 'publish')).toBe('{cd:publish}');
  });

  it('reads a cluster from REDIS_CLUSTER_NODES, with or without REDIS_URL for credentials', () => {
    expect(redisTarget(loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000, 127.0.0.1:7001' }))).toMatchObject({
      cluster: true,
      nodes: [
        { host: '127.0.0.1', port: 7000 },
        { host: '127.0.0.1', port: 7001 },
      ],
    });
    expect(redisTarget(loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_URL: 'redis://:pw@ignored-host:6379' }))).toMatchObject({
      cluster: true,
      nodes: [{ host: 'a', port: 1 }],
      options: { password: 'pw' },
    });
  });

  it('refuses malformed values at start-up, naming the variable', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'no-port' })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
  });
});
