import 'reflect-metadata';
import { ConfigError, loadConfig } from '@copydesk/config';
import { createDataSource, runMigrations } from '@copydesk/database';
import {
  ensureLocalSecret,
  makeAdminKey,
  makeSecretsKey,
  RedisServerMissingError,
  startEmbeddedPostgres,
  startEmbeddedRedis,
} from '@copydesk/embedded';
import { join, resolve } from 'node:path';
import { type ProcessSpec, Supervisor } from './supervisor';

const APPS = ['api', 'ingest-worker', 'enrichment-worker', 'publish-worker'] as const;

function say(line: string): void {
  process.stderr.write(`copydesk | ${line}\n`);
}

/**
 * `npm start`: the whole system in one command. Uses DATABASE_URL / REDIS_URL when set; otherwise starts embedded
 * PostgreSQL (PGlite) and the redis-server on PATH, with their data in COPYDESK_DATA_DIR. Migrates once, then runs the
 * API and the three workers as separate processes, exactly as they run in production.
 */
const cleanups: Array<() => Promise<void>> = [];

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = resolve(config.get('COPYDESK_DATA_DIR'));

  let databaseUrl = config.get('DATABASE_URL');
  let poolSize = config.get('DATABASE_POOL_SIZE');
  if (!databaseUrl) {
    say(`no DATABASE_URL: starting embedded PostgreSQL (PGlite) with data in ${join(dataDir, 'postgres')}`);
    const pg = await startEmbeddedPostgres(dataDir);
    cleanups.unshift(() => pg.stop());
    databaseUrl = pg.url;
    say(`embedded PostgreSQL listening on ${pg.url}`);
    // PGlite answers one query at a time; more connections would only queue.
    poolSize = 1;
  }
  let redisUrl = config.get('REDIS_URL');
  if (!redisUrl) {
    say(`no REDIS_URL: starting redis-server with data in ${join(dataDir, 'redis')}`);
    const redis = await startEmbeddedRedis(dataDir);
    cleanups.unshift(() => redis.stop());
    redisUrl = redis.url;
    say(`redis-server listening on ${redis.url}`);
  }

  let adminKey = config.get('COPYDESK_ADMIN_KEY');
  let adminKeyNote = 'from COPYDESK_ADMIN_KEY';
  if (!adminKey) {
    const key = ensureLocalSecret(dataDir, 'admin-key', makeAdminKey);
    adminKey = key.value;
    adminKeyNote = `${key.created ? 'generated, ' : ''}kept in ${join(dataDir, 'admin-key')}`;
  }
  const secretsKey = config.get('SECRETS_KEY') ?? ensureLocalSecret(dataDir, 'secrets-key', makeSecretsKey).value;

  const settings = { url: databaseUrl, poolSize: 1 };
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  try {
    const ran = await runMigrations(dataSource, settings);
    say(ran.length ? `database migrated: ${ran.join(', ')}` : 'database schema is up to date');
  } finally {
    await dataSource.destroy();
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    DATABASE_MIGRATE: 'false',
    COPYDESK_ADMIN_KEY: adminKey,
    SECRETS_KEY: secretsKey,
  };
  const distRoot = resolve(__dirname, '..', '..');
  const specs: ProcessSpec[] = APPS.map((name) => ({ name, script: join(distRoot, name, 'src', 'main.js'), env }));

  let shuttingDown = false;
  const shutdown = async (code: number): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('stopping...');
    await supervisor.stop();
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    say('stopped');
    process.exit(code);
  };
  const supervisor = new Supervisor((name, code, signal) => {
    say(`${name} exited (${signal ?? `code ${code}`}); stopping the others`);
    void shutdown(1);
  });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  supervisor.start(specs);

  const base = `http://${config.get('HOST') === '0.0.0.0' ? '127.0.0.1' : config.get('HOST')}:${config.get('PORT')}`;
  say(`API:       ${base}  (docs ${base}/docs, health ${base}/health)`);
  say(`admin key: ${adminKey}  (${adminKeyNote})`);
  say(
    `try:       curl -X POST ${base}/v1/articles -H 'authorization: Bearer ${adminKey}' -H 'content-type: application/json' -d '{"title":"Hello","body":"<p>First article.</p>"}'`,
  );
}

main().catch(async (err: unknown) => {
  if (err instanceof ConfigError || err instanceof RedisServerMissingError) say(err.message);
  else say(`failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  // Embedded servers already started must not outlive a failed start.
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  process.exit(1);
});
