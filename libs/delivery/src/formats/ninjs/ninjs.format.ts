import type { ArticleForPublishing } from '../../article-for-publishing.types';
import { type NinjsOptions, toNinjs } from '../../ninjs.mapper';
import { envelope, readEnvelope } from '../json-envelope';
import { assertEventFits, type OutputFormat } from '../output-format';
import { type NinjsWithAgency, withAgency } from './ninjs-agency';
import { ninjsSchemaProblems } from './ninjs-schema.validator';

/**
 * The article as IPTC ninjs 3.1 with the agency's record (urgency, rights, genres, subjects, located, altIds): what
 * a ninjs delivery carries and what `GET /v1/articles/:id?format=ninjs` answers, so the two never differ.
 */
export function articleAsNinjs(article: ArticleForPublishing, options: NinjsOptions): NinjsWithAgency {
  return withAgency(toNinjs(article, options), article.agency, article.status === 'killed');
}

/** IPTC ninjs 3.1 in the event envelope; every document is checked against the published schema. */
export const ninjsFormat: OutputFormat = {
  name: 'ninjs',
  mediaType: 'application/json',
  description: 'IPTC ninjs 3.1 in a Standard Webhooks event envelope',
  render(event, article, options) {
    assertEventFits(event, article);
    return envelope(event, options.occurredAt, articleAsNinjs(article, options));
  },
  check(body) {
    const { envelope: parsed, problems } = readEnvelope(body);
    return parsed ? ninjsSchemaProblems(parsed.data).map((problem) => `data${problem}`) : problems;
  },
};
