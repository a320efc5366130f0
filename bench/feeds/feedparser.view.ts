import type {
  FeedCategory,
  FeedExtension,
  FeedItem,
  FeedLink,
  FeedMedia,
  FeedMetadata,
  FeedPerson,
  ParsedFeed,
  TextConstruct,
} from '@copydesk/feeds';

import type { AliasMap, View } from './check.evaluator';

/**
 * Maps our ParsedFeed onto feedparser's result dictionary (field names, `*_detail` dicts, `links`/`tags`
 * shapes), so feedparser's own test expectations can be checked against our parser.
 */

/** feedparser's FeedParserDict key map: old and alternative names resolve to the canonical keys. */
export const FEEDPARSER_ALIASES: AliasMap = {
  channel: ['feed'],
  items: ['entries'],
  guid: ['id'],
  date: ['updated', 'published'],
  date_parsed: ['updated_parsed', 'published_parsed'],
  description: ['summary', 'subtitle'],
  description_detail: ['summary_detail', 'subtitle_detail'],
  url: ['href'],
  modified: ['updated', 'published'],
  modified_parsed: ['updated_parsed', 'published_parsed'],
  // feedparser 6 answers `updated` with `published` when only that exists.
  updated: ['published'],
  updated_parsed: ['published_parsed'],
  issued: ['published'],
  issued_parsed: ['published_parsed'],
  copyright: ['rights'],
  copyright_detail: ['rights_detail'],
  tagline: ['subtitle'],
  tagline_detail: ['subtitle_detail'],
};

type Dict = Record<string, unknown>;

function put(target: Dict, key: string, value: unknown): void {
  if (value !== null && value !== undefined) target[key] = value;
}

function detail(construct: TextConstruct): Dict {
  return {
    type: construct.type,
    language: construct.language,
    base: construct.base ?? '',
    value: construct.value,
    ...(construct.src ? { src: construct.src } : {}),
  };
}

function putText(target: Dict, key: string, construct: TextConstruct | null): void {
  if (!construct) return;
  target[key] = construct.value;
  target[`${key}_detail`] = detail(construct);
}

function personDict(person: FeedPerson): Dict {
  const dict: Dict = {};
  if (person.name) dict['name'] = person.name;
  if (person.email) dict['email'] = person.email;
  if (person.url) dict['href'] = person.url;
  return dict;
}

function personString(person: FeedPerson): string {
  if (person.raw) return person.raw;
  if (person.name && person.email) return `${person.name} (${person.email})`;
  return person.name || person.email || '';
}

function putPeople(target: Dict, authors: readonly FeedPerson[], contributors: readonly FeedPerson[], publisher: FeedPerson | null): void {
  if (authors.length > 0) {
    target['authors'] = authors.map(personDict);
    target['author_detail'] = personDict(authors[0]);
    target['author'] = personString(authors[0]);
  }
  if (contributors.length > 0) target['contributors'] = contributors.map(personDict);
  if (publisher) {
    target['publisher'] = personString(publisher);
    target['publisher_detail'] = personDict(publisher);
  }
}

function linkDict(link: FeedLink): Dict {
  const dict: Dict = { rel: link.rel };
  put(dict, 'type', link.type);
  dict['href'] = link.href;
  put(dict, 'hreflang', link.hreflang);
  put(dict, 'title', link.title);
  put(dict, 'length', link.length);
  return dict;
}

function tagDict(category: FeedCategory): Dict {
  return { term: category.term || null, scheme: category.scheme ?? null, label: category.label ?? null };
}

const MEDIA_EXTENSIONS = new Set(['media:credit', 'media:rating', 'media:license', 'media:restriction']);

function putExtensions(target: Dict, extensions: readonly FeedExtension[]): void {
  for (const ext of extensions) {
    if (MEDIA_EXTENSIONS.has(ext.name)) continue;
    const key = ext.name.replace(':', '_');
    const known = key === 'admin_errorreportsto' ? 'errorreportsto' : key;
    target[known] =
      key === 'admin_errorreportsto'
        ? (ext.attributes['rdf:resource'] ?? ext.value)
        : Object.keys(ext.attributes).length > 0
          ? { ...ext.attributes }
          : ext.value;
  }
}

function putDates(target: Dict, metadata: Pick<FeedMetadata, 'rawDates' | 'publishedAt' | 'updatedAt' | 'createdAt'>): void {
  const { rawDates } = metadata;
  put(target, 'published', rawDates.published);
  put(target, 'published_parsed', rawDates.published !== undefined ? metadata.publishedAt : undefined);
  put(target, 'updated', rawDates.updated);
  put(target, 'updated_parsed', rawDates.updated !== undefined ? metadata.updatedAt : undefined);
  put(target, 'created', rawDates.created);
  put(target, 'created_parsed', rawDates.created !== undefined ? metadata.createdAt : undefined);
}

