import { defineEnricher } from '../composer/enricher';
import { findBlockQuotes } from './block-quote.extractor';
import { extractQuotes } from './quote.extractor';

/** `<blockquote>`s of the body HTML, when there is HTML. */
export const BLOCK_QUOTES_ENRICHER = defineEnricher({
  slice: 'blockQuotes',
  version: '1',
  reads: [],
  internal: true,
  run: (doc) => (doc.input.bodyHtml ? findBlockQuotes(doc.input.bodyHtml) : []),
});

/** Quotes with their speakers, resolved against the entity mentions. */
export const QUOTES_ENRICHER = defineEnricher({
  slice: 'quotes',
  version: '9',
  reads: ['languagePack', 'entityAnalysis', 'blockQuotes'],
  run: (doc, { languagePack, entityAnalysis, blockQuotes }) =>
    extractQuotes(doc.body, doc.sentences, entityAnalysis.mentions, blockQuotes, languagePack.quoteRules),
});
