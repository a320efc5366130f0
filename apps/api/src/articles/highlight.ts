import { HIGHLIGHT_START, HIGHLIGHT_STOP } from '@copydesk/database';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A snippet as HTML: the text escaped (an article's text may hold `<script>`), then the matched words marked. The
 * database marks them with control characters no article text has (PostgreSQL text cannot hold them unescaped).
 */
export function highlightHtml(snippet: string): string {
  return snippet
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .split(HIGHLIGHT_START)
    .join('<mark>')
    .split(HIGHLIGHT_STOP)
    .join('</mark>');
}
