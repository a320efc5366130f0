import { inertArticleHtml } from './inert-html';

/** The usual ways markup tries to run script. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"><circle r=1></circle></svg>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<a href="  JaVaScRiPt:window.__xss=1">click</a>',
  '<iframe srcdoc="<script>window.__xss=1</script>"></iframe>',
  '<p style="background:url(javascript:x)" onclick="window.__xss=1">text</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<form action="javascript:x"><button>go</button></form>',
  '<object data="data:text/html,<script>x</script>"></object>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
];

describe('inertArticleHtml', () => {
  it.each(PAYLOADS)('leaves nothing that runs or loads from %s', (payload) => {
    const out = inertArticleHtml(`<p>before</p>${payload}<p>after</p>`).value;
    expect(out).not.toMatch(/<script|<iframe|<object|<svg|<img|<style|<form|<math/i);
    expect(out).not.toMatch(/\son[a-z]+\s*=/i);
    expect(out).not.toMatch(/javascript:|data:/i);
    expect(out).not.toMatch(/style=/i);
    // What follows an unclosed raw-text trap may be swallowed with it; what precedes it stays.
    expect(out).toContain('<p>before</p>');
  });

  it('keeps the copy: paragraphs, headings, lists, quotes, emphasis and http links', () => {
    const out = inertArticleHtml(
      '<h2>Bridge</h2><p>It <em>reopened</em>, <a href="https://example.com/a" class="x">said</a> the council.</p><ul><li>one</li></ul><blockquote>We are glad</blockquote>',
    ).value;
    expect(out).toBe(
      '<h2>Bridge</h2><p>It <em>reopened</em>, <a href="https://example.com/a" rel="noopener noreferrer nofollow">said</a> the council.</p><ul><li>one</li></ul><blockquote>We are glad</blockquote>',
    );
  });
});
