import { RawItemOrigin } from '@copydesk/contracts';
import { RawItemRepository, type RawItemEntity, type SourceWithSecrets } from '@copydesk/database';
import { extractArticle } from '@copydesk/extraction';
import { decodeBody, isFetchError } from '@copydesk/fetcher';
import type { FeedItem } from '@copydesk/feeds';
import { Injectable } from '@nestjs/common';
import { PageFetcher } from '../sources/page-fetcher.service';
import { credentialHeaders, type SourcePoliteness, sourcePoliteness } from '../sources/source-credentials';
import { SourceSecrets } from '../sources/source-secrets.service';
import type { ArticleDraft } from './drafts/article-draft';
import { draftFromPage } from './drafts/page.draft';
import { UnprocessableRawItemError } from './unprocessable-raw-item.error';

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
const PAGE_TYPES = ['text/html', 'application/xhtml+xml'];

/**
 * Fetches a page for an article, stores the page as a raw item of its own before reading it (so a replay never
 * needs the network), and extracts the article. Refusals (policy, robots, 4xx, no article on the page) are permanent
 * and fail the article with their reason; network trouble is retried by the job.
 */
@Injectable()
export class PageScraper {
  constructor(
    private readonly fetcher: PageFetcher,
    private readonly rawItems: RawItemRepository,
    private readonly secrets: SourceSecrets,
  ) {}

  /** `source` is the trigger's source, as the caller loaded it: its credentials, politeness and time zone apply. */
  async scrape(trigger: RawItemEntity, url: string, source: SourceWithSecrets | null, item?: FeedItem): Promise<ArticleDraft> {
    const { headers, politeness } = this.sourceTermsFor(source, url);
    let page;
    try {
      page = await this.fetcher.fetch(url, { accept: PAGE_ACCEPT, headers, acceptContentTypes: PAGE_TYPES, politeness });
    } catch (err) {
      if (isFetchError(err) && !err.retryable)
        throw new UnprocessableRawItemError(`fetching ${url} was refused: ${err.code}: ${err.message}`, { cause: err });
      throw err;
    }
    await this.rawItems.insert(
      {
        sourceId: trigger.sourceId,
        articleId: trigger.articleId,
        origin: RawItemOrigin.Scrape,
        // The header as sent (charset included): a replay decodes the stored bytes exactly as the fetch did.
        contentType: page.headers['content-type'] ?? page.contentType ?? 'text/html',
        payload: page.bytes,
        url: page.url,
        externalId: trigger.externalId,
        correlationId: trigger.correlationId,
        metadata: {
          requestedUrl: url,
          triggeredBy: trigger.id,
          statusCode: page.statusCode,
          redirects: page.redirects,
          ...(item ? { feedItem: item } : {}),
        },
      },
      undefined,
      true,
    );
    const html = page.text ?? decodeBody(page.bytes, page.contentType ?? undefined).text;
    return this.fromHtml(html, page.url, item, source?.timeZone);
  }

  /** Extraction from HTML already stored (a fetched page, or one being replayed). */
  fromHtml(html: string, url: string, item?: FeedItem, timeZone?: string | null): ArticleDraft {
    return draftFromPage(extractArticle(html, url), url, item, timeZone);
  }

  /** A source's credentials go only to its own origin (a teaser may link anywhere); its politeness goes everywhere. */
  private sourceTermsFor(
    source: SourceWithSecrets | null,
    url: string,
  ): { headers: Record<string, string>; politeness?: SourcePoliteness } {
    if (!source) return { headers: {} };
    const sameOrigin = source.url !== null && new URL(source.url).origin === new URL(url).origin;
    const headers = sameOrigin && source.credentialsEncrypted ? credentialHeaders(this.secrets.credentials(source)) : {};
    return { headers, politeness: sourcePoliteness(source.config) };
  }
}
