import {
  AGENT_NOUN_BEFORE,
  BEARING_OF_BEFORE,
  COMPASS,
  NOT_AGENT_NOUNS,
  OF_THE_AFTER,
  ORGANISATION_WORD_AFTER,
  OUTLET_BEFORE,
  PERSON_APPOSITION,
  PLACE_APPOSITION,
  PLACE_HEADS,
  PLACE_OF_BEFORE,
  PLACE_POSSESSION_AFTER,
  PLACE_WORD_AFTER,
  PREPOSITIONS_OF_PLACE,
  ROLE_AT,
  SPEECH_AFTER,
  US_STATE_ABBREVIATIONS,
} from './entity-context.words';
import { STOPWORDS } from '../text/stopwords.data';
import { joined, WEB_HOST, type NameSpan, type Token } from './name-span.finder';
import { MEMBER_AFTER, ORGANISATION_APPOSITION, ORGANISATION_FOLLOWER, ORGANISATION_NOUN_BEFORE } from './organisation-context.patterns';
import { definesAcronym, isCommonWord, typed, type ClassifierContext, type TypedSpan } from './typed-span';

/** One run of capitalised words (no connectors) with what the rules read about it, computed once. */
interface Run {
  span: NameSpan;
  tokens: Token[];
  ctx: ClassifierContext;
  whole: string;
  undotted: string;
  first: string;
  last: string;
  /** The run starts its span: the words before the span are the run's. */
  startsSpan: boolean;
  /** The run ends its span: the words after the span are the run's. */
  endsSpan: boolean;
  before: string;
  titled: boolean;
}

/** Types a run of capitalised words without connectors; `[]` when it is not a name. */
export function classifySimple(span: NameSpan, tokens: Token[], ctx: ClassifierContext): TypedSpan[] {
  const g = ctx.g;
  // "17th Street": an ordinal before a street word.
  if (tokens.length === 2 && /^\d+(?:st|nd|rd|th)$/.test(tokens[0].lower) && g.strongPlaceSuffixes.has(tokens[1].lower))
    return [typed(span, tokens, 'place', true)];
  if (!tokens[0]?.capitalised) return [];
  if (span.dateline && !g.organisations.has(joined(tokens))) return [typed(span, tokens, 'place', true)];
  const pair = tokens.length === 1 ? placePair(span, tokens[0], g) : undefined;
  if (pair) return pair;
  const split = splitRun(span, tokens, ctx);
  if (split) return split;
  const whole = joined(tokens);
  const startsSpan = tokens[0] === span.tokens[0];
  const run: Run = {
    span,
    tokens,
    ctx,
    whole,
    undotted: whole.replace(/\./g, ''),
    first: tokens[0].lower,
    last: tokens[tokens.length - 1].lower,
    startsSpan,
    endsSpan: tokens[tokens.length - 1] === span.tokens[span.tokens.length - 1],
    before: startsSpan ? span.before : '',
    titled: startsSpan && span.titles.length > 0 && surnameLike(tokens, ctx),
  };
  return byLexicon(run) ?? byContext(run) ?? byShape(run);
}

// What the gazetteers know about the run as a whole.
function byLexicon(r: Run): TypedSpan[] | undefined {
  const { g } = r.ctx;
  const { span, tokens, whole, last } = r;
  // "the WHO": a known organisation in capitals, though its letters spell a function word.
  if (tokens.length === 1 && tokens[0].bare.length > 1 && /^\p{Lu}+$/u.test(tokens[0].bare) && g.organisations.has(whole))
    return [typed(span, tokens, 'organisation', true)];
  // "at Example.com": a web address is no place, and the labels are split on whether it names an organisation.
  if (tokens.length === 1 && WEB_HOST.test(tokens[0].bare)) return [];
  if (g.notNames.has(whole) || (tokens.length === 1 && g.demonyms.has(whole))) return [];
  // Events are not entities, nor is the place in their name ("the LA Auto Show"): the labelling convention.
  const words = tokens.map((t) => t.lower);
  if (
    tokens.length > 1 &&
    (g.eventSuffixes.has(last) || g.eventSuffixes.has(words.slice(-2).join(' '))) &&
    !g.organisations.has(whole) &&
    !g.places.has(whole)
  )
    return [];
  if (g.organisations.has(whole) || g.organisations.has(r.undotted)) return [typed(span, tokens, 'organisation', true)];
  // "told the Hollywood Reporter", "according to the Sioux Falls Argus Leader": a body spoken to or quoted.
  if (r.startsSpan && !r.titled && OUTLET_BEFORE.test(span.preceding) && r.endsSpan) return [typed(span, tokens, 'organisation', true)];
  if (g.places.has(whole) || g.places.has(r.undotted)) return [typed(span, tokens, 'place', true)];
  if (g.people.has(whole)) return [typed(span, tokens, 'person', true)];
  return undefined;
}

