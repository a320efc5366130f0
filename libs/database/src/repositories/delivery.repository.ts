import type { DeliveryStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DeliveryAttemptEntity, DeliveryEntity } from '../entities';
import {
  bySeq,
  CANCELLED,
  type DeliveryRef,
  deliveryRows,
  KILLED_EVENT,
  NOT_LEASED,
  PENDING,
  REF_COLUMNS,
  REPLAYABLE,
  type RefRow,
  toRef,
} from './delivery-sql';
import { queryRows } from './query-rows';

export type { DeliveryWait } from '../entities/delivery.entity';
export type { DeliveryRef } from './delivery-sql';

export type NewDelivery = Pick<
  DeliveryEntity,
  'subscriptionId' | 'articleId' | 'event' | 'revision' | 'routeKey' | 'eventId' | 'payload' | 'nextAttemptAt'
>;

export type NewDeliveryAttempt = Omit<DeliveryAttemptEntity, 'id' | 'createdAt' | 'deliveryId'>;

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

// Back in line: same event id and payload, a fresh retry schedule counted from here.
const REPLAY_SET = `status = ${PENDING}, attempts_before_replay = d.attempts, next_attempt_at = now(), replays = d.replays + 1,
  replayed_at = now(), delivered_at = NULL, waiting_for = NULL, sending_until = NULL, updated_at = now()`;

/**
 * Deliveries as routing, kills, the API and operators see them: creating one per routing, what a kill must take
 * down, listing with attempts, and replays. Sending them (claim, hold, wake, cancel, sweep) is
 * DeliveryDispatchRepository's; the same for many at once, DeliveryBatchRepository's.
 */
@Injectable()
export class DeliveryRepository {
  private readonly deliveryRows;

  constructor(private readonly dataSource: DataSource) {
    this.deliveryRows = deliveryRows(dataSource);
  }

  private get repo() {
    return this.dataSource.getRepository(DeliveryEntity);
  }

  private rows<T>(sql: string, parameters: unknown[], manager?: EntityManager): Promise<T[]> {
    return queryRows<T>(manager ?? this.dataSource, sql, parameters);
  }

  /**
   * Creates the delivery unless this routing already made one for the subscription (a retried route job), and
   * returns the row either way.
   */
  async createOnce(delivery: NewDelivery, manager?: EntityManager): Promise<DeliveryEntity> {
    const [row] = await this.rows<Record<string, unknown>>(
      `INSERT INTO deliveries (subscription_id, article_id, event, revision, route_key, event_id, status, attempts, payload, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, ${PENDING}, 0, $7, $8)
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
    if (row) return this.deliveryRows.toEntity(row);
    const existing = await (manager ?? this.dataSource.manager).getRepository(DeliveryEntity).findOneByOrFail({
      subscriptionId: delivery.subscriptionId,
      articleId: delivery.articleId,
      routeKey: delivery.routeKey,
    });
    return existing;
  }

  findById(id: string): Promise<DeliveryEntity | null> {
    return this.repo.findOneBy({ id });
  }

  listForArticle(articleId: string): Promise<DeliveryEntity[]> {
    return this.repo.find({ where: { articleId }, order: { seq: 'ASC' } });
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
   * A kill: cancels the article's creations and updates still pending for the subscription, except one in flight
   * (the kill waits for it). Kill deliveries are left alone so a retried route job keeps its kill.
   */
  async cancelPendingForArticle(subscriptionId: string, articleId: string, reason: string, manager?: EntityManager): Promise<number> {
    const rows = await this.rows(
      `UPDATE deliveries d SET status = ${CANCELLED}, last_error = $3, next_attempt_at = NULL, waiting_for = NULL, updated_at = now()
       WHERE d.subscription_id = $1 AND d.article_id = $2 AND d.status = ${PENDING} AND d.event <> ${KILLED_EVENT} AND ${NOT_LEASED}
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
      `SELECT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscription_id = $1 AND d.article_id = $2 AND d.event <> ${KILLED_EVENT}
         AND (d.attempts > 0 OR (d.status = ${PENDING} AND d.sending_until > now()))) AS reached`,
      [subscriptionId, articleId],
      manager,
    );
    return row.reached;
  }

  /** Subscriptions that have (or had) a delivery of the article; cancelled ones only when asked. */
  async subscriptionIdsFor(articleId: string, options: { includeCancelled: boolean }, manager?: EntityManager): Promise<Set<string>> {
    const rows = await this.rows<{ subscription_id: string }>(
      `SELECT DISTINCT d.subscription_id FROM deliveries d WHERE d.article_id = $1 AND ($2 OR d.status <> ${CANCELLED})`,
      [articleId, options.includeCancelled],
      manager,
    );
    return new Set(rows.map((row) => row.subscription_id));
  }

  /**
   * Puts a settled delivery back in line: same event id and payload, a fresh retry schedule. Refused (null) while
   * it is still pending, and for anything but the kill of a killed article.
   */
  async replay(id: string, manager?: EntityManager): Promise<DeliveryEntity | null> {
    const [row] = await this.rows<Record<string, unknown>>(
      `UPDATE deliveries d SET ${REPLAY_SET}
       WHERE d.id = $1 AND d.status <> ${PENDING} AND ${REPLAYABLE}
       RETURNING d.*`,
      [id],
      manager,
    );
    return row ? this.deliveryRows.toEntity(row) : null;
  }

  /** Replays a subscription's settled deliveries in the order they were created; returns them in that order. */
  async replayMany(subscriptionId: string, selection: ReplaySelection, manager?: EntityManager): Promise<DeliveryRef[]> {
    const rows = await this.rows<RefRow>(
      `UPDATE deliveries d SET ${REPLAY_SET}
       FROM (
         SELECT d.id FROM deliveries d
         WHERE d.subscription_id = $1 AND d.status = ANY($2) AND ($3::timestamptz IS NULL OR d.created_at >= $3)
           AND ($4::timestamptz IS NULL OR d.created_at < $4) AND ${REPLAYABLE}
         ORDER BY d.seq LIMIT $5 FOR UPDATE SKIP LOCKED
       ) picked
       WHERE d.id = picked.id AND d.status <> ${PENDING}
       RETURNING ${REF_COLUMNS}`,
      [subscriptionId, selection.statuses, selection.since ?? null, selection.until ?? null, selection.limit],
      manager,
    );
    return rows.sort(bySeq).map(toRef);
  }
}
