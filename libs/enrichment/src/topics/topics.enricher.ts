import { defineEnricher } from '../composer/enricher';
import { languagePack } from '../languages/language.registry';

/** IPTC Media Topics with their ancestors; none for a language whose pack has no classifier. */
export const TOPICS_ENRICHER = defineEnricher({
  slice: 'topics',
  version: '1',
  reads: ['language'],
  run: (doc, { language }) => {
    const pack = languagePack(language.code);
    return pack.topics ? pack.topics(`${doc.title}\n\n${doc.body}`, { model: doc.model, maxTopics: doc.options.maxTopics }) : [];
  },
});
