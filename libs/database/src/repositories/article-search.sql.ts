import type { ArticleStatus } from '@copydesk/contracts';
import { articleSummaryJson } from './article-json.sql';

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

/**
 * How many matches sort=relevance ranks: the newest this many of the query's filters. ts_rank reads each match's
 * whole vector (kilobytes, out of line), which over every match of a common word took seconds at 100k articles.
 */
export const RANK_CANDIDATES = 500;

/**
 * How much of a body its snippet is taken from. ts_headline parses all the text it is given and picks fragments in
 * time that grows faster than the length: 5,000 characters cost about 1 ms per row, a page of snippets 20 ms.
 */
export const SNIPPET_PREFIX = 1500;

export type ArticleSort = 'newest' | 'relevance';

/**
 * Where the previous page ended. Newest first orders by arrival (created_at), or by publication (published_at) when the
 * query has a publication range; `at` is that time of the last row, to the microsecond. By relevance: the last row's
 * rank and id, and `asOf`, the arrival time the first page bounded its candidates by, so that articles arriving
 * while a reader pages neither push ranked rows out of the candidates nor slip in between pages.
 */
export type ArticleKeyset = { sort: 'newest'; at: string; id: string } | { sort: 'relevance'; rank: number; id: string; asOf?: string };

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

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';

const SUMMARY_COLUMNS = `a.id, a.source_id, a.external_id, a.url, a.canonical_url, a.title, a.byline, a.authors, a.description,
  a.language, a.published_at, a.modified_at, a.embargo_until, a.status, a.failure_reason, a.kill_reason, a.killed_at,
  a.content_hash, a.revision, a.enrichment, a.enricher_version, a.enriched_revision, a.routed_revision,
  a.applied_received_at, a.metadata, a.correlation_id, a.content_changed_at, a.cluster_id, a.enriched_at, a.created_at, a.updated_at`;

/**
 * What a row carries of its article: the summary's columns (for the entity), or `json`, the article as a list's item
 * (see article-json.sql) with its id, for an answer that passes it through.
 */
export type ArticleSelect = 'columns' | 'json';

const selected = (select: ArticleSelect): string => (select === 'json' ? `a.id, ${articleSummaryJson('a')} AS json` : SUMMARY_COLUMNS);

const utcKey = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type Param = (value: unknown) => string;

/** The conditions on `articles` (alias a) that are not the text's or the source's. */
function articleFilters(query: ArticleQuery, param: Param): string[] {
  const where: string[] = [];
  if (query.status) where.push(`a.status = ${param(query.status)}`);
  if (query.language) {
    const language = param(query.language);
    where.push(`(a.language = ${language} OR a.language LIKE ${language} || '-%')`);
  }
  if (query.publishedFrom) where.push(`a.published_at >= ${param(query.publishedFrom)}`);
  if (query.publishedTo) where.push(`a.published_at < ${param(query.publishedTo)}`);
  if (query.clusterId) where.push(`a.cluster_id = ${param(query.clusterId)}`);
  if (query.topic) where.push(`a.topic_codes @> ARRAY[${param(query.topic)}]::text[]`);
  return where;
}

/** The source condition on `column`: one source as an equality, so the (source_id, …) indexes serve it in order. */
function sourceFilter(query: ArticleQuery, column: string, param: Param): string[] {
  if (query.sourceIds?.length === 1) return [`${column} = ${param(query.sourceIds[0])}::uuid`];
  if (query.sourceIds?.length) return [`${column} = ANY(${param(query.sourceIds)}::uuid[])`];
  return [];
}

/** The statement for a query: exported for EXPLAIN in the benchmark. */
export function buildSearch(query: ArticleQuery, select: ArticleSelect = 'columns'): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const param: Param = (value) => `$${parameters.push(value)}`;
  return query.q ? textSearch(query, query.q, select, param, parameters) : { sql: listing(query, select, param), parameters };
}

/** Without q: newest first, by arrival, or by publication when the query has a publication range. */
function listing(query: ArticleQuery, select: ArticleSelect, param: Param): string {
  const where = [...sourceFilter(query, 'a.source_id', param), ...articleFilters(query, param)];
  // A publication range is served by the (…, published_at) indexes in order: the page is newest by publication then.
  const time = query.publishedFrom || query.publishedTo ? 'published_at' : 'created_at';
  const after = query.after;
  if (after?.sort === 'newest') where.push(`(a.${time}, a.id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`);
  return `SELECT ${selected(select)}, ${utcKey(`a.${time}`)} AS time_key, NULL::float4 AS rank, NULL::text AS as_of
    FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.${time} DESC, a.id DESC LIMIT ${param(query.limit)}`;
}

/**
 * The parsed queries (a CTE named q), the query the index finds candidates by, and each article's own query (by
 * its configuration, `config`). Without a language filter the query is parsed in every configuration in use; their
 * OR finds candidates through the GIN index, and each candidate must then match the query parsed in its own
 * language's configuration (a German article by the German stems, and so on).
 */
