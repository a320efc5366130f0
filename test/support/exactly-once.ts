import { Client } from 'pg';
import type { ApiClient } from './api-client';
import { e2eSetup, SECRETS_KEY } from './e2e-setup';
import { type AppName, type RunningApp, startApp, waitFor, waitForHealthy } from './processes';
import { startSubscriber, type SubscriberServer } from './subscriber-server';

const TOPICS = ['harbour', 'library', 'railway', 'festival', 'hospital', 'school', 'bridge', 'market', 'stadium', 'airport'];

/** A distinct story per index: different words throughout, so each is an article of its own. */
function story(i: number): { title: string; body: string } {
  const topic = `${TOPICS[i % TOPICS.length]} ${Math.floor(i / TOPICS.length) + 1}`;
  const words = `${topic} plan number ${i}`;
  return {
    title: `Council backs the ${words}`,
    body: [
      `The council voted on Tuesday to back the ${words}, after a debate that lasted most of the evening.`,
      `Supporters of the ${words} said it would bring work to the town; opponents asked who would pay for it.`,
      `A final decision on the ${words} is expected in the spring, once the budget for ${2026 + i} is agreed.`,
    ]
      .map((p) => `<p>${p}</p>`)
      .join(''),
  };
}

export interface ExactlyOnceResult {
  articleIds: string[];
  /** Per article id, the `article.created` events the subscriber accepted. */
  createdEvents: Map<string, number>;
  /** webhook-id values seen more than once. */
  repeatedMessageIds: string[];
  rows: { articles: number; revisions: number; processedRawItems: number; rawItems: number; deliveries: number; delivered: number };
}

/**
 * Runs the API and `workers` processes of each worker app against one database and one Redis (`env` may point the
 * processes at another Redis, e.g. a cluster), pushes `count` distinct articles from several clients at once, and
 * every third one a second time unchanged (a CMS retrying), and waits until the subscriber has every article.
 */
export async function pushThroughScaledPipeline(options: {
  label: string;
  workers: number;
  count: number;
  env?: Record<string, string>;
}): Promise<ExactlyOnceResult> {
  const { environment, env, client } = await e2eSetup(options.label, { FETCH_ALLOW_LOOPBACK: 'true', SECRETS_KEY, ...options.env });
  const names: AppName[] = ['ingest-worker', 'enrichment-worker', 'publish-worker'];
  const apps: RunningApp[] = [
    startApp('api', env),
    ...names.flatMap((name) => Array.from({ length: options.workers }, () => startApp(name, env))),
  ];
  const logs = (): string => apps.map((app) => `--- ${app.name}\n${app.output().slice(-2000)}`).join('\n');
  const subscriber: SubscriberServer = await startSubscriber();
  const db = new Client({ connectionString: environment.databaseUrl });
  await db.connect();
  try {
    await waitForHealthy(client.baseUrl, apps[0]);
    const created = await client.post('/v1/subscriptions', { url: subscriber.url });
    if (created.status !== 201) throw new Error(`subscription answered ${created.status}`);

    const articleIds = await pushConcurrently(client, options.count);
    let received = countReceived(subscriber);
    await waitFor(
      async () => {
        received = countReceived(subscriber);
        return articleIds.every((id) => received.createdEvents.has(id));
      },
      { timeoutMs: 180_000, intervalMs: 250, describe: logs },
    );
    // Settled: every input read and no delivery left pending, so nothing is left that could still send a duplicate.
    await waitFor(
      async () => {
        const [{ busy }] = (
          await db.query<{ busy: number }>(
            `SELECT (SELECT count(*)::int FROM raw_items WHERE status = 'received') + (SELECT count(*)::int FROM deliveries WHERE status = 'pending') AS busy`,
          )
        ).rows;
        return busy === 0;
      },
      { timeoutMs: 60_000, intervalMs: 250, describe: logs },
    );
    const { createdEvents, repeated } = countReceived(subscriber);
    const [rows] = (
      await db.query<ExactlyOnceResult['rows']>(
        `SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM article_revisions) AS revisions,
                (SELECT count(*)::int FROM raw_items WHERE status = 'processed') AS "processedRawItems", (SELECT count(*)::int FROM raw_items) AS "rawItems",
                (SELECT count(*)::int FROM deliveries) AS deliveries, (SELECT count(*)::int FROM deliveries WHERE status = 'delivered' AND attempts = 1) AS delivered`,
      )
    ).rows;
    return { articleIds, createdEvents, repeatedMessageIds: [...repeated], rows };
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await subscriber.close();
    await db.end();
  }
}

/** `count` distinct stories from eight clients at once, every third sent twice (a CMS retrying); the article ids. */
async function pushConcurrently(client: ApiClient, count: number): Promise<string[]> {
  const pushes = Array.from({ length: count }, (_, i) => ({ ...story(i), externalId: `scale-${i}` }));
  const retries = pushes.filter((_, i) => i % 3 === 0);
  const queue = [...pushes, ...retries];
  const ids = new Map<string, string>();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let push = queue.shift(); push; push = queue.shift()) {
        const response = await client.post('/v1/articles', push);
        if (response.status !== 202) throw new Error(`push answered ${response.status}: ${JSON.stringify(response.body)}`);
        const id = response.body.id as string;
        if (ids.has(push.externalId) && ids.get(push.externalId) !== id) throw new Error(`${push.externalId} got two article ids`);
        ids.set(push.externalId, id);
      }
    }),
  );
  return [...new Set(ids.values())];
}

/** What the subscriber took so far: `article.created` events per article, and webhook-ids it saw more than once. */
function countReceived(subscriber: SubscriberServer): { createdEvents: Map<string, number>; repeated: Set<string> } {
  const createdEvents = new Map<string, number>();
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const delivery of subscriber.accepted()) {
    const messageId = String(delivery.headers['webhook-id']);
    if (seen.has(messageId)) repeated.add(messageId);
    seen.add(messageId);
    const event = JSON.parse(delivery.body) as { type: string; data: { id: string } };
    if (event.type === 'article.created') createdEvents.set(event.data.id, (createdEvents.get(event.data.id) ?? 0) + 1);
  }
  return { createdEvents, repeated };
}
