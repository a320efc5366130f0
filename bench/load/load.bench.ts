/**
 * `npm run bench:load`: C concurrent CMS clients (50 by default) push articles to the API for S seconds (60), each
 * one push after the other on a keep-alive connection. Prints accepted pushes/s, errors by kind, p50/p99/max accept
 * latency, the API's CPU per push, and checks that every accepted push is stored: the raw items and articles in the
 * database after the run must equal the 202s counted by the clients (a 202 is only sent after the commit).
 *
 * Runs its own PostgreSQL (embedded, from npm) and redis-server (from PATH), or DATABASE_URL / REDIS_URL with
 * `--external`. Reads ../shared/nlp/bbc-news/train.jsonl (exits non-zero when it is missing) unless --texts=templated.
 * Options: --clients=50 --seconds=60 --texts=bbc|templated --with-workers (the three workers run meanwhile, as in
 * production; by default only the API, to measure intake alone) --log-level=info --json=<file>
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import {
  type AppName,
  type BenchApp,
  type BenchServers,
  benchFolder,
  freePort,
  logTail,
  scratchDatabase,
  startBenchApp,
  startServers,
  waitForApi,
  waitUntil,
  benchAppEnv,
} from '../support/bench-stack';
import { deleteKeys } from '../support/bullmq-drain';
import { QueueDepthSampler } from '../support/pipeline-probes';
import { loadAverage, machineBusy, ownCpuSeconds, UsageMeter } from '../support/process-usage';
import { percentile, runPushClients } from '../support/push-clients';
import { benchArticles, MissingBenchDataError, type TextKind } from '../pipeline/news-texts';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const say = (line: string): void => void process.stderr.write(`[bench:load] ${line}\n`);

class UsageError extends Error {}

interface Options {
  clients: number;
  seconds: number;
  texts: TextKind;
  withWorkers: boolean;
  external: boolean;
  logLevel: string;
  json: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const int = (name: string, fallback: number): number => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
    return n;
  };
  const texts = value('texts') ?? 'bbc';
  if (texts !== 'bbc' && texts !== 'templated') throw new UsageError('--texts must be bbc or templated');
  return {
    clients: int('clients', 50),
    seconds: int('seconds', 60),
    texts,
    withWorkers: argv.includes('--with-workers'),
    external: argv.includes('--external'),
    logLevel: value('log-level') ?? 'info',
    json: value('json'),
  };
}

type PushRun = Awaited<ReturnType<typeof runPushClients>>;

interface LoadFigures {
  result: PushRun;
  usage: ReturnType<UsageMeter['stop']>;
  /** Share of all cores busy during the run, and the load average before it. */
  machine: number;
  loadBefore: number;
  /** CPU seconds of this process (the load generator). */
  ownCpu: number;
  stored: number;
  articles: number;
}

interface LoadRun {
  opts: Options;
  texts: ReturnType<typeof benchArticles>;
  baseUrl: string;
  tag: string;
}

const pushAll = (run: LoadRun, idPrefix: string, untilMs: number): Promise<PushRun> =>
  runPushClients({
    baseUrl: run.baseUrl,
    apiKey: ADMIN_KEY,
    clients: run.opts.clients,
    pushes: run.texts.map((t, i) => ({ ...t, externalId: `${idPrefix}-${run.tag}-${i}` })),
    untilMs,
  });

const countRawItems = async (db: Client): Promise<number> =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM raw_items`)).rows[0].n);

/** The measured pushes, with the CPU they cost and what the database holds after them. */
async function measureLoad(run: LoadRun, apps: BenchApp[], servers: BenchServers, db: Client): Promise<LoadFigures> {
  const { opts, tag } = run;
  const before = await countRawItems(db);
  const meter = new UsageMeter([...apps.map((app) => ({ name: app.name, pid: app.child.pid as number })), ...servers.tracked]);
  const busy = machineBusy();
  const loadBefore = loadAverage().load1;
  const ownBefore = ownCpuSeconds();
  meter.start();
  say(`${opts.clients} clients pushing for ${opts.seconds} s${opts.withWorkers ? ', the workers running' : ' (the API alone)'}`);
  const result = await pushAll(run, 'load', opts.seconds * 1000);
  const usage = meter.stop();
  const machine = busy();
  const ownCpu = ownCpuSeconds() - ownBefore;
  const stored = (await countRawItems(db)) - before;
  const articles = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM articles WHERE external_id LIKE $1`, [`load-${tag}-%`])).rows[0].n,
  );
  return { result, usage, machine, loadBefore, ownCpu, stored, articles };
}

