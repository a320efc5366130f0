import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { type LoopbackServer, startLoopbackServer } from '../testing/loopback.server';
import { connectTestRedis, type TestRedis } from '../testing/redis.testing';

const TESTING = join(__dirname, '..', 'testing');

function collectStdout(worker: ChildProcessWithoutNullStreams): Promise<string> {
  let output = '';
  worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  worker.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return once(worker, 'exit').then(() => output);
}

function waitForLine(worker: ChildProcessWithoutNullStreams, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (seen.split('\n').includes(line)) {
        worker.stdout.off('data', onData);
        resolve();
      }
    };
    worker.stdout.on('data', onData);
    worker.once('exit', (code) => reject(new Error(`worker exited (${String(code)}) before "${line}"`)));
  });
}

interface WorkerReport {
  pid: number;
  ok: number;
  failed: number;
}

describe('per-host limits across two worker processes (shared Redis)', () => {
  let server: LoopbackServer;
  let testRedis: TestRedis;
  const starts: number[] = [];

  beforeAll(async () => {
    testRedis = connectTestRedis(process.env['REDIS_URL']);
    server = await startLoopbackServer(async (_request, response) => {
      starts.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 100));
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  afterAll(async () => {
    await server.close();
    await testRedis.cleanup();
  });

  async function spawnWorkers(config: Record<string, unknown>): Promise<WorkerReport[]> {
    const argument = JSON.stringify({ redisUrl: testRedis.url, url: `${server.origin}/item`, ...config });
    const workers = [1, 2].map(() =>
      spawn(process.execPath, [join(TESTING, 'run-ts.cjs'), join(TESTING, 'politeness.worker.ts'), argument], { stdio: 'pipe' }),
    );
    try {
      const outputs = workers.map(collectStdout);
      // Start both bursts together, once both processes have booted.
      await Promise.all(workers.map((worker) => waitForLine(worker, 'ready')));
      for (const worker of workers) worker.stdin.write('go\n');
      const codes = await Promise.all(workers.map(async (worker) => (await once(worker, 'exit'))[0] as number | null));
      expect(codes).toEqual([0, 0]);
      return (await Promise.all(outputs)).map((output) => JSON.parse(output.trim().split('\n').at(-1) ?? '') as WorkerReport);
    } finally {
      for (const worker of workers) if (worker.exitCode === null) worker.kill();
    }
  }

  it('never has more requests in flight to the host than the shared limit', async () => {
    const reports = await spawnWorkers({
      keyPrefix: `${testRedis.keyPrefix}concurrency:`,
      requests: 6,
      perHostConcurrency: 2,
      perHostMinIntervalMs: 0,
    });
    expect(reports.map((report) => report.ok)).toEqual([6, 6]);
    expect(new Set(reports.map((report) => report.pid)).size).toBe(2);
    expect(new Set(server.seen.map((request) => /worker=(\d+)/.exec(request.url)?.[1])).size).toBe(2);
    // Each process alone would run 2 at once; together, without the shared limit, 4.
    expect(server.maxInFlight()).toBe(2);
  });

  it('spaces request starts from both processes by the shared minimum interval', async () => {
    starts.length = 0;
    const reports = await spawnWorkers({
      keyPrefix: `${testRedis.keyPrefix}interval:`,
      requests: 3,
      perHostConcurrency: 10,
      perHostMinIntervalMs: 200,
    });
    expect(reports.map((report) => report.ok)).toEqual([3, 3]);
    const sorted = [...starts].sort((a, b) => a - b);
    expect(sorted).toHaveLength(6);
    // Six starts 200 ms apart span 1000 ms. Separate limits would let both processes start together: ~400 ms.
    // Arrival times jitter on a busy machine, and only a late first arrival shortens the span, so allow 200 ms.
    expect((sorted.at(-1) ?? 0) - (sorted[0] ?? 0)).toBeGreaterThanOrEqual(800);
  });
});
