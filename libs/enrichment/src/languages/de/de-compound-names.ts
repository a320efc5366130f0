import type { EntityAnalysis } from '../../entities/entity.extractor';
import { geoGazetteer } from '../../gazetteers/geo.gazetteer';
import { EntityEdits } from './de-entity-edits';
import { germanNouns } from './de-nouns.lexicon';
import { DE_COMMON_ACRONYMS, DE_GIVEN_NAMES, DE_ROLE_ENDINGS, DE_TITLES, RoleWords } from './de.resources';

/*
 * German writes a name and a noun as one hyphenated word: "des ABC-Berichts", "die SPD-Fraktion", "die
 * Siemens-Tochter". The recogniser reads the compound as one common noun; the name before the hyphen is an
 * organisation when it is an acronym, or a word no lexicon knows before a noun for a company's parts and people.
 */

// Capitals used as abbreviations of things, not bodies ("TV-Sender", "KI-Modell", "US-Präsident" is a place).
const NOT_A_BODY = new Set('TV PR KI IT PC CD DVD USB SMS PIN WLAN GPS LED WC KW PKW LKW ID UKW CO SUV US USA UK GB NRW'.split(' '));
// "die SPD-Chefin", "der BDZV-Hauptgeschäftsführer": a role names a person, whom quotes are attributed to.
const ROLES = new RoleWords(DE_TITLES, DE_ROLE_ENDINGS);
const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}][\p{Lu}\p{Ll}]{1,6}$/u;
// Nouns after a company's name: its parts, its people, its customers and its shares.
const BUSINESS_HEAD =
  /^(?:Sparte|Sparten|Tochter|Töchter|Tochterfirma|Konzern|Konzerns|Aktie|Aktien|Aktionäre|Kanal|Kanals|Account|Konto|Abonnent|Abonnenten|Nutzer|Nutzerin|Nutzerinnen|Kunden|Kundin|Mitarbeiter|Mitarbeiterin|Mitarbeitenden|Manager|Managerin|Gründer|Gründerin|Vorstand|Vorstands|Zentrale|Filiale|Filialen|Boss|App|Plattform|Gruppe|Werk|Werke|Werks|Standort|Standorts)$/u;

/** Organisations named as the first part of a hyphenated compound. */
export function namesInCompounds(analysis: EntityAnalysis, text: string): EntityAnalysis {
  const known = new Map<string, string>();
  for (const [list, type] of [
    [analysis.entities.people, 'person'],
    [analysis.entities.places, 'place'],
  ] as const)
    for (const e of list) for (const w of e.name.toLowerCase().split(/\s+/)) known.set(w, type);
  const edits = new EntityEdits(analysis);
  const salience = Math.min(0.3, ...analysis.entities.organisations.map((o) => o.salience));
  for (const t of analysis.tokens) {
    const m = /^(\p{Lu}[\p{L}\p{N}]*)-(\p{Lu}[\p{L}]*)(?:-(\p{Lu}[\p{L}]*))?$/u.exec(t.text);
    const head = m?.[3] ?? m?.[2] ?? '';
    if (!m || t.position === 0 || ROLES.has(head.toLowerCase()) || !isOrganisation(m[1], head, known)) continue;
    edits.add(
      {
        canonical: definedAs(m[1], analysis, text),
        type: 'organisation',
        start: t.start,
        end: t.start + m[1].length,
        sentence: t.sentence,
      },
      salience,
    );
  }
  return edits.result();
}

function isOrganisation(name: string, head: string, known: ReadonlyMap<string, string>): boolean {
  const lower = name.toLowerCase();
  if (known.has(lower)) return false;
  const geo = geoGazetteer();
  if (geo.countries.has(lower) || geo.regions.has(lower) || geo.cities.has(lower) || geo.worldRegions.has(lower)) return false;
  if (ACRONYM.test(name)) return !NOT_A_BODY.has(name.toUpperCase()) && !DE_COMMON_ACRONYMS.has(name.toUpperCase());
  return /^\p{Lu}\p{Ll}{2,}$/u.test(name) && BUSINESS_HEAD.test(head) && !germanNouns().all.has(lower) && !DE_GIVEN_NAMES.has(lower);
}

// "Europäischer Gerichtshof (EuGH) … das EuGH-Urteil": an acronym defined beside a name stands for that name.
function definedAs(acronym: string, analysis: EntityAnalysis, text: string): string {
  const at = text.indexOf(`(${acronym})`);
  if (at < 0) return acronym;
  const end = text.slice(0, at).trimEnd().length;
  return analysis.mentions.find((m) => m.type === 'organisation' && m.end === end)?.canonical ?? acronym;
}
