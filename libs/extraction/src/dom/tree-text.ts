import type { ElementNode } from './html-tree';
import { BLOCK_TAGS } from './tag-sets';

/**
 * Concatenated text of an element's subtree in document order, skipping elements flagged in `removed`.
 * Iterative, so it is safe on arbitrarily deep trees; stops once `limit` characters are collected. With `lineBreak`,
 * that text marks each `<br>` and the start of each block element, where a reader sees a new line.
 */
export function textContent(element: ElementNode, removed?: Uint8Array, limit = Number.POSITIVE_INFINITY, lineBreak?: string): string {
  let out = '';
  // Each frame is a node and the position of its next child to visit.
  const nodes: ElementNode[] = [element];
  const positions: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top];
    const position = positions[top];
    if (position >= node.children.length) {
      nodes.pop();
      positions.pop();
      continue;
    }
    positions[top] = position + 1;
    const child = node.children[position];
    if (child.kind === 'text') {
      out += child.data;
      if (out.length >= limit) return out;
    } else if (removed === undefined || removed[child.index] === 0) {
      if (lineBreak !== undefined && (child.tag === 'br' || BLOCK_TAGS.has(child.tag))) out += lineBreak;
      nodes.push(child);
      positions.push(0);
    }
  }
  return out;
}

/** Index one past the last descendant of `element` (descendants are contiguous in document order). */
export function subtreeEnd(element: ElementNode): number {
  let node: ElementNode = element;
  for (;;) {
    let lastElement: ElementNode | null = null;
    for (let k = node.children.length - 1; k >= 0; k--) {
      const child = node.children[k];
      if (child.kind === 'element') {
        lastElement = child;
        break;
      }
    }
    if (lastElement === null) return node.index + 1;
    node = lastElement;
  }
}
