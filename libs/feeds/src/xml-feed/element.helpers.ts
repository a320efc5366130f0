import { joinUrl, safeJoinUrl } from '../url.resolver';
import type { XmlElement, XmlNode } from '../xml/xml.types';
import { XMLNS_NAMESPACE } from '../xml/xml.parser';
import { canonicalPrefix } from './feed-namespaces';

const names = new WeakMap<XmlElement, string>();
const attributeMaps = new WeakMap<XmlElement, ReadonlyMap<string, string>>();
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** `prefix:local` with the canonical prefix, lowercased (`dc:creator`, `content:encoded`, `title`). */
export function nameOf(el: XmlElement): string {
  let name = names.get(el);
  if (name === undefined) {
    const prefix = canonicalPrefix(el.ns, el.prefix);
    name = (prefix ? `${prefix}:${el.local}` : el.local).toLowerCase();
    names.set(el, name);
  }
  return name;
}

/** Attributes by canonical lowercased name (`href`, `rdf:resource`, `xml:base`); namespace declarations left out. */
export function attributesOf(el: XmlElement): ReadonlyMap<string, string> {
  if (el.attrs.length === 0) return NO_ATTRIBUTES;
  let map = attributeMaps.get(el);
  if (map === undefined) {
    const entries: [string, string][] = [];
    for (const attr of el.attrs) {
      if (attr.ns === XMLNS_NAMESPACE || attr.prefix === 'xmlns') continue;
      const prefix = attr.prefix ? canonicalPrefix(attr.ns, attr.prefix) : '';
      entries.push([(prefix ? `${prefix}:${attr.local}` : attr.local).toLowerCase(), attr.value]);
    }
    map = new Map(entries);
    attributeMaps.set(el, map);
  }
  return map;
}

export function attr(el: XmlElement, name: string): string | undefined {
  return attributesOf(el).get(name);
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c: XmlNode): c is XmlElement => c.kind === 'element');
}

/** The element's own text (text children only, as feed readers take it), untrimmed. */
export function ownText(el: XmlElement): string {
  let text = '';
  for (const child of el.children) if (child.kind === 'text') text += child.value;
  return text;
}

const isEntry = (el: XmlElement): boolean => {
  const name = nameOf(el);
  return name === 'item' || name === 'entry';
};

/** Per-document state the readers share: the document URL, the detected version, and memoized scopes. */
export class FeedScope {
  private readonly bases = new WeakMap<XmlElement, { readonly url: string; readonly declared: boolean }>();
  private readonly languages = new WeakMap<XmlElement, string | null>();
  private entryBase: string | null = null;

  constructor(
    readonly documentUrl: string,
    readonly version: string,
  ) {}

  /**
   * Entries with no xml:base in scope resolve against the feed's home page rather than the document URL:
   * feeds are often served from another host (a CDN, a feed proxy) than the site their relative links
   * point into, which is how Miniflux and most readers resolve them. Set once the channel has been read.
   */
  useHomePageForEntries(homePage: string | null): void {
    this.entryBase = homePage?.trim() || null;
  }

  /** The base URL in effect at `el`: xml:base (or CDF's `base`) resolved against its parent's, else the document URL. */
  baseOf(el: XmlElement | null): string {
    return this.scopedBase(el).url;
  }

  private scopedBase(el: XmlElement | null): { readonly url: string; readonly declared: boolean } {
    if (el === null) return { url: this.documentUrl, declared: false };
    const cached = this.bases.get(el);
    if (cached !== undefined) return cached;
    const parent = this.scopedBase(el.parent);
    const own = attr(el, 'xml:base') ?? attr(el, 'base');
    let scoped = parent;
    if (own !== undefined && own.trim() !== '') {
      // An unsafe xml:base (javascript:, data:) is ignored rather than inherited.
      const url = parent.url ? safeJoinUrl(parent.url, own.trim()) || parent.url : joinUrl('', own.trim());
      scoped = { url, declared: true };
    } else if (!parent.declared && this.entryBase !== null && isEntry(el)) {
      scoped = { url: this.entryBase, declared: false };
    }
    this.bases.set(el, scoped);
    return scoped;
  }

  /** xml:lang in effect at `el`; an explicit `xml:lang=""` means no language. */
  languageOf(el: XmlElement | null): string | null {
    if (el === null) return null;
    if (this.languages.has(el)) return this.languages.get(el)!;
    // Only xml:lang: a bare `lang` attribute means nothing in XML.
    const own = attr(el, 'xml:lang');
    const language = own === undefined ? this.languageOf(el.parent) : own.trim() ? own.trim().replace(/_/g, '-') : null;
    this.languages.set(el, language);
    return language;
  }

  /** A URL-valued text or attribute resolved against `el`'s base. */
  resolve(el: XmlElement, url: string): string {
    const trimmed = url.trim();
    return trimmed ? joinUrl(this.baseOf(el), trimmed) : trimmed;
  }
}
