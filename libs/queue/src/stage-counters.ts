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
 * Counts finished attempts of jobs, per job name and minute, in hashes that expire by themselves: the dashboard's
 * per-stage throughput and error rates, which no table records (an enrichment or a routing leaves no timestamp of
 * its own). Attempts counted while a write is on its way are added up and go in the next one, one HINCRBY per job
 * name, outcome and minute. Nothing waits on a timer: an idle process writes each count at once; a busy one writes
 * one round trip per batch of finished jobs instead of one per job. Counts of a write that fails are dropped (they are statistics; the job is never held up for them).
 */
export class JobAttemptCounter {
  /** Pending counts by minute, then by `jobName:outcome`. */
  private pending = new Map<number, Map<string, number>>();
  private writing = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly onError: (err: unknown) => void,
  ) {}

  count(jobName: string, outcome: JobOutcome, at = Date.now()): void {
    const minute = minuteOf(at);
    let fields = this.pending.get(minute);
    if (!fields) this.pending.set(minute, (fields = new Map<string, number>()));
    const field = `${jobName}:${outcome}`;
    fields.set(field, (fields.get(field) ?? 0) + 1);
    if (!this.writing) void this.write();
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.pending.size) {
      const batch = this.pending;
      this.pending = new Map();
      const multi = this.redis.multi();
      for (const [minute, fields] of batch) {
        const key = minuteKey(this.prefix, minute);
        for (const [field, n] of fields) multi.hincrby(key, field, n);
        multi.expire(key, KEEP_SECONDS);
      }
      try {
        await multi.exec();
      } catch (err) {
        this.onError(err);
      }
    }
    this.writing = false;
  }
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
