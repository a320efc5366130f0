import { defineEnricher } from '../composer/enricher';
import { classifyContentType } from './content-type.classifier';

/** News, opinion, review...: from page metadata, URL and text cues of the language. */
export const CONTENT_TYPE_ENRICHER = defineEnricher({
  slice: 'contentType',
  version: '3',
  reads: ['languagePack'],
  run: (doc, { languagePack }) =>
    classifyContentType(
      {
        title: doc.title,
        bodyText: doc.body,
        url: doc.input.url,
        jsonLdType: doc.input.jsonLdType,
        section: doc.input.section,
        byline: doc.input.byline,
      },
      languagePack.contentTypeCues,
    ),
});
