/** Entities as stored in an article's enrichment. */
export interface StoredEntities {
  people?: Array<{ name: string; salience?: number; count?: number }>;
  organisations?: Array<{ name: string; salience?: number; count?: number }>;
  places?: Array<{ name: string; salience?: number; count?: number }>;
}

/** Entities that matter to a story: prominent in the article, not a passing mention. */
const MIN_SALIENCE = 0.25;
const MAX_KEYS = 12;

const key = (kind: 'person' | 'org' | 'place', name: string): string =>
  `${kind}:${name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()}`;

/**
 * The keys an article is indexed under for story clustering: its salient people, organisations and places, e.g.
 * `person:mark t. esper`, `place:bologna`. Pure.
 */
export function storyEntityKeys(entities: StoredEntities | undefined): string[] {
  if (!entities) return [];
  const pick = (kind: 'person' | 'org' | 'place', list: StoredEntities['people']) =>
    (list ?? [])
      .filter((e) => (e.salience ?? 0) >= MIN_SALIENCE || (e.count ?? 0) >= 2)
      .map((e) => ({ key: key(kind, e.name), weight: e.salience ?? 0 }));
  return [...pick('person', entities.people), ...pick('org', entities.organisations), ...pick('place', entities.places)]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_KEYS)
    .map((e) => e.key);
}

/**
 * Whether shared entities make two articles one story (within the time window the lookup already applied). Places
 * are weak evidence (many stories happen in one capital): it takes two shared people or organisations, or one of
 * them and two places. Pure.
 */
export function sharesStory(shared: readonly string[]): boolean {
  const actors = shared.filter((k) => !k.startsWith('place:')).length;
  if (actors >= 2) return true;
  return actors === 1 && shared.length >= 3;
}
