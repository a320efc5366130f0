import { type ArticleStatus, type RawItemOrigin, RawItemStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, IsNull, LessThan } from 'typeorm';
import { RawItemEntity } from '../entities';
import { preparedRows } from './query-rows';

export type NewRawItem = Pick<RawItemEntity, 'sourceId' | 'origin' | 'contentType' | 'payload' | 'correlationId'> &
  Partial<Pick<RawItemEntity, 'articleId' | 'url' | 'externalId' | 'metadata'>>;

/** An input as it arrived, to be stored with the article it belongs to. */
export interface ReceivedInput {
  sourceId: string;
  origin: RawItemOrigin;
  contentType: string;
  payload: Buffer;
  externalId: string | null;
  url: string | null;
  metadata: Record<string, unknown>;
  correlationId: string;
}

/** Where a received input went: its raw item and its article (created now, or found by source and external id). */
export interface StoredInput {
  rawItemId: string;
  articleId: string;
  articleStatus: ArticleStatus;
  created: boolean;
}

// One statement, so one round trip and one commit for any number of inputs. Articles are allocated by source and
// external id (an upsert: DO UPDATE, a no-op write, so RETURNING yields an existing row too; DISTINCT ON because one
// statement may not touch a row twice when a batch holds the same id twice); inputs without an external id get a new
// article each. Data-modifying CTEs always run to completion, referenced or not.
const STORE_RECEIVED = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::bytea[], $7::text[], $8::text[], $9::jsonb[], $10::text[])
      WITH ORDINALITY AS i(raw_id, new_article_id, source_id, origin, content_type, payload, external_id, url, metadata, correlation_id, ord)
  ), keyed AS (
    INSERT INTO articles (id, source_id, external_id, status, correlation_id)
    SELECT DISTINCT ON (source_id, external_id) new_article_id, source_id, external_id, 'received', correlation_id
    FROM input WHERE external_id IS NOT NULL ORDER BY source_id, external_id, ord
    ON CONFLICT (source_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET external_id = EXCLUDED.external_id
    RETURNING id, source_id, external_id, status, (xmax = 0) AS inserted
  ), bare AS (
    INSERT INTO articles (id, source_id, status, correlation_id)
    SELECT new_article_id, source_id, 'received', correlation_id FROM input WHERE external_id IS NULL
  ), allocated AS (
    SELECT i.*, coalesce(k.id, i.new_article_id) AS article_id, coalesce(k.status, 'received') AS article_status,
           CASE WHEN k.id IS NULL THEN true ELSE k.inserted AND k.id = i.new_article_id END AS created
    FROM input i LEFT JOIN keyed k ON k.source_id = i.source_id AND k.external_id = i.external_id
  ), stored AS (
    INSERT INTO raw_items (id, source_id, article_id, origin, content_type, payload, external_id, url, metadata, status, correlation_id)
    SELECT raw_id, source_id, article_id, origin, content_type, payload, external_id, url, metadata, 'received', correlation_id FROM allocated
  )
  SELECT raw_id, article_id, article_status, created FROM allocated ORDER BY ord`;

@Injectable()
export class RawItemRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RawItemEntity);
  }

  /**
   * Stores an input as received. `alreadyProcessed` is for inputs whose work happens in the same step (a feed
   * document split into items, a page fetched and extracted by the job that fetched it): no job is queued for them.
   */
  async insert(item: NewRawItem, manager?: EntityManager, alreadyProcessed = false): Promise<RawItemEntity> {
    const repo = this.repo(manager);
    const now = alreadyProcessed ? new Date() : null;
    return repo.save(
      repo.create({
        ...item,
        status: alreadyProcessed ? RawItemStatus.Processed : RawItemStatus.Received,
        metadata: item.metadata ?? {},
        enqueuedAt: now,
        processedAt: now,
      }),
    );
  }

  /** Stores inputs as received, each with its article, in one statement: all of them or none. */
  async storeReceived(inputs: ReceivedInput[]): Promise<StoredInput[]> {
    const rows = await preparedRows<{ raw_id: string; article_id: string; article_status: ArticleStatus; created: boolean }>(
      this.dataSource,
      'raw_items_store_received',
      STORE_RECEIVED,
      [
        inputs.map(() => randomUUID()),
        inputs.map(() => randomUUID()),
        inputs.map((i) => i.sourceId),
        inputs.map((i) => i.origin),
        inputs.map((i) => i.contentType),
        inputs.map((i) => i.payload),
        inputs.map((i) => i.externalId),
        inputs.map((i) => i.url),
        inputs.map((i) => JSON.stringify(i.metadata)),
        inputs.map((i) => i.correlationId),
      ],
    );
    return rows.map((r) => ({ rawItemId: r.raw_id, articleId: r.article_id, articleStatus: r.article_status, created: r.created }));
  }

  /** Marks raw items as handed to the queue (the outbox sweeper skips them from now on). */
  async markEnqueuedMany(ids: string[]): Promise<void> {
    if (ids.length) await this.dataSource.query(`UPDATE raw_items SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  findById(id: string, manager?: EntityManager): Promise<RawItemEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** The raw items of an article, newest first, without their payloads. */
  listForArticle(articleId: string): Promise<RawItemEntity[]> {
    return this.repo()
      .createQueryBuilder('r')
      .select([
        'r.id',
        'r.sourceId',
        'r.articleId',
        'r.origin',
        'r.contentType',
        'r.url',
        'r.externalId',
        'r.metadata',
        'r.status',
        'r.error',
        'r.attempts',
        'r.correlationId',
        'r.receivedAt',
        'r.processedAt',
      ])
      .where('r.articleId = :articleId', { articleId })
      .orderBy('r.receivedAt', 'DESC')
      .getMany();
  }

  /** Makes a raw item processable again, for a replay. */
  async resetForReplay(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: RawItemStatus.Received, error: null, processedAt: null, enqueuedAt: new Date() });
  }

  async markEnqueued(id: string): Promise<void> {
    await this.repo().update({ id }, { enqueuedAt: new Date() });
  }

  /** Items committed but never queued (the process died between commit and enqueue): the outbox sweeper's work. */
  findUnqueued(receivedBefore: Date, limit: number): Promise<RawItemEntity[]> {
    return this.repo().find({
      where: { enqueuedAt: IsNull(), receivedAt: LessThan(receivedBefore) },
      order: { receivedAt: 'ASC' },
      take: limit,
      select: { id: true, articleId: true, correlationId: true },
    });
  }

  /** Several raw items by id, in one statement (those that exist). */
  findManyById(ids: string[]): Promise<RawItemEntity[]> {
    return this.repo().findBy({ id: In(ids) });
  }

  async markProcessedMany(ids: string[], manager: EntityManager): Promise<void> {
    if (ids.length)
      await manager.query(`UPDATE raw_items SET status = $2, processed_at = now(), error = NULL WHERE id = ANY($1::uuid[])`, [
        ids,
        RawItemStatus.Processed,
      ]);
  }

  async markFailed(id: string, error: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: RawItemStatus.Failed, processedAt: new Date(), error });
  }

  async countAttempt(id: string): Promise<void> {
    await this.repo().increment({ id }, 'attempts', 1);
  }
}
