/** An element as read: names split at the prefix, its namespace resolved, attribute values and text decoded. */
export interface XmlElement {
  /** The local name as written (`newsItem`, `body.content`). */
  readonly name: string;
  readonly prefix: string | null;
  /** The namespace URI its prefix (or the default namespace) resolves to, or null. */
  readonly namespace: string | null;
  /** Attribute values decoded; keys as written (`xml:lang`, `qcode`). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
}

/** Text is a plain string, already decoded. */
export type XmlNode = XmlElement | string;

export interface XmlDocument {
  readonly root: XmlElement;
  /** What was repaired while reading (unclosed elements, content after the root). */
  readonly issues: string[];
}
