import type { ElementNode, HtmlTree } from '../dom/html-tree';
import { NEVER_CONTENT_TAGS } from '../dom/tag-sets';
import { classIdWords, hasUnlikelyRole, isHidden, isUnlikelyByClass } from './class-signals';
import { computeElementStats } from './element-stats';

/** How hard the first pass strips furniture; a failed strict pass is retried more leniently. */
export interface BoilerplateMode {
  /** Remove elements whose class/id/role names page furniture. */
  readonly byClass: boolean;
  /** Remove `header`, `footer` and `aside` elements. */
  readonly bySectioningTag: boolean;
}

// Page chrome that is never the article; `main`, `article` and `body` are never removed by class.
const PROTECTED_TAGS = new Set(['#root', 'html', 'body', 'main', 'article']);

/** Share of the page's unlinked text above which an element is kept even if its class looks like furniture. */
const GUARD_SHARE = 0.5;

// Hidden blocks go whatever they hold: pages keep whole alternate versions (mobile, print) hidden.
function unconditionallyRemoved(element: ElementNode): boolean {
  return NEVER_CONTENT_TAGS.has(element.tag) || isHidden(element) || element.attrs['aria-modal'] === 'true';
}

/**
 * Flags page furniture for removal: `removed[i] === 1` for element i and its descendants.
 * Structural signals first (hidden, forms, navigation), then class/id/role names, which may not take away
 * most of the page's prose (a layout wrapper called `has-sidebar` must not swallow the article).
 */
export function markBoilerplate(tree: HtmlTree, mode: BoilerplateMode): Uint8Array {
  const { elements } = tree;
  const removed = new Uint8Array(elements.length);
  for (const element of elements) {
    if (element.parent !== null && removed[element.parent.index] === 1) removed[element.index] = 1;
    else if (unconditionallyRemoved(element)) removed[element.index] = 1;
  }
  const stats = computeElementStats(tree, removed);
  const pageProse = stats.text[0] - stats.linkText[0];
  for (const element of elements) {
    const i = element.index;
    if (removed[i] === 1) continue;
    if (element.parent !== null && removed[element.parent.index] === 1) {
      removed[i] = 1;
      continue;
    }
    if (PROTECTED_TAGS.has(element.tag)) continue;
    if (!mode.byClass && !mode.bySectioningTag) continue;
    const prose = stats.text[i] - stats.linkText[i];
    if (prose > GUARD_SHARE * pageProse && stats.paragraphs[i] >= 2) continue;
    let furniture = false;
    if (mode.bySectioningTag && (element.tag === 'aside' || element.tag === 'footer' || element.tag === 'header')) {
      furniture = true;
    }
    if (!furniture && mode.byClass) furniture = hasUnlikelyRole(element) || isUnlikelyByClass(classIdWords(element));
    if (furniture && !insideCodeOrTable(element)) removed[i] = 1;
  }
  return removed;
}

function insideCodeOrTable(element: ElementNode): boolean {
  for (let node = element.parent; node !== null; node = node.parent) {
    if (node.tag === 'code' || node.tag === 'pre' || node.tag === 'table') return true;
  }
  return false;
}
