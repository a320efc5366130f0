import { STOPWORDS } from '../text/stopwords.data';
import type { Sentence } from '../text/text.tokenizer';
import type { Gazetteer } from './entity.gazetteer';
import { LEADING_DETERMINERS as DETERMINERS, US_STATE_ABBREVIATIONS } from './entity-context.words';
import { ORGANISATION_NOUN } from './organisation-context.patterns';

/** A word of the body with its offsets. */
export interface Token {
  text: string;
  /** Text without a possessive ending ("Toyota’s" -> "Toyota"). */
  bare: string;
  lower: string;
  start: number;
  end: number;
  sentence: number;
  /** Position inside its sentence. */
  position: number;
  /** Position in the token list of the body. */
  index: number;
  /** Written with a possessive ending: the name ends there ("Webb’s Ford"). */
  possessive: boolean;
  /** A name with a lower-case word hyphenated to it ("Kremlin-backed", "Trump-era"): the name ends there too. */
  compound: boolean;
  capitalised: boolean;
}

/** A run of capitalised words that may name something, with the words around it. */
export interface NameSpan {
  tokens: Token[];
  /** Title or role words stripped from the front ("President", "coach"), lower case. */
  titles: string[];
  sentence: number;
  /** The word before the span (after titles), lower case, or '' at a sentence start. */
  before: string;
  /** The word after the span, lower case. */
  after: string;
  /** True when the span opens its sentence (where capitals say nothing). */
  sentenceInitial: boolean;
  /** Up to 40 characters of body text before and after the span, for context patterns. */
  preceding: string;
  following: string;
  /** In the dateline that opens the text ("BAAR, SWITZERLAND", "WASHINGTON (AP) —"): a place. */
  dateline?: boolean;
}

// A web address's host ("Moneycontrol.com", "www.example.org") is one word: its parts are no words of the text
// ("www.ascom.com" does not make "ascom" a word the text writes in lower case).
const HOST = String.raw`(?:[\p{L}\p{N}][\p{L}\p{N}\-]*\.)+(?:com|org|net|gov|edu|io|info|co\.uk)`;
const TOKEN = new RegExp(String.raw`${HOST}\b(?:['’]s)?|(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*\.?|&`, 'gu');
/** A web host: "Moneycontrol.com", "www.example.org". */
export const WEB_HOST = new RegExp(`^${HOST}$`, 'u');
const KEEP_DOT = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'gov',
  'sen',
  'rep',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'prof',
  'rev',
  'ft',
  'mt',
  'det',
  'supt',
  'adm',
  'maj',
  'cpl',
  'pvt',
]);
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'del',
  'der',
  'van',
  'von',
  'la',
  'le',
  'du',
  'di',
  'bin',
  'al',
  'el',
  'dos',
  'das',
  'ter',
  'den',
]);
const COMPOUND = /^(\p{Lu}[\p{L}\p{N}.]+)-\p{Ll}[\p{Ll}-]*$/u;
const CONNECTORS = new Set(['of', 'for', 'on', 'and', '&', 'the']);

/** Splits a body into word tokens tagged with their sentence. */
export function tokenise(text: string, sentences: Sentence[]): Token[] {
  const tokens: Token[] = [];
  for (const sentence of sentences) {
    TOKEN.lastIndex = 0;
    const body = sentence.text;
    let position = 0;
    for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) {
      let word = m[0];
      if (
        word.charCodeAt(word.length - 1) === 46 &&
        !/^(?:\p{L}\.){2,}$/u.test(word) &&
        !(word.length === 2 && /^\p{Lu}/u.test(word)) &&
        !KEEP_DOT.has(word.slice(0, -1).toLowerCase())
      ) {
        word = word.slice(0, -1);
      }
      let bare = word;
      let possessive = false;
      if (word.includes("'") || word.includes('’')) {
        bare = word.replace(/['’]s?$/u, '');
        possessive = bare !== word;
      }
      // "London-based", "Party-controlled", "Trump-era": the name is the part before the lower-case word.
      const compound = bare.indexOf('-') > 1 ? COMPOUND.exec(bare) : null;
      if (compound) bare = compound[1];
      const first = word.charCodeAt(0);
      const capitalised =
        first >= 65 && first <= 90
          ? true
          : first >= 97 && first <= 122
            ? /^\p{Ll}+\p{Lu}/u.test(word)
            : /^\p{Lu}/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word);
      const start = sentence.start + m.index;
      tokens.push({
        text: word,
        bare: bare || word,
        lower: possessive || bare.includes('’') ? (bare || word).toLowerCase().replace(/’/g, "'") : (bare || word).toLowerCase(),
        possessive,
        // Always present: a spread here made every token a slow, dictionary-shaped object (a tenth of enrichment).
        compound: compound !== null,
        start,
        end: start + word.length,
        sentence: sentence.index,
        position: position++,
        index: tokens.length,
        capitalised,
      });
    }
  }
  return tokens;
}

