import { readFileSync } from 'node:fs';
import { enrichmentAsset } from '../assets/package-root.util';

/** The IPTC Media Topics release shipped in `libs/enrichment/iptc/` (CC BY 4.0, IPTC). */
export const MEDIA_TOPICS_FILE = 'iptc/mediatopics-2023-10-24.json';
/** Stored with every enrichment so articles can be re-classified when IPTC releases a new scheme. */
export const MEDIA_TOPICS_SCHEME_VERSION = 'iptc-mediatopics-2023-10-24';

/** One concept of the IPTC Media Topics scheme. */
export interface MediaTopic {
  qcode: string;
  label: string;
  definition: string;
  broader: string | null;
  /** From the top level down to the parent. */
  ancestors: string[];
  level: number;
  retired: boolean;
}

/** A qcode with its label: how ancestors are reported. */
export interface MediaTopicRef {
  qcode: string;
  label: string;
}

let byQcode: Map<string, MediaTopic> | undefined;

function scheme(): Map<string, MediaTopic> {
  if (byQcode) return byQcode;
  const raw = JSON.parse(readFileSync(enrichmentAsset(MEDIA_TOPICS_FILE), 'utf8')) as MediaTopic[];
  byQcode = new Map(raw.map((t) => [t.qcode, t]));
  return byQcode;
}

/** Accepts `medtop:04000000`, `04000000` or the IPTC URI form and returns `medtop:04000000`. */
export function normaliseQcode(qcode: string): string {
  const m = /(\d{8})\s*$/.exec(qcode.trim());
  return m ? `medtop:${m[1]}` : qcode.trim();
}

/** The concept for a qcode, or undefined if the scheme does not know it. */
export function mediaTopic(qcode: string): MediaTopic | undefined {
  return scheme().get(normaliseQcode(qcode));
}

/** Ancestors of a concept from the top level down to its parent, with labels; empty for an unknown qcode. */
export function mediaTopicAncestors(qcode: string): MediaTopicRef[] {
  const topic = mediaTopic(qcode);
  if (!topic) return [];
  return topic.ancestors.flatMap((q) => {
    const a = scheme().get(q);
    return a ? [{ qcode: a.qcode, label: a.label }] : [];
  });
}

/** The top-level concept a qcode sits under (itself when it is top level). */
export function mediaTopicTopLevel(qcode: string): MediaTopicRef | undefined {
  const topic = mediaTopic(qcode);
  if (!topic) return undefined;
  const top = topic.ancestors.length ? scheme().get(topic.ancestors[0]) : topic;
  return top ? { qcode: top.qcode, label: top.label } : undefined;
}

/** All concepts of the shipped scheme, active and retired. */
export function mediaTopics(): MediaTopic[] {
  return [...scheme().values()];
}

/** Direct children of a concept (active only). */
export function mediaTopicChildren(qcode: string): MediaTopic[] {
  const q = normaliseQcode(qcode);
  return mediaTopics().filter((t) => t.broader === q && !t.retired);
}
