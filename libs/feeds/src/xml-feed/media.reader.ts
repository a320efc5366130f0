import type { FeedMedia } from '../feed.types';
import { repairText, squash } from '../text/feed-text';
import type { XmlElement } from '../xml/xml.types';
import type { FeedScope } from './element.helpers';
import { attributesOf, childElements, nameOf, ownText } from './element.helpers';

const KINDS: Readonly<Record<string, FeedMedia['kind']>> = {
  'media:content': 'content',
  'media:thumbnail': 'thumbnail',
  'media:player': 'player',
  'media:peerlink': 'peer',
};

function dimension(value: string | undefined): number | undefined {
  const parsed = value === undefined ? NaN : parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}

/** A Media RSS `content`, `thumbnail`, `player` or `peerLink`, with the title/description/credit/thumbnail it nests. */
export function readMedia(el: XmlElement, scope: FeedScope): FeedMedia | null {
  const kind = KINDS[nameOf(el)];
  const attrs = attributesOf(el);
  const url = (attrs.get('url') ?? attrs.get('href') ?? ownText(el)).trim();
  if (!kind || !url) return null;
  const nested = new Map(childElements(el).map((c) => [nameOf(c), squash(repairText(ownText(c)))]));
  const optional = (key: keyof FeedMedia, value: string | number | undefined): Partial<FeedMedia> =>
    value === undefined || value === '' ? {} : { [key]: value };
  return {
    url: scope.resolve(el, url),
    kind,
    ...optional('type', attrs.get('type')?.trim()),
    ...optional('medium', attrs.get('medium')?.trim().toLowerCase()),
    ...optional('width', dimension(attrs.get('width'))),
    ...optional('height', dimension(attrs.get('height'))),
    ...optional('title', nested.get('media:title')),
    ...optional('description', nested.get('media:description')),
    ...optional('credit', nested.get('media:credit')),
    attributes: Object.fromEntries(attrs),
  };
}
