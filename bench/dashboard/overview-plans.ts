import { createDataSource, DashboardRepository, OperationsRepository } from '@copydesk/database';
import type { Client } from 'pg';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Tables that grow with the archive: a sequential scan of one of them is what would make the overview slow.
const LARGE_TABLES = /Seq Scan on (articles|raw_items|deliveries|delivery_attempts)\b/g;

interface Captured {
  label: string;
  sql: string;
  parameters: unknown[];
}

/**
 * Runs the overview's PostgreSQL reads as OverviewService asks them (the same repositories, the same windows),
 * prints each one's time, then its plan (EXPLAIN ANALYZE of the very SQL it sent). Answers the large tables a plan
 * scanned whole.
 */
export async function explainOverview(db: Client, print: (text: string) => void): Promise<string[]> {
  const url = `postgres://${db.user ?? 'postgres'}@${db.host}:${db.port}/${db.database ?? ''}`;
  const real = createDataSource({ url, poolSize: 1 });
  await real.initialize();
  const captured: Captured[] = [];
  let label = '';
  // The repositories' one door to PostgreSQL, watched: each SQL is kept with its parameters and still runs.
  const watched = new Proxy(real, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
      return (sql: string, parameters: unknown[] = []) => {
        captured.push({ label, sql, parameters });
        return target.query(sql, parameters);
      };
    },
  });
  const operations = new OperationsRepository(watched);
  const dashboard = new DashboardRepository(watched);
  const now = Date.now();
  const ago = (ms: number): Date => new Date(now - ms);
  const minute = new Date(Math.floor((now - 179 * MINUTE) / MINUTE) * MINUTE);
  const reads: Array<[string, () => Promise<unknown>]> = [
    ['articles by status', () => operations.articlesByStatus()],
    ['inputs per 5 minutes, 6 h', () => operations.ingestBuckets(ago(6 * HOUR - 5 * MINUTE), new Date(now), 300)],
    ['time to publication, 1 h', () => operations.publishLatency(ago(HOUR), ago(6 * HOUR))],
    ['failed articles, 24 h', () => operations.recentFailedArticles(ago(24 * HOUR), 10)],
    ['failed inputs, 24 h', () => operations.recentFailedRawItems(ago(24 * HOUR), 10)],
    ['deliveries by subscription, 24 h', () => operations.deliveriesBySubscription(ago(24 * HOUR))],
    ['received per minute, 3 h', () => dashboard.receivedPerBucket(minute, 60)],
    ['delivered per minute, 3 h', () => dashboard.deliveredPerBucket(minute, 60)],
  ];
  try {
    print('\noverview reads (each on its own, warm):\n');
    for (const [name, read] of reads) {
      label = name;
      await read();
      const started = performance.now();
      await read();
      print(`  ${name.padEnd(34)} ${(performance.now() - started).toFixed(1).padStart(7)} ms\n`);
    }
  } finally {
    await real.destroy();
  }
  const scanned = new Set<string>();
  const seen = new Set<string>();
  for (const query of captured) {
    if (seen.has(query.label)) continue;
    seen.add(query.label);
    const rows = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.parameters)).rows;
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    const tables = [...plan.matchAll(LARGE_TABLES)].map((m) => m[1]);
    for (const table of tables) scanned.add(`${table} (${query.label})`);
    print(`\n--- plan: ${query.label}${tables.length ? `  [SEQ SCAN OF ${tables.join(', ')}]` : ''}\n${plan}\n`);
  }
  return [...scanned];
}
