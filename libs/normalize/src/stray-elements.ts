import { defaultTreeAdapter, type DefaultTreeAdapterTypes, html as parse5Html, parseFragment, serialize } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements the sanitizer removes together with their content, whose end tag a page may leave out. */
const SWALLOWING = new Set(['svg', 'math', 'noscript', 'template']);
const MENTIONS_SWALLOWING = /<(?:svg|math|noscript|template)[\s/>]/i;
/** Deeper trees are left to the sanitizer as they are: serialising them back would recurse too deep. */
const MAX_DEPTH = 512;

const isElement = (node: Node | ParentNode): node is Element => 'tagName' in node;
const childrenOf = (node: ParentNode): Node[] =>
  isElement(node) && node.tagName === 'template' ? (node as DefaultTreeAdapterTypes.Template).content.childNodes : node.childNodes;

/**
 * Where HTML5 parsing, not the sanitizer's tokenizer, says an element ends. sanitize-html reads HTML with
 * htmlparser2, which knows nothing of HTML5 tree building: an `<svg>` or `<math>` that a page never closes, or a
 * stray `<noscript>` or `<template>`, is removed with everything after it, the article's text included. Browsers do
 * otherwise: an HTML paragraph breaks out of foreign content (`<svg><p>` closes the svg), and an element nobody
 * closed simply runs to the end. So such a fragment is first parsed as browsers parse it (parse5, scripting off,
 * in a body), and then:
 * - an element the parser closed (explicitly or by HTML5's rules) keeps its extent, and is removed with it later;
 * - an element still open at the end of the input is dropped but its content kept: content it swallowed by accident
 *   is the article's own, and is sanitized like the rest.
 * HTML without any of these elements is returned untouched (no cost, no change).
 */
export function closeStrayElements(html: string): string {
  if (!MENTIONS_SWALLOWING.test(html)) return html;
  const context = defaultTreeAdapter.createElement('body', parse5Html.NS.HTML, []);
  const fragment = parseFragment(context, html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const end = html.trimEnd().length;

  // Pre-order, iteratively (no recursion however deep the page): swallowing elements without an end tag, and
  // those of them left open to the end.
  let unclosed = 0;
  const open: Element[] = [];
  const pending: Array<{ node: Node; depth: number }> = childrenOf(fragment).map((node) => ({ node, depth: 1 }));
  while (pending.length > 0) {
    const { node, depth } = pending.pop() as { node: Node; depth: number };
    if (!isElement(node)) continue;
    if (depth > MAX_DEPTH) return html;
    if (SWALLOWING.has(node.tagName) && !node.sourceCodeLocation?.endTag) {
      unclosed++;
      if (runsToTheEnd(node, end)) open.push(node);
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i], depth: depth + 1 });
  }
  // Every one closed in the source: the sanitizer's own reading agrees with a browser's.
  if (unclosed === 0) return html;
  // Innermost first, so an outer element takes its already unwrapped content along.
  for (const element of open.reverse()) unwrap(element);
  return serialize(fragment);
}

/** No end tag in the source, and the element (or its last descendant) reaches the end of the input. */
function runsToTheEnd(element: Element, end: number): boolean {
  if (element.sourceCodeLocation?.endTag) return false;
  let last: Node | undefined = element;
  while (last && isElement(last)) {
    if ((last.sourceCodeLocation?.endOffset ?? 0) >= end) return true;
    const children = childrenOf(last);
    last = children[children.length - 1];
  }
  return (last?.sourceCodeLocation?.endOffset ?? 0) >= end;
}

/** Replaces the element with its children (a template's content) in its parent. */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  const children = [...childrenOf(element)];
  for (const child of children) child.parentNode = parent;
  const siblings = parent.childNodes;
  siblings.splice(siblings.indexOf(element), 1, ...children);
}
