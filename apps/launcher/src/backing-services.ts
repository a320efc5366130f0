import type { AppConfig } from '@copydesk/config';
import { ensureLocalSecret, type RunRecord, startEmbeddedPostgres, startEmbeddedRedis } from '@copydesk/embedded';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface BackingServices {
  databaseUrl: string;
  redisUrl: string;
  /** Stops what this launcher started, last first. */
  stop(): Promise<void>;
}

type Say = (line: string) => void;

/**
 * PostgreSQL and Redis for the four processes: the URLs from the environment when set, else a real PostgreSQL from
 * npm-shipped binaries and the redis-server on PATH, both keeping their data under the data folder.
 */
export async function provideBackingServices(config: AppConfig, dataDir: string, record: RunRecord, say: Say): Promise<BackingServices> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    let databaseUrl = config.get('DATABASE_URL');
    if (!databaseUrl) {
      const directory = join(dataDir, 'postgres');
      const password = ensureLocalSecret(dataDir, 'postgres-password', () => randomBytes(18).toString('base64url')).value;
      const pg = await startEmbeddedPostgres({ directory, password, database: 'copydesk', say });
      stops.push(() => pg.stop());
      databaseUrl = pg.url;
      say(`no DATABASE_URL: embedded PostgreSQL ${pg.version} on 127.0.0.1:${pg.port}, data in ${directory}`);
    }
    let redisUrl = config.get('REDIS_URL');
    if (!redisUrl) {
      const redis = await startEmbeddedRedis(dataDir);
      record.add({ name: 'redis-server', pid: redis.pid, commandLine: 'redis-server' });
      stops.push(() => redis.stop());
      redisUrl = redis.url;
      say(`no REDIS_URL: redis-server listening on ${redis.url}, data in ${join(dataDir, 'redis')}`);
    }
    return { databaseUrl, redisUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
