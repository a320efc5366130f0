import { classifyContentType } from './content-type/content-type.classifier';
import { languagePack } from './languages/language.registry';
import { ENRICHER_VERSION } from './enricher.version';
import type { Enrichment, EnrichmentInput, EnrichmentOptions } from './enrichment.types';
import { extractKeywords } from './keywords/keyword.extractor';
import { detectLanguage } from './language/language.detector';
import { findBlockQuotes } from './quotes/block-quote.extractor';
import { extractQuotes } from './quotes/quote.extractor';
import { summarise } from './summary/summary.extractor';
import { countWords, splitSentences } from './text/text.tokenizer';
import { MEDIA_TOPICS_SCHEME_VERSION } from './topics/media-topics.scheme';
import { defaultTopicModel } from './topics/topic.model';

// Adult silent reading speed for non-fiction, the usual basis for news reading-time estimates.
const WORDS_PER_MINUTE = 230;

/**
 * Enriches one article: language, topics (IPTC Media Topics with ancestors), people/organisations/places,
 * keywords, content type, quotes with speakers, a short extractive summary, word count and reading time.
 * Pure and synchronous; the first call loads the shipped model, scheme and lexicons (a few hundred ms).
 */
export function enrichArticle(input: EnrichmentInput, options: EnrichmentOptions = {}): Enrichment {
  const title = (input.title ?? '').trim();
  const body = normaliseBody(input.bodyText ?? '');
  const model = options.topicModel ?? defaultTopicModel();
  const sentences = splitSentences(body);
  const wordCount = countWords(body);
  const language = detectLanguage(`${title}\n${body}`, input.language);
  // Every enricher after language detection reads the language's pack (the neutral one when it has none).
  const pack = languagePack(language.code);
  const analysis = pack.entities(body, sentences, title);
  const blockQuotes = input.bodyHtml ? findBlockQuotes(input.bodyHtml) : [];
  return {
    enricherVersion: ENRICHER_VERSION,
    schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
    topicModelVersion: model.version,
    language,
    wordCount,
    readingTimeMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    topics: pack.topics ? pack.topics(`${title}\n\n${body}`, { model, maxTopics: options.maxTopics }) : [],
    entities: analysis.entities,
    keywords: extractKeywords(
      title ? [{ text: title, start: -1, end: -1, paragraph: -1, index: -1 }, ...sentences] : sentences,
      model,
      options.maxKeywords,
      // People are reported as entities; their names as keywords would only repeat them word by word.
      new Set(analysis.entities.people.flatMap((p) => p.name.toLowerCase().split(/\s+/))),
      pack.stopwords,
    ),
    contentType: classifyContentType(
      {
        title,
        bodyText: body,
        url: input.url,
        jsonLdType: input.jsonLdType,
        section: input.section,
        byline: input.byline,
      },
      pack.contentTypeCues,
    ),
    quotes: extractQuotes(body, sentences, analysis.mentions, blockQuotes, pack.quoteRules),
    summary: summarise(sentences, title, pack.stopwords),
  };
}

function normaliseBody(text: string): string {
  // One block per line; non-breaking and zero-width spaces would split or glue words.
  if (!/[\r\u00a0\u2007\u202f\u200b-\u200d\ufeff]/.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}
