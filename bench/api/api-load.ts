import autocannon from 'autocannon';
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

export async function measure(url: string, key: string, scenario: Scenario, seconds: number, connections: number): Promise<Figures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${key}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: scenario.path() }) }],
  });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, non2xx: result.non2xx, errors: result.errors };
}

export function printRun(run: number, scenario: string, result: Figures): void {
  process.stdout.write(
    `run ${run} ${scenario.padEnd(38)} p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms  ${result.rps.toFixed(0).padStart(6)} req/s  non-2xx ${result.non2xx}  errors ${result.errors}\n`,
  );
}

/** The median of the runs per scenario; true when a hot path's p99 is 50 ms or more. */
export function printSummary(figures: Record<string, Figures[]>): boolean {
  process.stdout.write(`${'scenario'.padEnd(38)}   p50 ms   p99 ms    req/s   (p99 of each run)\n`);
  let failed = false;
  for (const [scenario, runs] of Object.entries(figures)) {
    const p99 = median(runs.map((r) => r.p99));
    if (scenario !== BARE && p99 >= 50) failed = true;
    const p50 = String(median(runs.map((r) => r.p50))).padStart(8);
    const rps = median(runs.map((r) => r.rps))
      .toFixed(0)
      .padStart(8);
    process.stdout.write(`${scenario.padEnd(38)} ${p50} ${String(p99).padStart(8)} ${rps}   (${runs.map((r) => r.p99).join(', ')})\n`);
    if (runs.some((r) => r.non2xx > 0 || r.errors > 0)) process.stdout.write(`  ! ${scenario}: non-2xx or errors in a run\n`);
  }
  return failed;
}
