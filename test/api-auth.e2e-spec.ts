import { randomUUID } from 'node:crypto';
import { type ApiStack, startApiStack } from './support/api-stack';

jest.setTimeout(240_000);

type Scope = 'ingest' | 'read' | 'manage' | 'admin';
const SCOPES: Scope[] = ['ingest', 'read', 'manage', 'admin'];

/**
 * Every operation of the API and the scope it needs. Driven against the OpenAPI document: an operation missing here
 * (a new route without an auth test) or here but gone from the document fails the first test.
 */
const ROUTES: Record<string, Scope | 'public' | 'signature-or-ingest'> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'POST /v1/articles': 'ingest',
  'GET /v1/articles': 'read',
  'GET /v1/articles/{id}': 'read',
  'GET /v1/articles/{id}/revisions': 'read',
  'GET /v1/articles/{id}/duplicates': 'read',
  'GET /v1/articles/{id}/cluster': 'read',
  'POST /v1/articles/{id}/kill': 'manage',
  'DELETE /v1/articles/{id}': 'admin',
  'GET /v1/clusters/{id}': 'read',
  'GET /v1/articles/{id}/raw-items': 'read',
  'GET /v1/raw-items/{id}': 'read',
  'GET /v1/raw-items/{id}/payload': 'read',
  'POST /v1/raw-items/{id}/replay': 'manage',
  'POST /v1/ingest': 'ingest',
  'POST /v1/sources': 'manage',
  'GET /v1/sources': 'read',
  'GET /v1/sources/{ref}': 'read',
  'PATCH /v1/sources/{ref}': 'manage',
  'POST /v1/sources/{ref}/poll': 'manage',
  'POST /v1/sources/{ref}/rotate-webhook-secret': 'manage',
  'POST /v1/subscriptions': 'manage',
  'GET /v1/subscriptions': 'manage',
  'GET /v1/subscriptions/{id}': 'manage',
  'PATCH /v1/subscriptions/{id}': 'manage',
  'DELETE /v1/subscriptions/{id}': 'manage',
  'POST /v1/subscriptions/{id}/rotate-secret': 'manage',
  'GET /v1/subscriptions/{id}/deliveries': 'manage',
  'POST /v1/subscriptions/{id}/replay': 'manage',
  'GET /v1/deliveries/{id}': 'manage',
  'POST /v1/deliveries/{id}/replay': 'manage',
  'POST /v1/webhooks/{sourceId}': 'signature-or-ingest',
  'POST /v1/articles/{id}/enrich': 'manage',
  'PUT /v1/articles/{id}/topics': 'manage',
  'PUT /v1/articles/{id}/entities': 'manage',
  'POST /v1/enrichment/re-enrich': 'admin',
  'GET /v1/enrichment/training-data': 'read',
  'POST /v1/api-keys': 'admin',
  'GET /v1/api-keys': 'admin',
  'GET /v1/api-keys/{id}': 'admin',
  'DELETE /v1/api-keys/{id}': 'admin',
  'GET /v1/audit': 'admin',
  'GET /v1/stats': 'read',
  'GET /v1/jobs/{id}': 'read',
  'GET /admin/api/overview': 'read',
  'POST /admin/api/queues/{queue}/retry-failed': 'manage',
  'POST /admin/api/queues/{queue}/pause': 'manage',
  'POST /admin/api/queues/{queue}/resume': 'manage',
};

/** Sample path parameters: well-formed, so the answer is about the key, not the id. */
const SAMPLE_PARAMS: Record<string, () => string> = {
  id: () => randomUUID(),
  sourceId: () => randomUUID(),
  ref: () => 'cms',
  queue: () => 'ingest',
};

interface Operation {
  method: string;
  template: string;
  path: string;
  scope: Scope;
}

function operation(entry: string, scope: Scope): Operation {
  const [method, template] = entry.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const sample = SAMPLE_PARAMS[name];
    if (!sample) throw new Error(`no sample value for path parameter ${name}`);
    return sample();
  });
  return { method, template, path, scope };
}

const SECURED = Object.entries(ROUTES)
  .filter((entry): entry is [string, Scope] => SCOPES.includes(entry[1] as Scope))
  .map(([entry, scope]) => operation(entry, scope));

