import { type ArticleStatus, JobName, type RawItemOrigin, jobId } from '@copydesk/contracts';
import { DEFAULT_PUSH_SOURCE_SLUG, RawItemRepository, SourceRepository, type SourceEntity } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { MicroBatcher } from '@copydesk/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';

export interface RawInput {
  origin: RawItemOrigin;
  /** The bytes exactly as they arrived. */
  payload: Buffer;
  contentType: string;
  externalId: string | null;
  url?: string | null;
  metadata?: Record<string, unknown>;
}

export interface Receipt {
  id: string;
  status: ArticleStatus;
  rawItemId: string;
  created: boolean;
}

interface Reception {
  source: SourceEntity;
  inputs: RawInput[];
  correlationId: string;
}

/** Calls stored in one statement at most (a call may carry up to a hundred inputs). */
const MAX_CALLS_PER_WRITE = 64;
/** Sources change rarely and are read on every push: a found source is reused this long. */
const SOURCE_CACHE_MS = 2_000;

/**
 * The front door of the pipeline: stores an input as a raw item, allocates (or finds) its article, commits, and
 * only then queues the work. If the queue is unreachable after the commit, nothing is lost: the outbox sweeper in
 * the ingest worker queues every raw item that was committed but never enqueued.
 */
@Injectable()
export class IngestReceiver {
  private readonly logger = new Logger(IngestReceiver.name);
  private readonly writer = new MicroBatcher<Reception, Receipt[]>((calls) => this.store(calls), { maxSize: MAX_CALLS_PER_WRITE });
  private readonly sourceCache = new Map<string, { source: SourceEntity; until: number }>();

  constructor(
    private readonly sources: SourceRepository,
    private readonly rawItems: RawItemRepository,
    private readonly queue: JobQueue,
  ) {}

  /** The named source, else the key's default source, else the installation's default (CMS push, or web pages). */
  async resolveSource(
    slug: string | undefined,
    keyDefaultSourceId: string | null,
    fallbackSlug = DEFAULT_PUSH_SOURCE_SLUG,
  ): Promise<SourceEntity> {
    if (slug) {
      const source = await this.cached(`slug:${slug}`, () => this.sources.findBySlug(slug));
      if (!source) throw new CopydeskException(ErrorCode.UnknownSource, `No source has the slug "${slug}".`, { source: slug });
      return source;
    }
    const source = keyDefaultSourceId
      ? await this.cached(`id:${keyDefaultSourceId}`, () => this.sources.findById(keyDefaultSourceId))
      : await this.cached(`slug:${fallbackSlug}`, () => this.sources.findBySlug(fallbackSlug));
    if (!source) throw new CopydeskException(ErrorCode.UnknownSource, 'The default push source is missing; name a source in the request.');
    return source;
  }

  /** Only sources found are kept: one created a moment ago is seen at once. */
  private async cached(key: string, find: () => Promise<SourceEntity | null>): Promise<SourceEntity | null> {
    const hit = this.sourceCache.get(key);
    if (hit && hit.until > Date.now()) return hit.source;
    const source = await find();
    if (source) this.sourceCache.set(key, { source, until: Date.now() + SOURCE_CACHE_MS });
    else this.sourceCache.delete(key);
    return source;
  }

  async receive(source: SourceEntity, input: RawInput, correlationId: string): Promise<Receipt> {
    const [receipt] = await this.receiveMany(source, [input], correlationId);
    return receipt;
  }

  /**
   * Several inputs stored whole or not at all. Calls arriving while others are being stored are gathered and stored
   * together in one statement (group commit): each caller still hears back only after its own inputs are committed.
   */
  receiveMany(source: SourceEntity, inputs: RawInput[], correlationId: string): Promise<Receipt[]> {
    return this.writer.submit({ source, inputs, correlationId });
  }

  private async store(calls: Reception[]): Promise<Receipt[][]> {
    const stored = await this.rawItems.storeReceived(
      calls.flatMap(({ source, inputs, correlationId }) =>
        inputs.map((input) => ({
          sourceId: source.id,
          origin: input.origin,
          contentType: input.contentType,
          payload: input.payload,
          externalId: input.externalId,
          url: input.url ?? null,
          metadata: input.metadata ?? {},
          correlationId,
        })),
      ),
    );
    const receipts = stored.map((s) => ({ id: s.articleId, status: s.articleStatus, rawItemId: s.rawItemId, created: s.created }));
    const correlationIds = calls.flatMap(({ inputs, correlationId }) => inputs.map(() => correlationId));
    await this.queueAll(receipts, correlationIds);
    let offset = 0;
    return calls.map(({ inputs }) => receipts.slice(offset, (offset += inputs.length)));
  }

  /** Queues the stored items; whatever cannot be queued now is queued by the outbox sweeper. Never throws. */
  private async queueAll(receipts: Receipt[], correlationIds: string[]): Promise<void> {
    const queued = await Promise.all(
      receipts.map(async (receipt, i) => {
        try {
          await this.queue.enqueue(
            JobName.ProcessRawItem,
            { rawItemId: receipt.rawItemId, articleId: receipt.id, correlationId: correlationIds[i] },
            { jobId: jobId('raw', receipt.rawItemId) },
          );
          return receipt.rawItemId;
        } catch (err) {
          // Stored is what we promised; the sweeper will queue it.
          this.logger.warn(
            { err, rawItemId: receipt.rawItemId, articleId: receipt.id },
            'raw item stored but not queued; the outbox sweeper will retry',
          );
          return null;
        }
      }),
    );
    try {
      await this.rawItems.markEnqueuedMany(queued.filter((id): id is string => id !== null));
    } catch (err) {
      // Queued twice at worst: the job id is the raw item's, so the sweeper's second add is a no-op.
      this.logger.warn({ err, count: queued.length }, 'raw items queued but not marked; the outbox sweeper will look at them again');
    }
  }
}
