/**
 * @copydesk/extraction: the article of a web page, as pure functions (HTML and URL in, record out).
 * `extractArticle` is the entry point; the rest are helpers other libs and tools reuse.
 */
export type { ExtractedArticle, ExtractOptions, NoArticleReason, ProvenanceField } from './article.types';
export { extractArticle, countWords } from './extract-article';
export type { FieldSource } from './metadata/provenance';
export { parseDate, findDateInText, type ParsedDate, type DateParseOptions } from './metadata/date-parse';
export { parseByline } from './metadata/authors';
export { decodeHtml, type DecodedHtml } from './decode-html';
export { scoreBodies, pageF1, compareShingles, type BodyScore, type ShingleCounts } from './evaluation/shingle-metric';
