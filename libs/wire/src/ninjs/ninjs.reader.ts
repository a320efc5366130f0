import { htmlToText } from '@copydesk/normalize';
import type { ArticleParts, RawSubject } from '../article/wire-article.builder';
import { textToHtml } from '../article/text-to-html';
import { readNitfBody } from '../nitf/nitf-body.reader';
import type { WireLimits } from '../wire.limits';
import type { WireConcept, WirePubStatus, WireReference } from '../wire-article.types';
import { child, descendants, is } from '../xml/xml-element.helpers';
import { readXml } from '../xml/xml-tree.reader';
import { get, int, isObject, type JsonObject, list, str, strings } from './ninjs-object';

const PUB_STATUSES: Record<string, WirePubStatus> = { usable: 'usable', withheld: 'withheld', canceled: 'canceled', cancelled: 'canceled' };
const IPTC_SUBJECT_SCHEME = /subj|cv\.iptc\.org\/newscodes\/subjectcode/i;

/**
 * One ninjs object, any generation: 1.x (`headline`, `body_html`, `subject` with scheme + code), 2.x (`headlines`,
 * `bodies`, lower-case names) and 3.x (camelCase, `embargoedUntil`, `altIds` as a list).
 */
export function readNinjs(ninjs: JsonObject, limits: WireLimits, issues: string[]): ArticleParts {
  const body = readBody(ninjs, limits, issues);
  const status = str(ninjs, 'pubStatus');
  const pubStatus = status ? PUB_STATUSES[status.toLowerCase()] : 'usable';
  if (!pubStatus) issues.push(`unknown pubStatus "${status}" read as usable`);
  const embargo = str(ninjs, 'embargoedUntil', 'embargoed');
  return {
    format: 'ninjs',
    formatVersion: ninjsVersion(ninjs),
    guid: str(ninjs, 'uri', 'guid'),
    version: int(ninjs, 'version'),
    title: headline(ninjs, 'main') ?? str(ninjs, 'headline', 'title'),
    subheadline: headline(ninjs, 'sub'),
    description: description(ninjs),
    bodyHtml: body,
    byline: str(ninjs, 'by', 'byline'),
    language: str(ninjs, 'language'),
    versionCreated: str(ninjs, 'versionCreated'),
    firstCreated: str(ninjs, 'firstCreated'),
    contentCreated: str(ninjs, 'contentCreated'),
    embargoUntil: embargo,
    embargoed: embargo !== null,
    pubStatus: pubStatus ?? 'usable',
    itemClass: str(ninjs, 'type'),
    provider:
      list(ninjs, 'infoSources', 'infosource')
        .map(concept)
        .find((c) => c !== null) ?? null,
    service:
      list(ninjs, 'service')
        .map(concept)
        .find((c) => c !== null) ?? null,
    urgency: int(ninjs, 'urgency'),
    priority: int(ninjs, 'priority'),
    rights: {
      copyrightHolder: str(ninjs, 'copyrightHolder'),
      copyrightNotice: str(ninjs, 'copyrightNotice'),
      usageTerms: str(ninjs, 'usageTerms'),
    },
    dateline: dateline(ninjs),
    located: locatedPlace(ninjs),
    subjects: list(ninjs, 'subjects', 'subject')
      .map(subject)
      .filter((s): s is RawSubject => s !== null),
    genres: list(ninjs, 'genres', 'genre')
      .map(concept)
      .filter((g): g is WireConcept => g !== null),
    keywords: strings(ninjs, 'keywords'),
    slugline: str(ninjs, 'slugline'),
    edNote: str(ninjs, 'edNote'),
    altIds: altIds(ninjs),
    references: list(ninjs, 'associations').map(association),
  };
}

/** Which ninjs wrote this: the declared `standard.version`, else the generation its field names show. */
function ninjsVersion(ninjs: JsonObject): string {
  const standard = get(ninjs, 'standard');
  const declared = isObject(standard) ? str(standard, 'version') : null;
  if (declared) return declared;
  const keys = Object.keys(ninjs);
  if (!keys.some((k) => ['headlines', 'bodies', 'descriptions'].includes(k.toLowerCase()))) return '1.x';
  return keys.some((k) => /[A-Z]/.test(k)) ? '3.x' : '2.x';
}

/** A headline of a role (`main`, `sub`…); for `main`, also the first one without a role. */
function headline(ninjs: JsonObject, role: 'main' | 'sub'): string | null {
  const headlines = list(ninjs, 'headlines');
  const roleOf = (h: JsonObject) => str(h, 'role')?.toLowerCase() ?? null;
  const found =
    role === 'main'
      ? (headlines.find((h) => roleOf(h) === 'main') ?? headlines.find((h) => !roleOf(h)?.includes('sub')))
      : headlines.find((h) => roleOf(h)?.includes('sub'));
  const value = found ? str(found, 'value') : null;
  return value && isHtmlType(found) ? htmlToText(value) : value;
}

