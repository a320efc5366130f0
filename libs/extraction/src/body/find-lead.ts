import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { NEVER_CONTENT_TAGS } from '../dom/tag-sets';
import { collapsedLength, collapseWhitespace } from '../dom/text-measure';
import { subtreeEnd, textContent } from '../dom/tree-text';
import { CAPTION_CLASS } from './boilerplate.patterns';
import { classIdWords, hasUnlikelyRole, isHidden, isUnlikelyByClass } from './class-signals';
import type { ElementStats } from './element-stats';
import { isMetadataLine } from './filter-blocks';

// A standfirst is a paragraph or two, not a second article.
const MAX_LEAD_BLOCKS = 2;
const MIN_LEAD_LENGTH = 60;
// Elements looked at after the headline and before the body.
const WINDOW = 100;

/**
 * The standfirst: paragraphs between the headline and the chosen container ("Die Grande Dame der Oper ist
 * gestorben..."), which templates often put in the headline block rather than in the body. They may sit
 * between the headline and the container, or in a `<header>` inside the container that was dropped as a whole.
 * Returns them in document order.
 */
export function findLead(
  tree: HtmlTree,
  headline: ElementNode | null,
  container: ElementNode,
  removed: Uint8Array,
  stats: ElementStats,
  authors: readonly string[],
  description: string | null,
): ElementNode[] {
  if (headline === null) return [];
  // The headline must not contain the container (then the lead would already be inside it).
  for (let node = container.parent; node !== null; node = node.parent) if (node === headline) return [];
  const containerEnd = subtreeEnd(container);
  const headlineInside = headline.index > container.index && headline.index < containerEnd;
  if (headline.index >= container.index && !headlineInside) return [];
  const end = headlineInside ? Math.min(containerEnd, headline.index + WINDOW) : container.index;
  const lead: ElementNode[] = [];
  for (let i = headline.index + 1; i < end && lead.length < MAX_LEAD_BLOCKS; i++) {
    // Only just after the headline or just before the body: far from both it is something else.
    if (i - headline.index > WINDOW && end - i > WINDOW) i = end - WINDOW;
    const element = tree.elements[i];
    const inside = i > container.index && i < containerEnd;
    // Inside the container only what was dropped with a <header> is missing; the rest is already in the body.
    if (inside && removed[i] === 0) continue;
    if (removed[i] === 1 && !removedOnlyAsHeader(element, removed)) continue;
    if (isAncestor(element, container)) continue;
    const text = stats.text[i] > 0 ? stats.text[i] : collapsedLength(textContent(element, undefined, 2000));
    const leafText = element.tag === 'div' && stats.inlineText[i] >= stats.text[i] - 1 && stats.text[i] > 0;
    const classed = isLeadClassed(element);
    // An unnamed paragraph counts only right after the headline; near the body it is as likely a promo line.
    if (!classed && (i - headline.index > WINDOW || (element.tag !== 'p' && !leafText))) continue;
    // ...and only when it says what the page's description says (standfirsts double as descriptions).
    if (!classed && !echoesDescription(textContent(element, undefined, 2000), description)) continue;
    if (text < MIN_LEAD_LENGTH || stats.linkText[i] / Math.max(1, stats.text[i]) > 0.2) continue;
    if (insideCaption(element)) continue;
    if (isMetadataLine(collapseWhitespace(textContent(element, removed)), authors)) continue;
    lead.push(element);
    // Skip the lead's own descendants.
    i = subtreeEnd(element) - 1;
  }
  return lead;
}

const LEAD_CLASS =
  /(?:^|[\s_-])(?:lead|lede|intro|teaser|summary|standfirst|dek|deck|subtitle|subheadline|excerpt|abstract|kicker-text|description)(?=$|[\s_-])/;

/**
 * True when the element was dropped only for sitting in a `<header>`: the article header holds the standfirst
 * as well as the byline and date, and only the standfirst is wanted.
 */
function removedOnlyAsHeader(element: ElementNode, removed: Uint8Array): boolean {
  let sawHeader = false;
  for (let node: ElementNode | null = element; node !== null && removed[node.index] === 1; node = node.parent) {
    if (isHidden(node) || hasUnlikelyRole(node) || NEVER_CONTENT_TAGS.has(node.tag) || isUnlikelyByClass(classIdWords(node))) return false;
    if (node.tag === 'header') sawHeader = true;
    else if (node.tag === 'aside' || node.tag === 'footer') return false;
  }
  return sawHeader;
}

function isLeadClassed(element: ElementNode): boolean {
  return (
    (element.tag === 'p' || element.tag === 'div' || element.tag === 'h2' || element.tag === 'span') &&
    LEAD_CLASS.test(classIdWords(element))
  );
}

function isAncestor(ancestor: ElementNode, node: ElementNode): boolean {
  for (let current = node.parent; current !== null; current = current.parent) if (current === ancestor) return true;
  return false;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** True when most words of the shorter of the two texts occur in the other. */
function echoesDescription(text: string, description: string | null): boolean {
  if (description === null) return false;
  const a = new Set(text.toLowerCase().match(WORD) ?? []);
  const b = new Set(description.toLowerCase().match(WORD) ?? []);
  if (a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size >= 0.6;
}

/** In a figure or anything named like a caption: a picture's text, not the story's. */
function insideCaption(element: ElementNode): boolean {
  for (let node: ElementNode | null = element; node !== null; node = node.parent) {
    if (node.tag === 'figure' || node.tag === 'figcaption' || CAPTION_CLASS.test(classIdWords(node))) return true;
  }
  return false;
}
