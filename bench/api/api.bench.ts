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
 * --connections=50 --keep (keep the scratch database for another run: --reuse=<name>, which first runs any migration
 * added since) --only=full-text,topic (the bare route and those scenarios) --profile=<folder> (the API runs under
 * `node --cpu-prof` and writes its profile there when it stops).
 */
import { migrateDatabaseAt } from '@copydesk/database';
import { benchArg, benchInt } from '../support/bench-args';
import {
  type BenchApp,
  benchAppEnv,
  benchFolder,
  databaseUrl as databaseUrlOn,
  freePort,
  startBenchApp,
  startBenchScript,
  waitForApi,
  waitForHttp,
} from '../support/bench-stack';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { type Figures, type Meters, measure, printRun, printSummary, scenarios } from './api-load';
import { explainHotPaths } from './api-plans';
import { seedArchive } from './seed-archive';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;
const SETTLE_MS = 3_000;

interface Options {
  articles: number;
  runs: number;
  seconds: number;
  connections: number;
  keep: boolean;
  reuse: string | null;
  profile: string | null;
  only: string | null;
}

function options(): Options {
  return {
    articles: benchInt('articles', 100_000),
    runs: benchInt('runs', 3),
    seconds: benchInt('seconds', 10),
    connections: benchInt('connections', 50),
    keep: process.argv.includes('--keep'),
    reuse: benchArg('reuse') ?? null,
    profile: benchArg('profile') ?? null,
    only: benchArg('only') ?? null,
  };
}

function databaseUrl(name: string): string {
  return databaseUrlOn(ADMIN_URL, name);
}

/** A new database seeded with the archive, or the reused one brought up to the current migrations. */
async function prepareDatabase(admin: Client, db: Client, name: string, opts: Options): Promise<void> {
  if (!opts.reuse) await admin.query(`CREATE DATABASE ${name}`);
  await migrateDatabaseAt(databaseUrl(name));
  await db.connect();
  if (opts.reuse) return;
  const seeded = performance.now();
  await seedArchive(db, opts.articles);
  process.stdout.write(`seeded ${opts.articles} articles in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`);
}

type Started = Pick<BenchApp, 'name' | 'child' | 'logFile' | 'stop'>;

/** The compiled API (rate limits out of the way) and the bare route; their base URLs once both answer. */
async function startProcesses(
  name: string,
  children: Started[],
  options: { folder: string; profile: string | null },
): Promise<{ api: string; bare: string }> {
  const [apiPort, barePort] = [await freePort(), await freePort()];
  const env = benchAppEnv({
    databaseUrl: databaseUrl(name),
    redisUrl: REDIS_URL,
    prefix: `bench-api-${name}`,
    port: apiPort,
    adminKey: ADMIN_KEY,
    logLevel: 'warn',
  });
  const nodeArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : [];
  const api = startBenchApp('api', 'api', env, { folder: options.folder, nodeArgs });
  const bare = startBenchScript('bare', join(__dirname, 'bare-app.js'), {}, { folder: options.folder, args: [String(barePort)] });
  children.push(api, bare);
  const urls = { api: `http://127.0.0.1:${apiPort}`, bare: `http://127.0.0.1:${barePort}` };
  await Promise.all([waitForApi(urls.api, api), waitForHttp(`${urls.bare}/bare`, bare)]);
  return urls;
}

/** Every scenario once warm, then `runs` rounds of all of them; the figures per scenario. */
async function runScenarios(
  urls: { api: string; bare: string },
  ids: string[],
  opts: Options,
  meters: Meters | undefined,
): Promise<Record<string, Figures[]>> {
  // --only=<words>: the bare route and the scenarios whose name has one of the comma-separated words.
  const only = opts.only?.split(',');
  const all = scenarios(ids).filter((s) => s.port === 'bare' || !only || only.some((word) => s.name.includes(word)));
  // Warm the caches once, as a running installation has them.
  for (const scenario of all) await measure(urls[scenario.port], ADMIN_KEY, scenario, { seconds: 2, connections: 10 });
  const figures: Record<string, Figures[]> = {};
  for (let run = 1; run <= opts.runs; run++) {
    for (const scenario of all) {
      const result = await measure(urls[scenario.port], ADMIN_KEY, scenario, {
        seconds: opts.seconds,
        connections: opts.connections,
        meters,
      });
      (figures[scenario.name] ??= []).push(result);
      printRun(run, scenario.name, result);
      // The API finishes the requests autocannon gave up on: a slow scenario's backlog must not count against the next.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
  }
  return figures;
}

async function main(): Promise<void> {
  const opts = options();
  const name = opts.reuse ?? `copydesk_bench_api_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  const db = new Client({ connectionString: databaseUrl(name) });
  await admin.connect();
  const children: Started[] = [];
  const logs = benchFolder('api');
  let finished = false;
  try {
    await prepareDatabase(admin, db, name, opts);
    const count = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM articles`)).rows[0].n);
    const ids = (await db.query<{ id: string }>(`SELECT id FROM articles TABLESAMPLE SYSTEM (5) LIMIT 5000`)).rows.map((r) => r.id);
    const urls = await startProcesses(name, children, { folder: logs.folder, profile: opts.profile });
    const meters = children[0].child.pid ? { apiPid: children[0].child.pid, db, database: name } : undefined;
    const figures = await runScenarios(urls, ids, opts, meters);
    process.stdout.write(`\n${count} articles, ${opts.connections} connections, ${opts.seconds} s per run, median of ${opts.runs} runs:\n`);
    const failed = printSummary(figures);
    const seqScans = await explainHotPaths(db, databaseUrl(name), ids[0]);
    process.stdout.write(
      `\n${failed ? 'p99 >= 50 ms on a hot path' : 'every hot path p99 < 50 ms'}; ${seqScans ? 'a sequential scan of articles on a hot path' : 'no sequential scan of articles'}\n`,
    );
    if (failed || seqScans) process.exitCode = 1;
    finished = true;
  } finally {
    // Waited for: a profiled API writes its profile as it exits.
    await Promise.all(children.map((child) => child.stop()));
    // The processes' logs are kept when the run broke off: they say why.
    if (finished) logs.remove();
    else process.stderr.write(`process logs kept in ${logs.folder}\n`);
    await db.end().catch(() => undefined);
    if (!opts.keep && !opts.reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    else process.stdout.write(`kept the database ${name} (--reuse=${name})\n`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:api: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
