import { DEFAULT_COMPOSER } from './enricher.registry';

/**
 * Version of the enrichment rules and shipped data, derived from the registered enrichers' versions (and the
 * language packs'): bump the version of the enricher whose output changes, and this changes with it, so stored
 * enrichments can be told apart and re-run.
 */
export const ENRICHER_VERSION = DEFAULT_COMPOSER.version;
