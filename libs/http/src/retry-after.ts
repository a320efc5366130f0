const DELAY_SECONDS = /^\d+$/;

/**
 * The wait a `Retry-After` header asks for, in milliseconds from `now`: either delay-seconds (`120`) or an HTTP
 * date (`Wed, 21 Oct 2026 07:28:00 GMT`). A date in the past means 0; anything unreadable means undefined (RFC 9110
 * says to ignore it). Shared by fetching (a source's 429/503) and delivering (a subscriber's).
 */
export function parseRetryAfter(header: string | undefined, now: Date | number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (DELAY_SECONDS.test(value)) return Number(value) * 1000;
  // Only the IMF-fixdate form and its obsolete siblings carry "GMT"; Date.parse alone would read "1.5" as a date.
  if (!/GMT$/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - (typeof now === 'number' ? now : now.getTime()));
}
