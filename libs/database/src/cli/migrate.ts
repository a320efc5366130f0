/* `npm run migration:run` / `npm run migration:revert` against DATABASE_URL. */
import { loadConfig } from '@copydesk/config';
import { createDataSource, runMigrations } from '../data-source';

async function main(command: string | undefined): Promise<number> {
  const config = loadConfig();
  const settings = { url: config.require('DATABASE_URL'), poolSize: 1 };
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const ran = await runMigrations(dataSource, settings);
      process.stderr.write(ran.length ? `migrated: ${ran.join(', ')}\n` : 'no pending migrations\n');
      return 0;
    }
    if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stderr.write('reverted the last migration\n');
      return 0;
    }
    process.stderr.write('usage: migrate run|revert\n');
    return 2;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`migrate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
