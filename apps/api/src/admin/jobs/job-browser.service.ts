import { AppConfig } from '@copydesk/config';
import { QueueName } from '@copydesk/contracts';
import { DashboardRepository, SourceRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

/** Jobs read per queue and state for one listing: the newest, which is what an operator looks for. */
const SCAN = 500;
/** A job running longer than this has probably lost its worker (BullMQ moves it back once its lock expires). */
const STUCK_ACTIVE_MS = 5 * 60_000;

export type JobKind = 'failed' | 'stuck';

export interface JobFilter {
  kind: JobKind;
  queue?: QueueName;
  article?: string;
  source?: string;
  error?: string;
  from?: Date;
  to?: Date;
}

export interface JobRow {
  ref: string;
  queue: QueueName;
  id: string;
  name: string;
  state: 'failed' | 'active' | 'waiting';
  reason: string | null;
  attempts: number;
  maxAttempts: number;
  /** When it failed, started or was queued (by state). */
  at: Date;
  articleId: string | null;
  sourceSlug: string | null;
}

export interface JobDetail extends JobRow {
  stacktrace: string[];
  data: unknown;
  options: unknown;
  createdAt: Date;
  processedAt: Date | null;
  finishedAt: Date | null;
}

const QUEUES = new Set<string>(Object.values(QueueName));

/** `queue:id`, the reference forms send for a job (queue names hold no colon, nor do BullMQ ids). */
export function parseJobRef(ref: string): { queue: QueueName; id: string } {
  const cut = ref.indexOf(':');
  const queue = ref.slice(0, cut);
  const id = ref.slice(cut + 1);
  if (cut < 1 || !QUEUES.has(queue) || !id) throw new CopydeskException(ErrorCode.ValidationFailed, `"${ref}" is not a job reference.`);
  return { queue: queue as QueueName, id };
}

/** Failed and stuck jobs across every queue: found by article, source, error text and time; retried or discarded. */
@Injectable()
export class JobBrowser {
  private readonly logger = new Logger(JobBrowser.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly dashboard: DashboardRepository,
    private readonly sources: SourceRepository,
    private readonly config: AppConfig,
  ) {}

  async list(filter: JobFilter): Promise<JobRow[]> {
    const queues = filter.queue ? [filter.queue] : (Object.values(QueueName) as QueueName[]);
    const found = (await Promise.all(queues.map((q) => this.read(q, filter.kind)))).flat();
    const rows = await this.describe(found);
    const needle = filter.error?.toLowerCase();
    const source = filter.source?.toLowerCase();
    return rows
      .filter(
        (row) =>
          (!filter.article || row.articleId === filter.article) &&
          (!source || row.sourceSlug === source) &&
          (!needle || (row.reason ?? '').toLowerCase().includes(needle)) &&
          (!filter.from || row.at >= filter.from) &&
          (!filter.to || row.at < filter.to),
      )
      .sort((a, b) => b.at.getTime() - a.at.getTime());
  }

  async get(ref: string): Promise<JobDetail> {
    const { queue, id } = parseJobRef(ref);
    const job = await this.jobs.queue(queue).getJob(id);
    if (!job) throw new CopydeskException(ErrorCode.NotFound, `There is no job ${id} on the ${queue} queue (any more).`);
    const state = await job.getState();
    const [row] = await this.describe([
      { queue, job: job as Job, state: state === 'failed' ? 'failed' : state === 'active' ? 'active' : 'waiting' },
    ]);
    return {
      ...row,
      stacktrace: job.stacktrace ?? [],
      data: job.data,
      options: job.opts,
      createdAt: new Date(job.timestamp),
      processedAt: job.processedOn ? new Date(job.processedOn) : null,
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    };
  }

  /** Puts failed jobs back to wait; answers what could not be retried and why. */
  async retry(refs: string[]): Promise<{ done: number; refused: string[] }> {
    return this.each(refs, async (job) => {
      await job.retry('failed');
    });
  }

  /** Removes jobs for good (a failed job not worth another try, a waiting one that must not run). */
  async discard(refs: string[]): Promise<{ done: number; refused: string[] }> {
    return this.each(refs, (job) => job.remove());
  }

  private async each(refs: string[], act: (job: Job) => Promise<void>): Promise<{ done: number; refused: string[] }> {
    let done = 0;
    const refused: string[] = [];
    for (const ref of refs) {
      try {
        const { queue, id } = parseJobRef(ref);
        const job = await this.jobs.queue(queue).getJob(id);
        if (!job) throw new Error('no such job any more');
        await act(job as Job);
        done++;
      } catch (err) {
        refused.push(`${ref}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (refused.length) this.logger.warn({ refused }, 'some jobs were left as they were');
    return { done, refused };
  }

  private async read(name: QueueName, kind: JobKind): Promise<Array<{ queue: QueueName; job: Job; state: JobRow['state'] }>> {
    const queue = this.jobs.queue(name);
    if (kind === 'failed')
      return (await queue.getJobs(['failed'], 0, SCAN - 1)).map((job) => ({ queue: name, job: job as Job, state: 'failed' as const }));
    const now = Date.now();
    const lagMs = this.config.get('ALERT_PIPELINE_LAG_SECONDS') * 1000;
    const active = (await queue.getJobs(['active'], 0, SCAN - 1)).filter(
      (job) => job.processedOn && now - job.processedOn > STUCK_ACTIVE_MS,
    );
    const waiting = (await queue.getJobs(['wait'], 0, SCAN - 1, true)).filter((job) => now - job.timestamp > lagMs);
    return [
      ...active.map((job) => ({ queue: name, job: job as Job, state: 'active' as const })),
      ...waiting.map((job) => ({ queue: name, job: job as Job, state: 'waiting' as const })),
    ];
  }

  /** Adds each job's article and source (jobs carry ids only: one query for all of them). */
  private async describe(found: Array<{ queue: QueueName; job: Job; state: JobRow['state'] }>): Promise<JobRow[]> {
    const data = (job: Job): { articleId?: string; sourceId?: string; rawItemId?: string } => (job.data ?? {}) as Record<string, string>;
    const articleIds = [...new Set(found.map(({ job }) => data(job).articleId).filter((id): id is string => Boolean(id)))];
    const [articleSources, sources] = await Promise.all([this.dashboard.articleSources(articleIds), this.sources.list()]);
    const byArticle = new Map(articleSources.map((row) => [row.articleId, row.sourceSlug]));
    const bySource = new Map(sources.map((s) => [s.id, s.slug]));
    return found.map(({ queue, job, state }) => {
      const d = data(job);
      const at = state === 'failed' ? job.finishedOn : state === 'active' ? job.processedOn : job.timestamp;
      return {
        ref: `${queue}:${job.id ?? ''}`,
        queue,
        id: job.id ?? '',
        name: job.name,
        state,
        reason: state === 'failed' ? (job.failedReason ?? null) : state === 'active' ? 'running for too long' : 'waiting for too long',
        attempts: job.attemptsMade,
        maxAttempts: job.opts.attempts ?? 1,
        at: new Date(at ?? job.timestamp),
        articleId: d.articleId ?? null,
        sourceSlug: (d.articleId ? byArticle.get(d.articleId) : undefined) ?? (d.sourceId ? bySource.get(d.sourceId) : undefined) ?? null,
      };
    });
  }
}
