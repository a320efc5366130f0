import { HTML_BLOCK_TAGS } from '@copydesk/normalize';

/** Tags that start a new line of text (the shared HTML list, and the parsed tree's root). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([...HTML_BLOCK_TAGS, '#root']);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose own text reads as a paragraph of prose when long enough. */
export const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'blockquote', 'td', 'dd', 'li', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Never part of an article body, whatever their class says. */
export const NEVER_CONTENT_TAGS: ReadonlySet<string> = new Set([
  'nav',
  'button',
  'input',
  'label',
  'option',
  'optgroup',
  'datalist',
  'dialog',
  'menu',
  'embed',
  'frame',
  'frameset',
  'head',
  'link',
  'meta',
  'title',
  'base',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'area',
  'param',
  'output',
  'progress',
  'meter',
]);