/** Prints the figures (and writes them to --json); false when a push failed or an accepted one is not stored. */
function reportLoad(opts: Options, { result, usage, machine, loadBefore, ownCpu, stored, articles }: LoadFigures): boolean {
  const accepted = result.latencies.length;
  const errors = [...result.errors.values()].reduce((a, b) => a + b, 0);
  const seconds = (result.endedAt - result.startedAt) / 1000;
  const distinct = new Set(result.ids).size;
  const lines = [
    `\n== bench:load: ${opts.clients} clients for ${opts.seconds} s, ${opts.texts} texts${opts.withWorkers ? ', workers running' : ', API alone'} ==`,
    `accepted            ${accepted} (${(accepted / seconds).toFixed(0)} pushes/s)`,
    `errors              ${errors}${errors ? ` ${JSON.stringify(Object.fromEntries(result.errors))}` : ''}`,
    `accept latency      p50 ${percentile(result.latencies, 50).toFixed(0)} ms, p99 ${percentile(result.latencies, 99).toFixed(0)} ms, max ${Math.max(...result.latencies).toFixed(0)} ms`,
    `stored              ${stored} raw items, ${articles} articles (${distinct} distinct ids answered): accepted = stored ${stored === accepted && articles === distinct ? 'yes' : 'NO'}`,
    `machine             ${(machine * 100).toFixed(0)} % of all cores busy (load average ${loadBefore.toFixed(1)}); load generator ${((ownCpu * 1000) / Math.max(1, accepted)).toFixed(2)} ms CPU per push`,
    `process               CPU s   ms/push   peak RSS`,
    ...usage.map(
      (u) =>
        `  ${u.name.padEnd(20)}${u.cpuSeconds.toFixed(1).padStart(6)}  ${((u.cpuSeconds * 1000) / Math.max(1, accepted)).toFixed(2).padStart(8)}   ${u.peakRssMb === null ? '-' : `${u.peakRssMb.toFixed(0)} MB`}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (opts.json) {
    const [p50, p99] = [percentile(result.latencies, 50), percentile(result.latencies, 99)];
    const figures = { options: opts, accepted, errors: Object.fromEntries(result.errors), p50, p99, stored, articles, seconds, usage };
    writeFileSync(opts.json, JSON.stringify(figures, null, 2));
  }
  return stored === accepted && errors === 0;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const texts = benchArticles(opts.texts, opts.texts === 'bbc' ? 1725 : 500);
  const { folder, remove } = benchFolder('bench-load');
  const servers = await startServers({ external: opts.external, folder, say });
  const database = await scratchDatabase(servers, 'load');
  const prefix = `cdload-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...benchAppEnv({ databaseUrl: database.url, redisUrl: servers.redisUrl, prefix, port, adminKey: ADMIN_KEY, logLevel: opts.logLevel }),
  };
  const names: AppName[] = ['api', ...(opts.withWorkers ? (['ingest-worker', 'enrichment-worker', 'publish-worker'] as AppName[]) : [])];
  const apps = names.map((name) => startBenchApp(name, name, env, { folder }));
  const depth = new QueueDepthSampler(servers.redisUrl, prefix);
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    await waitForApi(baseUrl, apps[0]);
    if (opts.withWorkers) await waitUntil(async () => Object.values(await depth.workers()).every((n) => n >= 1), 120_000, 'the workers');
    const run: LoadRun = { opts, texts, baseUrl, tag: prefix.slice(-6) };
    // Warm-up: a few seconds of the same load, not counted.
    await pushAll(run, 'warm', 3_000);
    if (!reportLoad(opts, await measureLoad(run, apps, servers, db))) process.exitCode = 1;
  } catch (err) {
    for (const app of apps) say(`--- ${app.name} log tail\n${logTail(app)}`);
    throw err;
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await depth.close();
    await db.end();
    await database.drop();
    await deleteKeys(servers.redisUrl, `${prefix}:*`);
    await servers.stop();
    remove();
  }
}

main().catch((err: unknown) => {
  if (err instanceof MissingBenchDataError || err instanceof UsageError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`bench:load failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
