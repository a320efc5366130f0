import { ArticleStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { ArticleEntity, ArticleRevisionEntity } from '../entities';
import { articleJson } from './article-json.sql';
import { entityRows, type EntityRows } from './entity-rows';
import { preparedRows, queryRows } from './query-rows';

export interface AllocatedArticle {
  id: string;
  status: ArticleStatus;
  created: boolean;
}

export interface ArticleSearch {
  q?: string;
  status?: ArticleStatus;
  sourceIds?: string[];
  language?: string;
  publishedFrom?: Date;
  publishedTo?: Date;
  clusterId?: string;
  limit: number;
  /** Keyset cursor: the (created_at, id) of the last row of the previous page. */
  after?: { createdAt: Date; id: string };
}

/**
 * What enrichment checks and merges under an article's row lock: its state, not its text. A revision's text never
 * changes (a new one is a new revision; a takedown kills the article), so the text read before the lock stands.
 */
export type ArticleState = Pick<ArticleEntity, 'id' | 'status' | 'revision' | 'routedRevision' | 'language' | 'enrichment'>;

/** Columns a service may set; jsonb columns hold plain JSON, which TypeORM's deep-partial type cannot express. */
export type ArticleFields = Partial<Omit<ArticleEntity, 'id' | 'createdAt' | 'updatedAt'>>;

/** A revision's row in article_revisions. */
export type NewRevision = Pick<
  ArticleRevisionEntity,
  | 'articleId'
  | 'revision'
  | 'rawItemId'
  | 'origin'
  | 'title'
  | 'byline'
  | 'bodyHtml'
  | 'bodyText'
  | 'contentHash'
  | 'changedFields'
  | 'diff'
> &
  Partial<Pick<ArticleRevisionEntity, 'agencyVersion'>>;

/** What a new revision sets on its article (which becomes `extracted`, its failure cleared). */
export type RevisedArticle = Pick<
  ArticleEntity,
  | 'id'
  | 'title'
  | 'byline'
  | 'authors'
  | 'description'
  | 'bodyHtml'
  | 'bodyText'
  | 'url'
  | 'canonicalUrl'
  | 'language'
  | 'publishedAt'
  | 'modifiedAt'
  | 'embargoUntil'
  | 'contentHash'
  | 'metadata'
  | 'contentChangedAt'
  | 'revision'
  | 'appliedReceivedAt'
  | 'correlationId'
>;

/** What one batch of inputs does to its articles, written in one statement. */
export interface AppliedInputs {
  /** New revisions, each with what it sets on its article (the texts travel once for both). */
  revised: Array<{ revision: NewRevision; article: RevisedArticle }>;
  /** Inputs that brought nothing new: only when they arrived is kept on the article. */
  touched: Array<{ id: string; receivedAt: Date }>;
  /** Raw items now processed (every input of the batch). */
  processedRawItemIds: string[];
}

// One round trip for the whole batch. Revised rows arrive as one jsonb array (parsed once: a CTE used twice is
// materialised); revised and touched articles are distinct rows, as a batch holds one input per article.
const APPLY_INPUTS = `
  WITH r AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, revision integer, "rawItemId" uuid, origin text, "agencyVersion" integer, "changedFields" jsonb,
      diff jsonb, title text, byline text, authors jsonb, description text, "bodyHtml" text, "bodyText" text, url text, "canonicalUrl" text,
      language text, "publishedAt" timestamptz, "modifiedAt" timestamptz, "embargoUntil" timestamptz, "contentHash" text, metadata jsonb,
      "contentChangedAt" timestamptz, "appliedReceivedAt" timestamptz, "correlationId" text)
  ), revisions AS (
    INSERT INTO article_revisions (article_id, revision, raw_item_id, origin, agency_version, title, byline, body_html, body_text, content_hash,
      changed_fields, diff)
    SELECT id, revision, "rawItemId", origin, "agencyVersion", title, byline, "bodyHtml", "bodyText", "contentHash",
           ARRAY(SELECT jsonb_array_elements_text("changedFields")), diff
    FROM r
  ), revised AS (
    UPDATE articles a SET title = r.title, byline = r.byline, authors = r.authors, description = r.description, body_html = r."bodyHtml",
      body_text = r."bodyText", url = r.url, canonical_url = r."canonicalUrl", language = r.language, published_at = r."publishedAt",
      modified_at = r."modifiedAt", embargo_until = r."embargoUntil", content_hash = r."contentHash", metadata = r.metadata,
      content_changed_at = r."contentChangedAt", revision = r.revision, applied_received_at = r."appliedReceivedAt",
      correlation_id = r."correlationId", status = 'extracted', failure_reason = NULL, updated_at = now()
    FROM r WHERE a.id = r.id
  ), touched AS (
    UPDATE articles a SET applied_received_at = t.at, updated_at = now() FROM unnest($2::uuid[], $3::timestamptz[]) AS t(id, at) WHERE a.id = t.id
  ), processed AS (
    UPDATE raw_items SET status = 'processed', processed_at = now(), error = NULL WHERE id = ANY($4::uuid[])
  )
  SELECT 1`;

@Injectable()
export class ArticleRepository {
  private readonly rows: EntityRows<ArticleEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = entityRows(dataSource, ArticleEntity);
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ArticleEntity);
  }

  /**
   * Returns the article a raw item belongs to, creating it in `received` status if it is new. With an external id,
   * the unique (source, external id) index makes this an upsert: two pushes racing for one id get one article.
   */
  async allocate(sourceId: string, externalId: string | null, correlationId: string, manager: EntityManager): Promise<AllocatedArticle> {
    const id = randomUUID();
    if (externalId === null) {
      await manager.query(`INSERT INTO articles (id, source_id, status, correlation_id) VALUES ($1, $2, $3, $4)`, [
        id,
        sourceId,
        ArticleStatus.Received,
        correlationId,
      ]);
      return { id, status: ArticleStatus.Received, created: true };
    }
    // DO UPDATE (a no-op write) rather than DO NOTHING so RETURNING yields the existing row too.
    const rows: Array<{ id: string; status: ArticleStatus; created: boolean }> = await manager.query(
      `INSERT INTO articles (id, source_id, external_id, status, correlation_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (source_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET external_id = EXCLUDED.external_id
       RETURNING id, status, (xmax = 0) AS created`,
      [id, sourceId, externalId, ArticleStatus.Received, correlationId],
    );
    return rows[0];
  }

  /**
   * Newest first, by keyset (no OFFSET: page 1,000 costs what page 1 does). A query uses websearch syntax against
   * the language-aware tsvector (article_search): with a language filter in that language's configuration, else in
   * English and in the language-neutral one, each a constant query the GIN index can serve.
   */
  async search(filter: ArticleSearch): Promise<ArticleEntity[]> {
    const qb = this.repo().createQueryBuilder('a');
    if (filter.q) {
      if (filter.language)
        qb.andWhere(
          'a.id IN (SELECT s.article_id FROM article_search s WHERE s.search_vector @@ websearch_to_tsquery(copydesk_ts_config(:lang), :q))',
          {
            lang: filter.language,
            q: filter.q,
          },
        );
      else
        qb.andWhere(
          `a.id IN (SELECT s.article_id FROM article_search s
                    WHERE s.search_vector @@ websearch_to_tsquery('english', :q) OR s.search_vector @@ websearch_to_tsquery('simple', :q))`,
          {
            q: filter.q,
          },
        );
    }
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.sourceIds?.length) qb.andWhere('a.sourceId IN (:...sourceIds)', { sourceIds: filter.sourceIds });
    if (filter.language)
      qb.andWhere(`(a.language = :language OR a.language LIKE :prefix)`, { language: filter.language, prefix: `${filter.language}-%` });
    if (filter.publishedFrom) qb.andWhere('a.publishedAt >= :from', { from: filter.publishedFrom });
    if (filter.publishedTo) qb.andWhere('a.publishedAt < :to', { to: filter.publishedTo });
    if (filter.clusterId) qb.andWhere('a.clusterId = :clusterId', { clusterId: filter.clusterId });
    if (filter.after)
      qb.andWhere('(a.createdAt, a.id) < (:afterAt, :afterId)', { afterAt: filter.after.createdAt, afterId: filter.after.id });
    return qb.orderBy('a.createdAt', 'DESC').addOrderBy('a.id', 'DESC').take(filter.limit).getMany();
  }

  findByExternalId(sourceId: string, externalId: string): Promise<ArticleEntity | null> {
    return this.repo().findOneBy({ sourceId, externalId });
  }

  async findById(id: string, manager?: EntityManager): Promise<ArticleEntity | null> {
    if (manager) return this.repo(manager).findOneBy({ id });
    // Every read of one article (each job's first step, the API's other routes): prepared once per connection, without
    // the query builder's work on every call.
    const [row] = await preparedRows<Record<string, unknown>>(
      this.dataSource,
      'articles_find_by_id',
      `SELECT ${this.rows.columns('a')} FROM articles a WHERE a.id = $1::uuid`,
      [id],
    );
    return row ? this.rows.toEntity(row) : null;
  }

  /**
   * GET /v1/articles/:id: the article as the API answers it, as JSON text written by PostgreSQL (see article-json.sql),
   * with its source for the key's access check. Prepared once per connection.
   */
  async findJsonById(id: string): Promise<{ sourceId: string; json: string } | null> {
    const [row] = await preparedRows<{ source_id: string; json: string }>(
      this.dataSource,
      'articles_json_by_id',
      `SELECT a.source_id, ${articleJson('a')} AS json FROM articles a WHERE a.id = $1::uuid`,
      [id],
    );
    return row ? { sourceId: row.source_id, json: row.json } : null;
  }

  /** Several articles by id, in one statement (those that exist, in no particular order). */
  async findMany(ids: string[]): Promise<ArticleEntity[]> {
    const rows = await preparedRows<Record<string, unknown>>(
      this.dataSource,
      'articles_find_many',
      `SELECT ${this.rows.columns('a')} FROM articles a WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => this.rows.toEntity(row));
  }

  /** Locks the row for the rest of the transaction: revisions of one article are applied one at a time. */
  findForUpdate(id: string, manager: EntityManager): Promise<ArticleEntity | null> {
    return manager.getRepository(ArticleEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  /**
   * Locks the rows for the rest of the transaction, in id order so two batches never wait for each other in a
   * cycle. FOR NO KEY UPDATE: exclusive against every other writer, but foreign-key checks of rows that point at
   * these articles (relations, deliveries) still pass, so they cannot deadlock against it.
   */
  async lockMany(ids: string[], manager: EntityManager): Promise<ArticleEntity[]> {
    const rows = await preparedRows<Record<string, unknown>>(
      manager,
      'articles_lock_many',
      `SELECT ${this.rows.columns('a')} FROM articles a WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR NO KEY UPDATE`,
      [ids],
    );
    return rows.map((row) => this.rows.toEntity(row));
  }

  /**
   * {@link lockMany} without the texts and the rest of the row: the bodies are the widest columns (out of line and
   * compressed), and detoasting, sending and parsing them again cost more than the lock itself.
   */
  async lockStateMany(ids: string[], manager: EntityManager): Promise<ArticleState[]> {
    const rows = await preparedRows<{
      id: string;
      status: ArticleStatus;
      revision: number;
      routed_revision: number | null;
      language: string | null;
      enrichment: ArticleEntity['enrichment'];
    }>(
      manager,
      'articles_lock_state_many',
      `SELECT a.id, a.status, a.revision, a.routed_revision, a.language, a.enrichment FROM articles a
       WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR NO KEY UPDATE`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      revision: r.revision,
      routedRevision: r.routed_revision,
      language: r.language,
      enrichment: r.enrichment,
    }));
  }

  /** Writes what a batch of inputs does (see {@link AppliedInputs}) in one statement. */
  async applyInputs(applied: AppliedInputs, manager: EntityManager): Promise<void> {
    const { revised, touched, processedRawItemIds } = applied;
    if (!revised.length && !touched.length && !processedRawItemIds.length) return;
    const rows = revised.map(({ revision, article }) => ({
      ...article,
      rawItemId: revision.rawItemId,
      origin: revision.origin,
      agencyVersion: revision.agencyVersion ?? null,
      changedFields: revision.changedFields,
      diff: revision.diff,
    }));
    await preparedRows(manager, 'articles_apply_inputs', APPLY_INPUTS, [
      JSON.stringify(rows),
      touched.map((t) => t.id),
      touched.map((t) => t.receivedAt),
      processedRawItemIds,
    ]);
  }

  /** Older agency versions that arrived after newer ones: kept as revision rows that never became the content. */
  async recordSuperseded(revisions: NewRevision[], manager: EntityManager): Promise<void> {
    if (!revisions.length) return;
    await manager
      .getRepository(ArticleRevisionEntity)
      .insert(revisions.map((revision) => ({ ...revision, superseded: true })) as QueryDeepPartialEntity<ArticleRevisionEntity>[]);
  }

  /** The revisions were handed to the publish side: the articles are published at them. */
  async markRouted(routed: Array<{ id: string; revision: number }>, manager: EntityManager): Promise<void> {
    if (!routed.length) return;
    await preparedRows(
      manager,
      'articles_mark_routed',
      `UPDATE articles a SET status = $3, routed_revision = t.revision, updated_at = now()
       FROM unnest($1::uuid[], $2::integer[]) AS t(id, revision) WHERE a.id = t.id`,
      [routed.map((r) => r.id), routed.map((r) => r.revision), ArticleStatus.Published],
    );
  }

  async update(id: string, fields: ArticleFields, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, fields as QueryDeepPartialEntity<ArticleEntity>);
  }

  /** Moves the status forward only while the article is not killed and still at `revision`. */
  async advanceStatus(id: string, revision: number, status: ArticleStatus, extra: ArticleFields = {}): Promise<boolean> {
    const result = await this.repo()
      .createQueryBuilder()
      .update(ArticleEntity)
      .set({ ...extra, status } as QueryDeepPartialEntity<ArticleEntity>)
      .where('id = :id AND revision = :revision AND status <> :killed', { id, revision, killed: ArticleStatus.Killed })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Fails an article that never got content (revision 0): a later failure of an update leaves the article as it was. */
  async markFailedIfEmpty(id: string, reason: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE articles SET status = $2, failure_reason = $3, updated_at = now() WHERE id = $1 AND revision = 0`,
      [id, ArticleStatus.Failed, reason],
    );
  }

  /** Kills the article unless it is killed already; true when this call killed it. Nothing is ever deleted. */
  async markKilled(id: string, reason: string, manager?: EntityManager): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager ?? this.dataSource,
      `UPDATE articles SET status = $2, kill_reason = $3, killed_at = now(), updated_at = now() WHERE id = $1 AND status <> $2 RETURNING id`,
      [id, ArticleStatus.Killed, reason],
    );
    return rows.length > 0;
  }

  listRevisions(articleId: string): Promise<ArticleRevisionEntity[]> {
    return this.dataSource
      .getRepository(ArticleRevisionEntity)
      .find({ where: { articleId }, order: { revision: 'ASC', createdAt: 'ASC' } });
  }
}
