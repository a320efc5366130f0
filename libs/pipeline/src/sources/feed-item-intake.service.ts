import { RawItemOrigin } from '@copydesk/contracts';
import { RawItemRepository, SourceItemRepository, type SourceWithSecrets } from '@copydesk/database';
import type { FetchResult } from '@copydesk/fetcher';
import type { FeedItem, ParsedFeed } from '@copydesk/feeds';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { FEED_ITEM_CONTENT_TYPE } from '../ingest/drafts/feed-item.draft';
import { IngestReceiver } from '../ingest/ingest-receiver.service';

/** The key a feed item is known by: its guid, else its link, else a hash of what it says. */
export function feedItemKey(item: FeedItem): string {
  if (item.guid) return item.guid;
  if (item.link) return item.link;
  return `sha256:${createHash('sha256')
    .update(`${item.title ?? ''}\n${item.summary ?? ''}`)
    .digest('hex')}`;
}

/** Changes when anything a reader would see changes; dates alone count too, as feeds mark corrections by them. */
function fingerprint(item: FeedItem): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        item.title,
        item.link,
        item.summary,
        item.contentHtml,
        item.updatedAt,
        item.publishedAt,
        item.authors.map((a) => a.name),
      ]),
    )
    .digest('hex');
}

/**
 * What one polled feed document brings: the items new or changed since the last poll, each stored as a raw item
 * (with the document itself kept as the raw input they came from) and remembered by its fingerprint.
 */
@Injectable()
export class FeedItemIntake {
  constructor(
    private readonly sourceItems: SourceItemRepository,
    private readonly rawItems: RawItemRepository,
    private readonly receiver: IngestReceiver,
  ) {}

  /** Stores the new and changed items of the feed; returns how many there were. */
  async receive(source: SourceWithSecrets, feed: ParsedFeed, fetched: FetchResult, correlationId: string): Promise<number> {
    const keyed = feed.items.map((item) => ({ item, key: feedItemKey(item), fingerprint: fingerprint(item) }));
    const known = await this.sourceItems.fingerprints(
      source.id,
      keyed.map((k) => k.key),
    );
    // A feed may list one item twice; the first occurrence wins.
    const seen = new Set<string>();
    const changed = keyed.filter((k) => !seen.has(k.key) && seen.add(k.key) && known.get(k.key) !== k.fingerprint);
    if (changed.length === 0) return 0;
    const document = await this.rawItems.insert(
      {
        sourceId: source.id,
        origin: RawItemOrigin.Feed,
        contentType: fetched.headers['content-type'] ?? fetched.contentType ?? 'application/octet-stream',
        payload: fetched.bytes,
        url: fetched.url,
        correlationId,
        metadata: {
          kind: 'feed-document',
          format: feed.format,
          version: feed.version,
          items: feed.items.length,
          itemsInDocument: feed.itemsInDocument,
        },
      },
      undefined,
      true,
    );
    for (const { item, key, fingerprint: print } of changed) {
      const receipt = await this.receiver.receive(
        source,
        {
          origin: RawItemOrigin.Feed,
          payload: Buffer.from(JSON.stringify(item)),
          contentType: FEED_ITEM_CONTENT_TYPE,
          externalId: key,
          url: item.link,
          metadata: { feedDocumentId: document.id, feedUrl: fetched.url },
        },
        correlationId,
      );
      await this.sourceItems.remember(source.id, { itemKey: key, fingerprint: print, articleId: receipt.id });
    }
    return changed.length;
  }
}
