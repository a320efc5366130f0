import { gazetteer } from '../entities/entity.gazetteer';
import type { EntityMention } from '../entities/entity.extractor';
import type { Sentence } from '../text/text.tokenizer';
import { antecedent } from './antecedent';
import type { QuoteSpan } from './quote-span.finder';
import type { CompiledQuoteRules } from './quote.rules';
import type { ArticleQuote } from './quote.types';

export interface Speaker {
  name: string;
  type: ArticleQuote['speakerType'];
}

/** What attribution reads: the body, its sentences and entity mentions, and the unnamed speakers met so far. */
export interface QuoteContext {
  text: string;
  sentences: Sentence[];
  mentions: EntityMention[];
  descriptions: string[];
  r: CompiledQuoteRules;
}

const MAX_SPEAKER_WORDS = 8;

/** The speaker a phrase before or after a speech verb names: a person, a pronoun's antecedent, an organisation, a description. */
export function resolve(
  phrase: string,
  start: number,
  end: number,
  q: QuoteSpan,
  ctx: QuoteContext,
  subjectBeforeVerb = false,
): Speaker | undefined {
  const inside = ctx.mentions.filter((m) => m.start >= start && m.end <= end && m.type !== 'place');
  const subject = subjectBeforeVerb ? nameBeforeVerb(phrase, start, inside, ctx.r) : undefined;
  if (subject) return { name: subject.canonical, type: subject.type === 'person' ? 'person' : 'organisation' };
  const person = inside.find((m) => m.type === 'person');
  if (person) return { name: person.canonical, type: 'person' };
  const trimmed = phrase
    .replace(/[\s,;:—–-]+$/, '')
    .replace(/^[\s,;:—–-]+/, '')
    .trim();
  const pronoun = subjectPronoun(trimmed, subjectBeforeVerb, ctx.r);
  if (pronoun !== undefined) return pronounSpeaker(pronoun, q, ctx);
  // "NASA’s Office of the Inspector General": the organisation nearest the verb is the head of the phrase.
  const organisation = [...inside].reverse().find((m) => m.type === 'organisation');
  const r = ctx.r;
  // "The victim's mother testified, describing…": the subject's own speech verb is no part of it.
  // "A Number 10 spokeswoman would only say": the auxiliaries before the verb are no part of the speaker either.
  let description = trimmed
    .replace(r.trailingVerb, '')
    .replace(r.trailingAdverbs, '')
    .replace(r.trailingAdverbs, '')
    .replace(r.trailingAuxiliaries, '');
  while (r.determiners.test(description)) description = description.replace(r.determiners, '');
  const byOrganisation: Speaker | undefined = organisation ? { name: organisation.canonical, type: 'organisation' } : undefined;
  // Compared with the words as written: "der AStA" names the organisation whatever its canonical name.
  const written = organisation ? ctx.text.slice(organisation.start, organisation.end) : '';
  if (
    organisation &&
    (!description ||
      (description.toLowerCase().startsWith(written.toLowerCase().split(' ')[0]) &&
        description.split(/\s+/).length <= written.split(/\s+/).length + 1))
  ) {
    return byOrganisation;
  }
  if (
    !plausibleDescription(description, r) ||
    (!subjectBeforeVerb && r.clauseInDescription?.test(description)) ||
    description.split(/\s+/).length > MAX_SPEAKER_WORDS ||
    /[“”"]/.test(description) ||
    r.notASubjectStart.test(description) ||
    r.pronounInDescription.test(description)
  ) {
    return byOrganisation;
  }
  return describedSpeaker(description, trimmed, q, ctx);
}

// "in what host Tom Bergeron described", "On Monday, the People’s Daily, the mouthpiece of the Communist party,
// warned", "a spokesman for the LSE said": the name standing right before the verb (past auxiliaries and an
// apposition) is its subject; an organisation only when no person is named ("Ann Lee, an analyst at Nomura told").
function nameBeforeVerb(phrase: string, start: number, inside: EntityMention[], r: CompiledQuoteRules): EntityMention | undefined {
  const head = phrase.replace(r.trailingAuxiliaries, '').replace(r.trailingApposition, '').trimEnd();
  const named = inside.find((m) => m.end === start + head.length);
  return named?.type === 'person' || !inside.some((m) => m.type === 'person') ? named : undefined;
}

// "he said", "He instead told", "and she added": the pronoun the subject is, or undefined when it is none. ''
// means a pronoun that stands for nobody the rules know.
function subjectPronoun(trimmed: string, subjectBeforeVerb: boolean, r: CompiledQuoteRules): string | undefined {
  // "Audience members laughed when he", "In a Tumblr post at the time she": the subject is the last clause's.
  const clauseTail = subjectBeforeVerb ? lastClause(trimmed, r) : trimmed;
  const words = clauseTail.split(/\s+/);
  const pronounWord =
    words.length <= 3
      ? words.find((w) => r.pronoun.test(w))
      : r.pronoun.test(words[words.length - 1])
        ? words[words.length - 1]
        : undefined;
  if (!(r.pronoun.test(trimmed) || (subjectBeforeVerb && pronounWord))) return undefined;
  return (r.pronoun.test(trimmed) ? trimmed : (pronounWord ?? '')).toLowerCase();
}

function pronounSpeaker(pronoun: string, q: QuoteSpan, ctx: QuoteContext): Speaker | undefined {
  const { r, mentions, sentences } = ctx;
  if (r.personPronoun.test(pronoun)) {
    const gender = r.malePronoun.test(pronoun) ? 'm' : r.femalePronoun.test(pronoun) ? 'f' : undefined;
    const last = antecedent(mentions, q.openAt, sentences, { gender, speech: r });
    return last ? { name: last.canonical, type: 'person' } : undefined;
  }
  if (r.organisationPronoun.test(pronoun)) {
    const last = antecedent(mentions, q.openAt, sentences, { type: 'organisation', speech: r });
    return last ? { name: last.canonical, type: 'organisation' } : undefined;
  }
  return undefined;
}

// An unnamed speaker: the same one described earlier, one introduced earlier, the person in focus behind a
// definite role, or a new description.
function describedSpeaker(description: string, trimmed: string, q: QuoteSpan, ctx: QuoteContext): Speaker {
  const { r, descriptions } = ctx;
  // "the expert warned" after "one legal expert said": the same unnamed speaker.
  if (r.definite.test(trimmed) || description.split(/\s+/).length === 1) {
    const head = description.split(/\s+/).pop()?.toLowerCase() ?? '';
    const earlier = [...descriptions].reverse().find((d) => d.split(/\s+/).pop()?.toLowerCase() === head);
    if (earlier) return { name: earlier, type: 'description' };
    if (r.definite.test(trimmed) && description.split(/\s+/).length <= 3) {
      // "the health secretary said" after "Health Secretary Wes Streeting" or "Karen Bass, the mayor,": the person
      // the text gave that title.
      const titled = personTitled(head, q, ctx);
      if (titled) return titled;
    }
    // Or introduced earlier without a quote: "A senior government official, who spoke on condition of anonymity, said…"
    const introduced = introductions(ctx.text.slice(Math.max(0, q.openAt - 1500), q.openAt), head, r).pop();
    if (introduced) return { name: introduced, type: 'description' };
    // "the actor said", "the 42-year-old added": a definite role refers back to the person in focus; "the victim's
    // mother" is someone else's, not the person in focus.
    const role = r.personRole.test(head) || (r.demonymsAreRoles && gazetteer().demonyms.has(head));
    const possessed = /['’]s\s/u.test(description);
    if (r.definite.test(trimmed) && description.split(/\s+/).length <= 2 && role && !possessed) {
      const last = antecedent(ctx.mentions, q.openAt, ctx.sentences, { speech: r });
      if (last) return { name: last.canonical, type: 'person' };
    }
  }
  descriptions.push(description);
  return { name: description, type: 'description' };
}

// The person named right after the title (the head of a description: "secretary", "mayor") or with it in an
// apposition ("Karen Bass, the mayor", "The mayor, Karen Bass"), the latest before the quote.
function personTitled(head: string, q: QuoteSpan, ctx: QuoteContext): Speaker | undefined {
  if (!/^[\p{L}-]{3,}$/u.test(head)) return undefined;
  const before = new RegExp(`(?<![\\p{L}])${head}\\s*,?\\s*$`, 'iu');
  const after = new RegExp(`^,\\s+(?:[^,.;:“”"]{0,40}\\s)?${head}(?![\\p{L}])`, 'iu');
  const people = ctx.mentions.filter((m) => m.type === 'person' && m.end <= q.openAt && m.start >= q.openAt - 3000);
  const titled = [...people].reverse().find((m) => {
    const written = ctx.text.slice(m.start, m.end);
    return (
      before.test(ctx.text.slice(Math.max(0, m.start - 40), m.start)) ||
      after.test(ctx.text.slice(m.end, m.end + 60)) ||
      written.toLowerCase().split(/\s+/).slice(0, -1).includes(head)
    );
  });
  return titled ? { name: titled.canonical, type: 'person' } : undefined;
}

/** The last clause of a phrase before a speech verb: what follows its last comma or conjunction. */
function lastClause(phrase: string, r: CompiledQuoteRules): string {
  const m = r.clauseBreak.exec(phrase);
  return m ? phrase.slice(m.index + m[0].length).trim() : phrase;
}

// Indefinite noun phrases ending in a head noun: "a senior government official", "one legal expert".
function introductions(before: string, head: string, r: CompiledQuoteRules): string[] {
  if (!/^[\p{L}-]+$/u.test(head)) return [];
  const found: string[] = [];
  const lower = before.toLowerCase();
  for (let at = lower.indexOf(head); at >= 0; at = lower.indexOf(head, at + head.length)) {
    const end = at + head.length;
    if (/[\p{L}]/u.test(lower[end] ?? '') || (at > 0 && /[\p{L}]/u.test(lower[at - 1]))) continue;
    // Up to three modifiers between the determiner and the head.
    const words = before.slice(Math.max(0, at - 60), end).split(/\s+/);
    const phrase = words.slice(-5);
    const determiner = phrase.findIndex((w) => r.indefinite.test(w));
    if (determiner >= 0 && phrase.slice(determiner + 1).every((w) => /^[\p{L}'’-]+$/u.test(w)))
      found.push(phrase.slice(determiner + 1).join(' '));
  }
  return found;
}

// A speaker description needs a content word: "before", "and then" are leftovers of a clause, not a speaker.
function plausibleDescription(description: string, r: CompiledQuoteRules): boolean {
  return description.split(/\s+/).some((w) => w.length > 2 && !r.stopwords.has(w.toLowerCase()) && /^[\p{L}'’\-]+$/u.test(w));
}
