import {
  MEMBER_AFTER,
  ORGANISATION_APPOSITION,
  ORGANISATION_KIND_BEFORE,
  ORGANISATION_FOLLOWER,
  ORGANISATION_NOUN_BEFORE,
} from './organisation-context.patterns';
import { PREPOSITIONS_OF_PLACE } from './entity-context.words';
import { isCommonWord, isLocalTown, type ClassifierContext, type EntityType, type TypedSpan } from './typed-span';

// The prepositions before a place, and those that also lead to one when a word is unknown ("through X", "off X").
const PLACE_PREPOSITIONS = new Set([...PREPOSITIONS_OF_PLACE, 'to', 'into', 'through', 'off', 'along']);
const ORGANISATION_CONTEXT = new Set([
  'said',
  'says',
  'announced',
  'reported',
  'confirmed',
  'launched',
  'unveiled',
  'plans',
  'sells',
  'makes',
  'acquired',
  'hired',
  'filed',
  'posted',
  'declined',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'shares',
  'will',
  'has',
  'is',
]);
// What a body does in news copy, beside the auxiliaries of ORGANISATION_CONTEXT.
const BODY_VERBS = new Set([...ORGANISATION_CONTEXT].filter((w) => w !== 'will' && w !== 'has' && w !== 'is'));
const PLACE_BEFORE_THE = /\b(?:in|at|from|near|to|towards|toward|across|off|along|into|through|over|around|across)\s+the\s+$/i;

interface Votes {
  place: number;
  organisation: number;
  person: number;
  /** Mentions not at the start of a sentence (where any word is capitalised). */
  inside: number;
}

function countVotes(group: TypedSpan[]): Votes {
  const v: Votes = { place: 0, organisation: 0, person: 0, inside: 0 };
  for (const t of group) {
    const span = t.span;
    const first = t.tokens[0] === span.tokens[0];
    const last = t.tokens[t.tokens.length - 1] === span.tokens[span.tokens.length - 1];
    if (!span.sentenceInitial || !first) v.inside++;
    if (first && PLACE_PREPOSITIONS.has(span.before)) v.place++;
    // "towards the Adriatic", "off the Algarve": a place; "the Steelers", "the Independent": an organisation.
    if (first && span.before === 'the' && PLACE_BEFORE_THE.test(span.preceding)) v.place++;
    else if (first && span.before === 'the') v.organisation += group.length > 1 ? 1 : 0.5;
    if (last && ORGANISATION_CONTEXT.has(span.after)) v.organisation++;
    if ((first && span.titles.length) || t.type === 'person') v.person++;
  }
  return v;
}

// Titles that stand only before a person's name; job words ("star", "guard", "chief") also open other names.
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'dame',
  'president',
  'senator',
  'sen',
  'rep',
  'congressman',
  'congresswoman',
  'gov',
  'governor',
  'mayor',
  'judge',
  'prof',
  'professor',
  'ambassador',
  'pope',
]);

const afterHonorific = (t: TypedSpan): boolean =>
  t.tokens.length === 1 &&
  (t.type === 'person' || t.tokens[0] === t.span.tokens[0]) &&
  t.span.titles.some((title) => HONORIFICS.has(title.replace(/\.$/, '')));

/**
 * A capitalised word the rules could not type (all its mentions in `group`) is kept only with evidence from its
 * contexts; `listedWith` holds the types of the names it is listed with ("Disney, Pixar and Marvel").
 */
export function decideUnknown(group: TypedSpan[], ctx: ClassifierContext, listedWith: EntityType[] = []): EntityType | undefined {
  const g = ctx.g;
  const word = group[0].tokens[0].lower;
  if (word.length < 2 || ctx.products.has(word)) return undefined;
  const acronym = /^[\p{Lu}\p{N}&.]+$/u.test(group[0].tokens[0].bare);
  const { place, organisation, person, inside } = countVotes(group);
  // "President Trump", "Vice President Pence": an office or honorific right before it makes a surname of a word
  // that is also an ordinary one.
  if (group.some(afterHonorific)) return 'person';
  if (/\d/.test(word)) return undefined;
  // "the union Prospect", "broadcaster Sky": an ordinary word named as a kind of body is that body's name.
  if (isCommonWord(word, ctx))
    return !acronym && group.some((t) => ORGANISATION_KIND_BEFORE.test(t.span.preceding)) ? 'organisation' : undefined;
  let described = false;
  for (const t of group) {
    // "2020 Sentra", "Boeing's Dreamliner", "Ford’s Mustang": a model name after a year, a number or a brand.
    // Only right before it: in a list ("Disney, Pixar, Hulu") the brand is a name of its own.
    const adjoining = /[\p{L}\p{N}'’]\s+$/u.test(t.span.preceding);
    if (adjoining && (/\d/.test(t.span.before) || g.organisations.has(t.span.before))) return undefined;
    // "carrier SunExpress", "Kosmos, a group co-founded by...": a word for a kind of organisation beside the name.
    if (
      ORGANISATION_NOUN_BEFORE.test(t.span.preceding) ||
      ORGANISATION_APPOSITION.test(t.span.following) ||
      ORGANISATION_FOLLOWER.test(t.span.following) ||
      (!t.span.tokens[t.span.tokens.length - 1].possessive && MEMBER_AFTER.test(t.span.following))
    )
      described = true;
  }
  if (described) return 'organisation';
  // A list names things of one kind: a word listed only with organisations (or only with places) is one too.
  const listed = new Set(listedWith);
  if (listed.size === 1 && !acronym && person === 0) {
    const [kind] = listed;
    if (kind !== 'person') return kind;
  }
  // Acronyms name products and units as often as bodies ("LED", "AWD"): they need more than one sign.
  if (acronym) return organisation >= 2 ? 'organisation' : undefined;
  if (person > 0) return 'person';
  if (g.firstNames.has(word)) return group.length >= 2 && inside > 0 ? 'person' : undefined;
  if (place > organisation && place > 0) return 'place';
  // One "the X" alone is half a sign: "the Kurds", "the Mandalorian", "the Nighthawks" name peoples, works and products.
  if (organisation >= 1 && inside > 0) return 'organisation';
  // "Nomura said the order favoured banks": a word no list knows, opening a sentence before a verb a body uses, and
  // no known surname (a person is named in full before a lone surname).
  // "Clipper will", "Clipper could": auxiliaries say nothing of the subject.
  if (organisation >= 1 && !g.lastNames.has(word) && !g.people.has(word) && group.some((t) => BODY_VERBS.has(t.span.after)))
    return 'organisation';
  if (group.length >= 3 && inside >= 2) return 'organisation';
  // "on Santorini and Mykonos" in copy that names Greece: a small town of a country the article names.
  if (organisation === 0 && isLocalTown(word, ctx)) return 'place';
  return undefined;
}
