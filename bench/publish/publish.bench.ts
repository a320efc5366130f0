/**
 * `npm run bench:publish`: deliveries per second from publish worker processes to a local subscriber, with one
 * subscription and with fifty. Each run creates its deliveries directly in a scratch database (the payload a real
 * 600-word article makes), queues one deliver job each, and times until every delivery is recorded as delivered:
 * claim, sign, POST, record the attempt, wake whoever waited.
 *
 * Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL, else the local servers as `npm test` uses) and a build
 * (`nest build`, which the npm script runs). Options: --deliveries=2000 --runs=3 --workers=1.
 */
import { migrateDatabaseAt } from '@copydesk/database';
import { ArticleEventType, JOB_OPTIONS, JobName, QueueName, jobId } from '@copydesk/contracts';
import { benchInt } from '../support/bench-args';
import { benchFolder, databaseUrl as databaseUrlOn, startBenchApp, waitUntil } from '../support/bench-stack';
import { deleteKeys } from '../support/bullmq-drain';
import { buildDeliveryPayload, type ArticleForPublishing } from '@copydesk/delivery';
import { DELIVERY_CONCURRENCY_FACTOR } from '@copydesk/pipeline';
import { redisOptionsFromUrl } from '@copydesk/queue';
import { generateWebhookSecret } from '@copydesk/signing';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Options {
  deliveries: number;
  runs: number;
  workers: number;
}

function options(): Options {
  return { deliveries: benchInt('deliveries', 2000), runs: benchInt('runs', 3), workers: benchInt('workers', 1) };
}

function databaseUrl(name: string): string {
  return databaseUrlOn(ADMIN_URL, name);
}

/** A realistic payload: native JSON of a 600-word article with topics and entities (about 8 KB). */
function samplePayload(): string {
  const words =
    'the harbour council said on tuesday that repairs to the old bridge would take six more weeks and cost more than planned'.split(' ');
  const bodyText = Array.from({ length: 600 }, (_, i) => words[i % words.length]).join(' ');
  const article: ArticleForPublishing = {
    id: '00000000-0000-4000-8000-000000000000',
    revision: 1,
    status: 'published',
    title: 'Harbour bridge repairs to take six more weeks',
    bodyHtml: `<p>${bodyText}</p>`,
    bodyText,
    byline: 'Ana Ruiz',
    authors: ['Ana Ruiz'],
    language: 'en',
    publishedAt: new Date(),
    modifiedAt: new Date(),
    firstCreatedAt: new Date(),
    canonicalUrl: 'https://news.example.com/bridge',
    description: 'Repairs overrun.',
    image: null,
    embargoUntil: null,
    enrichment: {
      topics: [{ qcode: 'medtop:11000000', label: 'politics', confidence: 0.9, ancestors: [] }],
      entities: { people: [{ name: 'Ana Ruiz' }], organisations: [{ name: 'Harbour Council' }], places: [{ name: 'Harbourtown' }] },
      keywords: ['bridge', 'repairs'],
      contentType: 'news',
    },
    source: { id: '00000000-0000-4000-8000-000000000001', slug: 'cms', name: 'CMS push' },
  };
  return buildDeliveryPayload(ArticleEventType.Created, article, 'native', {
    baseUri: 'http://127.0.0.1:3000/v1/articles',
    occurredAt: new Date(),
  });
}

