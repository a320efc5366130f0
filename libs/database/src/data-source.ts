import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  /** Longest wait for a connection, new or pooled (default 10 s). */
  connectTimeoutMs?: number;
  /** Server-side `statement_timeout`; unset: none (migrations, tools). */
  statementTimeoutMs?: number;
}

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema only ever changes through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: poolOptions(settings),
  };
}

/**
 * Every wait on PostgreSQL is bounded, so a database that is down or hung makes a request fail (503) instead of
 * hang: acquiring a connection (`connectionTimeoutMillis`), the server running a statement (`statement_timeout`),
 * and the client waiting for an answer that a dead server will never send (`query_timeout`, a little longer than
 * the server's own limit so the server's clearer error wins when it can still speak).
 */
function poolOptions(settings: DatabaseSettings): Record<string, unknown> {
  const statementTimeoutMs = settings.statementTimeoutMs;
  return {
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? 10_000,
    // Finds a peer that vanished without closing the socket (a crashed host, a dropped route).
    keepAlive: true,
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 5_000 } : {}),
  };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

// Any constant works; it only has to be the same in every process of one installation.
const MIGRATION_LOCK_KEY = 7_301_450_221;

/**
 * Runs pending migrations. Several processes may boot at once against one database, so a session-level advisory
 * lock, held on a connection of its own outside TypeORM's pool, lets exactly one of them migrate while the others
 * wait and then find nothing to do.
 */
export async function runMigrations(dataSource: DataSource, settings: DatabaseSettings): Promise<string[]> {
  const lock = new Client({ connectionString: settings.url });
  await lock.connect();
  try {
    // Polled, not a blocking pg_advisory_lock: a session blocked in a statement holds a snapshot, and CREATE INDEX
    // CONCURRENTLY in the migrating session waits for every such snapshot: the two would wait for each other.
    while (!(await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_KEY])).rows[0].locked) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * Migrates a database on a data source of its own, closed after: for the processes' boot, the launcher, tests and
 * benches. A bare URL gets one connection and the default settings.
 */
export async function migrateDatabaseAt(target: string | DatabaseSettings): Promise<string[]> {
  const settings = typeof target === 'string' ? { url: target, poolSize: 1 } : target;
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource, settings);
  } finally {
    await dataSource.destroy();
  }
}
