import { htmlToText, normalizeLanguageTag, normalizeText, sanitizeArticleHtml, toUtcIso } from '@copydesk/normalize';
import { tidyHtmlWhitespace } from './html-whitespace';
import { type CatalogAliases, iptcSubjectCode, mediaTopicOf } from '../subjects/iptc-code.resolver';
import type {
  WireArticle,
  WireConcept,
  WireFormat,
  WireHop,
  WireLocation,
  WirePubStatus,
  WireReference,
  WireRights,
  WireSubject,
} from '../wire-article.types';

/** A subject as a reader found it, before it is mapped to a Media Topic. */
export interface RawSubject extends WireConcept {
  sameAs?: string[];
}

/** What a format reader found: raw strings (dates as written, HTML untrusted), any part possibly missing. */
export interface ArticleParts {
  format: WireFormat;
  formatVersion?: string | null;
  guid?: string | null;
  version?: number | null;
  title?: string | null;
  subheadline?: string | null;
  description?: string | null;
  bodyHtml?: string | null;
  byline?: string | null;
  authors?: Array<string | null>;
  language?: string | null;
  url?: string | null;
  versionCreated?: string | null;
  firstCreated?: string | null;
  contentCreated?: string | null;
  embargoUntil?: string | null;
  embargoed?: boolean;
  pubStatus?: WirePubStatus;
  itemClass?: string | null;
  provider?: WireConcept | null;
  service?: WireConcept | null;
  urgency?: number | null;
  priority?: number | null;
  rights?: Partial<WireRights>;
  dateline?: string | null;
  located?: WireLocation | null;
  subjects?: RawSubject[];
  genres?: WireConcept[];
  keywords?: Array<string | null>;
  slugline?: string | null;
  edNote?: string | null;
  signals?: string[];
  altIds?: Array<{ type: string | null; value: string }>;
  hopHistory?: WireHop[];
  references?: WireReference[];
}

export interface BuildOptions {
  /** IANA zone for dates written without an offset (UTC when unset). */
  timeZone?: string;
  /** QCode aliases declared in the document's catalog. */
  aliases?: CatalogAliases;
}

/**
 * Finishes what a reader found into a {@link WireArticle}: the body sanitized with the article policy and its text
 * derived, text fields normalized (NFC, whitespace), dates to ISO 8601 UTC, the language as BCP 47, subjects mapped
 * to Media Topics. One place, so the three formats come out alike.
 */
export function buildWireArticle(parts: ArticleParts, options: BuildOptions = {}): WireArticle {
  const url = parts.url && /^https?:\/\//i.test(parts.url) ? parts.url : null;
  const bodyHtml = parts.bodyHtml ? tidyHtmlWhitespace(sanitizeArticleHtml(parts.bodyHtml, { baseUrl: url ?? undefined })) : '';
  const date = (value: string | null | undefined) => wireDate(value, options.timeZone);
  const subjects = (parts.subjects ?? []).map((s) => mapSubject(s, options.aliases));
  const versionCreated = date(parts.versionCreated);
  const firstCreated = date(parts.firstCreated);
  const contentCreated = date(parts.contentCreated);
  const embargoUntil = date(parts.embargoUntil);
  const authors = unique((parts.authors ?? []).map(line));
  return {
    externalId: line(parts.guid),
    title: line(parts.title) ?? '',
    subheadline: line(parts.subheadline),
    description: block(parts.description),
    bodyHtml,
    bodyText: normalizeText(htmlToText(bodyHtml)),
    byline: line(parts.byline) ?? (authors.length > 0 ? authors.join(', ') : null),
    authors,
    language: normalizeLanguageTag(parts.language),
    publishedAt: firstCreated ?? contentCreated ?? versionCreated,
    modifiedAt: versionCreated,
    embargoUntil,
    pubStatus: parts.pubStatus ?? 'usable',
    url,
    format: parts.format,
    formatVersion: line(parts.formatVersion),
    guid: line(parts.guid),
    version: parts.version ?? null,
    versionCreated,
    firstCreated,
    contentCreated,
    itemClass: line(parts.itemClass),
    provider: parts.provider ?? null,
    service: parts.service ?? null,
    urgency: scale(parts.urgency),
    priority: scale(parts.priority),
    embargoed: (parts.embargoed ?? false) || embargoUntil !== null,
    rights: {
      copyrightHolder: line(parts.rights?.copyrightHolder),
      copyrightNotice: line(parts.rights?.copyrightNotice),
      usageTerms: block(parts.rights?.usageTerms),
    },
    dateline: line(parts.dateline),
    located: parts.located ?? null,
    subjects,
    mediaTopics: unique(subjects.map((s) => s.mediaTopic)),
    genres: parts.genres ?? [],
    keywords: unique((parts.keywords ?? []).map(line)),
    slugline: line(parts.slugline),
    edNote: block(parts.edNote),
    signals: parts.signals ?? [],
    altIds: parts.altIds ?? [],
    hopHistory: (parts.hopHistory ?? []).map((hop) => ({ ...hop, timestamp: date(hop.timestamp) ?? hop.timestamp })),
    references: parts.references ?? [],
  };
}

function mapSubject(subject: RawSubject, aliases: CatalogAliases | undefined): WireSubject {
  const candidates = [subject.qcode, subject.uri, ...(subject.sameAs ?? [])];
  // Its own code first, then what it is the same as: a league's `sameAs subj:15007000` still lands on baseball.
  const mapped = candidates.map((c) => mediaTopicOf(iptcSubjectCode(c, aliases))).find((m) => m !== null) ?? null;
  return {
    qcode: subject.qcode,
    uri: subject.uri,
    name: line(subject.name),
    type: subject.type,
    mediaTopic: mapped?.mediaTopic ?? null,
    mediaTopicMatch: mapped?.match ?? null,
    sameAs: subject.sameAs ?? [],
  };
}

/** ISO 8601 UTC from the forms wires use: extended ISO, NITF's basic `20181019T111500+0000`, RFC 2822. */
export function wireDate(value: string | null | undefined, timeZone?: string): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const basic = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?([.,]\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(trimmed);
  const extended = basic
    ? `${basic[1]}-${basic[2]}-${basic[3]}${basic[4] ? `T${basic[4]}:${basic[5]}:${basic[6] ?? '00'}${basic[7] ?? ''}` : ''}${basic[8] ?? ''}`
    : trimmed;
  return toUtcIso(extended, timeZone);
}

function line(value: string | null | undefined): string | null {
  if (!value) return null;
  const clean = normalizeText(value).replace(/\s+/g, ' ').trim();
  return clean || null;
}

/** Text that may have paragraphs: line breaks kept, runs of spaces collapsed. */
function block(value: string | null | undefined): string | null {
  if (!value) return null;
  const clean = normalizeText(value)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return clean || null;
}

function scale(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isInteger(value) && value >= 1 && value <= 9 ? value : null;
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}
