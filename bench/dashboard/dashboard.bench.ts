/**
 * `npm run bench:dashboard`: the admin overview at archive scale. Seeds a scratch database with 100,000 articles
 * (a month of a newsroom: statuses and timestamps as a running pipeline leaves them, their inputs, deliveries to
 * three subscribers with their attempts), starts the compiled API on it, and times the overview page (`GET
 * /admin`, the whole HTML read) as a browser gets it: each run after the overview's 2 s cache has expired, so every
 * run reads PostgreSQL and Redis afresh. Prints each run, the median, and the plan of each overview query
 * (EXPLAIN ANALYZE), flagging a sequential scan of a large table. Fails (exit 1) when the median is 1 s or more, or
 * when a section of the overview could not be read.
 *
 * Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL, else the local servers `npm test` uses) and a build (`nest
 * build`, which the npm script runs). Reads nothing from ../shared. Options: --articles=100000 --runs=7 --keep
 * (keep the scratch database: --reuse=<name> on the next run).
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
  waitForApi,
} from '../support/bench-stack';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { explainOverview } from './overview-plans';
import { seedNewsroom } from './seed-newsroom';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;
// The overview is cached this long (OverviewService): a run waits it out so it measures a fresh read.
const OVERVIEW_CACHE_MS = 2_000;
const BUDGET_MS = 1_000;

interface Options {
  articles: number;
  runs: number;
  keep: boolean;
  reuse: string | null;
}

function options(): Options {
  const reuse = benchArg('reuse') ?? null;
  if (reuse !== null && !/^copydesk_bench_dashboard_[a-z0-9]+$/.test(reuse)) throw new Error('--reuse takes a name this bench printed');
  return { articles: benchInt('articles', 100_000), runs: benchInt('runs', 7), keep: process.argv.includes('--keep'), reuse };
}

function databaseUrl(name: string): string {
  return databaseUrlOn(ADMIN_URL, name);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One overview page as a browser reads it: the request and the whole body; what it says about sections it could not read. */
async function renderOnce(api: string): Promise<{ ms: number; total: string | null; errors: string[] }> {
  const started = performance.now();
  const response = await fetch(`${api}/admin`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET /admin answered ${response.status}: ${body.slice(0, 300)}`);
  const total = /id="articles-total">([\d,]+)</.exec(body)?.[1] ?? null;
  const errors = [...body.matchAll(/<p class="error">([^<]*)</g)].map((m) => m[1]);
  return { ms, total, errors };
}

async function prepare(opts: Options, admin: Client, name: string): Promise<void> {
  if (opts.reuse) return;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrl(name);
  await migrateDatabaseAt(url);
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const started = performance.now();
    const seeded = await seedNewsroom(db, opts.articles);
    process.stdout.write(
      `seeded ${seeded.articles} articles, ${seeded.rawItems} inputs, ${seeded.deliveries} deliveries, ${seeded.attempts} attempts ` +
        `(${seeded.lastHour} articles in the last hour) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await db.end();
  }
}

async function startApi(url: string, name: string, folder: string): Promise<{ api: BenchApp; base: string }> {
  const port = await freePort();
  const env = benchAppEnv({
    databaseUrl: url,
    redisUrl: REDIS_URL,
    prefix: `bench-dashboard-${name}`,
    port,
    adminKey: ADMIN_KEY,
    logLevel: 'warn',
  });
  const api = startBenchApp('api', 'api', env, { folder });
  const base = `http://127.0.0.1:${port}`;
  await waitForApi(base, api);
  return { api, base };
}

interface OverviewTimes {
  times: number[];
  total: string | null;
  sectionErrors: string[];
}

async function timeOverview(base: string, runs: number): Promise<OverviewTimes> {
  // The first render warms what a running API has warm (connections, prepared plans, the JIT).
  const warm = await renderOnce(base);
  process.stdout.write(`warm-up render ${warm.ms.toFixed(0)} ms\n`);
  const times: number[] = [];
  let sectionErrors: string[] = [];
  let total: string | null = null;
  for (let run = 1; run <= runs; run++) {
    await sleep(OVERVIEW_CACHE_MS + 100);
    const result = await renderOnce(base);
    times.push(result.ms);
    total = result.total;
    sectionErrors = [...sectionErrors, ...result.errors];
    process.stdout.write(`run ${run}: ${result.ms.toFixed(0)} ms (articles shown: ${result.total ?? '?'})\n`);
  }
  return { times, total, sectionErrors };
}

/** Prints the figure and what went wrong; exit code 1 over budget or with a section unread. */
function report({ times, total, sectionErrors }: OverviewTimes, runs: number, seqScans: string[]): void {
  const figure = median(times);
  process.stdout.write(
    `\noverview page (GET /admin) with ${total ?? '?'} articles: median ${figure.toFixed(0)} ms of ${runs} runs ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); budget ${BUDGET_MS} ms\n`,
  );
  if (seqScans.length) process.stdout.write(`sequential scans of large tables: ${seqScans.join(', ')}\n`);
  if (sectionErrors.length) process.stdout.write(`sections that could not be read: ${[...new Set(sectionErrors)].join('; ')}\n`);
  if (figure >= BUDGET_MS || sectionErrors.length) process.exitCode = 1;
}

async function main(): Promise<void> {
  const opts = options();
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = opts.reuse ?? `copydesk_bench_dashboard_${Date.now().toString(36)}`;
  let api: BenchApp | null = null;
  const logs = benchFolder('dashboard');
  try {
    await prepare(opts, admin, name);
    const url = databaseUrl(name);
    const started = await startApi(url, name, logs.folder);
    api = started.api;
    const times = await timeOverview(started.base, opts.runs);
    const db = new Client({ connectionString: url });
    await db.connect();
    let seqScans: string[];
    try {
      seqScans = await explainOverview(db, (text) => process.stdout.write(text));
    } finally {
      await db.end();
    }
    report(times, opts.runs, seqScans);
  } finally {
    await api?.stop();
    logs.remove();
    if (!opts.keep && !opts.reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    else process.stdout.write(`kept the database ${name} (--reuse=${name})\n`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:dashboard: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
