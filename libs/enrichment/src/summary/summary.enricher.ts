import { defineEnricher } from '../composer/enricher';
import { summarise } from './summary.extractor';

/** Two or three lead-biased sentences. */
export const SUMMARY_ENRICHER = defineEnricher({
  slice: 'summary',
  version: '2',
  reads: ['languagePack'],
  run: (doc, { languagePack }) => summarise(doc.sentences, doc.title, languagePack.stopwords),
});
