import { loadConfig } from '@copydesk/config';
import { createDataSource, RetentionRepository } from '@copydesk/database';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { RetentionSweeper } from './retention-sweeper.service';

// A database of its own, cloned from the run's migrated template: retention deletes by age across the whole table.
async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = `${process.env.COPYDESK_TEST_DATABASE}_retention${randomUUID().slice(0, 6)}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.COPYDESK_TEST_DATABASE}_tpl`);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe('RetentionSweeper', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    scratch = await scratchDatabase();
    dataSource = createDataSource({ url: scratch.url, poolSize: 2 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  const count = async (sql: string, parameters: unknown[] = []): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) q`, parameters))[0].n);

  it('deletes raw items and delivery attempts past their ages, in batches, and nothing else', async () => {
    const [{ id: sourceId }] = await dataSource.query(`SELECT id FROM sources WHERE slug = 'cms'`);
    const articleId = randomUUID();
    await dataSource.query(`INSERT INTO articles (id, source_id, status, revision, title) VALUES ($1, $2, 'published', 1, 'Kept')`, [
      articleId,
      sourceId,
    ]);
    const raw = async (ageDays: number, status: string): Promise<string> => {
      const [{ id }] = await dataSource.query(
        `INSERT INTO raw_items (source_id, article_id, origin, content_type, payload, status, correlation_id, received_at)
         VALUES ($1, $2, 'api', 'application/json', '\\x7b7d', $3, 'c', now() - make_interval(days => $4)) RETURNING id`,
        [sourceId, articleId, status, ageDays],
      );
      return id as string;
    };
    // 2,500 old processed inputs: more than two batches.
    for (let i = 0; i < 25; i++) {
      await dataSource.query(
        `INSERT INTO raw_items (source_id, article_id, origin, content_type, payload, status, correlation_id, received_at)
         SELECT $1, $2, 'api', 'application/json', '\\x7b7d', 'processed', 'c', now() - interval '100 days' FROM generate_series(1, 100)`,
        [sourceId, articleId],
      );
    }
    const oldUsed = await raw(120, 'processed');
    const oldPending = await raw(120, 'received');
    const recent = await raw(1, 'processed');
    await dataSource.query(
      `INSERT INTO article_revisions (article_id, revision, raw_item_id, origin, title) VALUES ($1, 1, $2, 'api', 'Kept')`,
      [articleId, oldUsed],
    );
    const [{ id: subscriptionId }] = await dataSource.query(
      `INSERT INTO subscriptions (url, events, format, status) VALUES ('https://hooks.example.com/x', '{article.created}', 'native', 'active') RETURNING id`,
    );
    const [{ id: deliveryId }] = await dataSource.query(
      `INSERT INTO deliveries (subscription_id, article_id, event, revision, route_key, event_id, status, attempts, payload)
       VALUES ($1, $2, 'article.created', 1, 'r', 'msg_1', 'delivered', 3, '{}') RETURNING id`,
      [subscriptionId, articleId],
    );
    await dataSource.query(
      `INSERT INTO delivery_attempts (delivery_id, attempt, outcome, created_at) VALUES
       ($1, 1, 'retry', now() - interval '40 days'), ($1, 2, 'retry', now() - interval '35 days'), ($1, 3, 'delivered', now() - interval '2 days')`,
      [deliveryId],
    );

    const config = loadConfig({ RETENTION_RAW_ITEMS_DAYS: '90', RETENTION_DELIVERY_ATTEMPTS_DAYS: '30' });
    const deleted = await new RetentionSweeper(new RetentionRepository(dataSource), config).sweep();

    expect(deleted).toBe(2_501 + 2);
    expect(await count(`SELECT 1 FROM raw_items WHERE received_at < now() - interval '90 days' AND status <> 'received'`)).toBe(0);
    expect(await count(`SELECT 1 FROM raw_items WHERE id = ANY($1::uuid[])`, [[oldPending, recent]])).toBe(2);
    // The revision stays, without its input.
    expect(await dataSource.query(`SELECT raw_item_id, title FROM article_revisions WHERE article_id = $1`, [articleId])).toEqual([
      { raw_item_id: null, title: 'Kept' },
    ]);
    const attempts: Array<{ attempt: number }> = await dataSource.query(`SELECT attempt FROM delivery_attempts WHERE delivery_id = $1`, [
      deliveryId,
    ]);
    expect(attempts.map((r) => r.attempt)).toEqual([3]);
    expect(await count(`SELECT 1 FROM deliveries WHERE id = $1 AND attempts = 3`, [deliveryId])).toBe(1);
  });

  it('keeps everything when an age is 0', async () => {
    const [{ id: sourceId }] = await dataSource.query(`SELECT id FROM sources WHERE slug = 'cms'`);
    await dataSource.query(
      `INSERT INTO raw_items (source_id, origin, content_type, payload, status, correlation_id, received_at)
       VALUES ($1, 'api', 'application/json', '\\x7b7d', 'processed', 'c', now() - interval '5000 days')`,
      [sourceId],
    );
    const config = loadConfig({ RETENTION_RAW_ITEMS_DAYS: '0', RETENTION_DELIVERY_ATTEMPTS_DAYS: '0' });
    expect(await new RetentionSweeper(new RetentionRepository(dataSource), config).sweep()).toBe(0);
    expect(await count(`SELECT 1 FROM raw_items WHERE received_at < now() - interval '4000 days'`)).toBe(1);
  });
});
