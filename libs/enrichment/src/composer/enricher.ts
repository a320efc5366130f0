import type { EnrichmentInput, EnrichmentOptions, EnrichmentSlices } from '../enrichment.types';
import type { Sentence } from '../text/text.tokenizer';
import type { TopicModel } from '../topics/topic.model';

/** The article as every enricher reads it: the text prepared once by the composer. */
export interface EnrichmentDocument {
  input: EnrichmentInput;
  options: EnrichmentOptions;
  title: string;
  /** `bodyText` with one block per line and no invisible spaces. */
  body: string;
  sentences: Sentence[];
  model: TopicModel;
}

/**
 * One enrichment step, kept in one folder: the slice (key) it writes, the slices it reads and a version to bump when
 * its output changes for the same input. Registered in `enricher.registry.ts`; the composer runs the registered
 * enrichers in dependency order and derives `ENRICHER_VERSION` from their versions.
 */
export interface Enricher<K extends string = string, T = unknown> {
  readonly slice: K;
  /** Bump whenever the output changes for the same input: stored enrichments of older versions are re-run. */
  readonly version: string;
  /** Slices this enricher reads; the composer hands it those and no others. */
  readonly reads: readonly string[];
  /** Read by other enrichers only and left out of the stored enrichment (an entity analysis with its mentions). */
  readonly internal?: boolean;
  run(doc: EnrichmentDocument, slices: Readonly<Partial<EnrichmentSlices>> & Record<string, unknown>): T;
}

/**
 * Declares a built-in enricher whose slice is one of {@link EnrichmentSlices}: the compiler then checks what it
 * returns and what it reads. Enrichers outside that map (a newsroom's own) are plain {@link Enricher} objects.
 */
export function defineEnricher<K extends keyof EnrichmentSlices, D extends keyof EnrichmentSlices = never>(enricher: {
  slice: K;
  version: string;
  reads: readonly D[];
  internal?: boolean;
  run(doc: EnrichmentDocument, slices: Pick<EnrichmentSlices, D>): EnrichmentSlices[K];
}): Enricher<K, EnrichmentSlices[K]> {
  return enricher;
}
