import { geoGazetteer } from '../gazetteers/geo.gazetteer';
import { givenNameGenders, givenNames } from '../gazetteers/given-names.gazetteer';
import { shippedCommonWords } from './common-words.builder';
import {
  EVENT_SUFFIXES,
  NAME_STYLES,
  NOT_NAMES,
  ORGANISATIONS,
  ORGANISATION_SUFFIXES,
  PERSON_TITLES,
  PLACES,
  PLACE_SUFFIXES,
  STRONG_PLACE_SUFFIXES,
} from './entity-gazetteer.data';

/** Word lists the entity recogniser looks names up in; all keys lower case. */
export interface Gazetteer {
  places: Set<string>;
  /** GeoNames towns of 15,000+ people (with population): a weaker sign than `places`, as many are also surnames. */
  cities: Map<string, number>;
  organisations: Set<string>;
  people: Set<string>;
  firstNames: Set<string>;
  /** Every given name of the name lists, also those that are ordinary words ("will", "bill"). */
  allGivenNames: Set<string>;
  /** Given names whose gender both compromise's lexicon and the given-name lists agree on ("kurt" m, "stephanie" f). */
  genders: Map<string, 'f' | 'm'>;
  lastNames: Set<string>;
  /** Words the lexicon knows as ordinary words (verbs, adjectives, common nouns...), not as names. */
  commonWords: Set<string>;
  /** Roles and occupations ("spokesperson", "official"), for unnamed speakers. */
  roles: Set<string>;
  demonyms: Set<string>;
  personTitles: Set<string>;
  nameStyles: Set<string>;
  organisationSuffixes: Set<string>;
  placeSuffixes: Set<string>;
  strongPlaceSuffixes: Set<string>;
  eventSuffixes: Set<string>;
  notNames: Set<string>;
}

type Lexicon = Record<string, string | string[]>;
interface Compromise {
  model(): { one: { lexicon: Lexicon }; two?: { orgWords?: Record<string, boolean> } };
}
// compromise's organisation words that name buildings and venues as often as bodies: left to the place rules.
const VENUE_WORDS = new Set([
  'center',
  'centre',
  'hotel',
  'hotels',
  'cafe',
  'restaurant',
  'restaurants',
  'estate',
  'memorial',
  'cathedral',
  'coffee',
  'pizza',
  'care',
  'data',
  'capital',
  'international',
  'government',
  'interstate',
  'marine',
  'mobile',
  'power',
  'markets',
  'reserve',
  'boys',
  'girls',
  'crew',
]);

const NAME_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'SportsTeam',
  'ProperNoun',
]);

/** Population from which a GeoNames city is a certain place, not a guess ("Reading", "Mobile" are smaller). */
const LARGE_CITY_POPULATION = 250000;

let cached: Gazetteer | undefined;

/** Words that name a role a speaker has, not who the speaker is. */
const ROLE_WORDS = [
  'official',
  'officials',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'source',
  'sources',
  'aide',
  'aides',
  'expert',
  'experts',
  'officer',
  'officers',
  'witness',
  'witnesses',
  'resident',
  'residents',
  'analyst',
  'analysts',
  'executive',
  'executives',
  'representative',
  'user',
  'users',
];

type CompromiseModel = ReturnType<Compromise['model']>;

/** The gazetteer: compromise's lexicon (loaded once, ~25k words) merged with Copydesk's own lists. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const model = compromiseModel();
  const g = ownLists();
  addLexicon(g, model.one.lexicon);
  addGeoNames(g);
  for (const w of Object.keys(model.two?.orgWords ?? {})) if (!VENUE_WORDS.has(w)) g.organisationSuffixes.add(w);
  for (const w of shippedCommonWords()) if (!g.firstNames.has(w) && !g.places.has(w) && !g.organisations.has(w)) g.commonWords.add(w);
  // After the common words: the lists hold names that are ordinary words too ("Will", "Grant", "Page").
  for (const name of givenNames()) if (!g.commonWords.has(name) && !g.places.has(name)) g.firstNames.add(name);
  // Cities of a quarter of a million people and more are names wherever they stand (GeoNames, not a typed list).
  for (const [name, population] of g.cities)
    if (population >= LARGE_CITY_POPULATION && !g.commonWords.has(name) && !g.allGivenNames.has(name)) g.places.add(name);
  // Abbreviations compromise lists as organisations but that are ordinary words in news copy.
  for (const w of ['dept', 'univ', 'assn', 'inc', 'ltd', 'co']) g.organisations.delete(w);
  for (const w of ROLE_WORDS) g.roles.add(w);
  return (cached = g);
}

function compromiseModel(): CompromiseModel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('compromise') as Compromise & { default?: Compromise };
  const nlp = typeof loaded.model === 'function' ? loaded : (loaded.default as Compromise);
  return nlp.model();
}

/** Copydesk's own lists, before compromise's and GeoNames' words are added. */
function ownLists(): Gazetteer {
  return {
    places: list(PLACES),
    cities: new Map(),
    organisations: list(ORGANISATIONS),
    people: new Set(),
    firstNames: new Set(),
    allGivenNames: givenNames(),
    genders: new Map(),
    lastNames: new Set(),
    commonWords: new Set(),
    roles: new Set(),
    demonyms: new Set(),
    personTitles: list(PERSON_TITLES),
    nameStyles: list(NAME_STYLES),
    organisationSuffixes: list(ORGANISATION_SUFFIXES),
    placeSuffixes: list(PLACE_SUFFIXES),
    strongPlaceSuffixes: list(STRONG_PLACE_SUFFIXES),
    eventSuffixes: list(EVENT_SUFFIXES),
    notNames: list(NOT_NAMES),
  };
}

/** compromise's lexicon, word by word into the set its tag says; untagged single words are common words. */
function addLexicon(g: Gazetteer, lexicon: Lexicon): void {
  for (const [word, value] of Object.entries(lexicon)) {
    const tags = Array.isArray(value) ? value : [value];
    for (const tag of tags) {
      if (tag === 'Country' || tag === 'City' || tag === 'Region' || (tag === 'Place' && tags.includes('ProperNoun'))) g.places.add(word);
      else if (tag === 'Organization' || tag === 'SportsTeam') g.organisations.add(word);
      else if (tag === 'Person') g.people.add(word);
      else if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') {
        g.firstNames.add(word);
        const gender = tag === 'MaleName' ? 'm' : tag === 'FemaleName' ? 'f' : undefined;
        if (gender && givenNameGenders().get(word) === gender) g.genders.set(word, gender);
      } else if (tag === 'LastName') g.lastNames.add(word);
      else if (tag === 'Actor') g.roles.add(word);
      else if (tag === 'Demonym') g.demonyms.add(word);
    }
    if (!tags.some((t) => NAME_TAGS.has(t)) && !word.includes(' ')) g.commonWords.add(word);
  }
}

function addGeoNames(g: Gazetteer): void {
  const geo = geoGazetteer();
  for (const name of geo.countries) g.places.add(name);
  for (const name of geo.worldRegions) g.places.add(name);
  for (const name of geo.demonyms) g.demonyms.add(name);
  // A region or town that is also a given name or an ordinary word ("Brent", "Hope") is left to the context.
  for (const name of geo.regions) if (!g.firstNames.has(name) && !g.commonWords.has(name)) g.places.add(name);
  for (const [name, population] of geo.cities) if (!g.firstNames.has(name)) g.cities.set(name, population);
}

function list(pipeSeparated: string): Set<string> {
  return new Set(
    pipeSeparated
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean),
  );
}
