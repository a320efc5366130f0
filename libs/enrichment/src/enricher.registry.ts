import type { Enricher } from './composer/enricher';
import { EnricherComposer } from './composer/enricher.composer';
import { CONTENT_TYPE_ENRICHER } from './content-type/content-type.enricher';
import { ENTITIES_ENRICHER, ENTITY_ANALYSIS_ENRICHER } from './entities/entities.enricher';
import { KEYWORDS_ENRICHER } from './keywords/keywords.enricher';
import { LANGUAGE_ENRICHER } from './language/language.enricher';
import { LANGUAGE_PACK_ENRICHER } from './languages/language-pack.enricher';
import { BLOCK_QUOTES_ENRICHER, QUOTES_ENRICHER } from './quotes/quotes.enricher';
import { SUMMARY_ENRICHER } from './summary/summary.enricher';
import { READING_TIME_ENRICHER, WORD_COUNT_ENRICHER } from './text/word-count.enricher';
import { TOPICS_ENRICHER } from './topics/topics.enricher';

/**
 * The enrichers `enrichArticle` runs. Adding one: a folder with its `*.enricher.ts`, one line here, and (for a
 * stored slice) its field in `Enrichment`. The order here is only the tie-break; dependencies decide the rest.
 */
export const ENRICHERS: readonly Enricher[] = [
  LANGUAGE_ENRICHER,
  LANGUAGE_PACK_ENRICHER,
  WORD_COUNT_ENRICHER,
  READING_TIME_ENRICHER,
  TOPICS_ENRICHER,
  ENTITY_ANALYSIS_ENRICHER,
  ENTITIES_ENRICHER,
  KEYWORDS_ENRICHER,
  CONTENT_TYPE_ENRICHER,
  BLOCK_QUOTES_ENRICHER,
  QUOTES_ENRICHER,
  SUMMARY_ENRICHER,
];

/** Raise when the composer's own rules change (how `enrichArticle` prepares the text): every slice changes with it. */
export const ENRICHER_GENERATION = '3';

/** The composer of {@link ENRICHERS}; built at load so a bad graph stops the process at startup. */
export const DEFAULT_COMPOSER = new EnricherComposer(ENRICHERS, ENRICHER_GENERATION);
