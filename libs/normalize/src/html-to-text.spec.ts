import { htmlToText, looksLikeHtml } from './html-to-text';

describe('htmlToText', () => {
  it('puts a line break between blocks and none inside them', () => {
    expect(htmlToText('<h2>Title</h2><p>One <em>two</em>\n three.</p><ul><li>a</li><li>b</li></ul>')).toBe('Title\nOne two three.\na\nb');
  });

  it('breaks at <br> and table cells, so words never fuse', () => {
    expect(htmlToText('<p>line one<br>line two</p><table><tr><td>x</td><td>y</td></tr></table>')).toBe('line one\nline two\nx\ny');
  });

  it('decodes entities and drops scripts and styles', () => {
    expect(htmlToText('<p>Fish &amp; chips&nbsp;&#8212; &quot;fine&quot;</p><script>alert(1)</script><style>p{}</style>')).toBe(
      'Fish & chips — "fine"',
    );
  });

  it('reads plain text as one block', () => {
    expect(htmlToText('just words')).toBe('just words');
  });

  it('tells HTML bodies from plain text', () => {
    expect(looksLikeHtml('<p>One</p><p>Two</p>')).toBe(true);
    expect(looksLikeHtml('Line one<br>line two')).toBe(true);
    expect(looksLikeHtml('Profits rose 5 % <sic> while costs fell')).toBe(false);
    expect(looksLikeHtml('Just words.')).toBe(false);
  });
});
