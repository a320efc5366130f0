import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { BLOCK_TAGS } from '../dom/tag-sets';
import { subtreeEnd, textContent } from '../dom/tree-text';
import { classWeight } from './class-signals';
import type { ElementStats } from './element-stats';

/** The chosen container and the scores that chose it. */
export interface CandidateChoice {
  readonly top: ElementNode;
  /** The top candidate's siblings (and itself) that read as the same article, in document order. */
  readonly parts: readonly ElementNode[];
  readonly scores: Float64Array;
}

// Blocks shorter than this add nothing to their ancestors' scores (Readability's threshold).
const MIN_SCORED_LENGTH = 25;
// Blocks whose own text sits directly in them (not in a <p>): the block is its own level-0 ancestor.
const CONTAINER_BLOCKS = new Set(['div', 'section', 'article', 'main', 'td', 'body', 'center', 'font', 'span']);

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Readability's link density: share of an element's text that sits inside links. */
export function linkDensity(stats: ElementStats, index: number): number {
  const text = stats.text[index];
  return text > 0 ? stats.linkText[index] / text : 0;
}

/**
 * Scores containers by the prose they hold: each block of text gives points (more for length and commas) to
 * its ancestors, decaying with distance; the best-scoring container, discounted by link density, wins.
 * Its siblings are added when they score close to it or read as plain paragraphs.
 */
export function selectCandidate(
  tree: HtmlTree,
  removed: Uint8Array,
  stats: ElementStats,
  useClassWeight: boolean,
  scope: ElementNode | null = null,
): CandidateChoice | null {
  // Candidates outside the scope (the <article> holding the headline) belong to other stories on the page.
  const scopeStart = scope?.index ?? 0;
  const scopeEnd = scope === null ? tree.elements.length : subtreeEnd(scope);
  const { scores, initialized, touched } = scoreContainers(tree, removed, stats);
  if (touched.length === 0) return null;

  let best: ElementNode | null = null;
  let bestScore = -Infinity;
  for (const i of touched) {
    // Class names scale the prose score instead of adding to it, so a short `content` wrapper with little text
    // cannot outscore the real article on its name alone.
    const weight = useClassWeight ? classWeight(tree.elements[i]) : 0;
    scores[i] *= (1 + weight / 100) * (1 - linkDensity(stats, i));
    if (scores[i] > bestScore && i >= scopeStart && i < scopeEnd) {
      bestScore = scores[i];
      best = tree.elements[i];
    }
  }
  if (best === null) return null;
  const top = widen(promoteToAncestor(best, scores, initialized, scope), removed, stats, scope);
  const parts = top === scope ? [top] : mergeSiblings(top, scores, initialized, removed, stats);
  return { top, parts, scores };
}

interface ContainerScores {
  readonly scores: Float64Array;
  /** 1 where a score was given, so the tag weight is counted once. */
  readonly initialized: Uint8Array;
  /** Indexes of scored elements, in the order they were first scored. */
  readonly touched: number[];
}

/** Each block of prose gives points to its nearest five ancestors, decaying with distance. */
function scoreContainers(tree: HtmlTree, removed: Uint8Array, stats: ElementStats): ContainerScores {
  const n = tree.elements.length;
  const scores = new Float64Array(n);
  const initialized = new Uint8Array(n);
  const touched: number[] = [];
  const init = (element: ElementNode): void => {
    if (initialized[element.index] === 1) return;
    initialized[element.index] = 1;
    touched.push(element.index);
    scores[element.index] = tagWeight(element.tag);
  };

  for (const element of tree.elements) {
    const i = element.index;
    if (removed[i] === 1 || !BLOCK_TAGS.has(element.tag)) continue;
    const own = stats.inlineText[i];
    if (own < MIN_SCORED_LENGTH) continue;
    const contentScore = 1 + stats.inlineCommas[i] + Math.min(Math.floor(own / 100), 3);
    let ancestor: ElementNode | null = CONTAINER_BLOCKS.has(element.tag) ? element : element.parent;
    for (let level = 0; ancestor !== null && ancestor.tag !== '#root' && level < 5; level++) {
      init(ancestor);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores[ancestor.index] += contentScore / divider;
      ancestor = ancestor.parent;
    }
  }
  return { scores, initialized, touched };
}

