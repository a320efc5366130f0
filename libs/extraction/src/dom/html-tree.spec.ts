import { parseHtml } from './html-tree';
import { textContent } from './tree-text';

describe('parseHtml', () => {
  it('builds elements in document order with decoded text', () => {
    const tree = parseHtml('<html><body><div id="a"><p>Fish &amp; chips&nbsp;today</p></div></body></html>');
    expect(tree.elements.map((e) => e.tag)).toEqual(['#root', 'html', 'body', 'div', 'p']);
    expect(textContent(tree.root)).toBe('Fish & chips\u00a0today');
    expect(tree.elements[3].attrs.id).toBe('a');
  });

  it('closes paragraphs and list items implicitly, as browsers do', () => {
    const tree = parseHtml('<body><p>one<p>two<ul><li>a<li>b</ul></body>');
    const body = tree.elements.find((e) => e.tag === 'body');
    expect(body?.children.filter((c) => c.kind === 'element').map((c) => (c.kind === 'element' ? c.tag : ''))).toEqual(['p', 'p', 'ul']);
    expect(tree.elements.filter((e) => e.tag === 'li').every((li) => li.parent?.tag === 'ul')).toBe(true);
  });

  it('ends an unclosed <head> at the first body element instead of hanging the page under it', () => {
    const tree = parseHtml('<html><head><title>T</title><meta name="x" content="y"><div class="content"><p>Story</p></div></html>');
    const div = tree.elements.find((e) => e.tag === 'div');
    expect(div?.parent?.tag).toBe('html');
    expect(tree.title).toBe('T');
  });

  it('collects head metadata: title, lang, meta, link and JSON-LD (typed or untyped)', () => {
    const tree = parseHtml(
      '<html lang="de-AT"><head><title> A title </title><meta property="og:title" content="OG">' +
        '<link rel="canonical" href="https://example.com/a"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>' +
        '<script>{"@context": "https://schema.org", "@type": "WebPage"}</script><script>var x = 1;</script></head><body></body></html>',
    );
    expect(tree.title).toBe('A title');
    expect(tree.htmlLang).toBe('de-AT');
    expect(tree.metas).toEqual([{ property: 'og:title', content: 'OG' }]);
    expect(tree.links[0].href).toBe('https://example.com/a');
    expect(tree.jsonLd).toHaveLength(2);
  });

  it('skips scripts, styles, SVG and templates entirely', () => {
    const tree = parseHtml(
      '<body><p>kept</p><script>var t = "<p>no</p>";</script><style>p{}</style><svg><title>icon</title><path/></svg><template><p>no</p></template><p>also kept</p></body>',
    );
    expect(textContent(tree.root)).toBe('keptalso kept');
  });

  it('flattens nesting beyond the depth cap on 100k unclosed divs', () => {
    const tree = parseHtml(`<body>${'<div>'.repeat(100_000)}<p>deep text</p></body>`);
    expect(tree.elements.length).toBeLessThan(300);
    expect(Math.max(...tree.elements.map((e) => e.depth))).toBeLessThanOrEqual(201);
    expect(textContent(tree.root)).toContain('deep text');
  });

  it('ignores stray end tags without scanning the whole stack', () => {
    const tree = parseHtml(`<body><div><p>x</p>${'</span>'.repeat(50_000)}</div><p>after</p></body>`);
    expect(textContent(tree.root)).toBe('xafter');
  });

  it('stops at maxHtmlLength and says so', () => {
    const tree = parseHtml('<body><p>first</p><p>second</p></body>', { maxHtmlLength: 20, maxDepth: 200, maxElements: 1000 });
    expect(tree.truncated).toBe(true);
    expect(textContent(tree.root)).toBe('first');
  });
});
