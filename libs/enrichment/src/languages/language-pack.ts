import type { ContentTypeCues } from '../content-type/content-type.classifier';
import type { EntityAnalysis } from '../entities/entity.extractor';
import type { QuoteRules } from '../quotes/quote.rules';
import type { Sentence } from '../text/text.tokenizer';
import type { ArticleTopic, TopicClassifierOptions } from '../topics/topic.classifier';

/**
 * Everything the enrichers know about one language, in one place (`languages/<code>/`), registered in
 * `language.registry.ts`. An article in a language with no pack gets the neutral pack: gazetteer places, names
 * after known given names, acronyms, quotes only with a named speaker beside them, no topics.
 */
export interface LanguagePack {
  /** ISO 639-1 code, as the language detector reports it. */
  code: string;
  /** Bump when the pack's rules or word lists change output: it is part of `ENRICHER_VERSION`. */
  version?: string;
  /** People, organisations and places, with their mentions for quote attribution. */
  entities(text: string, sentences: Sentence[], title: string): EntityAnalysis;
  /** Quote marks, speech verbs, pronouns; without them quotes need a named speaker right beside them. */
  quoteRules: QuoteRules;
  /** IPTC Media Topics; without a classifier the language gets none (no topic beats a wrong one). */
  topics?(text: string, options: TopicClassifierOptions): ArticleTopic[];
  contentTypeCues: ContentTypeCues;
  /** Function words, for keywords. */
  stopwords: ReadonlySet<string>;
}
