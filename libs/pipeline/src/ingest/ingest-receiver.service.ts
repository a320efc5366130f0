import { ArticleStatus, JobName, RawItemOrigin, jobId } from '@copydesk/contracts';
import { ArticleRepository, DEFAULT_PUSH_SOURCE_SLUG, RawItemRepository, SourceRepository, type SourceEntity } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

/**
 * The front door of the pipeline: stores an input as a raw item, allocates (or finds) its article, commits, and
 * only then queues the work. If the queue is unreachable after the commit, nothing is lost: the outbox sweeper in
 * the ingest worker queues every raw item that was committed but never enqueued.
 */
@Injectable()
export class IngestReceiver {
  private readonly logger = new Logger(IngestReceiver.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: SourceRepository,
    private readonly articles: ArticleRepository,
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
      const source = await this.sources.findBySlug(slug);
      if (!source) throw new CopydeskException(ErrorCode.UnknownSource, `No source has the slug "${slug}".`, { source: slug });
      return source;
    }
    const source = keyDefaultSourceId ? await this.sources.findById(keyDefaultSourceId) : await this.sources.findBySlug(fallbackSlug);
    if (!source) throw new CopydeskException(ErrorCode.UnknownSource, 'The default push source is missing; name a source in the request.');
    return source;
  }

  async receive(source: SourceEntity, input: RawInput, correlationId: string): Promise<Receipt> {
    const [receipt] = await this.receiveMany(source, [input], correlationId);
    return receipt;
  }

  /** Several inputs in one transaction: a batch is stored whole or not at all. */
  async receiveMany(source: SourceEntity, inputs: RawInput[], correlationId: string): Promise<Receipt[]> {
    const receipts = await this.dataSource.transaction(async (manager) => {
      const stored: Receipt[] = [];
      for (const input of inputs) {
        const allocated = await this.articles.allocate(source.id, input.externalId, correlationId, manager);
        const rawItem = await this.rawItems.insert(
          {
            sourceId: source.id,
            articleId: allocated.id,
            origin: input.origin,
            contentType: input.contentType,
            payload: input.payload,
            externalId: input.externalId,
            url: input.url ?? null,
            metadata: input.metadata ?? {},
            correlationId,
          },
          manager,
        );
        stored.push({ id: allocated.id, status: allocated.status, rawItemId: rawItem.id, created: allocated.created });
      }
      return stored;
    });

    for (const receipt of receipts) {
      try {
        await this.queue.enqueue(
          JobName.ProcessRawItem,
          { rawItemId: receipt.rawItemId, articleId: receipt.id, correlationId },
          { jobId: jobId('raw', receipt.rawItemId) },
        );
        await this.rawItems.markEnqueued(receipt.rawItemId);
      } catch (err) {
        // Stored is what we promised; the sweeper will queue it.
        this.logger.warn(
          { err, rawItemId: receipt.rawItemId, articleId: receipt.id },
          'raw item stored but not queued; the outbox sweeper will retry',
        );
      }
    }
    return receipts;
  }
}
