import { type ApiStack, startApiStack } from './support/api-stack';
import type { ApiClient } from './support/api-client';
import { waitFor } from './support/processes';

jest.setTimeout(240_000);

interface KeyView {
  id: string;
  name: string;
  key?: string;
  keyPrefix: string;
  scopes: string[];
  sourceIds: string[] | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdByKeyId: string | null;
}

interface AuditEntry {
  id: string;
  actor: string;
  actorKeyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  correlationId: string | null;
}

describe('API keys over the API, and the audit log', () => {
  let stack: ApiStack;
  let other: ApiClient;

  beforeAll(async () => {
    stack = await startApiStack('keys');
    // A second API process on the same database: a revocation must hold there at once too.
    other = (await stack.startAnotherApi()).client;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const audit = async (query = ''): Promise<AuditEntry[]> => {
    const page = await stack.client.get<{ items: AuditEntry[] }>(`/v1/audit${query}`);
    expect(page.status).toBe(200);
    return page.body.items;
  };

  it('creates a scoped key shown once (cdk_live_…, no-store), lists it without the key, and it works at once', async () => {
    const response = await fetch(`${stack.baseUrl}/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'CMS production', scopes: ['ingest', 'read'] }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = (await response.json()) as KeyView;
    expect(created.key).toMatch(/^cdk_live_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'CMS production',
      scopes: ['ingest', 'read'],
      sourceIds: null,
      revokedAt: null,
      createdByKeyId: null,
    });
    expect(created.key?.startsWith(created.keyPrefix)).toBe(true);

    const [stored] = await stack.sql<{ key_hash: string }>(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.id]);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.key_hash).not.toContain(created.key as string);

    const list = await stack.client.get<{ items: KeyView[] }>('/v1/api-keys');
    const listed = list.body.items.find((k) => k.id === created.id);
    expect(listed).toBeDefined();
    expect(listed?.key).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(created.key as string);

    const cms = stack.client.withKey(created.key as string);
    expect((await cms.post('/v1/articles', { title: 'From the new key', body: 'Copy.' })).status).toBe(202);
    expect((await cms.get('/v1/articles')).status).toBe(200);
    expect((await cms.get('/v1/subscriptions')).status).toBe(403);
    expect((await cms.get('/v1/api-keys')).status).toBe(403);

    const [entry] = await audit('?action=api-key.created');
    expect(entry).toMatchObject({ actor: 'env admin key', actorKeyId: null, targetType: 'api-key', targetId: created.id });
    expect(entry.details).toMatchObject({ name: 'CMS production', scopes: ['ingest', 'read'] });
    expect(JSON.stringify(entry)).not.toContain(created.key as string);
  });

  it('revokes a key at once in every API process; the revocation is audited under the revoking key', async () => {
    const admin = (await stack.client.post<KeyView>('/v1/api-keys', { name: 'ops admin', scopes: ['admin'] })).body;
    const victim = (await stack.client.post<KeyView>('/v1/api-keys', { name: 'leaked', scopes: ['read'] })).body;
    const leaked = other.withKey(victim.key as string);
    expect((await leaked.get('/v1/articles')).status).toBe(200);

    const revoked = await stack.client.withKey(admin.key as string).request('DELETE', `/v1/api-keys/${victim.id}`);
    expect(revoked.status).toBe(204);
    const refused = await leaked.get('/v1/articles');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'unauthorized', detail: 'The API key was revoked.' });
    // Revoking again changes nothing; an unknown key is 404, a malformed id 400 naming the parameter.
    expect((await stack.client.request('DELETE', `/v1/api-keys/${victim.id}`)).status).toBe(204);
    expect((await stack.client.request('DELETE', '/v1/api-keys/7f3c2a1e-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await stack.client.request('DELETE', '/v1/api-keys/not-a-key');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'invalid-parameter', errors: [{ pointer: '/path/id' }] });

    const entries = await audit(`?action=api-key.revoked`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'ops admin', actorKeyId: admin.id, targetId: victim.id });
    expect((await audit(`?actor=${admin.id}`)).map((e) => e.action)).toEqual(['api-key.revoked']);
    expect((await stack.client.get<KeyView>(`/v1/api-keys/${victim.id}`)).body.revokedAt).not.toBeNull();
  });

  it('limits keys to sources and expiries, refusing what makes no sense with 422 naming the field', async () => {
    const invalid = await stack.client.post('/v1/api-keys', {
      name: '',
      scopes: ['ingest', 'write'],
      sources: ['no-such-source'],
      expiresAt: 'tomorrow',
    });
    expect(invalid.status).toBe(422);
    const pointers = (invalid.body.errors as Array<{ pointer: string }>).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/name', '/scopes', '/expiresAt']));
    const nulls = await stack.client.post('/v1/api-keys', { name: 'x', scopes: ['read'], sources: null });
    expect(nulls.status).toBe(422);
    expect(nulls.body.errors).toEqual([expect.objectContaining({ pointer: '/sources' })]);
    const unknown = await stack.client.post('/v1/api-keys', { name: 'x', scopes: ['read'], sources: ['no-such-source'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ pointer: '/sources/0', detail: 'no source has the id or slug "no-such-source"' }]);
    const past = await stack.client.post('/v1/api-keys', { name: 'x', scopes: ['read'], expiresAt: '2001-01-01T00:00:00Z' });
    expect(past.status).toBe(422);

    const limited = await stack.client.post<KeyView>('/v1/api-keys', {
      name: 'partner',
      scopes: ['ingest'],
      sources: ['cms'],
      // Room for the three requests below on a loaded machine: a key that expires under them fails the test.
      expiresAt: new Date(Date.now() + 10_000).toISOString(),
    });
    expect(limited.status).toBe(201);
    expect(limited.body.sourceIds).toHaveLength(1);
    const partner = stack.client.withKey(limited.body.key as string);
    expect((await partner.post('/v1/articles', { title: 'Partner', body: 'Copy.' })).status).toBe(202);
    expect((await partner.post('/v1/ingest', { url: 'https://example.com/x', source: 'web' })).status).toBe(403);
    // Until it expires the key is only refused reading (403); from its expiry on, it is refused altogether (401).
    await waitFor(async () => (await partner.get('/v1/articles')).status === 401, { timeoutMs: 30_000, intervalMs: 250 });
    const expired = await partner.post('/v1/articles', { title: 'Partner', body: 'Copy.' });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe('The API key has expired.');
  });

  it('records changes in the transaction of the change, pages the log by cursor, and filters by action and time', async () => {
    const pushed = await stack.client.post('/v1/articles', { title: 'To be killed', body: 'Copy.', externalId: 'kill-me' });
    const before = new Date().toISOString();
    const killed = await stack.client.request('POST', `/v1/articles/${pushed.body.id as string}/kill`, { reason: 'legal' });
    expect(killed.status).toBe(200);
    // Killing again changes nothing and records nothing.
    await stack.client.request('POST', `/v1/articles/${pushed.body.id as string}/kill`, { reason: 'again' });
    const kills = await audit(`?action=article.killed&since=${encodeURIComponent(before)}`);
    expect(kills).toHaveLength(1);
    expect(kills[0]).toMatchObject({ targetId: pushed.body.id, details: { reason: 'legal' } });
    expect(kills[0].correlationId).toEqual(expect.any(String));

    const source = await stack.client.post('/v1/sources', {
      slug: 'audited',
      name: 'Audited',
      type: 'feed',
      url: 'https://feeds.example.com/a.xml',
      credentials: { type: 'bearer', token: 'very-secret-token' },
    });
    expect(source.status).toBe(201);
    await stack.client.request('PATCH', '/v1/sources/audited', {
      name: 'Audited again',
      credentials: { type: 'bearer', token: 'other-secret' },
    });
    const changes = await audit('?action=source.updated');
    expect(changes[0].details).toEqual({ name: 'Audited again', credentials: 'replaced' });
    const everything = JSON.stringify(await audit('?limit=200'));
    expect(everything).not.toContain('very-secret-token');
    expect(everything).not.toContain('other-secret');

    const first = await stack.client.get<{ items: AuditEntry[]; nextCursor: string | null }>('/v1/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await stack.client.get<{ items: AuditEntry[]; nextCursor: string | null }>(
      `/v1/audit?limit=2&cursor=${first.body.nextCursor as string}`,
    );
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));
    expect((await stack.client.get('/v1/audit?cursor=bm90LWEtY3Vyc29y')).status).toBe(422);
    expect((await stack.client.get('/v1/audit?action=article.exploded')).status).toBe(422);
  });

  it('leaves no audit entry when the change fails', async () => {
    const before = (await audit('?limit=200')).length;
    // A slug taken already: the insert fails, and its audit entry goes with it.
    const duplicate = await stack.client.post('/v1/sources', { slug: 'audited', name: 'Again', type: 'push' });
    expect(duplicate.status).toBe(409);
    expect((await audit('?limit=200')).length).toBe(before);
  });
});
