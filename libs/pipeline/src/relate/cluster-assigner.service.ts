import { AppConfig } from '@copydesk/config';
import { ArticleStatus } from '@copydesk/contracts';
import { ClusterRepository, type ClusterStateRow, type NeighbourRow, type StorySubjectRow } from '@copydesk/database';
import { MicroBatcher } from '@copydesk/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { sharesStory, storyEntityKeys, type StoredEntities } from './story-evidence';

const HOUR = 3_600_000;
/** How far apart two articles of one story may be published. */
const STORY_WINDOW_HOURS = 72;
/** A cluster's core: its articles of the last day of its story. A newcomer must be related to one of them to join. */
const CORE_HOURS = 24;
/** Near-duplicates looked at per direction, and articles read per entity key, when placing one article. */
const NEIGHBOUR_LIMITS = { duplicates: 20, perKey: 25 };
/** Articles placed under one hold of the cluster lock. */
const BATCH = 64;

export type ClusterOutcome = { clusterId: string; joined: number } | { clusterId: null; reason: string };

/**
 * One batch's view of the clusters it touches and of where its articles went: read once, changed as articles are
 * placed, written at the end (an article's row once, however often the batch moved it or merged its cluster).
 */
class ClusterStates {
  private readonly known = new Map<string, ClusterStateRow>();
  private readonly touched = new Set<string>();
  /** Where articles went in this batch (read at the batch's start, a later subject may have been placed since). */
  private readonly placed = new Map<string, string>();
  private readonly mergedInto = new Map<string, string>();

  constructor(
    private readonly clusters: ClusterRepository,
    private readonly manager: EntityManager,
  ) {}

  async load(ids: string[]): Promise<Map<string, ClusterStateRow>> {
    const missing = ids.filter((id) => !this.known.has(id));
    for (const state of await this.clusters.states(missing, this.manager)) this.known.set(state.id, state);
    return new Map(ids.flatMap((id) => (this.known.has(id) ? [[id, this.known.get(id) as ClusterStateRow]] : [])));
  }

  add(state: ClusterStateRow): void {
    this.known.set(state.id, state);
    this.touched.add(state.id);
  }

  /** An article's cluster now: as stored (`stored`, read in this batch), or where this batch put it since. */
  clusterOf(articleId: string, stored: string | null): string | null {
    return this.resolve(this.placed.get(articleId) ?? stored);
  }

  /** The cluster that holds a story now, following the merges of this batch. */
  private resolve(id: string | null): string | null {
    while (id && this.mergedInto.has(id)) id = this.mergedInto.get(id) as string;
    return id;
  }

  /** These articles, published at these times, joined `state`. */
  grow(state: ClusterStateRow, joined: Array<{ id: string; when: Date }>): void {
    for (const { id } of joined) this.placed.set(id, state.id);
    const times = joined.map((j) => j.when);
    state.size += times.length;
    for (const when of times) {
      if (!state.first || when < state.first) state.first = when;
      if (!state.last || when > state.last) state.last = when;
    }
    this.touched.add(state.id);
  }

  /** `other` was merged into `state`: its articles are the target's now. */
  absorb(state: ClusterStateRow, other: ClusterStateRow): void {
    state.size += other.size;
    if (other.first && (!state.first || other.first < state.first)) state.first = other.first;
    if (other.last && (!state.last || other.last > state.last)) state.last = other.last;
    this.touched.add(state.id);
    // Its row now says where it went (mergeInto): nothing more to write for it.
    this.mergedInto.set(other.id, state.id);
    this.known.delete(other.id);
    this.touched.delete(other.id);
  }

  async save(): Promise<void> {
    await this.clusters.saveStates(
      [...this.touched].map((id) => this.known.get(id) as ClusterStateRow),
      this.manager,
    );
    const final = (entries: Iterable<[string, string]>): Map<string, string> =>
      new Map([...entries].map(([id, cluster]) => [id, this.resolve(cluster) as string]));
    await this.clusters.moveArticles(final(this.placed), final(this.mergedInto), this.manager);
  }
}

/**
 * Puts an enriched article in its story cluster: with its near-duplicates, and with articles of the last few days
 * that share its salient people and organisations. When the article links two clusters they merge into the older,
 * whose id therefore never changes; the younger id keeps resolving to it.
 *
 * Growth is bounded: a cluster admits an article only when the article is related to one of the cluster's recent
 * articles (its core: the last day of its story), so a story cannot drift by chaining from one article to the next
 * for ever; and a cluster holds at most CLUSTER_MAX_ARTICLES, merges included. Past that, related articles start a
 * cluster of their own. Every lookup reads a bounded number of rows, whatever the size of the clusters.
 *
 * Placing is serialised (one story must never found two clusters at once); the articles waiting meanwhile are placed
 * together, one after the other, in one transaction.
 */
@Injectable()
export class ClusterAssigner {
  private readonly logger = new Logger(ClusterAssigner.name);
  private readonly maxArticles: number;
  private readonly batcher = new MicroBatcher<string, ClusterOutcome>((ids) => this.placeAll(ids), { maxSize: BATCH, key: (id) => id });

