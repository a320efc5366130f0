import { ArticleEventType, ArticleStatus, AuditAction, DeliveryStatus, SubscriptionStatus } from '@copydesk/contracts';
import {
  ArticleRepository,
  type AuditActor,
  AuditLogRepository,
  DeliveryRepository,
  SubscriptionRepository,
  type DeliveryAttemptEntity,
  type DeliveryEntity,
} from '@copydesk/database';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';
import { DeliveryScheduler } from './delivery-scheduler.service';

export interface DeliveryPage {
  items: DeliveryEntity[];
  /** Pass back as `cursor` for the next (older) page; null on the last one. */
  nextCursor: string | null;
}

export interface DeliveryListOptions {
  status?: DeliveryStatus;
  articleId?: string;
  cursor?: string;
  limit: number;
}

export interface BulkReplayOptions {
  statuses: DeliveryStatus[];
  /** Only deliveries created (routed) at or after this instant. */
  since?: Date;
  until?: Date;
}

export interface BulkReplayResult {
  replayed: number;
  /** More deliveries matched than one call replays; call again. */
  truncated: boolean;
}

/** What a bulk replay picks when no status is given: everything that gave up. */
export const DEFAULT_REPLAY_STATUSES = [DeliveryStatus.Dead, DeliveryStatus.Failed];
/** Deliveries one bulk replay call puts back in line. */
export const MAX_BULK_REPLAY = 10_000;

/**
 * Reading deliveries and their attempts, and replaying them. A replay sends the same frozen payload with the same
 * `webhook-id` (a subscriber that processed it already can skip it) and starts the retry schedule again. It is
 * refused while the delivery is still pending, for a disabled or deleted subscription, and for any event of a
 * killed article but its kill: a replay must not put withdrawn copy back on the wire.
 */
@Injectable()
export class DeliveryAdmin {
  private readonly logger = new Logger(DeliveryAdmin.name);

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly articles: ArticleRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
  ) {}

  async listForSubscription(subscriptionId: string, options: DeliveryListOptions): Promise<DeliveryPage> {
    await this.requireSubscription(subscriptionId);
    const beforeSeq = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
    // One extra row says whether another page exists.
    const rows = await this.deliveries.listForSubscription(subscriptionId, {
      status: options.status,
      articleId: options.articleId,
      beforeSeq,
      limit: options.limit + 1,
    });
    const items = rows.slice(0, options.limit);
    return { items, nextCursor: rows.length > options.limit ? encodeCursor(items[items.length - 1].seq) : null };
  }

  async get(id: string): Promise<{ delivery: DeliveryEntity; attempts: DeliveryAttemptEntity[] }> {
    const delivery = await this.deliveries.findById(id);
    if (!delivery) throw deliveryNotFound(id);
    return { delivery, attempts: await this.deliveries.listAttempts(id) };
  }

  async replay(id: string, correlationId: string, actor?: AuditActor): Promise<DeliveryEntity> {
    const current = await this.deliveries.findById(id);
    if (!current) throw deliveryNotFound(id);
    if (current.status === DeliveryStatus.Pending) {
      throw new CopydeskException(ErrorCode.Conflict, 'The delivery is still pending: it will be attempted on its own.', {
        deliveryId: id,
        status: current.status,
      });
    }
    await this.requireSendable(current.subscriptionId);
    if (current.event !== ArticleEventType.Killed && (await this.articles.findById(current.articleId))?.status === ArticleStatus.Killed) {
      throw new CopydeskException(ErrorCode.Conflict, 'The article was killed: only its kill can be replayed.', {
        deliveryId: id,
        articleId: current.articleId,
      });
    }
    const replayed = await this.dataSource.transaction(async (manager) => {
      const row = await this.deliveries.replay(id, manager);
      if (row && actor) {
        const details = { subscriptionId: row.subscriptionId, articleId: row.articleId, event: row.event };
        await this.audit.record(actor, { action: AuditAction.DeliveryReplayed, targetType: 'delivery', targetId: id, details }, manager);
      }
      return row;
    });
    // Lost a race with another replay or a kill: say so rather than pretend.
    if (!replayed)
      throw new CopydeskException(ErrorCode.Conflict, 'The delivery changed meanwhile; read it and try again.', { deliveryId: id });
    await this.scheduler.enqueue({ id, articleId: replayed.articleId, attempts: replayed.attempts, correlationId }, 'replay', {
      correlationId,
    });
    this.logger.log({ deliveryId: id, subscriptionId: replayed.subscriptionId, replays: replayed.replays }, 'delivery replayed');
    return replayed;
  }

  async replayMany(
    subscriptionId: string,
    options: BulkReplayOptions,
    correlationId: string,
    actor?: AuditActor,
  ): Promise<BulkReplayResult> {
    await this.requireSendable(subscriptionId);
    const statuses = options.statuses.filter((status) => status !== DeliveryStatus.Pending);
    const selection = { statuses, since: options.since, until: options.until, limit: MAX_BULK_REPLAY };
    const replayed = await this.dataSource.transaction(async (manager) => {
      const rows = await this.deliveries.replayMany(subscriptionId, selection, manager);
      if (actor) {
        const details = { statuses, since: options.since ?? null, until: options.until ?? null, replayed: rows.length };
        const event = {
          action: AuditAction.SubscriptionDeliveriesReplayed,
          targetType: 'subscription',
          targetId: subscriptionId,
          details,
        } as const;
        await this.audit.record(actor, event, manager);
      }
      return rows;
    });
    await this.scheduler.enqueueAll(replayed, 'replay', correlationId);
    this.logger.log({ subscriptionId, replayed: replayed.length, statuses }, 'deliveries replayed');
    return { replayed: replayed.length, truncated: replayed.length === MAX_BULK_REPLAY };
  }

  private async requireSubscription(id: string): Promise<void> {
    if (!(await this.subscriptions.findById(id)))
      throw new CopydeskException(ErrorCode.SubscriptionNotFound, `No subscription has the id ${id}.`);
  }

  /** Replays go to active subscriptions, or wait in paused ones; a disabled one must be re-enabled first. */
  private async requireSendable(subscriptionId: string): Promise<void> {
    const subscription = await this.subscriptions.findById(subscriptionId);
    if (!subscription) throw new CopydeskException(ErrorCode.SubscriptionNotFound, `No subscription has the id ${subscriptionId}.`);
    if (subscription.status === SubscriptionStatus.Disabled) {
      throw new CopydeskException(
        ErrorCode.Conflict,
        'The subscription is disabled: re-enable it (PATCH status "active") before replaying.',
        {
          subscriptionId,
          disabledReason: subscription.disabledReason,
        },
      );
    }
  }
}

function deliveryNotFound(id: string): CopydeskException {
  return new CopydeskException(ErrorCode.DeliveryNotFound, `No delivery has the id ${id}.`);
}

// Cursors are opaque to clients; today they carry the sequence number of the last delivery of the page.
function encodeCursor(seq: string): string {
  return Buffer.from(`d:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^d:(\d{1,19})$/.exec(decoded);
  if (!match)
    throw new CopydeskException(ErrorCode.ValidationFailed, 'cursor is not one this API returned.', {
      errors: [{ pointer: '/cursor', detail: 'unknown cursor' }],
    });
  return match[1];
}
