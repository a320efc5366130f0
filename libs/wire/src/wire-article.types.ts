/*
 * The record every wire format is read into. The first group of fields carries the names of the push/draft shape
 * (ArticlePush, DraftFields in libs/pipeline) so an article maps onto it field for field; the rest is the agency
 * metadata an editor relies on, kept as the agency sent it. Dates are ISO 8601 UTC strings: the record is printed
 * as JSON by the CLI and stored as draft metadata.
 */

/** The three families of wire formats read here. */
export type WireFormat = 'newsml-g2' | 'nitf' | 'ninjs';

/** IPTC publishing status (NewsML-G2 `stat:` codes, ninjs `pubStatus`, NITF `management-status`). */
export type WirePubStatus = 'usable' | 'withheld' | 'canceled';

/** A concept as the agency named it: a QCode (`medtop:04000000`) and/or a URI, a name, and its type. */
export interface WireConcept {
  qcode: string | null;
  uri: string | null;
  name: string | null;
  /** The concept's nature (`cpnat:abstract`, `cptype:city`…), when given. */
  type: string | null;
}

/** How a subject was mapped to a Media Topic. */
export type MediaTopicMatch =
  /** The subject is a Media Topic. */
  | 'same'
  /** IPTC maps this subject code to this Media Topic. */
  | 'exact'
  /** IPTC maps no active topic to this code: the topic of its nearest broader code (or the retired topic's broader topic). */
  | 'broader';

export interface WireSubject extends WireConcept {
  /** The IPTC Media Topic this subject is or maps to (through its own code or a `sameAs`), or null. */
  mediaTopic: string | null;
  mediaTopicMatch: MediaTopicMatch | null;
  /** Codes the agency says are the same concept (NewsML-G2 `sameAs`). */
  sameAs: string[];
}

/** Where the story happened (NewsML-G2 `located`, ninjs `located`, NITF `dateline/location`). */
export interface WireLocation {
  name: string | null;
  qcode: string | null;
  type: string | null;
  /** Broader places, nearest first (state, country). */
  broader: WireConcept[];
}

export interface WireRights {
  copyrightHolder: string | null;
  copyrightNotice: string | null;
  usageTerms: string | null;
}

/** One hop of the item's journey between parties (NewsML-G2 `hopHistory`). */
export interface WireHop {
  seq: number | null;
  timestamp: string | null;
  party: WireConcept | null;
  actions: Array<{ qcode: string | null; target: string | null }>;
}

/** Another item this one points at: a package member that is not text, an association, an itemMeta link. */
export interface WireReference {
  /** The item's guid (NewsML-G2 `residref`/`guid`, ninjs `uri`). */
  guid: string | null;
  version: number | null;
  href: string | null;
  /** `text`, `picture`, `video`, `graphic`, `audio`, `composite`… (the `ninat:` nature without its prefix). */
  itemClass: string | null;
  contentType: string | null;
  title: string | null;
  /** Why it is referenced: a link `rel`, a ninjs association name, a package group role. */
  role: string | null;
}

/** One news item, read from NewsML-G2, NITF or ninjs. */
export interface WireArticle {
  // The push/draft shape (ArticlePush, DraftFields).
  /** The agency's id for the item across versions: the key a newer version updates. */
  externalId: string | null;
  /** The headline. */
  title: string;
  subheadline: string | null;
  /** The abstract or summary. */
  description: string | null;
  /** Sanitized HTML (libs/normalize's article policy). */
  bodyHtml: string;
  bodyText: string;
  byline: string | null;
  authors: string[];
  language: string | null;
  /** When the item was first published (firstCreated, else the content's creation, else this version). */
  publishedAt: string | null;
  /** When this version was created. */
  modifiedAt: string | null;
  embargoUntil: string | null;
  pubStatus: WirePubStatus;
  /** An http(s) address of the story, when the agency gives one. */
  url: string | null;

  // The agency's metadata.
  format: WireFormat;
  /** The standard's version as declared (`2.35`, `3.6`, `3.1`), or the generation inferred (`1.x`). */
  formatVersion: string | null;
  guid: string | null;
  /** The item's version: a positive integer in NewsML-G2, a string turned into one in ninjs and NITF when it is one. */
  version: number | null;
  versionCreated: string | null;
  firstCreated: string | null;
  contentCreated: string | null;
  /** `text`, `picture`, `video`… (ninat), or null when the item does not say. */
  itemClass: string | null;
  provider: WireConcept | null;
  service: WireConcept | null;
  /** 1 (most urgent) to 9. */
  urgency: number | null;
  /** Delivery priority (NewsML-G2 news message header, ninjs `priority`), 1 (highest) to 9. */
  priority: number | null;
  /** True when the item is embargoed: until `embargoUntil`, or until further notice when that is null. */
  embargoed: boolean;
  rights: WireRights;
  dateline: string | null;
  located: WireLocation | null;
  subjects: WireSubject[];
  /** Every Media Topic the subjects are or map to, without repeats, in the order met. */
  mediaTopics: string[];
  genres: WireConcept[];
  keywords: string[];
  slugline: string | null;
  /** A note to editors (NewsML-G2 `edNote`, NITF `ed-msg`, ninjs `edNote`): the reason of a kill, an embargo. */
  edNote: string | null;
  /** NewsML-G2 signals (`sig:update`, `sig:correction`…). */
  signals: string[];
  altIds: Array<{ type: string | null; value: string }>;
  hopHistory: WireHop[];
  /** Items this one points at (pictures of its package, associations, links). */
  references: WireReference[];
}

/** What one wire document holds. */
export interface WireParseResult {
  format: WireFormat;
  formatVersion: string | null;
  /** The media type naming this document precisely (`application/vnd.iptc.g2.newsmessage+xml`…), e.g. to forward it. */
  mediaType: string;
  /** The text items, in document order: what becomes articles. */
  articles: WireArticle[];
  /** The items that are not text (pictures, video, graphics, events), read the same way, for what they say. */
  others: WireArticle[];
  /** Package members and associations the document points at without carrying them. */
  references: WireReference[];
  /** The news message envelope (NewsML-G2 `newsMessage` header), when there is one. */
  message: WireMessage | null;
  /** What was repaired or ignored while reading (broken markup, unknown values): the document was still read. */
  issues: string[];
}

/** A NewsML-G2 news message header. */
export interface WireMessage {
  sent: string | null;
  sender: string | null;
  transmitId: string | null;
  priority: number | null;
  origin: string | null;
  channels: string[];
}
