import type { CorrectionsInForce } from '@copydesk/database';
import type { EditorialCorrections, EditedEnrichment } from '@copydesk/enrichment';

/** The corrections in force, as the enrichment library merges them. */
export function toEditorialCorrections(inForce: CorrectionsInForce): EditorialCorrections {
  const { topics, entities } = inForce;
  return {
    ...(topics?.topics
      ? { topics: { qcodes: topics.topics, correctedBy: topics.apiKeyId, correctedAt: topics.createdAt.toISOString() } }
      : {}),
    ...(entities?.entities
      ? { entities: { entities: entities.entities, correctedBy: entities.apiKeyId, correctedAt: entities.createdAt.toISOString() } }
      : {}),
  };
}

/** The text names are counted in: what the enricher reads. */
export function enrichmentText(article: { title: string | null; bodyText: string | null }): string {
  return `${article.title ?? ''}\n${article.bodyText ?? ''}`;
}

/**
 * Whether an enrichment changed what subscribers filter on and are sent (topics, entities, content type,
 * language): only then is a re-enrichment of an already published revision published again as `article.updated`.
 */
export function changedForSubscribers(before: Record<string, unknown> | null, after: EditedEnrichment): boolean {
  if (!before) return true;
  const previous = before as Partial<EditedEnrichment>;
  const key = (e: Partial<EditedEnrichment>): string =>
    JSON.stringify({
      topics: (e.topics ?? []).map((t) => t.qcode).sort(),
      people: (e.entities?.people ?? []).map((p) => p.name.toLowerCase()).sort(),
      organisations: (e.entities?.organisations ?? []).map((o) => o.name.toLowerCase()).sort(),
      places: (e.entities?.places ?? []).map((p) => p.name.toLowerCase()).sort(),
      contentType: e.contentType?.type ?? null,
      language: e.language?.code ?? null,
    });
  return key(previous) !== key(after);
}
