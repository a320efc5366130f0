import type { ArticleForPublishing, PublishingEntity, PublishingImage, PublishingTopic } from './article-for-publishing.types';
import type { NinjsAssociation, NinjsBody, NinjsDocument, NinjsEntity, NinjsSubject } from './ninjs.types';

/** Options of {@link toNinjs}. */
export interface NinjsOptions {
  /** Absolute URI under which article ids are minted: `https://copydesk.example.com/articles` gives `…/articles/<id>`. */
  baseUri: string;
}

const MEDIA_TOPIC_BASE = 'http://cv.iptc.org/newscodes/mediatopic/';
const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';
const KILL_NOTE = 'This article has been killed. Do not use it; remove it wherever it has been published.';

/**
 * Maps a stored article to an IPTC ninjs 3.1 document (`type: text`).
 *
 * - `version` is the revision; `versionCreated` the revision's time; `contentCreated` the publication time.
 * - topics become `subjects` with Media Topic URIs (`http://cv.iptc.org/newscodes/mediatopic/<id>`), the qcode as
 *   `literal` and confidence scaled to 0–100; people, organisations and places are `rel: mentions`.
 * - the lead image is an association named `featureimage`.
 * - a killed article becomes `pubStatus: canceled` with an `edNote` and no body, description or image: a kill
 *   notice must not redistribute the withdrawn text.
 * @throws RangeError when `baseUri` is not an absolute URL.
 */
export function toNinjs(article: ArticleForPublishing, options: NinjsOptions): NinjsDocument {
  const killed = article.status === 'killed';
  const versionCreated = article.modifiedAt.toISOString();
  const doc: NinjsDocument = {
    uri: articleUri(options.baseUri, article.id),
    type: 'text',
    representationType: killed ? 'partial' : 'full',
    version: String(article.revision),
    firstCreated: article.firstCreatedAt.toISOString(),
    versionCreated,
    pubStatus: killed ? 'canceled' : article.status === 'withheld' ? 'withheld' : 'usable',
    headlines: [{ role: 'main', contentType: 'text/plain', value: article.title }],
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA },
  };
  if (article.publishedAt) doc.contentCreated = article.publishedAt.toISOString();
  if (article.embargoUntil) doc.embargoedUntil = article.embargoUntil.toISOString();
  if (article.language) doc.language = article.language;
  if (article.canonicalUrl) doc.altIds = [{ role: 'canonical-url', value: article.canonicalUrl }];
  doc.infoSources = [{ name: article.source.name, role: 'source', literal: article.source.slug }];
  if (killed) {
    doc.edNote = KILL_NOTE;
    return doc;
  }

  const by = article.byline ?? (article.authors?.length ? article.authors.join(', ') : null);
  if (by) doc.by = by;
  if (article.description) doc.descriptions = [{ role: 'summary', contentType: 'text/plain', value: article.description }];
  doc.bodies = bodies(article);
  const { topics, entities, contentType } = article.enrichment;
  if (topics.length > 0) doc.subjects = topics.map(toSubject);
  setEntities(doc, 'people', entities.people);
  setEntities(doc, 'organisations', entities.organisations);
  setEntities(doc, 'places', entities.places);
  if (contentType) doc.genres = [{ name: contentType, literal: contentType }];
  const image = article.image && toImageAssociation(article.image, versionCreated);
  if (image) doc.associations = [image];
  return doc;
}

function articleUri(baseUri: string, id: string): string {
  let base: URL;
  try {
    base = new URL(baseUri.endsWith('/') ? baseUri : `${baseUri}/`);
  } catch (err) {
    throw new RangeError(`ninjs baseUri must be an absolute URL, got ${JSON.stringify(baseUri)}`, { cause: err });
  }
  return new URL(encodeURIComponent(id), base).href;
}

function bodies(article: ArticleForPublishing): NinjsBody[] {
  const text = article.bodyText;
  const counts = { charCount: text.length, wordCount: text.split(/\s+/).filter(Boolean).length };
  return [
    { role: 'main', contentType: 'text/plain', value: text, ...counts },
    { role: 'richtext', contentType: 'text/html', value: article.bodyHtml, ...counts },
  ];
}

function toSubject(topic: PublishingTopic): NinjsSubject {
  const id = topic.qcode.replace(/^medtop:/, '');
  return {
    name: topic.label,
    uri: `${MEDIA_TOPIC_BASE}${id}`,
    literal: topic.qcode,
    rel: 'about',
    confidence: Math.round(Math.min(1, Math.max(0, topic.confidence)) * 100),
  };
}

function setEntities(doc: NinjsDocument, key: 'people' | 'organisations' | 'places', entities: PublishingEntity[]): void {
  if (entities.length === 0) return;
  doc[key] = entities.map((entity): NinjsEntity => ({
    name: entity.name,
    rel: 'mentions',
    ...optional('uri', entity.uri && absoluteUrl(entity.uri)),
  }));
}

// An image without a usable URL is left out rather than sent with a `uri` the schema rejects.
function toImageAssociation(image: PublishingImage, versionCreated: string): NinjsAssociation | null {
  const url = absoluteUrl(image.url);
  if (!url) return null;
  const association: NinjsAssociation = {
    name: 'featureimage',
    uri: url,
    type: 'picture',
    versionCreated,
    renditions: [
      {
        name: 'original',
        href: url,
        ...optional('contentType', image.mimeType),
        ...optional('width', image.width && Math.round(image.width)),
        ...optional('height', image.height && Math.round(image.height)),
      },
    ],
  };
  if (image.caption) association.descriptions = [{ role: 'caption', contentType: 'text/plain', value: image.caption }];
  if (image.credit) association.by = image.credit;
  return association;
}

// `format: uri` in the schema needs an absolute, well-formed URI; WHATWG URL parsing also percent-encodes spaces.
function absoluteUrl(value: string): string | undefined {
  return URL.canParse(value) ? new URL(value).href : undefined;
}

// Absent rather than null or 0: ninjs has no nulls, and 0 px is no size.
function optional<K extends string, V>(key: K, value: V | null | undefined | 0 | ''): Partial<Record<K, V>> {
  return value ? ({ [key]: value } as Record<K, V>) : {};
}
