export { composeEnrichment, enrichArticle } from './article.enricher';
export { defineEnricher, type Enricher, type EnrichmentDocument } from './composer/enricher';
export { EnricherComposer, EnricherGraphError, dependencyOrder } from './composer/enricher.composer';
export { DEFAULT_COMPOSER, ENRICHERS, ENRICHER_GENERATION } from './enricher.registry';
export {
  ENTITY_KINDS,
  applyEditorialCorrections,
  checkEditorTopics,
  editorTopics,
  machineEnrichment,
  type CorrectionAuthor,
  type EditedEnrichment,
  type EditorialCorrections,
  type EditorialRecord,
  type EntityCorrection,
  type EntityKind,
  type RejectedTopic,
  type TopicCorrection,
} from './editorial/editorial-corrections';
export { ENRICHER_VERSION } from './enricher.version';
export type { Enrichment, EnrichmentInput, EnrichmentOptions, EnrichmentSlices, EnrichmentStamps } from './enrichment.types';
export { detectLanguage, type DetectedLanguage } from './language/language.detector';
export {
  MEDIA_TOPICS_FILE,
  MEDIA_TOPICS_SCHEME_VERSION,
  mediaTopic,
  mediaTopicAncestors,
  mediaTopicChildren,
  mediaTopicTopLevel,
  mediaTopics,
  normaliseQcode,
  type MediaTopic,
  type MediaTopicRef,
} from './topics/media-topics.scheme';
export { classifyTopics, domainConfidence, type ArticleTopic, type TopicClassifierOptions } from './topics/topic.classifier';
export {
  DEFAULT_TOPIC_MODEL_FILE,
  TOPIC_MODEL_FORMAT,
  defaultTopicModel,
  loadTopicModel,
  parseTopicModel,
  predictTopics,
  saveTopicModel,
  scoreFromFeatures,
  type TopicModel,
  type TopicPrediction,
  type TopicScores,
} from './topics/topic.model';
export { isHeldOutExample, trainTopicModel, type TopicExample, type TopicTrainingOptions } from './topics/topic.trainer';
export { lexiconEvidence, type LexiconEvidence } from './topics/topic.lexicon';
export { extractEntities, type ArticleEntities, type ArticleEntity, type EntityMention } from './entities/entity.extractor';
export { buildCommonWords, COMMON_WORDS_FILE } from './entities/common-words.builder';
export { extractQuotes, type ArticleQuote } from './quotes/quote.extractor';
export { findBlockQuotes, type BlockQuote } from './quotes/block-quote.extractor';
export {
  classifyContentType,
  type ContentType,
  type ContentTypeResult,
  type ContentTypeSignals,
} from './content-type/content-type.classifier';
export { jsonLdArticleTypes } from './content-type/json-ld-type.reader';
export { extractKeywords } from './keywords/keyword.extractor';
export { summarise } from './summary/summary.extractor';
export { countWords, splitSentences } from './text/text.tokenizer';
export { enrichmentAsset } from './assets/package-root.util';
/** Articles written for Copydesk with the topic an editor would put first: for specs and `npm run bench:enrich`. */
export { TOPIC_ARTICLES, type TopicArticle } from './fixtures/topic-articles.fixture';
