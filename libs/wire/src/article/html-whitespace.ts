const BLOCK = 'p|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|caption|thead|tbody|tfoot|tr|td|th|pre|hr|br|div';
const AROUND_BLOCK_TAG = new RegExp(`\\s*(<\\/?(?:${BLOCK})\\b[^>]*>)\\s*`, 'gi');
const BLOCK_END = /(<\/(?:p|h[1-6]|ul|ol|blockquote|figure|table|pre)>)(?=<)/gi;

/**
 * Wire XML is pretty-printed: its indentation is not text. Collapses runs of whitespace (outside `<pre>`), drops it
 * around block tags, and puts one line break after each block, so the HTML reads the same from every format.
 */
export function tidyHtmlWhitespace(html: string): string {
  return html
    .split(/(<pre\b[\s\S]*?<\/pre>)/i)
    .map((segment, i) => (i % 2 === 1 ? segment : segment.replace(/\s+/g, ' ').replace(AROUND_BLOCK_TAG, '$1')))
    .join('')
    .replace(BLOCK_END, '$1\n')
    .trim();
}
