import type { ArticleStatus, SubscriptionStatus } from '@copydesk/contracts';
import type { SubscriptionFormat } from '@copydesk/delivery';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryEntity, SubscriptionEntity, SubscriptionSecret } from '../entities';
import type { DeliveryWait } from '../entities/delivery.entity';
import {
  ACTIVE_SUBSCRIPTION,
  bySeq,
  CANCELLED,
  type DeliveryRef,
  deliveryRows,
  EARLIER_PENDING,
  IN_FLIGHT,
  KILLED_EVENT,
  NOT_LEASED,
  PENDING,
  REF_COLUMNS,
  type RefRow,
  toRef,
} from './delivery-sql';
import { preparedRows, queryRows } from './query-rows';

/** A delivery with what deciding whether to send it needs: its subscription (with secrets) and its article's state. */
export interface DeliveryToSend {
  delivery: DeliveryEntity;
  subscription: (Pick<SubscriptionEntity, 'id' | 'url' | 'status' | 'secrets' | 'format'> & { deleted: boolean }) | null;
  article: { status: ArticleStatus; embargoUntil: Date | null } | null;
}

interface ToSendRow {
  s_id: string | null;
  s_url: string;
  s_status: SubscriptionStatus;
  s_deleted_at: Date | null;
  s_secrets: SubscriptionSecret[];
  s_format: SubscriptionFormat;
  a_status: ArticleStatus | null;
  a_embargo_until: Date | null;
}

const wait = (reason: DeliveryWait): string => `'${reason}'`;

/**
 * One delivery at a time on its way out: the claim (a lease in `sending_until`), the hold when it cannot go, the
 * wake-ups, cancellations and the sweep for stranded ones. The publish worker's concurrency rules live here:
 * - ordering: a delivery is sent only when no earlier delivery (by `seq`) of the same article is pending for the
 *   same subscription;
 * - capacity: at most `cap` attempts per subscription in flight;
 * - a delivery that cannot go marks why (`waiting_for`) and is woken by whoever clears that condition. No lock:
 *   the waiter marks, then claims once more; the waker clears the condition, then wakes. Whichever order the two
 *   interleave in, either that last claim sees the cleared condition or the wake-up sees the mark.
 * The same rules for many deliveries in one statement are DeliveryBatchRepository's.
 */
@Injectable()
export class DeliveryDispatchRepository {
  private readonly deliveryRows;

  constructor(private readonly dataSource: DataSource) {
    this.deliveryRows = deliveryRows(dataSource);
  }

