/** A topic assigned by enrichment. */
export interface MatchingTopic {
  /** `medtop:NNNNNNNN`. */
  qcode: string;
  /** 0 to 1. */
  confidence: number;
  /** Qcodes of every broader topic, up to the top level. */
  ancestors: string[];
}

/** A named entity found in the article. */
export interface NamedEntity {
  name: string;
}

/** What subscription matching needs to know about an article. */
export interface ArticleForMatching {
  sourceId: string;
  sourceSlug?: string;
  /** BCP 47 tag, or null when unknown. */
  language: string | null;
  topics: MatchingTopic[];
  entities: { people: NamedEntity[]; organisations: NamedEntity[]; places: NamedEntity[] };
  contentType: string | null;
  title: string;
  bodyText: string;
}
