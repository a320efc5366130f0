import { AppConfig, ConfigModule, loadConfig } from '@copydesk/config';
import { JobName, QueueName } from '@copydesk/contracts';
import { DatabaseModule } from '@copydesk/database';
import { JobQueue, QueueModule, redisOptionsFromUrl } from '@copydesk/queue';
import { Test, type TestingModule } from '@nestjs/testing';
import { UnrecoverableError, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { IngestModule } from '../ingest/ingest.module';
import { PipelineReconciler } from './pipeline-reconciler.service';

/**
 * The reconciler against real PostgreSQL and Redis: rows stuck between stages with no job on its way get their job
 * back under its deterministic id, once however often it looks, a failed job is retried, and a row that never moves
 * is failed with the reason after RECONCILE_MAX_REDRIVES.
 */
describe('PipelineReconciler', () => {
  const database = `${process.env.COPYDESK_TEST_DATABASE}_reconcile${randomUUID().slice(0, 6)}`;
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${database}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-reconcile`,
    DATABASE_MIGRATE: 'false',
    RECONCILE_STUCK_AFTER_MS: '1000',
    RECONCILE_MAX_REDRIVES: '2',
  });
  let admin: Client;
  let moduleRef: TestingModule;
  let reconciler: PipelineReconciler;
  let queue: JobQueue;
  let sql: DataSource;

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${process.env.COPYDESK_TEST_DATABASE}_tpl`);
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, QueueModule.forRoot(), IngestModule],
      providers: [PipelineReconciler],
    })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    reconciler = moduleRef.get(PipelineReconciler);
    queue = moduleRef.get(JobQueue);
    sql = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    for (const name of Object.values(QueueName)) await queue?.queue(name).obliterate({ force: true });
    await moduleRef?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  /** Lets time pass for the stuck rows: their last move and last re-drive an hour ago. */
  const ageEverything = () =>
    sql.query(
      `UPDATE articles SET updated_at = now() - interval '1 hour', redriven_at = CASE WHEN redriven_at IS NULL THEN NULL ELSE now() - interval '59 minutes' END;
       UPDATE raw_items SET enqueued_at = now() - interval '1 hour', redriven_at = CASE WHEN redriven_at IS NULL THEN NULL ELSE now() - interval '59 minutes' END`,
    );

  it('gives stuck work its job back, once, under the job id it always had', async () => {
    const [{ id: sourceId }] = await sql.query(`SELECT id FROM sources WHERE slug = 'cms'`);
    const [extracted, enriched, received] = [randomUUID(), randomUUID(), randomUUID()];
    await sql.query(
      `INSERT INTO articles (id, source_id, status, revision, routed_revision, title, correlation_id) VALUES
       ($1, $4, 'extracted', 1, NULL, 'E', 'corr-e'), ($2, $4, 'enriched', 2, 1, 'R', 'corr-r'), ($3, $4, 'received', 0, NULL, NULL, 'corr-c')`,
      [extracted, enriched, received, sourceId],
    );
    const [{ id: rawId }] = await sql.query(
      `INSERT INTO raw_items (source_id, article_id, origin, content_type, payload, status, correlation_id, enqueued_at)
       VALUES ($1, $2, 'api', 'application/json', '\\x7b7d', 'received', 'corr-c', now()) RETURNING id`,
      [sourceId, received],
    );
    await ageEverything();

    expect(await reconciler.sweep()).toBe(3);
    const enrich = await queue.queue(QueueName.Enrichment).getJob(`enrich.${extracted}.1`);
    const route = await queue.queue(QueueName.Publish).getJob(`route.${enriched}.2`);
    const raw = await queue.queue(QueueName.Ingest).getJob(`raw.${rawId}`);
    expect(enrich?.data).toEqual({ articleId: extracted, revision: 1, correlationId: 'corr-e' });
    expect(route?.data).toEqual({ articleId: enriched, revision: 2, event: 'article.updated', correlationId: 'corr-r' });
    expect(raw?.data).toEqual({ rawItemId: rawId, articleId: received, correlationId: 'corr-c' });
    // Looking again changes nothing: the jobs are on their way.
    await ageEverything();
    expect(await reconciler.sweep()).toBe(0);
    expect(await queue.queue(QueueName.Enrichment).getJobCountByTypes('waiting')).toBe(1);
  });

  it('retries a job that failed, and fails the article with the reason when it never moves', async () => {
    const [{ id: sourceId }] = await sql.query(`SELECT id FROM sources WHERE slug = 'cms'`);
    const stuck = randomUUID();
    await sql.query(`INSERT INTO articles (id, source_id, status, revision, title) VALUES ($1, $2, 'extracted', 3, 'S')`, [
      stuck,
      sourceId,
    ]);
    await ageEverything();
    expect(await reconciler.sweep()).toBeGreaterThanOrEqual(1);
    const id = `enrich.${stuck}.3`;

    // A worker that fails everything, as one would while a dependency it cannot classify is down.
    const failing = new Worker(
      QueueName.Enrichment,
      async () => {
        throw new UnrecoverableError('broken for the test');
      },
      { connection: redisOptionsFromUrl(config.require('REDIS_URL')), prefix: config.get('QUEUE_PREFIX') },
    );
    const failed = async () => (await queue.queue(QueueName.Enrichment).getJob(id))?.getState();
    for (let i = 0; i < 100 && (await failed()) !== 'failed'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await failing.close();
    expect(await failed()).toBe('failed');

    await ageEverything();
    await reconciler.sweep();
    expect(await failed()).toBe('waiting');
    expect(await queue.inFlight(JobName.EnrichArticle, id)).toBe(true);

    // Lost again and again (removed from Redis): after the second re-drive, the next one gives up.
    for (let round = 0; round < 2; round++) {
      await (await queue.queue(QueueName.Enrichment).getJob(id))?.remove();
      await ageEverything();
      await reconciler.sweep();
    }
    const [article] = await sql.query(`SELECT status, failure_reason, redrives FROM articles WHERE id = $1`, [stuck]);
    expect(article.status).toBe('failed');
    expect(article.failure_reason).toMatch(/^enrichment stopped 2 times/);
  });
});
