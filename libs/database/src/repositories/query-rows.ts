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

interface PreparingClient {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/**
 * {@link queryRows} as a named prepared statement: PostgreSQL parses and plans it once per connection instead of on
 * every call, which for the pipeline's hot statements (long CTEs run per article or per delivery) is most of their
 * cost. `name` must stand for this `sql` only, everywhere (the driver refuses one name for two texts).
 */
export async function preparedRows<T>(
  source: DataSource | EntityManager,
  name: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const manager = source instanceof DataSource ? source.manager : source;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    // TypeORM's PostgreSQL runner hands out the pg client it holds (inside a transaction: the transaction's).
    const client = (await runner.connect()) as PreparingClient;
    return (await client.query<T>({ name, text: sql, values: parameters })).rows;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