async function startSubscriber(): Promise<{ server: Server; url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/copydesk`, requests: () => requests };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface PublishRig {
  db: Client;
  queue: Queue;
  subscriberUrl: string;
  payload: string;
  sourceId: string;
}

/** `subscriptions` subscriptions sharing `deliveries` pending deliveries, event ids starting with `msg_<tag>`. */
async function seedDeliveries(rig: PublishRig, subscriptions: number, deliveries: number, tag: string) {
  const { db } = rig;
  const perSubscription = Math.ceil(deliveries / subscriptions);
  const subs = await db.query<{ id: string }>(
    `INSERT INTO subscriptions (url, secrets, events, format, filters, status)
     SELECT $1, jsonb_build_array(jsonb_build_object('secret', $2::text, 'createdAt', now(), 'expiresAt', null)),
            ARRAY['article.created', 'article.updated', 'article.killed'], 'native', '{}', 'active'
     FROM generate_series(1, $3) RETURNING id`,
    [rig.subscriberUrl, generateWebhookSecret(), subscriptions],
  );
  const articles = await db.query<{ id: string }>(
    `INSERT INTO articles (id, source_id, status, title, body_text, revision, routed_revision)
     SELECT gen_random_uuid(), $1, 'published', 'Bench article ' || g, 'Bench body.', 1, 1 FROM generate_series(1, $2) g RETURNING id`,
    [rig.sourceId, perSubscription],
  );
  const created = await db.query<{ id: string; article_id: string }>(
    `INSERT INTO deliveries (subscription_id, article_id, event, revision, route_key, event_id, status, attempts, payload, next_attempt_at)
     SELECT s.id, a.id, 'article.created', 1, 'bench', 'msg_' || $3 || replace(gen_random_uuid()::text, '-', ''), 'pending', 0, $4, now()
     FROM unnest($1::uuid[]) s(id) CROSS JOIN unnest($2::uuid[]) a(id) RETURNING id, article_id`,
    [subs.rows.map((r) => r.id), articles.rows.map((r) => r.id), tag, rig.payload],
  );
  return { subscriptionIds: subs.rows.map((r) => r.id), deliveries: created.rows };
}

/** One timed run: queues a deliver job per delivery and waits until all are delivered. Returns deliveries per second. */
async function run(rig: PublishRig, subscriptions: number, deliveries: number, tag: string): Promise<number> {
  const { db, queue } = rig;
  const { subscriptionIds, deliveries: ids } = await seedDeliveries(rig, subscriptions, deliveries, tag);
  const delivered = async (): Promise<number> =>
    Number(
      (
        await db.query<{ n: string }>(`SELECT count(*) AS n FROM deliveries WHERE event_id LIKE $1 AND status = 'delivered'`, [
          `msg_${tag}%`,
        ])
      ).rows[0].n,
    );

  const started = performance.now();
  for (let i = 0; i < ids.length; i += 500) {
    await queue.addBulk(
      ids.slice(i, i + 500).map((row) => ({
        name: JobName.Deliver,
        data: { deliveryId: row.id, articleId: row.article_id, correlationId: `bench-${tag}` },
        opts: { ...JOB_OPTIONS[JobName.Deliver], jobId: jobId('deliver', row.id, 0) },
      })),
    );
  }
  await waitUntil(async () => (await delivered()) >= ids.length, 300_000, `${ids.length} deliveries`, 25);
  const seconds = (performance.now() - started) / 1000;
  const notDelivered = await db.query(
    `SELECT status, count(*) FROM deliveries WHERE event_id LIKE $1 AND status <> 'delivered' GROUP BY status`,
    [`msg_${tag}%`],
  );
  if (notDelivered.rows.length) throw new Error(`run ${tag}: not all delivered: ${JSON.stringify(notDelivered.rows)}`);
  // The subscriptions are done: keep them out of later runs' in-flight counts.
  await db.query(`UPDATE subscriptions SET status = 'disabled' WHERE id = ANY($1::uuid[])`, [subscriptionIds]);
  return ids.length / seconds;
}

/** Warm-up runs, then the timed runs with one subscription and with fifty, printed as a table. */
async function measure(rig: PublishRig, opts: Options): Promise<void> {
  await run(rig, 1, 200, 'w1x');
  await run(rig, 50, 200, 'w50x');
  const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4) * DELIVERY_CONCURRENCY_FACTOR;
  process.stdout.write(
    `publish bench: ${opts.workers} publish worker(s) x ${concurrency} jobs at once (at most ${Math.max(1, Math.floor(concurrency / 4))} in flight per subscription), ` +
      `${(rig.payload.length / 1024).toFixed(1)} KB payloads, a subscriber on 127.0.0.1 answering 204\n`,
  );
  process.stdout.write(`subscriptions  deliveries  median deliveries/s  runs\n`);
  for (const subscriptions of [1, 50]) {
    const rates: number[] = [];
    for (let i = 0; i < opts.runs; i++) rates.push(await run(rig, subscriptions, opts.deliveries, `r${subscriptions}x${i}x`));
    process.stdout.write(
      `${String(subscriptions).padEnd(13)}  ${String(opts.deliveries).padEnd(10)}  ${median(rates).toFixed(0).padEnd(19)}  ${rates.map((r) => r.toFixed(0)).join(', ')}\n`,
    );
  }
}

async function main(): Promise<void> {
  const opts = options();
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dbName = `copydesk_bench_${runId}`;
  const prefix = `cdbench-${runId}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = databaseUrl(dbName);
  await migrateDatabaseAt(url);

  const db = new Client({ connectionString: url });
  await db.connect();
  const subscriber = await startSubscriber();
  const queue = new Queue(QueueName.Publish, { connection: redisOptionsFromUrl(REDIS_URL), prefix });
  const logs = benchFolder('publish');
  const workers = Array.from({ length: opts.workers }, (_, i) =>
    startBenchApp(
      `publish-worker-${i + 1}`,
      'publish-worker',
      {
        DATABASE_URL: url,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        DATABASE_MIGRATE: 'false',
        FETCH_ALLOW_LOOPBACK: 'true',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      { folder: logs.folder },
    ),
  );
  const {
    rows: [source],
  } = await db.query<{ id: string }>(`SELECT id FROM sources WHERE slug = 'cms'`);
  const rig: PublishRig = { db, queue, subscriberUrl: subscriber.url, payload: samplePayload(), sourceId: source.id };

  try {
    await waitUntil(async () => (await queue.getWorkers()).length >= opts.workers, 60_000, 'the publish worker(s) to start', 25);
    await measure(rig, opts);
    process.stdout.write(`subscriber requests: ${subscriber.requests()}\n`);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    logs.remove();
    await queue.close();
    await db.end();
    subscriber.server.closeAllConnections();
    subscriber.server.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await deleteKeys(REDIS_URL, `${prefix}:*`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:publish failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
