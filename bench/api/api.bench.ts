/**
 * `npm run bench:api`: the read API at archive scale. Seeds a scratch database with 100,000 articles made from the
 * texts in ../shared/nlp (BBC News and German articles, with IPTC topics, ten sources, a year of dates), starts the
 * compiled API and a bare NestJS route beside it, and measures with autocannon at 50 connections:
 * get by id, a filtered list (source + status + date range), full-text search with a source filter, and a search by
 * topic that must find narrower topics. Prints p50, p99 and requests/s (the median of the runs), and the query
 * plans (EXPLAIN ANALYZE) of the hot paths, flagging any sequential scan of articles.
 *
 * Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL, else the local servers `npm test` uses), ../shared/nlp and
 * a build (`nest build`, which the npm script runs). Options: --articles=100000 --runs=3 --seconds=10
 * --connections=50 --keep (keep the scratch database for another run: --reuse=<name>).
 */
import { type ArticleQuery, ArticleSearchRepository, buildSearch, createDataSource } from '@copydesk/database';
import { benchArg, benchInt } from '../support/bench-args';
import { migrateDatabase } from '../support/migrate-database';
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { SOURCE_COUNT, seedArchive } from './seed-archive';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;
const DIST = join(__dirname, '..', '..');

const WORDS = [
  'government',
  'market',
  'election',
  'music',
  'film',
  'club',
  'mobile',
  'profit',
  'minister',
  'players',
  'Regierung',
  'software',
];
const TOPICS = ['medtop:11000000', 'medtop:04000000', 'medtop:15000000', 'medtop:01000000', 'medtop:13000000'];

interface Options {
  articles: number;
  runs: number;
  seconds: number;
  connections: number;
  keep: boolean;
  reuse: string | null;
}

function options(): Options {
  return {
    articles: benchInt('articles', 100_000),
    runs: benchInt('runs', 3),
    seconds: benchInt('seconds', 10),
    connections: benchInt('connections', 50),
    keep: process.argv.includes('--keep'),
    reuse: benchArg('reuse') ?? null,
  };
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

interface Scenario {
  name: string;
  port: 'api' | 'bare';
  path: () => string;
}

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
}

function start(file: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(DIST, file), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

async function waitUntilUp(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function measure(baseUrl: string, scenario: Scenario, seconds: number, connections: number): Promise<Figures> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: scenario.path() }) }],
  });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, non2xx: result.non2xx, errors: result.errors };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function explain(db: Client, label: string, sql: string, parameters: unknown[]): Promise<boolean> {
  const rows = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters)).rows;
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const seqScan = /Seq Scan on articles/.test(plan);
  process.stdout.write(`\n--- plan: ${label}${seqScan ? '  [SEQ SCAN OF articles]' : ''}\n${plan}\n`);
  return seqScan;
}

