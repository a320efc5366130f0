import { ARTICLE_EVENT_TYPES, ArticleEventType, ArticleStatus, DeliveryStatus, SubscriptionStatus } from '@copydesk/contracts';
import { createDataSource, type DeliveryEntity } from '@copydesk/database';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createIsolatedEnvironment } from '../support/isolated-environment';

/**
 * Rows for medium specs: the smallest valid source, article, subscription and delivery, each with overridable
 * fields, inserted with plain SQL so a spec sets up exactly the state it needs without running the pipeline.
 */
export class RowFactory {
  private sourceId?: string;
  private counter = 0;

  constructor(readonly dataSource: DataSource) {}

  private async one<T>(sql: string, parameters: unknown[]): Promise<T> {
    const [row] = await this.dataSource.query<T[]>(sql, parameters);
    return row;
  }

  async source(): Promise<string> {
    this.sourceId ??= (
      await this.one<{ id: string }>(`INSERT INTO sources (slug, name, type) VALUES ($1, 'Medium spec', 'push') RETURNING id`, [
        `medium-${randomUUID().slice(0, 8)}`,
      ])
    ).id;
    return this.sourceId;
  }

  async article(fields: { status?: ArticleStatus; embargoUntil?: Date | null; correlationId?: string } = {}): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO articles (id, source_id, title, status, revision, embargo_until, correlation_id)
       VALUES (gen_random_uuid(), $1, 'A medium story', $2, 1, $3, $4) RETURNING id`,
      [await this.source(), fields.status ?? ArticleStatus.Published, fields.embargoUntil ?? null, fields.correlationId ?? null],
    );
    return row.id;
  }

  async subscription(fields: { status?: SubscriptionStatus; format?: string; deleted?: boolean } = {}): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO subscriptions (url, events, format, status, secrets, deleted_at)
       VALUES ('http://127.0.0.1:9/hook', $1, $2, $3, '[]', $4) RETURNING id`,
      [ARTICLE_EVENT_TYPES, fields.format ?? 'native', fields.status ?? SubscriptionStatus.Active, fields.deleted ? new Date() : null],
    );
    return row.id;
  }

  /** A delivery, pending and due by default; `seq` follows insertion order, as routing creates them. */
  async delivery(
    subscriptionId: string,
    articleId: string,
    fields: Partial<
      Pick<DeliveryEntity, 'event' | 'status' | 'attempts' | 'nextAttemptAt' | 'sendingUntil' | 'waitingFor' | 'createdAt'>
    > = {},
  ): Promise<{ id: string; seq: string }> {
    const n = ++this.counter;
    return this.one<{ id: string; seq: string }>(
      `INSERT INTO deliveries (subscription_id, article_id, event, revision, route_key, event_id, status, attempts, payload,
                               next_attempt_at, sending_until, waiting_for, created_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, '{}', $8, $9, $10, coalesce($11, now())) RETURNING id, seq::text AS seq`,
      [
        subscriptionId,
        articleId,
        fields.event ?? ArticleEventType.Created,
        `route-${n}-${randomUUID()}`,
        `msg_${randomUUID().replaceAll('-', '')}`,
        fields.status ?? DeliveryStatus.Pending,
        fields.attempts ?? 0,
        fields.nextAttemptAt === undefined ? new Date() : fields.nextAttemptAt,
        fields.sendingUntil ?? null,
        fields.waitingFor ?? null,
        fields.createdAt ?? null,
      ],
    );
  }

  /** The columns a spec asserts on, straight from the table. */
  async deliveryState(
    id: string,
  ): Promise<{ status: string; waiting_for: string | null; leased: boolean; replays: number; attempts: number }> {
    return this.one(`SELECT status, waiting_for, sending_until > now() AS leased, replays, attempts FROM deliveries WHERE id = $1`, [id]);
  }

  /** Backdates a row's last change, as if nothing had touched it for `seconds`. */
  async age(id: string, seconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET updated_at = now() - make_interval(secs => $2), next_attempt_at = now() - make_interval(secs => $2) WHERE id = $1`,
      [id, seconds],
    );
  }
}

/** A database of the spec's own, cloned from the run's migrated template, and a data source on it. */
export async function mediumDatabase(label: string): Promise<{ dataSource: DataSource; rows: RowFactory }> {
  const environment = await createIsolatedEnvironment(label);
  const dataSource = createDataSource({ url: environment.databaseUrl, poolSize: 4 });
  await dataSource.initialize();
  return { dataSource, rows: new RowFactory(dataSource) };
}