/**
 * Finds runs of capitalised words, joined across name particles ("van de") and connectors ("of", "&") that the
 * classifier may later split, with titles stripped and sentence-initial ordinary words dropped.
 */
export function findNameSpans(tokens: Token[], text: string, g: Gazetteer): NameSpan[] {
  const spans: NameSpan[] = [];
  const capsSentences = allCapsSentences(tokens);
  const datelineEnd = DATELINE.exec(text)?.[1].length ?? 0;
  let i = 0;
  while (i < tokens.length) {
    // "17th Street", "5th Avenue": an ordinal opens a street's name.
    const ordinalStreet =
      /^\d+(?:st|nd|rd|th)$/.test(tokens[i].lower) && tokens[i + 1]?.capitalised && g.strongPlaceSuffixes.has(tokens[i + 1].lower);
    if ((!tokens[i].capitalised && !ordinalStreet) || (capsSentences.has(tokens[i].sentence) && tokens[i].end > datelineEnd)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const t = tokens[j];
      if (
        !t ||
        t.sentence !== tokens[i].sentence ||
        (tokens[j - 1].possessive && !possessiveInName(tokens[j - 1], t, g)) ||
        tokens[j - 1].compound ||
        hasBreakBefore(text, tokens[j - 1], t)
      )
        break;
      if (t.capitalised) {
        j++;
        continue;
      }
      // A lower-case joiner only joins when a capitalised word follows it (possibly after "the").
      const next = tokens[j + 1];
      const afterThe = t.lower === 'the' ? next : undefined;
      const joinable = NAME_PARTICLES.has(t.lower) || (CONNECTORS.has(t.lower) && t.lower !== 'the');
      const nextJoins = next && (next.lower === 'the' || NAME_PARTICLES.has(next.lower)) && tokens[j + 2]?.capitalised;
      if (joinable && next && next.sentence === t.sentence && (next.capitalised || nextJoins)) {
        j++;
        continue;
      }
      if (afterThe && tokens[j - 1].lower === 'of' && afterThe.capitalised) {
        j++;
        continue;
      }
      break;
    }
    const span = ordinalStreet ? around(tokens.slice(i, j), tokens, text, []) : trim(tokens.slice(i, j), tokens, g, text);
    if (span) spans.push(tokens[i].end <= datelineEnd ? { ...span, dateline: true } : span);
    i = j;
  }
  return spans;
}

