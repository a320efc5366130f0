import { SourceType } from '@copydesk/contracts';
import { decodeBody } from '@copydesk/fetcher';
import type { FeedItem } from '@copydesk/feeds';
import { SCRAPE_REQUEST_CONTENT_TYPE, type ScrapeRequest } from '../../../ingest/scrape-request';
import type { DraftReader, SourceKind } from '../source-kind';

const readPage: DraftReader = (raw, { timeZone, scraper }) =>
  scraper.fromHtml(decodeBody(raw.payload, raw.contentType).text, raw.url ?? '', raw.metadata.feedItem as FeedItem | undefined, timeZone);

/** Web pages scraped on request (`POST /v1/ingest`, webhook URLs, feed teasers): the request, then the page fetched. */
export const pageKind: SourceKind = {
  type: SourceType.Page,
  settings: { url: 'required' },
  polling: null,
  readers: {
    [SCRAPE_REQUEST_CONTENT_TYPE]: (raw, { source, scraper }) =>
      scraper.scrape(raw, (JSON.parse(raw.payload.toString('utf8')) as ScrapeRequest).url, source),
    'text/html': readPage,
    'application/xhtml+xml': readPage,
  },
};
