import { ENGLISH_CONTENT_TYPE_CUES } from '../../content-type/content-type.classifier';
import { extractEntities } from '../../entities/entity.extractor';
import { ENGLISH_QUOTE_RULES } from '../../quotes/quote.rules';
import { STOPWORDS } from '../../text/stopwords.data';
import { classifyTopics } from '../../topics/topic.classifier';
import type { LanguagePack } from '../language-pack';

/**
 * English: capitalised runs typed by gazetteers and context (`entities/`), the shipped BBC topic model with the
 * English cue-word lexicon (`topics/`), English speech verbs (`quotes/quote.rules.ts`).
 */
export const ENGLISH: LanguagePack = {
  code: 'en',
  entities: extractEntities,
  quoteRules: ENGLISH_QUOTE_RULES,
  topics: classifyTopics,
  contentTypeCues: ENGLISH_CONTENT_TYPE_CUES,
  stopwords: STOPWORDS,
};
