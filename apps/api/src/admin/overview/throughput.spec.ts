import { JobName } from '@copydesk/contracts';
import type { MinuteCounts } from '@copydesk/queue';
import { buildThroughput } from './throughput';

const minute = (i: number): Date => new Date(Date.UTC(2026, 0, 1, 10, i));

describe('buildThroughput', () => {
  it('puts each stage in its minute, from the database and the job counters, and totals them', () => {
    const minutes: Array<{ minute: Date; counts: MinuteCounts }> = [
      { minute: minute(0), counts: { [JobName.ProcessRawItem]: { ok: 2, failed: 1 }, [JobName.RouteArticle]: { ok: 1, failed: 0 } } },
      { minute: minute(1), counts: { [JobName.EnrichArticle]: { ok: 3, failed: 0 }, [JobName.ReEnrichArticle]: { ok: 1, failed: 1 } } },
      { minute: minute(2), counts: {} },
    ];
    const t = buildThroughput({
      minutes,
      received: new Map([[minute(0).getTime() / 1000, 4]]),
      delivered: new Map([[minute(2).getTime() / 1000, 5]]),
      errorWindowMinutes: 60,
    });
    expect(t.buckets).toEqual([
      { at: minute(0).toISOString(), received: 4, extracted: 2, enriched: 0, published: 1, delivered: 0 },
      { at: minute(1).toISOString(), received: 0, extracted: 0, enriched: 4, published: 0, delivered: 0 },
      { at: minute(2).toISOString(), received: 0, extracted: 0, enriched: 0, published: 0, delivered: 5 },
    ]);
    expect(t.totals).toEqual({ received: 4, extracted: 2, enriched: 4, published: 1, delivered: 5 });
    expect(t.windowSeconds).toBe(180);
    expect(t.errorRate).toMatchObject({ attempts: 9, failed: 2, rate: 2 / 9 });
    expect(t.errorRate.byJob.find((j) => j.job === String(JobName.ProcessRawItem))).toEqual({
      job: JobName.ProcessRawItem,
      attempts: 3,
      failed: 1,
    });
  });

  it('counts errors only within the error window, and has no rate without attempts', () => {
    const minutes: Array<{ minute: Date; counts: MinuteCounts }> = [
      { minute: minute(0), counts: { [JobName.Deliver]: { ok: 0, failed: 7 } } },
      { minute: minute(1), counts: {} },
    ];
    const t = buildThroughput({ minutes, received: new Map(), delivered: new Map(), errorWindowMinutes: 1 });
    expect(t.errorRate).toMatchObject({ attempts: 0, failed: 0, rate: null, windowSeconds: 60 });
  });
});