function parsedQueries(query: ArticleQuery, text: string, param: Param): { cte: string; any: string; own: (config: string) => string } {
  const q = param(text);
  if (query.language) {
    return {
      cte: `q AS MATERIALIZED (SELECT websearch_to_tsquery(copydesk_ts_config(${param(query.language)}), ${q}) AS own)`,
      any: 'q.own',
      own: () => 'q.own',
    };
  }
  // Only the configurations in use: each one parsed is one more posting list the GIN index reads for every search.
  const inUse = TS_CONFIGS.filter((c) => (query.configs ?? TS_CONFIGS).includes(c));
  const configs: readonly string[] = inUse.length ? inUse : ['simple'];
  const [last, ...others] = [...configs].reverse();
  return {
    cte: `q AS MATERIALIZED (SELECT ${configs.map((c) => `websearch_to_tsquery('${c}'::regconfig, ${q}) AS ${c}`).join(', ')})`,
    any: `(${configs.map((c) => `q.${c}`).join(' || ')})`,
    own: (config) =>
      others.length
        ? `(CASE ${config} ${others.map((c) => `WHEN '${c}'::regconfig THEN q.${c}`).join(' ')} ELSE q.${last} END)`
        : `q.${last}`,
  };
}

/**
 * With q. The matches come from article_search alone (the GIN bitmap ANDed with the source's), `articles` joined
 * in only when the query filters on its columns. Each match must also match in its own language; that check reads
 * the whole vector, so it runs after the ordering (behind OFFSET 0, which the planner does not push conditions
 * through) on rows in page order, until the page is full. By relevance, only the newest RANK_CANDIDATES matches are
 * ranked. Snippets and the article rows are read for the page's rows only.
 */
function textSearch(
  query: ArticleQuery,
  text: string,
  select: ArticleSelect,
  param: Param,
  parameters: unknown[],
): { sql: string; parameters: unknown[] } {
  const { cte, any, own } = parsedQueries(query, text, param);
  const filters = articleFilters(query, param);
  const where = [`s.search_vector @@ ${any}`, ...sourceFilter(query, 's.source_id', param), ...filters];
  const after = query.after;
  const relevance = query.sort === 'relevance';
  let asOf = 'statement_timestamp()';
  if (relevance && after?.sort === 'relevance' && after.asOf) {
    asOf = `${param(after.asOf)}::timestamptz`;
    where.push(`s.created_at <= ${asOf}`);
  }
  if (!relevance && after?.sort === 'newest')
    where.push(`(s.created_at, s.article_id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`);
  const matches = `SELECT s.article_id, s.created_at, s.config, s.search_vector
    FROM article_search s${filters.length ? ' JOIN articles a ON a.id = s.article_id' : ''}, q WHERE ${where.join(' AND ')}`;
  const limit = param(query.limit);
  const ordered = relevance
    ? `SELECT * FROM (
         SELECT c.*, ts_rank(c.search_vector, ${own('c.config')})::float4 AS rank FROM candidates c, q OFFSET 0
       ) ranked
       ${after?.sort === 'relevance' ? `WHERE (ranked.rank, ranked.article_id) < (${param(after.rank)}::float4, ${param(after.id)}::uuid)` : ''}
       ORDER BY ranked.rank DESC, ranked.article_id DESC OFFSET 0`
    : `SELECT m.*, NULL::float4 AS rank FROM (${matches}) m ORDER BY m.created_at DESC, m.article_id DESC OFFSET 0`;
  const candidates = relevance
    ? `candidates AS MATERIALIZED (SELECT * FROM (${matches}) m ORDER BY m.created_at DESC, m.article_id DESC LIMIT ${RANK_CANDIDATES}),`
    : '';
  const options = param(
    `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`,
  );
  const sql = `WITH ${cte}, ${candidates}
    page AS MATERIALIZED (
      SELECT o.article_id, o.created_at, o.config, o.rank FROM (${ordered}) o, q
      WHERE o.search_vector @@ ${own('o.config')} LIMIT ${limit}
    )
    SELECT ${selected(select)}, ${utcKey('p.created_at')} AS time_key,
      coalesce(p.rank, ts_rank(s.search_vector, ${own('p.config')})::float4) AS rank,
      ${relevance ? utcKey(asOf) : 'NULL::text'} AS as_of,
      ts_headline(p.config, translate(left(coalesce(a.body_text, ''), ${SNIPPET_PREFIX}), chr(2) || chr(3), ''), ${own('p.config')}, ${options}) AS highlight
    FROM page p JOIN articles a ON a.id = p.article_id JOIN article_search s ON s.article_id = p.article_id, q
    ORDER BY ${relevance ? 'p.rank DESC' : 'p.created_at DESC'}, p.article_id DESC`;
  return { sql, parameters };
}
