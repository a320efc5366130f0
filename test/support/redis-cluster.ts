import { findOnPath, freePort } from '@copydesk/embedded';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { trackChildProcess } from '../setup/child-processes';

const run = promisify(execFile);

export interface TestRedisCluster {
  /** `redis+cluster://127.0.0.1:a,127.0.0.1:b,127.0.0.1:c`, as REDIS_URL. */
  url: string;
  ports: number[];
  /** A redis-cli command against one node, without following redirects (its own keys only). */
  cliOn(port: number, ...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A Redis Cluster of three masters (no replicas) on spare loopback ports, from the redis-server and redis-cli on
 * PATH, in a folder of its own; `stop()` kills the nodes and removes the folder.
 */
export async function startRedisCluster(): Promise<TestRedisCluster> {
  const server = findOnPath('redis-server');
  const cli = findOnPath('redis-cli');
  if (!server || !cli) throw new Error('the Redis Cluster test needs redis-server and redis-cli on PATH (apt-get install redis-server)');
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-redis-cluster-'));
  const ports: number[] = [];
  while (ports.length < 3) {
    const port = await freePort();
    // The cluster bus listens on port + 10000: both must be free.
    if (port < 55_000 && !ports.includes(port)) ports.push(port);
  }
  const nodes: ChildProcess[] = ports.map((port) =>
    trackChildProcess(
      spawn(
        server,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          '5000',
          '--dir',
          dir,
          '--appendonly',
          'no',
          '--save',
          '',
          '--loglevel',
          'warning',
        ],
        { stdio: 'ignore' },
      ),
    ),
  );
  const redisCli = async (port: number, ...args: string[]): Promise<string> =>
    (await run(cli, ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 30_000 })).stdout;
  const stop = async (): Promise<void> => {
    await Promise.all(
      nodes.map(
        (node) =>
          new Promise<void>((resolve) => {
            if (node.exitCode !== null || node.signalCode !== null) return resolve();
            node.once('exit', () => resolve());
            node.kill('SIGKILL');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until(async () =>
      (await Promise.all(ports.map((port) => redisCli(port, 'ping').catch(() => '')))).every((r) => r.includes('PONG')),
    );
    await run(cli, ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], {
      timeout: 60_000,
    });
    await until(async () =>
      (await Promise.all(ports.map((port) => redisCli(port, 'cluster', 'info').catch(() => '')))).every((info) =>
        info.includes('cluster_state:ok'),
      ),
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url: `redis+cluster://${ports.map((port) => `127.0.0.1:${port}`).join(',')}`,
    ports,
    cliOn: (port, ...args) => redisCli(port, ...args),
    stop,
  };
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the Redis Cluster did not come up');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
