import type { Gazetteer } from './entity.gazetteer';
import { nameInitials, type ClassifierContext, type EntityType, type TypedSpan } from './typed-span';
import { decideUnknown } from './unknown-span.resolver';

/** One mention of an entity in the body, resolved to its canonical name. */
export interface EntityMention {
  canonical: string;
  type: EntityType;
  start: number;
  end: number;
  sentence: number;
}

/** One entity of the article: its canonical (first full) name, normalised words and every mention. */
export interface Cluster {
  canonical: string;
  type: EntityType;
  words: string[];
  mentions: TypedSpan[];
}

const CORPORATE_TAIL = new Set(['inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'company']);

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

const lowerWords = (t: TypedSpan): string[] => t.tokens.map((x) => x.lower);

// "Ford, Macy’s, Kellogg’s and NBC": a name the text only ever writes with "’s", once with no noun after it, is a
// brand whose name ends so, not a possessive ("Apple’s, Google’s and Amazon’s apps" name Apple bare elsewhere).
function brandName(c: Cluster): string {
  const lasts = c.mentions.map((t) => t.tokens[t.tokens.length - 1]);
  if (c.words.length !== 1 || !lasts.every((t) => t.possessive)) return c.canonical;
  const standsAlone = c.mentions.some((t) => /^(?:[,;:!?)]|\.(?:\s|$))/.test(t.span.following));
  return standsAlone ? lasts[0].text : c.canonical;
}

/**
 * Groups typed spans into entities: full names first (certain types before guesses), then acronyms the text
 * defines, then short mentions ("Esper" after "Mark T. Esper"), then the words no rule typed, by their contexts.
 */
export class EntityClusters {
  readonly clusters: Cluster[] = [];
  readonly assigned = new Map<TypedSpan, Cluster>();
  private readonly byKey = new Map<string, Cluster>();
  private edges?: ReturnType<typeof spanEdges>;

  constructor(private readonly typed: TypedSpan[]) {}

  resolve(ctx: ClassifierContext): this {
    this.fullNames();
    this.definedAcronymsAndSingles(ctx.g);
    this.leftovers(ctx);
    for (const c of this.clusters) if (c.type !== 'person') c.canonical = brandName(c);
    return this;
  }

  private attach(t: TypedSpan, cluster: Cluster): void {
    cluster.mentions.push(t);
    this.assigned.set(t, cluster);
  }

  private open(t: TypedSpan, type: EntityType): void {
    const words = normaliseWords(lowerWords(t));
    const key = `${type}:${words.join(' ')}`;
    let cluster = this.byKey.get(key);
    if (!cluster) {
      cluster = { canonical: t.name, type, words, mentions: [] };
      this.clusters.push(cluster);
      this.byKey.set(key, cluster);
    }
    this.attach(t, cluster);
  }

  // Full names first (those typed with certainty before the guesses), so short mentions can be resolved against
  // them wherever they occur.
  private fullNames(): void {
    const multiword = this.typed.filter((t) => t.type !== 'unknown' && t.tokens.length >= 2);
    const rank = (t: TypedSpan): number => (t.strong ? 0 : 2) + (t.type === 'person' ? 1 : 0);
    for (const t of [...multiword].sort((a, b) => rank(a) - rank(b))) {
      const existing = this.existingFor(t);
      if (existing) this.attach(t, existing);
      else if (t.type !== 'unknown') this.open(t, t.type);
    }
  }

  private existingFor(t: TypedSpan): Cluster | undefined {
    const words = normaliseWords(lowerWords(t));
    const joinedWords = words.join(' ');
    // "the Argus Leader" after "the Sioux Falls Argus Leader": the same newspaper.
    if (t.type === 'organisation') {
      const shortened = this.clusters.find(
        (c) =>
          c.type === 'organisation' &&
          c.words.length > words.length &&
          words.every((w, i) => c.words[c.words.length - words.length + i] === w),
      );
      if (shortened) return shortened;
    }
    // A guessed type gives way to a name already typed otherwise ("Allied Domecq" after "takeover of Allied Domecq").
    const sameName = t.strong ? undefined : this.clusters.find((c) => c.words.join(' ') === joinedWords);
    if (sameName) return sameName;
    if (!t.strong || (t.type === 'person' && t.span.titles.length === 0)) {
      const longer = this.clusters.find(
        (c) => c.type === 'organisation' && c.words.length > words.length && words.every((w, i) => c.words[i] === w),
      );
      if (longer) return longer;
    }
    if (t.type === 'person') return this.clusters.find((c) => c.type === 'person' && samePerson(c.words, lowerWords(t)));
    return undefined;
  }

  // "Chinese Center for Disease Control and Prevention (CDC)": the acronym the text defines is that name, even
  // when a gazetteer knows the letters for another body. Then single words typed by the rules.
  private definedAcronymsAndSingles(g: Gazetteer): void {
    const defined = new Map<string, Cluster>();
    for (const t of this.typed) {
      const m = t.type === 'organisation' && t.tokens.length > 2 ? /^\s*\(([\p{Lu}][\p{L}&]{1,7})\)/u.exec(t.span.following) : null;
      const acronym = m?.[1].toLowerCase();
      const cluster = acronym ? this.assigned.get(t) : undefined;
      // Two letters suffice here: the name was typed an organisation already ("Center for Disease Control (CDC)").
      if (acronym && cluster && nameInitials(cluster.words, g).some((x) => x.startsWith(acronym.slice(0, 2))))
        defined.set(acronym, cluster);
    }
    for (const t of this.typed) {
      const definition = t.tokens.length === 1 ? defined.get(t.tokens[0].lower) : undefined;
      if (definition && !this.assigned.has(t)) {
        this.attach(t, definition);
        continue;
      }
      if (t.type !== 'unknown' && t.tokens.length < 2 && t.type !== 'person') {
        const alias = aliasOf(t, this.clusters, g);
        if (alias && (alias.type === t.type || !t.strong)) this.attach(t, alias);
        else this.open(t, t.type);
      }
    }
  }

  // Whatever is left: a short form of a known entity, or a word typed by the evidence of all its mentions.
  private leftovers(ctx: ClassifierContext): void {
    const pending = new Map<string, TypedSpan[]>();
    for (const t of this.typed) {
      if (this.assigned.has(t)) continue;
      const alias = aliasOf(t, this.clusters, ctx.g);
      if (alias) {
        this.attach(t, alias);
        continue;
      }
      const key = lowerWords(t).join(' ');
      pending.set(key, [...(pending.get(key) ?? []), t]);
    }
    for (const group of pending.values()) {
      if (this.familyName(group)) continue;
      const type = decideUnknown(group, ctx, this.listedWith(group));
      if (type) for (const t of group) this.open(t, type);
    }
  }

  // "Disney, Pixar, Marvel and Hulu", "Spotify or Pandora": the types of the names a word is listed with, across
  // other words no rule typed. A list names things of one kind; without "and" or "or" a comma is no list ("With
  // Optilli, Balmond Studio creates…").
  private listedWith(group: TypedSpan[]): EntityType[] {
    const { byStart, byEnd } = (this.edges ??= spanEdges(this.typed));
    const types: EntityType[] = [];
    for (const first of group) {
      const members: TypedSpan[] = [];
      let conjunction = false;
      for (const step of [-1, 1] as const) {
        for (let t: TypedSpan | undefined = first; t && members.length < 20;) {
          const link = listNeighbour(t, step, byStart, byEnd);
          if (!link) break;
          conjunction ||= link.conjunction;
          t = link.other;
          if (t) members.push(t);
        }
      }
      if (!conjunction) {
        // "Monroe, Louisiana", "Tromsø, Norway": a name before a comma and a place is a place in it.
        const next = listNeighbour(first, 1, byStart, byEnd)?.other;
        if (next && this.typeOf(next) === 'place') types.push('place');
        continue;
      }
      for (const t of members) {
        const type = this.typeOf(t);
        if (type) types.push(type);
      }
    }
    return types;
  }

  private typeOf(t: TypedSpan): EntityType | undefined {
    return this.assigned.get(t)?.type ?? (t.type === 'unknown' ? undefined : t.type);
  }

  // "the Bidens", "the Obamas": a family named by the plural of a person's surname is not an organisation.
  private familyName(group: TypedSpan[]): boolean {
    const word = group[0].tokens.length === 1 ? group[0].tokens[0].lower : '';
    if (!/^\p{L}{3,}s$/u.test(word)) return false;
    const stem = word.slice(0, -1);
    return this.typed.some((t) => t.type === 'person' && t.tokens[t.tokens.length - 1].lower === stem);
  }

  /** Every mention resolved to its entity's canonical name, in text order. */
  mentions(): EntityMention[] {
    const mentions = [...this.assigned].map(([t, c]) => ({
      canonical: c.canonical,
      type: c.type,
      start: t.tokens[0].start,
      end: t.tokens[t.tokens.length - 1].end,
      sentence: t.span.sentence,
    }));
    return mentions.sort((a, b) => a.start - b.start);
  }
}

/** Words of a name as compared: no dots, no leading "the", no corporate tail, one spelling per country. */
export function normaliseWords(words: string[]): string[] {
  let w = words.map((x) => x.replace(/\./g, ''));
  if (w[0] === 'the' && w.length > 1) w = w.slice(1);
  while (w.length > 1 && CORPORATE_TAIL.has(w[w.length - 1])) w = w.slice(0, -1);
  return PLACE_ALIASES.get(w.join(' ')) ?? w;
}

// Typed spans by the index of their first and of their last token.
function spanEdges(typed: TypedSpan[]): { byStart: Map<number, TypedSpan>; byEnd: Map<number, TypedSpan> } {
  const byStart = new Map<number, TypedSpan>();
  const byEnd = new Map<number, TypedSpan>();
  for (const t of typed) {
    byStart.set(t.tokens[0].index, t);
    byEnd.set(t.tokens[t.tokens.length - 1].index, t);
  }
  return { byStart, byEnd };
}

// The text between two names of one list: ", ", " and ", " or ", ", and ".
const LIST_GAP_BEFORE = /(?:,\s*(?:(?:and|or)\s+)?|[^,\s]\s+(?:and|or)\s+)$/;
const LIST_GAP_AFTER = /^(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)/;

// The list link from a name that ends its run (step 1) or opens it (step -1): whether it is "and" or "or", and the
// name it links to, if one was typed.
function listNeighbour(
  t: TypedSpan,
  step: -1 | 1,
  byStart: Map<number, TypedSpan>,
  byEnd: Map<number, TypedSpan>,
): { conjunction: boolean; other?: TypedSpan } | undefined {
  const edge = step < 0 ? t.tokens[0] : t.tokens[t.tokens.length - 1];
  const spanEdge = step < 0 ? t.span.tokens[0] : t.span.tokens[t.span.tokens.length - 1];
  const at = (index: number): TypedSpan | undefined => (step < 0 ? byEnd : byStart).get(index);
  // Names joined by "and" inside one run are left out: the classifier split them for lack of a shared type.
  if (edge !== spanEdge) return undefined;
  const gap = step < 0 ? LIST_GAP_BEFORE.exec(t.span.preceding)?.[0] : LIST_GAP_AFTER.exec(t.span.following)?.[0];
  if (!gap) return undefined;
  const conjunction = /\b(?:and|or)\s/.test(gap);
  const other = at(edge.index + (conjunction ? 2 : 1) * step);
  // The other name must open (or close) its run: "Head of Platform Solutions for Ascom" is no list.
  const otherEdge = other && (step < 0 ? other.tokens[other.tokens.length - 1] : other.tokens[0]);
  const otherSpanEdge = other && (step < 0 ? other.span.tokens[other.span.tokens.length - 1] : other.span.tokens[0]);
  return { conjunction, other: other && other.span.sentence === t.span.sentence && otherEdge === otherSpanEdge ? other : undefined };
}

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

function aliasOf(t: TypedSpan, clusters: Cluster[], g: Gazetteer): Cluster | undefined {
  const words = normaliseWords(lowerWords(t));
  if (words.length !== 1) return undefined;
  const w = words[0];
  // A surname alone refers to the person already named in full; prefer the most recently opened.
  const people = clusters.filter((c) => c.type === 'person' && c.words.length > 1 && c.words[c.words.length - 1] === w);
  if (people.length) return people[people.length - 1];
  const exact = clusters.find((c) => c.words.length === 1 && c.words[0] === w);
  if (exact) return exact;
  const acronym = clusters.find((c) => c.type === 'organisation' && c.words.length > 2 && nameInitials(c.words, g).includes(w));
  if (acronym) return acronym;
  const firstWord = clusters.filter((c) => c.type === 'organisation' && c.words.length > 1 && c.words[0] === w);
  if (firstWord.length === 1 && t.type !== 'place') return firstWord[0];
  const given = clusters.filter((c) => c.type === 'person' && c.words.length > 1 && c.words[0] === w);
  if (given.length === 1 && t.type === 'unknown') return given[0];
  return undefined;
}
