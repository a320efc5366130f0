import type { Gazetteer } from './entity.gazetteer';
import type { NameSpan, Token } from './name-span.finder';

/** The entity types Copydesk reports. */
export type EntityType = 'person' | 'organisation' | 'place';

/** A span with the type the rules gave it; `unknown` spans are resolved later against the rest of the article. */
export interface TypedSpan {
  tokens: Token[];
  name: string;
  type: EntityType | 'unknown';
  /** True when a gazetteer, a suffix or a title decided the type (not a default). */
  strong: boolean;
  span: NameSpan;
}

/** Per-article state the classifier reads and fills. */
export interface ClassifierContext {
  g: Gazetteer;
  /** Words this article writes in lower case somewhere. */
  localLowerCase: Set<string>;
  /** Names seen after a brand ("Nissan Sentra"): products, not organisations, when they recur alone. */
  products: Set<string>;
  /** Capitalised words the article also uses alone, as a name of one word ("Whitfield said"). */
  singles: Set<string>;
  /** Last words of runs of two or more capitalised words (surnames, if the run is a person). */
  singlesAfterPerson: Set<string>;
}

/** True for ordinary words: in the lexicon, the shipped common-word list, or written in lower case in this article. */
export function isCommonWord(word: string, ctx: ClassifierContext): boolean {
  return ctx.g.commonWords.has(word) || ctx.localLowerCase.has(word);
}

/** True when the span is followed by "(ABC)" and ABC is its initials. */
export function definesAcronym(span: NameSpan, tokens: Token[]): boolean {
  if (tokens[tokens.length - 1] !== span.tokens[span.tokens.length - 1]) return false;
  const m = /^\s*\(([\p{Lu}][\p{L}&]{1,7})\)/u.exec(span.following);
  if (!m) return false;
  const letters = tokens
    .filter((t) => !['of', 'for', 'and', 'the', '&', 'on', 'in'].includes(t.lower))
    .map((t) => t.bare[0])
    .join('')
    .toLowerCase();
  const acronym = m[1].toLowerCase();
  return letters === acronym || (acronym.length >= 3 && letters.startsWith(acronym));
}

export function typed(span: NameSpan, tokens: Token[], type: TypedSpan['type'], strong: boolean): TypedSpan {
  const name = displayName(tokens);
  // Datelines write places in capitals ("BOLOGNA, Italy"): the name is reported in normal case.
  const dateline = type === 'place' && tokens.every((t) => (t.bare.length > 3 || span.dateline) && /^[\p{Lu}\-]+$/u.test(t.bare));
  return { tokens, name: dateline ? titleCase(name) : name, type, strong, span };
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** The name as written, without a possessive ending (one inside the name stays: "People’s Daily"). */
export function displayName(tokens: Token[]): string {
  return tokens
    .map((t, i) => (i < tokens.length - 1 && t.possessive ? t.text : t.bare))
    .join(' ')
    .replace(/\s&\s/g, ' & ');
}
