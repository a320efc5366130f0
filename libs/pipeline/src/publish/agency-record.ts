import type { PublishingAgency, PublishingConcept } from '@copydesk/delivery';
import type { WireMetadata } from '@copydesk/wire';

const concept = (c: { qcode: string | null; uri: string | null; name: string | null } | null | undefined): PublishingConcept | null =>
  c ? { qcode: c.qcode, uri: c.uri, name: c.name } : null;

/** The agency's record of a wire article (kept under `metadata.wire` by the wire reader), as deliveries carry it. */
export function agencyRecord(metadata: Record<string, unknown>): PublishingAgency | null {
  const wire = metadata.wire as Partial<WireMetadata> | undefined;
  if (!wire || typeof wire !== 'object') return null;
  return {
    guid: wire.guid ?? null,
    version: wire.version ?? null,
    provider: concept(wire.provider),
    urgency: wire.urgency ?? null,
    priority: wire.priority ?? null,
    rights: {
      copyrightHolder: wire.rights?.copyrightHolder ?? null,
      copyrightNotice: wire.rights?.copyrightNotice ?? null,
      usageTerms: wire.rights?.usageTerms ?? null,
    },
    genres: (wire.genres ?? []).map((genre) => concept(genre) as PublishingConcept),
    subjects: (wire.subjects ?? []).map((subject) => ({
      ...(concept(subject) as PublishingConcept),
      mediaTopic: subject.mediaTopic,
      mediaTopicMatch: subject.mediaTopicMatch,
    })),
    mediaTopics: wire.mediaTopics ?? [],
    dateline: wire.dateline ?? null,
    located: wire.located ? { name: wire.located.name, qcode: wire.located.qcode } : null,
    hopHistory: (wire.hopHistory ?? []).map((hop) => ({ ...hop, party: concept(hop.party) })),
  };
}
