import { walk } from './xml-tree.reader';
import type { XmlElement } from './xml.types';

/*
 * Lookups by local name, ignoring prefixes and case: agencies write `nar:newsItem`, `newsitem` and `NewsItem`, and a
 * lenient reader takes them all. Namespaces are checked only where two vocabularies meet (sniffing the root).
 */

const same = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();

export function isElement(node: unknown): node is XmlElement {
  return typeof node === 'object' && node !== null && 'children' in node;
}

export function is(element: XmlElement | null | undefined, name: string): element is XmlElement {
  return !!element && same(element.name, name);
}

/** Child elements, all or of one local name. */
export function elements(parent: XmlElement | null | undefined, name?: string): XmlElement[] {
  if (!parent) return [];
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || same(c.name, name)));
}

/** The first child element of that name, following a path of names. */
export function child(parent: XmlElement | null | undefined, ...path: string[]): XmlElement | null {
  let current: XmlElement | null = parent ?? null;
  for (const name of path) {
    current = elements(current, name)[0] ?? null;
    if (!current) return null;
  }
  return current;
}

/** Descendant elements of that name, in document order (the element itself excluded). */
export function descendants(root: XmlElement | null | undefined, name: string): XmlElement[] {
  if (!root) return [];
  const found: XmlElement[] = [];
  for (const node of walk(root)) if (node !== root && typeof node !== 'string' && same(node.name, name)) found.push(node);
  return found;
}

/** An attribute by local name (`lang` finds `xml:lang`), trimmed; null when absent or blank. */
export function attr(element: XmlElement | null | undefined, name: string): string | null {
  if (!element) return null;
  const attributes = element.attributes;
  let value: string | undefined = attributes[name];
  if (value === undefined) {
    const key = Object.keys(attributes).find((k) => same(k.slice(k.indexOf(':') + 1), name) && !k.startsWith('xmlns'));
    value = key === undefined ? undefined : attributes[key];
  }
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** All text inside, whitespace collapsed; null when there is none. */
export function text(element: XmlElement | null | undefined): string | null {
  if (!element) return null;
  let all = '';
  for (const node of walk(element)) if (typeof node === 'string') all += node;
  const collapsed = all.replace(/\s+/g, ' ').trim();
  return collapsed || null;
}

/** The text of the first child of that name. */
export function childText(parent: XmlElement | null | undefined, ...path: string[]): string | null {
  return text(child(parent, ...path));
}

/** A positive integer from text such as `4` or ` 11 `; null otherwise. */
export function toInteger(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  const trimmed = value?.trim();
  return trimmed && /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}
