/**
 * Version of the enrichment rules and shipped data. Bump it whenever a change alters output for the same input,
 * so stored enrichments can be told apart and re-run.
 */
export const ENRICHER_VERSION = '2.2.0';
