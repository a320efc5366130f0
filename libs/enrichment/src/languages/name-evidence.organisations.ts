import type { Token } from '../entities/name-span.finder';
import type { EvidenceContext } from './name-evidence.context';
import { ACRONYM, ADJECTIVE, allCapsSentences, baseForm } from './name-evidence.summary';
import type { Found } from './name-evidence.summary';
import type { NameEvidence } from './name-evidence.types';

/** Organisations: a legal form ("Acme GmbH"), an acronym, a club prefix, a known name, a head word with its modifiers. */
export function findOrganisations(ctx: EvidenceContext): void {
  for (const t of ctx.tokens) if (!ctx.used.has(t.index)) byFormOrKnownName(ctx, t);
  // Headings and slogans in capitals ("ENERGY RISING") are words, not acronyms.
  const capsSentences = allCapsSentences(ctx.tokens, ctx.text);
  for (const t of ctx.tokens) {
    if (ctx.used.has(t.index) || !t.capitalised || capsSentences.has(t.sentence) || ctx.res.stopwords.has(t.lower)) continue;
    byGazetteer(ctx, t);
  }
  for (const t of ctx.tokens) {
    if (ctx.used.has(t.index) || !t.capitalised || capsSentences.has(t.sentence)) continue;
    // "die F.A.S.", "der F.A.Z.": dotted capitals are an acronym too (in German copy mostly a paper's).
    const dotted = ctx.res.organisationHeads.length > 0 && /^(?:\p{Lu}\.){2,4}$/u.test(t.bare);
    if ((ACRONYM.test(t.bare) || dotted) && t.bare.length <= 8 && !ctx.res.stopwords.has(t.lower)) acronym(ctx, t);
    else byHead(ctx, t);
  }
  if (ctx.res.organisationKinds) namesAfterKinds(ctx);
  if (ctx.res.commonNouns) for (const t of ctx.tokens) if (!ctx.used.has(t.index) && t.capitalised) namedWithTown(ctx, t);
}

// "Arminia Bielefeld", "Hansa Rostock", "Schalke 04", "Hannover 96": a name that is no word of the language before
// a town in the nominative, or a town or name before a club's two-digit founding year, names a club or a branch.
// Only where a lexicon tells names from nouns ("Sonntag Berlin" is none).
function namedWithTown(ctx: EvidenceContext, t: Token): void {
  const { tokens, res, text } = ctx;
  const next = tokens[t.index + 1];
  if (!ctx.sameSentence(t, next) || ctx.used.has(next.index) || text.slice(t.end, next.start) !== ' ') return;
  if (!/^\p{Lu}\p{Ll}{3,}$/u.test(t.text) || res.stopwords.has(t.lower) || res.titles.has(t.lower) || res.months.has(t.lower)) return;
  if (
    /^(?:0\d|9\d)$/.test(next.text) &&
    !/^[.\d]/.test(text.slice(next.end, next.end + 1)) &&
    (ctx.placeBase(t) || !ctx.nounCompound(t.lower))
  )
    return ctx.take('organisation', [t, next]);
  const town = next.capitalised && ctx.placeBase(next) === next.bare && !ctx.isCountry(next.lower);
  // Compounds of common nouns ("Filmstadt Göttingen") are descriptions, not names.
  if (town && !ctx.placeBase(t) && !ctx.nounCompound(t.lower) && !ctx.givenName(t) && !ADJECTIVE.test(t.bare))
    ctx.take('organisation', [t, next]);
}

function byFormOrKnownName(ctx: EvidenceContext, t: Token): void {
  const { tokens, res } = ctx;
  const next = tokens[t.index + 1];
  if (res.legalForms.test(t.text) || (t.text === 'e.' && next?.text === 'V.')) return legalForm(ctx, t, next);
  if (res.clubPrefixes.has(t.lower) && /^\p{Lu}/u.test(t.text) && ctx.nameWord(next) && ctx.sameSentence(t, next))
    return ctx.take('organisation', [t, next]);
  // "TSV 1860 München", "SV 07 Elversberg": the founding year between the club's letters and its town.
  const town = ctx.tokens[t.index + 2];
  if (
    res.clubPrefixes.has(t.lower) &&
    /^\p{Lu}/u.test(t.text) &&
    /^\d{2,4}$/.test(next?.text ?? '') &&
    ctx.nameWord(town) &&
    ctx.sameSentence(t, town)
  )
    return ctx.take('organisation', [t, next, town]);
  // "Hamburger SV", "Karlsruher SC": a town's adjective before a club's letters.
  const before = tokens[t.index - 1];
  if (res.clubPrefixes.has(t.lower) && /^\p{Lu}+$/u.test(t.text) && ctx.sameSentence(t, before) && /^\p{Lu}\p{Ll}+er$/u.test(before.text))
    return ctx.take('organisation', [before, t]);
  // Organisations the language pack knows by name, two words before one ("Deutschen Bahn", "Grünen").
  const known = res.organisationNames;
  if (known && t.capitalised && !res.stopwords.has(t.lower)) {
    const pair = ctx.sameSentence(t, next) && next.capitalised ? known.get(`${t.lower} ${next.lower}`) : undefined;
    if (pair) ctx.take('organisation', [t, next], pair);
    else if (known.has(t.lower) && /^\p{Lu}/u.test(t.text)) ctx.take('organisation', [t], known.get(t.lower));
  }
}