describe('every route checks the key and its scope', () => {
  let stack: ApiStack;
  const keys: Partial<Record<Scope | 'revoked' | 'expired', string>> = {};

  const call = async (op: Operation, authorization: string | null) => {
    const bodyless = op.method === 'GET' || op.method === 'DELETE';
    const response = await fetch(`${stack.baseUrl}${op.path}`, {
      method: op.method,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(bodyless ? {} : { 'content-type': 'application/json' }),
      },
      body: bodyless ? undefined : '{}',
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  };

  beforeAll(async () => {
    stack = await startApiStack('auth');
    for (const scope of SCOPES) keys[scope] = (await stack.insertKey({ scopes: [scope] })).key;
    keys.revoked = (await stack.insertKey({ scopes: ['admin'], revokedAt: new Date(Date.now() - 1000) })).key;
    keys.expired = (await stack.insertKey({ scopes: ['admin'], expiresAt: new Date(Date.now() - 1000) })).key;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('has an entry in the route table for every operation of the OpenAPI document, and the same scope', async () => {
    const document = (await (await fetch(`${stack.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { 'x-required-scope'?: string }>>;
    };
    const documented: Record<string, string | undefined> = {};
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(operations)) documented[`${method.toUpperCase()} ${path}`] = op['x-required-scope'];
    }
    expect(Object.keys(documented).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [entry, scope] of Object.entries(ROUTES)) {
      if (SCOPES.includes(scope as Scope)) expect([entry, documented[entry]]).toEqual([entry, scope]);
    }
  });

  it.each(SECURED.map((op) => [`${op.method} ${op.template}`, op] as const))(
    '%s: 401 without a key, with a wrong, revoked or expired key; 403 without the scope',
    async (_, op) => {
      for (const authorization of [null, 'Bearer cdk_live_not-a-key', `Bearer ${keys.revoked}`, `Bearer ${keys.expired}`]) {
        const answer = await call(op, authorization);
        expect([authorization, answer.status]).toEqual([authorization, 401]);
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
        expect(JSON.parse(answer.text)).toMatchObject({ status: 401, code: 'unauthorized' });
      }
      // The dashboard lets a manage key see what a read key sees (it acts on what it sees); the API keeps them apart.
      const grants = (scope: string): boolean =>
        scope === op.scope || scope === 'admin' || (op.template.startsWith('/admin') && scope === 'manage' && op.scope === 'read');
      for (const scope of SCOPES.filter((s) => !grants(s))) {
        const answer = await call(op, `Bearer ${keys[scope]}`);
        expect([scope, answer.status]).toEqual([scope, 403]);
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(answer.text)).toMatchObject({ status: 403, code: 'forbidden' });
      }
      // The key with just that scope gets past authorisation (whatever the request itself deserves).
      const allowed = await call(op, `Bearer ${keys[op.scope]}`);
      expect([op.scope, allowed.status]).not.toEqual([op.scope, 401]);
      expect([op.scope, allowed.status]).not.toEqual([op.scope, 403]);
      expect(allowed.status).toBeLessThan(500);
    },
  );

  it('tells revoked and expired keys apart from unknown ones, and asks for the missing scope', async () => {
    const op = operation('GET /v1/articles', 'read');
    expect(JSON.parse((await call(op, `Bearer ${keys.revoked}`)).text).detail).toMatch(/revoked/);
    expect(JSON.parse((await call(op, `Bearer ${keys.expired}`)).text).detail).toMatch(/expired/);
    const kill = await call(operation('POST /v1/articles/{id}/kill', 'manage'), `Bearer ${keys.read}`);
    expect(kill.headers.get('www-authenticate')).toBe('Bearer realm="copydesk", error="insufficient_scope", scope="manage"');
  });

  describe('a key limited to sources', () => {
    let limited: string;
    let partnerId: string;
    let otherArticle: string;

    beforeAll(async () => {
      const [partner] = await stack.sql<{ id: string }>(
        `INSERT INTO sources (slug, name, type) VALUES ('partner-a', 'Partner A', 'push') RETURNING id`,
      );
      partnerId = partner.id;
      limited = (await stack.insertKey({ scopes: ['ingest', 'read', 'manage'], sourceIds: [partnerId] })).key;
      const pushed = await stack.client.post('/v1/articles', { title: 'Not the partner’s', body: 'Copy of the CMS.', externalId: 'cms-1' });
      otherArticle = pushed.body.id as string;
    });

    it('pushes into its source by default and is refused any other', async () => {
      const mine = await stack.client.withKey(limited).post('/v1/articles', { title: 'Partner copy', body: 'Copy.', externalId: 'p-1' });
      expect(mine.status).toBe(202);
      const [row] = await stack.sql<{ source_id: string }>(`SELECT source_id FROM articles WHERE id = $1`, [mine.body.id]);
      expect(row.source_id).toBe(partnerId);
      const other = await stack.client.withKey(limited).post('/v1/articles', { title: 'x', body: 'y', source: 'cms' });
      expect(other.status).toBe(403);
    });

    it('sees only its sources’ articles and sources; installation-wide routes answer 403', async () => {
      const client = stack.client.withKey(limited);
      expect((await client.get(`/v1/articles/${otherArticle}`)).status).toBe(404);
      expect((await client.request('POST', `/v1/articles/${otherArticle}/kill`, {})).status).toBe(404);
      const list = await client.get<{ items: Array<{ sourceId: string }> }>('/v1/articles');
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((a) => a.sourceId === partnerId)).toBe(true);
      const sources = await client.get<{ items: Array<{ id: string }> }>('/v1/sources');
      expect(sources.body.items.map((s) => s.id)).toEqual([partnerId]);
      expect((await client.get('/v1/sources/cms')).status).toBe(404);
      expect((await client.get('/v1/subscriptions')).status).toBe(403);
    });
  });

  describe('POST /v1/webhooks/:id without credentials', () => {
    it('answers the same whether or not the source exists', async () => {
      const created = await stack.client.post('/v1/sources', { slug: 'hooked', name: 'Hooked', type: 'webhook' });
      expect(created.status).toBe(201);
      const answers = [];
      for (const id of [created.body.id as string, randomUUID()]) {
        for (const headers of [
          {} as Record<string, string>,
          { 'webhook-id': 'msg_1', 'webhook-timestamp': `${Math.floor(Date.now() / 1000)}`, 'webhook-signature': 'v1,AAAA' },
        ]) {
          const response = await fetch(`${stack.baseUrl}/v1/webhooks/${id}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ title: 't', body: 'b' }),
          });
          const body = (await response.json()) as Record<string, unknown>;
          answers.push({ status: response.status, title: body.title, detail: body.detail, code: body.code });
        }
      }
      expect(answers[0].status).toBe(401);
      expect(answers[2]).toEqual(answers[0]);
      expect(answers[1].status).toBe(401);
      expect(answers[3]).toEqual(answers[1]);
    });
  });
});
