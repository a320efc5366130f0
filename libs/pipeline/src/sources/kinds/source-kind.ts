import type { RawItemEntity, SourceWithSecrets } from '@copydesk/database';
import type { ArticleDraft } from '../../ingest/drafts/article-draft';
import type { PageScraper } from '../../ingest/page-scraper.service';

/** Whether a setting of a source is needed by its kind, may be given, or makes no sense for it. */
export type Presence = 'required' | 'optional' | 'forbidden';

/** The settings whose meaning depends on the kind; every other setting (name, slug, time zone...) applies to all. */
export interface KindSettings {
  url?: string | null;
  path?: string | null;
  pattern?: string | null;
}

/** One bad field of a source's settings, as a JSON pointer into the request body. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/** What a reader gets besides the raw item: the source as loaded (credentials, time zone) and the page scraper. */
export interface DraftContext {
  source: SourceWithSecrets | null;
  timeZone: string | null;
  scraper: PageScraper;
}

/** What the installation allows, for checks that depend on it. */
export interface KindCheckContext {
  /** WATCH_FOLDER_ROOTS: the directories folder sources may watch (empty: none). */
  watchFolderRoots: readonly string[];
}

/** Reads one raw item into an article draft. Throws UnprocessableRawItemError (or a parse error) for bad input. */
export type DraftReader = (raw: RawItemEntity, context: DraftContext) => ArticleDraft | Promise<ArticleDraft>;

/**
 * One kind of source: everything Copydesk needs to know about it, in one place. A kind lives in a folder of its own
 * under `sources/kinds/` and is registered by one line in `source-kinds.ts`.
 */
export interface SourceKind {
  /** The `type` of its sources (`SourceType`, or a kind's own name). */
  type: string;
  /** Its config schema: which of the kind-owned settings it needs, takes or refuses (missing ones are forbidden). */
  settings: { [K in keyof KindSettings]?: Presence };
  /** Checks beyond presence (a path must be absolute...). Pure, except for a look at the filesystem where needed. */
  check?: (settings: KindSettings, context: KindCheckContext) => FieldProblem[];
  /** What of the settings is kept in the source's `config` (besides url, which has a column). */
  config?: (settings: KindSettings) => Record<string, unknown>;
  /**
   * How new copy is fetched: `scheduled` by the poll scheduler on the source's interval (the feed poller),
   * `watched` by the ingest worker's folder watcher, or `null` when it is sent to us (push, webhooks).
   */
  polling: 'scheduled' | 'watched' | null;
  /** Whether its sources get a webhook signing secret (and take signed calls on `POST /v1/webhooks/:id`). */
  signed?: boolean;
  /** How its raw items become drafts, by the raw item's media type (without parameters, lower case). */
  readers?: Record<string, DraftReader>;
}
