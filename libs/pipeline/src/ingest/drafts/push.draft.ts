import { looksLikeHtml } from '@copydesk/normalize';
import type { ArticlePush } from '../article-push';
import { type ArticleDraft, finishDraft, textToHtml, withdrawalDraft } from './article-draft';

/** A CMS push (REST or webhook): the body is HTML or text, as `bodyFormat` says or as it looks. Pure. */
export function draftFromPush(push: ArticlePush, timeZone?: string | null): ArticleDraft {
  if (push.pubStatus === 'canceled') return withdrawalDraft(push.killReason ?? 'withdrawn by the source');
  const isHtml = push.bodyFormat ? push.bodyFormat === 'html' : looksLikeHtml(push.body);
  return finishDraft({
    title: push.title,
    bodyHtml: isHtml ? push.body : textToHtml(push.body),
    byline: push.byline,
    description: push.description,
    url: push.url,
    language: push.language,
    publishedAt: push.publishedAt,
    modifiedAt: push.modifiedAt,
    embargoUntil: push.embargoUntil,
    timeZone,
  });
}
