import type { EntityAnalysis, EntityMention } from '../../entities/entity.extractor';
import type { Token } from '../../entities/name-span.finder';
import { EntityEdits } from './de-entity-edits';
import { germanNouns } from './de-nouns.lexicon';
import { DE_STOPWORDS } from './de.resources';

/*
 * Names listed with organisations are organisations: "Google, Amazon, X und die Telekom", "die Verlage Carlsen
 * und Blaue Feder". In German every noun is capitalised, so a list member must not read as a common
 * noun: only words no noun lexicon knows, or a capitalised adjective before one ("Blaue Feder").
 */

const SEPARATOR = /^(?:,\s*|\s+(?:und|oder|sowie)\s+(?:(?:die|der|das|den|dem)\s+)?)$/u;
const MAX_WORDS = 3;

/** Unrecognised names listed beside at least two organisations, or beside one when an adjective opens the name. */
export function namesListedWithOrganisations(analysis: EntityAnalysis, text: string): EntityAnalysis {
  const orgs = analysis.mentions.filter((m) => m.type === 'organisation');
  const covered = (t: Token): boolean => analysis.mentions.some((m) => m.start < t.end && t.start < m.end);
  const edits = new EntityEdits(analysis);
  const salience = Math.min(0.3, ...analysis.entities.organisations.map((o) => o.salience));
  const tokens = analysis.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const run: Token[] = [];
    for (let k = i; k < tokens.length && run.length < MAX_WORDS && candidate(tokens[k], tokens[i]) && !covered(tokens[k]); k++)
      if (k === i || text.slice(tokens[k - 1].end, tokens[k].start) === ' ') run.push(tokens[k]);
      else break;
    if (!run.length || !nameLike(run)) continue;
    const start = run[0].start;
    const end = run[run.length - 1].end;
    const left = chain(orgs, start, text, -1);
    const right = chain(orgs, end, text, 1);
    const adjective = run.length > 1 && germanNouns().adjectival.has(run[0].lower);
    if (left + right >= 2 || (adjective && left + right >= 1)) {
      edits.add({ canonical: run.map((t) => t.bare).join(' '), type: 'organisation', start, end, sentence: run[0].sentence }, salience);
      i += run.length - 1;
    }
  }
  return edits.result();
}

function candidate(t: Token, first: Token): boolean {
  return t.sentence === first.sentence && t.position > 0 && /^\p{Lu}[\p{L}]*$/u.test(t.text);
}

// No word of the name is a function word or a common noun (also as the end of a compound: "Verleihfirmen"),
// except a capitalised adjective before the last word ("Blaue Feder").
function nameLike(run: Token[]): boolean {
  const nouns = germanNouns();
  const adjective = (t: Token, i: number): boolean => i < run.length - 1 && nouns.adjectival.has(t.lower);
  const compound = (w: string): boolean => [...w].some((_, i) => i > 0 && w.length - i >= 4 && nouns.forms.has(w.slice(i)));
  return run.every((t, i) => adjective(t, i) || (!DE_STOPWORDS.has(t.lower) && !nouns.forms.has(t.lower) && (i > 0 || !compound(t.lower))));
}

// How many organisations the list holds on one side of a member, each joined to the next by a comma or "und".
function chain(orgs: EntityMention[], from: number, text: string, direction: -1 | 1): number {
  let count = 0;
  let at = from;
  for (;;) {
    const next =
      direction < 0
        ? [...orgs].reverse().find((m) => m.end <= at && SEPARATOR.test(text.slice(m.end, at)))
        : orgs.find((m) => m.start >= at && SEPARATOR.test(text.slice(at, m.start)));
    if (!next) return count;
    count++;
    at = direction < 0 ? next.start : next.end;
  }
}
