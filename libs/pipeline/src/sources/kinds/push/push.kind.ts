import { SourceType } from '@copydesk/contracts';
import type { ArticlePush } from '../../../ingest/article-push';
import { draftFromPush } from '../../../ingest/drafts/push.draft';
import type { SourceKind } from '../source-kind';

/** A CMS that sends its articles (`POST /v1/articles`): JSON pushes, read as they were sent. */
export const pushKind: SourceKind = {
  type: SourceType.Push,
  settings: { url: 'optional' },
  polling: null,
  readers: {
    'application/json': (raw, { timeZone }) => draftFromPush(JSON.parse(raw.payload.toString('utf8')) as ArticlePush, timeZone),
  },
};
