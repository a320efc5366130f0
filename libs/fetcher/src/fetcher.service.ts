import { Agent } from 'undici';
import { DEFAULT_ACCEPT_HEADER, DEFAULT_ACCEPTED_CONTENT_TYPES, isTextualMediaType } from './body/content-type.policy';
import { decodeBody } from './charset/charset.decoder';
import { FetchError, FetchErrorCode } from './fetch.error';
import type { FetcherOptions, FetchOptions, FetchResult } from './fetcher.types';
import { asError } from './fetch-error.mapper';
import { exchange, type HopOutcome } from './http.exchange';
import type { HostLease, HostLimiter } from './politeness/host.limiter';
import { MemoryHostLimiter } from './politeness/memory-host.limiter';
import { RedisHostLimiter } from './politeness/redis-host.limiter';
import { productTokenOf, type RobotsOutcome, RobotsPolicy } from './robots/robots.policy';
import { MemoryRobotsStore, RedisRobotsStore } from './robots/robots.store';
import type { AddressPolicyOptions } from './ssrf/address.policy';
import { createGuardedConnector } from './ssrf/guarded.connector';
import { checkUrlPolicy } from './ssrf/url.policy';

const MiB = 1024 * 1024;
// Headers a caller may not set: framing and hop-by-hop ones belong to the HTTP client, Accept-Encoding to the
// body reader (it must know every layer to cap it), Host and User-Agent to the fetcher.
const RESERVED_HEADERS = new Set([
  'host',
  'user-agent',
  'accept-encoding',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'proxy-authorization',
  'proxy-connection',
  'if-none-match',
  'if-modified-since',
]);
// Credentials meant for one origin are not handed to whatever it redirects to (as in the Fetch standard).
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie']);

interface Settings {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  policy: AddressPolicyOptions;
  perHostConcurrency: number;
  perHostMinIntervalMs: number;
  maxHostWaitMs: number;
  hostPollMs: number;
  defaultRetryAfterMs: number;
  maxRetryAfterMs: number;
  robotsMaxBytes: number;
  acceptContentTypes: readonly string[];
}

/** One request inside the fetcher: a caller's fetch, or the fetcher's own robots.txt fetch. */
interface RunRequest extends Omit<FetchOptions, 'acceptContentTypes'> {
  checkRobots: boolean;
  maxBytes: number;
  truncate: boolean;
  acceptContentTypes: readonly string[] | 'any';
}

/**
 * The safe HTTP client for feeds, pages and any URL a user gives: SSRF guard on the URL, every redirect hop and the
 * connected address; size, time and content-type limits; robots.txt; per-host politeness shared through Redis;
 * conditional GET; charset decoding. One instance per process; call {@link Fetcher.close} on shutdown.
 */
export class Fetcher {
  private readonly settings: Settings;
  private readonly agent: Agent;
  private readonly limiter: HostLimiter;
  private readonly robots?: RobotsPolicy;

  constructor(options: FetcherOptions) {
    this.settings = resolveSettings(options);
    const keyPrefix = options.keyPrefix ?? 'copydesk:';
    this.agent = new Agent({
      connect: createGuardedConnector({
        ...this.settings.policy,
        connectTimeoutMs: this.settings.timeoutMs,
        resolve: options.resolve,
        connect: options.connect,
      }),
      headersTimeout: this.settings.timeoutMs,
      bodyTimeout: this.settings.timeoutMs,
    });
    this.limiter = options.redis ? new RedisHostLimiter(options.redis, keyPrefix) : new MemoryHostLimiter();
    const robots = options.robots ?? {};
    if (robots.enabled ?? true) {
      this.robots = new RobotsPolicy({
        store: options.redis ? new RedisRobotsStore(options.redis, keyPrefix) : new MemoryRobotsStore(),
        fetchRobots: (robotsUrl) => this.fetchRobots(robotsUrl),
        productToken: robots.productToken ?? productTokenOf(this.settings.userAgent),
        cacheTtlMs: robots.cacheTtlMs ?? 24 * 3_600_000,
        unreachableTtlMs: robots.unreachableTtlMs ?? 600_000,
        maxCrawlDelayMs: robots.maxCrawlDelayMs ?? 30_000,
      });
    }
  }

  /**
   * Fetches a URL with every guard on. Resolves with `status: 'ok'` (body read and, for text, decoded) or
   * `status: 'not-modified'` (304: nothing read). Everything else rejects with a {@link FetchError}.
   */
  async fetch(url: string | URL, options: FetchOptions = {}): Promise<FetchResult> {
    try {
      return await this.run(url, {
        ...options,
        checkRobots: this.robots !== undefined,
        maxBytes: this.settings.maxBytes,
        truncate: false,
        acceptContentTypes: options.acceptContentTypes ?? this.settings.acceptContentTypes,
      });
    } catch (err) {
      // An abort while waiting on robots.txt surfaces as the signal's own reason; callers get one error type.
      if (options.signal?.aborted && !(err instanceof FetchError)) {
        throw new FetchError(FetchErrorCode.Aborted, 'fetch aborted by caller', { cause: err });
      }
      throw err;
    }
  }

