import { Client } from 'pg';
import { createDataSource, runMigrations } from '../data-source';
import { MIGRATIONS } from './index';

// A database of its own: reverting must not pull the schema from under specs running beside this one.
const adminUrl = process.env.DATABASE_URL as string;

async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `copydesk_migrations_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
    );
    return rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('run up, down to nothing, and up again cleanly', async () => {
    await withScratchDatabase(async (url) => {
      const settings = { url, poolSize: 2 };
      const dataSource = createDataSource(settings);
      await dataSource.initialize();
      try {
        expect(await runMigrations(dataSource, settings)).toHaveLength(MIGRATIONS.length);
        expect(await tables(url)).toEqual(
          expect.arrayContaining([
            'api_keys',
            'article_fingerprints',
            'article_relations',
            'article_revisions',
            'article_search',
            'articles',
            'deliveries',
            'delivery_attempts',
            'raw_items',
            'source_items',
            'sources',
            'story_clusters',
            'subscriptions',
          ]),
        );
        expect(await runMigrations(dataSource, settings)).toEqual([]);

        for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
        expect(await tables(url)).toEqual([]);

        expect(await runMigrations(dataSource, settings)).toHaveLength(MIGRATIONS.length);
        expect((await tables(url)).length).toBeGreaterThan(0);
      } finally {
        await dataSource.destroy();
      }
    });
  });

  it('lets only one of several booting processes migrate', async () => {
    await withScratchDatabase(async (url) => {
      const settings = { url, poolSize: 2 };
      const sources = [createDataSource(settings), createDataSource(settings), createDataSource(settings)];
      await Promise.all(sources.map((source) => source.initialize()));
      try {
        const results = await Promise.all(sources.map((source) => runMigrations(source, settings)));
        expect(results.map((ran) => ran.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
      } finally {
        await Promise.all(sources.map((source) => source.destroy()));
      }
    });
  });

  it('keeps foreign keys on the records and none on the lookup tables derived from an article', async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ key: string }>(
        `SELECT conrelid::regclass || '.' || a.attname || ' -> ' || confrelid::regclass AS key
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.confrelid IN ('articles'::regclass, 'sources'::regclass)`,
      );
      const keys = rows.map((row) => row.key);
      expect(keys).toEqual(
        expect.arrayContaining([
          'articles.source_id -> sources',
          'raw_items.source_id -> sources',
          'raw_items.article_id -> articles',
          'article_revisions.article_id -> articles',
          'deliveries.article_id -> articles',
        ]),
      );
      for (const table of ['article_entity_keys', 'article_fingerprints', 'article_relations', 'article_search']) {
        expect(keys.filter((key) => key.startsWith(`${table}.`))).toEqual([]);
      }
    } finally {
      await client.end();
    }
  });

  it('indexes articles for full-text search in their own language', async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const {
        rows: [source],
      } = await client.query<{ id: string }>(`SELECT id FROM sources WHERE slug = 'cms'`);
      const {
        rows: [article],
      } = await client.query<{ id: string }>(
        `INSERT INTO articles (id, source_id, status, title, body_text, language)
         VALUES (gen_random_uuid(), $1, 'received', 'Councils are running', 'The councillors ran the elections.', 'en') RETURNING id`,
        [source.id],
      );
      const { rows } = await client.query<{ id: string }>(
        `SELECT article_id AS id FROM article_search WHERE search_vector @@ websearch_to_tsquery('english', 'council run election')`,
      );
      expect(rows.map((row) => row.id)).toContain(article.id);
    } finally {
      await client.end();
    }
  });

  it('indexes a revision without a language once its enrichment has detected one, and a revision with one at once', async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    const found = async (id: string, config: string, query: string): Promise<boolean> =>
      (
        await client.query<{ hit: boolean }>(
          `SELECT coalesce((SELECT search_vector @@ websearch_to_tsquery($2::regconfig, $3) FROM article_search WHERE article_id = $1), false) AS hit`,
          [id, config, query],
        )
      ).rows[0].hit;
    try {
      const {
        rows: [source],
      } = await client.query<{ id: string }>(`SELECT id FROM sources WHERE slug = 'cms'`);
      // An article as the API allocates it; the UPDATEs below are the ingest worker's revision and the enrichment.
      const insert = async (): Promise<string> =>
        (
          await client.query<{ id: string }>(
            `INSERT INTO articles (id, source_id, status) VALUES (gen_random_uuid(), $1, 'received') RETURNING id`,
            [source.id],
          )
        ).rows[0].id;
      const declared = await insert();
      await client.query(
        `UPDATE articles SET revision = 1, title = 'Councils are running', body_text = 'The councillors ran the elections.', language = 'en' WHERE id = $1`,
        [declared],
      );
      expect(await found(declared, 'english', 'council run election')).toBe(true);

      const undeclared = await insert();
      await client.query(
        `UPDATE articles SET revision = 1, title = 'Councils are running', body_text = 'The councillors ran the elections.' WHERE id = $1`,
        [undeclared],
      );
      // Not indexed in the neutral configuration first: its enrichment is about to say which language it is in.
      expect((await client.query(`SELECT 1 FROM article_search WHERE article_id = $1`, [undeclared])).rowCount).toBe(0);
      await client.query(`UPDATE articles SET enriched_revision = 1, language = coalesce(language, 'en') WHERE id = $1`, [undeclared]);
      expect(await found(undeclared, 'english', 'council run election')).toBe(true);

      const undetected = await insert();
      await client.query(`UPDATE articles SET revision = 1, title = 'Zzyzx', body_text = 'Qwerty zxcv.' WHERE id = $1`, [undetected]);
      await client.query(`UPDATE articles SET enriched_revision = 1 WHERE id = $1`, [undetected]);
      expect(await found(undetected, 'simple', 'qwerty')).toBe(true);

      // A later revision of the declared article is indexed again at once.
      await client.query(`UPDATE articles SET revision = 2, body_text = 'The mayor resigned.' WHERE id = $1`, [declared]);
      expect(await found(declared, 'english', 'mayor resign')).toBe(true);
      expect(await found(declared, 'english', 'election')).toBe(false);
    } finally {
      await client.end();
    }
  });
});
