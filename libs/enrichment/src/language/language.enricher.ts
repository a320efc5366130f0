import { defineEnricher } from '../composer/enricher';
import { detectLanguage } from './language.detector';

/** The article's language; every enricher that reads it picks that language's pack. */
export const LANGUAGE_ENRICHER = defineEnricher({
  slice: 'language',
  version: '1',
  reads: [],
  run: (doc) => detectLanguage(`${doc.title}\n${doc.body}`, doc.input.language),
});
