import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
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
    extra: { max: settings.poolSize, connectionTimeoutMillis: 10_000 },
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
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}
