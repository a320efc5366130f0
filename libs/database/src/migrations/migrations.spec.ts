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
        `SELECT id FROM articles WHERE search_vector @@ websearch_to_tsquery('english', 'council run election')`,
      );
      expect(rows.map((row) => row.id)).toContain(article.id);
    } finally {
      await client.end();
    }
  });
});
