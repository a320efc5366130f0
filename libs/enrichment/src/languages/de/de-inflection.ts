import { germanNouns, type Gender } from './de-nouns.lexicon';
import { DE_ORGANISATION_HEADS } from './de.resources';

/** The last noun of a compound, as the lexicon knows it: "Bundesgerichtshofes" → "hof", inflected, masculine. */
interface CompoundHead {
  /** The compound in its nominative singular ("Bundesgerichtshof"), or the word itself when not inflected. */
  nominative: string;
  gender?: Gender;
  plural: boolean;
}

// The lexicon has "Bund" only as the neuter "bundle"; in names it is the masculine federation.
const GENDER_OVERRIDES: Record<string, Gender> = { bund: 'M', rat: 'M', verband: 'M' };
const MIN_PART = 3;
// Longest first, so "gerichtshof" wins over "hof"; only nominative heads (the genitive is read off below).
const HEADS = [...DE_ORGANISATION_HEADS].sort((a, b) => b.length - a.length);

/** The head noun of a (compound) word, its gender and its nominative singular; undefined when no part is known. */
export function compoundHead(word: string): CompoundHead | undefined {
  const nouns = germanNouns();
  // The last hyphenated part carries the case: "Lebens-Rettungs-Gesellschaft".
  const dash = word.lastIndexOf('-');
  const part = word.slice(dash + 1);
  const lower = part.toLowerCase();
  // An organisation head ends the word: "Bundesamt" is Bundes+amt, not Bunde+samt ("Samt").
  // The dative of a plural in -e: "den Stadtwerken", "den Verkehrsbetrieben" → "Stadtwerke", "Verkehrsbetriebe"
  // (a plural of five letters or more ends the word less the "n": "Werke", not "Asse" in "Ersatzkassen").
  const dative = /en$/u.test(lower) ? lower.slice(0, -1) : '';
  for (let i = 0; dative && i <= dative.length - 5; i++)
    if (nouns.plurals.has(dative.slice(i)) && !nouns.all.has(dative.slice(i))) return { nominative: word.slice(0, -1), plural: true };
  const known = HEADS.find((h) => lower.endsWith(h) && nouns.all.has(h));
  if (known && (lower === known || lower.length - known.length >= MIN_PART)) return headOf(word, dash, lower.length - known.length, known);
  for (let i = 0; i <= lower.length - MIN_PART; i++) {
    const tail = lower.slice(i);
    const oblique = nouns.obliqueSingular.get(tail);
    // "Stadtwerke" is a nominative plural, not the old dative singular ("dem Werke") news copy no longer writes.
    const oldDative = oblique !== undefined && tail === `${oblique}e` && nouns.plurals.has(tail);
    const lemma = nouns.all.has(tail) ? tail : oldDative ? undefined : oblique;
    const plural = !lemma && nouns.plurals.has(tail);
    if (!lemma && !plural) continue;
    if (lemma) return headOf(word, dash, i, lemma);
    return { nominative: word, plural: true };
  }
  return undefined;
}

function headOf(word: string, dash: number, at: number, lemma: string): CompoundHead {
  const nominative = word.slice(0, dash + 1 + at) + (at === 0 ? capitalise(lemma) : lemma);
  return { nominative, gender: GENDER_OVERRIDES[lemma] ?? germanNouns().gender.get(lemma), plural: false };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// Weak and mixed adjective endings ("Europäischen", "Deutschem", "Allgemeine") that a citation form does not have.
const INFLECTED_ADJECTIVE = /^(\p{Lu}\p{Ll}+?(?:-\p{Lu}\p{Ll}+?)?)(?:e|en|em)$/u;
const STRONG_ENDING: Record<Gender, string> = { M: 'er', F: 'e', N: 'es' };

/**
 * The citation form of an organisation's name met in any case, as a newsroom writes it without article:
 * "des Europäischen Gerichtshofes" → "Europäischer Gerichtshof", "dem Norddeutschen Rundfunk" → "Norddeutscher
 * Rundfunk", "der Deutschen Presse-Agentur" → "Deutsche Presse-Agentur", "den Vereinten Nationen" → "Vereinte Nationen".
 */
export function germanOrganisationBase(words: string[], headIndex = words.length - 1): string {
  const out = [...words];
  // Words after the head ("Universität Hamburg", "Institut für den Wissenschaftlichen Film") stay as written.
  const last = headIndex;
  const head = compoundHead(out[last]);
  if (head) out[last] = head.nominative;
  const ending = head?.plural ? 'e' : head?.gender ? STRONG_ENDING[head.gender] : 'e';
  const nouns = germanNouns();
  for (let i = 0; i < last; i++) {
    const m = INFLECTED_ADJECTIVE.exec(out[i]);
    // Words ending in -er ("Hamburger", "Malteser") are indeclinable or already nominative; nouns stay as written.
    const lower = out[i].toLowerCase();
    // A hyphenated word is a compound noun ("Arbeiter-Samariter"), unless an adjective of a place ends it
    // ("Schleswig-Holsteinischen").
    const hyphenated = out[i].includes('-') && !/-\p{Lu}\p{Ll}+isch(?:e|en|em)$/u.test(out[i]);
    if (!m || hyphenated || (nouns.all.has(lower) && !nouns.adjectival.has(lower))) continue;
    // A noun's plural is no adjective ("Bayerische Motoren Werke", "Pumpen"): only a form of an adjective used as a
    // noun ("Europäischen" of "Europäische") may be an inflected adjective.
    if (nouns.forms.has(lower) && !nouns.adjectival.has(`${m[1].toLowerCase()}e`)) continue;
    // "Verbraucherzentrale Bundesverband", "Techniker Krankenkasse": a compound of nouns is no adjective either.
    if (nounCompound(lower)) continue;
    out[i] = m[1] + ending;
  }
  return out.join(' ');
}

// A noun compound in the nominative: a lexicon noun of four letters or more ends it, after a noun (with or without
// a linking "s", "n" or "en") of three or more ("Verbraucher|zentrale", "Gesundheits|agentur"), so an adjective
// whose end spells a noun ("Tech|nische") is not one; nor is a direction before an adjective ("Nord|deutsche",
// "Mittel|deutsche"), though the lexicon knows both parts as nouns.
function nounCompound(lower: string): boolean {
  const nouns = germanNouns();
  for (let i = 3; i <= lower.length - 4; i++) {
    const tail = lower.slice(i);
    const head = lower.slice(0, i);
    // A short noun before an adjective used as a noun may be a prefix ("All|gemeine"): only a longer one counts.
    const adjectival = nouns.adjectival.has(tail);
    if (!nouns.all.has(tail) || (adjectival && (DIRECTION.test(head) || head.length < 5))) continue;
    if ([head, head.replace(/(?:s|n|en|e)$/u, '')].some((h) => h.length >= 3 && nouns.all.has(h))) return true;
  }
  return false;
}

const DIRECTION = /^(?:nord|süd|ost|west|nordost|nordwest|südost|südwest|mittel|ober|unter|nieder|hoch|zentral)$/u;
