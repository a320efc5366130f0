import type { EntityAnalysis } from '../../entities/entity.extractor';
import { EntityEdits } from './de-entity-edits';
import { germanOrganisationBase } from './de-inflection';

/*
 * Acronyms the text defines beside their long form: "Instituto Nacional de Estadística (INE)", "ORS genannt („Open
 * Rate System“)", "des Gesetzes über die Förderung der Wärmenetze (GFWG)". The long form says what the acronym is:
 * an organisation is reported by its full name (the fullest form the text uses), a law, a system or a programme is
 * no organisation at all.
 */

// Lower-case words inside a long form: German and Romance prepositions, articles and "and".
const JOINERS = new Set(
  'für der des den dem die das und über zur zum von vom gegen mit im in am an auf of for the and on de del la le les du et di della y e da do dos das'.split(
    ' ',
  ),
);

// Heads of long forms that name a thing, not a body: laws, rules, systems, plans, events and prizes. Compound
// endings ("Infektionsschutzgesetz", "Datenschutz-Grundverordnung") count; English heads as whole words.
const THING_ENDINGS =
  /(?:gesetz|gesetzes|gesetzbuch|gesetzbuches|verordnung|richtlinie|abkommen|abkommens|vertrag|vertrages|vertrags|ordnung|programm|programms|system|systems|modell|modells|verfahren|verfahrens|standard|standards|index|indexes|protokoll|protokolls|syndrom|syndroms|krankheit|erkrankung|technik|technologie|methode|konzept|konzepts|plan|plans|strategie|steuer|abgabe|zulage|prüfung|ausweis|nummer|kennzeichen|format|preis|preises|wahl|konferenz|gipfel|meisterschaft|spiele)$/u;
const THING_WORDS = new Set(
  'act system systems model protocol index standard syndrome disease program programme scheme method regulation directive treaty agreement plan format test award prize conference summit championship games'.split(
    ' ',
  ),
);

/** A long form's words, whether their initials spell the acronym in order, and where it stands before "(ACR)". */
type Definition = { words: string[]; ordered: boolean; span?: [number, number] };

/** Organisation acronyms renamed to the long form the text gives them, or dropped when that names no organisation. */
export function resolveDefinedAcronyms(analysis: EntityAnalysis, text: string): EntityAnalysis {
  const renamed = new Map<string, string>();
  const dropped = new Set<string>();
  const spans: [string, [number, number]][] = [];
  for (const org of analysis.entities.organisations) {
    const letters = acronymLetters(org.name);
    if (!letters) continue;
    const definition = definitionOf(org.name, letters, text);
    if (!definition) continue;
    if (isThing(definition.words)) dropped.add(org.name);
    // Only a long form that spells the acronym in order is a safe name ("Bundesanstalt für Arbeitsschutz
    // und Arbeitsmedizin (BAuA)"); a German compound acronym ("GFWG") only says what kind of thing it is.
    else if (definition.ordered) {
      const name = citationForm(definition.words);
      renamed.set(org.name, name);
      if (definition.span) spans.push([name, definition.span]);
    }
  }
  if (!renamed.size && !dropped.size) return analysis;
  const edits = new EntityEdits(analysis);
  for (const name of dropped) edits.drop('organisation', name);
  for (const [from, to] of renamed) edits.rename('organisation', from, to);
  // The long form is one name: the parts recognised inside it ("Bund für Umwelt", the place "Deutschland" in "Bund
  // für Umwelt und Naturschutz Deutschland (BUND)") are no entities of their own there.
  for (const [name, [start, end]] of spans) {
    const inside = edits.all.filter((m) => m.start >= start && m.end <= end);
    if (inside.length) edits.replace(inside, 'organisation', name, start);
  }
  return edits.result();
}

// Upper-case letters of an acronym ("INE", "BAuA" → B, A, A), or undefined for a word that is none.
function acronymLetters(name: string): string[] | undefined {
  if (!/^[\p{Lu}][\p{Lu}\p{Ll}]{1,7}$/u.test(name)) return undefined;
  const letters = name.match(/\p{Lu}/gu) ?? [];
  return letters.length >= 2 && letters.length * 2 > name.length ? letters : undefined;
}

