/**
 * The enrichment as stored on an article (jsonb) and read back by the libraries that do not run the enricher
 * (publishing views, the admin pages). Read loosely: rows written by older enricher versions may lack fields or
 * write an entity or an ancestor as a bare string. Its producer is `Enrichment` of @copydesk/enrichment (plus the
 * `editorial` record of corrections), which must stay assignable to this shape (the compiler checks it where the pipeline stores one).
 */
export interface StoredEnrichment {
  enricherVersion?: string;
  schemeVersion?: string;
  topicModelVersion?: string;
  language?: { code?: string; confidence?: number };
  wordCount?: number;
  readingTimeMinutes?: number;
  topics?: StoredTopic[];
  entities?: Partial<Record<StoredEntityKind, Array<StoredEntity | string>>>;
  keywords?: unknown[];
  contentType?: { type?: string; confidence?: number; evidence?: string[] } | string | null;
  quotes?: Array<{ text?: string; speaker?: string | null; speakerType?: string }>;
  summary?: unknown[];
  editorial?: unknown;
}

/** The kinds of entity an enrichment lists. */
export type StoredEntityKind = 'people' | 'organisations' | 'places';

/** A Media Topic as stored: `source` says which evidence decided it (`model`, `lexicon`, `editor`). */
export interface StoredTopic {
  qcode?: string;
  label?: string;
  confidence?: number;
  source?: string;
  ancestors?: Array<{ qcode?: string; label?: string } | string>;
}

/** A person, organisation or place as stored; `source: 'editor'` when an editor named it. */
export interface StoredEntity {
  name?: string;
  uri?: string;
  count?: number;
  salience?: number;
  source?: string;
}
