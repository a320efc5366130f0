import { RawItemOrigin, RawItemStatus, SourceType } from '@copydesk/contracts';
import type { RawItemEntity } from '@copydesk/database';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageScraper } from '../../ingest/page-scraper.service';
import { UnprocessableRawItemError } from '../../ingest/unprocessable-raw-item.error';
import { SOURCE_KINDS, sourceKinds } from '../source-kinds';
import { plainTextKind } from './example/plain-text.kind';
import { SourceKindRegistry } from './source-kind.registry';

const raw = (contentType: string, payload: string, metadata: Record<string, unknown> = {}): RawItemEntity =>
  ({
    id: 'raw-1',
    sourceId: 'source-1',
    articleId: null,
    origin: RawItemOrigin.Api,
    contentType,
    payload: Buffer.from(payload),
    externalId: null,
    url: null,
    metadata,
    status: RawItemStatus.Received,
    receivedAt: new Date(),
  }) as unknown as RawItemEntity;

// The readers used below never scrape: a scraper that is called fails the test.
const scraper = new Proxy({}, { get: () => () => Promise.reject(new Error('no page should be fetched')) }) as PageScraper;
const context = { source: null, timeZone: null, scraper };

describe('SourceKindRegistry', () => {
  it('knows every SourceType, once', () => {
    expect(sourceKinds.types().sort()).toEqual(Object.values(SourceType).sort());
  });

  it('says which kinds are polled, and how', () => {
    expect(sourceKinds.typesPolledBy('scheduled').sort()).toEqual([SourceType.Feed, SourceType.Sitemap]);
    expect(sourceKinds.typesPolledBy('watched')).toEqual([SourceType.Folder]);
    expect(sourceKinds.isScheduled(SourceType.Push)).toBe(false);
    expect(sourceKinds.isSigned(SourceType.Webhook)).toBe(true);
    expect(sourceKinds.isSigned(SourceType.Feed)).toBe(false);
  });

  it('checks settings against the kind’s config schema, naming the bad field', () => {
    expect(sourceKinds.check(SourceType.Feed, {})).toEqual([{ pointer: '/url', detail: 'a feed source needs a url' }]);
    expect(sourceKinds.check(SourceType.Feed, { url: 'https://example.com/feed' })).toEqual([]);
    expect(sourceKinds.check(SourceType.Push, { path: '/tmp' })).toEqual([{ pointer: '/path', detail: 'a push source takes no path' }]);
    expect(sourceKinds.check('carrier-pigeon', {})[0].pointer).toBe('/type');
    // A change leaves out what it does not change.
    expect(sourceKinds.check(SourceType.Feed, {}, true)).toEqual([]);
  });

  it('checks a folder source’s path and pattern', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-kind-'));
    const allowed = { watchFolderRoots: [dir] };
    try {
      expect(sourceKinds.check(SourceType.Folder, { path: dir, pattern: '*.xml' }, false, allowed)).toEqual([]);
      expect(sourceKinds.check(SourceType.Folder, {}, false, allowed).map((p) => p.pointer)).toEqual(['/path']);
      expect(sourceKinds.check(SourceType.Folder, { path: 'drops' }, false, allowed).map((p) => p.pointer)).toEqual(['/path']);
      expect(sourceKinds.check(SourceType.Folder, { path: `${dir}/../x` }).map((p) => p.pointer)).toEqual(['/path']);
      expect(sourceKinds.check(SourceType.Folder, { path: join(dir, 'missing') }, false, allowed)[0].detail).toMatch(/not a directory/);
      expect(sourceKinds.check(SourceType.Folder, { path: dir, pattern: 'in/*.xml' }, false, allowed).map((p) => p.pointer)).toEqual([
        '/pattern',
      ]);
      expect(sourceKinds.check(SourceType.Folder, { path: dir, url: 'https://example.com' }, false, allowed).map((p) => p.pointer)).toEqual(
        ['/url'],
      );
      // Only inside the installation's roots, and nowhere without them: an API key cannot point the workers anywhere.
      expect(sourceKinds.check(SourceType.Folder, { path: tmpdir() }, false, allowed)[0].detail).toMatch(/not inside WATCH_FOLDER_ROOTS/);
      expect(sourceKinds.check(SourceType.Folder, { path: dir })[0].detail).toMatch(/folder sources are off/);
      const escape = join(dir, 'link-out');
      symlinkSync(tmpdir(), escape);
      expect(sourceKinds.check(SourceType.Folder, { path: escape }, false, allowed)[0].detail).toMatch(/not inside WATCH_FOLDER_ROOTS/);
      expect(sourceKinds.config(SourceType.Folder, { path: dir })).toEqual({ path: dir, pattern: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads raw items by media type, whatever the kind that declared the reader', async () => {
    const push = await sourceKinds.draft(
      raw('application/json; charset=utf-8', JSON.stringify({ title: 'Budget', body: 'Passed.' })),
      context,
    );
    expect(push.title).toBe('Budget');
    await expect(sourceKinds.draft(raw('text/plain', 'Note\nbody'), context)).rejects.toThrow(UnprocessableRawItemError);
  });

  it('refuses a kind registered twice, or two readers of one media type', () => {
    expect(() => new SourceKindRegistry([...SOURCE_KINDS, SOURCE_KINDS[0]])).toThrow(/registered twice/);
    expect(
      () => new SourceKindRegistry([...SOURCE_KINDS, { ...plainTextKind, readers: { 'application/json': () => null as never } }]),
    ).toThrow(/application\/json is read by both/);
  });

  describe('a new kind is its folder plus one registration line', () => {
    const registry = new SourceKindRegistry([...SOURCE_KINDS, plainTextKind]);

    it('has its config schema checked', () => {
      expect(registry.check('plain-text', {})).toEqual([{ pointer: '/url', detail: 'a plain-text source needs a url' }]);
      expect(registry.check('plain-text', { url: 'imap://mail.example.com/notes' })).toEqual([]);
    });

    it('is polled as it says', () => {
      expect(registry.isScheduled('plain-text')).toBe(false);
      expect(registry.typesPolledBy('scheduled')).not.toContain('plain-text');
    });

    it('has its raw items read into drafts', async () => {
      const draft = await registry.draft(raw('text/plain', 'Harbour reopens\nShips sail again.\nThe storm has passed.'), context);
      expect(draft.title).toBe('Harbour reopens');
      expect(draft.bodyHtml).toBe('<p>Ships sail again.</p>\n<p>The storm has passed.</p>');
    });
  });
});
