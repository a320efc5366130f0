import { defineEnricher } from '../composer/enricher';
import { extractKeywords } from './keyword.extractor';

/** Recurring phrases of the title and body, people's names left out. */
export const KEYWORDS_ENRICHER = defineEnricher({
  slice: 'keywords',
  version: '1',
  reads: ['languagePack', 'entities'],
  run: (doc, { languagePack, entities }) =>
    extractKeywords(
      doc.title ? [{ text: doc.title, start: -1, end: -1, paragraph: -1, index: -1 }, ...doc.sentences] : doc.sentences,
      doc.model,
      doc.options.maxKeywords,
      // People are reported as entities; their names as keywords would only repeat them word by word.
      new Set(entities.people.flatMap((p) => p.name.toLowerCase().split(/\s+/))),
      languagePack.stopwords,
    ),
});
