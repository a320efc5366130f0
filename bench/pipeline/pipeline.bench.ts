/**
 * `npm run bench:pipeline`: real news texts pushed from C clients through the whole system (API, ingest, enrichment,
 * publish workers) to a subscriber on 127.0.0.1, timed until the subscriber has every article.
 *
 * Prints accepted pushes/s with p50/p99 accept latency, end-to-end articles/s, per-stage p50/p95 from stored
 * timestamps, each queue's peak depth, CPU share and peak RSS per process, CPU-ms per article summed over every
 * Copydesk process plus PostgreSQL and Redis (from /proc, so a busy machine slows the run but not the cost), the
 * statements PostgreSQL spent its time on, the Redis commands per article (INFO commandstats) and the bare BullMQ drain
 * rate on the same Redis as the ceiling.
 *
 * Runs its own PostgreSQL (the embedded server from npm, with pg_stat_statements) and redis-server (from PATH), so
 * their CPU can be counted; `--external` uses DATABASE_URL / REDIS_URL instead (their CPU is then not counted).
 * Reads ../shared/nlp/bbc-news/train.jsonl (exits non-zero when it is missing) unless --texts=templated.
 *
 * Options: --articles=1500 --clients=16 --mode=single|scaled|both (scaled: two ingest and two enrichment workers)
 * --texts=bbc|templated --runs=1 --concurrency=<WORKER_CONCURRENCY> --log-level=info --statements=12 --warmup=40
 * --profile (CPU profiles of the app processes into the bench folder) --keep (keep the folder) --json=<file>
 * --explain=<ms> (plans of statements slower than that, in postgres/server.log in the bench folder)
 * --node-options="<flags>" (passed to node for every app process, e.g. --max-old-space-size=256)
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
import { startBenchSubscriber, type BenchSubscriber } from '../support/bench-subscriber';
import { bareDrainRate, deleteKeys } from '../support/bullmq-drain';
import {
  graphFigures,
  QueueDepthSampler,
  redisCommandFigures,
  redisCommandStats,
  stageTimings,
  statementTotals,
  topStatements,
  type GraphFigures,
  type RedisCommandFigures,
  type StageTiming,
  type StatementFigure,
} from '../support/pipeline-probes';
import { loadAverage, machineBusy, ownCpuSeconds, UsageMeter } from '../support/process-usage';
import { percentile, runPushClients, type Push } from '../support/push-clients';
import { benchArticles, MissingBenchDataError, templatedArticles, type TextKind } from './news-texts';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
type Mode = 'single' | 'scaled';

interface Options {
  articles: number;
  clients: number;
  modes: Mode[];
  texts: TextKind;
  runs: number;
  concurrency: number | undefined;
  logLevel: string;
  statements: number;
  warmup: number;
  external: boolean;
  profile: boolean;
  keep: boolean;
  json: string | undefined;
  explainMs: number | undefined;
  nodeOptions: string[];
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const int = (name: string, fallback: number, min = 1): number => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer of at least ${min}`);
    return n;
  };
  const mode = value('mode') ?? 'single';
  if (!['single', 'scaled', 'both'].includes(mode)) throw new UsageError('--mode must be single, scaled or both');
  const texts = value('texts') ?? 'bbc';
  if (texts !== 'bbc' && texts !== 'templated') throw new UsageError('--texts must be bbc or templated');
  return {
    articles: int('articles', 1500),
    clients: int('clients', 16),
    modes: mode === 'both' ? ['single', 'scaled'] : [mode as Mode],
    texts,
    runs: int('runs', 1),
    concurrency: value('concurrency') === undefined ? undefined : int('concurrency', 4),
    logLevel: value('log-level') ?? 'info',
    statements: int('statements', 12, 0),
    warmup: int('warmup', 40, 0),
    external: argv.includes('--external'),
    profile: argv.includes('--profile'),
    keep: argv.includes('--keep'),
    json: value('json'),
    explainMs: value('explain') === undefined ? undefined : int('explain', 10, 0),
    nodeOptions: (argv.find((a) => a.startsWith('--node-options='))?.slice('--node-options='.length) ?? '').split(' ').filter(Boolean),
  };
}

class UsageError extends Error {}

interface RunFigures {
  mode: Mode;
  articles: number;
  clients: number;
  acceptedPerSecond: number;
  acceptP50: number;
  acceptP99: number;
  pushErrors: Record<string, number>;
  endToEndPerSecond: number;
  wallSeconds: number;
  stages: StageTiming[];
  queuePeaks: Record<string, number>;
  processes: Array<{ name: string; cpuSeconds: number; share: number; cpuMsPerArticle: number; peakRssMb: number | null }>;
  cpuMsPerArticle: number;
  loadGeneratorCpuMsPerArticle: number;
  machineBusy: number;
  loadBefore: number;
  loadAfter: number;
  statementsPerArticle: number | null;
  nestedStatementsPerArticle: number | null;
  commitsPerArticle: number | null;
  redis: RedisCommandFigures;
  topStatements: StatementFigure[];
  graph: GraphFigures;
  duplicates: { articles: number; messages: number };
}

const APPS: Record<Mode, Array<[string, AppName]>> = {
  single: [
    ['api', 'api'],
    ['ingest-worker', 'ingest-worker'],
    ['enrichment-worker', 'enrichment-worker'],
    ['publish-worker', 'publish-worker'],
  ],
  scaled: [
    ['api', 'api'],
    ['ingest-worker-1', 'ingest-worker'],
    ['ingest-worker-2', 'ingest-worker'],
    ['enrichment-worker-1', 'enrichment-worker'],
    ['enrichment-worker-2', 'enrichment-worker'],
    ['publish-worker', 'publish-worker'],
  ],
};

const say = (line: string): void => void process.stderr.write(`[bench:pipeline] ${line}\n`);

async function post(baseUrl: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(parsed)}`);
  return parsed;
}

async function pushAndWait(
  baseUrl: string,
  subscriber: BenchSubscriber,
  pushes: Push[],
  clients: number,
  apps: BenchApp[],
): Promise<{ result: Awaited<ReturnType<typeof runPushClients>>; lastArrival: number }> {
  const result = await runPushClients({ baseUrl, apiKey: ADMIN_KEY, clients, pushes });
  if (result.ids.length !== pushes.length) {
    throw new Error(`${pushes.length - result.ids.length} pushes were refused: ${JSON.stringify([...result.errors])}`);
  }
  const timeoutMs = Math.max(180_000, pushes.length * 200);
  await waitUntil(
    () => {
      for (const app of apps) if (app.child.exitCode !== null) throw new Error(`${app.name} exited:\n${logTail(app)}`);
      return result.ids.every((id) => subscriber.arrivals.has(id));
    },
    timeoutMs,
    `${pushes.length} articles at the subscriber`,
    100,
  ).catch((err: unknown) => {
    const missing = result.ids.filter((id) => !subscriber.arrivals.has(id)).length;
    throw new Error(`${missing} of ${pushes.length} never arrived: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  const lastArrival = Math.max(...result.ids.map((id) => subscriber.arrivals.get(id) as number));
  return { result, lastArrival };
}

/** Waits until the mode's worker processes consume their queues (two ingest and enrichment workers when scaled). */
async function waitForWorkers(depth: QueueDepthSampler, mode: Mode): Promise<void> {
  const expected = { ingest: mode === 'scaled' ? 2 : 1, enrichment: mode === 'scaled' ? 2 : 1, publish: 1 };
  await waitUntil(
    async () => {
      const workers = await depth.workers();
      return workers.ingest >= expected.ingest && workers.enrichment >= expected.enrichment && workers.publish >= expected.publish;
    },
    120_000,
    'the workers to start',
    200,
  );
}

