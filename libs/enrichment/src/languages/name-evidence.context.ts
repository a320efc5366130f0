import type { EntityType } from '../entities/entity.classifier';
import { gazetteer, type Gazetteer } from '../entities/entity.gazetteer';
import type { Token } from '../entities/name-span.finder';
import { geoGazetteer, type GeoGazetteer } from '../gazetteers/geo.gazetteer';
import type { Found } from './name-evidence.summary';
import type { NameEvidence } from './name-evidence.types';

type CommonNouns = ReturnType<NonNullable<NameEvidence['commonNouns']>>;

/**
 * One article's recognition state (tokens, what is found, which tokens are taken) and the word tests every step of
 * the evidence-based recogniser shares.
 */
export class EvidenceContext {
  readonly found: Found[] = [];
  readonly used = new Set<number>();
  readonly g: Gazetteer = gazetteer();
  readonly geo: GeoGazetteer = geoGazetteer();
  // A head in the genitive too: "des Norddeutschen Rundfunks", "des Verbandes".
  readonly headRe: RegExp;
  // Countries, continents and exonyms are names wherever they stand ("die Schweiz", "im Iran"); towns and regions
  // share their names with common nouns ("Boden", "Lage", "Zug").
  private readonly nouns: CommonNouns | undefined;
  private readonly localTowns: Set<string>[];
  private personSurnames: Set<string> | undefined;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly res: NameEvidence,
  ) {
    this.headRe = res.organisationHeads.length ? new RegExp(`(${res.organisationHeads.join('|')})(?:e?s)?$`, 'iu') : /(?!)/;
    this.nouns = res.commonNouns?.();
    this.localTowns = (res.localCountries ?? []).map((c) => this.geo.smallTowns.get(c)).filter((x): x is Set<string> => !!x);
  }

  take(type: EntityType, run: Token[], name?: string): void {
    if (!run.length || run.some((t) => this.used.has(t.index))) return;
    for (const t of run) this.used.add(t.index);
    this.found.push({ type, tokens: run, name: name ?? run.map((t) => t.bare).join(' ') });
  }

  sameSentence(a: Token, b: Token | undefined): b is Token {
    return !!b && b.sentence === a.sentence;
  }

  // A country's name in some other language that is a countable noun here ("Mann", "Oma", "Chili") is the noun.
  isCountry(k: string): boolean {
    const { geo, nouns } = this;
    return (
      this.res.exonyms.has(k) || ((geo.countries.has(k) || geo.worldRegions.has(k)) && !(nouns?.all.has(k) && !nouns.withoutPlural.has(k)))
    );
  }

  isPlace(name: string): boolean {
    const k = name.toLowerCase();
    return this.isCountry(k) || this.geo.regions.has(k) || this.geo.cities.has(k) || this.g.places.has(k);
  }

  private compass(t: Token): string | undefined {
    const m = this.res.compassPrefix?.exec(t.bare);
    const k = m?.[1].toLowerCase() ?? '';
    // "Nordspanien", "Südhessen", "Westberlin": a country, a region or a city.
    return m && (this.isCountry(k) || this.geo.regions.has(k) || (this.geo.cities.get(k) ?? 0) >= 100000) ? t.bare : undefined;
  }

  placeBase(t: Token): string | undefined {
    if (this.isPlace(t.bare)) return t.bare;
    // Genitive: "Deutschlands", "Hamburgs"; only of names too large to be a plural noun too ("Bars", "Virus").
    const base = t.bare.slice(0, -1).toLowerCase();
    // Regions too ("Bayerns", "Tirols"), when the word is no form of a common noun ("Landes"); a name the noun
    // lexicon lists without a plural is no common noun ("Bayern").
    const region =
      base.length >= 5 && this.geo.regions.has(base) && (!this.nouns?.forms.has(t.lower) || this.nouns.withoutPlural.has(base));
    if (/s$/.test(t.bare) && (this.isCountry(base) || region || (this.geo.cities.get(base) ?? 0) >= 100000)) return t.bare.slice(0, -1);
    return this.compass(t);
  }

  // A place's name written in capitals: a country or world region ("USA", "UAE"), or a place the entity gazetteer
  // knows apart from the subdivision and town lists ("UK").
  acronymPlace(base: string): boolean {
    const k = base.toLowerCase();
    return this.isCountry(k) || (this.g.places.has(k) && !this.geo.regions.has(k) && !this.geo.cities.has(k));
  }

  largePlace(t: Token): boolean {
    const base = this.placeBase(t)?.toLowerCase();
    return base !== undefined && (this.isCountry(base) || (this.geo.cities.get(base) ?? 0) >= 100000);
  }

  // A common noun in any form ("forschung", "kinder"), not a compound.
  commonNounForm(word: string): boolean {
    return !!this.nouns && (this.nouns.all.has(word) || this.nouns.forms.has(word));
  }

  // The first part of a compound is a common noun, with or without a linking "s", "n" or "es" ("Stau", "Bagger").
  nounPrefix(part: string): boolean {
    return [part, part.replace(/(?:es|s|n)$/u, '')].some((p) => p.length >= 2 && !!this.nouns?.all.has(p));
  }

  // A form of a common noun or a compound ending in one ("Antikriegsfilme").
  nounCompound(word: string): boolean {
    for (let i = 0; this.nouns && i <= word.length - 4; i++) if (this.nouns.forms.has(word.slice(i))) return true;
    return false;
  }

  // "am Boden", "die Lage", "mit dem Zug": a town's name that is also a common noun is the noun unless a place
  // preposition stands right before it ("in Lage", "nach Zug").
  nounHere(t: Token): boolean {
    const { nouns, tokens, res } = this;
    return (
      !!(nouns?.all.has(t.lower) || res.nounForms?.().has(t.lower)) &&
      !(this.geo.regions.has(t.lower) && nouns?.withoutPlural.has(t.lower)) &&
      !(t.index > 0 && tokens[t.index - 1].sentence === t.sentence && res.placePrepositions?.has(tokens[t.index - 1].lower))
    );
  }

  // "Ischgl", "Landeck": a small town of the language's own countries, unless the name is also a given name, a
  // form of a common noun ("Wiesen", "Steinen") or the surname of someone named in the article ("Allendorf").
  localTown(t: Token): boolean {
    return (
      t.position > 0 &&
      this.localTowns.some((towns) => towns.has(t.lower)) &&
      !this.givenName(t) &&
      !this.g.commonWords.has(t.lower) &&
      !this.nouns?.forms.has(t.lower) &&
      !(this.personSurnames ??= this.surnamesHere()).has(t.lower)
    );
  }

  // "beim ersten Date", "ein guter Deal": an English word borrowed into the language names a small town abroad
  // (GeoNames' Date, Deal) only after a place preposition. English copy has its own recogniser.
  borrowedWordHere(t: Token): boolean {
    const before = this.tokens[t.index - 1];
    const preposition = !!before && before.sentence === t.sentence && !!this.res.placePrepositions?.has(before.lower);
    return (
      !preposition &&
      !!this.res.placePrepositions &&
      this.g.commonWords.has(t.lower) &&
      (this.geo.cities.get(t.lower) ?? 0) < 100000 &&
      !this.geo.regions.has(t.lower) &&
      !this.isCountry(t.lower)
    );
  }

  // "Frank Lindau … Lindau bedankte sich": the surname of someone named in full is that person, not the town,
  // unless a place preposition stands before it ("aus Lindau").
  surnameHere(t: Token): boolean {
    const before = this.tokens[t.index - 1];
    const preposition = !!before && before.sentence === t.sentence && !!this.res.placePrepositions?.has(before.lower);
    return !preposition && !!this.res.placePrepositions && (this.personSurnames ??= this.surnamesHere()).has(t.lower);
  }

  private surnamesHere(): Set<string> {
    return new Set(this.found.filter((f) => f.type === 'person').map((f) => f.tokens[f.tokens.length - 1].lower));
  }

  // "Mitte Juni", "Ende März": a town's name before a month is a point in time.
  timePhrase(t: Token): boolean {
    return this.res.months.has(this.tokens[t.index + 1]?.lower ?? '');
  }

  // "verspricht Venus Besserung", "Mücken der Art Anopheles": a given name before an abstract noun, or one that is a
  // common noun itself right after an article, starts no name.
  givenNameAsWord(t: Token, next: Token): boolean {
    const { res, tokens } = this;
    if (next.bare.length >= 8 && res.abstractNounEnding?.test(next.lower)) return true;
    const before = tokens[t.index - 1];
    return !!this.nouns?.all.has(t.lower) && !!before && before.sentence === t.sentence && !!res.articles?.has(before.text);
  }

  givenName(t: Token): boolean {
    const { res, g } = this;
    return (
      !res.particles.includes(t.lower) &&
      !res.stopwords.has(t.lower) &&
      t.bare.length > 1 &&
      (res.givenNames.has(t.lower) || g.firstNames.has(t.lower) || g.allGivenNames.has(t.lower))
    );
  }

  nameWord(t: Token | undefined): t is Token {
    return (
      !!t &&
      t.capitalised &&
      !this.res.stopwords.has(t.lower) &&
      !this.res.titles.has(t.lower) &&
      /^\p{Lu}[\p{L}'’\-.]*$/u.test(t.text) &&
      !this.headRe.test(t.lower)
    );
  }

  // Countries and genitives of places ("Partei Deutschlands") are no names of organisations; a town's name may be.
  countryOrGenitive(t: Token): boolean {
    const base = this.placeBase(t);
    return base !== undefined && (base !== t.bare || this.isCountry(base.toLowerCase()));
  }
}
