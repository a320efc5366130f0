import { ArticleEventType, ArticleStatus, DeliveryStatus, SubscriptionStatus } from '@copydesk/contracts';
import type { DataSource } from 'typeorm';
import { DeliveryEntity } from '../entities';
import { entityRows, type EntityRows } from './entity-rows';

/**
 * The SQL the delivery repositories share: the statuses as literals (from the contracts enums, so a renamed value
 * cannot leave a statement behind), the ordering and capacity conditions, and how rows become entities and refs.
 * Every fragment expects the delivery row aliased `d`.
 */
const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

export const PENDING = literal(DeliveryStatus.Pending);
export const CANCELLED = literal(DeliveryStatus.Cancelled);
export const KILLED_EVENT = literal(ArticleEventType.Killed);
export const KILLED_ARTICLE = literal(ArticleStatus.Killed);
export const ACTIVE_SUBSCRIPTION = literal(SubscriptionStatus.Active);

// An earlier event of the same article is still pending for the same subscription.
export const EARLIER_PENDING = `EXISTS (SELECT 1 FROM deliveries p WHERE p.subscription_id = d.subscription_id AND p.article_id = d.article_id
  AND p.status = ${PENDING} AND p.seq < d.seq)`;
// Attempts of the same subscription in flight right now.
export const IN_FLIGHT = `(SELECT count(*) FROM deliveries f WHERE f.subscription_id = d.subscription_id AND f.status = ${PENDING} AND f.sending_until > now())`;
export const NOT_LEASED = `(d.sending_until IS NULL OR d.sending_until < now())`;
// A replay must never put an older version of a killed article back on the wire: only its kill may go again.
export const REPLAYABLE = `(d.event = ${KILLED_EVENT} OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id AND a.status = ${KILLED_ARTICLE}))`;

/** Enough to enqueue a deliver job. */
export interface DeliveryRef {
  id: string;
  articleId: string;
  attempts: number;
  /** The article's correlation id, so a woken or swept delivery logs under its own article's journey. */
  correlationId: string | null;
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

/** A deliveries row as the driver returns it (`SELECT d.*`), before it is mapped to the entity. */
export type DeliveryRow = Record<string, unknown> & { id: string; subscription_id: string; article_id: string; route_key: string };

/** Maps `deliveries` rows through the entity's own column metadata: no second list of columns to keep in step. */
export function deliveryRows(dataSource: DataSource): EntityRows<DeliveryEntity> {
  return entityRows(dataSource, DeliveryEntity);
}
