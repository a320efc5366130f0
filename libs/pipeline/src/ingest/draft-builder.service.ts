import { decodeBody } from '@copydesk/fetcher';
import { type FeedItem, isTeaser } from '@copydesk/feeds';
import { SourceRepository, type RawItemEntity, type SourceWithSecrets } from '@copydesk/database';
import { Injectable } from '@nestjs/common';
import type { ArticlePush } from './article-push';
import { type ArticleDraft, EmptyArticleError } from './drafts/article-draft';
import { draftFromFeedItem, FEED_ITEM_CONTENT_TYPE } from './drafts/feed-item.draft';
import { NoArticleError } from './drafts/page.draft';
import { draftFromPush } from './drafts/push.draft';
import { PageScraper } from './page-scraper.service';
import { SCRAPE_REQUEST_CONTENT_TYPE, type ScrapeRequest } from './scrape-request';
import { UnprocessableRawItemError } from './unprocessable-raw-item.error';

const mediaType = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();

/** A source is read for every raw item; one read serves the items of the next moments (sources change rarely). */
const SOURCE_CACHE_MS = 2_000;

/** Reads any raw item into an article draft, by what the raw item holds. */
@Injectable()
export class DraftBuilder {
  private readonly sourceCache = new Map<string, { source: Promise<SourceWithSecrets | null>; until: number }>();

  constructor(
    private readonly scraper: PageScraper,
    private readonly sources: SourceRepository,
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
      return await this.read(raw);
    } catch (err) {
      if (err instanceof SyntaxError || err instanceof NoArticleError || err instanceof EmptyArticleError) {
        throw new UnprocessableRawItemError(err.message, { cause: err });
      }
      throw err;
    }
  }

  private async read(raw: RawItemEntity): Promise<ArticleDraft> {
    const type = mediaType(raw.contentType);
    // Dates without an offset are the source's wall-clock time.
    // Loaded once: a page fetched for this item goes out with the source's credentials and politeness.
    const source = await this.source(raw.sourceId);
    const timeZone = source?.timeZone ?? null;
    switch (type) {
      case 'application/json':
        return draftFromPush(JSON.parse(raw.payload.toString('utf8')) as ArticlePush, timeZone);
      case FEED_ITEM_CONTENT_TYPE: {
        const item = JSON.parse(raw.payload.toString('utf8')) as FeedItem;
        // A teaser says "read the rest on the site": the article is the page it links to.
        return isTeaser(item) && item.link ? this.scraper.scrape(raw, item.link, source, item) : draftFromFeedItem(item, timeZone);
      }
      case SCRAPE_REQUEST_CONTENT_TYPE:
        return this.scraper.scrape(raw, (JSON.parse(raw.payload.toString('utf8')) as ScrapeRequest).url, source);
      case 'text/html':
      case 'application/xhtml+xml':
        return this.scraper.fromHtml(
          decodeBody(raw.payload, raw.contentType).text,
          raw.url ?? '',
          raw.metadata.feedItem as FeedItem | undefined,
          timeZone,
        );
      default:
        throw new UnprocessableRawItemError(`raw items of type ${type} cannot be read`);
    }
  }
}