/** A wrapper with a single child says nothing more than the child; the wrapper catches siblings better. */
function widen(start: ElementNode, removed: Uint8Array, stats: ElementStats, scope: ElementNode | null): ElementNode {
  let top = start;
  while (
    top !== scope &&
    top.parent !== null &&
    top.parent.tag !== '#root' &&
    top.parent.tag !== 'body' &&
    liveChildCount(top.parent, removed) === 1
  ) {
    top = top.parent;
  }
  return top === scope ? top : expandOverProse(top, stats, scope);
}

// How far up the expansion looks, how clean the added text must be, and how much it must add.
const EXPAND_LEVELS = 4;
const EXPAND_MAX_LINK_DENSITY = 0.2;
const EXPAND_MIN_GAIN = 300;

/**
 * Page builders split one story over cousin blocks (row > column > wrapper > text), which sibling merging cannot
 * reach. Climb to the highest ancestor (a few levels up) whose extra text is unlinked prose of at least two
 * paragraphs; stop at the first level that brings in link lists.
 */
function expandOverProse(top: ElementNode, stats: ElementStats, scope: ElementNode | null): ElementNode {
  let best = top;
  let current = top;
  for (let level = 0; level < EXPAND_LEVELS && current !== scope; level++) {
    const parent = current.parent;
    if (parent === null || parent.tag === 'body' || parent.tag === '#root') break;
    const addedText = stats.text[parent.index] - stats.text[top.index];
    const addedLinks = stats.linkText[parent.index] - stats.linkText[top.index];
    if (addedLinks > EXPAND_MAX_LINK_DENSITY * addedText) break;
    current = parent;
    if (addedText - addedLinks >= EXPAND_MIN_GAIN && stats.paragraphs[parent.index] - stats.paragraphs[top.index] >= 2) best = parent;
  }
  return best;
}

function liveChildCount(element: ElementNode, removed: Uint8Array): number {
  let count = 0;
  for (const child of element.children) {
    if (child.kind === 'element' ? removed[child.index] === 0 : child.data.trim().length > 0) count++;
  }
  return count;
}

/** Climbs while a parent scores nearly as well: the article often spans several sub-containers. */
function promoteToAncestor(top: ElementNode, scores: Float64Array, initialized: Uint8Array, scope: ElementNode | null): ElementNode {
  let lastScore = scores[top.index];
  const threshold = lastScore / 3;
  let candidate = top;
  if (top === scope) return top;
  for (let parent = top.parent; parent !== null && parent.tag !== 'body' && parent.tag !== '#root'; parent = parent.parent) {
    if (initialized[parent.index] === 0) continue;
    const parentScore = scores[parent.index];
    if (parentScore < threshold) break;
    if (parentScore > lastScore) {
      candidate = parent;
      break;
    }
    lastScore = parentScore;
    if (parent === scope) break;
  }
  return candidate;
}

function mergeSiblings(
  top: ElementNode,
  scores: Float64Array,
  initialized: Uint8Array,
  removed: Uint8Array,
  stats: ElementStats,
): ElementNode[] {
  const parent = top.parent;
  if (parent === null || parent.tag === '#root') return [top];
  const topScore = scores[top.index];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attrs.class ?? '';
  const topProse = stats.text[top.index] - stats.linkText[top.index];
  const parts: ElementNode[] = [];
  for (const sibling of parent.children) {
    if (sibling.kind !== 'element' || removed[sibling.index] === 1) continue;
    if (sibling === top) {
      parts.push(sibling);
      continue;
    }
    const i = sibling.index;
    const bonus = topClass !== '' && sibling.attrs.class === topClass ? topScore * 0.2 : 0;
    if (initialized[i] === 1 && scores[i] + bonus >= threshold) {
      parts.push(sibling);
      continue;
    }
    // Scores decay with depth, so a sibling whose paragraphs sit deeper than the top's can miss the threshold:
    // judge it on its prose instead.
    const prose = stats.text[i] - stats.linkText[i];
    if (stats.paragraphs[i] >= 2 && linkDensity(stats, i) < 0.25 && (bonus > 0 || prose >= 0.2 * topProse)) {
      parts.push(sibling);
      continue;
    }
    if (sibling.tag === 'p') {
      const length = stats.text[i];
      const density = linkDensity(stats, i);
      if (length > 80 && density < 0.25) parts.push(sibling);
      else if (length > 0 && length <= 80 && density === 0 && /\.( |$)/.test(textContent(sibling, removed))) parts.push(sibling);
    }
  }
  return parts;
}
