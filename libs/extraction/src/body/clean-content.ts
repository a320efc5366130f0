import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { BLOCK_TAGS, HEADING_TAGS } from '../dom/tag-sets';
import { collapseWhitespace, measureText } from '../dom/text-measure';
import { subtreeEnd, textContent } from '../dom/tree-text';
import { AUTHOR_BOX_LABEL, BOILERPLATE_TEXT, CALL_TO_ACTION_TEXT } from './boilerplate.patterns';
import { classIdWords, classWeight, isUnlikelyByClass } from './class-signals';
import { isMetadataLine } from './filter-blocks';

/** What the cleaner may use besides the tree. */
export interface CleanContext {
  /** Normalised page title, to drop a heading that repeats it. */
  readonly title: string;
  /** Apply class/id furniture patterns inside the container too. */
  readonly byClass: boolean;
  /** Apply Readability-style conditional removal of link lists, image grids and form blocks. */
  readonly conditional: boolean;
}

// Containers judged as a whole: a list, table or wrapper that is mostly links or images is furniture.
const CONDITIONAL_TAGS = new Set([
  'div',
  'section',
  'ul',
  'ol',
  'table',
  'form',
  'fieldset',
  'aside',
  'header',
  'footer',
  'dl',
  'center',
  'article',
  'nav',
]);
const SHELTER_TAGS = new Set(['figure', 'code', 'pre']);
const EMBED_TAGS = new Set(['iframe', 'embed', 'object', 'video', 'audio']);

interface Counts {
  text: Float64Array;
  link: Float64Array;
  commas: Float64Array;
  p: Float64Array;
  img: Float64Array;
  li: Float64Array;
  input: Float64Array;
  embed: Float64Array;
  heading: Float64Array;
  links: Float64Array;
  pre: Float64Array;
  /** 1 when the element or one of its descendants (removed or not) is a call to action ("Become a member"). */
  pitch: Uint8Array;
}

/**
 * Removes furniture inside the chosen container, bottom-up (so a wrapper is judged on what is left in it):
 * link lists, image grids, short boilerplate lines (ad labels, share prompts), headings that repeat the title.
 * Mutates `removed`.
 */
export function cleanContainer(tree: HtmlTree, container: ElementNode, removed: Uint8Array, context: CleanContext): void {
  const start = container.index;
  const end = subtreeEnd(container);
  const size = end - start;
  // Inside a figure, code or pre nothing is judged: forward pass, parents before children.
  const sheltered = new Uint8Array(size);
  for (let i = start + 1; i < end; i++) {
    const element = tree.elements[i];
    const parent = element.parent as ElementNode;
    sheltered[i - start] = sheltered[parent.index - start] === 1 || SHELTER_TAGS.has(parent.tag) ? 1 : 0;
  }
  const counts: Counts = {
    text: new Float64Array(size),
    link: new Float64Array(size),
    commas: new Float64Array(size),
    p: new Float64Array(size),
    img: new Float64Array(size),
    li: new Float64Array(size),
    input: new Float64Array(size),
    embed: new Float64Array(size),
    heading: new Float64Array(size),
    links: new Float64Array(size),
    pre: new Float64Array(size),
    pitch: new Uint8Array(size),
  };
  for (let i = end - 1; i >= start; i--) {
    if (removed[i] === 1) continue;
    const element = tree.elements[i];
    aggregate(element, start, removed, counts);
    if (i === start) break;
    const k = i - start;
    if (counts.pitch[k] === 0 && isCallToAction(element, counts.text[k])) counts.pitch[k] = 1;
    if (shouldRemove(element, start, counts, context, sheltered[i - start] === 1)) removed[i] = 1;
    // Passed up even when the line itself goes (a "Join now" button is dropped first): its box is judged next.
    if (counts.pitch[k] === 1) counts.pitch[(element.parent as ElementNode).index - start] = 1;
  }
}

