/** Word lists the evidence-based recogniser reads; a language without lists gets empty ones (see `neutral`). */
export interface NameEvidence {
  stopwords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  /** Endings of organisation names ("gesellschaft", "ministerium"). */
  organisationHeads: string[];
  /** Heads that are common nouns alone ("Partei", "Bank"). */
  genericHeads: ReadonlySet<string>;
  /**
   * Heads that also end everyday compounds ("Winterdienst", "Ehrenamt", "Redaktion"): a single compound with one
   * is a name only with an institutional prefix (`institutionPrefix`), a modifier, a hyphen or a name after it.
   */
  weakHeads?: ReadonlySet<string>;
  institutionPrefix?: RegExp;
  legalForms: RegExp;
  clubPrefixes: ReadonlySet<string>;
  givenNames: ReadonlySet<string>;
  /** Place names in the language that the gazetteers lack. */
  exonyms: ReadonlySet<string>;
  /** Particles inside names ("von", "de"). */
  particles: string[];
  /** Words after a head that join a name to it ("für", "der"). */
  headJoiners: string[];
  /**
   * Generic heads that a joined object makes a name ("Verband der Ersatzkassen", "Institut für Tropenmedizin");
   * other generic heads stay common nouns before one ("Hilfe für Betroffene", "Partei der Mitte").
   */
  joinedHeads?: ReadonlySet<string>;
  /** Words after which a town's name is a point in time, not a place ("Mitte Juni", "Ende März"): month names. */
  months: ReadonlySet<string>;
  /** Nouns before a place's name that say it is one ("Kanton Jura", "Region Paznaun"). */
  placeHeads: ReadonlySet<string>;
  /**
   * Endings of compounds that say the name after them is a place ("Nordseeinsel Sylt", "Ferienregion Paznaun",
   * "Hansestadt Rostock"): the gazetteers list towns, not islands or regions.
   */
  placeHeadEnding?: RegExp;
  /** A name compounded with a landscape's or road's noun ("Paznauntales"): group 1 the nominative, group 2 the name. */
  landscapeEnding?: RegExp;
  /** A district's hyphenated name ending in a place noun ("Rhein-Sieg-Kreis"); group 1 is its nominative. */
  hyphenatedPlace?: RegExp;
  /** Road numbers after a road word or a preposition ("auf der A7", "Bundesstraße B171"): roads are places. */
  road?: RegExp;
  /** Compass prefixes of compounds with a place name ("Westdeutschland", "Nordspanien"). */
  compassPrefix?: RegExp;
  /**
   * Nouns for a kind of organisation, as compound endings ("Musikkonzern", "Verleihfirmen"): the names right after
   * one ("der Musikkonzern Universal Music", "die Verleihfirmen Panorama und Neue Filmkunst") are organisations.
   */
  organisationKinds?: RegExp;
  /** Endings of common nouns, never of a name after a kind noun ("Zinsen" in "dass die Bank Zinsen zahlt" is not). */
  commonNounEnding?: RegExp;
  /** Endings of abstract nouns that no surname has ("Besserung", "Freiheit"): "verspricht Venus Besserung" names nobody. */
  abstractNounEnding?: RegExp;
  /** Articles: a given name that is also a common noun is the noun right after one ("der Art Anopheles"). */
  articles?: ReadonlySet<string>;
  /**
   * Common nouns of the language, base forms ("boden", "lage"): a town of that name needs a place preposition before
   * it; a region needs one only when the noun has a plural ("Zug", not "Bayern").
   */
  commonNouns?: () => { all: ReadonlySet<string>; withoutPlural: ReadonlySet<string>; forms: ReadonlySet<string> };
  /** Countries whose small towns (GeoNames, 1,000+ people) copy in the language names ("DE", "AT", "CH"). */
  localCountries?: string[];
  /** Prepositions that put a place's name right after them ("in", "nach", "aus"). */
  placePrepositions?: ReadonlySet<string>;
  /**
   * Inflected singular forms of common nouns to their base ("landes" → "land"): a town or region of that spelling
   * ("Landes") is the noun unless a place preposition stands before it.
   */
  nounForms?: () => ReadonlyMap<string, string>;
  /**
   * Organisations known by name in the language (parties, broadcasters, large companies), lower case (one or two
   * words, inflected forms too) to the name as reported ("grünen" → "Grüne", "deutschen bahn" → "Deutsche Bahn").
   */
  organisationNames?: ReadonlyMap<string, string>;
  /** Acronyms of the language that name no organisation: tournaments, laws, diseases, techniques ("WM", "HIV"). */
  commonAcronyms?: ReadonlySet<string>;
  /** The citation form of an organisation name met in another case; `headIndex` is the head word's position. */
  organisationBase?: (words: string[], headIndex: number) => string;
}
