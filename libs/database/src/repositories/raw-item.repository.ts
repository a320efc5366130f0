import { RawItemStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull, LessThan } from 'typeorm';
import { RawItemEntity } from '../entities';

export type NewRawItem = Pick<RawItemEntity, 'sourceId' | 'origin' | 'contentType' | 'payload' | 'correlationId'> &
  Partial<Pick<RawItemEntity, 'articleId' | 'url' | 'externalId' | 'metadata'>>;

@Injectable()
export class RawItemRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RawItemEntity);
  }

  async insert(item: NewRawItem, manager?: EntityManager): Promise<RawItemEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create({ ...item, status: RawItemStatus.Received, metadata: item.metadata ?? {} }));
  }

  findById(id: string, manager?: EntityManager): Promise<RawItemEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async markEnqueued(id: string): Promise<void> {
    await this.repo().update({ id }, { enqueuedAt: new Date() });
  }

  /** Items committed but never queued (the process died between commit and enqueue): the outbox sweeper's work. */
  findUnqueued(receivedBefore: Date, limit: number): Promise<RawItemEntity[]> {
    return this.repo().find({
      where: { enqueuedAt: IsNull(), receivedAt: LessThan(receivedBefore) },
      order: { receivedAt: 'ASC' },
      take: limit,
      select: { id: true, articleId: true, correlationId: true },
    });
  }

  async markProcessed(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: RawItemStatus.Processed, processedAt: new Date(), error: null });
  }

  async markFailed(id: string, error: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: RawItemStatus.Failed, processedAt: new Date(), error });
  }

  async countAttempt(id: string): Promise<void> {
    await this.repo().increment({ id }, 'attempts', 1);
  }
}