/** One run's running system: its apps, subscriber, queue sampler and database client. */
interface RunRig {
  servers: BenchServers;
  opts: Options;
  mode: Mode;
  runIndex: number;
  baseUrl: string;
  apps: BenchApp[];
  subscriber: BenchSubscriber;
  depth: QueueDepthSampler;
  db: Client;
}

/** The measured pushes, their way to the subscriber timed and their CPU counted; the run's figures. */
async function measureRun(rig: RunRig, pushes: Push[]): Promise<RunFigures> {
  const { servers, opts, mode, runIndex, apps, subscriber, depth, db } = rig;
  if (servers.statements) await db.query('SELECT pg_stat_statements_reset()');
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const totalsBefore = servers.statements ? await statementTotals(db) : null;
  const redisBefore = await redisCommandStats(servers.redisUrl);

  const tracked = [
    ...apps.map((app) => ({ name: app.name.replace(`-${mode}${runIndex}`, ''), pid: app.child.pid as number })),
    ...servers.tracked,
  ];
  const meter = new UsageMeter(tracked);
  const loadBefore = loadAverage().load1;
  const busy = machineBusy();
  const ownBefore = ownCpuSeconds();
  meter.start();
  depth.start();
  const { result, lastArrival } = await pushAndWait(rig.baseUrl, subscriber, pushes, opts.clients, apps);
  const usage = meter.stop();
  const queuePeaks = await depth.stop();
  const machine = busy();
  const ownCpu = ownCpuSeconds() - ownBefore;
  const wallSeconds = (lastArrival - result.startedAt) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const totalsAfter = servers.statements ? await statementTotals(db) : null;
  const redisAfter = await redisCommandStats(servers.redisUrl);

  const n = opts.articles;
  const total = usage.reduce((sum, u) => sum + u.cpuSeconds, 0);
  return {
    mode,
    articles: n,
    clients: opts.clients,
    acceptedPerSecond: n / ((result.endedAt - result.startedAt) / 1000),
    acceptP50: percentile(result.latencies, 50),
    acceptP99: percentile(result.latencies, 99),
    pushErrors: Object.fromEntries(result.errors),
    endToEndPerSecond: n / wallSeconds,
    wallSeconds,
    stages: await stageTimings(db, result.ids),
    queuePeaks,
    processes: usage.map((u) => ({
      name: u.name,
      cpuSeconds: u.cpuSeconds,
      share: u.cpuSeconds / wallSeconds,
      cpuMsPerArticle: (u.cpuSeconds * 1000) / n,
      peakRssMb: u.peakRssMb,
    })),
    cpuMsPerArticle: (total * 1000) / n,
    loadGeneratorCpuMsPerArticle: (ownCpu * 1000) / n,
    machineBusy: machine,
    loadBefore,
    loadAfter: loadAverage().load1,
    statementsPerArticle: totalsBefore && totalsAfter ? (totalsAfter.calls - totalsBefore.calls) / n : null,
    nestedStatementsPerArticle: totalsBefore && totalsAfter ? (totalsAfter.nested - totalsBefore.nested) / n : null,
    commitsPerArticle: totalsBefore && totalsAfter ? (totalsAfter.commits - totalsBefore.commits) / n : null,
    redis: redisCommandFigures(redisBefore, redisAfter, n),
    topStatements: servers.statements && opts.statements > 0 ? await topStatements(db, opts.statements) : [],
    graph: await graphFigures(db),
    duplicates: { articles: subscriber.duplicateArticles(), messages: subscriber.duplicateMessages() },
  };
}

