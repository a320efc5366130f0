import { buildWebhookHeaders } from '@copydesk/signing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line no-restricted-imports -- a test helper @copydesk/delivery deliberately does not export
import { createNinjsValidator } from '../libs/delivery/src/ninjs-schema.testing';
import {
  acceptedEvents,
  createSubscription,
  type PublishStack,
  startPublishStack,
  waitForArticle,
  waitUntil,
} from './support/publish-stack';
import { startSubscriber, type SubscriberServer } from './support/subscriber-server';

jest.setTimeout(240_000);

const validateNinjs = createNinjsValidator();
const G2 = 'application/vnd.iptc.g2.newsitem+xml';
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', 'wire', name), 'utf8');
// The wire library's own edge cases: versions 1, 2 and a kill (3) of one item, a withheld item.
const edge = (name: string): string => readFileSync(join(__dirname, '..', 'libs', 'wire', 'src', 'fixtures', 'edge', name), 'utf8');

/** Agency wire copy end to end: in by HTTP as received, versions as revisions, kills, holds, metadata delivered. */
describe('wire copy: NewsML-G2, NITF and ninjs in, revisions by agency version, metadata delivered', () => {
  let stack: PublishStack;
  let native: SubscriberServer;
  let ninjs: SubscriberServer;

  const send = (body: string, contentType: string, path = '/v1/articles') => stack.client.post(path, body, { 'content-type': contentType });
  const rawItems = (articleId: string) =>
    stack.sql<{ origin: string; content_type: string; payload: Buffer }>(
      `SELECT origin, content_type, payload FROM raw_items WHERE article_id = $1 ORDER BY received_at`,
      [articleId],
    );
  const settledAt = (id: string, statuses: string[]) => waitForArticle(stack, id, (a) => statuses.includes(a.status as string));

  beforeAll(async () => {
    stack = await startPublishStack('wire', ['ingest-worker', 'enrichment-worker', 'publish-worker'], {
      DELIVERY_RETRY_SCHEDULE: '1s,1s,2s',
    });
    [native, ninjs] = await Promise.all([startSubscriber(), startSubscriber()]);
    await createSubscription(stack.client, { url: native.url });
    await createSubscription(stack.client, { url: ninjs.url, format: 'ninjs' });
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([native, ninjs].map((server) => server?.close()));
  });

  it('takes a NewsML-G2 item as received and delivers its agency metadata in native and ninjs', async () => {
    const document = fixture('g2-full-metadata.xml');
    const response = await send(document, G2);
    expect(response.status).toBe(202);
    const id = response.body.id as string;
    const raws = await rawItems(id);
    expect(raws).toHaveLength(1);
    expect(raws[0]).toMatchObject({ origin: 'wire', content_type: G2 });
    expect(raws[0].payload.toString('utf8')).toBe(document);

    const article = await settledAt(id, ['published']);
    expect(article).toMatchObject({ title: 'Ferry crossings resume after two-day storm', byline: 'Mara Quinn' });

    const nativeEvent = await waitUntil(stack, () => acceptedEvents(native, id)[0]);
    expect(nativeEvent.data.agency).toMatchObject({
      guid: 'urn:newsml:copydesk.test:20261207:ferry',
      version: 1,
      urgency: 2,
      rights: {
        copyrightHolder: 'Copydesk Test Agency',
        copyrightNotice: 'Copyright 2026 Copydesk Test Agency. All rights reserved.',
        usageTerms: 'No use in advertising. Regional newspapers only.',
      },
      genres: [{ qcode: 'genre:Current', name: 'Current' }],
      mediaTopics: ['medtop:04000000', 'medtop:20000568'],
      dateline: 'DOVER, Dec 7',
      located: { name: 'Dover', qcode: 'geo:2643743' },
    });
    const agency = nativeEvent.data.agency as { subjects: unknown[]; hopHistory: unknown[] };
    expect(agency.subjects[0]).toMatchObject({ qcode: 'subj:04000000', mediaTopic: 'medtop:04000000', mediaTopicMatch: 'exact' });
    expect(agency.hopHistory).toHaveLength(2);

    const ninjsEvent = await waitUntil(stack, () => acceptedEvents(ninjs, id)[0]);
    const doc = ninjsEvent.data;
    const result = validateNinjs(doc);
    if (!result.valid) throw new Error(`not valid ninjs 3.1: ${JSON.stringify(result.errors)}`);
    expect(doc).toMatchObject({
      urgency: 2,
      copyrightHolder: 'Copydesk Test Agency',
      usageTerms: 'No use in advertising. Regional newspapers only.',
      located: 'Dover',
    });
    expect(doc.altIds).toEqual(
      expect.arrayContaining([
        { role: 'agency-guid', value: 'urn:newsml:copydesk.test:20261207:ferry' },
        { role: 'agency-version', value: '1' },
      ]),
    );
    expect(doc.genres).toEqual(expect.arrayContaining([{ name: 'Current', literal: 'genre:Current' }]));
    expect((doc.subjects as Array<{ uri: string }>).map((s) => s.uri)).toEqual(
      expect.arrayContaining(['http://cv.iptc.org/newscodes/mediatopic/04000000', 'http://cv.iptc.org/newscodes/mediatopic/20000568']),
    );

    // The API's ninjs read is the delivery's document: the same agency metadata, by the same mapping.
    const read = await stack.client.get<Record<string, unknown>>(`/v1/articles/${id}?format=ninjs`);
    expect(read.status).toBe(200);
    const readResult = validateNinjs(read.body);
    if (!readResult.valid) throw new Error(`not valid ninjs 3.1: ${JSON.stringify(readResult.errors)}`);
    const agencyFields = ['urgency', 'copyrightHolder', 'copyrightNotice', 'usageTerms', 'genres', 'subjects', 'located', 'altIds'];
    const pick = (d: Record<string, unknown>) => Object.fromEntries(agencyFields.map((field) => [field, d[field]]));
    expect(pick(read.body)).toEqual(pick(doc));
  });

  it('makes a newer version a revision, keeps a late older one as history, and kills on canceled', async () => {
    const v2 = await send(edge('g2-version-2.xml'), 'application/xml');
    expect(v2.status).toBe(202);
    const id = v2.body.id as string;
    await settledAt(id, ['published']);
    // Version 1 arrives late: stored, kept as history, and the article keeps version 2's text.
    const v1 = await send(edge('g2-version-1.xml'), 'text/xml; charset=utf-8');
    expect(v1.body.id).toBe(id);
    const revisions = await waitUntil(stack, async () => {
      const items = (await stack.client.get(`/v1/articles/${id}/revisions`)).body.items as Array<Record<string, unknown>>;
      return items.length === 2 ? items : null;
    });
    expect(revisions.map((r) => [r.revision, r.agencyVersion, r.superseded])).toEqual([
      [1, 2, false],
      [1, 1, true],
    ]);
    const current = (await stack.client.get(`/v1/articles/${id}`)).body;
    expect(current).toMatchObject({ title: 'Harbour bridge closed after early-morning crash', revision: 1 });
    expect(await rawItems(id)).toHaveLength(2);

    // Version 3 cancels the item: the article is killed and subscribers that had it are told.
    expect((await send(edge('g2-version-3-kill.xml'), G2)).body.id).toBe(id);
    const killed = await settledAt(id, ['killed']);
    expect(killed.killReason).toMatch(/withdrawn/);
    const kill = await waitUntil(stack, () => acceptedEvents(native, id).find((event) => event.type === 'article.killed'));
    expect(kill.data).toMatchObject({ id, status: 'killed' });
  });

  it('does not publish a withheld item, and keeps an embargo until its time', async () => {
    const withheld = await send(edge('g2-withheld-embargoed.xml'), G2);
    const heldArticle = await settledAt(withheld.body.id as string, ['withheld']);
    expect(heldArticle.title).toBe('Budget to raise fuel duty');

    const embargoed = await send(fixture('g2-embargoed.xml'), G2);
    const id = embargoed.body.id as string;
    const rows = await waitUntil(stack, async () => {
      const found = await stack.sql<{ status: string; next_attempt_at: Date }>(
        `SELECT status, next_attempt_at FROM deliveries WHERE article_id = $1`,
        [id],
      );
      return found.length === 2 ? found : null;
    });
    expect(rows.map((row) => [row.status, row.next_attempt_at.toISOString()])).toEqual([
      ['pending', '2099-01-01T00:00:00.000Z'],
      ['pending', '2099-01-01T00:00:00.000Z'],
    ]);
    // Deliveries of the withheld article were never made.
    expect(await stack.sql(`SELECT 1 FROM deliveries WHERE article_id = $1`, [withheld.body.id])).toEqual([]);
  });

  it('takes ninjs by its media type, and wire copy on signed webhooks', async () => {
    const pushed = await send(fixture('ninjs-3.1-item.json'), 'application/ninjs+json');
    expect(pushed.status).toBe(202);
    expect(await settledAt(pushed.body.id as string, ['published'])).toMatchObject({ title: 'Lighthouse reopens to visitors' });

    const source = await stack.client.post('/v1/sources', { slug: 'agency-wire', name: 'Agency wire', type: 'wire' });
    expect(source.status).toBe(201);
    const body = edge('nitf-3.6-document.xml');
    const headers = buildWebhookHeaders({
      id: 'msg-1',
      timestamp: Math.floor(Date.now() / 1000),
      body,
      secrets: [source.body.webhookSecret as string],
    });
    const call = () =>
      stack.client
        .withKey(null)
        .request('POST', `/v1/webhooks/${source.body.id as string}`, body, { ...headers, 'content-type': 'application/nitf+xml' });
    const first = await call();
    expect(first.status).toBe(202);
    const items = first.body.items as Array<{ id: string }>;
    const article = await settledAt(items[0].id, ['published', 'failed']);
    expect(article.status).toBe('published');
    expect((await rawItems(items[0].id))[0]).toMatchObject({ origin: 'wire', content_type: 'application/nitf+xml' });
    // The partner's retry of the same call is acknowledged and ignored.
    expect((await call()).body).toMatchObject({ status: 'duplicate' });
  });

  it('refuses what is not wire copy or cannot be used, storing nothing', async () => {
    const before = await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM raw_items`);
    const notWire = await send('<rss version="2.0"><channel/></rss>', 'application/xml');
    expect(notWire.status).toBe(415);
    expect(notWire.contentType).toMatch(/application\/problem\+json/);
    const bomb = await send(edge('bomb-billion-laughs.xml'), G2);
    expect(bomb.status).toBe(422);
    expect(bomb.contentType).toMatch(/application\/problem\+json/);
    const badJson = await send('{"uri": "urn:x", "headlines": [', 'application/ninjs+json');
    expect([400, 422]).toContain(badJson.status);
    const noItems = await send('{"uri": "urn:x:pic", "type": "picture", "headlines": [{"value": "A picture"}]}', 'application/ninjs+json');
    expect(noItems.status).toBe(422);
    expect(await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM raw_items`)).toEqual(before);
  });
});
