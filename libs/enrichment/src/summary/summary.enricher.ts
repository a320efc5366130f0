import { defineEnricher } from '../composer/enricher';
import { languagePack } from '../languages/language.registry';
import { summarise } from './summary.extractor';

/** Two or three lead-biased sentences. */
export const SUMMARY_ENRICHER = defineEnricher({
  slice: 'summary',
  version: '1',
  reads: ['language'],
  run: (doc, { language }) => summarise(doc.sentences, doc.title, languagePack(language.code).stopwords),
});
