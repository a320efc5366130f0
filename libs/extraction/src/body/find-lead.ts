import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { NEVER_CONTENT_TAGS } from '../dom/tag-sets';
import { collapsedLength, collapseWhitespace } from '../dom/text-measure';
import { textContent } from '../dom/tree-text';
import { CAPTION_CLASS } from './boilerplate.patterns';
import { classIdWords, hasUnlikelyRole, isHidden, isUnlikelyByClass } from './class-signals';
import type { ElementStats } from './element-stats';
import { isMetadataLine } from './filter-blocks';

// A standfirst is a paragraph or two, not a second article.
const MAX_LEAD_BLOCKS = 2;
const MIN_LEAD_LENGTH = 60;
// Between the headline and the body there is little else; further away it is something else.
const MAX_ELEMENTS_BETWEEN = 80;

/**
 * The standfirst: paragraphs between the headline and the chosen container ("Die Grande Dame der Oper ist
 * gestorben..."), which templates often put in the headline block rather than in the body.
 * Returns them in document order; empty when the headline is not just before the container.
 */
export function findLead(
  tree: HtmlTree,
  headline: ElementNode | null,
  container: ElementNode,
  removed: Uint8Array,
  stats: ElementStats,
  authors: readonly string[],
): ElementNode[] {
  if (headline === null || headline.index >= container.index || removed[headline.index] === 1) return [];
  if (container.index - headline.index > MAX_ELEMENTS_BETWEEN) return [];
  // The headline must not contain the container (then the lead would already be inside it).
  for (let node = container.parent; node !== null; node = node.parent) if (node === headline) return [];
  const lead: ElementNode[] = [];
  for (let i = headline.index + 1; i < container.index && lead.length < MAX_LEAD_BLOCKS; i++) {
    const element = tree.elements[i];
    if (removed[i] === 1 && !removedOnlyAsHeader(element, removed)) continue;
    if (isAncestor(element, container)) continue;
    const text = stats.text[i] > 0 ? stats.text[i] : collapsedLength(textContent(element, undefined, 2000));
    const leafText = element.tag === 'div' && stats.inlineText[i] >= stats.text[i] - 1 && stats.text[i] > 0;
    if (element.tag !== 'p' && !leafText && !isLeadClassed(element)) continue;
    if (text < MIN_LEAD_LENGTH || stats.linkText[i] / Math.max(1, stats.text[i]) > 0.2) continue;
    if (insideCaption(element)) continue;
    if (isMetadataLine(collapseWhitespace(textContent(element, removed)), authors)) continue;
    lead.push(element);
    // Skip the lead's own descendants.
    while (i + 1 < container.index && isAncestor(element, tree.elements[i + 1])) i++;
  }
  return lead;
}

const LEAD_CLASS = /(?:^|[\s_-])(?:lead|lede|intro|teaser|summary|standfirst|dek|deck|subtitle|subheadline|excerpt|abstract|kicker-text|description)(?=$|[\s_-])/;

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
  return (element.tag === 'div' || element.tag === 'h2' || element.tag === 'span') && LEAD_CLASS.test(classIdWords(element));
}

function isAncestor(ancestor: ElementNode, node: ElementNode): boolean {
  for (let current = node.parent; current !== null; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** In a figure or anything named like a caption: a picture's text, not the story's. */
function insideCaption(element: ElementNode): boolean {
  for (let node: ElementNode | null = element; node !== null; node = node.parent) {
    if (node.tag === 'figure' || node.tag === 'figcaption' || CAPTION_CLASS.test(classIdWords(node))) return true;
  }
  return false;
}
