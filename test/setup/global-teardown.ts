import { Redis } from 'ioredis';
import { Client } from 'pg';
import { adminDatabaseUrl } from './test-environment';
import { stopTestServers } from './test-servers';

/**
 * Drops this run's database and its queue keys, and stops servers the setup started. Set KEEP_TEST_DATABASE=1 to
 * keep them for a post-mortem (a server the setup started still stops).
 */
export default async function globalTeardown(): Promise<void> {
  try {
    if (!process.env.KEEP_TEST_DATABASE) await dropRunData();
  } finally {
    await stopTestServers();
  }
}

async function dropRunData(): Promise<void> {
  const name = process.env.COPYDESK_TEST_DATABASE;
  if (name) {
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${name}%`]);
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix?.startsWith('cdtest-') && process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
