import { AppConfig } from '@copydesk/config';
import { RawItemOrigin } from '@copydesk/contracts';
import type { SourceEntity } from '@copydesk/database';
import { RedisClient } from '@copydesk/queue';
import { Injectable } from '@nestjs/common';
import { assertUrlAllowed } from '../errors/url-refusal';
import type { ArticlePush } from './article-push';
import { IngestReceiver, type RawInput, type Receipt } from './ingest-receiver.service';
import { scrapeInput, wireInputs } from './raw-inputs';

/** A seen webhook-id is remembered longer than any signature stays valid (5 minutes either way). */
const REPLAY_MEMORY_SECONDS = 15 * 60;

/** What a partner's webhook call carries, read and checked by the API. */
export type InboundWebhook =
  | { kind: 'articles'; articles: ArticlePush[]; /** The bytes as sent, kept when they are one article. */ raw?: Buffer }
  | { kind: 'urls'; urls: string[] }
  | { kind: 'wire'; bytes: Buffer; contentType: string };

export type WebhookOutcome = { status: 'duplicate' } | { status: 'accepted'; receipts: Receipt[] };

/**
 * Stores what a verified webhook call carries: each article, page or wire item as a raw item, all or nothing. A
 * `webhook-id` seen before (a partner's retry of a call we stored) is acknowledged and ignored.
 */
@Injectable()
export class WebhookIntake {
  constructor(
    private readonly receiver: IngestReceiver,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  async receive(
    source: SourceEntity,
    webhook: InboundWebhook,
    webhookId: string | undefined,
    correlationId: string,
  ): Promise<WebhookOutcome> {
    // Checked before the replay memory: a refused call is not remembered, so its corrected retry goes through.
    const inputs = this.inputs(webhook, { webhookId });
    const seenKey = webhookId ? `${this.config.get('QUEUE_PREFIX')}:webhook-seen:${source.id}:${webhookId}` : null;
    if (seenKey && (await this.redis.set(seenKey, '1', 'EX', REPLAY_MEMORY_SECONDS, 'NX')) !== 'OK') return { status: 'duplicate' };
    try {
      return { status: 'accepted', receipts: await this.receiver.receiveMany(source, inputs, correlationId) };
    } catch (err) {
      // Not stored, so the partner's retry must not be taken for a replay.
      if (seenKey) await this.redis.del(seenKey);
      throw err;
    }
  }

  private inputs(webhook: InboundWebhook, metadata: { webhookId?: string }): RawInput[] {
    switch (webhook.kind) {
      case 'wire':
        return wireInputs(webhook.bytes, webhook.contentType, metadata);
      case 'urls':
        for (const url of webhook.urls) assertUrlAllowed(url, this.config.get('FETCH_ALLOW_LOOPBACK'));
        return webhook.urls.map((url) => scrapeInput(url, RawItemOrigin.Webhook, metadata));
      case 'articles':
        return webhook.articles.map((article) => ({
          origin: RawItemOrigin.Webhook,
          // One article: the bytes as sent. A batch: each article's own JSON, so each raw item replays alone.
          payload: webhook.articles.length === 1 && webhook.raw ? webhook.raw : Buffer.from(JSON.stringify(article)),
          contentType: 'application/json',
          externalId: article.externalId ?? null,
          url: article.url ?? null,
          metadata,
        }));
    }
  }
}
