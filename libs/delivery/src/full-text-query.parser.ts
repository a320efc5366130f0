import { searchWords } from './search-text.util';

/** A word, or a phrase of consecutive words, that must be present (or absent when `negated`). */
export interface QueryTerm {
  words: string[];
  negated: boolean;
}

/** Every clause must hold; a clause holds when any of its alternatives (joined by OR) does. */
export interface FullTextQuery {
  clauses: QueryTerm[][];
}

// A quoted phrase (the closing quote may be missing) or a run of non-space characters, each optionally negated.
const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;

/**
 * Parses a subscriber's search: `election "prime minister" -poll brexit OR eu`.
 * - words are ANDed; `"…"` is a phrase; a leading `-` negates a word or phrase;
 * - `OR` (any case) joins its neighbours as alternatives, and binds tighter than AND:
 *   `a b OR c` means a AND (b OR c);
 * - case and accents never matter; punctuation separates words, so `don't` is the phrase "don t".
 * The same syntax as PostgreSQL's `websearch_to_tsquery`, which reads `a b OR c` as (a AND b) OR c: a superset of
 * this reading, so the database can pre-filter with it and never drop an article this matcher would accept.
 */
export function parseFullTextQuery(query: string): FullTextQuery {
  const clauses: QueryTerm[][] = [];
  let joinNext = false;
  for (const match of query.matchAll(TOKEN)) {
    const [, quotedMinus, phrase, bare] = match;
    if (bare !== undefined && bare.toUpperCase() === 'OR') {
      joinNext = clauses.length > 0;
      continue;
    }
    const term =
      bare === undefined ? toTerm(phrase, quotedMinus === '-') : toTerm(bare.replace(/^-/, ''), bare.startsWith('-') && bare.length > 1);
    if (!term) continue;
    const last = clauses.at(-1);
    if (joinNext && last) last.push(term);
    else clauses.push([term]);
    joinNext = false;
  }
  return { clauses };
}

function toTerm(text: string, negated: boolean): QueryTerm | undefined {
  const words = searchWords(text);
  return words.length > 0 ? { words, negated } : undefined;
}

/** A text prepared once for many queries: its fields' words, and a set for single-word lookups. */
export interface SearchableText {
  fields: string[][];
  vocabulary: Set<string>;
}

/** Prepares fields (title, body, ...) for {@link matchesFullTextQuery}; a phrase never spans two fields. */
export function toSearchableText(fields: readonly string[]): SearchableText {
  const words = fields.map(searchWords);
  return { fields: words, vocabulary: new Set(words.flat()) };
}

/** True when the text satisfies every clause of the query. An empty query matches everything. */
export function matchesFullTextQuery(query: FullTextQuery, text: SearchableText): boolean {
  return query.clauses.every((alternatives) => alternatives.some((term) => contains(text, term.words) !== term.negated));
}

function contains(text: SearchableText, words: string[]): boolean {
  if (!words.every((word) => text.vocabulary.has(word))) return false;
  if (words.length === 1) return true;
  return text.fields.some((field) => containsSequence(field, words));
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  const last = haystack.length - needle.length;
  outer: for (let start = 0; start <= last; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}
