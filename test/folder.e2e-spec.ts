import { freePort } from '@copydesk/embedded';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiClient } from './support/api-client';
import { createIsolatedEnvironment, type IsolatedEnvironment } from './support/isolated-environment';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';

const ADMIN_KEY = 'test-admin-key-folder-0123456789';
const FILES = 500;

jest.setTimeout(300_000);

/** A small NewsML-G2 news item of its own guid. Invented text. */
const newsItem = (n: number): string => `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:copydesk.test:drop:${n}" version="1" standard="NewsML-G2" xml:lang="en">
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-12-07T09:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><urgency>5</urgency><headline>Drop ${n}: harbour report number ${n}</headline></contentMeta>
  <contentSet><inlineData contenttype="text/plain">Report ${n} from the harbour: ${n} ships came in today.</inlineData></contentSet>
</newsItem>
`;

/** Watched folders: wire files dropped into a directory, taken once each by several ingest workers. */
describe('watched folders', () => {
  let environment: IsolatedEnvironment;
  let env: NodeJS.ProcessEnv;
  let api: RunningApp;
  let workers: RunningApp[] = [];
  let client: ApiClient;
  let db: Client;
  let dir: string;
  const logs = () => [api, ...workers].map((app) => app.output().slice(-2000)).join('\n');
  const listing = (sub: string): string[] => readdirSync(join(dir, sub)).sort();
  const countIn = (sub: string): number => {
    try {
      return readdirSync(join(dir, sub)).length;
    } catch {
      return 0;
    }
  };
  // Written under a temporary name and renamed into place, as agencies' uploaders do: complete when it appears.
  const drop = (name: string, content: string): void => {
    writeFileSync(join(dir, `.${name}.part`), content);
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, `.${name}.part`), past, past);
    renameSync(join(dir, `.${name}.part`), join(dir, name));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-folder-e2e-'));
    environment = await createIsolatedEnvironment('folder');
    const port = await freePort();
    env = { ...environment.env, PORT: String(port), COPYDESK_ADMIN_KEY: ADMIN_KEY, LOG_LEVEL: 'warn', WATCH_FOLDER_ROOTS: dir };
    api = startApp('api', env);
    workers = [startApp('ingest-worker', env), startApp('ingest-worker', env)];
    client = new ApiClient(`http://127.0.0.1:${port}`, ADMIN_KEY);
    db = new Client({ connectionString: environment.databaseUrl });
    await db.connect();
    await waitForHealthy(client.baseUrl, api);
  });

  afterAll(async () => {
    await Promise.all([api, ...workers].map((app) => app?.stop()));
    await db?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder source without a usable path, naming the field', async () => {
    const missing = await client.post('/v1/sources', { slug: 'drops-missing', name: 'Drops', type: 'folder' });
    expect(missing.status).toBe(422);
    expect(missing.contentType).toMatch(/application\/problem\+json/);
    expect(missing.body.errors).toEqual([{ pointer: '/path', detail: 'a folder source needs a path' }]);
    const relative = await client.post('/v1/sources', { slug: 'drops-relative', name: 'Drops', type: 'folder', path: 'drops' });
    expect((relative.body.errors as Array<{ pointer: string }>).map((e) => e.pointer)).toEqual(['/path']);
    const nowhere = await client.post('/v1/sources', { slug: 'drops-nowhere', name: 'Drops', type: 'folder', path: join(dir, 'none') });
    expect(nowhere.body).toMatchObject({ status: 422, errors: [{ pointer: '/path' }] });
    const outside = await client.post('/v1/sources', { slug: 'drops-outside', name: 'Drops', type: 'folder', path: tmpdir() });
    expect(outside.body).toMatchObject({
      status: 422,
      errors: [{ pointer: '/path', detail: expect.stringMatching(/not inside WATCH_FOLDER_ROOTS/) }],
    });
    const withUrl = await client.post('/v1/sources', {
      slug: 'drops-url',
      name: 'Drops',
      type: 'folder',
      path: dir,
      url: 'https://a.example/',
    });
    expect((withUrl.body.errors as Array<{ pointer: string }>).map((e) => e.pointer)).toEqual(['/url']);
  });

  it('ingests each of 500 files exactly once with two workers; a broken file fails with its reason, the rest go on', async () => {
    const created = await client.post('/v1/sources', { slug: 'drops', name: 'Agency drops', type: 'folder', path: dir, pattern: '*.xml' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'folder', path: dir, pattern: '*.xml' });
    const sourceId = created.body.id as string;

    drop('broken.xml', '<rss version="2.0"><channel><title>Not wire copy</title></channel></rss>');
    drop('notes.txt', 'not matching the pattern: left alone');
    for (let n = 1; n <= FILES; n++) drop(`item-${String(n).padStart(3, '0')}.xml`, newsItem(n));

    await waitFor(async () => Promise.resolve(countIn('processed') === FILES && countIn('failed') === 2), {
      timeoutMs: 180_000,
      describe: () => `processed ${countIn('processed')}, failed ${countIn('failed')}\n${logs()}`,
    });
    expect(listing('failed')).toEqual(['broken.xml', 'broken.xml.reason.txt']);
    expect(readFileSync(join(dir, 'failed', 'broken.xml.reason.txt'), 'utf8')).toMatch(/not usable wire copy.*not.*(NewsML|wire)/i);
    expect(readdirSync(dir).sort()).toEqual(['.copydesk-claimed', 'failed', 'notes.txt', 'processed']);
    expect(listing('processed')).toHaveLength(FILES);
    expect(listing('processed').filter((name) => name.includes('('))).toEqual([]);

    const { rows } = await db.query<{ files: string; raws: string; articles: string }>(
      `SELECT count(DISTINCT metadata->>'file') AS files, count(*) AS raws, count(DISTINCT article_id) AS articles
       FROM raw_items WHERE source_id = $1 AND origin = 'wire'`,
      [sourceId],
    );
    expect(rows[0]).toEqual({ files: String(FILES), raws: String(FILES), articles: String(FILES) });
    const stored = await db.query<{ payload: Buffer }>(
      `SELECT payload FROM raw_items WHERE source_id = $1 AND metadata->>'file' = 'item-007.xml'`,
      [sourceId],
    );
    expect(stored.rows[0].payload.toString('utf8')).toBe(newsItem(7));
  });

  it('survives a restart without taking processed files again', async () => {
    const before = await db.query<{ n: string }>(`SELECT count(*) AS n FROM raw_items WHERE origin = 'wire'`);
    await workers[0].stop();
    workers[0] = startApp('ingest-worker', env);
    await workers[1].stop();
    drop('after-restart.xml', newsItem(FILES + 1));
    // The restarted worker boots inside this wait: on a loaded two-core machine that alone can take half a minute.
    await waitFor(async () => Promise.resolve(listing('processed').includes('after-restart.xml')), { timeoutMs: 120_000, describe: logs });
    const after = await db.query<{ n: string }>(`SELECT count(*) AS n FROM raw_items WHERE origin = 'wire'`);
    expect(Number(after.rows[0].n)).toBe(Number(before.rows[0].n) + 1);
  });
});
