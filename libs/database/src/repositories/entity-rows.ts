import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Raw SQL for an entity's rows without TypeORM's query builder: the column list to select and a mapper from a
 * driver row to the entity, both built once from the entity's metadata. For hot paths that read many rows in one
 * statement (the driver already turns timestamps into Dates and jsonb into objects).
 */
export interface EntityRows<E> {
  /** `alias.column, ...` for every mapped column. */
  columns(alias: string): string;
  toEntity(row: Record<string, unknown>): E;
}

export function entityRows<E extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<E> & (new () => E)): EntityRows<E> {
  const mapped = dataSource.getMetadata(target).columns.map((column) => [column.databaseName, column.propertyName] as const);
  return {
    columns: (alias) => mapped.map(([name]) => `${alias}.${name}`).join(', '),
    toEntity(row) {
      const entity = new target();
      for (const [name, property] of mapped) (entity as Record<string, unknown>)[property] = row[name];
      return entity;
    },
  };
}
