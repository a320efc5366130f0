import { AppConfig } from '@copydesk/config';
import { ArticleEventType, ArticleStatus, DeliveryStatus, SubscriptionStatus } from '@copydesk/contracts';
import {
  type ClaimedDelivery,
  DeliveryBatchRepository,
  DeliveryDispatchRepository,
  type Settlement,
  SubscriptionRepository,
  type DeliveryEntity,
  type DeliveryToSend,
} from '@copydesk/database';
import { classifyDeliveryResponse, type DeliveryDecision, outputFormat, parseRetrySchedule } from '@copydesk/delivery';
import { MicroBatcher } from '@copydesk/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { SecretSealer } from '../common/secret-sealer.service';
import { deliveryLeaseMs, subscriberInFlightCap } from './delivery-limits';
import { DeliveryScheduler } from './delivery-scheduler.service';
import { type WebhookAttemptResult, WebhookSender } from './webhook-sender.service';

/** What one run of a deliver job came to. */
export type DeliveryRunOutcome =
  | 'delivered'
  | 'retry-scheduled'
  | 'failed'
  | 'dead'
  | 'cancelled'
  /** Parked: an earlier event first, the subscription's in-flight cap, or a pause. Woken by whoever clears it. */
  | 'waiting'
  | 'embargoed'
  /** A duplicate job that fired before the delivery's next attempt; the job for that time is queued. */
  | 'not-due'
  /** Already delivered, dead, failed or cancelled: a duplicate or re-run job. */
  | 'settled'
  | 'missing'
  /** Another run holds the delivery; it will settle it. */
  | 'busy';

type Subscription = NonNullable<DeliveryToSend['subscription']>;
type Recipient = Pick<Subscription, 'id' | 'url' | 'secrets' | 'format'>;

// BullMQ fires delayed jobs on time, not early; this only absorbs clock differences between processes.
const DUE_TOLERANCE_MS = 1_000;
// Claim, hold and re-read race with other runs only in narrow windows; a few rounds settle any of them.
const MAX_ROUNDS = 3;
/** Deliver jobs whose claim, settle or wake-up share one statement at most. */
const BATCH = 64;

interface Ended {
  subscriptionId: string;
  articleId: string;
}

/** A failed claim's batched second chance: claimed after all, marked as waiting, or neither (worked out alone). */
type SecondChance = { kind: 'claimed'; claimed: ClaimedDelivery } | { kind: 'waiting' } | { kind: 'other' };

/**
 * Runs one deliver job: decides whether the delivery may go now (subscription active, article not killed, embargo
 * passed, no earlier event of the article pending for this subscription, the subscription below its in-flight cap),
 * makes one signed attempt, records it, and schedules what follows: the retry, or waking whoever waited behind it.
 * Retries follow DELIVERY_RETRY_SCHEDULE, counted from the latest replay; after the last the delivery is dead.
 */
@Injectable()
export class DeliveryRunner {
  private readonly logger = new Logger(DeliveryRunner.name);
  private readonly schedule: number[];
  private readonly cap: number;
  private readonly leaseMs: number;
  // The common path of every deliver job, shared by the jobs running at once: one claim, one settle and one
  // wake-up statement per batch. Each still runs after the one before it committed, as the ordering rules need.
  private readonly claims = new MicroBatcher<string, ClaimedDelivery | null>((ids) => this.claimAll(ids), {
    maxSize: BATCH,
    key: (id) => id,
  });
  private readonly settles = new MicroBatcher<Settlement, boolean>((batch) => this.settleAll(batch), { maxSize: BATCH, key: (s) => s.id });
  private readonly wakes = new MicroBatcher<Ended, void>((batch) => this.wakeAll(batch), { maxSize: BATCH });
  // Most failed claims wait behind their subscription's in-flight cap or an earlier event (a burst for one
  // subscriber): their mark and the claim once more after it are shared by the jobs too.
  private readonly holds = new MicroBatcher<string, SecondChance>((ids) => this.holdAll(ids), { maxSize: BATCH, key: (id) => id });

  constructor(
    private readonly deliveries: DeliveryDispatchRepository,
    private readonly batches: DeliveryBatchRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly sender: WebhookSender,
    private readonly scheduler: DeliveryScheduler,
    private readonly sealer: SecretSealer,
    config: AppConfig,
  ) {
    this.schedule = parseRetrySchedule(config.get('DELIVERY_RETRY_SCHEDULE'));
    this.cap = subscriberInFlightCap(config);
    this.leaseMs = deliveryLeaseMs(config);
  }

