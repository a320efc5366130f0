import type { ArticleStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ArticleEntity } from '../entities';

/**
 * Every configuration `copydesk_ts_config(language)` can answer (the first migration's mapping; a spec checks they
 * agree). A query without a language filter is parsed once in each, so every article is matched in its own.
 */
export const TS_CONFIGS = [
  'english',
  'french',
  'german',
  'spanish',
  'italian',
  'portuguese',
  'dutch',
  'swedish',
  'danish',
  'norwegian',
  'finnish',
  'russian',
  'turkish',
  'hungarian',
  'romanian',
  'simple',
] as const;

export type ArticleSort = 'newest' | 'relevance';

/** Where the previous page ended: the last row's (created_at, id), or its (rank, id) when sorted by relevance. */
/**
 * Where the previous page ended. Newest first orders by arrival (created_at), or by publication (published_at) when the
 * query has a publication range; `at` is that time of the last row, to the microsecond.
 */
export type ArticleKeyset = { sort: 'newest'; at: string; id: string } | { sort: 'relevance'; rank: number; id: string };

export interface ArticleQuery {
  /** websearch syntax: words, "phrases", -exclusions, OR. */
  q?: string;
  /** The text-search configurations to parse q in when no language is given (default: all of TS_CONFIGS). */
  configs?: readonly string[];
  sort: ArticleSort;
  status?: ArticleStatus;
  sourceIds?: readonly string[];
  language?: string;
  publishedFrom?: Date;
  publishedTo?: Date;
  clusterId?: string;
  /** An IPTC Media Topic qcode: articles with it or any narrower topic. */
  topic?: string;
  limit: number;
  after?: ArticleKeyset;
}

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

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';

const SUMMARY_COLUMNS = `a.id, a.source_id, a.external_id, a.url, a.canonical_url, a.title, a.byline, a.authors, a.description,
  a.language, a.published_at, a.modified_at, a.embargo_until, a.status, a.failure_reason, a.kill_reason, a.killed_at,
  a.content_hash, a.revision, a.enrichment, a.enricher_version, a.enriched_revision, a.routed_revision,
  a.applied_received_at, a.metadata, a.correlation_id, a.content_changed_at, a.cluster_id, a.enriched_at, a.created_at, a.updated_at`;

interface Row {
  id: string;
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
  time_key: string;
  rank: number | null;
  highlight: string | null;
}

/**
 * Article lists and full-text search, in SQL the indexes serve: keyset pages (no OFFSET), newest first or by
 * relevance, the query parsed in each article's own language configuration, snippets only for the page's rows.
 */
/** How long the list of configurations in use is trusted: an article in a new language is found without a language filter after at most this. */
const CONFIGS_TTL_MS = 60_000;

@Injectable()
export class ArticleSearchRepository {
  private configs: { at: number; list: Promise<string[]> } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async search(query: ArticleQuery): Promise<ArticleHit[]> {
    const configs = query.q && !query.language && !query.configs ? await this.configsInUse() : query.configs;
    const { sql, parameters } = buildSearch({ ...query, configs });
    const rows = await this.dataSource.query<Row[]>(sql, parameters);
    return rows.map((row) => toHit(row, query));
  }

