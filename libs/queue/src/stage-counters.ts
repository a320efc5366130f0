import type { Redis } from 'ioredis';

/** Minutes a counter is kept: a day and a bit, more than any chart shows. */
const KEEP_SECONDS = 26 * 3600;
const MINUTE_MS = 60_000;

export type JobOutcome = 'ok' | 'failed';

const minuteKey = (prefix: string, minute: number): string => `${prefix}:stats:jobs:${minute}`;

/** The whole minute (ms since the epoch) that holds `at`. */
export function minuteOf(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/**
 * Counts one finished attempt of a job, per job name and minute, in a hash that expires by itself. Two commands in
 * one round trip: cheap enough for every job, and it gives the dashboard per-stage throughput and error rates that
 * no table records (an enrichment or a routing leaves no timestamp of its own).
 */
export async function countJobAttempt(redis: Redis, prefix: string, jobName: string, outcome: JobOutcome, at = Date.now()): Promise<void> {
  const key = minuteKey(prefix, minuteOf(at));
  await redis.multi().hincrby(key, `${jobName}:${outcome}`, 1).expire(key, KEEP_SECONDS).exec();
}

/** Attempts per job name and outcome, for one minute. */
export type MinuteCounts = Record<string, { ok: number; failed: number }>;

/** The counts of every minute from the one holding `since` to the one holding `until`, oldest first (dense). */
export async function readJobAttempts(
  redis: Redis,
  prefix: string,
  since: Date,
  until: Date,
): Promise<Array<{ minute: Date; counts: MinuteCounts }>> {
  const minutes: number[] = [];
  for (let m = minuteOf(since.getTime()); m <= until.getTime(); m += MINUTE_MS) minutes.push(m);
  const pipeline = redis.pipeline();
  for (const m of minutes) pipeline.hgetall(minuteKey(prefix, m));
  const replies = (await pipeline.exec()) ?? [];
  return minutes.map((m, i) => {
    const [err, hash] = replies[i] ?? [null, {}];
    if (err) throw err;
    const counts: MinuteCounts = {};
    for (const [field, value] of Object.entries((hash as Record<string, string> | null) ?? {})) {
      const cut = field.lastIndexOf(':');
      const name = field.slice(0, cut);
      const outcome = field.slice(cut + 1);
      if (outcome !== 'ok' && outcome !== 'failed') continue;
      counts[name] ??= { ok: 0, failed: 0 };
      counts[name][outcome] += Number(value) || 0;
    }
    return { minute: new Date(m), counts };
  });
}
