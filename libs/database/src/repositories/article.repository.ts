import { ArticleStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { ArticleEntity, ArticleRevisionEntity } from '../entities';
import { queryRows } from './query-rows';

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

/** Columns a service may set; jsonb columns hold plain JSON, which TypeORM's deep-partial type cannot express. */
export type ArticleFields = Partial<Omit<ArticleEntity, 'id' | 'createdAt' | 'updatedAt'>>;

@Injectable()
export class ArticleRepository {
  constructor(private readonly dataSource: DataSource) {}

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
   * the language-aware tsvector: with a language filter in that language's configuration, else in English and in
   * the language-neutral one, each a constant query the GIN index can serve.
   */
  async search(filter: ArticleSearch): Promise<ArticleEntity[]> {
    const qb = this.repo().createQueryBuilder('a');
    if (filter.q) {
      if (filter.language)
        qb.andWhere('a.search_vector @@ websearch_to_tsquery(copydesk_ts_config(:lang), :q)', { lang: filter.language, q: filter.q });
      else
        qb.andWhere(`(a.search_vector @@ websearch_to_tsquery('english', :q) OR a.search_vector @@ websearch_to_tsquery('simple', :q))`, {
          q: filter.q,
        });
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

  findById(id: string, manager?: EntityManager): Promise<ArticleEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Locks the row for the rest of the transaction: revisions of one article are applied one at a time. */
  findForUpdate(id: string, manager: EntityManager): Promise<ArticleEntity | null> {
    return manager.getRepository(ArticleEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
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

  async insertRevision(revision: QueryDeepPartialEntity<ArticleRevisionEntity>, manager: EntityManager): Promise<void> {
    await manager.getRepository(ArticleRevisionEntity).insert(revision);
  }

  listRevisions(articleId: string): Promise<ArticleRevisionEntity[]> {
    return this.dataSource.getRepository(ArticleRevisionEntity).find({ where: { articleId }, order: { revision: 'ASC' } });
  }
}
