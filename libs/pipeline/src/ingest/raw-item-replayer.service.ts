import { AuditAction, JobName, RawItemStatus, jobId } from '@copydesk/contracts';
import { type AuditActor, AuditLogRepository, RawItemRepository } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';
import { FEED_ITEM_CONTENT_TYPE } from './drafts/feed-item.draft';
import { SCRAPE_REQUEST_CONTENT_TYPE } from './scrape-request';

/** Content types a raw item can be processed from; others (a whole feed document) are kept as evidence only. */
const PROCESSABLE = new Set([
  'application/json',
  FEED_ITEM_CONTENT_TYPE,
  SCRAPE_REQUEST_CONTENT_TYPE,
  'text/html',
  'application/xhtml+xml',
]);

/**
 * Processes a stored raw item again, from its stored bytes (a page is re-extracted, never re-fetched), e.g. after
 * an extraction fix. A replay never lets an older input overwrite what a newer one brought.
 */
@Injectable()
export class RawItemReplayer {
  constructor(
    private readonly rawItems: RawItemRepository,
    private readonly queue: JobQueue,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
  ) {}

  async replay(
    rawItemId: string,
    correlationId: string,
    actor?: AuditActor,
  ): Promise<{ rawItemId: string; articleId: string; status: RawItemStatus }> {
    const raw = await this.rawItems.findById(rawItemId);
    if (!raw) throw new CopydeskException(ErrorCode.NotFound, `No raw item has the id ${rawItemId}.`);
    const type = raw.contentType.split(';')[0].trim().toLowerCase();
    if (!raw.articleId || !PROCESSABLE.has(type)) {
      throw new CopydeskException(ErrorCode.Conflict, `This raw item (${type}) is kept as evidence and is not processed on its own.`);
    }
    await this.dataSource.transaction(async (manager) => {
      await this.rawItems.resetForReplay(raw.id, manager);
      if (actor)
        await this.audit.record(
          actor,
          { action: AuditAction.RawItemReplayed, targetType: 'raw-item', targetId: raw.id, details: { articleId: raw.articleId } },
          manager,
        );
    });
    await this.queue.enqueue(
      JobName.ProcessRawItem,
      { rawItemId: raw.id, articleId: raw.articleId, correlationId },
      // A new job id: the original job may still be kept as completed, and would swallow the replay.
      { jobId: jobId('raw', raw.id, 'replay', correlationId) },
    );
    return { rawItemId: raw.id, articleId: raw.articleId, status: RawItemStatus.Received };
  }
}
