export { normalizeText } from './text.normalizer';
export { withoutNul } from './nul.util';
export { normalizeLanguageTag } from './language-tag.normalizer';
export { toUtcIso } from './date.normalizer';
export { parseDateWords, type DateWords } from './date-words';
export { MONTH_NAMES, WEEKDAY_NAMES } from './date-names';
export {
  canonicalizeUrl,
  pickCanonicalUrl,
  TRACKING_PARAMETERS,
  type CanonicalizeUrlOptions,
  type CanonicalUrlCandidates,
} from './url.canonicalizer';
export { sanitizeArticleHtml, ALLOWED_EMBEDS, type ArticleSanitizeOptions } from './html.sanitizer';
export { contentWords } from './content-words.util';
export { contentHash } from './content.hasher';
export { wordShingles, SHINGLE_SIZE } from './word-shingles.util';
export { minhashSignature, minhashOfShingles, jaccard, minhashBands, MINHASH_SIZE } from './minhash.hasher';
export {
  classifyRelation,
  containmentFromJaccard,
  titleSimilarity,
  RELATION_THRESHOLDS,
  type DuplicateRelation,
  type RelationEvidence,
} from './duplicate-relation.classifier';
export { diffTexts, hasContentChanged, type TextDiff } from './revision.differ';
export { htmlToText, looksLikeHtml } from './html-to-text';
export { HTML_BLOCK_TAGS } from './html-block-tags';
