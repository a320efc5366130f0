import { createHash } from 'node:crypto';
import type { Enricher, EnrichmentDocument } from './enricher';

/** A registry that cannot run: a slice written twice, read but never written, or enrichers that read each other. */
export class EnricherGraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnricherGraphError';
  }
}

/**
 * Runs enrichers in dependency order. Built once at startup: a bad graph throws here, not on the first article.
 * `version` is derived from every enricher's slice and version (and the generation, raised when the composer's own
 * text preparation changes), so bumping any one of them changes it and the stored enrichments are re-run.
 */
export class EnricherComposer {
  readonly order: readonly Enricher[];
  readonly version: string;

  constructor(enrichers: readonly Enricher[], generation: string) {
    this.order = dependencyOrder(enrichers);
    const parts = enrichers.map((e) => `${e.slice}@${e.version}`).sort();
    const digest = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 8);
    this.version = `${generation}+${digest}`;
  }

  /** Every slice, internal ones included, keyed by slice name. */
  runAll(doc: EnrichmentDocument): Record<string, unknown> {
    const slices: Record<string, unknown> = {};
    for (const enricher of this.order) {
      // An enricher sees only what it declared: a forgotten dependency shows up as a missing slice in its tests,
      // not as an order that works by luck.
      const reads: Record<string, unknown> = {};
      for (const name of enricher.reads) reads[name] = slices[name];
      slices[enricher.slice] = enricher.run(doc, reads);
    }
    return slices;
  }

  /** The stored slices (internal ones left out). */
  run(doc: EnrichmentDocument): Record<string, unknown> {
    const all = this.runAll(doc);
    const out: Record<string, unknown> = {};
    for (const enricher of this.order) if (!enricher.internal) out[enricher.slice] = all[enricher.slice];
    return out;
  }
}

/** Kahn's order, stable in registration order; throws {@link EnricherGraphError} on a bad graph. */
export function dependencyOrder(enrichers: readonly Enricher[]): Enricher[] {
  const bySlice = new Map<string, Enricher>();
  for (const e of enrichers) {
    if (bySlice.has(e.slice)) throw new EnricherGraphError(`two enrichers write the slice "${e.slice}"`);
    bySlice.set(e.slice, e);
  }
  for (const e of enrichers)
    for (const dep of e.reads)
      if (!bySlice.has(dep)) throw new EnricherGraphError(`enricher "${e.slice}" reads "${dep}", which no enricher writes`);
  const done = new Set<string>();
  const order: Enricher[] = [];
  while (order.length < enrichers.length) {
    const ready = enrichers.find((e) => !done.has(e.slice) && e.reads.every((d) => done.has(d)));
    if (!ready) {
      const stuck = enrichers.filter((e) => !done.has(e.slice)).map((e) => e.slice);
      throw new EnricherGraphError(`enrichers read each other in a cycle: ${cycleOf(stuck, bySlice).join(' -> ')}`);
    }
    done.add(ready.slice);
    order.push(ready);
  }
  return order;
}

// One cycle among the stuck enrichers, for the error message: follow unfinished dependencies until one repeats.
function cycleOf(stuck: string[], bySlice: Map<string, Enricher>): string[] {
  const left = new Set(stuck);
  const path: string[] = [];
  let at: string | undefined = stuck[0];
  while (at !== undefined && !path.includes(at)) {
    path.push(at);
    at = bySlice.get(at)?.reads.find((d) => left.has(d));
  }
  return at === undefined ? path : [...path.slice(path.indexOf(at)), at];
}
