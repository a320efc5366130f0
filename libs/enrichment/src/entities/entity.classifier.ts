import { CONNECTORS, CORPORATE_ROLES, FOR_HEADS, ORGANISATION_HEADS } from './entity-context.words';
import { joined, type NameSpan, type Token } from './name-span.finder';
import { ORGANISATION_APPOSITION, ORGANISATION_FOLLOWER, ORGANISATION_NOUN_BEFORE } from './organisation-context.patterns';
import { classifySimple } from './simple-span.classifier';
import { definesAcronym, isCommonWord, typed, type ClassifierContext, type TypedSpan } from './typed-span';

export { displayName, isCommonWord, type ClassifierContext, type EntityType, type TypedSpan } from './typed-span';

/** Types a span, splitting it at connectors when the whole is not one organisation or place name. */
export function classifySpan(span: NameSpan, ctx: ClassifierContext): TypedSpan[] {
  const tokens = span.tokens;
  if (!tokens.some((t) => CONNECTORS.has(t.lower))) return classifySimple(span, tokens, ctx);
  return splitAtRoleOf(span, ctx) ?? splitPersonOf(span, ctx) ?? joinedName(span, ctx) ?? classifyParts(span, ctx);
}

const theLess = (tokens: Token[]): Token[] => tokens.filter((t, i) => !(i === 0 && t.lower === 'the'));

// "Chief Executive Officer of Northwind Energy": a job title, then the organisation it belongs to.
function splitAtRoleOf(span: NameSpan, ctx: ClassifierContext): TypedSpan[] | undefined {
  const { g } = ctx;
  const tokens = span.tokens;
  const of = tokens.findIndex((t) => t.lower === 'of');
  const role = (t: Token): boolean =>
    g.personTitles.has(t.lower) || g.roles.has(t.lower) || t.lower === 'executive' || t.lower === 'managing';
  if (of <= 0 || !tokens.slice(0, of).every(role)) return undefined;
  const rest = theLess(tokens.slice(of + 1));
  if (!rest.length) return [];
  const parts = classifySpan({ ...span, tokens: rest, titles: [] }, ctx);
  // "Founder of Hipcricket", "CEO of DH": a company's office makes a name no rule could type its organisation (a
  // known place stays one: "President of France").
  const corporate = tokens.slice(0, of).some((t) => CORPORATE_ROLES.has(t.lower));
  return corporate && parts.length === 1 && parts[0].type === 'unknown' ? [{ ...parts[0], type: 'organisation' }] : parts;
}

// "Alex Horton of the Washington Post": a person, then the organisation they work for.
function splitPersonOf(span: NameSpan, ctx: ClassifierContext): TypedSpan[] | undefined {
  const { g } = ctx;
  const tokens = span.tokens;
  if (g.places.has(joined(tokens))) return [typed(span, tokens, 'place', true)];
  const of = tokens.findIndex((t) => t.lower === 'of');
  if (
    !(of === 2 || of === 3) ||
    !g.firstNames.has(tokens[0].lower) ||
    !tokens.slice(0, of).every((t) => t.capitalised && !g.organisationSuffixes.has(t.lower))
  )
    return undefined;
  const rest = theLess(tokens.slice(of + 1));
  return [
    typed(span, tokens.slice(0, of), 'person', true),
    ...(rest.length ? classifySpan({ ...span, tokens: rest, titles: [] }, ctx) : []),
  ];
}

