import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

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
export const SECRET_VARIABLES = new Set<keyof Env>([
  'COPYDESK_ADMIN_KEY',
  'METRICS_TOKEN',
  'SECRETS_KEY',
  'DATABASE_URL',
  'REDIS_URL',
  'ALERT_WEBHOOK_SECRET',
]);

const RATE_LIMIT = /^\s*\d{1,9}\s*\/\s*\d{0,6}\s*[smh]\s*$/;
const RATE_LIMIT_LIST =
  /^\s*(?:ingest|read|manage|admin)\s*=\s*\d{1,9}\s*\/\s*\d{0,6}\s*[smh]\s*(?:,\s*(?:ingest|read|manage|admin)\s*=\s*\d{1,9}\s*\/\s*\d{0,6}\s*[smh]\s*)*$/;

const DURATION_LIST = /^\s*\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*(?:,\s*\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*)*$/;

/**
 * Per-key limits when RATE_LIMITS leaves a scope out. Ingest keys are machines (a CMS, a partner's backfill): their
 * 100 pushes a second lies between what the pipeline finishes on two cores (~75/s) and what the API accepts (~145/s),
 * so a bulk push is paced by the pipeline before the limiter; the scopes people use stay lower.
 */
export const DEFAULT_RATE_LIMITS = 'ingest=6000/1m,read=1200/1m,manage=300/1m,admin=600/1m';

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

  /** postgres://user:password@host:port/database. Unset under `npm start`: the launcher starts an embedded PostgreSQL. */
  @IsOptional()
  @Matches(/^postgres(?:ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Connections per process (four processes share one server: keep their sum under its max_connections). */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 200' })
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Run pending migrations at boot (under an advisory lock, so many processes may start at once). */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  DATABASE_MIGRATE = true;

  /**
   * redis://host:port[/db]. Unset under `npm start`: the launcher starts redis-server from PATH. A Redis Cluster:
   * `redis+cluster://[user:password@]host:port,host:port` (or `rediss+cluster://`), the seed nodes.
   */
  @IsOptional()
  @Matches(/^rediss?(?:\+cluster)?:\/\//, { message: 'must be a redis://, rediss:// or redis+cluster:// URL' })
  REDIS_URL?: string;

  /**
   * Seed nodes of a Redis Cluster, `host:port,host:port`: queues and shared state then go through a cluster client
   * (credentials and TLS from REDIS_URL when it is set). Each queue's BullMQ keys share a hash tag, `{QUEUE_PREFIX:queue}`.
   */
  @IsOptional()
  @Matches(/^\s*[^\s,]+:\d{1,5}\s*(?:,\s*[^\s,]+:\d{1,5}\s*)*$/, { message: 'must be host:port[,host:port...]' })
  // Initialised so the key exists on a fresh Env, which is how loadConfig knows which variables to read.
  REDIS_CLUSTER_NODES?: string = undefined;

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
  @Matches(RATE_LIMIT_LIST, { message: `must be scope=count/window pairs, e.g. ${DEFAULT_RATE_LIMITS}` })
  RATE_LIMITS = DEFAULT_RATE_LIMITS;

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

  /**
   * Directories under which folder sources may watch (absolute, comma-separated). A folder source's path must lie
   * inside one: an API key must never be able to make the workers read and move files anywhere on the server.
   * Empty (the default) turns folder sources off.
   */
  @IsOptional()
  @Matches(/^\s*\/[^,]*(?:,\s*\/[^,]*)*$/, { message: 'must be absolute paths, comma-separated' })
  WATCH_FOLDER_ROOTS?: string = undefined;

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

  /**
   * Near-duplicates kept per article: its best matches by similarity, found by a lookup that examines a bounded
   * number of candidates. However many near-identical texts arrive, the relation graph grows by at most this many
   * rows per article.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  RELATIONS_PER_ARTICLE = 20;

  /**
   * Articles one story cluster holds at most. A cluster admits an article only when it is related to one of the
   * cluster's recent articles, and two clusters merge only while the result stays within this size: templated copy
   * (results, weather, markets) can no longer chain everything into one cluster.
   */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(100_000)
  CLUSTER_MAX_ARTICLES = 500;

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

  /** How long an admin dashboard session lasts without a request; each request extends it. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  ADMIN_SESSION_IDLE_SECONDS = 30 * 60;

  /** The longest an admin dashboard session lasts, however busy: then the key is asked for again. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  ADMIN_SESSION_MAX_SECONDS = 12 * 3600;

  /** Where `ops.alert` webhooks go (signed like deliveries). Unset: alerts only show on the dashboard. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  ALERT_WEBHOOK_URL?: string = undefined;

  /** The `whsec_` secret `ops.alert` webhooks are signed with (Standard Webhooks); needed with ALERT_WEBHOOK_URL. */
  @ValidateIf((env: Env) => env.ALERT_WEBHOOK_URL !== undefined || env.ALERT_WEBHOOK_SECRET !== undefined)
  @Matches(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, {
    message: 'must be set with ALERT_WEBHOOK_URL, as a whsec_ secret (whsec_ and the base64 of 24+ random bytes)',
  })
  ALERT_WEBHOOK_SECRET?: string = undefined;

  /** How often the API looks for alerts to send. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  ALERT_CHECK_INTERVAL_SECONDS = 30;

  /** A queue with more jobs waiting than this is backing up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ALERT_QUEUE_BACKLOG = 1000;

  /** The pipeline lags when its oldest waiting job (ingest, enrichment, publish) has waited longer than this. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ALERT_PIPELINE_LAG_SECONDS = 600;

  // --- Faults: bounded waits, crash recovery, retention (README "Guarantees") ---

  /** Longest wait for a PostgreSQL connection (a new one, or a free one from the pool); then the request is a 503. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DATABASE_CONNECT_TIMEOUT_MS = 5_000;

  /** PostgreSQL cancels any statement running longer (`statement_timeout`); migrations are exempt. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  /** Longest wait for Redis to accept a job; the input stays stored and the outbox sweeper queues it later. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  QUEUE_ADD_TIMEOUT_MS = 5_000;

  /** A worker holds each job this long and renews it; a worker that dies loses the job to another after this. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  WORKER_LOCK_MS = 30_000;

  /** How often workers look for jobs whose worker died (stalled), to run them again. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600_000)
  WORKER_STALLED_CHECK_MS = 30_000;

  /** How often the reconciler (in the ingest worker; also at boot) looks for work that stopped moving. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  RECONCILE_INTERVAL_MS = 60_000;

  /** An article, raw item or pending delivery untouched this long, with no job on its way, is driven again. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  RECONCILE_STUCK_AFTER_MS = 60_000;

  /** Re-drives of one stuck article before it is failed with the reason (a job that crashes its worker every time). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  RECONCILE_MAX_REDRIVES = 5;

  /** Raw items (inputs as received) older than this many days are deleted; 0 keeps them forever. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RETENTION_RAW_ITEMS_DAYS = 90;

  /** Delivery attempts (the per-try log of each delivery) older than this many days are deleted; 0 keeps them. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RETENTION_DELIVERY_ATTEMPTS_DAYS = 30;

  /** Items read from one feed document, newest first (a feed listing more is read up to here, with a warning). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  FEED_MAX_ITEMS = 1_000;

  /** How often the retention sweep runs (in the ingest worker). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  RETENTION_SWEEP_MS = 3_600_000;
}
