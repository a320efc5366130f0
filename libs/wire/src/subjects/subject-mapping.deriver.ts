/** The fields of an IPTC Media Topic concept the mapping needs (libs/enrichment/iptc/mediatopics-*.json). */
export interface MediaTopicConcept {
  qcode: string;
  broader: string | null;
  retired: boolean;
  /** IPTC's exact match in the Subject Codes scheme (`subj:15007000`), or null. */
  subjectCode: string | null;
}

/** An 8-digit IPTC subject code → its Media Topic and how it was found. */
export type SubjectCodeMapping = Record<string, readonly [mediaTopic: string, match: 'exact' | 'broader']>;

/**
 * Derives the Subject Code → Media Topic table from IPTC's own mapping (the `subjectCode` exact matches IPTC
 * publishes with the Media Topics scheme). A code whose topic is retired maps to that topic's nearest active broader
 * topic (`broader`), so no article is tagged with a retired topic. Codes IPTC does not map are left out: at run time
 * they take the mapping of their nearest broader subject code.
 */
export function deriveSubjectCodeMapping(concepts: readonly MediaTopicConcept[]): SubjectCodeMapping {
  const byQcode = new Map(concepts.map((c) => [c.qcode, c]));
  const mapping: Record<string, readonly [string, 'exact' | 'broader']> = {};
  for (const concept of concepts) {
    const code = subjectDigits(concept.subjectCode);
    if (!code || concept.retired) continue;
    mapping[code] ??= [concept.qcode, 'exact'];
  }
  for (const concept of concepts) {
    const code = subjectDigits(concept.subjectCode);
    if (!code || !concept.retired || mapping[code]) continue;
    const active = activeAncestor(concept, byQcode);
    if (active) mapping[code] = [active, 'broader'];
  }
  return mapping;
}

function subjectDigits(subjectCode: string | null): string | null {
  const match = subjectCode ? /^subj:(\d{8})$/.exec(subjectCode) : null;
  return match ? match[1] : null;
}

function activeAncestor(concept: MediaTopicConcept, byQcode: Map<string, MediaTopicConcept>): string | null {
  const seen = new Set<string>();
  let broader = concept.broader;
  while (broader && !seen.has(broader)) {
    seen.add(broader);
    const parent = byQcode.get(broader);
    if (!parent) return null;
    if (!parent.retired) return parent.qcode;
    broader = parent.broader;
  }
  return null;
}
