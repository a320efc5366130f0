import { createHash, randomBytes } from 'node:crypto';
import { waitFor } from './support/processes';
import {
  acceptedEvents,
  createSubscription,
  type PublishStack,
  pushArticle,
  startPublishStack,
  storyBody,
  waitForArticle,
} from './support/publish-stack';
import { startSubscriber, type SubscriberServer } from './support/subscriber-server';

jest.setTimeout(240_000);

const TITLE = 'Councillor named in planning inquiry';
const SECRET_WORD = 'Zanzibarquill';

/**
 * An administrator's takedown (DELETE /v1/articles/:id?hard=true): the content goes from everywhere it is stored,
 * the subscribers that may hold the article hear `article.killed` (without the content), the ones that never got it
 * hear nothing, and an audit record remains that says who, when and why, without the content.
 */
describe('takedown: an article removed for good', () => {
  let stack: PublishStack;
  let holder: SubscriberServer;
  let paused: SubscriberServer;
  let late: SubscriberServer;

  beforeAll(async () => {
    [holder, paused, late] = await Promise.all([startSubscriber(), startSubscriber(), startSubscriber()]);
    stack = await startPublishStack('takedown', ['ingest-worker', 'enrichment-worker', 'publish-worker'], {});
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([holder, paused, late].map((server) => server?.close()));
  });

  it('deletes the content everywhere, tells the subscribers that had it, and keeps an audit record without content', async () => {
    const { client } = stack;
    await createSubscription(client, { url: holder.url });
    // Paused before the article arrives: its delivery waits, pending, and must go with the article.
    const pausedSubscription = await createSubscription(client, { url: paused.url });
    expect((await client.request('PATCH', `/v1/subscriptions/${pausedSubscription.id}`, { status: 'paused' })).status).toBe(200);

    const body = storyBody(`${SECRET_WORD} appeared before the planning inquiry on Tuesday.`, [
      `The inquiry heard that ${SECRET_WORD} had declared no interest in the harbour development.`,
    ]);
    const id = await pushArticle(client, { title: TITLE, body, externalId: 'takedown-1', url: 'https://news.example.com/inquiry' });
    // An update: a second revision and a second raw input.
    await waitForArticle(stack, id, (article) => article.status === 'published');
    await pushArticle(client, { title: `${TITLE} (updated)`, body, externalId: 'takedown-1' });
    await waitForArticle(stack, id, (article) => article.revision === 2 && article.status === 'published');
    await waitFor(async () => acceptedEvents(holder, id).length === 2, { timeoutMs: 60_000, describe: stack.logs });
    // Subscribed after the fact: never had the article.
    await createSubscription(client, { url: late.url });
    const [pending] = await stack.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries WHERE article_id = $1 AND status = 'pending'`,
      [id],
    );
    expect(pending.n).toBeGreaterThan(0);

    // Refused: no hard=true, no reason, not an admin key, no such article.
    const refusedSoft = await client.request('DELETE', `/v1/articles/${id}?reason=legal`);
    expect(refusedSoft.status).toBe(422);
    expect(refusedSoft.contentType).toMatch(/^application\/problem\+json/);
    expect((await client.request('DELETE', `/v1/articles/${id}?hard=true`)).status).toBe(422);
    const ingestKey = `cdk_${randomBytes(24).toString('base64url')}`;
    await stack.sql(`INSERT INTO api_keys (name, key_hash, key_prefix, scopes) VALUES ('cms', $1, $2, '{ingest}')`, [
      createHash('sha256').update(ingestKey).digest('hex'),
      ingestKey.slice(0, 8),
    ]);
    expect((await client.withKey(ingestKey).request('DELETE', `/v1/articles/${id}?hard=true&reason=legal`)).status).toBe(403);
    expect((await client.request('DELETE', `/v1/articles/00000000-0000-4000-8000-000000000000?hard=true&reason=legal`)).status).toBe(404);

    const taken = await client.request(
      'DELETE',
      `/v1/articles/${id}?hard=true&reason=${encodeURIComponent('Court order 2026/113: defamation')}`,
    );
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ id, killsSent: 1, removed: { revisions: 2, rawItems: 2 } });

    // Gone from every table that held content.
    for (const [table, column] of [
      ['article_revisions', 'article_id'],
      ['raw_items', 'article_id'],
      ['article_fingerprints', 'article_id'],
      ['article_entity_keys', 'article_id'],
      ['editorial_corrections', 'article_id'],
    ]) {
      expect(await stack.sql(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [id])).toEqual([]);
    }
    expect(await stack.sql(`SELECT 1 FROM article_relations WHERE article_id = $1 OR related_article_id = $1`, [id])).toEqual([]);
    const deliveries = await stack.sql<{ event: string; subscription_id: string }>(
      `SELECT event, subscription_id FROM deliveries WHERE article_id = $1`,
      [id],
    );
    expect(deliveries.map((delivery) => delivery.event)).toEqual(['article.killed']);
    const [row] = await stack.sql(`SELECT * FROM articles WHERE id = $1`, [id]);
    expect(row).toMatchObject({
      status: 'killed',
      title: null,
      body_html: null,
      body_text: null,
      url: null,
      external_id: null,
      enrichment: null,
    });
    expect(JSON.stringify(row)).not.toContain(SECRET_WORD);

    // The holder hears the kill, without the content; the paused and the late subscriber hear nothing of it, ever.
    await waitFor(async () => acceptedEvents(holder, id).some((event) => event.type === 'article.killed'), {
      timeoutMs: 60_000,
      describe: stack.logs,
    });
    const kill = acceptedEvents(holder, id).find((event) => event.type === 'article.killed');
    expect(kill?.delivery.body).not.toContain(SECRET_WORD);
    expect(kill?.delivery.body).not.toContain('Councillor');
    expect((await client.request('PATCH', `/v1/subscriptions/${pausedSubscription.id}`, { status: 'active' })).status).toBe(200);
    // Resumed and settled: nothing is pending for the paused or the late subscriber, so nothing can still reach them.
    await waitFor(
      async () =>
        (
          await stack.sql(
            `SELECT 1 FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE s.url = ANY($1) AND d.status = 'pending'`,
            [[paused.url, late.url]],
          )
        ).length === 0,
      { timeoutMs: 60_000, describe: stack.logs },
    );
    expect(paused.received).toEqual([]);
    expect(late.received).toEqual([]);

    // The audit record: who (the installation's admin key: no key id), why, how much; not what.
    const audit = await stack.sql<Record<string, unknown>>(
      `SELECT * FROM audit_log WHERE target_id = $1 AND action = 'article.taken-down'`,
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      target_type: 'article',
      actor_key_id: null,
      actor: 'env admin key',
      details: expect.objectContaining({ reason: 'Court order 2026/113: defamation' }),
    });
    expect(JSON.stringify(audit[0])).not.toContain(SECRET_WORD);
    expect(JSON.stringify(audit[0])).not.toContain('Councillor');

    // Reading it shows a content-free tombstone.
    const read = await client.get(`/v1/articles/${id}`);
    expect(read.body).toMatchObject({ id, status: 'killed', title: null });
    expect(JSON.stringify(read.body)).not.toContain(SECRET_WORD);
  });
});
