import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { BLOCK_TAGS } from '../dom/tag-sets';
import { collapseWhitespace } from '../dom/text-measure';
import { textContent } from '../dom/tree-text';
import { BYLINE_TEXT, DATELINE_TEXT, LEAD_IN_TEXT } from './boilerplate.patterns';
import { computeElementStats, type ElementStats } from './element-stats';
import { dateIndexInText } from '../metadata/date-parse';
import { MONTH_PATTERN } from '../metadata/month-names';

/** What the filter knows about the page besides its body. */
export interface BlockFilterContext {
  /** Author names found in the metadata: a line holding only these (and a date) is a byline, not prose. */
  readonly authors: readonly string[];
  /** The page's URL: links to the same site are recirculation, links elsewhere are usually references. */
  readonly baseUrl: URL | null;
  /** Judge list items only (a first pass, before wrappers are cleaned). */
  readonly listItemsOnly?: boolean;
}

interface Block {
  readonly element: ElementNode;
  readonly text: number;
  readonly linkText: number;
}

interface LinkProfile {
  /** Links in the block. */
  readonly count: number;
  /** More of them point to the page's own site than elsewhere. */
  readonly internal: boolean;
}

// Above this length per link a block is prose even when it is all links (a linked quote, say).
const LINK_LINE_LENGTH = 200;

/**
 * Removes text blocks that only make sense as page furniture once seen in sequence: runs of headline links
 * ("You may also like" lists), the lead-in line above such a run, trailing link lines, "Read more: ..." lines,
 * and byline/date lines. Mutates `removed`.
 */
export function filterBlocks(tree: HtmlTree, parts: readonly ElementNode[], removed: Uint8Array, context: BlockFilterContext): void {
  const stats = computeElementStats(tree, removed);
  const blocks = leafBlocks(parts, removed, stats).filter((b) => !context.listItemsOnly || b.element.tag === 'li');
  const site = context.baseUrl === null ? null : siteOf(context.baseUrl.hostname);
  const profiles = blocks.map((b) =>
    b.linkText > 0 ? linkProfile(b.element, removed, context.baseUrl, site) : { count: 0, internal: false },
  );
  const linkOnly = blocks.map(
    (b, k) => b.text > 0 && b.linkText / b.text >= 0.8 && b.text < LINK_LINE_LENGTH * Math.max(1, profiles[k].count),
  );

  for (let i = 0; i < blocks.length;) {
    if (!linkOnly[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && linkOnly[j]) j++;
    let links = 0;
    let internalLinks = 0;
    let textLength = 0;
    for (let k = i; k < j; k++) {
      links += profiles[k].count;
      if (profiles[k].internal) internalLinks += profiles[k].count;
      textLength += blocks[k].text;
    }
    // Two or more links to the same site, or headline-length links, or such links closing the body, are a
    // "more stories" list; short calls to action pointing elsewhere ("Get it at ...") belong to the story.
    const headlines = textLength / Math.max(1, links) >= 40;
    if ((links >= 2 || j === blocks.length) && (internalLinks * 2 > links || headlines)) {
      for (let k = i; k < j; k++) removed[blocks[k].element.index] = 1;
      if (i > 0 && !linkOnly[i - 1] && isLeadIn(blocks[i - 1])) removed[blocks[i - 1].element.index] = 1;
    } else {
      for (let k = i; k < j; k++) {
        if (profiles[k].internal && isShouted(textContent(blocks[k].element, removed))) removed[blocks[k].element.index] = 1;
      }
    }
    i = j;
  }
  if (context.listItemsOnly) return;
  for (const block of blocks) {
    if (block.text >= 300 || removed[block.element.index] === 1) continue;
    const text = collapseWhitespace(textContent(block.element, removed));
    // "READ MORE: <headline link>" announces another story wherever it stands.
    if (block.linkText / block.text >= 0.5 && LEAD_IN_TEXT.test(text) && /^[^:]{2,30}:/.test(text)) removed[block.element.index] = 1;
    else if (block.text < 160 && isMetadataLine(text, context.authors)) removed[block.element.index] = 1;
  }
}

function leafBlocks(parts: readonly ElementNode[], removed: Uint8Array, stats: ElementStats): Block[] {
  const blocks: Block[] = [];
  for (const part of parts) {
    const stack: ElementNode[] = [part];
    while (stack.length > 0) {
      const element = stack.pop() as ElementNode;
      const i = element.index;
      // A leaf block shows all its text inline: no nested block carries any of it.
      if (BLOCK_TAGS.has(element.tag) && stats.inlineText[i] > 0 && stats.inlineText[i] >= stats.text[i] - 1) {
        blocks.push({ element, text: stats.text[i], linkText: stats.linkText[i] });
        continue;
      }
      for (let k = element.children.length - 1; k >= 0; k--) {
        const child = element.children[k];
        if (child.kind === 'element' && removed[child.index] === 0) stack.push(child);
      }
    }
  }
  return blocks;
}

/** Mostly capital letters: how recirculation headlines are set inside stories. */
function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 15) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.8;
}

