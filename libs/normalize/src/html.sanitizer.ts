import sanitizeHtml, { type Attributes, type IFrame, type IOptions } from 'sanitize-html';
import { closeStrayElements } from './stray-elements';

/**
 * Video players an article may embed, by host and path. Kept small on purpose: every entry is a site allowed
 * to run scripts inside our subscribers' pages (in its own origin). Tweets and posts embedded with a script
 * come out as their blockquote fallback, which keeps the text and the link.
 */
export const ALLOWED_EMBEDS: ReadonlyArray<{ host: string; path: RegExp }> = [
  { host: 'www.youtube.com', path: /^\/embed\/[\w-]+$/ },
  { host: 'youtube.com', path: /^\/embed\/[\w-]+$/ },
  { host: 'www.youtube-nocookie.com', path: /^\/embed\/[\w-]+$/ },
  { host: 'player.vimeo.com', path: /^\/video\/\d+$/ },
  { host: 'www.dailymotion.com', path: /^\/embed\/video\/\w+$/ },
  { host: 'geo.dailymotion.com', path: /^\/player(?:\/\w+)?\.html$/ },
];

/** Options of {@link sanitizeArticleHtml}. */
export interface ArticleSanitizeOptions {
  /** The page URL: relative links, images and embeds are resolved against it. Without it they are dropped. */
  baseUrl?: string;
}

const URL_ATTRIBUTES = ['href', 'src', 'cite'];
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];

/**
 * Article body HTML reduced to safe, structural markup (sanitize-html, allowlist):
 * paragraphs, h2–h6 (h1 becomes h2: the headline is the page's h1), lists, blockquotes, figures, images
 * (http(s) only, no `data:`; `data-src` lazy images recovered), tables, links (http(s) and mailto, with
 * `rel="noopener noreferrer nofollow"`), inline emphasis, code, and iframes of {@link ALLOWED_EMBEDS} only.
 * No `style`, `class`, `id` or event handler survives. 1×1 tracking pixels are removed; script, style, SVG
 * and MathML are removed with their content, as far as HTML5 parsing says they extend: one left unclosed never
 * takes the article's text after it along (see closeStrayElements).
 */
export function sanitizeArticleHtml(html: string, options: ArticleSanitizeOptions = {}): string {
  return sanitizeHtml(closeStrayElements(html), buildOptions(options.baseUrl));
}

function buildOptions(baseUrl: string | undefined): IOptions {
  return {
    // prettier-ignore
    allowedTags: [
      'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img',
      'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'em', 'strong', 'b', 'i', 'u',
      'sub', 'sup', 'br', 'hr', 'code', 'pre', 'iframe',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'srcset', 'alt', 'width', 'height'],
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen'],
      blockquote: ['cite'],
      ol: ['start', 'reversed'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: URL_ATTRIBUTES,
    // Resolved against baseUrl beforehand when there is one; without it, a scheme-less URL has no meaning.
    allowProtocolRelative: false,
    allowedIframeHostnames: ALLOWED_EMBEDS.map((embed) => embed.host),
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    // Removed with everything inside: their text is code, styling or fallback noise, never article prose.
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'xmp',
      'noscript',
      'noembed',
      'noframes',
      'template',
      'title',
      'svg',
      'math',
      'head',
      'select',
    ],
    transformTags: {
      h1: 'h2',
      img: (tagName, attribs) => ({ tagName, attribs: recoverLazyImage(attribs) }),
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
      iframe: (tagName, attribs) => ({ tagName, attribs: allowEmbed(attribs, baseUrl) }),
      '*': (tagName, attribs) => ({ tagName, attribs: resolveUrls(attribs, baseUrl) }),
    },
    exclusiveFilter: dropUselessElements,
  };
}

function recoverLazyImage(attribs: Attributes): Attributes {
  const result = { ...attribs };
  const lazySrc = LAZY_SRC.map((name) => attribs[name]).find(Boolean);
  // Lazy loaders put a placeholder (often a data: GIF) in src and the real image in data-src.
  if (lazySrc && (!attribs.src || /^\s*data:/i.test(attribs.src))) result.src = lazySrc;
  const lazySrcset = LAZY_SRCSET.map((name) => attribs[name]).find(Boolean);
  if (lazySrcset && !attribs.srcset) result.srcset = lazySrcset;
  return result;
}

function allowEmbed(attribs: Attributes, baseUrl: string | undefined): Attributes {
  const url = attribs.src ? absolute(attribs.src, baseUrl) : undefined;
  const parsed = url ? new URL(url) : undefined;
  const allowed =
    parsed !== undefined &&
    !parsed.username &&
    !parsed.password &&
    !parsed.port &&
    ALLOWED_EMBEDS.some((embed) => embed.host === parsed.hostname && embed.path.test(parsed.pathname));
  if (!allowed) {
    const { src: _refused, ...rest } = attribs;
    return rest;
  }
  parsed.protocol = 'https:';
  return { ...attribs, src: parsed.href };
}

function resolveUrls(attribs: Attributes, baseUrl: string | undefined): Attributes {
  const result = { ...attribs };
  for (const name of URL_ATTRIBUTES) {
    const value = attribs[name];
    if (value === undefined || /^\s*(?:mailto|https?):/i.test(value)) continue;
    const resolved = absolute(value, baseUrl);
    if (resolved !== undefined && /^https?:/.test(resolved)) result[name] = resolved;
    else if (!/^\s*[a-z][a-z0-9+.-]*:/i.test(value)) delete result[name]; // relative with no base: unusable
  }
  if (attribs.srcset !== undefined && baseUrl) result.srcset = resolveSrcset(attribs.srcset, baseUrl);
  return result;
}

function resolveSrcset(srcset: string, baseUrl: string): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url, ...descriptors] = candidate.trim().split(/\s+/);
      const resolved = url ? absolute(url, baseUrl) : undefined;
      return resolved && /^https?:/.test(resolved) ? [resolved, ...descriptors].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

function absolute(value: string, baseUrl: string | undefined): string | undefined {
  try {
    return new URL(value.trim(), baseUrl).href;
  } catch {
    return undefined;
  }
}

function dropUselessElements(frame: IFrame): boolean | 'excludeTag' {
  const { tag, attribs } = frame;
  if (tag === 'img') return !attribs.src || isTrackingPixel(attribs);
  if (tag === 'iframe') return !attribs.src;
  // A link whose href was refused keeps its text but not the tag.
  if (tag === 'a' && !attribs.href) return 'excludeTag';
  return false;
}

function isTrackingPixel(attribs: Attributes): boolean {
  const size = (value: string | undefined) => (value === undefined ? undefined : Number.parseFloat(value));
  const width = size(attribs.width);
  const height = size(attribs.height);
  return (width !== undefined && width <= 1) || (height !== undefined && height <= 1);
}
