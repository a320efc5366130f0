import { freePort } from '@copydesk/embedded';
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ApiClient } from './api-client';
import { ADMIN_KEY, SECRETS_KEY } from './e2e-setup';
import { createIsolatedEnvironment, type IsolatedEnvironment } from './isolated-environment';
import { type AppName, type RunningApp, startApp, waitForHealthy } from './processes';

/** The API (and optionally some workers) on a database and queue prefix of their own: the API suites' common setup. */
export interface ApiStack {
  environment: IsolatedEnvironment;
  env: NodeJS.ProcessEnv;
  /** Speaks as the admin key. */
  client: ApiClient;
  baseUrl: string;
  adminKey: string;
  apps: RunningApp[];
  sql<T = Record<string, unknown>>(text: string, parameters?: unknown[]): Promise<T[]>;
  /** A key stored straight in the database (for states the API cannot create: expired, say). */
  insertKey(options: InsertKeyOptions): Promise<{ id: string; key: string }>;
  /** Another API process on the same database and Redis. */
  startAnotherApi(extraEnv?: Record<string, string>): Promise<{ app: RunningApp; client: ApiClient }>;
  logs(): string;
  stop(): Promise<void>;
}

export interface InsertKeyOptions {
  scopes: string[];
  name?: string;
  sourceIds?: string[] | null;
  expiresAt?: Date | null;
  revokedAt?: Date | null;
}

export const API_STACK_ADMIN_KEY = ADMIN_KEY;

/**
 * Starts the API process. `env` overrides the defaults (loopback fetches allowed, a secrets key, quiet logs, and
 * rate limits high enough that suites not about rate limits never meet one).
 */
export async function startApiStack(label: string, env: Record<string, string> = {}, workers: AppName[] = []): Promise<ApiStack> {
  const environment = await createIsolatedEnvironment(label);
  const merged: NodeJS.ProcessEnv = {
    ...environment.env,
    COPYDESK_ADMIN_KEY: API_STACK_ADMIN_KEY,
    FETCH_ALLOW_LOOPBACK: 'true',
    SECRETS_KEY,
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'ingest=100000/1s,read=100000/1s,manage=100000/1s,admin=100000/1s',
    AUTH_FAILURE_LIMIT: '100000/1s',
    ...env,
  };
  const apps: RunningApp[] = [];
  const start = async (extra: Record<string, string> = {}): Promise<{ app: RunningApp; client: ApiClient }> => {
    const port = await freePort();
    const app = startApp('api', { ...merged, ...extra, PORT: String(port) });
    apps.push(app);
    const client = new ApiClient(`http://127.0.0.1:${port}`, API_STACK_ADMIN_KEY);
    await waitForHealthy(client.baseUrl, app);
    return { app, client };
  };
  for (const name of workers) apps.push(startApp(name, merged));
  const first = await start();
  const db = new Client({ connectionString: environment.databaseUrl });
  await db.connect();
  const sql = async <T>(text: string, parameters: unknown[] = []): Promise<T[]> => (await db.query(text, parameters)).rows as T[];
  return {
    environment,
    env: merged,
    client: first.client,
    baseUrl: first.client.baseUrl,
    adminKey: API_STACK_ADMIN_KEY,
    apps,
    sql,
    async insertKey(options) {
      const key = `cdk_live_${randomBytes(24).toString('base64url')}`;
      const [row] = await sql<{ id: string }>(
        `INSERT INTO api_keys (name, key_hash, key_prefix, scopes, source_ids, expires_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          options.name ?? `test ${options.scopes.join('+')}`,
          createHash('sha256').update(key).digest('hex'),
          key.slice(0, 13),
          options.scopes,
          options.sourceIds ?? null,
          options.expiresAt ?? null,
          options.revokedAt ?? null,
        ],
      );
      return { id: row.id, key };
    },
    startAnotherApi: start,
    logs: () => apps.map((app) => `--- ${app.name}\n${app.output().slice(-3000)}`).join('\n'),
    async stop() {
      await Promise.all(apps.map((app) => app.stop()));
      await db.end();
    },
  };
}