async function main(): Promise<void> {
  const opts = options();
  const name = opts.reuse ?? `copydesk_bench_api_${Date.now().toString(36)}`;
  const url = databaseUrl(name);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const children: ChildProcess[] = [];
  try {
    if (!opts.reuse) {
      await admin.query(`CREATE DATABASE ${name}`);
      await migrateDatabase(url);
    }
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      if (!opts.reuse) {
        const seeded = performance.now();
        await seedArchive(db, opts.articles);
        process.stdout.write(`seeded ${opts.articles} articles in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`);
      }
      const count = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM articles`)).rows[0].n);
      const ids = (await db.query<{ id: string }>(`SELECT id FROM articles TABLESAMPLE SYSTEM (5) LIMIT 5000`)).rows.map((r) => r.id);
      const apiPort = await freePort();
      const barePort = await freePort();
      children.push(
        start('apps/api/src/main.js', [], {
          DATABASE_URL: url,
          REDIS_URL,
          QUEUE_PREFIX: `bench-api-${name}`,
          PORT: String(apiPort),
          COPYDESK_ADMIN_KEY: ADMIN_KEY,
          LOG_LEVEL: 'warn',
          DATABASE_MIGRATE: 'false',
          RATE_LIMITS: 'ingest=10000000/1s,read=10000000/1s,manage=10000000/1s,admin=10000000/1s',
        }),
        start('bench/api/bare-app.js', [String(barePort)], {}),
      );
      const api = `http://127.0.0.1:${apiPort}`;
      const bare = `http://127.0.0.1:${barePort}`;
      await Promise.all([waitUntilUp(`${api}/health`), waitUntilUp(`${bare}/bare`)]);

      const window = (): string => {
        const from = Date.now() - Math.floor(Math.random() * 330) * 86_400_000;
        return `publishedFrom=${new Date(from - 30 * 86_400_000).toISOString()}&publishedTo=${new Date(from).toISOString()}`;
      };
      const source = (): string => `bench-${Math.floor(Math.random() * SOURCE_COUNT)}`;
      const scenarios: Scenario[] = [
        { name: 'bare NestJS route', port: 'bare', path: () => '/bare' },
        { name: 'get by id', port: 'api', path: () => `/v1/articles/${pick(ids)}` },
        {
          name: 'filtered list (source+status+dates)',
          port: 'api',
          path: () => `/v1/articles?source=${source()}&status=published&${window()}&limit=20`,
        },
        { name: 'full-text search + source filter', port: 'api', path: () => `/v1/articles?q=${pick(WORDS)}&source=${source()}&limit=20` },
        { name: 'topic incl. narrower', port: 'api', path: () => `/v1/articles?topic=${pick(TOPICS)}&limit=20` },
      ];
      // Warm the caches once, as a running installation has them.
      for (const scenario of scenarios) await measure(scenario.port === 'api' ? api : bare, scenario, 2, 10);
      const figures: Record<string, Figures[]> = {};
      for (let run = 1; run <= opts.runs; run++) {
        for (const scenario of scenarios) {
          const result = await measure(scenario.port === 'api' ? api : bare, scenario, opts.seconds, opts.connections);
          (figures[scenario.name] ??= []).push(result);
          process.stdout.write(
            `run ${run} ${scenario.name.padEnd(38)} p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms  ${result.rps.toFixed(0).padStart(6)} req/s  non-2xx ${result.non2xx}  errors ${result.errors}\n`,
          );
        }
      }
      process.stdout.write(
        `\n${count} articles, ${opts.connections} connections, ${opts.seconds} s per run, median of ${opts.runs} runs:\n`,
      );
      process.stdout.write(`${'scenario'.padEnd(38)}   p50 ms   p99 ms    req/s   (p99 of each run)\n`);
      let failed = false;
      for (const [scenario, runs] of Object.entries(figures)) {
        const p99 = median(runs.map((r) => r.p99));
        if (scenario !== 'bare NestJS route' && p99 >= 50) failed = true;
        process.stdout.write(
          `${scenario.padEnd(38)} ${String(median(runs.map((r) => r.p50))).padStart(8)} ${String(p99).padStart(8)} ${median(
            runs.map((r) => r.rps),
          )
            .toFixed(0)
            .padStart(8)}   (${runs.map((r) => r.p99).join(', ')})\n`,
        );
        if (runs.some((r) => r.non2xx > 0 || r.errors > 0)) process.stdout.write(`  ! ${scenario}: non-2xx or errors in a run\n`);
      }

      // The plans of the hot paths, as the API runs them.
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
        ['topic incl. narrower', { topic: 'medtop:11000000', sort: 'newest', limit: 20 }],
      ];
      // The configurations the API parses a query in: those of the languages in the archive.
      const dataSource = createDataSource({ url, poolSize: 1 });
      await dataSource.initialize();
      const configs = await new ArticleSearchRepository(dataSource).configsInUse();
      await dataSource.destroy();
      process.stdout.write(`\ntext-search configurations in use: ${configs.join(', ')}\n`);
      let seqScans = await explain(db, 'get by id', `SELECT * FROM articles WHERE id = $1`, [ids[0]]);
      for (const [label, query] of plans) {
        const { sql, parameters } = buildSearch({ ...query, configs: query.q && !query.language ? configs : undefined });
        seqScans = (await explain(db, label, sql, parameters)) || seqScans;
      }
      process.stdout.write(
        `\n${failed ? 'p99 >= 50 ms on a hot path' : 'every hot path p99 < 50 ms'}; ${seqScans ? 'a sequential scan of articles on a hot path' : 'no sequential scan of articles'}\n`,
      );
      if (failed || seqScans) process.exitCode = 1;
    } finally {
      await db.end();
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    if (!opts.keep && !opts.reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    else process.stdout.write(`kept the database ${name} (--reuse=${name})\n`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:api: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
