import { escapeHtml, externalHref, html, query, trusted } from './html';

describe('html', () => {
  it('escapes every interpolated value, in text and in quoted attributes', () => {
    const title = `<script>alert(1)</script>"'&\``;
    expect(html`<td title="${title}">${title}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&#96;">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&#96;</td>',
    );
    expect(escapeHtml('"><img src=x onerror=alert(1)>')).not.toMatch(/[<>"]/);
  });

  it('keeps nested templates and trusted markup, joins lists and drops null, undefined and false', () => {
    const rows = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    // Prettier may lay the template out over lines: whitespace between tags is not what is tested here.
    const out = html`<ul>
      ${rows}${null}${undefined}${false}${trusted('<hr>')}${0}
    </ul>`.value;
    expect(out.replace(/>\s+/g, '>').replace(/\s+</g, '<')).toBe('<ul><li>a&lt;b</li><li>c</li><hr>0</ul>');
  });

  it('lets only http(s) URLs be links', () => {
    expect(externalHref('https://news.example.com/a?b=1')).toBe('https://news.example.com/a?b=1');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'not a url', null, '']) {
      expect(externalHref(bad)).toBe('#');
    }
  });

  it('builds query strings from the values given', () => {
    expect(query({ q: 'a b&c', status: '', page: 2, x: null })).toBe('?q=a+b%26c&page=2');
    expect(query({})).toBe('');
  });
});
