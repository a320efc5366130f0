import type { Sentence } from '../text/text.tokenizer';
import { classifySpan, isCommonWord, type ClassifierContext, type EntityType, type TypedSpan } from './entity.classifier';
import { gazetteer } from './entity.gazetteer';
import { ORGANISATION_APPOSITION, ORGANISATION_FOLLOWER, ORGANISATION_NOUN_BEFORE } from './organisation-context.patterns';
import { findNameSpans, tokenise, type Token } from './name-span.finder';

/** A named entity of an article: its canonical name, how often it is mentioned and how central it is (0..1). */
export interface ArticleEntity {
  name: string;
  count: number;
  salience: number;
  /** `editor`: named by an editor through the API (absent for what the extractor found). */
  source?: 'editor';
}

/** People, organisations and places of an article, most salient first. */
export interface ArticleEntities {
  people: ArticleEntity[];
  organisations: ArticleEntity[];
  places: ArticleEntity[];
}

/** One mention of an entity in the body, resolved to its canonical name. */
export interface EntityMention {
  canonical: string;
  type: EntityType;
  start: number;
  end: number;
  sentence: number;
}

/** Everything the entity pass found: the entities, their mentions, and the tokens (reused by quote attribution). */
export interface EntityAnalysis {
  entities: ArticleEntities;
  mentions: EntityMention[];
  tokens: Token[];
}

interface Cluster {
  canonical: string;
  type: EntityType;
  words: string[];
  mentions: TypedSpan[];
}

