import { ArticleStatus, RawItemOrigin } from '@copydesk/contracts';
import type { ArticleEntity, RawItemEntity } from '@copydesk/database';
import { finishDraft, withdrawalDraft, type ArticleDraft } from './drafts/article-draft';
import { decideInput } from './input-decision';

const GUID = 'urn:newsml:copydesk.test:bridge';
const at = (minute: number): Date => new Date(Date.UTC(2026, 11, 7, 9, minute));

const wireDraft = (version: number, text: string): ArticleDraft =>
  finishDraft({
    title: `Bridge, version ${version}`,
    bodyHtml: `<p>${text}</p>`,
    metadata: { wire: { guid: GUID, version, versionCreated: at(version).toISOString(), pubStatus: 'usable' } },
  });

const raw = (receivedMinute: number): RawItemEntity & { articleId: string } =>
  ({
    id: `raw-${receivedMinute}`,
    articleId: 'article-1',
    origin: RawItemOrigin.Wire,
    receivedAt: at(receivedMinute),
    correlationId: 'c',
  }) as never;

/** The article as it stands after `draft` was applied as its revision `revision`, received at `receivedMinute`. */
const holding = (draft: ArticleDraft, revision: number, receivedMinute: number): ArticleEntity =>
  ({
    id: 'article-1',
    sourceId: 'source-1',
    status: ArticleStatus.Published,
    revision,
    title: draft.title,
    byline: draft.byline,
    bodyHtml: draft.bodyHtml,
    bodyText: draft.bodyText,
    description: draft.description,
    contentHash: draft.contentHash,
    metadata: draft.metadata,
    appliedReceivedAt: at(receivedMinute),
    publishedAt: null,
    language: null,
    contentChangedAt: null,
  }) as never;

describe('decideInput: agency versions of one guid', () => {
  it('makes a newer version a revision, even when it was received before the one applied', () => {
    const step = decideInput(raw(10), wireDraft(3, 'Reopened.'), holding(wireDraft(2, 'Closed.'), 2, 20));
    expect(step).toMatchObject({ outcome: { kind: 'revised', revision: 3 }, write: 'revise', revision: { agencyVersion: 3 } });
  });

  it('keeps an older version arriving late as a superseded history row, at the current revision', () => {
    const step = decideInput(raw(30), wireDraft(1, 'First take.'), holding(wireDraft(2, 'Closed.'), 2, 20));
    expect(step).toMatchObject({
      outcome: { kind: 'superseded' },
      write: 'history',
      revision: { revision: 2, agencyVersion: 1, rawItemId: 'raw-30' },
    });
  });

  it('takes the same version again as unchanged', () => {
    const v2 = wireDraft(2, 'Closed.');
    expect(decideInput(raw(30), v2, holding(v2, 2, 20))).toMatchObject({ outcome: { kind: 'unchanged' }, write: 'touch' });
  });

  it('applies a kill whatever its version, and nothing after it', () => {
    const current = holding(wireDraft(2, 'Closed.'), 2, 20);
    const kill = { ...withdrawalDraft('KILL'), metadata: { wire: { guid: GUID, version: 1, pubStatus: 'canceled' } } };
    expect(decideInput(raw(30), kill, current)).toMatchObject({ outcome: { kind: 'withdrawn' }, write: 'kill', reason: 'KILL' });
    expect(decideInput(raw(40), wireDraft(4, 'Later.'), { ...current, status: ArticleStatus.Killed })).toEqual({
      outcome: { kind: 'killed' },
    });
  });

  it('leaves other copy to arrival order: an input received before the one applied is stale', () => {
    const push = finishDraft({ title: 'Bridge', bodyHtml: '<p>Pushed.</p>' });
    expect(decideInput(raw(10), push, holding(finishDraft({ title: 'Bridge', bodyHtml: '<p>Earlier.</p>' }), 1, 20))).toEqual({
      outcome: { kind: 'stale' },
    });
  });
});
