import type { Page } from 'playwright-core';
import { PUBLISH_ADMIN_KEY, type PublishStack, startPublishStack } from '../support/publish-stack';
import { type Browser, describeInBrowser, openBrowser, screenshot, seriousViolations, signIn } from './browser';

/*
 * The Keys and Audit pages in Chromium, and every dashboard page checked for accessibility and layout at tablet
 * (768 px) and laptop (1280 px) widths. The API alone runs: these pages need no worker.
 */
jest.setTimeout(240_000);

/** Controls a screen reader could not name: no <label>, no aria-label(ledby), no title. */
const UNLABELLED = `Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
    && !el.getAttribute('title') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
  .map((el) => el.outerHTML.slice(0, 120))`;

/** The focused element's outline, as the reader sees it. */
const FOCUS_RING = `(() => { const el = document.activeElement; if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return { tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) }; })()`;

/** A table row as the page's script sees it (the tests compile without the DOM's types). */
type Row = { getAttribute(name: string): string | null };

describeInBrowser('dashboard keys, audit and accessibility in Chromium', () => {
  let stack: PublishStack;
  let browser: Browser;
  let page: Page;
  let createdKeyId: string;
  const url = (path: string): string => `${stack.client.baseUrl}${path}`;

  beforeAll(async () => {
    stack = await startPublishStack('browser-keys', [], {});
    browser = await openBrowser();
    page = browser.page;
    await signIn(page, stack.client.baseUrl, PUBLISH_ADMIN_KEY);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates a key, shows its secret once, and revokes it', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Keys' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByLabel('Name (who uses the key)').fill('Wire desk laptop');
    await page.getByRole('checkbox', { name: /^read/ }).check();
    await page.getByRole('checkbox', { name: /^manage/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.locator('#new-key').innerText()).trim();
    expect(secret).toMatch(/^cdk_live_[A-Za-z0-9_-]{43}$/);
    const row = page.locator('#keys tbody tr', { hasText: 'Wire desk laptop' });
    expect(await row.innerText()).toMatch(/read, manage[\s\S]*active/);
    createdKeyId = (await row.getAttribute('data-key'))!;
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '20-key-created');

    // The key works on the API, with the scopes ticked and no more.
    expect((await stack.client.withKey(secret).get('/v1/articles')).status).toBe(200);
    expect((await stack.client.withKey(secret).get('/v1/api-keys')).status).toBe(403);

    // Shown once: the list never shows it again.
    await page.goto(url('/admin/keys'));
    expect(await page.locator('#new-key').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await page.locator(`tr[data-key="${createdKeyId}"]`).getByRole('button', { name: 'Revoke key Wire desk laptop' }).click();
    await page.getByText('Key “Wire desk laptop” revoked.').waitFor();
    expect(browser.dialogs.pop()).toMatch(/^confirm: Revoke the key “Wire desk laptop”/);
    expect(await page.locator(`tr[data-key="${createdKeyId}"]`).innerText()).toMatch(/revoked/);
    expect(await page.locator(`tr[data-key="${createdKeyId}"]`).getByRole('button').count()).toBe(0);
    expect((await stack.client.withKey(secret).get('/v1/articles')).status).toBe(401);
    await screenshot(page, '21-key-revoked');
  });

  it("refuses a key creation without the session's CSRF token", async () => {
    await page.goto(url('/admin/keys'));
    // The browser sends the session cookie (same origin); only the token is missing, then wrong.
    const post = (body: string): Promise<number> =>
      page.evaluate(
        `fetch('/admin/keys', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '${body}' }).then((r) => r.status)`,
      );
    expect(await post('name=Forged&scopes=admin')).toBe(403);
    expect(await post('name=Forged&scopes=admin&_csrf=not-the-token')).toBe(403);
    expect((await stack.sql(`SELECT 1 FROM api_keys WHERE name = 'Forged'`)).length).toBe(0);
  });

  it('refuses a key creation without scopes, with the reason', async () => {
    await page.goto(url('/admin/keys'));
    await page.getByLabel('Name (who uses the key)').fill('No scopes');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('heading', { name: 'The request is not valid', level: 1 }).waitFor();
    expect(await page.locator('main').innerText()).toContain('scopes is required');
    expect((await stack.sql(`SELECT 1 FROM api_keys WHERE name = 'No scopes'`)).length).toBe(0);
  });

  it('shows a manage key neither Keys nor Audit, and refuses them on direct URL', async () => {
    const created = await stack.client.post<{ key: string }>('/v1/api-keys', { name: 'Night editor', scopes: ['manage'] });
    expect(created.status).toBe(201);
    const other = await openBrowser();
    try {
      await signIn(other.page, stack.client.baseUrl, created.body.key);
      const nav = other.page.getByRole('navigation', { name: 'Sections' });
      expect(await nav.getByRole('link', { name: 'Jobs' }).count()).toBe(1);
      expect(await nav.getByRole('link', { name: 'Keys' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Audit' }).count()).toBe(0);
      for (const [path, what] of [
        ['/admin/keys', 'manage API keys'],
        ['/admin/audit', 'read the audit log'],
      ]) {
        const response = await other.page.goto(url(path));
        expect(response?.status()).toBe(403);
        expect(await other.page.locator('main').innerText()).toContain(`cannot ${what}`);
      }
      await screenshot(other.page, '22-keys-forbidden');
    } finally {
      await other.close();
    }
    // Nor can it post to them (its CSRF token would be right: the scope is what is missing).
    const revoke = await stack.client.withKey(created.body.key).request('POST', `/admin/keys/${createdKeyId}/revoke`, '_csrf=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(revoke.status).toBe(403);
  });

  it('lists the key changes in the audit log, newest first, filtered and paged', async () => {
    await page.goto(url('/admin/audit'));
    const rows = page.locator('#audit tbody tr[data-audit]');
    await rows.first().waitFor();
    const actions = await rows.evaluateAll((trs: Row[]) => trs.map((tr) => tr.getAttribute('data-action')));
    // Newest first: the manage key's creation (by API), then the revocation, then the creation from the page.
    expect(actions.slice(0, 3)).toEqual(['api-key.created', 'api-key.revoked', 'api-key.created']);
    const ids = await rows.evaluateAll((trs: Row[]) => trs.map((tr) => Number(tr.getAttribute('data-audit'))));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    await page.getByLabel('Target id').fill(createdKeyId);
    await page.getByLabel('Action').selectOption('api-key.created');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/target=/);
    expect(await rows.count()).toBe(1);
    const entry = await rows.first().innerText();
    expect(entry).toContain('env admin key');
    expect(entry).toMatch(/Wire desk laptop/);
    expect(entry).toMatch(/read.*manage/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '23-audit-filtered');

    // 60 entries of one actor: a page of 50, then the 10 older ones.
    await stack.sql(
      `INSERT INTO audit_log (actor, action, target_type, target_id, details, at)
       SELECT 'pager test', 'source.updated', 'source', 'src-' || g, '{}', now() - (61 - g) * interval '1 minute' FROM generate_series(1, 60) g`,
    );
    await page.goto(url('/admin/audit?actor=pager+test'));
    expect(await rows.count()).toBe(50);
    await page.getByRole('link', { name: 'Older entries' }).click();
    await page.waitForURL(/before=/);
    expect(await rows.count()).toBe(10);
    expect(await page.getByLabel('Actor (key name or id)').inputValue()).toBe('pager test');
    expect(await page.getByRole('link', { name: 'Older entries' }).count()).toBe(0);

    // A time window: the entries written 10 to 20 minutes ago (UTC, as the page shows times).
    const local = (minutesAgo: number): string => new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 16);
    await page.goto(url(`/admin/audit?actor=pager+test&from=${local(20)}&to=${local(10)}`));
    expect(await rows.count()).toBeGreaterThanOrEqual(9);
    expect(await rows.count()).toBeLessThanOrEqual(11);

    const bad = await page.goto(url('/admin/audit?action=nonsense'));
    expect(bad?.status()).toBe(422);
  });

  it('every page: no serious axe violation, every control named, focus visible, fits 768 px and 1280 px', async () => {
    const pages = ['/admin', '/admin/articles', '/admin/jobs', '/admin/sources', '/admin/subscriptions', '/admin/keys', '/admin/audit'];
    for (const width of [768, 1280]) {
      await page.setViewportSize({ width, height: 1000 });
      for (const path of pages) {
        await page.goto(url(path));
        const where = `${path} at ${width} px`;
        expect({ where, violations: await seriousViolations(page) }).toEqual({ where, violations: [] });
        expect({ where, unlabelled: await page.evaluate(UNLABELLED) }).toEqual({ where, unlabelled: [] });
        const overflow = await page.evaluate('Math.max(0, document.documentElement.scrollWidth - window.innerWidth - 1)');
        expect({ where, overflow }).toEqual({ where, overflow: 0 });
        // The keyboard: the first stop is the skip link, and each of the next ones shows a focus ring.
        await page.keyboard.press('Tab');
        expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Skip to content');
        for (let i = 0; i < 4; i++) {
          await page.keyboard.press('Tab');
          const ring = await page.evaluate<{ outline: string; width: number } | null>(FOCUS_RING);
          expect({ where, ring }).toEqual({ where, ring: expect.objectContaining({ outline: 'solid' }) as unknown });
          expect(ring!.width).toBeGreaterThanOrEqual(2);
        }
        await screenshot(page, `3${width === 768 ? 'a' : 'b'}-${path.split('/')[2] ?? 'overview'}-${width}`);
      }
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
