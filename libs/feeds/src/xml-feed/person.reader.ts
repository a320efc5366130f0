import type { FeedPerson } from '../feed.types';
import { markupToText, repairText, squash } from '../text/feed-text';
import type { XmlElement } from '../xml/xml.types';
import type { FeedScope } from './element.helpers';
import { childElements, nameOf, ownText } from './element.helpers';

const EMAIL =
  /(?:mailto:)?([a-zA-Z0-9_.+-]+@(?:\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.|(?:[a-zA-Z0-9-]+\.)+)(?:[a-zA-Z]{2,24}|[0-9]{1,3})\]?)(?:\?subject=\S+)?/;

// A real tag (`<a href…>`, `</b>`), not an address in angle brackets (`<jo@example.com>`).
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^>]*)?\/?>/;

const PERSON_FIELDS = new Set(['name', 'email', 'uri', 'url', 'homepage']);

/** All text inside an element, markup dropped (bounded by the reader's depth limit). */
function deepText(el: XmlElement): string {
  return el.children.map((c) => (c.kind === 'text' ? c.value : deepText(c))).join('');
}

/**
 * An author written as one string, RSS style: `Jo Bloggs (jo@example.com)`, `jo@example.com (Jo Bloggs)`,
 * `Jo Bloggs <jo@example.com>`, a bare address or a bare name.
 */
export function parsePersonText(text: string): FeedPerson | null {
  // Authors are not markup, but feeds wrap them in some (`by <a href="/jo">Jo</a>`).
  const raw = HTML_TAG.test(text) ? markupToText(repairText(text)) : squash(repairText(text));
  if (!raw) return null;
  const match = EMAIL.exec(raw);
  if (!match) return { name: raw, raw };
  const email = match[1];
  let name = raw
    .replace(match[0], '')
    .replace(/\(\s*\)|<\s*>|&lt;\s*&gt;/g, '')
    .trim();
  if (name.startsWith('(')) name = name.slice(1);
  if (name.endsWith(')')) name = name.slice(0, -1);
  return { name: name.trim(), email, raw };
}

/** An Atom person construct (`name`, `email`, `uri`), an iTunes owner, or a text-only author element. */
export function readPerson(el: XmlElement, scope: FeedScope): FeedPerson | null {
  const children = childElements(el);
  const personChildren = children.filter((c) => PERSON_FIELDS.has(nameOf(c).replace(/^itunes:/, '')));
  // No person fields: a text author, possibly wrapped in markup (`by <a href="…">Jo</a>`).
  if (personChildren.length === 0) return parsePersonText(deepText(el));
  let name = '';
  let email: string | undefined;
  let url: string | undefined;
  for (const child of personChildren) {
    const key = nameOf(child).replace(/^itunes:/, '');
    const value = squash(repairText(ownText(child)));
    if (key === 'name') name = value;
    else if (key === 'email' && value) email = value;
    else if ((key === 'uri' || key === 'url' || key === 'homepage') && value) url = scope.resolve(child, value);
  }
  if (!name && !email && !url) return null;
  return { name, ...(email ? { email } : {}), ...(url ? { url } : {}) };
}
