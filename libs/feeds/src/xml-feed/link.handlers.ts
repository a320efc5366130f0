import type { FeedLink } from '../feed.types';
import { HTML_TYPES } from '../text/feed-text';
import { safeJoinUrl } from '../url.resolver';
import type { ElementHandler } from './container.draft';
import { optional } from './container.draft';
import { attr, attributesOf, ownText } from './element.helpers';

const link: ElementHandler = (el, draft, _kind, scope) => {
  const attrs = attributesOf(el);
  const rel = (attrs.get('rel') ?? 'alternate').trim().toLowerCase() || 'alternate';
  const type = (attrs.get('type') ?? (rel === 'self' ? 'application/atom+xml' : 'text/html')).trim().toLowerCase();
  const rawHref = attrs.get('href') ?? attrs.get('url') ?? attrs.get('uri');
  let href: string;
  if (rawHref !== undefined) {
    // An empty reference is the base document itself (RFC 3986 §5.2.2).
    href = rawHref.trim() ? scope.resolve(el, rawHref) : scope.baseOf(el);
  } else {
    // RSS: the URL is the text. Query strings mangled into entity-like `&b;=2` are repaired.
    const value = ownText(el)
      .trim()
      .replace(/&amp;/g, '&')
      .replace(/&([A-Za-z0-9_]+);/g, '&$1');
    href = value ? scope.resolve(el, value) : '';
  }
  if (!href) return;
  const entry: FeedLink = {
    href,
    rel,
    type,
    ...optional('hreflang', attrs.get('hreflang')),
    ...optional('title', attrs.get('title')),
    ...optional('length', attrs.get('length')),
  };
  draft.links.push(entry);
  if (attrs.get('type') === undefined) draft.untypedLinks.add(entry);
  if (draft.link === null && rel === 'alternate' && HTML_TYPES.has(type)) draft.link = href;
};

const guid: ElementHandler = (el, draft, _kind, scope) => {
  const value = ownText(el).trim();
  const permaLink = (attr(el, 'ispermalink') ?? 'true').trim().toLowerCase() !== 'false';
  draft.guidIsPermaLink = permaLink;
  // Only a permalink guid is a URL; an opaque one must stay byte-for-byte what the feed said.
  draft.id = permaLink && value ? scope.resolve(el, value) : value;
  // Only a web URL can stand in for a missing link (not tag:, urn: or a relative path).
  draft.guidLink = permaLink && /^https?:\/\//i.test(draft.id) ? draft.id : null;
};

const enclosure: ElementHandler = (el, draft, _kind, scope) => {
  const attrs = attributesOf(el);
  const url = (attrs.get('url') ?? attrs.get('href') ?? attrs.get('uri') ?? '').trim();
  if (!url) return;
  draft.links.push({
    href: scope.resolve(el, url),
    rel: 'enclosure',
    ...optional('type', attrs.get('type')),
    ...optional('length', attrs.get('length')),
  });
};

const comments: ElementHandler = (el, draft, _kind, scope) => {
  const value = ownText(el).trim();
  if (value) draft.comments = scope.resolve(el, value);
};

const urlField =
  (field: 'docs' | 'icon' | 'logo'): ElementHandler =>
  (el, draft, _kind, scope) => {
    const value = ownText(el).trim() || attr(el, 'href') || '';
    if (value) draft[field] = scope.resolve(el, value);
  };

const itunesImage: ElementHandler = (el, draft, kind, scope) => {
  const href = (attr(el, 'href') ?? attr(el, 'url') ?? ownText(el)).trim();
  if (!href) return;
  const url = scope.resolve(el, href);
  if (kind === 'feed') draft.logo ??= url;
  else draft.media.push({ url, kind: 'image' });
};

const license: ElementHandler = (el, draft, _kind, scope) => {
  const value = (attr(el, 'rdf:resource') ?? ownText(el)).trim();
  if (value) draft.links.push({ href: scope.resolve(el, value), rel: 'license' });
};

const newLocation: ElementHandler = (el, draft, kind, scope) => {
  if (kind === 'feed') draft.newLocation ??= safeJoinUrl(scope.baseOf(el), ownText(el).trim()) || null;
};

/** Links, ids, enclosures and other URL-valued elements. */
export const LINK_HANDLERS: Readonly<Record<string, ElementHandler>> = {
  link: link,
  id: guid,
  guid: guid,
  enclosure: enclosure,
  comments: comments,
  docs: urlField('docs'),
  icon: urlField('icon'),
  logo: urlField('logo'),
  'itunes:image': itunesImage,
  'googleplay:image': itunesImage,
  newlocation: newLocation,
  'itunes:new-feed-url': newLocation,
  'cc:license': license,
  'creativecommons:license': license,
};
