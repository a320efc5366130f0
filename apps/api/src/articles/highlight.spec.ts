import { highlightHtml } from './highlight';

describe('highlightHtml', () => {
  it('escapes the text and marks the matched words', () => {
    expect(highlightHtml('The \u0002bridge\u0003 <script>x</script> & \u0002reopened\u0003')).toBe(
      'The <mark>bridge</mark> &lt;script&gt;x&lt;/script&gt; &amp; <mark>reopened</mark>',
    );
  });
});
