import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createSubscription, pushArticle, startPublishStack, type PublishStack, waitForArticle, waitUntil } from '../support/publish-stack';
import { ADMIN_KEY } from '../support/e2e-setup';
import { type SiteServer, startSite } from '../support/site-server';
import { type SubscriberServer, startSubscriber } from '../support/subscriber-server';

/*
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core (never a downloaded browser). Each
 * step saves a screenshot under test-artifacts/ and runs axe-core on the page. Without /usr/bin/chromium (a user's
 * machine) the suite is skipped and says why; CI installs the package.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
const LAUNCH_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) process.stdout.write(`browser tests skipped: no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)\n`);
const describeInBrowser = haveChromium ? describe : describe.skip;

jest.setTimeout(240_000);

/** Markup that would run script if any of it reached the page as markup. */
const XSS = {
  title: `Quay <script>window.__xss='title'</script><img src=x onerror="window.__xss='title-img'">`,
  body: [
    '<p>The quay reopened on Friday, the harbour master said.</p>',
    `<img src=x onerror="window.__xss='body-img'">`,
    `<svg onload="window.__xss='body-svg'"></svg>`,
    `<a href="javascript:window.__xss='body-link'">more</a>`,
    `<iframe srcdoc="<script>parent.__xss='body-frame'</script>"></iframe>`,
    `<p onclick="window.__xss='body-click'">Officials said traffic would resume.</p>`,
  ].join(''),
  byline: `"><script>window.__xss='byline'</script>`,
};