function legalForm(ctx: EvidenceContext, t: Token, next: Token | undefined): void {
  const { tokens, res, text } = ctx;
  const run: Token[] = [];
  let joined = false;
  for (let k = t.index - 1; k >= 0 && run.length < 5 && ctx.sameSentence(t, tokens[k]); k--) {
    const word = tokens[k];
    // "Bund der Energieverbraucher e.V.": one joiner between two capitalised words belongs to the name.
    const joins: boolean =
      !joined &&
      res.headJoiners.includes(word.lower) &&
      run.length > 0 &&
      !!tokens[k - 1]?.capitalised &&
      text.slice(tokens[k - 1].end, word.start) === ' ';
    // "Kessler & Söhne GmbH": an ampersand between capitalised words.
    const ampersand = word.text === '&' && run.length > 0 && !!tokens[k - 1]?.capitalised && ctx.sameSentence(t, tokens[k - 1]);
    if (!joins && !ampersand && (!word.capitalised || res.stopwords.has(word.lower))) break;
    // "die Firma Kessler GmbH", "das Unternehmen Brenntag SE": a kind of body says what the name is; a head that
    // takes a name is part of it ("Verein Deutscher Ingenieure e.V.").
    if (res.organisationKinds?.test(word.lower) && !res.joinedHeads?.has(word.lower)) break;
    joined ||= joins;
    run.unshift(word);
  }
  // The legal form is part of the name ("Filmaufbau GmbH"); with no name before it ("die AG") it is none.
  const form = t.text === 'e.' ? [t, next as Token] : [t];
  // "GmbH & Co. KG": a partnership with a company as its partner writes both forms.
  // The sentence splitter may end a sentence after "Co.": the form after it is read across.
  for (let k = form[form.length - 1].index + 1; k + 2 < tokens.length && ctx.sameSentence(t, tokens[k + 1]); k += 3) {
    const [and, co, kg] = [tokens[k], tokens[k + 1], tokens[k + 2]];
    if (and.text !== '&' || co.text !== 'Co.' || !res.legalForms.test(kg.text) || text.slice(co.end, kg.start) !== ' ') break;
    form.push(and, co, kg);
  }
  if (run.length) ctx.take('organisation', [...run, ...form]);
  for (const f of form) ctx.used.add(f.index);
}

// Organisations the gazetteers know by name ("Greenpeace", "Amnesty International"), two words before one.
function byGazetteer(ctx: EvidenceContext, t: Token): void {
  const next = ctx.tokens[t.index + 1];
  const orgs = ctx.g.organisations;
  if (ctx.sameSentence(t, next) && next.capitalised && orgs.has(`${t.lower} ${next.lower}`)) ctx.take('organisation', [t, next]);
  // A bare head of the language ("Amt", the English gazetteer's "AMT") names a kind of body: heads are read below.
  else if (t.bare.length > 2 && orgs.has(t.lower) && !ctx.isPlace(t.bare) && /^\p{Lu}/u.test(t.text) && !ctx.res.genericHeads.has(t.lower))
    ctx.take('organisation', [t]);
}

