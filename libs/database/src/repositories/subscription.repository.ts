import { SubscriptionStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, type QueryDeepPartialEntity } from 'typeorm';
import { SubscriptionEntity, type SubscriptionSecret } from '../entities';
import { queryRows } from './query-rows';

/** Columns the API may change on a subscription. */
export type SubscriptionChanges = Partial<
  Pick<SubscriptionEntity, 'name' | 'url' | 'events' | 'format' | 'filters' | 'status' | 'disabledReason'>
>;

/** A status change that took effect: what it was before. */
export interface StatusChange {
  previous: SubscriptionStatus;
}

/**
 * Subscriptions. Deleted ones (soft-deleted, secrets wiped) are invisible here except to the publish worker's
 * delivery query, which needs to know a delivery's subscription is gone.
 */
@Injectable()
export class SubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(SubscriptionEntity);
  }

  private repoFor(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SubscriptionEntity);
  }

  create(
    fields: Omit<SubscriptionEntity, 'id' | 'createdAt' | 'updatedAt' | 'disabledReason' | 'deletedAt'>,
    manager?: EntityManager,
  ): Promise<SubscriptionEntity> {
    const repo = this.repoFor(manager);
    return repo.save(repo.create({ ...fields, disabledReason: null, deletedAt: null }));
  }

  findById(id: string, manager?: EntityManager): Promise<SubscriptionEntity | null> {
    return this.repoFor(manager).findOneBy({ id, deletedAt: IsNull() });
  }

  /** With secrets: only signing needs them, and nothing else should load them. */
  findByIdWithSecrets(id: string): Promise<SubscriptionEntity | null> {
    return this.repo.createQueryBuilder('s').addSelect('s.secrets').where('s.id = :id AND s.deleted_at IS NULL', { id }).getOne();
  }

  /** The current status, read fresh (null when deleted or unknown). */
  async statusOf(id: string): Promise<SubscriptionStatus | null> {
    const row = await this.repo.findOne({ where: { id, deletedAt: IsNull() }, select: { id: true, status: true } });
    return row?.status ?? null;
  }

  /**
   * Subscriptions that get new deliveries: active ones, and paused ones (their deliveries wait for the resume).
   * Inside a transaction pass its manager: a second connection from the pool while holding one can wait forever
   * when the pool is exhausted by callers doing the same.
   */
  findRoutable(manager?: EntityManager): Promise<SubscriptionEntity[]> {
    return this.repoFor(manager).find({
      where: { status: In([SubscriptionStatus.Active, SubscriptionStatus.Paused]), deletedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<SubscriptionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repoFor(manager).find({ where: { id: In(ids), deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  list(status?: SubscriptionStatus): Promise<SubscriptionEntity[]> {
    return this.repo.find({ where: { deletedAt: IsNull(), ...(status ? { status } : {}) }, order: { createdAt: 'ASC' } });
  }

  /** Applies the changes; returns the updated row, or null when there is no such subscription. */
  async update(id: string, changes: SubscriptionChanges, manager?: EntityManager): Promise<SubscriptionEntity | null> {
    if (Object.keys(changes).length > 0) {
      await this.repoFor(manager).update({ id, deletedAt: IsNull() }, changes as QueryDeepPartialEntity<SubscriptionEntity>);
    }
    return this.findById(id, manager);
  }

  /**
   * Moves to `status` only from one of `from`, atomically, so two callers (a 410 and an operator, say) cannot both
   * believe they made the change. Returns the previous status when the change happened.
   */
  async changeStatus(
    id: string,
    from: SubscriptionStatus[],
    status: SubscriptionStatus,
    disabledReason: string | null,
  ): Promise<StatusChange | null> {
    // The sub-select reads the old status under the row lock; RETURNING alone would only show the new one.
    const [row] = await queryRows<{ previous: SubscriptionStatus }>(
      this.dataSource,
      `UPDATE subscriptions s SET status = $3, disabled_reason = $4, updated_at = now()
       FROM (SELECT id, status AS previous FROM subscriptions WHERE id = $1 FOR UPDATE) old
       WHERE s.id = old.id AND s.deleted_at IS NULL AND s.status = ANY($2)
       RETURNING old.previous`,
      [id, from, status, disabledReason],
    );
    return row ? { previous: row.previous } : null;
  }

  /** The subscriber answered 410 Gone: no more deliveries until someone re-enables it. */
  disable(id: string, reason: string): Promise<StatusChange | null> {
    return this.changeStatus(id, [SubscriptionStatus.Active, SubscriptionStatus.Paused], SubscriptionStatus.Disabled, reason);
  }

  /** Soft delete: the row stays for the delivery history, its secrets do not. Returns false when already gone. */
  async softDelete(id: string, manager?: EntityManager): Promise<boolean> {
    const result = await this.repoFor(manager).update(
      { id, deletedAt: IsNull() },
      { deletedAt: new Date(), status: SubscriptionStatus.Disabled, disabledReason: 'deleted', secrets: [] },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Adds `secret` as the signing secret and lets every other unexpired one run out after `overlapMs` (or sooner,
   * if it was already going to). Expired secrets are dropped; at most `keep` secrets remain, newest first.
   * The row is locked so two rotations at once cannot lose one of the secrets. Null when there is no subscription.
   */
  async rotateSecret(
    id: string,
    secret: string,
    overlapMs: number,
    now: Date,
    keep: number,
    outer?: EntityManager,
  ): Promise<{ subscription: SubscriptionEntity; previousExpiresAt: Date | null } | null> {
    return (outer ?? this.dataSource.manager).transaction(async (manager) => {
      const repo = manager.getRepository(SubscriptionEntity);
      const current = await repo
        .createQueryBuilder('s')
        .addSelect('s.secrets')
        .setLock('pessimistic_write')
        .where('s.id = :id AND s.deleted_at IS NULL', { id })
        .getOne();
      if (!current) return null;
      const overlapEnds = new Date(now.getTime() + overlapMs);
      const previous = current.secrets
        .filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now.getTime())
        .map((s): SubscriptionSecret => ({
          ...s,
          expiresAt: s.expiresAt && Date.parse(s.expiresAt) < overlapEnds.getTime() ? s.expiresAt : overlapEnds.toISOString(),
        }))
        .filter((s) => Date.parse(s.expiresAt as string) > now.getTime());
      const secrets = [{ secret, createdAt: now.toISOString(), expiresAt: null }, ...previous].slice(0, keep);
      await repo.update({ id }, { secrets });
      const latestExpiry = previous.length ? new Date(Math.max(...previous.map((s) => Date.parse(s.expiresAt as string)))) : null;
      const subscription = await repo.findOneByOrFail({ id });
      return { subscription, previousExpiresAt: latestExpiry };
    });
  }
}
