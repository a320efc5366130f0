import { type ArticleQuery, ArticleSearchRepository, buildSearch, createDataSource } from '@copydesk/database';
import type { Client } from 'pg';

/** The plan, in full and in one line (indexes used, rows out, time); true when it scans `articles` sequentially. */
async function explain(db: Client, label: string, sql: string, parameters: unknown[]): Promise<boolean> {
  await db.query(sql, parameters); // as the API runs it: warm
  const rows = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters)).rows;
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const seqScan = /Seq Scan on articles/.test(plan);
  const indexes = [...new Set([...plan.matchAll(/(?:Scan (?:Backward )?using|Bitmap Index Scan on) (\S+)/g)].map((m) => m[1]))];
  const top = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(plan)?.[1];
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
  process.stdout.write(`\n--- plan: ${label}${seqScan ? '  [SEQ SCAN OF articles]' : ''}\n${plan}\n`);
  process.stdout.write(`=== ${label}: ${indexes.join(', ') || 'no index'}; ${top} rows; ${time} ms\n`);
  return seqScan;
}

/** EXPLAIN ANALYZE of each hot path as the API builds it; true when one scans `articles` sequentially. */
export async function explainHotPaths(db: Client, url: string, anyId: string): Promise<boolean> {
  const from = new Date(Date.now() - 200 * 86_400_000);
  const to = new Date(from.getTime() + 30 * 86_400_000);
  const [{ id: sourceId }] = (await db.query<{ id: string }>(`SELECT id FROM sources WHERE slug = 'bench-3'`)).rows;
  const plans: Array<[string, ArticleQuery]> = [
    [
      'filtered list',
      { sort: 'newest', sourceIds: [sourceId], status: 'published' as never, publishedFrom: from, publishedTo: to, limit: 20 },
    ],
    ['full-text + source', { q: 'government', sort: 'relevance', sourceIds: [sourceId], limit: 20 }],
    ['full-text, all sources', { q: 'election', sort: 'relevance', limit: 20 }],
    ['full-text + source, newest', { q: 'government', sort: 'newest', sourceIds: [sourceId], limit: 20 }],
    ['topic incl. narrower', { topic: 'medtop:11000000', sort: 'newest', limit: 20 }],
  ];
  // The configurations the API parses a query in: those of the languages in the archive.
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  const configs = await new ArticleSearchRepository(dataSource).configsInUse();
  await dataSource.destroy();
  process.stdout.write(`\ntext-search configurations in use: ${configs.join(', ')}\n`);
  let seqScans = await explain(db, 'get by id', `SELECT * FROM articles WHERE id = $1`, [anyId]);
  for (const [label, query] of plans) {
    const { sql, parameters } = buildSearch({ ...query, configs: query.q && !query.language ? configs : undefined });
    seqScans = (await explain(db, label, sql, parameters)) || seqScans;
  }
  return seqScans;
}
