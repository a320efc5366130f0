import { freePort } from '@copydesk/embedded';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { ADMIN_KEY, SECRETS_KEY } from '../../support/e2e-setup';
import { createIsolatedEnvironment } from '../../support/isolated-environment';
import { type AppName, type RunningApp, startApp, waitFor, waitForHealthy } from '../../support/processes';
import { parseEvent, storyBody } from '../../support/publish-stack';
import { startSubscriber, type SubscriberServer } from '../../support/subscriber-server';
import { type PrivatePostgres, postgresBinDir, startPrivatePostgres } from './private-postgres';
import { type PrivateRedis, startPrivateRedis } from './private-redis';

export const FAULT_ADMIN_KEY = ADMIN_KEY;
const WORKERS: AppName[] = ['ingest-worker', 'enrichment-worker', 'publish-worker'];

/**
 * Short everything, so a crash is noticed and recovered from in seconds: job locks and stalled checks, the
 * reconciler and sweepers, bounded waits, and a delivery retry schedule (~45 s in all) that outlasts every outage
 * the tests cause.
 */
const FAST_RECOVERY: Record<string, string> = {
  WORKER_LOCK_MS: '5000',
  WORKER_STALLED_CHECK_MS: '1000',
  RECONCILE_INTERVAL_MS: '1000',
  RECONCILE_STUCK_AFTER_MS: '5000',
  OUTBOX_SWEEP_MS: '1000',
  QUEUE_ADD_TIMEOUT_MS: '1000',
  DATABASE_CONNECT_TIMEOUT_MS: '2000',
  DATABASE_POOL_SIZE: '5',
  DELIVERY_RETRY_SCHEDULE: '1s,1s,1s,2s,2s,2s,3s,3s,3s,3s,5s,5s,5s,5s,5s',
  DELIVERY_TIMEOUT_MS: '3000',
};

export interface FaultStack {
  redis: PrivateRedis;
  /** Null when the machine has no PostgreSQL server programs: a database on the shared server is used instead. */
  postgres: PrivatePostgres | null;
  baseUrl: string;
  subscriber: SubscriberServer;
  app(name: AppName): RunningApp;
  /** SIGKILL one process (no cleanup, no goodbye) and start a new one in its place. */
  killAndRestart(name: AppName): Promise<void>;
  /** Resolves once the queue has a job running, so a kill lands mid-job. */
  waitForActiveJob(queue: 'ingest' | 'enrichment' | 'publish', timeoutMs?: number): Promise<void>;
  sql<T = Record<string, unknown>>(text: string, parameters?: unknown[]): Promise<T[]>;
  /** Processes that exited on their own (none should: an outage is waited out, not crashed on). */
  exited(): string[];
  logs(): string;
  stop(): Promise<void>;
}