// The words around the run, and the GeoNames towns.
function byContext(r: Run): TypedSpan[] | undefined {
  const { g } = r.ctx;
  const { span, tokens, whole, first, last, titled } = r;
  // "Monroe, La.", "Wheeling, W.Va.": a US state's AP abbreviation after a town and a comma.
  if (US_STATE_ABBREVIATIONS.has(r.undotted) && /\p{Lu}[\p{L}.'’\-]+,\s*$/u.test(span.preceding) && r.startsSpan)
    return [typed(span, tokens, 'place', true)];
  if (r.endsSpan && !titled && PLACE_WORD_AFTER.test(span.following)) return [typed(span, tokens, 'place', true)];
  if (!titled && placeByContext(r)) return [typed(span, tokens, 'place', true)];
  // "the X administration": a lone name before a lower-case "administration" is a president's surname, no organisation.
  if (
    tokens.length === 1 &&
    r.endsSpan &&
    /^\s+administration\b/.test(span.following) &&
    !g.organisations.has(whole) &&
    !g.places.has(whole)
  )
    return [typed(span, tokens, 'person', false)];
  if (r.endsSpan && !titled && ORGANISATION_WORD_AFTER.test(span.following) && !g.places.has(whole))
    return [typed(span, tokens, 'organisation', true)];
  if (tokens.length > 1 && definesAcronym(span, tokens, g)) return [typed(span, tokens, 'organisation', true)];
  // A GeoNames town: certain for a name of several words ("Sioux Falls"), a guess for one word (also a surname).
  const ambiguousWord =
    tokens.length === 1 &&
    (isCommonWord(first, r.ctx) || g.lastNames.has(first) || g.people.has(first) || r.ctx.singlesAfterPerson.has(first));
  if (g.cities.has(whole) && !g.firstNames.has(first) && !ambiguousWord) return [typed(span, tokens, 'place', tokens.length > 1)];
  // "the writer Anne Castle": a title says person before any suffix says place.
  if (titled && tokens.length <= 4 && tokens.length > 1 && !g.organisationSuffixes.has(last)) return [typed(span, tokens, 'person', true)];
  // "Northern Europe", "East Africa"
  if (tokens.length === 2 && COMPASS.has(first) && g.places.has(last)) return [typed(span, tokens, 'place', true)];
  return undefined;
}

// The words around the run say it is a place: "the town of X", "north of X", "X, a village in…", "X's governor".
function placeByContext(r: Run): boolean {
  const { span, tokens } = r;
  if (r.startsSpan && (PLACE_OF_BEFORE.test(span.preceding) || BEARING_OF_BEFORE.test(span.preceding))) return true;
  if (!r.endsSpan) return false;
  // A given name opening the run is a person's apposition ("Ann Lee, a teacher in the town where…").
  if (PLACE_APPOSITION.test(span.following)) return tokens.length === 1 || !r.ctx.g.firstNames.has(r.first);
  return tokens[tokens.length - 1].possessive && PLACE_POSSESSION_AFTER.test(span.following);
}

// Suffixes, titles and the shape of the run.
function byShape(r: Run): TypedSpan[] {
  const { g } = r.ctx;
  const { span, tokens, first, last } = r;
  // Acronyms are as often products and units ("LED", "AWD") as organisations: decided from their contexts later.
  if (tokens.length === 1 && /^(?:[\p{Lu}&]\.?){1,6}$/u.test(tokens[0].bare)) return [typed(span, tokens, 'unknown', false)];
  const lastPart = last.split('-').pop() ?? last;
  if ((g.organisationSuffixes.has(last) || g.organisationSuffixes.has(lastPart)) && tokens.length > 1)
    return [typed(span, tokens, 'organisation', true)];
  // "Mount Kenya", "Lake Victoria", "Cape Cod": a head word for a natural feature or a fort opens a place's name.
  if (PLACE_HEADS.has(first) && tokens.length > 1) return [typed(span, tokens, 'place', true)];
  // "US EPA", "Kazakhstan Airways": a place in front of a known organisation.
  if (tokens.length === 2 && g.places.has(first) && g.organisations.has(last)) {
    return [typed(span, tokens.slice(0, 1), 'place', true), typed(span, tokens.slice(1), 'organisation', true)];
  }
  // "Wayne Bridge", "Mark Field": a given name before a word that is also a surname.
  if (tokens.length === 2 && g.firstNames.has(first) && g.placeSuffixes.has(last) && !g.strongPlaceSuffixes.has(last))
    return [typed(span, tokens, 'person', true)];
  // "a planetary scientist at NASA's Goddard Space Flight Center", "a fellow at the Tax Policy Center": a centre
  // someone works at is the body that employs them; a venue otherwise ("a concert at the Lakeside Music Center").
  if (CENTRE.test(last) && tokens.length > 1 && r.startsSpan && worksAt(span.preceding)) return [typed(span, tokens, 'organisation', true)];
  // "Aubyn Hill told", "Mara Field, 45,": a surname that is also a place word, when the name speaks or is described
  // as a person (never "… Street", "… River": words that name only places).
  if (
    tokens.length === 2 &&
    r.endsSpan &&
    g.placeSuffixes.has(last) &&
    !g.strongPlaceSuffixes.has(last) &&
    (SPEECH_AFTER.test(span.following) || PERSON_APPOSITION.test(span.following))
  )
    return [typed(span, tokens, 'person', true)];
  if (g.placeSuffixes.has(last) && tokens.length > 1) return [typed(span, tokens, 'place', true)];
  if ((first === 'st.' || first === 'st') && tokens.length > 1) return [typed(span, tokens, 'place', true)];
  if (r.titled && tokens.length <= 4) return [typed(span, tokens, 'person', true)];
  // "Bartholomew County Jail", "Union Station Hotel": a word that names only places, inside the run, makes a place
  // of it (a building in a place); no person's name holds one.
  if (tokens.some((t, k) => k > 0 && k < tokens.length - 1 && g.strongPlaceSuffixes.has(t.lower)))
    return [typed(span, tokens, 'place', true)];
  if (tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => /^[\p{L}.'’\-]+$/u.test(t.bare))) return classifyShortRun(r);
  if (tokens.length === 1) return classifySingle(r);
  return [];
}

const CENTRE = /^(?:center|centre)$/;
// A role, then "at" (and "the" or an owner's name): "a scientist at", "a fellow at the", "an engineer at NASA's".
function worksAt(preceding: string): boolean {
  const at = /\bat\s+(?:the\s+)?(?:\p{Lu}[\p{L}\p{N}.&\-]*['’]s\s+)?$/u.exec(preceding);
  return !!at && ROLE_AT.test(`${preceding.slice(0, at.index)}at `);
}

const describedAsOrganisation = (span: NameSpan): boolean =>
  ORGANISATION_NOUN_BEFORE.test(span.preceding) ||
  ORGANISATION_APPOSITION.test(span.following) ||
  ORGANISATION_FOLLOWER.test(span.following) ||
  (!span.tokens[span.tokens.length - 1].possessive && MEMBER_AFTER.test(span.following));

// Two to four words of letters with no suffix or title: a person, an organisation by context, or nothing.
function classifyShortRun(r: Run): TypedSpan[] {
  const { g } = r.ctx;
  const { span, tokens, first, last } = r;
  // "its electric Gran Turismo", "Plus $50 Dell eGift Card": a name right after a possessive determiner (an adjective
  // between at most) or a price is owned or sold, a thing; "its founder Ada Brandt" has a role and is titled. Not
  // after "a": "a Tom Hanks film" names a person.
  const whole = span.tokens === tokens || (r.startsSpan && r.endsSpan);
  if (r.startsSpan && !r.titled && THING_BEFORE.test(span.preceding))
    return whole && describedAsOrganisation(span) ? [typed(span, tokens, 'organisation', false)] : [];
  if (g.firstNames.has(first) || /^\p{Lu}\.$/u.test(tokens[1]?.text ?? '')) return [typed(span, tokens, 'person', true)];
  // "indie developer Tequila Works", "fact-checking website Full Fact", "takeover of Allied Domecq": a word for a kind
  // of organisation beside the whole name outweighs a surname at its end or ordinary words in it.
  if (whole && describedAsOrganisation(span)) return [typed(span, tokens, 'organisation', false)];
  // "the Royal Mint", "the Old Bailey": no person's name follows "the" without a title, though its last word is a surname.
  if (g.lastNames.has(last))
    return whole && theBody(r) ? [typed(span, tokens, 'organisation', false)] : [typed(span, tokens, 'person', true)];
  // "Boeing Dreamliner", "Ford Mustang Mach E": a brand followed by more capitals names a product.
  if (g.organisations.has(first)) {
    for (const t of tokens.slice(1)) r.ctx.products.add(t.lower);
    return [typed(span, tokens.slice(0, 1), 'organisation', true)];
  }
  // A two- or three-word name with no other clue is most often a person in news copy, unless it is made of
  // ordinary words ("Starry Night", "Fan Vote") or looks like a model name ("Mach E").
  if (isOrdinaryWordOrPlural(last, r.ctx) && !g.lastNames.has(last)) {
    if (speakerSign(r)) return [typed(span, tokens, 'person', false)];
    return whole && theBody(r) ? [typed(span, tokens, 'organisation', false)] : [];
  }
  if (g.places.has(first) && !g.firstNames.has(first)) return [];
  if (tokens.some((t) => t.bare.length < 2 || /^\p{Lu}+$/u.test(t.bare))) return [];
  // Without a known given name, a person needs a sign from the text: products and works are capitalised too.
  return personContext(span, tokens, r.ctx) ? [typed(span, tokens, 'person', false)] : [];
}

// "the Evening Standard", "the Stone Roses", "the Patriotic Front": ordinary words after "the", not where a place is
// gone to or stood in ("in the Lake District"), name a body far more often than a place, a person or a product.
const PLACE_BEFORE_THE = /\b(?:in|at|from|near|to|towards|toward|across|off|along|into|through|over|around|on|under|beyond)\s+the\s+$/i;
function theBody(r: Run): boolean {
  const { g } = r.ctx;
  return (
    r.before === 'the' &&
    !PLACE_BEFORE_THE.test(r.span.preceding) &&
    !r.span.titles.length &&
    r.tokens.every(
      (t) => /^\p{Lu}\p{Ll}+$/u.test(t.bare) && !g.personTitles.has(t.lower) && !g.roles.has(t.lower) && !g.demonyms.has(t.lower),
    ) &&
    // "the Intensive Care": words the article also writes in lower case are a phrase capitalised for weight.
    !r.tokens.every((t) => r.ctx.localLowerCase.has(t.lower)) &&
    // "the Switch Pro controller", "the Digistat Patient Watch solution": a run right before a lower-case noun or
    // more capitals qualifies a thing; a body's name is followed by a verb, a function word or punctuation.
    (!/^\s+\p{L}/u.test(r.span.following) || STOPWORDS.has(r.span.after) || /ed$/.test(r.span.after)) &&
    // "the Intensive Care" beside "Intensive Care Units": words that also open a longer run are a term's.
    ![...r.ctx.spanCounts.keys()].some((k) => k.length > r.whole.length && k.startsWith(`${r.whole} `))
  );
}

const THING_BEFORE = /(?:^|[^\p{L}])(?:[Ii]ts|[Tt]heir|[Oo]ur|[Yy]our)\s+(?:[a-z][a-z-]*\s+)?$|\$\d[\d,.]*\s+$/u;

// One capitalised word: a place after a preposition, a workplace after a role, otherwise decided later.
function classifySingle(r: Run): TypedSpan[] {
  const { g } = r.ctx;
  const { span, tokens, first, before } = r;
  const alone = r.startsSpan && span.tokens.length === 1;
  if (alone && describedAsOrganisation(span)) return [typed(span, tokens, 'unknown', false)];
  // "Christopher Tays, 32, of Franklin": where someone lives.
  if (alone && before === 'of' && /\b\d{1,3},\s+of\s+$/.test(span.preceding)) return [typed(span, tokens, 'place', true)];
  if (g.firstNames.has(first) && !PREPOSITIONS_OF_PLACE.has(before)) return [typed(span, tokens, 'unknown', false)];
  // "senior vp partnerships at Ubisoft", "a researcher at Rakuten": where someone works is an organisation.
  if (alone && before === 'at' && ROLE_AT.test(span.preceding)) return [typed(span, tokens, 'organisation', false)];
  if (PREPOSITIONS_OF_PLACE.has(before) && !isCommonWord(first, r.ctx) && !/^\p{Lu}+$/u.test(tokens[0].bare))
    return [typed(span, tokens, 'place', false)];
  return [typed(span, tokens, 'unknown', false)];
}

// "…,” said Sanjiv Bhasin": a name right after a speech verb that closes a quote. "Lewis Ward, research director
// of…": a name before a role and the body it serves. Either outweighs ordinary words in the name.
const SPEECH_BEFORE = /[,.?!]['’"”]\s*(?:said|says|added|adds|explained|wrote|writes|asked)\s+$/i;
const ROLE_APPOSITION =
  /^,\s+(?:[a-z][\w-]*\s+){0,2}(?:director|professor|analyst|economist|researcher|editor|founder|president|head|chief executive)\s+(?:of|at)\s/;

function speakerSign(r: Pick<Run, 'span' | 'tokens' | 'startsSpan' | 'endsSpan'>): boolean {
  return (r.startsSpan && SPEECH_BEFORE.test(r.span.preceding)) || (r.endsSpan && ROLE_APPOSITION.test(r.span.following));
}

// An ordinary word, or the plural of one ("Votes", "Platforms").
function isOrdinaryWordOrPlural(word: string, ctx: ClassifierContext): boolean {
  return isCommonWord(word, ctx) || isCommonWord(word.replace(/s$/, ''), ctx);
}

// "Chief Strategy Officer", "native Demand Side Platforms": after a title, a run ending in another title or an
// ordinary word that is no surname or given name is a job or a thing, not a name.
function surnameLike(tokens: Token[], ctx: ClassifierContext): boolean {
  const { g } = ctx;
  const last = tokens[tokens.length - 1].lower;
  if (g.personTitles.has(last) || g.roles.has(last)) return false;
  return !isOrdinaryWordOrPlural(last, ctx) || g.lastNames.has(last) || g.allGivenNames.has(tokens[0].lower) || tokens.length === 1;
}

/** Signs in the text around a run of two to four capitalised words that it names a person, besides a known given name. */
function personContext(span: NameSpan, tokens: Token[], ctx: ClassifierContext): boolean {
  const last = tokens[tokens.length - 1];
  const endsSpan = last === span.tokens[span.tokens.length - 1];
  if (endsSpan && (SPEECH_AFTER.test(span.following) || PERSON_APPOSITION.test(span.following) || OF_THE_AFTER.test(span.following)))
    return true;
  // "Bill Clinton", "Will Moy": a given name that is also an ordinary word, before a word that is not one.
  if (ctx.g.allGivenNames.has(tokens[0].lower) && !isCommonWord(last.lower, ctx)) return true;
  // "Bill Clinton": a surname the lexicon knows as a person's.
  if (ctx.g.people.has(last.lower) && !isCommonWord(last.lower, ctx)) return true;
  // "Elon Musk’s SpaceX", "according to Sanjiv Bhasin"
  if (endsSpan && last.possessive && tokens.length <= 3) return true;
  if (tokens[0] === span.tokens[0] && /\baccording to\s+$/i.test(span.preceding)) return true;
  if (speakerSign({ span, tokens, startsSpan: tokens[0] === span.tokens[0], endsSpan })) return true;
  const agent = tokens[0] === span.tokens[0] ? AGENT_NOUN_BEFORE.exec(span.preceding) : null;
  if (agent && !NOT_AGENT_NOUNS.has(agent[1].replace(/s$/, '')) && !ctx.g.commonWords.has(tokens[0].lower)) return true;
  // Coreference: the surname is used alone elsewhere ("… Whitfield said").
  return ctx.singles.has(last.lower) && !ctx.g.places.has(last.lower) && !ctx.g.organisations.has(last.lower);
}

// "US-China trade", "U.S.-Canada border": two places joined by a hyphen.
function placePair(span: NameSpan, token: Token, g: ClassifierContext['g']): TypedSpan[] | undefined {
  const cut = token.bare.indexOf('-', 1);
  if (cut < 0 || token.bare.indexOf('-', cut + 1) >= 0) return undefined;
  const parts = [token.bare.slice(0, cut), token.bare.slice(cut + 1)];
  if (!parts.every((p) => /^\p{Lu}/u.test(p) && g.places.has(p.toLowerCase()))) return undefined;
  const part = (text: string, start: number): Token => ({
    ...token,
    text,
    bare: text,
    lower: text.toLowerCase(),
    start,
    end: start + text.length,
    possessive: false,
  });
  return [typed(span, [part(parts[0], token.start)], 'place', true), typed(span, [part(parts[1], token.start + cut + 1)], 'place', true)];
}

// "Cleveland DL Larry Ogunjobi", "Serbia Novak Djokovic", "Art Director Park Dong Woo": a run that joins a
// place, team or role to a person's name is split before the given name or after the role.
function splitRun(span: NameSpan, tokens: Token[], ctx: ClassifierContext): TypedSpan[] | undefined {
  const g = ctx.g;
  if (tokens.length < 3 || g.organisations.has(joined(tokens)) || g.places.has(joined(tokens))) return undefined;
  // "Dick Clark Productions": a run ending in an organisation word is one name.
  if (g.organisationSuffixes.has(tokens[tokens.length - 1].lower)) return undefined;
  const keep = (t: Token): boolean => !/^[\p{Lu}]{1,3}$/u.test(t.bare) || g.organisations.has(t.lower);
  for (let k = 1; k < tokens.length - 1; k++) {
    const word = tokens[k].lower.replace(/\.$/, '');
    if (g.personTitles.has(word) || g.roles.has(word)) {
      const head = tokens.slice(0, k).filter(keep);
      return [
        ...(head.length ? classifySimple(span, head, ctx) : []),
        typed({ ...span, titles: [word] }, tokens.slice(k + 1), 'person', true),
      ];
    }
    const previous = tokens[k - 1];
    const headEnds =
      g.places.has(joined(tokens.slice(0, k))) ||
      g.organisations.has(joined(tokens.slice(0, k))) ||
      /^[\p{Lu}]{1,4}$/u.test(previous.bare) ||
      isCommonWord(previous.lower, ctx) ||
      g.roles.has(previous.lower);
    if (g.firstNames.has(word) && tokens.length - k <= 3 && headEnds) {
      const head = tokens.slice(0, k).filter(keep);
      // "CBS Sports NFL Insider Jason La Canfora": role words at the end of the head are not part of its name.
      while (head.length > 1 && (isCommonWord(head[head.length - 1].lower, ctx) || g.roles.has(head[head.length - 1].lower))) head.pop();
      return [...(head.length ? classifySimple(span, head, ctx) : []), typed(span, tokens.slice(k), 'person', true)];
    }
  }
  return undefined;
}
