import type { Redis } from 'ioredis';
import type { CharsetSource } from './charset/charset.decoder';
import type { HostResolver, SocketConnector } from './ssrf/guarded.connector';

/** robots.txt settings. */
export interface RobotsOptions {
  /** Default true. Off only for URLs a person asked for explicitly (a user-submitted page), never for polling. */
  enabled?: boolean;
  /** How long a fetched robots.txt (or its 4xx) is trusted. Default 24 h, the RFC 9309 maximum. */
  cacheTtlMs?: number;
  /** How long a 5xx/unreachable robots.txt blocks the origin before it is tried again. Default 10 min. */
  unreachableTtlMs?: number;
  /** Bytes of robots.txt read; the rest is ignored (RFC 9309 asks for at least 500 KiB). Default 512 KiB. */
  maxBytes?: number;
  /** Crawl-delay is honoured up to this. Default 30 s. */
  maxCrawlDelayMs?: number;
  /** Token matched against `User-agent:` lines. Default: the first word of the User-Agent. */
  productToken?: string;
}

/**
 * Configuration of a {@link Fetcher}. Values come from the config lib; this library reads no environment.
 * Only `userAgent` is required; every other default is the safe one.
 */
export interface FetcherOptions {
  /** Sent on every request; say who you are and where to complain, e.g. `CopydeskBot/1.0 (+https://…/bot)`. */
  userAgent: string;
  /** Total network time for one fetch, redirects and body included (politeness waits excluded). Default 30 s. */
  timeoutMs?: number;
  /** Cap on the raw body and on every decompression layer. Default 15 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Let fetches reach 127.0.0.0/8 and ::1. Default false; development and tests only. */
  allowLoopback?: boolean;
  /** With allowLoopback, restrict loopback to these ports. */
  loopbackPorts?: readonly number[];
  /** Let fetches reach RFC 1918 / CGNAT / ULA addresses and single-label hosts (intranet installs). Default false. */
  allowPrivate?: boolean;
  /** Shared politeness state (limits, cool-downs, robots cache) for all workers; without it, per process. */
  redis?: Redis;
  /** Prefix of every Redis key the fetcher writes. Default `copydesk:`. */
  keyPrefix?: string;
  /** Requests in flight per host across all workers. Default 2. */
  perHostConcurrency?: number;
  /** Minimum time between request starts per host. Default 1000 ms. */
  perHostMinIntervalMs?: number;
  /** Longest wait for a host slot before failing with `rate-limited`. Default 30 s. */
  maxHostWaitMs?: number;
  /** How often a waiting fetch looks for a free slot. Default 50 ms. */
  hostPollMs?: number;
  /** Pause for a host that answers 429 without Retry-After. Default 60 s. */
  defaultRetryAfterMs?: number;
  /** Longest pause a Retry-After can impose (a hostile or broken server could say a year). Default 6 h. */
  maxRetryAfterMs?: number;
  robots?: RobotsOptions;
  /** Media types a body may have (patterns: `text/html`, `text/*`, `*+xml`). Default: pages, feeds, JSON, text. */
  acceptContentTypes?: readonly string[];
  /** DNS resolver; default the system's. Tests inject one to play rebinding attacks. */
  resolve?: HostResolver;
  /** Socket factory receiving the checked IP; default undici's. Tests inject one that refuses non-loopback. */
  connect?: SocketConnector;
}

/** Per-request options of {@link Fetcher.fetch}. */
export interface FetchOptions {
  /** ETag from the last fetch: sent as If-None-Match. */
  etag?: string;
  /** Last-Modified from the last fetch: sent as If-Modified-Since. */
  lastModified?: string;
  /** Accept header; default prefers pages and feeds. */
  accept?: string;
  /** Extra headers (e.g. Authorization for a partner feed). Hop-by-hop and framing headers are ignored; credentials are dropped on cross-origin redirects. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the fetcher's accepted media types for this request. */
  acceptContentTypes?: readonly string[];
  /**
   * Politeness a source asks for on top of the fetcher's own (a partner's "one request every 5 s, one at a time").
   * Only ever stricter: the longer interval and the lower concurrency win.
   */
  politeness?: HostPoliteness;
}

/** Per-request politeness: see {@link FetchOptions.politeness}. */
export interface HostPoliteness {
  minIntervalMs?: number;
  concurrency?: number;
}

/** Where the time of a fetch went. */
export interface FetchTimings {
  /** Epoch ms when fetch() was called. */
  startedAt: number;
  /** Waiting for robots.txt and host slots. */
  waitMs: number;
  /** From sending the last request to its response headers. */
  ttfbMs: number;
  totalMs: number;
}

/** A successful fetch, or a 304 that needs no work. */
export interface FetchResult {
  status: 'ok' | 'not-modified';
  /** The final URL, after redirects. */
  url: string;
  statusCode: number;
  /** Response headers, names lower-cased, repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Media type essence (`text/html`), or undefined when the server sent none. */
  contentType?: string;
  /** The body after Content-Encoding is undone; empty for 304. */
  bytes: Buffer;
  /** The decoded body, for textual (or untyped) bodies; undefined for 304 and binary types. */
  text?: string;
  charset?: string;
  charsetSource?: CharsetSource;
  /** Validators to send next time (for 304, the ones sent if the server repeated none). */
  etag?: string;
  lastModified?: string;
  /** Every URL redirected to, in order. */
  redirects: string[];
  timings: FetchTimings;
}
