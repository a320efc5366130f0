import { type ArticleParts, type RawSubject, wireDate } from '../article/wire-article.builder';
import type { WireConcept, WireHop, WirePubStatus } from '../wire-article.types';
import { attr, child, childText, descendants, elements, text, toInteger } from '../xml/xml-element.helpers';
import type { XmlElement } from '../xml/xml.types';
import { readNitfBody } from './nitf-body.reader';

const STATUSES: Record<string, { pubStatus: WirePubStatus; embargoed: boolean }> = {
  usable: { pubStatus: 'usable', embargoed: false },
  embargoed: { pubStatus: 'usable', embargoed: true },
  withheld: { pubStatus: 'withheld', embargoed: false },
  canceled: { pubStatus: 'canceled', embargoed: false },
  cancelled: { pubStatus: 'canceled', embargoed: false },
};

/**
 * An NITF 3.x document (`<nitf>` with `head` and `body`): the body as {@link readNitfBody} reads it, and the
 * document data (`docdata`): id, urgency, status, release (embargo) and issue dates, copyright and rights, keywords,
 * subject codes (`tobject.subject`), genre (`tobject.property`), the revision history as hops.
 */
export function readNitfDocument(nitf: XmlElement, issues: string[]): ArticleParts {
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const body = readNitfBody(child(nitf, 'body'));
  const status = docdata ? readStatus(attr(docdata, 'management-status'), issues) : STATUSES.usable;
  const issued = normOf(child(docdata, 'date.issue'));
  const released = normOf(child(docdata, 'date.release'));
  const duKey = child(docdata, 'du-key');
  const copyright = child(docdata, 'doc.copyright');
  const rights = child(docdata, 'doc.rights');
  return {
    format: 'nitf',
    formatVersion: nitfVersion(attr(nitf, 'version')),
    guid: attr(child(docdata, 'doc-id'), 'id-string'),
    version: toInteger(attr(duKey, 'version')) ?? toInteger(attr(duKey, 'generation')),
    title: body.title ?? childText(head, 'title'),
    subheadline: body.subheadline,
    description: body.description,
    bodyHtml: body.bodyHtml,
    byline: body.byline,
    authors: body.authors,
    language: attr(nitf, 'baselang') ?? attr(nitf, 'lang') ?? attr(child(nitf, 'body'), 'lang'),
    versionCreated: issued,
    embargoUntil: status.embargoed || isLater(released, issued) ? released : null,
    embargoed: status.embargoed,
    pubStatus: status.pubStatus,
    itemClass: 'text',
    provider:
      concept(null, attr(child(docdata, 'doc-id'), 'regsrc')) ?? concept(null, text(child(nitf, 'body', 'body.head', 'distributor'))),
    urgency: toInteger(attr(child(docdata, 'urgency'), 'ed-urg')),
    rights: {
      copyrightHolder: attr(copyright, 'holder') ?? attr(rights, 'owner') ?? body.copyrightHolder,
      copyrightNotice: copyrightNotice(copyright),
      usageTerms: attr(rights, 'limitations'),
    },
    dateline: body.dateline,
    located: body.located,
    subjects: readSubjects(head),
    genres: elements(child(head, 'tobject'), 'tobject.property')
      .map((p) => concept(null, attr(p, 'tobject.property.type')))
      .filter((g): g is WireConcept => g !== null),
    keywords: descendants(child(docdata, 'key-list'), 'keyword').map((k) => attr(k, 'key') ?? text(k)),
    slugline: metaContent(head, 'anpa-keyword') ?? attr(child(docdata, 'du-key'), 'key'),
    edNote: attr(child(docdata, 'ed-msg'), 'info') ?? text(child(docdata, 'ed-msg')),
    altIds: [],
    hopHistory: readRevisions(head),
  };
}

/** A release date after the issue date is an embargo: that is what NITF's date.release is for. */
function isLater(released: string | null, issued: string | null): boolean {
  const release = wireDate(released);
  const issue = wireDate(issued);
  return release !== null && issue !== null && release > issue;
}

function readStatus(value: string | null, issues: string[]): { pubStatus: WirePubStatus; embargoed: boolean } {
  if (!value) return STATUSES.usable;
  const known = STATUSES[value.toLowerCase()];
  if (!known) issues.push(`unknown NITF management-status "${value}" read as usable`);
  return known ?? STATUSES.usable;
}

/** `-//IPTC//DTD NITF 3.6//EN` → `3.6`. */
function nitfVersion(declared: string | null): string | null {
  if (!declared) return null;
  return /(\d+\.\d+)/.exec(declared)?.[1] ?? declared;
}

function normOf(element: XmlElement | null): string | null {
  return attr(element, 'norm') ?? text(element);
}

function concept(qcode: string | null, name: string | null): WireConcept | null {
  return qcode || name ? { qcode, uri: null, name, type: null } : null;
}

function copyrightNotice(copyright: XmlElement | null): string | null {
  if (!copyright) return null;
  const written = text(copyright);
  if (written) return written;
  const year = attr(copyright, 'year');
  const holder = attr(copyright, 'holder');
  return holder ? `Copyright ${year ? `${year} ` : ''}${holder}` : null;
}

function metaContent(head: XmlElement | null, name: string): string | null {
  const meta = elements(head, 'meta').find((m) => attr(m, 'name')?.toLowerCase() === name);
  return attr(meta, 'content');
}

/** `tobject.subject` carries an IPTC subject code (`refnum`) and the names of its levels. */
function readSubjects(head: XmlElement | null): RawSubject[] {
  return descendants(child(head, 'tobject'), 'tobject.subject').flatMap((s): RawSubject[] => {
    const refnum = attr(s, 'tobject.subject.refnum');
    const name = attr(s, 'tobject.subject.detail') ?? attr(s, 'tobject.subject.matter') ?? attr(s, 'tobject.subject.type');
    if (!refnum && !name) return [];
    const code = refnum && /^\d{8}$/.test(refnum) ? `subj:${refnum}` : refnum;
    return [{ qcode: code, uri: null, name, type: null }];
  });
}

function readRevisions(head: XmlElement | null): WireHop[] {
  return elements(head, 'revision-history').map((r, i) => ({
    seq: i + 1,
    timestamp: attr(r, 'norm'),
    party: concept(null, attr(r, 'name')),
    actions: [{ qcode: attr(r, 'function'), target: attr(r, 'comment') }],
  }));
}
