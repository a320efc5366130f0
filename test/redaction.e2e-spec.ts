import { freePort } from '@copydesk/embedded';
import { buildWebhookHeaders } from '@copydesk/signing';
import { ApiClient } from './support/api-client';
import { SECRETS_KEY } from './support/e2e-setup';
import { type FeedEntry, rssFeed, storyParagraphs } from './support/pages';
import { startApp, waitFor, waitForHealthy } from './support/processes';
import {
  acceptedEvents,
  createSubscription,
  PUBLISH_ADMIN_KEY,
  type PublishStack,
  pushArticle,
  startPublishStack,
} from './support/publish-stack';
import { type SiteServer, startSite } from './support/site-server';
import { startSubscriber, type SubscriberServer } from './support/subscriber-server';

jest.setTimeout(240_000);

const FEED_PASSWORD = 'feed-password-0f7c2a91';

/**
 * Secrets stay out of the logs. Every process runs at the most verbose level while a feed is polled with basic-auth
 * credentials, a partner posts a signed webhook, a subscriber gets signed deliveries and a failed statement is
 * logged; then the whole output of every process is searched for the admin key, the secrets key, the webhook
 * secrets (subscription and inbound) and the source credential (as given, and as the Authorization header it became).
 */
describe('logs: secrets never appear', () => {
  let stack: PublishStack;
  let site: SiteServer;
  let subscriber: SubscriberServer;

  beforeAll(async () => {
    site = await startSite();
    subscriber = await startSubscriber();
    stack = await startPublishStack('redaction', ['ingest-worker', 'enrichment-worker', 'publish-worker'], {
      LOG_LEVEL: 'trace',
      SECRETS_KEY,
      FETCH_PER_HOST_MIN_INTERVAL_MS: '0',
      FEED_MIN_INTERVAL_SECONDS: '1',
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await site?.close();
    await subscriber?.close();
  });

  it('has none of them in any process output after a run that used them all', async () => {
    const { client } = stack;
    // A subscriber with a signing secret, and a pushed article it receives.
    const subscription = await createSubscription(client, { url: subscriber.url });
    const pushed = await pushArticle(client, { title: 'Redaction check', body: '<p>The harbour reopened on Tuesday.</p>' });

    // A feed behind basic auth.
    const entries: FeedEntry[] = [
      {
        guid: 'redaction-1',
        title: 'Feed story behind a password',
        link: `${site.origin}/news/1`,
        published: '2026-11-21T10:00:00Z',
        summary: 'The summary.',
        contentHtml: storyParagraphs('the feed', 6)
          .map((p) => `<p>${p}</p>`)
          .join(''),
      },
    ];
    site.route('/feed.xml', (req) =>
      req.headers.authorization === `Basic ${Buffer.from(`editor:${FEED_PASSWORD}`).toString('base64')}`
        ? { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: rssFeed(site.origin, entries) }
        : { status: 401, body: 'who are you?' },
    );
    const feed = await client.post('/v1/sources', {
      slug: 'locked-feed',
      name: 'Locked feed',
      type: 'feed',
      url: `${site.origin}/feed.xml`,
      pollIntervalSeconds: 2,
      credentials: { type: 'basic', username: 'editor', password: FEED_PASSWORD },
    });
    expect(feed.status).toBe(201);

    // A partner's signed webhook.
    const hook = await client.post('/v1/sources', { slug: 'partner-redaction', name: 'Partner', type: 'webhook' });
    expect(hook.status).toBe(201);
    const hookSecret = hook.body.webhookSecret as string;
    const text = JSON.stringify({ title: 'Partner story', body: '<p>From the partner.</p>', externalId: 'r-1' });
    const signed = buildWebhookHeaders({
      id: 'msg_redaction_1',
      timestamp: Math.floor(Date.now() / 1000),
      body: text,
      secrets: [hookSecret],
    });
    const posted = await client.withKey(null).request('POST', `/v1/webhooks/${hook.body.id as string}`, text, {
      ...signed,
      'content-type': 'application/json',
    });
    expect(posted.status).toBe(202);
    // A request with a wrong key, so the auth failure path logs too.
    expect((await client.withKey('cdk_wrong-key-0123456789abcdefghij').get('/v1/articles')).status).toBe(401);
    // A failed statement (an unknown source slug twice in a row makes no failure; a duplicate slug does).
    expect(
      (await client.post('/v1/sources', { slug: 'locked-feed', name: 'Again', type: 'feed', url: `${site.origin}/feed.xml` })).status,
    ).toBeGreaterThanOrEqual(400);

    await waitFor(async () => acceptedEvents(subscriber, pushed).length > 0, { timeoutMs: 60_000, describe: stack.logs });
    await waitFor(
      async () => (await stack.sql(`SELECT 1 FROM articles WHERE external_id = 'redaction-1' AND status = 'published'`)).length > 0,
      {
        timeoutMs: 60_000,
        describe: stack.logs,
      },
    );
    expect(site.requests.some((request) => request.path === '/feed.xml' && request.headers.authorization?.startsWith('Basic '))).toBe(true);

    const everything = (): string => stack.apps.map((app) => app.output()).join('\n');
    // The run was logged in detail (polls, deliveries, jobs): a leak would be seen. (A line may land just after
    // the effect the test waited for.)
    await waitFor(async () => everything().includes('"msg":"feed polled"') && everything().includes('"msg":"delivery attempt"'), {
      timeoutMs: 20_000,
    });
    const output = everything();
    expect(output.length).toBeGreaterThan(10_000);
    const secrets = {
      adminKey: PUBLISH_ADMIN_KEY,
      secretsKey: SECRETS_KEY,
      subscriptionSecret: subscription.secret,
      subscriptionSecretKey: subscription.secret.replace(/^whsec_/, ''),
      inboundWebhookSecret: hookSecret,
      inboundWebhookSecretKey: hookSecret.replace(/^whsec_/, ''),
      sourcePassword: FEED_PASSWORD,
      sourceAuthorization: Buffer.from(`editor:${FEED_PASSWORD}`).toString('base64'),
    };
    // Sealed forms too: a failed statement's parameters would carry them.
    const [sealed] = await stack.sql<{ credentials: string; signing: unknown }>(
      `SELECT s.credentials_encrypted AS credentials, (SELECT secrets FROM subscriptions WHERE id = $1) AS signing FROM sources s WHERE s.slug = 'locked-feed'`,
      [subscription.id],
    );
    const sealedSecrets = (JSON.stringify(sealed.signing).match(/"secret":"([^"]+)"/g) ?? []).map((member) => member.slice(10, -1));
    expect(sealedSecrets.length).toBeGreaterThan(0);
    const leaked = Object.entries({
      ...secrets,
      sealedCredentials: sealed.credentials,
      ...Object.fromEntries(sealedSecrets.map((v, i) => [`sealedSigning${i}`, v])),
    })
      .filter(([, value]) => output.includes(value))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
  });

  it('shows a generated admin key once on the terminal, never in the JSON logs', async () => {
    const port = await freePort();
    // No COPYDESK_ADMIN_KEY and no admin key stored yet: this API makes one.
    const api = startApp('api', { ...stack.env, PORT: String(port), COPYDESK_ADMIN_KEY: '' });
    try {
      await waitForHealthy(`http://127.0.0.1:${port}`, api);
      const key = await waitFor(async () => /^\s+(cdk_[A-Za-z0-9_-]+)\s*$/m.exec(api.output())?.[1], {
        timeoutMs: 20_000,
        describe: api.output,
      });
      expect((await new ApiClient(`http://127.0.0.1:${port}`, key).get('/v1/articles')).status).toBe(200);
      const lines = api.output().split('\n');
      const jsonLines = lines.filter((line) => line.startsWith('{'));
      expect(jsonLines.length).toBeGreaterThan(5);
      expect(jsonLines.filter((line) => line.includes(key))).toEqual([]);
      expect(lines.filter((line) => line.includes(key))).toHaveLength(1);
    } finally {
      await api.stop();
    }
  });
});
