/** Editorial state of a stored article. `killed`: withdrawn, must be taken down everywhere. */
export type ArticlePublicationStatus = 'published' | 'withheld' | 'killed';

/** A Media Topic assigned by enrichment, with the labels needed to publish it. */
export interface PublishingTopic {
  /** `medtop:NNNNNNNN`. */
  qcode: string;
  /** en-GB label from the scheme. */
  label: string;
  /** 0 to 1. */
  confidence: number;
  /** Broader topics, top level first. */
  ancestors: Array<{ qcode: string; label: string }>;
}

/** A named entity; `uri` is a stable identifier (such as a Wikidata entity URI) when linking found one. */
export interface PublishingEntity {
  name: string;
  uri?: string;
}

/** The lead image. */
export interface PublishingImage {
  /** Absolute http(s) URL. */
  url: string;
  caption: string | null;
  credit?: string | null;
  width?: number | null;
  height?: number | null;
  /** IANA media type, when known. */
  mimeType?: string | null;
}

/** What enrichment added. */
export interface ArticleEnrichment {
  topics: PublishingTopic[];
  entities: { people: PublishingEntity[]; organisations: PublishingEntity[]; places: PublishingEntity[] };
  keywords?: string[];
  /** `news`, `opinion`, `analysis`, ... */
  contentType?: string | null;
  /** Versions of the enricher and the topic scheme, kept so consumers can tell re-classifications apart. */
  enricherVersion?: string;
  schemeVersion?: string;
}

/** A stored article, as read for publishing (one revision of it). */
export interface ArticleForPublishing {
  /** UUID. */
  id: string;
  /** Increases with every stored change of the article. */
  revision: number;
  status: ArticlePublicationStatus;
  title: string;
  /** Sanitised HTML of the body. */
  bodyHtml: string;
  bodyText: string;
  byline: string | null;
  authors?: string[];
  /** BCP 47, or null when unknown. */
  language: string | null;
  publishedAt: Date | null;
  /** When this revision was stored. */
  modifiedAt: Date;
  firstCreatedAt: Date;
  canonicalUrl: string | null;
  description: string | null;
  image: PublishingImage | null;
  embargoUntil: Date | null;
  enrichment: ArticleEnrichment;
  source: { id: string; slug: string; name: string };
  /** What the news agency said of the item, for wire copy (null for other copy). */
  agency?: PublishingAgency | null;
}

/** A concept as an agency names it (a genre, a subject, a party). */
export interface PublishingConcept {
  qcode: string | null;
  uri: string | null;
  name: string | null;
}

/**
 * The agency's record of a wire item, kept as the agency sent it: its own id and version, urgency and priority,
 * rights and usage terms, genre, subjects with the IPTC Media Topic each is or maps to, dateline, place, and the
 * item's hop history.
 */
export interface PublishingAgency {
  guid: string | null;
  version: number | null;
  provider: PublishingConcept | null;
  /** 1 (most urgent) to 9. */
  urgency: number | null;
  /** 1 (highest) to 9. */
  priority: number | null;
  rights: { copyrightHolder: string | null; copyrightNotice: string | null; usageTerms: string | null };
  genres: PublishingConcept[];
  subjects: Array<PublishingConcept & { mediaTopic: string | null; mediaTopicMatch: string | null }>;
  /** Every Media Topic (`medtop:…`) the subjects are or map to. */
  mediaTopics: string[];
  dateline: string | null;
  located: { name: string | null; qcode: string | null } | null;
  hopHistory: Array<{
    seq: number | null;
    timestamp: string | null;
    party: PublishingConcept | null;
    actions: Array<{ qcode: string | null; target: string | null }>;
  }>;
}
