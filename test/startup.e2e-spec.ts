import { freePort } from '@copydesk/embedded';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { startApp, waitFor, waitForHealthy } from './support/processes';

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

  // The one test on PGlite: `npm start` with no DATABASE_URL / REDIS_URL comes up on its embedded pair.
  it('npm start runs the whole system on embedded PostgreSQL and redis-server, and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-start-'));
    const port = await freePort();
    const launcher = startApp('launcher', {
      DATABASE_URL: '',
      REDIS_URL: '',
      QUEUE_PREFIX: 'copydesk',
      COPYDESK_ADMIN_KEY: '',
      COPYDESK_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHealthy(base, launcher, 150_000);
      const adminKey = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
      expect(launcher.output()).toContain(`admin key: ${adminKey}`);
      const client = new ApiClient(base, adminKey);
      const pushed = await client.post('/v1/articles', {
        title: 'Embedded smoke test',
        body: '<p>All four processes on PGlite and a private redis-server.</p>',
      });
      expect(pushed.status).toBe(202);
      await waitFor(async () => (await client.get(`/v1/articles/${pushed.body.id as string}`)).body.status === 'published', {
        timeoutMs: 120_000,
        describe: () => launcher.output().slice(-4000),
      });
      const redisPort = Number(/redis-server listening on redis:\/\/127\.0\.0\.1:(\d+)/.exec(launcher.output())?.[1]);
      expect(redisPort).toBeGreaterThan(0);
      expect(await launcher.stop('SIGTERM')).toBe(0);
      expect(await portOpen(port)).toBe(false);
      expect(await portOpen(redisPort)).toBe(false);
    } finally {
      await launcher.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