  private rows<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return queryRows<T>(this.dataSource, sql, parameters);
  }

  /** The hot path's statements (per delivery): parsed and planned once per connection. */
  private prepared<T>(name: string, sql: string, parameters: unknown[]): Promise<T[]> {
    return preparedRows<T>(this.dataSource, `deliveries_${name}`, sql, parameters);
  }

  /** One query for the hot path: the delivery, its subscription with secrets, its article's status and embargo. */
  async findToSend(id: string): Promise<DeliveryToSend | null> {
    const [row] = await this.prepared<Record<string, unknown> & ToSendRow>(
      'find_to_send',
      `SELECT d.*, s.id AS s_id, s.url AS s_url, s.status AS s_status, s.deleted_at AS s_deleted_at, s.secrets AS s_secrets,
              s.format AS s_format, a.status AS a_status, a.embargo_until AS a_embargo_until
       FROM deliveries d
       LEFT JOIN subscriptions s ON s.id = d.subscription_id
       LEFT JOIN articles a ON a.id = d.article_id
       WHERE d.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      delivery: this.deliveryRows.toEntity(row),
      subscription: row.s_id
        ? {
            id: row.s_id,
            url: row.s_url,
            status: row.s_status,
            deleted: row.s_deleted_at !== null,
            secrets: row.s_secrets,
            format: row.s_format,
          }
        : null,
      article: row.a_status ? { status: row.a_status, embargoUntil: row.a_embargo_until } : null,
    };
  }

  /**
   * Takes the delivery for one attempt if it may go now: still pending at `attempts`, not already in flight, no
   * earlier event of its article pending for the subscription, and the subscription below `cap` attempts in flight.
   * Two claims racing may overshoot the cap by one or two, which is harmless.
   */
  async claim(id: string, attempts: number, leaseMs: number, cap: number): Promise<boolean> {
    const rows = await this.prepared(
      'claim',
      `UPDATE deliveries d SET sending_until = now() + make_interval(secs => $3::double precision / 1000), waiting_for = NULL, updated_at = now()
       WHERE d.id = $1 AND d.status = ${PENDING} AND d.attempts = $2 AND ${NOT_LEASED}
         AND NOT ${EARLIER_PENDING} AND ${IN_FLIGHT} < $4
       RETURNING d.id`,
      [id, attempts, leaseMs, cap],
    );
    return rows.length > 0;
  }

  /**
   * After a failed claim: marks why the delivery waits (an earlier event first, else capacity). The caller must
   * claim once more after this: a waker that cleared the condition before the mark was visible did not see it, but
   * that claim sees what the waker did. Null when the delivery is in flight in another run or moved on.
   */
  async hold(id: string, attempts: number): Promise<DeliveryWait | null> {
    const [row] = await this.prepared<{ waiting_for: DeliveryWait }>(
      'hold',
      `UPDATE deliveries d SET waiting_for = CASE WHEN ${EARLIER_PENDING} THEN ${wait('earlier-event')} ELSE ${wait('capacity')} END,
              updated_at = now()
       WHERE d.id = $1 AND d.status = ${PENDING} AND d.attempts = $2 AND ${NOT_LEASED}
       RETURNING d.waiting_for`,
      [id, attempts],
    );
    return row?.waiting_for ?? null;
  }

  /** Parks the delivery until its subscription resumes; the caller then checks the subscription's status again. */
  async holdForResume(id: string): Promise<boolean> {
    const rows = await this.rows(
      `UPDATE deliveries d SET waiting_for = ${wait('resume')}, updated_at = now() WHERE d.id = $1 AND d.status = ${PENDING} RETURNING d.id`,
      [id],
    );
    return rows.length > 0;
  }

  /** A paused subscription was resumed: wakes everything that waited for it, in creation order. */
  async wakeResumed(subscriptionId: string): Promise<DeliveryRef[]> {
    const rows = await this.rows<RefRow>(
      `UPDATE deliveries d SET waiting_for = NULL, updated_at = now()
       WHERE d.subscription_id = $1 AND d.status = ${PENDING} AND d.waiting_for = ${wait('resume')}
       RETURNING ${REF_COLUMNS}`,
      [subscriptionId],
    );
    return rows.sort(bySeq).map(toRef);
  }

  /** Cancels one pending delivery that is not in flight. */
  async cancel(id: string, reason: string): Promise<boolean> {
    const rows = await this.rows(
      `UPDATE deliveries d SET status = ${CANCELLED}, last_error = $2, next_attempt_at = NULL, waiting_for = NULL, updated_at = now()
       WHERE d.id = $1 AND d.status = ${PENDING} AND ${NOT_LEASED} RETURNING d.id`,
      [id, reason],
    );
    return rows.length > 0;
  }

  /** Cancels every pending delivery of a subscription that is not in flight (it was disabled or deleted). */
  async cancelPendingForSubscription(subscriptionId: string, reason: string): Promise<number> {
    const rows = await this.rows(
      `UPDATE deliveries d SET status = ${CANCELLED}, last_error = $2, next_attempt_at = NULL, waiting_for = NULL, updated_at = now()
       WHERE d.subscription_id = $1 AND d.status = ${PENDING} AND ${NOT_LEASED} RETURNING d.id`,
      [subscriptionId, reason],
    );
    return rows.length;
  }

  /** Whether a kill of the article was queued for the subscription after this delivery. */
  async hasLaterKill(subscriptionId: string, articleId: string, seq: string): Promise<boolean> {
    const [row] = await this.rows<{ killed: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscription_id = $1 AND d.article_id = $2 AND d.event = ${KILLED_EVENT} AND d.seq > $3)
         AS killed`,
      [subscriptionId, articleId, seq],
    );
    return row.killed;
  }

  /** Moves a pending delivery's next attempt (an embargo that was extended). */
  async reschedule(id: string, at: Date): Promise<void> {
    await this.rows(
      `UPDATE deliveries d SET next_attempt_at = $2, updated_at = now() WHERE d.id = $1 AND d.status = ${PENDING} RETURNING d.id`,
      [id, at],
    );
  }

  /**
   * Pending deliveries that should be moving but have not for `graceSeconds`: their job was lost (a crash between
   * commit and enqueue, a flushed Redis) or their wake-up was. Only those that could go now are returned.
   */
  async findStranded(graceSeconds: number, cap: number, limit: number): Promise<DeliveryRef[]> {
    const rows = await this.rows<RefRow>(
      `SELECT ${REF_COLUMNS} FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
       WHERE d.status = ${PENDING} AND d.next_attempt_at < now() - make_interval(secs => $1) AND d.updated_at < now() - make_interval(secs => $1)
         AND ${NOT_LEASED} AND s.status = ${ACTIVE_SUBSCRIPTION} AND s.deleted_at IS NULL
         AND NOT ${EARLIER_PENDING} AND ${IN_FLIGHT} < $2
       ORDER BY d.next_attempt_at LIMIT $3`,
      [graceSeconds, cap, limit],
    );
    return rows.map(toRef);
  }
}
