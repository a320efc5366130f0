import { ApiScope } from '@copydesk/contracts';

/** A token bucket: `capacity` requests at once, refilled at `capacity` per `windowSeconds`. */
export interface RateLimit {
  capacity: number;
  windowSeconds: number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `600/1m` (or `600/m`) → 600 per 60 s. The format is checked by the config schema; this only reads it. */
export function parseRateLimit(text: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d*)\s*([smh])\s*$/.exec(text);
  if (!match) throw new Error(`not a rate limit: ${text}`);
  const capacity = Number(match[1]);
  const windowSeconds = Number(match[2] || '1') * UNIT_SECONDS[match[3]];
  if (capacity < 1 || windowSeconds < 1) throw new Error(`a rate limit needs a count and a window of at least 1: ${text}`);
  return { capacity, windowSeconds };
}

/** `ingest=600/1m,read=1200/1m` → a limit per scope; a scope left out keeps its default. */
export function parseScopeLimits(text: string, defaults: Record<ApiScope, RateLimit>): Record<ApiScope, RateLimit> {
  const limits = { ...defaults };
  for (const pair of text.split(',')) {
    const [scope, limit] = pair.split('=').map((part) => part.trim());
    if (!Object.values(ApiScope).includes(scope as ApiScope)) throw new Error(`unknown scope in rate limits: ${scope}`);
    limits[scope as ApiScope] = parseRateLimit(limit);
  }
  return limits;
}

/** The IETF draft's policy header value: `600;w=60`. */
export function policyHeader(limit: RateLimit): string {
  return `${limit.capacity};w=${limit.windowSeconds}`;
}
