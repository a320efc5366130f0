import type { ArticleStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ArticleEntity } from '../entities';
import { type ArticleKeyset, type ArticleQuery, type ArticleSelect, buildSearch } from './article-search.sql';

export * from './article-search.sql';

/** An article without its bodies, as lists show it. */
export type ArticleSummary = Omit<ArticleEntity, 'bodyHtml' | 'bodyText'>;

export interface ArticleHit {
  article: ArticleSummary;
  /** The keyset of this row, for the next page's cursor. */
  keyset: ArticleKeyset;
  /** ts_rank against the query in the article's own language configuration; null without q. */
  rank: number | null;
  /** Matching passages, the words between \u0002 and \u0003 (the caller escapes the text and marks them). */
  highlight: string | null;
}

/** A hit whose article is JSON text written by PostgreSQL: the API's list item (see article-json.sql), without rank and highlight. */
export interface ArticleJsonHit extends Omit<ArticleHit, 'article'> {
  json: string;
}

/** What a row says of its place in the results, whatever it carries of the article. */
interface Ranking {
  id: string;
  time_key: string;
  rank: number | null;
  as_of: string | null;
  highlight: string | null;
}

interface Row extends Ranking {
  source_id: string;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  byline: string | null;
  authors: string[];
  description: string | null;
  language: string | null;
  published_at: Date | null;
  modified_at: Date | null;
  embargo_until: Date | null;
  status: ArticleStatus;
  failure_reason: string | null;
  kill_reason: string | null;
  killed_at: Date | null;
  content_hash: string | null;
  revision: number;
  enrichment: Record<string, unknown> | null;
  enricher_version: string | null;
  enriched_revision: number | null;
  routed_revision: number | null;
  applied_received_at: Date | null;
  metadata: Record<string, unknown>;
  correlation_id: string | null;
  content_changed_at: Date | null;
  cluster_id: string | null;
  enriched_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** How long the list of configurations in use is trusted: an article in a new language is found without a language filter after at most this. */
const CONFIGS_TTL_MS = 60_000;

/**
 * Article lists and full-text search, in SQL the indexes serve: keyset pages (no OFFSET), newest first or by
 * relevance, the query parsed in each article's own language configuration, snippets only for the page's rows.
 */
@Injectable()
export class ArticleSearchRepository {
  private configs: { at: number; list: Promise<string[]> } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async search(query: ArticleQuery): Promise<ArticleHit[]> {
    const rows = await this.rows<Row>(query, 'columns');
    return rows.map((row) => ({ article: toSummary(row), ...toRanking(row, query) }));
  }

  /** As search, each article as the JSON text of the API's list item, for an answer that passes it through. */
  async searchJson(query: ArticleQuery): Promise<ArticleJsonHit[]> {
    const rows = await this.rows<Ranking & { json: string }>(query, 'json');
    return rows.map((row) => ({ json: row.json, ...toRanking(row, query) }));
  }

  private async rows<R>(query: ArticleQuery, select: ArticleSelect): Promise<R[]> {
    const configs = query.q && !query.language && !query.configs ? await this.configsInUse() : query.configs;
    const { sql, parameters } = buildSearch({ ...query, configs }, select);
    return this.dataSource.query<R[]>(sql, parameters);
  }

  /**
   * The configurations the indexed texts are in (only those can match), read by a loose scan of an index on
   * `article_search` (a handful of probes, whatever the archive's size) and kept a minute: a query is parsed in those
   * only.
   */
  configsInUse(): Promise<string[]> {
    if (this.configs && Date.now() - this.configs.at < CONFIGS_TTL_MS) return this.configs.list;
    const list = this.dataSource
      .query<Array<{ config: string }>>(
        `WITH RECURSIVE c AS (
           (SELECT config::oid AS cfg FROM article_search ORDER BY 1 LIMIT 1)
           UNION ALL
           SELECT (SELECT s.config::oid FROM article_search s WHERE s.config::oid > c.cfg ORDER BY 1 LIMIT 1)
           FROM c WHERE c.cfg IS NOT NULL
         )
         SELECT cfg::regconfig::text AS config FROM c WHERE cfg IS NOT NULL`,
      )
      .then((rows) => rows.map((row) => row.config.replace(/^pg_catalog\./, '')));
    this.configs = { at: Date.now(), list };
    list.catch(() => (this.configs = null));
    return list;
  }
}

function toSummary(row: Row): ArticleSummary {
  return {
    id: row.id,
    sourceId: row.source_id,
    externalId: row.external_id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    title: row.title,
    byline: row.byline,
    authors: row.authors,
    description: row.description,
    language: row.language,
    publishedAt: row.published_at,
    modifiedAt: row.modified_at,
    embargoUntil: row.embargo_until,
    status: row.status,
    failureReason: row.failure_reason,
    killReason: row.kill_reason,
    killedAt: row.killed_at,
    contentHash: row.content_hash,
    revision: row.revision,
    enrichment: row.enrichment,
    enricherVersion: row.enricher_version,
    enrichedRevision: row.enriched_revision,
    routedRevision: row.routed_revision,
    appliedReceivedAt: row.applied_received_at,
    metadata: row.metadata,
    correlationId: row.correlation_id,
    contentChangedAt: row.content_changed_at,
    clusterId: row.cluster_id,
    enrichedAt: row.enriched_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRanking(row: Ranking, query: ArticleQuery): Omit<ArticleHit, 'article'> {
  const keyset: ArticleKeyset =
    query.sort === 'relevance' && query.q
      ? { sort: 'relevance', rank: Number(row.rank), id: row.id, ...(row.as_of ? { asOf: row.as_of } : {}) }
      : { sort: 'newest', at: row.time_key, id: row.id };
  return { keyset, rank: row.rank === null ? null : Number(row.rank), highlight: row.highlight ?? null };
}