function acronym(ctx: EvidenceContext, t: Token): void {
  // Letters in capitals name a country ("USA") but no small subdivision or town spelt in lower case ("IG" is the
  // Slovenian municipality Ig only in the gazetteer: "IG Metall" is a union).
  const place = ctx.placeBase(t);
  if (place && ctx.acronymPlace(place)) ctx.take('place', [t], place);
  // English words in capitals ("ENERGY", "LOVE") are emphasis, not acronyms.
  else if (
    !/^(?:CO2|PDF|TV|PS|KI|IT|PR|CD|DVD|USB|SMS|PIN|WLAN|GPS|LED|WC|KW|PKW|LKW|Uhr|ID)$/i.test(t.bare) &&
    !ctx.res.commonAcronyms?.has(t.bare.toUpperCase()) &&
    !(t.bare.length > 3 && ctx.g.commonWords.has(t.lower))
  )
    // "IG Metall": an acronym and one more name word, with a space where a compound would take a hyphen.
    ctx.take('organisation', acronymHead(ctx, t) ? [t, ctx.tokens[t.index + 1]] : [t]);
}

// The word after is the rest of the name when it is a name word that no other evidence claims (no place, no
// given name) and the name ends with it ("die IG Metall fordert"), not a heading in capitals ("DER PLAN").
function acronymHead(ctx: EvidenceContext, t: Token): boolean {
  const next = ctx.tokens[t.index + 1];
  const after = ctx.tokens[t.index + 2];
  // Only with the language's resources: without its stopwords and titles any capitalised word would do.
  return (
    ctx.res.organisationHeads.length > 0 &&
    /^\p{Lu}{2,4}$/u.test(t.text) &&
    !ctx.res.clubPrefixes.has(t.lower) &&
    ctx.nameWord(next) &&
    ctx.sameSentence(t, next) &&
    !ctx.used.has(next.index) &&
    ctx.text.slice(t.end, next.start) === ' ' &&
    /^\p{Lu}\p{Ll}+$/u.test(next.text) &&
    !ctx.placeBase(next) &&
    !ctx.givenName(next) &&
    !(ctx.sameSentence(t, after) && after.capitalised && !ctx.res.stopwords.has(after.lower))
  );
}

function byHead(ctx: EvidenceContext, t: Token): void {
  const { res } = ctx;
  const head = ctx.headRe.exec(t.lower);
  // "Landrat", "Bundesrat" differ: a role is never an organisation's head.
  if (!head || res.titles.has(t.lower)) return;
  const generic = res.genericHeads.has(t.lower.replace(/s$/, '')) || res.genericHeads.has(t.lower);
  const modifiers = modifiersBefore(ctx, t);
  const named = t.lower === head[1] ? namedAfter(ctx, t) : personBeforeCompound(ctx, t);
  const run = [...(modifiers.length ? modifiers : named), t];
  run.push(...objectAfterHead(ctx, t, run.length, generic, head[1]));
  if (generic && run.length === 1) return;
  if (run.length === 1 && res.weakHeads?.has(head[1]) && !t.text.includes('-') && !res.institutionPrefix?.test(t.lower)) {
    // "Verbraucherzentrale Hamburg", "Handwerkskammer Dresden": an everyday compound with a town after it is the
    // body of that town (a "Konzernzentrale Hamburg" is not written so).
    const town = townAfter(ctx, t);
    if (!town.length) return;
    run.push(...town);
  }
  // A compound is a name only when it is long enough to carry a modifier ("Landgericht", not "Gericht").
  if (run.length === 1 && t.lower.length - head[0].length < 3) return;
  const name = res.organisationBase
    ? res.organisationBase(
        run.map((x) => x.bare),
        run.indexOf(t),
      )
    : baseForm(run);
  ctx.take('organisation', run, name);
}

// Modifiers before the head: "Deutsche Lebens-Rettungs-Gesellschaft", "Malteser Hilfsdienst".
function modifiersBefore(ctx: EvidenceContext, t: Token): Token[] {
  const { tokens, res } = ctx;
  const run: Token[] = [];
  for (let k = t.index - 1; k >= 0 && run.length < 3; k--) {
    const before = tokens[k];
    if (!ctx.sameSentence(t, before) || !before.capitalised || res.stopwords.has(before.lower) || res.titles.has(before.lower)) break;
    if (!(ADJECTIVE.test(before.bare) || /-$/.test(before.text) || before.text.includes('-'))) break;
    if (before.position === 0 && !/(?:sche|sch|ische|ischen|scher|schen|er)$/u.test(before.lower)) break;
    run.unshift(before);
  }
  // "Industrie- und Handelskammer": a first part cut before "und" shares the head.
  const and = tokens[t.index - 1 - run.length];
  const cut = tokens[t.index - 2 - run.length];
  if (and?.lower === 'und' && ctx.sameSentence(t, cut) && /^\p{Lu}\p{Ll}+-$/u.test(cut.text)) run.unshift(cut, and);
  return run;
}

