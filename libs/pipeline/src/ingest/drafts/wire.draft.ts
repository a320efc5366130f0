import { parseWire, wireDraftFields, wireKillReason } from '@copydesk/wire';
import { type ArticleDraft, EmptyArticleError, finishDraft, withdrawalDraft } from './article-draft';

/**
 * One text item of an agency wire document (NewsML-G2, NITF, ninjs) as a draft. A raw item holds the document as
 * received, whole, and names the item it stands for (`index`): a news message of several items is stored once per
 * item, so each article's input replays on its own. The agency's record (guid, version, urgency, rights, subjects
 * mapped to Media Topics, genre, hop history) rides along under `metadata.wire`. Pure.
 * @throws WireParseError for a document that is not a wire format; EmptyArticleError when the item is missing.
 */
export function draftFromWire(payload: Uint8Array, contentType: string, index: number, timeZone?: string | null): ArticleDraft {
  const { articles } = parseWire(payload, { contentType, timeZone: timeZone ?? undefined });
  const article = articles[index];
  if (!article) throw new EmptyArticleError(`the wire document has no text item ${index + 1} (it has ${articles.length})`);
  const fields = wireDraftFields(article);
  const killReason = wireKillReason(article);
  if (killReason) return { ...withdrawalDraft(killReason), metadata: fields.metadata };
  return finishDraft({ ...fields, timeZone });
}
