import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { register } from 'tsconfig-paths';
import { adminDatabaseUrl, databaseUrlFor } from './test-environment';
import { providePostgres, provideRedis } from './test-servers';

const log = (line: string): void => void process.stderr.write(`\n[test setup] ${line}\n`);

/**
 * Finds or starts PostgreSQL and Redis, creates this run's database, migrates it, and hands its URL and a queue
 * prefix to every test worker via env.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_DATABASE_ADMIN_URL = await providePostgres(log);
  const redisUrl = await provideRedis(log);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const name = `copydesk_test_${runId}`;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`Tests need PostgreSQL at ${adminDatabaseUrl()} (set DATABASE_URL or TEST_DATABASE_ADMIN_URL)`, { cause: err });
  }
  const template = `${name}_tpl`;
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } catch (err) {
    await admin.end();
    throw err;
  }
  const url = databaseUrlFor(template);
  // Global setup runs outside jest's module system, so moduleNameMapper does not apply: resolve @copydesk/* here.
  const root = join(__dirname, '..', '..');
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });
  // Required after register(), so the aliases inside resolve.
  type DataSourceModule = typeof import('../../libs/database/src/data-source');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { migrateDatabaseAt } = require('../../libs/database/src/data-source') as DataSourceModule;
  await migrateDatabaseAt(url);
  // The migrated template stays untouched; specs share a copy, and e2e suites clone their own (test/support/database.ts).
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  // Test workers are forked after global setup and inherit these.
  process.env.DATABASE_URL = databaseUrlFor(name);
  process.env.REDIS_URL = redisUrl;
  process.env.QUEUE_PREFIX = `cdtest-${runId}`;
  process.env.COPYDESK_TEST_DATABASE = name;
}
