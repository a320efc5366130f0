import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SourceEntity } from '../entities';

/** The source CMS pushes land in when neither the call nor the key names one (created by the first migration). */
export const DEFAULT_PUSH_SOURCE_SLUG = 'cms';

@Injectable()
export class SourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SourceEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<SourceEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findBySlug(slug: string, manager?: EntityManager): Promise<SourceEntity | null> {
    return this.repo(manager).findOneBy({ slug });
  }

  async create(fields: Partial<SourceEntity> & Pick<SourceEntity, 'slug' | 'name' | 'type'>, manager?: EntityManager): Promise<SourceEntity> {
    return this.repo(manager).save(this.repo(manager).create(fields));
  }
}
