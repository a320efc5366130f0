import { FeedParseError, FeedParseErrorCode } from '../feed.exception';
import type { FeedFormat, FeedItem, ParsedFeed } from '../feed.types';
import type { XmlDocument, XmlElement } from '../xml/xml.types';
import { readContainer } from './container.reader';
import { childElements, FeedScope, nameOf } from './element.helpers';
import { ATOM_10_NAMESPACE, RSS_090_NAMESPACE, RSS_10_NAMESPACE } from './feed-namespaces';
import { buildItem, buildMetadata, utcOf } from './metadata.builder';
import { textOf } from './text-construct.reader';

interface FeedShape {
  readonly format: FeedFormat;
  readonly version: string;
  readonly channel: XmlElement;
  /** RSS 1.0 keeps image and textinput beside the channel. */
  readonly extra: readonly XmlElement[];
}

const RSS_VERSIONS: Readonly<Record<string, string>> = {
  '0.91': 'rss091u',
  '0.92': 'rss092',
  '0.93': 'rss093',
  '0.94': 'rss094',
};

/** Elements in document order (depth first), at most `limit` of them: enough to find declarations near the top. */
function* walk(root: XmlElement, limit: number): Generator<XmlElement> {
  const pending: XmlElement[] = [root];
  for (let visited = 0; pending.length > 0 && visited < limit; visited++) {
    const el = pending.pop()!;
    yield el;
    const children = childElements(el);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
}

/** The first namespace declaration in document order that names a feed format (how RDF feeds say which). */
function declaredFormatNamespace(root: XmlElement): string | null {
  for (const el of walk(root, 10_000)) {
    for (const a of el.attrs) {
      if (a.qname !== 'xmlns' && a.prefix !== 'xmlns') continue;
      const uri = a.value.trim().toLowerCase();
      if ((uri === RSS_090_NAMESPACE && a.qname === 'xmlns') || uri === RSS_10_NAMESPACE || uri === ATOM_10_NAMESPACE) {
        return uri;
      }
    }
  }
  return null;
}

function findDescendant(root: XmlElement, names: ReadonlySet<string>): XmlElement | null {
  for (const el of walk(root, 10_000)) if (el !== root && names.has(nameOf(el))) return el;
  return null;
}

function shapeOf(root: XmlElement, doctype: string | null): FeedShape | null {
  const name = nameOf(root);
  if (name === 'rss') {
    const declared = root.attrs.find((a) => a.local.toLowerCase() === 'version')?.value.trim() ?? '';
    const netscape = doctype?.toLowerCase().includes('netscape') === true;
    const version = netscape ? 'rss091n' : (RSS_VERSIONS[declared] ?? (declared.startsWith('2.') ? 'rss20' : 'rss'));
    const channel = childElements(root).find((c) => nameOf(c) === 'channel') ?? root;
    return { format: 'rss', version, channel, extra: [] };
  }
  if (name === 'rdf:rdf') {
    const ns = declaredFormatNamespace(root);
    const version = ns === RSS_090_NAMESPACE ? 'rss090' : ns === RSS_10_NAMESPACE ? 'rss10' : '';
    const children = childElements(root);
    const channel = children.find((c) => nameOf(c) === 'channel') ?? root;
    const extra = children.filter((c) => nameOf(c) === 'image' || nameOf(c) === 'textinput');
    return { format: 'rdf', version, channel, extra };
  }
  if (name === 'feed') {
    const declared = root.attrs.find((a) => a.local.toLowerCase() === 'version')?.value.trim() ?? '';
    const atom03 = { '0.1': 'atom01', '0.2': 'atom02', '0.3': 'atom03' }[declared];
    const version = declaredFormatNamespace(root) === ATOM_10_NAMESPACE ? 'atom10' : (atom03 ?? 'atom');
    return { format: 'atom', version, channel: root, extra: [] };
  }
  if (name === 'channel') return { format: 'rss', version: '', channel: root, extra: [] };
  // Wrapped or mislabelled documents: look for a channel or feed inside.
  const inner = findDescendant(root, new Set(['channel', 'feed']));
  if (inner) return shapeOf(inner, doctype);
  if (findDescendant(root, new Set(['item', 'entry']))) return { format: 'rss', version: '', channel: root, extra: [] };
  return null;
}

/** Items/entries anywhere in the document, in order, not looking inside one for another. */
function collectEntries(root: XmlElement): XmlElement[] {
  const entries: XmlElement[] = [];
  const pending: XmlElement[] = [root];
  while (pending.length > 0) {
    const el = pending.pop()!;
    const name = nameOf(el);
    if (el !== root && (name === 'item' || name === 'entry')) {
      entries.push(el);
      continue;
    }
    const children = childElements(el);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return entries;
}

function parseValidity(raw: string | null): ParsedFeed['validity'] {
  if (!raw) return null;
  let start: string | null = null;
  let end: string | null = null;
  for (const part of raw.split(';')) {
    const [key, ...rest] = part.split('=');
    const value = rest.join('=').trim();
    if (key?.trim() === 'start') start = utcOf(value);
    if (key?.trim() === 'end') end = utcOf(value);
  }
  return { start, end, raw };
}

/** Builds the feed from a parsed RSS, RDF, Atom or CDF document. Throws NotAFeed for other XML. */
export function parseXmlFeed(doc: XmlDocument, url: string, maxItems = Infinity): ParsedFeed {
  const root = doc.root;
  const shape = root ? shapeOf(root, doc.doctype) : null;
  if (!root || !shape) {
    throw new FeedParseError(FeedParseErrorCode.NotAFeed, root ? `<${root.qname}> is not a feed` : 'no XML element found');
  }
  const scope = new FeedScope(url, shape.version);
  const draft = readContainer(shape.channel, 'feed', scope, shape.extra);
  const metadata = buildMetadata(draft);
  const language = draft.language ?? scope.languageOf(shape.channel);
  scope.useHomePageForEntries(metadata.link);
  const entries = collectEntries(root);
  const items: FeedItem[] = entries.slice(0, maxItems).map((entry) => {
    const entryDraft = readContainer(entry, 'entry', scope);
    return buildItem(entryDraft, scope.languageOf(entry) ?? language);
  });
  const ttl = draft.ttl === null ? NaN : parseInt(draft.ttl, 10);
  return {
    ...metadata,
    format: shape.format,
    version: shape.version,
    description: textOf(draft.subtitle),
    language,
    feedUrl: draft.links.find((l) => l.rel === 'self')?.href ?? null,
    image: draft.image ?? (draft.logo ? { url: draft.logo, title: null, link: null, width: null, height: null, description: null } : null),
    textInput: draft.textInput,
    cloud: draft.cloud,
    docs: draft.docs,
    ttl: Number.isFinite(ttl) ? ttl : null,
    newLocation: draft.newLocation,
    validity: parseValidity(draft.validity),
    items,
    itemsInDocument: entries.length,
    wellFormed: doc.issues.length === 0,
    issues: doc.issues.map((i) => `${i.message} (at ${i.offset})`),
  };
}
