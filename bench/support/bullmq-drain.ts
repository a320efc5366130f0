import { JOB_OPTIONS, JobName } from '@copydesk/contracts';
import { redisOptionsFromUrl } from '@copydesk/queue';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * The ceiling the pipeline runs under: jobs per second one BullMQ worker drains from this Redis when the jobs do
 * nothing, with the options Copydesk's jobs carry. Measured in the same run as the pipeline, on the same machine.
 */
export async function bareDrainRate(redisUrl: string, jobs = 5_000, concurrency = 16): Promise<number> {
  const prefix = `cdbench-drain-${Date.now().toString(36)}`;
  const connection = redisOptionsFromUrl(redisUrl);
  const queue = new Queue('drain', { connection, prefix });
  for (let i = 0; i < jobs; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, jobs - i) }, (_, k) => ({
        name: JobName.ProcessRawItem,
        data: { rawItemId: String(i + k), articleId: String(i + k), correlationId: 'drain' },
        opts: { ...JOB_OPTIONS[JobName.ProcessRawItem], jobId: `raw.${i + k}` },
      })),
    );
  }
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started = performance.now();
  const worker = new Worker(
    'drain',
    async () => {
      if (++done === jobs) finish();
      return null;
    },
    { connection, prefix, concurrency },
  );
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeys(redisUrl, `${prefix}:*`);
  return jobs / seconds;
}

export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisOptionsFromUrl(redisUrl));
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
