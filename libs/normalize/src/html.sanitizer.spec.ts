import { Parser } from 'htmlparser2';
import { ALLOWED_EMBEDS, sanitizeArticleHtml } from './html.sanitizer';

const baseUrl = 'https://news.example.com/world/story.html';
const clean = (html: string) => sanitizeArticleHtml(html, { baseUrl });

const ALLOWED = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  'sub',
  'sup',
  'br',
  'hr',
  'code',
  'pre',
  'iframe',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const SAFE_ATTRIBUTES = new Set([
  'title',
  'rel',
  'alt',
  'width',
  'height',
  'srcset',
  'allowfullscreen',
  'start',
  'reversed',
  'colspan',
  'rowspan',
  'scope',
  ...URL_ATTRIBUTES,
]);

/**
 * Everything in the output that a browser could turn into script: an element outside the allowlist, an
 * attribute outside it (on*, style, srcdoc, formaction, xlink:href...), a URL that is not http(s)/mailto,
 * an iframe from a host not allowed, or a raw "<script" anywhere.
 */
function scriptCapable(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (!ALLOWED.has(name)) problems.push(`element <${name}>`);
      for (const [attr, value] of Object.entries(attribs)) {
        if (!SAFE_ATTRIBUTES.has(attr)) problems.push(`attribute ${attr} on <${name}>`);
        const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]) : URL_ATTRIBUTES.has(attr) ? [value] : [];
        for (const url of urls) {
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
          const allowed = name === 'a' ? ['http', 'https', 'mailto'] : name === 'iframe' ? ['https'] : ['http', 'https'];
          if (!scheme || !allowed.includes(scheme)) problems.push(`${attr}=${JSON.stringify(value)} on <${name}>`);
        }
      }
      if (name === 'iframe') {
        const host = URL.canParse(attribs.src ?? '') ? new URL(attribs.src).hostname : '';
        if (!ALLOWED_EMBEDS.some((embed) => embed.host === host)) problems.push(`iframe from ${host || 'nowhere'}`);
      }
    },
  });
  parser.write(html);
  parser.end();
  if (/<\s*script/i.test(html)) problems.push('raw <script');
  return problems;
}

// Modelled on the OWASP XSS Filter Evasion Cheat Sheet and html5sec.org: written here, not copied.
const XSS_VECTORS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>script>alert(1)//<</script>/script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1)">',
  '<img src=JaVaScRiPt:alert(1)>',
  '<img src="jav&#x09;ascript:alert(1)">',
  '<img src="jav&#x0A;ascript:alert(1)">',
  '<img src=" &#14;  javascript:alert(1)">',
  '<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>',
  '<img src=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29>',
  '<img """><script>alert(1)</script>">',
  '<img srcset="javascript:alert(1) 1x, https://ok.example/a.jpg 2x">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img dynsrc="javascript:alert(1)" lowsrc="javascript:alert(1)" src="https://ok.example/a.jpg">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JAVASCRIPT:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="https://ok.example/" onclick="alert(1)" onmouseover=alert(1)>x</a>',
  '<a href="https://ok.example/" style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>click</text></a></svg>',
  '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PC9zdmc+#x" /></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><rect width=100 height=100 /></a></svg>',
  '<math href="javascript:alert(1)">click</math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">click</maction></math>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<style>@import "javascript:alert(1)";</style>',
  '<div style="background-image: url(javascript:alert(1))">x</div>',
  '<p style="width: expression(alert(1))">x</p>',
  '<xss style="behavior: url(xss.htc)">x</xss>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://www.youtube.com/embed/abc" srcdoc="<script>alert(1)</script>" onload=alert(1)></iframe>',
  '<iframe src="https://evil.example/embed/abc"></iframe>',
  '<iframe src="https://www.youtube.com.evil.example/embed/abc"></iframe>',
  '<iframe src="https://www.youtube.com/redirect?q=https://evil.example"></iframe>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
  '<input onfocus=alert(1) autofocus>',
  '<isindex action=javascript:alert(1) type=image>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">x</td></tr></table>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
  '<frameset><frame src="javascript:alert(1)"></frameset>',
  '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<textarea><script>alert(1)</script></textarea>',
  '<xmp><script>alert(1)</script></xmp>',
  '<template><script>alert(1)</script></template>',
  '<p title="</p><script>alert(1)</script>">x</p>',
  '<a href="https://ok.example/"><img src="https://ok.example/a.jpg" onerror="alert(1)"></a>',
];

describe('sanitizeArticleHtml against XSS vectors', () => {
  it('has a meaningful vector list', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS_VECTORS)('leaves nothing script-capable: %s', (vector) => {
    expect(scriptCapable(clean(vector))).toEqual([]);
    expect(scriptCapable(sanitizeArticleHtml(vector))).toEqual([]);
  });

  it('the checker itself catches script-capable markup', () => {
    expect(scriptCapable('<a href="javascript:alert(1)">x</a>')).not.toEqual([]);
    expect(scriptCapable('<img src="https://ok.example/a.jpg" onerror="x">')).not.toEqual([]);
    expect(scriptCapable('<iframe src="https://evil.example/"></iframe>')).not.toEqual([]);
    expect(scriptCapable('<svg></svg>')).not.toEqual([]);
  });
});

