import type { ArticleEntities, ArticleEntity, EntityAnalysis, EntityMention } from '../entities/entity.extractor';
import type { EntityType } from '../entities/entity.classifier';
import type { Token } from '../entities/name-span.finder';

// The recogniser's bookkeeping and the steps after recognition: acronyms defined beside a name, base forms of
// organisation names, and the entity list with salience and mentions.
export interface Found {
  type: EntityType;
  tokens: Token[];
  name: string;
}

export const ACRONYM = /^(?:[\p{Lu}][\p{Lu}\p{Ll}]?){0,1}[\p{Lu}]{2,6}$|^[\p{Lu}][\p{Ll}]?[\p{Lu}]{1,4}[\p{Ll}]?[\p{Lu}]?$/u;
// A capitalised adjective inside a name: "Deutsche", "Katholischen", "Allgemeiner", "Malteser".
export const ADJECTIVE = /^\p{Lu}[\p{L}\-]*(?:e|en|er|es|em)$/u;
const MAX_ENTITIES = 60;

// "Deutsche Lebens-Rettungs-Gesellschaft (DLRG)", "der AStA (Allgemeiner Studierendenausschuss)": an acronym and a
// name in brackets beside each other are one organisation, reported by its name, there and later.
export function aliasDefinedAcronyms(found: Found[], text: string): void {
  const named = found.filter((f) => f.type === 'organisation' && (f.tokens.length > 1 || f.tokens[0].bare.includes('-')));
  const byEnd = new Map(named.map((f) => [f.tokens[f.tokens.length - 1].end, f]));
  const byStart = new Map(named.map((f) => [f.tokens[0].start, f]));
  const defined = new Map<string, string>();
  for (const f of found) {
    if (f.type !== 'organisation' || f.tokens.length !== 1 || !ACRONYM.test(f.tokens[0].bare)) continue;
    const t = f.tokens[0];
    let full: Found | undefined;
    if (text[t.start - 1] === '(' && text[t.end] === ')') {
      let end = t.start - 1;
      while (end > 0 && text[end - 1] === ' ') end--;
      full = byEnd.get(end);
    } else {
      const m = /^\s*\(/.exec(text.slice(t.end, t.end + 3));
      const inside = m ? byStart.get(t.end + m[0].length) : undefined;
      if (inside && text[inside.tokens[inside.tokens.length - 1].end] === ')') full = inside;
    }
    if (full) defined.set(f.name, full.name);
  }
  for (const f of found) if (f.type === 'organisation' && defined.has(f.name)) f.name = defined.get(f.name) as string;
}

// Sentences written in capitals (at least two words, all of them capitalised throughout).
export function allCapsSentences(tokens: Token[], text: string): Set<number> {
  const words = new Map<number, number>();
  const caps = new Map<number, number>();
  for (const t of tokens) {
    words.set(t.sentence, (words.get(t.sentence) ?? 0) + 1);
    if (/^[\p{Lu}\p{N}.\-&]+$/u.test(t.text) && /\p{Lu}/u.test(t.text)) caps.set(t.sentence, (caps.get(t.sentence) ?? 0) + 1);
  }
  // A line of one word in capitals is a heading too ("YOGA").
  const alone = (s: number): boolean => {
    const t = tokens.find((x) => x.sentence === s);
    return !!t && /(?:^|\n)\s*$/.test(text.slice(Math.max(0, t.start - 2), t.start)) && /^\s*(?:\n|$)/.test(text.slice(t.end, t.end + 2));
  };
  return new Set([...words].filter(([s, n]) => caps.get(s) === n && (n >= 2 || alone(s))).map(([s]) => s));
}

/** Nominative of an organisation name met in another case: "Deutschen Presse-Agentur" → "Deutsche Presse-Agentur". */
export function baseForm(run: Token[]): string {
  const words = run.map((t) => t.bare);
  if (run.length > 1) {
    words[0] = words[0].replace(/(?<=e)(?:n|m)$/u, '');
    if (run.length > 2 && ADJECTIVE.test(words[1])) words[1] = words[1].replace(/(?<=e)(?:n|m)$/u, '');
  }
  // Genitive of a compound head: "des Bundesministeriums" → "Bundesministerium".
  const last = words.length - 1;
  if (/(?:ums|amts|tags|rats|ments|instituts|verbands|vereins|gerichts|konzerns|verlags|bundes)$/.test(words[last].toLowerCase()))
    words[last] = words[last].replace(/e?s$/, '');
  return words.join(' ');
}

export function summarise(found: Found[], tokens: Token[], sentenceCount: number, title: string): EntityAnalysis {
  const groups = new Map<string, { type: EntityType; name: string; mentions: Found[] }>();
  for (const f of found) {
    const key = `${f.type}:${f.name.toLowerCase()}`;
    const group = groups.get(key) ?? { type: f.type, name: f.name, mentions: [] };
    group.mentions.push(f);
    groups.set(key, group);
  }
  const maxCount = Math.max(1, ...[...groups.values()].map((g) => g.mentions.length));
  const titleLower = title.toLowerCase();
  const entities: ArticleEntities = { people: [], organisations: [], places: [] };
  const listOf = { person: entities.people, organisation: entities.organisations, place: entities.places };
  for (const group of groups.values()) {
    const first = Math.min(...group.mentions.map((m) => m.tokens[0].sentence));
    const inTitle = titleLower.includes(group.name.toLowerCase().split(' ').pop() ?? '') ? 1 : 0;
    const salience = 0.5 * (group.mentions.length / maxCount) + 0.3 * (1 - first / Math.max(1, sentenceCount)) + 0.2 * inTitle;
    listOf[group.type].push({ name: group.name, count: group.mentions.length, salience: Math.round(salience * 1000) / 1000 });
  }
  const order = (a: ArticleEntity, b: ArticleEntity): number => b.salience - a.salience || b.count - a.count || (a.name < b.name ? -1 : 1);
  for (const list of Object.values(listOf)) list.sort(order).splice(MAX_ENTITIES);
  const mentions: EntityMention[] = found
    .map((f) => ({
      canonical: f.name,
      type: f.type,
      start: f.tokens[0].start,
      end: f.tokens[f.tokens.length - 1].end,
      sentence: f.tokens[0].sentence,
    }))
    .sort((a, b) => a.start - b.start);
  return { entities, mentions, tokens };
}
