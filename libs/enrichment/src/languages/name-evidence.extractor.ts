import type { EntityAnalysis } from '../entities/entity.extractor';
import { tokenise, type Token } from '../entities/name-span.finder';
import type { Sentence } from '../text/text.tokenizer';
import { EvidenceContext } from './name-evidence.context';
import { findOrganisations } from './name-evidence.organisations';
import { aliasDefinedAcronyms, summarise } from './name-evidence.summary';
import type { NameEvidence } from './name-evidence.types';

export type { NameEvidence } from './name-evidence.types';

/**
 * Entities from evidence other than capitals: for German, where every noun is capitalised, and for languages without resources. A capitalised run says little: a name needs a given name,
 * a title or role before it, an organisation head, legal form or acronym, or the place gazetteer. Inflected forms
 * are reported in their base form ("der Deutschen Presse-Agentur" → "Deutsche Presse-Agentur", "Deutschlands" →
 * "Deutschland").
 */
export function extractEntitiesByEvidence(text: string, sentences: Sentence[], title: string, res: NameEvidence): EntityAnalysis {
  const tokens = tokenise(text, sentences);
  const ctx = new EvidenceContext(text, tokens, res);
  // The order matters: each step takes only tokens no earlier step took.
  findOrganisations(ctx);
  for (const t of tokens) if (!ctx.used.has(t.index) && t.capitalised) findPerson(ctx, t);
  for (const t of tokens) if (!ctx.used.has(t.index) && t.capitalised) findPlace(ctx, t);
  resolveSurnames(ctx);
  aliasDefinedAcronyms(ctx.found, text);
  return summarise(ctx.found, tokens, sentences.length, title);
}

// People: a given name before one or two name words; a title before one to three; two name words described as a person.
function findPerson(ctx: EvidenceContext, t: Token): void {
  const { tokens, res } = ctx;
  const next = tokens[t.index + 1];
  // "Sebastian Kehl": after a given name, a town's name is a surname; a country or city is not ("Maria Berlin").
  if (ctx.givenName(t) && ctx.nameWord(next) && ctx.sameSentence(t, next) && !ctx.largePlace(next) && !ctx.givenNameAsWord(t, next)) {
    const run = [t, next];
    const third = tokens[next.index + 1];
    if (
      ctx.nameWord(third) &&
      ctx.sameSentence(t, third) &&
      (ctx.givenName(next) || /^\p{Lu}\.$/u.test(next.text) || res.particles.includes(next.lower))
    )
      run.push(third);
    return ctx.take('person', run);
  }
  if (res.titles.has(t.lower.replace(/\.$/, '')) && ctx.nameWord(next) && ctx.sameSentence(t, next)) {
    const run: Token[] = [];
    for (
      let k = next.index;
      k < tokens.length && run.length < 3 && ctx.nameWord(tokens[k]) && ctx.sameSentence(t, tokens[k]) && !ctx.used.has(k);
      k++
    )
      run.push(tokens[k]);
    // "Papst Franziskus", "Trainer Thomas Weber": the role is not part of the name; a lone common noun after a
    // role ("Präsident Verbände") is rare, so one name word is enough.
    if (run.length && !ctx.placeBase(run[0])) ctx.take('person', run);
    return;
  }
  // "Kumi Naidoo, früherer Generalsekretär von …", "Jana Wirth (45)": two name words described as a person.
  // The description outweighs a district or town of the same name ("Kumi" in Uganda); a country or city does not.
  if (
    ctx.nameWord(next) &&
    ctx.sameSentence(t, next) &&
    ctx.nameWord(t) &&
    !ctx.largePlace(t) &&
    !ctx.largePlace(next) &&
    !ctx.used.has(next.index)
  ) {
    const after = ctx.text.slice(next.end, next.end + 60);
    const apposition = /^,\s+(?:(?:der|die|ein|eine)\s+)?(?:\p{Ll}+\s+)?(\p{L}+)/u.exec(after);
    if (/^\s*\(\d{1,3}\)/.test(after) || (apposition && res.titles.has(apposition[1].toLowerCase()))) ctx.take('person', [t, next]);
  }
}

