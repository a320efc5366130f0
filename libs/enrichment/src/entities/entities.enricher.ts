import { defineEnricher } from '../composer/enricher';

/** Entities with every mention and the tokens: read by the entities slice and by quote attribution. */
export const ENTITY_ANALYSIS_ENRICHER = defineEnricher({
  slice: 'entityAnalysis',
  version: '12',
  reads: ['languagePack'],
  internal: true,
  run: (doc, { languagePack }) => languagePack.entities(doc.body, doc.sentences, doc.title),
});

/** People, organisations and places, most salient first. */
export const ENTITIES_ENRICHER = defineEnricher({
  slice: 'entities',
  version: '13',
  reads: ['entityAnalysis'],
  run: (_doc, { entityAnalysis }) => entityAnalysis.entities,
});
