import { ApiScope } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from '../entities';
import { queryRows } from './query-rows';

export type NewApiKey = Pick<ApiKeyEntity, 'name' | 'keyHash' | 'keyPrefix'> & {
  scopes: ApiScope[];
  sourceIds?: string[] | null;
  defaultSourceId?: string | null;
  expiresAt?: Date | null;
  createdByKeyId?: string | null;
};

// Any constant; it only serialises API replicas booting at once.
const FIRST_ADMIN_KEY_LOCK = 7_301_450_222;

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ApiKeyEntity);
  }

  /** Revoked and expired keys too: the caller tells "unknown" from "revoked" and "expired". */
  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.repo().findOneBy({ keyHash });
  }

  /** A key by id, unless it was revoked (the dashboard re-checks its sessions' keys with it). */
  findActiveById(id: string): Promise<ApiKeyEntity | null> {
    return this.repo().findOneBy({ id, revokedAt: IsNull() });
  }

  findById(id: string, manager?: EntityManager): Promise<ApiKeyEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async create(fields: NewApiKey, manager?: EntityManager): Promise<ApiKeyEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create(fields));
  }

  /**
   * Stores `fields` as an admin key unless an unrevoked admin key exists already; replicas booting at once take
   * turns, so exactly one of them creates it. Whether this call created it.
   */
  async createFirstAdminKey(fields: Omit<NewApiKey, 'scopes'>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_KEY_LOCK]);
      const exists = await this.repo(manager)
        .createQueryBuilder('k')
        .where(':admin = ANY(k.scopes)', { admin: ApiScope.Admin })
        .andWhere('k.revokedAt IS NULL')
        .getExists();
      if (exists) return false;
      await this.repo(manager).insert({ ...fields, scopes: [ApiScope.Admin] });
      return true;
    });
  }

  /** Newest first; revoked keys only when asked for. */
  list(options: { includeRevoked: boolean }): Promise<ApiKeyEntity[]> {
    const qb = this.repo().createQueryBuilder('k').orderBy('k.createdAt', 'DESC').addOrderBy('k.id', 'DESC');
    if (!options.includeRevoked) qb.where('k.revokedAt IS NULL');
    return qb.getMany();
  }

  /** Revokes the key unless it is revoked already; the row as it is now, or null when there is no such key. */
  async revoke(id: string, manager?: EntityManager): Promise<{ key: ApiKeyEntity; revoked: boolean } | null> {
    const updated = await queryRows<{ id: string }>(
      manager ?? this.dataSource,
      `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id],
    );
    const key = await this.findById(id, manager);
    return key ? { key, revoked: updated.length > 0 } : null;
  }

  async touch(id: string): Promise<void> {
    await this.repo().update({ id }, { lastUsedAt: new Date() });
  }
}
