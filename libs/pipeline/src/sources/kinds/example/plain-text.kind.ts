import { finishDraft, textToHtml } from '../../../ingest/drafts/article-draft';
import type { SourceKind } from '../source-kind';

/**
 * The smallest source kind, registered only by the registry's spec: proof that a kind is this folder plus one line.
 * A mailbox of plain-text notes: it needs a url (the mailbox), is not polled, and reads `text/plain` raw items, the
 * first line being the headline.
 */
export const plainTextKind: SourceKind = {
  type: 'plain-text',
  settings: { url: 'required' },
  polling: null,
  readers: {
    'text/plain': (raw, { timeZone }) => {
      const [title, ...body] = raw.payload.toString('utf8').split('\n');
      return finishDraft({ title, bodyHtml: textToHtml(body.join('\n')), timeZone });
    },
  },
};
