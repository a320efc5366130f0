import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? (/^-?\d+$/.test(value.trim()) ? Number(value) : value) : value;

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  return value;
};

/** Marks variables that are never logged or printed. */
export const SECRET_VARIABLES = new Set<keyof Env>(['COPYDESK_ADMIN_KEY', 'METRICS_TOKEN', 'SECRETS_KEY', 'DATABASE_URL', 'REDIS_URL']);

const RATE_LIMIT = /^\s*\d{1,9}\s*\/\s*\d{0,6}\s*[smh]\s*$/;
const RATE_LIMIT_LIST =
  /^\s*(?:ingest|read|manage|admin)\s*=\s*\d{1,9}\s*\/\s*\d{0,6}\s*[smh]\s*(?:,\s*(?:ingest|read|manage|admin)\s*=\s*\d{1,9}\s*\/\s*\d{0,6}\s*[smh]\s*)*$/;

const DURATION_LIST = /^\s*\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*(?:,\s*\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*)*$/;

/**
 * Every environment variable Copydesk reads, with its default and its rule. This is the only place that knows
 * about process.env: everything else receives an AppConfig.
 */
export class Env {
  /** development, production or test; only changes log formatting defaults. */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Interface the API binds to; compose sets 0.0.0.0. */
  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  /** API port. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  PORT = 3000;

  /** postgres://user:password@host:port/database. Unset under `npm start`: the launcher starts embedded PGlite. */
  @IsOptional()
  @Matches(/^postgres(?:ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Connections per process. PGlite serves one query at a time, so the launcher sets 1 there. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 200' })
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Run pending migrations at boot (under an advisory lock, so many processes may start at once). */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  DATABASE_MIGRATE = true;

  /** redis://host:port[/db]. Unset under `npm start`: the launcher starts redis-server from PATH. */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of every BullMQ key, so several installations (or test runs) can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, _ or -' })
  QUEUE_PREFIX = 'copydesk';

  /** An admin API key accepted as is. Unset under `npm start`: one is generated and kept in the data folder. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  COPYDESK_ADMIN_KEY?: string;

  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  METRICS_TOKEN?: string;

  /** Key for encrypting source credentials and webhook secrets at rest (32+ characters). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  SECRETS_KEY?: string;

  /** Where `npm start` keeps embedded data, the generated admin key and secrets key. */
  @IsString()
  @MinLength(1)
  COPYDESK_DATA_DIR = '.copydesk';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Largest request body the API accepts; larger ones get 413. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  MAX_BODY_BYTES = 10 * 1024 * 1024;

  /**
   * Which X-Forwarded-For hops to believe for the client address (rate limits on failed authentications, logs):
   * `false` (the socket's address: right when nothing proxies the API), `true` (any: only behind a proxy that sets
   * it), a number of hops, or proxy addresses/CIDRs separated by commas.
   */
  @IsString()
  @Matches(/^(?:true|false|\d{1,2}|[0-9a-fA-F.:/]+(?:\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'must be true, false, a number of hops, or proxy addresses separated by commas',
  })
  TRUST_PROXY = 'false';

  /** A request (headers and body) must arrive within this time, or the connection is answered 408 and closed. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** The headers must arrive within this time (slow-loris senders); at most HTTP_REQUEST_TIMEOUT_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /** Deepest nesting of arrays and objects a JSON body may have; deeper is 422 before it is parsed. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(1000)
  MAX_JSON_DEPTH = 64;

  /**
   * Requests per API key, per scope of the route: a token bucket in Redis holding `count` tokens, refilled at
   * `count` per window (`s`, `m` or `h`), so bursts up to `count` pass and the sustained rate is `count`/window.
   */
  @IsString()
  @Matches(RATE_LIMIT_LIST, { message: 'must be scope=count/window pairs, e.g. ingest=600/1m,read=1200/1m,manage=300/1m,admin=600/1m' })
  RATE_LIMITS = 'ingest=600/1m,read=1200/1m,manage=300/1m,admin=600/1m';

  /** Failed authentications per client address (a token bucket, like RATE_LIMITS); then 429 until it refills. */
  @IsString()
  @Matches(RATE_LIMIT, { message: 'must be count/window, e.g. 30/1m' })
  AUTH_FAILURE_LIMIT = '30/1m';

  /** How long an Idempotency-Key's first answer is kept and replayed. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

  /** Lets fetches and subscriber URLs reach loopback addresses. Only for tests and local development. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  FETCH_ALLOW_LOOPBACK = false;

  /** Sent with every fetch: who we are and where to complain. */
  @IsString()
  @MinLength(3)
  FETCH_USER_AGENT = 'CopydeskBot/0.1 (+https://github.com/copydesk/copydesk; newsroom ingestion)';

  /** Total time for one fetch, redirects and body included. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  FETCH_TIMEOUT_MS = 30_000;

  /** Largest response body, after every decompression layer. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  FETCH_MAX_BYTES = 15 * 1024 * 1024;

  /** Requests in flight per host, across every worker process (kept in Redis). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  FETCH_PER_HOST_CONCURRENCY = 2;

  /** Minimum time between two requests to one host, across every worker process. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  FETCH_PER_HOST_MIN_INTERVAL_MS = 1000;

  /** Honour robots.txt. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  FETCH_RESPECT_ROBOTS = true;

  /** Poll interval of a feed source that does not set its own. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FEED_DEFAULT_INTERVAL_SECONDS = 900;

  /** Adaptive polling never goes below this... */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FEED_MIN_INTERVAL_SECONDS = 60;

  /** ...nor above this, even for an idle or failing source. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FEED_MAX_INTERVAL_SECONDS = 6 * 3600;

  /**
   * Topic model the enrichment worker loads at boot: a file written by `npm run train:topics` (e.g. retrained on
   * the newsroom's editor-confirmed topics). Unset: the model shipped in libs/enrichment/models. A file that
   * cannot be read or parsed stops the worker at boot.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  // Initialised so the key exists on a fresh Env, which is how loadConfig knows which variables to read.
  ENRICHMENT_TOPIC_MODEL?: string = undefined;

  /** Jobs each worker process runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY = 4;

  /** Delays between delivery attempts, e.g. `5s,5m,30m,2h,5h,10h,10h`. */
  @IsString()
  @Matches(DURATION_LIST, { message: 'must be a comma-separated list of durations such as 5s,5m,2h' })
  DELIVERY_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';

  /** Time a subscriber has to answer a delivery. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DELIVERY_TIMEOUT_MS = 15_000;

  /** Base of the URIs Copydesk mints (ninjs `uri`, links in problem documents). */
  @IsString()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  /** Sweeper interval: raw items committed but never queued (a crash between commit and enqueue) are re-queued. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  OUTBOX_SWEEP_MS = 30_000;
}
