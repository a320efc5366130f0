import { canonicalizeUrl, contentHash, htmlToText, normalizeLanguageTag, normalizeText, sanitizeArticleHtml } from '@copydesk/normalize';
import type { ArticlePush } from './article-push';

/** An article's content as one input describes it, normalized, before it is compared with what we hold. */
export interface ArticleDraft {
  title: string;
  byline: string | null;
  authors: string[];
  description: string | null;
  bodyHtml: string;
  bodyText: string;
  url: string | null;
  canonicalUrl: string | null;
  language: string | null;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  embargoUntil: Date | null;
  contentHash: string;
}

const LOOKS_LIKE_HTML = /<\/?(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure|table|a|em|strong|b|i|span)\b[^>]*>/i;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Plain text becomes paragraphs at blank lines (and at single line breaks, which CMS text exports use). */
function textToHtml(text: string): string {
  return text
    .split(/\n+/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block)}</p>`)
    .join('\n');
}

function toDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function splitByline(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Turns a CMS push into a draft: body sanitized, text derived from it, dates to UTC, URL canonical. Pure. */
export function draftFromPush(push: ArticlePush): ArticleDraft {
  const isHtml = push.bodyFormat ? push.bodyFormat === 'html' : LOOKS_LIKE_HTML.test(push.body);
  const bodyHtml = sanitizeArticleHtml(isHtml ? push.body : textToHtml(push.body), { baseUrl: push.url });
  const bodyText = normalizeText(htmlToText(bodyHtml));
  const title = normalizeText(push.title).replace(/\s+/g, ' ');
  // "By" is how a byline is printed, not part of it.
  const byline = push.byline ? normalizeText(push.byline).replace(/\s+/g, ' ').replace(/^by\s+/i, '') || null : null;
  return {
    title,
    byline,
    authors: splitByline(byline),
    description: push.description ? normalizeText(push.description) : null,
    bodyHtml,
    bodyText,
    url: push.url ?? null,
    canonicalUrl: push.url ? canonicalizeUrl(push.url) : null,
    language: push.language ? normalizeLanguageTag(push.language) : null,
    publishedAt: toDate(push.publishedAt),
    modifiedAt: toDate(push.modifiedAt),
    embargoUntil: toDate(push.embargoUntil),
    contentHash: contentHash(`${title}\n${bodyText}`),
  };
}