  async run(deliveryId: string, correlationId: string): Promise<DeliveryRunOutcome> {
    // Most jobs find their delivery free to go: one statement checks everything and claims it.
    const ready = await this.claims.submit(deliveryId);
    if (ready) return this.attempt(ready.delivery, ready.subscription, correlationId);
    const second = await this.holds.submit(deliveryId);
    if (second.kind === 'claimed') return this.attempt(second.claimed.delivery, second.claimed.subscription, correlationId);
    if (second.kind === 'waiting') {
      this.logger.debug({ deliveryId }, 'delivery waiting');
      return 'waiting';
    }

    for (let round = 0; round < MAX_ROUNDS; round++) {
      const found = await this.deliveries.findToSend(deliveryId);
      if (!found) return 'missing';
      const { delivery, subscription, article } = found;
      // A duplicate job (a wake-up that crossed a successful claim, a sweep) or a re-run after the worker died; if
      // that worker died before waking whoever waited behind this delivery, the sweeper wakes them.
      if (delivery.status !== DeliveryStatus.Pending) return 'settled';

      const cancelReason = this.cancelReason(found);
      if (cancelReason) {
        if (await this.deliveries.cancel(delivery.id, cancelReason)) {
          this.logger.log({ deliveryId, reason: cancelReason }, 'delivery cancelled');
          await this.wake(delivery);
          return 'cancelled';
        }
        continue;
      }
      const sub = subscription as Subscription;
      if (sub.status === SubscriptionStatus.Paused) {
        // Mark, then look again: a resume that came before the mark was visible is seen here, one after it wakes this.
        if ((await this.deliveries.holdForResume(delivery.id)) && (await this.subscriptions.statusOf(sub.id)) === SubscriptionStatus.Paused)
          return 'waiting';
        continue;
      }

      const embargoUntil = article?.embargoUntil;
      if (delivery.event !== ArticleEventType.Killed && embargoUntil && embargoUntil.getTime() > Date.now()) {
        // The embargo was moved later after this delivery was scheduled: wait for the new time.
        await this.deliveries.reschedule(delivery.id, embargoUntil);
        await this.scheduler.enqueue(
          { id: delivery.id, articleId: delivery.articleId, attempts: delivery.attempts, correlationId: null },
          'embargo',
          {
            at: embargoUntil,
            correlationId,
          },
        );
        return 'embargoed';
      }
      if (delivery.nextAttemptAt && delivery.nextAttemptAt.getTime() > Date.now() + DUE_TOLERANCE_MS) return 'not-due';

      const claim = () => this.deliveries.claim(delivery.id, delivery.attempts, this.leaseMs, this.cap);
      // The first round follows a failed claimToSend: straight to the mark.
      if (round > 0 && (await claim())) return this.attempt(delivery, sub, correlationId);
      const waitingFor = await this.deliveries.hold(delivery.id, delivery.attempts);
      // Not held: in flight in another run (which settles it), or it moved on. Look again.
      if (!waitingFor) continue;
      // Mark, then claim once more: whoever cleared the way before the mark was visible is seen by this claim;
      // whoever clears it from now on sees the mark and wakes this delivery.
      if (await claim()) return this.attempt(delivery, sub, correlationId);
      this.logger.debug({ deliveryId, waitingFor }, 'delivery waiting');
      return 'waiting';
    }
    return 'busy';
  }

  private cancelReason({ delivery, subscription, article }: DeliveryToSend): string | null {
    if (!subscription || subscription.deleted) return 'the subscription was deleted';
    if (subscription.status === SubscriptionStatus.Disabled) return 'the subscription is disabled';
    // The kill route cancels these too; this catches a job that fires between the kill and its route job.
    if (article?.status === ArticleStatus.Killed && delivery.event !== ArticleEventType.Killed) return 'the article was killed';
    return null;
  }

