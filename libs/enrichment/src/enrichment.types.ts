import type { ContentTypeResult } from './content-type/content-type.classifier';
import type { ArticleEntities, EntityAnalysis } from './entities/entity.extractor';
import type { DetectedLanguage } from './language/language.detector';
import type { LanguagePack } from './languages/language-pack';
import type { BlockQuote } from './quotes/block-quote.extractor';
import type { ArticleQuote } from './quotes/quote.extractor';
import type { ArticleTopic } from './topics/topic.classifier';
import type { TopicModel } from './topics/topic.model';

/** An article as the enricher reads it: text plus whatever page metadata extraction found. */
export interface EnrichmentInput {
  title: string;
  /** Plain text, one block (paragraph, heading, list item) per line. */
  bodyText: string;
  /** Sanitized body HTML, if any: used for block quotes. */
  bodyHtml?: string;
  url?: string;
  /** Language declared by the page (`lang` attribute); a hint when the text is ambiguous. */
  language?: string;
  /** schema.org type(s) from JSON-LD (`NewsArticle`, `OpinionNewsArticle`, ...). */
  jsonLdType?: string | string[];
  section?: string;
  byline?: string;
}

/** Options of enrichArticle. */
export interface EnrichmentOptions {
  /** A newsroom's own topic model (from trainTopicModel) instead of the shipped one. */
  topicModel?: TopicModel;
  maxKeywords?: number;
  maxTopics?: number;
}

/** What the enricher adds to an article. Versioned: store it with `enricherVersion` and `schemeVersion`. */
export interface Enrichment {
  enricherVersion: string;
  /** IPTC Media Topics release the topics come from. */
  schemeVersion: string;
  topicModelVersion: string;
  language: DetectedLanguage;
  wordCount: number;
  readingTimeMinutes: number;
  topics: ArticleTopic[];
  entities: ArticleEntities;
  keywords: string[];
  contentType: ContentTypeResult;
  quotes: ArticleQuote[];
  /** Two or three sentences of the article, in order. */
  summary: string[];
}

/** The version stamps the composer writes on every enrichment. */
export type EnrichmentStamps = 'enricherVersion' | 'schemeVersion' | 'topicModelVersion';

/**
 * Every slice the built-in enrichers write, keyed by slice name: the stored ones (each a field of
 * {@link Enrichment}) and the internal ones other enrichers read.
 */
export interface EnrichmentSlices extends Omit<Enrichment, EnrichmentStamps> {
  /** Entities with their mentions and tokens, for quote attribution. */
  entityAnalysis: EntityAnalysis;
  /** The detected language's pack (word lists, rules, recognisers). */
  languagePack: LanguagePack;
  /** `<blockquote>`s of the body HTML. */
  blockQuotes: BlockQuote[];
}
