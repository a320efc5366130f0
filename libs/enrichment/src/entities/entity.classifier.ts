import type { Gazetteer } from './entity.gazetteer';
import { joined, type NameSpan, type Token } from './name-span.finder';
import { ORGANISATION_APPOSITION, ORGANISATION_FOLLOWER, ORGANISATION_NOUN_BEFORE } from './organisation-context.patterns';

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

const CONNECTORS = new Set(['of', 'for', 'on', 'and', '&', 'the']);
// First words that make "X of Y" one organisation name.
const ORGANISATION_HEADS = new Set([
  'university',
  'department',
  'bank',
  'office',
  'ministry',
  'institute',
  'museum',
  'bureau',
  'board',
  'council',
  'federation',
  'association',
  'society',
  'church',
  'college',
  'school',
  'academy',
  'commission',
  'committee',
  'agency',
  'house',
  'court',
  'league',
  'order',
  'chamber',
  'secretary',
  'division',
  'army',
  'corps',
  'organization',
  'organisation',
  'union',
  'party',
  'friends',
  'sisters',
  'brotherhood',
  'republic',
  'kingdom',
  'state',
  'states',
  'city',
  'port',
  'isle',
  'gulf',
  'bay',
  'cape',
  'sea',
  'lake',
  'mount',
  'straits',
  'strait',
]);
// Heads that make "X for Y" one organisation ("Center for…", "Alliance for…", "Campaign for…").
const FOR_HEADS = new Set([
  'center',
  'centre',
  'alliance',
  'campaign',
  'coalition',
  'foundation',
  'fund',
  'network',
  'project',
  'partnership',
  'initiative',
  'trust',
  'committee',
  'council',
  'institute',
  'society',
  'association',
  'office',
  'agency',
  'commission',
]);
// Lower-case words after a name that say what it names: "the Communist party", "Zabul province".
const ORGANISATION_WORD_AFTER =
  /^\s+(?:party|network|movement|militia|group|commission|council|ministry|government|administration|brigade|front|faction|union|federation|foundation|league|club|band|newspaper|magazine|website|tabloid|broadcaster|channel|outlet|agency|firm|company|conglomerate|startup|airline|carrier|brand|label|studio|publisher|charity|nonprofit|think tank)\b/;
const PLACE_WORD_AFTER =
  /^\s+(?:province|county|district|region|prefecture|state|village|town|township|municipality|city|borough|island|river|valley|plateau|desert|mountains?|peninsula)\b/;

