import sanitizeHtml from 'sanitize-html';
import { type Html, trusted } from './html';

/**
 * An article's stored HTML as the dashboard shows it: sanitized again at display time with a short allowlist (text
 * structure and http(s) links only; no images, media, forms, frames, styles or event attributes), so the page shows
 * the copy and nothing in it can run or load. The page's CSP forbids inline script besides.
 */
export function inertArticleHtml(markup: string | null): Html {
  if (!markup) return trusted('');
  return trusted(
    sanitizeHtml(markup, {
      allowedTags: [
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
        'em',
        'strong',
        'b',
        'i',
        'u',
        's',
        'sub',
        'sup',
        'br',
        'hr',
        'a',
        'figure',
        'figcaption',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'pre',
        'code',
        'q',
        'cite',
        'abbr',
      ],
      allowedAttributes: { a: ['href', 'rel'], abbr: ['title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
      allowedSchemes: ['http', 'https'],
      allowedSchemesAppliedToAttributes: ['href'],
      allowProtocolRelative: false,
      disallowedTagsMode: 'discard',
      transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
    }),
  );
}
