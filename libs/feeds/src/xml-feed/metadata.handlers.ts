import { squash } from '../text/feed-text';
import type { XmlElement } from '../xml/xml.types';
import type { ContainerDraft, ElementHandler } from './container.draft';
import { addCategory, optional, plainText } from './container.draft';
import { attr, attributesOf, childElements, nameOf, ownText } from './element.helpers';
import { readPerson } from './person.reader';

const author: ElementHandler = (el, draft, _kind, scope) => {
  const person = readPerson(el, scope);
  if (person) draft.authors.push({ ...person, element: nameOf(el) });
};

const contributor: ElementHandler = (el, draft, _kind, scope) => {
  const person = readPerson(el, scope);
  if (person) draft.contributors.push(person);
};

// A channel's owner says who answers for it; a webmaster address only who runs the server.
const PUBLISHER_RANK: Readonly<Record<string, number>> = { 'itunes:owner': 2, 'dc:publisher': 1, webmaster: 0 };

const publisher: ElementHandler = (el, draft, _kind, scope) => {
  const person = readPerson(el, scope);
  if (!person) return;
  const rank = (name: string | undefined): number => PUBLISHER_RANK[name ?? ''] ?? 0;
  if (draft.publisher && rank(draft.publisher.element) > rank(nameOf(el))) return;
  draft.publisher = { ...person, element: nameOf(el) };
};

function dateHandler(field: 'published' | 'updated' | 'created' | 'expired'): ElementHandler {
  return (el, draft) => {
    const value = plainText(el);
    if (value) draft.dates[field] = value;
  };
}

function categoryHandler(defaultScheme?: string): ElementHandler {
  const read = (el: XmlElement, draft: ContainerDraft): void => {
    const attrs = attributesOf(el);
    const term = (attrs.get('term') ?? attrs.get('text') ?? '').trim() || plainText(el);
    const scheme = (attrs.get('scheme') ?? attrs.get('domain'))?.trim() || defaultScheme;
    const label = attrs.get('label')?.trim();
    addCategory(draft, { term, ...(scheme ? { scheme } : {}), ...(label ? { label } : {}), element: nameOf(el) });
    // iTunes categories nest subcategories.
    for (const child of childElements(el)) if (nameOf(child) === nameOf(el)) read(child, draft);
  };
  return (el, draft) => read(el, draft);
}

const keywords: ElementHandler = (el, draft) => {
  for (const term of ownText(el).split(',')) addCategory(draft, { term: squash(term), element: nameOf(el) });
};

const language: ElementHandler = (el, draft) => {
  const value = plainText(el);
  if (value) draft.language = value;
};

const generator: ElementHandler = (el, draft, _kind, scope) => {
  const attrs = attributesOf(el);
  const resource = attrs.get('rdf:resource');
  const url = attrs.get('uri') ?? attrs.get('url') ?? attrs.get('href') ?? resource;
  draft.generator = {
    name: plainText(el) || (resource ?? ''),
    ...optional('version', attrs.get('version')),
    ...(url?.trim() ? { url: scope.resolve(el, url) } : {}),
  };
};

const image: ElementHandler = (el, draft, kind, scope) => {
  if (kind !== 'feed') return;
  const fields = new Map(childElements(el).map((c) => [nameOf(c), c]));
  const value = (name: string): string | null => {
    const child = fields.get(name);
    return child ? plainText(child) || null : null;
  };
  const url = fields.get('url') ?? fields.get('href');
  const linkEl = fields.get('link');
  const dimension = (name: string): number | null => {
    const raw = value(name);
    if (raw === null) return null;
    const parsed = parseInt(raw, 10);
    return Number.isFinite(parsed) ? parsed : 0;
  };
  const resource = attr(el, 'rdf:resource');
  draft.image = {
    url: url && plainText(url) ? scope.resolve(url, plainText(url)) : resource ? scope.resolve(el, resource) : null,
    title: value('title'),
    link: linkEl && plainText(linkEl) ? scope.resolve(linkEl, plainText(linkEl)) : null,
    width: dimension('width'),
    height: dimension('height'),
    description: value('description'),
  };
};

const textInput: ElementHandler = (el, draft, kind, scope) => {
  if (kind !== 'feed') return;
  const fields = new Map(childElements(el).map((c) => [nameOf(c), c]));
  const value = (name: string): string | null => {
    const child = fields.get(name);
    return child ? plainText(child) || null : null;
  };
  const linkEl = fields.get('link');
  draft.textInput = {
    title: value('title'),
    description: value('description'),
    name: value('name'),
    link: linkEl && plainText(linkEl) ? scope.resolve(linkEl, plainText(linkEl)) : null,
  };
};

/** People, dates, categories, language and the channel's structured elements (image, textInput, cloud…). */
export const METADATA_HANDLERS: Readonly<Record<string, ElementHandler>> = {
  author: author,
  managingeditor: author,
  'dc:creator': author,
  'dc:author': author,
  'itunes:author': author,
  'googleplay:author': author,
  contributor: contributor,
  'dc:contributor': contributor,
  webmaster: publisher,
  'dc:publisher': publisher,
  'itunes:owner': publisher,
  published: dateHandler('published'),
  issued: dateHandler('published'),
  pubdate: dateHandler('published'),
  'dcterms:issued': dateHandler('published'),
  updated: dateHandler('updated'),
  modified: dateHandler('updated'),
  lastbuilddate: dateHandler('updated'),
  'dc:date': dateHandler('updated'),
  'dcterms:modified': dateHandler('updated'),
  created: dateHandler('created'),
  'dcterms:created': dateHandler('created'),
  expirationdate: dateHandler('expired'),
  'dcterms:valid': (el, draft) => {
    draft.validity = plainText(el);
  },
  category: categoryHandler(),
  'dc:subject': categoryHandler(),
  keywords: categoryHandler(),
  'media:category': categoryHandler('http://search.yahoo.com/mrss/category_schema'),
  'itunes:category': categoryHandler('http://www.itunes.com/'),
  'googleplay:category': categoryHandler('http://www.google.com/schemas/play-podcasts/1.0'),
  'media:keywords': keywords,
  'itunes:keywords': keywords,
  language: language,
  'dc:language': language,
  generator: generator,
  'admin:generatoragent': generator,
  image: image,
  textinput: textInput,
  cloud: (el, draft) => {
    draft.cloud = Object.fromEntries(attributesOf(el));
  },
  ttl: (el, draft) => {
    draft.ttl = plainText(el);
  },
};