// Places from the gazetteers (with genitive endings), after a place noun ("Kanton Jura"), compass compounds.
function findPlace(ctx: EvidenceContext, t: Token): void {
  const { tokens, res } = ctx;
  const next = tokens[t.index + 1];
  if (ctx.sameSentence(t, next) && next.capitalised && ctx.isPlace(`${t.bare} ${next.bare}`)) return ctx.take('place', [t, next]);
  if (res.placeHeads.has(t.lower) && ctx.nameWord(next) && ctx.sameSentence(t, next) && !ctx.used.has(next.index)) {
    // "die Stadt Bergisch Gladbach": the name may have two words.
    const second = tokens[next.index + 1];
    const pair = ctx.sameSentence(t, second) && second.capitalised && ctx.isPlace(`${next.bare} ${second.bare}`);
    return ctx.take('place', pair ? [next, second] : [next]);
  }
  // "die Nordseeinsel Sylt": a compound place noun before a name; no form of a common noun ("gingen in der
  // Hauptstadt Menschen auf die Straße"), which also leaves out an island named like one ("Rügen", plural of
  // "Rüge"), but names compounded of nouns are names ("Wangerland").
  if (
    res.placeHeadEnding?.test(t.lower) &&
    ctx.nameWord(next) &&
    ctx.sameSentence(t, next) &&
    !ctx.used.has(next.index) &&
    (ctx.placeBase(next) !== undefined || !ctx.commonNounForm(next.lower))
  )
    return ctx.take('place', [next], ctx.placeBase(next));
  if (res.road?.test(ctx.text.slice(Math.max(0, t.start - 20), t.end))) return ctx.take('place', [t]);
  // "das Paznauntal", "am Tegernsee", "die Inntalautobahn": a name compounded with a landscape's or a road's noun,
  // when neither the word nor its first part is a common noun ("Kapital", "Stausee", "Urwald" are none).
  const landscape = res.landscapeEnding?.exec(t.bare);
  if (landscape && t.position > 0 && !ctx.commonNounForm(t.lower) && !ctx.nounPrefix(landscape[2].toLowerCase()))
    return ctx.take('place', [t], landscape[1]);
  // "im Rhein-Sieg-Kreis", "des Main-Taunus-Kreises": a district named by a hyphenated compound on a place noun.
  const district = res.hyphenatedPlace?.exec(t.bare);
  if (district && t.position > 0) return ctx.take('place', [t], district[1]);
  const base = ctx.placeBase(t) ?? (ctx.localTown(t) ? t.bare : undefined);
  if (
    base &&
    !res.stopwords.has(t.lower) &&
    (ctx.isCountry(base.toLowerCase()) || (!ctx.timePhrase(t) && !ctx.nounHere(t) && !ctx.surnameHere(t) && !ctx.borrowedWordHere(t)))
  )
    ctx.take('place', [t], base);
}

// Surnames alone after a full name: the same person ("Khevenhüller" after "Georg Khevenhüller").
function resolveSurnames(ctx: EvidenceContext): void {
  const { tokens, found, text } = ctx;
  const people = found.filter((f) => f.type === 'person' && f.tokens.length > 1);
  const surnames = new Map(people.map((p) => [p.tokens[p.tokens.length - 1].lower, p.name]));
  for (const t of tokens) {
    if (ctx.used.has(t.index) || !t.capitalised) continue;
    const lower = t.lower.replace(/s$/, '');
    const full = surnames.get(t.lower) ?? (t.bare.endsWith('s') ? surnames.get(lower) : undefined);
    if (full) ctx.take('person', [t], full);
  }
  // "Frank Wisbars Film": a name in the genitive before the noun it qualifies is reported in the nominative.
  for (const f of found) {
    const last = f.tokens[f.tokens.length - 1];
    const after = tokens[last.index + 1];
    if (f.type !== 'person' || f.tokens.length < 2 || !/[^s]s$/.test(last.bare) || !ctx.sameSentence(last, after)) continue;
    if (after.capitalised && text.slice(last.end, after.start) === ' ' && ctx.nounCompound(after.lower)) f.name = f.name.slice(0, -1);
  }
  // "Frau Hofmann" after "Lena Hofmann": a surname taken after a title is the person named in full.
  for (const f of found) if (f.type === 'person' && f.tokens.length === 1) f.name = surnames.get(f.tokens[0].lower) ?? f.name;
}
