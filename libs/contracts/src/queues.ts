/*
 * WIRE CONTRACT. Queue and job names are stored in Redis with every job. Renaming one strands the jobs already
 * queued under the old name: add a new name and retire the old one after the queues drain.
 */
import type { JobsOptions } from 'bullmq';
import type { ArticleEventType } from './events';
import type { ArticleStatus } from './statuses';

export enum QueueName {
  Ingest = 'ingest',
  /** Feed polls: kept apart so a slow or rate-limited feed never holds up articles already received. */
  Poll = 'poll',
  Enrichment = 'enrichment',
  Publish = 'publish',
}

export enum JobName {
  ProcessRawItem = 'ingest.process-raw-item',
  PollSource = 'poll.poll-source',
  ClusterArticle = 'ingest.cluster-article',
  EnrichArticle = 'enrichment.enrich-article',
  /** Enrichment run again on request (one article, or one of a bulk re-enrich), not because a revision arrived. */
  ReEnrichArticle = 'enrichment.re-enrich-article',
  /** One page of a bulk re-enrich: queues the next articles of the filter, then the page after. */
  ReEnrichPage = 'enrichment.re-enrich-page',
  RouteArticle = 'publish.route-article',
  Deliver = 'publish.deliver',
}

/** Payloads carry ids, never rows: the row may change between enqueue and run, the id does not. */
export interface JobPayloads {
  [JobName.ProcessRawItem]: { rawItemId: string; articleId: string; correlationId: string };
  /** From a source's job scheduler (no correlation id: each poll mints one) or from "poll now". */
  [JobName.PollSource]: { sourceId: string; correlationId?: string };
  [JobName.EnrichArticle]: { articleId: string; revision: number; correlationId: string };
  /** After enrichment, when the article's entities are known. */
  [JobName.ClusterArticle]: { articleId: string; revision: number; correlationId: string };
  /** `revision`: the current one when it was asked for (a newer revision has its own job). `requestId`: the asking request. */
  [JobName.ReEnrichArticle]: { articleId: string; revision: number; requestId: string; correlationId: string };
  /** `after`: the last article id of the previous page (pages go by id); `remaining`: articles still to queue. */
  [JobName.ReEnrichPage]: {
    requestId: string;
    filter: ReEnrichFilter;
    after: string | null;
    remaining: number;
    page: number;
    correlationId: string;
  };
  [JobName.RouteArticle]: { articleId: string; revision: number; event: ArticleEventType; correlationId: string };
  [JobName.Deliver]: { deliveryId: string; articleId: string; correlationId: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

/** Which queue carries each job; `satisfies` makes the compiler refuse a job without a queue. */
export const JOB_QUEUE = {
  [JobName.ProcessRawItem]: QueueName.Ingest,
  [JobName.PollSource]: QueueName.Poll,
  [JobName.ClusterArticle]: QueueName.Ingest,
  [JobName.EnrichArticle]: QueueName.Enrichment,
  [JobName.ReEnrichArticle]: QueueName.Enrichment,
  [JobName.ReEnrichPage]: QueueName.Enrichment,
  [JobName.RouteArticle]: QueueName.Publish,
  [JobName.Deliver]: QueueName.Publish,
} as const satisfies Record<JobName, QueueName>;

/** The jobs a queue carries, e.g. `JobsOn<QueueName.Publish>` is RouteArticle | Deliver. */
export type JobsOn<Q extends QueueName> = { [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never }[JobName];

/**
 * Jobs one worker process runs at once, per queue, as a multiple of WORKER_CONCURRENCY (4 by default). Ingest and
 * enrichment jobs spend most of their time waiting for a batch to be written (jobs running at once share one
 * transaction), so more at once means bigger batches, not more CPU: the batches are as big as the jobs running at
 * once allow, whatever the load. bench:pipeline on 2 cores, 1,500 texts: 8 at once cost 46 ms of CPU per article
 * (17 statements, 7.3 commits), 32 cost 26-33 ms (7.1, 3.0), 64 cost 23-25 ms (5.0, 2.0) at the same peak RSS. Deliver
 * jobs wait on subscribers' sockets, and a subscriber's in-flight cap is a quarter of them. Polls fetch feeds from
 * other sites, whose politeness limits apply anyway.
 */
export const QUEUE_CONCURRENCY_FACTOR: Record<QueueName, number> = {
  [QueueName.Ingest]: 16,
  [QueueName.Poll]: 1,
  [QueueName.Enrichment]: 16,
  [QueueName.Publish]: 16,
};

const keepForADay = { age: 24 * 3600, count: 10_000 };
const keepFailedForAWeek = { age: 7 * 24 * 3600, count: 50_000 };

/**
 * Attempts, backoff and retention per job. Pipeline jobs retry a few times with exponential backoff: their work is
 * idempotent (deterministic job ids, upserts keyed by raw item and revision). Delivery retries follow the
 * subscription's own schedule and are driven by the publish worker, so a deliver job makes one attempt per run.
 */
export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  [JobName.ProcessRawItem]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
    removeOnComplete: keepForADay,
    removeOnFail: keepFailedForAWeek,
  },
  // A failed poll is not retried: the source's schedule polls again, later when it keeps failing.
  [JobName.PollSource]: {
    attempts: 1,
    removeOnComplete: { age: 3600, count: 1_000 },
    removeOnFail: keepFailedForAWeek,
  },
  [JobName.ClusterArticle]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
    removeOnComplete: keepForADay,
    removeOnFail: keepFailedForAWeek,
  },
  [JobName.EnrichArticle]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
    removeOnComplete: keepForADay,
    removeOnFail: keepFailedForAWeek,
  },
  [JobName.ReEnrichArticle]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
    removeOnComplete: keepForADay,
    removeOnFail: keepFailedForAWeek,
  },
  [JobName.ReEnrichPage]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
    removeOnComplete: keepForADay,
    removeOnFail: keepFailedForAWeek,
  },
  [JobName.RouteArticle]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
    removeOnComplete: keepForADay,
    removeOnFail: keepFailedForAWeek,
  },
  [JobName.Deliver]: {
    attempts: 1,
    removeOnComplete: keepForADay,
    removeOnFail: keepFailedForAWeek,
  },
};

/**
 * Which articles a bulk re-enrich covers (all conditions together; killed articles and articles without content
 * never). Versions: the article's stored enrichment is of another version (or there is none). Dates: ISO 8601,
 * `from` inclusive, `to` exclusive; `received` is when the article's first input arrived.
 */
export interface ReEnrichFilter {
  sourceIds?: string[];
  statuses?: ArticleStatus[];
  enricherVersionNot?: string;
  schemeVersionNot?: string;
  topicModelVersionNot?: string;
  publishedFrom?: string;
  publishedTo?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

/** BullMQ refuses ':' in custom job ids (it separates key parts in Redis). */
export function jobId(...parts: Array<string | number>): string {
  return parts.map((part) => String(part).replaceAll(':', '_')).join('.');
}
