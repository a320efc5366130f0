import type { DeliveryStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SubscriptionFormat } from '@copydesk/delivery';
import type { DeliveryEntity, SubscriptionEntity, SubscriptionSecret } from '../entities';
import type { NewDelivery, NewDeliveryAttempt } from './delivery.repository';
import {
  bySeq,
  CANCELLED,
  type DeliveryRef,
  type DeliveryRow,
  deliveryRows,
  EARLIER_PENDING,
  ACTIVE_SUBSCRIPTION,
  KILLED_ARTICLE,
  KILLED_EVENT,
  NOT_LEASED,
  PENDING,
  REF_COLUMNS,
  type RefRow,
  toRef,
} from './delivery-sql';
import { preparedRows, queryRows } from './query-rows';

/** A delivery claimed for one attempt, with what sending it needs. */
export interface ClaimedDelivery {
  delivery: DeliveryEntity;
  subscription: Pick<SubscriptionEntity, 'id' | 'url' | 'secrets' | 'format'>;
}

/** One attempt's record and the delivery's state after it. */
export interface Settlement {
  id: string;
  attempt: NewDeliveryAttempt;
  next: { status: DeliveryStatus; nextAttemptAt: Date | null; deliveredAt: Date | null };
}

/**
 * The publish worker's hot statements for many deliveries at once: routing a batch of articles, and the claim,
 * settle and wake-up of deliver jobs running together. The ordering and capacity rules are DeliveryRepository's
 * (see its comment): the waiter marks, then claims once more; the waker settles, then wakes, in statements of their
 * own, so whichever way the two interleave one of them sees the other. Off the common path (a delivery that must
 * wait, a pause, an embargo moved) the one-row statements of DeliveryRepository do the work.
 */
@Injectable()
export class DeliveryBatchRepository {
  private readonly deliveryRows;

  constructor(private readonly dataSource: DataSource) {
    this.deliveryRows = deliveryRows(dataSource);
  }

  /**
   * {@link createOnce} for many deliveries in one statement (and one more only when some already existed, a
   * retried routing). Rows are inserted in the given order, so `seq` follows it. Returns the rows in that order.
   */
  async createMany(deliveries: NewDelivery[], manager: EntityManager): Promise<DeliveryEntity[]> {
    if (!deliveries.length) return [];
    const created = await preparedRows<DeliveryRow>(
      manager,
      'deliveries_create_many',
      `INSERT INTO deliveries (subscription_id, article_id, event, revision, route_key, event_id, status, attempts, payload, next_attempt_at)
       SELECT s, a, e, r, k, i, ${PENDING}, 0, p, n
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
         WITH ORDINALITY AS d(s, a, e, r, k, i, p, n, ord)
       ORDER BY ord
       ON CONFLICT (subscription_id, article_id, route_key) DO NOTHING
       RETURNING *`,
      [
        deliveries.map((d) => d.subscriptionId),
        deliveries.map((d) => d.articleId),
        deliveries.map((d) => d.event),
        deliveries.map((d) => d.revision),
        deliveries.map((d) => d.routeKey),
        deliveries.map((d) => d.eventId),
        deliveries.map((d) => d.payload),
        deliveries.map((d) => d.nextAttemptAt),
      ],
    );
    const key = (d: { subscriptionId: string; articleId: string; routeKey: string }): string =>
      `${d.subscriptionId}|${d.articleId}|${d.routeKey}`;
    const found = new Map(
      created.map((row) => [key({ subscriptionId: row.subscription_id, articleId: row.article_id, routeKey: row.route_key }), row]),
    );
    const missing = deliveries.filter((d) => !found.has(key(d)));
    if (missing.length) {
      const existing = await queryRows<DeliveryRow>(
        manager,
        `SELECT d.* FROM deliveries d JOIN unnest($1::uuid[], $2::uuid[], $3::text[]) AS m(s, a, k)
           ON d.subscription_id = m.s AND d.article_id = m.a AND d.route_key = m.k`,
        [missing.map((d) => d.subscriptionId), missing.map((d) => d.articleId), missing.map((d) => d.routeKey)],
      );
      for (const row of existing)
        found.set(key({ subscriptionId: row.subscription_id, articleId: row.article_id, routeKey: row.route_key }), row);
    }
    return deliveries.map((d) => this.deliveryRows.toEntity(found.get(key(d)) as DeliveryRow));
  }

  /** Per article, the subscriptions that have (or had) a delivery of it, cancelled ones left out. */
  async subscriptionIdsForMany(articleIds: string[], manager: EntityManager): Promise<Map<string, Set<string>>> {
    const found = new Map<string, Set<string>>(articleIds.map((id) => [id, new Set()]));
    const rows = await preparedRows<{ article_id: string; subscription_id: string }>(
      manager,
      'deliveries_subscriptions_of',
      `SELECT DISTINCT article_id, subscription_id FROM deliveries WHERE article_id = ANY($1::uuid[]) AND status <> ${CANCELLED}`,
      [articleIds],
    );
    for (const row of rows) found.get(row.article_id)?.add(row.subscription_id);
    return found;
  }