async function runOnce(servers: BenchServers, folder: string, opts: Options, mode: Mode, runIndex: number): Promise<RunFigures> {
  const database = await scratchDatabase(servers, `${mode}${runIndex}`);
  const prefix = `cdbench-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...benchAppEnv({ databaseUrl: database.url, redisUrl: servers.redisUrl, prefix, port, adminKey: ADMIN_KEY, logLevel: opts.logLevel }),
    FETCH_ALLOW_LOOPBACK: 'true',
    ...(opts.concurrency ? { WORKER_CONCURRENCY: String(opts.concurrency) } : {}),
  };
  const nodeArgs = [...opts.nodeOptions, ...(opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${folder}/profiles-${mode}${runIndex}`] : [])];
  const apps = APPS[mode].map(([name, app]) => startBenchApp(`${name}-${mode}${runIndex}`, app, env, { folder, nodeArgs }));
  const subscriber = await startBenchSubscriber();
  const depth = new QueueDepthSampler(servers.redisUrl, prefix);
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    await waitForApi(baseUrl, apps[0]);
    await waitForWorkers(depth, mode);
    await post(baseUrl, '/v1/subscriptions', { url: subscriber.url, name: 'bench subscriber' });

    const tag = prefix.slice(-6);
    if (opts.warmup > 0) {
      // Warm-up (JIT, pools, the enrichment model's first use) on texts unlike the measured ones.
      const warm = templatedArticles(opts.warmup).map((a, i) => ({ ...a, externalId: `warm-${tag}-${i}` }));
      await pushAndWait(baseUrl, subscriber, warm, Math.min(opts.clients, 4), apps);
    }
    const pushes: Push[] = benchArticles(opts.texts, opts.articles).map((a, i) => ({ ...a, externalId: `bench-${tag}-${i}` }));
    return await measureRun({ servers, opts, mode, runIndex, baseUrl, apps, subscriber, depth, db }, pushes);
  } catch (err) {
    for (const app of apps) say(`--- ${app.name} log tail\n${logTail(app)}`);
    throw err;
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await depth.close();
    await subscriber.close();
    await db.end();
    await database.drop();
    await deleteKeys(servers.redisUrl, `${prefix}:*`);
  }
}

const ms = (v: number | null): string => (v === null || Number.isNaN(v) ? 'n/a' : `${v.toFixed(0)} ms`);

