/** Tags that start a new line of text: everything else flows inline. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', '#root',
]);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose own text reads as a paragraph of prose when long enough. */
export const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'blockquote', 'td', 'dd', 'li', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Never part of an article body, whatever their class says. */
export const NEVER_CONTENT_TAGS: ReadonlySet<string> = new Set([
  'nav', 'button', 'input', 'label', 'option', 'optgroup', 'datalist', 'dialog', 'menu', 'embed', 'frame', 'frameset',
  'head', 'link', 'meta', 'title', 'base', 'audio', 'video', 'source', 'track', 'map', 'area', 'param', 'output',
  'progress', 'meter',
]);
