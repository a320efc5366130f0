import type { EntityAnalysis, EntityMention } from '../../entities/entity.extractor';
import { EntityEdits } from './de-entity-edits';

/*
 * People and places inside the name of a work or a document are not named by the text: the film „Ein Sommer in
 * Lissabon“ is set in no place the report is about, „Kommissar Dr. Hallberg“ is a title, and the "Erklärung von
 * Kopenhagen" is a document, not a visit. Organisations are left alone: media and groups are often written in quotes
 * (die Zeitung „Hamburger Abendblatt“).
 */

// A short quoted title: up to six words, not ending in a sentence mark or comma, and no speech after it
// ("„Berlin bleibt Berlin“, sagte sie" is a quote; "„Hokuspokus“, „Tatort“ und …" lists titles).
// Straight quotes are left out: one left open would pair the next two the wrong way round.
const QUOTED_TITLE = /[„»«]([^„“”"»«\n]{1,80})[“”"«»](?!,(?!\s*[„»«]))/gu;
const MAX_TITLE_WORDS = 6;
// Documents named after the place they were signed or declared at: "Vertrag von Lissabon", "Erklärung von Kopenhagen".
const DOCUMENT_OF =
  /(?<![\p{L}])(?:Erklärung|Deklaration|Vertrag|Vertrags|Vertrages|Abkommen|Abkommens|Protokoll|Protokolls|Charta|Konvention|Resolution)\s+(?:von|aus)\s+$/u;

/** Drops person and place mentions inside quoted titles and document names; an entity left without mentions goes. */
export function dropNamesInWorkTitles(analysis: EntityAnalysis, text: string): EntityAnalysis {
  const titles: [number, number][] = [];
  for (const m of text.matchAll(QUOTED_TITLE)) {
    const inner = m[1].trim();
    if (inner.split(/\s+/).length <= MAX_TITLE_WORDS && !/[.!?,;:]$/.test(inner)) titles.push([m.index, m.index + m[0].length]);
  }
  const inTitle = (x: EntityMention): boolean => titles.some(([start, end]) => x.start > start && x.end < end);
  const afterDocument = (x: EntityMention): boolean =>
    x.type === 'place' && DOCUMENT_OF.test(text.slice(Math.max(0, x.start - 30), x.start));
  const drop = analysis.mentions.filter((x) => x.type !== 'organisation' && (inTitle(x) || afterDocument(x)));
  if (!drop.length) return analysis;
  const edits = new EntityEdits(analysis);
  edits.remove(drop);
  return edits.result();
}
