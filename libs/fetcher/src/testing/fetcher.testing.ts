import { buildConnector } from 'undici';
import { FetchError, type FetchErrorCode } from '../fetch.error';
import { Fetcher } from '../fetcher.service';
import type { FetcherOptions } from '../fetcher.types';
import { classifyAddress } from '../ssrf/address.policy';
import type { HostResolver, SocketConnector } from '../ssrf/guarded.connector';

const created: Fetcher[] = [];

/** A fetcher with test-friendly defaults (loopback allowed, no robots, no pacing); closed by {@link closeTestFetchers}. */
export function testFetcher(overrides: Partial<FetcherOptions> = {}): Fetcher {
  const fetcher = new Fetcher({
    userAgent: 'CopydeskTest/1.0 (+https://copydesk.example/bot)',
    allowLoopback: true,
    robots: { enabled: false },
    perHostMinIntervalMs: 0,
    perHostConcurrency: 16,
    timeoutMs: 5000,
    hostPollMs: 10,
    ...overrides,
  });
  created.push(fetcher);
  return fetcher;
}

export async function closeTestFetchers(): Promise<void> {
  await Promise.all(created.splice(0).map((fetcher) => fetcher.close()));
}

/** The FetchError a promise rejects with (fails the test if it resolves or throws something else). */
export async function fetchErrorOf(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected the fetch to fail');
}

export async function codeOf(promise: Promise<unknown>): Promise<FetchErrorCode> {
  return (await fetchErrorOf(promise)).code;
}

/**
 * A socket factory that only ever opens loopback connections and records every address it was asked for:
 * the rule in shared/security for tests that handle non-loopback addresses.
 */
export function recordingLoopbackConnector(): { connect: SocketConnector; attempts: string[] } {
  const real = buildConnector({ timeout: 2000 });
  const attempts: string[] = [];
  const connect: SocketConnector = (options, callback) => {
    attempts.push(options.hostname);
    if (classifyAddress(options.hostname) !== 'loopback') {
      callback(Object.assign(new Error(`test refused ${options.hostname}`), { code: 'ECONNREFUSED' }), null);
      return;
    }
    real(options, callback);
  };
  return { connect, attempts };
}

/** Plays DNS for names the shared lists use: `<ip>.nip.io` → ip, `localtest.me` → 127.0.0.1, plus extra names. */
export function fakeDns(extra: Record<string, string[] | (() => string[])> = {}): HostResolver {
  const answer = (hostname: string): string[] => {
    const entry = extra[hostname];
    if (entry) return typeof entry === 'function' ? entry() : entry;
    const nip = /^(\d+\.\d+\.\d+\.\d+)\.nip\.io$/.exec(hostname);
    if (nip?.[1]) return [nip[1]];
    if (hostname === 'localtest.me' || hostname.endsWith('.localtest.me')) return ['127.0.0.1'];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };
  return (hostname) => {
    try {
      return Promise.resolve(answer(hostname));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  };
}
