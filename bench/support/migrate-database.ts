import { createDataSource, runMigrations } from '@copydesk/database';

/** Runs every migration on the (new, empty) database at `url`, as the processes do at boot. */
export async function migrateDatabase(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, { url, poolSize: 2 });
  } finally {
    await dataSource.destroy();
  }
}