/** The registrable part of a host name, near enough: `www.news.example.co.uk` → `example.co.uk`. */
export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const second = labels[labels.length - 2];
  const keep = labels[labels.length - 1].length === 2 && second.length <= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function linkProfile(element: ElementNode, removed: Uint8Array, base: URL | null, site: string | null): LinkProfile {
  let inside = 0;
  let outside = 0;
  const stack: ElementNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as ElementNode;
    if (node.tag === 'a') {
      const href = (node.attrs.href ?? '').trim();
      let host: string | null = null;
      try {
        host = new URL(href, base ?? 'relative:/').hostname;
      } catch {
        host = null;
      }
      if (host === '' || (host !== null && site !== null && siteOf(host) === site)) inside++;
      else outside++;
      continue;
    }
    for (const child of node.children) if (child.kind === 'element' && removed[child.index] === 0) stack.push(child);
  }
  return { count: inside + outside, internal: inside > outside };
}

function isLeadIn(block: Block): boolean {
  if (block.text > 80) return false;
  const text = collapseWhitespace(textContent(block.element));
  return /[:…]$|\.\.\.$/.test(text) || LEAD_IN_TEXT.test(text);
}

// Words that may surround names and dates in a byline or dateline, in the languages of our sources.
const BYLINE_FILLER =
  /\b(?:by|and|with|from|von|und|mit|par|et|por|y|di|door|en|the|staff|reporter|writer|correspondent|editor|contributor|photographer|photos?|images?|text|published|updated|posted|last|modified|on|at|am|um|uhr|h|pm|a\.m\.|p\.m\.|veröffentlicht|veröffentlichung|publiziert|erschienen|aktualisiert|erstellt|stand|datum|date|publié|mis à jour|le|publicado|actualizado|el|pubblicato|aggiornato|il)\b/giu;
const MONTH_OR_DAY = new RegExp(
  `(?<!\\p{L})(?:${MONTH_PATTERN}|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\p{L}*\\.?`,
  'giu',
);
// Upper-case time zone abbreviations (EST, MEZ, GMT); matched case-sensitively so ordinary words survive.
const ZONE_ABBREVIATION = /\b[A-Z]{2,4}T?\b/g;

/** True for a line that is only a byline and/or a publication date, e.g. "By Jane Doe | Updated 3:04 PM". */
export function isMetadataLine(raw: string, authors: readonly string[]): boolean {
  const original = collapseWhitespace(raw);
  if (original.length === 0 || original.length > 160) return false;
  if (DATELINE_TEXT.test(original)) return true;
  if (original.length < 80 && BYLINE_TEXT.test(original)) return true;
  let text = original;
  let named = false;
  for (const author of authors) {
    if (author.length >= 3 && text.includes(author)) {
      text = text.split(author).join(' ');
      named = true;
    }
  }
  if (!named && !/^by\s/i.test(text) && dateIndexInText(text) < 0) return false;
  const rest = text
    .replace(MONTH_OR_DAY, ' ')
    .replace(BYLINE_FILLER, ' ')
    .replace(ZONE_ABBREVIATION, ' ')
    .replace(/\d+/g, ' ')
    .replace(/[\s,.:;|/•·–—()-]+/g, '');
  return rest.length <= 2;
}