function definitionOf(acronym: string, letters: string[], text: string): Definition | undefined {
  const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // "Long Form (ACR)": the long form is the run of words before the bracket.
  for (const m of text.matchAll(new RegExp(`\\(\\s*${escaped}\\s*\\)`, 'gu'))) {
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    const clause = before.split(/[,;:.!?()„“”"»«\n]/u).pop() ?? '';
    const words = clause.split(/\s+/).filter(Boolean);
    let found = spelled([...words].reverse(), [...letters].reverse(), true);
    // "Landesbund für Vogelschutz in Bayern (LBV)": the acronym may leave out the place the body works in.
    const region = /\s(?:in|im)\s+\p{Lu}[\p{L}-]+\s*$/u.exec(clause);
    if (region && !found?.ordered) {
      const shorter = spelled(clause.slice(0, region.index).split(/\s+/).filter(Boolean).reverse(), [...letters].reverse(), true);
      if (shorter?.ordered) found = { ...shorter, words: [...region[0].trim().split(/\s+/).reverse(), ...shorter.words] };
    }
    if (!found) continue;
    const long = found.words.reverse();
    const end = m.index - (before.length - before.trimEnd().length);
    return { ...found, words: long, span: [end - long.join(' ').length, end] };
  }
  // "ACR (Long Form)", "ACR genannt („Long Form“)": the long form inside the brackets.
  const after = new RegExp(
    `(?<![\\p{L}])${escaped}(?:\\s+(?:genannt|abgekürzt|kurz))?\\s*\\(\\s*[„"»«“]?([^()„“”"»«\\n]{3,120})[“”"«»]?\\s*\\)`,
    'u',
  );
  const inside = after.exec(text)?.[1];
  return inside ? spelled(inside.split(/\s+/).filter(Boolean), letters) : undefined;
}

// The words of a long form, read from the acronym outwards, and whether their initials spell it in order. A
// capitalised word whose initial is not in the acronym ends the long form.
// A capitalised word gives one initial, a hyphenated one an initial for each part ("Berlin-Brandenburg": B, B).
function spelled(words: string[], letters: string[], reversed = false): Definition | undefined {
  const out: string[] = [];
  let next = 0;
  let ordered = true;
  let capitals = 0;
  for (const raw of words) {
    const word = raw.replace(/^[„"»«“]|[“”"«»]$/gu, '');
    if (JOINERS.has(word.toLowerCase()) && !/^\p{Lu}/u.test(word)) {
      if (!capitals) return undefined;
      out.push(word);
      continue;
    }
    const parts = /^\p{Lu}/u.test(word) ? word.split('-').filter((p) => /^\p{Lu}/u.test(p)) : [];
    const initials = (reversed ? parts.reverse() : parts).map((p) => p[0]);
    if (!initials.length || !initials.every((i) => letters.includes(i)) || capitals + initials.length > letters.length) break;
    for (const initial of initials)
      if (ordered && letters[next] === initial) next++;
      else ordered = false;
    out.push(word);
    capitals += initials.length;
  }
  // Joiners at the open end belong to the sentence, not the name.
  while (out.length && JOINERS.has(out[out.length - 1].toLowerCase())) out.pop();
  if (capitals < 2) return undefined;
  return { words: out, ordered: ordered && next === letters.length };
}

// The head of a German long form comes before its joined object ("Gesetz über …"), else it is the last word.
function headOf(words: string[]): string {
  const joiner = words.findIndex((w) => JOINERS.has(w.toLowerCase()));
  return joiner > 0 ? words[joiner - 1] : words[words.length - 1];
}

function isThing(words: string[]): boolean {
  const head = headOf(words).toLowerCase();
  return THING_WORDS.has(head) || THING_ENDINGS.test(head);
}

// "der Kassenärztlichen Bundesvereinigung (KBV)" → "Kassenärztliche Bundesvereinigung".
function citationForm(words: string[]): string {
  const joiner = words.findIndex((w) => JOINERS.has(w.toLowerCase()));
  return germanOrganisationBase(words, joiner > 0 ? joiner - 1 : words.length - 1);
}