// "Stanford Universität", "Bertelsmann Stiftung", "Robert Bosch Stiftung": a bare head after the name it is named
// for, written apart; the name is no common noun ("Forschung Universität" is no German) and no country or city.
function namedAfter(ctx: EvidenceContext, t: Token): Token[] {
  const { tokens, res } = ctx;
  const name = (w: Token | undefined): w is Token =>
    ctx.sameSentence(t, w) &&
    !ctx.used.has(w.index) &&
    /^\p{Lu}\p{Ll}+$/u.test(w.text) &&
    !res.stopwords.has(w.lower) &&
    !res.titles.has(w.lower) &&
    !ctx.commonNounForm(w.lower) &&
    !ctx.largePlace(w);
  const before = tokens[t.index - 1];
  if (!name(before) || ctx.text.slice(before.end, t.start) !== ' ') return [];
  const given = tokens[before.index - 1];
  return name(given) && ctx.givenName(given) && ctx.text.slice(given.end, before.start) === ' ' ? [given, before] : [before];
}

// "Robert Koch-Institut", "Otto Hahn-Gymnasium": a compound whose first part is a surname, with the given name
// written apart before it, is named after that person as a whole.
function personBeforeCompound(ctx: EvidenceContext, t: Token): Token[] {
  const given = ctx.tokens[t.index - 1];
  if (
    !/^\p{Lu}\p{Ll}+-\p{Lu}/u.test(t.text) ||
    !ctx.sameSentence(t, given) ||
    ctx.used.has(given.index) ||
    ctx.text.slice(given.end, t.start) !== ' '
  )
    return [];
  // Surnames are often nouns too ("Koch", "Bauer"): the given name before it is the evidence.
  return ctx.givenName(given) && /^\p{Lu}\p{Ll}+$/u.test(given.text) ? [given] : [];
}

// A town's name (one word or two) right after a compound head, in the nominative and not a country, ending the
// name: "Verbraucherzentrale Hamburg", "Golfclub Bad Ems".
function townAfter(ctx: EvidenceContext, t: Token): Token[] {
  const [after, second, third] = [1, 2, 3].map((k) => ctx.tokens[t.index + k]);
  const free = (w: Token | undefined, from: Token): w is Token =>
    ctx.sameSentence(t, w) && !ctx.used.has(w.index) && w.capitalised && ctx.text.slice(from.end, w.start) === ' ';
  const nameGoesOn = (w: Token | undefined, from: Token): boolean => free(w, from) && !ctx.res.stopwords.has(w.lower);
  if (!free(after, t)) return [];
  if (free(second, after) && ctx.isPlace(`${after.bare} ${second.bare}`) && !nameGoesOn(third, second)) return [after, second];
  // Regions and landscapes count ("Polizeipräsidium Mittelfranken"); countries do not ("Verbraucherzentrale Schweiz"
  // is the Swiss one, reported as the country's branch by the place pass).
  const country = ctx.geo.countries.has(after.lower) || ctx.geo.worldRegions.has(after.lower);
  const town = (ctx.placeBase(after) === after.bare || ctx.localTown(after)) && !country;
  return town && !nameGoesOn(second, after) ? [after] : [];
}

// A name or place after the head: "Universität Hamburg", "Bundesamt für Bevölkerungsschutz".
function objectAfterHead(ctx: EvidenceContext, t: Token, runLength: number, generic: boolean, head: string): Token[] {
  const after = ctx.tokens[t.index + 1];
  if (!ctx.sameSentence(t, after)) return [];
  const place = ctx.placeBase(after);
  // "Universität Hamburg", "Klinikum Nürnberg", "Polizei Hamburg" are names, "Partei Deutschlands" (genitive) a
  // description; a compound head stands on its own ("das Landgericht Frankfurt" is joined later, when it is one).
  if (after.capitalised && place === after.bare && (generic || t.lower === head)) return [after];
  // "Humboldt-Universität zu Berlin", "Universität zu Köln": a university's seat after "zu" is part of its name.
  const seat = ctx.tokens[t.index + 2];
  if (after.lower === 'zu' && /^(?:universität|hochschule)$/u.test(head) && ctx.sameSentence(t, seat) && ctx.placeBase(seat) === seat.bare)
    return [after, seat];
  if (ctx.res.headJoiners.includes(after.lower) && (runLength === 1 || generic) && (!generic || !!ctx.res.joinedHeads?.has(head)))
    return joinedObject(ctx.tokens, after, ctx.res, ctx.text);
  return [];
}

