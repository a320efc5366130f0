import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from './query-rows';

/** A stored first answer. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyClaim =
  /** This request is the first (or takes over one whose process died): do the work, then `complete` or `release`. */
  | { state: 'claimed' }
  /** Answered already: replay it. */
  | { state: 'answered'; answer: StoredAnswer }
  /** The first request is still being answered. */
  | { state: 'in-progress' }
  /** The key was used for another request. */
  | { state: 'mismatch' };

interface Row {
  fingerprint: string;
  status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  claimed: boolean;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims `key` for the request `fingerprint`, atomically: the insert wins for exactly one of concurrent requests.
   * An expired row, or a claim whose lock ran out unanswered, is taken over.
   */
  async claim(owner: string, key: string, fingerprint: string, ttlSeconds: number, lockSeconds: number): Promise<IdempotencyClaim> {
    const [row] = await queryRows<Row>(
      this.dataSource,
      `INSERT INTO idempotency_keys AS k (owner, key, fingerprint, locked_until, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $5), now() + make_interval(secs => $4))
       ON CONFLICT (owner, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status = NULL, response_headers = NULL, response_body = NULL,
             locked_until = EXCLUDED.locked_until, created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE k.expires_at < now() OR (k.status IS NULL AND k.locked_until < now() AND k.fingerprint = EXCLUDED.fingerprint)
       RETURNING fingerprint, status, response_headers, response_body, true AS claimed`,
      [owner, key, fingerprint, ttlSeconds, lockSeconds],
    );
    if (row) return { state: 'claimed' };
    const [existing] = await queryRows<Row>(
      this.dataSource,
      `SELECT fingerprint, status, response_headers, response_body, false AS claimed FROM idempotency_keys WHERE owner = $1 AND key = $2`,
      [owner, key],
    );
    // Gone between the two statements (released by a failed first request): let the caller try again.
    if (!existing) return this.claim(owner, key, fingerprint, ttlSeconds, lockSeconds);
    if (existing.fingerprint !== fingerprint) return { state: 'mismatch' };
    if (existing.status === null) return { state: 'in-progress' };
    return {
      state: 'answered',
      answer: { status: existing.status, headers: existing.response_headers ?? {}, body: existing.response_body ?? '' },
    };
  }

  async complete(owner: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status = $3, response_headers = $4, response_body = $5 WHERE owner = $1 AND key = $2`,
      [owner, key, answer.status, JSON.stringify(answer.headers), answer.body],
    );
  }

  /** The request failed in a way a retry may not (a 5xx, a refused key): forget it, so the retry does the work. */
  async release(owner: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND status IS NULL`, [owner, key]);
  }

  /** Drops expired rows, a batch at a time; returns how many. */
  async purgeExpired(limit: number): Promise<number> {
    const rows = await queryRows<{ owner: string }>(
      this.dataSource,
      `DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at < now() LIMIT $1) RETURNING owner`,
      [limit],
    );
    return rows.length;
  }
}
