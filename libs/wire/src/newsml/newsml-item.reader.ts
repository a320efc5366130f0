import type { ArticleParts, RawSubject } from '../article/wire-article.builder';
import type { WireLimits } from '../wire.limits';
import type { WireHop, WirePubStatus, WireReference, WireRights } from '../wire-article.types';
import { attr, child, childText, elements, text, toInteger } from '../xml/xml-element.helpers';
import type { XmlElement } from '../xml/xml.types';
import { paragraphs } from '../nitf/nitf-body.reader';
import { codeValue, ConceptReader } from './newsml-concept.reader';
import { readContentSet } from './newsml-content.reader';

export interface ItemContext {
  limits: WireLimits;
  issues: string[];
  /** The standard version declared by the root (`2.35`), for items that do not declare their own. */
  standardVersion: string | null;
}

/** Reads one NewsML-G2 `newsItem`: item metadata, content metadata, rights, hop history and the copy. */
export function readNewsItem(item: XmlElement, context: ItemContext): ArticleParts {
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const language = attr(child(contentMeta, 'language'), 'tag') ?? attr(item, 'lang');
  const concepts = new ConceptReader(item, language);
  const content = readContentSet(child(item, 'contentSet'), context.limits, context.issues);
  const nitf = content.nitf;
  const headlines = elements(contentMeta, 'headline');
  const mainHeadline = headlines.find((h) => !isSubHeadline(h)) ?? null;
  const creators = elements(contentMeta, 'creator');
  const embargoed = child(itemMeta, 'embargoed');
  return {
    format: 'newsml-g2',
    formatVersion: attr(item, 'standardversion') ?? context.standardVersion,
    guid: attr(item, 'guid'),
    version: toInteger(attr(item, 'version')),
    title: text(mainHeadline) ?? nitf?.title ?? childText(itemMeta, 'title'),
    subheadline: text(headlines.find(isSubHeadline)) ?? nitf?.subheadline ?? null,
    description: summary(contentMeta) ?? nitf?.description ?? null,
    bodyHtml: content.bodyHtml,
    byline: childText(contentMeta, 'by') ?? nitf?.byline ?? null,
    authors: creators.length > 0 ? creators.map((c) => concepts.concept(c)?.name ?? null) : (nitf?.authors ?? []),
    language,
    url: canonicalLink(itemMeta),
    versionCreated: childText(itemMeta, 'versionCreated'),
    firstCreated: childText(itemMeta, 'firstCreated'),
    contentCreated: childText(contentMeta, 'contentCreated'),
    embargoUntil: text(embargoed),
    // An empty <embargoed/> is an embargo until further notice.
    embargoed: embargoed !== null,
    pubStatus: readPubStatus(child(itemMeta, 'pubStatus'), context.issues),
    itemClass: codeValue(attr(child(itemMeta, 'itemClass'), 'qcode') ?? attr(child(itemMeta, 'itemClass'), 'uri')),
    provider: concepts.concept(child(itemMeta, 'provider')),
    service: concepts.concept(child(itemMeta, 'service')),
    urgency: toInteger(childText(contentMeta, 'urgency')),
    rights: readRights(item, nitf?.copyrightHolder ?? null),
    dateline: childText(contentMeta, 'dateline') ?? nitf?.dateline ?? null,
    located: concepts.location(child(contentMeta, 'located')) ?? nitf?.located ?? null,
    subjects: elements(contentMeta, 'subject')
      .map((s) => concepts.subject(s))
      .filter((s): s is RawSubject => s !== null),
    genres: concepts.concepts(contentMeta, 'genre'),
    keywords: elements(contentMeta, 'keyword').map((k) => text(k)),
    slugline: childText(contentMeta, 'slugline'),
    edNote: elements(itemMeta, 'edNote')
      .map((n) => text(n))
      .filter(Boolean)
      .join('\n\n'),
    signals: elements(itemMeta, 'signal')
      .map((s) => attr(s, 'qcode') ?? attr(s, 'uri'))
      .filter((s): s is string => s !== null),
    altIds: elements(contentMeta, 'altId').flatMap((a) => {
      const value = text(a) ?? attr(a, 'id');
      return value ? [{ type: attr(a, 'type'), value }] : [];
    }),
    hopHistory: elements(child(item, 'hopHistory'), 'hop').map((hop) => readHop(hop, concepts)),
    references: [...elements(itemMeta, 'link').map(linkReference), ...content.remote],
  };
}

/** Headline roles are agency codes: a "sub" one (`hdltype:subhead`, `subheadline`) is the subheadline. */
function isSubHeadline(headline: XmlElement): boolean {
  return /sub/i.test(attr(headline, 'role') ?? '');
}

function summary(contentMeta: XmlElement | null): string | null {
  const descriptions = elements(contentMeta, 'description');
  const chosen = descriptions.find((d) => /summary|abstract/i.test(attr(d, 'role') ?? '')) ?? descriptions[0] ?? null;
  return paragraphs(chosen);
}

const PUB_STATUSES: Record<string, WirePubStatus> = { usable: 'usable', withheld: 'withheld', canceled: 'canceled', cancelled: 'canceled' };

function readPubStatus(element: XmlElement | null, issues: string[]): WirePubStatus {
  const code = codeValue(attr(element, 'qcode') ?? attr(element, 'uri'));
  if (!code) return 'usable'; // the standard's default
  const status = PUB_STATUSES[code.toLowerCase()];
  if (!status) issues.push(`unknown pubStatus "${code}" read as usable`);
  return status ?? 'usable';
}

/** Rights may be given several times (per part, per party): the first holder and notice, every usage term. */
function readRights(item: XmlElement, nitfHolder: string | null): Partial<WireRights> {
  const infos = elements(item, 'rightsInfo');
  const holder = infos.map((r) => child(r, 'copyrightHolder')).find((h) => h !== null) ?? null;
  const usage = infos.flatMap((r) => elements(r, 'usageTerms').map((u) => text(u))).filter(Boolean);
  return {
    copyrightHolder:
      childText(holder, 'name') ?? text(holder) ?? attr(holder, 'literal') ?? attr(holder, 'uri') ?? attr(holder, 'qcode') ?? nitfHolder,
    copyrightNotice: infos.map((r) => childText(r, 'copyrightNotice')).find(Boolean) ?? null,
    usageTerms: usage.length > 0 ? usage.join('\n\n') : null,
  };
}

function readHop(hop: XmlElement, concepts: ConceptReader): WireHop {
  return {
    seq: toInteger(attr(hop, 'seq')),
    timestamp: attr(hop, 'timestamp'),
    party: concepts.concept(child(hop, 'party')),
    actions: elements(hop, 'action').map((a) => ({ qcode: attr(a, 'qcode') ?? attr(a, 'uri'), target: attr(a, 'target') })),
  };
}

function linkReference(link: XmlElement): WireReference {
  return {
    guid: attr(link, 'residref'),
    version: toInteger(attr(link, 'version')),
    href: attr(link, 'href'),
    itemClass: codeValue(attr(child(link, 'itemClass'), 'qcode')),
    contentType: attr(link, 'contenttype'),
    title: childText(link, 'title') ?? attr(link, 'title'),
    role: attr(link, 'rel'),
  };
}

function canonicalLink(itemMeta: XmlElement | null): string | null {
  const link = elements(itemMeta, 'link').find((l) => /canonical|self$/i.test(attr(l, 'rel') ?? ''));
  return attr(link, 'href');
}
