import { ApiScope, SourceType } from '@copydesk/contracts';
import { ApiKeyRepository, SourceRepository, UniqueViolationError } from '@copydesk/database';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { mediumDatabase } from './factories';

/** Repository rules the API's services rely on, against real PostgreSQL. */
describe('api key and source repositories (medium)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ dataSource } = await mediumDatabase('mediumkeys'));
  });

  afterAll(() => dataSource?.destroy());

  it('creates the first admin key exactly once, however many replicas boot at once', async () => {
    const keys = new ApiKeyRepository(dataSource);
    const key = (n: number) => ({ name: 'bootstrap admin', keyHash: `hash-${n}-${randomUUID()}`, keyPrefix: `cd_${n}` });
    const created = await Promise.all([1, 2, 3, 4].map((n) => keys.createFirstAdminKey(key(n))));
    expect(created.filter(Boolean)).toHaveLength(1);
    const admins = (await keys.list({ includeRevoked: false })).filter((k) => k.scopes.includes(ApiScope.Admin));
    expect(admins).toHaveLength(1);
    // Revoked, it no longer counts: the next boot creates a new one.
    await keys.revoke(admins[0].id);
    expect(await keys.createFirstAdminKey(key(5))).toBe(true);
    expect(await keys.createFirstAdminKey(key(6))).toBe(false);
  });

  it('reports a taken slug as a unique violation of the slug field, not as a driver error', async () => {
    const sources = new SourceRepository(dataSource);
    const slug = `medium-${randomUUID().slice(0, 8)}`;
    await sources.create({ slug, name: 'First', type: SourceType.Push });
    const again = sources.create({ slug, name: 'Second', type: SourceType.Push });
    await expect(again).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(again).rejects.toMatchObject({ field: 'slug' });
  });
});
