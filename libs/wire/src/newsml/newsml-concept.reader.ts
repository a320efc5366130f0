import type { RawSubject } from '../article/wire-article.builder';
import type { CatalogAliases } from '../subjects/iptc-code.resolver';
import type { WireConcept, WireLocation } from '../wire-article.types';
import { attr, descendants, elements, text } from '../xml/xml-element.helpers';
import type { XmlElement } from '../xml/xml.types';

/**
 * Reads NewsML-G2 concepts (`subject`, `genre`, `located`, `provider`…): QCode or URI, the name in the item's
 * language when there are several, else the name an `<assert>` of the same document gives the code.
 */
export class ConceptReader {
  private readonly assertedNames = new Map<string, string>();

  constructor(
    scope: XmlElement,
    private readonly language: string | null,
  ) {
    for (const assertion of descendants(scope, 'assert')) {
      const name = this.name(assertion);
      for (const key of [attr(assertion, 'qcode'), attr(assertion, 'uri')]) if (key && name) this.assertedNames.set(key, name);
    }
  }

  concept(element: XmlElement | null | undefined): WireConcept | null {
    if (!element) return null;
    const qcode = attr(element, 'qcode');
    const uri = attr(element, 'uri');
    const name = this.name(element) ?? attr(element, 'literal') ?? this.assertedName(qcode, uri) ?? ownText(element);
    if (!qcode && !uri && !name) return null;
    return { qcode, uri, name, type: attr(element, 'type') };
  }

  concepts(parent: XmlElement | null, name: string): WireConcept[] {
    return elements(parent, name)
      .map((e) => this.concept(e))
      .filter((c): c is WireConcept => c !== null);
  }

  subject(element: XmlElement): RawSubject | null {
    const concept = this.concept(element);
    if (!concept) return null;
    const sameAs = elements(element, 'sameAs')
      .map((s) => attr(s, 'qcode') ?? attr(s, 'uri'))
      .filter((s): s is string => s !== null);
    return { ...concept, sameAs };
  }

  location(element: XmlElement | null): WireLocation | null {
    const place = this.concept(element);
    if (!place || !element) return null;
    return { name: place.name, qcode: place.qcode ?? place.uri, type: place.type, broader: this.concepts(element, 'broader') };
  }

  /** The `<name>` in the item's language, else one without a language, else the first. */
  private name(element: XmlElement): string | null {
    const names = elements(element, 'name');
    if (names.length === 0) return null;
    const lang = (n: XmlElement) => attr(n, 'lang')?.toLowerCase() ?? null;
    const wanted = this.language?.toLowerCase();
    const primary = wanted?.split('-')[0];
    const chosen =
      names.find((n) => wanted && lang(n) === wanted) ??
      names.find((n) => primary && lang(n)?.split('-')[0] === primary) ??
      names.find((n) => lang(n) === null) ??
      names[0];
    return text(chosen);
  }

  private assertedName(qcode: string | null, uri: string | null): string | null {
    return (qcode && this.assertedNames.get(qcode)) || (uri && this.assertedNames.get(uri)) || null;
  }
}

/** Text directly inside an element, not in its children (`<destination role="…">UKI</destination>`). */
function ownText(element: XmlElement): string | null {
  const own = element.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return own || null;
}

/** QCode aliases the document declares itself (`<catalog><scheme alias="x" uri="…"/>`); remote catalogs are never fetched. */
export function catalogAliases(root: XmlElement): CatalogAliases {
  const aliases = new Map<string, string>();
  for (const scheme of descendants(root, 'scheme')) {
    const alias = attr(scheme, 'alias');
    const uri = attr(scheme, 'uri');
    if (alias && uri) aliases.set(alias.toLowerCase(), uri);
  }
  return aliases;
}

/** The last segment of a QCode or URI: `ninat:text` → `text`, `…/pubstatusg2/canceled` → `canceled`. */
export function codeValue(qcode: string | null): string | null {
  if (!qcode) return null;
  const value = qcode.trim().replace(/\/$/, '');
  const cut = Math.max(value.lastIndexOf(':'), value.lastIndexOf('/'));
  const code = value.slice(cut + 1).trim();
  return code || null;
}
