import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createConnection } from 'node:net';
import { freePort } from './free-port';

export interface EmbeddedRedis {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedRedisOptions {
  /** Keep queued jobs across restarts (append-only file); off for throwaway test servers. */
  persist?: boolean;
}

export class RedisServerMissingError extends Error {
  constructor() {
    super(
      [
        'No REDIS_URL is set and no redis-server was found on PATH.',
        'Install one and run `npm start` again:',
        '  Debian/Ubuntu: sudo apt-get install redis-server',
        '  macOS:         brew install redis',
        'or run Redis in Docker (`docker compose up -d redis`) and set REDIS_URL=redis://127.0.0.1:6379.',
      ].join('\n'),
    );
    this.name = 'RedisServerMissingError';
  }
}

export function findOnPath(command: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** One PING over a plain socket: true on +PONG. (A client library's reconnect logic only gets in the way here.) */
function ping(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data: Buffer) => done(data.toString().startsWith('+PONG')));
  });
}

async function waitForPing(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await ping(port, 1_000)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer within ${timeoutMs} ms`);
}

/**
 * Starts the `redis-server` found on PATH on a free loopback port, with its data (append-only file) in
 * `<dataDir>/redis`, so queued jobs survive a restart. No npm package ships a Redis server that BullMQ can use
 * (redis-memory-server downloads one at install time, which fresh machines without internet cannot do).
 */
export async function startEmbeddedRedis(dataDir: string, options: EmbeddedRedisOptions = {}): Promise<EmbeddedRedis> {
  const binary = findOnPath('redis-server');
  if (!binary) throw new RedisServerMissingError();
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      options.persist === false ? 'no' : 'yes',
      '--save',
      '',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    // Its own session: Ctrl-C reaches the terminal's whole process group, and Redis must outlive the workers that
    // are still finishing their jobs; the launcher stops it last.
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(port, child, 30_000);
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
