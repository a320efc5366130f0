import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { JobAttemptCounter, readJobAttempts } from './stage-counters';

// The run's Redis (globalSetup sets REDIS_URL); keys under a prefix of this spec's own, deleted after.
describe('JobAttemptCounter (real Redis)', () => {
  let redis: Redis;
  const prefix = `cdtest-counters-${randomBytes(4).toString('hex')}`;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL as string);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('writes the first count at once and adds up those counted meanwhile into one more round trip', async () => {
    const errors: unknown[] = [];
    const counter = new JobAttemptCounter(redis, prefix, (err) => errors.push(err));
    const multi = jest.spyOn(redis, 'multi');
    const at = Date.UTC(2026, 11, 7, 12, 30, 15);

    counter.count('ingest.process-raw-item', 'ok', at);
    for (let i = 0; i < 9; i++) counter.count('ingest.process-raw-item', 'ok', at);
    counter.count('ingest.process-raw-item', 'failed', at);
    // Another minute in the same write: a key of its own.
    counter.count('enrichment.enrich-article', 'ok', at + 60_000);

    let counts: Awaited<ReturnType<typeof readJobAttempts>> = [];
    for (let i = 0; i < 50; i++) {
      counts = await readJobAttempts(redis, prefix, new Date(at), new Date(at + 60_000));
      if (counts[1]?.counts['enrichment.enrich-article']) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(counts[0].counts['ingest.process-raw-item']).toEqual({ ok: 10, failed: 1 });
    expect(counts[1].counts['enrichment.enrich-article']).toEqual({ ok: 1, failed: 0 });
    expect(multi).toHaveBeenCalledTimes(2);
    expect(errors).toEqual([]);
    expect(await redis.ttl(`${prefix}:stats:jobs:${Date.UTC(2026, 11, 7, 12, 30)}`)).toBeGreaterThan(25 * 3600);
  });
});
