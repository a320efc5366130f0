import { Client } from 'pg';
import type { ApiClient } from './api-client';
import { ADMIN_KEY, e2eSetup, SECRETS_KEY } from './e2e-setup';
import type { IsolatedEnvironment } from './isolated-environment';
import { type AppName, type RunningApp, startApp, waitFor, waitForHealthy } from './processes';
import type { ReceivedDelivery, SubscriberServer } from './subscriber-server';

/** The API and some workers on an isolated database and queue prefix, for the publish suites. */
export interface PublishStack {
  environment: IsolatedEnvironment;
  env: NodeJS.ProcessEnv;
  client: ApiClient;
  apps: RunningApp[];
  /** SQL on this stack's database. */
  sql<T = Record<string, unknown>>(text: string, parameters?: unknown[]): Promise<T[]>;
  /** The tail of every process's output, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

export const PUBLISH_ADMIN_KEY = ADMIN_KEY;

export async function startPublishStack(
  label: string,
  workers: AppName[],
  env: Record<string, string>,
  perApp: Partial<Record<AppName, Record<string, string>>> = {},
): Promise<PublishStack> {
  // Subscription secrets are sealed at rest with SECRETS_KEY.
  const { environment, env: merged, client } = await e2eSetup(label, { FETCH_ALLOW_LOOPBACK: 'true', SECRETS_KEY, ...env });
  const apps = (['api', ...workers] as AppName[]).map((name) => startApp(name, { ...merged, ...(perApp[name] ?? {}) }));
  const db = new Client({ connectionString: environment.databaseUrl });
  await db.connect();
  const stack: PublishStack = {
    environment,
    env: merged,
    client,
    apps,
    async sql<T>(text: string, parameters: unknown[] = []) {
      return (await db.query(text, parameters)).rows as T[];
    },
    logs: () => apps.map((app) => `--- ${app.name}\n${app.output().slice(-3000)}`).join('\n'),
    async stop() {
      await Promise.all(apps.map((app) => app.stop()));
      await db.end();
    },
  };
  await waitForHealthy(client.baseUrl, apps[0]);
  return stack;
}

/** A parsed delivery body with the article it is about (native `data.id`, or the last segment of ninjs `data.uri`). */
export interface ReceivedEvent {
  type: string;
  articleId: string;
  eventId: string;
  data: Record<string, unknown>;
  delivery: ReceivedDelivery;
}

export function parseEvent(delivery: ReceivedDelivery): ReceivedEvent {
  const envelope = JSON.parse(delivery.body) as { type: string; data: Record<string, unknown> };
  const articleId = typeof envelope.data.id === 'string' ? envelope.data.id : (String(envelope.data.uri).split('/').pop() ?? '');
  return { type: envelope.type, articleId, eventId: String(delivery.headers['webhook-id']), data: envelope.data, delivery };
}

/** What a subscriber accepted (2xx), optionally for one article, in arrival order. */
export function acceptedEvents(subscriber: SubscriberServer, articleId?: string): ReceivedEvent[] {
  return subscriber
    .accepted()
    .map(parseEvent)
    .filter((event) => articleId === undefined || event.articleId === articleId);
}

/** Every request a subscriber got (any answer), optionally for one article. */
export function requestedEvents(subscriber: SubscriberServer, articleId?: string): ReceivedEvent[] {
  return subscriber.received.map(parseEvent).filter((event) => articleId === undefined || event.articleId === articleId);
}

export async function pushArticle(client: ApiClient, article: Record<string, unknown>): Promise<string> {
  const response = await client.post('/v1/articles', article);
  if (response.status !== 202) throw new Error(`push answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Waits for the article to reach a state; returns it. */
export function waitForArticle(
  stack: PublishStack,
  id: string,
  ready: (article: Record<string, unknown>) => boolean,
  timeoutMs = 60_000,
): Promise<Record<string, unknown>> {
  return waitFor(
    async () => {
      const read = (await stack.client.get(`/v1/articles/${id}`)).body;
      return ready(read) ? read : null;
    },
    { timeoutMs, describe: stack.logs },
  );
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  article_id: string;
  event: string;
  revision: number;
  status: string;
  attempts: number;
  waiting_for: string | null;
  event_id: string;
}

export function deliveryRows(stack: PublishStack, where: { subscriptionId?: string; articleId?: string }): Promise<DeliveryRow[]> {
  return stack.sql<DeliveryRow>(
    `SELECT id, subscription_id, article_id, event, revision, status, attempts, waiting_for, event_id FROM deliveries
     WHERE ($1::uuid IS NULL OR subscription_id = $1) AND ($2::uuid IS NULL OR article_id = $2) ORDER BY seq`,
    [where.subscriptionId ?? null, where.articleId ?? null],
  );
}

export async function createSubscription(client: ApiClient, body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const response = await client.post('/v1/subscriptions', body);
  if (response.status !== 201) throw new Error(`subscription answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { id: response.body.id as string, secret: response.body.secret as string };
}

/** Paragraphs on one theme, distinct enough that near-duplicate detection leaves separate stories alone. */
export function storyBody(lead: string, sentences: string[]): string {
  return [lead, ...sentences].map((sentence) => `<p>${sentence}</p>`).join('');
}

/** Waits until `check` returns something truthy (sync or async), with the stack's logs on timeout. */
export function waitUntil<T>(
  stack: PublishStack,
  check: () => T | false | null | undefined | Promise<T | false | null | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  return waitFor(async () => await check(), { timeoutMs, describe: stack.logs });
}
