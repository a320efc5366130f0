import { isTextItem } from '../article/text-item';
import type { ArticleParts } from '../article/wire-article.builder';
import { WireParseError, WireParseErrorCode } from '../wire.exception';
import type { WireLimits } from '../wire.limits';
import type { WireMessage, WireReference } from '../wire-article.types';
import { attr, child, childText, descendants, elements, text, toInteger } from '../xml/xml-element.helpers';
import type { XmlElement } from '../xml/xml.types';
import { codeValue } from './newsml-concept.reader';
import { type ItemContext, readNewsItem } from './newsml-item.reader';

/** What a NewsML-G2 document holds, before its items are finished into articles. */
export interface NewsMlDocument {
  formatVersion: string | null;
  texts: ArticleParts[];
  others: ArticleParts[];
  references: WireReference[];
  message: WireMessage | null;
}

/** Root elements read as one news item although they are only a part of one (IPTC's own listings are such parts). */
const ITEM_PARTS = new Set(['contentmeta', 'contentset', 'itemmeta']);
const NOT_NEWS = new Set(['planningitem', 'conceptitem', 'knowledgeitem', 'catalogitem']);

/**
 * A NewsML-G2 news item, news message or package. Text items become articles; pictures, video and other items,
 * and package members the document does not carry, become references. In a package, each text item also lists the
 * package's other members, so a story keeps its pictures.
 */
export function readNewsMl(root: XmlElement, limits: WireLimits, issues: string[]): NewsMlDocument {
  const name = root.name.toLowerCase();
  const context: ItemContext = { limits, issues, standardVersion: attr(root, 'standardversion') };
  if (NOT_NEWS.has(name)) {
    throw new WireParseError(
      WireParseErrorCode.Unsupported,
      `a NewsML-G2 ${root.name} is not a news item; only news items and messages are read`,
    );
  }
  if (name === 'newsitem') return collect([root], [], null, context);
  if (name === 'packageitem') return collect([], [root], null, context);
  if (name === 'newsmessage') {
    const itemSet = child(root, 'itemSet') ?? root;
    for (const other of elements(itemSet).filter((e) => NOT_NEWS.has(e.name.toLowerCase()))) {
      issues.push(`skipped a ${other.name}: not a news item`);
    }
    return collect(elements(itemSet, 'newsItem'), elements(itemSet, 'packageItem'), readHeader(child(root, 'header')), context);
  }
  if (ITEM_PARTS.has(name)) {
    issues.push(`the document is a part of a NewsML-G2 item (<${root.name}>): read as a news item`);
    return collect([{ ...root, name: 'newsItem', children: [root] }], [], null, context);
  }
  throw new WireParseError(WireParseErrorCode.NotWire, `<${root.name}> is not a NewsML-G2 news item or message`);
}

function collect(items: XmlElement[], packages: XmlElement[], message: WireMessage | null, context: ItemContext): NewsMlDocument {
  const texts: ArticleParts[] = [];
  const others: ArticleParts[] = [];
  for (const item of items) {
    const parts = readNewsItem(item, context);
    if (parts.priority === undefined && message?.priority) parts.priority = message.priority;
    (isTextItem(parts) ? texts : others).push(parts);
  }
  const carried = new Map(others.map((o) => [o.guid ?? null, itemReference(o)]));
  const textGuids = new Set(texts.map((t) => t.guid));
  // The package's members that are not text, carried or not: what each of its stories points at.
  const members: WireReference[] = [];
  const notCarried: WireReference[] = [];
  for (const itemRef of packages.flatMap((p) => descendants(p, 'itemRef'))) {
    const reference = packageReference(itemRef);
    if (textGuids.has(reference.guid)) continue;
    const item = carried.get(reference.guid);
    members.push(item ? { ...reference, ...withoutNulls(item) } : reference);
    if (!item) notCarried.push(reference);
  }
  for (const parts of texts) parts.references = [...(parts.references ?? []), ...members];
  return { formatVersion: context.standardVersion ?? texts[0]?.formatVersion ?? null, texts, others, references: notCarried, message };
}

function itemReference(parts: ArticleParts): WireReference {
  const remote = parts.references?.find((r) => r.role !== null && r.href !== null && !/^irel:/i.test(r.role));
  return {
    guid: parts.guid ?? null,
    version: parts.version ?? null,
    href: remote?.href ?? null,
    itemClass: parts.itemClass ?? null,
    contentType: remote?.contentType ?? null,
    title: parts.title ?? null,
    role: null,
  };
}

function withoutNulls(reference: WireReference): Partial<WireReference> {
  return Object.fromEntries(Object.entries(reference).filter(([, v]) => v !== null));
}

function packageReference(itemRef: XmlElement): WireReference {
  return {
    guid: attr(itemRef, 'residref'),
    version: toInteger(attr(itemRef, 'version')),
    href: attr(itemRef, 'href'),
    itemClass: codeValue(attr(child(itemRef, 'itemClass'), 'qcode') ?? attr(child(itemRef, 'itemClass'), 'uri')),
    contentType: attr(itemRef, 'contenttype'),
    title: childText(itemRef, 'title') ?? childText(itemRef, 'headline'),
    role: attr(itemRef, 'role') ?? null,
  };
}

function readHeader(header: XmlElement | null): WireMessage | null {
  if (!header) return null;
  return {
    sent: childText(header, 'sent'),
    sender: childText(header, 'sender'),
    transmitId: childText(header, 'transmitId'),
    priority: toInteger(childText(header, 'priority')),
    origin: childText(header, 'origin'),
    channels: elements(header, 'channel')
      .map((c) => text(c))
      .filter((c): c is string => c !== null),
  };
}
