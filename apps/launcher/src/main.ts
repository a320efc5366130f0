import 'reflect-metadata';
import { type AppConfig, ConfigError, loadConfig } from '@copydesk/config';
import { migrateDatabaseAt } from '@copydesk/database';
import { AlreadyRunningError, EmbeddedPostgresError, RedisServerMissingError, RunRecord } from '@copydesk/embedded';
import { join, resolve } from 'node:path';
import { type BackingServices, provideBackingServices } from './backing-services';
import { type LocalKeys, localKeys } from './keys';
import { type ProcessSpec, Supervisor } from './supervisor';
import { withHeapLimit } from '@copydesk/runtime';

const APPS = ['api', 'ingest-worker', 'enrichment-worker', 'publish-worker'] as const;

function say(line: string): void {
  process.stderr.write(`copydesk | ${line}\n`);
}

async function migrate(url: string): Promise<void> {
  const ran = await migrateDatabaseAt(url);
  say(ran.length ? `database migrated: ${ran.join(', ')}` : 'database schema is up to date');
}

function appSpecs(services: BackingServices, keys: LocalKeys): ProcessSpec[] {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    DATABASE_MIGRATE: 'false',
    COPYDESK_ADMIN_KEY: keys.adminKey,
    SECRETS_KEY: keys.secretsKey,
    NODE_OPTIONS: withHeapLimit(process.env.NODE_OPTIONS),
  };
  const distRoot = resolve(__dirname, '..', '..');
  return APPS.map((name) => ({ name, script: join(distRoot, name, 'src', 'main.js'), env }));
}

function greet(config: AppConfig, keys: LocalKeys): void {
  const base = `http://${config.get('HOST') === '0.0.0.0' ? '127.0.0.1' : config.get('HOST')}:${config.get('PORT')}`;
  say(`API:       ${base}  (docs ${base}/docs, health ${base}/health)`);
  say(`admin key: ${keys.adminKeyNote}`);
  say(
    `try:       curl -X POST ${base}/v1/articles -H "authorization: Bearer ${keys.adminKeyShell}" -H 'content-type: application/json' -d '{"title":"Hello","body":"<p>First article.</p>"}'`,
  );
}

/**
 * `npm start`: the whole system in one command. Uses DATABASE_URL / REDIS_URL when set; otherwise starts a real
 * PostgreSQL from npm-shipped binaries and the redis-server on PATH, with their data in COPYDESK_DATA_DIR. Migrates
 * once, then runs the API and the three workers as separate processes, exactly as they run in production.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = resolve(config.get('COPYDESK_DATA_DIR'));
  const record = new RunRecord(dataDir);
  await record.claim(say);
  const services = await provideBackingServices(config, dataDir, record, say);
  const supervisor = new Supervisor((name, code, signal) => {
    say(`${name} exited (${signal ?? `code ${code}`}); stopping the others`);
    void shutdown(1);
  });
  let shuttingDown = false;
  const shutdown = async (code: number): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('stopping...');
    await supervisor.stop();
    await services.stop();
    record.release();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  try {
    await migrate(services.databaseUrl);
  } catch (err) {
    await services.stop();
    record.release();
    throw err;
  }
  const keys = localKeys(config, dataDir);
  for (const child of supervisor.start(appSpecs(services, keys))) record.add(child);
  greet(config, keys);
}

const EXPLAINED = [ConfigError, RedisServerMissingError, EmbeddedPostgresError, AlreadyRunningError];

main().catch((err: unknown) => {
  if (EXPLAINED.some((kind) => err instanceof kind)) say((err as Error).message);
  else say(`failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
