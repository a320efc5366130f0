import type { EntityAnalysis } from '../../entities/entity.extractor';
import { gazetteer } from '../../entities/entity.gazetteer';
import type { Token } from '../../entities/name-span.finder';
import { geoGazetteer } from '../../gazetteers/geo.gazetteer';
import { EntityEdits } from './de-entity-edits';
import { germanNouns } from './de-nouns.lexicon';
import { DE_GIVEN_NAMES, DE_MONTHS, DE_ROLE_ENDINGS, DE_STOPWORDS, DE_TITLES, RoleWords } from './de.resources';

/*
 * Where a report cites a body as its source, the name is an organisation even when nothing in it says so: "laut
 * Bitkom", "Eurostat zufolge", "teilte Evonik mit", "wie Destatis mitteilte", "ein Sprecher von Enercon", "Anna
 * Berger, Ingenieurin bei Trumpf". People are cited the same way, so the name must be no person the text names, no
 * given name, no place and no German noun (in any form or as the end of a compound: "laut Polizei", "laut
 * Branchenverband"). A name hyphenated to a role ("ein Vattenfall-Sprecher") is left alone: the compound names the
 * person quotes are attributed to (tried: it cost a quote's speaker and found no organisation the bench lacked).
 */

const ROLES = new RoleWords(DE_TITLES, DE_ROLE_ENDINGS);
// Right before the name.
const SOURCE_BEFORE = /(?:^|[^\p{L}])(?:[Ll]aut|[Ss]eitens)\s+$/u;
const ROLE_OF =
  /(?:^|[^\p{L}])(?:[Ss]precher|[Ss]precherin|[Ss]prechers|[Mm]itarbeiter|[Mm]itarbeiterin|[Mm]itarbeitende|[Mm]anager|[Mm]anagerin)\s+(?:von|bei)\s+$/u;
// "Anna Berger, Ingenieurin bei Trumpf": a job after a name and a comma, then "bei".
const JOB_AT = /,\s+(?:\p{Ll}+\s+)?\p{Lu}\p{Ll}{3,}\s+bei\s+$/u;
// "teilte Evonik mit", "gab Bosch am Montag bekannt": the verb, the name, its particle.
const VERB_BEFORE = /(?:^|[^\p{L}])(?:teilte|teilt|gab|gibt)\s+$/u;
const PARTICLE_AFTER = /^\s+(?:(?:am|an|im)\s+\p{L}+\s+|\p{Ll}+\s+)?(?:mit|bekannt)(?![\p{L}])/u;
// "wie Destatis mitteilte", "wie Bitkom am Dienstag berichtete".
const AS_BEFORE = /(?:^|[^\p{L}])[Ww]ie\s+$/u;
const AS_AFTER =
  /^\s+(?:[\p{L}\d.]+\s+){0,3}(?:mitteilte|mitteilt|berichtete|berichtet|meldete|meldet|bekanntgab|bekannt gab|schätzt|schätzte|errechnete|ermittelte)(?![\p{L}])/u;
const ZUFOLGE_AFTER = /^\s+zufolge(?![\p{L}])/u;
const MAX_WORDS = 2;
// The words the patterns above end in, right before the name.
const CITING_BEFORE: ReadonlySet<string | undefined> = new Set(['laut', 'seitens', 'von', 'bei', 'teilte', 'teilt', 'gab', 'gibt', 'wie']);

/** Organisations named as the source a report cites; none the text already names. */
export function organisationsCitedAsSources(analysis: EntityAnalysis, text: string): EntityAnalysis {
  const covered = (start: number, end: number): boolean => analysis.mentions.some((m) => m.start < end && start < m.end);
  const people = new Set(analysis.entities.people.flatMap((p) => p.name.toLowerCase().split(/\s+/)));
  const edits = new EntityEdits(analysis);
  const salience = Math.min(0.3, ...analysis.entities.organisations.map((o) => o.salience));
  const tokens = analysis.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // The cheap tests first: a citing word next to it, the shape of a name, the citing words around it, the lexicons.
    if (!t.capitalised || !(CITING_BEFORE.has(tokens[i - 1]?.lower) || tokens.slice(i + 1, i + 3).some((x) => x.lower === 'zufolge')))
      continue;
    const run = nameRun(tokens, i, text);
    if (!run.length) continue;
    const start = run[0].start;
    const end = run[run.length - 1].end;
    if (covered(start, end) || !cited(text, start, end) || !run.every((x) => nameWord(x.bare, people))) continue;
    edits.add({ canonical: run.map((x) => x.bare).join(' '), type: 'organisation', start, end, sentence: t.sentence }, salience);
    i += run.length - 1;
  }
  return edits.result();
}

function cited(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 60);
  return (
    SOURCE_BEFORE.test(before) ||
    ROLE_OF.test(before) ||
    roleOf(before) ||
    JOB_AT.test(before) ||
    (VERB_BEFORE.test(before) && PARTICLE_AFTER.test(after)) ||
    (AS_BEFORE.test(before) && AS_AFTER.test(after)) ||
    ZUFOLGE_AFTER.test(after)
  );
}

// "Gründerin von Quandrix", "Vorstandschef bei Velotrab": any role or title, then "von" or "bei".
function roleOf(before: string): boolean {
  const m = /(?:^|[^\p{L}])(\p{L}+)\s+(?:von|bei)\s+$/u.exec(before);
  return !!m && ROLES.has(m[1].toLowerCase());
}

// One or two capitalised words in a row, separated by a space, none a function word.
function nameRun(tokens: Token[], i: number, text: string): Token[] {
  const run: Token[] = [];
  for (let k = i; k < tokens.length && run.length < MAX_WORDS; k++) {
    const t = tokens[k];
    if (t.sentence !== tokens[i].sentence || !/^\p{Lu}[\p{L}\d&.-]*$/u.test(t.bare) || DE_STOPWORDS.has(t.lower)) break;
    if (run.length && text.slice(run[run.length - 1].end, t.start) !== ' ') break;
    run.push(t);
  }
  return run;
}

// A word that can only be a name here: no function word, role, month, given name, person's name, place or noun.
function nameWord(word: string, people: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  // Initials ("H.-J. Meyer") are no name of a body.
  if (!/^\p{Lu}[\p{L}\d&.-]*$/u.test(word) || !/\p{L}{2}/u.test(word)) return false;
  if (DE_STOPWORDS.has(lower) || ROLES.has(lower) || DE_MONTHS.has(lower) || DE_GIVEN_NAMES.has(lower) || people.has(lower)) return false;
  const g = gazetteer();
  const geo = geoGazetteer();
  if (g.firstNames.has(lower) || g.places.has(lower) || geo.countries.has(lower) || geo.regions.has(lower) || geo.cities.has(lower))
    return false;
  const nouns = germanNouns();
  if (nouns.all.has(lower) || nouns.forms.has(lower)) return false;
  // "Branchenverband", "Statistikamt": the end of a compound is a noun.
  for (let i = 2; i <= lower.length - 4; i++) if (nouns.forms.has(lower.slice(i))) return false;
  return true;
}
