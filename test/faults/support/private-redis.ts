import { findOnPath, freePort } from '@copydesk/embedded';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackChildProcess } from '../../setup/child-processes';

/** A redis-server of the test's own on a spare loopback port, without persistence: a restart comes back empty. */
export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL: Redis is gone, with everything it held. */
  crash(): Promise<void>;
  /** Starts again on the same port, empty. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data: Buffer) => done(data.toString().startsWith('+PONG')));
  });
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const binary = findOnPath('redis-server');
  if (!binary) throw new Error('the fault tests need redis-server on PATH (Debian: apt-get install redis-server)');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-fault-redis-'));
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    child = trackChildProcess(
      spawn(
        binary,
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
        {
          stdio: 'ignore',
        },
      ),
    );
    const deadline = Date.now() + 15_000;
    while (!(await ping(port))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const crash = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    crash,
    start,
    async destroy() {
      await crash();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
