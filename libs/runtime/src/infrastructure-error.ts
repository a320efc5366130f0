/**
 * Telling "a dependency is down" from "this input is bad". An infrastructure failure (PostgreSQL or Redis
 * unreachable, restarting, out of connections, a bounded wait that ran out) says nothing about the work at hand: it
 * is retried with backoff for as long as it takes and never fails an article, and the API answers 503 with
 * Retry-After. Everything else keeps its own meaning (a permanent error fails at once with its reason).
 */

/** Raised by our own bounded waits (queue add, health probes) when a dependency does not answer in time. */
export class DependencyUnavailableError extends Error {
  override name = 'DependencyUnavailableError';

  constructor(
    readonly dependency: 'database' | 'redis',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Socket-level failures: the peer is gone, refused us, or the network path is broken. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTCONN',
]);

/**
 * SQLSTATEs that mean "the server cannot do any work right now", not "this statement is wrong": class 08
 * (connection exception), 53 (insufficient resources: disk full, out of memory, too many connections), 57P0x (the
 * server is shutting down, crashed or starting), 57014 (our statement_timeout fired), 40001/40P01 (serialization
 * failure, deadlock: transient by definition), 55P03 (lock not available), 58000/58030 (system and I/O errors).
 */
function isTransientSqlState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    code.startsWith('57P0') ||
    ['57014', '40001', '40P01', '55P03', '58000', '58030'].includes(code)
  );
}

/** Messages of pg, pg-pool, ioredis and BullMQ that carry no code. */
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error and is not queryable/i,
  /cannot use a pool after calling end/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /terminating connection due to/i,
  /connection is closed/i,
  /stream isn't writeable and enableofflinequeue/i,
  /reached the max retries per request limit/i,
  /connect ECONNREFUSED/i,
  /\bLOADING\b.*dataset in memory/i,
  /Query read timeout/i,
];

/** Error classes by name, so that no library has to be imported here. */
const NAMES = new Set(['DependencyUnavailableError', 'MaxRetriesPerRequestError']);

/** Errors that speak for an outside service and must never be read as our infrastructure (a fetched site down). */
const FOREIGN = new Set(['FetchError']);

/**
 * True when `err` (or anything in its `cause` chain, TypeORM's `driverError` included) says PostgreSQL or Redis is
 * unavailable or overloaded rather than that the work is wrong.
 */
export function isInfrastructureError(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  for (let depth = 0; depth < 8 && current && typeof current === 'object' && !seen.has(current); depth++) {
    seen.add(current);
    const error = current as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    const name = typeof error.name === 'string' ? error.name : '';
    if (FOREIGN.has(name)) return false;
    if (NAMES.has(name)) return true;
    const code = typeof error.code === 'string' ? error.code : '';
    if (NETWORK_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && isTransientSqlState(code)) return true;
    const message = typeof error.message === 'string' ? error.message : '';
    if (MESSAGES.some((pattern) => pattern.test(message))) return true;
    // AggregateError (a dual-stack connect that failed on every address) carries the real errors inside.
    if (Array.isArray(error.errors) && error.errors.some((inner) => isInfrastructureError(inner))) return true;
    current = error.driverError ?? error.cause;
  }
  return false;
}

/**
 * Races `work` against a deadline: a dependency that neither answers nor fails (ioredis queueing commands while it
 * reconnects, a pool waiting for a connection) becomes a DependencyUnavailableError after `timeoutMs`.
 */
export async function withDeadline<T>(
  work: Promise<T>,
  timeoutMs: number,
  dependency: DependencyUnavailableError['dependency'],
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DependencyUnavailableError(dependency, `${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
