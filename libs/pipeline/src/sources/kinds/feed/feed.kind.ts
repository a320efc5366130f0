import { SourceType } from '@copydesk/contracts';
import { type FeedItem, isTeaser } from '@copydesk/feeds';
import { draftFromFeedItem, FEED_ITEM_CONTENT_TYPE } from '../../../ingest/drafts/feed-item.draft';
import type { SourceKind } from '../source-kind';

/** An RSS, Atom or JSON Feed, polled on an adaptive schedule; each new or changed item is a raw item. */
export const feedKind: SourceKind = {
  type: SourceType.Feed,
  settings: { url: 'required' },
  polling: 'scheduled',
  readers: {
    [FEED_ITEM_CONTENT_TYPE]: (raw, { source, timeZone, scraper }) => {
      const item = JSON.parse(raw.payload.toString('utf8')) as FeedItem;
      // A teaser says "read the rest on the site": the article is the page it links to.
      return isTeaser(item) && item.link ? scraper.scrape(raw, item.link, source, item) : draftFromFeedItem(item, timeZone);
    },
  },
};
