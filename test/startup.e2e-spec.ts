import { freePort } from '@copydesk/embedded';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// Processes start in seconds on a quiet machine; a loaded CI box can take much longer.
jest.setTimeout(240_000);

describe('start-up', () => {
  it('stops at a bad config value and names the variable', async () => {
    const api = startApp('api', { PORT: 'abc' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('Invalid environment variables: PORT (must be an integer between 1 and 65535)');
  });

  it('refuses to run a worker without a database URL, saying how to get one', async () => {
    const worker = startApp('ingest-worker', { DATABASE_URL: '' });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(/DATABASE_URL \(is required; `npm start` sets it up for you\)/);
  });
});

/** Publishes every pushed article? Counts `published` through the list API (60 fit in one page). */
async function publishedCount(client: ApiClient): Promise<number> {
  const { body } = await client.get<{ items: unknown[] }>('/v1/articles?status=published&limit=100');
  return body.items.length;
}

// `npm start` with no DATABASE_URL / REDIS_URL: a real PostgreSQL from npm binaries and a private redis-server.
describe('npm start on the embedded pair', () => {
  // Under root the server runs as the postgres user, who must be able to enter the data folder.
  const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-start-'));
  chmodSync(dataDir, 0o711);
  let port: number;
  let base: string;
  // A fresh port each time: apps left behind by a killed launcher hold the last one for a moment, and their health
  // answer must never pass for the new launcher's.
  const launch = async (): Promise<RunningApp> => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    return startApp('launcher', {
      DATABASE_URL: '',
      REDIS_URL: '',
      QUEUE_PREFIX: 'copydesk',
      COPYDESK_ADMIN_KEY: '',
      COPYDESK_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
  };

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes a burst of 60 pushes from 6 clients, publishes every one, and stops cleanly', async () => {
    const launcher = await launch();
    try {
      await waitForHealthy(base, launcher, 150_000);
      const adminKey = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
      // A generated key is shown once, when it is made.
      expect(launcher.output()).toContain(`admin key: ${adminKey}  (generated now`);
      expect(launcher.output()).toMatch(/embedded PostgreSQL \d+ on 127\.0\.0\.1:\d+/);
      const client = new ApiClient(base, adminKey);
      let next = 0;
      const statuses: number[] = [];
      const pushFrom = async (): Promise<void> => {
        while (next < 60) {
          const i = next++;
          const pushed = await client.post('/v1/articles', {
            title: `Embedded burst ${i}: harbour works resume`,
            body: `<p>Crews resumed work on pier ${i} on Tuesday, the port authority said.</p><p>Item ${i * 7919}.</p>`,
            externalId: `embedded-burst-${i}`,
          });
          statuses.push(pushed.status);
        }
      };
      await Promise.all(Array.from({ length: 6 }, pushFrom));
      expect(statuses).toEqual(Array(60).fill(202));
      await waitFor(async () => (await publishedCount(client)) === 60, {
        timeoutMs: 120_000,
        describe: () => launcher.output().slice(-4000),
      });
      const redisPort = Number(/redis-server listening on redis:\/\/127\.0\.0\.1:(\d+)/.exec(launcher.output())?.[1]);
      const pgPort = Number(/embedded PostgreSQL \d+ on 127\.0\.0\.1:(\d+)/.exec(launcher.output())?.[1]);
      expect(await launcher.stop('SIGTERM')).toBe(0);
      for (const closed of [port, redisPort, pgPort]) expect(await portOpen(closed)).toBe(false);
    } finally {
      await launcher.stop('SIGKILL');
    }
  });

  it('starts again on the same data with the same admin key, without showing the key again', async () => {
    const launcher = await launch();
    try {
      await waitForHealthy(base, launcher, 150_000);
      const adminKey = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
      expect(launcher.output()).not.toContain(adminKey);
      expect(launcher.output()).toContain(`admin key: kept in ${join(dataDir, 'admin-key')}`);
      expect(await publishedCount(new ApiClient(base, adminKey))).toBe(60);
      expect(await launcher.stop('SIGTERM')).toBe(0);
    } finally {
      await launcher.stop('SIGKILL');
    }
  });

  it('recovers after the launcher is killed with SIGKILL: leftovers are stopped, the data is intact', async () => {
    const killed = await launch();
    await waitForHealthy(base, killed, 150_000);
    await killed.stop('SIGKILL');
    const launcher = await launch();
    try {
      await waitForHealthy(base, launcher, 150_000);
      expect(launcher.output()).toMatch(/was left running/);
      const client = new ApiClient(base, readFileSync(join(dataDir, 'admin-key'), 'utf8').trim());
      expect(await publishedCount(client)).toBe(60);
      const pushed = await client.post('/v1/articles', { title: 'After the crash', body: '<p>Still taking copy.</p>' });
      expect(pushed.status).toBe(202);
      await waitFor(async () => (await publishedCount(client)) === 61, {
        timeoutMs: 60_000,
        describe: () => launcher.output().slice(-4000),
      });
      expect(await launcher.stop('SIGTERM')).toBe(0);
    } finally {
      await launcher.stop('SIGKILL');
    }
  });

  it('refuses a second launcher on the same data folder', async () => {
    const first = await launch();
    try {
      await waitForHealthy(base, first, 150_000);
      const second = startApp('launcher', { DATABASE_URL: '', REDIS_URL: '', COPYDESK_DATA_DIR: dataDir, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/Copydesk is already running on .* \(launcher pid \d+\)/);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect(await first.stop('SIGTERM')).toBe(0);
    } finally {
      await first.stop('SIGKILL');
    }
  });
});
