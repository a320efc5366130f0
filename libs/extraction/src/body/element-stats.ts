import type { HtmlTree } from '../dom/html-tree';
import { BLOCK_TAGS } from '../dom/tag-sets';
import { measureText } from '../dom/text-measure';

/**
 * Per-element text measures, indexed by `ElementNode.index`, over the elements not removed.
 * "Inline" measures count only text that is not inside a nested block: the text this block itself shows.
 */
export interface ElementStats {
  readonly text: Float64Array;
  readonly linkText: Float64Array;
  readonly commas: Float64Array;
  readonly inlineText: Float64Array;
  readonly inlineLinkText: Float64Array;
  readonly inlineCommas: Float64Array;
  /** Blocks in the subtree whose own text is long enough to read as a paragraph. */
  readonly paragraphs: Float64Array;
}

/** Own-text length from which a block counts as a paragraph. */
export const PARAGRAPH_MIN_LENGTH = 60;

/**
 * One bottom-up pass (reverse document order, so children are done before parents; no recursion).
 * `removed[i] === 1` excludes element i and everything below it.
 */
export function computeElementStats(tree: HtmlTree, removed: Uint8Array): ElementStats {
  const n = tree.elements.length;
  const text = new Float64Array(n);
  const linkText = new Float64Array(n);
  const commas = new Float64Array(n);
  const inlineText = new Float64Array(n);
  const inlineLinkText = new Float64Array(n);
  const inlineCommas = new Float64Array(n);
  const paragraphs = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (removed[i] === 1) continue;
    const element = tree.elements[i];
    const isLink = element.tag === 'a';
    let t = 0;
    let lt = 0;
    let c = 0;
    let it = 0;
    let ilt = 0;
    let ic = 0;
    let p = 0;
    for (const child of element.children) {
      if (child.kind === 'text') {
        const length = measureText(child);
        if (length === 0) continue;
        // +1: the space that separates this run from its neighbours once collapsed.
        const commaCount = child.commas;
        t += length + 1;
        it += length + 1;
        c += commaCount;
        ic += commaCount;
        if (isLink) {
          lt += length + 1;
          ilt += length + 1;
        }
        continue;
      }
      const j = child.index;
      if (removed[j] === 1) continue;
      t += text[j];
      lt += isLink ? text[j] : linkText[j];
      c += commas[j];
      p += paragraphs[j];
      if (!BLOCK_TAGS.has(child.tag)) {
        it += inlineText[j];
        ilt += isLink ? inlineText[j] : inlineLinkText[j];
        ic += inlineCommas[j];
      }
    }
    if (BLOCK_TAGS.has(element.tag) && it - ilt >= PARAGRAPH_MIN_LENGTH) p += 1;
    text[i] = t;
    linkText[i] = lt;
    commas[i] = c;
    inlineText[i] = it;
    inlineLinkText[i] = ilt;
    inlineCommas[i] = ic;
    paragraphs[i] = p;
  }
  return { text, linkText, commas, inlineText, inlineLinkText, inlineCommas, paragraphs };
}
