import type { Client } from 'pg';

export const SOURCE_COUNT = 12;
export const SUBSCRIPTION_COUNT = 3;

export interface SeedFigures {
  articles: number;
  rawItems: number;
  deliveries: number;
  attempts: number;
  lastHour: number;
}

/** SOURCE_COUNT sources (one failing for hours) and SUBSCRIPTION_COUNT subscriptions. */
async function seedDesks(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO sources (slug, name, type, url, last_polled_at, last_success_at, last_error, last_error_at, consecutive_failures)
     SELECT 'desk-' || g, 'Desk ' || g, CASE WHEN g % 3 = 0 THEN 'push' WHEN g % 3 = 1 THEN 'feed' ELSE 'page' END,
            CASE WHEN g % 3 = 1 THEN 'https://feeds.example/desk-' || g || '.xml' END,
            now() - interval '2 minutes', now() - CASE WHEN g = 5 THEN interval '3 hours' ELSE interval '2 minutes' END,
            CASE WHEN g = 5 THEN 'HTTP 503 from the origin' END, CASE WHEN g = 5 THEN now() - interval '2 minutes' END,
            CASE WHEN g = 5 THEN 14 ELSE 0 END
     FROM generate_series(1, ${SOURCE_COUNT}) g`,
  );
  await db.query(
    `INSERT INTO subscriptions (name, url, events, format, status)
     SELECT 'app ' || g, 'https://subscriber.example/hook/' || g, ARRAY['article.published', 'article.updated'], 'native', 'active'
     FROM generate_series(1, ${SUBSCRIPTION_COUNT}) g`,
  );
}

/** `count` articles over 30 days, denser toward now, in the statuses a running pipeline leaves. */
async function seedArticles(db: Client, count: number): Promise<void> {
  // An article's age: a power of a uniform draw skews the spread toward now (about 12 % in the last day, 1.6 % in the last hour).
  await db.query(
    `CREATE TEMP TABLE bench_articles AS
     SELECT gen_random_uuid() AS id, g,
            now() - (30 * 86400 * power(random(), 1.6)) * interval '1 second' AS at
     FROM generate_series(1, $1::int) g`,
    [count],
  );
  // The newest are still in flight: received, extracted and enriched are the last minutes' articles.
  await db.query(
    `INSERT INTO articles (id, source_id, external_id, url, title, body_text, language, status, failure_reason, kill_reason,
                           killed_at, revision, published_at, created_at, updated_at, correlation_id)
     SELECT b.id, s.id, 'ext-' || b.g, 'https://news.example/' || b.g, 'Story ' || b.g, 'Body of story ' || b.g, 'en',
            st.status, CASE WHEN st.status = 'failed' THEN 'extraction: no article body found' END,
            CASE WHEN st.status = 'killed' THEN 'legal' END, CASE WHEN st.status = 'killed' THEN b.at + interval '1 hour' END,
            1, b.at + interval '40 seconds', b.at, b.at + interval '40 seconds', 'bench-' || b.g
     FROM bench_articles b
     JOIN sources s ON s.slug = 'desk-' || (1 + b.g % ${SOURCE_COUNT})
     CROSS JOIN LATERAL (SELECT CASE
       WHEN b.at > now() - interval '1 minute' THEN (ARRAY['received', 'extracted', 'enriched'])[1 + b.g % 3]
       WHEN b.g % 100 < 3 THEN 'failed'
       WHEN b.g % 100 < 5 THEN 'killed'
       ELSE 'published' END AS status) st`,
  );
}

/** Every article's input, and failed inputs that never made an article. */
async function seedInputs(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO raw_items (source_id, article_id, origin, content_type, payload, url, external_id, status, error, attempts,
                            correlation_id, received_at, enqueued_at, processed_at)
     SELECT a.source_id, a.id, 'push', 'application/json', convert_to('{"title":"' || a.title || '"}', 'UTF8'), a.url,
            a.external_id, CASE a.status WHEN 'failed' THEN 'failed' WHEN 'received' THEN 'received' ELSE 'processed' END,
            CASE WHEN a.status = 'failed' THEN a.failure_reason END, 1, a.correlation_id,
            a.created_at - interval '2 seconds', a.created_at - interval '2 seconds', a.created_at
     FROM articles a`,
  );
  // Inputs that never made an article (a feed item refused at fetch).
  await db.query(
    `INSERT INTO raw_items (source_id, origin, content_type, payload, url, status, error, attempts, correlation_id,
                            received_at, enqueued_at, processed_at)
     SELECT s.id, 'feed', 'text/html', convert_to('<html></html>', 'UTF8'), 'https://news.example/gone/' || b.g, 'failed',
            'fetch: HTTP 404', 3, 'bench-raw-' || b.g, b.at, b.at, b.at + interval '5 seconds'
     FROM bench_articles b
     JOIN sources s ON s.slug = 'desk-' || (1 + b.g % ${SOURCE_COUNT})
     WHERE b.g % 50 = 0`,
  );
}