// A run with connectors that is one name: defined initials, "Bang & Olufsen", "University of…", "Centre for…";
// or two names joined by "and" when the first is complete on its own.
function joinedName(span: NameSpan, ctx: ClassifierContext): TypedSpan[] | undefined {
  const { g } = ctx;
  const tokens = span.tokens;
  const whole = joined(tokens);
  // "Chinese Center for Disease Control and Prevention (CDC)": a name whose initials the text defines.
  if (definesAcronym(span, tokens, ctx.g)) return [typed(span, tokens, 'organisation', true)];
  // "Bang & Olufsen", "Ernst & Young": an ampersand between capitalised words joins one firm's name.
  const amp = tokens.findIndex((t) => t.lower === '&');
  if (amp > 0 && amp < tokens.length - 1 && tokens.length <= 5 && !g.places.has(joined(tokens.slice(0, amp)))) {
    // "Door & Window", "Bike & Style": ordinary words on both sides name a product or a title, unless the text
    // says what kind of body it is.
    const ordinary = tokens.every((t) => t.lower === '&' || isCommonWord(t.lower, ctx));
    const described =
      ORGANISATION_NOUN_BEFORE.test(span.preceding) ||
      ORGANISATION_APPOSITION.test(span.following) ||
      ORGANISATION_FOLLOWER.test(span.following);
    if (ordinary && !described && !g.organisations.has(whole)) return [];
    return [typed(span, tokens, 'organisation', true)];
  }
  // "the International Tennis Federation and Acme Robotics": two names, when the first is complete on its own.
  const and = tokens.findIndex((t) => t.lower === 'and' || t.lower === '&');
  if (and > 0 && !g.organisations.has(whole)) {
    const left = tokens.slice(0, and);
    // "SBI and ICICI Bank": an acronym alone before "and" is a name of its own.
    const acronym = left.length === 1 && /^[\p{Lu}]{2,6}$/u.test(left[0].bare);
    if (
      g.organisationSuffixes.has(left[left.length - 1].lower) ||
      g.organisations.has(joined(left)) ||
      g.places.has(joined(left)) ||
      acronym
    ) {
      return [
        ...classifySpan({ ...span, tokens: left }, ctx),
        ...classifySpan({ ...span, tokens: tokens.slice(and + 1), titles: [] }, ctx),
      ];
    }
  }
  return headedName(span, ctx) ?? repeatedAndName(span, ctx);
}

// "Customs and Border Protection", "Health and Human Services": a list of two names is seldom written twice in one
// order, a body's name is; words no rule knows as a name on either side, written so twice or more, are one body.
function repeatedAndName(span: NameSpan, ctx: ClassifierContext): TypedSpan[] | undefined {
  const { g } = ctx;
  // "U.S. Customs and Border Protection" repeats "Customs and Border Protection".
  const tokens = g.places.has(span.tokens[0].lower) ? span.tokens.slice(1) : span.tokens;
  const and = tokens.findIndex((t) => t.lower === 'and');
  if (and !== 1 || tokens.length < 3 || tokens.length > 5 || tokens.some((t, k) => k !== and && !t.capitalised)) return undefined;
  const forms = tokens === span.tokens ? [joined(tokens)] : [joined(tokens), joined(span.tokens)];
  const count = forms.reduce((n, form) => n + (ctx.spanCounts.get(form) ?? 0), 0);
  // Headings and list items open their lines ("Asparagus and Eggs" above each menu): a name is also written inside
  // a sentence.
  if (count < 2 || !forms.some((form) => ctx.spansInside.has(form))) return undefined;
  const known = (t: Token): boolean =>
    g.places.has(t.lower) || g.organisations.has(t.lower) || g.people.has(t.lower) || g.firstNames.has(t.lower) || g.lastNames.has(t.lower);
  // A body's name ends in a common noun ("Protection", "Services"); two brands ("Hulu and Pixar") do not.
  if (tokens.some(known) || !isCommonWord(tokens[tokens.length - 1].lower, ctx)) return undefined;
  return [typed(span, span.tokens, 'organisation', true)];
}