function metadataDict(metadata: FeedMetadata): Dict {
  const dict: Dict = {};
  putExtensions(dict, metadata.extensions);
  putText(dict, 'title', metadata.titleDetail);
  putText(dict, 'subtitle', metadata.subtitleDetail);
  putText(dict, 'rights', metadata.rightsDetail);
  putText(dict, 'info', metadata.infoDetail);
  put(dict, 'link', metadata.link);
  if (metadata.links.length > 0) dict['links'] = metadata.links.map(linkDict);
  put(dict, 'id', metadata.id);
  putPeople(dict, metadata.authors, metadata.contributors, metadata.publisher);
  if (metadata.categories.length > 0) {
    dict['tags'] = metadata.categories.map(tagDict);
    dict['category'] = metadata.categories[0].term;
  }
  if (metadata.generator) {
    dict['generator'] = metadata.generator.name;
    const generator: Dict = { name: metadata.generator.name };
    put(generator, 'version', metadata.generator.version);
    put(generator, 'href', metadata.generator.url);
    dict['generator_detail'] = generator;
  }
  put(dict, 'icon', metadata.icon);
  put(dict, 'logo', metadata.logo);
  putDates(dict, metadata);
  const license = metadata.links.find((l) => l.rel === 'license');
  if (license) dict['license'] = license.href;
  return dict;
}

function mediaDicts(media: readonly FeedMedia[], kind: FeedMedia['kind']): Dict[] {
  return media.filter((m) => m.kind === kind).map((m) => ({ ...(m.attributes ?? {}), url: m.url }));
}

/** Media RSS elements feedparser keeps as attribute dicts plus their text as `content`. */
function putMediaExtensions(target: Dict, extensions: readonly FeedExtension[]): void {
  for (const ext of extensions) {
    const withContent = { ...ext.attributes, ...(ext.value ? { content: ext.value } : {}) };
    if (ext.name === 'media:credit') {
      ((target['media_credit'] ??= []) as Dict[]).push(withContent);
    } else if (ext.name === 'media:rating' || ext.name === 'media:license') {
      target[ext.name.replace(':', '_')] = withContent;
    } else if (ext.name === 'media:restriction') {
      target['media_restriction'] = { ...ext.attributes, content: ext.value.split(' ').map((c) => c.trim().toLowerCase()) };
    }
  }
}

function entryDict(item: FeedItem): Dict {
  const dict = metadataDict({ ...item, subtitleDetail: null, infoDetail: null, id: item.guid, generator: null, icon: null, logo: null });
  putText(dict, 'summary', item.summaryDetail);
  if (item.contents.length > 0) dict['content'] = item.contents.map(detail);
  if (item.guid !== null)
    dict['guidislink'] = item.guidIsPermaLink && item.link === item.guid && !item.links.some((l) => l.rel === 'alternate');
  dict['enclosures'] = item.links
    .filter((l) => l.rel === 'enclosure')
    .map((l) => {
      const { rel: _rel, ...rest } = linkDict(l);
      return rest;
    });
  put(dict, 'comments', item.commentsUrl);
  put(dict, 'expired', item.rawDates.expired);
  put(dict, 'expired_parsed', item.rawDates.expired !== undefined ? item.expiresAt : undefined);
  for (const kind of ['content', 'thumbnail'] as const) {
    const media = mediaDicts(item.media, kind);
    if (media.length > 0) dict[`media_${kind}`] = media;
  }
  const player = item.media.find((m) => m.kind === 'player');
  if (player) dict['media_player'] = { ...(player.attributes ?? {}), url: player.url, content: player.description ?? '' };
  putMediaExtensions(dict, item.extensions);
  put(dict, 'language', item.language);
  if (item.source) {
    const source = metadataDict(item.source);
    put(source, 'href', item.source.url);
    dict['source'] = source;
  }
  return dict;
}

/** The feedparser-shaped result for a parsed feed (`bozo` and `encoding` come from the caller). */
export function feedparserView(feed: ParsedFeed | null, bozo: boolean, encoding: string): View {
  if (!feed) return { bozo: true, encoding, version: '', feed: {}, entries: [] };
  const dict = metadataDict(feed);
  put(dict, 'language', feed.language);
  if (feed.image) {
    const image: Dict = {};
    put(image, 'href', feed.image.url);
    put(image, 'title', feed.image.title);
    put(image, 'link', feed.image.link);
    put(image, 'width', feed.image.width);
    put(image, 'height', feed.image.height);
    put(image, 'description', feed.image.description);
    dict['image'] = image;
  }
  if (feed.textInput) {
    const textInput: Dict = {};
    put(textInput, 'title', feed.textInput.title);
    put(textInput, 'description', feed.textInput.description);
    put(textInput, 'name', feed.textInput.name);
    put(textInput, 'link', feed.textInput.link);
    dict['textinput'] = textInput;
  }
  put(dict, 'cloud', feed.cloud);
  put(dict, 'docs', feed.docs);
  put(dict, 'ttl', feed.ttl === null ? undefined : String(feed.ttl));
  put(dict, 'newlocation', feed.newLocation);
  if (feed.validity) {
    const parts = Object.fromEntries(feed.validity.raw.split(';').map((p) => p.split('=').map((s) => s.trim())));
    put(dict, 'validity_start', parts['start']);
    put(dict, 'validity_start_parsed', feed.validity.start);
    put(dict, 'validity_end', parts['end']);
    put(dict, 'validity_end_parsed', feed.validity.end);
  }
  return {
    bozo: bozo || !feed.wellFormed,
    encoding,
    version: feed.version,
    feed: dict,
    entries: feed.items.map(entryDict),
  };
}