  constructor(
    private readonly clusters: ClusterRepository,
    config: AppConfig,
  ) {
    this.maxArticles = config.get('CLUSTER_MAX_ARTICLES');
  }

  assign(articleId: string): Promise<ClusterOutcome> {
    return this.batcher.submit(articleId);
  }

  private async placeAll(ids: string[]): Promise<ClusterOutcome[]> {
    const subjects = new Map((await this.clusters.storySubjects(ids)).map((s) => [s.id, s]));
    const placeable = ids
      .map((id) => subjects.get(id))
      .filter((s): s is StorySubjectRow => !!s && s.enriched && s.status !== ArticleStatus.Killed);
    const keys = new Map(placeable.map((s) => [s.id, storyEntityKeys(s.entities as StoredEntities | undefined)]));
    return this.clusters.transaction(async (manager) => {
      await this.clusters.replaceEntityKeysMany(
        placeable.map((s) => ({ articleId: s.id, keys: keys.get(s.id) as string[], publishedAt: s.when })),
        manager,
      );
      // Every subject's neighbours in one statement: placing writes nothing they are read from until the batch's end.
      const window = STORY_WINDOW_HOURS * HOUR;
      const related = await this.clusters.neighboursMany(
        placeable.map((s) => ({
          articleId: s.id,
          keys: keys.get(s.id) as string[],
          from: new Date(s.when.getTime() - window),
          to: new Date(s.when.getTime() + window),
        })),
        NEIGHBOUR_LIMITS,
        manager,
      );
      const states = new ClusterStates(this.clusters, manager);
      const outcomes: ClusterOutcome[] = [];
      for (const id of ids) {
        const subject = subjects.get(id);
        const neighbours = related.get(id);
        const outcome =
          subject && neighbours
            ? await this.place(subject, neighbours, states, manager)
            : { clusterId: null, reason: 'not enriched or killed' };
        outcomes.push(outcome);
      }
      await states.save();
      return outcomes;
    });
  }

  private async place(
    read: StorySubjectRow,
    stored: NeighbourRow[],
    states: ClusterStates,
    manager: EntityManager,
  ): Promise<ClusterOutcome> {
    const subject = { ...read, clusterId: states.clusterOf(read.id, read.clusterId) };
    // The rows say where the articles were at the batch's start: this batch's placements and merges are written at its end.
    const neighbours = stored.map((n) => ({ ...n, clusterId: states.clusterOf(n.articleId, n.clusterId) }));
    const members = neighbours.filter((n) => n.duplicate || sharesStory(n.shared));
    const clusterIds = [...new Set([subject.clusterId, ...members.map((m) => m.clusterId)].filter((id): id is string => id !== null))];
    const known = await states.load(clusterIds);
    const open = [...known.values()]
      .filter((state) => this.admits(state, subject, members))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const unclustered = members.filter((m) => m.clusterId === null);

    let target: ClusterStateRow;
    if (open.length === 0) {
      if (unclustered.length === 0)
        return { clusterId: null, reason: members.length ? 'the related stories are full' : 'no related article yet' };
      target = { id: randomUUID(), createdAt: new Date(), size: 0, first: null, last: null };
      await this.clusters.create(target.id, subject.title, manager);
      states.add(target);
    } else {
      target = open.find((state) => state.id === subject.clusterId) ?? open[0];
      await this.mergeWithin(target, open, subject, states, manager);
    }
    const member = subject.clusterId === target.id;
    const room = Math.max(0, this.maxArticles - target.size - (member ? 0 : 1));
    const joining = unclustered.slice(0, room);
    states.grow(target, [
      ...(member ? [] : [{ id: subject.id, when: subject.when }]),
      ...joining.map((m) => ({ id: m.articleId, when: m.when })),
    ]);
    this.logger.log({ articleId: subject.id, clusterId: target.id, members: members.length }, 'article clustered');
    return { clusterId: target.id, joined: members.length };
  }

  /** The article's own cluster, or one with room where the article relates to an article of its core. */
  private admits(state: ClusterStateRow, subject: StorySubjectRow, members: NeighbourRow[]): boolean {
    if (state.id === subject.clusterId) return true;
    if (state.size >= this.maxArticles) return false;
    const coreFrom = (state.last?.getTime() ?? 0) - CORE_HOURS * HOUR;
    return members.some((m) => m.clusterId === state.id && m.when.getTime() >= coreFrom);
  }

  /** Merges the other open clusters into the target, oldest first, while the result stays within the limit. */
  private async mergeWithin(
    target: ClusterStateRow,
    open: ClusterStateRow[],
    subject: StorySubjectRow,
    states: ClusterStates,
    manager: EntityManager,
  ): Promise<void> {
    const reserved = subject.clusterId === target.id ? 0 : 1;
    const merged: string[] = [];
    for (const other of open) {
      if (other.id === target.id || target.size + other.size + reserved > this.maxArticles) continue;
      merged.push(other.id);
      states.absorb(target, other);
    }
    await this.clusters.mergeInto(target.id, merged, manager);
  }
}
