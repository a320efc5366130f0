import { freePort } from '@copydesk/embedded';
import { verify } from '@copydesk/signing';
// eslint-disable-next-line no-restricted-imports -- a test helper @copydesk/delivery deliberately does not export
import { createNinjsValidator } from '../libs/delivery/src/ninjs-schema.testing';
import { ApiClient } from './support/api-client';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';
import {
  acceptedEvents,
  createSubscription,
  deliveryRows,
  PUBLISH_ADMIN_KEY,
  type PublishStack,
  pushArticle,
  requestedEvents,
  startPublishStack,
  storyBody,
  waitUntil,
} from './support/publish-stack';
import { startSubscriber, type SubscriberServer } from './support/subscriber-server';

jest.setTimeout(240_000);

const validateNinjs = createNinjsValidator();

function expectValidNinjs(document: unknown): void {
  const result = validateNinjs(document);
  if (!result.valid) throw new Error(`not valid ninjs 3.1: ${JSON.stringify(result.errors, null, 1)}`);
}

/**
 * A subscription's life (management API, secret rotation) and an article's (ninjs and native payloads, updates,
 * kills, embargoes), with real subscribers on 127.0.0.1.
 */
describe('publish: subscriptions, formats, kills and embargoes', () => {
  let stack: PublishStack;
  let strictApi: RunningApp;
  let strict: ApiClient;
  const subscribers: SubscriberServer[] = [];
  const subscriber = async (): Promise<SubscriberServer> => {
    const server = await startSubscriber();
    subscribers.push(server);
    return server;
  };
  const story = (label: string, extra: Record<string, unknown> = {}) => ({
    title: `${label}: ferry service resumes`,
    body: storyBody(`The ${label} ferry service resumed on Tuesday after storms.`, [
      `Passengers on the ${label} route were told to expect delays.`,
    ]),
    byline: 'By Ana Ruiz',
    url: `https://news.example.com/${label.toLowerCase()}`,
    publishedAt: '2026-11-24T08:00:00+01:00',
    description: `The ${label} ferry is back.`,
    ...extra,
  });

  beforeAll(async () => {
    stack = await startPublishStack('publifecycle', ['ingest-worker', 'enrichment-worker', 'publish-worker'], {
      DELIVERY_RETRY_SCHEDULE: '1s,1s,2s',
    });
    // A second API as production runs it: subscriber URLs on loopback refused.
    const port = await freePort();
    strictApi = startApp('api', { ...stack.env, PORT: String(port), FETCH_ALLOW_LOOPBACK: 'false' });
    strict = new ApiClient(`http://127.0.0.1:${port}`, PUBLISH_ADMIN_KEY);
    await waitForHealthy(strict.baseUrl, strictApi);
  });

  afterAll(async () => {
    await strictApi?.stop();
    await stack?.stop();
    await Promise.all(subscribers.map((server) => server.close()));
  });

  it('creates, lists, reads, changes and deletes subscriptions, refusing bad input and internal URLs with problem+json', async () => {
    const { client } = stack;
    const created = await client.post('/v1/subscriptions', { url: 'https://hooks.example.com/copydesk' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: 'https://hooks.example.com/copydesk',
      status: 'active',
      format: 'native',
      events: ['article.created', 'article.updated', 'article.killed'],
      filters: {},
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const id = created.body.id as string;
    const read = await client.get(`/v1/subscriptions/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    expect(JSON.stringify(read.body)).not.toMatch(/whsec_/);
    const listed = await client.get<{ items: Array<{ id: string }> }>('/v1/subscriptions');
    expect(listed.body.items.map((s) => s.id)).toContain(id);

    const url = 'https://hooks.example.com/x';
    const invalid: Array<[unknown, RegExp]> = [
      [{ url: 'not a url' }, /\/url/],
      [{ url: 'ftp://hooks.example.com/x' }, /\/url/],
      [{ url, secret: 'whsec_mine' }, /property secret should not exist/],
      [{ url, events: ['article.deleted'] }, /\/events/],
      [{ url, events: [] }, /\/events/],
      [{ url, format: 'rss' }, /\/format: format must be one of: native, ninjs, text/],
      [{ url, filters: { topics: ['politics'] } }, /\/filters\/topics/],
      [{ url, filters: { topics: ['medtop:99999999'] } }, /\/filters\/topics\/0: medtop:99999999 is not an IPTC Media Topic/],
      [{ url, filters: { languages: ['english!'] } }, /\/filters\/languages/],
      [{ url, filters: { minConfidence: 2 } }, /\/filters\/minConfidence/],
      [{ url, filters: { colour: 'red' } }, /property colour should not exist/],
    ];
    for (const [body, detail] of invalid) {
      const response = await client.post('/v1/subscriptions', body);
      expect({ body, status: response.status }).toEqual({ body, status: 422 });
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'validation-failed' });
      expect(JSON.stringify(response.body)).toMatch(detail);
    }
    // The fetcher's SSRF policy: private and metadata addresses always, loopback unless FETCH_ALLOW_LOOPBACK.
    for (const [api, target] of [
      [client, 'http://10.1.2.3/hook'],
      [client, 'http://169.254.169.254/latest/meta-data'],
      [strict, 'http://127.0.0.1:9/hook'],
      [strict, 'http://localhost:9/hook'],
    ] as const) {
      const response = await api.post('/v1/subscriptions', { url: target });
      expect({ target, status: response.status, code: response.body.code }).toEqual({ target, status: 422, code: 'url-refused' });
    }
    const loopback = await client.post('/v1/subscriptions', { url: 'http://127.0.0.1:9/hook' });
    expect(loopback.status).toBe(201);
    expect((await client.request('DELETE', `/v1/subscriptions/${loopback.body.id as string}`)).status).toBe(204);

    const patched = await client.request('PATCH', `/v1/subscriptions/${id}`, {
      name: 'Website',
      format: 'ninjs',
      events: ['article.killed'],
      filters: { topics: ['11000000', 'http://cv.iptc.org/newscodes/mediatopic/20000574'], query: 'election' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Website',
      format: 'ninjs',
      events: ['article.killed'],
      filters: { topics: ['medtop:11000000', 'medtop:20000574'], query: 'election' },
    });
    expect((await client.request('PATCH', `/v1/subscriptions/${id}`, { url: 'http://10.0.0.1/' })).body).toMatchObject({
      status: 422,
      code: 'url-refused',
    });
    expect((await strict.request('PATCH', `/v1/subscriptions/${id}`, { url: 'http://127.0.0.1:9/' })).body).toMatchObject({
      status: 422,
      code: 'url-refused',
    });
    expect((await client.request('PATCH', `/v1/subscriptions/${id}`, { status: 'asleep' })).status).toBe(422);
    expect((await client.request('PATCH', `/v1/subscriptions/${id}`, { url: null })).status).toBe(422);
    expect((await client.request('PATCH', `/v1/subscriptions/${id}`, { status: 'paused' })).body).toMatchObject({ status: 'paused' });
    expect((await client.get<{ items: Array<{ id: string }> }>('/v1/subscriptions?status=paused')).body.items.map((s) => s.id)).toEqual([
      id,
    ]);
    expect((await client.request('PATCH', `/v1/subscriptions/${id}`, { status: 'disabled' })).body).toMatchObject({
      status: 'disabled',
      disabledReason: expect.any(String),
    });

    expect((await client.request('DELETE', `/v1/subscriptions/${id}`)).status).toBe(204);
    const gone = await client.get(`/v1/subscriptions/${id}`);
    expect(gone).toMatchObject({ status: 404, body: { code: 'subscription-not-found' } });
    expect(gone.contentType).toMatch(/^application\/problem\+json/);
    expect((await client.request('DELETE', `/v1/subscriptions/${id}`)).status).toBe(404);
    expect((await client.get<{ items: Array<{ id: string }> }>('/v1/subscriptions')).body.items.map((s) => s.id)).not.toContain(id);
    expect((await client.request('PATCH', '/v1/subscriptions/7f3c2a1e-0000-4000-8000-000000000000', { name: 'x' })).status).toBe(404);
    expect((await client.get('/v1/subscriptions/not-a-uuid')).status).toBe(400);
    expect((await client.withKey(null).get('/v1/subscriptions')).status).toBe(401);
  });

  it('rotates a secret: both sign during the overlap, only the new one after it', async () => {
    const hook = await subscriber();
    const { id, secret: first } = await createSubscription(stack.client, { url: hook.url });
    const delivered = async (label: string) => {
      const articleId = await pushArticle(stack.client, story(label));
      return waitUntil(stack, () => acceptedEvents(hook, articleId)[0]?.delivery);
    };
    const verifies = (delivery: { headers: Record<string, unknown>; body: string }, secret: string): boolean => {
      try {
        verify({ headers: delivery.headers as Record<string, string>, body: delivery.body, secrets: [secret] });
        return true;
      } catch {
        return false;
      }
    };

    const before = await delivered('Rotate-before');
    expect(verifies(before, first)).toBe(true);
    // At rest the secret is sealed with SECRETS_KEY: the row alone signs nothing.
    const [{ secrets: stored }] = await stack.sql<{ secrets: string }>(`SELECT secrets::text AS secrets FROM subscriptions WHERE id = $1`, [
      id,
    ]);
    expect(stored).not.toContain(first);
    expect(stored).not.toContain('whsec_');

    const rotated = await stack.client.post(`/v1/subscriptions/${id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    const second = rotated.body.secret as string;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    expect(Math.abs(Date.parse(rotated.body.previousValidUntil as string) - (Date.now() + 86_400_000))).toBeLessThan(120_000);
    const during = await delivered('Rotate-during');
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect([verifies(during, first), verifies(during, second)]).toEqual([true, true]);

    const again = await stack.client.post(`/v1/subscriptions/${id}/rotate-secret`, { overlapSeconds: 0 });
    expect(again.body.previousValidUntil).toBeNull();
    const third = again.body.secret as string;
    const after = await delivered('Rotate-after');
    expect([verifies(after, first), verifies(after, second), verifies(after, third)]).toEqual([false, false, true]);

    expect((await stack.client.post(`/v1/subscriptions/${id}/rotate-secret`, { overlapSeconds: -1 })).status).toBe(422);
    expect((await stack.client.post('/v1/subscriptions/7f3c2a1e-0000-4000-8000-000000000000/rotate-secret', {})).status).toBe(404);
    await stack.client.request('DELETE', `/v1/subscriptions/${id}`);
  });

  it('sends creations, updates and kills in ninjs 3.1 (schema-valid) and native JSON, in order', async () => {
    const ninjs = await subscriber();
    const native = await subscriber();
    const { id: ninjsId } = await createSubscription(stack.client, { url: ninjs.url, format: 'ninjs' });
    const { id: nativeId } = await createSubscription(stack.client, { url: native.url });
    const article = story('Formats', { externalId: 'formats-1' });
    const articleId = await pushArticle(stack.client, article);
    await waitUntil(stack, () => acceptedEvents(ninjs, articleId).length === 1 && acceptedEvents(native, articleId).length === 1);
    await pushArticle(stack.client, { ...article, body: `${article.body}<p>The operator apologised.</p>` });
    await waitUntil(stack, () => acceptedEvents(ninjs, articleId).length === 2 && acceptedEvents(native, articleId).length === 2);
    const killed = await stack.client.post(`/v1/articles/${articleId}/kill`, { reason: 'Legal' });
    expect(killed.status).toBe(200);
    await waitUntil(stack, () => acceptedEvents(ninjs, articleId).length === 3 && acceptedEvents(native, articleId).length === 3);

    const ninjsEvents = acceptedEvents(ninjs, articleId);
    expect(ninjsEvents.map((e) => e.type)).toEqual(['article.created', 'article.updated', 'article.killed']);
    for (const event of ninjsEvents) expectValidNinjs(event.data);
    expect(ninjsEvents[0].data).toMatchObject({
      type: 'text',
      version: '1',
      pubStatus: 'usable',
      headlines: [{ role: 'main', value: article.title }],
      by: 'Ana Ruiz',
    });
    expect(String(ninjsEvents[0].data.uri)).toMatch(new RegExp(`/v1/articles/${articleId}$`));
    expect(ninjsEvents[1].data).toMatchObject({ version: '2', pubStatus: 'usable' });
    expect(ninjsEvents[2].data).toMatchObject({ pubStatus: 'canceled', representationType: 'partial' });
    expect(ninjsEvents[2].data.bodies).toBeUndefined();

    const nativeEvents = acceptedEvents(native, articleId);
    expect(nativeEvents.map((e) => e.type)).toEqual(['article.created', 'article.updated', 'article.killed']);
    expect(nativeEvents[0].data).toMatchObject({
      schemaVersion: 1,
      id: articleId,
      revision: 1,
      status: 'published',
      title: article.title,
      byline: 'Ana Ruiz',
    });
    expect(nativeEvents[1].data.bodyText).toMatch(/apologised/);
    expect(nativeEvents[2].data).toMatchObject({ status: 'killed', bodyText: null, bodyHtml: null, description: null });
    // Nothing internal leaks into the native JSON.
    const topics = nativeEvents[0].data.topics as Array<Record<string, unknown>>;
    for (const topic of topics) expect(Object.keys(topic).sort()).toEqual(['ancestors', 'confidence', 'label', 'qcode', 'uri']);
    await stack.client.request('DELETE', `/v1/subscriptions/${ninjsId}`);
    await stack.client.request('DELETE', `/v1/subscriptions/${nativeId}`);
  });

  it('labels each delivery with its format: a text subscription gets a plain-text story as text/plain', async () => {
    const text = await subscriber();
    const native = await subscriber();
    const { id: textId } = await createSubscription(stack.client, { url: text.url, format: 'text' });
    const { id: nativeId } = await createSubscription(stack.client, { url: native.url });
    const article = story('Teleprinter', { externalId: 'teleprinter-1' });
    const articleId = await pushArticle(stack.client, article);
    const [wire] = await waitUntil(stack, () => {
      const found = text.accepted().filter((d) => d.body.includes(articleId));
      return found.length === 1 && acceptedEvents(native, articleId).length === 1 && found;
    });
    expect(wire.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(wire.body).toMatch(new RegExp(`^NEW ${articleId} rev 1 `));
    expect(wire.body).toContain(article.title.toUpperCase());
    expect(wire.body.endsWith('\n\nEND\n')).toBe(true);
    expect(acceptedEvents(native, articleId)[0].delivery.headers['content-type']).toBe('application/json');
    await stack.client.request('DELETE', `/v1/subscriptions/${textId}`);
    await stack.client.request('DELETE', `/v1/subscriptions/${nativeId}`);
  });

  it('a kill cancels an update not yet delivered: the update never arrives after the kill', async () => {
    const hook = await subscriber();
    // Updates are refused for now, with a long Retry-After: the update waits in its retry schedule.
    hook.script(({ body }) =>
      (JSON.parse(body) as { type: string }).type === 'article.updated'
        ? { status: 503, headers: { 'retry-after': '120' } }
        : { status: 204 },
    );
    const { id: subscriptionId } = await createSubscription(stack.client, { url: hook.url });
    const article = story('Superseded', { externalId: 'superseded-1' });
    const articleId = await pushArticle(stack.client, article);
    await waitUntil(stack, () => acceptedEvents(hook, articleId).length === 1);
    await pushArticle(stack.client, { ...article, body: `${article.body}<p>Correction follows.</p>` });
    await waitFor(
      async () => (await deliveryRows(stack, { subscriptionId, articleId })).some((d) => d.event === 'article.updated' && d.attempts >= 1),
      {
        timeoutMs: 60_000,
        describe: stack.logs,
      },
    );

    expect((await stack.client.post(`/v1/articles/${articleId}/kill`, { reason: 'Withdrawn' })).status).toBe(200);
    await waitUntil(stack, () => acceptedEvents(hook, articleId).some((e) => e.type === 'article.killed'));
    hook.script(null);

    // The worker records the kill's answer after the subscriber has it: wait for the row, not the request.
    const rows = await waitUntil(stack, async () => {
      const found = await deliveryRows(stack, { subscriptionId, articleId });
      return found.find((d) => d.event === 'article.killed')?.status === 'delivered' ? found : undefined;
    });
    expect(rows.map((d) => [d.event, d.status])).toEqual([
      ['article.created', 'delivered'],
      ['article.updated', 'cancelled'],
      ['article.killed', 'delivered'],
    ]);
    expect(acceptedEvents(hook, articleId).map((e) => e.type)).toEqual(['article.created', 'article.killed']);
    const requests = requestedEvents(hook, articleId).map((e) => e.type);
    expect(requests.slice(requests.indexOf('article.killed'))).toEqual(['article.killed']);
    // Replaying anything but the kill of a killed article is refused.
    const replay = await stack.client.post(`/v1/deliveries/${rows[1].id}/replay`, {});
    expect(replay).toMatchObject({ status: 409, body: { code: 'conflict' } });
    await stack.client.request('DELETE', `/v1/subscriptions/${subscriptionId}`);
  });

  it('holds an embargoed article until its time, and never delivers one killed before it', async () => {
    const hook = await subscriber();
    const { id: subscriptionId } = await createSubscription(stack.client, { url: hook.url, format: 'ninjs' });
    // Far enough ahead that both articles are routed and one killed before it, even on a loaded machine: the test
    // proves nothing (and fails) if the embargo lapses before the kill.
    const embargoUntil = new Date(Date.now() + 30_000);
    const held = await pushArticle(stack.client, story('Embargoed', { embargoUntil: embargoUntil.toISOString() }));
    const killedEarly = await pushArticle(stack.client, story('Spiked', { embargoUntil: embargoUntil.toISOString() }));
    await waitFor(async () => (await deliveryRows(stack, { subscriptionId })).length === 2, { timeoutMs: 60_000, describe: stack.logs });
    expect(hook.received).toHaveLength(0);

    expect((await stack.client.post(`/v1/articles/${killedEarly}/kill`, { reason: 'Spiked before release' })).status).toBe(200);
    await waitFor(async () => (await deliveryRows(stack, { subscriptionId, articleId: killedEarly }))[0]?.status === 'cancelled', {
      timeoutMs: 60_000,
      describe: stack.logs,
    });

    const [event] = await waitUntil(stack, () => acceptedEvents(hook, held).length === 1 && acceptedEvents(hook, held));
    expect(event.delivery.arrivedAt).toBeGreaterThanOrEqual(embargoUntil.getTime());
    expect(Number(event.delivery.headers['webhook-timestamp'])).toBeGreaterThanOrEqual(Math.floor(embargoUntil.getTime() / 1000));
    expectValidNinjs(event.data);
    expect(event.data).toMatchObject({ pubStatus: 'usable', embargoedUntil: embargoUntil.toISOString() });

    // The held article arriving proves the embargo time has passed and been acted on: the killed one never went.
    expect(requestedEvents(hook, killedEarly)).toEqual([]);
    expect((await deliveryRows(stack, { subscriptionId, articleId: killedEarly })).map((d) => [d.event, d.status])).toEqual([
      ['article.created', 'cancelled'],
    ]);
    await stack.client.request('DELETE', `/v1/subscriptions/${subscriptionId}`);
  });
});
