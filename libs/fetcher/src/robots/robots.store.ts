import type { Redis } from 'ioredis';

/** What is known about one origin's robots.txt, and until when. */
export type RobotsRecord =
  | { kind: 'rules'; body: string; expiresAt: number }
  /** 4xx: RFC 9309 says the crawler may access anything. */
  | { kind: 'allow-all'; expiresAt: number }
  /** 5xx, 429 or network failure: RFC 9309 says assume complete disallow until it can be fetched again. */
  | { kind: 'unreachable'; expiresAt: number };

/** Where fetched robots.txt outcomes are kept between fetches (and, with Redis, between workers). */
export interface RobotsStore {
  get(origin: string): Promise<RobotsRecord | undefined>;
  set(origin: string, record: RobotsRecord): Promise<void>;
}

/** In-process store, bounded so a crawl over many hosts cannot grow it without limit. */
export class MemoryRobotsStore implements RobotsStore {
  private readonly records = new Map<string, RobotsRecord>();

  constructor(private readonly maxEntries = 1000) {}

  get(origin: string): Promise<RobotsRecord | undefined> {
    const record = this.records.get(origin);
    if (record && record.expiresAt <= Date.now()) {
      this.records.delete(origin);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(record);
  }

  set(origin: string, record: RobotsRecord): Promise<void> {
    this.records.delete(origin);
    this.records.set(origin, record);
    // Map iteration is insertion order, so the first key is the least recently written.
    while (this.records.size > this.maxEntries) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
    }
    return Promise.resolve();
  }
}

/** Redis store: one JSON value per origin under `<prefix>fetcher:robots:<origin>`, expiring with the record. */
export class RedisRobotsStore implements RobotsStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async get(origin: string): Promise<RobotsRecord | undefined> {
    const raw = await this.redis.get(this.key(origin));
    if (raw === null) return undefined;
    const record = parseRecord(raw);
    return record && record.expiresAt > Date.now() ? record : undefined;
  }

  async set(origin: string, record: RobotsRecord): Promise<void> {
    const ttlMs = Math.ceil(record.expiresAt - Date.now());
    if (ttlMs <= 0) return;
    await this.redis.set(this.key(origin), JSON.stringify(record), 'PX', ttlMs);
  }

  private key(origin: string): string {
    return `${this.keyPrefix}fetcher:robots:${origin}`;
  }
}

function parseRecord(raw: string): RobotsRecord | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || !('kind' in value) || !('expiresAt' in value)) return undefined;
    const { kind, expiresAt } = value;
    if (typeof expiresAt !== 'number') return undefined;
    if (kind === 'rules' && 'body' in value && typeof value.body === 'string') return { kind, body: value.body, expiresAt };
    if (kind === 'allow-all' || kind === 'unreachable') return { kind, expiresAt };
    return undefined;
  } catch {
    // Another version's or a corrupted value: refetch rather than fail.
    return undefined;
  }
}
