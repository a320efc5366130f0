import { Pool } from 'undici';

/** One push as a CMS sends it. */
export interface Push {
  title: string;
  body: string;
  externalId: string;
}

export interface PushResult {
  /** Article ids the API gave back (202), in push order. */
  ids: string[];
  /** Latency of each accepted push, ms. */
  latencies: number[];
  /** Non-202 answers and transport errors, by what happened. */
  errors: Map<string, number>;
  /** performance.now() of the first request and of the last answer. */
  startedAt: number;
  endedAt: number;
}

/**
 * `clients` CMS clients, each with one keep-alive connection, pushing one article after another: from `pushes` until
 * they run out, or (with `untilMs`) the same texts again under new external ids until the time is up.
 */
export async function runPushClients(options: {
  baseUrl: string;
  apiKey: string;
  clients: number;
  pushes: Push[];
  untilMs?: number;
}): Promise<PushResult> {
  const pool = new Pool(options.baseUrl, { connections: options.clients, pipelining: 1 });
  const result: PushResult = { ids: [], latencies: [], errors: new Map(), startedAt: performance.now(), endedAt: 0 };
  const headers = { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' };
  let next = 0;
  const take = (): Push | null => {
    if (options.untilMs === undefined) return next < options.pushes.length ? options.pushes[next++] : null;
    if (performance.now() - result.startedAt >= options.untilMs) return null;
    const push = options.pushes[next % options.pushes.length];
    const round = Math.floor(next++ / options.pushes.length);
    return round === 0 ? push : { ...push, externalId: `${push.externalId}-r${round}` };
  };
  const client = async (): Promise<void> => {
    for (let push = take(); push; push = take()) {
      const started = performance.now();
      try {
        const response = await pool.request({ method: 'POST', path: '/v1/articles', headers, body: JSON.stringify(push) });
        const text = await response.body.text();
        if (response.statusCode === 202) {
          result.latencies.push(performance.now() - started);
          result.ids.push((JSON.parse(text) as { id: string }).id);
        } else {
          const key = `HTTP ${response.statusCode}`;
          result.errors.set(key, (result.errors.get(key) ?? 0) + 1);
        }
      } catch (err) {
        const key = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        result.errors.set(key, (result.errors.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  result.endedAt = performance.now();
  await pool.close();
  return result;
}

/** The p-th percentile (0-100) of `values`, nearest rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
