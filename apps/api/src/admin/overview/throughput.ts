import { JobName } from '@copydesk/contracts';
import type { MinuteCounts } from '@copydesk/queue';

/** The pipeline's stages as the chart shows them, in order. */
export const STAGES = ['received', 'extracted', 'enriched', 'published', 'delivered'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Stages read from the job counters: an article is extracted when its raw item's job succeeds, enriched when an
 * enrichment (or a re-enrichment) does, published when a routing does. Received and delivered come from PostgreSQL.
 */
export const COUNTED_STAGES: Record<'extracted' | 'enriched' | 'published', JobName[]> = {
  extracted: [JobName.ProcessRawItem],
  enriched: [JobName.EnrichArticle, JobName.ReEnrichArticle],
  published: [JobName.RouteArticle],
};

export type StageBucket = { at: string } & Record<Stage, number>;

export interface ErrorRate {
  windowSeconds: number;
  attempts: number;
  failed: number;
  /** failed ÷ attempts, null without attempts. */
  rate: number | null;
  /** Per job name: attempts and failures in the window. */
  byJob: Array<{ job: string; attempts: number; failed: number }>;
}

export interface Throughput {
  windowSeconds: number;
  bucketSeconds: number;
  buckets: StageBucket[];
  totals: Record<Stage, number>;
  errorRate: ErrorRate;
}

/** Per-minute series for every stage, from the database's counts and the job counters (both dense by minute). */
export function buildThroughput(input: {
  minutes: Array<{ minute: Date; counts: MinuteCounts }>;
  received: Map<number, number>;
  delivered: Map<number, number>;
  errorWindowMinutes: number;
}): Throughput {
  const totals = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  const buckets = input.minutes.map(({ minute, counts }) => {
    const epoch = minute.getTime() / 1000;
    const ok = (jobs: JobName[]): number => jobs.reduce((sum, job) => sum + (counts[job]?.ok ?? 0), 0);
    const bucket: StageBucket = {
      at: minute.toISOString(),
      received: input.received.get(epoch) ?? 0,
      extracted: ok(COUNTED_STAGES.extracted),
      enriched: ok(COUNTED_STAGES.enriched),
      published: ok(COUNTED_STAGES.published),
      delivered: input.delivered.get(epoch) ?? 0,
    };
    for (const stage of STAGES) totals[stage] += bucket[stage];
    return bucket;
  });
  const byJob = new Map<string, { attempts: number; failed: number }>();
  for (const { counts } of input.minutes.slice(-input.errorWindowMinutes)) {
    for (const [job, { ok, failed }] of Object.entries(counts)) {
      const entry = byJob.get(job) ?? { attempts: 0, failed: 0 };
      entry.attempts += ok + failed;
      entry.failed += failed;
      byJob.set(job, entry);
    }
  }
  const attempts = [...byJob.values()].reduce((sum, e) => sum + e.attempts, 0);
  const failed = [...byJob.values()].reduce((sum, e) => sum + e.failed, 0);
  return {
    windowSeconds: input.minutes.length * 60,
    bucketSeconds: 60,
    buckets,
    totals,
    errorRate: {
      windowSeconds: input.errorWindowMinutes * 60,
      attempts,
      failed,
      rate: attempts ? failed / attempts : null,
      byJob: [...byJob.entries()].map(([job, e]) => ({ job, ...e })).sort((a, b) => a.job.localeCompare(b.job)),
    },
  };
}
