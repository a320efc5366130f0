/**
 * An article as the API answers it (apps/api ArticleView: camelCase, timestamps as ISO 8601 in UTC with
 * milliseconds), written by PostgreSQL as JSON text. The hot reads pass that text through as the answer's body: the
 * driver then parses one string per row instead of every column (timestamps into Dates, jsonb into objects) only for
 * the API to turn them back into a string. A spec of the API checks that it equals toArticleView of the same row.
 */

/** `2026-12-08T01:02:03.456Z`, as Date#toISOString writes it (milliseconds truncated, as the driver's Dates are). */
const isoUtc = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The view's fields in its order, each with its column; timestamps (`at`) written as ISO 8601. */
const SUMMARY_FIELDS: ReadonlyArray<readonly [field: string, column: string, at?: 'at']> = [
  ['id', 'id'],
  ['status', 'status'],
  ['sourceId', 'source_id'],
  ['externalId', 'external_id'],
  ['url', 'url'],
  ['canonicalUrl', 'canonical_url'],
  ['title', 'title'],
  ['byline', 'byline'],
  ['authors', 'authors'],
  ['description', 'description'],
  ['language', 'language'],
  ['publishedAt', 'published_at', 'at'],
  ['modifiedAt', 'modified_at', 'at'],
  ['embargoUntil', 'embargo_until', 'at'],
  ['revision', 'revision'],
  ['contentHash', 'content_hash'],
  ['contentChangedAt', 'content_changed_at', 'at'],
  ['failureReason', 'failure_reason'],
  ['killReason', 'kill_reason'],
  ['killedAt', 'killed_at', 'at'],
  ['clusterId', 'cluster_id'],
  ['enrichment', 'enrichment'],
  ['enricherVersion', 'enricher_version'],
  ['metadata', 'metadata'],
  ['createdAt', 'created_at', 'at'],
  ['updatedAt', 'updated_at', 'at'],
];
const BODY_FIELDS = [
  ['bodyHtml', 'body_html'],
  ['bodyText', 'body_text'],
] as const;

/** The fields as a select list, of the `articles` row aliased `alias`. */
const selectList = (alias: string, fields: ReadonlyArray<readonly [string, string, 'at'?]>): string =>
  fields.map(([field, column, at]) => `${at ? isoUtc(`${alias}.${column}`) : `${alias}.${column}`} AS "${field}"`).join(', ');

/**
 * The fields as one JSON object's text. row_to_json writes it compact (json_build_object puts spaces around every
 * colon and comma) and in the view's order (jsonb would sort the keys).
 */
const asJson = (fields: string): string => `(SELECT row_to_json(v)::text FROM (SELECT ${fields}) v)`;

/** An item of a list (ArticleSummaryView, no bodies) as JSON text. */
export const articleSummaryJson = (alias: string): string => asJson(selectList(alias, SUMMARY_FIELDS));

/** A whole article (ArticleView: the summary and both bodies) as JSON text. */
export const articleJson = (alias: string): string => asJson(selectList(alias, [...SUMMARY_FIELDS, ...BODY_FIELDS]));
