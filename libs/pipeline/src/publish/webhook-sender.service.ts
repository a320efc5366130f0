import { AppConfig } from '@copydesk/config';
import { DeliveryStatus, JobName, SubscriptionStatus, jobId } from '@copydesk/contracts';
import { DeliveryRepository, SubscriptionRepository, type DeliveryEntity } from '@copydesk/database';
import { classifyDeliveryResponse, type DeliveryTransportError, parseRetrySchedule, RESPONSE_BODY_CAP_BYTES } from '@copydesk/delivery';
import { createGuardedConnector, FetchErrorCode, isFetchError } from '@copydesk/fetcher';
import { JobQueue } from '@copydesk/queue';
import { buildWebhookHeaders } from '@copydesk/signing';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Agent, request } from 'undici';

const USER_AGENT = 'Copydesk-Webhooks/1.0 (+https://github.com/copydesk)';

/** Names the way an attempt failed without a response, following the error's cause chain. */
function transportError(err: unknown): DeliveryTransportError {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isFetchError(e) && (e.code === FetchErrorCode.AddressRefused || e.code === FetchErrorCode.UrlRefused)) return 'blocked-address';
    const { name, code } = e as { name?: string; code?: string };
    if (name === 'TimeoutError' || name === 'AbortError' || /^UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT$/.test(code ?? '')) return 'timeout';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
    if (/CERT|TLS|SSL/.test(code ?? '')) return 'tls';
  }
  return 'connection';
}

interface AttemptResult {
  statusCode?: number;
  error?: DeliveryTransportError;
  errorMessage?: string;
  retryAfter?: string;
  latencyMs: number;
}

/**
 * Sends one delivery attempt as a Standard Webhooks request and records it. A retryable failure schedules the next
 * attempt as a delayed job (the subscription's retry schedule, Retry-After honoured); the last one makes the delivery
 * dead, replayable through the API. Subscriber addresses pass the same SSRF guard as fetches, at connect time.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly agent: Agent;
  private readonly schedule: number[];

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {
    this.schedule = parseRetrySchedule(config.get('DELIVERY_RETRY_SCHEDULE'));
    this.agent = new Agent({
      connect: createGuardedConnector({ allowLoopback: config.get('FETCH_ALLOW_LOOPBACK'), connectTimeoutMs: 10_000 }),
      headersTimeout: config.get('DELIVERY_TIMEOUT_MS'),
      bodyTimeout: config.get('DELIVERY_TIMEOUT_MS'),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  async deliver(deliveryId: string, correlationId: string): Promise<DeliveryStatus> {
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery) return DeliveryStatus.Cancelled;
    if (delivery.status !== DeliveryStatus.Pending) return delivery.status;
    const subscription = await this.subscriptions.findByIdWithSecrets(delivery.subscriptionId);
    if (!subscription || subscription.status !== SubscriptionStatus.Active) {
      await this.deliveries.recordAttempt(
        delivery,
        { attempt: delivery.attempts + 1, outcome: 'cancelled', responseCode: null, latencyMs: null, error: 'subscription is not active', nextAttemptAt: null },
        { status: DeliveryStatus.Cancelled },
      );
      return DeliveryStatus.Cancelled;
    }

    const now = Date.now();
    const secrets = subscription.secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now).map((s) => s.secret);
    const result = await this.send(subscription.url, delivery, secrets);
    const attempt = delivery.attempts + 1;
    const decision = classifyDeliveryResponse({
      statusCode: result.statusCode,
      error: result.error,
      retryAfter: result.retryAfter,
      attempt,
      schedule: this.schedule,
      now: new Date(),
    });
    const nextAttemptAt = decision.outcome === 'retry' && decision.nextAttemptDelayMs !== undefined ? new Date(Date.now() + decision.nextAttemptDelayMs) : null;
    const status =
      decision.outcome === 'delivered'
        ? DeliveryStatus.Delivered
        : decision.outcome === 'retry'
          ? DeliveryStatus.Pending
          : decision.outcome === 'failed' && attempt > this.schedule.length
            ? DeliveryStatus.Dead
            : DeliveryStatus.Failed;

    await this.deliveries.recordAttempt(
      delivery,
      {
        attempt,
        outcome: decision.outcome,
        responseCode: result.statusCode ?? null,
        latencyMs: result.latencyMs,
        error: result.errorMessage ?? (decision.outcome === 'delivered' ? null : decision.reason),
        nextAttemptAt,
      },
      { status, nextAttemptAt, deliveredAt: status === DeliveryStatus.Delivered ? new Date() : null },
    );
    if (decision.outcome === 'disable-subscription') await this.subscriptions.disable(subscription.id, decision.reason);
    if (nextAttemptAt) {
      await this.queue.enqueue(
        JobName.Deliver,
        { deliveryId, articleId: delivery.articleId, correlationId },
        { jobId: jobId('deliver', deliveryId, attempt), delay: nextAttemptAt.getTime() - Date.now() },
      );
    }
    this.logger.log({ deliveryId, attempt, outcome: decision.outcome, statusCode: result.statusCode }, 'delivery attempt');
    return status;
  }

  private async send(url: string, delivery: DeliveryEntity, secrets: string[]): Promise<AttemptResult> {
    const started = performance.now();
    const headers = buildWebhookHeaders({ id: delivery.eventId, timestamp: Math.floor(Date.now() / 1000), body: delivery.payload, secrets });
    try {
      const response = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { ...headers, 'content-type': 'application/json', 'user-agent': USER_AGENT },
        body: delivery.payload,
        signal: AbortSignal.timeout(this.config.get('DELIVERY_TIMEOUT_MS')),
      });
      await this.drain(response.body);
      const retryAfter = response.headers['retry-after'];
      return {
        statusCode: response.statusCode,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        latencyMs: Math.round(performance.now() - started),
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { error: transportError(err), errorMessage: message, latencyMs: Math.round(performance.now() - started) };
    }
  }

  /** Reads at most RESPONSE_BODY_CAP_BYTES and drops the rest, so a chatty subscriber costs nothing. */
  private async drain(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<void> {
    let seen = 0;
    for await (const chunk of body) {
      seen += chunk.length;
      if (seen > RESPONSE_BODY_CAP_BYTES) {
        body.destroy();
        return;
      }
    }
  }
}
