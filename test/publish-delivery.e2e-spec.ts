import { sign, verify } from '@copydesk/signing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Webhook } from 'standardwebhooks';
import { waitFor } from './support/processes';
import {
  acceptedEvents,
  createSubscription,
  deliveryRows,
  type PublishStack,
  pushArticle,
  requestedEvents,
  startPublishStack,
  storyBody,
  waitForArticle,
  waitUntil,
} from './support/publish-stack';
import { startSubscriber, type SubscriberServer } from './support/subscriber-server';

jest.setTimeout(240_000);

interface Vector {
  secret: string;
  msg_id: string;
  timestamp: number;
  payload: string;
  expected_signature?: string;
  bad_signature?: string;
}

const vectors = (
  JSON.parse(readFileSync(join(__dirname, 'fixtures/webhooks/standard-webhooks-vectors.json'), 'utf8')) as { vectors: Vector[] }
).vectors;

// The subscriber-facing doc promises a copy-pasteable helper: verify real deliveries with exactly that code.
function docHelper(): (rawBody: string, headers: Record<string, string>, secret: string) => unknown {
  const doc = readFileSync(join(__dirname, '../docs/webhook-verification.md'), 'utf8');
  const block = [...doc.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((match) => match[1])
    .find((code) => code.includes('function verifyCopydeskWebhook'));
  if (!block) throw new Error('docs/webhook-verification.md has no verifyCopydeskWebhook block');
  const context = { require, Buffer, Date, JSON, exported: undefined as unknown };
  runInNewContext(`${block}\nexported = verifyCopydeskWebhook;`, context);
  return context.exported as (rawBody: string, headers: Record<string, string>, secret: string) => unknown;
}

// Five attempts 1 s, 2 s, 3 s and 3 s apart (±20 % jitter): dead after about 9 s.
const RETRY_SCHEDULE = '1s,2s,3s,3s';
const ATTEMPTS = 5;

/**
 * Delivery robustness with real subscribers on 127.0.0.1: Standard Webhooks signatures, retries, a subscriber down
 * and back, 410 Gone, dead deliveries and their replay, and one slow subscriber next to a fast one.
 */
describe('publish: delivery', () => {
  let stack: PublishStack;
  const subscribers: SubscriberServer[] = [];
  const subscriber = async (): Promise<SubscriberServer> => {
    const server = await startSubscriber();
    subscribers.push(server);
    return server;
  };
  const story = (label: string) => ({
    title: `${label}: council report published`,
    body: storyBody(`The ${label} report was published on Monday by the council.`, [
      `Officials said the ${label} findings would be discussed next week.`,
    ]),
  });

  beforeAll(async () => {
    stack = await startPublishStack(
      'pubdelivery',
      ['ingest-worker', 'enrichment-worker', 'publish-worker'],
      { DELIVERY_RETRY_SCHEDULE: RETRY_SCHEDULE, DELIVERY_TIMEOUT_MS: '6000' },
      // One slot per worker: 16 deliver jobs at once and at most 4 in flight per subscription, so the
      // slow-subscriber test needs few articles to fill a worker.
      { 'publish-worker': { WORKER_CONCURRENCY: '1' } },
    );
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all(subscribers.map((server) => server.close()));
  });

  it('signs exactly like the Standard Webhooks reference vectors', () => {
    for (const vector of vectors) {
      const message = { id: vector.msg_id, timestamp: vector.timestamp, body: vector.payload };
      const now = new Date(vector.timestamp * 1000);
      if (vector.expected_signature) {
        expect(sign({ ...message, secret: vector.secret })).toBe(vector.expected_signature);
        const headers = {
          'webhook-id': vector.msg_id,
          'webhook-timestamp': String(vector.timestamp),
          'webhook-signature': vector.expected_signature,
        };
        expect(() => verify({ headers, body: vector.payload, secrets: [vector.secret], now })).not.toThrow();
      }
      if (vector.bad_signature) {
        const headers = {
          'webhook-id': vector.msg_id,
          'webhook-timestamp': String(vector.timestamp),
          'webhook-signature': vector.bad_signature,
        };
        expect(() => verify({ headers, body: vector.payload, secrets: [vector.secret], now })).toThrow();
      }
    }
  });

  it('retries with the same webhook-id and a fresh timestamp and signature, each verifying with standardwebhooks, our verifier and the doc helper', async () => {
    const hook = await subscriber();
    // The first attempt is refused with a Retry-After of 2 s, so the retry carries a later timestamp.
    hook.script(({ index }) => (index === 0 ? { status: 503, headers: { 'retry-after': '2' }, body: 'busy' } : { status: 204 }));
    const { id: subscriptionId, secret } = await createSubscription(stack.client, { url: hook.url });
    const articleId = await pushArticle(stack.client, story('Signed'));
    await waitUntil(stack, () => acceptedEvents(hook, articleId).length === 1);

    const requests = requestedEvents(hook, articleId);
    expect(requests.map((r) => r.delivery.status)).toEqual([503, 204]);
    const [first, second] = requests.map((r) => r.delivery.headers as Record<string, string>);
    expect(second['webhook-id']).toBe(first['webhook-id']);
    expect(Number(second['webhook-timestamp'])).toBeGreaterThan(Number(first['webhook-timestamp']));
    expect(second['webhook-signature']).not.toBe(first['webhook-signature']);
    expect(requests[1].delivery.arrivedAt - requests[0].delivery.arrivedAt).toBeGreaterThanOrEqual(1900);

    const verifyDoc = docHelper();
    for (const request of requests) {
      const headers = request.delivery.headers as Record<string, string>;
      expect(() => new Webhook(secret).verify(request.delivery.body, headers)).not.toThrow();
      expect(() => verify({ headers, body: request.delivery.body, secrets: [secret] })).not.toThrow();
      expect(verifyDoc(request.delivery.body, headers, secret)).toMatchObject({ type: 'article.created', data: { id: articleId } });
      expect(headers['content-type']).toBe('application/json');
    }

    // The subscriber's answer arrives before the worker records it: wait for the row, not the request.
    const delivery = await waitUntil(stack, async () => {
      const [row] = await deliveryRows(stack, { subscriptionId });
      return row?.status === 'delivered' ? row : undefined;
    });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, event_id: first['webhook-id'] });
    const detail = await stack.client.get<{ attempts: Array<Record<string, unknown>> }>(`/v1/deliveries/${delivery.id}`);
    expect(detail.body.attempts).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'retry', responseCode: 503, responseBody: 'busy', nextAttemptAt: expect.any(String) }),
      expect.objectContaining({ attempt: 2, outcome: 'delivered', responseCode: 204, nextAttemptAt: null }),
    ]);
    expect(await stack.client.request('DELETE', `/v1/subscriptions/${subscriptionId}`)).toMatchObject({ status: 204 });
  });

  it('a subscriber down and back gets every event, each article in order, once per event id', async () => {
    const hook = await subscriber();
    await hook.down();
    const { id: subscriptionId } = await createSubscription(stack.client, { url: hook.url });
    const labels = ['Down-one', 'Down-two', 'Down-three'];
    const ids = await Promise.all(labels.map((label, i) => pushArticle(stack.client, { ...story(label), externalId: `down-${i}` })));
    const rows = () => deliveryRows(stack, { subscriptionId });
    // Every creation has failed at least once against the closed port...
    await waitFor(async () => (await rows()).filter((d) => d.event === 'article.created' && d.attempts >= 1).length === 3, {
      timeoutMs: 60_000,
      describe: stack.logs,
    });
    // ...then each article is updated; the update waits behind its creation.
    await Promise.all(
      labels.map((label, i) =>
        pushArticle(stack.client, {
          ...story(label),
          body: `${story(label).body}<p>Update: ${label} corrected.</p>`,
          externalId: `down-${i}`,
        }),
      ),
    );
    await waitFor(
      async () => (await rows()).filter((d) => d.event === 'article.updated' && d.waiting_for === 'earlier-event').length === 3,
      {
        timeoutMs: 60_000,
        describe: stack.logs,
      },
    );
    expect(hook.received).toHaveLength(0);

    await hook.up();
    await waitFor(async () => (await rows()).every((d) => d.status === 'delivered') && (await rows()).length === 6, {
      timeoutMs: 60_000,
      describe: stack.logs,
    });

    for (const id of ids) {
      const events = acceptedEvents(hook, id);
      expect(events.map((e) => e.type)).toEqual(['article.created', 'article.updated']);
      expect(events.map((e) => e.data.revision)).toEqual([1, 2]);
    }
    const eventIds = acceptedEvents(hook).map((e) => e.eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    expect(new Set(eventIds)).toEqual(new Set((await rows()).map((d) => d.event_id)));

    const failedAttempts = await stack.sql<{ error: string }>(
      `SELECT a.error FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.subscription_id = $1 AND a.outcome = 'retry'`,
      [subscriptionId],
    );
    expect(failedAttempts.length).toBeGreaterThanOrEqual(3);
    expect(failedAttempts.every((a) => /connection error/.test(a.error))).toBe(true);
    await stack.client.request('DELETE', `/v1/subscriptions/${subscriptionId}`);
  });

  it('410 Gone disables the subscription: nothing more is routed to it until it is re-enabled', async () => {
    const gone = await subscriber();
    const control = await subscriber();
    gone.respondWith(410);
    const { id: goneId } = await createSubscription(stack.client, { url: gone.url });
    const { id: controlId } = await createSubscription(stack.client, { url: control.url });

    const first = await pushArticle(stack.client, story('Gone-first'));
    await waitFor(async () => (await stack.client.get(`/v1/subscriptions/${goneId}`)).body.status === 'disabled', {
      timeoutMs: 60_000,
      describe: stack.logs,
    });
    const disabled = (await stack.client.get(`/v1/subscriptions/${goneId}`)).body;
    expect(disabled.disabledReason).toMatch(/410/);
    expect((await deliveryRows(stack, { subscriptionId: goneId, articleId: first }))[0]).toMatchObject({ status: 'failed', attempts: 1 });

    const second = await pushArticle(stack.client, story('Gone-second'));
    await waitUntil(stack, () => acceptedEvents(control, second).length === 1);
    expect(await deliveryRows(stack, { subscriptionId: goneId, articleId: second })).toEqual([]);
    expect(gone.received).toHaveLength(1);

    gone.respondWith(204);
    const enabled = await stack.client.request('PATCH', `/v1/subscriptions/${goneId}`, { status: 'active' });
    expect(enabled.body).toMatchObject({ status: 'active', disabledReason: null });
    const third = await pushArticle(stack.client, story('Gone-third'));
    await waitUntil(stack, () => acceptedEvents(gone, third).length === 1);
    // Re-enabling does not resend what was missed while disabled: a bulk replay would.
    expect(acceptedEvents(gone, second)).toHaveLength(0);
    await stack.client.request('DELETE', `/v1/subscriptions/${goneId}`);
    await stack.client.request('DELETE', `/v1/subscriptions/${controlId}`);
  });

  it('a delivery is dead after the last retry, 4xx fails at once, and both replay one by one or in bulk', async () => {
    const hook = await subscriber();
    hook.script(({ body }) => (body.includes('Refused-') ? { status: 400, body: 'bad payload' } : { status: 500, body: 'boom' }));
    const { id: subscriptionId } = await createSubscription(stack.client, { url: hook.url });
    const [deadOne, deadTwo, refused] = await Promise.all([
      pushArticle(stack.client, story('Dead-one')),
      pushArticle(stack.client, story('Dead-two')),
      pushArticle(stack.client, story('Refused-one')),
    ]);
    const rows = () => deliveryRows(stack, { subscriptionId });
    await waitFor(
      async () => (await rows()).filter((d) => d.status === 'dead').length === 2 && (await rows()).some((d) => d.status === 'failed'),
      {
        timeoutMs: 90_000,
        describe: stack.logs,
      },
    );
    const byArticle = new Map((await rows()).map((d) => [d.article_id, d]));
    expect(byArticle.get(deadOne)).toMatchObject({ status: 'dead', attempts: ATTEMPTS });
    expect(byArticle.get(refused)).toMatchObject({ status: 'failed', attempts: 1 });

    // Paged, newest first.
    const page1 = await stack.client.get<{ items: Array<{ id: string; status: string }>; nextCursor: string | null }>(
      `/v1/subscriptions/${subscriptionId}/deliveries?status=dead&limit=1`,
    );
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await stack.client.get<{ items: Array<{ id: string }>; nextCursor: string | null }>(
      `/v1/subscriptions/${subscriptionId}/deliveries?status=dead&limit=1&cursor=${page1.body.nextCursor as string}`,
    );
    expect(page2.body.nextCursor).toBeNull();
    expect(new Set([page1.body.items[0].id, page2.body.items[0].id])).toEqual(
      new Set([byArticle.get(deadOne)?.id, byArticle.get(deadTwo)?.id]),
    );

    const deadId = byArticle.get(deadOne)?.id as string;
    const detail = await stack.client.get<{
      status: string;
      eventId: string;
      attempts: Array<Record<string, unknown>>;
      payload: { type: string };
    }>(`/v1/deliveries/${deadId}`);
    expect(detail.body.status).toBe('dead');
    expect(detail.body.payload.type).toBe('article.created');
    expect(detail.body.attempts).toHaveLength(ATTEMPTS);
    expect(detail.body.attempts.every((a) => a.responseCode === 500 && a.responseBody === 'boom' && typeof a.latencyMs === 'number')).toBe(
      true,
    );
    expect(detail.body.attempts.slice(0, -1).every((a) => typeof a.nextAttemptAt === 'string')).toBe(true);
    expect(detail.body.attempts.at(-1)).toMatchObject({ outcome: 'failed', nextAttemptAt: null });

    // The subscriber is fixed: replay one, then the rest in bulk.
    hook.script(null);
    hook.respondWith(204);
    const replayed = await stack.client.post(`/v1/deliveries/${deadId}/replay`, {});
    expect(replayed.status).toBe(202);
    expect(replayed.body).toMatchObject({ status: 'pending', replays: 1 });
    await waitUntil(stack, () => acceptedEvents(hook, deadOne).length === 1);
    expect(acceptedEvents(hook, deadOne)[0].eventId).toBe(detail.body.eventId);
    const redelivered = await waitUntil(stack, async () => {
      const { body } = await stack.client.get<{ status: string }>(`/v1/deliveries/${deadId}`);
      return body.status === 'delivered' ? body : undefined;
    });
    expect(redelivered).toMatchObject({ status: 'delivered', attemptCount: ATTEMPTS + 1 });

    const bulk = await stack.client.post(`/v1/subscriptions/${subscriptionId}/replay`, { status: ['dead', 'failed'] });
    expect(bulk).toMatchObject({ status: 202, body: { replayed: 2, truncated: false } });
    await waitFor(async () => (await rows()).every((d) => d.status === 'delivered'), { timeoutMs: 60_000, describe: stack.logs });
    expect(acceptedEvents(hook, deadTwo)).toHaveLength(1);
    expect(acceptedEvents(hook, refused)).toHaveLength(1);

    // Errors are problem+json.
    const unknown = await stack.client.post('/v1/deliveries/7f3c2a1e-0000-4000-8000-000000000000/replay', {});
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ code: 'delivery-not-found' });
    expect((await stack.client.get('/v1/deliveries/not-a-uuid')).status).toBe(400);
    const badStatus = await stack.client.post(`/v1/subscriptions/${subscriptionId}/replay`, { status: ['pending'] });
    expect(badStatus.status).toBe(422);
    expect(badStatus.contentType).toMatch(/^application\/problem\+json/);
    await stack.client.request('DELETE', `/v1/subscriptions/${subscriptionId}`);
  });

  it('one slow subscriber never delays the others', async () => {
    const slow = await subscriber();
    const fast = await subscriber();
    // Each answer takes 4 s: with its 4 slots the slow subscriber takes at most 4 deliveries every 4 s.
    slow.respondWith(204, 4000);
    const { id: slowId } = await createSubscription(stack.client, { url: slow.url });
    const { id: fastId } = await createSubscription(stack.client, { url: fast.url });
    // Both paused while the articles go through the pipeline, then let go at once (the slow one first): however long
    // a loaded machine takes to publish the articles, the slow subscriber cannot take more than its share meanwhile.
    for (const id of [slowId, fastId]) {
      expect((await stack.client.request('PATCH', `/v1/subscriptions/${id}`, { status: 'paused' })).status).toBe(200);
    }
    // Enough that the slow subscriber's share (4 every 4 s) stays under half of them until 8 s after the resume.
    const count = 16;
    const ids = await Promise.all(Array.from({ length: count }, (_, i) => pushArticle(stack.client, story(`Busy-${i}`))));
    await Promise.all(ids.map((id) => waitForArticle(stack, id, (a) => a.status === 'published')));
    await waitUntil(stack, async () => {
      const held = await stack.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = ANY($1::uuid[]) AND waiting_for = 'resume'`,
        [[slowId, fastId]],
      );
      return held[0].n === 2 * count;
    });
    for (const id of [slowId, fastId]) {
      expect((await stack.client.request('PATCH', `/v1/subscriptions/${id}`, { status: 'active' })).status).toBe(200);
    }

    await waitUntil(stack, () => ids.every((id) => acceptedEvents(fast, id).length === 1));
    // Without a per-subscriber cap the slow deliveries would take every worker slot and the fast ones would
    // arrive with them, 4 s later, all at once.
    expect(slow.accepted().length).toBeLessThanOrEqual(count / 2);
    const inFlight = await stack.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND status = 'pending' AND sending_until > now()`,
      [slowId],
    );
    expect(inFlight[0].n).toBeLessThanOrEqual(4);
    await stack.client.request('DELETE', `/v1/subscriptions/${slowId}`);
    await stack.client.request('DELETE', `/v1/subscriptions/${fastId}`);
  });
});