/** True when the span is followed by "(ABC)" and ABC is its initials. */
function definesAcronym(span: NameSpan, tokens: Token[]): boolean {
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

const COMPASS = new Set([
  'inner',
  'outer',
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'upper',
  'lower',
  'greater',
  'north-east',
  'north-west',
  'south-east',
  'south-west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
]);
const PREPOSITIONS_OF_PLACE = new Set([
  'in',
  'at',
  'from',
  'near',
  'across',
  'outside',
  'inside',
  'throughout',
  'around',
  'towards',
  'toward',
  'via',
]);
const ORGANISATION_VERBS = new Set([
  'said',
  'says',
  'announced',
  'announces',
  'reported',
  'reports',
  'confirmed',
  'launched',
  'launches',
  'unveiled',
  'unveils',
  'sells',
  'sold',
  'makes',
  'made',
  'plans',
  'planned',
  'acquired',
  'hired',
  'filed',
  'posted',
  'declined',
  'shares',
  'stock',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'inc',
  'corp',
]);

// Someone speaks to, or is quoted by, "the X": an outlet or a body, never a person.
const OUTLET_BEFORE =
  /\b(?:told|tells|tell|telling|according to|reported by|in an interview with|an interview with|a statement to|a spokesperson for|a spokesman for|a spokeswoman for)\s+the\s+$/i;
// A job or role, then "at": "senior vp partnerships and revenue at", "a professor of law at".
const ROLE_AT =
  /\b(?:ceo|cfo|cto|coo|vp|president|director|head|chief|officer|manager|executive|analyst|economist|engineer|researcher|scientist|professor|fellow|editor|reporter|writer|partner|founder|co-founder|spokes\w+|chair\w*|lead|leader|strategist|specialist|consultant|employee|staff|worker|intern|revenue|marketing|sales|partnerships|games|research|policy|communications)\b[^.,;:]{0,40}\bat\s+$/i;
/** AP abbreviations of US states (without dots), read only after "Town, ". */
const US_STATE_ABBREVIATIONS = new Set(
  'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev nh nj nm ny nc nd okla ore pa ri sc sd tenn tex vt va wash wva wis wyo'.split(
    ' ',
  ),
);

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

// "Alex Horton of the Washington Post"
const OF_THE_AFTER = /^\s+of\s+the\s+\p{Lu}/u;
const SPEECH_AFTER =
  /^(?:['’]s?)?,?\s+(?:said|says|told|added|wrote|writes|explained|asked|replied|recalled|insisted|noted|argued|warned|tweeted)\b/i;
// ", 45, " / ", a spokesman for" / ", who ": an apposition that describes a person.
const PERSON_APPOSITION =
  /^,\s+(?:\d{1,3},|(?:Senior\s+|Executive\s+|Deputy\s+|Managing\s+|Vice\s+|Assistant\s+|Associate\s+)?(?:Head|Chief|Director|President|Chair\w*|Founder|Co-founder|Partner|Analyst|Economist|Strategist|Editor|Professor|Manager|Officer|Secretary|CEO|CFO|CTO|COO)\s+(?:[A-Z][\w&-]*\s+)*(?:of|at|for)\s|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:spokes\w+|chief|director|professor|head|founder|leader|president|manager|member|author|researcher|scientist|analyst|economist|lawyer|attorney|officer|minister|senator|mayor|coach|player|actor|actress|singer|writer|editor|reporter|correspondent|executive|chair\w*|secretary|adviser|advisor|expert|doctor|student|resident|owner|partner|teacher|worker|official|co-founder|ceo|cfo)\b|who\s)/i;

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
  // Coreference: the surname is used alone elsewhere ("… Whitfield said").
  return ctx.singles.has(last.lower) && !ctx.g.places.has(last.lower) && !ctx.g.organisations.has(last.lower);
}

/** True for ordinary words: in the lexicon, the shipped common-word list, or written in lower case in this article. */
export function isCommonWord(word: string, ctx: ClassifierContext): boolean {
  return ctx.g.commonWords.has(word) || ctx.localLowerCase.has(word);
}

/** Types a span, splitting it at connectors when the whole is not one organisation or place name. */
export function classifySpan(span: NameSpan, ctx: ClassifierContext): TypedSpan[] {
  const g = ctx.g;
  const tokens = span.tokens;
  if (tokens.some((t) => CONNECTORS.has(t.lower))) {
    // "Chief Executive Officer of Northwind Energy": a job title, then the organisation it belongs to.
    const of = tokens.findIndex((t) => t.lower === 'of');
    if (
      of > 0 &&
      tokens
        .slice(0, of)
        .every((t) => g.personTitles.has(t.lower) || g.roles.has(t.lower) || t.lower === 'executive' || t.lower === 'managing')
    ) {
      const rest = tokens.slice(of + 1).filter((t, i) => !(i === 0 && t.lower === 'the'));
      return rest.length ? classifySpan({ ...span, tokens: rest, titles: [] }, ctx) : [];
    }
    const whole = joined(tokens);
    const first = tokens[0].lower;
    const last = tokens[tokens.length - 1].lower;
    if (g.places.has(whole)) return [typed(span, tokens, 'place', true)];
    // "Alex Horton of the Washington Post": a person, then the organisation they work for.
    if (
      (of === 2 || of === 3) &&
      g.firstNames.has(first) &&
      tokens.slice(0, of).every((t) => t.capitalised && !g.organisationSuffixes.has(t.lower))
    ) {
      const rest = tokens.slice(of + 1).filter((t, i) => !(i === 0 && t.lower === 'the'));
      return [
        typed(span, tokens.slice(0, of), 'person', true),
        ...(rest.length ? classifySpan({ ...span, tokens: rest, titles: [] }, ctx) : []),
      ];
    }
    // "Chinese Center for Disease Control and Prevention (CDC)": a name whose initials the text defines.
    if (definesAcronym(span, tokens)) return [typed(span, tokens, 'organisation', true)];
    // "Bang & Olufsen", "Ernst & Young": an ampersand between capitalised words joins one firm's name.
    const amp = tokens.findIndex((t) => t.lower === '&');
    if (amp > 0 && amp < tokens.length - 1 && tokens.length <= 5 && !g.places.has(joined(tokens.slice(0, amp))))
      return [typed(span, tokens, 'organisation', true)];
    // "the International Tennis Federation and Acme Robotics": two names, when the first is complete on its own.
    const and = tokens.findIndex((t) => t.lower === 'and' || t.lower === '&');
    if (and > 0 && !g.organisations.has(whole)) {
      const left = tokens.slice(0, and);
      const leftLast = left[left.length - 1].lower;
      // "SBI and ICICI Bank": an acronym alone before "and" is a name of its own.
      const acronym = left.length === 1 && /^[\p{Lu}]{2,6}$/u.test(left[0].bare);
      if (g.organisationSuffixes.has(leftLast) || g.organisations.has(joined(left)) || g.places.has(joined(left)) || acronym) {
        return [
          ...classifySpan({ ...span, tokens: left }, ctx),
          ...classifySpan({ ...span, tokens: tokens.slice(and + 1), titles: [] }, ctx),
        ];
      }
    }
    // "University of…", "Centre for Economic Policy Research", "Alliance for American Manufacturing"
    const joiner = tokens.findIndex((t) => t.lower === 'of' || t.lower === 'for');
    const headed =
      joiner > 0 &&
      tokens.slice(0, joiner).some((t) => ORGANISATION_HEADS.has(t.lower) || g.organisationSuffixes.has(t.lower) || FOR_HEADS.has(t.lower));
    if (
      g.organisations.has(whole) ||
      g.organisationSuffixes.has(last) ||
      ORGANISATION_HEADS.has(first) ||
      headed ||
      /hall of fame/.test(whole)
    ) {
      const placeLike =
        g.places.has(whole) ||
        (g.placeSuffixes.has(last) && !g.organisationSuffixes.has(last) && !(headed && tokens[joiner].lower === 'for'));
      return [typed(span, tokens, placeLike ? 'place' : 'organisation', true)];
    }
    const parts: TypedSpan[] = [];
    let part: Token[] = [];
    for (const t of [...tokens, undefined]) {
      if (!t || CONNECTORS.has(t.lower)) {
        if (part.length) parts.push(...classifySimple(span, part, ctx));
        part = [];
      } else part.push(t);
    }
    return parts;
  }
  return classifySimple(span, tokens, ctx);
}

function classifySimple(span: NameSpan, tokens: Token[], ctx: ClassifierContext): TypedSpan[] {
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
  const undotted = whole.replace(/\./g, '');
  const words = tokens.map((t) => t.lower);
  const first = words[0];
  const last = words[words.length - 1];
  const isFirstOfSpan = tokens[0] === span.tokens[0];
  const before = isFirstOfSpan ? span.before : '';
  const titled = isFirstOfSpan && span.titles.length > 0;

  // "the WHO": a known organisation in capitals, though its letters spell a function word.
  if (tokens.length === 1 && tokens[0].bare.length > 1 && /^\p{Lu}+$/u.test(tokens[0].bare) && g.organisations.has(whole))
    return [typed(span, tokens, 'organisation', true)];
  if (g.notNames.has(whole) || (tokens.length === 1 && g.demonyms.has(whole))) return [];
  // Events are not entities, but the place they are named after is ("Los Angeles Auto Show").
  if (
    tokens.length > 1 &&
    (g.eventSuffixes.has(last) || g.eventSuffixes.has(words.slice(-2).join(' '))) &&
    !g.organisations.has(whole) &&
    !g.places.has(whole)
  ) {
    for (let k = tokens.length - 1; k > 0; k--) {
      const prefix = tokens.slice(0, k);
      if (g.places.has(joined(prefix))) return [typed(span, prefix, 'place', true)];
    }
    return [];
  }
  if (g.organisations.has(whole) || g.organisations.has(undotted)) return [typed(span, tokens, 'organisation', true)];
  // "told the Hollywood Reporter", "according to the Sioux Falls Argus Leader": a body spoken to or quoted.
  if (isFirstOfSpan && !titled && OUTLET_BEFORE.test(span.preceding) && tokens[tokens.length - 1] === span.tokens[span.tokens.length - 1])
    return [typed(span, tokens, 'organisation', true)];
  if (g.places.has(whole) || g.places.has(undotted)) return [typed(span, tokens, 'place', true)];
  if (g.people.has(whole)) return [typed(span, tokens, 'person', true)];
  // "Monroe, La.", "Wheeling, W.Va.": a US state's AP abbreviation after a town and a comma.
  if (US_STATE_ABBREVIATIONS.has(undotted) && /\p{Lu}[\p{L}.'’\-]+,\s*$/u.test(span.preceding) && isFirstOfSpan)
    return [typed(span, tokens, 'place', true)];
  const endsSpan = tokens[tokens.length - 1] === span.tokens[span.tokens.length - 1];
  if (endsSpan && !titled && PLACE_WORD_AFTER.test(span.following)) return [typed(span, tokens, 'place', true)];
  if (endsSpan && !titled && ORGANISATION_WORD_AFTER.test(span.following) && !g.places.has(whole))
    return [typed(span, tokens, 'organisation', true)];
  if (tokens.length > 1 && definesAcronym(span, tokens)) return [typed(span, tokens, 'organisation', true)];
  // A GeoNames town: certain for a name of several words ("Sioux Falls"), a guess for one word (also a surname).
  if (
    g.cities.has(whole) &&
    !g.firstNames.has(first) &&
    !(
      tokens.length === 1 &&
      (isCommonWord(first, ctx) || g.lastNames.has(first) || g.people.has(first) || ctx.singlesAfterPerson.has(first))
    )
  )
    return [typed(span, tokens, 'place', tokens.length > 1)];
  // "the writer Anne Castle": a title says person before any suffix says place.
  if (titled && tokens.length <= 4 && tokens.length > 1 && !g.organisationSuffixes.has(last)) return [typed(span, tokens, 'person', true)];
  // "Northern Europe", "East Africa"
  if (tokens.length === 2 && COMPASS.has(first) && g.places.has(last)) return [typed(span, tokens, 'place', true)];
  // Acronyms are as often products and units ("LED", "AWD") as organisations: decided from their contexts later.
  if (tokens.length === 1 && /^(?:[\p{Lu}&]\.?){1,6}$/u.test(tokens[0].bare)) return [typed(span, tokens, 'unknown', false)];
  const lastPart = last.split('-').pop() ?? last;
  if ((g.organisationSuffixes.has(last) || g.organisationSuffixes.has(lastPart)) && tokens.length > 1)
    return [typed(span, tokens, 'organisation', true)];
  // "US EPA", "Kazakhstan Airways": a place in front of a known organisation.
  if (tokens.length === 2 && g.places.has(first) && g.organisations.has(last)) {
    return [typed(span, tokens.slice(0, 1), 'place', true), typed(span, tokens.slice(1), 'organisation', true)];
  }
  // "Wayne Bridge", "Mark Field": a given name before a word that is also a surname.
  if (tokens.length === 2 && g.firstNames.has(first) && g.placeSuffixes.has(last) && !g.strongPlaceSuffixes.has(last))
    return [typed(span, tokens, 'person', true)];
  if (g.placeSuffixes.has(last) && tokens.length > 1) return [typed(span, tokens, 'place', true)];
  if ((first === 'st.' || first === 'st') && tokens.length > 1) return [typed(span, tokens, 'place', true)];
  if (titled && tokens.length <= 4) return [typed(span, tokens, 'person', true)];
  if (tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => /^[\p{L}.'’\-]+$/u.test(t.bare))) {
    if (g.firstNames.has(first) || g.lastNames.has(last) || /^\p{Lu}\.$/u.test(tokens[1]?.text ?? ''))
      return [typed(span, tokens, 'person', true)];
    // "Boeing Dreamliner", "Ford Mustang Mach E": a brand followed by more capitals names a product.
    if (g.organisations.has(first)) {
      for (const t of tokens.slice(1)) ctx.products.add(t.lower);
      return [typed(span, tokens.slice(0, 1), 'organisation', true)];
    }
    // A two- or three-word name with no other clue is most often a person in news copy, unless it is made of
    // ordinary words ("Starry Night", "Fan Vote") or looks like a model name ("Mach E").
    if ((isCommonWord(last, ctx) || isCommonWord(last.replace(/s$/, ''), ctx)) && !g.lastNames.has(last)) return [];
    if (g.places.has(first) && !g.firstNames.has(first)) return [];
    if (tokens.some((t) => t.bare.length < 2 || /^\p{Lu}+$/u.test(t.bare))) return [];
    // "takeover of Allied Domecq", "Pernod Ricard's shares": organisation contexts overrule the default.
    if (span.tokens === tokens || (tokens[0] === span.tokens[0] && tokens[tokens.length - 1] === span.tokens[span.tokens.length - 1])) {
      if (
        ORGANISATION_NOUN_BEFORE.test(span.preceding) ||
        ORGANISATION_APPOSITION.test(span.following) ||
        ORGANISATION_FOLLOWER.test(span.following)
      ) {
        return [typed(span, tokens, 'organisation', false)];
      }
    }
    // Without a known given name, a person needs a sign from the text: products and works are capitalised too.
    return personContext(span, tokens, ctx) ? [typed(span, tokens, 'person', false)] : [];
  }
  if (tokens.length === 1) {
    const alone = tokens[0] === span.tokens[0] && span.tokens.length === 1;
    if (
      alone &&
      (ORGANISATION_NOUN_BEFORE.test(span.preceding) ||
        ORGANISATION_APPOSITION.test(span.following) ||
        ORGANISATION_FOLLOWER.test(span.following))
    ) {
      return [typed(span, tokens, 'unknown', false)];
    }
    // "Christopher Tays, 32, of Franklin": where someone lives.
    if (alone && before === 'of' && /\b\d{1,3},\s+of\s+$/.test(span.preceding)) return [typed(span, tokens, 'place', true)];
    if (g.firstNames.has(first) && !PREPOSITIONS_OF_PLACE.has(before)) return [typed(span, tokens, 'unknown', false)];
    // "senior vp partnerships at Ubisoft", "a researcher at Rakuten": where someone works is an organisation.
    if (alone && before === 'at' && ROLE_AT.test(span.preceding)) return [typed(span, tokens, 'organisation', false)];
    if (PREPOSITIONS_OF_PLACE.has(before) && !isCommonWord(first, ctx) && !/^\p{Lu}+$/u.test(tokens[0].bare))
      return [typed(span, tokens, 'place', false)];
    if (ORGANISATION_VERBS.has(span.after) && isFirstOfSpan && tokens[tokens.length - 1] === span.tokens[span.tokens.length - 1])
      return [typed(span, tokens, 'unknown', false)];
    return [typed(span, tokens, 'unknown', false)];
  }
  return [];
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
  for (let k = 1; k < tokens.length - 1; k++) {
    const word = tokens[k].lower.replace(/\.$/, '');
    if (g.personTitles.has(word) || g.roles.has(word)) {
      const rest = tokens.slice(k + 1);
      const head = tokens.slice(0, k).filter((t) => !/^[\p{Lu}]{1,3}$/u.test(t.bare) || g.organisations.has(t.lower));
      return [...(head.length ? classifySimple(span, head, ctx) : []), typed({ ...span, titles: [word] }, rest, 'person', true)];
    }
    const previous = tokens[k - 1];
    const headEnds =
      g.places.has(joined(tokens.slice(0, k))) ||
      g.organisations.has(joined(tokens.slice(0, k))) ||
      /^[\p{Lu}]{1,4}$/u.test(previous.bare) ||
      isCommonWord(previous.lower, ctx) ||
      g.roles.has(previous.lower);
    if (g.firstNames.has(word) && tokens.length - k <= 3 && headEnds) {
      const head = tokens.slice(0, k).filter((t) => !/^[\p{Lu}]{1,3}$/u.test(t.bare) || g.organisations.has(t.lower));
      // "CBS Sports NFL Insider Jason La Canfora": role words at the end of the head are not part of its name.
      while (head.length > 1 && (isCommonWord(head[head.length - 1].lower, ctx) || g.roles.has(head[head.length - 1].lower))) head.pop();
      return [...(head.length ? classifySimple(span, head, ctx) : []), typed(span, tokens.slice(k), 'person', true)];
    }
  }
  return undefined;
}

function typed(span: NameSpan, tokens: Token[], type: TypedSpan['type'], strong: boolean): TypedSpan {
  const name = displayName(tokens);
  // Datelines write places in capitals ("BOLOGNA, Italy"): the name is reported in normal case.
  const dateline = type === 'place' && tokens.every((t) => (t.bare.length > 3 || span.dateline) && /^[\p{Lu}\-]+$/u.test(t.bare));
  return { tokens, name: dateline ? titleCase(name) : name, type, strong, span };
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** The name as written, without possessive endings. */
export function displayName(tokens: Token[]): string {
  return tokens
    .map((t) => t.bare)
    .join(' ')
    .replace(/\s&\s/g, ' & ');
}
