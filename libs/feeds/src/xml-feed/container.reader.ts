import type { FeedMedia } from '../feed.types';
import { repairText } from '../text/feed-text';
import type { XmlElement } from '../xml/xml.types';
import type { ContainerDraft, ContainerKind, ElementHandler } from './container.draft';
import { emptyDraft, plainText } from './container.draft';
import type { FeedScope } from './element.helpers';
import { attr, attributesOf, childElements, nameOf, ownText } from './element.helpers';
import { LINK_HANDLERS } from './link.handlers';
import { readMedia } from './media.reader';
import { METADATA_HANDLERS } from './metadata.handlers';
import { buildMetadata } from './metadata.builder';
import { TEXT_HANDLERS } from './text.handlers';

// Extensions whose values are URLs (feedparser resolves the same ones).
const URL_EXTENSIONS = new Set(['wfw:comment', 'wfw:commentrss', 'feedburner:origlink', 'feedburner:origenclosurelink', 'trackback:ping']);

const mediaGroup: ElementHandler = (el, draft, kind, scope) => {
  for (const child of childElements(el)) readChild(child, draft, kind, scope);
};

const media: ElementHandler = (el, draft, _kind, scope) => {
  const item: FeedMedia | null = readMedia(el, scope);
  if (item) draft.media.push(item);
};

const source: ElementHandler = (el, draft, kind, scope) => {
  if (kind !== 'entry') return;
  const url = attr(el, 'url')?.trim();
  // RSS: <source url="feed">title</source>; Atom: a copy of the original feed's metadata.
  const metadata = buildMetadata(readContainer(el, 'source', scope));
  const rssTitle = childElements(el).length === 0 ? plainText(el) : '';
  draft.source = {
    ...metadata,
    ...(rssTitle
      ? {
          title: rssTitle,
          titleDetail: { value: rssTitle, type: 'text/plain', base: scope.baseOf(el) || null, language: scope.languageOf(el) },
        }
      : {}),
    url: url ? scope.resolve(el, url) : null,
  };
};

const HANDLERS: Readonly<Record<string, ElementHandler>> = {
  ...TEXT_HANDLERS,
  ...LINK_HANDLERS,
  ...METADATA_HANDLERS,
  'media:group': mediaGroup,
  'media:content': media,
  'media:thumbnail': media,
  'media:player': media,
  'media:peerlink': media,
  source: source,
  // <redirect><newLocation>…</newLocation></redirect>: how a moved RSS feed says where it went.
  redirect: (el, draft, kind, scope) => {
    if (kind === 'feed') for (const child of childElements(el)) readChild(child, draft, kind, scope);
  },
  // Structure, not data.
  item: () => undefined,
  entry: () => undefined,
  items: () => undefined,
};

function readChild(el: XmlElement, draft: ContainerDraft, kind: ContainerKind, scope: FeedScope): void {
  const name = nameOf(el);
  const handler = HANDLERS[name];
  if (handler) {
    handler(el, draft, kind, scope);
    return;
  }
  const raw = ownText(el).trim();
  const attributes = Object.fromEntries(attributesOf(el));
  const value = URL_EXTENSIONS.has(name) && raw ? scope.resolve(el, raw) : repairText(raw);
  draft.extensions.push({ name, namespace: el.ns, value, attributes });
}

/** Reads a channel, item or source element's children (and CDF's attributes) into a draft. */
export function readContainer(
  el: XmlElement,
  kind: ContainerKind,
  scope: FeedScope,
  extraChildren: readonly XmlElement[] = [],
): ContainerDraft {
  const draft = emptyDraft();
  const about = attr(el, 'rdf:about');
  if (about && kind === 'entry') draft.id = about.trim();
  // CDF puts the link and modification date on the element itself.
  const href = attr(el, 'href');
  if (href?.trim() && kind !== 'source') draft.links.push({ href: scope.resolve(el, href), rel: 'alternate', type: 'text/html' });
  if (href?.trim() && kind !== 'source') draft.link = scope.resolve(el, href);
  const lastmod = attr(el, 'lastmod');
  if (lastmod?.trim()) draft.dates.updated = lastmod.trim();
  for (const child of [...childElements(el), ...extraChildren]) readChild(child, draft, kind, scope);
  return draft;
}
