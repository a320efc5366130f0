import { SubscriptionStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SubscriptionEntity } from '../entities';

@Injectable()
export class SubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(SubscriptionEntity);
  }

  create(fields: Omit<SubscriptionEntity, 'id' | 'createdAt' | 'updatedAt' | 'disabledReason'>): Promise<SubscriptionEntity> {
    return this.repo.save(this.repo.create({ ...fields, disabledReason: null }));
  }

  findById(id: string): Promise<SubscriptionEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** With secrets: only the publish worker signs, and nothing else should load them. */
  findByIdWithSecrets(id: string): Promise<SubscriptionEntity | null> {
    return this.repo.createQueryBuilder('s').addSelect('s.secrets').where('s.id = :id', { id }).getOne();
  }

  findActive(): Promise<SubscriptionEntity[]> {
    return this.repo.find({ where: { status: SubscriptionStatus.Active }, order: { createdAt: 'ASC' } });
  }

  list(): Promise<SubscriptionEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  async disable(id: string, reason: string): Promise<void> {
    await this.repo.update({ id }, { status: SubscriptionStatus.Disabled, disabledReason: reason });
  }
}
