/**
 * WIRE CONTRACT: the subset of IPTC ninjs 3.1 (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json) that
 * Copydesk emits. Names and shapes follow the schema exactly; every produced document is validated against it
 * in the specs.
 */
export interface NinjsDocument {
  uri: string;
  type?: NinjsType;
  representationType?: 'full' | 'partial';
  version?: string;
  firstCreated?: string;
  versionCreated?: string;
  contentCreated?: string;
  embargoedUntil?: string;
  pubStatus?: 'usable' | 'withheld' | 'canceled';
  edNote?: string;
  language?: string;
  headlines?: NinjsText[];
  descriptions?: NinjsText[];
  bodies?: NinjsBody[];
  by?: string;
  subjects?: NinjsSubject[];
  people?: NinjsEntity[];
  organisations?: NinjsEntity[];
  places?: NinjsEntity[];
  genres?: Array<{ name?: string; uri?: string; literal?: string }>;
  altIds?: Array<{ role?: string; value?: string }>;
  infoSources?: Array<{ name?: string; role?: string; uri?: string; literal?: string }>;
  renditions?: NinjsRendition[];
  associations?: NinjsAssociation[];
  standard?: { name?: string; version?: string; schema?: string };
}

export type NinjsType = 'text' | 'audio' | 'video' | 'picture' | 'graphic' | 'composite' | 'component' | 'event' | 'planning';

export interface NinjsText {
  role?: string;
  contentType?: string;
  value: string;
}

export interface NinjsBody extends NinjsText {
  charCount?: number;
  wordCount?: number;
}

export interface NinjsSubject {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
  creator?: string;
  /** 0 to 100. */
  relevance?: number;
  /** 0 to 100. */
  confidence?: number;
}

export interface NinjsEntity {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
}

export interface NinjsRendition {
  name: string;
  href?: string;
  contentType?: string;
  title?: string;
  width?: number;
  height?: number;
}

/** An associated news object (here: the lead image); `name` says its role in the parent. */
export interface NinjsAssociation extends Omit<NinjsDocument, 'associations'> {
  name: string;
  rel?: string;
}
