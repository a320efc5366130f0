import type { Enrichment } from '../enrichment.types';
import type { ArticleEntities, ArticleEntity } from '../entities/entity.extractor';
import { MEDIA_TOPICS_SCHEME_VERSION, mediaTopic, mediaTopicAncestors, normaliseQcode } from '../topics/media-topics.scheme';
import type { ArticleTopic } from '../topics/topic.classifier';

export type EntityKind = keyof ArticleEntities;
export const ENTITY_KINDS: readonly EntityKind[] = ['people', 'organisations', 'places'];

/** Who made a correction and when: an API key id (null for the installation's admin key) and an ISO instant. */
export interface CorrectionAuthor {
  correctedBy: string | null;
  correctedAt: string;
}

/** An editor's topics for an article, in the editor's order: they replace the machine's. */
export interface TopicCorrection extends CorrectionAuthor {
  qcodes: string[];
}

/** An editor's names for an article: each kind given replaces the machine's list of that kind; others stay. */
export interface EntityCorrection extends CorrectionAuthor {
  entities: Partial<Record<EntityKind, string[]>>;
}

/** The corrections in force for an article (the latest of each kind). */
export interface EditorialCorrections {
  topics?: TopicCorrection;
  entities?: EntityCorrection;
}

/**
 * What an edited enrichment records about its corrections: who and when, and what the machine had said, so the
 * machine's own output can be recovered (a later correction of one entity kind must not lose the others) and
 * editors' disagreements with the machine can be counted.
 */
export interface EditorialRecord {
  topics?: CorrectionAuthor & { machineTopics: ArticleTopic[] };
  entities?: CorrectionAuthor & { kinds: EntityKind[]; machineEntities: Partial<ArticleEntities> };
}

/** An enrichment as stored: the machine's, with editors' corrections merged in and recorded. */
export type EditedEnrichment = Enrichment & { editorial?: EditorialRecord };

// medtop:04000000, 04000000, or the concept URI http://cv.iptc.org/newscodes/mediatopic/04000000.
const QCODE_FORMS = /^(?:medtop:|https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/)?\d{8}$/i;

/** A qcode an editor sent that cannot be used, with why. */
export interface RejectedTopic {
  index: number;
  qcode: string;
  reason: string;
}

/**
 * Checks editor-chosen topics against the shipped IPTC scheme: each must be a known, active Media Topic (`medtop:…`,
 * the bare eight digits or the IPTC URI). Returns them normalised and de-duplicated in the editor's order, or why not.
 */
export function checkEditorTopics(qcodes: readonly string[]): { qcodes: string[]; rejected: RejectedTopic[] } {
  const accepted: string[] = [];
  const rejected: RejectedTopic[] = [];
  qcodes.forEach((given, index) => {
    const topic = QCODE_FORMS.test(given.trim()) ? mediaTopic(given) : undefined;
    if (!QCODE_FORMS.test(given.trim())) rejected.push({ index, qcode: given, reason: 'is not a Media Topic qcode (medtop:NNNNNNNN)' });
    else if (!topic) rejected.push({ index, qcode: given, reason: `is not an IPTC Media Topic of ${MEDIA_TOPICS_SCHEME_VERSION}` });
    else if (topic.retired) rejected.push({ index, qcode: given, reason: `is retired in ${MEDIA_TOPICS_SCHEME_VERSION}` });
    else if (!accepted.includes(topic.qcode)) accepted.push(topic.qcode);
  });
  return { qcodes: accepted, rejected };
}

/** Editor topics as article topics: confidence 1, source `editor`, ancestors from the scheme. */
export function editorTopics(qcodes: readonly string[]): ArticleTopic[] {
  return qcodes.map((given) => {
    const qcode = normaliseQcode(given);
    return {
      qcode,
      label: mediaTopic(qcode)?.label ?? qcode,
      confidence: 1,
      ancestors: mediaTopicAncestors(qcode),
      source: 'editor' as const,
    };
  });
}

/**
 * The machine's own enrichment behind a stored one: editors' corrections taken out again. An enrichment without an
 * editorial record is returned as it is.
 */
export function machineEnrichment(stored: EditedEnrichment): Enrichment {
  const { editorial, ...enrichment } = stored;
  if (!editorial) return enrichment;
  const entities = { ...enrichment.entities };
  for (const kind of editorial.entities?.kinds ?? []) entities[kind] = editorial.entities?.machineEntities[kind] ?? [];
  return { ...enrichment, topics: editorial.topics?.machineTopics ?? enrichment.topics, entities };
}

/**
 * Merges editors' corrections into a machine enrichment: editor topics replace the machine's; each corrected entity
 * kind is replaced by the editor's names (keeping the machine's count for a name it found too, else counting the name
 * in `text`). Pure; the machine's output is kept in `editorial` so it can be recovered.
 */
export function applyEditorialCorrections(machine: Enrichment, corrections: EditorialCorrections, text = ''): EditedEnrichment {
  const { topics, entities } = corrections;
  if (!topics && !entities) return machine;
  const editorial: EditorialRecord = {};
  // Enrichments stored by older enricher versions may lack a field: read them as empty.
  const stored = machine.entities as Partial<ArticleEntities> | undefined;
  const found: ArticleEntities = { people: stored?.people ?? [], organisations: stored?.organisations ?? [], places: stored?.places ?? [] };
  const edited: EditedEnrichment = { ...machine, entities: { ...found }, editorial };
  if (topics) {
    edited.topics = editorTopics(topics.qcodes);
    editorial.topics = { correctedBy: topics.correctedBy, correctedAt: topics.correctedAt, machineTopics: machine.topics };
  }
  if (entities) {
    const kinds = ENTITY_KINDS.filter((kind) => entities.entities[kind] !== undefined);
    const machineEntities: Partial<ArticleEntities> = {};
    for (const kind of kinds) {
      machineEntities[kind] = found[kind];
      edited.entities[kind] = editorEntities(entities.entities[kind] ?? [], found[kind], text);
    }
    editorial.entities = { correctedBy: entities.correctedBy, correctedAt: entities.correctedAt, kinds, machineEntities };
  }
  return edited;
}

function editorEntities(names: readonly string[], found: readonly ArticleEntity[], text: string): ArticleEntity[] {
  const seen = new Set<string>();
  const out: ArticleEntity[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const key = name.toLocaleLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    const machine = found.find((e) => e.name.toLocaleLowerCase() === key);
    // The editor's list is the editor's ranking: salience 1 for all, the order kept.
    out.push({ name, count: machine?.count ?? occurrences(text, name), salience: 1, source: 'editor' });
  }
  return out;
}

function occurrences(text: string, name: string): number {
  if (!text) return 0;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (text.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu')) ?? []).length;
}