function aggregate(element: ElementNode, start: number, removed: Uint8Array, counts: Counts): void {
  const k = element.index - start;
  const isLink = element.tag === 'a';
  let text = 0;
  let commas = 0;
  let link = 0;
  for (const child of element.children) {
    if (child.kind === 'text') {
      const length = measureText(child);
      if (length === 0) continue;
      text += length + 1;
      commas += child.commas;
      continue;
    }
    if (removed[child.index] === 1) continue;
    const c = child.index - start;
    text += counts.text[c];
    link += counts.link[c];
    commas += counts.commas[c];
    counts.p[k] += counts.p[c];
    counts.img[k] += counts.img[c];
    counts.li[k] += counts.li[c];
    counts.input[k] += counts.input[c];
    counts.embed[k] += counts.embed[c];
    counts.heading[k] += counts.heading[c];
    counts.links[k] += counts.links[c];
    counts.pre[k] += counts.pre[c];
  }
  counts.text[k] = text;
  counts.link[k] = isLink ? text : link;
  counts.commas[k] = commas;
  const tag = element.tag;
  if (tag === 'p') counts.p[k] += 1;
  else if (tag === 'img') counts.img[k] += 1;
  else if (tag === 'li') counts.li[k] += 1;
  else if (tag === 'input') counts.input[k] += 1;
  else if (EMBED_TAGS.has(tag)) counts.embed[k] += 1;
  else if (tag === 'a') counts.links[k] += 1;
  else if (tag === 'pre') counts.pre[k] += 1;
  else if (HEADING_TAGS.has(tag)) counts.heading[k] = text;
}