/** The four processes from dist on a Redis and (when it can) a PostgreSQL cluster of this test's own. */
export async function startFaultStack(label: string, options: { ownPostgres?: 'required' | 'preferred' } = {}): Promise<FaultStack> {
  const bin = postgresBinDir();
  const redis = await startPrivateRedis();
  const postgres = bin ? await startPrivatePostgres(bin) : null;
  if (!postgres && options.ownPostgres === 'required') throw new Error('no PostgreSQL server programs');
  const databaseUrl = postgres?.url ?? (await createIsolatedEnvironment(label)).databaseUrl;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: `fault-${label}`,
    // A fresh cluster: the processes migrate it at boot, under the advisory lock, as in production.
    DATABASE_MIGRATE: postgres ? 'true' : 'false',
    PORT: String(port),
    COPYDESK_ADMIN_KEY: FAULT_ADMIN_KEY,
    SECRETS_KEY,
    FETCH_ALLOW_LOOPBACK: 'true',
    LOG_LEVEL: 'warn',
    ...FAST_RECOVERY,
  };
  const apps = new Map<AppName, RunningApp>();
  const dead: RunningApp[] = [];
  for (const name of ['api', ...WORKERS] as AppName[]) apps.set(name, startApp(name, env));
  const baseUrl = `http://127.0.0.1:${port}`;
  const subscriber = await startSubscriber();
  // A pool, not one client: the test's own connection dies with the server too, and must come back with it.
  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  db.on('error', () => undefined);
  const queues = new Map<string, Queue>();
  const queue = (name: string): Queue => {
    let found = queues.get(name);
    if (!found) {
      found = new Queue(name, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: 1 }, prefix: env.QUEUE_PREFIX });
      found.on('error', () => undefined);
      queues.set(name, found);
    }
    return found;
  };
  const logs = (): string => [...dead, ...apps.values()].map((app) => `--- ${app.name}\n${app.output().slice(-3000)}`).join('\n');

  const stack: FaultStack = {
    redis,
    postgres,
    baseUrl,
    subscriber,
    app: (name) => apps.get(name) as RunningApp,
    async killAndRestart(name) {
      const old = apps.get(name) as RunningApp;
      await old.stop('SIGKILL');
      dead.push(old);
      apps.set(name, startApp(name, env));
    },
    async waitForActiveJob(name, timeoutMs = 30_000) {
      await waitFor(async () => (await queue(name).getActiveCount()) > 0, { timeoutMs, intervalMs: 20, describe: logs });
    },
    async sql<T>(text: string, parameters: unknown[] = []) {
      return (await db.query(text, parameters)).rows as T[];
    },
    exited: () => [...apps.values()].filter((app) => app.child.exitCode !== null || app.child.signalCode !== null).map((app) => app.name),
    logs,
    async stop() {
      await Promise.all([...apps.values()].map((app) => app.stop()));
      await Promise.all([...queues.values()].map((q) => q.close().catch(() => undefined)));
      await db.end().catch(() => undefined);
      await subscriber.close();
      await redis.destroy();
      await postgres?.destroy();
    },
  };
  try {
    await waitForHealthy(baseUrl, apps.get('api') as RunningApp, 120_000);
    const created = await fetch(`${baseUrl}/v1/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${FAULT_ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: subscriber.url }),
    });
    if (created.status !== 201) throw new Error(`subscription answered ${created.status}: ${await created.text()}`);
    // Workers are up once each queue has one listening.
    await waitFor(
      async () => (await Promise.all(['ingest', 'enrichment', 'publish'].map((name) => queue(name).getWorkersCount()))).every((n) => n > 0),
      { timeoutMs: 120_000, describe: logs },
    );
  } catch (err) {
    await stack.stop();
    throw err;
  }
  return stack;
}

/** What one push got back. */
export interface PushResult {
  index: number;
  status: number | 'hung' | 'refused';
  id?: string;
  retryAfter?: string | null;
  contentType?: string | null;
  ms: number;
}

const PLACES = ['harbour', 'council', 'railway', 'library', 'hospital', 'school', 'bridge', 'market', 'airport', 'museum'];

/** A distinct, ordinary article: each push is its own article (its own external id). */
export function faultArticle(run: string, index: number): Record<string, unknown> {
  const place = PLACES[index % PLACES.length];
  return {
    externalId: `${run}-${index}`,
    title: `${place} works, part ${index} of the ${run} series`,
    body: storyBody(`Work on the ${place} entered phase ${index} on Tuesday, the city engineer said.`, [
      `Residents near the ${place} were told to expect noise until ${index % 12} in the evening.`,
      `The ${run} project has cost ${index * 13} thousand so far, according to the latest report.`,
    ]),
    byline: 'By Ana Ruiz',
  };
}

/**
 * Pushes `count` articles from `clients` concurrent callers. A push that takes longer than 20 s counts as hung:
 * every wait in the API is bounded, so there must be none.
 */
export async function pushArticles(
  stack: FaultStack,
  run: string,
  count: number,
  clients: number,
  onEach?: (done: number) => Promise<void> | void,
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  let next = 0;
  const one = async (index: number): Promise<PushResult> => {
    const started = Date.now();
    try {
      const response = await fetch(`${stack.baseUrl}/v1/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${FAULT_ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(faultArticle(run, index)),
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await response.json().catch(() => ({}))) as { id?: string };
      return {
        index,
        status: response.status,
        id: response.status === 202 ? body.id : undefined,
        retryAfter: response.headers.get('retry-after'),
        contentType: response.headers.get('content-type'),
        ms: Date.now() - started,
      };
    } catch (err) {
      const hung = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      return { index, status: hung ? 'hung' : 'refused', ms: Date.now() - started };
    }
  };
  const client = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results.push(await one(index));
      await onEach?.(results.length);
    }
  };
  await Promise.all(Array.from({ length: clients }, () => client()));
  return results.sort((a, b) => a.index - b.index);
}

