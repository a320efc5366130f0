import { createDataSource } from '../data-source';
import { queryRows } from './query-rows';

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
});
