import type { ElementNode } from '../dom/html-tree';
import {
  MAYBE_CONTENT_CLASS,
  NEGATIVE_CLASS,
  POSITIVE_CLASS,
  STRONGLY_UNLIKELY_CLASS,
  UNLIKELY_CLASS,
  UNLIKELY_ROLES,
} from './boilerplate.patterns';

/**
 * `class` and `id` as lower-case words: camelCase is split with a hyphen so `relatedLinks` reads as
 * `related-links`, and the same word patterns serve every naming convention.
 */
export function classIdWords(element: ElementNode): string {
  const raw = `${element.attrs.class ?? ''} ${element.attrs.id ?? ''}`;
  if (raw.length === 1) return '';
  return raw.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** True when one class/id token names page furniture (and no content word in that token speaks against it). */
export function isUnlikelyByClass(words: string): boolean {
  if (words.length === 0) return false;
  for (const token of words.split(/\s+/)) {
    if (token.length === 0 || !UNLIKELY_CLASS.test(token)) continue;
    if (STRONGLY_UNLIKELY_CLASS.test(token) || !MAYBE_CONTENT_CLASS.test(token)) return true;
  }
  return false;
}

/** True when the element's ARIA role marks it as navigation, a banner, a dialog or similar. */
export function hasUnlikelyRole(element: ElementNode): boolean {
  const role = element.attrs.role;
  return role !== undefined && UNLIKELY_ROLES.has(role.trim().toLowerCase());
}

/** Readability-style weight: +25 per content-like name (class, id), -25 per furniture-like name. */
export function classWeight(element: ElementNode): number {
  let weight = 0;
  for (const value of [element.attrs.class, element.attrs.id]) {
    if (!value) continue;
    const words = value.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    if (NEGATIVE_CLASS.test(words)) weight -= 25;
    if (POSITIVE_CLASS.test(words)) weight += 25;
  }
  return weight;
}

/** True when inline style, `hidden` or `aria-hidden` hide the element from readers. */
export function isHidden(element: ElementNode): boolean {
  const attrs = element.attrs;
  if (attrs.hidden !== undefined) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  const style = attrs.style;
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