export interface FaultTally {
  accepted: number;
  stored: number;
  published: number;
  delivered: number;
  /** Article events the subscriber accepted under more than one webhook-id: must be none. */
  eventsUnderTwoIds: number;
}

/** Article ids the subscriber accepted an `article.created` for. */
function deliveredIds(stack: FaultStack): Set<string> {
  return new Set(
    stack.subscriber
      .accepted()
      .map(parseEvent)
      .filter((event) => event.type === 'article.created')
      .map((event) => event.articleId),
  );
}

/** Waits (up to `timeoutMs`) for every accepted article to be delivered, then counts each stage. */
export async function tally(stack: FaultStack, accepted: string[], timeoutMs = 90_000): Promise<FaultTally> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !accepted.every((id) => deliveredIds(stack).has(id))) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const [{ stored }] = await stack.sql<{ stored: number }>(
    `SELECT count(DISTINCT article_id)::int AS stored FROM raw_items WHERE article_id = ANY($1::uuid[])`,
    [accepted],
  );
  const [{ published }] = await stack.sql<{ published: number }>(
    `SELECT count(*)::int AS published FROM articles WHERE id = ANY($1::uuid[]) AND status = 'published'`,
    [accepted],
  );
  const delivered = deliveredIds(stack);
  const idsPerEvent = new Map<string, Set<string>>();
  for (const event of stack.subscriber.accepted().map(parseEvent)) {
    const key = `${event.articleId} ${event.type}`;
    idsPerEvent.set(key, (idsPerEvent.get(key) ?? new Set()).add(event.eventId));
  }
  return {
    accepted: accepted.length,
    stored,
    published,
    delivered: accepted.filter((id) => delivered.has(id)).length,
    eventsUnderTwoIds: [...idsPerEvent.values()].filter((ids) => ids.size > 1).length,
  };
}

/** Where the articles that were not delivered stand, for a failure message. */
export async function undelivered(stack: FaultStack, accepted: string[]): Promise<string> {
  const delivered = deliveredIds(stack);
  const missing = accepted.filter((id) => !delivered.has(id));
  if (missing.length === 0) return 'none';
  const rows = await stack.sql(
    `SELECT a.id, a.status, a.revision, a.redrives, a.failure_reason,
            (SELECT json_agg(json_build_object('status', r.status, 'redrives', r.redrives, 'error', r.error)) FROM raw_items r WHERE r.article_id = a.id) AS raw,
            (SELECT json_agg(json_build_object('status', d.status, 'attempts', d.attempts, 'waiting', d.waiting_for, 'error', d.last_error)) FROM deliveries d WHERE d.article_id = a.id) AS deliveries
     FROM articles a WHERE a.id = ANY($1::uuid[]) LIMIT 10`,
    [missing],
  );
  return `${missing.length} not delivered, e.g.\n${JSON.stringify(rows, null, 1)}`;
}

/** One line per scenario in the test output: the figures the issue asks for. */
export function report(scenario: string, counts: FaultTally, pushes: PushResult[]): void {
  const byStatus = new Map<string, number>();
  for (const push of pushes) byStatus.set(String(push.status), (byStatus.get(String(push.status)) ?? 0) + 1);
  const answers = [...byStatus.entries()].map(([status, n]) => `${status}×${n}`).join(' ');
  console.log(
    `[fault] ${scenario}: accepted=${counts.accepted} stored=${counts.stored} published=${counts.published} delivered=${counts.delivered}` +
      ` (pushes answered ${answers}; events under two webhook-ids: ${counts.eventsUnderTwoIds})`,
  );
}