  /** One signed POST of the frozen body, with every secret of the subscription that has not expired. */
  private send(delivery: DeliveryEntity, subscription: Recipient): Promise<WebhookAttemptResult> {
    const now = Date.now();
    const secrets = subscription.secrets
      .filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now)
      .map((s) => this.sealer.openWebhookSecret(s.secret));
    // The body was rendered in the subscription's format when the delivery was created; a format changed since then
    // applies to deliveries created after the change, so an older body may go out under the new label.
    const contentType = outputFormat(subscription.format).mediaType;
    return this.sender.send(subscription.url, { eventId: delivery.eventId, payload: delivery.payload, contentType }, secrets);
  }

  private async attempt(delivery: DeliveryEntity, subscription: Recipient, correlationId: string): Promise<DeliveryRunOutcome> {
    const attempt = delivery.attempts + 1;
    const result = await this.send(delivery, subscription);
    const decision = classifyDeliveryResponse({
      statusCode: result.statusCode,
      error: result.error,
      retryAfter: result.retryAfter,
      // The schedule restarts with every replay.
      attempt: attempt - delivery.attemptsBeforeReplay,
      schedule: this.schedule,
      now: new Date(),
    });
    const next = await this.nextState(delivery, attempt, decision);
    const error = result.errorMessage
      ? `${decision.reason}: ${result.errorMessage}`
      : decision.outcome === 'delivered'
        ? null
        : decision.reason;
    const settled = await this.settles.submit({
      id: delivery.id,
      attempt: {
        attempt,
        outcome: decision.outcome,
        responseCode: result.statusCode ?? null,
        latencyMs: result.latencyMs,
        error: next.note ? `${error}; ${next.note}` : error,
        nextAttemptAt: next.nextAttemptAt,
        responseBody: result.responseBody ?? null,
      },
      next: {
        status: next.status,
        nextAttemptAt: next.nextAttemptAt,
        deliveredAt: next.status === DeliveryStatus.Delivered ? new Date() : null,
      },
    });
    if (!settled) this.logger.warn({ deliveryId: delivery.id, attempt }, 'delivery changed while in flight; attempt recorded only');

    if (decision.outcome === 'disable-subscription') await this.disableSubscription(subscription.id, decision.reason);
    if (settled && next.nextAttemptAt) {
      await this.scheduler.enqueue({ id: delivery.id, articleId: delivery.articleId, attempts: attempt, correlationId: null }, 'retry', {
        at: next.nextAttemptAt,
        correlationId,
      });
    }
    await this.wake(delivery);
    this.logger.log(
      {
        deliveryId: delivery.id,
        subscriptionId: subscription.id,
        attempt,
        outcome: decision.outcome,
        status: next.status,
        statusCode: result.statusCode,
        latencyMs: result.latencyMs,
      },
      'delivery attempt',
    );
    return outcomeOf(next.status);
  }

  private async nextState(
    delivery: DeliveryEntity,
    attempt: number,
    decision: DeliveryDecision,
  ): Promise<{ status: DeliveryStatus; nextAttemptAt: Date | null; note?: string }> {
    switch (decision.outcome) {
      case 'delivered':
        return { status: DeliveryStatus.Delivered, nextAttemptAt: null };
      case 'retry':
        // A kill queued while this attempt was in flight waits for it; a retry would put the older version after the kill.
        if (await this.deliveries.hasLaterKill(delivery.subscriptionId, delivery.articleId, delivery.seq)) {
          return { status: DeliveryStatus.Cancelled, nextAttemptAt: null, note: 'not retried: the article was killed' };
        }
        return { status: DeliveryStatus.Pending, nextAttemptAt: new Date(Date.now() + (decision.nextAttemptDelayMs ?? 0)) };
      case 'failed':
        // Out of retries: dead. Refused outright (4xx, a redirect, a blocked address): failed. Both can be replayed.
        return {
          status: attempt - delivery.attemptsBeforeReplay > this.schedule.length ? DeliveryStatus.Dead : DeliveryStatus.Failed,
          nextAttemptAt: null,
        };
      case 'disable-subscription':
        return { status: DeliveryStatus.Failed, nextAttemptAt: null };
    }
  }

  private async disableSubscription(subscriptionId: string, reason: string): Promise<void> {
    const changed = await this.subscriptions.disable(subscriptionId, reason);
    const cancelled = await this.deliveries.cancelPendingForSubscription(subscriptionId, `the subscription was disabled: ${reason}`);
    if (changed) this.logger.warn({ subscriptionId, reason, cancelled }, 'subscription disabled by the subscriber');
  }

  private wake(delivery: DeliveryEntity): Promise<void> {
    return this.wakes.submit({ subscriptionId: delivery.subscriptionId, articleId: delivery.articleId });
  }

  private async claimAll(ids: string[]): Promise<Array<ClaimedDelivery | null>> {
    const claimed = await this.batches.claimToSendMany(ids, this.leaseMs, this.cap);
    return ids.map((id) => claimed.get(id) ?? null);
  }

  /** Marks the waiters, then claims them once more (see DeliveryDispatchRepository: the mark, then the claim). */
  private async holdAll(ids: string[]): Promise<SecondChance[]> {
    const held = await this.batches.holdMany(ids);
    const claimed = held.size ? await this.batches.claimToSendMany([...held], this.leaseMs, this.cap) : new Map<string, ClaimedDelivery>();
    return ids.map((id): SecondChance => {
      const delivery = claimed.get(id);
      if (delivery) return { kind: 'claimed', claimed: delivery };
      return held.has(id) ? { kind: 'waiting' } : { kind: 'other' };
    });
  }

  private async settleAll(batch: Settlement[]): Promise<boolean[]> {
    const changed = await this.batches.settleMany(batch);
    return batch.map((s) => changed.has(s.id));
  }

  private async wakeAll(batch: Ended[]): Promise<void[]> {
    const woken = await this.batches.wakeAfterMany(batch, this.cap);
    await this.scheduler.enqueueAll(woken, 'wake');
    return batch.map(() => undefined);
  }
}

function outcomeOf(status: DeliveryStatus): DeliveryRunOutcome {
  switch (status) {
    case DeliveryStatus.Delivered:
      return 'delivered';
    case DeliveryStatus.Pending:
      return 'retry-scheduled';
    case DeliveryStatus.Failed:
      return 'failed';
    case DeliveryStatus.Dead:
      return 'dead';
    case DeliveryStatus.Cancelled:
      return 'cancelled';
  }
}
