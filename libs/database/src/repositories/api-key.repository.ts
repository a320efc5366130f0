import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyEntity } from '../entities';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ApiKeyEntity);
  }

  findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOneBy({ keyHash, revokedAt: IsNull() });
  }

  /** A key by id, unless it was revoked (the dashboard re-checks its sessions' keys with it). */
  findActiveById(id: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOneBy({ id, revokedAt: IsNull() });
  }

  create(fields: Pick<ApiKeyEntity, 'name' | 'keyHash' | 'keyPrefix' | 'role'> & Partial<ApiKeyEntity>): Promise<ApiKeyEntity> {
    return this.repo.save(this.repo.create(fields));
  }

  async touch(id: string): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: new Date() });
  }
}