  /** Closes pooled connections. Does not close the Redis client, which belongs to the caller. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private async run(input: string | URL, request: RunRequest): Promise<FetchResult> {
    const startedAt = Date.now();
    const { settings } = this;
    let url = checkUrlPolicy(input, settings.policy);
    const firstOrigin = url.origin;
    const redirects: string[] = [];
    let waitMs = 0;
    let networkMs = 0;

    for (;;) {
      throwIfCallerAborted(request.signal, url);
      const waitStarted = Date.now();
      const lease = await this.politeSlot(url, request);
      waitMs += Date.now() - waitStarted;

      let outcome: HopOutcome;
      const hopStarted = Date.now();
      try {
        const budgetMs = settings.timeoutMs - networkMs;
        if (budgetMs <= 0) throw new FetchError(FetchErrorCode.Timeout, `no answer within ${settings.timeoutMs} ms`, { url: url.href });
        const host = url.host;
        outcome = await exchange(this.agent, {
          url,
          headers: this.headersFor(url, firstOrigin, request),
          budgetMs,
          signal: request.signal,
          maxBytes: request.maxBytes,
          truncate: request.truncate,
          acceptContentTypes: request.acceptContentTypes,
          defaultRetryAfterMs: settings.defaultRetryAfterMs,
          maxRetryAfterMs: settings.maxRetryAfterMs,
          coolDown: (durationMs) => this.limiter.coolDown(host, durationMs),
        });
      } finally {
        networkMs += Date.now() - hopStarted;
        // A failed release only delays the slot until its lease expires; it must not hide the fetch's own outcome.
        await lease.release().catch(() => undefined);
      }

      if (outcome.kind === 'redirect') {
        url = this.nextHop(url, outcome.location, redirects);
        continue;
      }
      const timings = { startedAt, waitMs, ttfbMs: outcome.ttfbMs, totalMs: Date.now() - startedAt };
      return toFetchResult(url, outcome, request, redirects, timings);
    }
  }

  /** Waits for the host's politeness slot: robots.txt's crawl delay, the source's and the installation's limits. */
  private async politeSlot(url: URL, request: RunRequest): Promise<HostLease> {
    const { settings } = this;
    const verdict = request.checkRobots && this.robots ? await this.robots.check(url, request.signal) : {};
    return this.limiter.acquire(url.host, {
      concurrency: Math.max(1, Math.min(settings.perHostConcurrency, request.politeness?.concurrency ?? Infinity)),
      minIntervalMs: Math.max(settings.perHostMinIntervalMs, verdict.crawlDelayMs ?? 0, request.politeness?.minIntervalMs ?? 0),
      leaseMs: settings.timeoutMs + 5_000,
      maxWaitMs: settings.maxHostWaitMs,
      pollMs: settings.hostPollMs,
      signal: request.signal,
    });
  }

  private nextHop(from: URL, location: string, redirects: string[]): URL {
    if (redirects.length >= this.settings.maxRedirects) {
      throw new FetchError(FetchErrorCode.TooManyRedirects, `more than ${this.settings.maxRedirects} redirects`, {
        url: from.href,
      });
    }
    let next: URL;
    try {
      next = checkUrlPolicy(new URL(location, from).href, this.settings.policy);
    } catch (err) {
      throw new FetchError(FetchErrorCode.RedirectRefused, `redirect from ${from.href} refused: ${describe(err)}`, {
        url: from.href,
        cause: err,
      });
    }
    redirects.push(next.href);
    return next;
  }