// "University of…", "Centre for Economic Policy Research", "Alliance for American Manufacturing"
function headedName(span: NameSpan, ctx: ClassifierContext): TypedSpan[] | undefined {
  const { g } = ctx;
  const tokens = span.tokens;
  const whole = joined(tokens);
  const last = tokens[tokens.length - 1].lower;
  const joiner = tokens.findIndex((t) => t.lower === 'of' || t.lower === 'for');
  const headed =
    joiner > 0 &&
    tokens.slice(0, joiner).some((t) => ORGANISATION_HEADS.has(t.lower) || g.organisationSuffixes.has(t.lower) || FOR_HEADS.has(t.lower));
  if (!(
    g.organisations.has(whole) ||
    g.organisationSuffixes.has(last) ||
    ORGANISATION_HEADS.has(tokens[0].lower) ||
    headed ||
    /hall of fame/.test(whole)
  ))
    return undefined;
  const placeLike =
    g.places.has(whole) || (g.placeSuffixes.has(last) && !g.organisationSuffixes.has(last) && !(headed && tokens[joiner].lower === 'for'));
  return [typed(span, tokens, placeLike ? 'place' : 'organisation', true)];
}

// Not one name: each run between connectors is typed on its own.
function classifyParts(span: NameSpan, ctx: ClassifierContext): TypedSpan[] {
  const runs: { tokens: Token[]; typed: TypedSpan[]; joiner?: string }[] = [];
  let part: Token[] = [];
  let joiner: string | undefined;
  for (const t of [...span.tokens, undefined]) {
    if (!t || CONNECTORS.has(t.lower)) {
      if (part.length) runs.push({ tokens: part, typed: classifyPart(span, part, ctx), joiner });
      part = [];
      joiner = t?.lower;
    } else part.push(t);
  }
  // "Ivana Jelić and Pavle Petrović": a full name no rule could type, joined by "and" to a person's, is one too.
  for (const [i, run] of runs.entries()) {
    const other = [runs[i - 1], runs[i + 1]].find(
      (o) => o && (o === runs[i - 1] ? run.joiner : o.joiner) === 'and' && o.typed.length === 1 && o.typed[0].type === 'person',
    );
    if (other && !run.typed.length && plainFullName(run.tokens, ctx)) run.typed = [typed(span, run.tokens, 'person', false)];
    // "hit Beryslav and Nova Kakhovka", "flights to Bastia and Calvi": one word no rule typed, joined by "and" or
    // "or" to a place, is a place too.
    const place = [runs[i - 1], runs[i + 1]].find(
      (o) =>
        o && /^(?:and|or)$/.test((o === runs[i - 1] ? run.joiner : o.joiner) ?? '') && o.typed.length === 1 && o.typed[0].type === 'place',
    );
    // "the Kurds and Ukraine": a people, not a place, after "the".
    const afterThe = i === 0 && span.before === 'the';
    if (place && !afterThe && unknownWord(run, ctx)) run.typed = [typed(span, run.tokens, 'place', false)];
  }
  return runs.flatMap((r) => r.typed);
}

function unknownWord(run: { tokens: Token[]; typed: TypedSpan[] }, ctx: ClassifierContext): boolean {
  const t = run.tokens[0];
  return (
    run.tokens.length === 1 &&
    run.typed.length === 1 &&
    run.typed[0].type === 'unknown' &&
    /^\p{Lu}\p{Ll}+$/u.test(t.bare) &&
    !isCommonWord(t.lower, ctx) &&
    !ctx.g.firstNames.has(t.lower)
  );
}

// Two or three capitalised words of letters, none an ordinary word: the shape of a full name.
function plainFullName(tokens: Token[], ctx: ClassifierContext): boolean {
  return (
    tokens.length >= 2 &&
    tokens.length <= 3 &&
    tokens.every((t) => /^\p{Lu}\p{Ll}[\p{L}'’\-]*$/u.test(t.bare) && !isCommonWord(t.lower, ctx) && !ctx.g.places.has(t.lower))
  );
}

// "Bill Clinton and President Trump": a title opening a later part is stripped as at the start of a span.
function classifyPart(span: NameSpan, part: Token[], ctx: ClassifierContext): TypedSpan[] {
  const title = part[0].lower.replace(/\.$/, '');
  if (part[0] === span.tokens[0] || part.length < 2 || !ctx.g.personTitles.has(title)) return classifySimple(span, part, ctx);
  const rest = part.slice(1);
  return classifySimple({ ...span, tokens: rest, titles: [title] }, rest, ctx);
}
