import { createDataSource } from '../data-source';
import { preparedRows, queryRows } from './query-rows';

describe('queryRows', () => {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL as string, poolSize: 2 });
  beforeAll(() => dataSource.initialize());
  afterAll(() => dataSource.destroy());

  it('returns the rows of UPDATE … RETURNING, which plain query() wraps in [rows, count]', async () => {
    const [source] = await queryRows<{ id: string }>(
      dataSource,
      `INSERT INTO sources (slug, name, type) VALUES ('query-rows-spec', 'Spec', 'push') RETURNING id`,
    );
    const updated = await queryRows<{ id: string; name: string }>(
      dataSource,
      `UPDATE sources SET name = 'Renamed' WHERE id = $1 RETURNING id, name`,
      [source.id],
    );
    expect(updated).toEqual([{ id: source.id, name: 'Renamed' }]);
    expect(await queryRows(dataSource, `UPDATE sources SET name = 'x' WHERE id = gen_random_uuid() RETURNING id`)).toEqual([]);
  });

  it('uses the transaction it is given', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO sources (slug, name, type) VALUES ('query-rows-tx', 'Tx', 'push')`);
      const rows = await queryRows<{ slug: string }>(manager, `DELETE FROM sources WHERE slug = 'query-rows-tx' RETURNING slug`);
      expect(rows).toEqual([{ slug: 'query-rows-tx' }]);
    });
  });

  it('runs a named prepared statement, again and again, on a pooled connection and inside a transaction', async () => {
    const sql = `SELECT $1::int + 1 AS n`;
    for (let i = 0; i < 8; i++)
      expect(await preparedRows<{ n: number }>(dataSource, 'query_rows_spec_add', sql, [i])).toEqual([{ n: i + 1 }]);
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO sources (slug, name, type) VALUES ('prepared-rows-tx', 'Tx', 'push')`);
      const rows = await preparedRows<{ slug: string }>(
        manager,
        'query_rows_spec_delete',
        `DELETE FROM sources WHERE slug = $1 RETURNING slug`,
        ['prepared-rows-tx'],
      );
      expect(rows).toEqual([{ slug: 'prepared-rows-tx' }]);
    });
    await expect(preparedRows(dataSource, 'query_rows_spec_bad', `SELECT nope FROM sources`)).rejects.toThrow(/nope/);
  });
});
