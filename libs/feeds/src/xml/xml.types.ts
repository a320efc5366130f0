/** The tree the lenient XML reader builds: just enough DOM for feeds, with namespaces resolved. */

export interface XmlAttribute {
  /** The name as written, e.g. `xml:base` or `rdf:about`. */
  readonly qname: string;
  readonly prefix: string;
  readonly local: string;
  /** Namespace URI; '' for unprefixed attributes. */
  readonly ns: string;
  readonly value: string;
}

export interface XmlElement {
  readonly kind: 'element';
  readonly qname: string;
  readonly prefix: string;
  readonly local: string;
  /** Namespace URI ('' when none applies or the prefix was never declared). */
  readonly ns: string;
  readonly attrs: XmlAttribute[];
  readonly children: XmlNode[];
  readonly parent: XmlElement | null;
  /** Prefix → namespace URI bindings in scope ('' is the default namespace). */
  readonly scope: ReadonlyMap<string, string>;
}

export interface XmlText {
  readonly kind: 'text';
  value: string;
}

export type XmlNode = XmlElement | XmlText;

/** A well-formedness problem the reader recovered from (feedparser calls a feed with any of these "bozo"). */
export interface XmlIssue {
  readonly message: string;
  readonly offset: number;
}

export interface XmlDocument {
  /** The first top-level element, or null when there is none. */
  readonly root: XmlElement | null;
  /** The DOCTYPE's text between `<!DOCTYPE` and its internal subset, when present. */
  readonly doctype: string | null;
  readonly issues: XmlIssue[];
}
