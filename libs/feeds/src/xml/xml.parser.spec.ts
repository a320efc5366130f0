import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FeedParseErrorCode } from '../feed.exception';
import { parseFeed } from '../parse-feed';
import { parseXml } from './xml.parser';

// Small attack files live in the repository (test/fixtures/security/bombs, README there); big ones are generated.
const bomb = (name: string): string => readFileSync(join(__dirname, '../../../../test/fixtures/security/bombs', name), 'utf8');

/** One 10 KB entity referenced 10,000 times: ~100 MB if expanded, with no nesting for a depth limit to catch. */
function quadraticBlowup(): string {
  const refs = '&a;'.repeat(10_000);
  return `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "${'A'.repeat(10_000)}">]><feed xmlns="http://www.w3.org/2005/Atom"><title>q</title><entry><content>${refs}</content></entry></feed>`;
}

/** 20,000 nested elements inside an item's description. */
function deepNesting(): string {
  const depth = 20_000;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>deep</title><item><description>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</description></item></channel></rss>`;
}

/** Runs `fn` and returns how long it took in ms. */
function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('parseXml', () => {
  it('builds a namespaced tree and records no issues for well-formed XML', () => {
    const doc = parseXml('<?xml version="1.0"?><a:r xmlns:a="urn:a" xmlns="urn:d"><b x="1">t &amp; <![CDATA[<c>]]></b></a:r>');
    expect(doc.issues).toEqual([]);
    expect(doc.root).toMatchObject({ local: 'r', ns: 'urn:a' });
    const b = doc.root!.children[0];
    expect(b).toMatchObject({ kind: 'element', local: 'b', ns: 'urn:d', attrs: [{ local: 'x', value: '1' }] });
    expect(b.kind === 'element' && b.children).toEqual([{ kind: 'text', value: 't & <c>' }]);
  });

  it.each([
    ['<r><a></r>', 'mismatched end tag'],
    ['<r>a & b</r>', 'bare "&"'],
    ['<r a=1/>', 'unquoted value'],
    ['<r>&nbsp;</r>', 'undefined entity'],
    ['<p:r/>', 'undeclared namespace prefix'],
    ['<r/><r/>', 'junk after'],
    [' <?xml version="1.0"?><r/>', 'XML declaration not at the start'],
    ['', 'no element found'],
  ])('recovers from %j and reports it', (xml, problem) => {
    const doc = parseXml(xml);
    expect(doc.issues.map((i) => i.message).join('; ')).toContain(problem);
  });

  it('accepts undeclared entities when an external DTD could declare them', () => {
    const doc = parseXml('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://x/rss-0.91.dtd"><rss>&eacute;</rss>');
    expect(doc.issues).toEqual([]);
    expect(doc.root!.children).toEqual([{ kind: 'text', value: 'é' }]);
  });
});

describe('hostile XML is refused or parsed without expansion, quickly', () => {
  it('refuses a billion-laughs DTD', () => {
    const ms = timed(() =>
      expect(() => parseFeed(bomb('billion-laughs.rss'))).toThrow(expect.objectContaining({ code: FeedParseErrorCode.EntityRefused })),
    );
    expect(ms).toBeLessThan(500);
  });

  it('refuses a quadratic blowup once expansion passes its budget', () => {
    const ms = timed(() =>
      expect(() => parseFeed(quadraticBlowup())).toThrow(expect.objectContaining({ code: FeedParseErrorCode.EntityRefused })),
    );
    expect(ms).toBeLessThan(500);
  });

  it.each([
    ['xxe-file.rss', 'Local file:'],
    ['xxe-ssrf.rss', 'Metadata:'],
  ])('never resolves the external entity in %s', (name, textBeforeEntity) => {
    const feed = parseFeed(bomb(name));
    // The entity reference reads as nothing: only the title's own text is left.
    expect(feed.items[0].title).toBe(textBeforeEntity);
    expect(JSON.stringify(feed)).not.toContain('root:');
    expect(feed.wellFormed).toBe(false);
  });

  it('never loads an external parameter-entity DTD', () => {
    expect(parseFeed(bomb('parameter-entity.rss')).title).toBe('pe');
  });

  it('flattens 20,000 nested elements without overflowing the stack', () => {
    let feedTitle: string | null = null;
    const ms = timed(() => {
      feedTitle = parseFeed(deepNesting()).title;
    });
    expect(feedTitle).toBe('deep');
    expect(ms).toBeLessThan(2_000);
  });
});
