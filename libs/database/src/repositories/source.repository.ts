import { SourceType } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, type QueryDeepPartialEntity } from 'typeorm';
import { SourceEntity } from '../entities';
import { queryRows } from './query-rows';
import { translatingUniqueViolations } from './unique-violation';

/** The source CMS pushes land in when neither the call nor the key names one (created by the first migration). */
export const DEFAULT_PUSH_SOURCE_SLUG = 'cms';
/** Where pages scraped on request land when the call names no source (created by the second migration). */
export const DEFAULT_PAGE_SOURCE_SLUG = 'web';

/** A source with its sealed secrets, for the few places that use them (fetching, verifying webhooks). */
export type SourceWithSecrets = SourceEntity & { credentialsEncrypted: string | null; webhookSecretsEncrypted: string | null };

export type SourceFields = Partial<Omit<SourceEntity, 'id' | 'createdAt' | 'updatedAt'>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SourceEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<SourceEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findManyById(ids: string[], manager?: EntityManager): Promise<SourceEntity[]> {
    return ids.length ? this.repo(manager).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findBySlug(slug: string, manager?: EntityManager): Promise<SourceEntity | null> {
    return this.repo(manager).findOneBy({ slug });
  }

  /** By id or slug, as the API accepts either. */
  findByRef(ref: string): Promise<SourceEntity | null> {
    return UUID.test(ref) ? this.findById(ref) : this.findBySlug(ref);
  }

  findWithSecrets(id: string): Promise<SourceWithSecrets | null> {
    return this.repo()
      .createQueryBuilder('s')
      .addSelect(['s.credentialsEncrypted', 's.webhookSecretsEncrypted'])
      .where('s.id = :id', { id })
      .getOne();
  }

  list(): Promise<SourceEntity[]> {
    return this.repo().find({ order: { createdAt: 'ASC' } });
  }

  /** Active sources of these types (the kinds that are polled: the source-kind registry says which). */
  listActiveOfTypes(types: readonly string[]): Promise<SourceEntity[]> {
    return this.repo().find({ where: { active: true, type: In(types as SourceType[]) } });
  }

  /** @throws UniqueViolationError (field `slug`) when another source has the slug. */
  async create(fields: SourceFields & Pick<SourceEntity, 'slug' | 'name' | 'type'>, manager?: EntityManager): Promise<SourceEntity> {
    return translatingUniqueViolations({ sources_slug_key: 'slug' }, () => this.repo(manager).save(this.repo(manager).create(fields)));
  }

  async update(id: string, fields: SourceFields, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, fields as QueryDeepPartialEntity<SourceEntity>);
  }

  /** Counts a successful poll: failures reset, `itemsSeen` grows by the items that were new. */
  async recordPollSuccess(
    id: string,
    fields: { newItems: number; etag: string | null; lastModified: string | null; nextPollAt: Date },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE sources SET last_polled_at = now(), last_success_at = now(), consecutive_failures = 0, items_seen = items_seen + $2,
         etag = $3, last_modified = $4, next_poll_at = $5, updated_at = now() WHERE id = $1`,
      [id, fields.newItems, fields.etag, fields.lastModified, fields.nextPollAt],
    );
  }

  /** Counts a failed poll and returns the failures in a row, which slow the source's schedule down. */
  async recordPollFailure(id: string, error: string, nextPollAt: Date): Promise<number> {
    const rows = await queryRows<{ consecutive_failures: number }>(
      this.dataSource,
      `UPDATE sources SET last_polled_at = now(), last_error = $2, last_error_at = now(), consecutive_failures = consecutive_failures + 1,
         next_poll_at = $3, updated_at = now() WHERE id = $1 RETURNING consecutive_failures`,
      [id, error, nextPollAt],
    );
    return rows[0]?.consecutive_failures ?? 0;
  }
}
