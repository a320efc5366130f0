import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DropFolder } from './drop-folder';

describe('DropFolder', () => {
  let dir: string;
  const past = (ms: number): Date => new Date(Date.now() - ms);
  const drop = (name: string, content: string, ageMs = 60_000): void => {
    writeFileSync(join(dir, name), content);
    utimesSync(join(dir, name), past(ageMs), past(ageMs));
  };
  const folder = (pattern?: string) => new DropFolder(dir, { pattern, settleMs: 2_000, claimTimeoutMs: 600_000 });

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'copydesk-drop-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists complete files only: settled, matching the pattern, not in progress', async () => {
    drop('b.xml', '<b/>', 90_000);
    drop('a.xml', '<a/>', 120_000);
    drop('fresh.xml', '<c/>', 100);
    drop('notes.txt', 'x');
    drop('upload.xml.part', 'x');
    drop('.hidden.xml', 'x');
    expect(await folder('*.xml').waiting()).toEqual(['a.xml', 'b.xml']);
    expect(await folder().waiting()).toEqual(['a.xml', 'b.xml', 'notes.txt']);
  });

  it('gives each file to exactly one of several workers', async () => {
    for (let i = 0; i < 20; i++) drop(`f${i}.xml`, `<n>${i}</n>`);
    const workers = [folder(), folder(), folder()];
    const names = await workers[0].waiting();
    const claims = await Promise.all(workers.flatMap((worker) => names.map((name) => worker.claim(name))));
    const taken = claims.filter((claim) => claim !== null);
    expect(taken.map((claim) => claim.name).sort()).toEqual([...names].sort());
    expect(await folder().waiting()).toEqual([]);
  });

  it('moves a stored file to processed/ and a refused one to failed/ with its reason', async () => {
    drop('good.xml', '<ok/>');
    drop('bad.xml', '<broken');
    const watched = folder();
    const good = await watched.claim('good.xml');
    expect(good?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(good?.bytes.toString()).toBe('<ok/>');
    await watched.processed(good!);
    await watched.failed((await watched.claim('bad.xml'))!, 'not a wire document: unclosed element');
    expect(readFileSync(join(dir, 'processed', 'good.xml'), 'utf8')).toBe('<ok/>');
    expect(readFileSync(join(dir, 'failed', 'bad.xml.reason.txt'), 'utf8')).toMatch(/unclosed element/);
    expect(await watched.waiting()).toEqual([]);
  });

  it('keeps both when a file of the same name was settled before', async () => {
    const watched = folder();
    drop('same.xml', '<one/>');
    const first = await watched.claim('same.xml');
    // The agency drops another file under the same name while the first is still being stored.
    drop('same.xml', '<two/>');
    const second = await watched.claim('same.xml');
    await watched.processed(second!);
    await watched.processed(first!);
    expect(readFileSync(join(dir, 'processed', 'same.xml'), 'utf8')).toBe('<two/>');
    expect(readFileSync(join(dir, 'processed', 'same (2).xml'), 'utf8')).toBe('<one/>');
  });

  it('releases the claim of a worker that died, after the timeout only', async () => {
    drop('orphan.xml', '<o/>');
    const watched = folder();
    await watched.claim('orphan.xml');
    expect(await watched.releaseAbandoned()).toEqual([]);
    expect(await watched.releaseAbandoned(Date.now() + 601_000)).toEqual(['orphan.xml']);
    expect(existsSync(join(dir, 'orphan.xml'))).toBe(true);
  });

  it('answers null for a file another worker already took', async () => {
    drop('once.xml', '<x/>');
    expect(await folder().claim('once.xml')).not.toBeNull();
    expect(await folder().claim('once.xml')).toBeNull();
  });
});