/** A delivery per subscription of every published article, with its attempt: some failed, dead or pending. */
async function seedDeliveries(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO deliveries (subscription_id, article_id, event, revision, route_key, event_id, status, attempts, payload,
                             last_status_code, last_error, delivered_at, created_at, updated_at)
     SELECT sub.id, a.id, 'article.published', 1, 'article.published.1', 'evt-' || a.id || '-' || sub.n, d.status, 1, '{}',
            CASE d.status WHEN 'delivered' THEN 204 WHEN 'pending' THEN NULL ELSE 503 END,
            CASE WHEN d.status IN ('failed', 'dead') THEN 'HTTP 503' END,
            CASE WHEN d.status = 'delivered' THEN a.published_at + interval '1 second' END, a.published_at, a.published_at
     FROM articles a
     CROSS JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM subscriptions) sub
     CROSS JOIN LATERAL (SELECT CASE
       WHEN a.published_at > now() - interval '1 minute' THEN 'pending'
       WHEN (hashtext(a.id::text) + sub.n) % 200 = 0 THEN 'dead'
       WHEN (hashtext(a.id::text) + sub.n) % 100 = 1 THEN 'failed'
       ELSE 'delivered' END AS status) d
     WHERE a.status = 'published'
     ORDER BY a.published_at`,
  );
  await db.query(
    `INSERT INTO delivery_attempts (delivery_id, attempt, outcome, response_code, latency_ms, error, created_at)
     SELECT d.id, 1, CASE d.status WHEN 'delivered' THEN 'delivered' ELSE 'failed' END, d.last_status_code,
            40 + abs(hashtext(d.id::text)) % 400, d.last_error, d.created_at + interval '1 second'
     FROM deliveries d WHERE d.status <> 'pending'`,
  );
}

/** What was seeded, after the statistics the planner needs. */
async function seedFigures(db: Client): Promise<SeedFigures> {
  for (const table of ['sources', 'subscriptions', 'articles', 'raw_items', 'deliveries', 'delivery_attempts']) {
    await db.query(`VACUUM ANALYZE ${table}`);
  }
  const figure = async (sql: string): Promise<number> => Number((await db.query<{ n: string }>(sql)).rows[0].n);
  return {
    articles: await figure(`SELECT count(*) AS n FROM articles`),
    rawItems: await figure(`SELECT count(*) AS n FROM raw_items`),
    deliveries: await figure(`SELECT count(*) AS n FROM deliveries`),
    attempts: await figure(`SELECT count(*) AS n FROM delivery_attempts`),
    lastHour: await figure(`SELECT count(*) AS n FROM articles WHERE created_at > now() - interval '1 hour'`),
  };
}

/*
 * A newsroom's month, built in PostgreSQL (no texts needed: the overview counts and times, it never reads bodies):
 * `count` articles over 30 days from SOURCE_COUNT sources, denser toward now, so the windows the overview reads
 * (the last hours) hold more than an even spread would give them. Statuses as a running pipeline leaves them:
 * mostly published, the last minute's still in each stage, some failed and killed.
 * Each article has its input (raw_items, a few failed ones without an article), published ones a delivery per
 * subscription with an attempt each, some failed, dead or pending.
 */
export async function seedNewsroom(db: Client, count: number): Promise<SeedFigures> {
  await seedDesks(db);
  await seedArticles(db, count);
  await seedInputs(db);
  await seedDeliveries(db);
  return seedFigures(db);
}
