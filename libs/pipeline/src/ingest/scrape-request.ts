/*
 * WIRE CONTRACT. The content type and shape of raw items that ask for a page to be fetched and ingested
 * (`POST /v1/ingest`, a webhook carrying `{url}`).
 */
export const SCRAPE_REQUEST_CONTENT_TYPE = 'application/vnd.copydesk.scrape-request+json';

export interface ScrapeRequest {
  url: string;
}
