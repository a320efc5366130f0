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
  /** How often each span is written, by its lower-case words. */
  spanCounts: Map<string, number>;
  /** Spans written at least once inside a sentence (where capitals mark a name, not a sentence's start). */
  spansInside: Set<string>;
  /**
   * GeoNames towns of 1,000 to 15,000 people in the countries the article names ("Ireland", "Greek", "Texas"); read
   * on first use, as most articles never ask.
   */
  localTowns: () => Set<string>[];
}

/** True when the name (lower case) is a small town of a country the article names. */
export function isLocalTown(name: string, ctx: ClassifierContext): boolean {
  return ctx.localTowns().some((towns) => towns.has(name));
}

/** True for ordinary words: in the lexicon, the shipped common-word list, or written in lower case in this article. */
export function isCommonWord(word: string, ctx: ClassifierContext): boolean {
  return ctx.g.commonWords.has(word) || ctx.localLowerCase.has(word);
}

/** True when the span is followed by "(ABC)" and ABC is its initials. */
export function definesAcronym(span: NameSpan, tokens: Token[], g: Gazetteer): boolean {
  if (tokens[tokens.length - 1] !== span.tokens[span.tokens.length - 1]) return false;
  const m = /^\s*\(([\p{Lu}][\p{L}&]{1,7})\)/u.exec(span.following);
  if (!m) return false;
  const acronym = m[1].toLowerCase();
  return nameInitials(
    tokens.map((t) => t.lower),
    g,
  ).some((letters) => letters === acronym || (acronym.length >= 3 && letters.startsWith(acronym)));
}

// Function words an acronym leaves out ("Centers for Disease Control": CDC).
const NOT_IN_ACRONYMS = new Set(['of', 'for', 'and', 'the', '&', 'on', 'in']);

/**
 * The initials an acronym of a name (lower-case words) may spell: of all its words but function words; when it
 * opens with a country or a nationality, also without that word, which acronyms often leave out
 * ("U.S. Centers for Disease Control and Prevention (CDC)", "Chinese Center for …"; "British Medical Association"
 * keeps it: BMA); and without a last part after "and".
 */
export function nameInitials(words: string[], g: Gazetteer): string[] {
  const kept = words.filter((w) => !NOT_IN_ACRONYMS.has(w));
  const letters = kept.map((w) => w[0]).join('');
  const first = kept[0]?.replace(/\./g, '') ?? '';
  const country = kept.length > 2 && (g.places.has(first) || g.places.has(kept[0]) || g.demonyms.has(first));
  const all = country ? [letters, letters.slice(1)] : [letters];
  // "Centers for Disease Control and Prevention" is still the CDC: a part added after "and" to a name of three
  // initials or more, which its acronym kept.
  const and = words.lastIndexOf('and');
  return and > 0 ? [...all, ...nameInitials(words.slice(0, and), g).filter((x) => x.length >= 3)] : all;
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