function report(run: RunFigures, drain: number, opts: Options): string {
  const lines: string[] = [];
  const workers = run.mode === 'single' ? 'one process per stage' : 'two ingest and two enrichment workers';
  lines.push(`\n== ${run.mode}: ${workers}; ${run.articles} ${opts.texts} articles from ${run.clients} clients ==`);
  lines.push(
    `accepted pushes/s   ${run.acceptedPerSecond.toFixed(0)}  (accept latency p50 ${ms(run.acceptP50)}, p99 ${ms(run.acceptP99)}; errors ${JSON.stringify(run.pushErrors)})`,
  );
  lines.push(
    `end to end          ${run.endToEndPerSecond.toFixed(1)} articles/s  (${run.wallSeconds.toFixed(1)} s until the subscriber had all)`,
  );
  lines.push(
    `CPU per article     ${run.cpuMsPerArticle.toFixed(2)} ms  (every process below; load generator ${run.loadGeneratorCpuMsPerArticle.toFixed(2)} ms more)`,
  );
  if (run.statementsPerArticle !== null)
    lines.push(
      `statements/article  ${run.statementsPerArticle.toFixed(1)} sent, ${run.nestedStatementsPerArticle?.toFixed(1)} run inside them (triggers, foreign keys); commits/article ${run.commitsPerArticle?.toFixed(1)}`,
    );
  // Server-wide counts: the bench's own queue-depth sampler (a few commands every 250 ms) is in them, and with
  // --external every other client of that Redis too.
  lines.push(
    `redis/article       ${run.redis.commandsPerArticle.toFixed(1)} commands (scripts' included): ${run.redis.top.map((c) => `${c.command} ${c.perArticle.toFixed(1)}`).join(', ')}`,
  );
  lines.push(`bare BullMQ drain   ${drain.toFixed(0)} jobs/s on the same Redis (ceiling)`);
  lines.push(
    `machine            ${(run.machineBusy * 100).toFixed(0)} % of all cores busy during the run (load average ${run.loadBefore.toFixed(1)} → ${run.loadAfter.toFixed(1)})`,
  );
  lines.push(`stages (p50 / p95):`);
  for (const s of run.stages) lines.push(`  ${s.stage.padEnd(24)} ${ms(s.p50).padStart(9)} / ${ms(s.p95).padStart(9)}`);
  lines.push(
    `queue peak depth:   ${Object.entries(run.queuePeaks)
      .map(([q, d]) => `${q} ${d}`)
      .join(', ')}`,
  );
  lines.push(`process               CPU s   share   ms/article   peak RSS`);
  for (const p of run.processes)
    lines.push(
      `  ${p.name.padEnd(20)}${p.cpuSeconds.toFixed(1).padStart(6)}  ${(p.share * 100).toFixed(0).padStart(4)} %  ${p.cpuMsPerArticle.toFixed(2).padStart(9)}   ${p.peakRssMb === null ? '-' : `${p.peakRssMb.toFixed(0)} MB`}`,
    );
  lines.push(
    `relations ${run.graph.relations} (at most ${run.graph.maxRelationsPerArticle} per article); clusters ${run.graph.clusters} (largest ${run.graph.largestCluster})`,
  );
  lines.push(`subscriber duplicates: ${run.duplicates.articles} articles, ${run.duplicates.messages} webhook-ids`);
  if (run.topStatements.length) {
    // Rows per call is the batch size of a batched write; "in" marks a statement run inside another.
    lines.push(`top statements (calls, total ms, mean ms, rows/call):`);
    for (const s of run.topStatements)
      lines.push(
        `  ${String(s.calls).padStart(7)} ${s.totalMs.toFixed(0).padStart(7)} ${s.meanMs.toFixed(3).padStart(8)} ${(s.rows / Math.max(1, s.calls)).toFixed(1).padStart(6)} ${s.toplevel ? '  ' : 'in'} ${s.query}`,
      );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  // Fail before starting anything when the texts are missing.
  if (opts.texts === 'bbc') benchArticles('bbc', 1);
  const { folder, remove } = benchFolder('bench-pipeline');
  const servers = await startServers({ external: opts.external, folder, say, explainMs: opts.explainMs });
  const runs: RunFigures[] = [];
  try {
    say('measuring the bare BullMQ drain rate');
    const drain = await bareDrainRate(servers.redisUrl);
    for (const mode of opts.modes) {
      for (let i = 0; i < opts.runs; i++) {
        say(`${mode} run ${i + 1} of ${opts.runs}: ${opts.articles} articles`);
        const run = await runOnce(servers, folder, opts, mode, i);
        runs.push(run);
        process.stdout.write(`${report(run, drain, opts)}\n`);
      }
    }
    if (opts.json) writeFileSync(opts.json, JSON.stringify({ options: opts, drain, runs }, null, 2));
    say(
      opts.external
        ? 'PostgreSQL and Redis were the shared ones (--external): their CPU is not counted above'
        : 'PostgreSQL and Redis were private to the bench: their CPU is counted above',
    );
    if (opts.keep || opts.profile || opts.explainMs !== undefined) say(`logs${opts.profile ? ' and CPU profiles' : ''} kept in ${folder}`);
  } finally {
    await servers.stop();
    if (!opts.keep && !opts.profile && opts.explainMs === undefined) remove();
  }
}

main().catch((err: unknown) => {
  if (err instanceof MissingBenchDataError || err instanceof UsageError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`bench:pipeline failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
