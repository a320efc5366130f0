import { AppConfig } from '@copydesk/config';
import { SourceRepository, type SourceWithSecrets } from '@copydesk/database';
import { FetchError, type FetchResult, decodeBody, isFetchError } from '@copydesk/fetcher';
import { FeedParseError, parseFeed } from '@copydesk/feeds';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FeedItemIntake } from './feed-item-intake.service';
import { PageFetcher } from './page-fetcher.service';
import { nextPollInterval } from './poll-interval';
import { PollScheduler } from './poll-scheduler.service';
import { credentialHeaders, sourcePoliteness } from './source-credentials';
import { SourceLock } from './source-lock.service';
import { SourceSecrets } from './source-secrets.service';

export type PollOutcome =
  | { kind: 'busy' | 'skipped' | 'not-modified' }
  | { kind: 'polled'; items: number; changed: number }
  | { kind: 'failed'; error: string; failures: number };

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

/** The interval a source is polled at now, and the bounds adaptive polling keeps it in. */
interface Schedule {
  interval: number;
  bounds: { minSeconds: number; maxSeconds: number };
}

/**
 * One poll of one feed source: conditional GET, parse, and a raw item for each new or changed item (see
 * `FeedItemIntake`). Updates the source's health and adapts its schedule. A lease per source (`SourceLock`) makes
 * "never two polls of one source at once" hold across every worker.
 */
@Injectable()
export class FeedPoller {
  private readonly logger = new Logger(FeedPoller.name);

  constructor(
    private readonly sources: SourceRepository,
    private readonly fetcher: PageFetcher,
    private readonly secrets: SourceSecrets,
    private readonly scheduler: PollScheduler,
    private readonly lock: SourceLock,
    private readonly intake: FeedItemIntake,
    private readonly config: AppConfig,
  ) {}

  async poll(sourceId: string, correlationId: string = randomUUID()): Promise<PollOutcome> {
    const leaseMs = this.config.get('FETCH_TIMEOUT_MS') * 2 + 60_000;
    const outcome = await this.lock.withLock('poll', sourceId, leaseMs, async (): Promise<PollOutcome> => {
      const source = await this.sources.findWithSecrets(sourceId);
      if (!source || !source.active || !source.url || !PollScheduler.isPolled(source.type)) return { kind: 'skipped' };
      return this.pollSource(source, correlationId);
    });
    return outcome === 'busy' ? { kind: 'busy' } : outcome;
  }

  private async pollSource(source: SourceWithSecrets, correlationId: string): Promise<PollOutcome> {
    const schedule: Schedule = { interval: this.scheduler.currentInterval(source), bounds: this.scheduler.bounds(source) };
    try {
      const result = await this.fetch(source);
      if (result.status === 'not-modified') {
        await this.adapt(source, schedule, { newItems: 0, etag: source.etag, lastModified: source.lastModified });
        return { kind: 'not-modified' };
      }
      return await this.read(source, result, schedule, correlationId);
    } catch (err) {
      return this.fail(source, schedule, err);
    }
  }

  private fetch(source: SourceWithSecrets): Promise<FetchResult> {
    return this.fetcher.fetch(source.url as string, {
      etag: source.etag ?? undefined,
      lastModified: source.lastModified ?? undefined,
      accept: FEED_ACCEPT,
      headers: credentialHeaders(this.secrets.credentials(source)),
      politeness: sourcePoliteness(source.config),
    });
  }

  /** Parses the fetched feed, stores what is new or changed, and adapts the schedule to how much was. */
  private async read(source: SourceWithSecrets, result: FetchResult, schedule: Schedule, correlationId: string): Promise<PollOutcome> {
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
    const changed = await this.intake.receive(source, feed, result, correlationId);
    await this.adapt(source, schedule, { newItems: changed, etag: result.etag ?? null, lastModified: result.lastModified ?? null });
    this.logger.log({ sourceId: source.id, items: feed.items.length, changed }, 'feed polled');
    return { kind: 'polled', items: feed.items.length, changed };
  }

  /** Records the failure and backs off from the adaptive interval (not from an already backed-off one). */
  private async fail(source: SourceWithSecrets, { interval, bounds }: Schedule, err: unknown): Promise<PollOutcome> {
    const message =
      isFetchError(err) || err instanceof FeedParseError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : undefined;
    let delaySeconds = nextPollInterval(interval, { failures: source.consecutiveFailures + 1 }, bounds);
    if (retryAfterMs) delaySeconds = Math.max(delaySeconds, Math.ceil(retryAfterMs / 1000));
    const nextPollAt = new Date(Date.now() + delaySeconds * 1000);
    const failures = await this.sources.recordPollFailure(source.id, message, nextPollAt);
    await this.scheduler.schedule(source.id, delaySeconds, nextPollAt);
    this.logger.warn({ sourceId: source.id, failures, err }, 'feed poll failed');
    return { kind: 'failed', error: message, failures };
  }

  private async adapt(
    source: SourceWithSecrets,
    { interval, bounds }: Schedule,
    outcome: { newItems: number; etag: string | null; lastModified: string | null },
  ): Promise<void> {
    const nextSeconds = nextPollInterval(interval, { newItems: outcome.newItems }, bounds);
    const nextPollAt = new Date(Date.now() + nextSeconds * 1000);
    await this.sources.recordPollSuccess(source.id, { ...outcome, nextPollAt });
    // Only a changed interval (or recovery from failures, which stretched the schedule) touches the scheduler.
    if (nextSeconds !== interval || source.consecutiveFailures > 0) {
      await this.sources.update(source.id, { config: { ...source.config, adaptiveIntervalSeconds: nextSeconds } });
      await this.scheduler.schedule(source.id, nextSeconds, nextPollAt);
    }
  }
}
