import type { TextNode } from './html-tree';

const SPACE = new Uint8Array(0x3001);
for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) SPACE[code] = 1;
for (let code = 0x2000; code <= 0x200b; code++) SPACE[code] = 1;

/** True for the whitespace HTML collapses, plus no-break and other Unicode spaces. */
export function isSpaceCode(code: number): boolean {
  return code <= 0x3000 && SPACE[code] === 1;
}

/** Length of a text once whitespace runs are collapsed to one space and the ends are trimmed. */
export function collapsedLength(text: string): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) {
      pendingSpace = length > 0;
    } else {
      if (pendingSpace) length++;
      pendingSpace = false;
      length++;
    }
  }
  return length;
}

// The comma family Readability counts: Latin, Arabic, CJK and small/fullwidth forms.
const COMMA_CODES = new Set([0x2c, 0x60c, 0xfe50, 0xfe10, 0xfe11, 0x2e41, 0x2e34, 0x2e32, 0xff0c, 0x3001]);

/** Number of commas: a cheap sign of prose rather than navigation. */
export function countCommas(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (COMMA_CODES.has(text.charCodeAt(i))) count++;
  return count;
}

/** Collapses whitespace runs (including no-break spaces) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+/g, ' ').trim();
}

/** Collapsed length and commas of a text node, computed once and cached on the node (the tree is immutable). */
export function measureText(node: TextNode): number {
  if (node.length < 0) {
    node.length = collapsedLength(node.data);
    node.commas = node.length === 0 ? 0 : countCommas(node.data);
  }
  return node.length;
}
