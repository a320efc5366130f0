import { defineEnricher } from '../composer/enricher';
import { languagePack, supportedLanguages } from './language.registry';

/**
 * The pack of the detected language (the neutral one when it has none), for every enricher after language
 * detection. Its version is the packs' versions (`und`: the neutral pack): their word lists and rules feed several slices at once.
 */
export const LANGUAGE_PACK_ENRICHER = defineEnricher({
  slice: 'languagePack',
  version: [...supportedLanguages(), 'und'].map((code) => `${code}@${languagePack(code).version ?? '1'}`).join(','),
  reads: ['language'],
  internal: true,
  run: (_doc, { language }) => languagePack(language.code),
});
