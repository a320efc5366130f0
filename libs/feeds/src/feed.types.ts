/**
 * What `parseFeed` returns. Every format (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1, Google News
 * sitemaps) maps onto these shapes. URLs are absolute when the feed or its URL allowed resolving them;
 * dates are ISO 8601 UTC (`2004-01-01T19:48:21Z`) or null.
 */

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json' | 'sitemap';

/** A text element exactly as the feed gives it (after decoding and sanitizing markup). */
export interface TextConstruct {
  /** Plain text for `text/plain`; sanitized markup with absolute URLs for `text/html` and `application/xhtml+xml`. */
  readonly value: string;
  /** MIME type: `text/plain`, `text/html`, `application/xhtml+xml`, or what the feed declared (base64 is decoded). */
  readonly type: string;
  /** The base URL in effect for the element (xml:base, else the feed URL), or null. */
  readonly base: string | null;
  /** xml:lang in effect, or null. */
  readonly language: string | null;
  /** Atom `content@src`: the content lives at this URL. */
  readonly src?: string;
  /**
   * The markup as the feed gave it, before sanitizing, when sanitizing changed it (relative URLs, dropped scripts
   * and attributes, re-serialized tags): for re-sanitizing under another policy, and for readers that show it as is.
   */
  readonly raw?: string;
}

export interface FeedPerson {
  /** '' when the feed gave only an email address or URL. */
  readonly name: string;
  readonly email?: string;
  readonly url?: string;
  /** The single string an RSS/Dublin Core author element held, e.g. `jo@example.com (Jo Bloggs)`. */
  readonly raw?: string;
  /** The element the person came from (`itunes:author`, `dc:creator`, `managingeditor`, `itunes:owner`…), so readers can rank several. */
  readonly element?: string;
}

export interface FeedLink {
  readonly href: string;
  /** `alternate` when the feed gave none. */
  readonly rel: string;
  readonly type?: string;
  readonly hreflang?: string;
  readonly title?: string;
  /** As written (Atom `length`, RSS enclosure `length`). */
  readonly length?: string;
}

export interface FeedCategory {
  readonly term: string;
  readonly scheme?: string;
  readonly label?: string;
  /**
   * The element the category came from (`category`, `dc:subject`, `media:category`, `itunes:category`,
   * `googleplay:category`, `itunes:keywords`…), so readers can tell an editor's section from a podcast directory's
   * genre or a keyword list. Absent for JSON Feed tags.
   */
  readonly element?: string;
}

export interface FeedEnclosure {
  readonly url: string;
  readonly type?: string;
  /** Bytes, when the feed gave a usable number. */
  readonly length?: number;
}

