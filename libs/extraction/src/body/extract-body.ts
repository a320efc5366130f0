import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { subtreeEnd } from '../dom/tree-text';
import { cleanContainer } from './clean-content';
import { computeElementStats, type ElementStats } from './element-stats';
import { filterBlocks } from './filter-blocks';
import { findLead } from './find-lead';
import { markBoilerplate } from './mark-boilerplate';
import { selectCandidate } from './select-candidate';
import { serializeBody, type SerializedBody } from './serialize-body';

/** The body found on a page, with the element it came from. */
export interface BodyResult extends SerializedBody {
  /** The main container, or null when the page had no scorable text. */
  readonly container: ElementNode | null;
  /** Visible text of the whole page (outside scripts and hidden furniture), in characters. */
  readonly pageTextLength: number;
}

/** Inputs besides the tree. */
export interface BodyOptions {
  readonly baseUrl: URL | null;
  /** The page title, lower-cased and collapsed, to drop a heading that repeats it. */
  readonly title: string;
  /** Authors from the metadata, to drop byline lines. */
  readonly authors: readonly string[];
  /** iframe hosts kept in the HTML. */
  readonly iframeHosts?: readonly string[];
  /** The headline element (the `<h1>` matching the title), to find a standfirst just below it. */
  readonly headline?: ElementNode | null;
  /** The page's description (meta or JSON-LD): a standfirst usually repeats it. */
  readonly description?: string | null;
}

/** How strict one extraction attempt is. */
export interface BodyAttempt {
  readonly byClass: boolean;
  readonly bySectioningTag: boolean;
  readonly classWeights: boolean;
  readonly conditional: boolean;
}

// Strictest first; each later attempt gives up one kind of evidence (Readability's retry ladder).
export const BODY_ATTEMPTS: readonly BodyAttempt[] = [
  { byClass: true, bySectioningTag: true, classWeights: true, conditional: true },
  { byClass: false, bySectioningTag: true, classWeights: true, conditional: true },
  { byClass: false, bySectioningTag: false, classWeights: false, conditional: true },
  { byClass: false, bySectioningTag: false, classWeights: false, conditional: false },
];

/** Below this many characters a result is suspect and a more lenient attempt is tried. */
const ENOUGH_TEXT = 500;

const EMPTY: BodyResult = { html: '', text: '', images: [], linkTextLength: 0, container: null, pageTextLength: 0 };

/** Finds the article body: strip furniture, score containers, clean the winner, serialize. */
export function extractBody(tree: HtmlTree, options: BodyOptions): BodyResult {
  let best: BodyResult | null = null;
  for (const attempt of BODY_ATTEMPTS) {
    const result = extractBodyWith(tree, options, attempt);
    // A laxer attempt must find clearly more text: a few share prompts and "loading" lines more do not count.
    if (best === null || result.text.length > best.text.length * 1.5 + 100) best = result;
    if (best.text.length >= ENOUGH_TEXT) return best;
  }
  return best ?? EMPTY;
}

/** One extraction attempt with a given strictness (exported for tests and diagnostics). */
export function extractBodyWith(tree: HtmlTree, options: BodyOptions, attempt: BodyAttempt): BodyResult {
  const removed = markBoilerplate(tree, attempt);
  const stats = computeElementStats(tree, removed);
  const pageTextLength = stats.text[0];
  const choice = selectCandidate(tree, removed, stats, attempt.classWeights, articleScope(options.headline ?? null, removed, stats));
  if (choice === null) return { ...EMPTY, pageTextLength };
  // Link lists first, so a wrapper is not judged by the related-links list inside it ("Mehr zum Thema").
  filterBlocks(tree, choice.parts, removed, { authors: options.authors, baseUrl: options.baseUrl, listItemsOnly: true });
  for (const part of choice.parts) {
    cleanContainer(tree, part, removed, { title: options.title, byClass: attempt.byClass, conditional: attempt.conditional });
  }
  const lead = findLead(tree, options.headline ?? null, choice.parts[0], removed, stats, options.authors, options.description ?? null);
  // A standfirst may sit in a <header> dropped as a whole: bring it (and only it) back, in place when it is
  // inside the body, in front of the body otherwise.
  const before: ElementNode[] = [];
  for (const element of lead) {
    for (let node: ElementNode | null = element; node !== null && removed[node.index] === 1; node = node.parent) removed[node.index] = 0;
    removed.fill(0, element.index, subtreeEnd(element));
    if (!choice.parts.some((part) => element.index > part.index && element.index < subtreeEnd(part))) before.push(element);
  }
  const parts = [...before, ...choice.parts];
  filterBlocks(tree, parts, removed, { authors: options.authors, baseUrl: options.baseUrl });
  const body = serializeBody(parts, removed, options.baseUrl, options.iframeHosts);
  return { ...body, container: choice.top, pageTextLength };
}

// Enough prose for an <article> around the headline to hold the story rather than just its header.
const SCOPE_MIN_PROSE = 400;
const ARTICLE_ITEMTYPE = /schema\.org\/(?:\w*Article|BlogPosting|Report)/i;

/**
 * The element that holds the story the headline belongs to: the nearest `<article>` (or schema.org Article
 * item) around the headline with enough prose. Pages that stack several stories (infinite scroll, teasers with
 * full text) keep the right one this way. Null when there is no such element.
 */
function articleScope(headline: ElementNode | null, removed: Uint8Array, stats: ElementStats): ElementNode | null {
  if (headline === null) return null;
  for (let node = headline.parent; node !== null; node = node.parent) {
    const isArticle = node.tag === 'article' || ARTICLE_ITEMTYPE.test(node.attrs.itemtype ?? '');
    if (!isArticle || removed[node.index] === 1) continue;
    return stats.text[node.index] - stats.linkText[node.index] >= SCOPE_MIN_PROSE ? node : null;
  }
  return null;
}
