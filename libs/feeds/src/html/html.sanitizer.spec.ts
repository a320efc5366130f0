import { sanitizeHtml } from './html.sanitizer';

const clean = (html: string, base = 'https://site.example/a/'): string => sanitizeHtml(html, { base, xhtml: false });

describe('sanitizeHtml', () => {
  it('drops script, style, event handlers, comments and javascript: URLs', () => {
    expect(clean('<p onclick="x()">Hi<script>alert(1)</script><style>p{}</style><!-- c --><a href="javascript:alert(1)">x</a></p>')).toBe(
      '<p>Hi<a href="">x</a></p>',
    );
  });

  it('drops elements outside the allowlist but keeps their text', () => {
    expect(clean('<div><iframe src="https://evil.example/"></iframe><blink>text</blink></div>')).toBe('<div>text</div>');
  });

  it('resolves relative URLs against the base', () => {
    expect(clean('<a href="../b">b</a><img src="/i.png">')).toBe(
      '<a href="https://site.example/b">b</a><img src="https://site.example/i.png" />',
    );
  });

  it('normalizes markup: lowercase tags, sorted and quoted attributes, void elements', () => {
    expect(clean('<IMG SRC=/x.png ALT="a<b" title=\'"q"\'><BR>')).toBe(
      '<img alt="a&lt;b" src="https://site.example/x.png" title="&quot;q&quot;" /><br />',
    );
  });

  it('keeps text and entity references as written, repairing Windows-1252 ones', () => {
    expect(clean('5 &lt; 8 &amp; &#38; &nbsp;&#150; &bogus;')).toBe('5 &lt; 8 &amp; &#38; &nbsp;&#x2013; &amp;bogus;');
  });

  it('keeps allowed inline styles and drops the rest', () => {
    expect(clean('<p style="color: red; background: url(http://x/)">x</p>')).toBe('<p style="color: red;">x</p>');
    expect(clean('<p style="behavior: url(x.htc)">x</p>')).toBe('<p>x</p>');
  });

  it('keeps SVG and MathML with their namespaces', () => {
    expect(clean('<svg viewBox="0 0 1 1"><circle r="1" onload="x()"/></svg>')).toBe(
      '<svg viewBox="0 0 1 1" xmlns="http://www.w3.org/2000/svg"><circle r="1"></svg>',
    );
  });
});
