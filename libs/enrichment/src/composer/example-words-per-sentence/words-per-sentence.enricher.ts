import type { Enricher } from '../enricher';

/**
 * An example enricher, registered only in `enricher.composer.spec.ts`: the whole of an extension is this folder
 * plus one line in a registry. It reads another enricher's slice (`wordCount`) to show dependencies at work.
 */
export const WORDS_PER_SENTENCE_ENRICHER: Enricher<'wordsPerSentence', number> = {
  slice: 'wordsPerSentence',
  version: '1',
  reads: ['wordCount'],
  run: (doc, slices) => {
    const words = slices.wordCount ?? 0;
    return doc.sentences.length ? Math.round((words / doc.sentences.length) * 10) / 10 : 0;
  },
};
