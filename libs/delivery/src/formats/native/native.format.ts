import { toNativeJson } from '../../native-json.mapper';
import { envelope, readEnvelope } from '../json-envelope';
import { assertEventFits, type OutputFormat } from '../output-format';
import { nativeAgency } from './native-agency';

const REQUIRED_KEYS = ['schemaVersion', 'id', 'revision', 'status', 'title', 'source', 'topics', 'entities'] as const;

/** Copydesk's own article JSON (`NativeArticleJson`, with the wire agency's record under `agency`) in the event envelope. */
export const nativeFormat: OutputFormat = {
  name: 'native',
  mediaType: 'application/json',
  description: "Copydesk's native article JSON in a Standard Webhooks event envelope",
  render(event, article, options) {
    assertEventFits(event, article);
    return envelope(event, options.occurredAt, { ...toNativeJson(article), agency: nativeAgency(article.agency) });
  },
  check(body) {
    const { envelope: parsed, problems } = readEnvelope(body);
    if (!parsed) return problems;
    const data = parsed.data as Record<string, unknown>;
    return REQUIRED_KEYS.filter((key) => !(key in data)).map((key) => `data.${key} is missing`);
  },
};