  /** {@link bringForward} for several articles, each with its own due time, in one statement. */
  async bringForwardMany(items: Array<{ articleId: string; due: Date }>, manager: EntityManager): Promise<DeliveryEntity[]> {
    if (!items.length) return [];
    const rows = await preparedRows<DeliveryRow>(
      manager,
      'deliveries_bring_forward',
      `UPDATE deliveries d SET next_attempt_at = t.due, updated_at = now() FROM unnest($1::uuid[], $2::timestamptz[]) AS t(article_id, due)
       WHERE d.article_id = t.article_id AND d.status = ${PENDING} AND d.attempts = 0 AND d.next_attempt_at > t.due AND d.event <> ${KILLED_EVENT}
       RETURNING d.*`,
      [items.map((i) => i.articleId), items.map((i) => i.due)],
    );
    return rows.map((row) => this.deliveryRows.toEntity(row));
  }

  /**
   * Claims, for one attempt each, the deliveries that may go now: pending, due, not in flight; subscription active;
   * article not killed and past its embargo unless this is its kill; no earlier event of the article pending; the
   * subscription below `cap` attempts in flight, counting those of the batch in `seq` order (two claims racing
   * elsewhere may overshoot by one or two, which is harmless). Pending and not leased is checked again on the row as
   * it is updated, so a delivery claimed meanwhile by another run is never taken twice. The others are left for the
   * caller to work out, one by one.
   */
  async claimToSendMany(ids: string[], leaseMs: number, cap: number): Promise<Map<string, ClaimedDelivery>> {
    const rows = await preparedRows<DeliveryRow & { s_url: string; s_secrets: SubscriptionSecret[]; s_format: SubscriptionFormat }>(
      this.dataSource,
      'deliveries_claim_to_send_many',
      `WITH ready AS MATERIALIZED (
         SELECT d.id, d.subscription_id, row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.seq) AS rank
         FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id JOIN articles a ON a.id = d.article_id
         WHERE d.id = ANY($1::uuid[]) AND d.status = ${PENDING} AND ${NOT_LEASED}
           AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now() + interval '1 second')
           AND s.status = ${ACTIVE_SUBSCRIPTION} AND s.deleted_at IS NULL
           AND (d.event = ${KILLED_EVENT} OR (a.status <> ${KILLED_ARTICLE} AND (a.embargo_until IS NULL OR a.embargo_until <= now())))
           AND NOT ${EARLIER_PENDING}
       ), in_flight AS MATERIALIZED (
         -- Counted once per subscription (from the small in-flight index), not once per ready row: a plan that ran
         -- the count per row and per outer row cost 60 ms a claim with a backlog of a thousand pending deliveries.
         SELECT f.subscription_id, count(*) AS n FROM deliveries f
         WHERE f.subscription_id IN (SELECT subscription_id FROM ready) AND f.status = ${PENDING}
           AND f.sending_until IS NOT NULL AND f.sending_until > now()
         GROUP BY f.subscription_id
       ), allowed AS (
         SELECT r.id FROM ready r LEFT JOIN in_flight i ON i.subscription_id = r.subscription_id
         WHERE r.rank + coalesce(i.n, 0) <= $3
       )
       UPDATE deliveries d SET sending_until = now() + make_interval(secs => $2::double precision / 1000), waiting_for = NULL, updated_at = now()
       FROM allowed, subscriptions s
       WHERE d.id = allowed.id AND s.id = d.subscription_id AND d.status = ${PENDING} AND ${NOT_LEASED}
       RETURNING d.*, s.url AS s_url, s.secrets AS s_secrets, s.format AS s_format`,
      [ids, leaseMs, cap],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          delivery: this.deliveryRows.toEntity(row),
          subscription: { id: row.subscription_id, url: row.s_url, secrets: row.s_secrets, format: row.s_format },
        },
      ]),
    );
  }

  /**
   * After failed claims: marks why each delivery waits (an earlier event of its article first, else capacity), for
   * the deliveries whose only obstacle can be one of those two: pending, due, not in flight, subscription active,
   * article neither killed nor under embargo unless this is its kill. The others (paused, cancelled, moved on,
   * embargoed...) are left unmarked for the caller to work out one by one. As with {@link DeliveryDispatchRepository.hold},
   * the caller must claim the marked ones once more. Returns the ids marked.
   */
  async holdMany(ids: string[]): Promise<Set<string>> {
    const rows = await preparedRows<{ id: string }>(
      this.dataSource,
      'deliveries_hold_many',
      `UPDATE deliveries d SET waiting_for = CASE WHEN ${EARLIER_PENDING} THEN 'earlier-event' ELSE 'capacity' END, updated_at = now()
       FROM subscriptions s, articles a
       WHERE d.id = ANY($1::uuid[]) AND s.id = d.subscription_id AND a.id = d.article_id AND d.status = ${PENDING} AND ${NOT_LEASED}
         AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now() + interval '1 second')
         AND s.status = ${ACTIVE_SUBSCRIPTION} AND s.deleted_at IS NULL
         AND (d.event = ${KILLED_EVENT} OR (a.status <> ${KILLED_ARTICLE} AND (a.embargo_until IS NULL OR a.embargo_until <= now())))
       RETURNING d.id`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Records each try and its delivery's new state in one statement, so the two never disagree. A delivery only
   * changes while still pending; the attempt is recorded whatever happened meanwhile. Returns the ids that changed.
   */
  async settleMany(settlements: Settlement[]): Promise<Set<string>> {
    const rows = await preparedRows<{ id: string }>(
      this.dataSource,
      'deliveries_settle_many',
      `WITH s AS (
         SELECT * FROM unnest($1::uuid[], $2::integer[], $3::text[], $4::integer[], $5::integer[], $6::text[], $7::timestamptz[], $8::text[],
                              $9::text[], $10::timestamptz[])
           AS s(id, attempt, outcome, response_code, latency_ms, error, next_attempt_at, response_body, status, delivered_at)
       ), recorded AS (
         INSERT INTO delivery_attempts (delivery_id, attempt, outcome, response_code, latency_ms, error, next_attempt_at, response_body)
         SELECT id, attempt, outcome, response_code, latency_ms, error, next_attempt_at, response_body FROM s
         ON CONFLICT (delivery_id, attempt) DO NOTHING
       )
       UPDATE deliveries d SET status = s.status, attempts = s.attempt, next_attempt_at = s.next_attempt_at, delivered_at = s.delivered_at,
              last_status_code = s.response_code, last_error = s.error, sending_until = NULL, waiting_for = NULL, updated_at = now()
       FROM s WHERE d.id = s.id AND d.status = ${PENDING}
       RETURNING d.id`,
      [
        settlements.map((s) => s.id),
        settlements.map((s) => s.attempt.attempt),
        settlements.map((s) => s.attempt.outcome),
        settlements.map((s) => s.attempt.responseCode),
        settlements.map((s) => s.attempt.latencyMs),
        settlements.map((s) => s.attempt.error),
        settlements.map((s) => s.next.nextAttemptAt),
        settlements.map((s) => s.attempt.responseBody),
        settlements.map((s) => s.next.status),
        settlements.map((s) => s.next.deliveredAt),
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * After attempts settled or deliveries were cancelled (committed): wakes, per (subscription, article), the next
   * event of the article if it waits for an earlier one, and per subscription as many capacity waiters as attempts
   * ended there and slots are free (waking more only makes deliveries race for them). Wakers running at once wake
   * different waiters (SKIP LOCKED). A subscription with nothing waiting costs one probe of the small waiting index.
   */
  async wakeAfterMany(ended: Array<{ subscriptionId: string; articleId: string }>, cap: number): Promise<DeliveryRef[]> {
    const rows = await preparedRows<RefRow>(
      this.dataSource,
      'deliveries_wake_after_many',
      `WITH ended AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS e(subscription_id, article_id)
       ), waiting AS (
         SELECT subscription_id, count(*) AS ended FROM ended e
         WHERE EXISTS (SELECT 1 FROM deliveries w WHERE w.subscription_id = e.subscription_id AND w.status = ${PENDING} AND w.waiting_for IS NOT NULL)
         GROUP BY subscription_id
       ), next_in_line AS (
         SELECT n.id FROM (SELECT DISTINCT e.subscription_id, e.article_id FROM ended e JOIN waiting USING (subscription_id)) p
         CROSS JOIN LATERAL (SELECT id FROM deliveries WHERE subscription_id = p.subscription_id AND article_id = p.article_id
                             AND status = ${PENDING} ORDER BY seq LIMIT 1) n
       ), capacity AS (
         SELECT c.id FROM waiting w
         CROSS JOIN LATERAL (
           SELECT id FROM deliveries WHERE subscription_id = w.subscription_id AND status = ${PENDING} AND waiting_for = 'capacity' ORDER BY seq
           LIMIT (SELECT least(w.ended, greatest($3 - count(*), 0)) FROM deliveries f
                  WHERE f.subscription_id = w.subscription_id AND f.status = ${PENDING} AND f.sending_until > now())
           FOR UPDATE SKIP LOCKED
         ) c
       )
       UPDATE deliveries d SET waiting_for = NULL, updated_at = now()
       WHERE d.id IN (SELECT id FROM next_in_line UNION SELECT id FROM capacity) AND d.waiting_for IN ('earlier-event', 'capacity')
       RETURNING ${REF_COLUMNS}`,
      [ended.map((e) => e.subscriptionId), ended.map((e) => e.articleId), cap],
    );
    return rows.sort(bySeq).map(toRef);
  }
}