/** Images, thumbnails, players, peer-to-peer links and media files (Media RSS, iTunes, JSON Feed images, sitemap images). */
export interface FeedMedia {
  readonly url: string;
  /** `peer`: a Media RSS `peerLink` (a torrent or other P2P link to the media). */
  readonly kind: 'content' | 'thumbnail' | 'image' | 'player' | 'peer';
  readonly type?: string;
  /** Media RSS `medium`: image, audio, video, document, executable. */
  readonly medium?: string;
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
  readonly description?: string;
  readonly credit?: string;
  /** Every attribute the element carried, names lowercased (Media RSS `filesize`, `duration`, `bitrate`, `lang`…). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** An element the parser has no field for, kept so nothing the feed said is lost. */
export interface FeedExtension {
  /** Namespace prefix and local name, lowercased: `wfw:commentrss`, `madeup:element`, or `abcdefg`. */
  readonly name: string;
  readonly namespace: string;
  /** Its text, trimmed (URLs in well-known link elements are resolved). */
  readonly value: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface FeedGenerator {
  readonly name: string;
  readonly version?: string;
  readonly url?: string;
}

/** Date strings exactly as the feed wrote them, for auditing what `*At` fields were parsed from. */
export interface FeedRawDates {
  readonly published?: string;
  readonly updated?: string;
  readonly created?: string;
  readonly expired?: string;
}

/** Fields feeds, entry sources (Atom `source`) and RSS `source` share. */
export interface FeedMetadata {
  /** Plain text (markup stripped, entities decoded). */
  readonly title: string | null;
  readonly titleDetail: TextConstruct | null;
  /** Subtitle / description / tagline. */
  readonly subtitleDetail: TextConstruct | null;
  readonly rightsDetail: TextConstruct | null;
  /** Atom 0.3 `info`, FeedBurner `browserFriendly`. */
  readonly infoDetail: TextConstruct | null;
  /** The home page (first alternate HTML link). */
  readonly link: string | null;
  readonly links: readonly FeedLink[];
  readonly id: string | null;
  readonly authors: readonly FeedPerson[];
  readonly contributors: readonly FeedPerson[];
  readonly publisher: FeedPerson | null;
  readonly categories: readonly FeedCategory[];
  readonly generator: FeedGenerator | null;
  readonly icon: string | null;
  readonly logo: string | null;
  readonly publishedAt: string | null;
  readonly updatedAt: string | null;
  readonly createdAt: string | null;
  readonly rawDates: FeedRawDates;
  readonly extensions: readonly FeedExtension[];
}

/** Where an entry was first published (Atom `source`, RSS `source`). */
export interface FeedSource extends FeedMetadata {
  /** RSS `source@url`: the feed the item came from. */
  readonly url: string | null;
}

export interface FeedItem {
  /** guid / id / rdf:about / JSON `id` / sitemap `loc`. */
  readonly guid: string | null;
  /** RSS `isPermaLink` (true unless "false"); true for Atom ids. */
  readonly guidIsPermaLink: boolean;
  /** The item's page: first alternate link, else an RSS `guid` that is a permalink. */
  readonly link: string | null;
  readonly links: readonly FeedLink[];
  /** Plain text. */
  readonly title: string | null;
  readonly titleDetail: TextConstruct | null;
  /** Plain text of the summary/description. */
  readonly summary: string | null;
  readonly summaryDetail: TextConstruct | null;
  /** The fullest content as HTML (content:encoded, Atom content, JSON content_html; plain text escaped), or null. */
  readonly contentHtml: string | null;
  readonly contents: readonly TextConstruct[];
  readonly authors: readonly FeedPerson[];
  readonly contributors: readonly FeedPerson[];
  readonly publisher: FeedPerson | null;
  readonly categories: readonly FeedCategory[];
  readonly enclosures: readonly FeedEnclosure[];
  readonly media: readonly FeedMedia[];
  readonly publishedAt: string | null;
  readonly updatedAt: string | null;
  readonly createdAt: string | null;
  readonly expiresAt: string | null;
  readonly rawDates: FeedRawDates;
  /** xml:lang, Dublin Core/JSON `language`, else the feed's. */
  readonly language: string | null;
  readonly rightsDetail: TextConstruct | null;
  readonly commentsUrl: string | null;
  readonly source: FeedSource | null;
  readonly extensions: readonly FeedExtension[];
}

export interface FeedImage {
  readonly url: string | null;
  readonly title: string | null;
  readonly link: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly description: string | null;
}

export interface FeedTextInput {
  readonly title: string | null;
  readonly description: string | null;
  readonly name: string | null;
  readonly link: string | null;
}

export interface ParsedFeed extends FeedMetadata {
  readonly format: FeedFormat;
  /**
   * feedparser's version codes: `rss090`, `rss091n`, `rss091u`, `rss092`, `rss093`, `rss094`, `rss20`,
   * `rss10`, `rss`, `atom01`–`atom03`, `atom10`, `atom`, `json1`, `json11`, `news-sitemap`; '' when unknown.
   */
  readonly version: string;
  /** Plain text of the subtitle/description. */
  readonly description: string | null;
  readonly language: string | null;
  /** The feed's own URL (`atom:link rel="self"`, JSON `feed_url`), or null. */
  readonly feedUrl: string | null;
  readonly image: FeedImage | null;
  readonly textInput: FeedTextInput | null;
  /** RSS `cloud` attributes (domain, port, path, registerprocedure, protocol). */
  readonly cloud: Readonly<Record<string, string>> | null;
  readonly docs: string | null;
  /** RSS `ttl` in minutes, when numeric. */
  readonly ttl: number | null;
  /** RSS `newLocation`/iTunes `new-feed-url`: the feed moved here. */
  readonly newLocation: string | null;
  readonly validity: { readonly start: string | null; readonly end: string | null; readonly raw: string } | null;
  readonly items: readonly FeedItem[];
  /** How many items the document listed; more than `items.length` when it listed more than `maxItems`. */
  readonly itemsInDocument: number;
  /** False when the XML had to be repaired (feedparser's "bozo"): recovered data may be incomplete. */
  readonly wellFormed: boolean;
  /** What was repaired, for logs (at most 50). */
  readonly issues: readonly string[];
}

export interface ParseFeedOptions {
  /** The URL the document was fetched from (after redirects / Content-Location): base for relative URLs. */
  readonly url?: string;
  /** The HTTP Content-Type, used to pick the format when the document alone is ambiguous. */
  readonly contentType?: string;
  /**
   * Items read, in document order (feeds list the newest first); the rest are counted, not read. Default
   * {@link DEFAULT_MAX_FEED_ITEMS}: reading an item costs far more than parsing it, and no feed needs thousands.
   */
  readonly maxItems?: number;
}

export const DEFAULT_MAX_FEED_ITEMS = 1_000;