describe('sanitizeArticleHtml keeps article structure', () => {
  it('keeps paragraphs, headings, lists, quotes, tables and inline emphasis', () => {
    const html =
      '<p>One <strong>bold</strong> <em>claim</em><br>H<sub>2</sub>O x<sup>2</sup></p><h2>Sub</h2><ul><li>a</li></ul>' +
      '<ol start="3"><li>b</li></ol><blockquote><p>quote</p></blockquote><pre><code>x = 1</code></pre><hr>' +
      '<table><caption>T</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>';
    expect(clean(html)).toBe(html.replace('<br>', '<br />').replace('<hr>', '<hr />'));
  });

  it('demotes h1 to h2 and drops div/span wrappers but keeps their text', () => {
    expect(clean('<h1>Title</h1><div class="x"><span style="color:red">Body</span></div>')).toBe('<h2>Title</h2>Body');
  });

  it('adds rel to links and resolves relative URLs against the page', () => {
    expect(clean('<a href="/politics/next.html" target="_blank" rel="opener">next</a>')).toBe(
      '<a href="https://news.example.com/politics/next.html" rel="noopener noreferrer nofollow">next</a>',
    );
    expect(clean('<a href="mailto:desk@example.com">mail</a>')).toBe(
      '<a href="mailto:desk@example.com" rel="noopener noreferrer nofollow">mail</a>',
    );
  });

  it('keeps a link text when its href is refused', () => {
    expect(clean('<a href="javascript:alert(1)">text</a>')).toBe('text');
  });

  it('keeps figures with images, resolving src and srcset', () => {
    expect(
      clean(
        '<figure><img src="img/a.jpg" srcset="img/a-2x.jpg 2x, https://cdn.example.com/a3.jpg 3x" alt="A" width="600" height="400" class="x"><figcaption>Caption</figcaption></figure>',
      ),
    ).toBe(
      '<figure><img src="https://news.example.com/world/img/a.jpg" srcset="https://news.example.com/world/img/a-2x.jpg 2x, https://cdn.example.com/a3.jpg 3x" alt="A" width="600" height="400" /><figcaption>Caption</figcaption></figure>',
    );
  });

  it('recovers lazy-loaded images whose src is a placeholder', () => {
    expect(clean('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/a.jpg" alt="A">')).toBe(
      '<img src="https://news.example.com/a.jpg" alt="A" />',
    );
  });

  it('removes tracking pixels and images without a usable source', () => {
    expect(clean('<p>x<img src="https://t.example/p.gif" width="1" height="1"><img src="https://t.example/q.gif" width="0"></p>')).toBe(
      '<p>x</p>',
    );
    expect(clean('<p>x<img src="data:image/png;base64,AAAA"><img></p>')).toBe('<p>x</p>');
  });

  it('drops relative URLs when there is no base URL to resolve them', () => {
    expect(sanitizeArticleHtml('<a href="/a">a</a><img src="/b.jpg">')).toBe('a');
  });

  it('keeps embeds from allowed video hosts, forced to https, and drops the rest', () => {
    expect(
      clean(
        '<iframe src="http://www.youtube.com/embed/dQw4w9WgXcQ?start=5" width="560" height="315" allow="autoplay" allowfullscreen></iframe>',
      ),
    ).toBe('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=5" width="560" height="315" allowfullscreen></iframe>');
    expect(clean('<iframe src="https://player.vimeo.com/video/76979871"></iframe>')).toBe(
      '<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
    );
    expect(clean('<iframe src="https://www.youtube.com/watch?v=x"></iframe><iframe src="https://maps.example.com/embed"></iframe>')).toBe(
      '',
    );
  });

  it('removes scripts, styles, SVG and MathML together with their content', () => {
    expect(clean('<p>a</p><script>var x</script><style>p{}</style><svg><text>svg text</text></svg><math><mi>x</mi></math><p>b</p>')).toBe(
      '<p>a</p><p>b</p>',
    );
  });

  it('never lets an element left unclosed take the text after it (HTML5 parsing decides where it ends)', () => {
    // Foreign content: an HTML paragraph breaks out of svg and math, as in a browser.
    expect(clean('<p>Intro</p><svg><circle r="1"></circle><p>After the chart.</p>')).toBe('<p>Intro</p><p>After the chart.</p>');
    expect(clean('<math><mi>x</mi><p>After the formula.</p><p>And more.</p>')).toBe('<p>After the formula.</p><p>And more.</p>');
    // Left open to the end: the element goes, what it swallowed by accident stays (sanitized like the rest).
    expect(clean('<p>Lead.</p><noscript><img src="https://cdn.example.com/x.jpg" width="1" height="1">\n<p>Rest of the story.</p>')).toBe(
      '<p>Lead.</p>\n<p>Rest of the story.</p>',
    );
    expect(clean('<p>Lead.</p><template><p>Rest of the story.</p>')).toBe('<p>Lead.</p><p>Rest of the story.</p>');
    expect(clean('<svg><circle/>Trailing words')).toBe('Trailing words');
    // Closed ones are still removed with their content, scripts included.
    expect(clean('<p>a</p><noscript><p>Enable JavaScript</p></noscript><template><p>t</p></template><p>b</p>')).toBe('<p>a</p><p>b</p>');
    expect(clean('<p>a</p><svg><script>alert(1)</script><p>b</p>')).toBe('<p>a</p><p>b</p>');
  });

  it('keeps an unclosed element at the end of a very deep page from overflowing the stack', () => {
    const deep = `${'<div>'.repeat(20_000)}<p>Deep text.</p><svg><p>After</p>`;
    expect(clean(deep)).toContain('Deep text.');
  });

  it('keeps typographic text and entities intact', () => {
    expect(clean('<p>“Quote” – 5 &lt; 6 &amp; café</p>')).toBe('<p>“Quote” – 5 &lt; 6 &amp; café</p>');
  });
});
