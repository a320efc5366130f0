import type { EntityAnalysis } from '../entities/entity.extractor';
import type { EntityType } from '../entities/entity.classifier';
import { gazetteer } from '../entities/entity.gazetteer';
import { tokenise, type Token } from '../entities/name-span.finder';
import { geoGazetteer } from '../gazetteers/geo.gazetteer';
import type { Sentence } from '../text/text.tokenizer';
import { ACRONYM, ADJECTIVE, aliasDefinedAcronyms, allCapsSentences, baseForm, summarise, type Found } from './name-evidence.summary';
import type { NameEvidence } from './name-evidence.types';

export type { NameEvidence } from './name-evidence.types';

/**
 * Entities from evidence other than capitals: for German, where every noun is capitalised, and for languages without resources. A capitalised run says little: a name needs a given name,
 * a title or role before it, an organisation head, legal form or acronym, or the place gazetteer. Inflected forms
 * are reported in their base form ("der Deutschen Presse-Agentur" → "Deutsche Presse-Agentur", "Deutschlands" →
 * "Deutschland").
 */
export function extractEntitiesByEvidence(text: string, sentences: Sentence[], title: string, res: NameEvidence): EntityAnalysis {
  // A head in the genitive too: "des Norddeutschen Rundfunks", "des Verbandes".
  const HEAD_RE = res.organisationHeads.length ? new RegExp(`(${res.organisationHeads.join('|')})(?:e?s)?$`, 'iu') : /(?!)/;
  const tokens = tokenise(text, sentences);
  const g = gazetteer();
  const geo = geoGazetteer();
  // Countries, continents and exonyms are names wherever they stand ("die Schweiz", "im Iran"); towns and regions
  // share their names with common nouns ("Boden", "Lage", "Zug").
  const nouns = res.commonNouns?.();
  // A country's name in some other language that is a countable noun here ("Mann", "Oma", "Chili") is the noun.
  const isCountry = (k: string): boolean =>
    res.exonyms.has(k) || ((geo.countries.has(k) || geo.worldRegions.has(k)) && !(nouns?.all.has(k) && !nouns.withoutPlural.has(k)));
  const isPlace = (name: string): boolean => {
    const k = name.toLowerCase();
    return isCountry(k) || geo.regions.has(k) || geo.cities.has(k) || g.places.has(k);
  };
  const compass = (t: Token): string | undefined => {
    const m = res.compassPrefix?.exec(t.bare);
    const k = m?.[1].toLowerCase() ?? '';
    // "Nordspanien", "Südhessen", "Westberlin": a country, a region or a city.
    return m && (isCountry(k) || geo.regions.has(k) || (geo.cities.get(k) ?? 0) >= 100000) ? t.bare : undefined;
  };
  const placeBase = (t: Token): string | undefined => {
    if (isPlace(t.bare)) return t.bare;
    // Genitive: "Deutschlands", "Hamburgs"; only of names too large to be a plural noun too ("Bars", "Virus").
    const base = t.bare.slice(0, -1).toLowerCase();
    // Regions too ("Bayerns", "Tirols"), when the word is no form of a common noun ("Landes").
    const region = base.length >= 5 && geo.regions.has(base) && !nouns?.forms.has(t.lower);
    if (/s$/.test(t.bare) && (isCountry(base) || region || (geo.cities.get(base) ?? 0) >= 100000)) return t.bare.slice(0, -1);
    return compass(t);
  };
  const largePlace = (t: Token): boolean => {
    const base = placeBase(t)?.toLowerCase();
    return base !== undefined && (isCountry(base) || (geo.cities.get(base) ?? 0) >= 100000);
  };
  // "am Boden", "die Lage", "mit dem Zug": a town's name that is also a common noun is the noun unless a place
  // preposition stands right before it ("in Lage", "nach Zug").
  // A form of a common noun or a compound ending in one ("Antikriegsfilme").
  const nounCompound = (word: string): boolean => {
    for (let i = 0; nouns && i <= word.length - 4; i++) if (nouns.forms.has(word.slice(i))) return true;
    return false;
  };
  const nounHere = (t: Token): boolean =>
    !!(nouns?.all.has(t.lower) || res.nounForms?.().has(t.lower)) &&
    !(geo.regions.has(t.lower) && nouns?.withoutPlural.has(t.lower)) &&
    !(t.index > 0 && tokens[t.index - 1].sentence === t.sentence && res.placePrepositions?.has(tokens[t.index - 1].lower));
  // "Ischgl", "Landeck": a small town of the language's own countries, unless the name is also a given name, a
  // form of a common noun ("Wiesen", "Steinen") or the surname of someone named in the article ("Allendorf").
  const localTowns = (res.localCountries ?? []).map((c) => geo.smallTowns.get(c)).filter((x): x is Set<string> => !!x);
  const surnamesHere = (): Set<string> => new Set(found.filter((f) => f.type === 'person').map((f) => f.tokens[f.tokens.length - 1].lower));
  let personSurnames: Set<string> | undefined;
  const localTown = (t: Token): boolean =>
    t.position > 0 &&
    localTowns.some((towns) => towns.has(t.lower)) &&
    !givenName(t) &&
    !g.commonWords.has(t.lower) &&
    !nouns?.forms.has(t.lower) &&
    !(personSurnames ??= surnamesHere()).has(t.lower);
  // "Mitte Juni", "Ende März": a town's name before a month is a point in time.
  const timePhrase = (t: Token): boolean => res.months.has(tokens[t.index + 1]?.lower ?? '');
  const givenName = (t: Token): boolean =>
    !res.particles.includes(t.lower) &&
    !res.stopwords.has(t.lower) &&
    t.bare.length > 1 &&
    (res.givenNames.has(t.lower) || g.firstNames.has(t.lower) || g.allGivenNames.has(t.lower));
  const nameWord = (t: Token | undefined): t is Token =>
    !!t &&
    t.capitalised &&
    !res.stopwords.has(t.lower) &&
    !res.titles.has(t.lower) &&
    /^\p{Lu}[\p{L}'’\-.]*$/u.test(t.text) &&
    !HEAD_RE.test(t.lower);

  const found: Found[] = [];
  const used = new Set<number>();
  const take = (type: EntityType, run: Token[], name?: string): void => {
    if (!run.length || run.some((t) => used.has(t.index))) return;
    for (const t of run) used.add(t.index);
    found.push({ type, tokens: run, name: name ?? run.map((t) => t.bare).join(' ') });
  };
  const sameSentence = (a: Token, b: Token | undefined): b is Token => !!b && b.sentence === a.sentence;

  // 1. Organisations: a legal form ("Acme GmbH"), an acronym, a club prefix, a head word with its modifiers.
  for (const t of tokens) {
    if (used.has(t.index)) continue;
    const next = tokens[t.index + 1];
    if (res.legalForms.test(t.text) || (t.text === 'e.' && next?.text === 'V.')) {
      const run: Token[] = [];
      let joined = false;
      for (let k = t.index - 1; k >= 0 && run.length < 5 && sameSentence(t, tokens[k]); k--) {
        const word = tokens[k];
        // "Bund der Energieverbraucher e.V.": one joiner between two capitalised words belongs to the name.
        const joins: boolean =
          !joined &&
          res.headJoiners.includes(word.lower) &&
          run.length > 0 &&
          !!tokens[k - 1]?.capitalised &&
          text.slice(tokens[k - 1].end, word.start) === ' ';
        if (!joins && (!word.capitalised || res.stopwords.has(word.lower))) break;
        joined ||= joins;
        run.unshift(word);
      }
      // The legal form is part of the name ("Filmaufbau GmbH"); with no name before it ("die AG") it is none.
      const form = t.text === 'e.' ? [t, next] : [t];
      if (run.length) take('organisation', [...run, ...form]);
      for (const f of form) used.add(f.index);
      continue;
    }
    if (res.clubPrefixes.has(t.lower) && /^\p{Lu}/u.test(t.text) && nameWord(next) && sameSentence(t, next)) {
      take('organisation', [t, next]);
      continue;
    }
    // "Hamburger SV", "Karlsruher SC": a town's adjective before a club's letters.
    const before = tokens[t.index - 1];
    if (res.clubPrefixes.has(t.lower) && /^\p{Lu}+$/u.test(t.text) && sameSentence(t, before) && /^\p{Lu}\p{Ll}+er$/u.test(before.text)) {
      take('organisation', [before, t]);
      continue;
    }
    // Organisations the language pack knows by name, two words before one ("Deutschen Bahn", "Grünen").
    const known = res.organisationNames;
    if (known && t.capitalised && !res.stopwords.has(t.lower)) {
      const pair = sameSentence(t, next) && next.capitalised ? known.get(`${t.lower} ${next.lower}`) : undefined;
      if (pair) take('organisation', [t, next], pair);
      else if (known.has(t.lower) && /^\p{Lu}/u.test(t.text)) take('organisation', [t], known.get(t.lower));
    }
  }
  // Headings and slogans in capitals ("ENERGY RISING") are words, not acronyms.
  const capsSentences = allCapsSentences(tokens, text);
  // Organisations the gazetteers know by name ("Greenpeace", "Amnesty International"), two words before one.
  for (const t of tokens) {
    if (used.has(t.index) || !t.capitalised || capsSentences.has(t.sentence) || res.stopwords.has(t.lower)) continue;
    const next = tokens[t.index + 1];
    if (sameSentence(t, next) && next.capitalised && g.organisations.has(`${t.lower} ${next.lower}`)) take('organisation', [t, next]);
    else if (t.bare.length > 2 && g.organisations.has(t.lower) && !isPlace(t.bare) && /^\p{Lu}/u.test(t.text)) take('organisation', [t]);
  }
  for (const t of tokens) {
    if (used.has(t.index) || !t.capitalised || capsSentences.has(t.sentence)) continue;
    if (ACRONYM.test(t.bare) && t.bare.length <= 7 && !res.stopwords.has(t.lower)) {
      if (placeBase(t)) take('place', [t], placeBase(t));
      // English words in capitals ("ENERGY", "LOVE") are emphasis, not acronyms.
      else if (
        !/^(?:CO2|PDF|TV|PS|KI|IT|PR|CD|DVD|USB|SMS|PIN|WLAN|GPS|LED|WC|KW|PKW|LKW|Uhr|ID)$/i.test(t.bare) &&
        !res.commonAcronyms?.has(t.bare.toUpperCase()) &&
        !(t.bare.length > 3 && g.commonWords.has(t.lower))
      )
        take('organisation', [t]);
      continue;
    }
    const head = HEAD_RE.exec(t.lower);
    // "Landrat", "Bundesrat" differ: a role is never an organisation's head.
    if (!head || res.titles.has(t.lower)) continue;
    const generic = res.genericHeads.has(t.lower.replace(/s$/, '')) || res.genericHeads.has(t.lower);
    const run: Token[] = [t];
    // Modifiers before the head: "Deutsche Lebens-Rettungs-Gesellschaft", "Malteser Hilfsdienst".
    for (let k = t.index - 1; k >= 0 && run.length < 4; k--) {
      const before = tokens[k];
      if (!sameSentence(t, before) || !before.capitalised || res.stopwords.has(before.lower) || res.titles.has(before.lower)) break;
      if (!(ADJECTIVE.test(before.bare) || /-$/.test(before.text) || before.text.includes('-'))) break;
      if (before.position === 0 && !/(?:sche|sch|ische|ischen|scher|schen|er)$/u.test(before.lower)) break;
      run.unshift(before);
    }
    // A name or place after the head: "Universität Hamburg", "Bundesamt für Bevölkerungsschutz".
    let after = tokens[t.index + 1];
    if (
      sameSentence(t, after) &&
      after.capitalised &&
      (placeBase(after) || /^\p{Lu}\p{Ll}+$/u.test(after.bare)) &&
      generic &&
      // "Universität Hamburg" is a name, "Partei Deutschlands" (genitive) a description.
      placeBase(after) === after.bare
    ) {
      run.push(after);
      after = tokens[after.index + 1];
    } else if (
      sameSentence(t, after) &&
      res.headJoiners.includes(after.lower) &&
      (run.length === 1 || generic) &&
      (!generic || !!res.joinedHeads?.has(head[1]))
    ) {
      run.push(...joinedObject(tokens, after, res));
    }
    if (generic && run.length === 1) continue;
    if (run.length === 1 && res.weakHeads?.has(head[1]) && !t.text.includes('-') && !res.institutionPrefix?.test(t.lower)) continue;
    // A compound is a name only when it is long enough to carry a modifier ("Landgericht", not "Gericht").
    if (run.length === 1 && t.lower.length - head[0].length < 3) continue;
    const name = res.organisationBase
      ? res.organisationBase(
          run.map((x) => x.bare),
          run.indexOf(t),
        )
      : baseForm(run);
    take('organisation', run, name);
  }

  // Countries and genitives of places ("Partei Deutschlands") are no names of organisations; a town's name may be.
  const countryOrGenitive = (t: Token): boolean => {
    const base = placeBase(t);
    return base !== undefined && (base !== t.bare || isCountry(base.toLowerCase()));
  };
  if (res.organisationKinds) namesAfterKinds(text, tokens, res, used, take, countryOrGenitive);

  // 2. People: a given name before one or two name words; a title before one to three.
  for (const t of tokens) {
    if (used.has(t.index) || !t.capitalised) continue;
    const next = tokens[t.index + 1];
    // "Sebastian Kehl": after a given name, a town's name is a surname; a country or city is not ("Maria Berlin").
    if (givenName(t) && nameWord(next) && sameSentence(t, next) && !largePlace(next)) {
      const run = [t, next];
      const third = tokens[next.index + 1];
      if (
        nameWord(third) &&
        sameSentence(t, third) &&
        (givenName(next) || /^\p{Lu}\.$/u.test(next.text) || res.particles.includes(next.lower))
      )
        run.push(third);
      take('person', run);
      continue;
    }
    if (res.titles.has(t.lower.replace(/\.$/, '')) && nameWord(next) && sameSentence(t, next)) {
      const run: Token[] = [];
      for (
        let k = next.index;
        k < tokens.length && run.length < 3 && nameWord(tokens[k]) && sameSentence(t, tokens[k]) && !used.has(k);
        k++
      )
        run.push(tokens[k]);
      // "Papst Franziskus", "Trainer Thomas Weber": the role is not part of the name; a lone common noun after a
      // role ("Präsident Verbände") is rare, so one name word is enough.
      if (run.length && !placeBase(run[0])) take('person', run);
      continue;
    }
    // "Kumi Naidoo, früherer Generalsekretär von …", "Jana Wirth (45)": two name words described as a person.
    // The description outweighs a district or town of the same name ("Kumi" in Uganda); a country or city does not.
    if (nameWord(next) && sameSentence(t, next) && nameWord(t) && !largePlace(t) && !largePlace(next) && !used.has(next.index)) {
      const after = text.slice(next.end, next.end + 60);
      const apposition = /^,\s+(?:(?:der|die|ein|eine)\s+)?(?:\p{Ll}+\s+)?(\p{L}+)/u.exec(after);
      if (/^\s*\(\d{1,3}\)/.test(after) || (apposition && res.titles.has(apposition[1].toLowerCase()))) take('person', [t, next]);
    }
  }

  // 3. Places from the gazetteers (with genitive endings), after a place noun ("Kanton Jura"), compass compounds.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (used.has(t.index) || !t.capitalised) continue;
    const next = tokens[i + 1];
    if (sameSentence(t, next) && next.capitalised && isPlace(`${t.bare} ${next.bare}`)) {
      take('place', [t, next]);
      continue;
    }
    if (res.placeHeads.has(t.lower) && nameWord(next) && sameSentence(t, next) && !used.has(next.index)) {
      take('place', [next]);
      continue;
    }
    const base = placeBase(t) ?? (localTown(t) ? t.bare : undefined);
    if (base && !res.stopwords.has(t.lower) && (isCountry(base.toLowerCase()) || (!timePhrase(t) && !nounHere(t))))
      take('place', [t], base);
  }

  // 4. Surnames alone after a full name: the same person ("Khevenhüller" after "Georg Khevenhüller").
  const people = found.filter((f) => f.type === 'person' && f.tokens.length > 1);
  const surnames = new Map(people.map((p) => [p.tokens[p.tokens.length - 1].lower, p.name]));
  for (const t of tokens) {
    if (used.has(t.index) || !t.capitalised) continue;
    const lower = t.lower.replace(/s$/, '');
    const full = surnames.get(t.lower) ?? (t.bare.endsWith('s') ? surnames.get(lower) : undefined);
    if (full) take('person', [t], full);
  }
  // "Frank Wisbars Film": a name in the genitive before the noun it qualifies is reported in the nominative.
  for (const f of found) {
    const last = f.tokens[f.tokens.length - 1];
    const after = tokens[last.index + 1];
    if (f.type !== 'person' || f.tokens.length < 2 || !/[^s]s$/.test(last.bare) || !sameSentence(last, after)) continue;
    if (after.capitalised && text.slice(last.end, after.start) === ' ' && nounCompound(after.lower)) f.name = f.name.slice(0, -1);
  }
  // "Frau Hofmann" after "Lena Hofmann": a surname taken after a title is the person named in full.
  for (const f of found) if (f.type === 'person' && f.tokens.length === 1) f.name = surnames.get(f.tokens[0].lower) ?? f.name;

  aliasDefinedAcronyms(found, text);
  return summarise(found, tokens, sentences.length, title);
}