const CORPORATE_TAIL = new Set(['inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'company']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'throughout', 'to', 'into']);
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
const MAX_ENTITIES = 60;
const PLACE_BEFORE_THE = /\b(?:in|at|from|near|to|towards|toward|across|off|along|into|through|over|around|across)\s+the\s+$/i;

/** Finds people, organisations and places in a body and resolves later short mentions ("Esper") to full names. */
export function extractEntities(text: string, sentences: Sentence[], title = ''): EntityAnalysis {
  const g = gazetteer();
  const tokens = tokenise(text, sentences);
  const ctx: ClassifierContext = {
    g,
    localLowerCase: new Set(tokens.filter((t) => !t.capitalised).map((t) => t.lower)),
    products: new Set(),
    singles: new Set(),
    singlesAfterPerson: new Set(),
  };
  const spans = findNameSpans(tokens, text, g);
  for (const span of spans) {
    if (span.tokens.length === 1 && !span.sentenceInitial) ctx.singles.add(span.tokens[0].lower);
    else if (span.tokens.length > 1 && ctx.g.firstNames.has(span.tokens[0].lower))
      ctx.singlesAfterPerson.add(span.tokens[span.tokens.length - 1].lower);
  }
  const typed = spans.flatMap((span) => classifySpan(span, ctx));

  const clusters: Cluster[] = [];
  const assigned = new Map<TypedSpan, Cluster>();
  const byKey = new Map<string, Cluster>();
  const keyOf = (type: EntityType, words: string[]): string => `${type}:${normalise(words).join(' ')}`;
  const open = (t: TypedSpan, type: EntityType): Cluster => {
    const words = t.tokens.map((x) => x.lower);
    const key = keyOf(type, words);
    let cluster = byKey.get(key);
    if (!cluster) {
      cluster = { canonical: t.name, type, words: normalise(words), mentions: [] };
      clusters.push(cluster);
      byKey.set(key, cluster);
    }
    cluster.mentions.push(t);
    assigned.set(t, cluster);
    return cluster;
  };

  // Full names first (those typed with certainty before the guesses), so short mentions can be resolved against
  // them wherever they occur.
  const multiword = typed.filter((t) => t.type !== 'unknown' && t.tokens.length >= 2);
  const rank = (t: TypedSpan): number => (t.strong ? 0 : 2) + (t.type === 'person' ? 1 : 0);
  for (const t of [...multiword].sort((a, b) => rank(a) - rank(b))) {
    const words = normalise(t.tokens.map((x) => x.lower));
    // "the Argus Leader" after "the Sioux Falls Argus Leader": the same newspaper.
    const shortened =
      t.type === 'organisation'
        ? clusters.find(
            (c) =>
              c.type === 'organisation' &&
              c.words.length > words.length &&
              words.every((w, i) => c.words[c.words.length - words.length + i] === w),
          )
        : undefined;
    if (shortened) {
      shortened.mentions.push(t);
      assigned.set(t, shortened);
      continue;
    }
    // A guessed type gives way to a name already typed otherwise ("Allied Domecq" after "takeover of Allied Domecq").
    const sameName = t.strong ? undefined : clusters.find((c) => c.words.join(' ') === words.join(' '));
    if (sameName) {
      sameName.mentions.push(t);
      assigned.set(t, sameName);
      continue;
    }
    if (!t.strong || (t.type === 'person' && t.span.titles.length === 0)) {
      const longer = clusters.find(
        (c) => c.type === 'organisation' && c.words.length > words.length && words.every((w, i) => c.words[i] === w),
      );
      if (longer) {
        longer.mentions.push(t);
        assigned.set(t, longer);
        continue;
      }
    }
    if (t.type === 'person') {
      const same = clusters.find(
        (c) =>
          c.type === 'person' &&
          samePerson(
            c.words,
            t.tokens.map((x) => x.lower),
          ),
      );
      if (same) {
        same.mentions.push(t);
        assigned.set(t, same);
        continue;
      }
    }
    if (t.type !== 'unknown') open(t, t.type);
  }
  // "Chinese Center for Disease Control and Prevention (CDC)": the acronym the text defines is that name, even
  // when a gazetteer knows the letters for another body.
  const defined = new Map<string, Cluster>();
  for (const t of typed) {
    const m = t.type === 'organisation' && t.tokens.length > 2 ? /^\s*\(([\p{Lu}][\p{L}&]{1,7})\)/u.exec(t.span.following) : null;
    const cluster = m ? assigned.get(t) : undefined;
    if (m && cluster && initials(cluster.words).startsWith(m[1].toLowerCase().slice(0, 2))) defined.set(m[1].toLowerCase(), cluster);
  }
  for (const t of typed) {
    const definition = t.tokens.length === 1 ? defined.get(t.tokens[0].lower) : undefined;
    if (definition && !assigned.has(t)) {
      definition.mentions.push(t);
      assigned.set(t, definition);
      continue;
    }
    if (t.type !== 'unknown' && t.tokens.length < 2 && t.type !== 'person') {
      const alias = aliasOf(t, clusters);
      if (alias && (alias.type === t.type || !t.strong)) {
        alias.mentions.push(t);
        assigned.set(t, alias);
      } else open(t, t.type);
    }
  }
  const pending = new Map<string, TypedSpan[]>();
  for (const t of typed) {
    if (assigned.has(t)) continue;
    const alias = aliasOf(t, clusters);
    if (alias) {
      alias.mentions.push(t);
      assigned.set(t, alias);
      continue;
    }
    const key = t.tokens.map((x) => x.lower).join(' ');
    pending.set(key, [...(pending.get(key) ?? []), t]);
  }
  for (const group of pending.values()) {
    const type = decideUnknown(group, ctx);
    if (type) for (const t of group) open(t, type);
  }

  const mentions: EntityMention[] = [];
  for (const [t, c] of assigned) {
    mentions.push({
      canonical: c.canonical,
      type: c.type,
      start: t.tokens[0].start,
      end: t.tokens[t.tokens.length - 1].end,
      sentence: t.span.sentence,
    });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities: summarise(clusters, sentences.length, title), mentions, tokens };
}

function normalise(words: string[]): string[] {
  let w = words.map((x) => x.replace(/\./g, ''));
  if (w[0] === 'the' && w.length > 1) w = w.slice(1);
  while (w.length > 1 && CORPORATE_TAIL.has(w[w.length - 1])) w = w.slice(0, -1);
  return PLACE_ALIASES.get(w.join(' ')) ?? w;
}

// Spellings of one country that articles mix ("U.S.", "US", "United States").
const PLACE_ALIASES = new Map<string, string[]>([
  ...['us', 'usa', 'united states', 'united states of america'].map((k) => [k, ['united', 'states']] as [string, string[]]),
  ...['uk', 'united kingdom', 'britain', 'great britain'].map((k) => [k, ['united', 'kingdom']] as [string, string[]]),
  ...['uae', 'united arab emirates'].map((k) => [k, ['united', 'arab', 'emirates']] as [string, string[]]),
  ['la', ['los', 'angeles']],
  ['nyc', ['new', 'york', 'city']],
  // Organisations best known by a short form.
  ['vw', ['volkswagen']],
  ['gm', ['general', 'motors']],
  ['ap', ['associated', 'press']],
]);

function samePerson(a: string[], b: string[]): boolean {
  // Same surname and a compatible first name: "Mark T. Esper" and "Mark Esper" are one person.
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  // "Armand Marie Leroi", later "Marie Leroi"
  const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
  if (shorter.length >= 2 && shorter.every((w, i) => longer[longer.length - shorter.length + i] === w)) return true;
  const fa = a[0].replace(/\.$/, '');
  const fb = b[0].replace(/\.$/, '');
  return fa === fb || fa.startsWith(fb) || fb.startsWith(fa);
}

function aliasOf(t: TypedSpan, clusters: Cluster[]): Cluster | undefined {
  const words = normalise(t.tokens.map((x) => x.lower));
  if (words.length !== 1) return undefined;
  const w = words[0];
  // A surname alone refers to the person already named in full; prefer the most recently opened.
  const people = clusters.filter((c) => c.type === 'person' && c.words.length > 1 && c.words[c.words.length - 1] === w);
  if (people.length) return people[people.length - 1];
  const exact = clusters.find((c) => c.words.length === 1 && c.words[0] === w);
  if (exact) return exact;
  const acronym = clusters.find((c) => c.type === 'organisation' && c.words.length > 2 && initials(c.words) === w);
  if (acronym) return acronym;
  const firstWord = clusters.filter((c) => c.type === 'organisation' && c.words.length > 1 && c.words[0] === w);
  if (firstWord.length === 1 && t.type !== 'place') return firstWord[0];
  const given = clusters.filter((c) => c.type === 'person' && c.words.length > 1 && c.words[0] === w);
  if (given.length === 1 && t.type === 'unknown') return given[0];
  return undefined;
}

function initials(words: string[]): string {
  return words
    .filter((w) => !['of', 'for', 'and', 'the', '&', 'on'].includes(w))
    .map((w) => w[0])
    .join('');
}

// A capitalised word the rules could not type is kept only with evidence from its contexts.
function decideUnknown(group: TypedSpan[], ctx: ClassifierContext): EntityType | undefined {
  const g = ctx.g;
  const word = group[0].tokens[0].lower;
  if (word.length < 2 || ctx.products.has(word)) return undefined;
  const acronym = /^[\p{Lu}\p{N}&.]+$/u.test(group[0].tokens[0].bare);
  let place = 0;
  let organisation = 0;
  let person = 0;
  let inside = 0;
  let described = false;
  for (const t of group) {
    const span = t.span;
    const first = t.tokens[0] === span.tokens[0];
    const last = t.tokens[t.tokens.length - 1] === span.tokens[span.tokens.length - 1];
    if (!span.sentenceInitial || !first) inside++;
    if (first && PLACE_PREPOSITIONS.has(span.before)) place++;
    // "towards the Adriatic", "off the Algarve": a place; "the Steelers", "the Independent": an organisation.
    if (first && span.before === 'the' && PLACE_BEFORE_THE.test(span.preceding)) place++;
    else if (first && span.before === 'the') organisation += group.length > 1 ? 1 : 0.5;
    if (last && ORGANISATION_CONTEXT.has(span.after)) organisation++;
    if (first && span.titles.length) person++;
  }
  if (/\d/.test(word) || isCommonWord(word, ctx)) return undefined;
  for (const t of group) {
    // "2020 Sentra", "Boeing's Dreamliner", "Ford’s Mustang": a model name after a year, a number or a brand.
    if (/\d/.test(t.span.before) || g.organisations.has(t.span.before)) return undefined;
    // "carrier SunExpress", "Kosmos, a group co-founded by...": a word for a kind of organisation beside the name.
    if (
      ORGANISATION_NOUN_BEFORE.test(t.span.preceding) ||
      ORGANISATION_APPOSITION.test(t.span.following) ||
      ORGANISATION_FOLLOWER.test(t.span.following)
    )
      described = true;
  }
  if (described) return 'organisation';
  // Acronyms name products and units as often as bodies ("LED", "AWD"): they need more than one sign.
  if (acronym) return organisation >= 2 ? 'organisation' : undefined;
  if (person > 0) return 'person';
  if (g.firstNames.has(word)) return group.length >= 2 && inside > 0 ? 'person' : undefined;
  if (place > organisation && place > 0) return 'place';
  if (organisation > 0 && inside > 0) return 'organisation';
  if (group.length >= 3 && inside >= 2) return 'organisation';
  return undefined;
}

function summarise(clusters: Cluster[], sentenceCount: number, title: string): ArticleEntities {
  const maxCount = Math.max(1, ...clusters.map((c) => c.mentions.length));
  const titleLower = title.toLowerCase();
  const scored = clusters.map((c) => {
    const firstSentence = Math.min(...c.mentions.map((m) => m.span.sentence));
    const inTitle = titleLower && c.words.some((w) => w.length > 2 && titleLower.includes(w)) ? 1 : 0;
    // Frequency, how early the first mention comes, and a headline mention: the usual salience cues for news.
    const salience = 0.5 * (c.mentions.length / maxCount) + 0.3 * (1 - firstSentence / Math.max(1, sentenceCount)) + 0.2 * inTitle;
    return { type: c.type, entity: { name: c.canonical, count: c.mentions.length, salience: Math.round(salience * 1000) / 1000 } };
  });
  const pick = (type: EntityType): ArticleEntity[] =>
    scored
      .filter((s) => s.type === type)
      .map((s) => s.entity)
      .sort((a, b) => b.salience - a.salience || b.count - a.count || (a.name < b.name ? -1 : 1))
      .slice(0, MAX_ENTITIES);
  return { people: pick('person'), organisations: pick('organisation'), places: pick('place') };
}
