import { SourceType } from '@copydesk/contracts';
import type { SourceKind } from '../source-kind';

/** A news sitemap, polled like a feed (the feed poller reads both); its entries are read as feed items. */
export const sitemapKind: SourceKind = {
  type: SourceType.Sitemap,
  settings: { url: 'required' },
  polling: 'scheduled',
};