  private headersFor(url: URL, firstOrigin: string, request: RunRequest): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [rawName, value] of Object.entries(request.headers ?? {})) {
      const name = rawName.toLowerCase();
      if (RESERVED_HEADERS.has(name)) continue;
      if (CREDENTIAL_HEADERS.has(name) && url.origin !== firstOrigin) continue;
      headers[name] = value;
    }
    headers['user-agent'] = this.settings.userAgent;
    headers['accept'] = request.accept ?? DEFAULT_ACCEPT_HEADER;
    headers['accept-encoding'] = 'gzip, deflate, br';
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    return headers;
  }

  // RFC 9309: 4xx means no rules; 5xx, 429 and network failures mean "assume disallow for now".
  private async fetchRobots(robotsUrl: URL): Promise<RobotsOutcome> {
    try {
      const result = await this.run(robotsUrl, {
        accept: 'text/plain',
        checkRobots: false,
        maxBytes: this.settings.robotsMaxBytes,
        truncate: true,
        acceptContentTypes: 'any',
      });
      return { kind: 'rules', body: result.bytes.toString('utf8') };
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      switch (err.code) {
        case FetchErrorCode.HttpStatus:
          return err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500
            ? { kind: 'allow-all' }
            : { kind: 'unreachable' };
        case FetchErrorCode.UrlRefused:
        case FetchErrorCode.AddressRefused:
        case FetchErrorCode.RedirectRefused:
        case FetchErrorCode.TooManyRedirects:
        case FetchErrorCode.ContentTypeRefused:
        case FetchErrorCode.TooLarge:
        case FetchErrorCode.RobotsDisallowed:
          // "Unavailable" in RFC 9309 terms: the page fetch still meets its own guards.
          return { kind: 'allow-all' };
        case FetchErrorCode.Timeout:
        case FetchErrorCode.Aborted:
        case FetchErrorCode.RobotsUnreachable:
        case FetchErrorCode.RateLimited:
        case FetchErrorCode.ConnectionFailed:
        case FetchErrorCode.TlsFailed:
        case FetchErrorCode.BadResponse:
          return { kind: 'unreachable' };
      }
    }
  }
}

function resolveSettings(options: FetcherOptions): Settings {
  const userAgent = options.userAgent.trim();
  if (userAgent === '' || /[\r\n]/.test(userAgent)) throw new TypeError('userAgent must be a non-empty single line');
  const settings: Settings = {
    userAgent,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 15 * MiB,
    maxRedirects: options.maxRedirects ?? 5,
    policy: {
      allowLoopback: options.allowLoopback ?? false,
      loopbackPorts: options.loopbackPorts,
      allowPrivate: options.allowPrivate ?? false,
    },
    perHostConcurrency: options.perHostConcurrency ?? 2,
    perHostMinIntervalMs: options.perHostMinIntervalMs ?? 1000,
    maxHostWaitMs: options.maxHostWaitMs ?? 30_000,
    hostPollMs: options.hostPollMs ?? 50,
    defaultRetryAfterMs: options.defaultRetryAfterMs ?? 60_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 6 * 3_600_000,
    robotsMaxBytes: options.robots?.maxBytes ?? 512 * 1024,
    acceptContentTypes: options.acceptContentTypes ?? DEFAULT_ACCEPTED_CONTENT_TYPES,
  };
  for (const key of ['timeoutMs', 'maxBytes', 'perHostConcurrency', 'maxHostWaitMs', 'hostPollMs', 'robotsMaxBytes'] as const) {
    if (!(settings[key] > 0)) throw new TypeError(`${key} must be positive`);
  }
  if (!(settings.maxRedirects >= 0) || !(settings.perHostMinIntervalMs >= 0)) {
    throw new TypeError('maxRedirects and perHostMinIntervalMs must not be negative');
  }
  return settings;
}

function throwIfCallerAborted(signal: AbortSignal | undefined, url: URL): void {
  if (signal?.aborted) {
    throw new FetchError(FetchErrorCode.Aborted, 'fetch aborted by caller', { url: url.href, cause: signal.reason });
  }
}

function describe(err: unknown): string {
  return asError(err).message;
}

/** The last hop's answer as the caller sees it: not modified, or the body with its media type and decoded text. */
function toFetchResult(
  url: URL,
  outcome: Exclude<HopOutcome, { kind: 'redirect' }>,
  request: RunRequest,
  redirects: string[],
  timings: FetchResult['timings'],
): FetchResult {
  if (outcome.kind === 'not-modified') {
    return {
      status: 'not-modified',
      url: url.href,
      statusCode: outcome.statusCode,
      headers: outcome.headers,
      bytes: Buffer.alloc(0),
      etag: outcome.headers['etag'] ?? request.etag,
      lastModified: outcome.headers['last-modified'] ?? request.lastModified,
      redirects,
      timings,
    };
  }
  const essence = outcome.mediaType?.essence;
  const decoded =
    essence === undefined || isTextualMediaType(essence) ? decodeBody(outcome.bytes, outcome.headers['content-type']) : undefined;
  return {
    status: 'ok',
    url: url.href,
    statusCode: outcome.statusCode,
    headers: outcome.headers,
    contentType: essence,
    bytes: outcome.bytes,
    text: decoded?.text,
    charset: decoded?.charset,
    charsetSource: decoded?.source,
    etag: outcome.headers['etag'],
    lastModified: outcome.headers['last-modified'],
    redirects,
    timings,
  };
}
