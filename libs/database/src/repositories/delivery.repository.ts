import { DeliveryStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryAttemptEntity, DeliveryEntity } from '../entities';

export type NewDelivery = Pick<DeliveryEntity, 'subscriptionId' | 'articleId' | 'event' | 'revision' | 'eventId' | 'payload'>;

@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(DeliveryEntity);
  }

  /**
   * Creates the delivery unless one exists for the same subscription, article, event and revision (a retried route
   * job), and returns the row either way.
   */
  async createOnce(delivery: NewDelivery): Promise<DeliveryEntity> {
    await this.repo
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values({ ...delivery, status: DeliveryStatus.Pending, attempts: 0 })
      .orIgnore()
      .execute();
    return this.repo.findOneByOrFail({
      subscriptionId: delivery.subscriptionId,
      articleId: delivery.articleId,
      event: delivery.event,
      revision: delivery.revision,
    });
  }

  findById(id: string): Promise<DeliveryEntity | null> {
    return this.repo.findOneBy({ id });
  }

  listForArticle(articleId: string): Promise<DeliveryEntity[]> {
    return this.repo.find({ where: { articleId }, order: { createdAt: 'ASC' } });
  }

  /** Records one try and the delivery's new state in one transaction, so the two never disagree. */
  async recordAttempt(
    delivery: DeliveryEntity,
    attempt: Omit<DeliveryAttemptEntity, 'id' | 'createdAt' | 'deliveryId'>,
    next: Partial<Pick<DeliveryEntity, 'status' | 'nextAttemptAt' | 'deliveredAt'>>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(DeliveryAttemptEntity).insert({ ...attempt, deliveryId: delivery.id });
      await manager.getRepository(DeliveryEntity).update(
        { id: delivery.id },
        { ...next, attempts: attempt.attempt, lastStatusCode: attempt.responseCode, lastError: attempt.error },
      );
    });
  }

  listAttempts(deliveryId: string): Promise<DeliveryAttemptEntity[]> {
    return this.dataSource.getRepository(DeliveryAttemptEntity).find({ where: { deliveryId }, order: { attempt: 'ASC' } });
  }
}
