import autocannon from 'autocannon';
import type { Client } from 'pg';
import { cpuSeconds } from '../support/process-usage';
import { SOURCE_COUNT } from './seed-archive';

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
export const BARE = 'bare NestJS route';

export interface Scenario {
  name: string;
  port: 'api' | 'bare';
  path: () => string;
}

export interface Figures {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
  /** CPU milliseconds per request of the API process and of its database's backends (null where /proc cannot tell). */
  apiCpuMs: number | null;
  pgCpuMs: number | null;
}

/**
 * Whose CPU time a run is charged: the API process, and the PostgreSQL backends serving its database (a local server:
 * they are read from /proc). CPU per request holds on a busy machine, where latency and rates follow the neighbours.
 */
export interface Meters {
  apiPid: number;
  db: Client;
  database: string;
}

async function backendsCpu(meters: Meters): Promise<Map<number, number>> {
  const { rows } = await meters.db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [meters.database],
  );
  return new Map(rows.map((row) => [row.pid, cpuSeconds({ name: 'backend', pid: row.pid })]));
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The bare route, then the four hot paths of the read API, each request with random values from the archive. */
export function scenarios(ids: readonly string[]): Scenario[] {
  const window = (): string => {
    const from = Date.now() - Math.floor(Math.random() * 330) * 86_400_000;
    return `publishedFrom=${new Date(from - 30 * 86_400_000).toISOString()}&publishedTo=${new Date(from).toISOString()}`;
  };
  const source = (): string => `bench-${Math.floor(Math.random() * SOURCE_COUNT)}`;
  return [
    { name: BARE, port: 'bare', path: () => '/bare' },
    { name: 'get by id', port: 'api', path: () => `/v1/articles/${pick(ids)}` },
    {
      name: 'filtered list (source+status+dates)',
      port: 'api',
      path: () => `/v1/articles?source=${source()}&status=published&${window()}&limit=20`,
    },
    { name: 'full-text search + source filter', port: 'api', path: () => `/v1/articles?q=${pick(WORDS)}&source=${source()}&limit=20` },
    { name: 'topic incl. narrower', port: 'api', path: () => `/v1/articles?topic=${pick(TOPICS)}&limit=20` },
  ];
}

export async function measure(
  url: string,
  key: string,
  scenario: Scenario,
  options: { seconds: number; connections: number; meters?: Meters },
): Promise<Figures> {
  const { seconds, connections, meters } = options;
  const before =
    meters && scenario.port === 'api' ? { api: cpuSeconds({ name: 'api', pid: meters.apiPid }), pg: await backendsCpu(meters) } : null;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${key}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: scenario.path() }) }],
  });
  const figures = {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  if (!meters || !before || result.requests.total === 0) return { ...figures, apiCpuMs: null, pgCpuMs: null };
  const api = cpuSeconds({ name: 'api', pid: meters.apiPid }) - before.api;
  let pg = 0;
  // A backend that was not there before started during the run: all its time is the run's.
  for (const [pid, now] of await backendsCpu(meters)) pg += now - (before.pg.get(pid) ?? 0);
  const perRequest = (cpu: number): number | null => (cpu > 0 ? (cpu * 1000) / result.requests.total : null);
  return { ...figures, apiCpuMs: perRequest(api), pgCpuMs: perRequest(pg) };
}

const ms = (value: number | null): string => (value === null ? '   -' : value.toFixed(2).padStart(5));

export function printRun(run: number, scenario: string, result: Figures): void {
  process.stdout.write(
    `run ${run} ${scenario.padEnd(38)} p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms  ${result.rps.toFixed(0).padStart(6)} req/s  ` +
      `CPU/request api ${ms(result.apiCpuMs)} ms pg ${ms(result.pgCpuMs)} ms  non-2xx ${result.non2xx}  errors ${result.errors}\n`,
  );
}

/** The median of the runs per scenario; true when a hot path's p99 is 50 ms or more. */
export function printSummary(figures: Record<string, Figures[]>): boolean {
  process.stdout.write(`${'scenario'.padEnd(38)}   p50 ms   p99 ms    req/s  CPU ms/request: api    pg   (p99 of each run)\n`);
  let failed = false;
  for (const [scenario, runs] of Object.entries(figures)) {
    const p99 = median(runs.map((r) => r.p99));
    if (scenario !== BARE && p99 >= 50) failed = true;
    const p50 = String(median(runs.map((r) => r.p50))).padStart(8);
    const rps = median(runs.map((r) => r.rps))
      .toFixed(0)
      .padStart(8);
    const cpu = (pick: (r: Figures) => number | null): number | null => {
      const values = runs.map(pick).filter((v): v is number => v !== null);
      return values.length ? median(values) : null;
    };
    process.stdout.write(
      `${scenario.padEnd(38)} ${p50} ${String(p99).padStart(8)} ${rps}               ${ms(cpu((r) => r.apiCpuMs))} ${ms(cpu((r) => r.pgCpuMs))}   (${runs.map((r) => r.p99).join(', ')})\n`,
    );
    if (runs.some((r) => r.non2xx > 0 || r.errors > 0)) process.stdout.write(`  ! ${scenario}: non-2xx or errors in a run\n`);
  }
  return failed;
}