describeInBrowser('admin dashboard in Chromium', () => {
  let stack: PublishStack;
  let site: SiteServer;
  let subscriber: SubscriberServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const dialogs: string[] = [];

  const url = (path: string): string => `${stack.client.baseUrl}${path}`;
  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  };
  /** axe-core in the page (evaluated through the DevTools protocol: the page's CSP allows no injected script). */
  const seriousViolations = async (): Promise<string[]> => {
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: { run: (o: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
        }
      ).axe;
      return axe.run({ resultTypes: ['violations'] });
    });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    site = await startSite();
    subscriber = await startSubscriber();
    // A subscriber that refuses (400) fails a delivery at once, on purpose.
    subscriber.respondWith(400);
    stack = await startPublishStack('browser', ['ingest-worker', 'enrichment-worker', 'publish-worker'], {
      FETCH_PER_HOST_MIN_INTERVAL_MS: '0',
      FEED_MIN_INTERVAL_SECONDS: '1',
      DELIVERY_RETRY_SCHEDULE: '1s',
    });
    await createSubscription(stack.client, { url: subscriber.url, name: 'newsroom app' });
    profile = mkdtempSync(join(tmpdir(), 'copydesk-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: LAUNCH_FLAGS,
      viewport: { width: 1366, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.accept();
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await stack?.stop();
    await subscriber?.close();
    await site?.close();
  });

  it('logs in with the API key', async () => {
    await page.goto(url('/admin'));
    await page.waitForURL(/\/admin\/login/);
    expect(await seriousViolations()).toEqual([]);
    await shot('01-login');
    await page.getByLabel('API key').fill(ADMIN_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    expect(page.url()).toBe(url('/admin'));
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'copydesk_admin')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('shows real numbers on the overview once articles flow', async () => {
    const ids = [];
    for (const [i, title] of [
      'Harbour bridge reopens after repairs',
      'Council approves ferry timetable',
      'Storm closes coastal road',
    ].entries()) {
      ids.push(
        await pushArticle(stack.client, {
          title,
          externalId: `browser-${i}`,
          body: `<p>${title}, the council said on Tuesday.</p><p>"We are pleased with the work," said Mayor Ana Ruiz of Harbourtown.</p>`,
        }),
      );
    }
    for (const id of ids) await waitForArticle(stack, id, (a) => a.status === 'published', 90_000);
    const figure = async (selector: string): Promise<number> => Number((await page.locator(selector).innerText()).replace(/,/g, ''));
    // The overview is cached for 2 s: read until it has caught up.
    await waitUntil(stack, async () => {
      await page.goto(url('/admin'));
      return (await figure('#articles-total')) >= 3 && (await figure('dd[data-stage="published"]')) >= 3;
    });
    expect(await figure('dd[data-stage="received"]')).toBeGreaterThanOrEqual(3);
    expect(await figure('dd[data-stage="extracted"]')).toBeGreaterThanOrEqual(3);
    expect(await figure('dd[data-stage="enriched"]')).toBeGreaterThanOrEqual(3);
    expect(await figure('dd[data-status="published"]')).toBeGreaterThanOrEqual(3);
    expect(await page.locator('svg.chart polyline').count()).toBe(5);
    expect(await seriousViolations()).toEqual([]);
    await shot('02-overview');
  });

  it('searches an article, opens it and shows its raw input and enrichment', async () => {
    await page.goto(url('/admin/articles'));
    await page.getByLabel('Search').fill('harbour bridge');
    await page.getByRole('button', { name: 'Search' }).click();
    const link = page.locator('#results').getByRole('link', { name: 'Harbour bridge reopens after repairs' });
    await link.waitFor();
    expect(await page.locator('#results tbody tr').count()).toBe(1);
    await link.click();
    await page.getByRole('heading', { name: 'Harbour bridge reopens after repairs', level: 1 }).waitFor();
    expect(await page.locator('#raw-input').innerText()).toContain('"externalId":"browser-0"');
    expect(await page.locator('#extracted').innerText()).toContain('the council said on Tuesday');
    const enrichment = await page.locator('#enrichment').innerText();
    expect(enrichment).toMatch(/Content type: \w+/);
    expect(enrichment).toContain('Ana Ruiz');
    expect(await page.locator('#provenance').innerText()).toContain('title');
    expect(await seriousViolations()).toEqual([]);
    await shot('03-article');
  });

  it('shows markup pushed in an article as text: nothing in it runs', async () => {
    const id = await pushArticle(stack.client, { ...XSS, externalId: 'browser-xss' });
    await waitForArticle(stack, id, (a) => a.status === 'published' || a.status === 'failed', 90_000);
    await page.goto(url(`/admin/articles/${id}`));
    await page.locator('#extracted').waitFor();
    await page.locator('#extracted').hover();
    await page.locator('#extracted p').first().click();
    await page.goto(url(`/admin/articles?q=quay`));
    await page.goto(url('/admin'));
    await page.goto(url(`/admin/articles/${id}`));
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
    // The title is there, as the characters it was sent with.
    expect(await page.locator('h1').innerText()).toContain("<script>window.__xss='title'</script>");
    expect(await page.locator('#extracted script, #extracted img, #extracted svg, #extracted iframe, #extracted [onclick]').count()).toBe(
      0,
    );
    await shot('04-article-xss');
  });

  it('replays a failed delivery from the subscription page', async () => {
    const [subscription] = (await stack.client.get<{ items: Array<{ id: string }> }>('/v1/subscriptions')).body.items;
    const failed = await waitUntil(stack, async () => {
      const list = await stack.client.get<{ items: Array<{ id: string }> }>(
        `/v1/subscriptions/${subscription.id}/deliveries?status=failed`,
      );
      return list.body.items[0];
    });
    subscriber.respondWith(204);
    await page.goto(url(`/admin/subscriptions/${subscription.id}`));
    const row = page.locator(`tr[data-delivery="${failed.id}"]`);
    expect(await row.innerText()).toMatch(/failed/);
    const before = subscriber.accepted().length;
    await row.getByRole('button', { name: /Replay/ }).click();
    await page.getByText('Delivery replayed').waitFor();
    await waitUntil(stack, () => subscriber.accepted().length > before);
    await waitUntil(stack, async () => {
      await page.reload();
      return /delivered/.test(await page.locator(`tr[data-delivery="${failed.id}"]`).innerText());
    });
    expect(await seriousViolations()).toEqual([]);
    await shot('05-subscription-replayed');
  });

  it('retries a failed job from the Jobs page', async () => {
    site.route('/gone', { status: 404, body: 'gone' });
    const ingested = await stack.client.post('/v1/ingest', { url: `${site.origin}/gone` });
    expect(ingested.status).toBe(202);
    const articleId = ingested.body.id as string;
    await waitForArticle(stack, articleId, (a) => a.status === 'failed');
    const fetches = (): number => site.requests.filter((r) => r.path === '/gone').length;
    const before = fetches();
    await page.goto(url(`/admin/jobs?article=${articleId}`));
    const row = page.locator('#jobs tbody tr[data-job]');
    await waitUntil(stack, async () => {
      await page.reload();
      return (await row.count()) === 1;
    });
    expect(await row.innerText()).toMatch(/404/);
    await row.getByRole('checkbox').check();
    await shot('06-jobs-failed');
    await page.getByRole('button', { name: 'Retry selected' }).click();
    await page.getByText('1 job retried.').waitFor();
    await waitUntil(stack, () => fetches() > before);
    expect(await seriousViolations()).toEqual([]);
  });

  it('pauses a source', async () => {
    site.route('/feed.xml', { status: 500, body: 'down' });
    const created = await stack.client.post('/v1/sources', {
      slug: 'harbour-feed',
      name: 'Harbour feed',
      type: 'feed',
      url: `${site.origin}/feed.xml`,
    });
    expect(created.status).toBe(201);
    await page.goto(url('/admin/sources'));
    await page.getByRole('link', { name: 'harbour-feed' }).click();
    await page.getByRole('heading', { name: 'Source harbour-feed' }).waitFor();
    await page.getByRole('button', { name: 'Pause source' }).click();
    await page.getByText('Source harbour-feed paused.').waitFor();
    expect(dialogs.pop()).toMatch(/^confirm: Pause harbour-feed/);
    expect((await stack.client.get(`/v1/sources/harbour-feed`)).body.active).toBe(false);
    await page.getByRole('button', { name: 'Resume source' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shot('07-source-paused');
  });

  it('fits a tablet and is usable from the keyboard', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(url('/admin'));
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Skip to content');
    expect(await seriousViolations()).toEqual([]);
    await shot('08-overview-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('logs out', async () => {
    await page.goto(url('/admin'));
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByText('Signed out.').waitFor();
    await shot('09-signed-out');
    await page.goto(url('/admin/jobs'));
    await page.waitForURL(/\/admin\/login\?next=%2Fadmin%2Fjobs/);
    expect((await context.cookies()).find((c) => c.name === 'copydesk_admin')).toBeUndefined();
  });
});
