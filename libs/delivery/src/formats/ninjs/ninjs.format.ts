import { toNinjs } from '../../ninjs.mapper';
import { envelope, readEnvelope } from '../json-envelope';
import { assertEventFits, type OutputFormat } from '../output-format';
import { withAgency } from './ninjs-agency';
import { ninjsSchemaProblems } from './ninjs-schema.validator';

/** IPTC ninjs 3.1 in the event envelope; every document is checked against the published schema. */
export const ninjsFormat: OutputFormat = {
  name: 'ninjs',
  mediaType: 'application/json',
  description: 'IPTC ninjs 3.1 in a Standard Webhooks event envelope',
  render(event, article, options) {
    assertEventFits(event, article);
    return envelope(event, options.occurredAt, withAgency(toNinjs(article, options), article.agency, article.status === 'killed'));
  },
  check(body) {
    const { envelope: parsed, problems } = readEnvelope(body);
    return parsed ? ninjsSchemaProblems(parsed.data).map((problem) => `data${problem}`) : problems;
  },
};
