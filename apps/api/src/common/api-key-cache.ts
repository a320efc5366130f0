import type { AuthContext } from './auth-context';

/** A key this process found valid, under the API keys' version it was looked up at. */
interface Entry {
  auth: AuthContext;
  expiresAt: number | null;
  version: string;
  cachedAt: number;
}

/**
 * How long a remembered key is trusted without a lookup. Revocations through the API raise the keys' version, which
 * every request reads with its token (so they hold at once everywhere); this bounds only changes made behind the
 * API's back, such as a row edited by hand.
 */
export const KEY_CACHE_TTL_MS = 30_000;
/** Past this many keys a process starts again: an installation has tens of keys, not thousands. */
const MAX_KEYS = 10_000;

/**
 * Stored keys this process found valid, by hash, so that a request needs no database lookup. A hit is only a
 * candidate: the caller checks the version it reads in the request's Redis round trip against the entry's, and looks
 * the key up again when they differ. Unknown, revoked and expired keys are never remembered.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = KEY_CACHE_TTL_MS) {}

  /** The remembered key, unless it is too old or has expired since. */
  get(hash: string, now = Date.now()): { auth: AuthContext; version: string } | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    if (now - entry.cachedAt >= this.ttlMs || (entry.expiresAt !== null && entry.expiresAt <= now)) {
      this.entries.delete(hash);
      return null;
    }
    return entry;
  }

  set(hash: string, auth: AuthContext, expiresAt: Date | null, version: string, now = Date.now()): void {
    if (this.entries.size >= MAX_KEYS) this.entries.clear();
    this.entries.set(hash, { auth, expiresAt: expiresAt?.getTime() ?? null, version, cachedAt: now });
  }

  delete(hash: string): void {
    this.entries.delete(hash);
  }
}
