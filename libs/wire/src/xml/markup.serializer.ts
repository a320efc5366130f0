import type { XmlElement, XmlNode } from './xml.types';

/** What becomes of one element in HTML: a tag (with the attributes to keep), its content alone, or nothing. */
export type ElementMapping = { tag: string; attributes?: Record<string, string> } | 'unwrap' | 'drop';

export type ElementMapper = (element: XmlElement) => ElementMapping;

const VOID = new Set(['br', 'hr', 'img']);

function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&quot;'));
}

/**
 * The content of an element as HTML, each descendant mapped by `mapper` (NITF's `hl2` to `h3`, XHTML kept as is).
 * The result is not trusted: it goes through the article sanitizer. Recursion is bounded by the reader's depth limit.
 */
export function serializeContent(element: XmlElement, mapper: ElementMapper): string {
  return element.children.map((node) => serializeNode(node, mapper)).join('');
}

function serializeNode(node: XmlNode, mapper: ElementMapper): string {
  if (typeof node === 'string') return escapeText(node);
  const mapping = mapper(node);
  if (mapping === 'drop') return '';
  const inner = serializeContent(node, mapper);
  if (mapping === 'unwrap') return inner;
  const tag = mapping.tag;
  const attributes = Object.entries(mapping.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  if (VOID.has(tag)) return `<${tag}${attributes}>`;
  return `<${tag}${attributes}>${inner}</${tag}>`;
}

/** Attributes without namespace declarations or prefixed (schema, xml:) ones: what HTML could use. */
export function plainAttributes(element: XmlElement): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attributes)) if (!name.includes(':') && name !== 'xmlns') kept[name] = value;
  return kept;
}
