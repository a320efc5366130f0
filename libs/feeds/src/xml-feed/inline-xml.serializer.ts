import { MATHML_NAMESPACE, SVG_NAMESPACE, XLINK_NAMESPACE } from '../html/html-allowlist';
import type { XmlElement, XmlNode } from '../xml/xml.types';
import { XMLNS_NAMESPACE } from '../xml/xml.parser';
import { knownPrefix } from './feed-namespaces';

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeValue = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/**
 * Writes inline XML content (Atom `type="xhtml"`, naked markup in RSS) back out as an XHTML string for the
 * sanitizer: element prefixes dropped, namespace declarations dropped except the ones MathML/SVG need,
 * text escaped. Depth is bounded by the XML reader's flattening.
 */
export function serializeInline(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) out += node.kind === 'text' ? escapeText(node.value) : serializeElement(node);
  return out;
}

function serializeElement(el: XmlElement): string {
  const name = el.local.toLowerCase();
  const attrs: string[] = [];
  for (const attr of el.attrs) {
    if (attr.qname === 'xmlns') continue;
    if (attr.prefix === 'xmlns') {
      // xlink attributes only work with their declaration in scope.
      if (attr.value === XLINK_NAMESPACE) attrs.push(` ${attr.qname.toLowerCase()}="${escapeValue(attr.value)}"`);
      continue;
    }
    const prefix = attr.prefix ? knownPrefix(attr.ns) : null;
    const attrName = (prefix ? `${prefix}:${attr.local}` : attr.local).toLowerCase();
    if (attr.ns !== XMLNS_NAMESPACE) attrs.push(` ${attrName}="${escapeValue(attr.value)}"`);
  }
  if ((name === 'math' && el.ns === MATHML_NAMESPACE) || (name === 'svg' && el.ns === SVG_NAMESPACE)) {
    attrs.push(` xmlns="${el.ns}"`);
  }
  return `<${name}${attrs.join('')}>${serializeInline(el.children)}</${name}>`;
}
