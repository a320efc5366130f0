import { createHash } from 'node:crypto';
import { contentWords } from './content-words.util';

/**
 * Exact-duplicate key of an article text: SHA-256 (hex) of its {@link contentWords} joined by single spaces.
 * Whitespace, markup, punctuation, letter case and quote style do not change it; any word change does.
 * Pass text, not HTML: tag names would count as words.
 */
export function contentHash(normalizedText: string): string {
  return createHash('sha256').update(contentWords(normalizedText).join(' ')).digest('hex');
}