// The object of a joiner after a head: "für Bevölkerungsschutz", "der Ersatzkassen", "für den Wissenschaftlichen Film"
// (an article only before an adjective, then a noun).
function joinedObject(tokens: Token[], joiner: Token, res: NameEvidence): Token[] {
  const words: Token[] = [joiner];
  let k = joiner.index + 1;
  const article = /^(?:der|die|das|den|dem|des)$/.test(tokens[k]?.lower ?? '');
  if (article) words.push(tokens[k++]);
  for (let n = 0; n < 2; n++, k++) {
    const w = tokens[k];
    if (!w || w.sentence !== joiner.sentence || !w.capitalised || res.stopwords.has(w.lower) || res.titles.has(w.lower)) break;
    // After an article only an adjective in capitals says a name goes on ("für den Wissenschaftlichen Film", not
    // "Dienst für die Gemeinschaft").
    if (article && n === 0 && !ADJECTIVE.test(w.bare)) break;
    words.push(w);
    if (!ADJECTIVE.test(w.bare)) break;
  }
  const last = words[words.length - 1];
  return last === joiner || !last.capitalised ? [] : words;
}

// "die Verleihfirmen Panorama und Neue Filmkunst", "der Streamingdienst Spotify": names right after a kind noun.
function namesAfterKinds(
  text: string,
  tokens: Token[],
  res: NameEvidence,
  used: Set<number>,
  take: (type: EntityType, run: Token[], name?: string) => void,
  notAName: (t: Token) => boolean,
): void {
  const kinds = res.organisationKinds as RegExp;
  const gap = (a: Token, b: Token): string => text.slice(a.end, b.start);
  const candidate = (t: Token | undefined, sentence: number): t is Token =>
    !!t &&
    t.sentence === sentence &&
    t.capitalised &&
    !used.has(t.index) &&
    !res.stopwords.has(t.lower) &&
    !res.titles.has(t.lower) &&
    !kinds.test(t.lower) &&
    !(res.commonNounEnding?.test(t.lower) ?? false) &&
    // Long compounds ("Abrechnungsdienstleister") are common nouns.
    !(t.bare.length > 15 && /^\p{Lu}\p{Ll}+$/u.test(t.bare)) &&
    !notAName(t);
  for (const kind of tokens) {
    if (!kind.capitalised || kind.position === 0 || !kinds.test(kind.lower)) continue;
    let previous = kind;
    let k = kind.index + 1;
    // The first name follows the kind noun after a space, perhaps in quotes ("das Magazin „Stern“"); after a comma
    // it is an apposition ("des Verbands, Jutta Krämer").
    const adjacent = (t: Token): boolean => previous !== kind || /^\s[„"»«“‚]?$/.test(gap(kind, t));
    while (candidate(tokens[k], kind.sentence) && adjacent(tokens[k])) {
      const run = [tokens[k]];
      // A second word when the name ends there ("Universal Music", "Filmwerk Nord").
      const second = tokens[k + 1];
      if (candidate(second, kind.sentence) && gap(tokens[k], second) === ' ' && !tokens[k + 2]?.capitalised) run.push(second);
      take('organisation', run);
      previous = run[run.length - 1];
      k = previous.index + 1;
      // "…, Y und Z": a list of names after the kind noun.
      const joiner = tokens[k];
      if (joiner && /^(?:und|oder|sowie)$/.test(joiner.lower) && gap(previous, joiner) === ' ') {
        previous = joiner;
        k++;
      } else if (!(tokens[k] && /^,\s$/.test(gap(previous, tokens[k])))) break;
    }
  }
}