  /**
   * The configurations the articles' languages map to, read by a loose scan of an index (a handful of probes,
   * whatever the archive's size) and kept a minute: a query is parsed in those only.
   */
  configsInUse(): Promise<string[]> {
    if (this.configs && Date.now() - this.configs.at < CONFIGS_TTL_MS) return this.configs.list;
    const list = this.dataSource
      .query<Array<{ config: string }>>(
        `WITH RECURSIVE c AS (
           (SELECT copydesk_ts_config(language)::oid AS cfg FROM articles ORDER BY 1 LIMIT 1)
           UNION ALL
           SELECT (SELECT copydesk_ts_config(language)::oid FROM articles WHERE copydesk_ts_config(language)::oid > c.cfg ORDER BY 1 LIMIT 1)
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

/**
 * The full-text part of a search: the parsed queries (a CTE named q), the conditions it adds to `where`, and the
 * query each article is ranked by.
 */
function fullTextMatch(
  query: ArticleQuery,
  text: string,
  param: (value: unknown) => string,
  where: string[],
): { cte: string; ownQuery: string } {
  const q = param(text);
  if (query.language) {
    // One language: one configuration, one constant query the GIN index serves directly.
    where.push('s.search_vector @@ q.own');
    return {
      cte: `q AS MATERIALIZED (SELECT websearch_to_tsquery(copydesk_ts_config(${param(query.language)}), ${q}) AS own)`,
      ownQuery: 'q.own',
    };
  }
  // Every configuration once: their OR finds candidates through the index, then each article must match the
  // query parsed in its own language's configuration (a German article by the German stems, and so on).
  const configs = TS_CONFIGS.filter((c) => c === 'simple' || (query.configs ?? TS_CONFIGS).includes(c));
  const own = configs.filter((c) => c !== 'simple');
  const ownQuery = own.length
    ? `(CASE copydesk_ts_config(a.language) ${own.map((c) => `WHEN '${c}'::regconfig THEN q.${c}`).join(' ')} ELSE q.simple END)`
    : 'q.simple';
  where.push(`s.search_vector @@ (${configs.map((c) => `q.${c}`).join(' || ')})`, `s.search_vector @@ ${ownQuery}`);
  return {
    cte: `q AS MATERIALIZED (SELECT ${configs.map((c) => `websearch_to_tsquery('${c}'::regconfig, ${q}) AS ${c}`).join(', ')})`,
    ownQuery,
  };
}

/** The statement for a query: exported for EXPLAIN in the benchmark. */
export function buildSearch(query: ArticleQuery): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const param = (value: unknown): string => `$${parameters.push(value)}`;
  const where: string[] = [];
  const { cte, ownQuery } = query.q ? fullTextMatch(query, query.q, param, where) : { cte: null, ownQuery: null };
  if (query.status) where.push(`a.status = ${param(query.status)}`);
  // One source as an equality, so the (source_id, …) indexes serve it in order; several as ANY.
  if (query.sourceIds?.length === 1) where.push(`a.source_id = ${param(query.sourceIds[0])}::uuid`);
  else if (query.sourceIds?.length) where.push(`a.source_id = ANY(${param(query.sourceIds)}::uuid[])`);
  if (query.language) {
    const language = param(query.language);
    where.push(`(a.language = ${language} OR a.language LIKE ${language} || '-%')`);
  }
  if (query.publishedFrom) where.push(`a.published_at >= ${param(query.publishedFrom)}`);
  if (query.publishedTo) where.push(`a.published_at < ${param(query.publishedTo)}`);
  if (query.clusterId) where.push(`a.cluster_id = ${param(query.clusterId)}`);
  if (query.topic) where.push(`a.topic_codes @> ARRAY[${param(query.topic)}]::text[]`);

  const relevance = query.sort === 'relevance' && ownQuery !== null;
  const rank = ownQuery ? `ts_rank(s.search_vector, ${ownQuery})::float4` : 'NULL::float4';
  const after = query.after;
  // A publication range is served by the (…, published_at) indexes in order: the page is newest by publication then.
  const time = !ownQuery && (query.publishedFrom || query.publishedTo) ? 'published_at' : 'created_at';
  if (after?.sort === 'newest') where.push(`(a.${time}, a.id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`);
  const limit = param(query.limit);
  const timeKey = `to_char(a.${time} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const filtered = `SELECT ${SUMMARY_COLUMNS}, ${timeKey} AS time_key, ${rank} AS rank
    FROM articles a${ownQuery ? ' JOIN article_search s ON s.article_id = a.id' : ''}${cte ? ', q' : ''}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const page = relevance
    ? `SELECT * FROM (${filtered}) hits
       ${after?.sort === 'relevance' ? `WHERE (hits.rank, hits.id) < (${param(after.rank)}::float4, ${param(after.id)}::uuid)` : ''}
       ORDER BY hits.rank DESC, hits.id DESC LIMIT ${limit}`
    : `${filtered} ORDER BY a.${time} DESC, a.id DESC LIMIT ${limit}`;
  if (!cte || !ownQuery) return { sql: page, parameters };
  // Snippets for the page's rows only: ts_headline re-reads the text, which is too dear for every match.
  const options = param(
    `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`,
  );
  const ownForPage = ownQuery.replace(/\ba\.language\b/g, 'page.language');
  const sql = `WITH ${cte}, page AS MATERIALIZED (${page})
    SELECT page.*, ts_headline(copydesk_ts_config(page.language), left(translate(coalesce(b.body_text, ''), chr(2) || chr(3), ''), 5000), ${ownForPage}, ${options}) AS highlight
    FROM page JOIN articles b ON b.id = page.id, q
    ORDER BY ${relevance ? 'page.rank DESC' : `page.${time} DESC`}, page.id DESC`;
  return { sql, parameters };
}

function toHit(row: Row, query: ArticleQuery): ArticleHit {
  const article: ArticleSummary = {
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
  const keyset: ArticleKeyset =
    query.sort === 'relevance' && query.q
      ? { sort: 'relevance', rank: Number(row.rank), id: row.id }
      : { sort: 'newest', at: row.time_key, id: row.id };
  return { article, keyset, rank: row.rank === null ? null : Number(row.rank), highlight: row.highlight ?? null };
}
