// A stand-in ingest worker for the cross-process politeness test: one Fetcher on a shared Redis, firing a burst of
// fetches at one host. Configuration arrives as JSON in argv (the library itself never reads the environment).
import { Redis } from 'ioredis';
import { Fetcher } from '../fetcher.service';

interface WorkerConfig {
  redisUrl: string;
  keyPrefix: string;
  url: string;
  requests: number;
  perHostConcurrency: number;
  perHostMinIntervalMs: number;
}

// Both workers report ready and wait for the test's "go", so their bursts overlap whatever their boot times.
function readyAndWaitForGo(): Promise<void> {
  process.stdout.write('ready\n');
  return new Promise((resolve) => process.stdin.once('data', () => resolve()));
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[3] ?? '{}') as WorkerConfig;
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  const fetcher = new Fetcher({
    userAgent: 'CopydeskTest/1.0',
    allowLoopback: true,
    robots: { enabled: false },
    redis,
    keyPrefix: config.keyPrefix,
    perHostConcurrency: config.perHostConcurrency,
    perHostMinIntervalMs: config.perHostMinIntervalMs,
    hostPollMs: 10,
    timeoutMs: 10_000,
  });
  try {
    await redis.ping();
    await readyAndWaitForGo();
    const results = await Promise.allSettled(
      Array.from({ length: config.requests }, (_, i) => fetcher.fetch(`${config.url}?worker=${process.pid}&n=${i}`)),
    );
    const ok = results.filter((result) => result.status === 'fulfilled').length;
    process.stdout.write(`${JSON.stringify({ pid: process.pid, ok, failed: config.requests - ok })}\n`);
  } finally {
    await fetcher.close();
    redis.disconnect();
    process.stdin.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err));
  process.exitCode = 1;
});