function description(ninjs: JsonObject): string | null {
  const descriptions = list(ninjs, 'descriptions');
  const plain = descriptions.find((d) => !isHtmlType(d)) ?? descriptions[0];
  if (plain) {
    const value = str(plain, 'value');
    return value && isHtmlType(plain) ? htmlToText(value) : value;
  }
  const html = str(ninjs, 'description_html');
  return str(ninjs, 'description_text') ?? (html ? htmlToText(html) : null);
}

function isHtmlType(part: JsonObject | undefined): boolean {
  if (!part) return false;
  const type = `${str(part, 'contentType') ?? ''} ${str(part, 'role') ?? ''}`.toLowerCase();
  return /html|richtext/.test(type);
}

/** The richest body: NITF, then HTML/XHTML, then text; ninjs 1.x's `body_xhtml`/`body_html`/`body_text` likewise. */
function readBody(ninjs: JsonObject, limits: WireLimits, issues: string[]): string | null {
  const bodies = list(ninjs, 'bodies');
  const typeOf = (b: JsonObject) => str(b, 'contentType')?.toLowerCase() ?? '';
  const nitf = bodies.find((b) => typeOf(b).includes('nitf'));
  if (nitf) return nitfBody(str(nitf, 'value') ?? '', limits, issues);
  const html = bodies.find(isHtmlType) ?? bodies.find((b) => typeOf(b).includes('xml'));
  if (html) return str(html, 'value');
  const text = bodies.find((b) => str(b, 'value'));
  if (text) return textToHtml(str(text, 'value') ?? '');
  const legacy = str(ninjs, 'body_xhtml', 'body_html');
  if (legacy) return legacy;
  const legacyText = str(ninjs, 'body_text');
  return legacyText ? textToHtml(legacyText) : null;
}

function nitfBody(value: string, limits: WireLimits, issues: string[]): string | null {
  const { root, issues: nested } = readXml(value, limits);
  issues.push(...nested);
  const nitf = is(root, 'nitf') ? root : (descendants(root, 'nitf')[0] ?? null);
  return readNitfBody(child(nitf, 'body') ?? (is(root, 'body') ? root : null)).bodyHtml || null;
}

function concept(value: JsonObject): WireConcept | null {
  const uri = str(value, 'uri') ?? schemeUri(value);
  const qcode = str(value, 'qcode') ?? (uri ? null : str(value, 'code'));
  const name = str(value, 'name') ?? str(value, 'literal');
  if (!qcode && !uri && !name) return null;
  return { qcode, uri, name, type: null };
}

/** ninjs 1.x splits a code into `scheme` (a URI ending in `/`) and `code`. */
function schemeUri(value: JsonObject): string | null {
  const scheme = str(value, 'scheme');
  const code = str(value, 'code');
  return scheme && code && /^https?:\/\//i.test(scheme) ? `${scheme.replace(/\/?$/, '/')}${code}` : null;
}

function subject(value: JsonObject): RawSubject | null {
  const base = concept(value);
  if (!base) return null;
  const scheme = str(value, 'scheme');
  // Superdesk and ninjs 1.x producers send IPTC subject codes as bare 8 digits.
  const bare = base.qcode && /^\d{8}$/.test(base.qcode) && (!scheme || IPTC_SUBJECT_SCHEME.test(scheme)) ? `subj:${base.qcode}` : null;
  return { ...base, qcode: bare ?? base.qcode, sameAs: [] };
}

function dateline(ninjs: JsonObject): string | null {
  const value = get(ninjs, 'dateline');
  if (typeof value === 'string') return value;
  return isObject(value) ? str(value, 'text') : null;
}

function locatedPlace(ninjs: JsonObject): ArticleParts['located'] {
  const located = str(ninjs, 'located');
  return located ? { name: located, qcode: null, type: null, broader: [] } : null;
}

function altIds(ninjs: JsonObject): Array<{ type: string | null; value: string }> {
  const value = get(ninjs, 'altIds');
  if (Array.isArray(value)) {
    return value.filter(isObject).flatMap((a) => {
      const id = str(a, 'value');
      return id ? [{ type: str(a, 'role', 'type'), value: id }] : [];
    });
  }
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([type, id]) => (typeof id === 'string' ? [{ type, value: id }] : []));
}

function association(value: JsonObject): WireReference {
  const rendition = list(value, 'renditions').find((r) => str(r, 'href'));
  return {
    guid: str(value, 'uri', 'guid'),
    version: int(value, 'version'),
    href: rendition ? str(rendition, 'href') : null,
    itemClass: str(value, 'type'),
    contentType: rendition ? str(rendition, 'contentType', 'mimetype') : null,
    title:
      list(value, 'headlines')
        .map((h) => str(h, 'value'))
        .find(Boolean) ?? str(value, 'headline', 'title'),
    role: str(value, 'name', 'rel'),
  };
}
