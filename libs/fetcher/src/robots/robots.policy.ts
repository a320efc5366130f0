import robotsParser from 'robots-parser';
import { FetchError, FetchErrorCode } from '../fetch.error';
import { asError } from '../fetch-error.mapper';
import type { RobotsRecord, RobotsStore } from './robots.store';

/** What a fetch of robots.txt came to, before caching. */
export type RobotsOutcome = { kind: 'rules'; body: string } | { kind: 'allow-all' } | { kind: 'unreachable' };

/** Options for {@link RobotsPolicy}. */
export interface RobotsPolicyOptions {
  store: RobotsStore;
  /** Fetches `<origin>/robots.txt` through the safe path and says what came of it. */
  fetchRobots: (robotsUrl: URL) => Promise<RobotsOutcome>;
  /** Product token matched against `User-agent:` lines (case-insensitive), e.g. `CopydeskBot`. */
  productToken: string;
  /** How long rules and 4xx answers are trusted. RFC 9309: at most 24 h. */
  cacheTtlMs: number;
  /** How long an unreachable robots.txt blocks the origin before it is tried again. */
  unreachableTtlMs: number;
  /** Crawl-delay is honoured up to this much. */
  maxCrawlDelayMs: number;
}

/** What robots.txt lets a fetch do: proceed, at this pace. */
export interface RobotsVerdict {
  crawlDelayMs?: number;
}

type Robot = ReturnType<typeof robotsParser>;

interface ParsedEntry {
  record: RobotsRecord;
  robot?: Robot;
}

const MAX_PARSED_ENTRIES = 500;

/**
 * robots.txt per RFC 9309, cached in the store (Redis: shared by workers) and parsed once per process.
 * Concurrent checks for one origin share one fetch.
 */
export class RobotsPolicy {
  private readonly parsed = new Map<string, ParsedEntry>();
  private readonly loading = new Map<string, Promise<ParsedEntry>>();

  constructor(private readonly options: RobotsPolicyOptions) {}

  /**
   * @throws FetchError `robots-disallowed` (permanent) or `robots-unreachable` (retryable, with retryAfterMs)
   */
  async check(url: URL, signal?: AbortSignal): Promise<RobotsVerdict> {
    const entry = await this.entry(url.origin, signal);
    const { record } = entry;
    switch (record.kind) {
      case 'allow-all':
        return {};
      case 'unreachable':
        throw new FetchError(FetchErrorCode.RobotsUnreachable, `robots.txt of ${url.origin} is unreachable`, {
          url: url.href,
          retryAfterMs: Math.max(0, record.expiresAt - Date.now()),
        });
      case 'rules': {
        const robot = entry.robot ?? robotsParser(new URL('/robots.txt', url).href, record.body);
        entry.robot = robot;
        if (robot.isAllowed(url.href, this.options.productToken) === false) {
          throw new FetchError(FetchErrorCode.RobotsDisallowed, `robots.txt of ${url.origin} disallows ${url.pathname}`, {
            url: url.href,
          });
        }
        const delaySeconds = robot.getCrawlDelay(this.options.productToken);
        if (delaySeconds === undefined || !(delaySeconds > 0)) return {};
        return { crawlDelayMs: Math.min(delaySeconds * 1000, this.options.maxCrawlDelayMs) };
      }
    }
  }

  private async entry(origin: string, signal?: AbortSignal): Promise<ParsedEntry> {
    const cached = this.parsed.get(origin);
    if (cached && cached.record.expiresAt > Date.now()) return cached;
    let pending = this.loading.get(origin);
    if (!pending) {
      // Shared by every waiter, so it runs on its own timeout rather than the first caller's signal.
      pending = this.load(origin).finally(() => this.loading.delete(origin));
      this.loading.set(origin, pending);
    }
    return signal ? abortable(pending, signal) : pending;
  }

  private async load(origin: string): Promise<ParsedEntry> {
    let record = await this.options.store.get(origin);
    if (!record) {
      const outcome = await this.options.fetchRobots(new URL('/robots.txt', origin));
      const ttl = outcome.kind === 'unreachable' ? this.options.unreachableTtlMs : this.options.cacheTtlMs;
      record = { ...outcome, expiresAt: Date.now() + ttl };
      await this.options.store.set(origin, record);
    }
    const entry: ParsedEntry = { record };
    this.parsed.delete(origin);
    this.parsed.set(origin, entry);
    if (this.parsed.size > MAX_PARSED_ENTRIES) {
      const oldest = this.parsed.keys().next().value;
      if (oldest !== undefined) this.parsed.delete(oldest);
    }
    return entry;
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(asError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The robots.txt product token from a User-Agent: its first word, without version (`CopydeskBot/1.0 (...)` → `CopydeskBot`). */
export function productTokenOf(userAgent: string): string {
  return /^[A-Za-z_-]+/.exec(userAgent.trim())?.[0] ?? '*';
}
