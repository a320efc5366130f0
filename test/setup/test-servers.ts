import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// Global setup runs outside jest's module system, where the @copydesk/* aliases do not resolve.
// eslint-disable-next-line no-restricted-imports
import { startEmbeddedPostgres, startEmbeddedRedis } from '../../libs/embedded/src';
import { LOCAL_DATABASE_URL, LOCAL_REDIS_URL } from './test-environment';

/** Servers this run started itself, stopped by the global teardown (same process). */
interface StartedServers {
  stops: Array<() => Promise<void>>;
  folders: string[];
}
const started: StartedServers = ((globalThis as { __copydeskTestServers?: StartedServers }).__copydeskTestServers ??= {
  stops: [],
  folders: [],
});

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data: Buffer) => done(data.toString().startsWith('+PONG')));
  });
}

function scratchFolder(label: string): string {
  const folder = mkdtempSync(join(tmpdir(), `copydesk-test-${label}-`));
  // Under root the server runs as the postgres user, who must be able to enter the folder.
  chmodSync(folder, 0o711);
  started.folders.push(folder);
  return folder;
}

/** The admin URL of PostgreSQL: given, local on 5432, or a real PostgreSQL from npm started for this run. */
export async function providePostgres(log: (line: string) => void): Promise<string> {
  const given = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (given) return given;
  if (await answers(LOCAL_DATABASE_URL)) return LOCAL_DATABASE_URL;
  log('no PostgreSQL on 127.0.0.1:5432: starting the embedded one for this run');
  const pg = await startEmbeddedPostgres({ directory: join(scratchFolder('pg'), 'postgres'), password: randomBytes(12).toString('hex') });
  started.stops.push(() => pg.stop());
  return pg.adminUrl;
}

/** The Redis URL: given, local on 6379, or a redis-server from PATH started for this run. */
export async function provideRedis(log: (line: string) => void): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (await redisAnswers(LOCAL_REDIS_URL)) return LOCAL_REDIS_URL;
  log('no Redis on 127.0.0.1:6379: starting redis-server from PATH for this run');
  const redis = await startEmbeddedRedis(scratchFolder('redis'), { persist: false });
  started.stops.push(() => redis.stop());
  return redis.url;
}

export async function stopTestServers(): Promise<void> {
  for (const stop of started.stops.splice(0).reverse()) await stop().catch(() => undefined);
  for (const folder of started.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
