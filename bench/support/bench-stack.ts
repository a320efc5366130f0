import { migrateDatabaseAt } from '@copydesk/database';
import { freePort, startEmbeddedPostgres, startEmbeddedRedis, type EmbeddedPostgres, type EmbeddedRedis } from '@copydesk/embedded';
import { withHeapLimit } from '@copydesk/runtime';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Tracked } from './process-usage';

/**
 * What a bench runs against: a private PostgreSQL (the embedded server from npm's binaries, with
 * pg_stat_statements) and a private redis-server by default, so every CPU-second they spend is the bench's and can be
 * counted; or the servers in DATABASE_URL / REDIS_URL with `--external` (a scratch database and queue prefix there).
 */
export interface BenchServers {
  adminUrl: string;
  redisUrl: string;
  /** Processes to count CPU for (empty for external servers: they are shared with whoever else uses them). */
  tracked: Tracked[];
  /** Whether pg_stat_statements is available. */
  statements: boolean;
  stop(): Promise<void>;
}

export const APP_DIST = join(__dirname, '..', '..', 'apps');

export async function startServers(options: {
  external: boolean;
  folder: string;
  say: (line: string) => void;
  /** Log the plan of every statement slower than this (auto_explain, into the server log in the bench folder). */
  explainMs?: number;
}): Promise<BenchServers> {
  if (options.external) {
    const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    return { adminUrl, redisUrl, tracked: [], statements: false, stop: async () => undefined };
  }
  const directory = join(options.folder, 'postgres');
  mkdirSync(directory, { recursive: true });
  // PostgreSQL runs as its own user under root: it must be able to enter the folder.
  chmodSync(options.folder, 0o755);
  const password = randomBytes(12).toString('hex');
  options.say('starting a private PostgreSQL (embedded binaries) and redis-server');
  let postgres: EmbeddedPostgres = await startEmbeddedPostgres({ directory, password });
  await postgres.stop();
  // Statement statistics, and the settings a small production server would have (WAL flushed on every commit).
  const explain =
    options.explainMs === undefined
      ? ''
      : `auto_explain.log_min_duration = ${options.explainMs}\nauto_explain.log_analyze = on\nauto_explain.log_buffers = on\nauto_explain.log_nested_statements = on\n`;
  appendFileSync(
    join(directory, 'data', 'postgresql.conf'),
    `\nshared_preload_libraries = 'pg_stat_statements${explain ? ',auto_explain' : ''}'\npg_stat_statements.track = all\npg_stat_statements.max = 1000\n${explain}`,
  );
  postgres = await startEmbeddedPostgres({ directory, password });
  const redis: EmbeddedRedis = await startEmbeddedRedis(options.folder, { persist: false });
  const postmaster = Number(readFileSync(join(directory, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    adminUrl: postgres.adminUrl,
    redisUrl: redis.url,
    tracked: [
      { name: 'postgresql', pid: postmaster, withChildren: true },
      { name: 'redis', pid: redis.pid },
    ],
    statements: true,
    async stop() {
      await redis.stop();
      await postgres.stop();
    },
  };
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, migrated database on the servers; dropped by the returned function. */
export async function scratchDatabase(servers: BenchServers, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `copydesk_bench_${label}_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const admin = new Client({ connectionString: servers.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrl(servers.adminUrl, name);
  await migrateDatabaseAt(url);
  if (servers.statements) {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.end();
  }
  return {
    url,
    async drop() {
      const client = new Client({ connectionString: servers.adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export type AppName = 'api' | 'ingest-worker' | 'enrichment-worker' | 'publish-worker';

/** The environment every bench gives the processes it starts: its own database, queue prefix and port. */
export function benchAppEnv(run: {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  port: number;
  adminKey: string;
  logLevel: string;
}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: run.databaseUrl,
    REDIS_URL: run.redisUrl,
    QUEUE_PREFIX: run.prefix,
    DATABASE_MIGRATE: 'false',
    PORT: String(run.port),
    COPYDESK_ADMIN_KEY: run.adminKey,
    SECRETS_KEY: 'bench-secrets-key-0123456789abcdef0123',
    LOG_LEVEL: run.logLevel,
    // A bench measures the pipeline, not the per-key limiter: the admin key's default of 600 pushes a minute would
    // refuse most of a burst with 429.
    RATE_LIMITS: 'ingest=100000/1s,read=100000/1s,manage=100000/1s,admin=100000/1s',
  };
}

export interface BenchApp {
  name: string;
  app: AppName;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** Starts a compiled app with its logs in a file (what a production process writes, without a terminal reading it). */
export function startBenchApp(
  name: string,
  app: AppName,
  env: NodeJS.ProcessEnv,
  options: { folder: string; nodeArgs?: string[] },
): BenchApp {
  return { ...startBenchScript(name, join(APP_DIST, app, 'src', 'main.js'), env, options), app };
}

/** Starts any compiled script (an app, or a bench's own server) the same way: logs in a file, stopped with SIGTERM. */
export function startBenchScript(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  options: { folder: string; nodeArgs?: string[]; args?: string[] },
): Omit<BenchApp, 'app'> {
  const logFile = join(options.folder, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...(options.args ?? [])], {
    // The heap limit `npm start`, compose and the start scripts give every process.
    env: { ...process.env, ...env, NODE_OPTIONS: withHeapLimit(env.NODE_OPTIONS ?? process.env.NODE_OPTIONS) },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    logFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

export function logTail(app: Pick<BenchApp, 'logFile'>, lines = 20): string {
  try {
    return readFileSync(app.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The API answers /health. */
export async function waitForApi(baseUrl: string, api: Pick<BenchApp, 'name' | 'child' | 'logFile'>): Promise<void> {
  await waitForHttp(`${baseUrl}/health`, api);
}

/** The process answers the URL with a 2xx; fails at once with its log if it exits first. */
export async function waitForHttp(url: string, app: Pick<BenchApp, 'name' | 'child' | 'logFile'>): Promise<void> {
  await waitUntil(
    async () => {
      if (app.child.exitCode !== null) throw new Error(`${app.name} exited with ${app.child.exitCode}:\n${logTail(app)}`);
      try {
        return (await fetch(url)).ok;
      } catch {
        return false;
      }
    },
    120_000,
    `${app.name} to answer ${new URL(url).pathname}`,
    200,
  );
}

export function benchFolder(label: string): { folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), `copydesk-${label}-`));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export { freePort };