// Elements whose whole text may be a call to action; the length bound keeps prose out.
const PITCH_TAGS: ReadonlySet<string> = new Set(['a', 'b', 'strong', 'em', 'span', 'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'div']);
const PITCH_LINE_MAX = 150;
// A pitch box: a heading, at most a couple of short paragraphs and the call to action.
const PITCH_BOX_MAX_TEXT = 700;
const PITCH_BOX_MAX_PARAGRAPHS = 2;

function isCallToAction(element: ElementNode, text: number): boolean {
  if (text === 0 || text > PITCH_LINE_MAX || !PITCH_TAGS.has(element.tag)) return false;
  return CALL_TO_ACTION_TEXT.test(collapseWhitespace(textContent(element)));
}

// Containers that can hold a box about the writer.
const BOX_TAGS: ReadonlySet<string> = new Set(['div', 'section', 'aside', 'footer', 'blockquote']);

/** The text of the first element child that has any: a box's label or heading. */
function firstLine(element: ElementNode): string {
  for (const child of element.children) {
    if (child.kind === 'text' && child.data.trim() !== '') return '';
    if (child.kind !== 'element') continue;
    const text = collapseWhitespace(textContent(child));
    if (text !== '') return text.length <= 40 ? text : '';
  }
  return '';
}

function shouldRemove(element: ElementNode, start: number, counts: Counts, context: CleanContext, sheltered: boolean): boolean {
  const k = element.index - start;
  const tag = element.tag;
  const text = counts.text[k];
  if (context.byClass && !sheltered && isUnlikelyByClass(classIdWords(element))) return true;
  if (HEADING_TAGS.has(tag)) {
    if (classWeight(element) < 0) return true;
    if ((tag === 'h1' || tag === 'h2') && context.title !== '' && sameText(textContent(element), context.title)) return true;
  }
  // A <time> on its own line is the article's dateline, not its text.
  if (tag === 'time' && standsAlone(element) && isMetadataLine(textContent(element), [])) return true;
  // Blocks and links ("Zurück zu allen Meldungen" buttons) that read as furniture.
  if (
    (BLOCK_TAGS.has(tag) || (tag === 'a' && standsAlone(element))) &&
    text > 0 &&
    text < 200 &&
    BOILERPLATE_TEXT.test(collapseWhitespace(textContent(element)))
  ) {
    return true;
  }
  if (BOX_TAGS.has(tag) && text > 0 && text < 1500 && AUTHOR_BOX_LABEL.test(firstLine(element))) return true;
  // Membership, subscription and donation boxes: a titled box of a few lines that ends in a call to action.
  if (
    BOX_TAGS.has(tag) &&
    counts.pitch[k] === 1 &&
    counts.heading[k] > 0 &&
    text < PITCH_BOX_MAX_TEXT &&
    counts.p[k] <= PITCH_BOX_MAX_PARAGRAPHS
  ) {
    return true;
  }
  if (!context.conditional) return false;
  // Inline wrappers full of links inside a sentence are hover cards and teaser strips, not prose.
  if (tag === 'span') return counts.links[k] >= 2 && text >= 80 && counts.link[k] / text > 0.8;
  if (!CONDITIONAL_TAGS.has(tag)) return false;
  if (tag === 'table' && isDataTable(element)) return false;
  if (sheltered || counts.pre[k] > 0) return false;
  return conditionallyRemove(element, k, counts);
}

// Readability's _cleanConditionally, on our counts.
function conditionallyRemove(element: ElementNode, k: number, counts: Counts): boolean {
  const weight = classWeight(element);
  const text = counts.text[k];
  const linkDensity = text > 0 ? counts.link[k] / text : 0;
  // A furniture-like name on a block of several paragraphs of prose is a page builder's naming, not furniture.
  const prose = text - counts.link[k];
  if (weight < 0 && !(linkDensity < 0.3 && prose >= 500 && counts.p[k] >= 1)) return true;
  // Plenty of commas or a long stretch of unlinked prose: a text block, whatever pictures or lists sit in it.
  if (counts.commas[k] >= 10 || (prose >= 400 && linkDensity < 0.2)) return false;
  const isList = element.tag === 'ul' || element.tag === 'ol';
  const p = counts.p[k];
  const img = counts.img[k];
  const li = counts.li[k] - 100;
  const input = counts.input[k];
  const embeds = counts.embed[k];
  const headingDensity = text > 0 ? counts.heading[k] / text : 0;
  if (img > 1 && p / img < 0.5) return true;
  if (!isList && li > p) return true;
  if (input > Math.floor(p / 3)) return true;
  if (!isList && headingDensity < 0.9 && text < 25 && (img === 0 || img > 2)) return true;
  if (!isList && weight < 25 && linkDensity > 0.2) return true;
  if (weight >= 25 && linkDensity > 0.5) return true;
  if ((embeds === 1 && text < 75) || embeds > 1) return true;
  return false;
}

/** A link that is not part of a sentence: no text of its own block around it. */
function standsAlone(element: ElementNode): boolean {
  const parent = element.parent;
  if (parent === null) return false;
  for (const sibling of parent.children) {
    if (sibling.kind === 'text' && sibling.data.trim().length > 0) return false;
  }
  return true;
}

function isDataTable(table: ElementNode): boolean {
  if (table.attrs.role === 'presentation' || table.attrs.datatable === '0') return false;
  if (table.attrs.summary) return true;
  const stack: ElementNode[] = [table];
  let rows = 0;
  while (stack.length > 0) {
    const node = stack.pop() as ElementNode;
    for (const child of node.children) {
      if (child.kind !== 'element') continue;
      if (child.tag === 'caption' || child.tag === 'th' || child.tag === 'thead' || child.tag === 'tfoot') return true;
      if (child.tag === 'table') return false;
      if (child.tag === 'tr') rows++;
      stack.push(child);
    }
  }
  return rows >= 10;
}

/** The heading repeats the title: equal, or one contains the other and they are of similar length. */
function sameText(a: string, b: string): boolean {
  const x = collapseWhitespace(a).toLowerCase();
  const y = b.toLowerCase();
  if (x.length === 0) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length > 15 && long.includes(short) && short.length >= 0.6 * long.length;
}
