import type { ExtractedArticle, ExtractOptions, ProvenanceField } from './article.types';
import { extractBody } from './body/extract-body';
import { escapeText } from './body/html-escape';
import { collapseWhitespace } from './dom/text-measure';
import { DEFAULT_PARSE_LIMITS, type HtmlTree, parseHtml } from './dom/html-tree';
import { extractMetadata, type PageMetadata, type Sourced } from './metadata/extract-metadata';
import type { FieldSource } from './metadata/provenance';
import { classifyPage } from './page-classifier';

// When the page's own text is under this share of its JSON-LD articleBody, the articleBody is the body.
const JSON_LD_BODY_SWITCH = 0.25;

/** Body HTML and text from a plain-text body (JSON-LD articleBody): one paragraph per line. */
function bodyFromPlainText(text: string): { html: string; text: string; linkTextLength: number } {
  const paragraphs = text
    .split(/\n+/)
    .map((line) => collapseWhitespace(line))
    .filter((line) => line.length > 0);
  return { html: paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join(''), text: paragraphs.join('\n'), linkTextLength: 0 };
}

function parseUrl(url: string | undefined): URL | null {
  if (url === undefined || url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** Words in a text; each CJK character counts as a word, as those scripts do not separate words with spaces. */
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
  const cjk = text.match(CJK)?.length ?? 0;
  if (cjk === 0) return words;
  // A run of CJK characters matched as one "word" above; count its characters instead.
  const runs = text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+/g)?.length ?? 0;
  return words - runs + cjk;
}

/**
 * Extracts the article of a web page: body (sanitized HTML and plain text) and metadata, each field with its
 * provenance. Pure and synchronous: HTML and URL in, record out. Pages without an article (section fronts,
 * error pages) come back with `isArticle: false` and a `noArticleReason`.
 */
export function extractArticle(html: string, url?: string, options: ExtractOptions = {}): ExtractedArticle {
  const pageUrl = parseUrl(url);
  const tree = parseHtml(html, { ...DEFAULT_PARSE_LIMITS, maxHtmlLength: options.maxHtmlLength ?? DEFAULT_PARSE_LIMITS.maxHtmlLength });
  const metadata = extractMetadata(tree, pageUrl, { now: options.now });
  const authors = metadata.authors?.value ?? [];
  const { body, fromJsonLd } = chooseBody(tree, metadata, options);

  const provenance: Partial<Record<ProvenanceField, FieldSource>> = {};
  const take = <T>(field: ProvenanceField, sourced: Sourced<T> | null): T | null => {
    if (sourced === null) return null;
    provenance[field] = sourced.source;
    return sourced.value;
  };
  const title = take('title', metadata.title);
  const byline = authors.length > 0 ? authors.join(', ') : null;
  if (metadata.authors !== null) provenance.byline = metadata.authors.source;
  const { published, modified } = metadata.dates;
  if (published !== null) provenance.publishedAt = published.source;
  if (modified !== null) provenance.modifiedAt = modified.source;
  const image = take('image', metadata.image ?? (body.images.length > 0 ? { value: body.images[0], source: 'dom' } : null));
  if (body.text.length > 0) provenance.body = fromJsonLd ? 'json-ld' : 'dom';

  const noArticleReason = classifyPage({
    title: title ?? tree.title,
    bodyText: body.text,
    declaredArticle: metadata.declaredArticle,
    pageTextLength: body.pageTextLength,
    bodyLinkDensity: body.text.length > 0 ? body.linkTextLength / body.text.length : 0,
  });
  return {
    isArticle: noArticleReason === null,
    noArticleReason,
    title,
    byline,
    authors,
    publishedAt: published?.iso ?? null,
    publishedDate: published?.date ?? null,
    modifiedAt: modified?.iso ?? null,
    canonicalUrl: take('canonicalUrl', metadata.canonicalUrl),
    siteName: take('siteName', metadata.siteName),
    section: take('section', metadata.section),
    tags: take('tags', metadata.tags) ?? [],
    image,
    description: take('description', metadata.description),
    language: take('language', metadata.language),
    access: take('access', metadata.access),
    bodyHtml: noArticleReason === 'error-page' ? '' : body.html,
    bodyText: noArticleReason === 'error-page' ? '' : body.text,
    wordCount: noArticleReason === 'error-page' ? 0 : countWords(body.text),
    provenance,
  };
}

/** The body found in the DOM, or the JSON-LD articleBody when the page renders its text with scripts. */
function chooseBody(
  tree: HtmlTree,
  metadata: PageMetadata,
  options: ExtractOptions,
): { body: ReturnType<typeof extractBody>; fromJsonLd: boolean } {
  const found = extractBody(tree, {
    baseUrl: metadata.pageUrl,
    title: (metadata.title?.value ?? tree.title).toLowerCase(),
    authors: metadata.authors?.value ?? [],
    iframeHosts: options.iframeHosts,
    headline: metadata.headline,
    description: metadata.description?.value ?? null,
  });
  const fromJsonLd = found.text.length < JSON_LD_BODY_SWITCH * (metadata.jsonLdBody?.length ?? 0);
  // Pages that render their text with scripts still often publish it as JSON-LD articleBody.
  const body = fromJsonLd && metadata.jsonLdBody !== null ? { ...found, ...bodyFromPlainText(metadata.jsonLdBody) } : found;
  return { body, fromJsonLd };
}
