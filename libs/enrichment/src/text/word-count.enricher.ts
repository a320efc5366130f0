import { defineEnricher } from '../composer/enricher';
import { countWords } from './text.tokenizer';

// Adult silent reading speed for non-fiction, the usual basis for news reading-time estimates.
const WORDS_PER_MINUTE = 230;

/** Words in the body. */
export const WORD_COUNT_ENRICHER = defineEnricher({
  slice: 'wordCount',
  version: '1',
  reads: [],
  run: (doc) => countWords(doc.body),
});

/** Minutes to read the body, at least one. */
export const READING_TIME_ENRICHER = defineEnricher({
  slice: 'readingTimeMinutes',
  version: '1',
  reads: ['wordCount'],
  run: (_doc, { wordCount }) => Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
});
