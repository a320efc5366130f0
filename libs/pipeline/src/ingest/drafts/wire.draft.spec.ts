import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyArticleError } from './article-draft';
import { draftFromWire } from './wire.draft';

const fixture = (path: string): Buffer => readFileSync(join(__dirname, '../../../../wire/src/fixtures', path));

describe('draftFromWire', () => {
  it('reads a NewsML-G2 news item into a draft with the agency metadata kept', () => {
    const draft = draftFromWire(fixture('edge/g2-version-2.xml'), 'application/vnd.iptc.g2.newsitem+xml', 0);
    expect(draft.title.length).toBeGreaterThan(0);
    expect(draft.bodyText.length).toBeGreaterThan(0);
    const wire = draft.metadata.wire as { guid: string; version: number | null };
    expect(wire.guid).toBeTruthy();
    expect(wire.version).toBe(2);
    expect(draft.kill).toBeUndefined();
  });

  it('turns a canceled item into a withdrawal that still names the agency item', () => {
    const draft = draftFromWire(fixture('edge/g2-version-3-kill.xml'), 'application/xml', 0);
    expect(draft.kill?.reason).toBeTruthy();
    expect((draft.metadata.wire as { version: number }).version).toBe(3);
  });

  it('reads ninjs by its media type', () => {
    const draft = draftFromWire(fixture('edge/ninjs-2.0-lowercase.json'), 'application/ninjs+json', 0);
    expect(draft.title.length).toBeGreaterThan(0);
  });

  it('says when the document has no such item', () => {
    expect(() => draftFromWire(fixture('edge/g2-version-2.xml'), 'application/xml', 5)).toThrow(EmptyArticleError);
  });
});
