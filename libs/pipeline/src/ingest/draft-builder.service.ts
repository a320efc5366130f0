import { SourceRepository, type RawItemEntity, type SourceWithSecrets } from '@copydesk/database';
import { isWireParseError } from '@copydesk/wire';
import { Injectable } from '@nestjs/common';
import { SourceKindRegistry } from '../sources/kinds/source-kind.registry';
import { type ArticleDraft, EmptyArticleError } from './drafts/article-draft';
import { NoArticleError } from './drafts/page.draft';
import { PageScraper } from './page-scraper.service';
import { UnprocessableRawItemError } from './unprocessable-raw-item.error';

/** A source is read for every raw item; one read serves the items of the next moments (sources change rarely). */
const SOURCE_CACHE_MS = 2_000;

/** Reads any raw item into an article draft, by what the raw item holds (the reader a source kind declares for it). */
@Injectable()
export class DraftBuilder {
  private readonly sourceCache = new Map<string, { source: Promise<SourceWithSecrets | null>; until: number }>();

  constructor(
    private readonly scraper: PageScraper,
    private readonly sources: SourceRepository,
    private readonly kinds: SourceKindRegistry,
  ) {}

  private source(id: string): Promise<SourceWithSecrets | null> {
    const hit = this.sourceCache.get(id);
    if (hit && hit.until > Date.now()) return hit.source;
    const source = this.sources.findWithSecrets(id);
    this.sourceCache.set(id, { source, until: Date.now() + SOURCE_CACHE_MS });
    // A failed read is not kept.
    source.catch(() => this.sourceCache.delete(id));
    return source;
  }

  async build(raw: RawItemEntity): Promise<ArticleDraft> {
    try {
      // Loaded once: a page fetched for this item goes out with the source's credentials and politeness, and dates
      // without an offset are the source's wall-clock time.
      const source = await this.source(raw.sourceId);
      return await this.kinds.draft(raw, { source, timeZone: source?.timeZone ?? null, scraper: this.scraper });
    } catch (err) {
      if (err instanceof SyntaxError || err instanceof NoArticleError || err instanceof EmptyArticleError || isWireParseError(err)) {
        throw new UnprocessableRawItemError(err.message, { cause: err });
      }
      throw err;
    }
  }
}
