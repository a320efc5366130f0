import { defineEnricher } from '../composer/enricher';

/** IPTC Media Topics with their ancestors; none for a language whose pack has no classifier. */
export const TOPICS_ENRICHER = defineEnricher({
  slice: 'topics',
  version: '2',
  reads: ['languagePack'],
  run: (doc, { languagePack: pack }) =>
    pack.topics ? pack.topics(`${doc.title}\n\n${doc.body}`, { model: doc.model, maxTopics: doc.options.maxTopics }) : [],
});
