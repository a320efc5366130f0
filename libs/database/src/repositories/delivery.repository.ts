import type { ArticleEventType, ArticleStatus, DeliveryStatus, SubscriptionStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DeliveryAttemptEntity, DeliveryEntity, type SubscriptionSecret } from '../entities';
import type { DeliveryWait } from '../entities/delivery.entity';
import { preparedRows, queryRows } from './query-rows';

export type { DeliveryWait } from '../entities/delivery.entity';

export type NewDelivery = Pick<
  DeliveryEntity,
  'subscriptionId' | 'articleId' | 'event' | 'revision' | 'routeKey' | 'eventId' | 'payload' | 'nextAttemptAt'
>;

export type NewDeliveryAttempt = Omit<DeliveryAttemptEntity, 'id' | 'createdAt' | 'deliveryId'>;

/** A delivery with what deciding whether to send it needs: its subscription (with secrets) and its article's state. */
export interface DeliveryToSend {
  delivery: DeliveryEntity;
  subscription: { id: string; url: string; status: SubscriptionStatus; deleted: boolean; secrets: SubscriptionSecret[] } | null;
  article: { status: ArticleStatus; embargoUntil: Date | null } | null;
}

/** Enough to enqueue a deliver job. */
export interface DeliveryRef {
  id: string;
  articleId: string;
  attempts: number;
  /** The article's correlation id, so a woken or swept delivery logs under its own article's journey. */
  correlationId: string | null;
}

export interface DeliveryListQuery {
  status?: DeliveryStatus;
  articleId?: string;
  /** Keyset paging: only deliveries created before the one with this sequence number. */
  beforeSeq?: string;
  limit: number;
}

export interface ReplaySelection {
  statuses: DeliveryStatus[];
  since?: Date;
  until?: Date;
  limit: number;
}

// An earlier event of the same article is still pending for the same subscription.
export const EARLIER_PENDING = `EXISTS (SELECT 1 FROM deliveries p WHERE p.subscription_id = d.subscription_id AND p.article_id = d.article_id
  AND p.status = 'pending' AND p.seq < d.seq)`;
// Attempts of the same subscription in flight right now.
export const IN_FLIGHT = `(SELECT count(*) FROM deliveries f WHERE f.subscription_id = d.subscription_id AND f.status = 'pending' AND f.sending_until > now())`;
export const NOT_LEASED = `(d.sending_until IS NULL OR d.sending_until < now())`;
// A replay must never put an older version of a killed article back on the wire: only its kill may go again.
const REPLAYABLE = `(d.event = 'article.killed' OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id AND a.status = 'killed'))`;

