import type { ArticleEntities, ArticleEntity, EntityAnalysis, EntityMention } from '../../entities/entity.extractor';
import type { EntityType } from '../../entities/entity.classifier';

const LIST: Record<EntityType, keyof ArticleEntities> = { person: 'people', organisation: 'organisations', place: 'places' };

/**
 * Rewrites of mentions after recognition (two mentions that are one name, a mention renamed), with the entity lists
 * kept in step: an entity left without mentions goes, a new name takes the salience of the mentions it came from.
 */
export class EntityEdits {
  private readonly lists: Record<keyof ArticleEntities, ArticleEntity[]>;
  private mentions: EntityMention[];

  constructor(private readonly analysis: EntityAnalysis) {
    const e = analysis.entities;
    this.lists = {
      people: e.people.map((x) => ({ ...x })),
      organisations: e.organisations.map((x) => ({ ...x })),
      places: e.places.map((x) => ({ ...x })),
    };
    this.mentions = [...analysis.mentions];
  }

  get all(): readonly EntityMention[] {
    return this.mentions;
  }

  /** Replaces `old` mentions by one mention of `name` as `type`, spanning them (and from `from` when given). */
  replace(old: EntityMention[], type: EntityType, name: string, from?: number): void {
    let salience = 0;
    for (const m of old) salience = Math.max(salience, this.forget(m));
    const start = Math.min(from ?? Infinity, ...old.map((m) => m.start));
    const end = Math.max(...old.map((m) => m.end));
    this.mentions = this.mentions.filter((m) => !old.includes(m));
    this.put({ canonical: name, type, start, end, sentence: old[0].sentence }, salience);
  }

  /** One more mention of `name` as `type`, where no mention is yet; a new entity gets the salience given. */
  add(mention: EntityMention, salience: number): void {
    if (!this.mentions.some((m) => m.start < mention.end && mention.start < m.end)) this.put(mention, salience);
  }

  /** Renames an entity and its mentions; one that takes the name of another is merged into it (counts added). */
  rename(type: EntityType, from: string, to: string): void {
    const list = this.lists[LIST[type]];
    const entity = list.find((x) => x.name === from && x.count > 0);
    if (!entity) return;
    this.mentions = this.mentions.map((m) => (m.type === type && m.canonical === from ? { ...m, canonical: to } : m));
    const same = list.find((x) => x !== entity && x.count > 0 && x.name.toLowerCase() === to.toLowerCase());
    if (!same) {
      entity.name = to;
      return;
    }
    same.count += entity.count;
    same.salience = Math.max(same.salience, entity.salience);
    entity.count = 0;
  }

  /** Removes these mentions; an entity left without any goes. */
  remove(old: EntityMention[]): void {
    for (const m of old) this.forget(m);
    this.mentions = this.mentions.filter((m) => !old.includes(m));
  }

  /** Removes an entity and all its mentions. */
  drop(type: EntityType, name: string): void {
    const entity = this.lists[LIST[type]].find((x) => x.name === name);
    if (entity) entity.count = 0;
    this.mentions = this.mentions.filter((m) => !(m.type === type && m.canonical === name));
  }

  result(): EntityAnalysis {
    const order = (a: ArticleEntity, b: ArticleEntity): number =>
      b.salience - a.salience || b.count - a.count || (a.name < b.name ? -1 : 1);
    const keep = (l: ArticleEntity[]): ArticleEntity[] => l.filter((x) => x.count > 0).sort(order);
    const entities = { people: keep(this.lists.people), organisations: keep(this.lists.organisations), places: keep(this.lists.places) };
    return { ...this.analysis, entities, mentions: this.mentions };
  }

  private put(mention: EntityMention, salience: number): void {
    this.mentions = [...this.mentions, mention].sort((a, b) => a.start - b.start);
    const list = this.lists[LIST[mention.type]];
    const same = list.find((x) => x.name.toLowerCase() === mention.canonical.toLowerCase());
    if (same) {
      same.count++;
      same.salience = Math.max(same.salience, salience);
    } else list.push({ name: mention.canonical, count: 1, salience });
  }

  // One mention fewer of its entity; the entity's salience, for the name that takes the mention over.
  private forget(m: EntityMention): number {
    const entity = this.lists[LIST[m.type]].find((x) => x.name === m.canonical);
    if (!entity) return 0;
    entity.count--;
    return entity.salience;
  }
}
