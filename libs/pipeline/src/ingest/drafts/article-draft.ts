import {
  contentHash,
  htmlToText,
  normalizeLanguageTag,
  normalizeText,
  pickCanonicalUrl,
  sanitizeArticleHtml,
  toUtcIso,
  withoutNul,
} from '@copydesk/normalize';

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
  /** Details without a column: provenance, site name, section, tags, image, access. */
  metadata: Record<string, unknown>;
  /** Set when the input withdraws the article instead of describing it. */
  kill?: { reason: string };
}

/** What an input says, before normalization. */
export interface DraftFields {
  title: string;
  /** Untrusted HTML: it is sanitized here, whatever its origin. */
  bodyHtml: string;
  byline?: string | null;
  authors?: readonly string[];
  description?: string | null;
  url?: string | null;
  relCanonical?: string | null;
  ogUrl?: string | null;
  language?: string | null;
  publishedAt?: string | Date | null;
  modifiedAt?: string | Date | null;
  embargoUntil?: string | Date | null;
  metadata?: Record<string, unknown>;
  /** IANA zone of the source: dates written without an offset are its wall-clock time (UTC when unset). */
  timeZone?: string | null;
}

export class EmptyArticleError extends Error {
  override name = 'EmptyArticleError';
}

function toDate(value: string | Date | null | undefined, timeZone: string | null | undefined): Date | null {
  if (!value) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const iso = toUtcIso(value, timeZone ?? undefined);
  return iso ? new Date(iso) : null;
}

const oneLine = (text: string): string => normalizeText(text).replace(/\s+/g, ' ').trim();

/** "By Jane Doe and John Roe" → the byline "Jane Doe and John Roe" and the authors ["Jane Doe", "John Roe"]. */
export function splitByline(byline: string | null | undefined): { byline: string | null; authors: string[] } {
  if (!byline) return { byline: null, authors: [] };
  // "By" is how a byline is printed, not part of it.
  const clean = oneLine(byline).replace(/^by\s+/i, '');
  const authors = clean
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
  return { byline: clean || null, authors };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Plain text becomes paragraphs at line breaks (blank or single: CMS text exports use both). */
export function textToHtml(text: string): string {
  return text
    .split(/\n+/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block)}</p>`)
    .join('\n');
}

/**
 * The one normalization every origin goes through: HTML sanitized with one policy, text derived from it, NFC and
 * whitespace, dates to UTC, language as BCP 47, the canonical URL preferred over the fetched one, the content hash.
 * @throws EmptyArticleError when neither a title nor any body text is left.
 */
export function finishDraft(input: DraftFields): ArticleDraft {
  // Whatever the origin (a push replayed from before the API refused NULs, a page, a feed item), none reaches the database.
  const fields = withoutNul(input);
  const baseUrl = fields.url ?? undefined;
  const bodyHtml = sanitizeArticleHtml(fields.bodyHtml, { baseUrl });
  const bodyText = normalizeText(htmlToText(bodyHtml));
  const title = oneLine(fields.title);
  if (!title && !bodyText) throw new EmptyArticleError('the input has neither a title nor a body');
  const { byline, authors } = splitByline(fields.byline);
  const canonical = fields.url ? pickCanonicalUrl({ relCanonical: fields.relCanonical, ogUrl: fields.ogUrl, pageUrl: fields.url }) : null;
  return {
    title,
    byline,
    authors: fields.authors && fields.authors.length > 0 ? fields.authors.map(oneLine).filter(Boolean) : authors,
    description: fields.description ? normalizeText(fields.description) : null,
    bodyHtml,
    bodyText,
    url: fields.url ?? null,
    canonicalUrl: canonical,
    language: fields.language ? normalizeLanguageTag(fields.language) : null,
    publishedAt: toDate(fields.publishedAt, fields.timeZone),
    modifiedAt: toDate(fields.modifiedAt, fields.timeZone),
    embargoUntil: toDate(fields.embargoUntil, fields.timeZone),
    contentHash: contentHash(`${title}\n${bodyText}`),
    metadata: fields.metadata ?? {},
  };
}

/** An input that withdraws the article rather than describing it (a ninjs `pubstatus: canceled`, a wire kill). */
export function withdrawalDraft(reason: string): ArticleDraft {
  return {
    title: '',
    byline: null,
    authors: [],
    description: null,
    bodyHtml: '',
    bodyText: '',
    url: null,
    canonicalUrl: null,
    language: null,
    publishedAt: null,
    modifiedAt: null,
    embargoUntil: null,
    contentHash: '',
    metadata: {},
    kill: { reason: withoutNul(reason) },
  };
}