export interface DeliveryRow {
  id: string;
  seq: string;
  subscription_id: string;
  article_id: string;
  event: ArticleEventType;
  revision: number;
  route_key: string;
  event_id: string;
  status: DeliveryStatus;
  attempts: number;
  payload: string;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  sending_until: Date | null;
  waiting_for: DeliveryWait | null;
  attempts_before_replay: number;
  replays: number;
  replayed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toDelivery(row: DeliveryRow): DeliveryEntity {
  return Object.assign(new DeliveryEntity(), {
    id: row.id,
    seq: row.seq,
    subscriptionId: row.subscription_id,
    articleId: row.article_id,
    event: row.event,
    revision: row.revision,
    routeKey: row.route_key,
    eventId: row.event_id,
    status: row.status,
    attempts: row.attempts,
    payload: row.payload,
    nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    sendingUntil: row.sending_until,
    waitingFor: row.waiting_for,
    attemptsBeforeReplay: row.attempts_before_replay,
    replays: row.replays,
    replayedAt: row.replayed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export interface RefRow {
  id: string;
  article_id: string;
  attempts: number;
  correlation_id: string | null;
  seq: string;
}

// RETURNING / SELECT list for a DeliveryRef, from a deliveries row aliased d.
export const REF_COLUMNS = `d.id, d.article_id, d.attempts, d.seq, (SELECT a.correlation_id FROM articles a WHERE a.id = d.article_id) AS correlation_id`;

export function toRef(row: RefRow): DeliveryRef {
  return { id: row.id, articleId: row.article_id, attempts: row.attempts, correlationId: row.correlation_id };
}

export function bySeq(a: RefRow, b: RefRow): number {
  return Number(BigInt(a.seq) - BigInt(b.seq));
}

/**
 * Deliveries and their attempts. The publish worker's concurrency rules live in these statements:
 * - ordering: a delivery is sent only when no earlier delivery (by `seq`) of the same article is pending for the
 *   same subscription;
 * - capacity: at most `cap` attempts per subscription in flight (a lease in `sending_until`);
 * - a delivery that cannot go marks why (`waiting_for`) and is woken by whoever clears that condition. No lock:
 *   the waiter marks, then claims once more; the waker clears the condition, then wakes. Whichever order the two
 *   interleave in, either that last claim sees the cleared condition or the wake-up sees the mark.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(DeliveryEntity);
  }

  private rows<T>(sql: string, parameters: unknown[], manager?: EntityManager): Promise<T[]> {
    return queryRows<T>(manager ?? this.dataSource, sql, parameters);
  }

  /** The hot path's statements (per delivery, per routing batch): parsed and planned once per connection. */
  private prepared<T>(name: string, sql: string, parameters: unknown[], manager?: EntityManager): Promise<T[]> {
    return preparedRows<T>(manager ?? this.dataSource, `deliveries_${name}`, sql, parameters);
  }

  /**
   * Creates the delivery unless this routing already made one for the subscription (a retried route job), and
   * returns the row either way.
   */
  async createOnce(delivery: NewDelivery, manager?: EntityManager): Promise<DeliveryEntity> {
    const [row] = await this.rows<DeliveryRow>(
      `INSERT INTO deliveries (subscription_id, article_id, event, revision, route_key, event_id, status, attempts, payload, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $8)
       ON CONFLICT (subscription_id, article_id, route_key) DO NOTHING
       RETURNING *`,
      [
        delivery.subscriptionId,
        delivery.articleId,
        delivery.event,
        delivery.revision,
        delivery.routeKey,
        delivery.eventId,
        delivery.payload,
        delivery.nextAttemptAt,
      ],
      manager,
    );
    if (row) return toDelivery(row);
    const [existing] = await this.rows<DeliveryRow>(
      `SELECT * FROM deliveries WHERE subscription_id = $1 AND article_id = $2 AND route_key = $3`,
      [delivery.subscriptionId, delivery.articleId, delivery.routeKey],
      manager,
    );
    return toDelivery(existing);
  }

  findById(id: string): Promise<DeliveryEntity | null> {
    return this.repo.findOneBy({ id });
  }

  listForArticle(articleId: string): Promise<DeliveryEntity[]> {
    return this.repo.find({ where: { articleId }, order: { seq: 'ASC' } });
  }

  /** One query for the hot path: the delivery, its subscription with secrets, its article's status and embargo. */
  async findToSend(id: string): Promise<DeliveryToSend | null> {
    const [row] = await this.prepared<
      DeliveryRow & {
        s_id: string | null;
        s_url: string;
        s_status: SubscriptionStatus;
        s_deleted_at: Date | null;
        s_secrets: SubscriptionSecret[];
        a_status: ArticleStatus | null;
        a_embargo_until: Date | null;
      }
    >(
      'find_to_send',
      `SELECT d.*, s.id AS s_id, s.url AS s_url, s.status AS s_status, s.deleted_at AS s_deleted_at, s.secrets AS s_secrets,
              a.status AS a_status, a.embargo_until AS a_embargo_until
       FROM deliveries d
       LEFT JOIN subscriptions s ON s.id = d.subscription_id
       LEFT JOIN articles a ON a.id = d.article_id
       WHERE d.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      delivery: toDelivery(row),
      subscription: row.s_id
        ? { id: row.s_id, url: row.s_url, status: row.s_status, deleted: row.s_deleted_at !== null, secrets: row.s_secrets }
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
       WHERE d.id = $1 AND d.status = 'pending' AND d.attempts = $2 AND ${NOT_LEASED}
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
      `UPDATE deliveries d SET waiting_for = CASE WHEN ${EARLIER_PENDING} THEN 'earlier-event' ELSE 'capacity' END, updated_at = now()
       WHERE d.id = $1 AND d.status = 'pending' AND d.attempts = $2 AND ${NOT_LEASED}
       RETURNING d.waiting_for`,
      [id, attempts],
    );
    return row?.waiting_for ?? null;
  }

  /** Parks the delivery until its subscription resumes; the caller then checks the subscription's status again. */
  async holdForResume(id: string): Promise<boolean> {
    const rows = await this.rows(
      `UPDATE deliveries SET waiting_for = 'resume', updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** A paused subscription was resumed: wakes everything that waited for it. */
  async wakeResumed(subscriptionId: string): Promise<DeliveryRef[]> {
    const rows = await this.rows<RefRow>(
      `UPDATE deliveries d SET waiting_for = NULL, updated_at = now()
       WHERE d.subscription_id = $1 AND d.status = 'pending' AND d.waiting_for = 'resume'
       RETURNING ${REF_COLUMNS}`,
      [subscriptionId],
    );
    return rows.sort(bySeq).map(toRef);
  }

  /** Cancels one pending delivery that is not in flight. */
  async cancel(id: string, reason: string): Promise<boolean> {
    const rows = await this.rows(
      `UPDATE deliveries d SET status = 'cancelled', last_error = $2, next_attempt_at = NULL, waiting_for = NULL, updated_at = now()
       WHERE d.id = $1 AND d.status = 'pending' AND ${NOT_LEASED} RETURNING d.id`,
      [id, reason],
    );
    return rows.length > 0;
  }

  /** Cancels every pending delivery of a subscription that is not in flight (it was disabled or deleted). */
  async cancelPendingForSubscription(subscriptionId: string, reason: string): Promise<number> {
    const rows = await this.rows(
      `UPDATE deliveries d SET status = 'cancelled', last_error = $2, next_attempt_at = NULL, waiting_for = NULL, updated_at = now()
       WHERE d.subscription_id = $1 AND d.status = 'pending' AND ${NOT_LEASED} RETURNING d.id`,
      [subscriptionId, reason],
    );
    return rows.length;
  }

  /**
   * A kill: cancels the article's creations and updates still pending for the subscription, except one in flight
   * (the kill waits for it). Kill deliveries are left alone so a retried route job keeps its kill.
   */
  async cancelPendingForArticle(subscriptionId: string, articleId: string, reason: string, manager?: EntityManager): Promise<number> {
    const rows = await this.rows(
      `UPDATE deliveries d SET status = 'cancelled', last_error = $3, next_attempt_at = NULL, waiting_for = NULL, updated_at = now()
       WHERE d.subscription_id = $1 AND d.article_id = $2 AND d.status = 'pending' AND d.event <> 'article.killed' AND ${NOT_LEASED}
       RETURNING d.id`,
      [subscriptionId, articleId, reason],
      manager,
    );
    return rows.length;
  }

  /**
   * Whether the subscriber may hold a version of the article: something was attempted (a timeout may still have
   * arrived) or is in flight. If not, a kill has nothing to take down.
   */
  async mayHaveReached(subscriptionId: string, articleId: string, manager?: EntityManager): Promise<boolean> {
    const [row] = await this.rows<{ reached: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM deliveries WHERE subscription_id = $1 AND article_id = $2 AND event <> 'article.killed'
         AND (attempts > 0 OR (status = 'pending' AND sending_until > now()))) AS reached`,
      [subscriptionId, articleId],
      manager,
    );
    return row.reached;
  }

  /** Subscriptions that have (or had) a delivery of the article; cancelled ones only when asked. */
  async subscriptionIdsFor(articleId: string, options: { includeCancelled: boolean }, manager?: EntityManager): Promise<Set<string>> {
    const rows = await this.rows<{ subscription_id: string }>(
      `SELECT DISTINCT subscription_id FROM deliveries WHERE article_id = $1 AND ($2 OR status <> 'cancelled')`,
      [articleId, options.includeCancelled],
      manager,
    );
    return new Set(rows.map((row) => row.subscription_id));
  }

  /** Whether a kill of the article was queued for the subscription after this delivery. */
  async hasLaterKill(subscriptionId: string, articleId: string, seq: string): Promise<boolean> {
    const [row] = await this.rows<{ killed: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM deliveries WHERE subscription_id = $1 AND article_id = $2 AND event = 'article.killed' AND seq > $3) AS killed`,
      [subscriptionId, articleId, seq],
    );
    return row.killed;
  }

  /** The embargo was lifted or moved earlier: never-tried deliveries of the article become due at `due`. */
  async bringForward(articleId: string, due: Date, manager?: EntityManager): Promise<DeliveryEntity[]> {
    const rows = await this.rows<DeliveryRow>(
      `UPDATE deliveries SET next_attempt_at = $2, updated_at = now()
       WHERE article_id = $1 AND status = 'pending' AND attempts = 0 AND next_attempt_at > $2 AND event <> 'article.killed'
       RETURNING *`,
      [articleId, due],
      manager,
    );
    return rows.map(toDelivery);
  }

  /** Moves a pending delivery's next attempt (an embargo that was extended). */
  async reschedule(id: string, at: Date): Promise<void> {
    await this.rows(`UPDATE deliveries SET next_attempt_at = $2, updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING id`, [
      id,
      at,
    ]);
  }

  /** A subscription's deliveries, newest first, without payloads. */
  listForSubscription(subscriptionId: string, query: DeliveryListQuery): Promise<DeliveryEntity[]> {
    const columns = this.dataSource
      .getMetadata(DeliveryEntity)
      .columns.map((column) => column.propertyName)
      .filter((name) => name !== 'payload');
    const qb = this.repo
      .createQueryBuilder('d')
      .select(columns.map((name) => `d.${name}`))
      .where('d.subscription_id = :subscriptionId', { subscriptionId })
      .orderBy('d.seq', 'DESC')
      .limit(query.limit);
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.articleId) qb.andWhere('d.article_id = :articleId', { articleId: query.articleId });
    if (query.beforeSeq) qb.andWhere('d.seq < :beforeSeq', { beforeSeq: query.beforeSeq });
    return qb.getMany();
  }

  listAttempts(deliveryId: string): Promise<DeliveryAttemptEntity[]> {
    return this.dataSource.getRepository(DeliveryAttemptEntity).find({ where: { deliveryId }, order: { attempt: 'ASC' } });
  }

  /**
   * Puts a settled delivery back in line: same event id and payload, a fresh retry schedule. Refused (null) while
   * it is still pending, and for anything but the kill of a killed article.
   */
  async replay(id: string, manager?: EntityManager): Promise<DeliveryEntity | null> {
    const [row] = await this.rows<DeliveryRow>(
      `UPDATE deliveries d SET status = 'pending', attempts_before_replay = d.attempts, next_attempt_at = now(), replays = d.replays + 1,
              replayed_at = now(), delivered_at = NULL, waiting_for = NULL, sending_until = NULL, updated_at = now()
       WHERE d.id = $1 AND d.status <> 'pending' AND ${REPLAYABLE}
       RETURNING d.*`,
      [id],
      manager,
    );
    return row ? toDelivery(row) : null;
  }

  /** Replays a subscription's settled deliveries in the order they were created; returns them in that order. */
  async replayMany(subscriptionId: string, selection: ReplaySelection, manager?: EntityManager): Promise<DeliveryRef[]> {
    const rows = await this.rows<RefRow>(
      `UPDATE deliveries d SET status = 'pending', attempts_before_replay = d.attempts, next_attempt_at = now(), replays = d.replays + 1,
              replayed_at = now(), delivered_at = NULL, waiting_for = NULL, sending_until = NULL, updated_at = now()
       FROM (
         SELECT d.id FROM deliveries d
         WHERE d.subscription_id = $1 AND d.status = ANY($2) AND ($3::timestamptz IS NULL OR d.created_at >= $3)
           AND ($4::timestamptz IS NULL OR d.created_at < $4) AND ${REPLAYABLE}
         ORDER BY d.seq LIMIT $5 FOR UPDATE SKIP LOCKED
       ) picked
       WHERE d.id = picked.id AND d.status <> 'pending'
       RETURNING ${REF_COLUMNS}`,
      [subscriptionId, selection.statuses, selection.since ?? null, selection.until ?? null, selection.limit],
      manager,
    );
    return rows.sort(bySeq).map(toRef);
  }

  /**
   * Pending deliveries that should be moving but have not for `graceSeconds`: their job was lost (a crash between
   * commit and enqueue, a flushed Redis) or their wake-up was. Only those that could go now are returned.
   */
  async findStranded(graceSeconds: number, cap: number, limit: number): Promise<DeliveryRef[]> {
    const rows = await this.rows<RefRow>(
      `SELECT ${REF_COLUMNS} FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
       WHERE d.status = 'pending' AND d.next_attempt_at < now() - make_interval(secs => $1) AND d.updated_at < now() - make_interval(secs => $1)
         AND ${NOT_LEASED} AND s.status = 'active' AND s.deleted_at IS NULL
         AND NOT ${EARLIER_PENDING} AND ${IN_FLIGHT} < $2
       ORDER BY d.next_attempt_at LIMIT $3`,
      [graceSeconds, cap, limit],
    );
    return rows.map(toRef);
  }
}