// The object of a joiner after a head: "für Bevölkerungsschutz", "der Ersatzkassen", "für den Wissenschaftlichen Film"
// (an article only before an adjective, then a noun).
function joinedObject(tokens: Token[], joiner: Token, res: NameEvidence, text: string): Token[] {
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
  if (last === joiner || !last.capitalised) return [];
  // "Bundesamt für Migration und Flüchtlinge (BAMF)": a second object after "und", where an acronym is defined.
  const [and, second, bracket] = [1, 2, 3].map((n) => tokens[last.index + n]);
  if (and?.lower === 'und' && second?.sentence === joiner.sentence && second.capitalised && !res.stopwords.has(second.lower))
    if (bracket && /^\s*\($/u.test(text.slice(second.end, bracket.start))) words.push(and, second);
  return words;
}

// "die Verleihfirmen Panorama und Neue Filmkunst", "der Streamingdienst Spotify": names right after a kind noun.
function namesAfterKinds(ctx: EvidenceContext): void {
  const { tokens, text, res } = ctx;
  const kinds = res.organisationKinds as RegExp;
  const gap = (a: Token, b: Token): string => text.slice(a.end, b.start);
  const candidate = (t: Token | undefined, sentence: number): t is Token =>
    !!t &&
    t.sentence === sentence &&
    t.capitalised &&
    !ctx.used.has(t.index) &&
    !res.stopwords.has(t.lower) &&
    !res.titles.has(t.lower) &&
    !kinds.test(t.lower) &&
    !(res.commonNounEnding?.test(t.lower) ?? false) &&
    // Long compounds ("Abrechnungsdienstleister") are common nouns.
    !(t.bare.length > 15 && /^\p{Lu}\p{Ll}+$/u.test(t.bare)) &&
    !ctx.countryOrGenitive(t);
  for (const kind of tokens) {
    if (!kind.capitalised || kind.position === 0 || !kinds.test(kind.lower)) continue;
    // A kind compound a head made an organisation ("Sozialverband", "Arbeitsagentur", "Musikkonzern").
    const own = ctx.found.find((f) => f.type === 'organisation' && f.tokens.length === 1 && f.tokens[0] === kind);
    if (own && joinedToKind(ctx, own)) continue;
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
      // "der Tourismusverband Paznaun-Ischgl": a name right after a body's compound whose head takes a name is the
      // name's end; after "der Musikkonzern" the compound only said what kind of body the name is.
      const head = own && previous === kind ? ctx.headRe.exec(kind.lower)?.[1] : undefined;
      if (own && previous === kind && !(head && ctx.res.joinedHeads?.has(head))) ctx.found.splice(ctx.found.indexOf(own), 1);
      if (own && previous === kind && ctx.found.includes(own)) {
        own.tokens.push(...run);
        own.name = `${own.name} ${run.map((x) => x.bare).join(' ')}`;
        for (const x of run) ctx.used.add(x.index);
      } else ctx.take('organisation', run);
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

// "die Arbeitsagentur Cottbus", "der Sozialverband VdK": a town or an acronym right after an organisation's kind
// compound is part of its name.
function joinedToKind(ctx: EvidenceContext, own: Found): boolean {
  const kind = own.tokens[0];
  const next = ctx.tokens[kind.index + 1];
  if (!ctx.sameSentence(kind, next) || !next.capitalised || ctx.text.slice(kind.end, next.start) !== ' ') return false;
  const named = ctx.found.find((f) => f.type === 'organisation' && f.tokens[0] === next);
  const acronymOrg = named?.tokens.length === 1 && ACRONYM.test(next.bare) ? named : undefined;
  // "der Musikkonzern Universal": a known name after the compound is the organisation, the compound its kind.
  if (named && !acronymOrg) {
    ctx.found.splice(ctx.found.indexOf(own), 1);
    return true;
  }
  const town = !ctx.used.has(next.index) && ctx.placeBase(next) === next.bare && !ctx.isCountry(next.lower);
  if (!acronymOrg && !town) return false;
  if (acronymOrg) ctx.found.splice(ctx.found.indexOf(acronymOrg), 1);
  own.tokens.push(next);
  own.name = `${own.name} ${next.bare}`;
  ctx.used.add(next.index);
  return true;
}
