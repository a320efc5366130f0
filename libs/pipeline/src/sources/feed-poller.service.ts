import { AppConfig } from '@copydesk/config';
import { RawItemOrigin } from '@copydesk/contracts';
import { RawItemRepository, SourceItemRepository, SourceRepository, type SourceWithSecrets } from '@copydesk/database';
import { FetchError, decodeBody, isFetchError } from '@copydesk/fetcher';
import { type FeedItem, FeedParseError, parseFeed } from '@copydesk/feeds';
import { RedisClient } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { IngestReceiver } from '../ingest/ingest-receiver.service';
import { FEED_ITEM_CONTENT_TYPE } from '../ingest/drafts/feed-item.draft';
import { PageFetcher } from './page-fetcher.service';
import { nextPollInterval } from './poll-interval';
import { PollScheduler } from './poll-scheduler.service';
import { credentialHeaders, sourcePoliteness } from './source-credentials';
import { SourceSecrets } from './source-secrets.service';

export type PollOutcome =
  | { kind: 'busy' | 'skipped' | 'not-modified' }
  | { kind: 'polled'; items: number; changed: number }
  | { kind: 'failed'; error: string; failures: number };

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

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
 * One poll of one feed source: conditional GET, parse, and a raw item for each new or changed item (the feed
 * document itself is kept as the raw input they came from). Updates the source's health and adapts its schedule.
 * A Redis lock per source makes "never two polls of one source at once" hold across every worker.
 */
@Injectable()
export class FeedPoller {
  private readonly logger = new Logger(FeedPoller.name);

  constructor(
    private readonly sources: SourceRepository,
    private readonly sourceItems: SourceItemRepository,
    private readonly rawItems: RawItemRepository,
    private readonly receiver: IngestReceiver,
    private readonly fetcher: PageFetcher,
    private readonly secrets: SourceSecrets,
    private readonly scheduler: PollScheduler,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  async poll(sourceId: string, correlationId: string = randomUUID()): Promise<PollOutcome> {
    const lockKey = `${this.config.get('QUEUE_PREFIX')}:lock:poll:${sourceId}`;
    const token = randomUUID();
    const lockMs = this.config.get('FETCH_TIMEOUT_MS') * 2 + 60_000;
    if ((await this.redis.set(lockKey, token, 'PX', lockMs, 'NX')) !== 'OK') return { kind: 'busy' };
    try {
      const source = await this.sources.findWithSecrets(sourceId);
      if (!source || !source.active || !source.url || !PollScheduler.isPolled(source.type)) return { kind: 'skipped' };
      return await this.pollSource(source, correlationId);
    } finally {
      // Release only our own lock: a poll that outlived its lease must not free the next one's.
      await this.redis.eval(
        `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`,
        1,
        lockKey,
        token,
      );
    }
  }

  private async pollSource(source: SourceWithSecrets, correlationId: string): Promise<PollOutcome> {
    const interval = this.scheduler.currentInterval(source);
    const bounds = this.scheduler.bounds(source);
    try {
      const result = await this.fetcher.fetch(source.url as string, {
        etag: source.etag ?? undefined,
        lastModified: source.lastModified ?? undefined,
        accept: FEED_ACCEPT,
        headers: credentialHeaders(this.secrets.credentials(source)),
        politeness: sourcePoliteness(source.config),
      });
      if (result.status === 'not-modified') {
        await this.adapt(source, interval, nextPollInterval(interval, { newItems: 0 }, bounds), {
          newItems: 0,
          etag: source.etag,
          lastModified: source.lastModified,
        });
        return { kind: 'not-modified' };
      }
      const text = result.text ?? decodeBody(result.bytes, result.contentType ?? undefined).text;
      const feed = parseFeed(text, {
        url: result.url,
        contentType: result.contentType ?? undefined,
        maxItems: this.config.get('FEED_MAX_ITEMS'),
      });
      if (feed.itemsInDocument > feed.items.length) {
        this.logger.warn(
          { sourceId: source.id, listed: feed.itemsInDocument, read: feed.items.length },
          'feed lists more items than are read',
        );
      }

      const keyed = feed.items.map((item) => ({ item, key: feedItemKey(item), fingerprint: fingerprint(item) }));
      const known = await this.sourceItems.fingerprints(
        source.id,
        keyed.map((k) => k.key),
      );
      // A feed may list one item twice; the first occurrence wins.
      const seen = new Set<string>();
      const changed = keyed.filter((k) => !seen.has(k.key) && seen.add(k.key) && known.get(k.key) !== k.fingerprint);

      if (changed.length > 0) {
        const document = await this.rawItems.insert(
          {
            sourceId: source.id,
            origin: RawItemOrigin.Feed,
            contentType: result.headers['content-type'] ?? result.contentType ?? 'application/octet-stream',
            payload: result.bytes,
            url: result.url,
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
              metadata: { feedDocumentId: document.id, feedUrl: result.url },
            },
            correlationId,
          );
          await this.sourceItems.remember(source.id, { itemKey: key, fingerprint: print, articleId: receipt.id });
        }
      }
      await this.adapt(source, interval, nextPollInterval(interval, { newItems: changed.length }, bounds), {
        newItems: changed.length,
        etag: result.etag ?? null,
        lastModified: result.lastModified ?? null,
      });
      this.logger.log({ sourceId: source.id, items: feed.items.length, changed: changed.length }, 'feed polled');
      return { kind: 'polled', items: feed.items.length, changed: changed.length };
    } catch (err) {
      const message =
        isFetchError(err) || err instanceof FeedParseError
          ? `${err.code}: ${err.message}`
          : err instanceof Error
            ? err.message
            : String(err);
      const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : undefined;
      // Back off from the adaptive interval, not from an already backed-off one.
      const failuresSoFar = source.consecutiveFailures + 1;
      let delaySeconds = nextPollInterval(interval, { failures: failuresSoFar }, bounds);
      if (retryAfterMs) delaySeconds = Math.max(delaySeconds, Math.ceil(retryAfterMs / 1000));
      const nextPollAt = new Date(Date.now() + delaySeconds * 1000);
      const failures = await this.sources.recordPollFailure(source.id, message, nextPollAt);
      await this.scheduler.schedule(source.id, delaySeconds, nextPollAt);
      this.logger.warn({ sourceId: source.id, failures, err }, 'feed poll failed');
      return { kind: 'failed', error: message, failures };
    }
  }

  private async adapt(
    source: SourceWithSecrets,
    currentSeconds: number,
    nextSeconds: number,
    outcome: { newItems: number; etag: string | null; lastModified: string | null },
  ): Promise<void> {
    const nextPollAt = new Date(Date.now() + nextSeconds * 1000);
    await this.sources.recordPollSuccess(source.id, { ...outcome, nextPollAt });
    // Only a changed interval (or recovery from failures, which stretched the schedule) touches the scheduler.
    if (nextSeconds !== currentSeconds || source.consecutiveFailures > 0) {
      await this.sources.update(source.id, { config: { ...source.config, adaptiveIntervalSeconds: nextSeconds } });
      await this.scheduler.schedule(source.id, nextSeconds, nextPollAt);
    }
  }
}
