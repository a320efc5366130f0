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

  /**
   * Stores an input as received. `alreadyProcessed` is for inputs whose work happens in the same step (a feed
   * document split into items, a page fetched and extracted by the job that fetched it): no job is queued for them.
   */
  async insert(item: NewRawItem, manager?: EntityManager, alreadyProcessed = false): Promise<RawItemEntity> {
    const repo = this.repo(manager);
    const now = alreadyProcessed ? new Date() : null;
    return repo.save(
      repo.create({
        ...item,
        status: alreadyProcessed ? RawItemStatus.Processed : RawItemStatus.Received,
        metadata: item.metadata ?? {},
        enqueuedAt: now,
        processedAt: now,
      }),
    );
  }

  findById(id: string, manager?: EntityManager): Promise<RawItemEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** The raw items of an article, newest first, without their payloads. */
  listForArticle(articleId: string): Promise<RawItemEntity[]> {
    return this.repo()
      .createQueryBuilder('r')
      .select([
        'r.id',
        'r.sourceId',
        'r.articleId',
        'r.origin',
        'r.contentType',
        'r.url',
        'r.externalId',
        'r.metadata',
        'r.status',
        'r.error',
        'r.attempts',
        'r.correlationId',
        'r.receivedAt',
        'r.processedAt',
      ])
      .where('r.articleId = :articleId', { articleId })
      .orderBy('r.receivedAt', 'DESC')
      .getMany();
  }

  /** Makes a raw item processable again, for a replay. */
  async resetForReplay(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: RawItemStatus.Received, error: null, processedAt: null, enqueuedAt: new Date() });
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