// A dateline in capitals opening the text, up to its comma-separated places: "BAAR, SWITZERLAND", "WASHINGTON (AP) —",
// "NUUK, Greenland —" (the country or state after the comma in normal case).
const DATELINE =
  /^\s*((?:\p{Lu}[\p{Lu}.'’\-]*)(?:[ ]+\p{Lu}[\p{Lu}.'’\-]*){0,3}(?:,[ ]*\p{Lu}[\p{L}.'’\-]*(?:[ ]+\p{Lu}[\p{L}.'’\-]*){0,3})?)(?=\s*(?:\(|[—–]|\s-\s)|(?<=,[^\n]*)\s*\n)/u;

// "the People’s Daily", "Children’s Hospital", "the Sheriff’s Office": an ordinary noun in the possessive before a
// word that ends organisation names is part of one name ("Webb’s Ford", "Trump’s Department" are two).
function possessiveInName(previous: Token, next: Token, g: Gazetteer): boolean {
  return (
    next.capitalised && g.commonWords.has(previous.lower) && !g.lastNames.has(previous.lower) && g.organisationSuffixes.has(next.lower)
  );
}

function hasBreakBefore(text: string, previous: Token, next: Token): boolean {
  // Punctuation between two words (comma, quote, colon, bracket, dash) ends a name.
  const gap = text.slice(previous.end, next.start);
  // "CollectiveBias, Inc." is one name.
  if (gap === ', ' && /^(?:inc|ltd|llc|plc|corp)\.?$/i.test(next.text)) return false;
  // "U.S.-Canada border": a hyphen straight after an abbreviation's dot joins two names, as in "US-China".
  return /[,;:()\[\]"“”‘—–|/]|\s-\s|’\s|'\s|^-$/.test(gap);
}

// Headings in capitals ("TOYOTA RAV4 PRIME") name products and sections, not entities.
function allCapsSentences(tokens: Token[]): Set<number> {
  const words = new Map<number, number>();
  const caps = new Map<number, number>();
  for (const t of tokens) {
    words.set(t.sentence, (words.get(t.sentence) ?? 0) + 1);
    if (/^[\p{Lu}\p{N}.\-&]+$/u.test(t.text) && /\p{Lu}/u.test(t.text)) caps.set(t.sentence, (caps.get(t.sentence) ?? 0) + 1);
  }
  return new Set([...words].filter(([s, n]) => n >= 2 && caps.get(s) === n).map(([s]) => s));
}

function trim(run: Token[], all: Token[], g: Gazetteer, text: string): NameSpan | undefined {
  const titles: string[] = [];
  let tokens = run;
  // "Monroe, La.", "Salem, Ore.": a US state's AP abbreviation after a town and a comma, though "La" is a function word.
  if (run.length === 1 && stateAfterTown(run[0], text)) return around(run, all, text, titles);
  // Lower-case titles just before the run: "coach Mike Tomlin", "chief executive Tim Clark".
  const firstIndex = run[0].index;
  for (let k = firstIndex - 1; k >= 0 && k >= firstIndex - 2; k--) {
    const t = all[k];
    if (t.sentence !== run[0].sentence || t.capitalised) break;
    // "indie developer Tequila Works": a word for a kind of organisation is no person's title.
    if ((g.personTitles.has(t.lower.replace(/\.$/, '')) || g.roles.has(t.lower)) && !ORGANISATION_NOUN.test(t.lower))
      titles.unshift(t.lower);
    else break;
  }
  while (tokens.length) {
    const first = tokens[0];
    const lower = first.lower.replace(/\.$/, '');
    const initial = first.position === 0 || isAfterOpening(all, first);
    if (
      (g.personTitles.has(lower) || g.roles.has(lower)) &&
      tokens.length > 1 &&
      !(g.nameStyles.has(lower) && tokens.length === 2) &&
      !keepsLeadingWord(tokens, g)
    ) {
      titles.push(lower);
      tokens = tokens.slice(1);
      continue;
    }
    if (!initial && givenNameBeforeSurname(tokens, g)) break;
    // "per the WHO": a known organisation written in capitals is no function word.
    const capitalsName = first.bare.length > 1 && /^\p{Lu}+$/u.test(first.bare) && g.organisations.has(lower) && !initial;
    if (
      !capitalsName &&
      ((g.notNames.has(lower) && !keepsLeadingWord(tokens, g) && !opensPlaceName(tokens, g)) ||
        (STOPWORDS.has(lower) && !opensKnownName(tokens, g)))
    ) {
      tokens = tokens.slice(1);
      continue;
    }
    // "Will Moy, chief executive…": a given name that is also an ordinary word stays before a surname.
    const givenName = tokens.length > 1 && (g.firstNames.has(lower) || (g.allGivenNames.has(lower) && !g.commonWords.has(tokens[1].lower)));
    if (initial && isOrdinaryWord(first, g) && !givenName && !keepsLeadingWord(tokens, g)) {
      tokens = tokens.slice(1);
      continue;
    }
    break;
  }
  while (tokens.length && (CONNECTORS.has(tokens[tokens.length - 1].lower) || NAME_PARTICLES.has(tokens[tokens.length - 1].lower)))
    tokens = tokens.slice(0, -1);
  while (
    tokens.length > 1 &&
    !isKnownName(tokens, g) &&
    g.notNames.has(tokens[tokens.length - 1].lower) &&
    !g.organisationSuffixes.has(tokens[tokens.length - 1].lower) &&
    !g.placeSuffixes.has(tokens[tokens.length - 1].lower) &&
    !g.eventSuffixes.has(tokens[tokens.length - 1].lower)
  )
    tokens = tokens.slice(0, -1);
  if (!tokens.length || !tokens[0].capitalised) return undefined;
  return around(tokens, all, text, titles);
}

const CALENDAR =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

// "Bill Clinton", "Will Moy": inside a sentence, a capitalised given name that is also a function word or a common
// noun, before a capitalised word that is no ordinary word or name ending, opens a person's name.
function givenNameBeforeSurname(tokens: Token[], g: Gazetteer): boolean {
  const [first, second] = tokens;
  if (!second || !g.allGivenNames.has(first.lower) || CALENDAR.test(first.lower) || !/^\p{Lu}\p{Ll}+$/u.test(first.bare)) return false;
  const next = second.lower;
  return (
    /^\p{Lu}\p{Ll}/u.test(second.bare) &&
    !isOrdinaryWord(second, g) &&
    !STOPWORDS.has(next) &&
    !g.organisationSuffixes.has(next) &&
    !g.placeSuffixes.has(next) &&
    !g.eventSuffixes.has(next)
  );
}

// A span with the words and text around it.
function around(tokens: Token[], all: Token[], text: string, titles: string[]): NameSpan {
  const startIndex = tokens[0].index;
  const endIndex = tokens[tokens.length - 1].index;
  const beforeToken = all[startIndex - 1];
  const afterToken = all[endIndex + 1];
  return {
    tokens,
    titles,
    sentence: tokens[0].sentence,
    before: beforeToken && beforeToken.sentence === tokens[0].sentence ? beforeToken.lower : '',
    after: afterToken && afterToken.sentence === tokens[0].sentence ? afterToken.lower : '',
    sentenceInitial: tokens[0].position === 0,
    preceding: text.slice(Math.max(0, tokens[0].start - 40), tokens[0].start),
    following: text.slice(tokens[tokens.length - 1].end, tokens[tokens.length - 1].end + 40),
  };
}

// "at New York University": a function word that opens a known name ("New York") before an organisation's or a
// place's head word stays; the whole name may be known too.
function opensKnownName(tokens: Token[], g: Gazetteer): boolean {
  if (isKnownName(tokens, g)) return true;
  const head = tokens[tokens.length - 1].lower;
  if (tokens.length < 3 || !(g.organisationSuffixes.has(head) || g.placeSuffixes.has(head))) return false;
  for (let k = tokens.length - 1; k >= 2; k--) if (isKnownName(tokens.slice(0, k), g)) return true;
  return false;
}

function isKnownName(tokens: Token[], g: Gazetteer): boolean {
  const name = joined(tokens);
  return g.organisations.has(name) || g.places.has(name) || g.people.has(name);
}

// "University of Florida", "Royal Navy", "National Institute on Drug Abuse": a word that is no name on its own
// may open an organisation's name.
const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|central|inner|outer)$/;

function keepsLeadingWord(tokens: Token[], g: Gazetteer): boolean {
  for (let k = tokens.length; k >= 2; k--) if (isKnownName(tokens.slice(0, k), g)) return true;
  // "Northern Europe", "East Africa"
  if (tokens.length === 2 && COMPASS.test(tokens[0].lower) && g.places.has(tokens[1].lower)) return true;
  if (tokens.length < 2 || DETERMINERS.has(tokens[0].lower)) return false;
  const second = tokens[1].lower;
  if (second === 'of' || second === 'for' || second === 'on') return true;
  // "Royal College of Music", "National Institute on Drug Abuse": an organisation word anywhere in the name.
  return tokens.slice(1).some((t) => g.organisationSuffixes.has(t.lower)) || /hall of fame/.test(joined(tokens));
}

function stateAfterTown(t: Token, text: string): boolean {
  return (
    /^\p{Lu}[\p{L}.]*$/u.test(t.text) &&
    text[t.end] === '.' &&
    US_STATE_ABBREVIATIONS.has(t.lower.replace(/\./g, '')) &&
    /\p{Lu}[\p{L}.'’\-]+,\s*$/u.test(text.slice(Math.max(0, t.start - 30), t.start))
  );
}

// "the Mission District", "on Church Street": an ordinary noun before a word that names only places is part of the
// place's name.
function opensPlaceName(tokens: Token[], g: Gazetteer): boolean {
  return tokens.length === 2 && !DETERMINERS.has(tokens[0].lower) && g.strongPlaceSuffixes.has(tokens[1].lower);
}

function isAfterOpening(all: Token[], token: Token): boolean {
  // Capitals after a colon or an opening quote start a sentence too; approximated by the previous token ending one.
  const previous = all[token.index - 1];
  return !previous || previous.sentence !== token.sentence;
}

/** True when a sentence-initial capitalised word is most likely an ordinary word. */
export function isOrdinaryWord(token: Token, g: Gazetteer): boolean {
  const lower = token.lower;
  if (g.organisations.has(lower) || g.places.has(lower) || g.people.has(lower)) return false;
  // "Day-by-day", "Long-term": a compound of ordinary words.
  if (lower.includes('-') && lower.split('-').every((part) => part.length && (g.commonWords.has(part) || STOPWORDS.has(part)))) return true;
  if (g.commonWords.has(lower) || g.notNames.has(lower)) return true;
  const singular = lower.replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '');
  return g.commonWords.has(singular) || g.roles.has(lower) || g.roles.has(singular) || g.demonyms.has(lower) || g.demonyms.has(singular);
}

/** Lower-case name of some tokens, joined with spaces. */
export function joined(tokens: Token[]): string {
  return tokens.map((t) => t.lower).join(' ');
}
