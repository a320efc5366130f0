import type { EnrichmentDocument } from './composer/enricher';
import type { EnricherComposer } from './composer/enricher.composer';
import { DEFAULT_COMPOSER } from './enricher.registry';
import type { Enrichment, EnrichmentInput, EnrichmentOptions } from './enrichment.types';
import { splitSentences } from './text/text.tokenizer';
import { MEDIA_TOPICS_SCHEME_VERSION } from './topics/media-topics.scheme';
import { defaultTopicModel } from './topics/topic.model';

/**
 * Enriches one article: language, topics (IPTC Media Topics with ancestors), people/organisations/places,
 * keywords, content type, quotes with speakers, a short extractive summary, word count and reading time.
 * Pure and synchronous; the first call loads the shipped model, scheme and lexicons (a few hundred ms).
 * The enrichers are those of `enricher.registry.ts`, run by the composer in dependency order.
 */
export function enrichArticle(input: EnrichmentInput, options: EnrichmentOptions = {}): Enrichment {
  return composeEnrichment(DEFAULT_COMPOSER, input, options) as unknown as Enrichment;
}

/** Runs any composer (the default one, or the registry plus a newsroom's own enrichers) on one article. */
export function composeEnrichment(
  composer: EnricherComposer,
  input: EnrichmentInput,
  options: EnrichmentOptions = {},
): Record<string, unknown> & Pick<Enrichment, 'enricherVersion' | 'schemeVersion' | 'topicModelVersion'> {
  const doc = prepareDocument(input, options);
  return {
    enricherVersion: composer.version,
    schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
    topicModelVersion: doc.model.version,
    ...composer.run(doc),
  };
}

function prepareDocument(input: EnrichmentInput, options: EnrichmentOptions): EnrichmentDocument {
  const body = normaliseBody(input.bodyText ?? '');
  return {
    input,
    options,
    title: (input.title ?? '').trim(),
    body,
    sentences: splitSentences(body),
    model: options.topicModel ?? defaultTopicModel(),
  };
}

function normaliseBody(text: string): string {
  // One block per line; non-breaking and zero-width spaces would split or glue words. Soft hyphens (&shy;, common
  // in German web copy) and word joiners are invisible but cut a word in two: "Schrei\u00advogel", "Bundes\u00adamt".
  if (!/[\r\u00a0\u00ad\u2007\u202f\u200b-\u200d\u2060\ufeff]/.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}
