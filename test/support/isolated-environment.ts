import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { adminDatabaseUrl, databaseUrlFor } from '../setup/test-environment';

export interface IsolatedEnvironment {
  databaseUrl: string;
  queuePrefix: string;
  /** Env for app processes started against this environment. */
  env: NodeJS.ProcessEnv;
}

/**
 * A database cloned from the run's migrated template and a queue prefix of its own: an e2e suite's subscriptions
 * and jobs never meet another suite's. Dropped by the global teardown with the rest of the run.
 */
export async function createIsolatedEnvironment(label: string): Promise<IsolatedEnvironment> {
  const run = process.env.COPYDESK_TEST_DATABASE;
  if (!run) throw new Error('COPYDESK_TEST_DATABASE is unset: run the tests through jest (globalSetup)');
  const suffix = `${label.replace(/[^a-z0-9]/g, '')}${randomBytes(2).toString('hex')}`;
  const name = `${run}_${suffix}`;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${run}_tpl`);
  } finally {
    await admin.end();
  }
  const databaseUrl = databaseUrlFor(name);
  const queuePrefix = `${process.env.QUEUE_PREFIX}-${suffix}`;
  return {
    databaseUrl,
    queuePrefix,
    env: { DATABASE_URL: databaseUrl, QUEUE_PREFIX: queuePrefix, REDIS_URL: process.env.REDIS_URL, DATABASE_MIGRATE: 'false' },
  };
}
