import { DataSource, type EntityManager } from 'typeorm';

/**
 * The rows of a raw statement, whatever kind it is. TypeORM's `query()` returns the rows for a SELECT or an
 * INSERT … RETURNING but `[rows, affected]` for an UPDATE or DELETE … RETURNING; the structured result is the same
 * for all. Uses the manager's query runner inside a transaction, a pooled one otherwise.
 */
export async function queryRows<T>(source: DataSource | EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const manager = source instanceof DataSource ? source.manager : source;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return (result.records ?? []) as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
